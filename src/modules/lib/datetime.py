"""Concrete date/time and related types (capy's implementation).

Local time is UTC in capy (no time zone database); see docs/modules/datetime.md.
"""

import time as _time

__all__ = ("date", "datetime", "time", "timedelta", "timezone", "tzinfo",
           "MINYEAR", "MAXYEAR", "UTC")

MINYEAR = 1
MAXYEAR = 9999
_MAXORDINAL = 3652059
_DAYS_IN_MONTH = (-1, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_DAYS_BEFORE_MONTH = (-1, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334)
_MONTHNAMES = (None, "Jan", "Feb", "Mar", "Apr", "May", "Jun",
               "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_DAYNAMES = (None, "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_INT_MAX = 2147483647
_INT_MIN = -2147483648
_US_PER_DAY = 86400000000
_OFFSET_ERROR = ("offset must be a timedelta strictly between "
                 "-timedelta(hours=24) and timedelta(hours=24)")


def _is_leap(year):
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)

def _days_in_month(year, month):
    if month == 2 and _is_leap(year):
        return 29
    return _DAYS_IN_MONTH[month]

def _ymd2ord(y, m, d):
    y1 = y - 1
    return (y1 * 365 + y1 // 4 - y1 // 100 + y1 // 400 + _DAYS_BEFORE_MONTH[m]
            + (m > 2 and _is_leap(y)) + d)

def _ord2ymd(n):
    n -= 1
    n400, n = divmod(n, 146097)
    year = n400 * 400 + 1
    n100, n = divmod(n, 36524)
    n4, n = divmod(n, 1461)
    n1, n = divmod(n, 365)
    year += n100 * 100 + n4 * 4 + n1
    if n1 == 4 or n100 == 4:
        return year - 1, 12, 31
    leap = n1 == 3 and (n4 != 24 or n100 == 3)
    month = (n + 50) >> 5
    preceding = _DAYS_BEFORE_MONTH[month] + (month > 2 and leap)
    if preceding > n:
        month -= 1
        preceding = _DAYS_BEFORE_MONTH[month] + (month > 2 and leap)
    return year, month, n - preceding + 1

def _iso_week1_monday(year):
    first = _ymd2ord(year, 1, 1)
    wd = (first + 6) % 7
    monday = first - wd
    if wd > 3:
        monday += 7
    return monday


# --- type names and errors as the C implementation reports them ---------------

_CNAMES = {}

def _tpname(obj):
    t = type(obj)
    return _CNAMES.get(t) or t.__name__

def _is_foreign_builtin(x):
    return type(x).__module__ == 'builtins'

def _binop_error(sym, a, b):
    return TypeError("unsupported operand type(s) for %s: '%s' and '%s'" % (sym, _tpname(a), _tpname(b)))

def _cmp_error(sym, a, b):
    return TypeError("'%s' not supported between instances of '%s' and '%s'" % (sym, _tpname(a), _tpname(b)))

def _cint(v):
    # PyArg "i": an int (or __index__) that fits a C int
    if type(v) is not int:
        if isinstance(v, float):
            raise TypeError("'float' object cannot be interpreted as an integer")
        if isinstance(v, int):
            v = int(v)
        else:
            idx = getattr(type(v), '__index__', None)
            if idx is None:
                raise TypeError("'%s' object cannot be interpreted as an integer" % _tpname(v))
            v = idx(v)
    if v > _INT_MAX:
        raise OverflowError('signed integer is greater than maximum')
    if v < _INT_MIN:
        raise OverflowError('signed integer is less than minimum')
    return v

def _check_date_fields(year, month, day):
    year = _cint(year)
    month = _cint(month)
    day = _cint(day)
    if not MINYEAR <= year <= MAXYEAR:
        raise ValueError('year %d is out of range' % year)
    if not 1 <= month <= 12:
        raise ValueError('month must be in 1..12')
    if day < 1 or day > _days_in_month(year, month):
        raise ValueError('day is out of range for month')
    return year, month, day

def _check_time_fields(hour, minute, second, microsecond, fold):
    hour = _cint(hour)
    minute = _cint(minute)
    second = _cint(second)
    microsecond = _cint(microsecond)
    fold = _cint(fold)
    if not 0 <= hour <= 23:
        raise ValueError('hour must be in 0..23')
    if not 0 <= minute <= 59:
        raise ValueError('minute must be in 0..59')
    if not 0 <= second <= 59:
        raise ValueError('second must be in 0..59')
    if not 0 <= microsecond <= 999999:
        raise ValueError('microsecond must be in 0..999999')
    if fold not in (0, 1):
        raise ValueError('fold must be either 0 or 1')
    return hour, minute, second, microsecond, fold

def _check_tzinfo_arg(tz):
    if tz is not None and not isinstance(tz, tzinfo):
        raise TypeError("tzinfo argument must be None or of a tzinfo subclass, not type '%s'" % _tpname(tz))

def _check_offset(name, offset):
    if offset is None:
        return None
    if not isinstance(offset, timedelta):
        raise TypeError("tzinfo.%s() must return None or timedelta, not '%s'" % (name, _tpname(offset)))
    d = offset._days
    if (d == -1 and offset._seconds == 0 and offset._microseconds < 1) or d < -1 or d >= 1:
        raise ValueError(_OFFSET_ERROR + '.')
    return offset

def _call_tzname(tz, dt):
    if tz is None:
        return None
    name = tz.tzname(dt)
    if name is not None and not isinstance(name, str):
        raise TypeError("tzinfo.tzname() must return None or a string, not '%s'" % _tpname(name))
    return name

def _divide_and_round(a, b):
    # a / b rounded half to even (integers)
    q, r = divmod(a, b)
    r2 = r * 2
    if (r2 > b) if b > 0 else (r2 < b):
        q += 1
    elif r2 == b and q % 2 == 1:
        q += 1
    return q

def _c_round(x):
    # C round(): halves away from zero
    i = float(int(x))
    diff = x - i
    if diff >= 0.5:
        i += 1.0
    elif diff <= -0.5:
        i -= 1.0
    return i

def _format_offset(off, sep=':'):
    s = ''
    if off is not None:
        if off._days < 0:
            sign = '-'
            off = -off
        else:
            sign = '+'
        hh, mm = divmod(off._seconds, 3600)
        mm, ss = divmod(mm, 60)
        s = '%s%02d%s%02d' % (sign, hh, sep, mm)
        if ss or off._microseconds:
            s += '%s%02d' % (sep, ss)
            if off._microseconds:
                s += '.%06d' % off._microseconds
    return s

def _format_time(hh, mm, ss, us, timespec='auto'):
    if timespec == 'auto':
        if us:
            return '%02d:%02d:%02d.%06d' % (hh, mm, ss, us)
        return '%02d:%02d:%02d' % (hh, mm, ss)
    if timespec == 'hours':
        return '%02d' % hh
    if timespec == 'minutes':
        return '%02d:%02d' % (hh, mm)
    if timespec == 'seconds':
        return '%02d:%02d:%02d' % (hh, mm, ss)
    if timespec == 'milliseconds':
        return '%02d:%02d:%02d.%03d' % (hh, mm, ss, us // 1000)
    if timespec == 'microseconds':
        return '%02d:%02d:%02d.%06d' % (hh, mm, ss, us)
    raise ValueError('Unknown timespec value')

def _wrap_strftime(obj, fmt, timetuple):
    # %z, %Z and %f are handled here; the rest by time.strftime.
    if not isinstance(fmt, str):
        raise TypeError("strftime() argument 1 must be str, not %s" % _tpname(fmt))
    if '%' not in fmt:
        return _time.strftime(fmt, timetuple)
    zrepl = Zrepl = frepl = None
    parts = []
    i = 0
    n = len(fmt)
    while i < n:
        ch = fmt[i]
        i += 1
        if ch == '%':
            if i < n:
                ch = fmt[i]
                i += 1
                if ch == 'f':
                    if frepl is None:
                        frepl = '%06d' % getattr(obj, 'microsecond', 0)
                    parts.append(frepl)
                elif ch == 'z':
                    if zrepl is None:
                        zrepl = ''
                        if hasattr(obj, 'utcoffset'):
                            off = obj.utcoffset()
                            if off is not None:
                                zrepl = _format_offset(off, '')
                    parts.append(zrepl)
                elif ch == 'Z':
                    if Zrepl is None:
                        Zrepl = ''
                        if hasattr(obj, 'tzname'):
                            s = obj.tzname()
                            if s is not None:
                                Zrepl = s.replace('%', '%%')
                    parts.append(Zrepl)
                else:
                    parts.append('%')
                    parts.append(ch)
            else:
                parts.append('%')
        else:
            parts.append(ch)
    return _time.strftime(''.join(parts), timetuple)

def _parse_digits(s, pos, n):
    # n ASCII digits at pos -> (value, newpos) or None
    end = pos + n
    if end > len(s):
        return None
    v = 0
    while pos < end:
        c = s[pos]
        if not '0' <= c <= '9':
            return None
        v = v * 10 + ord(c) - 48
        pos += 1
    return v, end

def _char(s, i):
    return s[i] if 0 <= i < len(s) else '\0'

def _parse_isoformat_date(s, length):
    # -> (year, month, day) or None; s is the whole string, the date takes `length` chars
    r = _parse_digits(s, 0, 4)
    if r is None:
        return None
    year, p = r
    sep = _char(s, p) == '-'
    if sep:
        p += 1
    if _char(s, p) == 'W':
        p += 1
        r = _parse_digits(s, p, 2)
        if r is None:
            return None
        week, p = r
        if p < length:
            if sep:
                if _char(s, p) != '-':
                    return None
                p += 1
            r = _parse_digits(s, p, 1)
            if r is None:
                return None
            day = r[0]
        else:
            day = 1
        if week <= 0 or week >= 53:
            ok = False
            if week == 53:
                first = (_ymd2ord(year, 1, 1) + 6) % 7 if year >= 1 else None
                if first == 3 or (first == 2 and _is_leap(year)):
                    ok = True
            if not ok:
                return None
        if day <= 0 or day >= 8:
            return None
        if not MINYEAR <= year <= MAXYEAR:
            return None
        return _ord2ymd(_iso_week1_monday(year) + (week - 1) * 7 + day - 1)
    r = _parse_digits(s, p, 2)
    if r is None:
        return None
    month, p = r
    if sep:
        if _char(s, p) != '-':
            return None
        p += 1
    r = _parse_digits(s, p, 2)
    if r is None:
        return None
    return year, month, r[0]

def _parse_hh_mm_ss_ff(s, start, end):
    # -> (rv, hour, minute, second, microsecond); rv < 0 on error, 1 if not at the end
    vals = [0, 0, 0]
    p = start
    has_sep = True
    for i in range(3):
        r = _parse_digits(s, p, 2)
        if r is None:
            return -3, 0, 0, 0, 0
        vals[i], p = r
        c = _char(s, p)
        p += 1
        if i == 0:
            has_sep = c == ':'
        if p >= end:
            return (1 if c != '\0' else 0), vals[0], vals[1], vals[2], 0
        if has_sep and c == ':':
            continue
        if c == '.' or c == ',':
            break
        if not has_sep:
            p -= 1
        else:
            return -4, 0, 0, 0, 0
    remain = end - p
    to_parse = 6 if remain >= 6 else remain
    r = _parse_digits(s, p, to_parse)
    if r is None:
        return -3, 0, 0, 0, 0
    us, p = r
    if to_parse < 6:
        us *= (100000, 10000, 1000, 100, 10)[to_parse - 1]
    while '0' <= _char(s, p) <= '9':
        p += 1
    return (1 if _char(s, p) != '\0' else 0), vals[0], vals[1], vals[2], us

def _parse_isoformat_time(s, start):
    # -> (rv, h, m, s, us, tzoffset_seconds, tz_us); rv 0: naive, 1: aware, < 0 error
    end = len(s)
    tzpos = start
    while True:
        if _char(s, tzpos) in 'Z+-' and tzpos < end:
            break
        tzpos += 1
        if tzpos >= end:
            break
    if start >= end:
        tzpos = start + 1
    rv, hh, mm, ss, us = _parse_hh_mm_ss_ff(s, start, tzpos)
    if rv < 0:
        return rv, 0, 0, 0, 0, 0, 0
    if tzpos == end:
        if rv == 1:
            return -5, 0, 0, 0, 0, 0, 0
        return 0, hh, mm, ss, us, 0, 0
    if s[tzpos] == 'Z':
        if tzpos + 1 != end:
            return -5, 0, 0, 0, 0, 0, 0
        return 1, hh, mm, ss, us, 0, 0
    sign = -1 if s[tzpos] == '-' else 1
    rv2, th, tm, ts, tus = _parse_hh_mm_ss_ff(s, tzpos + 1, end)
    if rv2:
        return -5, 0, 0, 0, 0, 0, 0
    return 1, hh, mm, ss, us, sign * (th * 3600 + tm * 60 + ts), sign * tus

def _tz_from_iso(rv, off, off_us):
    if rv != 1:
        return None
    if off == 0:
        return timezone.utc
    return timezone(timedelta(0, off, off_us))

def _find_iso_separator(s):
    n = len(s)
    if n == 7:
        return 7
    if _char(s, 4) == '-':
        if _char(s, 5) == 'W':
            if n < 8:
                return -1
            if n > 8 and s[8] == '-':
                if n == 9:
                    return -1
                if n > 10 and '0' <= s[10] <= '9':
                    return 8
                return 10
            return 8
        return 10
    if _char(s, 4) == 'W':
        idx = 7
        while idx < n and '0' <= s[idx] <= '9':
            idx += 1
        if idx < 9:
            return idx
        return 7 if idx % 2 == 0 else 8
    return 8


# --- timedelta -------------------------------------------------------------------

def _accum(name, sofar, num, factor, leftover):
    if isinstance(num, int):
        return sofar + int(num) * factor, leftover
    if isinstance(num, float):
        num = float(num)
        if num != num:
            raise ValueError('cannot convert float NaN to integer')
        if num in (float('inf'), float('-inf')):
            raise OverflowError('cannot convert float infinity to integer')
        ip = int(num)
        frac = num - ip
        sofar += ip * factor
        if frac == 0.0:
            return sofar, leftover
        dnum = float(factor) * frac
        ip2 = int(dnum)
        return sofar + ip2, leftover + (dnum - ip2)
    raise TypeError('unsupported type for timedelta %s component: %s' % (name, _tpname(num)))

def _delta_from_us(us, cls=None):
    s, us = divmod(us, 1000000)
    d, s = divmod(s, 86400)
    if not -999999999 <= d <= 999999999:
        if d > _INT_MAX or d < _INT_MIN:
            raise OverflowError('Python int too large to convert to C int')
        raise OverflowError('days=%d; must have magnitude <= 999999999' % d)
    self = object.__new__(cls or timedelta)
    self._days = d
    self._seconds = s
    self._microseconds = us
    self._hashcode = -1
    return self

def _new_delta(d, s, us):
    if 0 <= us < 1000000 and 0 <= s < 86400 and -999999999 <= d <= 999999999:
        self = object.__new__(timedelta)
        self._days = d
        self._seconds = s
        self._microseconds = us
        self._hashcode = -1
        return self
    return _delta_from_us((d * 86400 + s) * 1000000 + us)


class timedelta:
    """Difference between two datetime values."""

    __slots__ = ('_days', '_seconds', '_microseconds', '_hashcode')

    def __new__(cls, days=None, seconds=None, microseconds=None, milliseconds=None,
                minutes=None, hours=None, weeks=None):
        x = 0
        left = 0.0
        if microseconds is not None:
            x, left = _accum('microseconds', x, microseconds, 1, left)
        if milliseconds is not None:
            x, left = _accum('milliseconds', x, milliseconds, 1000, left)
        if seconds is not None:
            x, left = _accum('seconds', x, seconds, 1000000, left)
        if minutes is not None:
            x, left = _accum('minutes', x, minutes, 60000000, left)
        if hours is not None:
            x, left = _accum('hours', x, hours, 3600000000, left)
        if days is not None:
            x, left = _accum('days', x, days, _US_PER_DAY, left)
        if weeks is not None:
            x, left = _accum('weeks', x, weeks, 7 * _US_PER_DAY, left)
        if left:
            whole = _c_round(left)
            if abs(whole - left) == 0.5:
                odd = x & 1
                whole = 2.0 * _c_round((left + odd) * 0.5) - odd
            x += int(whole)
        return _delta_from_us(x, cls)

    days = property(lambda self: self._days, doc="Number of days.")
    seconds = property(lambda self: self._seconds, doc="Number of seconds (>= 0 and less than 1 day).")
    microseconds = property(lambda self: self._microseconds,
                            doc="Number of microseconds (>= 0 and less than 1 second).")

    def _to_us(self):
        return (self._days * 86400 + self._seconds) * 1000000 + self._microseconds

    def total_seconds(self):
        """Total seconds in the duration."""
        return self._to_us() / 10 ** 6

    def __repr__(self):
        args = []
        if self._days:
            args.append('days=%d' % self._days)
        if self._seconds:
            args.append('seconds=%d' % self._seconds)
        if self._microseconds:
            args.append('microseconds=%d' % self._microseconds)
        if not args:
            args.append('0')
        return '%s(%s)' % (_tpname(self), ', '.join(args))

    def __str__(self):
        mm, ss = divmod(self._seconds, 60)
        hh, mm = divmod(mm, 60)
        s = '%d:%02d:%02d' % (hh, mm, ss)
        if self._days:
            s = '%d day%s, ' % (self._days, '' if abs(self._days) == 1 else 's') + s
        if self._microseconds:
            s += '.%06d' % self._microseconds
        return s

    def __add__(self, other):
        if isinstance(other, timedelta):
            return _new_delta(self._days + other._days, self._seconds + other._seconds,
                              self._microseconds + other._microseconds)
        if _is_foreign_builtin(other):
            raise _binop_error('+', self, other)
        return NotImplemented

    def __radd__(self, other):
        if isinstance(other, timedelta):
            return _new_delta(self._days + other._days, self._seconds + other._seconds,
                              self._microseconds + other._microseconds)
        if _is_foreign_builtin(other):
            raise _binop_error('+', other, self)
        return NotImplemented

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return _new_delta(self._days - other._days, self._seconds - other._seconds,
                              self._microseconds - other._microseconds)
        if _is_foreign_builtin(other):
            raise _binop_error('-', self, other)
        return NotImplemented

    def __rsub__(self, other):
        if isinstance(other, timedelta):
            return -self + other
        if _is_foreign_builtin(other):
            raise _binop_error('-', other, self)
        return NotImplemented

    def __neg__(self):
        return _new_delta(-self._days, -self._seconds, -self._microseconds)

    def __pos__(self):
        return _new_delta(self._days, self._seconds, self._microseconds)

    def __abs__(self):
        if self._days < 0:
            return -self
        return _new_delta(self._days, self._seconds, self._microseconds)

    def __mul__(self, other):
        if isinstance(other, int):
            return _delta_from_us(self._to_us() * other)
        if isinstance(other, float):
            a, b = other.as_integer_ratio()
            return _delta_from_us(_divide_and_round(self._to_us() * a, b))
        if isinstance(other, (str, bytes, bytearray, list, tuple)):
            raise TypeError("can't multiply sequence by non-int of type '%s'" % _tpname(self))
        if _is_foreign_builtin(other):
            raise _binop_error('*', self, other)
        return NotImplemented

    def __rmul__(self, other):
        if isinstance(other, int):
            return _delta_from_us(self._to_us() * other)
        if isinstance(other, float):
            a, b = other.as_integer_ratio()
            return _delta_from_us(_divide_and_round(self._to_us() * a, b))
        if isinstance(other, (str, bytes, bytearray, list, tuple)):
            raise TypeError("can't multiply sequence by non-int of type '%s'" % _tpname(self))
        if _is_foreign_builtin(other):
            raise _binop_error('*', other, self)
        return NotImplemented

    def __floordiv__(self, other):
        if isinstance(other, timedelta):
            d = other._to_us()
            if d == 0:
                raise ZeroDivisionError('integer division or modulo by zero')
            return self._to_us() // d
        if isinstance(other, int):
            if other == 0:
                raise ZeroDivisionError('integer division or modulo by zero')
            return _delta_from_us(self._to_us() // other)
        if _is_foreign_builtin(other):
            raise _binop_error('//', self, other)
        return NotImplemented

    def __truediv__(self, other):
        if isinstance(other, timedelta):
            d = other._to_us()
            if d == 0:
                raise ZeroDivisionError('division by zero')
            return self._to_us() / d
        if isinstance(other, int):
            if other == 0:
                raise ZeroDivisionError('integer division or modulo by zero')
            return _delta_from_us(_divide_and_round(self._to_us(), other))
        if isinstance(other, float):
            a, b = other.as_integer_ratio()
            if a == 0:
                raise ZeroDivisionError('integer division or modulo by zero')
            return _delta_from_us(_divide_and_round(b * self._to_us(), a))
        if _is_foreign_builtin(other):
            raise _binop_error('/', self, other)
        return NotImplemented

    def __mod__(self, other):
        if isinstance(other, timedelta):
            d = other._to_us()
            if d == 0:
                raise ZeroDivisionError('integer modulo by zero')
            return _delta_from_us(self._to_us() % d)
        if _is_foreign_builtin(other):
            raise _binop_error('%', self, other)
        return NotImplemented

    def __divmod__(self, other):
        if isinstance(other, timedelta):
            d = other._to_us()
            if d == 0:
                raise ZeroDivisionError('integer division or modulo by zero')
            q, r = divmod(self._to_us(), d)
            return q, _delta_from_us(r)
        if _is_foreign_builtin(other):
            raise TypeError("unsupported operand type(s) for divmod(): '%s' and '%s'" % (_tpname(self), _tpname(other)))
        return NotImplemented

    def _key(self):
        return (self._days, self._seconds, self._microseconds)

    def __eq__(self, other):
        if isinstance(other, timedelta):
            return self._days == other._days and self._seconds == other._seconds and \
                self._microseconds == other._microseconds
        return NotImplemented

    def __ne__(self, other):
        if isinstance(other, timedelta):
            return not (self._days == other._days and self._seconds == other._seconds and
                        self._microseconds == other._microseconds)
        return NotImplemented

    def __lt__(self, other):
        if isinstance(other, timedelta):
            return self._key() < other._key()
        if _is_foreign_builtin(other):
            raise _cmp_error('<', self, other)
        return NotImplemented

    def __le__(self, other):
        if isinstance(other, timedelta):
            return self._key() <= other._key()
        if _is_foreign_builtin(other):
            raise _cmp_error('<=', self, other)
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, timedelta):
            return self._key() > other._key()
        if _is_foreign_builtin(other):
            raise _cmp_error('>', self, other)
        return NotImplemented

    def __ge__(self, other):
        if isinstance(other, timedelta):
            return self._key() >= other._key()
        if _is_foreign_builtin(other):
            raise _cmp_error('>=', self, other)
        return NotImplemented

    def __hash__(self):
        if self._hashcode == -1:
            self._hashcode = hash((self._days, self._seconds, self._microseconds))
        return self._hashcode

    def __bool__(self):
        return self._days != 0 or self._seconds != 0 or self._microseconds != 0

    def __reduce__(self):
        return (type(self), (self._days, self._seconds, self._microseconds))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


timedelta.min = _new_delta(-999999999, 0, 0)
timedelta.max = _new_delta(999999999, 86399, 999999)
timedelta.resolution = _new_delta(0, 0, 1)
_ZERO = _new_delta(0, 0, 0)


# --- date -----------------------------------------------------------------------

def _new_date(cls, y, m, d):
    self = object.__new__(cls)
    self._year = y
    self._month = m
    self._day = d
    self._hashcode = -1
    return self


class date:
    """date(year, month, day) --> date object"""

    __slots__ = ('_year', '_month', '_day', '_hashcode')

    def __new__(cls, year, month=None, day=None):
        if month is None or day is None:
            missing = 'month' if month is None else 'day'
            pos = 2 if month is None else 3
            raise TypeError("function missing required argument '%s' (pos %d)" % (missing, pos))
        year, month, day = _check_date_fields(year, month, day)
        return _new_date(cls, year, month, day)

    @classmethod
    def fromtimestamp(cls, t):
        """Construct a date from a POSIX timestamp (like time.time())."""
        y, m, d = _time.localtime(_floor_timestamp(t))[:3]
        return cls(y, m, d)

    @classmethod
    def today(cls):
        """Current date or datetime:  same as self.__class__.fromtimestamp(time.time())."""
        return cls.fromtimestamp(_time.time())

    @classmethod
    def fromordinal(cls, n):
        """int -> date corresponding to a proleptic Gregorian ordinal."""
        n = _cint(n)
        if n < 1:
            raise ValueError('ordinal must be >= 1')
        y, m, d = _ord2ymd(n)
        if y > MAXYEAR:
            raise ValueError('year %d is out of range' % y)
        return cls(y, m, d)

    @classmethod
    def fromisoformat(cls, date_string):
        """str -> Construct a date from a string in ISO 8601 format."""
        if not isinstance(date_string, str):
            raise TypeError('fromisoformat: argument must be str')
        n = len(date_string)
        r = _parse_isoformat_date(date_string, n) if n in (7, 8, 10) else None
        if r is None:
            raise ValueError('Invalid isoformat string: %r' % (date_string,))
        return cls(*r)

    @classmethod
    def fromisocalendar(cls, year, week, day):
        """int, int, int -> Construct a date from the ISO year, week number and weekday."""
        year = _cint(year)
        week = _cint(week)
        day = _cint(day)
        if not MINYEAR <= year <= MAXYEAR:
            raise ValueError('Year is out of range: %d' % year)
        if not 0 < week < 53:
            ok = False
            if week == 53:
                first = (_ymd2ord(year, 1, 1) + 6) % 7
                if first == 3 or (first == 2 and _is_leap(year)):
                    ok = True
            if not ok:
                raise ValueError('Invalid week: %d' % week)
        if not 0 < day < 8:
            raise ValueError('Invalid day: %d (range is [1, 7])' % day)
        y, m, d = _ord2ymd(_iso_week1_monday(year) + (week - 1) * 7 + day - 1)
        return cls(y, m, d)

    def __repr__(self):
        return '%s(%d, %d, %d)' % (_tpname(self), self._year, self._month, self._day)

    def ctime(self):
        """Return ctime() style string."""
        wd = _ymd2ord(self._year, self._month, self._day) % 7 or 7
        return '%s %s %2d 00:00:00 %04d' % (_DAYNAMES[wd], _MONTHNAMES[self._month], self._day, self._year)

    def strftime(self, format):
        """format -> strftime() style string."""
        return _wrap_strftime(self, format, self.timetuple())

    def __format__(self, fmt):
        if not isinstance(fmt, str):
            raise TypeError('__format__() argument 1 must be str, not %s' % _tpname(fmt))
        if len(fmt) != 0:
            return self.strftime(fmt)
        return str(self)

    def isoformat(self):
        """Return string in ISO 8601 format, YYYY-MM-DD."""
        return '%04d-%02d-%02d' % (self._year, self._month, self._day)

    def __str__(self):
        return '%04d-%02d-%02d' % (self._year, self._month, self._day)

    year = property(lambda self: self._year)
    month = property(lambda self: self._month)
    day = property(lambda self: self._day)

    def timetuple(self):
        """Return time tuple, compatible with time.localtime()."""
        y, m, d = self._year, self._month, self._day
        yday = _DAYS_BEFORE_MONTH[m] + (m > 2 and _is_leap(y)) + d
        return _time.struct_time((y, m, d, 0, 0, 0, (_ymd2ord(y, m, d) + 6) % 7, yday, -1))

    def toordinal(self):
        """Return proleptic Gregorian ordinal.  January 1 of year 1 is day 1."""
        return _ymd2ord(self._year, self._month, self._day)

    def replace(self, year=None, month=None, day=None):
        """Return date with new specified fields."""
        if year is None:
            year = self._year
        if month is None:
            month = self._month
        if day is None:
            day = self._day
        return type(self)(year, month, day)

    def _cmp_key(self):
        return (self._year, self._month, self._day)

    def __eq__(self, other):
        if isinstance(other, date):
            if isinstance(other, datetime):
                return False
            return self._year == other._year and self._month == other._month and self._day == other._day
        return NotImplemented

    def __ne__(self, other):
        r = self.__eq__(other)
        if r is NotImplemented:
            return r
        return not r

    def _order(self, other, sym):
        if isinstance(other, date):
            if isinstance(other, datetime):
                raise TypeError("can't compare %s to %s" % (_tpname(other), _tpname(self)))
            a = (self._year, self._month, self._day)
            b = (other._year, other._month, other._day)
            return (a > b) - (a < b)
        if _is_foreign_builtin(other):
            raise _cmp_error(sym, self, other)
        return None

    def __lt__(self, other):
        c = self._order(other, '<')
        return NotImplemented if c is None else c < 0

    def __le__(self, other):
        c = self._order(other, '<=')
        return NotImplemented if c is None else c <= 0

    def __gt__(self, other):
        c = self._order(other, '>')
        return NotImplemented if c is None else c > 0

    def __ge__(self, other):
        c = self._order(other, '>=')
        return NotImplemented if c is None else c >= 0

    def __hash__(self):
        if self._hashcode == -1:
            self._hashcode = hash(('date', self._year, self._month, self._day))
        return self._hashcode

    def __add__(self, other):
        if isinstance(other, timedelta):
            o = _ymd2ord(self._year, self._month, self._day) + other._days
            if 0 < o <= _MAXORDINAL:
                y, m, d = _ord2ymd(o)
                return _new_date(type(self), y, m, d)
            raise OverflowError('date value out of range')
        if _is_foreign_builtin(other):
            raise _binop_error('+', self, other)
        return NotImplemented

    def __radd__(self, other):
        if isinstance(other, timedelta):
            return self.__add__(other)
        if _is_foreign_builtin(other):
            raise _binop_error('+', other, self)
        return NotImplemented

    def __sub__(self, other):
        if isinstance(other, timedelta):
            o = _ymd2ord(self._year, self._month, self._day) - other._days
            if 0 < o <= _MAXORDINAL:
                y, m, d = _ord2ymd(o)
                return _new_date(type(self), y, m, d)
            raise OverflowError('date value out of range')
        if isinstance(other, date) and not isinstance(other, datetime):
            return _new_delta(_ymd2ord(self._year, self._month, self._day) -
                              _ymd2ord(other._year, other._month, other._day), 0, 0)
        if _is_foreign_builtin(other) or isinstance(other, date):
            raise _binop_error('-', self, other)
        return NotImplemented

    def __rsub__(self, other):
        if _is_foreign_builtin(other) or isinstance(other, timedelta):
            raise _binop_error('-', other, self)
        return NotImplemented

    def weekday(self):
        """Return day of the week, where Monday == 0 ... Sunday == 6."""
        return (_ymd2ord(self._year, self._month, self._day) + 6) % 7

    def isoweekday(self):
        """Return day of the week, where Monday == 1 ... Sunday == 7."""
        return _ymd2ord(self._year, self._month, self._day) % 7 or 7

    def isocalendar(self):
        """Return a named tuple containing ISO year, week number, and weekday."""
        year = self._year
        week1monday = _iso_week1_monday(year)
        today = _ymd2ord(self._year, self._month, self._day)
        week, day = divmod(today - week1monday, 7)
        if week < 0:
            year -= 1
            week1monday = _iso_week1_monday(year)
            week, day = divmod(today - week1monday, 7)
        elif week >= 52:
            if today >= _iso_week1_monday(year + 1):
                year += 1
                week = 0
        return _IsoCalendarDate(year, week + 1, day + 1)

    def __reduce__(self):
        return (type(self), (self._year, self._month, self._day))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


class _IsoCalendarDate(tuple):
    __slots__ = ()

    def __new__(cls, year, week, weekday):
        return tuple.__new__(cls, (year, week, weekday))

    year = property(lambda self: self[0])
    week = property(lambda self: self[1])
    weekday = property(lambda self: self[2])

    def __reduce__(self):
        return (tuple, (tuple(self),))

    def __repr__(self):
        return 'datetime.IsoCalendarDate(year=%d, week=%d, weekday=%d)' % tuple(self)

_IsoCalendarDate.__name__ = 'IsoCalendarDate'
_IsoCalendarDate.__qualname__ = 'IsoCalendarDate'


def _floor_timestamp(t):
    if isinstance(t, float):
        if t != t:
            raise ValueError('Invalid value NaN (not a number)')
        if not -9.223372036854776e18 <= t < 9.223372036854776e18:
            raise OverflowError('timestamp out of range for platform time_t')
        i = int(t)
        if i > t:
            i -= 1
        return i
    if isinstance(t, int):
        return int(t)
    idx = getattr(type(t), '__index__', None)
    if idx is None:
        raise TypeError("'%s' object cannot be interpreted as an integer" % _tpname(t))
    return idx(t)


# --- tzinfo ------------------------------------------------------------------------

class tzinfo:
    """Abstract base class for time zone info objects."""

    __slots__ = ()

    def tzname(self, dt):
        """datetime -> string name of time zone."""
        raise NotImplementedError('a tzinfo subclass must implement tzname()')

    def utcoffset(self, dt):
        """datetime -> timedelta showing offset from UTC, negative values indicating West of UTC"""
        raise NotImplementedError('a tzinfo subclass must implement utcoffset()')

    def dst(self, dt):
        """datetime -> DST offset as timedelta positive east of UTC."""
        raise NotImplementedError('a tzinfo subclass must implement dst()')

    def fromutc(self, dt):
        """datetime in UTC -> datetime in local time."""
        if not isinstance(dt, datetime):
            raise TypeError('fromutc: argument must be a datetime')
        if dt._tzinfo is not self:
            raise ValueError('fromutc: dt.tzinfo is not self')
        off = _check_offset('utcoffset', self.utcoffset(dt))
        if off is None:
            raise ValueError('fromutc: non-None utcoffset() result required')
        dst = _check_offset('dst', self.dst(dt))
        if dst is None:
            raise ValueError('fromutc: non-None dst() result required')
        delta = off - dst
        result = dt + delta
        dst = _check_offset('dst', result.tzinfo.dst(result) if result.tzinfo is not None else None)
        if dst is None:
            raise ValueError('fromutc: tz.dst() gave inconsistent results; cannot convert')
        if dst:
            result = result + dst
        return result

    def __reduce__(self):
        getinitargs = getattr(self, '__getinitargs__', None)
        args = getinitargs() if getinitargs else ()
        d = getattr(self, '__dict__', None)
        return (type(self), args, d or None)


# --- time ------------------------------------------------------------------------

def _new_time(cls, h, m, s, us, tz, fold):
    self = object.__new__(cls)
    self._hour = h
    self._minute = m
    self._second = s
    self._microsecond = us
    self._tzinfo = tz
    self._fold = fold
    self._hashcode = -1
    return self


class time:
    """time([hour[, minute[, second[, microsecond[, tzinfo]]]]]) --> a time object"""

    __slots__ = ('_hour', '_minute', '_second', '_microsecond', '_tzinfo', '_fold', '_hashcode')

    def __new__(cls, hour=0, minute=0, second=0, microsecond=0, tzinfo=None, *, fold=0):
        hour, minute, second, microsecond, fold = _check_time_fields(hour, minute, second, microsecond, fold)
        _check_tzinfo_arg(tzinfo)
        return _new_time(cls, hour, minute, second, microsecond, tzinfo, fold)

    hour = property(lambda self: self._hour)
    minute = property(lambda self: self._minute)
    second = property(lambda self: self._second)
    microsecond = property(lambda self: self._microsecond)
    tzinfo = property(lambda self: self._tzinfo)
    fold = property(lambda self: self._fold)

    @classmethod
    def fromisoformat(cls, time_string):
        """string -> time from a string in ISO 8601 format"""
        if not isinstance(time_string, str):
            raise TypeError('fromisoformat: argument must be str')
        start = 1 if time_string[:1] == 'T' else 0
        rv, hh, mm, ss, us, off, off_us = _parse_isoformat_time(time_string, start)
        if rv < 0:
            raise ValueError('Invalid isoformat string: %r' % (time_string,))
        return cls(hh, mm, ss, us, _tz_from_iso(rv, off, off_us))

    def utcoffset(self):
        """Return self.tzinfo.utcoffset(self)."""
        if self._tzinfo is None:
            return None
        return _check_offset('utcoffset', self._tzinfo.utcoffset(None))

    def dst(self):
        """Return self.tzinfo.dst(self)."""
        if self._tzinfo is None:
            return None
        return _check_offset('dst', self._tzinfo.dst(None))

    def tzname(self):
        """Return self.tzinfo.tzname(self)."""
        return _call_tzname(self._tzinfo, None)

    def __repr__(self):
        if self._microsecond:
            s = '%d, %d, %d, %d' % (self._hour, self._minute, self._second, self._microsecond)
        elif self._second:
            s = '%d, %d, %d' % (self._hour, self._minute, self._second)
        else:
            s = '%d, %d' % (self._hour, self._minute)
        s = '%s(%s)' % (_tpname(self), s)
        if self._tzinfo is not None:
            s = s[:-1] + ', tzinfo=%r)' % (self._tzinfo,)
        if self._fold:
            s = s[:-1] + ', fold=1)'
        return s

    def isoformat(self, timespec='auto'):
        """Return string in ISO 8601 format, [HH[:MM[:SS[.mmm[uuu]]]]][+HH:MM]."""
        if not isinstance(timespec, str):
            raise TypeError("isoformat() argument 1 must be str, not %s" % _tpname(timespec))
        s = _format_time(self._hour, self._minute, self._second, self._microsecond, timespec)
        off = self.utcoffset()
        if off is not None:
            s += _format_offset(off)
        return s

    __str__ = isoformat

    def strftime(self, format):
        """format -> strftime() style string."""
        return _wrap_strftime(self, format, (1900, 1, 1, self._hour, self._minute, self._second, 0, 1, -1))

    def __format__(self, fmt):
        if not isinstance(fmt, str):
            raise TypeError('__format__() argument 1 must be str, not %s' % _tpname(fmt))
        if len(fmt) != 0:
            return self.strftime(fmt)
        return str(self)

    def replace(self, hour=None, minute=None, second=None, microsecond=None, tzinfo=True, *, fold=None):
        """Return time with new specified fields."""
        if hour is None:
            hour = self._hour
        if minute is None:
            minute = self._minute
        if second is None:
            second = self._second
        if microsecond is None:
            microsecond = self._microsecond
        if tzinfo is True:
            tzinfo = self._tzinfo
        if fold is None:
            fold = self._fold
        return type(self)(hour, minute, second, microsecond, tzinfo, fold=fold)

    def _cmp(self, other, sym):
        if not isinstance(other, time):
            return None
        mytz = self._tzinfo
        ottz = other._tzinfo
        a = (self._hour, self._minute, self._second, self._microsecond)
        b = (other._hour, other._minute, other._second, other._microsecond)
        if mytz is ottz:
            return (a > b) - (a < b)
        myoff = self.utcoffset()
        otoff = other.utcoffset()
        if myoff == otoff:
            return (a > b) - (a < b)
        if myoff is None or otoff is None:
            if sym == '==':
                return 2
            raise TypeError("can't compare offset-naive and offset-aware times")
        s1 = self._hour * 3600 + self._minute * 60 + self._second - myoff._days * 86400 - myoff._seconds
        s2 = other._hour * 3600 + other._minute * 60 + other._second - otoff._days * 86400 - otoff._seconds
        diff = s1 - s2
        if diff == 0:
            diff = self._microsecond - other._microsecond - myoff._microseconds + otoff._microseconds
        return (diff > 0) - (diff < 0)

    def __eq__(self, other):
        c = self._cmp(other, '==')
        if c is None:
            return NotImplemented
        return c == 0

    def __ne__(self, other):
        c = self._cmp(other, '==')
        if c is None:
            return NotImplemented
        return c != 0

    def __lt__(self, other):
        c = self._cmp(other, '<')
        if c is None:
            if _is_foreign_builtin(other):
                raise _cmp_error('<', self, other)
            return NotImplemented
        return c < 0

    def __le__(self, other):
        c = self._cmp(other, '<=')
        if c is None:
            if _is_foreign_builtin(other):
                raise _cmp_error('<=', self, other)
            return NotImplemented
        return c <= 0

    def __gt__(self, other):
        c = self._cmp(other, '>')
        if c is None:
            if _is_foreign_builtin(other):
                raise _cmp_error('>', self, other)
            return NotImplemented
        return c > 0

    def __ge__(self, other):
        c = self._cmp(other, '>=')
        if c is None:
            if _is_foreign_builtin(other):
                raise _cmp_error('>=', self, other)
            return NotImplemented
        return c >= 0

    def __hash__(self):
        if self._hashcode == -1:
            t = self.replace(fold=0) if self._fold else self
            off = t.utcoffset()
            if off is None:
                self._hashcode = hash(('time', self._hour, self._minute, self._second, self._microsecond))
            else:
                d = _new_delta(0, self._hour * 3600 + self._minute * 60 + self._second,
                               self._microsecond) - off
                self._hashcode = hash(d)
        return self._hashcode

    def __bool__(self):
        return True

    def __reduce__(self):
        return (type(self), (self._hour, self._minute, self._second, self._microsecond, self._tzinfo))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


time.min = time(0, 0, 0)
time.max = time(23, 59, 59, 999999)
time.resolution = timedelta(microseconds=1)


# --- datetime ------------------------------------------------------------------------

def _new_datetime(cls, y, mo, d, h, mi, s, us, tz, fold):
    self = object.__new__(cls)
    self._year = y
    self._month = mo
    self._day = d
    self._hour = h
    self._minute = mi
    self._second = s
    self._microsecond = us
    self._tzinfo = tz
    self._fold = fold
    self._hashcode = -1
    return self

def _local_timezone():
    t = _time.localtime()
    return timezone(_new_delta(0, t.tm_gmtoff or 0, 0) if t.tm_gmtoff else _ZERO, t.tm_zone)


class datetime(date):
    """datetime(year, month, day[, hour[, minute[, second[, microsecond[,tzinfo]]]]])"""

    __slots__ = ('_hour', '_minute', '_second', '_microsecond', '_tzinfo', '_fold')

    def __new__(cls, year, month=None, day=None, hour=0, minute=0, second=0,
                microsecond=0, tzinfo=None, *, fold=0):
        if month is None or day is None:
            missing = 'month' if month is None else 'day'
            raise TypeError("function missing required argument '%s' (pos %d)"
                            % (missing, 2 if month is None else 3))
        year, month, day = _check_date_fields(year, month, day)
        hour, minute, second, microsecond, fold = _check_time_fields(hour, minute, second, microsecond, fold)
        _check_tzinfo_arg(tzinfo)
        return _new_datetime(cls, year, month, day, hour, minute, second, microsecond, tzinfo, fold)

    hour = property(lambda self: self._hour)
    minute = property(lambda self: self._minute)
    second = property(lambda self: self._second)
    microsecond = property(lambda self: self._microsecond)
    tzinfo = property(lambda self: self._tzinfo)
    fold = property(lambda self: self._fold)

    @classmethod
    def _from_timestamp(cls, t, utc, tz):
        if not isinstance(t, (int, float)):
            idx = getattr(type(t), '__index__', None)
            if idx is None:
                raise TypeError("'%s' object cannot be interpreted as an integer" % _tpname(t))
            t = idx(t)
        if isinstance(t, float):
            t = float(t)
            if t != t:
                raise ValueError('Invalid value NaN (not a number)')
            ip = float(int(t)) if t not in (float('inf'), float('-inf')) else t
            frac = (t - ip) * 1e6
            us = round(frac)
            secs = ip
            if us >= 1000000:
                us -= 1000000
                secs += 1.0
            elif us < 0:
                us += 1000000
                secs -= 1.0
            if not -9.223372036854776e18 <= secs < 9.223372036854776e18:
                raise OverflowError('timestamp out of range for platform time_t')
            secs = int(secs)
        else:
            secs = int(t)
            us = 0
            if not -9223372036854775808 <= secs <= 9223372036854775807:
                raise OverflowError('timestamp out of range for platform time_t')
        days, rem = divmod(secs, 86400)
        hh, rem = divmod(rem, 3600)
        mm, ss = divmod(rem, 60)
        o = days + 719163
        if o < 1 or o > _MAXORDINAL:
            y = _ord2ymd(o)[0]
            if y - 1900 > _INT_MAX or y - 1900 < _INT_MIN:
                raise OSError(75, 'Value too large for defined data type')
            raise ValueError('year %d is out of range' % y)
        y, m, d = _ord2ymd(o)
        result = cls(y, m, d, hh, mm, ss, us, tz)
        if tz is not None:
            result = tz.fromutc(result)
        return result

    @classmethod
    def fromtimestamp(cls, t, tz=None):
        """timestamp[, tz] -> tz's local time from POSIX timestamp."""
        _check_tzinfo_arg(tz)
        return cls._from_timestamp(t, tz is not None, tz)

    @classmethod
    def utcfromtimestamp(cls, t):
        """Construct a naive UTC datetime from a POSIX timestamp."""
        return cls._from_timestamp(t, True, None)

    @classmethod
    def now(cls, tz=None):
        """Returns new datetime object representing current time local to tz."""
        return cls.fromtimestamp(_time.time(), tz)

    @classmethod
    def utcnow(cls):
        """Return a new datetime representing UTC day and time."""
        return cls.utcfromtimestamp(_time.time())

    @classmethod
    def combine(cls, date, time, tzinfo=True):
        """date, time -> datetime with same date and time fields"""
        if not isinstance(date, _date_class):
            raise TypeError("combine() argument 1 must be datetime.date, not %s" % _tpname(date))
        if not isinstance(time, _time_class):
            raise TypeError("combine() argument 2 must be datetime.time, not %s" % _tpname(time))
        if tzinfo is True:
            tzinfo = time._tzinfo
        return cls(date._year, date._month, date._day, time._hour, time._minute, time._second,
                   time._microsecond, tzinfo, fold=time._fold)

    @classmethod
    def fromisoformat(cls, date_string):
        """string -> datetime from a string in most ISO 8601 formats"""
        if not isinstance(date_string, str):
            raise TypeError('fromisoformat: argument must be str')
        s = date_string
        sep = _find_iso_separator(s)
        r = _parse_isoformat_date(s, sep) if sep >= 0 else None
        if r is None:
            raise ValueError('Invalid isoformat string: %r' % (date_string,))
        hh = mm = ss = us = 0
        tz = None
        if sep < len(s):
            rv, hh, mm, ss, us, off, off_us = _parse_isoformat_time(s, sep + 1)
            if rv < 0:
                raise ValueError('Invalid isoformat string: %r' % (date_string,))
            tz = _tz_from_iso(rv, off, off_us)
        return cls(r[0], r[1], r[2], hh, mm, ss, us, tz)

    @classmethod
    def strptime(cls, date_string, format):
        """string, format -> new datetime parsed from a string (like time.strptime())."""
        tt, fraction, gmtoff_fraction = _time._strptime(date_string, format)
        tzname, gmtoff = tt[-2:]
        args = tt[:6] + (fraction,)
        if gmtoff is not None:
            tzdelta = timedelta(seconds=gmtoff, microseconds=gmtoff_fraction)
            if tzname:
                tz = timezone(tzdelta, tzname)
            else:
                tz = timezone(tzdelta)
            args += (tz,)
        return cls(*args)

    def timetuple(self):
        """Return time tuple compatible with time.localtime()."""
        dst = self.dst()
        if dst is None:
            flag = -1
        elif dst:
            flag = 1
        else:
            flag = 0
        y, m, d = self._year, self._month, self._day
        yday = _DAYS_BEFORE_MONTH[m] + (m > 2 and _is_leap(y)) + d
        return _time.struct_time((y, m, d, self._hour, self._minute, self._second,
                                  (_ymd2ord(y, m, d) + 6) % 7, yday, flag))

    def _local_seconds(self):
        return ((_ymd2ord(self._year, self._month, self._day) - 719163) * 86400 +
                self._hour * 3600 + self._minute * 60 + self._second)

    def timestamp(self):
        """Return POSIX timestamp as float."""
        off = self.utcoffset()
        if off is None:
            # local time is UTC in capy
            return self._local_seconds() + self._microsecond / 1e6
        return (self - _EPOCH).total_seconds()

    def utctimetuple(self):
        """Return UTC time tuple compatible with time.gmtime()."""
        off = self.utcoffset()
        if off:
            self = self - off
        y, m, d = self._year, self._month, self._day
        yday = _DAYS_BEFORE_MONTH[m] + (m > 2 and _is_leap(y)) + d
        return _time.struct_time((y, m, d, self._hour, self._minute, self._second,
                                  (_ymd2ord(y, m, d) + 6) % 7, yday, 0))

    def date(self):
        """Return date object with same year, month and day."""
        return _new_date(date, self._year, self._month, self._day)

    def time(self):
        """Return time object with same time but with tzinfo=None."""
        return _new_time(time, self._hour, self._minute, self._second, self._microsecond, None, self._fold)

    def timetz(self):
        """Return time object with same time and tzinfo."""
        return _new_time(time, self._hour, self._minute, self._second, self._microsecond,
                         self._tzinfo, self._fold)

    def replace(self, year=None, month=None, day=None, hour=None, minute=None, second=None,
                microsecond=None, tzinfo=True, *, fold=None):
        """Return datetime with new specified fields."""
        if year is None:
            year = self._year
        if month is None:
            month = self._month
        if day is None:
            day = self._day
        if hour is None:
            hour = self._hour
        if minute is None:
            minute = self._minute
        if second is None:
            second = self._second
        if microsecond is None:
            microsecond = self._microsecond
        if tzinfo is True:
            tzinfo = self._tzinfo
        if fold is None:
            fold = self._fold
        return type(self)(year, month, day, hour, minute, second, microsecond, tzinfo, fold=fold)

    def astimezone(self, tz=None):
        """tz -> convert to local time in new timezone tz"""
        _check_tzinfo_arg(tz)
        mytz = self._tzinfo
        if mytz is None:
            mytz = _local_timezone()
            offset = mytz.utcoffset(self)
        else:
            if tz is mytz:
                return self
            offset = _check_offset('utcoffset', mytz.utcoffset(self))
            if offset is None:
                mytz = _local_timezone()
                offset = mytz.utcoffset(self)
        if tz is mytz:
            return self
        utc = self._add_delta(-offset._days, -offset._seconds, -offset._microseconds)
        if tz is None:
            tz = _local_timezone()
        utc = _new_datetime(type(utc), utc._year, utc._month, utc._day, utc._hour, utc._minute,
                            utc._second, utc._microsecond, tz, utc._fold)
        return tz.fromutc(utc)

    def ctime(self):
        """Return ctime() style string."""
        wd = _ymd2ord(self._year, self._month, self._day) % 7 or 7
        return '%s %s %2d %02d:%02d:%02d %04d' % (_DAYNAMES[wd], _MONTHNAMES[self._month], self._day,
                                                 self._hour, self._minute, self._second, self._year)

    def isoformat(self, sep='T', timespec='auto'):
        """[sep] -> string in ISO 8601 format, YYYY-MM-DDT[HH[:MM[:SS[.mmm[uuu]]]]][+HH:MM]."""
        if not isinstance(sep, str) or len(sep) != 1:
            if not isinstance(sep, str):
                raise TypeError("isoformat() argument 1 must be a unicode character, not %s" % _tpname(sep))
            raise TypeError("isoformat() argument 1 must be a unicode character, not str")
        if not isinstance(timespec, str):
            raise TypeError("isoformat() argument 2 must be str, not %s" % _tpname(timespec))
        s = '%04d-%02d-%02d%s' % (self._year, self._month, self._day, sep) + \
            _format_time(self._hour, self._minute, self._second, self._microsecond, timespec)
        off = self.utcoffset()
        if off is not None:
            s += _format_offset(off)
        return s

    def __repr__(self):
        L = [self._year, self._month, self._day, self._hour, self._minute, self._second, self._microsecond]
        if L[-1] == 0:
            del L[-1]
        if L[-1] == 0:
            del L[-1]
        s = '%s(%s)' % (_tpname(self), ', '.join(map(str, L)))
        if self._fold:
            s = s[:-1] + ', fold=1)'
        if self._tzinfo is not None:
            s = s[:-1] + ', tzinfo=%r)' % (self._tzinfo,)
        return s

    def __str__(self):
        return self.isoformat(sep=' ')

    def strftime(self, format):
        """format -> strftime() style string."""
        return _wrap_strftime(self, format, self.timetuple())

    def utcoffset(self):
        """Return self.tzinfo.utcoffset(self)."""
        if self._tzinfo is None:
            return None
        return _check_offset('utcoffset', self._tzinfo.utcoffset(self))

    def tzname(self):
        """Return self.tzinfo.tzname(self)."""
        return _call_tzname(self._tzinfo, self)

    def dst(self):
        """Return self.tzinfo.dst(self)."""
        if self._tzinfo is None:
            return None
        return _check_offset('dst', self._tzinfo.dst(self))

    def _fields(self):
        return (self._year, self._month, self._day, self._hour, self._minute, self._second, self._microsecond)

    def _cmp(self, other, sym):
        if not isinstance(other, datetime):
            if isinstance(other, date):
                if sym == '==':
                    return 2
                raise TypeError("can't compare %s to %s" % (_tpname(self), _tpname(other)))
            return None
        a = self._fields()
        b = other._fields()
        if self._tzinfo is other._tzinfo:
            return (a > b) - (a < b)
        myoff = self.utcoffset()
        otoff = other.utcoffset()
        if myoff == otoff:
            c = (a > b) - (a < b)
            if c == 0 and sym == '==' and self._pep495_exception(other, myoff, otoff):
                return 2
            return c
        if myoff is None or otoff is None:
            if sym == '==':
                return 2
            raise TypeError("can't compare offset-naive and offset-aware datetimes")
        diff = self - other
        c = (diff._days > 0) - (diff._days < 0)
        if c == 0:
            c = 1 if (diff._seconds or diff._microseconds) else 0
        if c == 0 and sym == '==' and self._pep495_exception(other, myoff, otoff):
            return 2
        return c

    def _pep495_exception(self, other, myoff, otoff):
        for dt, off in ((self, myoff), (other, otoff)):
            tz = dt._tzinfo
            if tz is None or type(tz) is timezone:
                continue
            flip = dt.replace(fold=not dt._fold).utcoffset()
            if flip != off:
                return True
        return False

    def __eq__(self, other):
        c = self._cmp(other, '==')
        if c is None:
            return NotImplemented
        return c == 0

    def __ne__(self, other):
        c = self._cmp(other, '==')
        if c is None:
            return NotImplemented
        return c != 0

    def __lt__(self, other):
        c = self._cmp(other, '<')
        if c is None:
            if _is_foreign_builtin(other):
                raise _cmp_error('<', self, other)
            return NotImplemented
        return c < 0

    def __le__(self, other):
        c = self._cmp(other, '<=')
        if c is None:
            if _is_foreign_builtin(other):
                raise _cmp_error('<=', self, other)
            return NotImplemented
        return c <= 0

    def __gt__(self, other):
        c = self._cmp(other, '>')
        if c is None:
            if _is_foreign_builtin(other):
                raise _cmp_error('>', self, other)
            return NotImplemented
        return c > 0

    def __ge__(self, other):
        c = self._cmp(other, '>=')
        if c is None:
            if _is_foreign_builtin(other):
                raise _cmp_error('>=', self, other)
            return NotImplemented
        return c >= 0

    def _add_delta(self, dd, ds, dus):
        us = self._microsecond + dus
        s = self._hour * 3600 + self._minute * 60 + self._second + ds
        if dd == 0 and 0 <= us < 1000000 and 0 <= s < 86400:
            hh, s = divmod(s, 3600)
            mm, ss = divmod(s, 60)
            return _new_datetime(type(self), self._year, self._month, self._day, hh, mm, ss, us,
                                 self._tzinfo, 0)
        if not (0 <= us < 1000000 and 0 <= s < 86400):
            q, us = divmod(us, 1000000)
            s += q
            q, s = divmod(s, 86400)
            dd += q
        o = _ymd2ord(self._year, self._month, self._day) + dd
        if not 0 < o <= _MAXORDINAL:
            raise OverflowError('date value out of range')
        y, m, d = _ord2ymd(o)
        hh, s = divmod(s, 3600)
        mm, ss = divmod(s, 60)
        return _new_datetime(type(self), y, m, d, hh, mm, ss, us, self._tzinfo, 0)

    def __add__(self, other):
        if isinstance(other, timedelta):
            return self._add_delta(other._days, other._seconds, other._microseconds)
        if _is_foreign_builtin(other):
            raise _binop_error('+', self, other)
        return NotImplemented

    def __radd__(self, other):
        if isinstance(other, timedelta):
            return self._add_delta(other._days, other._seconds, other._microseconds)
        if _is_foreign_builtin(other):
            raise _binop_error('+', other, self)
        return NotImplemented

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return self._add_delta(-other._days, -other._seconds, -other._microseconds)
        if isinstance(other, datetime):
            d1 = _ymd2ord(self._year, self._month, self._day)
            d2 = _ymd2ord(other._year, other._month, other._day)
            s1 = self._hour * 3600 + self._minute * 60 + self._second
            s2 = other._hour * 3600 + other._minute * 60 + other._second
            days = d1 - d2
            secs = s1 - s2
            us = self._microsecond - other._microsecond
            if self._tzinfo is not other._tzinfo:
                myoff = self.utcoffset()
                otoff = other.utcoffset()
                if (myoff is None) != (otoff is None):
                    raise TypeError("can't subtract offset-naive and offset-aware datetimes")
                if myoff is not None and myoff != otoff:
                    dd = otoff - myoff
                    days += dd._days
                    secs += dd._seconds
                    us += dd._microseconds
            return _new_delta(days, secs, us)
        if _is_foreign_builtin(other) or isinstance(other, date):
            raise _binop_error('-', self, other)
        return NotImplemented

    def __hash__(self):
        if self._hashcode == -1:
            t = self.replace(fold=0) if self._fold else self
            off = t.utcoffset()
            if off is None:
                self._hashcode = hash(('datetime',) + self._fields())
            else:
                d = _new_delta(_ymd2ord(self._year, self._month, self._day),
                               self._hour * 3600 + self._minute * 60 + self._second,
                               self._microsecond) - off
                self._hashcode = hash(d)
        return self._hashcode

    def __reduce__(self):
        return (type(self), self._fields() + (self._tzinfo,))


datetime.min = datetime(1, 1, 1)
datetime.max = datetime(9999, 12, 31, 23, 59, 59, 999999)
datetime.resolution = timedelta(microseconds=1)
date.min = date(1, 1, 1)
date.max = date(9999, 12, 31)
date.resolution = timedelta(days=1)
_date_class = date
_time_class = time


# --- timezone ------------------------------------------------------------------------

_Omitted = object()

class timezone(tzinfo):
    """Fixed offset from UTC implementation of tzinfo."""

    __slots__ = ('_offset', '_name')

    def __new__(cls, offset, name=_Omitted):
        if not isinstance(offset, timedelta):
            raise TypeError("timezone() argument 1 must be datetime.timedelta, not %s" % _tpname(offset))
        if name is _Omitted:
            if not offset and cls is timezone:
                return cls.utc
            name = None
        elif not isinstance(name, str):
            raise TypeError("timezone() argument 2 must be str, not %s" % _tpname(name))
        d = offset._days
        if (d == -1 and offset._seconds == 0 and offset._microseconds < 1) or d < -1 or d >= 1:
            raise ValueError(_OFFSET_ERROR + ', not %r.' % (offset,))
        return cls._create(offset, name)

    def __init_subclass__(cls, **kwargs):
        raise TypeError("type 'datetime.timezone' is not an acceptable base type")

    @classmethod
    def _create(cls, offset, name=None):
        self = tzinfo.__new__(cls)
        self._offset = offset
        self._name = name
        return self

    def __getinitargs__(self):
        if self._name is None:
            return (self._offset,)
        return (self._offset, self._name)

    def __reduce__(self):
        return (type(self), self.__getinitargs__())

    def __eq__(self, other):
        if isinstance(other, timezone):
            return self._offset == other._offset
        return NotImplemented

    def __hash__(self):
        return hash(self._offset)

    def __repr__(self):
        if self is self.utc:
            return 'datetime.timezone.utc'
        if self._name is None:
            return '%s(%r)' % (_tpname(self), self._offset)
        return '%s(%r, %r)' % (_tpname(self), self._offset, self._name)

    def __str__(self):
        return self.tzname(None)

    def utcoffset(self, dt):
        if isinstance(dt, datetime) or dt is None:
            return self._offset
        raise TypeError("utcoffset(dt) argument must be a datetime instance or None, not %s" % _tpname(dt))

    def tzname(self, dt):
        if isinstance(dt, datetime) or dt is None:
            if self._name is None:
                return self._name_from_offset(self._offset)
            return self._name
        raise TypeError("tzname(dt) argument must be a datetime instance or None, not %s" % _tpname(dt))

    def dst(self, dt):
        if isinstance(dt, datetime) or dt is None:
            return None
        raise TypeError("dst(dt) argument must be a datetime instance or None, not %s" % _tpname(dt))

    def fromutc(self, dt):
        if isinstance(dt, datetime):
            if dt._tzinfo is not self:
                raise ValueError('fromutc: dt.tzinfo is not self')
            return dt._add_delta(self._offset._days, self._offset._seconds, self._offset._microseconds)
        raise TypeError('fromutc: argument must be a datetime')

    @staticmethod
    def _name_from_offset(delta):
        if not delta:
            return 'UTC'
        return 'UTC' + _format_offset(delta)


timezone.utc = timezone._create(_ZERO)
timezone.min = timezone._create(-timedelta(hours=23, minutes=59))
timezone.max = timezone._create(timedelta(hours=23, minutes=59))
UTC = timezone.utc
_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)

for _cls in (date, datetime, time, timedelta, timezone, tzinfo, _IsoCalendarDate):
    _CNAMES[_cls] = 'datetime.' + _cls.__name__
del _cls

