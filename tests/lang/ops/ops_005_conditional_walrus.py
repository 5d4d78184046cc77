# Conditional expressions, assignment expressions and operator precedence mixes.
for n in range(-2, 4):
    kind = "negative" if n < 0 else "zero" if n == 0 else "odd" if n % 2 else "even"
    print(n, kind)
data = [3, 8, 1, 9, 4, 7]
if (count := len(data)) > 5:
    print("long list", count)
print([y for x in data if (y := x * 2) > 8])
chunks = iter(["alpha", "beta", "", "gamma"])
while (chunk := next(chunks)):
    print("chunk", chunk)
total = 0
values = [5, 10, 15]
print([total := total + v for v in values], total)
def f(x):
    return x * 10
print((a := 3) + (b := 4), a, b)
print(f(z := 2), z)
print(1 + 2 if False else 3 + 4, (1 + 2) if True else 0)
print(not True == False, (not True) == False)
print(1 | 2 ^ 3 & 4, (1 | 2) ^ (3 & 4), 1 << 2 + 1, (1 << 2) + 1)
print(-3 ** 2, 2 * -3, 2 ** -1 * 4, 10 - -2)
print(3 > 2 == True, (3 > 2) == True)
print("a" < "b" if 1 else 0, [1, 2][0] if [] else "empty")
def classify(values):
    return {k: ("big" if v > 10 else "small") for k, v in values.items()}
print(classify({"x": 5, "y": 50, "z": 10}))
import_free = [x if x % 3 else -x for x in range(10)]
print(import_free)
matrix = [[1, 2], [3, 4]]
print([(v := row[0] + row[1], v * 2) for row in matrix])
lines = ["# comment", "key=value", "", "other = thing ", "#x"]
parsed = {}
for line in lines:
    if (stripped := line.strip()) and not stripped.startswith("#"):
        k, _, v = stripped.partition("=")
        parsed[k.strip()] = v.strip()
print(parsed)
