# Indexing, slicing and iteration over Unicode strings; ord/chr; encode/decode.
s = "héllo, wörld! 你好 😀"
print(len(s), s[0], s[1], s[-1], s[-2], s[7:12], s[::-1], s[::3])
print([c for c in s if not c.isascii()])
print([ord(c) for c in "aé中😀"], "".join(chr(c) for c in [72, 233, 0x4E2D, 0x1F600]))
print(s.encode("utf-8"), len(s.encode("utf-8")))
print(s.encode("utf-8").decode("utf-8") == s, "abc".encode("ascii"), "é".encode("latin-1"))
print(b"caf\xc3\xa9".decode(), b"caf\xe9".decode("latin-1"), b"\xff".decode("utf-8", "replace"))
print("é".encode("ascii", "replace"), "é".encode("ascii", "ignore"), "é😀".encode("ascii", "backslashreplace"))
print("中".encode("utf-16-le"), "A".encode("utf-32-be"))
for i, ch in enumerate("añb"):
    print(i, ch, ord(ch), hex(ord(ch)))
word = "racecar"
print(word == word[::-1], "Step on no pets".lower().replace(" ", "") == "Step on no pets".lower().replace(" ", "")[::-1])
print(min("hello"), max("hello"), sorted("hello"), sorted("hello", reverse=True), "".join(sorted("dcba")))
print(list(reversed("abc")), list(enumerate("ab", 1)), list(zip("abc", "12")))
print("abc" * 0, "abc" < "abd" < "b", "a" * 3 + "b" * 2)
try:
    "abc"[10]
except IndexError as e:
    print("IndexError:", e)
try:
    s = "abc"
    s[0] = "x"
except TypeError as e:
    print("TypeError:", e)
def caesar(text, k):
    out = []
    for ch in text:
        if "a" <= ch <= "z":
            out.append(chr((ord(ch) - 97 + k) % 26 + 97))
        elif "A" <= ch <= "Z":
            out.append(chr((ord(ch) - 65 + k) % 26 + 65))
        else:
            out.append(ch)
    return "".join(out)
msg = caesar("Hello, World! Zebra.", 3)
print(msg, caesar(msg, -3))
def rle(text):
    out = []
    i = 0
    while i < len(text):
        j = i
        while j < len(text) and text[j] == text[i]:
            j += 1
        out.append(f"{j - i}{text[i]}")
        i = j
    return "".join(out)
print(rle("aaabccddddde"), rle(""), rle("x"))
print(ascii("héllo 😀"), repr("héllo 😀"), str(b"x"), "%r" % "é")
print("ß".upper(), len("ß".upper()), "ΣΑΣ".lower(), "İ".lower(), len("İ".lower()))
