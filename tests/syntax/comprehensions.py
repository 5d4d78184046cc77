[x for x in y]
[x for x in y if x]
[x for x in y if x if not x]
[x * y for x in a for y in b]
[x for x in a if x for y in b if y]
[(x, y) for x, y in pairs]
[x for (x, y) in pairs]
[x for [x, y] in pairs]
[x for *x, y in pairs]
[x for x.a in y]
[x for x[0] in y]
{x for x in y}
{k: v for k, v in items}
{k: v for k in a for v in b if k != v}
(x for x in y)
(x for x in y if cond)
[[y for y in x] for x in matrix]
[x for x in (a if b else c)]
[x for x in a or b]
[(x := 1) for y in z]
async def f():
    [x async for x in aiter()]
    {x async for x in aiter()}
    {k: v async for k, v in aiter()}
    (x async for x in aiter())
    [x for x in y async for z in w]
    [await x for x in y]
