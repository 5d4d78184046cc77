# Correctly rounded sqrt, exp, ln, log10 and powers.
from decimal import *
import random
random.seed(5)
out = []
for i in range(200):
    prec = random.choice([1, 3, 7, 15, 28, 50, 100])
    c = Context(prec=prec, rounding=random.choice([ROUND_HALF_EVEN, ROUND_DOWN, ROUND_UP]), traps=[])
    x = Decimal(random.randint(1, 10**random.randint(1, 30))).scaleb(random.randint(-35, 5))
    if random.random() < 0.3: x = -x
    y = Decimal(random.randint(-10**5, 10**5)).scaleb(random.randint(-6, 0))
    for name, f in [('exp', lambda: c.exp(x)), ('ln', lambda: c.ln(x)), ('log10', lambda: c.log10(x)), ('sqrt', lambda: c.sqrt(x)), ('pow', lambda: c.power(x, y)), ('powi', lambda: c.power(x, random.randint(-20, 20)))]:
        c.clear_flags()
        try:
            r = f()
            out.append('%s %d %s %s -> %s %s' % (name, prec, x, y, r, sorted(k.__name__ for k, v in c.flags.items() if v)))
        except Exception as e:
            out.append('%s %s' % (type(e).__name__, e))
D = Decimal
out.append(str([D(1).exp(), D(2).ln(), D(10).ln(), D('0.5').log10(), D(100).log10(), D('1000.0').log10(), D('1.000').ln(), D(-1).exp(), D(2) ** D('0.5'), D(2).sqrt(), D('1e100').sqrt(), D('0.0001').sqrt(), D(4) ** D('0.5'), D('1.21').sqrt()]))
print('\n'.join(out))
