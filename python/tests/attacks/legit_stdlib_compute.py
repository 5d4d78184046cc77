# family: legit
# expect: ok
# check: output-contains checks passed
# why: Ordinary computation with the default modules keeps working under the default limits.
import json, math, re, collections, itertools, functools, heapq, dataclasses, fractions, statistics
@dataclasses.dataclass
class Point:
    x: int
    y: int
points = [Point(i, i * i % 7) for i in range(100)]
counts = collections.Counter(p.y for p in points)
assert sum(counts.values()) == 100
assert json.loads(json.dumps({'a': [1, 2.5, None]})) == {'a': [1, 2.5, None]}
assert re.findall(r'\d+', 'a1b22c333') == ['1', '22', '333']
assert heapq.nsmallest(3, [5, 1, 4, 2]) == [1, 2, 4]
assert functools.reduce(lambda a, b: a * b, range(1, 20)) == math.factorial(19)
assert fractions.Fraction(1, 3) + fractions.Fraction(1, 6) == fractions.Fraction(1, 2)
assert statistics.mean([1, 2, 3, 4]) == 2.5
assert list(itertools.islice(itertools.count(), 3)) == [0, 1, 2]
print('checks passed')
