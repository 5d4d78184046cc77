# TypeError: more positional arguments than parameters.
def add(a, b):
    return a + b
print(add(1, 2), add("x", "y"), add([1], [2]))
print(add(1, 2, 3))
