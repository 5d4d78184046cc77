# Slice assignment and deletion on lists and bytearrays, including extended slices and resizing.
a = list(range(10))
a[2:4] = ["a", "b", "c", "d"]
print(a)
a[::3] = ["X"] * len(a[::3])
print(a)
a[1:3] = []
print(a)
a[:0] = ["start"]
a[len(a):] = ["end"]
print(a)
a[-2:] = range(3)
print(a)
del a[::2]
print(a)
del a[1:-1]
print(a)
del a[:]
print(a, len(a))
b = [1, 2, 3, 4, 5]
b[1:4] = b[1:4][::-1]
print(b)
b[:] = (x * 10 for x in b)
print(b)
b[::-1] = b
print(b)
try:
    b[::2] = [1]
except ValueError as e:
    print("ValueError:", e)
try:
    b[1:2] = 5
except TypeError as e:
    print("TypeError:", e)
ba = bytearray(b"hello world")
ba[0:5] = b"HELLO"
ba[5:6] = b"___"
del ba[-1]
print(ba)
ba[::2] = b"." * len(ba[::2])
print(ba)
m = [[0] * 3 for _ in range(3)]
m[1][:] = [7, 8, 9]
m[0][::2] = [1, 1]
print(m)
grid = list(range(16))
rows = [grid[i:i + 4] for i in range(0, 16, 4)]
print(rows, [row[1:3] for row in rows[1:3]])
def rotate(seq, k):
    k %= len(seq)
    seq[:] = seq[-k:] + seq[:-k]
nums = [1, 2, 3, 4, 5]
rotate(nums, 2)
print(nums)
rotate(nums, -1)
print(nums)
c = list("abcdef")
c[2:4], c[0] = ["X"], "first"
print(c)
d = list(range(6))
d[4:1:-1] = "xyz"
print(d)
