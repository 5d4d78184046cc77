# TypeError: calling an int as if it were a function.
def area(w, h):
    return w * h
shapes = [(2, 3), (4, 5)]
for w, h in shapes:
    print(w, h, area(w, h))
area = area(1, 1)
print("area is now", area)
print(area(6, 7))
