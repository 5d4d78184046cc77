# family: dos
# options: {"max_time": 4}
# expect: error
# why: Deeply nested data makes recursive native code (repr, ==, hash, json, deepcopy, pickling of results) overflow the stack if unbounded.
import json, copy
deep = []
for _ in range(300000):
    deep = [deep]
for label, action in (('repr', lambda: repr(deep)), ('eq', lambda: deep == copy.copy(deep)),
                      ('json', lambda: json.dumps(deep)), ('deepcopy', lambda: copy.deepcopy(deep)),
                      ('str', lambda: str(deep)), ('hash', lambda: hash(tuple(deep)))):
    try:
        action()
        print(label, 'done')
    except (RecursionError, MemoryError, TypeError) as e:
        print(label, 'refused', type(e).__name__)
deep
