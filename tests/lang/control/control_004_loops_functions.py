# Control flow crossing function boundaries: return from loops, finally with break/continue, early exits.
def first_negative(nums):
    for i, n in enumerate(nums):
        if n < 0:
            return i, n
    return None
print(first_negative([3, 1, -4, 1, -5]), first_negative([1, 2]), first_negative([]))
def loop_with_finally():
    log = []
    for i in range(5):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            log.append(f"body{i}")
        finally:
            log.append(f"finally{i}")
    return log
print(loop_with_finally())
def return_in_finally_loop():
    out = []
    for i in range(3):
        try:
            return ("returned", i, out)
        finally:
            out.append(i)
print(return_in_finally_loop())
def while_return(limit):
    n = 0
    while True:
        n += 1
        if n * n > limit:
            return n
print(while_return(50), while_return(0), while_return(1000))
def search_grid(grid, target):
    for r, row in enumerate(grid):
        for c, v in enumerate(row):
            if v == target:
                return r, c
    return -1, -1
g = [[5, 1, 9], [2, 8, 6], [7, 3, 4]]
print([search_grid(g, t) for t in (8, 4, 10, 5)])
def gen_until(limit):
    i = 0
    while True:
        if i >= limit:
            return
        yield i
        i += 1
print(list(gen_until(4)), list(gen_until(0)))
def retry(action, attempts):
    for attempt in range(1, attempts + 1):
        try:
            return action(attempt)
        except ValueError as e:
            print("attempt", attempt, "failed:", e)
    else:
        return "gave up"
def flaky(n):
    if n < 3:
        raise ValueError(f"not yet ({n})")
    return f"succeeded on {n}"
print(retry(flaky, 5))
print(retry(flaky, 2))
def nested_break():
    result = []
    for a in range(4):
        for b in range(4):
            for c in range(4):
                if a + b + c == 5 and a < b < c:
                    result.append((a, b, c))
                    break
            else:
                continue
            break
    return result
print(nested_break())
def count_down(n):
    while n:
        yield n
        n -= 1
    else:
        yield "liftoff"
print(list(count_down(3)))
