# IndentationError: expected an indented block.
print("never printed")
if True:
print("not indented")
