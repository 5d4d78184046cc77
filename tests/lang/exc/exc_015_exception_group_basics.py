# ExceptionGroup construction, validation, attributes.
eg = ExceptionGroup("many", [ValueError(1), TypeError(2)])
print(type(eg).__name__, eg.message, eg.exceptions, eg.args)
print(str(eg), repr(eg))
print(str(ExceptionGroup("one", [KeyError("k")])))
beg = BaseExceptionGroup("b", [ValueError()])
print(type(beg).__name__, isinstance(beg, ExceptionGroup))
beg = BaseExceptionGroup("b", [KeyboardInterrupt()])
print(type(beg).__name__, isinstance(beg, Exception))
print(ExceptionGroup.__mro__)
print(issubclass(ExceptionGroup, BaseExceptionGroup), issubclass(ExceptionGroup, Exception))
tests = [
    lambda: ExceptionGroup("m"),
    lambda: ExceptionGroup(1, []),
    lambda: ExceptionGroup("m", 1),
    lambda: ExceptionGroup("m", {ValueError()}),
    lambda: ExceptionGroup("m", []),
    lambda: ExceptionGroup("m", [1]),
    lambda: ExceptionGroup("m", [ValueError(), "x"]),
    lambda: ExceptionGroup("m", [KeyboardInterrupt()]),
    lambda: BaseExceptionGroup("m", [ValueError()], x=1),
]
for t in tests:
    try:
        t()
        print("no error")
    except (TypeError, ValueError) as err:
        print(type(err).__name__, err)

class MyEG(ExceptionGroup):
    pass
m = MyEG("mine", [ValueError(3)])
print(type(m).__name__, m.exceptions)
try:
    MyEG("m", [SystemExit()])
except TypeError as err:
    print("TypeError:", err)

t = (ValueError(1),)
eg = ExceptionGroup("t", t)
print(eg.exceptions is t or eg.exceptions == t)
lst = [ValueError(1)]
eg = ExceptionGroup("l", lst)
lst.append(TypeError())
print(len(eg.exceptions), eg.args[1] is lst)
d = eg.derive([KeyError(9)])
print(type(d).__name__, d.message, d.exceptions)
