# unicodedata: the functions, their defaults and errors.
import unicodedata as u
def t(f, *a):
    try: print(repr(f(*a)))
    except Exception as e: print(type(e).__name__, e)
t(u.name, 'ab'); t(u.name, 1); t(u.name, ''); t(u.name, '\x00'); t(u.name, '\x00', 5); t(u.name)
t(u.lookup, 1); t(u.lookup, b'SPACE'); t(u.lookup, 'x'*300); t(u.lookup, 'NOPE')
t(u.decimal, 'a'); t(u.digit, 'a'); t(u.numeric, 'a'); t(u.decimal, 'a', None); t(u.numeric, '\u00bd')
t(u.category, 'ab'); t(u.category, 5); t(u.normalize, 'NFX', 'a'); t(u.normalize, 'NFC', 5); t(u.normalize, 5, 'a')
t(u.is_normalized, 'NFX', 'a'); t(u.combining, 'ab'); t(u.mirrored, '('); t(u.decomposition, 'é')
t(u.name, 'a', 'b', 'c'); t(u.lookup); t(u.normalize, 'NFC')
t(u.numeric, '\u2155'); t(u.numeric, '\u4e07');
print(u.unidata_version)
t(u.lookup, 'LATIN CAPITAL LETTER A WITH MACRON AND GRAVE')
t(u.name, chr(0xac00))
print(u.__name__, u.name.__name__)
for ch in "aZ9 \u00e9\u0301\u05d0\u0660\u00bd\u2167\uff21\u3042\u4e00\uac00\U0001f600\U000e0001\ud800\ue000\u0378\u00a0\u200b(":
    print(ascii(ch), u.name(ch, None), u.category(ch), repr(u.bidirectional(ch)), u.combining(ch), u.east_asian_width(ch),
          u.mirrored(ch), repr(u.decomposition(ch)), u.decimal(ch, None), u.digit(ch, None), u.numeric(ch, None))
for n in ["LATIN SMALL LETTER A", "latin small letter a", "EM DASH", "GREEK SMALL LETTER FINAL SIGMA", "CJK UNIFIED IDEOGRAPH-9FFF",
          "HANGUL SYLLABLE PWILH", "BYTE ORDER MARK", "NBSP", "LINE FEED", "KHITAN SMALL SCRIPT CHARACTER-18CD5", "NUSHU CHARACTER-1B2FB",
          "CJK COMPATIBILITY IDEOGRAPH-2FA1D", "TANGUT IDEOGRAPH-17000", "CJK UNIFIED IDEOGRAPH-3134A", "CJK UNIFIED IDEOGRAPH-3134B",
          "KEYCAP NUMBER SIGN", "hangul syllable ga", "SPACE ", "", "SNOWMAN"]:
    t(u.lookup, n)
for n in ["SNOWMAN", "EURO SIGN", "CJK UNIFIED IDEOGRAPH-4E00"]:
    print(u.lookup(n.encode()) == u.lookup(n))
