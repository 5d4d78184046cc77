# Signals, traps, flags and the exception lists they carry.
from decimal import *
def p(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, repr(e.args), e)
p(lambda: Decimal(1) / 0); p(lambda: Decimal('abc')); p(lambda: Decimal(0) / 0); p(lambda: Decimal('1e999999') * 10); p(lambda: Decimal('NaN') < 1); p(lambda: Decimal('sNaN') + 1); p(lambda: Decimal(1) + 1.0); p(lambda: 1.5 < Decimal(1)); p(lambda: Decimal(2).sqrt()); p(lambda: Decimal(-2).sqrt()); p(lambda: hash(Decimal('sNaN')))
c = getcontext(); c.traps[Inexact] = True
p(lambda: Decimal(2).sqrt()); p(lambda: Decimal('1e999999') * 10)
c.traps[Inexact] = False; c.traps[Rounded] = True
p(lambda: Decimal(2).sqrt()); c.traps[Rounded] = False
p(lambda: Decimal(1).quantize(Decimal('1e-30'))); p(lambda: Decimal(10) ** Decimal('0.5')); p(lambda: Decimal(0) ** 0); p(lambda: Decimal(-8) ** Decimal('0.5'))
c.traps[FloatOperation] = True
p(lambda: Decimal(1.5)); p(lambda: Decimal(1) < 1.5); p(lambda: Decimal(1) == 1.5)
c.traps[FloatOperation] = False
print(c)
print(repr(c), c.flags)
p(lambda: Context(prec=0)); p(lambda: Context(rounding='bad')); p(lambda: Context(Emax=-1)); p(lambda: setattr(c, 'prec', 'x'))
p(lambda: Decimal(1).quantize(Decimal(1), rounding='x'))
p(lambda: Decimal('1.5').__round__()); p(lambda: round(Decimal('2.5'))); p(lambda: round(Decimal('2.567'), 2)); p(lambda: int(Decimal('nan'))); p(lambda: int(Decimal('inf'))); p(lambda: float(Decimal('snan')))
p(lambda: Decimal(1) + 'a'); p(lambda: Decimal(1) < 'a'); p(lambda: Decimal([1])); p(lambda: Decimal((0, (1, 2), -1))); p(lambda: Decimal((0, (1, 12), -1))); p(lambda: Decimal((1, (), 'F')))
