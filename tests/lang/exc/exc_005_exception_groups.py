# ExceptionGroup and except*: splitting, nesting, matching by type, subgroup/split, re-raising leftovers.
def run_all(tasks):
    errors = []
    results = []
    for name, fn in tasks:
        try:
            results.append((name, fn()))
        except Exception as e:
            errors.append(e)
    if errors:
        raise ExceptionGroup("some tasks failed", errors)
    return results
tasks = [("ok", lambda: 1), ("div", lambda: 1 / 0), ("key", lambda: {}["k"]), ("val", lambda: int("z")),
         ("div2", lambda: 5 // 0)]
try:
    run_all(tasks)
except* ZeroDivisionError as eg:
    print("zero division group:", eg.message, [str(e) for e in eg.exceptions])
except* (KeyError, ValueError) as eg:
    print("lookup/value group:", [type(e).__name__ for e in eg.exceptions])
print(run_all([("a", lambda: "fine")]))
eg = ExceptionGroup("batch", [ValueError("v1"), TypeError("t1"), ValueError("v2"),
                              ExceptionGroup("nested", [ValueError("v3"), KeyError("k1")])])
print(eg, repr(eg.message), len(eg.exceptions), type(eg).__name__)
vals = eg.subgroup(lambda e: isinstance(e, ValueError))
print(repr(vals))
match, rest = eg.split(TypeError)
print(repr(match))
print(repr(rest))
print(eg.subgroup(OSError), eg.split(OSError)[0])
try:
    try:
        raise ExceptionGroup("mixed", [ValueError("a"), OSError("b")])
    except* ValueError as g:
        print("handled values:", [str(e) for e in g.exceptions])
except* OSError as g:
    print("propagated to outer:", [str(e) for e in g.exceptions])
try:
    raise ValueError("plain")
except* ValueError as g:
    print("plain exception wrapped:", type(g).__name__, repr(g.exceptions[0]))
try:
    try:
        raise ExceptionGroup("all types", [KeyError("x"), IndexError("y")])
    except* LookupError as g:
        print("LookupError matches both:", sorted(type(e).__name__ for e in g.exceptions))
        raise RuntimeError("handler failed")
except ExceptionGroup as outer:
    print("outer:", repr(outer.exceptions))
except RuntimeError as r:
    print("runtime:", r)
beg = BaseExceptionGroup("base", [ValueError("only exceptions")])
print(type(beg).__name__, isinstance(beg, ExceptionGroup), isinstance(eg, BaseExceptionGroup))
try:
    ExceptionGroup("empty", [])
except ValueError as e:
    print("ValueError:", e)
try:
    ExceptionGroup("bad", [1])
except ValueError as e:
    print("ValueError:", e)
def count_leaves(g):
    n = 0
    for e in g.exceptions:
        n += count_leaves(e) if isinstance(e, BaseExceptionGroup) else 1
    return n
print(count_leaves(eg), [type(e).__name__ for e in eg.exceptions])
derived = eg.derive([KeyError("fresh")])
print(repr(derived), derived.message)
