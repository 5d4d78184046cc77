# find/rfind/index/rindex/count/startswith/endswith with start/end, negative and out-of-range bounds.
s = "abcabcabc"
args = [(), (0,), (1,), (-3,), (3, 6), (3, -3), (-100, 100), (100,), (5, 2), (None, 4), (2, None), (None, None)]
for sub in ["abc", "c", "", "x", "cab", "abcabcabcd"]:
    for a in args:
        print(sub, a, s.find(sub, *a), s.rfind(sub, *a), s.count(sub, *a), s.startswith(sub, *a), s.endswith(sub, *a))
u = "日本語の日本語テキスト😀日本"
for sub in ["日本", "語", "😀", "", "テキスト", "x"]:
    print(sub, u.find(sub), u.rfind(sub), u.count(sub), u.find(sub, 3), u.rfind(sub, 0, 6), u.count(sub, 2, -2),
          u.startswith(sub, 4), u.endswith(sub, 0, -1))
print("".find(""), "".rfind(""), "".count(""), "".find("", 1), "abc".count("", 1, 2), "abc".count("", 4))
print("aaaa".count("aa"), "aaaa".find("aa", 1), "aaaa".rfind("aa"), "aaaaa".count("aa", 1))
print(s.startswith(("x", "ab")), s.endswith(("bc", "zz")), s.startswith((), 0), s.startswith(("",), 50))
print(s.index("b"), s.rindex("b"), s.index("c", 3), s.rindex("a", 0, 4), u.index("語"), u.rindex("日"))
for bad in [lambda: s.index("x"), lambda: s.rindex("x"), lambda: s.index("a", 8), lambda: s.find(1),
            lambda: s.count(None), lambda: s.find(), lambda: s.find("a", 0, 1, 2), lambda: s.find("a", "0"),
            lambda: s.find("a", 1.0), lambda: s.startswith(1), lambda: s.startswith(("a", 1)),
            lambda: s.endswith(["a"]), lambda: s.find(sub="a"), lambda: s.startswith(), lambda: s.count("a", None, "x")]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
print(s.find("a", 2 ** 100), s.find("a", -2 ** 100), s.count("a", -2 ** 100, 2 ** 100))
print("a" in "", "" in "", "é" in "café", "fé" in "café", "😀" in "a😀b", "x" not in "abc")
class Idx:
    def __index__(self):
        return 2
print(s.find("c", Idx()), s[Idx()], "abcdef"[Idx():4])
