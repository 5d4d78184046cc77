# TypeError: bad operand type for unary minus.
values = [3, -2.5, 7, "5"]
for v in values:
    print(repr(v), -v)
