# str() versus repr() for builtin values and user classes, and how containers show their items.
values = [0, -1, 2 ** 70, 1.0, 1e-9, 1.5e300, float("inf"), float("nan"), 1 + 2j, -0.0, True, None, ...,
          "plain", "quote's", 'dq"s', "both'\"", "tab\t", "nl\n", "uni é", b"bytes", bytearray(b"ba"),
          [1, "a"], (1,), (), {"k": "v"}, {1, 2}, frozenset({3}), set(), range(2, 8, 3), slice(1, 5, None),
          NotImplemented, int, str, type, object, ValueError, ValueError("msg"), KeyError("k")]
for v in values:
    print(f"{str(v)!s:<28} | {repr(v)}")
class Plain:
    pass
class WithStr:
    def __str__(self):
        return "custom str"
class WithRepr:
    def __repr__(self):
        return "WithRepr()"
class Both(WithStr, WithRepr):
    pass
print(str(WithStr()), f"{WithStr()}", repr(WithStr()).startswith("<__main__.WithStr object at 0x"))
for obj in [WithRepr(), Both()]:
    print(str(obj), "|", repr(obj), "|", [obj], "|", f"{obj}", "|", f"{obj!r}")
print(repr(Plain).startswith("<class '"), str(Plain()).startswith("<__main__.Plain object at "))
print(repr([WithRepr(), WithRepr()]), str((WithRepr(),)), {"k": WithRepr()})
print(repr("a\\b"), repr("\u200b"), repr("\x7f"), repr("\xa0"), repr("\u2028"), repr("🙂"))
print(str(1.1), str(2.675), repr(0.1 + 0.7), str(100.0 / 3), repr(1e16), repr(12345678.9))
