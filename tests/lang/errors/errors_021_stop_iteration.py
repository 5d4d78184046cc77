# An uncaught StopIteration from next() on an exhausted iterator.
it = iter(["first", "second"])
print(next(it))
print(next(it))
print(next(it, "default used"))
print(next(it))
