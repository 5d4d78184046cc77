# ValueError from int() on a non-numeric string.
fields = "12,7,  42 ,abc,9".split(",")
total = 0
for f in fields:
    n = int(f)
    total += n
    print("parsed", n, "total", total)
