# BaseException: args, repr, str, attributes, with_traceback, __reduce__.
def show(e):
    print(type(e).__name__, repr(e), repr(str(e)), e.args)

show(ValueError())
show(ValueError("x"))
show(ValueError("x", 2))
show(ValueError(("a", "b")))
show(KeyError("k"))
show(KeyError())
show(KeyError("a", "b"))
show(KeyError(("t", 1)))
show(IndexError(3))
show(Exception(None))
show(BaseException([1, 2]))

e = ValueError("a")
e.args = ["p", "q"]
print(e.args, str(e), repr(e))
e.args = "ab"
print(e.args)
try:
    del e.args
except TypeError as err:
    print("TypeError:", err)
try:
    e.args = 5
except TypeError as err:
    print("TypeError:", err)

try:
    ValueError(x=1)
except TypeError as err:
    print("TypeError:", err)

e = RuntimeError("r")
print(e.__traceback__, e.__cause__, e.__context__, e.__suppress_context__)
e.__cause__ = KeyError(1)
print(repr(e.__cause__), e.__suppress_context__)
e.__cause__ = None
print(e.__cause__, e.__suppress_context__)
e.__suppress_context__ = False
print(e.__suppress_context__)
for attr, val in [("__cause__", 5), ("__context__", "x"), ("__traceback__", 1), ("__suppress_context__", 1)]:
    try:
        setattr(e, attr, val)
    except TypeError as err:
        print(attr, "TypeError:", err)
for attr in ["__cause__", "__context__", "__traceback__"]:
    try:
        delattr(e, attr)
    except TypeError as err:
        print("del", attr, "TypeError:", err)

print(e.with_traceback(None) is e)
try:
    e.with_traceback(3)
except TypeError as err:
    print("TypeError:", err)

print(ValueError(1, 2).__reduce__())
e = ValueError("v")
e.extra = 5
print(e.__reduce__())
print(e.__dict__)
e2 = ValueError()
e2.__setstate__({"a": 1, "b": 2})
print(e2.a, e2.b, sorted(e2.__dict__))

print(isinstance(ValueError(), Exception), issubclass(KeyError, LookupError))
print(issubclass(ZeroDivisionError, ArithmeticError), issubclass(ModuleNotFoundError, ImportError))
print(issubclass(TabError, SyntaxError), issubclass(UnicodeDecodeError, ValueError))
print(issubclass(BrokenPipeError, ConnectionError), issubclass(ConnectionError, OSError))
print(issubclass(KeyboardInterrupt, Exception), issubclass(GeneratorExit, BaseException))
print(EnvironmentError is OSError, IOError is OSError)
print(ValueError.__mro__)
print(BaseException.__bases__, Exception.__base__)
