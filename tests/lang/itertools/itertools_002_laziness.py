from itertools import *
import operator

def t(f, *a, **k):
    try: print(repr(f(*a, **k)))
    except Exception as e: print(type(e).__name__, e)

def noisy(name, items):
    for x in items:
        print('  %s yields %r' % (name, x))
        yield x
    print('  %s done' % name)

# Nothing is consumed before the first next().
for make in [lambda s: chain(s), lambda s: islice(s, 1, 3), lambda s: accumulate(s),
             lambda s: compress(s, [1, 0, 1]), lambda s: dropwhile(lambda x: x < 2, s),
             lambda s: takewhile(lambda x: x < 2, s), lambda s: filterfalse(None, s),
             lambda s: starmap(operator.neg, ((x,) for x in s)), lambda s: pairwise(s),
             lambda s: zip_longest(s, "ab"), lambda s: (k for k, g in groupby(s)), lambda s: cycle(s)]:
    it = make(noisy('src', [1, 2, 3]))
    print('created')
    print(list(islice(it, 4)))

# chain.from_iterable reads the outer iterable lazily
print(list(islice(chain.from_iterable(noisy('outer', ['ab', 'cd', 'ef'])), 3)))
# islice stops without reading past stop
src = iter(range(10))
print(list(islice(src, 2, 5)), next(src))
print(list(islice(count(), 5, 20, 4)), list(islice(count(10**18), 2)))
c = count(2**62, 2**61); print([next(c) for i in range(4)], c)
c = count(-3, -1); print([next(c) for i in range(3)], c)
c = count(1j, 1+1j); print([next(c) for i in range(3)], c)
from fractions import Fraction
c = count(Fraction(1, 3), Fraction(1, 3)); print([next(c) for i in range(3)])
# takewhile / dropwhile state
tw = takewhile(lambda x: x < 3, [1, 2, 3, 1, 2]); print(list(tw), list(tw))
dw = dropwhile(lambda x: x < 3, [1, 2, 3, 1, 2]); print(next(dw), list(dw))
# groupby: advancing the outer iterator invalidates the previous group
g = groupby('aaabbbcc')
k1, g1 = next(g)
k2, g2 = next(g)
print(k1, list(g1), k2, next(g2), list(g2))
print([(k, len(list(v))) for k, v in groupby(sorted('mississippi'))])
print([(k, list(v)) for k, v in groupby([], key=len)])
print([(k, list(v)) for k, v in groupby(['a', 'bb', 'cc', 'd'], len)])
# tee across several internal links and interleaved consumption
a, b = tee(range(200))
first = [next(a) for i in range(130)]
print(sum(first), next(b), sum(b), sum(a))
a, b, c = tee('xyz', 3)
print(next(a), next(b), list(c), list(a), list(b))
a, b = tee(noisy('shared', [1, 2]))
print(next(a), next(b), next(b))
print(type(a).__name__ in ('_tee', 'itertools._tee'))
t1, = tee([5, 6], 1); print(list(t1))
# tee of a tee copies
x, y = tee([1, 2, 3]); next(x)
x2, x3 = tee(x); print(list(x2), list(x3), list(y))
# cycle remembers the items of the first pass only
src = [1, 2]
cy = cycle(src); print(next(cy), next(cy)); src.append(3); print([next(cy) for i in range(4)])
# accumulate variants
print(list(accumulate([1, 2, 3], initial=None)), list(accumulate([5], lambda a, b: a - b, initial=100)))
print(list(accumulate([2, 3, 4], func=operator.pow)), list(accumulate(['a', 'b'], initial='>')))
t(list, accumulate([1, 'a']))
# repeat and zip_longest edge cases
print(list(zip_longest()), list(zip_longest([])), list(zip_longest('ab', 'c', [], fillvalue=0)))
print(list(map(pow, range(5), repeat(2))), list(repeat('z', 0)))
# product / combinatorics edge cases
print(list(product('ab', repeat=0)), list(product([], repeat=0)), list(product('ab', 'c', repeat=2)))
print(len(list(permutations(range(5)))), len(list(combinations(range(10), 5))), len(list(combinations_with_replacement(range(5), 3))))
print(list(permutations('abc', 0)), list(combinations('', 0)), list(combinations('abc', 4)))
p = product(noisy('pool', 'xy'), 'z'); print('product materialises:'); print(next(p))
# compress with shorter selectors, starmap with lists
print(list(compress('abcdef', [1, 1])), list(starmap(max, [[1, 5], (7, 2)])))
t(list, starmap(max, [1, 2]))
# errors raised from inside the iterated functions propagate
def boom(x):
    if x == 2: raise KeyError(x)
    return x
t(list, map(boom, [1, 2]))
t(list, takewhile(boom, [1, 2]))
t(list, filterfalse(boom, [1, 2]))
t(list, groupby([1, 2], key=boom))
t(list, accumulate([1, 2, 3], lambda a, b: boom(b)))
# errors at construction
t(chain.from_iterable, 5)
t(cycle, 5)
t(pairwise, None)
t(groupby)
t(repeat)
t(count, start='a')
t(accumulate, [1], operator.add, 3)
t(compress, [1])
t(dropwhile, len)
t(zip_longest, 1)
t(product, 1)
t(combinations, [1], 1.5)
t(islice, 5, 1)
