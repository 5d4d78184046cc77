# family: dos
# expect: error
# why: Converting huge ints to and from decimal text is quadratic: CPython's 4300-digit limit must hold.
n = 10 ** 100000
print(len(str(n)))
