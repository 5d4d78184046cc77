# Slicing ranges gives ranges; reversed; negative steps.
r = range(0, 20, 2)
print(r[2:5], r[::-1], r[::3], r[-3:], r[5:1:-1], r[100:], r[:-100], r[1::-1], r[::-4])
print(list(r[2:5]), list(r[::-1]) == list(r)[::-1], list(r[5:1:-2]))
n = range(10, 0, -3)
print(n[1:], n[::-1], list(n[::-1]), n[::2], n[-1:0:-1])
for start in (None, -12, -3, 0, 2, 11):
    for stop in (None, -12, -2, 0, 3, 12):
        for step in (None, -3, -1, 1, 2):
            s = slice(start, stop, step)
            assert list(range(10)[s]) == list(range(10))[s], s
            assert list(range(9, -1, -2)[s]) == list(range(9, -1, -2))[s], s
print("slices ok")
print(list(reversed(range(5))), list(reversed(range(10, 0, -3))), list(reversed(range(0))), type(reversed(range(3))).__name__)
rr = reversed(range(1, 8, 2))
print(rr.__length_hint__(), next(rr), rr.__length_hint__(), list(rr))
try:
    range(5)[::0]
except ValueError as e:
    print("ValueError:", e)
print(range(10)[slice(2, 8)], range(10**30)[10**29::10**28])
