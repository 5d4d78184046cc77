# SyntaxError at compile time: nothing runs, not even the first print.
print("this line never runs")
def broken(x)
    return x
