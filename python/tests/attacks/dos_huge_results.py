# family: dos
# options: {"max_memory": 67108864}
# expect: limit memory
# why: Operations whose result size is known in advance (repeat, shift, range materialisation, join) must check before they allocate.
tries = [lambda: 'ab' * (1 << 40), lambda: [None] * (1 << 40), lambda: b'\0' * (1 << 40),
         lambda: 1 << (1 << 40), lambda: list(range(1 << 40)), lambda: ' '.join(['x'] * (1 << 30)),
         lambda: 'x'.ljust(1 << 40), lambda: bytes(1 << 40)]
for attempt in tries:
    try:
        attempt()
    except (MemoryError, OverflowError) as e:
        print('refused', type(e).__name__)
s = 'x' * (1 << 45)
