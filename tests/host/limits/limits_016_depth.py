# flags: --max-depth=50
# exit: 0
# stdout: limit 50
# stdout: RecursionError maximum recursion depth exceeded
# stdout: still 50
# stdout: ok
# --max-depth is the recursion limit: deeper recursion raises RecursionError
# (catchable, as CPython's), and sys.setrecursionlimit cannot raise it.
import sys

print("limit", sys.getrecursionlimit())


def down(n):
    return down(n + 1)


try:
    down(0)
except RecursionError as e:
    print("RecursionError", e)
sys.setrecursionlimit(10000)
print("still", sys.getrecursionlimit())


def depth(n):
    return n if n == 40 else depth(n + 1)


assert depth(0) == 40
print("ok")
