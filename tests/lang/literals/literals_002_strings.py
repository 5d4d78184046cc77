# String and bytes literal syntax: quotes, escapes, raw, concatenation, triple quotes.
print('single', "double", '''triple single''', """triple double""")
print('it\'s', "say \"hi\"", 'mixed "quotes"', "mixed 'quotes'")
print("tab:\tend", "newline:\\n stays", "bell" + "\a"[:0])
print(len("\n"), len("\\n"), len(r"\n"), len("\x41"), len("\u00e9"), len("\U0001F600"))
print("\x41\x42\x43", "\101\102\103", "\u0041\u00e9", "\N{GREEK SMALL LETTER ALPHA}")
print(r"C:\path\to\file", R"raw\t", r'\d+\.\d*')
print("adjacent" " strings" ' are ' """joined""")
s = """line one
line two
    indented line three"""
print(s)
print(s.splitlines())
t = '''a\
b\
c'''
print(t, len(t))
print(repr("quote ' inside"), repr('quote " inside'), repr("both ' and \""))
print(repr("\t\n\r\x00\x7f"), repr("\u00e9\u4e2d"), repr("\U0001F600"))
print(repr(""), repr(''), repr(""""""))
print(b"bytes", b'\x00\xff', rb"\x00", br'raw\n', B"upper")
print(repr(b"\n\t\\'\""), len(b"\x00\x01"))
print(u"unicode prefix", U"also")
print("é".encode("utf-8"), "中文".encode("utf-8"), len("中文"))
print("a" "b" == "ab", "a" + "b" is not None)
print(ord("\N{LATIN SMALL LETTER E WITH ACUTE}"), chr(233))
print("\u00e9" == "é", "\xe9" == "é")
