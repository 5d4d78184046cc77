# str case and classification methods.
words = ["hello", "Hello World", "HELLO", "hello_world", "ß", "İstanbul", "ǅemal", "123abc", "", "  ", "Ünïcödé", "o'neil mc-donald"]
for w in words:
    print(repr(w), w.upper(), w.lower(), w.title(), w.capitalize(), w.swapcase(), w.casefold())
for s in ["abc", "ABC", "Abc", "123", "12.3", "abc123", " ", "", "\t\n", "Title Case", "½", "²", "٣", "ⅷ", "αβγ", "a b"]:
    print(repr(s), s.isalpha(), s.isdigit(), s.isdecimal(), s.isnumeric(), s.isalnum(),
          s.isspace(), s.isupper(), s.islower(), s.istitle(), s.isascii(), s.isprintable())
print("straße".upper(), "STRASSE".lower() == "straße".casefold(), "ﬁ".upper())
print("hello".center(11, "*"), "hello".ljust(8, "."), "hello".rjust(8), "42".zfill(5), "-42".zfill(5), "+7".zfill(4))
print("ab\tcd\tef".expandtabs(), "ab\tcd".expandtabs(4), repr("x\ty".expandtabs(1)))
