# split / subgroup by type, tuple of types and predicate.
eg = ExceptionGroup("top", [
    ValueError(1),
    TypeError(2),
    ExceptionGroup("inner", [ValueError(3), KeyError(4)]),
])

def show(x):
    if x is None:
        return "None"
    if isinstance(x, BaseExceptionGroup):
        return "%s(%r, [%s])" % (type(x).__name__, x.message, ", ".join(show(e) for e in x.exceptions))
    return repr(x)

m, r = eg.split(ValueError)
print(show(m), "|", show(r))
m, r = eg.split((KeyError, TypeError))
print(show(m), "|", show(r))
m, r = eg.split(lambda e: isinstance(e, ValueError) and e.args[0] > 1)
print(show(m), "|", show(r))
m, r = eg.split(Exception)
print(m is eg, r)
m, r = eg.split(OSError)
print(m, r is not None and show(r))
print(show(eg.subgroup(KeyError)))
print(show(eg.subgroup(lambda e: True)))
print(eg.subgroup(ZeroDivisionError))
try:
    eg.split(1)
except TypeError as err:
    print("TypeError:", err)
try:
    eg.split((ValueError, 1))
except TypeError as err:
    print("TypeError:", err)

# metadata is copied onto the parts
try:
    raise eg
except ExceptionGroup as caught:
    caught.add_note("a note")
    caught.__cause__ = RuntimeError("cause")
    m, r = caught.split(ValueError)
    print(m.__notes__, r.__notes__, m.__notes__ is caught.__notes__)
    print(repr(m.__cause__), m.__traceback__ is caught.__traceback__)

class DerivingEG(ExceptionGroup):
    def derive(self, excs):
        return DerivingEG(self.message + "!", excs)

d = DerivingEG("d", [ValueError(1), TypeError(2)])
m, r = d.split(ValueError)
print(type(m).__name__, m.message, type(r).__name__, r.message)

class BadDerive(ExceptionGroup):
    def derive(self, excs):
        return 42
try:
    BadDerive("b", [ValueError(), TypeError()]).split(ValueError)
except TypeError as err:
    print("TypeError:", err)
