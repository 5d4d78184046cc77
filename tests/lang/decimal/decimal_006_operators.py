# Python operators, comparisons, hashing, conversions and contexts.
from decimal import *
from fractions import Fraction
import math
def p(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
D = Decimal
a, b = D('1.30'), D('-2.5')
p(lambda: (a + b, a - b, a * b, a / b, a // b, a % b, divmod(a, b), a ** 2, -a, +a, abs(b), a + 1, 1 + a, 2 - a, 3 * a, 1 / a, 7 // b, 7 % b, divmod(7, b), 2 ** D(3), D(2) ** 3))
p(lambda: (D(-7) // 2, D(-7) % 2, D(7) // -2, D(7) % -2, D('-7.5') // D('2'), D('-7.5') % D('2')))
p(lambda: (a == D('1.3'), a == 1.3, a < 2, a > 1.25, a == Fraction(13, 10), a < Fraction(3, 2), D(2) == 2, D('0.5') == 0.5, D('NaN') == D('NaN'), D('NaN') != 1, D(1) == complex(1, 0), D(1) == 'a'))
p(lambda: D('NaN') < 1); p(lambda: D(1) < 'x'); p(lambda: a + 1.0); p(lambda: 1.0 + a); p(lambda: a * 'x'); p(lambda: divmod(a, 'x'))
p(lambda: [hash(D(x)) == hash(y) for x, y in [('1.5', 1.5), ('2', 2), ('0.1', Fraction(1, 10)), ('-3.25', -3.25), ('1e30', 10**30), ('Infinity', float('inf')), ('-0', 0)]])
p(lambda: (hash(D('1.5')), hash(D('-1e-30')), hash(D(10**40)), hash(D('Inf'))))
p(lambda: hash(D('sNaN')))
p(lambda: (int(D('-3.9')), float(D('1e-3')), round(D('2.5')), round(D('3.5')), round(D('-2.567'), 2), round(D('1234'), -2), math.floor(D('-1.5')), math.ceil(D('-1.5')), math.trunc(D('-1.5')), complex(D('1.5')), bool(D(0)), bool(D('0.0')), bool(D('NaN'))))
p(lambda: round(D('inf'))); p(lambda: round(D('nan'), 2)); p(lambda: math.floor(D('nan')))
p(lambda: (D('1.20').quantize(D('0.1')), D('1.25').quantize(D('0.1')), D('1.35').quantize(D('0.1'), rounding=ROUND_UP), D('123.456').quantize(D('1e1')), D(5).quantize(D('0.000')), D('1e5').normalize(), D('1.2000').normalize(), D('0.00').normalize(), D('-0E5').normalize()))
p(lambda: D('1e30').quantize(D('1e-5'))); p(lambda: D(1).quantize(D('inf')))
p(lambda: (D('2.5').to_integral(), D('3.5').to_integral_value(), D('-2.5').to_integral_exact(ROUND_FLOOR), D('1e2').to_integral(), D('123.456').adjusted(), D('123.456').as_tuple(), D('-0.25').as_integer_ratio(), D('1.5').copy_sign(-1), D(-3).copy_abs(), D(3).copy_negate(), D(1).compare(D(2)), D('1.0').compare_total(D('1')), D(3).max(D('3.0')), D(-2).min_mag(1), D(10).logb(), D(1).scaleb(3), D('123').rotate(1), D('123').shift(-1), D(0).next_plus(), D(1).next_minus(), D(1).next_toward(2), D(10).remainder_near(3), D(5).fma(2, 1), D('1.5').is_finite(), D('nan').is_nan(), D('snan').is_snan(), D('-inf').is_infinite(), D('-0').is_signed(), D('1e-999999').is_subnormal(), D(1).is_normal(), D(0).is_zero(), D(1).number_class(), D('-0').number_class(), D('1.0').same_quantum(D('2.0')), D(1).radix(), D(7).canonical(), D('1000').to_eng_string(), D('1.23E+8').to_eng_string(), D(0).exp(), D(1).is_canonical(), D(1).conjugate(), D(1).real, D(1).imag, D.from_float(0.25), D.from_float(3)))
ctx = getcontext()
print(ctx); print(ctx.flags); print(ctx.traps)
ctx.clear_flags()
with localcontext() as c:
    c.prec = 5
    p(lambda: D(1) / 3)
    p(lambda: c)
p(lambda: D(1) / 3)
with localcontext(prec=3, rounding=ROUND_UP) as c:
    p(lambda: (D(2) / 3, c.prec, c.rounding))
p(lambda: localcontext(foo=1))
p(lambda: (BasicContext, ExtendedContext, DefaultContext))
setcontext(ExtendedContext)
p(lambda: (D(1) / 0, D(0) / 0, D(-1).sqrt(), D('1e999999999') * 10, getcontext().flags[DivisionByZero], getcontext().prec))
setcontext(Context())
p(lambda: Context(prec=5, traps=[Inexact]).divide(1, 3))
c2 = Context(prec=5, traps={s: False for s in [InvalidOperation, FloatOperation, DivisionByZero, Overflow, Underflow, Subnormal, Inexact, Rounded, Clamped]})
p(lambda: c2); p(lambda: c2.copy()); p(lambda: c2.Etiny()); p(lambda: c2.Etop()); p(lambda: c2.create_decimal('1.234567')); p(lambda: c2.create_decimal_from_float(0.1))
p(lambda: Context(Emin=5)); p(lambda: Context(capitals=2)); p(lambda: Context(clamp=2)); p(lambda: Context().foo); p(lambda: setattr(Context(), 'foo', 1))
c3 = Context(capitals=0)
p(lambda: c3.to_sci_string(D('1e10')))
p(lambda: (issubclass(DivisionByZero, ZeroDivisionError), issubclass(FloatOperation, TypeError), issubclass(Overflow, Inexact), issubclass(ConversionSyntax, InvalidOperation), InvalidOperation.__mro__))
p(lambda: (MAX_PREC, MAX_EMAX, MIN_EMIN, MIN_ETINY, ROUND_HALF_EVEN, HAVE_THREADS))
p(lambda: sum([D('0.1')] * 10)); p(lambda: sorted([D(3), D('1.5'), 2, D('-1')])); p(lambda: max(D(1), D('1.0'))); p(lambda: D('1.1') * D('1.1'))
p(lambda: [str(D(x)) for x in ['1E+2', '-1.50E-7', '0.0000001', '123456789E-20']])
p(lambda: D(3).__round__(1)); p(lambda: format(D('1234567.891'), ',.2f')); p(lambda: '{:.3}'.format(D('3.14159'))); p(lambda: f"{D('0.5'):%}")
class MyD(Decimal): pass
p(lambda: (MyD('1.5'), type(MyD('1.5')), type(MyD(1) + 1), MyD('2').sqrt()))
