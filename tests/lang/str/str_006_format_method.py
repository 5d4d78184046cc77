# str.format: positional, keyword, indexing, attributes, conversions, nested specs.
print("{} {} {}".format(1, "two", 3.0))
print("{0} {1} {0}".format("a", "b"), "{1}{0}".format("x", "y"))
print("{name} is {age}".format(name="Ann", age=7), "{0[1]} {0[0]}".format(["a", "b"]))
print("{d[key]} {d[other]}".format(d={"key": 1, "other": 2}))
class P:
    x = 3
    y = 4
print("{p.x},{p.y}".format(p=P()), "{0.x}".format(P))
print("{!r} {!s} {!a}".format("é", "é", "é"))
print("{:>10}|{:<10}|{:^10}|".format("r", "l", "c"))
print("{:*>10}|{:-<10}|{:.^10}|".format("r", "l", "c"))
print("{:10d}|{:<10d}|{:+d}|{: d}|{:010d}".format(42, 42, 42, 42, -42))
print("{:x} {:X} {:o} {:b} {:#x} {:#o} {:#b} {:c}".format(255, 255, 8, 5, 255, 8, 5, 9731))
print("{:,} {:_} {:,.2f} {:_x}".format(1234567, 1234567, 1234567.891, 0xFFFFFFFF))
print("{:{w}.{p}f}".format(3.14159265, w=12, p=3), "{:{}{}}".format("x", ">", 5))
print("{{literal}} {}".format("arg"), "{{}}".format())
print("{0:{1}}".format("abc", 6) + "|")
print("{:e} {:.2%} {:g} {:.3g}".format(123456.789, 0.4567, 1e-7, 1234.5))
print("{:=+10d} {:=10.2f}".format(123, -4.5))
print("{:s}".format("plain"), "{}".format(None), "{}".format([1, 2]), "{}".format((1,)))
print(format(3, "03"), format("ab", "<5") + "|", format(True), format(True, "d"), format(1.0))
data = [("Widget", 4, 3.5), ("Gadget", 10, 12.25), ("Doohickey", 1, 100.0)]
fmt = "{:<12}{:>5}{:>10.2f}"
for row in data:
    print(fmt.format(*row))
print("{a}-{b}".format_map({"a": 1, "b": 2}))
class Coord:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __format__(self, spec):
        if spec == "polar":
            return f"r={(self.x ** 2 + self.y ** 2) ** 0.5:.2f}"
        return f"({format(self.x, spec)}, {format(self.y, spec)})"
c = Coord(3, 4)
print("{}".format(c), "{:polar}".format(c), "{:.1f}".format(c), f"{c:05d}")
