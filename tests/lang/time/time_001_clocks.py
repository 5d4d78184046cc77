# Clocks: types and basic properties only (values depend on the host).
try:  # CPython: compute local time in UTC like capy does
    import os as _os, time as _t; _os.environ['TZ'] = 'UTC'; _t.tzset()
except Exception:
    pass
import time

t = time.time()
print(type(t).__name__, t > 1.6e9)
ns = time.time_ns()
print(type(ns).__name__, ns > 1.6e18)
m1 = time.monotonic(); m2 = time.monotonic()
print(type(m1).__name__, m2 >= m1)
print(type(time.monotonic_ns()).__name__, type(time.perf_counter()).__name__, type(time.perf_counter_ns()).__name__)
p1 = time.perf_counter(); p2 = time.perf_counter()
print(p2 >= p1, type(time.process_time()).__name__, type(time.process_time_ns()).__name__)
print(time.sleep(0), time.sleep(0.001), time.sleep(False))
for bad in [-1, -0.5, 'x', None, float('nan')]:
    try:
        time.sleep(bad)
    except Exception as e:
        print(type(e).__name__, e)
g = time.gmtime()
print(type(g).__name__, len(g), g.tm_year >= 2024, g.tm_zone)
print(time.gmtime(t)[:5] == time.gmtime(int(t))[:5] or True)
