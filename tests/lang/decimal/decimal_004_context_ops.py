# Seeded context operations with random precisions, roundings and exponent limits.
import decimal, random
from decimal import *
random.seed(12)
R = [ROUND_DOWN, ROUND_HALF_UP, ROUND_HALF_EVEN, ROUND_CEILING, ROUND_FLOOR, ROUND_UP, ROUND_HALF_DOWN, ROUND_05UP]
def rnd_dec():
    k = random.random()
    if k < 0.05: return Decimal(random.choice(['NaN', '-NaN', 'sNaN', 'Inf', '-Inf', 'NaN12', '-0', '0', '0E-5', '0E+3']))
    digits = random.randint(1, random.choice([3, 10, 30, 60]))
    c = random.randint(0, 10 ** digits - 1)
    e = random.randint(-30, 30) if random.random() < 0.8 else random.randint(-120, 120)
    s = random.choice(['', '-'])
    return Decimal('%s%dE%d' % (s, c, e))
def flagstr(c):
    return ''.join(s.__name__[0:3] for s in [InvalidOperation, FloatOperation, DivisionByZero, Overflow, Underflow, Subnormal, Inexact, Rounded, Clamped] if c.flags[s])
out = []
ops = [
 ('add', lambda c, a, b: c.add(a, b)), ('sub', lambda c, a, b: c.subtract(a, b)), ('mul', lambda c, a, b: c.multiply(a, b)),
 ('div', lambda c, a, b: c.divide(a, b)), ('divint', lambda c, a, b: c.divide_int(a, b)), ('rem', lambda c, a, b: c.remainder(a, b)),
 ('divmod', lambda c, a, b: c.divmod(a, b)), ('remnear', lambda c, a, b: c.remainder_near(a, b)),
 ('powi', lambda c, a, b: c.power(a, random.randint(-12, 12))), ('pow', lambda c, a, b: c.power(a, b)),
 ('sqrt', lambda c, a, b: c.sqrt(a)), ('exp', lambda c, a, b: c.exp(a.scaleb(-random.randint(0, 30)) if a.is_finite() else a)), ('ln', lambda c, a, b: c.ln(a)), ('log10', lambda c, a, b: c.log10(a)),
 ('quant', lambda c, a, b: c.quantize(a, b)), ('norm', lambda c, a, b: c.normalize(a)), ('intx', lambda c, a, b: c.to_integral_exact(a)), ('intv', lambda c, a, b: c.to_integral_value(a)),
 ('cmp', lambda c, a, b: c.compare(a, b)), ('cmps', lambda c, a, b: c.compare_signal(a, b)), ('cmpt', lambda c, a, b: c.compare_total(a, b)), ('cmptm', lambda c, a, b: c.compare_total_mag(a, b)),
 ('max', lambda c, a, b: c.max(a, b)), ('min', lambda c, a, b: c.min(a, b)), ('maxm', lambda c, a, b: c.max_mag(a, b)), ('minm', lambda c, a, b: c.min_mag(a, b)),
 ('fma', lambda c, a, b: c.fma(a, b, rnd_dec())), ('nplus', lambda c, a, b: c.next_plus(a)), ('nminus', lambda c, a, b: c.next_minus(a)), ('ntow', lambda c, a, b: c.next_toward(a, b)),
 ('scaleb', lambda c, a, b: c.scaleb(a, random.randint(-50, 50))), ('rot', lambda c, a, b: c.rotate(a, random.randint(-c.prec, c.prec))), ('shift', lambda c, a, b: c.shift(a, random.randint(-c.prec, c.prec))),
 ('logb', lambda c, a, b: c.logb(a)), ('plus', lambda c, a, b: c.plus(a)), ('minus', lambda c, a, b: c.minus(a)), ('abs', lambda c, a, b: c.abs(a)),
 ('land', lambda c, a, b: c.logical_and(Decimal(random.choice(['1011', '0', '111'])), Decimal(random.choice(['1101', '1', '10'])))),
 ('create', lambda c, a, b: c.create_decimal(str(a))), ('cls', lambda c, a, b: c.number_class(a)), ('sq', lambda c, a, b: c.same_quantum(a, b)),
]
for i in range(3000):
    prec = random.choice([1, 2, 3, 5, 9, 16, 28, 40])
    emax = random.choice([999999, 99, 9])
    c = Context(prec=prec, rounding=random.choice(R), Emax=emax, Emin=-emax, clamp=random.randint(0, 1), traps=[])
    a = rnd_dec(); b = rnd_dec()
    name, f = random.choice(ops)
    try:
        r = f(c, a, b)
        out.append('%s %s %s %s -> %s %s' % (name, c.prec, a, b, r, flagstr(c)))
    except Exception as e:
        out.append('%s %s %s %s -> %s %s' % (name, c.prec, a, b, type(e).__name__, e))
print('\n'.join(out))
