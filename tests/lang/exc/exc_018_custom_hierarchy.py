# User exception classes with custom __init__/__str__ and attributes.
class AppError(Exception):
    def __init__(self, code, detail="none"):
        super().__init__(code, detail)
        self.code = code
        self.detail = detail

class NotFound(AppError):
    def __str__(self):
        return "not found: %s" % self.detail

e = NotFound(404, "page")
print(repr(e), str(e), e.args, e.code, sorted(e.__dict__))
print(isinstance(e, AppError), isinstance(e, Exception))

class NoSuper(Exception):
    def __init__(self, a, b):
        self.a = a
print(NoSuper(1, 2).args, repr(NoSuper(1, 2)))

class KwErr(ValueError):
    def __init__(self, *, reason):
        super().__init__(reason)
print(repr(KwErr(reason="why")))

class Empty(Exception):
    pass
print(repr(Empty()), str(Empty()), repr(Empty("a", 1)))

try:
    raise NotFound(1, "x")
except AppError as caught:
    print(type(caught).__name__, caught)

class MyKeyError(KeyError):
    pass
print(str(MyKeyError("k")), repr(MyKeyError("k")))

class MyOSError(OSError):
    pass
print(type(MyOSError(2, "x")).__name__, str(MyOSError(2, "x", "f")))

class StopNow(StopIteration):
    pass
print(StopNow(4).value)

def gen():
    yield 1
    return "done"
g = gen()
next(g)
try:
    next(g)
except StopIteration as s:
    print("return value:", s.value, s.args)
