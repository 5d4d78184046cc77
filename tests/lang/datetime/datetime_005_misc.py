# Less common methods, mixed-type arithmetic and range errors.
import datetime as D
def p(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
p(lambda: D.date.fromisocalendar(2020, 53, 7)); p(lambda: D.date.fromisocalendar(2021, 53, 1)); p(lambda: D.date.fromisocalendar(2021, 1, 0)); p(lambda: D.date.fromisocalendar(0, 1, 1)); p(lambda: D.datetime.fromisocalendar(2024, 10, 3))
p(lambda: D.time(1, 2, 3).replace(hour=5, fold=1)); p(lambda: format(D.time(1, 2, 3, 4), '%H:%M:%S.%f')); p(lambda: format(D.datetime(2024, 1, 1), '%c')); p(lambda: D.datetime(2024, 1, 1).__format__(5))
p(lambda: D.timedelta(days=1.5, hours=-0.25, weeks=0.1)); p(lambda: str(D.timedelta(-1))); p(lambda: str(D.timedelta(microseconds=-1))); p(lambda: D.timedelta(1, 2, 3, 4, 5, 6, 7)); p(lambda: D.timedelta(seconds=1e-7))
p(lambda: D.date(2024, 1, 1) - D.date(2023, 1, 1)); p(lambda: D.datetime(2024, 1, 2, 5) - D.date(2024, 1, 1)); p(lambda: D.date(2024, 1, 1) - D.datetime(2024, 1, 1)); p(lambda: D.date(2024, 1, 1) + D.timedelta(hours=30)); p(lambda: D.timedelta(1) - D.date(2024, 1, 1))
p(lambda: D.date(2024, 5, 17).replace(month=2)); p(lambda: D.date(2024, 1, 31).replace(month=2)); p(lambda: D.date.max - D.date.min); p(lambda: D.datetime.max - D.datetime.min)
p(lambda: D.datetime(2024, 1, 1).isoformat(sep='xx')); p(lambda: D.datetime(2024, 1, 1).isoformat(5)); p(lambda: D.datetime(2024, 1, 1, 1, 2, 3, 4560).isoformat(timespec='milliseconds')); p(lambda: D.time(1).isoformat(timespec='hours'))
p(lambda: D.datetime.strptime('2024-01-02T03:04:05Z', '%Y-%m-%dT%H:%M:%S%z')); p(lambda: D.datetime.strptime('10:30 UTC', '%H:%M %Z')); p(lambda: D.datetime.strptime('2024', '%Y').date())
p(lambda: D.datetime.combine(D.date(2024, 1, 1), D.time(1), tzinfo=D.timezone.utc)); p(lambda: D.datetime.combine(1, D.time(1))); p(lambda: D.datetime(2024, 1, 1) + 1); p(lambda: 1 - D.datetime(2024, 1, 1))
p(lambda: D.date(2024, 2, 29).timetuple()); p(lambda: D.datetime(2024, 12, 31, 23, 59, 59).timetuple()); p(lambda: [D.date(2024, 12, 30 + i).isocalendar() for i in range(2)])
p(lambda: (D.timedelta(hours=1) * 2.5, 2 * D.timedelta(1), D.timedelta(1) / D.timedelta(hours=7), D.timedelta(1) // 7, D.timedelta(1) % D.timedelta(hours=7), -D.timedelta(1, 1, 1)))
p(lambda: D.timedelta.max + D.timedelta(1)); p(lambda: D.timedelta(1) * 1e10); p(lambda: D.timedelta(days=10**9)); p(lambda: D.timedelta(days=10**10)); p(lambda: D.timedelta(float('nan'))); p(lambda: D.timedelta(float('inf')))
p(lambda: D.datetime(2024, 1, 1, tzinfo=D.timezone.utc).astimezone(D.timezone(D.timedelta(hours=-3), 'X')))
p(lambda: bool(D.time(0)), ); p(lambda: bool(D.timedelta(0))); p(lambda: D.date(2024, 1, 1).ctime()); p(lambda: D.datetime.utcfromtimestamp(0).ctime())
