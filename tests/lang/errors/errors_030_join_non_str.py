# TypeError from str.join over non-strings.
ids = [3, 1, 2]
print(sorted(ids))
print(",".join(str(i) for i in ids))
print(",".join(ids))
