# exit: 0
# stdout: MemoryError source code too large
# stdout: ok
# Source texts beyond max_source_bytes (64 MiB on the command line) are
# refused before anything is parsed.
src = "#" * (65 * 2**20)
for f in (exec, eval, lambda s: compile(s, "<big>", "exec")):
    try:
        f(src)
        print("accepted")
    except MemoryError as e:
        print("MemoryError", " ".join(str(e).split()[:4]))
        break
print("ok")
