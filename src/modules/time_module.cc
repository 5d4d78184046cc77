// time: clocks through the isolate's Host (wall clock and monotonic clock;
// OSError "clock not available" when the host denies them), and the calendar
// side of the module (struct_time, gmtime/localtime — UTC in capy —, mktime,
// asctime/ctime, strftime, strptime) written in Python below. The strptime
// engine is also used by datetime (time._strptime).
#include <cmath>
#include <cstdint>

#include "modules/registry.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/native.h"
#include "objects/ops.h"
#include "vm/eval.h"
#include "vm/isolate.h"

namespace capy {

namespace {

bool read_clock(Isolate& I, bool wall, double* out) {
  double t = -1.0;
  if (I.host) t = wall ? I.host->time_now() : I.host->monotonic();
  if (!(t >= 0.0) || !std::isfinite(t)) {
    raise(I, I.rt.exc_OSError, "clock not available");
    return false;
  }
  *out = t;
  return true;
}

Value clock_seconds(Isolate& I, bool wall, const char* name, size_t nargs, Tuple* kw) {
  if (check_no_kwargs(I, name, kw) < 0 || check_nargs(I, name, nargs, 0, 0) < 0) return Value::error();
  double t;
  if (!read_clock(I, wall, &t)) return Value::error();
  return Value::from_double(t);
}

Value clock_ns(Isolate& I, bool wall, const char* name, size_t nargs, Tuple* kw) {
  if (check_no_kwargs(I, name, kw) < 0 || check_nargs(I, name, nargs, 0, 0) < 0) return Value::error();
  double t;
  if (!read_clock(I, wall, &t)) return Value::error();
  double ns = std::floor(t * 1e9);
  if (ns >= 9.2e18) return raise(I, I.rt.exc_OverflowError, "timestamp too large");
  return int_from_i64(I, static_cast<int64_t>(ns));
}

Value t_time(Isolate& I, const Value*, size_t n, Tuple* kw) { return clock_seconds(I, true, "time", n, kw); }
Value t_time_ns(Isolate& I, const Value*, size_t n, Tuple* kw) { return clock_ns(I, true, "time_ns", n, kw); }
Value t_monotonic(Isolate& I, const Value*, size_t n, Tuple* kw) { return clock_seconds(I, false, "monotonic", n, kw); }
Value t_monotonic_ns(Isolate& I, const Value*, size_t n, Tuple* kw) { return clock_ns(I, false, "monotonic_ns", n, kw); }
Value t_perf_counter(Isolate& I, const Value*, size_t n, Tuple* kw) {
  return clock_seconds(I, false, "perf_counter", n, kw);
}
Value t_perf_counter_ns(Isolate& I, const Value*, size_t n, Tuple* kw) {
  return clock_ns(I, false, "perf_counter_ns", n, kw);
}
Value t_process_time(Isolate& I, const Value*, size_t n, Tuple* kw) {
  return clock_seconds(I, false, "process_time", n, kw);
}
Value t_process_time_ns(Isolate& I, const Value*, size_t n, Tuple* kw) {
  return clock_ns(I, false, "process_time_ns", n, kw);
}
Value t_thread_time(Isolate& I, const Value*, size_t n, Tuple* kw) {
  return clock_seconds(I, false, "thread_time", n, kw);
}
Value t_thread_time_ns(Isolate& I, const Value*, size_t n, Tuple* kw) {
  return clock_ns(I, false, "thread_time_ns", n, kw);
}

/// sleep(secs): waits through the host (Host::sleep); a host that does not
/// provide sleeping makes it return at once (see docs/modules/time.md).
Value t_sleep(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (check_no_kwargs(I, "sleep", kw) < 0 || check_nargs(I, "sleep", nargs, 1, 1) < 0) return Value::error();
  Value v = args[0];
  double d;
  if (v.is_double() || is_float(I, v)) {
    d = float_value(v);
    if (std::isnan(d)) return raise(I, I.rt.exc_ValueError, "Invalid value NaN (not a number)");
  } else {
    Value ix = index(I, v);
    if (ix.is_error()) return ix;
    bool ovf = false;
    d = int_to_double(I, ix, &ovf);
    if (ovf) return raise(I, I.rt.exc_OverflowError, "timestamp too large to convert to C _PyTime_t");
  }
  if (d < 0) return raise(I, I.rt.exc_ValueError, "sleep length must be non-negative");
  if (d * 1e9 > 9.2e18) return raise(I, I.rt.exc_OverflowError, "timestamp too large to convert to C _PyTime_t");
  if (!I.host || !(d > 0)) return Value::none();
  // Sleep in slices of at most 50 ms, so that terminate() is noticed soon
  // and the time limit ends the run when it falls during the sleep.
  constexpr double kSlice = 0.05;
  double start = I.clock();
  double end = start + d;
  for (;;) {
    if (!I.poll()) return Value::error();
    double now = I.clock();
    if (now >= end) break;
    double left = I.time_left();
    if (left <= 0) return I.end_run(LimitKind::Time);
    double slice = end - now;
    if (slice > kSlice) slice = kSlice;
    if (slice > left) slice = left + 1e-4;
    I.host->sleep(I, slice);
    if (I.ended != LimitKind::None) return Value::error();
    // A host that does not wait (the default Host::sleep) or that cuts the
    // sleep short ends it.
    if (I.clock() - now < slice * 0.5) break;
  }
  return Value::none();
}

const char kTimeSource[] = R"PY(
_MONTHS = ('Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec')
_MONTHS_FULL = ('January', 'February', 'March', 'April', 'May', 'June', 'July',
                'August', 'September', 'October', 'November', 'December')
_DAYS = ('Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun')
_DAYS_FULL = ('Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday')
_CUM_DAYS = (0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334)

timezone = 0
altzone = 0
daylight = 0
tzname = ('UTC', 'UTC')
_INT_MAX = 2147483647
_INT_MIN = -2147483648


class struct_time(tuple):
    """The time value as returned by gmtime(), localtime(), and strptime()."""

    n_fields = 11
    n_sequence_fields = 9
    n_unnamed_fields = 0
    _fields = ('tm_year', 'tm_mon', 'tm_mday', 'tm_hour', 'tm_min', 'tm_sec',
               'tm_wday', 'tm_yday', 'tm_isdst')

    def __new__(cls, seq, dict=None):
        items = tuple(seq)
        n = len(items)
        if n < 9:
            raise TypeError('time.struct_time() takes an at least 9-sequence (%d-sequence given)' % n)
        if n > 11:
            raise TypeError('time.struct_time() takes an at most 11-sequence (%d-sequence given)' % n)
        self = tuple.__new__(cls, items[:9])
        extra = items[9:] + (None,) * (11 - n)
        object.__setattr__(self, '_extra', extra)
        return self

    def __setattr__(self, name, value):
        raise AttributeError('readonly attribute')

    def __delattr__(self, name):
        raise AttributeError('readonly attribute')

    def __repr__(self):
        return ('time.struct_time(tm_year=%r, tm_mon=%r, tm_mday=%r, tm_hour=%r, '
                'tm_min=%r, tm_sec=%r, tm_wday=%r, tm_yday=%r, tm_isdst=%r)' % tuple(self))

    def __reduce__(self):
        return (struct_time, (tuple(self) + self._extra,))

    tm_year = property(lambda self: self[0])
    tm_mon = property(lambda self: self[1])
    tm_mday = property(lambda self: self[2])
    tm_hour = property(lambda self: self[3])
    tm_min = property(lambda self: self[4])
    tm_sec = property(lambda self: self[5])
    tm_wday = property(lambda self: self[6])
    tm_yday = property(lambda self: self[7])
    tm_isdst = property(lambda self: self[8])
    tm_zone = property(lambda self: self._extra[0])
    tm_gmtoff = property(lambda self: self._extra[1])

struct_time.__module__ = 'time'


def _is_leap(y):
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)

def _days_before_year(y):
    y -= 1
    return y * 365 + y // 4 - y // 100 + y // 400

def _ordinal(y, m, d):
    # proleptic Gregorian ordinal, 0001-01-01 is day 1
    return _days_before_year(y) + _CUM_DAYS[m] + (m > 2 and _is_leap(y)) + d

_EPOCH_ORD = 719163   # _ordinal(1970, 1, 1)

def _from_ordinal(n):
    # -> (year, month, day) for ordinal n (any int)
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
    preceding = _CUM_DAYS[month] + (month > 2 and leap)
    if preceding > n:
        month -= 1
        preceding = _CUM_DAYS[month] + (month > 2 and leap)
    return year, month, n - preceding + 1

def _timestamp_arg(secs):
    if secs is None:
        return _floor_int(time())
    if isinstance(secs, float):
        if secs != secs:
            raise ValueError('Invalid value NaN (not a number)')
        if not -9.223372036854776e18 <= secs < 9.223372036854776e18:
            raise OverflowError('timestamp out of range for platform time_t')
        return _floor_int(secs)
    if not isinstance(secs, int):
        if not hasattr(type(secs), '__index__'):
            raise TypeError("'%s' object cannot be interpreted as an integer" % type(secs).__name__)
        secs = type(secs).__index__(secs)
    secs = int(secs)
    if not -9223372036854775808 <= secs <= 9223372036854775807:
        raise OverflowError('timestamp out of range for platform time_t')
    return secs

def _floor_int(x):
    i = int(x)
    if i > x:
        i -= 1
    return i

def _broken_down(t, zone):
    days, rem = divmod(t, 86400)
    hour, rem = divmod(rem, 3600)
    minute, sec = divmod(rem, 60)
    ordn = days + _EPOCH_ORD
    y, m, d = _from_ordinal(ordn)
    if y - 1900 > _INT_MAX or y - 1900 < _INT_MIN:
        raise OSError(75, 'Value too large for defined data type')
    wday = (ordn + 6) % 7
    yday = _CUM_DAYS[m] + (m > 2 and _is_leap(y)) + d
    return struct_time((y, m, d, hour, minute, sec, wday, yday, 0, zone, 0))

def gmtime(seconds=None, /):
    return _broken_down(_timestamp_arg(seconds), 'GMT')

def localtime(seconds=None, /):
    return _broken_down(_timestamp_arg(seconds), 'UTC')

def _cint(v):
    if isinstance(v, float):
        raise TypeError("'float' object cannot be interpreted as an integer")
    if not isinstance(v, int):
        if hasattr(type(v), '__index__'):
            v = type(v).__index__(v)
        else:
            raise TypeError("'%s' object cannot be interpreted as an integer" % type(v).__name__)
    if v > _INT_MAX:
        raise OverflowError('signed integer is greater than maximum')
    if v < _INT_MIN:
        raise OverflowError('signed integer is less than minimum')
    return int(v)

def _tm_arg(t, fname):
    # C struct tm fields (year, mon 0-11, mday, hour, min, sec, wday Sunday=0, yday 0-365, isdst, zone, gmtoff)
    if not isinstance(t, tuple):
        raise TypeError('Tuple or struct_time argument required')
    if len(t) != 9:
        raise TypeError('%s(): illegal time tuple argument' % fname)
    v = [_cint(x) for x in t]
    if v[0] < _INT_MIN + 1900:
        raise OverflowError('year out of range')
    wday = (v[6] + 1) % 7
    if v[6] + 1 < 0 and wday:
        wday -= 7   # C remainder keeps the sign
    zone = gmtoff = None
    if isinstance(t, struct_time):
        zone, gmtoff = t._extra
    return [v[0], v[1] - 1, v[2], v[3], v[4], v[5], wday, v[7] - 1, v[8], zone, gmtoff]

def _check_tm(tm):
    if tm[1] == -1:
        tm[1] = 0
    elif not 0 <= tm[1] <= 11:
        raise ValueError('month out of range')
    if tm[2] == 0:
        tm[2] = 1
    elif not 0 <= tm[2] <= 31:
        raise ValueError('day of month out of range')
    if not 0 <= tm[3] <= 23:
        raise ValueError('hour out of range')
    if not 0 <= tm[4] <= 59:
        raise ValueError('minute out of range')
    if not 0 <= tm[5] <= 61:
        raise ValueError('seconds out of range')
    if tm[6] < 0:
        raise ValueError('day of week out of range')
    if tm[7] == -1:
        tm[7] = 0
    elif not 0 <= tm[7] <= 365:
        raise ValueError('day of year out of range')

def _timegm(y, mon0, d, H, M, S):
    # normalises like C mktime (months first, then the linear fields)
    y += mon0 // 12
    mon0 %= 12
    days = _ordinal(y, mon0 + 1, 1) - _EPOCH_ORD + d - 1
    return ((days * 24 + H) * 60 + M) * 60 + S

def mktime(t, /):
    tm = _tm_arg(t, 'mktime')
    secs = _timegm(tm[0], tm[1], tm[2], tm[3], tm[4], tm[5])
    if tm[8] > 0:
        secs -= 3600
    if not -67768040609740800 <= secs <= 67767976233316800:
        raise OverflowError('mktime argument out of range')
    return float(secs)

def asctime(t=None, /):
    if t is None:
        t = localtime()
    tm = _tm_arg(t, 'asctime')
    _check_tm(tm)
    return '%s %s%3d %.2d:%.2d:%.2d %d' % (
        _DAYS[(tm[6] + 6) % 7], _MONTHS[tm[1]], tm[2], tm[3], tm[4], tm[5], tm[0])

def ctime(seconds=None, /):
    return asctime(localtime(seconds))

def _iso_week(year, yday, wday):
    # ISO 8601 (year, week) from C fields: yday 0-based, wday Sunday=0 (glibc's algorithm)
    def iso_week_days(yd, wd):
        big = 400 * 7 * 10000  # large multiple of 7 keeps the modulo positive
        return yd - (yd - wd + 4 + big) % 7 + 3
    days = iso_week_days(yday, wday)
    if days < 0:
        year -= 1
        days = iso_week_days(yday + (366 if _is_leap(year) else 365), wday)
    else:
        d = iso_week_days(yday - (366 if _is_leap(year) else 365), wday)
        if d >= 0:
            year += 1
            days = d
    return year, days // 7 + 1

def _strftime_tm(fmt, tm):
    # The C library's strftime in the C locale (flags _ - 0 ^ #, widths, E/O).
    year, mon, mday, hour, minute, sec, wday, yday, isdst, zone, gmtoff = tm
    out = []
    append = out.append
    i = 0
    n = len(fmt)
    while i < n:
        j = fmt.find('%', i)
        if j < 0:
            append(fmt[i:])
            break
        if j > i:
            append(fmt[i:j])
        start = j
        i = j + 1
        pad = ''
        upper = lower = change = False
        while i < n:
            c = fmt[i]
            if c in '_-0':
                pad = c
            elif c == '^':
                upper = True
            elif c == '#':
                change = True
            else:
                break
            i += 1
        width = -1
        if i < n and '0' <= fmt[i] <= '9':
            width = 0
            while i < n and '0' <= fmt[i] <= '9':
                width = width * 10 + ord(fmt[i]) - 48
                i += 1
        modifier = ''
        if i < n and fmt[i] in 'EO':
            modifier = fmt[i]
            i += 1
        d = fmt[i] if i < n else ''
        i += 1
        text = None       # text output, padded to width, case converted
        num = None        # numeric output with its natural digits
        sub = None        # sub-format
        bad = False
        if d == '':
            i -= 1
            bad = True
        elif d == '%':
            bad = modifier != ''
            text = '%'
        elif d in 'aA':
            if modifier:
                bad = True
            else:
                if change:
                    upper, lower = True, False
                text = (_DAYS if d == 'a' else _DAYS_FULL)[(wday + 6) % 7] if 0 <= wday <= 6 else '?'
        elif d in 'bhB':
            if modifier == 'E':
                bad = True
            else:
                if change:
                    upper, lower = True, False
                text = (_MONTHS_FULL if d == 'B' else _MONTHS)[mon] if 0 <= mon <= 11 else '?'
        elif d == 'c':
            bad = modifier == 'O'
            sub = '%a %b %e %H:%M:%S %Y'
        elif d == 'C':
            num, digits = year // 100, 1
        elif d in 'xD':
            bad = modifier == 'O' if d == 'x' else modifier != ''
            sub = '%m/%d/%y'
        elif d == 'd':
            bad = modifier == 'E'
            num, digits = mday, 2
        elif d == 'e':
            bad = modifier == 'E'
            num, digits = mday, 2
            if pad not in ('0', '-'):
                pad = '_'
        elif d == 'F':
            bad = modifier != ''
            sub = '%Y-%m-%d'
        elif d in 'HkIl':
            bad = modifier == 'E'
            if d in 'Il':
                h = hour
                if h > 12:
                    h -= 12
                elif h == 0:
                    h = 12
            else:
                h = hour
            num, digits = h, 2
            if d in 'kl' and pad not in ('0', '-'):
                pad = '_'
        elif d == 'j':
            bad = modifier == 'E'
            num, digits = yday + 1, 3
        elif d == 'M':
            bad = modifier == 'E'
            num, digits = minute, 2
        elif d == 'm':
            bad = modifier == 'E'
            num, digits = mon + 1, 2
        elif d == 'n':
            text = '\n'
        elif d == 't':
            text = '\t'
        elif d in 'pP':
            if d == 'P':
                lower = True
            if change:
                upper, lower = False, True
            text = 'PM' if hour > 11 else 'AM'
        elif d == 'R':
            sub = '%H:%M'
        elif d == 'r':
            sub = '%I:%M:%S %p'
        elif d == 'S':
            bad = modifier == 'E'
            num, digits = sec, 2
        elif d == 's':
            num, digits = _timegm(year, mon, mday, hour, minute, sec) - (3600 if isdst > 0 else 0), 1
        elif d in 'XT':
            bad = d == 'X' and modifier == 'O'
            sub = '%H:%M:%S'
        elif d == 'u':
            num, digits = (wday - 1 + 7) % 7 + 1, 1
        elif d == 'U':
            bad = modifier == 'E'
            num, digits = (yday - wday + 7) // 7, 2
        elif d in 'VgG':
            bad = modifier == 'E'
            iy, iw = _iso_week(year, yday, wday)
            if d == 'g':
                num, digits = iy % 100, 2
            elif d == 'G':
                num, digits = iy, 1
            else:
                num, digits = iw, 2
        elif d == 'W':
            bad = modifier == 'E'
            num, digits = (yday - (wday - 1 + 7) % 7 + 7) // 7, 2
        elif d == 'w':
            bad = modifier == 'E'
            num, digits = wday, 1
        elif d == 'Y':
            bad = modifier == 'O'
            num, digits = year, 1
        elif d == 'y':
            num, digits = year % 100, 2
        elif d == 'Z':
            if change:
                upper, lower = False, True
            z = zone
            if not z and isdst >= 0:
                z = tzname[isdst] if isdst <= 1 else '?'
            text = z or ''
        elif d == 'z':
            if isdst < 0:
                continue
            diff = gmtoff or 0
            sign = '-' if diff < 0 else '+'
            diff = abs(diff) // 60
            if width > 1:
                append(('0' if pad == '0' else ' ') * (width - 1))
            append(sign)
            num, digits = (diff // 60) * 100 + diff % 60, 4
        else:
            bad = True
        if bad:
            text = fmt[start:i]
            num = sub = None
        if sub is not None:
            text = _strftime_tm(sub, tm)
            if upper:
                text = text.upper()
            if len(text) < width:
                text = ('0' if pad == '0' else ' ') * (width - len(text)) + text
            append(text)
            continue
        if num is not None:
            if width > digits:
                digits = width
            s = str(num)
            if pad != '-':
                padding = digits - len(s)
                if padding > 0:
                    if pad == '_':
                        append(' ' * padding)
                        width = width - padding if width > padding else 0
                    else:
                        if num < 0:
                            append('-')
                            s = s[1:]
                        append('0' * padding)
                        width = 0
            text = s
        elif lower:
            text = text.lower()
        elif upper:
            text = text.upper()
        if len(text) < width:
            append(('0' if pad == '0' else ' ') * (width - len(text)))
        append(text)
    return ''.join(out)

def strftime(format, t=None, /):
    if not isinstance(format, str):
        raise TypeError('strftime() argument 1 must be str, not %s' % type(format).__name__)
    if t is None:
        t = localtime()
    tm = _tm_arg(t, 'strftime')
    _check_tm(tm)
    if tm[8] < -1:
        tm[8] = -1
    elif tm[8] > 1:
        tm[8] = 1
    if '\0' in format:
        raise ValueError('embedded null character')
    return _strftime_tm(format, tm)


# --- strptime -------------------------------------------------------------------
# A format is compiled to a list of elements; each directive is a list of
# alternative token sequences tried in order with backtracking (the semantics
# of the regular expressions CPython's _strptime builds, without re).

_D = 'd'   # a decimal digit
def _alts(*patterns):
    # each pattern: a string of tokens: 'd' digit, '[xy]' digit range, ' ' space, '0'..'9' literal digit
    result = []
    for p in patterns:
        toks = []
        i = 0
        while i < len(p):
            c = p[i]
            if c == '[':
                toks.append((p[i + 1], p[i + 2]))
                i += 4
            elif c == 'd':
                toks.append(('0', '9'))
                i += 1
            else:
                toks.append((c, c))
                i += 1
        result.append(toks)
    return result

_DIRECTIVES = {
    'd': _alts('3[01]', '[12]d', '0[19]', '[19]', ' [19]'),
    'f': None,
    'H': _alts('2[03]', '[01]d', 'd'),
    'I': _alts('1[02]', '0[19]', '[19]'),
    'G': _alts('dddd'),
    'j': _alts('36[06]', '3[05]d', '[12]dd', '0[19]d', '00[19]', '[19]d', '0[19]', '[19]'),
    'm': _alts('1[02]', '0[19]', '[19]'),
    'M': _alts('[05]d', 'd'),
    'S': _alts('6[01]', '[05]d', 'd'),
    'U': _alts('5[03]', '[04]d', 'd'),
    'W': _alts('5[03]', '[04]d', 'd'),
    'w': _alts('[06]'),
    'u': _alts('[17]'),
    'V': _alts('5[03]', '0[19]', '[14]d', 'd'),
    'y': _alts('dd'),
    'Y': _alts('dddd'),
}

def _names_sorted(names):
    return sorted([n.lower() for n in names], key=len, reverse=True)

_NAME_TABLES = {
    'a': _names_sorted(_DAYS), 'A': _names_sorted(_DAYS_FULL),
    'b': _names_sorted(_MONTHS), 'B': _names_sorted(_MONTHS_FULL), 'p': ['am', 'pm'],
    'Z': _names_sorted(['utc', 'gmt'] + ([tzname[1].lower()] if daylight else [])
                       + ([tzname[0].lower()] if tzname[0].lower() not in ('utc', 'gmt') else [])),
}
_EXPANSIONS = {'c': '%a %b %d %H:%M:%S %Y', 'x': '%m/%d/%y', 'X': '%H:%M:%S'}
_REGEX_SPECIAL = '\\.^$*+?(){}[]|'
# Lengths (and extra unnamed groups) of the regular expressions CPython's
# _strptime builds for each directive, to report duplicate directives the
# way its regular expression compiler does.
_PATTERN_LEN = {'d': 41, 'f': 17, 'H': 24, 'I': 26, 'G': 15, 'j': 71, 'm': 26, 'M': 17,
                'S': 24, 'U': 24, 'W': 24, 'w': 12, 'u': 12, 'V': 31, 'y': 11, 'Y': 15, 'z': 56}
for _k, _v in _NAME_TABLES.items():
    _PATTERN_LEN[_k] = 7 + sum([len(_x) for _x in _v]) + len(_v) - 1
del _k, _v

class _RegexError(Exception):
    pass
_RegexError.__name__ = _RegexError.__qualname__ = 'error'
_RegexError.__module__ = 're'

def _compile_format(fmt, st):
    # st: [regex length so far, groups so far, {name: group number}]
    elems = []
    i = 0
    n = len(fmt)
    while i < n:
        c = fmt[i]
        if c.isspace():
            while i < n and fmt[i].isspace():
                i += 1
            elems.append(('ws',))
            st[0] += 3
            continue
        if c == '%':
            if i + 1 >= n:
                raise IndexError
            d = fmt[i + 1]
            i += 2
            if d.isspace() or d in _REGEX_SPECIAL:
                raise KeyError('\\')
            if d == '%':
                elems.append(('lit', '%'))
                st[0] += 1
                continue
            if d in _EXPANSIONS:
                elems.extend(_compile_format(_EXPANSIONS[d], st))
                continue
            if d in _DIRECTIVES or d == 'f':
                elems.append(('dir', d))
            elif d in _NAME_TABLES:
                elems.append(('name', d, _NAME_TABLES[d]))
            elif d == 'z':
                elems.append(('z',))
            else:
                raise KeyError(d)
            gid = st[1] + 1
            if d in st[2]:
                raise _RegexError('redefinition of group name %r as group %d; was group %d at position %d'
                                  % (d, gid, st[2][d], st[0] + 4))
            st[2][d] = gid
            st[1] += 3 if d == 'z' else 1
            st[0] += _PATTERN_LEN[d]
            continue
        elems.append(('lit', c.lower()))
        st[0] += 2 if c in _REGEX_SPECIAL else 1
        i += 1
    return elems

def _is_digit(ch):
    return ch.isdecimal()

def _match_tokens(s, pos, toks):
    for lo, hi in toks:
        if pos >= len(s):
            return -1
        ch = s[pos]
        if lo == '0' and hi == '9':
            if not ch.isdecimal():
                return -1
        elif lo == ' ':
            if ch != ' ':
                return -1
        elif not (lo <= ch <= hi):
            return -1
        pos += 1
    return pos

def _z_candidates(s, pos):
    # [+-]HH:?MM(:?SS(.ffffff)?)?  or 'Z' (case-sensitive); longest first
    n = len(s)
    out = []
    if pos < n and s[pos] == 'Z':
        out.append(pos + 1)
    if pos >= n or s[pos] not in '+-':
        return out
    p = pos + 1
    if not (p + 1 < n and s[p].isdecimal() and s[p + 1].isdecimal()):
        return out
    p += 2
    if p < n and s[p] == ':':
        p += 1
    if not (p + 1 < n + 0 and p < n and s[p] in '012345' and p + 1 < n and s[p + 1].isdecimal()):
        return out
    p += 2
    base = p
    found = [base]
    q = p
    if q < n and s[q] == ':':
        q += 1
    if q + 1 < n and s[q] in '012345' and s[q + 1].isdecimal():
        q += 2
        found.append(q)
        if q < n and s[q] == '.':
            r = q + 1
            k = 0
            while r < n and k < 6 and s[r].isdecimal():
                r += 1
                k += 1
            for kk in range(1, k + 1):
                found.append(q + 1 + kk)
    found.reverse()
    return found + out

def _match(elems, k, s, pos, groups):
    if k == len(elems):
        return pos
    e = elems[k]
    kind = e[0]
    if kind == 'lit':
        if pos < len(s) and s[pos].lower() == e[1]:
            return _match(elems, k + 1, s, pos + 1, groups)
        return -1
    if kind == 'ws':
        p = pos
        while p < len(s) and s[p].isspace():
            p += 1
        while p > pos:
            r = _match(elems, k + 1, s, p, groups)
            if r >= 0:
                return r
            p -= 1
        return -1
    if kind == 'dir':
        d = e[1]
        if d == 'f':
            p = pos
            while p < len(s) and p - pos < 6 and s[p].isdecimal():
                p += 1
            while p > pos:
                groups[d] = s[pos:p]
                r = _match(elems, k + 1, s, p, groups)
                if r >= 0:
                    return r
                p -= 1
            return -1
        for toks in _DIRECTIVES[d]:
            p = _match_tokens(s, pos, toks)
            if p >= 0:
                had = groups.get(d)
                groups[d] = s[pos:p]
                r = _match(elems, k + 1, s, p, groups)
                if r >= 0:
                    return r
                if had is None:
                    del groups[d]
                else:
                    groups[d] = had
        return -1
    if kind == 'name':
        d = e[1]
        low = s[pos:pos + 12].lower()
        for name in e[2]:
            if low.startswith(name):
                groups[d] = s[pos:pos + len(name)]
                r = _match(elems, k + 1, s, pos + len(name), groups)
                if r >= 0:
                    return r
        return -1
    if kind == 'z':
        for p in _z_candidates(s, pos):
            groups['z'] = s[pos:p]
            r = _match(elems, k + 1, s, p, groups)
            if r >= 0:
                return r
        return -1
    return -1

_format_cache = {}

def _date_ordinal(y, m, d):
    if not 1 <= y <= 9999:
        raise ValueError('year %d is out of range' % y)
    if not 1 <= m <= 12:
        raise ValueError('month must be in 1..12')
    dim = 29 if m == 2 and _is_leap(y) else (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)[m - 1]
    if not 1 <= d <= dim:
        raise ValueError('day is out of range for month')
    return _ordinal(y, m, d)

def _date_from_ordinal(n):
    if not 1 <= n <= 3652059:
        raise ValueError('ordinal must be in 1..3652059')
    return _from_ordinal(n)

def _julian_from_U_or_W(year, week_of_year, day_of_week, week_starts_mon):
    first_weekday = (_date_ordinal(year, 1, 1) + 6) % 7
    if not week_starts_mon:
        first_weekday = (first_weekday + 1) % 7
        day_of_week = (day_of_week + 1) % 7
    week_0_length = (7 - first_weekday) % 7
    if week_of_year == 0:
        return 1 + day_of_week - first_weekday
    return 1 + week_0_length + 7 * (week_of_year - 1) + day_of_week

def _julian_from_V(iso_year, iso_week, iso_weekday):
    correction = (_date_ordinal(iso_year, 1, 4) + 6) % 7 + 1 + 3
    ordinal = iso_week * 7 + iso_weekday - correction
    if ordinal < 1:
        ordinal += _date_ordinal(iso_year, 1, 1)
        iso_year -= 1
        ordinal -= _date_ordinal(iso_year, 1, 1)
    return iso_year, ordinal

def _strptime(data_string, format='%a %b %d %H:%M:%S %Y'):
    for index, arg in enumerate([data_string, format]):
        if not isinstance(arg, str):
            raise TypeError('strptime() argument {} must be str, not {}'.format(index, type(arg)))
    elems = _format_cache.get(format)
    if elems is None:
        try:
            elems = _compile_format(format, [0, 0, {}])
        except KeyError as err:
            bad = err.args[0]
            if bad == '\\':
                bad = '%'
            raise ValueError("'%s' is a bad directive in format '%s'" % (bad, format)) from None
        except IndexError:
            raise ValueError("stray %% in format '%s'" % format) from None
        if len(_format_cache) > 100:
            _format_cache.clear()
        _format_cache[format] = elems
    groups = {}
    end = _match(elems, 0, data_string, 0, groups)
    if end < 0:
        raise ValueError('time data %r does not match format %r' % (data_string, format))
    if end != len(data_string):
        raise ValueError('unconverted data remains: %s' % data_string[end:])
    year = None
    month = day = 1
    hour = minute = second = fraction = 0
    tz = -1
    gmtoff = None
    gmtoff_fraction = 0
    iso_year = iso_week = None
    week_of_year = -1
    week_of_year_start = -1
    weekday = julian = None
    for key in groups:
        v = groups[key]
        if key == 'y':
            year = int(v)
            year += 2000 if year <= 68 else 1900
        elif key == 'Y':
            year = int(v)
        elif key == 'G':
            iso_year = int(v)
        elif key == 'm':
            month = int(v)
        elif key == 'B':
            month = [m.lower() for m in _MONTHS_FULL].index(v.lower()) + 1
        elif key in 'bh':
            month = [m.lower() for m in _MONTHS].index(v.lower()) + 1
        elif key == 'd':
            day = int(v)
        elif key == 'H':
            hour = int(v)
        elif key == 'I':
            hour = int(v)
            ampm = groups.get('p', '').lower()
            if ampm in ('', 'am'):
                if hour == 12:
                    hour = 0
            elif ampm == 'pm':
                if hour != 12:
                    hour += 12
        elif key == 'M':
            minute = int(v)
        elif key == 'S':
            second = int(v)
        elif key == 'f':
            fraction = int(v + '0' * (6 - len(v)))
        elif key == 'A':
            weekday = [x.lower() for x in _DAYS_FULL].index(v.lower())
        elif key == 'a':
            weekday = [x.lower() for x in _DAYS].index(v.lower())
        elif key == 'w':
            weekday = int(v)
            weekday = 6 if weekday == 0 else weekday - 1
        elif key == 'u':
            weekday = int(v) - 1
        elif key == 'j':
            julian = int(v)
        elif key in ('U', 'W'):
            week_of_year = int(v)
            week_of_year_start = 6 if key == 'U' else 0
        elif key == 'V':
            iso_week = int(v)
        elif key == 'z':
            z = v
            if z == 'Z':
                gmtoff = 0
            else:
                if z[3] == ':':
                    z = z[:3] + z[4:]
                    if len(z) > 5:
                        if z[5] != ':':
                            raise ValueError('Inconsistent use of : in %s' % v)
                        z = z[:5] + z[6:]
                hours = int(z[1:3])
                minutes = int(z[3:5])
                seconds = int(z[5:7] or 0)
                gmtoff = hours * 3600 + minutes * 60 + seconds
                rest = z[8:]
                gmtoff_fraction = int(rest + '0' * (6 - len(rest)))
                if z.startswith('-'):
                    gmtoff = -gmtoff
                    gmtoff_fraction = -gmtoff_fraction
        elif key == 'Z':
            found = v.lower()
            if found in ('utc', 'gmt') or found == tzname[0].lower():
                tz = 0
            elif daylight and found == tzname[1].lower():
                tz = 1
    if year is None and iso_year is not None:
        if iso_week is None or weekday is None:
            raise ValueError("ISO year directive '%G' must be used with the ISO week directive "
                             "'%V' and a weekday directive ('%A', '%a', '%w', or '%u').")
        if julian is not None:
            raise ValueError("Day of the year directive '%j' is not compatible with ISO year "
                             "directive '%G'. Use '%Y' instead.")
    elif week_of_year == -1 and iso_week is not None:
        if weekday is None:
            raise ValueError("ISO week directive '%V' must be used with the ISO year directive "
                             "'%G' and a weekday directive ('%A', '%a', '%w', or '%u').")
        raise ValueError("ISO week directive '%V' is incompatible with the year directive "
                         "'%Y'. Use the ISO year '%G' instead.")
    leap_year_fix = False
    if year is None and month == 2 and day == 29:
        year = 1904
        leap_year_fix = True
    elif year is None:
        year = 1900
    if julian is None and weekday is not None:
        if week_of_year != -1:
            julian = _julian_from_U_or_W(year, week_of_year, weekday, week_of_year_start == 0)
        elif iso_year is not None and iso_week is not None:
            year, julian = _julian_from_V(iso_year, iso_week, weekday + 1)
        if julian is not None and julian <= 0:
            year -= 1
            julian += 366 if _is_leap(year) else 365
    if julian is None:
        julian = _date_ordinal(year, month, day) - _date_ordinal(year, 1, 1) + 1
    else:
        year, month, day = _date_from_ordinal(julian - 1 + _date_ordinal(year, 1, 1))
    if weekday is None:
        weekday = (_date_ordinal(year, month, day) + 6) % 7
    tzname_found = groups.get('Z')
    if leap_year_fix:
        year = 1900
    return ((year, month, day, hour, minute, second, weekday, julian, tz, tzname_found, gmtoff),
            fraction, gmtoff_fraction)

def strptime(data_string, format='%a %b %d %H:%M:%S %Y', /):
    tt = _strptime(data_string, format)[0]
    return struct_time(tt[:9] + tt[9:11])

def get_clock_info(name, /):
    class _Info:
        def __repr__(self):
            return ('namespace(adjustable=%r, implementation=%r, monotonic=%r, resolution=%r)'
                    % (self.adjustable, self.implementation, self.monotonic, self.resolution))
    if name not in ('time', 'monotonic', 'perf_counter', 'process_time', 'thread_time'):
        raise ValueError('unknown clock')
    info = _Info()
    info.adjustable = name == 'time'
    info.implementation = 'host'
    info.monotonic = name != 'time'
    info.resolution = 1e-09
    return info
)PY";

}  // namespace

int init_time_module(Isolate& I, Module* m) {
  if (module_add_function(I, m, "time", t_time) < 0 || module_add_function(I, m, "time_ns", t_time_ns) < 0 ||
      module_add_function(I, m, "monotonic", t_monotonic) < 0 ||
      module_add_function(I, m, "monotonic_ns", t_monotonic_ns) < 0 ||
      module_add_function(I, m, "perf_counter", t_perf_counter) < 0 ||
      module_add_function(I, m, "perf_counter_ns", t_perf_counter_ns) < 0 ||
      module_add_function(I, m, "process_time", t_process_time) < 0 ||
      module_add_function(I, m, "process_time_ns", t_process_time_ns) < 0 ||
      module_add_function(I, m, "thread_time", t_thread_time) < 0 ||
      module_add_function(I, m, "thread_time_ns", t_thread_time_ns) < 0 ||
      module_add_function(I, m, "sleep", t_sleep) < 0)
    return -1;
  Value r = run_module_source(I, m, "<capy>/time.py", kTimeSource);
  return r.is_error() ? -1 : 0;
}

}  // namespace capy
