# Indexing, slicing, operators, iteration, str() construction and subclasses.
a = "abcdefghij"
u = "aé中😀bß€zЖ𝄞"
for s in (a, u):
    print(len(s), s[0], s[-1], s[3], s[-4], s[2:7], s[-3:], s[:-3], s[::2], s[1::3], s[::-1], s[::-3], s[7:2:-2], s[100:], s[-100:3], s[5:5], s[6:2])
    print([s[i] for i in range(len(s))] == list(s), "".join(reversed(s)) == s[::-1], s[slice(2, None, 4)], s[slice(None)])
for bad in [lambda: a[10], lambda: a[-11], lambda: u[10], lambda: u[-11], lambda: a["1"], lambda: a[1.0],
            lambda: a[None], lambda: a[::0], lambda: a[2 ** 70], lambda: a[1:"x"], lambda: ""[0]]:
    try:
        print(repr(bad()))
    except Exception as e:
        print(type(e).__name__, e)
print(a[-2 ** 70:2 ** 70], a[True], a[False:True + 2])
print("ab" + "cd", "" + "", "é" + "中", "ab" * 3, 3 * "ab", "ab" * 0, "ab" * -2, -1 * "x", "x" * True, "é" * 2)
for bad in [lambda: "a" + 1, lambda: "a" + None, lambda: "a" + b"b", lambda: 1 + "a", lambda: "a" * "b",
            lambda: "a" * 1.5, lambda: 2.0 * "a", lambda: "a" * [], lambda: "a" - "b", lambda: -"a",
            lambda: "a" * 2 ** 63, lambda: "ab" * 2 ** 62, lambda: 1 in "a", lambda: None in "a", lambda: "a" < 1,
            lambda: "a" >= None, lambda: [] + "a"]:
    try:
        print(repr(bad()))
    except Exception as e:
        print(type(e).__name__, e)
print("a" < "b", "a" < "ab", "Z" < "a", "é" > "z", "中" > "é", "😀" > "\uffff", "\uffff" > "\ue000", "" < "a", "abc" <= "abc")
print("a" == "a", "a" != "a", "a" == 1, "a" != None, sorted(["b", "é", "a", "Z", "😀", "中", ""]))
print(max("hello"), min("hello"), "ell" in "hello", "" in "", "hello".__contains__("lo"))
it = iter("aé😀")
print(next(it), next(it), next(it), next(it, "done"), list(iter("")), list("xyz"), tuple("é中"))
it2 = iter("abc")
print(it2.__length_hint__(), next(it2), it2.__length_hint__(), type(it2).__name__)
print(str(), str(""), str("x"), str(12), str(-1.5), str(None), str([1, "a"]), str(b"by"), str(str), str(object="kw"))
class S(str):
    def extra(self):
        return "extra:" + self
s = S("hello")
print(s, repr(s), len(s), s.upper(), type(s.upper()).__name__, type(s + "x").__name__, type(s[1:]).__name__,
      type(s[:]).__name__, type(str(s)).__name__, s.extra(), isinstance(s, str), s == "hello", hash(s) == hash("hello"))
print(type(s * 1).__name__, type(s.strip()).__name__, type(s.center(3)).__name__, type("%s" % s).__name__, type(s.format()).__name__)
class T(str):
    def __new__(cls, value, tag):
        obj = super().__new__(cls, value)
        obj.tag = tag
        return obj
t = T("val", "tagged")
print(t, t.tag, t + "!", {t: 1}["val"], T.__mro__[1].__name__)
print(str.__new__(S, "direct"), type(str.__new__(S, "direct")).__name__, str.__new__(str, 5))
try:
    str.__new__(int)
except TypeError as e:
    print("TypeError", e)
print("abc".__getnewargs__(), S("q").__getnewargs__(), type(S("q").__getnewargs__()[0]).__name__)
big = "x" * 100000
print(len(big), big.count("x"), len(big + big), (big * 3)[-1], big[50000:50003])
acc = ""
for i in range(1000):
    acc += chr(0x4e00 + i % 50)
print(len(acc), acc[500], acc[-1], acc.count("丁"), acc.find("丁丂"), acc[123:130])
class P(str):
    pass
p = P("plain")
print(type(p % ()).__name__, type(p.format()).__name__, type(P("a{{").format()).__name__, type(p.format_map({})).__name__,
      type(P("%s") % "x").__name__, type(p.partition("z")[0]).__name__, type(p.rpartition("z")[2]).__name__,
      type(p.partition("l")[0]).__name__, type("".join([p])).__name__, type(p.split()[0]).__name__, type(format(p)).__name__)
