# match statements treat deques (and their subclasses) as sequences.
from collections import deque

class D(deque):
    pass

for subject in (deque([1, 2]), D('xyz'), deque(), deque([1, [2, 3]], 5)):
    match subject:
        case []:
            print('empty')
        case [a, b]:
            print('pair', a, b)
        case [first, *rest]:
            print('first', first, 'rest', rest)
