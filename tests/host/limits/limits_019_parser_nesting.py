# exit: 0
# stdout: SyntaxError too many nested parentheses
# stdout: RecursionError maximum recursion depth exceeded during compilation
# stdout: RecursionError maximum recursion depth exceeded during compilation
# stdout: ok
# Deeply nested source is an error of the parser or compiler (as in
# CPython), never a native stack overflow.
for src in ["x = " + "(" * 100000 + ")" * 100000, "x = " + "-" * 100000 + "1", "f = " + "lambda: " * 100000 + "1"]:
    try:
        compile(src, "<deep>", "exec")
        print("compiled")
    except (SyntaxError, RecursionError, MemoryError) as e:
        print(type(e).__name__, e.msg if isinstance(e, SyntaxError) else e)
print("ok")
