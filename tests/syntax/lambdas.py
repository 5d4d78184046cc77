lambda: 0
lambda x: x
lambda x, y: x + y
lambda x=1: x
lambda x, y=2, *args, z, w=3, **kwargs: 0
lambda *args: args
lambda **kwargs: kwargs
lambda *, a: a
lambda *, a=1, b: a
lambda a, /: a
lambda a, b=1, /, c=2: a
lambda a, /, b, *, c: a
lambda: (yield)
lambda: lambda: 1
lambda x: x if x else lambda: x
f = lambda self, *a, **k: self(*a, **k)
sorted(items, key=lambda item: item[1])
