# Sorting with keys and comprehensions: records sorted many ways, then grouped and ranked.
def records(n):
    state = 12345
    out = []
    for i in range(n):
        state = (state * 1664525 + 1013904223) % 4294967296
        out.append({"id": i, "dept": "dept%02d" % (state % 17), "age": 20 + state % 45,
                    "salary": 30000 + (state >> 8) % 90000, "name": "emp%05d" % ((state >> 4) % 99991)})
    return out


rows = records(60000)
by_salary = sorted(rows, key=lambda r: r["salary"])
by_dept_age = sorted(rows, key=lambda r: (r["dept"], -r["age"], r["id"]))
by_name = sorted(rows, key=lambda r: r["name"], reverse=True)
print(by_salary[0]["id"], by_salary[-1]["id"], by_dept_age[0]["id"], by_name[0]["name"])
depts = sorted({r["dept"] for r in rows})
summary = [(d, len(g), sum(r["salary"] for r in g) // len(g))
           for d in depts for g in [[r for r in rows if r["dept"] == d]]]
print(summary[:3], len(summary))
ranked = sorted(((r["salary"] * 100 // (r["age"] + 1), r["id"]) for r in rows), reverse=True)[:5]
print(ranked)
nums = [(i * 7919) % 100003 for i in range(200000)]
nums.sort()
print(nums[:5], nums[-5:], sorted(nums, key=lambda v: (v % 1000, v))[:5])
words = ["w%d" % ((i * 31337) % 50021) for i in range(80000)]
print(sorted(words)[:3], sorted(words, key=len)[-1], max(words, key=lambda w: (w[-1], w)))
