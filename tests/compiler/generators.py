# Generators, yield from, coroutines, async for/with, async generators.
def gen(n):
    x = yield n
    yield from range(x)
    return x


async def coro(session):
    async with session as s:
        data = await s.fetch()
    async for item in s:
        await item
    return data


async def agen():
    yield 1
    await other()
