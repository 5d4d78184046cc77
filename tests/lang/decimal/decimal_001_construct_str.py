# Construction from strings, ints, floats and tuples; str/repr/eng forms.
from decimal import *
def p(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
for s in ['1_000', '1__0', '_1', '1_', '1.5_5', ' 1.5 ', '\n2\t', '', '.', '1.', '.5', '+.5e+3', '-0', '-0.00e-5', 'inf', '-Infinity', 'iNf', 'infinit', 'nan', 'NaN123', 'sNaN0012', '-nan', 'nan1.5', 'snan', '١٢٣', '1e', '1e+', '1E-0', '0e999999999999', '1e1_0', '1e-1000000', '12345678901234567890123456789012345', 'nan' + '1'*40, '1 2', '0x10']:
    p(lambda: Decimal(s))
for x in [0, -0, 10**40, -7, True, 1.5, -0.0, float('inf'), float('nan'), float('-nan'), 1e-320, 0.1]:
    p(lambda: Decimal(x))
p(lambda: Decimal('1.5', Context(prec=1))); p(lambda: Context(prec=3).create_decimal('1.2345')); p(lambda: Context(prec=3).create_decimal(1.2345)); p(lambda: Context(prec=3).create_decimal('nan12345')); p(lambda: Context(prec=3, Emax=5).create_decimal('1e10'))
for s in ['1E+2', '100', '1E-7', '0.000001', '123.456E+10', '0E-10', '0E+5', '-0E-2', '1.0E+7', '12E-12']:
    d = Decimal(s); print(str(d), d.to_eng_string(), repr(d), d.adjusted(), d.as_tuple(), d.as_integer_ratio() if d.is_finite() else '')
p(lambda: Decimal('inf').as_integer_ratio()); p(lambda: Decimal('nan').as_integer_ratio())
p(lambda: Decimal((1, (0,), 'n'))); p(lambda: Decimal((0, (1, 2), 'N'))); p(lambda: Decimal((2, (1,), 0))); p(lambda: Decimal((0, (1,), 1.5))); p(lambda: Decimal((0, [1, 2], -1)))
p(lambda: Decimal('NaN5').as_tuple()); p(lambda: Decimal('-Inf').as_tuple())
