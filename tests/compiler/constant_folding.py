# Constant folding and constant-condition elimination.
a = -1
b = 2 ** 10
c = 1 << 20
d = "ab" * 3
e = (1, (2, -3.5), "x")
f = 7 // 2, -7 % 3, 1 / 4
g = x in [1, 2, 3]
h = x in {4, 5}
for i in [1, 2]:
    pass
if __debug__:
    debug_on = True
while 0:
    never()
if not True:
    never()
