# if/elif/else, while/for with else, break/continue, assert, raise.
def loops(items, limit):
    total = 0
    for i in items:
        if i < 0:
            continue
        elif i > limit:
            break
        else:
            total += i
    else:
        total = -1
    while total > 0:
        total -= 1
        if total == 5:
            break
    else:
        pass
    while True:
        if check():
            return total
    assert total >= 0, "negative"
    raise ValueError("x") from None


def conditions(a, b, c):
    if a is None or b is not None:
        return 0
    if a and (b or not c):
        return 1
    if a < b < c:
        return 2
    if not (a if b else c):
        return 3
    return 4
