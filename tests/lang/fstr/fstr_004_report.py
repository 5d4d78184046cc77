# Formatting a realistic text report: aligned tables, totals, percentages and bar charts.
data = {
    "Q1": {"north": 12500.0, "south": 9800.5, "east": 15320.25, "west": 7600.0},
    "Q2": {"north": 13900.0, "south": 10250.0, "east": 14100.0, "west": 8200.75},
    "Q3": {"north": 11000.0, "south": 12600.0, "east": 16800.5, "west": 9100.0},
    "Q4": {"north": 17250.0, "south": 13400.0, "east": 18900.0, "west": 11050.0},
}
regions = list(data["Q1"])
header = f"{'Quarter':<8}" + "".join(f"{r.title():>12}" for r in regions) + f"{'Total':>13}"
print(header)
print("-" * len(header))
grand = 0.0
col_totals = dict.fromkeys(regions, 0.0)
for q, vals in data.items():
    row_total = sum(vals.values())
    grand += row_total
    for r in regions:
        col_totals[r] += vals[r]
    print(f"{q:<8}" + "".join(f"{vals[r]:>12,.2f}" for r in regions) + f"{row_total:>13,.2f}")
print("-" * len(header))
print(f"{'Total':<8}" + "".join(f"{col_totals[r]:>12,.2f}" for r in regions) + f"{grand:>13,.2f}")
print()
print("Share by region")
for r in sorted(regions, key=lambda r: -col_totals[r]):
    share = col_totals[r] / grand
    bar = "#" * round(share * 50)
    print(f"  {r:<6} {share:6.1%} {bar}")
print()
prev = None
for q, vals in data.items():
    total = sum(vals.values())
    change = "" if prev is None else f"{(total - prev) / prev:+.1%}"
    print(f"{q}: {total:>10,.0f} {change:>7}")
    prev = total
best_q, best_vals = max(data.items(), key=lambda kv: max(kv[1].values()))
best_r = max(best_vals, key=best_vals.get)
print(f"Best single result: {best_r} in {best_q} with {best_vals[best_r]:,.2f} ({best_vals[best_r] / grand:.2%} of the year)")
print("%-10s|%10s|" % ("left", "right"), "{:~^20}".format(" centre "))
print(f"{'id':>4} {'name':<10} {'score':>6}")
for i, (n, s) in enumerate([("ann", 93.456), ("bartholomew", 71.0), ("cy", 100)], 1):
    print(f"{i:>4} {n[:10]:<10} {s:>6.1f}")
