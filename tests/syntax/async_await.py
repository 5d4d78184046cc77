async def f():
    await x
    await x.y()
    await (x)
    return await y
    x = await y
    async for a in b:
        pass
    async for a in b:
        pass
    else:
        pass
    async with a as b:
        pass
    async with a, b as c:
        pass
    async with (a as b, c):
        pass
    await asyncio.sleep(1)
    result = [await f() for f in fs]
    print(await x ** 2)
    -await x
    await x[0]
async def g(): yield
class C:
    async def method(self):
        await self.other()
