# is* predicates over ASCII, Latin-1 and assorted Unicode characters.
chars = ("a", "Z", "0", "9", " ", "\t", "\n", "_", "-", ".", "\x00", "\x7f", "\x85", "\xa0", "\xaa", "\xb2", "\xb5",
         "\xba", "\xbc", "\xbd", "\xd7", "\xdf", "\xe9", "\xff", "\u0130", "\u01c5", "\u02b0", "\u0345", "\u0660",
         "\u0669", "\u06f0", "\u0966", "\u0e50", "\u1680", "\u2000", "\u2028", "\u2070", "\u2155", "\u2160", "\u216b",
         "\u2460", "\u24b6", "\u3000", "\u3007", "\u4e00", "\u4e94", "\u5341", "\uff10", "\uff21", "\U0001d7ce",
         "\U0001f600", "\U00010140", "\u00b9", "\u0f33", "\u1369", "\u200b", "\ufeff", "\ue000", "\u0378")
for c in chars:
    print(repr(c), c.isalpha(), c.isdecimal(), c.isdigit(), c.isnumeric(), c.isalnum(), c.isspace(), c.islower(),
          c.isupper(), c.istitle(), c.isprintable(), c.isidentifier(), c.isascii())
for s in ["", "abc", "ab1", "a b", "ABC", "Abc", "abC", "123", "1.5", "-1", "١٢٣", "Ⅻ", "½", "x²", "a\u0301",
          "hello_world", "_private", "2abc", "class", "ñandú", "变量", "a-b", "a\u200db", "𝔘𝔫𝔦", "℘", "℮", "·a", "a·",
          "\u2118x", "x\u212e", "   \t\n", "a\x00"]:
    print(repr(s), s.isalpha(), s.isdecimal(), s.isdigit(), s.isnumeric(), s.isalnum(), s.isspace(), s.islower(),
          s.isupper(), s.istitle(), s.isprintable(), s.isidentifier(), s.isascii())
print(sum(1 for i in range(0x3000) if chr(i).isalpha()), sum(1 for i in range(0x3000) if chr(i).isprintable()))
print(sum(1 for i in range(0x10000) if chr(i).isdecimal()), sum(1 for i in range(0x10000) if chr(i).isnumeric()))
print([hex(i) for i in range(0x2000) if chr(i).isspace()], len([i for i in range(0x3000) if chr(i).istitle()]))
print([hex(i) for i in range(0x10000) if chr(i).istitle() and not chr(i).isupper()])
