if a:
    pass
if a:
    pass
else:
    pass
if a:
    x = 1
elif b:
    x = 2
elif c:
    x = 3
else:
    x = 4
if a: pass
if a: x = 1; y = 2
if (a and
        b):
    pass
if x := f():
    pass
while a:
    pass
while a:
    break
else:
    pass
while True:
    if x:
        continue
    break
while (n := n - 1) > 0: pass
