# Comprehension scoping: loop variables do not leak, class-body access rules, closures capturing comprehension vars.
x = "outer x"
squares = [x * 2 for x in range(3)]
print(x, squares)
i = "unchanged"
evens = {i for i in range(10) if i % 2 == 0}
print(i, sorted(evens))
k = "k before"
mapping = {k: v for k, v in [("a", 1)]}
print(k, mapping)
total = 100
print([total + n for n in range(3)])
funcs = [lambda: n for n in range(3)]
print([f() for f in funcs])
funcs2 = [lambda n=n: n for n in range(3)]
print([f() for f in funcs2])
class Config:
    base = 10
    names = ["a", "b", "c"]
    upper = [n.upper() for n in names]
    try:
        scaled = [base * i for i in range(3)]
    except NameError as e:
        scaled = f"NameError: {e}"
    first_is_fine = [i * 2 for i in range(base)][-1]
print(Config.upper, Config.scaled, Config.first_is_fine)
def outer():
    factor = 3
    return [factor * v for v in range(4)]
print(outer())
def nested_scopes():
    rows = 3
    return [[r * c for c in range(rows)] for r in range(rows)]
print(nested_scopes())
def walrus_leaks():
    data = [4, 7, 1]
    if any((found := v) > 5 for v in data):
        return f"found {found}"
    return "nothing"
print(walrus_leaks())
def last_seen():
    [(last := v) for v in "abc"]
    return last
print(last_seen())
y = 5
gen = (y * j for j in range(3))
y = 50
print(list(gen))
first_iter = [1, 2, 3]
g = (v for v in first_iter)
first_iter = [9, 9]
print(list(g))
n = 3
print([[n for n in range(n)] for _ in range(2)], n)
def shadows_builtin():
    return [len for len in range(3)], len("abcd")
print(shadows_builtin())
counter = 0
def bump():
    global counter
    counter += 1
    return counter
print([bump() for _ in range(4)], counter)
print({bump(): bump() for _ in range(2)})
