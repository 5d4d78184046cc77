# Comprehensions in realistic data-processing code: a small report over inline records.
orders = [
    {"id": 1, "customer": "acme", "items": [("widget", 3, 2.50), ("gadget", 1, 10.00)], "status": "shipped"},
    {"id": 2, "customer": "globex", "items": [("widget", 10, 2.25)], "status": "pending"},
    {"id": 3, "customer": "acme", "items": [("doohickey", 2, 7.75), ("widget", 1, 2.50)], "status": "shipped"},
    {"id": 4, "customer": "initech", "items": [], "status": "cancelled"},
    {"id": 5, "customer": "globex", "items": [("gadget", 4, 9.50), ("gizmo", 2, 20.00)], "status": "shipped"},
]
totals = {o["id"]: round(sum(q * p for _, q, p in o["items"]), 2) for o in orders}
print(totals)
shipped = [o["id"] for o in orders if o["status"] == "shipped"]
print(shipped)
customers = sorted({o["customer"] for o in orders})
print(customers)
per_customer = {c: round(sum(totals[o["id"]] for o in orders if o["customer"] == c), 2) for c in customers}
print(per_customer)
units = {}
for name, qty in [(n, q) for o in orders for n, q, _ in o["items"]]:
    units[name] = units.get(name, 0) + qty
print(dict(sorted(units.items(), key=lambda kv: (-kv[1], kv[0]))))
print([(o["id"], len(o["items"])) for o in orders if not o["items"] or len(o["items"]) > 1])
best = max(orders, key=lambda o: totals[o["id"]])
print(best["id"], best["customer"], totals[best["id"]])
report = [f"{o['id']:>3} {o['customer']:<8} {o['status']:<9} {totals[o['id']]:>8.2f}" for o in sorted(orders, key=lambda o: -totals[o["id"]])]
print("\n".join(report))
status_counts = {s: sum(1 for o in orders if o["status"] == s) for s in ("shipped", "pending", "cancelled")}
print(status_counts)
price_table = {name: price for o in orders for name, _, price in o["items"]}
print(price_table)
csv = "\n".join(",".join(str(v) for v in (o["id"], o["customer"], totals[o["id"]])) for o in orders)
print(csv)
parsed_back = [dict(zip(["id", "customer", "total"], line.split(","))) for line in csv.splitlines()]
print(parsed_back[1], [float(r["total"]) for r in parsed_back])
matrix = [[totals[o["id"]] if o["customer"] == c else 0 for o in orders] for c in customers]
for c, row in zip(customers, matrix):
    print(f"{c:<8}", " ".join(f"{v:6.2f}" for v in row))
