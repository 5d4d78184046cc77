# Generator expressions and comprehensions scoping.
squares = (x * x for x in range(6))
print(type(squares).__name__)
print(list(squares))
print(list(squares))

print(sum(x for x in range(10) if x % 2))
print(list((a, b) for a in range(3) for b in "xy" if a != 1))

# the first iterable is evaluated eagerly
def src():
    print("evaluating source")
    return [1, 2]
g = (v for v in src())
print("created")
print(list(g))

try:
    (x for x in 5)
except TypeError as e:
    print("TypeError:", e)

# late binding of free variables
n = 10
g = (x + n for x in range(3))
n = 100
print(list(g))

# nested generator expressions
print(list(list(y for y in range(x)) for x in range(4)))

# generator expression as the only argument
print(max(len(w) for w in ["a", "abc", "ab"]))
print(" ".join(str(i) for i in range(5)))

# generator expressions with conditions referencing outer function locals
def f(limit):
    return [x for x in (y * 2 for y in range(limit)) if x < limit]
print(f(7))

# dict / set comprehensions and generators interplay
print({k: v for k, v in ((i, i * i) for i in range(4))})
print(sorted({c for c in "mississippi"}))

# genexpr's __name__
g = (i for i in [])
print(g.__name__)
print(next(g, "empty"))

# generators used with zip / enumerate / map
print(list(zip((i for i in range(3)), (c for c in "abc"))))
print(list(enumerate(x * 3 for x in "ab")))
print(list(map(lambda t: t + 1, (i for i in range(3)))))
