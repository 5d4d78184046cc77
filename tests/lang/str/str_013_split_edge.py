# split/rsplit/splitlines/partition edge cases, including Unicode whitespace.
cases = ["", " ", "a", " a ", "a b", "  a  b  c  ", "a\tb\nc\rd\x0be\x0cf", "a\x1cb\x1dc\x1ed\x1ff",
         "a\x85b\xa0c\u1680d\u2000e\u200af\u2028g\u2029h\u202fi\u205fj\u3000k", "a\u200bb", "x\ufeffy"]
for s in cases:
    print(repr(s), s.split(), s.rsplit(), s.split(None, 1), s.rsplit(None, 1), s.split(maxsplit=0), s.rsplit(maxsplit=0))
for s in ["a,b,,c,", ",", ",,", "", "abc", "a,,b"]:
    print(repr(s), s.split(","), s.rsplit(","), s.split(",", 1), s.rsplit(",", 1), s.split(",", 0), s.split(",", -5))
print("a::b::c".split("::"), "a::b::c".rsplit("::", 1), ":::".split("::"), ":::".rsplit("::"), "aaa".split("aa"), "aaa".rsplit("aa"))
print("日本語日本".split("本"), "日本語日本".rsplit("本", 1), "éaéaé".split("a"), "😀x😀".split("x"))
print("  lead".split(" "), "trail  ".split(" "), "a  b".split(" ", 1), "a  b".rsplit(" ", 1))
print(" a b c ".split(None, 1), " a b c ".rsplit(None, 1), " a b c ".split(None, 2), " a b c ".rsplit(None, 2))
lines = ["", "\n", "a\n", "a\nb", "a\r\nb\rc\n\nd", "\r\n\r\n", "x\x0by\x0cz\x1cw\x1dv\x1eu\x85t\u2028s\u2029r", "no newline", "a\n\r"]
for s in lines:
    print(repr(s), s.splitlines(), s.splitlines(True), s.splitlines(keepends=True) == s.splitlines(True))
for s, sep in [("a=b=c", "="), ("abc", "x"), ("=abc", "="), ("abc=", "="), ("", "="), ("aXXbXXc", "XX"), ("日=本", "=")]:
    print(s.partition(sep), s.rpartition(sep))
print("a b".split(sep=None), "a,b".split(sep=","), "a,b,c".rsplit(sep=",", maxsplit=1), "a b c".split(maxsplit=1))
for bad in [lambda: "a".split(""), lambda: "a".rsplit(""), lambda: "a".split(1), lambda: "a".partition(""),
            lambda: "a".rpartition(None), lambda: "a".split(",", "1"), lambda: "a".split(",", 1.0),
            lambda: "a".split(maxsplit=2 ** 100), lambda: "a".splitlines(1, 2), lambda: "a".split(",", 1, 2),
            lambda: "a".split(sep=",", x=1), lambda: "a".split(",", sep=",")]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
text = "one two  three\tfour\nfive"
print(len(text.split()), text.split(" "), [w.upper() for w in text.split() if len(w) > 3])
csv = "name,age\n\nalice,30\r\nbob,25\n"
print([row.split(",") for row in csv.splitlines() if row])
