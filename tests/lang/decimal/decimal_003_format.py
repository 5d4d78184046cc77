# format() specifications.
from decimal import *
def p(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
D = Decimal
for spec in ['', '10', '<10', '^12', '+', ' ', '-', '010', ',', '_', '.2f', '.0f', '.3e', '.3E', '.2g', '.10g', '%', '.1%', 'e', 'f', 'g', 'G', 'n', '#.0f', 'z.1f', '=+12,.2f', '*>15.3f', '.0e', ',.3f']:
    for v in ['1234.5678', '-0.000012345', '0', '-0', '1e+30', '123456789', 'inf', '-nan', '0.00', '5e-3', '2.5', '1E+2']:
        p(lambda: (spec, v, format(D(v), spec)))
p(lambda: format(D(1), 'd')); p(lambda: format(D(1), '.2x'))
