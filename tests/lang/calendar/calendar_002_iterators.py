# Calendar iterators across year boundaries, every first weekday, leap years.
import calendar as C

for fwd in range(7):
    cal = C.Calendar(fwd)
    print(fwd, list(cal.iterweekdays()))
    for y, m in [(2024, 1), (2023, 12), (2000, 2), (1900, 2), (1, 1), (9999, 12)]:
        try:
            w = cal.monthdayscalendar(y, m)
            print(' ', y, m, len(w), w[0], w[-1])
        except Exception as e:
            print(' ', y, m, type(e).__name__, e)
cal = C.Calendar(C.WEDNESDAY)
print(list(cal.itermonthdays3(2024, 1))[:5], list(cal.itermonthdays4(2024, 1))[-3:])
print([d.isoformat() for d in cal.itermonthdates(2024, 3)][:3])
print(len(cal.yeardatescalendar(2024)), len(cal.yeardays2calendar(2024, 2)), cal.yeardayscalendar(2024, 6)[1][5][-1])
print([C.isleap(y) for y in (1600, 1700, 1900, 2000, 2023, 2024)], C.leapdays(1, 10000), C.leapdays(2024, 2024))
print([C.monthrange(2024, m) for m in range(1, 13)])
print([C.weekday(y, 1, 1) for y in (1, 1582, 1970, 2000, 2024, 9999, 10000, 12345)])
print(C.timegm((1970, 1, 1, 0, 0, 0)), C.timegm((2038, 1, 19, 3, 14, 8, 0, 0, 0)), C.timegm((1969, 12, 31, 23, 59, 59)))
t = C.TextCalendar(C.SATURDAY)
print(t.formatweek(t.monthdays2calendar(2024, 2)[0], 3) + '|')
print(t.formatweekday(0, 1), t.formatweekday(2, 5), t.formatweekday(4, 12) + '|', t.formatmonthname(2024, 9, 20) + '|', t.formatmonthname(2024, 9, 20, False) + '|')
print(t.formatday(0, 0, 4) + '|', t.formatday(7, 3, 4) + '|')
print(C.month(2024, 2, w=4, l=2))
