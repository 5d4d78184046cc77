# gmtime, struct_time and the calendar arithmetic behind it.
try:  # CPython: compute local time in UTC like capy does
    import os as _os, time as _t; _os.environ['TZ'] = 'UTC'; _t.tzset()
except Exception:
    pass
import time

for secs in [0, 1, -1, 86399, 86400, 951782400, 1700000000, 1709647629.75, -0.5, -1.5,
             253402300799, -62135596800, 4102444800, 2**31, -2**31, 1e10, True]:
    g = time.gmtime(secs)
    print(secs, g, tuple(g), g.tm_zone, g.tm_gmtoff)
for bad in [float('nan'), 1e20, 'x', 2**63, None.__class__]:
    try:
        print(time.gmtime(bad))
    except Exception as e:
        print(type(e).__name__, e)
st = time.struct_time((2024, 2, 29, 12, 30, 45, 3, 60, 0))
print(st, st.tm_year, st.tm_mon, st.tm_mday, st.tm_hour, st.tm_min, st.tm_sec, st.tm_wday, st.tm_yday, st.tm_isdst)
print(st.tm_zone, st.tm_gmtoff, st[0], st[-1], st[2:5], len(st), list(st)[:3])
print(st == (2024, 2, 29, 12, 30, 45, 3, 60, 0), isinstance(st, tuple), type(st).__name__, type(st).__module__)
print(time.struct_time((1, 2, 3, 4, 5, 6, 7, 8, 9, 'ZZ', 3600)).tm_zone, time.struct_time(range(9)).tm_gmtoff)
print(st.n_fields, st.n_sequence_fields, st.n_unnamed_fields)
for bad in [(1, 2), range(12)]:
    try:
        time.struct_time(bad)
    except TypeError as e:
        print('TypeError', e)
try:
    st.tm_year = 1
except AttributeError as e:
    print('AttributeError', e)
y, m, d = 1600, 1, 1
days = 0
for k in range(0, 3000000, 86400 * 37):
    g = time.gmtime(k * 1000)
    days ^= g.tm_yday * 31 + g.tm_wday + g.tm_mday
print(days)
print(time.asctime(st), time.asctime((2024, 1, 5, 1, 2, 3, 9, 1, 0)), time.asctime(time.gmtime(0)))
print(time.ctime(0) if time.timezone == 0 else 'Thu Jan  1 00:00:00 1970')
for bad in [(2024, 13, 1, 0, 0, 0, 0, 1, 0), (2024, 1, 1), 5, [2024, 1, 1, 0, 0, 0, 0, 1, 0]]:
    try:
        time.asctime(bad)
    except Exception as e:
        print(type(e).__name__, e)
print(time.timezone, time.altzone, time.daylight, time.tzname)
