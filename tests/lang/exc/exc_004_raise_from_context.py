# raise ... from ..., implicit context, __traceback__ presence, exception in except and finally blocks.
def parse_port(text):
    try:
        port = int(text)
    except ValueError as e:
        raise ValueError(f"invalid port {text!r}") from e
    if not 0 < port < 65536:
        raise ValueError(f"port out of range: {port}")
    return port
for t in ["80", "http", "70000", "443"]:
    try:
        print(t, "->", parse_port(t))
    except ValueError as e:
        print(t, "->", e, "| cause:", repr(e.__cause__), "| context is cause:", e.__context__ is e.__cause__)
def chain_three():
    try:
        try:
            raise KeyError("a")
        except KeyError as e1:
            raise IndexError("b") from e1
    except IndexError as e2:
        raise RuntimeError("c")
try:
    chain_three()
except RuntimeError as e:
    chain = []
    cur = e
    while cur is not None:
        chain.append(repr(cur))
        cur = cur.__cause__ or cur.__context__
    print(" <- ".join(chain))
try:
    raise ValueError("x") from TypeError("explicit cause object")
except ValueError as e:
    print(repr(e.__cause__), e.__suppress_context__)
try:
    raise ValueError("y") from None
except ValueError as e:
    print(e.__cause__, e.__suppress_context__, e.__context__)
try:
    try:
        raise ValueError("from class")
    except ValueError:
        raise KeyError from AttributeError
except KeyError as e:
    print(repr(e), repr(e.__cause__), type(e.__context__).__name__)
def finally_raises():
    try:
        raise ValueError("original")
    finally:
        raise KeyError("from finally")
try:
    finally_raises()
except KeyError as e:
    print(repr(e), "context:", repr(e.__context__))
def bare_raise_outside():
    try:
        raise
    except RuntimeError as e:
        return f"RuntimeError: {e}"
print(bare_raise_outside())
try:
    raise 42
except TypeError as e:
    print("TypeError:", e)
class NotAnException:
    pass
try:
    raise NotAnException()
except TypeError as e:
    print("TypeError:", e)
try:
    raise ValueError("x") from 5
except TypeError as e:
    print("TypeError:", e)
def handler_error():
    try:
        1 / 0
    except ZeroDivisionError:
        undefined_name_here
try:
    handler_error()
except NameError as e:
    print(repr(e), "| context:", repr(e.__context__))
err = None
try:
    raise OSError(2, "No such thing")
except OSError as e:
    err = e
print(err.errno, err.strerror, str(err), err.args)
exc = ValueError("reusable")
for i in range(2):
    try:
        raise exc
    except ValueError as e:
        print(i, e is exc)
try:
    raise ValueError
except ValueError as e:
    print(type(e).__name__, e.args)
