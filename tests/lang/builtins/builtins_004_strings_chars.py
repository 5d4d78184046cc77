# String-related builtins: chr, ord, ascii, repr, str, format, print with sep/end, bytes/bytearray constructors.
print(chr(65), chr(97), chr(8364), chr(0x1F600), repr(chr(0)), ord("A"), ord("€"), ord("😀"), ord("\n"))
print([chr(c) for c in range(ord("a"), ord("f"))], "".join(chr(ord(c) + 1) for c in "HAL"))
try:
    chr(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    chr(0x110000)
except ValueError as e:
    print("ValueError:", e)
try:
    ord("ab")
except TypeError as e:
    print("TypeError:", e)
try:
    ord("")
except TypeError as e:
    print("TypeError:", e)
print(ascii("plain"), ascii("café"), ascii("日本"), ascii("😀"), ascii(["é", 1]), ascii("\n"))
print(repr("x"), repr(1), repr([1, "a"]), repr(None), repr(3.0), repr({"a": (1,)}))
print(str(1), str("s"), str(b"b"), str(3.5), str([1]), str(None), str(True))
print(format(42), format(42, "x"), format(3.14159, ".2f"), format("s", ">3"), format(1234567, ","))
print("a", "b", "c")
print("a", "b", "c", sep="-")
print("a", "b", sep="")
print("no newline", end="")
print(" <- continued", end="!\n")
print()
print("", end="")
print(*range(5), sep=", ")
print(*"abc", sep="|", end=".\n")
print(1, 2.5, None, True, [1], (2,), {3: 4}, sep=" ; ")
print("multi\nline", "second")
print("sep None", "works", sep=None, end=None)
print(*[], sep="x")
print("flush ok", flush=True)
print(bytes([104, 105]), bytearray(b"hi"), bytes("hé", "utf-8"), bytes(2), bytes(range(3)), bytes.fromhex("ff00"))
print(str(b"abc", "utf-8"), "é".encode(), b"\xc3\xa9".decode())
class Show:
    def __repr__(self):
        return "Show()"
print(Show(), [Show()], repr(Show()), str(Show()), ascii(Show()), f"{Show()}")
try:
    print("x", sep=5)
except TypeError as e:
    print("TypeError:", e)
