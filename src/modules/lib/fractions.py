"""Fraction, infinite-precision, rational numbers (capy's implementation)."""

import math as _math
import sys as _sys

__all__ = ['Fraction']

_gcd = _math.gcd
_PyHASH_MODULUS = 2305843009213693951      # sys.hash_info.modulus (2**61 - 1)
_PyHASH_INF = 314159                       # sys.hash_info.inf

try:
    import numbers as _numbers
    _RationalABC = _numbers.Rational
    _RealABC = _numbers.Real
    _ComplexABC = _numbers.Complex
except Exception:
    _numbers = None
    _RationalABC = _RealABC = _ComplexABC = None


def _is_rational(x):
    if isinstance(x, (int, Fraction)):
        return True
    return _RationalABC is not None and isinstance(x, _RationalABC)

def _is_real(x):
    if isinstance(x, (int, float, Fraction)):
        return True
    return _RealABC is not None and isinstance(x, _RealABC)

def _is_complex(x):
    if isinstance(x, (int, float, complex, Fraction)):
        return True
    return _ComplexABC is not None and isinstance(x, _ComplexABC)

def _is_decimal(x):
    for c in type(x).__mro__:
        if c.__name__ == 'Decimal' and c.__module__ == 'decimal':
            return True
    return False


def _parse(s):
    """Parses the Fraction string syntax -> (numerator, denominator) or None."""
    n = len(s)
    i = 0
    while i < n and s[i].isspace():
        i += 1
    j = n
    while j > i and s[j - 1].isspace():
        j -= 1
    s = s[i:j]
    n = len(s)
    if n == 0:
        return None
    pos = 0
    neg = False
    if s[0] in '+-':
        neg = s[0] == '-'
        pos = 1
    # lookahead: a digit or '.' followed by a digit
    if not (pos < n and (s[pos].isdecimal() or (s[pos] == '.' and pos + 1 < n and s[pos + 1].isdecimal()))):
        return None
    num, pos = _digits(s, pos, True)
    if num is None:
        return None
    if pos == n:
        v = int(num) if num else 0
        return (-v if neg else v), 1
    # denominator form: '/' then digits
    k = pos
    if s[k] == '/':
        k += 1
        den, k2 = _digits(s, k, False)
        if den is None or k2 != n:
            return None
        v = int(num) if num else 0
        return (-v if neg else v), int(den)
    numerator = int(num) if num else 0
    denominator = 1
    if s[pos] == '.':
        pos += 1
        # 'd*' (a quirk of the reference syntax) or digits with underscores
        start = pos
        while pos < n and s[pos] in 'dD':
            pos += 1
        dec = s[start:pos]
        if not dec:
            dec, pos = _digits(s, start, True)
            if dec is None:
                dec, pos = '', start
    else:
        dec = ''
    e = 0
    if pos < n and s[pos] in 'eE':
        k = pos + 1
        esign = 1
        if k < n and s[k] in '+-':
            esign = -1 if s[k] == '-' else 1
            k += 1
        ex, k = _digits(s, k, False)
        if ex is None:
            return None
        pos = k
        e = int(ex) * esign
    if pos != n:
        return None
    if dec:
        dec = dec.replace('_', '')
        scale = 10 ** len(dec)
        numerator = numerator * scale + int(dec)
        denominator *= scale
    if e >= 0:
        numerator *= 10 ** e
    else:
        denominator *= 10 ** -e
    return (-numerator if neg else numerator), denominator

def _digits(s, pos, allow_empty):
    # \d+(_\d+)* at pos (or empty when allowed) -> (text, newpos) or (None, pos)
    n = len(s)
    start = pos
    while pos < n and s[pos].isdecimal():
        pos += 1
    if pos == start:
        return ('', pos) if allow_empty else (None, pos)
    while pos + 1 < n and s[pos] == '_' and s[pos + 1].isdecimal():
        pos += 1
        while pos < n and s[pos].isdecimal():
            pos += 1
    return s[start:pos].replace('_', ''), pos


class Fraction:
    """This class implements rational numbers.

    In the two-argument form of the constructor, Fraction(8, 6) will
    produce a rational number equivalent to 4/3. Both arguments must
    be Rational. The numerator defaults to 0 and the denominator
    defaults to 1 so that Fraction(3) == 3 and Fraction() == 0.

    Fractions can also be constructed from:

      - numeric strings similar to those accepted by the
        float constructor (for example, '-2.3' or '1e10')

      - strings of the form '123/456'

      - float and Decimal instances

      - other Rational instances (including integers)

    """

    __slots__ = ('_numerator', '_denominator')

    def __new__(cls, numerator=0, denominator=None, *, _normalize=True):
        self = object.__new__(cls)
        if denominator is None:
            if type(numerator) is int:
                self._numerator = numerator
                self._denominator = 1
                return self
            elif _is_rational(numerator):
                self._numerator = numerator.numerator
                self._denominator = numerator.denominator
                return self
            elif isinstance(numerator, float) or _is_decimal(numerator):
                self._numerator, self._denominator = numerator.as_integer_ratio()
                return self
            elif isinstance(numerator, str):
                r = _parse(numerator)
                if r is None:
                    raise ValueError('Invalid literal for Fraction: %r' % numerator)
                numerator, denominator = r
            else:
                raise TypeError('argument should be a string or a Rational instance')
        elif type(numerator) is int is type(denominator):
            pass
        elif _is_rational(numerator) and _is_rational(denominator):
            numerator, denominator = (
                numerator.numerator * denominator.denominator,
                denominator.numerator * numerator.denominator)
        else:
            raise TypeError('both arguments should be Rational instances')
        if denominator == 0:
            raise ZeroDivisionError('Fraction(%s, 0)' % numerator)
        if _normalize:
            g = _gcd(numerator, denominator)
            if denominator < 0:
                g = -g
            numerator //= g
            denominator //= g
        self._numerator = numerator
        self._denominator = denominator
        return self

    @classmethod
    def from_float(cls, f):
        """Converts a finite float to a rational number, exactly."""
        if isinstance(f, int) or (_numbers is not None and isinstance(f, _numbers.Integral)):
            return cls(f)
        elif not isinstance(f, float):
            raise TypeError('%s.from_float() only takes floats, not %r (%s)' %
                            (cls.__name__, f, type(f).__name__))
        return cls(*f.as_integer_ratio())

    @classmethod
    def from_decimal(cls, dec):
        """Converts a finite Decimal instance to a rational number, exactly."""
        from decimal import Decimal
        if isinstance(dec, int) or (_numbers is not None and isinstance(dec, _numbers.Integral)):
            dec = Decimal(int(dec))
        elif not isinstance(dec, Decimal):
            raise TypeError('%s.from_decimal() only takes Decimals, not %r (%s)' %
                            (cls.__name__, dec, type(dec).__name__))
        return cls(*dec.as_integer_ratio())

    def as_integer_ratio(self):
        """Return the integer ratio as a tuple."""
        return (self._numerator, self._denominator)

    def limit_denominator(self, max_denominator=1000000):
        """Closest Fraction to self with denominator at most max_denominator."""
        if max_denominator < 1:
            raise ValueError('max_denominator should be at least 1')
        if self._denominator <= max_denominator:
            return Fraction(self)
        p0, q0, p1, q1 = 0, 1, 1, 0
        n, d = self._numerator, self._denominator
        while True:
            a = n // d
            q2 = q0 + a * q1
            if q2 > max_denominator:
                break
            p0, q0, p1, q1 = p1, q1, p0 + a * p1, q2
            n, d = d, n - a * d
        k = (max_denominator - q0) // q1
        if 2 * d * (q0 + k * q1) <= self._denominator:
            return Fraction(p1, q1, _normalize=False)
        return Fraction(p0 + k * p1, q0 + k * q1, _normalize=False)

    @property
    def numerator(a):
        return a._numerator

    @property
    def denominator(a):
        return a._denominator

    def __repr__(self):
        """repr(self)"""
        return '%s(%s, %s)' % (self.__class__.__name__, self._numerator, self._denominator)

    def __str__(self):
        """str(self)"""
        if self._denominator == 1:
            return str(self._numerator)
        return '%s/%s' % (self._numerator, self._denominator)

    # --- arithmetic ---------------------------------------------------------------

    def _add(a, b):
        na, da = a.numerator, a.denominator
        nb, db = b.numerator, b.denominator
        g = _gcd(da, db)
        if g == 1:
            return Fraction(na * db + da * nb, da * db, _normalize=False)
        s = da // g
        t = na * (db // g) + nb * s
        g2 = _gcd(t, g)
        if g2 == 1:
            return Fraction(t, s * db, _normalize=False)
        return Fraction(t // g2, s * (db // g2), _normalize=False)

    def _sub(a, b):
        na, da = a.numerator, a.denominator
        nb, db = b.numerator, b.denominator
        g = _gcd(da, db)
        if g == 1:
            return Fraction(na * db - da * nb, da * db, _normalize=False)
        s = da // g
        t = na * (db // g) - nb * s
        g2 = _gcd(t, g)
        if g2 == 1:
            return Fraction(t, s * db, _normalize=False)
        return Fraction(t // g2, s * (db // g2), _normalize=False)

    def _mul(a, b):
        na, da = a.numerator, a.denominator
        nb, db = b.numerator, b.denominator
        g1 = _gcd(na, db)
        if g1 > 1:
            na //= g1
            db //= g1
        g2 = _gcd(nb, da)
        if g2 > 1:
            nb //= g2
            da //= g2
        return Fraction(na * nb, db * da, _normalize=False)

    def _div(a, b):
        nb, db = b.numerator, b.denominator
        if nb == 0:
            raise ZeroDivisionError('Fraction(%s, 0)' % (db,))
        na, da = a.numerator, a.denominator
        g1 = _gcd(na, nb)
        if g1 > 1:
            na //= g1
            nb //= g1
        g2 = _gcd(db, da)
        if g2 > 1:
            da //= g2
            db //= g2
        n, d = na * db, nb * da
        if d < 0:
            n, d = -n, -d
        return Fraction(n, d, _normalize=False)

    def _floordiv(a, b):
        return (a.numerator * b.denominator) // (a.denominator * b.numerator)

    def _divmod(a, b):
        da, db = a.denominator, b.denominator
        div, n_mod = divmod(a.numerator * db, da * b.numerator)
        return div, Fraction(n_mod, da * db)

    def _mod(a, b):
        da, db = a.denominator, b.denominator
        return Fraction((a.numerator * db) % (b.numerator * da), da * db)

    def __add__(a, b):
        if isinstance(b, (int, Fraction)):
            return a._add(b)
        if isinstance(b, float):
            return float(a) + b
        if isinstance(b, complex):
            return complex(a) + b
        return NotImplemented

    def __radd__(b, a):
        if _is_rational(a):
            return Fraction._add(a, b)
        if _is_real(a):
            return float(a) + float(b)
        if _is_complex(a):
            return complex(a) + complex(b)
        return NotImplemented

    def __sub__(a, b):
        if isinstance(b, (int, Fraction)):
            return a._sub(b)
        if isinstance(b, float):
            return float(a) - b
        if isinstance(b, complex):
            return complex(a) - b
        return NotImplemented

    def __rsub__(b, a):
        if _is_rational(a):
            return Fraction._sub(a, b)
        if _is_real(a):
            return float(a) - float(b)
        if _is_complex(a):
            return complex(a) - complex(b)
        return NotImplemented

    def __mul__(a, b):
        if isinstance(b, (int, Fraction)):
            return a._mul(b)
        if isinstance(b, float):
            return float(a) * b
        if isinstance(b, complex):
            return complex(a) * b
        return NotImplemented

    def __rmul__(b, a):
        if _is_rational(a):
            return Fraction._mul(a, b)
        if _is_real(a):
            return float(a) * float(b)
        if _is_complex(a):
            return complex(a) * complex(b)
        return NotImplemented

    def __truediv__(a, b):
        if isinstance(b, (int, Fraction)):
            return a._div(b)
        if isinstance(b, float):
            return float(a) / b
        if isinstance(b, complex):
            return complex(a) / b
        return NotImplemented

    def __rtruediv__(b, a):
        if _is_rational(a):
            return Fraction._div(a, b)
        if _is_real(a):
            return float(a) / float(b)
        if _is_complex(a):
            return complex(a) / complex(b)
        return NotImplemented

    def __floordiv__(a, b):
        if isinstance(b, (int, Fraction)):
            return a._floordiv(b)
        if isinstance(b, float):
            return float(a) // b
        if isinstance(b, complex):
            return complex(a) // b
        return NotImplemented

    def __rfloordiv__(b, a):
        if _is_rational(a):
            return Fraction._floordiv(a, b)
        if _is_real(a):
            return float(a) // float(b)
        if _is_complex(a):
            return complex(a) // complex(b)
        return NotImplemented

    def __divmod__(a, b):
        if isinstance(b, (int, Fraction)):
            return a._divmod(b)
        if isinstance(b, float):
            return divmod(float(a), b)
        if isinstance(b, complex):
            return divmod(complex(a), b)
        return NotImplemented

    def __rdivmod__(b, a):
        if _is_rational(a):
            return Fraction._divmod(a, b)
        if _is_real(a):
            return divmod(float(a), float(b))
        if _is_complex(a):
            return divmod(complex(a), complex(b))
        return NotImplemented

    def __mod__(a, b):
        if isinstance(b, (int, Fraction)):
            return a._mod(b)
        if isinstance(b, float):
            return float(a) % b
        if isinstance(b, complex):
            return complex(a) % b
        return NotImplemented

    def __rmod__(b, a):
        if _is_rational(a):
            return Fraction._mod(a, b)
        if _is_real(a):
            return float(a) % float(b)
        if _is_complex(a):
            return complex(a) % complex(b)
        return NotImplemented

    def __pow__(a, b):
        """a ** b"""
        if _is_rational(b):
            if b.denominator == 1:
                power = b.numerator
                if power >= 0:
                    return Fraction(a._numerator ** power, a._denominator ** power, _normalize=False)
                elif a._numerator >= 0:
                    return Fraction(a._denominator ** -power, a._numerator ** -power, _normalize=False)
                else:
                    return Fraction((-a._denominator) ** -power, (-a._numerator) ** -power,
                                    _normalize=False)
            return float(a) ** float(b)
        return float(a) ** b

    def __rpow__(b, a):
        """a ** b"""
        if b._denominator == 1 and b._numerator >= 0:
            return a ** b._numerator
        if _is_rational(a):
            return Fraction(a.numerator, a.denominator) ** b
        if b._denominator == 1:
            return a ** b._numerator
        return a ** float(b)

    def __pos__(a):
        """+a: Coerces a subclass instance to Fraction"""
        return Fraction(a._numerator, a._denominator, _normalize=False)

    def __neg__(a):
        """-a"""
        return Fraction(-a._numerator, a._denominator, _normalize=False)

    def __abs__(a):
        """abs(a)"""
        return Fraction(abs(a._numerator), a._denominator, _normalize=False)

    def __int__(a):
        """int(a)"""
        if a._numerator < 0:
            return -(-a._numerator // a._denominator)
        return a._numerator // a._denominator

    def __trunc__(a):
        """math.trunc(a)"""
        if a._numerator < 0:
            return -(-a._numerator // a._denominator)
        return a._numerator // a._denominator

    def __floor__(a):
        """math.floor(a)"""
        return a._numerator // a._denominator

    def __ceil__(a):
        """math.ceil(a)"""
        return -(-a._numerator // a._denominator)

    def __round__(self, ndigits=None):
        """round(self, ndigits)"""
        if ndigits is None:
            floor, remainder = divmod(self._numerator, self._denominator)
            if remainder * 2 < self._denominator:
                return floor
            elif remainder * 2 > self._denominator:
                return floor + 1
            elif floor % 2 == 0:
                return floor
            else:
                return floor + 1
        shift = 10 ** abs(ndigits)
        if ndigits > 0:
            return Fraction(round(self * shift), shift)
        return Fraction(round(self / shift) * shift)

    def __float__(a):
        return a._numerator / a._denominator

    def __complex__(a):
        return complex(a._numerator / a._denominator)

    @property
    def real(a):
        """Real numbers are their real component."""
        return +a

    @property
    def imag(a):
        """Real numbers have no imaginary component."""
        return 0

    def conjugate(a):
        """Conjugate is a no-op for Reals."""
        return +a

    def __hash__(self):
        """hash(self)"""
        try:
            dinv = pow(self._denominator, -1, _PyHASH_MODULUS)
        except ValueError:
            hash_ = _PyHASH_INF
        else:
            hash_ = hash(hash(abs(self._numerator)) * dinv)
        result = hash_ if self._numerator >= 0 else -hash_
        return -2 if result == -1 else result

    def __eq__(a, b):
        """a == b"""
        if type(b) is int:
            return a._numerator == b and a._denominator == 1
        if _is_rational(b):
            return a._numerator == b.numerator and a._denominator == b.denominator
        if isinstance(b, complex) and b.imag == 0:
            b = b.real
        elif _ComplexABC is not None and isinstance(b, _ComplexABC) and not isinstance(b, complex) \
                and b.imag == 0:
            b = b.real
        if isinstance(b, float):
            if b != b or b in (float('inf'), float('-inf')):
                return 0.0 == b
            return a == a.from_float(b)
        return NotImplemented

    def _richcmp(self, other, op):
        if _is_rational(other):
            return op(self._numerator * other.denominator, self._denominator * other.numerator)
        if isinstance(other, float):
            if other != other or other in (float('inf'), float('-inf')):
                return op(0.0, other)
            return op(self, self.from_float(other))
        return NotImplemented

    def __lt__(a, b):
        """a < b"""
        return a._richcmp(b, _lt)

    def __gt__(a, b):
        """a > b"""
        return a._richcmp(b, _gt)

    def __le__(a, b):
        """a <= b"""
        return a._richcmp(b, _le)

    def __ge__(a, b):
        """a >= b"""
        return a._richcmp(b, _ge)

    def __bool__(a):
        """a != 0"""
        return bool(a._numerator)

    def __reduce__(self):
        return (self.__class__, (self._numerator, self._denominator))

    def __copy__(self):
        if type(self) == Fraction:
            return self
        return self.__class__(self._numerator, self._denominator)

    def __deepcopy__(self, memo):
        if type(self) == Fraction:
            return self
        return self.__class__(self._numerator, self._denominator)


def _lt(a, b):
    return a < b

def _gt(a, b):
    return a > b

def _le(a, b):
    return a <= b

def _ge(a, b):
    return a >= b

if _RationalABC is not None:
    try:
        _RationalABC.register(Fraction)
    except Exception:
        pass
