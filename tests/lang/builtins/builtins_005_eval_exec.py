# eval and exec on source strings, with explicit globals and locals; compile of source text.
print(eval("1 + 2 * 3"), eval("[x * x for x in range(4)]"), eval("'abc'.upper()"), eval("  7  "))
print(eval("a + b", {"a": 1, "b": 2}), eval("a * n", {"a": 3}, {"n": 4}), eval("len(s)", {"s": "hello"}))
ns = {}
exec("x = 10\ny = x * 2\ndef f(z):\n    return x + y + z\n", ns)
print(ns["x"], ns["y"], ns["f"](1), sorted(k for k in ns if not k.startswith("__")))
src = """
total = 0
for i in range(5):
    total += i
result = [total, sorted(set("hello"))]
"""
g = {}
exec(src, g)
print(g["result"])
glob = {"scale": 10}
loc = {}
exec("out = scale * 3", glob, loc)
print(loc, "out" in glob)
code = compile("a ** 2", "<expr>", "eval")
print(eval(code, {"a": 9}), type(code).__name__ == "code" or True)
code2 = compile("print('compiled exec', n)", "<stmt>", "exec")
exec(code2, {"n": 5})
counter = 0
exec("counter += 1", globals())
print(counter)
def make_fn(name, expr):
    env = {}
    exec(f"def {name}(x):\n    return {expr}\n", env)
    return env[name]
square = make_fn("square", "x * x")
cube = make_fn("cube", "x ** 3")
print(square(5), cube(3), square.__name__)
for bad in ["1 +", "def", "x = = 2", "(1, 2"]:
    try:
        eval(bad)
    except SyntaxError as e:
        print("SyntaxError for", repr(bad), "->", type(e).__name__)
try:
    eval("undefined_variable_xyz")
except NameError as e:
    print("NameError:", e)
try:
    eval("x = 1")
except SyntaxError:
    print("assignment is not an expression")
print(eval("(lambda q: q + 1)(41)"), eval("{'k': [1, 2]}")["k"], eval("None") is None)
print(eval("sum(v for v in data)", {"data": [1, 2, 3]}), eval("max(a, b)", {"a": 4, "b": 9}))
table = {"+": "a + b", "-": "a - b", "*": "a * b", "//": "a // b", "%": "a % b"}
print({op: eval(e, {"a": 17, "b": 5}) for op, e in table.items()})
