# RecursionError from unbounded recursion.
def countdown(n):
    if n == 0:
        return "liftoff"
    return countdown(n - 1)
print(countdown(10))
print(countdown(200))
def forever(n):
    return forever(n + 1) + 1
print(forever(0))
