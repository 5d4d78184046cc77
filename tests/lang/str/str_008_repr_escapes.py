# repr() and ascii() of strings: quote choice, escapes, printable vs not.
samples = [
    "", "a", "'", '"', "'\"", "it's", 'say "hi"', "both ' and \"", "back\\slash",
    "\t\n\r", "\x00\x01\x1f\x7f", "\x80\x9f\xa0\xad\xff", "caf\xe9", "\u00e9\u0301",
    "\u2028\u2029", "\u200b\u200e\ufeff", "\ue000\uf8ff", "\U0001f600\U0001f4a9",
    "\U000e0001\U000e007f", "\U0010ffff", "\u0378", "\u3000", "\u00a0x", "\x1b[0m",
    "中文字符", "Ωμέγα", "עברית", "\u0600\u06dd", "tab\there", "multi\nline\nstring",
]
for s in samples:
    print(repr(s), ascii(s), len(s), len(repr(s)))
print(repr("a'b"), repr('a"b'), repr("a'b\"c"), repr("\\'"))
print(str("x\ny"), "%r" % "q'", "{!r}".format('d"'), f"{'é'!a}")
print([repr(chr(c)) for c in range(0, 40)])
print([repr(chr(c)) for c in range(120, 170)])
print([ascii(chr(c)) for c in (0x100, 0xfff, 0x1000, 0xffff, 0x10000, 0x10ffff)])
print(repr("\\n"), repr("\\x00"), repr(r"\d+\s*"))
class S(str):
    pass
print(repr(S("sub'str")), str(S("x")) == "x", type(str(S("x"))).__name__, type(repr(S("y"))).__name__)
print(repr(["a", "b'", 'c"', "\n"]), repr(("é",)), repr({"k": "v\t"}))
