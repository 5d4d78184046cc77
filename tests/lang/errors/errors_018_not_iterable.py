# TypeError: iterating over an int.
def total(values):
    s = 0
    for v in values:
        s += v
    return s
print(total([1, 2, 3]), total(range(5)), total((7,)))
print(total(42))
