# Identifiers (including Unicode), soft keywords used as names, and constants.
café = "coffee"
π = 3.14159
変数 = "variable"
_private = 1
__dunder__ = 2
x1_y2 = 3
print(café, π, 変数, _private, __dunder__, x1_y2)
match = "match is a soft keyword"
case = "so is case"
_ = "underscore"
type = "type shadowed"
print(match, case, _, type)
del type
print(type(1).__name__)
print(__name__)
for name in ["abc", "_x", "a1", "1a", "é", "if", "with space", ""]:
    print(repr(name), name.isidentifier())
def fn(match, case):
    return match + case
print(fn(match=1, case=2))
class Point:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y
p = Point(1, 2)
print(p.x, p.y)
print(None is None, True is True, ... is Ellipsis)
print(NotImplemented.__class__.__name__, Ellipsis)
print(str(True), str(False), str(None), int(True), float(False))
print(bool(0), bool(""), bool([]), bool(()), bool({}), bool(None), bool(0.0))
print(bool(1), bool(" "), bool([0]), bool((None,)), bool({0: 0}), bool(-1), bool(0.1))
