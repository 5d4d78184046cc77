# Exception classes outside __main__/builtins are printed module-qualified.
class Outer:
    class InnerError(Exception):
        pass

class LibError(Exception):
    pass
LibError.__module__ = "mylib.errors"

try:
    raise Outer.InnerError("nested")
except Exception as e:
    print(type(e).__qualname__, e)
raise LibError("from a library")
