# round() and format() edge cases on floats and ints.
for x in [0.5, 1.5, 2.5, -0.5, -1.5, 0.125, 0.375, 2.675, 1e300, -1e-300, 123.456]:
    print(x, round(x), round(x, 1), round(x, 2), round(x, -1))
for n in [0, 5, 15, 25, 35, -15, 12345, 2**65 + 5]:
    print(n, round(n), round(n, -1), round(n, 1), round(n, -2))
for bad in [float("inf"), float("nan")]:
    try:
        round(bad)
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
print(round(float("inf"), 2), round(float("nan"), 1))
try:
    round(1.5, "x")
except TypeError as e:
    print("TypeError:", e)
