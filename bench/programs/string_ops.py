# String building and methods: formatting, splitting, joining, replacing, searching.
def make_records(n):
    out = []
    for i in range(n):
        out.append(f"{i:06d},user{i % 977},{(i * 7919) % 10007}.{i % 100:02d},{'active' if i % 3 else 'inactive'}")
    return "\n".join(out)


blob = make_records(300000)
lines = blob.split("\n")
total = 0.0
names = {}
active = 0
for line in lines:
    rid, name, amount, status = line.split(",")
    total += float(amount)
    names[name] = names.get(name, 0) + 1
    if status == "active":
        active += 1
print("lines", len(lines), "active", active, "total", round(total, 2), "names", len(names))
upper = blob.upper()
print("upper USER count", upper.count("USER"), "first", upper[:20])
replaced = blob.replace("inactive", "off").replace("active", "on")
print("replaced length", len(replaced), replaced.count(",on"), replaced.count(",off"))
parts = []
for i in range(300000):
    s = str(i)
    parts.append(s[::-1].zfill(6) + s.center(8, "*"))
joined = "|".join(parts)
print("joined", len(joined), joined[:40])
palins = sum(1 for i in range(400000) if str(i) == str(i)[::-1])
print("palindromes below 100000:", palins)
words = ("lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor " * 8000).split()
title = " ".join(w.capitalize() for w in words)
print(len(title), title.find("Tempor Lorem"), title.rfind("Dolor"), title[:30])
