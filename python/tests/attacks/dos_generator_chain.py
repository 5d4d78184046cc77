# family: dos
# options: {"max_time": 3}
# expect: error
# why: A chain of a million nested generators, then destroyed: building, running and freeing it must not recurse natively without bound.
g = iter([1])
for _ in range(1000000):
    g = (x for x in g)
print(next(g))
