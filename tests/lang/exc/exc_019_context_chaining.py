# __context__, __cause__ and __suppress_context__ set by raise.
def chain():
    try:
        raise KeyError("first")
    except KeyError:
        raise ValueError("second")

try:
    chain()
except ValueError as e:
    print(repr(e.__context__), e.__cause__, e.__suppress_context__)

try:
    try:
        1 / 0
    except ZeroDivisionError as z:
        raise RuntimeError("wrapped") from z
except RuntimeError as e:
    print(repr(e.__cause__), repr(e.__context__), e.__suppress_context__)

try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise RuntimeError("no context") from None
except RuntimeError as e:
    print(e.__cause__, repr(e.__context__), e.__suppress_context__)

try:
    raise TypeError("t") from ValueError("v")
except TypeError as e:
    print(repr(e.__cause__), e.__context__)

tb_seen = []
try:
    def inner():
        raise IndexError("deep")
    def outer():
        inner()
    outer()
except IndexError as e:
    saved = e
    tb = e.__traceback__
    while tb is not None:
        tb_seen.append(tb.tb_lineno)
        tb = tb.tb_next
print(tb_seen)
print(type(saved.__traceback__).__name__, saved.__traceback__.tb_next.tb_lineno > 0)
