def f():
    global a
    global a, b, c
    def g():
        nonlocal x
        nonlocal x, y
    x = 1
pass
del a
del a, b
del a.b, c[d], e[1:2]
del (a, b)
del [a, b]
del (a), b,
assert x
assert x, "message"
assert (x, y)
raise
raise E
raise E("x")
raise E from cause
