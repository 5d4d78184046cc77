# str misc: comparisons, hashing consistency, multiplication, membership, str() of objects, interning-free identity.
names = ["bob", "Alice", "carol", "Dave", "eve", "alice", "Bob"]
print(sorted(names), sorted(names, key=str.lower), sorted(names, key=lambda s: (s.lower(), s)))
print(sorted(names, key=len), sorted(names, key=lambda s: s[::-1]))
print(max(names), min(names), max(names, key=len))
a = "".join(["ab", "c"])
print(a == "abc", hash(a) == hash("abc"), {a: 1}["abc"])
print("abc".__len__(), "abc".__contains__("b"), "abc".__getitem__(1), "ab".__add__("cd"), "ab".__mul__(2))
print(str(), str(""), str(42), str(3.0), str(True), str(b"hi"), str([None]))
class Celsius:
    def __init__(self, d):
        self.d = d
    def __str__(self):
        return f"{self.d}°C"
    def __repr__(self):
        return f"Celsius({self.d!r})"
c = Celsius(21.5)
print(c, str(c), repr(c), [c], f"{c}", f"{c!r}", "%s %r" % (c, c))
print(len("abc" * 1000), ("ab" * 3).count("ab"), "-" * 10)
print("abc".upper().lower().title().swapcase())
print("Hello"[1:4].upper() + "!" * 3)
vowels = sum(1 for ch in "The Quick Brown Fox" if ch.lower() in "aeiou")
print(vowels)
print(type("x").__name__, isinstance("x", str), str.__name__, "x".__class__ is str)
print("%s|%5s|%-5s|%.2s" % ("abc", "ab", "ab", "abcdef"))
print("%d %i %o %x %X %e %c %%" % (42, -7, 8, 255, 255, 1500.0, 65))
print("%(name)s is %(age)d" % {"name": "Zed", "age": 33})
print("%c%c%c" % ("c", 97, "p"))
s = "abcdefghij"
print(s[2:5], s[:3], s[7:], s[-3:], s[:-7], s[::2], s[1::3], s[::-2], s[8:2:-2], s[100:], s[-100:2])
print(s.find("def") == s.index("def"), s.isalpha(), s.upper().isupper())
