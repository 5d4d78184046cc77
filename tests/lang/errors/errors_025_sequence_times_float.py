# TypeError: multiplying a sequence by a float.
line = "-" * 10
print(line)
width = 10 * 1.5
print(width)
print("=" * width)
