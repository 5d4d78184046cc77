# Lambdas and higher-order functions: map/filter/sorted keys, returning functions, function attributes.
square = lambda x: x * x
add = lambda a, b=10: a + b
varargs = lambda *a, **k: (a, k)
print(square(7), add(1), add(1, 2), varargs(1, 2, z=3), (lambda: "no args")())
print(list(map(square, range(6))), list(map(lambda a, b: a * b, [1, 2, 3], [4, 5, 6])))
print(list(filter(lambda s: s.startswith("a"), ["apple", "bob", "avocado"])), list(filter(None, [0, 1, "", "x", None])))
pipeline = [str.strip, str.lower, lambda s: s.replace(" ", "-")]
value = "  Hello World  "
for step in pipeline:
    value = step(value)
print(value)
ops = {
    "+": lambda a, b: a + b,
    "-": lambda a, b: a - b,
    "*": lambda a, b: a * b,
    "max": max,
}
print({k: fn(6, 3) for k, fn in ops.items()})
def reduce(fn, seq, init):
    acc = init
    for x in seq:
        acc = fn(acc, x)
    return acc
print(reduce(lambda a, b: a + b, range(10), 0), reduce(lambda a, b: a * b, range(1, 8), 1),
      reduce(lambda acc, w: acc + [len(w)], ["a", "bb", "ccc"], []))
def curry(fn):
    def outer(a):
        def inner(b):
            return fn(a, b)
        return inner
    return outer
print(curry(pow)(2)(8), curry(lambda a, b: a + b)("x")("y"))
fn_table = [abs, len, str.upper, square]
print([type(f).__name__ for f in fn_table], [f.__name__ for f in fn_table])
def describe(fn):
    fn.described = True
    return fn
@describe
def target():
    return "t"
print(target.described, target(), getattr(square, "described", False), square.__name__)
people = [{"name": "Ann", "age": 31}, {"name": "bob", "age": 25}, {"name": "Cy", "age": 31}]
print([p["name"] for p in sorted(people, key=lambda p: (-p["age"], p["name"].lower()))])
print(max(people, key=lambda p: p["age"])["name"], min(people, key=lambda p: len(p["name"]))["name"])
adders = {n: (lambda n: lambda x: x + n)(n) for n in range(3)}
print([adders[k](100) for k in adders])
print((lambda x: (lambda y: x + y))(3)(4), (lambda *a: sum(a))(1, 2, 3))
print(sorted(["b10", "a2", "b2", "a10"], key=lambda s: (s[0], int(s[1:]))))
is_pal = lambda s: (t := "".join(c for c in s.lower() if c.isalnum())) == t[::-1]
print(is_pal("A man, a plan, a canal: Panama"), is_pal("nope"))
