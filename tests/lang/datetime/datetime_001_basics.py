# Reprs, constructors, errors and arithmetic of the datetime types.
try:  # CPython: compute local time in UTC like capy does
    import os as _os, time as _t; _os.environ['TZ'] = 'UTC'; _t.tzset()
except Exception:
    pass
import datetime as D
def p(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
p(lambda: D.date('2024', 1, 1)); p(lambda: D.date(2024.0, 1, 1)); p(lambda: D.date(2**40, 1, 1)); p(lambda: D.date(-2**40, 1, 1)); p(lambda: D.date(0, 1, 1)); p(lambda: D.date(2024, 2, 30)); p(lambda: D.date(2024, 0, 1))
p(lambda: D.timedelta('1')); p(lambda: D.timedelta(1e9)); p(lambda: D.timedelta(days=1, microseconds=0.5)); p(lambda: D.timedelta(microseconds=1.5)); p(lambda: D.timedelta(seconds=0.0000025)); p(lambda: D.timedelta(hours=-1.5, minutes=0.3))
p(lambda: D.timedelta(1) / 0); p(lambda: D.timedelta(1) // 0); p(lambda: D.timedelta(1) / D.timedelta(0)); p(lambda: D.timedelta(1) / 0.0); p(lambda: D.timedelta(1) % D.timedelta(0)); p(lambda: D.timedelta(1) * 'a'); p(lambda: D.timedelta(1) + 1); p(lambda: 1 + D.timedelta(1)); p(lambda: D.timedelta(1) < 1); p(lambda: D.date(2024,1,1) < 1); p(lambda: D.date(2024,1,1) + 1)
p(lambda: D.date(2024,1,1) < D.datetime(2024,1,1)); p(lambda: D.date(2024,1,1) == D.datetime(2024,1,1)); p(lambda: D.datetime(2024,1,1) > D.date(2024,1,1))
p(lambda: D.datetime(2024,1,1, tzinfo=D.timezone.utc) < D.datetime(2024,1,1)); p(lambda: D.datetime(2024,1,1, tzinfo=D.timezone.utc) == D.datetime(2024,1,1)); p(lambda: D.datetime(2024,1,1, tzinfo=D.timezone.utc) - D.datetime(2024,1,1))
p(lambda: D.timezone(5)); p(lambda: D.timezone(D.timedelta(1))); p(lambda: D.timezone(D.timedelta(0), 5)); p(lambda: D.timezone(D.timedelta(hours=1), 'X')); p(lambda: D.timezone(D.timedelta(0))); p(lambda: D.timezone(D.timedelta(0), 'UTC')); p(lambda: D.timezone.min); p(lambda: str(D.timezone(D.timedelta(hours=-5, seconds=-30, microseconds=-1))))
p(lambda: D.datetime(2024, 1, 1, tzinfo=5)); p(lambda: D.time(24)); p(lambda: D.time(1, 60)); p(lambda: D.time(1, 1, 60)); p(lambda: D.time(1, 1, 1, 10**6)); p(lambda: D.time(fold=2)); p(lambda: D.time(1, 2, 3, 4, D.timezone.utc, fold=1))
p(lambda: D.date.fromordinal(0)); p(lambda: D.date.fromordinal(3652060)); p(lambda: D.date(9999,12,31) + D.timedelta(1)); p(lambda: D.datetime(9999,12,31, 23) + D.timedelta(hours=1)); p(lambda: D.datetime.fromtimestamp(1e12)); p(lambda: D.datetime.fromtimestamp(-1e12)); p(lambda: D.datetime.utcfromtimestamp(1.5e-6)); p(lambda: D.datetime.utcfromtimestamp(-1.5e-6)); p(lambda: D.datetime.utcfromtimestamp(2.5e-6)); p(lambda: D.date.fromtimestamp(-0.5))
p(lambda: D.timedelta(999999999, 86399, 999999) + D.timedelta(microseconds=1)); p(lambda: D.timedelta.max); p(lambda: D.timedelta.min); p(lambda: D.timedelta(days=-1, microseconds=5)); p(lambda: str(D.timedelta(days=-1, microseconds=5))); p(lambda: str(D.timedelta(days=2, hours=3))); p(lambda: D.timedelta(0))
p(lambda: D.datetime(2024, 1, 2, 3, 4, 5)); p(lambda: D.datetime(2024, 1, 2, 3, 4, 5, 6, D.timezone(D.timedelta(hours=2)), fold=1)); p(lambda: D.time(3, 4)); p(lambda: D.time(3, 4, 0, 5)); p(lambda: D.date(2024,1,1).isocalendar()); p(lambda: D.date(2024,1,1).isocalendar().week)
p(lambda: D.datetime.fromisoformat('2024-01-02T03:04:05.123+05:30')); p(lambda: D.datetime.fromisoformat('20240102T030405Z')); p(lambda: D.datetime.fromisoformat('2024-W01-2')); p(lambda: D.datetime.fromisoformat('2024-01-02 03')); p(lambda: D.datetime.fromisoformat('bad')); p(lambda: D.date.fromisoformat('2024-01-02T00')); p(lambda: D.time.fromisoformat('03:04:05,5')); p(lambda: D.datetime.fromisoformat(5))
p(lambda: hash(D.timedelta(1, 2, 3)) == hash((1, 2, 3)))
p(lambda: D.datetime(2024,1,1).astimezone()); p(lambda: D.datetime(2024,1,1,12,tzinfo=D.timezone(D.timedelta(hours=3))).astimezone(D.timezone.utc))
p(lambda: D.datetime(2024,1,1,12).strftime('%Y %z %Z %f %%f %')); p(lambda: D.datetime(2024,1,1,12, tzinfo=D.timezone(D.timedelta(hours=3, seconds=5))).strftime('%z %Z')); p(lambda: D.time(1, 2).strftime('%Y-%m-%d %H')); p(lambda: format(D.date(2024, 1, 1), '%d/%m')); p(lambda: format(D.date(2024, 1, 1), ''))
p(lambda: D.datetime.strptime('2024-01-02 03:04:05.5 +0100', '%Y-%m-%d %H:%M:%S.%f %z')); p(lambda: D.datetime(2024,1,1).timestamp()); p(lambda: D.datetime(2024,1,1,tzinfo=D.timezone.utc).timestamp())
p(lambda: D.timedelta(1) * 1.5); p(lambda: D.timedelta(seconds=1) / 3); p(lambda: D.timedelta(seconds=1) * (1/3)); p(lambda: divmod(D.timedelta(7), D.timedelta(2))); p(lambda: D.timedelta(7) // D.timedelta(hours=5)); p(lambda: D.timedelta(7).total_seconds()); p(lambda: -D.timedelta(1)); p(lambda: abs(D.timedelta(-1)))
p(lambda: D.datetime(2024,1,1).ctime()); p(lambda: D.datetime.combine(D.date(2024,1,1), D.time(5, tzinfo=D.timezone.utc))); p(lambda: D.datetime(2024, 1, 1).replace(day=31, tzinfo=D.timezone.utc)); p(lambda: D.datetime(2024,3,10).isoformat(timespec='milliseconds')); p(lambda: D.time(1).isoformat('x'))
p(lambda: D.MINYEAR); p(lambda: D.MAXYEAR); p(lambda: D.datetime.min); p(lambda: D.datetime.max); p(lambda: D.time.max); p(lambda: D.date.resolution); p(lambda: D.timezone.utc.utcoffset(None)); p(lambda: D.timezone.utc.utcoffset(5)); p(lambda: D.datetime.utc if hasattr(D.datetime, 'utc') else D.UTC)
