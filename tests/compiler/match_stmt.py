# Structural pattern matching: every pattern kind.
def classify(subject):
    match subject:
        case None:
            return "none"
        case 0 | 1 | -1:
            return "small"
        case "text" | b"bytes":
            return "literal"
        case [x, y, *rest] if x > y:
            return rest
        case [_, _, *_]:
            return "long"
        case (a, b):
            return a + b
        case {"key": value, **others}:
            return value, others
        case {}:
            return "mapping"
        case Point(x=0, y=yy) as p:
            return p, yy
        case Point(px, py):
            return px + py
        case str() | bytes():
            return "string"
        case Color.RED:
            return "red"
        case 1.5 | 2 + 3j:
            return "number"
        case _:
            return "other"
