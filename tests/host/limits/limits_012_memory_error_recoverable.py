# flags: --max-memory=64M
# exit: 0
# stdout: MemoryError 1
# stdout: MemoryError 2
# stdout: still works 1000
# stdout: ok
# One allocation too large for the room left raises MemoryError, which the
# guest can catch; the program then goes on normally.
try:
    s = "a" * (100 * 2**20)
except MemoryError:
    print("MemoryError 1")
big = bytearray(30 * 2**20)
try:
    more = [0] * (8 * 2**20)
except MemoryError:
    print("MemoryError 2")
del big
print("still works", len("b" * 1000))
more = [0] * (2 * 2**20)
assert len(more) == 2 * 2**20
print("ok")
