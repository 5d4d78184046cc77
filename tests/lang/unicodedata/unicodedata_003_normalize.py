# unicodedata.normalize / is_normalized for the four forms.
import unicodedata as u
samples = ["café", "cafe\u0301", "ﬁ", "Å", "A\u030a", "\u1e9b\u0323", "한국어", "\u1100\u1161\u11a8", "①②", "x\u0327\u0301",
           "\ufb01ligature ²³", "Ω\u212b\u2126", "\ud800e\u0301", "ǅ", "\u0344", "ñ" * 3, "\u00bd\u2153", "\U0001d400\U0001d7ce",
           "\u0f73\u0f75\u0f81", "\u3300\u32ff", "", "ascii only", "\u0958\u09dc", "\U0001d15e\U0001d160", "a\u0301\u0327b"]
for s in samples:
    print(ascii(s), [ascii(u.normalize(f, s)) for f in ("NFC", "NFD", "NFKC", "NFKD")],
          [u.is_normalized(f, s) for f in ("NFC", "NFD", "NFKC", "NFKD")])
changed = 0
for cp in range(0xA0, 0x30000, 3):
    if 0xD800 <= cp < 0xE000:
        continue
    c = chr(cp)
    for f in ("NFC", "NFD", "NFKC", "NFKD"):
        r = u.normalize(f, c)
        if r != c:
            changed += len(r) * (cp % 5 + 1)
print(changed)
class S(str):
    pass
x = S("abc")
print(u.normalize("NFC", x) is x, type(u.normalize("NFD", S("é"))).__name__)
for bad in [("NFX", "a"), (1, "a"), ("NFC", 1), ("nfc", "a")]:
    try:
        u.normalize(*bad)
    except Exception as e:
        print(type(e).__name__, e)
