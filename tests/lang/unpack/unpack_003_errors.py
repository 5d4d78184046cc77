# Unpacking mismatches and the exact messages they produce.
cases = [
    lambda: [(a, b) for a, b in [(1, 2, 3)]],
    lambda: [(a, b, c) for a, b, c in [(1, 2)]],
    lambda: [a for a, b in [5]],
    lambda: [a for a, *b, c in [(1,)]],
    lambda: [a for (a, b) in ["xyz"]],
    lambda: [a for a, b in [{}]],
    lambda: [a for a, b in [{"k": 1, "j": 2, "l": 3}]],
    lambda: [a for a, b in [None]],
]
for fn in cases:
    try:
        print(fn())
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
def swap_ok():
    a, b = "xy"
    return b + a
print(swap_ok())
def gen3():
    yield 1
    yield 2
    yield 3
try:
    x, y = gen3()
except ValueError as e:
    print("ValueError:", e)
x, y, z = gen3()
print(x, y, z)
a, *b = gen3()
print(a, b)
try:
    a, b, c, d, *e = gen3()
except ValueError as e:
    print("ValueError:", e)
k1, k2 = {"first": 1, "second": 2}
print(k1, k2)
(m, n), = [(7, 8)]
print(m, n)
[single] = ["only"]
print(single)
try:
    [single] = []
except ValueError as e:
    print("ValueError:", e)
