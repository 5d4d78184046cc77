# Class-specific attributes: StopIteration.value, SystemExit.code, ImportError,
# NameError, AttributeError.
print(StopIteration().value, StopIteration(1).value, StopIteration(1, 2).value)
print(hasattr(StopAsyncIteration("a"), "value"))
s = StopIteration(5)
s.value = 6
print(s.value, s.args)
s = StopIteration(5)
s.args = (7,)
print(s.value, s.args)
print(StopIteration(3).__dict__)

print(SystemExit().code, SystemExit(2).code, SystemExit(1, 2).code, SystemExit("msg").code)
print(repr(SystemExit(1)), str(SystemExit(1, 2)))

e = ImportError("cannot import", name="mod", path="/p")
print(e.msg, e.name, e.path, str(e), e.args)
print(ImportError().msg, ImportError("a", "b").msg, str(ImportError("a", "b")))
print(ModuleNotFoundError("No module named 'x'", name="x").name)
try:
    ImportError("m", bad=1)
except TypeError as err:
    print("TypeError:", err)
print(ImportError("m", name="n").__reduce__())

e = NameError("name 'q' is not defined", name="q")
print(e.name, str(e))
print(NameError().name)
try:
    NameError(obj=1)
except TypeError as err:
    print("TypeError:", err)

e = AttributeError("no", name="attr", obj=[1])
print(e.name, e.obj, e.args)
print(AttributeError().name, AttributeError().obj)
try:
    AttributeError(other=1)
except TypeError as err:
    print("TypeError:", err)

class P:
    pass
try:
    P().missing
except AttributeError as err:
    print(err.name, type(err.obj).__name__)

try:
    undefined_name_here
except NameError as err:
    print(err.name, err)
