# except* (uses exception group matching).
def run(exc):
    try:
        raise exc
    except* ValueError as g:
        print("ValueError part:", repr(g))
    except* (TypeError, KeyError) as g:
        print("Type/Key part:", repr(g))

run(ExceptionGroup("eg", [ValueError(1), TypeError(2), KeyError(3)]))
run(ValueError("naked"))
run(ExceptionGroup("only", [KeyError("k")]))
try:
    run(ExceptionGroup("rest", [ValueError(1), OSError(5)]))
except ExceptionGroup as rest:
    print("left over:", repr(rest))

try:
    try:
        raise ExceptionGroup("nested", [ValueError(1), ExceptionGroup("in", [ValueError(2), ZeroDivisionError()])])
    except* ValueError as g:
        print("matched", g.exceptions)
except ExceptionGroup as rest:
    print("rest", rest.exceptions)
