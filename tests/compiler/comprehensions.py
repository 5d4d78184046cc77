# Comprehensions and generator expressions (nested functions called with the iterator).
def comps(xs, ys):
    a = [x * 2 for x in xs if x]
    b = {x: y for x in xs for y in ys}
    c = {x for x in [1, 2, 3]}
    d = (x for x in xs)
    e = [y for x in xs for y in [x + 1]]
    f = [(last := x) for x in xs]
    return a, b, c, d, e, f, last


async def async_comps(aiter):
    return [x async for x in aiter]
