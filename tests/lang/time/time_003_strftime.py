# strftime with the C library's directives, flags and widths.
try:  # CPython: compute local time in UTC like capy does
    import os as _os, time as _t; _os.environ['TZ'] = 'UTC'; _t.tzset()
except Exception:
    pass
import time

t = (2024, 3, 5, 14, 7, 9, 1, 65, 0)
fmt = ('%a|%A|%b|%B|%c|%C|%d|%D|%e|%F|%g|%G|%h|%H|%I|%j|%k|%l|%m|%M|%n|%p|%P|%r|%R|%S|'
       '%t|%T|%u|%U|%V|%w|%W|%x|%X|%y|%Y|%z|%%|%Q|%E|%Ec|%Oy')
print(repr(time.strftime(fmt, t)))
print(repr(time.strftime('%s', t)))
for f in ['%-d', '%_m', '%^a', '%#b', '%010Y', '%5d', '%-3d', '%_5H', '%05e', '%#p', '%^P', '%5%',
          '%3Z', '%#Z', '%_3z', '%5z', '%-z', '%^c', '%10c', '%8B', '%08B', '%', 'abc%', '%5', '%E']:
    print(f, repr(time.strftime(f, t)), repr(time.strftime(f, (1, 1, 1, 0, 0, 0, 0, 1, -1))))
for y in [0, 5, 99, 100, 999, 1000, 1900, 2000, 9999, 12345, -5, -150]:
    print(y, repr(time.strftime('%Y|%y|%C|%G|%g|%V', (y, 1, 1, 0, 0, 0, 0, 1, 0))))
for d in range(1, 15):
    tt = time.gmtime((d * 37 + 11) * 86400 * 29)
    print(time.strftime('%Y-%m-%d %a %j %U %W %V %G %u %w', tt))
print(time.strftime('%Y', (2024, 0, 0, 0, 0, 0, 0, 0, 0)))
for bad in [(2024, 13, 1, 0, 0, 0, 0, 1, 0), (2024, 1, 32, 0, 0, 0, 0, 1, 0), (2024, 1, 1, 24, 0, 0, 0, 1, 0),
            (2024, 1, 1, 0, 60, 0, 0, 1, 0), (2024, 1, 1, 0, 0, 62, 0, 1, 0), (2024, 1, 1, 0, 0, 0, -2, 1, 0),
            (2024, 1, 1, 0, 0, 0, 0, 367, 0), (1, 2, 3), (2024, 1, 1, 0, 0, 0.5, 0, 1, 0), 'abc',
            (2**40, 1, 1, 0, 0, 0, 0, 1, 0)]:
    try:
        print(time.strftime('%Y', bad))
    except Exception as e:
        print(type(e).__name__, e)
for bad in [5, '%Y\0']:
    try:
        print(time.strftime(bad, t))
    except Exception as e:
        print(type(e).__name__, e)
print(time.strftime('%Z %z', time.gmtime(0)))
