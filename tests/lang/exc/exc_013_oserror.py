# OSError: errno/strerror/filename, str, errno -> subclass mapping.
e = OSError(2, "No such file or directory")
print(type(e).__name__, e.errno, e.strerror, e.filename, str(e), e.args)
e = OSError(2, "No such file or directory", "f.txt")
print(type(e).__name__, e.filename, str(e), e.args)
e = OSError(17, "File exists", "a", None, "b")
print(type(e).__name__, e.filename, e.filename2, str(e))
e = OSError(2, "x", None, None, "g")
print(str(e), e.args, e.filename, e.filename2)
print(str(OSError("just a message")), OSError("m").errno)
print(str(OSError(None, "x")), str(OSError(2, None)))
print(str(OSError()), repr(OSError(1, "x")))
for code in [1, 2, 4, 10, 11, 13, 17, 20, 21, 32, 3, 104, 110, 111, 103, 5]:
    print(code, type(OSError(code, "m")).__name__)
print(type(FileNotFoundError(13, "m")).__name__)
print(type(OSError(2.0, "m")).__name__)
print(OSError(2, "x", "f").__reduce__())
print(BlockingIOError(11, "x", 5).characters_written)
try:
    OSError(x=1)
except TypeError as err:
    print("TypeError:", err)
e = OSError(2, "x")
e.errno = 5
print(e.errno, str(e))
try:
    raise FileNotFoundError(2, "No such file or directory", "missing.txt")
except OSError as err:
    print(type(err).__name__, err.errno, err)
