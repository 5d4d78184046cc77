# Float-heavy algorithms: Newton's method, numerical integration, statistics, a tiny matrix solver.
def sqrt_newton(x):
    g = x / 2 if x > 1 else 1.0
    for _ in range(60):
        g = (g + x / g) / 2
    return g
for x in [2.0, 10.0, 0.25, 1e10, 12345.678]:
    print(x, round(sqrt_newton(x), 12), round(x ** 0.5, 12))
def integrate(f, a, b, n=1000):
    h = (b - a) / n
    s = f(a) + f(b)
    for i in range(1, n):
        s += f(a + i * h) * (4 if i % 2 else 2)
    return s * h / 3
print(round(integrate(lambda x: x * x, 0, 3), 10), round(integrate(lambda x: 1 / (1 + x * x), 0, 1) * 4, 12))
data = [2.5, 3.1, 4.7, 1.2, 9.8, 5.5, 3.3, 7.0]
mean = sum(data) / len(data)
var = sum((d - mean) ** 2 for d in data) / (len(data) - 1)
s = sorted(data)
median = (s[3] + s[4]) / 2
print(f"mean={mean:.4f} var={var:.4f} sd={var ** 0.5:.4f} median={median}")
def solve(a, b):
    n = len(a)
    m = [row[:] + [v] for row, v in zip(a, b)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[p] = m[p], m[c]
        for r in range(n):
            if r != c:
                f = m[r][c] / m[c][c]
                for k in range(c, n + 1):
                    m[r][k] -= f * m[c][k]
    return [m[i][n] / m[i][i] for i in range(n)]
xs = solve([[2.0, 1.0, -1.0], [-3.0, -1.0, 2.0], [-2.0, 1.0, 2.0]], [8.0, -11.0, -3.0])
print([round(x, 9) for x in xs])
def exp_series(x, terms=30):
    total, term = 1.0, 1.0
    for k in range(1, terms):
        term *= x / k
        total += term
    return total
e = exp_series(1.0)
print(e, round(e, 12), exp_series(2.0), exp_series(-1.0) * e)
def pi_leibniz(n):
    return 4 * sum((-1) ** k / (2 * k + 1) for k in range(n))
print(pi_leibniz(10), pi_leibniz(1000))
def sin_taylor(x):
    total, term, k = 0.0, x, 1
    while abs(term) > 1e-17:
        total += term
        term *= -x * x / ((k + 1) * (k + 2))
        k += 2
    return total
for x in [0.0, 0.5, 1.0, 3.141592653589793 / 2, 3.141592653589793]:
    print(x, round(sin_taylor(x), 12))
celsius = [-40, 0, 37, 100]
print([(c, c * 9 / 5 + 32) for c in celsius])
print(sum([0.1] * 10), max(data), min(data), sorted(data, reverse=True)[:3])
print(abs(-3.5), abs(3.5), -abs(-0.0), float.__name__)
