# f-strings: expressions, conversions, format specs, nested specs, self-documenting '=', braces, quotes.
name, age, pi = "Ada", 36, 3.14159265
print(f"{name} is {age} years old")
print(f"{name!r} {name!s} {name!a} {'é'!a} {age!r}")
print(f"{pi:.2f} {pi:10.3f}| {pi:<10.1f}| {pi:^10.0f}| {pi:+.1e}")
print(f"{age:5d}|{age:<5d}|{age:^5d}|{age:05d}|{age:x}|{age:#o}|{age:b}|{age:,}")
print(f"{1234567.891:,.2f} {1234567:_} {0.25:.0%} {-5:+d} {5: d}")
width, prec = 12, 4
print(f"[{pi:{width}.{prec}f}] [{name:>{width}}] [{name:*^{width}}]")
print(f"{{literal braces}} {{{age}}} {'{'}")
print(f"{age + 1} {age * 2 if age > 30 else 0} {[x * x for x in range(4)]} {dict(a=1)['a']}")
print(f"{name.upper()} {name[::-1]} {len(name)} {name.lower().center(9, '.')}")
print(f"{age=} {pi=:.3f} {name=!r} {age * 2 = }")
items = {"apple": 3, "pear": 12}
print(f"{items['apple']} {items.get('kiwi', 0)} {'yes' if 'pear' in items else 'no'}")
print(f'{"double quotes inside single"}', f"{'single inside double'}", f"""{'triple'}""")
print(f"{'nested ' + f'{age:03d}'}", f"{f'{pi:.1f}':>8}")
class Money:
    def __init__(self, v):
        self.v = v
    def __format__(self, spec):
        return f"${self.v:{spec or '.2f'}}"
    def __str__(self):
        return f"Money({self.v})"
    def __repr__(self):
        return "Money!"
m = Money(9.5)
print(f"{m} {m:.0f} {m!s} {m!r}")
rows = [("Widget", 4, 2.5), ("Gizmo", 12, 0.75), ("Thingamajig", 1, 100)]
for n, q, p in rows:
    print(f"{n:<12}{q:>4}{p:>8.2f}{q * p:>10.2f}")
print(f"{'':-^34}")
print(f"{sum(q * p for _, q, p in rows):>34.2f}")
print(f"{3 > 2} {None} {[1, 'a']} {(1,)} {True:d} {False!r}")
print(f"{'multi'}"
      f"{'part'}"
      " plain"
      f" {age}")
x = 10
print(f"{x:>{x}}|", f"{x!r:>5}|", f"{'%'}", f"{x:{'<'}{4}}|")
print(f"{2 ** 100}", f"{1e20}", f"{1/3:.15g}", f"{float('inf')}", f"{-0.0}")
print(f"{'tab':\t>8}" if False else f"{'tab':>8}")
print(f"{name}" * 2, f"{name!r:>10}", f"{3.0:g}", f"{100000000.0:g}", f"{0.0001:g}")
