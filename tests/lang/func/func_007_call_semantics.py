# Call semantics: argument evaluation order, pass-by-object-reference, returning multiple values, callables.
order = []
def arg(tag, value):
    order.append(tag)
    return value
def three(a, b, c):
    return a + b + c
print(three(arg("a", 1), arg("b", 2), c=arg("c", 3)), order)
order.clear()
print(three(*[arg("x", 1), arg("y", 2)], arg("z", 3)), order)
def mutate(lst, num, text):
    lst.append("mutated")
    num += 1
    text += "!"
    return num, text
l, n, s = [], 1, "hi"
print(mutate(l, n, s), l, n, s)
def rebinding(lst):
    lst = ["new list"]
    return lst
orig = ["orig"]
print(rebinding(orig), orig)
def divmod_and_more(a, b):
    return a // b, a % b, a / b
q, r, f = divmod_and_more(17, 5)
print(q, r, f, divmod_and_more(9, 3))
def nothing():
    pass
def explicit_none():
    return
print(nothing(), explicit_none(), nothing() is None)
class Adder:
    def __init__(self, n):
        self.n = n
    def __call__(self, x):
        return x + self.n
add5 = Adder(5)
print(add5(10), callable(add5), callable(Adder), callable(5), callable(print), list(map(add5, [1, 2])))
class Method:
    def bound(self, x):
        return ("bound", x)
m = Method()
bm = m.bound
print(bm(1), Method.bound(m, 2), bm.__self__ is m, bm.__func__ is Method.bound, bm.__name__)
print(m.bound == m.bound, type(bm).__name__)
def kwargs_copy(**kw):
    kw["added"] = True
    return kw
src = {"a": 1}
print(kwargs_copy(**src), src)
def gen_args(*args):
    return type(args).__name__, args
print(gen_args(), gen_args(*range(3)), gen_args(*"ab", *[None]))
def chained(x):
    return lambda y: lambda z: x + y + z
print(chained(1)(2)(3), chained("a")("b")("c"))
def many_returns(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return
    for i in range(n):
        if i * i >= n:
            return i
    return "end"
print([many_returns(n) for n in (-1, 0, 1, 5, 16, 2)])
print((lambda: [1, 2])()[1], (lambda *a: a)(1)[0], max(*[3, 7], 5), print("nested print") is None)
