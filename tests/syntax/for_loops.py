for x in y:
    pass
for x in y:
    pass
else:
    pass
for x, y in z:
    pass
for (x, y) in z:
    pass
for [x, y] in z:
    pass
for x, *y in z:
    pass
for *x, y in z:
    pass
for x.attr in y:
    pass
for x[0] in y:
    pass
for x in a, b, c:
    pass
for x in *a, *b:
    pass
for x in range(10):
    for y in range(x):
        if y: break
        continue
for i, (a, b) in enumerate(pairs): pass
