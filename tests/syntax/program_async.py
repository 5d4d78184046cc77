import asyncio


async def fetch(session, url, *, retries=3):
    for attempt in range(retries):
        try:
            async with session.get(url) as response:
                return await response.text()
        except* ConnectionError as group:
            await asyncio.sleep(2 ** attempt)
    return None


async def main(urls):
    async with asyncio.TaskGroup() as tg:
        tasks = [tg.create_task(fetch(None, u)) for u in urls]
    results = {t.get_name(): t.result() async for t in aiter_tasks(tasks)}
    return results


class Counter:
    def __init__(self, n):
        self.n = n

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.n <= 0:
            raise StopAsyncIteration
        self.n -= 1
        return self.n
