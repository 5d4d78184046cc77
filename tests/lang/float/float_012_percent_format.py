# printf-style formatting of numbers.
vals = [0, 1, -1, 42, -42, 255, 3.7, -3.7, 2 ** 64, -(2 ** 64), 1e20, 0.5, 1.5, 2.5, -0.0, float("inf"), float("nan"), True]
for v in vals:
    out = []
    for spec in ["%d", "%i", "%u", "%5d", "%-5d|", "%05d", "%+d", "% d", "%.3d", "%+.3d", "%08.3d", "%x", "%X", "%#x", "%#X",
                 "%o", "%#o", "%#08x", "%-#8o|", "%e", "%E", "%.2e", "%f", "%F", "%.0f", "%#.0f", "%10.3f", "%-10.3f|", "%+f",
                 "% f", "%010.2f", "%g", "%G", "%.3g", "%#g", "%#.3g", "%r", "%s", "%a", "%5s|", "%-5s|", "%c"]:
        try:
            out.append(spec % v)
        except Exception as e:
            out.append(type(e).__name__ + ":" + str(e))
    print(repr(v), out)
print("%d%%" % 50, "%*d" % (6, 42), "%-*d|" % (6, 42), "%.*f" % (2, 3.14159), "%*.*f" % (10, 3, 2.5))
print("%(a)d %(b).2f" % {"a": 1, "b": 2.0}, "%s %s" % (1.0, 1e16), "%5.1f%%" % 99.5)
for spec, v in [("%d", "1"), ("%x", 1.5), ("%c", 1.5), ("%c", -1), ("%c", 0x110000), ("%d", None), ("%.2f", "x"), ("%e", [])]:
    try:
        print(spec % v)
    except Exception as e:
        print(type(e).__name__, e)
print("%c%c" % (65, "b"), "%.3s" % "abcdef", "%x" % 2 ** 100, "%o" % -8, "%e" % 10 ** 20, "%f" % True)
