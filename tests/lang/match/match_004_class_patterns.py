# Class patterns: positional via __match_args__, keyword attributes, builtin types, nested objects.
class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y
class Circle:
    __match_args__ = ("center", "radius")
    def __init__(self, center, radius):
        self.center, self.radius = center, radius
class Rect:
    def __init__(self, corner, w, h):
        self.corner, self.w, self.h = corner, w, h
def where(p):
    match p:
        case Point(0, 0):
            return "origin"
        case Point(0, y):
            return f"on y axis at {y}"
        case Point(x, 0):
            return f"on x axis at {x}"
        case Point(x=x, y=y) if x == y:
            return f"diagonal {x}"
        case Point():
            return f"somewhere ({p.x}, {p.y})"
        case _:
            return "not a point"
for p in [Point(0, 0), Point(0, 5), Point(3, 0), Point(2, 2), Point(1, 9), "point"]:
    print(where(p))
def area(shape):
    match shape:
        case Circle(Point(x, y), r) if r > 0:
            return f"circle at ({x},{y}) area {3.14159 * r * r:.2f}"
        case Circle(_, r):
            return f"degenerate circle r={r}"
        case Rect(corner=Point(x=x, y=y), w=w, h=h):
            return f"rect at ({x},{y}) area {w * h}"
        case _:
            return "unknown shape"
for s in [Circle(Point(1, 2), 1), Circle(Point(0, 0), 0), Rect(Point(5, 5), 3, 4), Point(1, 1)]:
    print(area(s))
def typed(v):
    match v:
        case bool(b):
            return f"bool {b}"
        case int(i) if i < 0:
            return f"negative int {i}"
        case int(i):
            return f"int {i}"
        case float(f):
            return f"float {f}"
        case str(s) if s.isdigit():
            return f"numeric string {s}"
        case str(s):
            return f"string {s!r}"
        case list([int(a), int(b)]):
            return f"list of two ints {a},{b}"
        case list(items):
            return f"list of {len(items)}"
        case dict(d):
            return f"dict with {len(d)} keys"
        case tuple((a, *_)):
            return f"tuple starting {a}"
        case None:
            return "None"
        case _:
            return f"other {type(v).__name__}"
for v in [True, -4, 7, 2.5, "123", "abc", [1, 2], [1, "2"], {"a": 1}, (9, 8), (), None, {1, 2}]:
    print(repr(v), "->", typed(v))
class Node:
    __match_args__ = ("value", "left", "right")
    def __init__(self, value, left=None, right=None):
        self.value, self.left, self.right = value, left, right
def tree_sum(t):
    match t:
        case None:
            return 0
        case Node(v, l, r):
            return v + tree_sum(l) + tree_sum(r)
def leftmost(t):
    match t:
        case Node(v, None, _):
            return v
        case Node(_, l, _):
            return leftmost(l)
tree = Node(1, Node(2, Node(4)), Node(3, None, Node(5)))
print(tree_sum(tree), leftmost(tree), leftmost(tree.right))
class Bad:
    __match_args__ = ("a",)
    def __init__(self):
        self.a = 1
try:
    match Bad():
        case Bad(x, y):
            pass
except TypeError as e:
    print("TypeError:", e)
match Point(1, 2):
    case Point(x=1, z=3):
        print("missing attribute matched?!")
    case Point(y=2) as pt:
        print("keyword-only match, bound", type(pt).__name__, pt.x)
