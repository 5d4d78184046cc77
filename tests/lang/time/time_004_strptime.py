# strptime: directives, defaults, ISO weeks, time zones and errors.
try:  # CPython: compute local time in UTC like capy does
    import os as _os, time as _t; _os.environ['TZ'] = 'UTC'; _t.tzset()
except Exception:
    pass
import time

cases = [('2024-03-05 14:07:09', '%Y-%m-%d %H:%M:%S'), ('Tue Mar  5 14:07:09 2024', '%a %b %d %H:%M:%S %Y'),
         ('5', '%d'), ('1112', '%d%m'), ('Mar 5', '%b %d'), ('march', '%B'), ('29 2', '%d %m'),
         ('2024 10 3', '%G %V %u'), ('2024 10 3', '%Y %U %w'), ('2024 10 3', '%Y %W %w'), ('2024 0 0', '%Y %U %w'),
         ('+0130', '%z'), ('-01:30:15.5', '%z'), ('Z', '%z'), ('UTC', '%Z'), ('gmt', '%Z'),
         ('11 PM', '%I %p'), ('12 am', '%I %p'), ('12 PM', '%I %p'), ('99', '%y'), ('68', '%y'), ('69', '%y'),
         ('2024 100', '%Y %j'), ('  5 ', ' %d '), ('Tuesday', '%A'), ('tue', '%a'), ('03/05/24', '%x'),
         ('14:07:09', '%X'), ('Tue Mar 5 14:07:09 2024', '%c'), ('50%', '%d%%'), ('123456', '%f'),
         ('2024-W10', '%G-W%V'), ('1 2 3', '%H %M %S'), ('\u0661\u0662', '%d'), ('2024', '%Y%%')]
for s, f in cases:
    try:
        print(repr(s), repr(f), time.strptime(s, f))
    except Exception as e:
        print(repr(s), repr(f), type(e).__name__, e)
for s, f in [('2024 x', '%Y'), ('abc', '%Y'), ('12', '%'), ('12', '%Q'), ('1', '% d'), ('31 2', '%d %m'),
             ('2024', '%G'), ('10', '%V'), ('+01:3015', '%z'), ('EST', '%Z'), ('1 1', '%d %d'),
             ('2024 10 3 5', '%G %V %u %j'), ('32', '%d'), (5, '%d'), ('5', 5), ('1.2', '%d.%(')]:
    try:
        print(time.strptime(s, f))
    except Exception as e:
        print(repr(s), repr(f), type(e).__name__, e)
print(time.strptime('Thu Jan  1 00:00:00 1970'))
tt = time.strptime('2024-02-29', '%Y-%m-%d')
print(tt.tm_yday, tt.tm_wday, tt.tm_isdst, tt.tm_zone, tt.tm_gmtoff)
print(time.strftime('%Y-%m-%d %H:%M:%S %z|%Z', tt))
