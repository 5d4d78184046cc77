# match: literal patterns, capture, wildcard, value patterns (dotted names), or-patterns, guards.
def http_status(code):
    match code:
        case 200 | 201 | 204:
            return "success"
        case 301 | 302:
            return "redirect"
        case 404:
            return "not found"
        case int(n) if 400 <= n < 500:
            return f"client error {n}"
        case int(n) if n >= 500:
            return f"server error {n}"
        case _:
            return "unknown"
for c in [200, 204, 302, 404, 418, 503, 99, "200"]:
    print(repr(c), http_status(c))
def literal_kinds(v):
    match v:
        case None:
            return "None"
        case True:
            return "True"
        case False:
            return "False"
        case 0:
            return "zero"
        case 1.5:
            return "one and a half"
        case -3:
            return "minus three"
        case "hello":
            return "greeting"
        case b"raw":
            return "bytes"
        case 2 + 3j:
            return "complex"
        case other:
            return f"captured {other!r}"
for v in [None, True, False, 0, 0.0, 1.5, -3, "hello", b"raw", 2 + 3j, 1, "bye"]:
    print(repr(v), "->", literal_kinds(v))
class Color:
    RED = "red"
    GREEN = "green"
    BLUE = "blue"
def paint(c):
    match c:
        case Color.RED:
            return "warm"
        case Color.GREEN | Color.BLUE:
            return "cool"
        case _:
            return "unknown color"
print([paint(c) for c in ["red", "green", "blue", "mauve"]])
def sign(n):
    match n:
        case x if x < 0:
            return "negative"
        case 0:
            return "zero"
        case x:
            return "positive"
print([sign(n) for n in (-5, 0, 7)])
def bind_and_guard(pair):
    match pair:
        case (a, b) if a == b:
            return f"equal pair {a}"
        case (a, b) if a > b:
            return f"descending {a}>{b}"
        case (a, b):
            return f"ascending {a}<{b}"
print([bind_and_guard(p) for p in [(1, 1), (5, 2), (2, 5)]])
command = "go north"
match command.split():
    case ["go", direction]:
        print("moving", direction)
    case _:
        print("??")
x = 42
match x:
    case _:
        print("wildcard always matches; x still", x)
match 3:
    case 1 | 2 as small:
        print("small", small)
    case (3 | 4) as medium:
        print("medium", medium)
