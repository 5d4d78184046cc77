# User tzinfo subclasses, fold, timezone objects and conversions.
try:  # CPython: compute local time in UTC like capy does
    import os as _os, time as _t; _os.environ['TZ'] = 'UTC'; _t.tzset()
except Exception:
    pass
import datetime as D

class Fixed(D.tzinfo):
    def __init__(self, minutes, name):
        self.off = D.timedelta(minutes=minutes)
        self.name = name
    def utcoffset(self, dt):
        return self.off
    def dst(self, dt):
        return D.timedelta(0)
    def tzname(self, dt):
        return self.name
    def __repr__(self):
        return 'Fixed(%r)' % self.name

class Fold(D.tzinfo):
    """Offset depends on fold (a repeated hour)."""
    def utcoffset(self, dt):
        return D.timedelta(hours=-4 if dt is not None and dt.fold else -5)
    def dst(self, dt):
        return D.timedelta(0)
    def tzname(self, dt):
        return 'F%d' % (dt.fold if dt else 0)
    def __repr__(self):
        return 'Fold()'

class Bad(D.tzinfo):
    def __init__(self, v):
        self.v = v
    def utcoffset(self, dt):
        return self.v
    def dst(self, dt):
        return self.v
    def tzname(self, dt):
        return self.v

def p(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

ny = Fixed(-300, 'EST')
ist = Fixed(330, 'IST')
a = D.datetime(2024, 3, 10, 12, 30, tzinfo=ny)
b = D.datetime(2024, 3, 10, 23, 0, tzinfo=ist)
p(lambda: (a, a.utcoffset(), a.tzname(), a.dst(), str(a), a.isoformat(), a.timestamp()))
p(lambda: (a - b, b - a, a < b, a == b.astimezone(ny), a.astimezone(ist), a.astimezone(D.timezone.utc)))
p(lambda: (a.strftime('%Y-%m-%d %H:%M %z %Z'), a.timetuple(), a.utctimetuple(), hash(a) == hash(a.astimezone(ist))))
p(lambda: D.datetime.fromtimestamp(1700000000, ist)); p(lambda: D.datetime.fromtimestamp(1700000000.5, D.timezone(D.timedelta(hours=-2))))
p(lambda: D.time(10, 0, tzinfo=ny) < D.time(16, 0, tzinfo=D.timezone.utc)); p(lambda: D.time(10, 0, tzinfo=ny).isoformat()); p(lambda: D.time(1, tzinfo=ist).utcoffset())
f0 = D.datetime(2024, 11, 3, 1, 30, tzinfo=Fold())
f1 = f0.replace(fold=1)
p(lambda: (f0, f1, f0.utcoffset(), f1.utcoffset(), f0 == f1, f0.tzname(), f1.tzname(), f1.fold, f0 - f1))
p(lambda: f1 == D.datetime(2024, 11, 3, 5, 30, tzinfo=D.timezone.utc))
p(lambda: f0 == D.datetime(2024, 11, 3, 6, 30, tzinfo=D.timezone.utc))
for v in [5, D.timedelta(days=1), D.timedelta(hours=-24), D.timedelta(hours=23, minutes=59)]:
    bad = D.datetime(2024, 1, 1, tzinfo=Bad(v))
    p(lambda: bad.utcoffset()); p(lambda: bad.dst())
p(lambda: D.datetime(2024, 1, 1, tzinfo=Bad(5)).tzname())
p(lambda: D.datetime(2024, 1, 1, tzinfo=Bad('abc')).tzname())
p(lambda: D.tzinfo().utcoffset(None)); p(lambda: D.tzinfo().tzname(None)); p(lambda: D.tzinfo().dst(None))
p(lambda: ny.fromutc(D.datetime(2024, 1, 1, tzinfo=ny))); p(lambda: ny.fromutc(D.datetime(2024, 1, 1))); p(lambda: ny.fromutc(5))
tz = D.timezone(D.timedelta(hours=5, minutes=45), 'NPT')
p(lambda: (tz, str(tz), tz.tzname(None), tz.utcoffset(None), tz.dst(None), tz == D.timezone(D.timedelta(hours=5, minutes=45)), hash(tz) == hash(D.timedelta(hours=5, minutes=45))))
p(lambda: (D.timezone.min, D.timezone.max, str(D.timezone.min), D.timezone.utc is D.UTC, D.timezone(D.timedelta(0)) is D.timezone.utc))
p(lambda: tz.fromutc(D.datetime(2024, 1, 1, tzinfo=tz))); p(lambda: tz.fromutc(D.datetime(2024, 1, 1))); p(lambda: tz.tzname(5))
class Sub(D.datetime):
    pass
s = Sub(2024, 5, 6, 7, 8, 9)
p(lambda: (s, type(s + D.timedelta(1)).__name__, type(s.replace(year=2020)).__name__, Sub.fromisoformat('2024-01-02'), type(Sub.now()).__name__))
class TD(D.timedelta):
    pass
p(lambda: (TD(1), type(TD(hours=5)).__name__, TD(1) + TD(2)))
p(lambda: sorted([D.date(2024, 5, 1), D.date(2023, 1, 1), D.date(2024, 1, 31)]))
p(lambda: {D.date(2024, 1, 1): 1, D.date(2024, 1, 1): 2})
p(lambda: {D.timedelta(hours=24), D.timedelta(days=1), D.timedelta(seconds=86400)})
