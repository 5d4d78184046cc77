# Sequence patterns: fixed length, star captures, nested sequences, tuples vs lists, strings not sequences.
def describe(seq):
    match seq:
        case []:
            return "empty"
        case [x]:
            return f"one item {x!r}"
        case [x, y]:
            return f"two items {x!r}, {y!r}"
        case [first, *middle, last] if not middle:
            return "unreachable"
        case [first, *middle, last]:
            return f"first={first!r} middle={middle} last={last!r}"
for s in [[], [1], (1, 2), [1, 2, 3], range(5), (9, 8, 7, 6)]:
    print(s, "->", describe(s))
print(describe("ab") if False else "strings are not matched as sequences:")
def kind(v):
    match v:
        case [*_]:
            return "sequence"
        case str():
            return "string"
        case _:
            return "other"
print([kind(v) for v in ["abc", [1], (), b"xy", bytearray(b"z"), {1: 2}, {1}, range(2)]])
def process(cmd):
    match cmd:
        case ["add", x, y]:
            return x + y
        case ["neg", x]:
            return -x
        case ["sum", *nums]:
            return sum(nums)
        case ["pair", [a, b], [c, d]]:
            return (a + c, b + d)
        case ["first", [head, *_]]:
            return head
        case [("point" | "vec") as tag, x, y]:
            return f"{tag}({x}, {y})"
        case [*_, "end"]:
            return "ends with end"
        case _:
            return "?"
cmds = [["add", 2, 3], ["neg", 4], ["sum"], ["sum", 1, 2, 3, 4], ["pair", [1, 2], [10, 20]], ["first", [7, 8, 9]],
        ["first", []], ["point", 1, 2], ["vec", 0, -1], ["a", "b", "end"], ("add", 1, 1), ["add", 1]]
for c in cmds:
    print(c, "->", process(c))
def head_tail(xs):
    match xs:
        case [h, *t]:
            return h + head_tail(t)
        case []:
            return 0
print(head_tail(list(range(11))))
def unpack_points(points):
    out = []
    for p in points:
        match p:
            case (x, y, z):
                out.append(f"3d {x},{y},{z}")
            case (x, y):
                out.append(f"2d {x},{y}")
            case [x]:
                out.append(f"1d {x}")
    return out
print(unpack_points([(1, 2), (1, 2, 3), [5], (1, 2, 3, 4)]))
match [1, [2, [3, [4]]]]:
    case [a, [b, [c, [d]]]]:
        print("deep", a, b, c, d)
match (1, 2, 3, 4, 5):
    case (1, *rest) if len(rest) > 3:
        print("rest", rest, type(rest).__name__)
match []:
    case [*everything]:
        print("star matches empty:", everything)
