# SyntaxError and UnicodeError attributes and str.
e = SyntaxError("invalid syntax", ("dir/prog.py", 3, 5, "x = = 1\n", 3, 8))
print(e.msg, e.filename, e.lineno, e.offset, repr(e.text), e.end_lineno, e.end_offset)
print(str(e), e.print_file_and_line)
print(str(SyntaxError("m", ("a", None, 1, "t"))))
print(str(SyntaxError("m", (None, 5, 1, "t"))))
print(str(SyntaxError("m", (None, None, 1, "t"))))
print(str(SyntaxError()), SyntaxError().msg, SyntaxError().lineno)
print(str(SyntaxError(1)), SyntaxError("a", "b", "c").msg)
print(SyntaxError("m", ["f", 1, 2, "t"]).lineno)
for bad in [("m", (1,)), ("m", (1, 2, 3, 4, 5, 6, 7)), ("m", 5)]:
    try:
        SyntaxError(*bad)
    except TypeError as err:
        print("TypeError:", err)
print(issubclass(IndentationError, SyntaxError), str(IndentationError("bad", ("f.py", 2, 1, " x", 2, 2))))

e = UnicodeDecodeError("utf-8", b"\xff\xfe", 0, 1, "invalid start byte")
print(e.encoding, e.object, e.start, e.end, e.reason)
print(str(e))
print(str(UnicodeDecodeError("utf-8", b"\xff\xfe", 0, 2, "invalid")))
print(UnicodeDecodeError("u", bytearray(b"x"), 0, 1, "r").object)
print(str(UnicodeEncodeError("ascii", "\xe9abc", 0, 1, "ordinal not in range(128)")))
print(str(UnicodeEncodeError("u", "\u1234\U00012345", 0, 1, "r")))
print(str(UnicodeEncodeError("u", "\u1234\U00012345", 1, 2, "r")))
print(str(UnicodeEncodeError("u", "abc", 0, 3, "r")))
print(str(UnicodeTranslateError("\u1234x", 0, 1, "r")))
print(str(UnicodeTranslateError("ab", 0, 2, "r")), UnicodeTranslateError("ab", 0, 2, "r").encoding)
print(str(UnicodeDecodeError("u", b"ab", 5, 6, "r")))
for args in [("a",), (1, b"", 0, 1, "r"), ("u", "x", 0, 1, "r"), ("u", b"x", "0", 1, "r")]:
    try:
        UnicodeDecodeError(*args)
    except TypeError as err:
        print("TypeError:", err)
try:
    UnicodeEncodeError("u", b"x", 0, 1, "r")
except TypeError as err:
    print("TypeError:", err)
e = UnicodeDecodeError("utf-8", b"abc", 0, 1, "r")
e.start = 1
e.reason = "changed"
print(str(e))
try:
    b"\xff".decode("utf-8")
except UnicodeDecodeError as err:
    print(err.encoding, err.start, err.end, err.reason, err)
