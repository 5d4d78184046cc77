# ValueError: could not convert string to float.
temps = ["21.5", "19", "-3.25", "n/a"]
for t in temps:
    c = float(t)
    print(t, "->", round(c * 9 / 5 + 32, 2))
