# flags: --max-memory=64M
# exit: 0
# stdout: MemoryError not enough memory to compile
# stdout: 42
# stdout: ok
# Compiling a large source needs memory for the parser and the compiler,
# charged before they run: a source too large for the heap left is a clean
# MemoryError, and smaller sources still compile.
src = "x = 1\n" * (2 * 2**20)
try:
    exec(src)
    print("compiled")
except MemoryError as e:
    print("MemoryError", " ".join(str(e).split()[:5]))
del src
exec("y = 42")
print(y)
print("ok")
