# Type preservation (int, float, Fraction, Decimal) and mixed types.
import statistics as S
from fractions import Fraction as F
from decimal import Decimal as D

def p(f):
    try:
        r = f()
        print(repr(r), type(r).__name__)
    except Exception as e:
        print(type(e).__name__, e)

p(lambda: S.mean([1, 2, 3, 4])); p(lambda: S.mean([1, 2, 3, 4, 5])); p(lambda: S.mean([F(1, 3), F(2, 3), 1]))
p(lambda: S.mean([D('1.1'), D('2.2'), D('3.35')])); p(lambda: S.mean([1, 2.5])); p(lambda: S.mean([F(1, 2), 0.25]))
p(lambda: S.mean([D(1), 1.5])); p(lambda: S.mean([D(1), F(1, 2)]))
p(lambda: S.variance([D('1.5'), D('2.5'), D('2.5'), D('2.75'), D('3.25'), D('4.75')]))
p(lambda: S.stdev([D('1.5'), D('2.5'), D('2.5'), D('2.75'), D('3.25'), D('4.75')]))
p(lambda: S.pstdev([D(1), D(2), D(4)])); p(lambda: S.pvariance([F(1, 4), F(5, 4), F(1, 2), F(3, 4), F(7, 8)]))
p(lambda: S.variance([1, 2, 3, 4, 5, 6])); p(lambda: S.variance([1, 2, 3, 4])); p(lambda: S.pvariance([0, 0, 1, 1]))
p(lambda: S.stdev([2.5, 3.25, 5.5, 11.25, 11.75])); p(lambda: S.pstdev([1.5, 2.5, 2.5, 2.75, 3.25, 4.75]))
p(lambda: S.median([1, 3, 5])); p(lambda: S.median([1, 3, 5, 7])); p(lambda: S.median([F(1, 2), F(1, 3)])); p(lambda: S.median([D('1.5'), D('2.5')]))
p(lambda: S.harmonic_mean([2.5, 3, 10])); p(lambda: S.harmonic_mean([F(1, 2), F(1, 3)])); p(lambda: S.harmonic_mean([D('2.5'), D(3)]))
p(lambda: S.geometric_mean([54, 24, 36])); p(lambda: S.fmean([F(1, 3), D('0.25'), 1]))
p(lambda: S.mode(['red', 'blue', 'red'])); p(lambda: S.mode([1.5, 1.5, 2])); p(lambda: S.multimode([1, 1, 2, 2, 3])); p(lambda: S.multimode(''))
p(lambda: S.quantiles([F(1), F(2), F(3), F(4)])); p(lambda: S.quantiles(range(1, 11), n=3)); p(lambda: S.quantiles([1.5, 2.5], n=2, method='inclusive')); p(lambda: S.quantiles([1, 2], method='bad'))
p(lambda: S.mean(iter([1, 2, 3]))); p(lambda: S.variance(iter([1.0, 2.0, 4.0]))); p(lambda: S.median_grouped([1, 2, 2, 3, 4, 4, 4, 4, 4, 5], interval=2))
p(lambda: S.median_grouped(['a'])); p(lambda: S.mean([1, 'x'])); p(lambda: S.variance([D(1), F(1, 2)]))
p(lambda: S.correlation(range(10), [x * x for x in range(10)])); p(lambda: S.covariance([1, 2, 3], [1.5, 3.5, 2]))
r = S.linear_regression([1, 2, 3, 4, 5], [2.1, 3.9, 6.2, 7.8, 10.1])
print(r, r.slope, r.intercept, r[0], tuple(r), type(r).__name__)
