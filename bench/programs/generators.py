# Generator pipelines: chained lazy stages, generator expressions and yield from.
def numbers(n):
    i = 0
    while i < n:
        yield i
        i += 1


def evens(it):
    for x in it:
        if x % 2 == 0:
            yield x


def squares(it):
    for x in it:
        yield x * x


def windows(it, size):
    buf = []
    for x in it:
        buf.append(x)
        if len(buf) == size:
            yield tuple(buf)
            del buf[0]


def flatten(it):
    for chunk in it:
        yield from chunk


total = sum(squares(evens(numbers(1200000))))
print("sum of even squares", total)
win_max = max(sum(w) for w in windows(numbers(400000), 5))
print("max window sum", win_max)
flat = sum(1 for _ in flatten(range(i % 10) for i in range(200000)))
print("flattened items", flat)
pipeline = (x * 3 for x in (y + 1 for y in numbers(900000)) if x % 5)
print("pipeline", sum(pipeline))


def collatz(n):
    while n != 1:
        yield n
        n = n // 2 if n % 2 == 0 else 3 * n + 1
    yield 1


longest = max(range(1, 40000), key=lambda n: sum(1 for _ in collatz(n)))
print("longest collatz start below 40000:", longest)
