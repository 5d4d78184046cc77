# with statements: single, multiple items, targets, return inside.
def simple(path):
    with open(path) as f:
        return f.read()


def multiple(a, b):
    with a as x, b as (y, z):
        use(x, y, z)
    with a:
        pass
