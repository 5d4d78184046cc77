# IndexError: list index out of range while walking pairs.
readings = [3, 5, 8, 13, 21]
for i in range(len(readings)):
    print(i, readings[i], "delta", readings[i + 1] - readings[i])
