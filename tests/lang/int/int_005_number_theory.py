# Integer algorithms as real programs write them: sieve, modular exponentiation, base conversion, rationals.
def sieve(limit):
    flags = [True] * (limit + 1)
    flags[0] = flags[1] = False
    for i in range(2, int(limit ** 0.5) + 1):
        if flags[i]:
            flags[i * i::i] = [False] * len(range(i * i, limit + 1, i))
    return [i for i, f in enumerate(flags) if f]
primes = sieve(2000)
print(len(primes), primes[:15], primes[-5:])
def factorize(n):
    out = []
    d = 2
    while d * d <= n:
        while n % d == 0:
            out.append(d)
            n //= d
        d += 1
    if n > 1:
        out.append(n)
    return out
for n in [360, 97, 1001, 2 ** 32 + 1, 600851475143, 1234567890]:
    print(n, factorize(n))
def egcd(a, b):
    if b == 0:
        return a, 1, 0
    g, x, y = egcd(b, a % b)
    return g, y, x - (a // b) * y
for a, m in [(3, 11), (10, 17), (7, 40), (123456789, 1000000007)]:
    g, x, _ = egcd(a, m)
    print(a, m, g, x % m, pow(a, -1, m), (a * pow(a, -1, m)) % m)
def miller_rabin(n):
    if n < 2:
        return False
    for p in (2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37):
        if n % p == 0:
            return n == p
    d, s = n - 1, 0
    while d % 2 == 0:
        d //= 2
        s += 1
    for a in (2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37):
        x = pow(a, d, n)
        if x in (1, n - 1):
            continue
        for _ in range(s - 1):
            x = x * x % n
            if x == n - 1:
                break
        else:
            return False
    return True
print([n for n in [2 ** 61 - 1, 2 ** 61 + 1, 10 ** 18 + 9, 10 ** 18 + 7, 561, 1105] if miller_rabin(n)])
class Frac:
    def __init__(self, n, d=1):
        if d < 0:
            n, d = -n, -d
        g = egcd(abs(n), d)[0] or 1
        self.n, self.d = n // g, d // g
    def __add__(self, o):
        return Frac(self.n * o.d + o.n * self.d, self.d * o.d)
    def __mul__(self, o):
        return Frac(self.n * o.n, self.d * o.d)
    def __repr__(self):
        return f"{self.n}/{self.d}"
h = Frac(0)
for k in range(1, 21):
    h = h + Frac(1, k)
print("H20 =", h)
print(Frac(6, -8), Frac(3, 4) * Frac(8, 9), Frac(1, 3) + Frac(1, 6))
def catalan(n):
    c = 1
    for k in range(n):
        c = c * 2 * (2 * k + 1) // (k + 2)
    return c
print([catalan(i) for i in range(15)], catalan(60))
def binom(n, k):
    r = 1
    for i in range(1, k + 1):
        r = r * (n - i + 1) // i
    return r
print([binom(10, k) for k in range(11)], binom(100, 50))
