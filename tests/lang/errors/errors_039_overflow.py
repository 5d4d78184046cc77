# OverflowError converting a huge int to float.
n = 10 ** 300
print(float(n))
n = n * 10 ** 10
print(len(str(n)))
print(float(n))
