"""Decimal fixed-point and floating-point arithmetic (capy's implementation).

An implementation of the General Decimal Arithmetic Specification with the
behaviour of CPython's decimal module (the libmpdec based one): contexts,
signals and traps, correctly rounded sqrt/exp/ln/log10, and the same text
forms. Coefficients are Python ints.
"""

import math as _math

__all__ = [
    'Decimal', 'Context', 'DecimalTuple',
    'DefaultContext', 'BasicContext', 'ExtendedContext',
    'DecimalException', 'Clamped', 'InvalidOperation', 'DivisionByZero',
    'Inexact', 'Rounded', 'Subnormal', 'Overflow', 'Underflow',
    'FloatOperation', 'DivisionImpossible', 'InvalidContext',
    'ConversionSyntax', 'DivisionUndefined',
    'ROUND_DOWN', 'ROUND_HALF_UP', 'ROUND_HALF_EVEN', 'ROUND_CEILING',
    'ROUND_FLOOR', 'ROUND_UP', 'ROUND_HALF_DOWN', 'ROUND_05UP',
    'setcontext', 'getcontext', 'localcontext',
    'MAX_PREC', 'MAX_EMAX', 'MIN_EMIN', 'MIN_ETINY',
    'HAVE_THREADS', 'HAVE_CONTEXTVAR',
]

__version__ = '1.70'
__libmpdec_version__ = '2.5.1'

ROUND_DOWN = 'ROUND_DOWN'
ROUND_HALF_UP = 'ROUND_HALF_UP'
ROUND_HALF_EVEN = 'ROUND_HALF_EVEN'
ROUND_CEILING = 'ROUND_CEILING'
ROUND_FLOOR = 'ROUND_FLOOR'
ROUND_UP = 'ROUND_UP'
ROUND_HALF_DOWN = 'ROUND_HALF_DOWN'
ROUND_05UP = 'ROUND_05UP'
_ROUNDINGS = (ROUND_UP, ROUND_DOWN, ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP,
              ROUND_HALF_DOWN, ROUND_HALF_EVEN, ROUND_05UP)

HAVE_THREADS = True
HAVE_CONTEXTVAR = True
MAX_PREC = 999999999999999999
MAX_EMAX = 999999999999999999
MIN_EMIN = -999999999999999999
MIN_ETINY = MIN_EMIN - (MAX_PREC - 1)


# --- signals -----------------------------------------------------------------------

class DecimalException(ArithmeticError):
    pass

class Clamped(DecimalException):
    pass

class InvalidOperation(DecimalException):
    pass

class ConversionSyntax(InvalidOperation):
    pass

class DivisionByZero(DecimalException, ZeroDivisionError):
    pass

class DivisionImpossible(InvalidOperation):
    pass

class DivisionUndefined(InvalidOperation, ZeroDivisionError):
    pass

class Inexact(DecimalException):
    pass

class InvalidContext(InvalidOperation):
    pass

class Rounded(DecimalException):
    pass

class Subnormal(DecimalException):
    pass

class Overflow(Inexact, Rounded):
    pass

class Underflow(Inexact, Rounded, Subnormal):
    pass

class FloatOperation(DecimalException, TypeError):
    pass


# Condition bits (the order of libmpdec's status word).
_CLAMPED = 1
_CONV = 2
_DIVZERO = 4
_DIVIMP = 8
_DIVUNDEF = 16
_FPU = 32
_INEXACT = 64
_INVCTX = 128
_INVOP = 256
_MALLOC = 512
_FLOATOP = 1024
_OVERFLOW = 2048
_ROUNDED = 4096
_SUBNORMAL = 8192
_UNDERFLOW = 16384
_IEEE_INVALID = _CONV | _DIVIMP | _DIVUNDEF | _FPU | _INVCTX | _INVOP | _MALLOC

_SIGNALS = (InvalidOperation, FloatOperation, DivisionByZero, Overflow, Underflow,
            Subnormal, Inexact, Rounded, Clamped)
_SIGNAL_BITS = {InvalidOperation: _IEEE_INVALID, FloatOperation: _FLOATOP,
                DivisionByZero: _DIVZERO, Overflow: _OVERFLOW, Underflow: _UNDERFLOW,
                Subnormal: _SUBNORMAL, Inexact: _INEXACT, Rounded: _ROUNDED, Clamped: _CLAMPED}
# conditions listed in a raised exception, in this order
_COND_LIST = ((_INVOP, InvalidOperation), (_CONV, ConversionSyntax), (_DIVIMP, DivisionImpossible),
              (_DIVUNDEF, DivisionUndefined), (_INVCTX, InvalidContext), (_FLOATOP, FloatOperation),
              (_DIVZERO, DivisionByZero), (_OVERFLOW, Overflow), (_UNDERFLOW, Underflow),
              (_SUBNORMAL, Subnormal), (_INEXACT, Inexact), (_ROUNDED, Rounded), (_CLAMPED, Clamped))
# names for Context.__repr__, by bit
_BIT_NAMES = ('Clamped', 'InvalidOperation', 'DivisionByZero', 'InvalidOperation',
              'InvalidOperation', 'InvalidOperation', 'Inexact', 'InvalidOperation',
              'InvalidOperation', 'InvalidOperation', 'FloatOperation', 'Overflow',
              'Rounded', 'Subnormal', 'Underflow')

def _signal_names(bits):
    out = []
    inv_done = False
    for j in range(15):
        f = bits & (1 << j)
        if f:
            if f & _IEEE_INVALID:
                if inv_done:
                    continue
                inv_done = True
            out.append(_BIT_NAMES[j])
    return '[' + ', '.join(out) + ']'


# --- helpers -------------------------------------------------------------------------

_POW10 = [10 ** i for i in range(64)]

def _nd(n):
    """Number of decimal digits of n >= 0 (1 for 0)."""
    if n < 10:
        return 1
    b = n.bit_length()
    if b < 200:
        t = (b * 1233) >> 12
        return t + 1 if n >= _POW10[t] else t
    return len(str(n))

def _p10(n):
    return _POW10[n] if n < 64 else 10 ** n

def _tpname(x):
    t = type(x)
    if t is Decimal:
        return 'decimal.Decimal'
    if t is Context:
        return 'decimal.Context'
    return t.__name__

def _is_foreign_builtin(x):
    return type(x).__module__ == 'builtins'


def _mk(sign, coef, exp, special=False):
    d = object.__new__(Decimal)
    d._sign = sign
    d._int = coef
    d._exp = exp
    d._special = special
    return d

def _nan(sign=0, payload=0):
    return _mk(sign, payload, 'n', True)

def _inf(sign):
    return _mk(sign, 0, 'F', True)


# --- the current context ------------------------------------------------------------

_current = [None]

def getcontext():
    """Returns this thread's context."""
    ctx = _current[0]
    if ctx is None:
        ctx = Context()
        _current[0] = ctx
    return ctx

def setcontext(context):
    """Set this thread's context to context."""
    if not isinstance(context, Context):
        raise TypeError('argument must be a context')
    if context is DefaultContext or context is BasicContext or context is ExtendedContext:
        context = context.copy()
        context.clear_flags()
    _current[0] = context


class _ContextManager:
    def __init__(self, new_context):
        self.new_context = new_context.copy()

    def __enter__(self):
        self.saved_context = getcontext()
        setcontext(self.new_context)
        return self.new_context

    def __exit__(self, t, v, tb):
        setcontext(self.saved_context)


def localcontext(ctx=None, **kwargs):
    """Return a context manager for a copy of the supplied context."""
    if ctx is None:
        ctx = getcontext()
    elif not isinstance(ctx, Context):
        raise TypeError('optional argument must be a context')
    mgr = _ContextManager(ctx)
    for key, value in kwargs.items():
        if key not in ('prec', 'rounding', 'Emin', 'Emax', 'capitals', 'clamp', 'flags', 'traps'):
            raise TypeError("'%s' is an invalid keyword argument for this function" % key)
        setattr(mgr.new_context, key, value)
    return mgr


# --- conversion of operands --------------------------------------------------------------

def _from_int(v):
    if v < 0:
        return _mk(1, -v, 0)
    return _mk(0, v, 0)

def _convert(other, allow_float=False):
    """Operand -> Decimal, or NotImplemented."""
    if isinstance(other, Decimal):
        return other
    if isinstance(other, int):
        return _from_int(int(other))
    return NotImplemented

def _convert_strict(other, name='argument'):
    if isinstance(other, Decimal):
        return other
    if isinstance(other, int):
        return _from_int(int(other))
    raise TypeError('conversion from %s to Decimal is not supported' % _tpname(other))


# --- rounding -------------------------------------------------------------------------------

def _round_coef(sign, coef, drop, rounding):
    """Drops `drop` (> 0) digits of coef. -> (kept, changed): changed is 1 when
    the kept part was incremented, -1 when truncated inexactly, 0 when exact."""
    p = _p10(drop)
    q, r = divmod(coef, p)
    if r == 0:
        return q, 0
    if rounding == ROUND_HALF_EVEN:
        h = 2 * r - p
        up = h > 0 or (h == 0 and q & 1)
    elif rounding == ROUND_HALF_UP:
        up = 2 * r >= p
    elif rounding == ROUND_HALF_DOWN:
        up = 2 * r > p
    elif rounding == ROUND_DOWN:
        up = False
    elif rounding == ROUND_UP:
        up = True
    elif rounding == ROUND_CEILING:
        up = sign == 0
    elif rounding == ROUND_FLOOR:
        up = sign == 1
    else:  # ROUND_05UP
        up = q % 5 == 0
    if up:
        return q + 1, 1
    return q, -1

def _overflow_result(sign, ctx, rounding=None):
    r = rounding or ctx.rounding
    if r in (ROUND_HALF_UP, ROUND_HALF_EVEN, ROUND_HALF_DOWN, ROUND_UP) or \
            (r == ROUND_CEILING and sign == 0) or (r == ROUND_FLOOR and sign == 1):
        return _inf(sign)
    return _mk(sign, _p10(ctx.prec) - 1, ctx.Emax - ctx.prec + 1)

def _fix_nan(d, ctx):
    maxlen = ctx.prec - ctx.clamp
    if d._int and _nd(d._int) > maxlen:
        return _mk(d._sign, d._int % _p10(maxlen), d._exp, True)
    return d

def _fix(sign, coef, exp, ctx, st, rounding=None):
    """Rounds (sign, coef, exp) to the context: the spec's 'finalize'."""
    prec = ctx.prec
    Emax = ctx.Emax
    Etiny = ctx.Emin - prec + 1
    Etop = Emax - prec + 1
    if coef == 0:
        exp_max = Emax if ctx.clamp == 0 else Etop
        new_exp = exp
        if new_exp < Etiny:
            new_exp = Etiny
        if new_exp > exp_max:
            new_exp = exp_max
        if new_exp != exp:
            st[0] |= _CLAMPED
        return _mk(sign, 0, new_exp)
    nd = _nd(coef)
    exp_min = nd + exp - prec
    if exp_min > Etop:
        st[0] |= _OVERFLOW | _INEXACT | _ROUNDED
        return _overflow_result(sign, ctx, rounding)
    subnormal = exp_min < Etiny
    if subnormal:
        exp_min = Etiny
    if exp < exp_min:
        keep = nd + exp - exp_min
        if keep < 0:
            coef = 1
            exp = exp_min - 1
        kept, changed = _round_coef(sign, coef, exp_min - exp, rounding or ctx.rounding)
        if changed > 0 and _nd(kept) > prec:
            kept //= 10
            exp_min += 1
        if exp_min > Etop:
            st[0] |= _OVERFLOW | _INEXACT | _ROUNDED
            ans = _overflow_result(sign, ctx, rounding)
        else:
            ans = _mk(sign, kept, exp_min)
        if changed and subnormal:
            st[0] |= _UNDERFLOW
        if subnormal:
            st[0] |= _SUBNORMAL
        if changed:
            st[0] |= _INEXACT
        st[0] |= _ROUNDED
        if not ans._special and ans._int == 0:
            st[0] |= _CLAMPED
        return ans
    if subnormal:
        st[0] |= _SUBNORMAL
    if ctx.clamp == 1 and exp > Etop:
        st[0] |= _CLAMPED
        return _mk(sign, coef * _p10(exp - Etop), Etop)
    return _mk(sign, coef, exp)

def _finish(d, ctx, st):
    if d._special:
        if d._exp == 'F':
            return d
        return _fix_nan(d, ctx)
    return _fix(d._sign, d._int, d._exp, ctx, st)

def _check_nans(a, b, ctx, st):
    """NaN result of an operation on a (and b), or None."""
    if a._special and a._exp == 'N':
        st[0] |= _INVOP
        return _fix_nan(_mk(a._sign, a._int, 'n', True), ctx)
    if b is not None and b._special and b._exp == 'N':
        st[0] |= _INVOP
        return _fix_nan(_mk(b._sign, b._int, 'n', True), ctx)
    if a._special and a._exp == 'n':
        return _fix_nan(a, ctx)
    if b is not None and b._special and b._exp == 'n':
        return _fix_nan(b, ctx)
    return None

def _invalid(st, bit=_INVOP):
    st[0] |= bit
    return _nan()

def _rescale(d, exp, rounding):
    """d with exponent exp (rounding as needed; no flags, no context)."""
    if d._special:
        return d
    if d._int == 0:
        return _mk(d._sign, 0, exp)
    if d._exp >= exp:
        return _mk(d._sign, d._int * _p10(d._exp - exp), exp)
    drop = exp - d._exp
    if drop > _nd(d._int) + 1:
        coef, e = 1, exp - 1
        kept, ch = _round_coef(d._sign, coef, 1, rounding)
    else:
        kept, ch = _round_coef(d._sign, d._int, drop, rounding)
    return _mk(d._sign, kept, exp)

def _round_places(d, places, rounding):
    """d rounded to `places` significant digits (for formatting)."""
    if d._special or d._int == 0:
        return d
    nd = _nd(d._int)
    ans = _rescale(d, d._exp + nd - places, rounding)
    if _nd(ans._int) > places:
        ans = _rescale(ans, ans._exp + 1, rounding)
    return ans


# --- parsing --------------------------------------------------------------------------------

def _parse_string(s):
    """-> Decimal or None for a syntax error."""
    s = s.strip()
    if not s.isascii() or '_' in s:
        chars = []
        for ch in s:
            if ch == '_':
                continue
            if ch.isdecimal():
                chars.append(chr(48 + int(ch)))
            elif ch.isascii():
                chars.append(ch)
            else:
                return None
        s = ''.join(chars)
    n = len(s)
    if n == 0:
        return None
    i = 0
    sign = 0
    if s[0] in '+-':
        sign = 1 if s[0] == '-' else 0
        i = 1
    rest = s[i:].lower()
    if rest in ('inf', 'infinity'):
        return _inf(sign)
    if rest.startswith('nan') or rest.startswith('snan'):
        k = 3 if rest[0] == 'n' else 4
        payload = rest[k:]
        if payload and not payload.isdigit():
            return None
        return _mk(sign, int(payload) if payload else 0, 'n' if k == 3 else 'N', True)
    intpart = ''
    frac = ''
    j = i
    while j < n and '0' <= s[j] <= '9':
        j += 1
    intpart = s[i:j]
    if j < n and s[j] == '.':
        k = j + 1
        while k < n and '0' <= s[k] <= '9':
            k += 1
        frac = s[j + 1:k]
        j = k
    if not intpart and not frac:
        return None
    exp = 0
    if j < n and s[j] in 'eE':
        k = j + 1
        if k < n and s[k] in '+-':
            k += 1
        m = k
        while m < n and '0' <= s[m] <= '9':
            m += 1
        if m == k:
            return None
        exp = int(s[j + 1:m])
        j = m
    if j != n:
        return None
    return _mk(sign, int(intpart + frac), exp - len(frac))

def _from_float(f):
    if f != f:
        return _mk(0, 0, 'n', True)
    sign = 1 if _math.copysign(1.0, f) < 0 else 0
    if f in (_INF, _NINF):
        return _inf(sign)
    n, d = abs(f).as_integer_ratio()
    k = d.bit_length() - 1        # d == 2**k
    return _mk(sign, n * 5 ** k, -k)

_INF = float('inf')
_NINF = float('-inf')


# --- Decimal -------------------------------------------------------------------------------------

class Decimal(object):
    """Floating point class for decimal arithmetic."""

    __slots__ = ('_sign', '_int', '_exp', '_special')

    def __new__(cls, value='0', context=None):
        if type(value) is str:
            d = _parse_string(value)
            if d is None:
                ctx = context if context is not None else getcontext()
                ctx._apply(_CONV)
                d = _nan()
        elif isinstance(value, Decimal):
            d = value
        elif isinstance(value, int):
            d = _from_int(int(value))
        elif isinstance(value, str):
            return cls(str(value), context)
        elif isinstance(value, float):
            ctx = context if context is not None else getcontext()
            ctx._apply(_FLOATOP)
            d = _from_float(value)
        elif isinstance(value, (list, tuple)):
            d = _from_tuple(value)
        else:
            raise TypeError('conversion from %s to Decimal is not supported' % _tpname(value))
        if cls is Decimal and type(d) is Decimal:
            return d
        self = object.__new__(cls)
        self._sign = d._sign
        self._int = d._int
        self._exp = d._exp
        self._special = d._special
        return self

    @classmethod
    def from_float(cls, f):
        """Converts a float to a decimal number, exactly."""
        if isinstance(f, int):
            d = _from_int(int(f))
        elif isinstance(f, float):
            d = _from_float(f)
        else:
            raise TypeError('argument must be int or float')
        if cls is Decimal:
            return d
        return cls(d)

    # --- basic properties -------------------------------------------------------------

    def _isnan(self):
        return self._special and self._exp != 'F'

    def is_nan(self):
        """Return True if the argument is a (quiet or signaling) NaN."""
        return self._special and self._exp != 'F'

    def is_qnan(self):
        return self._special and self._exp == 'n'

    def is_snan(self):
        return self._special and self._exp == 'N'

    def is_infinite(self):
        return self._special and self._exp == 'F'

    def is_finite(self):
        return not self._special

    def is_zero(self):
        return not self._special and self._int == 0

    def is_signed(self):
        return self._sign == 1

    def is_canonical(self):
        return True

    def is_normal(self, context=None):
        if self._special or self._int == 0:
            return False
        ctx = context if context is not None else getcontext()
        return ctx.Emin <= self.adjusted()

    def is_subnormal(self, context=None):
        if self._special or self._int == 0:
            return False
        ctx = context if context is not None else getcontext()
        return self.adjusted() < ctx.Emin

    def adjusted(self):
        """Return the adjusted exponent of the number."""
        if self._special:
            return 0
        return self._exp + _nd(self._int) - 1

    def canonical(self):
        return self

    def radix(self):
        return Decimal(10)

    def number_class(self, context=None):
        if self._special:
            if self._exp == 'N':
                return 'sNaN'
            if self._exp == 'n':
                return 'NaN'
            return '-Infinity' if self._sign else '+Infinity'
        if self._int == 0:
            return '-Zero' if self._sign else '+Zero'
        ctx = context if context is not None else getcontext()
        if self.adjusted() < ctx.Emin:
            return '-Subnormal' if self._sign else '+Subnormal'
        return '-Normal' if self._sign else '+Normal'

    def as_tuple(self):
        """Represents the number as a triple tuple."""
        if self._special:
            if self._exp == 'F':
                return DecimalTuple(self._sign, (0,), 'F')
            digits = tuple(int(c) for c in str(self._int)) if self._int else ()
            return DecimalTuple(self._sign, digits, self._exp)
        return DecimalTuple(self._sign, tuple(int(c) for c in str(self._int)), self._exp)

    def as_integer_ratio(self):
        """Express a finite Decimal instance in the form n / d."""
        if self._special:
            if self._exp == 'F':
                raise OverflowError('cannot convert Infinity to integer ratio')
            raise ValueError('cannot convert NaN to integer ratio')
        if not self._int:
            return 0, 1
        n = self._int
        e = self._exp
        if e >= 0:
            n *= _p10(e)
            d = 1
        else:
            d5 = -e
            while d5 and n % 5 == 0:
                n //= 5
                d5 -= 1
            d2 = -e
            shift = min((n & -n).bit_length() - 1, d2)
            n >>= shift
            d2 -= shift
            d = 5 ** d5 << d2
        if self._sign:
            n = -n
        return n, d

    # --- text --------------------------------------------------------------------------

    def __str__(self, eng=False, context=None):
        """Return string representation of the number in scientific notation."""
        sign = '-' if self._sign else ''
        if self._special:
            if self._exp == 'F':
                return sign + 'Infinity'
            name = 'NaN' if self._exp == 'n' else 'sNaN'
            return sign + name + (str(self._int) if self._int else '')
        digits = str(self._int)
        leftdigits = self._exp + len(digits)
        if self._exp <= 0 and leftdigits > -6:
            dotplace = leftdigits
        elif not eng:
            dotplace = 1
        elif self._int == 0:
            dotplace = (leftdigits + 1) % 3 - 1
        else:
            dotplace = (leftdigits - 1) % 3 + 1
        if dotplace <= 0:
            intpart = '0'
            fracpart = '.' + '0' * (-dotplace) + digits
        elif dotplace >= len(digits):
            intpart = digits + '0' * (dotplace - len(digits))
            fracpart = ''
        else:
            intpart = digits[:dotplace]
            fracpart = '.' + digits[dotplace:]
        if leftdigits == dotplace:
            exp = ''
        else:
            if context is None:
                context = getcontext()
            exp = ('E' if context.capitals else 'e') + '%+d' % (leftdigits - dotplace)
        return sign + intpart + fracpart + exp

    def to_eng_string(self, context=None):
        """Convert to a string, using engineering notation if an exponent is needed."""
        return self.__str__(eng=True, context=context)

    def __repr__(self):
        return "Decimal('%s')" % str(self)

    def __format__(self, specifier, context=None):
        return _format_decimal(self, specifier, context)

    # --- conversions ------------------------------------------------------------------

    def __float__(self):
        if self._special:
            if self._exp == 'N':
                raise ValueError('cannot convert signaling NaN to float')
            if self._exp == 'n':
                return float('-nan') if self._sign else float('nan')
            return _NINF if self._sign else _INF
        return float(str(self))

    def __int__(self):
        if self._special:
            if self._exp == 'F':
                raise OverflowError('cannot convert Infinity to integer')
            raise ValueError('cannot convert NaN to integer')
        if self._exp >= 0:
            v = self._int * _p10(self._exp)
        else:
            v = self._int // _p10(-self._exp)
        return -v if self._sign else v

    __trunc__ = __int__

    def __complex__(self):
        return complex(float(self))

    def __bool__(self):
        return self._special or self._int != 0

    @property
    def real(self):
        return self

    @property
    def imag(self):
        return Decimal(0)

    def conjugate(self):
        return self

    def __round__(self, n=None):
        if n is not None:
            if not isinstance(n, int):
                raise TypeError('optional arg must be an integer')
            exp = _mk(0, 1, -n)
            return self.quantize(exp)
        if self._special:
            if self._exp == 'F':
                raise OverflowError('cannot convert Infinity to integer')
            raise ValueError('cannot convert NaN to integer')
        return int(_rescale(self, 0, ROUND_HALF_EVEN))

    def __floor__(self):
        if self._special:
            if self._exp == 'F':
                raise OverflowError('cannot convert Infinity to integer')
            raise ValueError('cannot convert NaN to integer')
        return int(_rescale(self, 0, ROUND_FLOOR))

    def __ceil__(self):
        if self._special:
            if self._exp == 'F':
                raise OverflowError('cannot convert Infinity to integer')
            raise ValueError('cannot convert NaN to integer')
        return int(_rescale(self, 0, ROUND_CEILING))

    # --- comparison and hashing -----------------------------------------------------------

    def _cmp(self, other):
        """Three-way comparison of non-NaN values."""
        if self._special or other._special:
            a = 0 if not self._special else (1 if not self._sign else -1) * 2
            b = 0 if not other._special else (1 if not other._sign else -1) * 2
            if a or b:
                if a == b:
                    return 0
                if a == 0:
                    return 1 if b < 0 else -1
                if b == 0:
                    return 1 if a > 0 else -1
                return 1 if a > b else -1
        if self._int == 0:
            if other._int == 0:
                return 0
            return 1 if other._sign else -1
        if other._int == 0:
            return -1 if self._sign else 1
        if self._sign != other._sign:
            return -1 if self._sign else 1
        s1 = self.adjusted()
        s2 = other.adjusted()
        if s1 == s2:
            e = min(self._exp, other._exp)
            x = self._int * _p10(self._exp - e)
            y = other._int * _p10(other._exp - e)
            r = (x > y) - (x < y)
        else:
            r = 1 if s1 > s2 else -1
        return -r if self._sign else r

    def _compare_other(self, other, op):
        """-> (Decimal-ready other, scale) or NotImplemented; compares exactly."""
        if isinstance(other, Decimal):
            return other, None
        if isinstance(other, int):
            return _from_int(int(other)), None
        if isinstance(other, float):
            if op not in ('==', '!='):
                getcontext()._apply(_FLOATOP)
            return _from_float(other), None
        if isinstance(other, complex) and op in ('==', '!='):
            if other.imag == 0:
                return _from_float(other.real), None
            return None, None
        num = getattr(other, 'numerator', None)
        den = getattr(other, 'denominator', None)
        if isinstance(num, int) and isinstance(den, int) and not isinstance(other, int) and \
                _is_rational(other):
            return _from_int(num), den
        return NotImplemented, None

    def _richcmp(self, other, op):
        o, scale = self._compare_other(other, op)
        if o is NotImplemented:
            if _is_foreign_builtin(other) and op not in ('==', '!='):
                raise TypeError("'%s' not supported between instances of '%s' and '%s'"
                                % (op, _tpname(self), _tpname(other)))
            return NotImplemented
        if o is None:
            return op == '!='
        a = self
        if a._special and a._exp != 'F' or o._special and o._exp != 'F':
            if op not in ('==', '!='):
                getcontext()._apply(_INVOP)
            return op == '!='
        if scale is not None:
            if a._special:
                c = 1 if not a._sign else -1
            else:
                c = _mk(a._sign, a._int * scale, a._exp)._cmp(o)
        else:
            c = a._cmp(o)
        if op == '==':
            return c == 0
        if op == '!=':
            return c != 0
        if op == '<':
            return c < 0
        if op == '<=':
            return c <= 0
        if op == '>':
            return c > 0
        return c >= 0

    def __eq__(self, other):
        return self._richcmp(other, '==')

    def __ne__(self, other):
        return self._richcmp(other, '!=')

    def __lt__(self, other):
        return self._richcmp(other, '<')

    def __le__(self, other):
        return self._richcmp(other, '<=')

    def __gt__(self, other):
        return self._richcmp(other, '>')

    def __ge__(self, other):
        return self._richcmp(other, '>=')

    def __hash__(self):
        if self._special:
            if self._exp == 'N':
                raise TypeError('Cannot hash a signaling NaN value')
            if self._exp == 'n':
                return object.__hash__(self)
            return -314159 if self._sign else 314159
        if self._exp >= 0:
            h = self._int * pow(10, self._exp, _PyHASH_MODULUS) % _PyHASH_MODULUS
        else:
            h = self._int * pow(_PyHASH_10INV, -self._exp, _PyHASH_MODULUS) % _PyHASH_MODULUS
        if self._sign:
            h = -h
        return -2 if h == -1 else h

    # --- arithmetic --------------------------------------------------------------------------

    def _binop(self, other, fn, context, sym, reflected=False):
        o = _convert(other)
        if o is NotImplemented:
            if _is_foreign_builtin(other):
                if reflected:
                    raise TypeError("unsupported operand type(s) for %s: '%s' and '%s'"
                                    % (sym, _tpname(other), _tpname(self)))
                raise TypeError("unsupported operand type(s) for %s: '%s' and '%s'"
                                % (sym, _tpname(self), _tpname(other)))
            return NotImplemented
        ctx = context if context is not None else getcontext()
        st = [0]
        r = fn(o, self, ctx, st) if reflected else fn(self, o, ctx, st)
        ctx._apply(st[0])
        return r

    def __add__(self, other, context=None):
        return self._binop(other, _add, context, '+')

    def __radd__(self, other, context=None):
        return self._binop(other, _add, context, '+', True)

    def __sub__(self, other, context=None):
        return self._binop(other, _sub, context, '-')

    def __rsub__(self, other, context=None):
        return self._binop(other, _sub, context, '-', True)

    def __mul__(self, other, context=None):
        if isinstance(other, (str, bytes, bytearray, list, tuple)):
            raise TypeError("can't multiply sequence by non-int of type 'decimal.Decimal'")
        return self._binop(other, _mul, context, '*')

    def __rmul__(self, other, context=None):
        if isinstance(other, (str, bytes, bytearray, list, tuple)):
            raise TypeError("can't multiply sequence by non-int of type 'decimal.Decimal'")
        return self._binop(other, _mul, context, '*', True)

    def __truediv__(self, other, context=None):
        return self._binop(other, _div, context, '/')

    def __rtruediv__(self, other, context=None):
        return self._binop(other, _div, context, '/', True)

    def __floordiv__(self, other, context=None):
        return self._binop(other, _floordiv, context, '//')

    def __rfloordiv__(self, other, context=None):
        return self._binop(other, _floordiv, context, '//', True)

    def __mod__(self, other, context=None):
        return self._binop(other, _mod, context, '%')

    def __rmod__(self, other, context=None):
        return self._binop(other, _mod, context, '%', True)

    def __divmod__(self, other, context=None):
        o = _convert(other)
        if o is NotImplemented:
            if _is_foreign_builtin(other):
                raise TypeError("unsupported operand type(s) for divmod(): '%s' and '%s'"
                                % (_tpname(self), _tpname(other)))
            return NotImplemented
        ctx = context if context is not None else getcontext()
        st = [0]
        r = _divmod(self, o, ctx, st)
        ctx._apply(st[0])
        return r

    def __rdivmod__(self, other, context=None):
        o = _convert(other)
        if o is NotImplemented:
            if _is_foreign_builtin(other):
                raise TypeError("unsupported operand type(s) for divmod(): '%s' and '%s'"
                                % (_tpname(other), _tpname(self)))
            return NotImplemented
        ctx = context if context is not None else getcontext()
        st = [0]
        r = _divmod(o, self, ctx, st)
        ctx._apply(st[0])
        return r

    def __pow__(self, other, modulo=None, context=None):
        if modulo is not None:
            return self._powmod(other, modulo, context)
        return self._binop(other, _pow, context, '** or pow()')

    def __rpow__(self, other, modulo=None, context=None):
        if modulo is not None:
            o = _convert(other)
            if o is NotImplemented:
                return NotImplemented
            return o._powmod(self, modulo, context)
        return self._binop(other, _pow, context, '** or pow()', True)

    def _powmod(self, other, modulo, context):
        ctx = context if context is not None else getcontext()
        o = _convert(other)
        m = _convert(modulo)
        if o is NotImplemented or m is NotImplemented:
            return NotImplemented
        st = [0]
        r = _powmod(self, o, m, ctx, st)
        ctx._apply(st[0])
        return r

    def _unary(self, fn, context):
        ctx = context if context is not None else getcontext()
        st = [0]
        r = fn(self, ctx, st)
        ctx._apply(st[0])
        return r

    def __neg__(self, context=None):
        return self._unary(_minus, context)

    def __pos__(self, context=None):
        return self._unary(_plus, context)

    def __abs__(self, round=True, context=None):
        if not round:
            return self.copy_abs()
        return self._unary(_abs, context)

    # --- the spec's operations -------------------------------------------------------------

    def _op2(self, other, fn, context):
        ctx = context if context is not None else getcontext()
        o = _convert_strict(other)
        st = [0]
        r = fn(self, o, ctx, st)
        ctx._apply(st[0])
        return r

    def compare(self, other, context=None):
        return self._op2(other, _compare, context)

    def compare_signal(self, other, context=None):
        return self._op2(other, _compare_signal, context)

    def compare_total(self, other, context=None):
        o = _convert_strict(other)
        return _compare_total(self, o)

    def compare_total_mag(self, other, context=None):
        o = _convert_strict(other)
        return _compare_total(self.copy_abs(), o.copy_abs())

    def copy_abs(self):
        return _mk(0, self._int, self._exp, self._special)

    def copy_negate(self):
        return _mk(1 - self._sign, self._int, self._exp, self._special)

    def copy_sign(self, other, context=None):
        o = _convert_strict(other)
        return _mk(o._sign, self._int, self._exp, self._special)

    def max(self, other, context=None):
        return self._op2(other, lambda a, b, c, s: _minmax(a, b, c, s, True, False), context)

    def min(self, other, context=None):
        return self._op2(other, lambda a, b, c, s: _minmax(a, b, c, s, False, False), context)

    def max_mag(self, other, context=None):
        return self._op2(other, lambda a, b, c, s: _minmax(a, b, c, s, True, True), context)

    def min_mag(self, other, context=None):
        return self._op2(other, lambda a, b, c, s: _minmax(a, b, c, s, False, True), context)

    def quantize(self, exp, rounding=None, context=None):
        """Quantize self so its exponent is the same as that of exp."""
        ctx = context if context is not None else getcontext()
        if rounding is not None and rounding not in _ROUNDINGS:
            raise TypeError(_ROUNDING_ERROR)
        e = _convert_strict(exp)
        st = [0]
        r = _quantize(self, e, rounding or ctx.rounding, ctx, st)
        ctx._apply(st[0])
        return r

    def same_quantum(self, other, context=None):
        o = _convert_strict(other)
        if self._special or o._special:
            return (self._special and o._special and
                    (self._exp == 'F') == (o._exp == 'F') and
                    (self._exp != 'F' or True) and
                    self.is_nan() == o.is_nan())
        return self._exp == o._exp

    def to_integral_value(self, rounding=None, context=None):
        """Rounds to the nearest integer, without raising inexact, rounded."""
        return self._to_integral(rounding, context, False)

    to_integral = to_integral_value

    def to_integral_exact(self, rounding=None, context=None):
        """Rounds to a nearby integer (signals Inexact and Rounded when it rounds)."""
        return self._to_integral(rounding, context, True)

    def _to_integral(self, rounding, context, exact):
        ctx = context if context is not None else getcontext()
        if rounding is not None and rounding not in _ROUNDINGS:
            raise TypeError(_ROUNDING_ERROR)
        st = [0]
        if self._special:
            r = _check_nans(self, None, ctx, st)
            if r is None:
                r = self
        elif self._exp >= 0:
            r = self
        elif self._int == 0:
            r = _mk(self._sign, 0, 0)
        else:
            r = _rescale(self, 0, rounding or ctx.rounding)
            if exact:
                if r._int * _p10(-self._exp) != self._int:
                    st[0] |= _INEXACT
                st[0] |= _ROUNDED
        ctx._apply(st[0])
        return r

    def normalize(self, context=None):
        """Normalize- strip trailing 0s, change anything equal to 0 to 0e0"""
        return self._unary(_normalize, context)

    def sqrt(self, context=None):
        """Return the square root of self."""
        return self._unary(_sqrt, context)

    def exp(self, context=None):
        """Returns e ** self."""
        return self._unary(_exp, context)

    def ln(self, context=None):
        """Returns the natural (base e) logarithm of self."""
        return self._unary(_ln, context)

    def log10(self, context=None):
        """Returns the base 10 logarithm of self."""
        return self._unary(_log10, context)

    def logb(self, context=None):
        """Returns the exponent of the magnitude of self's MSD."""
        return self._unary(_logb, context)

    def next_plus(self, context=None):
        return self._unary(lambda a, c, s: _next(a, c, s, 1), context)

    def next_minus(self, context=None):
        return self._unary(lambda a, c, s: _next(a, c, s, -1), context)

    def next_toward(self, other, context=None):
        return self._op2(other, _next_toward, context)

    def fma(self, other, third, context=None):
        """Fused multiply-add: self*other+third with no rounding of the product."""
        ctx = context if context is not None else getcontext()
        o = _convert_strict(other)
        t = _convert_strict(third)
        st = [0]
        r = _fma(self, o, t, ctx, st)
        ctx._apply(st[0])
        return r

    def remainder_near(self, other, context=None):
        return self._op2(other, _remainder_near, context)

    def scaleb(self, other, context=None):
        return self._op2(other, _scaleb, context)

    def rotate(self, other, context=None):
        return self._op2(other, lambda a, b, c, s: _shift(a, b, c, s, True), context)

    def shift(self, other, context=None):
        return self._op2(other, lambda a, b, c, s: _shift(a, b, c, s, False), context)

    def logical_and(self, other, context=None):
        return self._op2(other, lambda a, b, c, s: _logical(a, b, c, s, 'and'), context)

    def logical_or(self, other, context=None):
        return self._op2(other, lambda a, b, c, s: _logical(a, b, c, s, 'or'), context)

    def logical_xor(self, other, context=None):
        return self._op2(other, lambda a, b, c, s: _logical(a, b, c, s, 'xor'), context)

    def logical_invert(self, context=None):
        return self._op2(0, lambda a, b, c, s: _logical(a, _mk(0, int('1' * c.prec), 0), c, s, 'xor'),
                         context)

    # --- pickling / copying ----------------------------------------------------------------------

    def __reduce__(self):
        return (self.__class__, (str(self),))

    def __copy__(self):
        if type(self) is Decimal:
            return self
        return self.__class__(str(self))

    def __deepcopy__(self, memo):
        if type(self) is Decimal:
            return self
        return self.__class__(str(self))


_PyHASH_MODULUS = 2305843009213693951
_PyHASH_10INV = pow(10, _PyHASH_MODULUS - 2, _PyHASH_MODULUS)

_ROUNDING_ERROR = ('valid values for rounding are:\n'
                   '  [ROUND_CEILING, ROUND_FLOOR, ROUND_UP, ROUND_DOWN,\n'
                   '   ROUND_HALF_UP, ROUND_HALF_DOWN, ROUND_HALF_EVEN,\n'
                   '   ROUND_05UP]')

def _is_rational(x):
    for c in type(x).__mro__:
        if c.__name__ == 'Fraction' and c.__module__ == 'fractions':
            return True
    try:
        import numbers
        return isinstance(x, numbers.Rational)
    except Exception:
        return False

def _from_tuple(value):
    if len(value) != 3:
        raise ValueError('argument must be a sequence of length 3')
    sign, digits, exp = value
    if not (isinstance(sign, int) and sign in (0, 1)):
        raise ValueError('sign must be an integer with the value 0 or 1')
    if exp == 'F':
        return _inf(sign)
    if not isinstance(digits, (tuple, list)):
        raise ValueError('coefficient must be a tuple of digits')
    coef = 0
    for dgt in digits:
        if not (isinstance(dgt, int) and 0 <= dgt <= 9):
            raise ValueError('coefficient must be a tuple of digits')
        coef = coef * 10 + dgt
    if exp in ('n', 'N'):
        return _mk(sign, coef, exp, True)
    if not isinstance(exp, int):
        raise ValueError('exponent must be an integer')
    return _mk(sign, coef, int(exp))


class DecimalTuple(tuple):
    """DecimalTuple(sign, digits, exponent)"""

    __slots__ = ()
    _fields = ('sign', 'digits', 'exponent')

    def __new__(cls, sign, digits, exponent):
        return tuple.__new__(cls, (sign, digits, exponent))

    sign = property(lambda self: self[0], doc='Alias for field number 0')
    digits = property(lambda self: self[1], doc='Alias for field number 1')
    exponent = property(lambda self: self[2], doc='Alias for field number 2')

    def __repr__(self):
        return 'DecimalTuple(sign=%r, digits=%r, exponent=%r)' % tuple(self)

    def _asdict(self):
        return {'sign': self[0], 'digits': self[1], 'exponent': self[2]}

    def _replace(self, **kw):
        return DecimalTuple(kw.get('sign', self[0]), kw.get('digits', self[1]), kw.get('exponent', self[2]))

    def __getnewargs__(self):
        return tuple(self)


# --- arithmetic implementations (a, b: Decimal; ctx: Context; st: [status]) ----------------------

def _plus(a, ctx, st):
    if a._special:
        r = _check_nans(a, None, ctx, st)
        return r if r is not None else a
    if a._int == 0 and ctx.rounding != ROUND_FLOOR:
        return _fix(0, 0, a._exp, ctx, st)
    return _fix(a._sign, a._int, a._exp, ctx, st)

def _minus(a, ctx, st):
    if a._special:
        r = _check_nans(a, None, ctx, st)
        return r if r is not None else _mk(1 - a._sign, 0, 'F', True)
    if a._int == 0 and ctx.rounding != ROUND_FLOOR:
        return _fix(0, 0, a._exp, ctx, st)
    return _fix(1 - a._sign, a._int, a._exp, ctx, st)

def _abs(a, ctx, st):
    if a._special:
        r = _check_nans(a, None, ctx, st)
        return r if r is not None else _inf(0)
    return _fix(0, a._int, a._exp, ctx, st)

def _add(a, b, ctx, st, bsign=None):
    if bsign is None:
        bsign = b._sign
    if a._special or b._special:
        r = _check_nans(a, b, ctx, st)
        if r is not None:
            return r
        if a._special:
            if b._special and bsign != a._sign:
                return _invalid(st)
            return _inf(a._sign)
        return _inf(bsign)
    exp = a._exp if a._exp < b._exp else b._exp
    if a._int == 0 and b._int == 0:
        sign = a._sign & bsign
        if a._sign != bsign and ctx.rounding == ROUND_FLOOR:
            sign = 1
        return _fix(sign, 0, exp, ctx, st)
    if a._int == 0:
        e = max(exp, b._exp - ctx.prec - 1)
        return _fix(bsign, b._int * _p10(b._exp - e), e, ctx, st)
    if b._int == 0:
        e = max(exp, a._exp - ctx.prec - 1)
        return _fix(a._sign, a._int * _p10(a._exp - e), e, ctx, st)
    # align (replacing a far smaller operand by a sticky digit)
    ac, ae, bc, be = a._int, a._exp, b._int, b._exp
    if ae < be:
        big_c, big_e, small_c, small_e = bc, be, ac, ae
    else:
        big_c, big_e, small_c, small_e = ac, ae, bc, be
    lim = big_e + min(-1, _nd(big_c) - ctx.prec - 2)
    if _nd(small_c) + small_e - 1 < lim:
        small_c, small_e = 1, lim
    big_c *= _p10(big_e - small_e)
    if ae < be:
        bc, ac = big_c, small_c
    else:
        ac, bc = big_c, small_c
    e = small_e
    x = -ac if a._sign else ac
    y = -bc if bsign else bc
    s = x + y
    if s == 0:
        sign = 1 if ctx.rounding == ROUND_FLOOR else 0
        return _fix(sign, 0, e, ctx, st)
    if s < 0:
        return _fix(1, -s, e, ctx, st)
    return _fix(0, s, e, ctx, st)

def _sub(a, b, ctx, st):
    return _add(a, b, ctx, st, 1 - b._sign)

def _mul(a, b, ctx, st):
    sign = a._sign ^ b._sign
    if a._special or b._special:
        r = _check_nans(a, b, ctx, st)
        if r is not None:
            return r
        if a._special:
            if not b._special and b._int == 0:
                return _invalid(st)
            return _inf(sign)
        if a._int == 0:
            return _invalid(st)
        return _inf(sign)
    return _fix(sign, a._int * b._int, a._exp + b._exp, ctx, st)

def _div(a, b, ctx, st):
    sign = a._sign ^ b._sign
    if a._special or b._special:
        r = _check_nans(a, b, ctx, st)
        if r is not None:
            return r
        if a._special and b._special:
            return _invalid(st)
        if a._special:
            return _inf(sign)
        st[0] |= _CLAMPED
        return _mk(sign, 0, ctx.Emin - ctx.prec + 1)
    if b._int == 0:
        if a._int == 0:
            return _invalid(st, _DIVUNDEF)
        st[0] |= _DIVZERO
        return _inf(sign)
    if a._int == 0:
        return _fix(sign, 0, a._exp - b._exp, ctx, st)
    shift = _nd(b._int) - _nd(a._int) + ctx.prec + 1
    exp = a._exp - b._exp - shift
    if shift >= 0:
        coef, rem = divmod(a._int * _p10(shift), b._int)
    else:
        coef, rem = divmod(a._int, b._int * _p10(-shift))
    if rem:
        if coef % 5 == 0:
            coef += 1
    else:
        ideal = a._exp - b._exp
        while exp < ideal and coef % 10 == 0:
            coef //= 10
            exp += 1
    return _fix(sign, coef, exp, ctx, st)

def _divide_int(a, b, ctx, st):
    """Integer quotient and remainder (finite, b nonzero) -> (q, r) unrounded, or error NaN pair."""
    sign = a._sign ^ b._sign
    ideal = a._exp if b._special else min(a._exp, b._exp)
    expdiff = a.adjusted() - b.adjusted()
    if a._int == 0 or b._special or expdiff <= -2:
        return _mk(sign, 0, 0), _rescale(a, ideal, ctx.rounding)
    if expdiff <= ctx.prec:
        x, y = a._int, b._int
        if a._exp >= b._exp:
            x *= _p10(a._exp - b._exp)
        else:
            y *= _p10(b._exp - a._exp)
        q, r = divmod(x, y)
        if q < _p10(ctx.prec):
            return _mk(sign, q, 0), _mk(a._sign, r, ideal)
    n = _invalid(st, _DIVIMP)
    return n, n

def _floordiv(a, b, ctx, st):
    sign = a._sign ^ b._sign
    if a._special or b._special:
        r = _check_nans(a, b, ctx, st)
        if r is not None:
            return r
        if a._special:
            if b._special:
                return _invalid(st)
            return _inf(sign)
        return _mk(sign, 0, 0)
    if b._int == 0:
        if a._int == 0:
            return _invalid(st, _DIVUNDEF)
        st[0] |= _DIVZERO
        return _inf(sign)
    return _finish(_divide_int(a, b, ctx, st)[0], ctx, st)

def _mod(a, b, ctx, st):
    if a._special or b._special:
        r = _check_nans(a, b, ctx, st)
        if r is not None:
            return r
        if a._special:
            return _invalid(st)
        return _finish(a, ctx, st)
    if b._int == 0:
        if a._int == 0:
            return _invalid(st, _DIVUNDEF)
        return _invalid(st)
    r = _divide_int(a, b, ctx, st)[1]
    return _finish(r, ctx, st)

def _divmod(a, b, ctx, st):
    sign = a._sign ^ b._sign
    if a._special or b._special:
        r = _check_nans(a, b, ctx, st)
        if r is not None:
            return r, r
        if a._special:
            if b._special:
                n = _invalid(st)
                return n, n
            return _inf(sign), _invalid(st)
        return _mk(sign, 0, 0), _finish(a, ctx, st)
    if b._int == 0:
        if a._int == 0:
            n = _invalid(st, _DIVUNDEF)
            return n, n
        st[0] |= _DIVZERO | _INVOP
        return _inf(sign), _nan()
    q, r = _divide_int(a, b, ctx, st)
    return _finish(q, ctx, st), _finish(r, ctx, st)

def _remainder_near(a, b, ctx, st):
    if a._special or b._special:
        r = _check_nans(a, b, ctx, st)
        if r is not None:
            return r
        if a._special:
            return _invalid(st)
        return _finish(a, ctx, st)
    if b._int == 0:
        if a._int == 0:
            return _invalid(st, _DIVUNDEF)
        return _invalid(st)
    ideal = min(a._exp, b._exp)
    if a._int == 0:
        return _fix(a._sign, 0, ideal, ctx, st)
    expdiff = a.adjusted() - b.adjusted()
    if expdiff >= ctx.prec + 1:
        return _invalid(st, _DIVIMP)
    if expdiff <= -2:
        return _finish(_rescale(a, ideal, ctx.rounding), ctx, st)
    x, y = a._int, b._int
    if a._exp >= b._exp:
        x *= _p10(a._exp - b._exp)
    else:
        y *= _p10(b._exp - a._exp)
    q, r = divmod(x, y)
    if 2 * r + (q & 1) > y:
        r -= y
        q += 1
    if q >= _p10(ctx.prec):
        return _invalid(st, _DIVIMP)
    sign = a._sign
    if r < 0:
        sign = 1 - sign
        r = -r
    return _fix(sign, r, ideal, ctx, st)

def _quantize(a, e, rounding, ctx, st):
    if a._special or e._special:
        r = _check_nans(a, e, ctx, st)
        if r is not None:
            return r
        if a._special and e._special and a._exp == 'F' and e._exp == 'F':
            return a
        return _invalid(st)
    exp = e._exp
    if not (ctx.Emin - ctx.prec + 1 <= exp <= ctx.Emax):
        return _invalid(st)
    if a._int == 0:
        return _fix(a._sign, 0, exp, ctx, st)
    if a.adjusted() > ctx.Emax:
        return _invalid(st)
    if a.adjusted() - exp + 1 > ctx.prec:
        return _invalid(st)
    r = _rescale(a, exp, rounding)
    if r.adjusted() > ctx.Emax or _nd(r._int) > ctx.prec:
        return _invalid(st)
    if r._int and r.adjusted() < ctx.Emin:
        st[0] |= _SUBNORMAL
    if r._exp > a._exp:
        if a._int * 1 != r._int * _p10(r._exp - a._exp):
            st[0] |= _INEXACT
        st[0] |= _ROUNDED
    return _fix(r._sign, r._int, r._exp, ctx, st)

def _normalize(a, ctx, st):
    if a._special:
        r = _check_nans(a, None, ctx, st)
        return r if r is not None else a
    d = _fix(a._sign, a._int, a._exp, ctx, st)
    if d._special:
        return d
    if d._int == 0:
        return _mk(d._sign, 0, 0)
    coef, exp = d._int, d._exp
    exp_max = ctx.Emax if ctx.clamp == 0 else ctx.Emax - ctx.prec + 1
    while coef % 10 == 0 and exp < exp_max:
        coef //= 10
        exp += 1
    return _mk(d._sign, coef, exp)

def _compare(a, b, ctx, st):
    if a._special or b._special:
        if a._isnan() or b._isnan():
            return _check_nans(a, b, ctx, st)
    c = a._cmp(b)
    return _from_int(c)

def _compare_signal(a, b, ctx, st):
    if a._isnan() or b._isnan():
        r = _check_nans(a, b, ctx, st)
        st[0] |= _INVOP
        return r
    return _from_int(a._cmp(b))

def _total_key(d):
    # orders -NaN < -sNaN < -Inf < negatives < zeros < positives < Inf < sNaN < NaN
    if d._special:
        if d._exp == 'F':
            cls = 3
        elif d._exp == 'N':
            cls = 4
        else:
            cls = 5
        return cls, d._int
    return None

def _compare_total(a, b):
    if a._sign != b._sign:
        return _from_int(-1 if a._sign else 1)
    ka = _total_key(a)
    kb = _total_key(b)
    if ka is None and kb is None:
        c = a._cmp(b)
        if c == 0:
            c = (a._exp > b._exp) - (a._exp < b._exp)
            if a._sign:
                c = -c
        return _from_int(c)
    ka = ka or (0, 0)
    kb = kb or (0, 0)
    if ka[0] != kb[0]:
        c = 1 if ka[0] > kb[0] else -1
    elif ka[0] in (4, 5):
        c = (ka[1] > kb[1]) - (ka[1] < kb[1])
    else:
        c = 0
    if a._sign:
        c = -c
    return _from_int(c)

def _minmax(a, b, ctx, st, want_max, mag):
    if a._isnan() or b._isnan():
        sn = (a._special and a._exp == 'N') or (b._special and b._exp == 'N')
        if not sn:
            if a._isnan() and not b._isnan():
                return _finish(b, ctx, st)
            if b._isnan() and not a._isnan():
                return _finish(a, ctx, st)
        return _check_nans(a, b, ctx, st)
    if mag:
        c = a.copy_abs()._cmp(b.copy_abs())
        if c == 0:
            c = a._cmp(b)
    else:
        c = a._cmp(b)
    if c == 0:
        c = _compare_total(a, b)._int * (-1 if _compare_total(a, b)._sign else 1)
    if want_max:
        r = b if c < 0 else a
    else:
        r = a if c < 0 else b
    return _finish(r, ctx, st)

def _next(a, ctx, st, direction):
    if a._special:
        r = _check_nans(a, None, ctx, st)
        if r is not None:
            return r
        if (direction > 0) == (a._sign == 1):
            return _mk(a._sign, _p10(ctx.prec) - 1, ctx.Emax - ctx.prec + 1)
        return a
    rnd = ROUND_CEILING if direction > 0 else ROUND_FLOOR
    tmp_ctx = ctx.copy()
    tmp_ctx.rounding = rnd
    dummy = [0]
    d = _fix(a._sign, a._int, a._exp, tmp_ctx, dummy)
    if d != a:
        return d
    etiny = ctx.Emin - ctx.prec + 1
    tiny = _mk(0 if direction > 0 else 1, 1, etiny - 1)
    return _add(a, tiny, tmp_ctx, dummy)

def _next_toward(a, b, ctx, st):
    if a._isnan() or b._isnan():
        return _check_nans(a, b, ctx, st)
    c = a._cmp(b)
    if c == 0:
        return _mk(b._sign, a._int, a._exp, a._special)
    s2 = [0]
    r = _next(a, ctx, s2, -1 if c > 0 else 1)
    if r._special and r._exp == 'F':
        st[0] |= _OVERFLOW | _INEXACT | _ROUNDED
    elif r.adjusted() < ctx.Emin:
        st[0] |= _UNDERFLOW | _SUBNORMAL | _INEXACT | _ROUNDED
        if r._int == 0:
            st[0] |= _CLAMPED
    return r

def _fma(a, b, c, ctx, st):
    if a._isnan() or b._isnan() or c._isnan():
        for x in (a, b, c):
            if x._special and x._exp == 'N':
                st[0] |= _INVOP
                return _fix_nan(_mk(x._sign, x._int, 'n', True), ctx)
        for x in (a, b, c):
            if x._special and x._exp == 'n':
                return _fix_nan(x, ctx)
    if a._special or b._special:
        if (a._special and not b._special and b._int == 0) or (b._special and not a._special and a._int == 0):
            return _invalid(st)
        prod = _inf(a._sign ^ b._sign)
    else:
        prod = _mk(a._sign ^ b._sign, a._int * b._int, a._exp + b._exp)
    if c._special and c._exp == 'N':
        st[0] |= _INVOP
        return _fix_nan(_mk(c._sign, c._int, 'n', True), ctx)
    return _add(prod, c, ctx, st)

def _logb(a, ctx, st):
    if a._special:
        r = _check_nans(a, None, ctx, st)
        return r if r is not None else _inf(0)
    if a._int == 0:
        st[0] |= _DIVZERO
        return _inf(1)
    return _fix(*_int_triple(a.adjusted()), ctx, st)

def _int_triple(v):
    return (1, -v, 0) if v < 0 else (0, v, 0)

def _scaleb(a, b, ctx, st):
    if a._isnan() or b._isnan():
        return _check_nans(a, b, ctx, st)
    if b._special or b._exp != 0:
        return _invalid(st)
    liminf = -2 * (ctx.Emax + ctx.prec)
    limsup = 2 * (ctx.Emax + ctx.prec)
    n = -b._int if b._sign else b._int
    if not liminf <= n <= limsup:
        return _invalid(st)
    if a._special:
        return a
    return _fix(a._sign, a._int, a._exp + n, ctx, st)

def _shift(a, b, ctx, st, rotate):
    if a._isnan() or b._isnan():
        return _check_nans(a, b, ctx, st)
    if b._special or b._exp != 0:
        return _invalid(st)
    n = -b._int if b._sign else b._int
    if not -ctx.prec <= n <= ctx.prec:
        return _invalid(st)
    if a._special:
        return a
    prec = ctx.prec
    mod = _p10(prec)
    coef = a._int % mod
    if rotate:
        n %= prec
        coef = (coef * _p10(n)) % mod + coef // _p10(prec - n)
    elif n >= 0:
        coef = (coef * _p10(n)) % mod
    else:
        coef //= _p10(-n)
    return _mk(a._sign, coef, a._exp)

def _is_logical(d):
    return not d._special and d._sign == 0 and d._exp == 0 and set(str(d._int)) <= {'0', '1'}

def _logical(a, b, ctx, st, op):
    if not _is_logical(a) or not _is_logical(b):
        return _invalid(st)
    x = str(a._int).zfill(ctx.prec)[-ctx.prec:]
    y = str(b._int).zfill(ctx.prec)[-ctx.prec:]
    out = []
    for p, q in zip(x, y):
        if op == 'and':
            out.append('1' if p == '1' and q == '1' else '0')
        elif op == 'or':
            out.append('1' if p == '1' or q == '1' else '0')
        else:
            out.append('1' if p != q else '0')
    return _mk(0, int(''.join(out)), 0)


# --- square root, exp, logarithms, powers --------------------------------------------------

def _sqrt(a, ctx, st):
    if a._special:
        r = _check_nans(a, None, ctx, st)
        if r is not None:
            return r
        if a._sign:
            return _invalid(st)
        return a
    if a._int == 0:
        return _fix(a._sign, 0, a._exp >> 1, ctx, st)
    if a._sign:
        return _invalid(st)
    prec = ctx.prec + 1
    nd = _nd(a._int)
    e = a._exp >> 1
    if a._exp & 1:
        c = a._int * 10
        l = (nd >> 1) + 1
    else:
        c = a._int
        l = (nd + 1) >> 1
    shift = prec - l
    if shift >= 0:
        c *= 100 ** shift
        exact = True
    else:
        c, rem = divmod(c, 100 ** (-shift))
        exact = not rem
    e -= shift
    n = _math.isqrt(c)
    exact = exact and n * n == c
    if exact:
        if shift >= 0:
            n //= _p10(shift)
        else:
            n *= _p10(-shift)
        e += shift
    elif n % 5 == 0:
        n += 1
    return _fix(0, n, e, ctx, st, ROUND_HALF_EVEN)


# Fixed-point helpers: an int X stands for X / 10**q.

def _ln_fixed(x, q):
    """About 10**q * ln(x / 10**q) for 0.01 < x/10**q < 100 (error: a few units)."""
    G = 12
    Q = q + G
    one = _p10(Q)
    X = x * _p10(G)
    k = 0
    lim = one // 1000
    while abs(X - one) > lim:
        X = _math.isqrt(X * one)
        k += 1
    neg = X < one
    t = ((one - X) if neg else (X - one)) * one // (X + one)
    t2 = t * t // one
    s = 0
    term = t
    n = 1
    while term:
        s += term // n
        term = term * t2 // one
        n += 2
    r = (2 * s) << k
    r //= _p10(G)
    return -r if neg else r

_LN10_CACHE = {}

def _ln10_fixed(q):
    v = _LN10_CACHE.get(q)
    if v is None:
        v = _ln_fixed(10 * _p10(q), q)
        if len(_LN10_CACHE) > 50:
            _LN10_CACHE.clear()
        _LN10_CACHE[q] = v
    return v

def _exp_fixed(x, q):
    """About 10**q * e**(x / 10**q) for |x / 10**q| < 10 (small relative error)."""
    G = 14
    Q = q + G
    one = _p10(Q)
    X = x * _p10(G)
    k = 0
    lim = one // 1000
    while abs(X) > lim:
        X = X // 2 if X >= 0 else -((-X) // 2)
        k += 1
    s = one
    term = one
    n = 1
    while term:
        term = term * X // (one * n)
        s += term
        n += 1
    for _ in range(k):
        s = s * s // one
    return s // _p10(G)

def _ziv(approx, prec):
    """approx(P) -> (v, exp10, err): V ~ v * 10**exp10 with |error| <= err units.
    Returns (sign, coef, exp) with coef = the first prec digits of |V| and a
    sticky digit (rounds like V at any position), for a non-representable V."""
    P = prec + 10
    while True:
        v, e10, err = approx(P)
        neg = v < 0
        av = -v if neg else v
        drop = _nd(av) - prec
        if drop >= 2:
            full = _p10(drop)
            tail = av % full
            half = full >> 1
            if err < tail < half - err or half + err < tail < full - err:
                return (1 if neg else 0), (av // full) * 10 + (1 if 2 * tail < full else 6), e10 + drop - 1
            P += prec + 10
        else:
            P += prec + 10 - drop

def _exp_approx(a):
    nd_n = len(str(int(abs(float(a)) / 2.302585092994046) + 1))

    def approx(P):
        Q = P + nd_n + 3
        e = a._exp + Q
        xf = a._int * _p10(e) if e >= 0 else a._int // _p10(-e)
        if a._sign:
            xf = -xf
        L = _ln10_fixed(Q)
        n = xf // L
        r = xf - n * L
        y = _exp_fixed(r, Q)
        return y, n - Q, _p10(nd_n + 2) + 100
    return approx

def _exp(a, ctx, st):
    if a._special:
        r = _check_nans(a, None, ctx, st)
        if r is not None:
            return r
        if a._sign:
            return _mk(0, 0, 0)
        return a
    if a._int == 0:
        return _mk(0, 1, 0)
    prec = ctx.prec
    adj = a.adjusted()
    st[0] |= _INEXACT | _ROUNDED
    if a._sign == 0 and adj > len(str(ctx.Emax)) + 1:
        return _fix(0, 1, ctx.Emax + 1, ctx, st, ROUND_HALF_EVEN)
    if a._sign == 1 and adj > len(str(-(ctx.Emin - prec + 1))) + 1:
        return _fix(0, 1, ctx.Emin - prec - 1, ctx, st, ROUND_HALF_EVEN)
    if adj < -(prec + 2):
        if a._sign:
            return _fix(0, _p10(prec + 2) - 1, -(prec + 2), ctx, st, ROUND_HALF_EVEN)
        return _fix(0, _p10(prec + 2) + 1, -(prec + 2), ctx, st, ROUND_HALF_EVEN)
    sign, coef, exp = _ziv(_exp_approx(a), prec)
    return _fix(0, coef, exp, ctx, st, ROUND_HALF_EVEN)

def _ln_approx(a, base10):
    c = a._int
    nd = _nd(c)
    m = a._exp + nd - 1
    nd_m = _nd(abs(m))

    def approx(P):
        Q = P + nd_m + 3
        sh = Q - (nd - 1)
        x = c * _p10(sh) if sh >= 0 else c // _p10(-sh)
        v = _ln_fixed(x, Q) + m * _ln10_fixed(Q)
        if base10:
            L = _ln10_fixed(Q)
            v = v * _p10(Q) // L if v >= 0 else -((-v) * _p10(Q) // L)
        return v, -Q, 20 + 3 * abs(m)
    return approx

def _ln(a, ctx, st):
    if a._special:
        r = _check_nans(a, None, ctx, st)
        if r is not None:
            return r
        if a._sign:
            return _invalid(st)
        return a
    if a._int == 0:
        return _inf(1)
    if a._sign:
        return _invalid(st)
    if a._exp <= 0 and a._int == _p10(-a._exp):
        return _mk(0, 0, 0)
    st[0] |= _INEXACT | _ROUNDED
    sign, coef, exp = _ziv(_ln_approx(a, False), ctx.prec)
    return _fix(sign, coef, exp, ctx, st, ROUND_HALF_EVEN)

def _log10(a, ctx, st):
    if a._special:
        r = _check_nans(a, None, ctx, st)
        if r is not None:
            return r
        if a._sign:
            return _invalid(st)
        return a
    if a._int == 0:
        return _inf(1)
    if a._sign:
        return _invalid(st)
    s = str(a._int)
    if s[0] == '1' and s.count('0') == len(s) - 1:
        v = a._exp + len(s) - 1
        return _fix(*_int_triple(v), ctx, st)
    st[0] |= _INEXACT | _ROUNDED
    sign, coef, exp = _ziv(_ln_approx(a, True), ctx.prec)
    return _fix(sign, coef, exp, ctx, st, ROUND_HALF_EVEN)

def _pow(a, b, ctx, st):
    if a._special or b._special:
        r = _check_nans(a, b, ctx, st)
        if r is not None:
            return r
    b_int = not b._special and (b._int == 0 or b._exp >= 0 or b._int % _p10(-b._exp) == 0)
    if b_int:
        bv = int(b)
        sign = a._sign if bv & 1 else 0
    else:
        bv = None
        sign = 0
    if not a._special and a._int == 0:
        if not b._special and b._int == 0:
            return _invalid(st)
        if b._sign:
            return _inf(sign)
        return _mk(sign, 0, 0)
    if a._sign and (not b_int):
        return _invalid(st)
    if b._special:
        # b is infinite
        ca = a.copy_abs()._cmp(_mk(0, 1, 0))
        if ca == 0:
            st[0] |= _INEXACT | _ROUNDED
            return _mk(0, _p10(ctx.prec - 1), -(ctx.prec - 1))
        if (ca < 0) == (b._sign == 0):
            return _mk(0, 0, 0)
        return _inf(0)
    if a._special:
        if b._int == 0:
            return _mk(sign, 1, 0)
        if b._sign:
            return _mk(sign, 0, 0)
        return _inf(sign)
    if b._int == 0:
        return _mk(sign, 1, 0)
    # |a| == 1
    if a._int == _p10(-a._exp) if a._exp <= 0 else False:
        if b_int:
            if b._sign:
                return _mk(sign, 1, 0)
            shift = bv * (-a._exp)
            if shift > ctx.prec - 1:
                shift = ctx.prec - 1
                st[0] |= _ROUNDED
            return _mk(sign, _p10(shift), -shift)
        st[0] |= _INEXACT | _ROUNDED
        return _mk(0, _p10(ctx.prec - 1), -(ctx.prec - 1))
    # bounds check: the result certainly overflows/underflows
    r = _pow_bounds(a, b, sign, ctx, st)
    if r is not None:
        return r
    if b_int:
        return _pow_int(a, b, bv, sign, ctx, st)
    return _pow_real(a, b, ctx, st)

def _lower_bound_zeta(x):
    """A lower bound of log10(|log10(x)|) for x > 0, x != 1."""
    t = x.adjusted()
    if t > 0:
        return _nd(t) - 1
    if t < -1:
        return _nd(-(t + 1)) - 1
    d = _sub(x, _mk(0, 1, 0), _MAXCTX, [0])
    u = d.adjusted()
    return u - 2 if t == 0 else u - 1

def _pow_bounds(a, b, sign, ctx, st):
    """The result certainly overflows or underflows: return it (else None)."""
    ax = a.copy_abs()
    lb_theta = b.adjusted()
    lb_zeta = _lower_bound_zeta(ax)
    if ((ax.adjusted() < 0) ^ b._sign) == 0:
        if _nd(abs(ctx.Emax)) < lb_zeta + lb_theta:
            return _fix(sign, 1, 2 * MAX_EMAX + 10, ctx, st)
    else:
        etiny = ctx.Emin - ctx.prec + 1
        if _nd(abs(etiny)) < lb_zeta + lb_theta:
            return _fix(sign, 1, etiny - 1, ctx, st)
    return None

def _pow_int(a, b, n, sign, ctx, st):
    wctx = ctx.copy()
    wctx.prec = ctx.prec + _nd(b._int) + b._exp + 2
    wctx.rounding = ROUND_HALF_EVEN
    wctx.clamp = 0
    base = a.copy_abs()
    wst = [0]
    if n < 0:
        wctx.prec += 1
        base = _div(_mk(0, 1, 0), base, wctx, wst)
        st[0] |= wst[0]
        if wst[0] & (_IEEE_INVALID | _DIVZERO):
            return _nan()
        n = -n
        wst = [0]
    result = base
    bit = 1 << (n.bit_length() - 1)
    while True:
        bit >>= 1
        if not bit:
            break
        result = _mul(result, result, wctx, wst)
        if n & bit:
            result = _mul(result, base, wctx, wst)
        if result._special or (result._int == 0 and wst[0] & _CLAMPED):
            break
    st[0] |= wst[0]
    if result._special and result._exp == 'F':
        result = _mk(sign, 1, ctx.Emax + ctx.prec + 10)
        return _fix(sign, 1, ctx.Emax + 1, ctx, st)
    r = _mk(sign, result._int, result._exp)
    return _fix(sign, r._int, r._exp, ctx, st)

def _pow_real(a, b, ctx, st):
    wctx = Context(prec=max(_nd(a._int), ctx.prec) + 4 + 19, rounding=ROUND_HALF_EVEN,
                   Emin=MIN_EMIN, Emax=MAX_EMAX)
    wst = [0]
    l = _ln(a, wctx, wst)
    l = _mul(l, b, wctx, wst)
    r = _exp(l, wctx, wst)
    st[0] |= wst[0] & _IEEE_INVALID
    st[0] |= _INEXACT | _ROUNDED
    if not r._special and r._cmp(_mk(0, 1, 0)) == 0:
        shift = ctx.prec - 1
        r = _mk(0, _p10(shift), -shift)
    if r._special and r._exp == 'F':
        r = _mk(0, 1, MAX_EMAX * 2)
    return _fix(r._sign, r._int, r._exp, ctx, st)

def _powmod(a, b, m, ctx, st):
    if a._special or b._special or m._special:
        r = _check_nans(a, b, ctx, st)
        if r is None and m._isnan():
            r = _check_nans(m, None, ctx, st)
        if r is not None:
            return r
        return _invalid(st)
    for x in (a, b, m):
        if x._exp < 0 and x._int % _p10(-x._exp) != 0:
            return _invalid(st)
    if b._sign or m._int == 0 or (a._int == 0 and b._int == 0):
        return _invalid(st)
    mv = int(m)
    if _nd(abs(mv)) > ctx.prec:
        return _invalid(st)
    av = int(a)
    bv = int(b)
    r = pow(abs(av), bv, abs(mv))
    sign = a._sign if bv & 1 else 0
    return _mk(sign, r, 0)


# --- formatting -----------------------------------------------------------------------------------

def _parse_spec(spec):
    """-> dict of the format spec fields, or raise ValueError."""
    d = {'fill': ' ', 'align': None, 'sign': '-', 'zeropad': False, 'no_neg_0': False,
         'alt': False, 'minimumwidth': 0, 'thousands_sep': '', 'precision': None, 'type': None}
    i = 0
    n = len(spec)
    if n >= 2 and spec[1] in '<>=^':
        d['fill'] = spec[0]
        d['align'] = spec[1]
        i = 2
    elif n >= 1 and spec[0] in '<>=^':
        d['align'] = spec[0]
        i = 1
    if i < n and spec[i] in '+- ':
        d['sign'] = spec[i]
        i += 1
    if i < n and spec[i] == 'z':
        d['no_neg_0'] = True
        i += 1
    if i < n and spec[i] == '0':
        d['zeropad'] = True
        if d['align'] is None:
            d['fill'] = '0'
            d['align'] = '='
            d['zeroalign'] = True
        i += 1
    j = i
    while j < n and spec[j].isdigit():
        j += 1
    if j > i:
        d['minimumwidth'] = int(spec[i:j])
    i = j
    if i < n and spec[i] == ',':
        d['thousands_sep'] = spec[i]
        i += 1
    if i < n and spec[i] == '.':
        j = i + 1
        while j < n and spec[j].isdigit():
            j += 1
        if j == i + 1:
            raise ValueError('invalid format string')
        d['precision'] = int(spec[i + 1:j])
        i = j
    if i < n:
        d['type'] = spec[i]
        i += 1
    if i != n or (d['type'] is not None and d['type'] not in 'eEfFgGn%'):
        raise ValueError('invalid format string')
    if d['type'] == 'n' and d['thousands_sep']:
        raise ValueError('invalid format string')
    if d['type'] in ('g', 'G') and d['precision'] == 0:
        d['precision'] = 1
    return d

def _insert_seps(digits, sep, min_width):
    if not sep:
        if len(digits) < min_width:
            digits = '0' * (min_width - len(digits)) + digits
        return digits
    groups = []
    min_width = max(min_width, 1)
    while digits or min_width > 0:
        l = min(max(len(digits), min_width, 1), 3)
        groups.append('0' * (l - len(digits[-l:])) + digits[-l:] if len(digits) < l else digits[-l:])
        digits = digits[:-l]
        min_width -= l
        if not digits and min_width <= 0:
            break
        min_width -= len(sep)
    return sep.join(reversed(groups))

def _format_align(sign, body, spec):
    minw = spec['minimumwidth']
    fill = spec['fill']
    padding = fill * (minw - len(sign) - len(body))
    align = spec['align'] or '>'
    if align == '<':
        return sign + body + padding
    if align == '>':
        return padding + sign + body
    if align == '=':
        return sign + padding + body
    half = len(padding) // 2
    return padding[:half] + sign + body + padding[half:]

def _format_sign(neg, spec):
    if neg:
        return '-'
    if spec['sign'] in ' +':
        return spec['sign']
    return ''

def _format_decimal(d, specifier, context):
    if not isinstance(specifier, str):
        raise TypeError('format arg must be str')
    if context is None:
        context = getcontext()
    spec = _parse_spec(specifier)
    if d._special:
        if spec.get('zeroalign'):
            spec['fill'] = ' '
            spec['align'] = '>'
        sign = _format_sign(d._sign, spec)
        body = str(d.copy_abs())
        if spec['type'] == '%':
            body += '%'
        return _format_align(sign, body, spec)
    t = spec['type']
    if t is None:
        t = 'G' if context.capitals else 'g'
        spec['type'] = t
    if t == 'n':
        t = 'g'
        spec['type'] = 'g'
    if t == '%':
        d = _mk(d._sign, d._int, d._exp + 2)
    rounding = context.rounding
    prec = spec['precision']
    if prec is not None:
        if t in 'eE':
            d = _round_places(d, prec + 1, rounding)
        elif t in 'fF%':
            d = _rescale(d, -prec, rounding)
        elif t in 'gG' and _nd(d._int) > prec:
            d = _round_places(d, prec, rounding)
    if d._int == 0 and d._exp > 0 and t in 'fF%':
        d = _rescale(d, 0, rounding)
    if d._int == 0 and spec['no_neg_0'] and d._sign:
        neg = 0
    else:
        neg = d._sign
    digits = str(d._int)
    leftdigits = d._exp + len(digits)
    if t in 'eE':
        if d._int == 0 and prec is not None:
            dotplace = 1 - prec
        else:
            dotplace = 1
    elif t in 'fF%':
        dotplace = leftdigits
    else:
        if d._exp <= 0 and leftdigits > -6:
            dotplace = leftdigits
        else:
            dotplace = 1
    if dotplace < 0:
        intpart = '0'
        fracpart = '0' * (-dotplace) + digits
    elif dotplace > len(digits):
        intpart = digits + '0' * (dotplace - len(digits))
        fracpart = ''
    else:
        intpart = digits[:dotplace] or '0'
        fracpart = digits[dotplace:]
    exp = leftdigits - dotplace
    sign = _format_sign(neg, spec)
    if fracpart or spec['alt']:
        fracpart = '.' + fracpart
    if exp != 0 or t in 'eE':
        echar = {'E': 'E', 'e': 'e', 'G': 'E', 'g': 'e'}[t]
        fracpart += '%s%+d' % (echar, exp)
    if t == '%':
        fracpart += '%'
    if spec['zeropad']:
        min_width = spec['minimumwidth'] - len(fracpart) - len(sign)
    else:
        min_width = 0
    intpart = _insert_seps(intpart, spec['thousands_sep'], min_width)
    return _format_align(sign, intpart + fracpart, spec)


# --- Context ---------------------------------------------------------------------------------------

class _SignalDict:
    """The flags or traps of a context, as a mapping signal -> bool."""

    __slots__ = ('_ctx', '_attr')

    def __init__(self, ctx, attr):
        self._ctx = ctx
        self._attr = attr

    def _bits(self):
        return getattr(self._ctx, self._attr)

    def _key_bits(self, key):
        b = _SIGNAL_BITS.get(key)
        if b is None:
            raise KeyError(key)
        return b

    def __getitem__(self, key):
        return bool(self._bits() & self._key_bits(key))

    def __setitem__(self, key, value):
        b = self._key_bits(key)
        if value:
            setattr(self._ctx, self._attr, self._bits() | b)
        else:
            setattr(self._ctx, self._attr, self._bits() & ~b)

    def __delitem__(self, key):
        raise ValueError('signal keys cannot be deleted')

    def __iter__(self):
        return iter(_SIGNALS)

    def __len__(self):
        return len(_SIGNALS)

    def __contains__(self, key):
        return key in _SIGNAL_BITS

    def keys(self):
        return list(_SIGNALS)

    def values(self):
        return [self[k] for k in _SIGNALS]

    def items(self):
        return [(k, self[k]) for k in _SIGNALS]

    def get(self, key, default=None):
        if key in _SIGNAL_BITS:
            return self[key]
        return default

    def copy(self):
        return {k: self[k] for k in _SIGNALS}

    def update(self, other):
        for k, v in dict(other).items():
            self[k] = v

    def __eq__(self, other):
        if isinstance(other, _SignalDict):
            return self._bits() == other._bits() or self.copy() == other.copy()
        if isinstance(other, dict):
            return self.copy() == other
        return NotImplemented

    def __repr__(self):
        return '{' + ', '.join('<class \'decimal.%s\'>:%s' % (k.__name__, self[k]) for k in _SIGNALS) + '}'


def _dict_to_bits(d, what):
    if isinstance(d, _SignalDict):
        return d._bits()
    if isinstance(d, dict):
        if len(d) != len(_SIGNALS) or any(k not in _SIGNAL_BITS for k in d):
            raise KeyError('invalid signal dict')
        bits = 0
        for k, v in d.items():
            if v:
                bits |= _SIGNAL_BITS[k]
        return bits
    bits = 0
    for k in d:
        if k not in _SIGNAL_BITS:
            raise KeyError('invalid error flag')  # pragma: no cover
        bits |= _SIGNAL_BITS[k]
    return bits


class Context(object):
    """Contains the context for a Decimal instance."""

    def __init__(self, prec=None, rounding=None, Emin=None, Emax=None, capitals=None,
                 clamp=None, flags=None, traps=None, _ignored_flags=None):
        dc = DefaultContext if '_default_ready' in globals() else None
        object.__setattr__(self, '_flags', 0)
        object.__setattr__(self, '_traps', 0)
        self.prec = prec if prec is not None else (dc.prec if dc else 28)
        self.rounding = rounding if rounding is not None else (dc.rounding if dc else ROUND_HALF_EVEN)
        self.Emax = Emax if Emax is not None else (dc.Emax if dc else 999999)
        self.Emin = Emin if Emin is not None else (dc.Emin if dc else -999999)
        self.capitals = capitals if capitals is not None else (dc.capitals if dc else 1)
        self.clamp = clamp if clamp is not None else (dc.clamp if dc else 0)
        if traps is None:
            object.__setattr__(self, '_traps', dc._traps if dc else (_IEEE_INVALID | _DIVZERO | _OVERFLOW))
        else:
            object.__setattr__(self, '_traps', _dict_to_bits(traps, 'traps'))
        if flags is None:
            object.__setattr__(self, '_flags', 0)
        else:
            object.__setattr__(self, '_flags', _dict_to_bits(flags, 'flags'))

    def __setattr__(self, name, value):
        if name == 'prec':
            if not isinstance(value, int):
                raise TypeError('an integer is required')
            if not 1 <= value <= MAX_PREC:
                raise ValueError('valid range for prec is [1, MAX_PREC]')
        elif name == 'Emin':
            if not isinstance(value, int):
                raise TypeError('an integer is required')
            if not MIN_EMIN <= value <= 0:
                raise ValueError('valid range for Emin is [MIN_EMIN, 0]')
        elif name == 'Emax':
            if not isinstance(value, int):
                raise TypeError('an integer is required')
            if not 0 <= value <= MAX_EMAX:
                raise ValueError('valid range for Emax is [0, MAX_EMAX]')
        elif name == 'rounding':
            if value not in _ROUNDINGS:
                raise TypeError(_ROUNDING_ERROR)
        elif name == 'capitals':
            if not isinstance(value, int):
                raise TypeError('an integer is required')
            if value not in (0, 1):
                raise ValueError('valid values for capitals are 0 or 1')
        elif name == 'clamp':
            if not isinstance(value, int):
                raise TypeError('an integer is required')
            if value not in (0, 1):
                raise ValueError('valid values for clamp are 0 or 1')
        elif name == 'flags':
            object.__setattr__(self, '_flags', _dict_to_bits(value, 'flags'))
            return
        elif name == 'traps':
            object.__setattr__(self, '_traps', _dict_to_bits(value, 'traps'))
            return
        elif name in ('_flags', '_traps'):
            pass
        else:
            raise AttributeError("'decimal.Context' object has no attribute '%s'" % name)
        object.__setattr__(self, name, value)

    def __delattr__(self, name):
        raise AttributeError('context attributes cannot be deleted')

    def __getattr__(self, name):
        raise AttributeError("'decimal.Context' object has no attribute '%s'" % name)

    @property
    def flags(self):
        return _SignalDict(self, '_flags')

    @property
    def traps(self):
        return _SignalDict(self, '_traps')

    def _apply(self, status):
        """Records status bits; raises for trapped signals."""
        if not status:
            return
        object.__setattr__(self, '_flags', self._flags | status)
        t = status & self._traps
        if t:
            conds = [cls for bit, cls in _COND_LIST if t & bit]
            for cls in _SIGNALS:
                if t & _SIGNAL_BITS[cls]:
                    raise cls(conds)

    def __repr__(self):
        return ('Context(prec=%d, rounding=%s, Emin=%d, Emax=%d, capitals=%d, clamp=%d, flags=%s, traps=%s)'
                % (self.prec, self.rounding, self.Emin, self.Emax, self.capitals, self.clamp,
                   _signal_names(self._flags), _signal_names(self._traps)))

    def __reduce__(self):
        flags = [s for s in _SIGNALS if self._flags & _SIGNAL_BITS[s]]
        traps = [s for s in _SIGNALS if self._traps & _SIGNAL_BITS[s]]
        return (self.__class__, (self.prec, self.rounding, self.Emin, self.Emax,
                                 self.capitals, self.clamp, flags, traps))

    def clear_flags(self):
        """Reset all flags to zero"""
        object.__setattr__(self, '_flags', 0)

    def clear_traps(self):
        """Reset all traps to zero"""
        object.__setattr__(self, '_traps', 0)

    def copy(self):
        """Returns a deep copy from self."""
        c = Context.__new__(Context)
        for k in ('prec', 'rounding', 'Emin', 'Emax', 'capitals', 'clamp', '_flags', '_traps'):
            object.__setattr__(c, k, getattr(self, k))
        return c

    __copy__ = copy

    def _shallow_copy(self):
        return self.copy()

    def Etiny(self):
        """Returns Etiny (= Emin - prec + 1)"""
        return int(self.Emin - self.prec + 1)

    def Etop(self):
        """Returns maximum exponent (= Emax - prec + 1)"""
        return int(self.Emax - self.prec + 1)

    def create_decimal(self, num='0'):
        """Creates a new Decimal instance but using self as context."""
        if isinstance(num, str):
            d = _parse_string(num)
            if d is None:
                self._apply(_CONV)
                return _nan()
            if d._special and d._exp != 'F' and d._int and _nd(d._int) > self.prec - self.clamp:
                self._apply(_CONV)
                return _nan()
        elif isinstance(num, float):
            self._apply(_FLOATOP)
            d = _from_float(num)
        else:
            d = Decimal(num)
        st = [0]
        r = _finish(d, self, st)
        self._apply(st[0])
        return r

    def create_decimal_from_float(self, f):
        """Creates a new Decimal instance from a float but rounding using self as the context."""
        d = Decimal.from_float(f)
        st = [0]
        r = _finish(d, self, st)
        self._apply(st[0])
        return r

    def _u(self, fn, a):
        a = _convert_strict(a)
        st = [0]
        r = fn(a, self, st)
        self._apply(st[0])
        return r

    def _b(self, fn, a, b):
        a = _convert_strict(a)
        b = _convert_strict(b)
        st = [0]
        r = fn(a, b, self, st)
        self._apply(st[0])
        return r

    def abs(self, a):
        return self._u(_abs, a)

    def add(self, a, b):
        return self._b(_add, a, b)

    def subtract(self, a, b):
        return self._b(_sub, a, b)

    def multiply(self, a, b):
        return self._b(_mul, a, b)

    def divide(self, a, b):
        return self._b(_div, a, b)

    def divide_int(self, a, b):
        return self._b(_floordiv, a, b)

    def remainder(self, a, b):
        return self._b(_mod, a, b)

    def remainder_near(self, a, b):
        return self._b(_remainder_near, a, b)

    def divmod(self, a, b):
        return self._b(_divmod, a, b)

    def power(self, a, b, modulo=None):
        if modulo is not None:
            return _convert_strict(a)._powmod(b, modulo, self)
        return self._b(_pow, a, b)

    def plus(self, a):
        return self._u(_plus, a)

    def minus(self, a):
        return self._u(_minus, a)

    def sqrt(self, a):
        return self._u(_sqrt, a)

    def exp(self, a):
        return self._u(_exp, a)

    def ln(self, a):
        return self._u(_ln, a)

    def log10(self, a):
        return self._u(_log10, a)

    def logb(self, a):
        return self._u(_logb, a)

    def normalize(self, a):
        return self._u(_normalize, a)

    def next_plus(self, a):
        return _convert_strict(a).next_plus(self)

    def next_minus(self, a):
        return _convert_strict(a).next_minus(self)

    def next_toward(self, a, b):
        return _convert_strict(a).next_toward(b, self)

    def quantize(self, a, b):
        return _convert_strict(a).quantize(b, context=self)

    def compare(self, a, b):
        return self._b(_compare, a, b)

    def compare_signal(self, a, b):
        return self._b(_compare_signal, a, b)

    def compare_total(self, a, b):
        return _convert_strict(a).compare_total(b)

    def compare_total_mag(self, a, b):
        return _convert_strict(a).compare_total_mag(b)

    def max(self, a, b):
        return _convert_strict(a).max(b, self)

    def min(self, a, b):
        return _convert_strict(a).min(b, self)

    def max_mag(self, a, b):
        return _convert_strict(a).max_mag(b, self)

    def min_mag(self, a, b):
        return _convert_strict(a).min_mag(b, self)

    def fma(self, a, b, c):
        return _convert_strict(a).fma(b, c, self)

    def to_integral_exact(self, a):
        return _convert_strict(a).to_integral_exact(context=self)

    def to_integral_value(self, a):
        return _convert_strict(a).to_integral_value(context=self)

    to_integral = to_integral_value

    def to_sci_string(self, a):
        return _convert_strict(a).__str__(context=self)

    def to_eng_string(self, a):
        return _convert_strict(a).to_eng_string(context=self)

    def number_class(self, a):
        return _convert_strict(a).number_class(self)

    def scaleb(self, a, b):
        return self._b(_scaleb, a, b)

    def shift(self, a, b):
        return _convert_strict(a).shift(b, self)

    def rotate(self, a, b):
        return _convert_strict(a).rotate(b, self)

    def same_quantum(self, a, b):
        return _convert_strict(a).same_quantum(b)

    def logical_and(self, a, b):
        return _convert_strict(a).logical_and(b, self)

    def logical_or(self, a, b):
        return _convert_strict(a).logical_or(b, self)

    def logical_xor(self, a, b):
        return _convert_strict(a).logical_xor(b, self)

    def logical_invert(self, a):
        return _convert_strict(a).logical_invert(self)

    def copy_abs(self, a):
        return _convert_strict(a).copy_abs()

    def copy_negate(self, a):
        return _convert_strict(a).copy_negate()

    def copy_decimal(self, a):
        return Decimal(_convert_strict(a))

    def copy_sign(self, a, b):
        return _convert_strict(a).copy_sign(b)

    def canonical(self, a):
        if not isinstance(a, Decimal):
            raise TypeError('argument must be a Decimal')
        return a

    def is_canonical(self, a):
        if not isinstance(a, Decimal):
            raise TypeError('argument must be a Decimal')
        return True

    def is_finite(self, a):
        return _convert_strict(a).is_finite()

    def is_infinite(self, a):
        return _convert_strict(a).is_infinite()

    def is_nan(self, a):
        return _convert_strict(a).is_nan()

    def is_normal(self, a):
        return _convert_strict(a).is_normal(self)

    def is_qnan(self, a):
        return _convert_strict(a).is_qnan()

    def is_signed(self, a):
        return _convert_strict(a).is_signed()

    def is_snan(self, a):
        return _convert_strict(a).is_snan()

    def is_subnormal(self, a):
        return _convert_strict(a).is_subnormal(self)

    def is_zero(self, a):
        return _convert_strict(a).is_zero()

    def radix(self):
        return Decimal(10)


DefaultContext = Context(prec=28, rounding=ROUND_HALF_EVEN, Emin=-999999, Emax=999999,
                         capitals=1, clamp=0, flags=[],
                         traps=[DivisionByZero, Overflow, InvalidOperation])
_default_ready = True

BasicContext = Context(prec=9, rounding=ROUND_HALF_UP,
                       traps=[DivisionByZero, Overflow, InvalidOperation, Clamped, Underflow],
                       flags=[])

ExtendedContext = Context(prec=9, rounding=ROUND_HALF_EVEN, traps=[], flags=[])

try:
    import numbers as _numbers
    _numbers.Number.register(Decimal)
except Exception:
    pass

_MAXCTX = Context(prec=MAX_PREC, rounding=ROUND_HALF_EVEN, Emin=MIN_EMIN, Emax=MAX_EMAX, traps=[])
