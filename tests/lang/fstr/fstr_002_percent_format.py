# printf-style % formatting for str: conversions, flags, width, precision, mapping keys, errors.
print("%s %s %s" % ("a", 1, [2]))
print("%r %r %a" % ("q", 1.5, "é"))
print("%d %i %u" % (42, -42, 7), "%d" % 3.99, "%d" % True)
print("%5d|%-5d|%05d|%+d|% d" % (42, 42, 42, 42, 42))
print("%x %X %#x %#X %o %#o" % (255, 255, 255, 255, 8, 8))
print("%f %.2f %10.3f|%-10.1f|%+.0f" % (3.14159, 3.14159, 3.14159, 3.14159, 2.5))
print("%e %.3E %g %G %g %g" % (12345.6789, 0.000123, 1e-5, 1e20, 100.0, 123456789.0))
print("%c%c%c" % (72, "i", 33), "%%", "100%%" % ())
print("%(name)s has %(count)d items costing %(price).2f" % {"name": "cart", "count": 3, "price": 9.5})
print("%(a)s %(a)r %(b)05.1f" % {"a": "x", "b": 2.25})
print("%*d|%-*d|%.*f" % (6, 7, 6, 7, 3, 2.0))
print("%s" % (1,), "%s" % ((1, 2),), "%s" % [1, 2], "%s-%s" % tuple("ab"))
print("%.3s|%10.2s|%-6s|" % ("abcdef", "xyz", "ab"))
print("%5s|%-5s|" % (None, True))
print("%x" % -255, "%o" % -8, "%d" % (10 ** 20), "%.1f" % (10 ** 20))
print("%s and %s" % ("cats", "dogs"), "%s" % "only")
for template, args in [("%d", "x"), ("%s %s", ("a",)), ("%s", ("a", "b")), ("%z", 1), ("%(k)s", {"j": 1}), ("%c", 1114112)]:
    try:
        print(template % args)
    except (TypeError, ValueError, KeyError, OverflowError) as e:
        print(type(e).__name__, "-", e)
total = 0
lines = []
for item, qty, price in [("tea", 2, 3.5), ("cake", 1, 4.25), ("jam", 3, 2.0)]:
    total += qty * price
    lines.append("%-6s x%2d @ %5.2f = %6.2f" % (item, qty, price, qty * price))
print("\n".join(lines))
print("%-21s %6.2f" % ("total", total))
print("%s" % b"bytes repr", b"%s %d" % (b"raw", 5), b"%x" % 255)
print("%.2f%%" % 12.345, "%5.1f%%" % 99.999)
print("%#.3g %#x %#o" % (1.0, 0, 0))
