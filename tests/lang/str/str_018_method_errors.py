# Argument checking of str methods: messages word for word.
calls = [
    lambda: "a".center(), lambda: "a".center(1, 2, 3), lambda: "a".center(1, x=1), lambda: "a".center("x"),
    lambda: "a".center(5, "ab"), lambda: "a".center(5, 1), lambda: "a".center(5, ""), lambda: "a".ljust(2 ** 100),
    lambda: "a".rjust(3, "é"), lambda: "a".upper(1), lambda: "a".lower(x=1), lambda: "a".isalpha(1),
    lambda: "a".join([1]), lambda: "a".join(["x", 2]), lambda: "a".join(1), lambda: "a".join(), lambda: "a".join("x", "y"),
    lambda: "a".join(None), lambda: "a".replace(1, ""), lambda: "a".replace("a", 1), lambda: "a".replace("a"),
    lambda: "a".replace("a", "b", count=1), lambda: "a".replace("a", "b", "1"), lambda: "a".replace("a", "b", 1, 2),
    lambda: "a".strip(1), lambda: "a".lstrip(1), lambda: "a".rstrip(b"a"), lambda: "a".strip("a", "b"),
    lambda: "a".zfill("a"), lambda: "a".zfill(), lambda: "a".zfill(1, 2), lambda: "a".removeprefix(1),
    lambda: "a".removesuffix(None), lambda: "a".removeprefix(), lambda: "a".partition(1), lambda: "a".rpartition(),
    lambda: "a".expandtabs("x"), lambda: "a".expandtabs(tabsize="x"), lambda: "a".expandtabs(1, 2),
    lambda: "a".splitlines("x"), lambda: "a".translate(1), lambda: "a".translate({97: 0x110000}),
    lambda: "a".translate({97: -1}), lambda: "a".translate({97: b"x"}), lambda: "a".translate({97: 1.5}),
    lambda: "a".translate(), lambda: str.maketrans(1), lambda: str.maketrans({"ab": 1}), lambda: str.maketrans({1.5: 1}),
    lambda: str.maketrans("ab", "c"), lambda: str.maketrans(1, 2), lambda: str.maketrans("a", "b", 1),
    lambda: str.maketrans(), lambda: str.maketrans("a"), lambda: str.maketrans("a", "b", "c", "d"),
    lambda: "a".encode(x=1), lambda: "a".format_map(), lambda: "a".format_map({}, {}), lambda: "{x}".format_map(1),
    lambda: str.upper(1), lambda: str.upper(), lambda: str.join(["a"], "b"), lambda: "a".count(),
    lambda: "a".index(), lambda: "a".casefold(1), lambda: "a".title(None), lambda: "a".swapcase(1),
    lambda: "a".capitalize(1), lambda: "a".__getnewargs__(1), lambda: "a".isidentifier(1), lambda: "a".isprintable(1),
    lambda: "a".__len__(1), lambda: "a".__contains__(1), lambda: "a".__getitem__(), lambda: "a".__add__(1),
    lambda: "a".__mod__(()), lambda: "a".__rmul__(3), lambda: "a".__rmod__("%s"),
]
for c in calls:
    try:
        print(repr(c()))
    except Exception as e:
        print(type(e).__name__, e)
print("a".ljust(-5), "ab".center(-1, "x"), "abc".zfill(-3), "a".__add__("b"), "x".__rmod__("%s"))
print(str.maketrans("abc", "xyz") == {97: 120, 98: 121, 99: 122}, str.maketrans("a", "b", "cd"), str.maketrans({"a": "1", 98: None}))
print("abcabc".translate({97: "AA", 98: None, 99: 100}), "abc".translate(str.maketrans("", "", "b")), "é😀".translate({0x1f600: "!"}))
print("hello".translate([None, "x"] * 60), "\x01\x00".translate(["zero", "one"]))
class Table:
    def __getitem__(self, k):
        if k == ord("a"):
            return "4"
        raise LookupError(k)
print("banana".translate(Table()))
class BadTable:
    def __getitem__(self, k):
        raise ValueError("boom")
try:
    "x".translate(BadTable())
except ValueError as e:
    print("ValueError", e)
