# NameError with a "Did you mean" suggestion from the local names.
def compute(values):
    total_sum = 0
    for v in values:
        total_sum += v
    return total_summ

print("start")
print(compute([1, 2, 3]))
