# Names, constants, operators, calls and displays at module level.
x = 1
y = -x + 2 * 3 - 4 ** 2
z = (1, 2, (3, -4.5), "s", b"b", None, True, ...)
big = 123456789012345678901234567890
c = 1 + 2j
print(x, y, sep="-", end="")
a, b = b, a
a, *rest, last = z
first = second = 0
lst = [1, 2, 3]
s = {x, y}
d = {"k": 1, "v": 2}
e = {**d, "z": 3}
t = (*lst, *s)
obj.attr = lst[0]
obj.attr += 1
lst[1:2] = lst[::2]
lst[0] //= 3
del obj.attr, lst[0], first
x = a if b else c
y = a and b or not c
z = a < b <= c != d
w = a is not None and b not in lst
f(*args, **kwargs)
f(1, *args, k=2, **kwargs)
m.method(1, key=2)
