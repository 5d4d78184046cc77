x = a if b else c
x = a if b else c if d else e
x = (a if b else c) if d else e
x = a if (b if c else d) else e
x = lambda: a if b else c
f(a if b else c)
[a if b else c for x in y]
x = a or b if c and d else not e
x = 1 if True else 2
