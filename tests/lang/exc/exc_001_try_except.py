# try/except/else/finally: matching, ordering, tuples of types, the bound name, re-raise.
def classify(fn):
    try:
        result = fn()
    except ZeroDivisionError:
        return "zero division"
    except (KeyError, IndexError) as e:
        return f"lookup error {type(e).__name__}: {e}"
    except ArithmeticError as e:
        return f"arithmetic {type(e).__name__}"
    except Exception as e:
        return f"other {type(e).__name__}: {e}"
    else:
        return f"ok {result}"
    finally:
        print("  finally for", fn.__name__)
def ok(): return 42
def div(): return 1 / 0
def key(): return {}["k"]
def idx(): return [][3]
def over(): raise OverflowError("too big")
def val(): return int("x")
def attr(): return None.missing
for f in [ok, div, key, idx, over, val, attr]:
    print(f.__name__, "->", classify(f))
def finally_order():
    log = []
    try:
        log.append("try")
        raise ValueError("boom")
    except ValueError:
        log.append("except")
    else:
        log.append("else (never)")
    finally:
        log.append("finally")
    return log
print(finally_order())
def else_runs():
    log = []
    try:
        log.append("try")
    except Exception:
        log.append("except")
    else:
        log.append("else")
    finally:
        log.append("finally")
    return log
print(else_runs())
def finally_overrides_return():
    try:
        return "from try"
    finally:
        print("  finally runs before the return completes")
print(finally_overrides_return())
def finally_return_wins():
    try:
        raise RuntimeError("lost")
    finally:
        return "finally return swallows the exception"
print(finally_return_wins())
def reraise():
    try:
        try:
            raise KeyError("inner")
        except KeyError:
            print("  handling, then re-raising")
            raise
    except KeyError as e:
        return f"outer caught {e!r}"
print(reraise())
try:
    raise ValueError("msg", 42)
except ValueError as e:
    print(e.args, str(e), repr(e))
try:
    raise TypeError
except TypeError as e:
    print(repr(e), e.args, str(e) == "")
e_name = "before"
try:
    raise IndexError("x")
except IndexError as e_name:
    pass
try:
    print(e_name)
except NameError as ne:
    print("NameError:", ne)
def nested():
    try:
        try:
            1 / 0
        finally:
            print("  inner finally")
    except ZeroDivisionError as e:
        print("  outer caught", e)
    return "done"
print(nested())
for i in range(4):
    try:
        if i == 1:
            continue
        if i == 3:
            break
        print("  loop body", i)
    finally:
        print("  loop finally", i)
try:
    try:
        raise ValueError("first")
    except ValueError:
        raise TypeError("second")
except TypeError as e:
    print(repr(e), repr(e.__context__), e.__cause__, e.__suppress_context__)
