# if/elif/else chains, while loops with else, break and continue.
def grade(score):
    if score >= 90:
        return "A"
    elif score >= 80:
        return "B"
    elif score >= 70:
        return "C"
    elif score >= 60:
        return "D"
    else:
        return "F"
print([grade(s) for s in [100, 95, 89, 80, 79.9, 70, 65, 59, 0, -5]])
n = 27
steps = 0
while n != 1:
    n = n // 2 if n % 2 == 0 else 3 * n + 1
    steps += 1
print("collatz 27 steps:", steps)
i = 0
while True:
    i += 1
    if i % 2:
        continue
    if i > 10:
        break
    print("even", i)
def find_first(items, pred):
    i = 0
    while i < len(items):
        if pred(items[i]):
            print("found", items[i], "at", i)
            break
        i += 1
    else:
        print("not found in", items)
find_first([1, 3, 6, 7], lambda x: x % 2 == 0)
find_first([1, 3, 5], lambda x: x % 2 == 0)
find_first([], lambda x: True)
count = 0
while count < 3:
    count += 1
else:
    print("while-else ran, count =", count)
x = 0
if x:
    print("truthy")
elif x == 0:
    print("zero branch")
if not []:
    print("empty list is falsy")
if [] or {} or "" or 0 or None or 0.0:
    print("never")
else:
    print("all falsy")
balance = 100
month = 0
while balance > 0:
    month += 1
    balance -= 17
    if month > 100:
        break
print("months until empty:", month, "remaining", balance)
a, b = 1071, 462
while b:
    a, b = b, a % b
print("gcd", a)
nested_result = []
i = 0
while i < 4:
    j = 0
    while j < 4:
        if j > i:
            break
        if (i + j) % 2:
            j += 1
            continue
        nested_result.append((i, j))
        j += 1
    i += 1
print(nested_result)
value = 15
if value > 10:
    if value > 20:
        print("big")
    else:
        print("medium")
else:
    print("small")
print("ok" if value else "no", "pass statement follows")
if value:
    pass
while False:
    pass
