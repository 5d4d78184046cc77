# An exception with an empty message prints just its type name.
class Problem(Exception):
    pass

try:
    raise Problem("handled")
except Problem as p:
    print("caught", p)
raise Problem()
