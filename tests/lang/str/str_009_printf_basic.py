# printf-style formatting with %: conversions, flags, widths, precision, mappings.
print("%s|%r|%a" % ("é", "é", "é"))
print("%d|%i|%u" % (42, -42, 7), "%d" % 3.99, "%d" % -3.99, "%d" % True, "%i" % False)
print("%x|%X|%o|%#x|%#X|%#o" % (255, 255, 8, 255, 255, 8))
print("%5d|%-5d|%05d|%+d|% d|%+05d|%- 5d|" % (42, 42, 42, 42, 42, 42, 42))
print("%5d|%-5d|%05d|%+d|% d|%+05d" % (-42, -42, -42, -42, -42, -42))
print("%.3d|%8.3d|%-8.3d|%08.3d|%#.3x|%#8.3x|%#08x" % (7, 7, 7, 7, 7, 7, 255))
print("%f|%.2f|%10.3f|%-10.1f|%010.2f|%+.1f|% .1f" % (3.14159, 3.14159, 3.14159, 3.14159, -3.14159, 2.5, 2.5))
print("%e|%E|%.2e|%12.3E|%g|%G|%.3g|%#g|%#.3g" % (12345.678, 12345.678, 0.000123, 1e100, 1e-5, 1e20, 1234567, 1.0, 2.0))
print("%f %e %g" % (float("inf"), float("-inf"), float("nan")), "%F %E %G" % (float("inf"), float("-inf"), float("nan")))
print("%.0f %.0f %.0f %.0f" % (0.5, 1.5, 2.5, -0.5), "%#.0f" % 3, "%.1f" % 0.05, "%.15g" % 0.1, "%.17g" % 0.1)
print("%c%c%c|%3c|%-3c|" % (72, "i", 0x1F600, "x", "y"))
print("%s %s" % ([1, 2], (3,)), "%s" % ((1, 2),), "%s" % {"a": 1}, "%r" % {"a": [1]})
print("%10s|%-10s|%.3s|%10.3s|%-10.2r|" % ("right", "left", "truncate", "truncate", "repr"))
print("%*d|%-*d|%*s|%.*f|%*.*f|" % (6, 1, 6, 2, -6, "neg", 3, 2.71828, 9, 2, 1.005))
print("%(name)s is %(age)d years; %(name)r again, %%(literal)s" % {"name": "Ann", "age": 41})
print("%(a)s %(b)05.1f %(c)x" % {"a": [1], "b": 2.25, "c": 255})
print("%(x)s" % {"x": "a", "y": "unused"}, "%s" % {"only": "dict"}, "no args" % (), "no args" % {})
print("100%%" % (), "%s%%" % 50, "%%%s%%" % "x")
for args in [(1,), ()]:
    try:
        print(repr("%5%|" % args))
    except Exception as e:
        print(type(e).__name__, e)
print("%s" % None, "%s" % True, "%r" % 1.0, "%s" % 10**20, "%d" % 10**20, "%x" % -(2**70))
print("%ld %hd %Lf" % (1, 2, 3.0))
class N:
    def __index__(self):
        return 77
    def __int__(self):
        return 66
    def __float__(self):
        return 5.5
print("%d %x %o %f %c" % (N(), N(), N(), N(), N()))
class R:
    def __repr__(self):
        return "R()"
    def __str__(self):
        return "r-str"
print("%s %r %a %5s %-5r|" % (R(), R(), R(), R(), R()))
print("%s" % "é" * 3, ("%s" % "ab") * 2, "%-6s|%6s|" % ("中文", "中文"), "%.1s" % "😀x")
print("%s and %s" % ("a", "b"), "%s" % ("only",), "%s" % [], "%d%%" % 5)

print("%.10f %.3e %g %g %g" % (3.141592653589793, 2.718281828459045, 100000, 1000000, 0.0001), "%g" % 0.00001)
print("%x %o %X" % (0, 0, 0), "%#x %#o" % (0, 0), "%+x %+o" % (10, -10), "% x" % 10)
print("%5.1s|%-5.0s|%.0r|" % ("abc", "abc", "abc"))
