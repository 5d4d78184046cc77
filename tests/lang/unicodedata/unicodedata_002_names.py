# Unicode names both ways: a sweep over the code space, \N{} escapes, the unicode_escape codec and namereplace.
import unicodedata as u
count = 0
total = 0
for cp in range(0, 0x110000, 7):
    n = u.name(chr(cp), None)
    if n is not None:
        count += 1
        total += len(n)
        if u.lookup(n) != chr(cp):
            print("mismatch", hex(cp), n)
print(count, total)
print(u.name("\u0041"), u.name("\U0001F9FF"), u.name("\uFDFD"), u.name("\U000E01EF"), u.name("\u3400"), u.name("\U0002A6DF"))
print("\N{GREEK SMALL LETTER ALPHA}\N{greek capital letter omega}\N{EM DASH}\N{SPACE}\N{NO-BREAK SPACE}|")
print(ascii("\N{LINE FEED}\N{LF}\N{NULL}\N{BOM}\N{ZWJ}\N{CJK UNIFIED IDEOGRAPH-20000}\N{HANGUL SYLLABLE HIH}"))
for src in [r'"\N{NOT A REAL NAME}"', r'"ab\N{EM DASH}\N{BOGUS}"', r'"\N{}"', r'"\N{EM DASH"', r'"\N"', r'"é\N{XX}"',
            r'"\N{LATIN CAPITAL LETTER A WITH MACRON AND GRAVE}"', r'"\N{ CJK UNIFIED IDEOGRAPH-4E00}"']:
    try:
        print(ascii(eval(src)))
    except SyntaxError as e:
        print("SyntaxError", e.msg)
print(rb"\N{EM DASH}", b"\\N{SNOWMAN}!".decode("unicode_escape"), b"\\N{snowman}".decode("unicode-escape"))
for data in [b"\\N{NOPE}", b"x\\N{}", b"\\N{EM DASH", b"\\N", b"\\Nab"]:
    try:
        print(data.decode("unicode_escape"))
    except UnicodeDecodeError as e:
        print(e.start, e.end, e.reason)
    print(ascii(data.decode("unicode_escape", "replace")), ascii(data.decode("unicode_escape", "ignore")))
print("caf\u00e9 \u2603 \U0001F600 \x00 \ud7a3 \u4e00 \ue000".encode("ascii", "namereplace"))
print("\u00e9\u20ac".encode("latin-1", "namereplace"), "\x80\u0378".encode("ascii", "namereplace"))
