# Seeded random round trips: arithmetic, conversions, strftime/strptime, isoformat.
try:  # CPython: compute local time in UTC like capy does
    import os as _os, time as _t; _os.environ['TZ'] = 'UTC'; _t.tzset()
except Exception:
    pass
import datetime as D, random
random.seed(3)
out = []
def rec(f, *a):
    try: out.append(repr(f(*a)))
    except Exception as e: out.append('%s %s' % (type(e).__name__, e))
tzs = [None, D.timezone.utc, D.timezone(D.timedelta(hours=5, minutes=30)), D.timezone(D.timedelta(hours=-8), 'PST'), D.timezone(D.timedelta(seconds=-3601, microseconds=5))]
def rdt():
    return D.datetime(random.randint(1, 9999), random.randint(1, 12), random.randint(1, 28), random.randint(0, 23), random.randint(0, 59), random.randint(0, 59), random.choice([0, random.randint(0, 999999)]), random.choice(tzs), fold=random.randint(0, 1))
def rtd():
    k = random.randint(0, 4)
    if k == 0: return D.timedelta(random.randint(-10**6, 10**6), random.randint(-10**6, 10**6), random.randint(-10**7, 10**7))
    if k == 1: return D.timedelta(days=random.uniform(-1e5, 1e5))
    if k == 2: return D.timedelta(seconds=random.uniform(-1e6, 1e6), microseconds=random.uniform(-10, 10))
    if k == 3: return D.timedelta(hours=random.uniform(-100, 100), minutes=random.random(), milliseconds=random.uniform(-1000, 1000), weeks=random.choice([0, 0.5, -1.25]))
    return D.timedelta(microseconds=random.choice([0.5, 1.5, 2.5, -0.5, -1.5, 1e-7, 0.49999999]))
for i in range(300):
    a = rdt(); b = rdt(); t = rtd(); t2 = rtd()
    out.append(repr((a, b, t, str(t), str(a), a.isoformat(), a.isoformat(' ', random.choice(['hours', 'minutes', 'seconds', 'milliseconds', 'microseconds', 'auto'])))))
    rec(lambda: a + t); rec(lambda: a - t); rec(lambda: a - b); rec(lambda: (a < b, a == b, a >= b))
    rec(lambda: (t + t2, t - t2, t * 3, t * 0.37, t / 7, t / 0.3, t // 3, t / t2, t // t2, t % t2, divmod(t, t2), -t, abs(t), t < t2, t.total_seconds()))
    rec(lambda: (a.timetuple(), a.utctimetuple(), a.toordinal(), a.weekday(), a.isoweekday(), a.isocalendar(), a.ctime(), a.date(), a.time(), a.timetz(), a.utcoffset(), a.tzname(), a.dst()))
    rec(lambda: a.timestamp())
    rec(lambda: a.astimezone(random.choice(tzs)))
    rec(lambda: D.datetime.fromisoformat(a.isoformat()) == a)
    rec(lambda: D.datetime.fromtimestamp(random.uniform(-1e10, 1e10), random.choice(tzs)))
    rec(lambda: D.datetime.utcfromtimestamp(random.choice([random.uniform(-1e10, 1e10), random.randint(-10**10, 10**10), random.random() * 1e-5])))
    fmt = ''.join(random.choice(['%Y', '%m', '%d', '%H', '%M', '%S', '%f', '%z', '%Z', '%a', '%b', '%j', '%U', '%%', '-', ' ', '%c', '%x', '%G-%V-%u', '%y', '%p', '%I']) for _ in range(5))
    rec(lambda: a.strftime(fmt)); rec(lambda: a.date().strftime(fmt)); rec(lambda: a.timetz().strftime(fmt))
    if '%f' not in fmt or True:
        rec(lambda: D.datetime.strptime(a.strftime(fmt), fmt))
    h1 = hash(a) == hash(a.replace(fold=1 - a.fold))
    out.append(str(h1))
    if a == b: out.append(str(hash(a) == hash(b)))
    s = a.isoformat()
    k = random.randrange(len(s)); s2 = s[:k] + random.choice(['', '0', ':', '-', 'W', 'T', ' ', '.', '+', 'Z', '5']) + s[k + random.randint(0, 2):]
    rec(D.datetime.fromisoformat, s2); rec(D.date.fromisoformat, s2[:random.choice([7, 8, 10])]); rec(D.time.fromisoformat, s2[11:])
print('\n'.join(out))
