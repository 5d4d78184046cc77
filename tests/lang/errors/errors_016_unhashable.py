# TypeError: a list used as a dictionary key.
seen = {}
rows = [(1, 2), (3, 4), [5, 6]]
for row in rows:
    seen[row] = seen.get(row, 0) + 1
    print("stored", row)
