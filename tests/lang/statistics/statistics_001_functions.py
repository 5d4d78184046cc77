# All functions on seeded data sets, exact float results, errors, NormalDist.
import statistics as S, random
from fractions import Fraction as F
def p(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
random.seed(5)
for k in range(60):
    n = random.randint(1, 12)
    kind = k % 4
    if kind == 0: data = [random.randint(-100, 100) for _ in range(n)]
    elif kind == 1: data = [random.uniform(-1e3, 1e3) for _ in range(n)]
    elif kind == 2: data = [random.choice([0.1, 0.2, 0.3, 1e16, -1e16, 1.5, 2]) for _ in range(n)]
    else: data = [F(random.randint(-50, 50), random.randint(1, 9)) for _ in range(n)]
    print(data)
    for fn in [S.mean, S.fmean, S.median, S.median_low, S.median_high, S.median_grouped, S.mode, S.multimode, S.variance, S.pvariance, S.stdev, S.pstdev, S.geometric_mean, S.harmonic_mean, lambda d: S.quantiles(d), lambda d: S.quantiles(d, n=10, method='inclusive'), lambda d: S.variance(d, 3), lambda d: S.median_grouped(d, 3)]:
        p(lambda: fn(data))
    y = [random.uniform(0, 10) for _ in range(n)]
    p(lambda: S.covariance(data, y)); p(lambda: S.correlation(data, y)); p(lambda: S.linear_regression(data, y)); p(lambda: S.linear_regression(data, y, proportional=True))
p(lambda: S.mean([])); p(lambda: S.mean([1, 2.5, F(1, 3)])); p(lambda: S.mean(['a'])); p(lambda: S.mean([True, False, True])); p(lambda: S.mean([1, float('inf')])); p(lambda: S.variance([1, float('nan')])); p(lambda: S.stdev([1])); p(lambda: S.mode([])); p(lambda: S.mode('aabbbc')); p(lambda: S.multimode('aabbcc')); p(lambda: S.harmonic_mean([1, 0, 2])); p(lambda: S.harmonic_mean([1, -1])); p(lambda: S.harmonic_mean([5])); p(lambda: S.harmonic_mean([40, 60], weights=[5, 30])); p(lambda: S.fmean([1, 2, 3], weights=[1, 0, 2])); p(lambda: S.fmean(iter([1, 2])));  p(lambda: S.geometric_mean([1, 0])); p(lambda: S.quantiles([1], n=4)); p(lambda: S.quantiles([1, 2], n=0)); p(lambda: S.correlation([1, 1], [2, 3])); p(lambda: S.linear_regression([1, 1], [1, 2])); p(lambda: S.covariance([1], [1, 2]))
N = S.NormalDist(100, 15)
p(lambda: (N, N.pdf(110), N.cdf(110), N.inv_cdf(0.3), N.inv_cdf(0.01), N.inv_cdf(1e-10), N.quantiles(), N.overlap(S.NormalDist(110, 20)), N.zscore(130), N + 5, N * 2, N - S.NormalDist(1, 2), -N, N == S.NormalDist(100, 15), N.mean, N.stdev, N.variance, S.NormalDist.from_samples([1, 2, 3, 4.5])))
p(lambda: S.NormalDist(0, -1)); p(lambda: N.inv_cdf(1)); p(lambda: S.NormalDist(1, 2).samples(3, seed=42))
p(lambda: isinstance(S.StatisticsError('x'), ValueError)); p(lambda: S.linear_regression([1, 2, 3], [2, 4, 7]).slope)
