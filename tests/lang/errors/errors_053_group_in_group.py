# Nested exception groups.
inner = ExceptionGroup("inner", [KeyError("k"), IndexError(2)])
outer = ExceptionGroup("outer", [ValueError(1), inner])
try:
    raise outer
except* ValueError as vs:
    print("handled", vs.exceptions)
