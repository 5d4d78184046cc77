# Recursive calls: naive Fibonacci and Ackermann-style call-heavy code.
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def tak(x, y, z):
    if y < x:
        return tak(tak(x - 1, y, z), tak(y - 1, z, x), tak(z - 1, x, y))
    return z


print("fib(33) =", fib(33))
print("tak(24, 16, 8) =", tak(24, 16, 8))
