# list methods: append, extend, insert, remove, pop, index, count, sort, reverse, copy, clear.
xs = [5, 3, 8]
xs.append(1); print(xs)
xs.extend([9, 2]); print(xs)
xs.extend(range(3)); print(xs)
xs.extend("ab"); print(xs)
xs.insert(0, "first"); print(xs)
xs.insert(100, "last"); print(xs)
xs.insert(-1, "penultimate"); print(xs)
xs.remove("a"); print(xs)
print(xs.pop(), xs.pop(0), xs.pop(-2), xs)
print(xs.index(8), xs.count(2), xs.count(99), xs.index(2, 5))
nums = [x for x in xs if isinstance(x, int)]
nums.sort(); print(nums)
nums.sort(reverse=True); print(nums)
nums.reverse(); print(nums)
c = nums.copy()
c.append(100)
print(nums, c, nums is c)
c.clear(); print(c, len(c))
words = ["banana", "Apple", "cherry", "apple", "Banana", "date"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len, reverse=True))
words.sort(key=lambda w: (w.lower(), w)); print(words)
people = [("ann", 31), ("bob", 25), ("cat", 31), ("dan", 19), ("eve", 25)]
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: (-p[1], p[0])))
stack = []
for tok in "3 4 + 2 * 7 -".split():
    if tok in "+-*":
        b, a = stack.pop(), stack.pop()
        stack.append(a + b if tok == "+" else a - b if tok == "-" else a * b)
    else:
        stack.append(int(tok))
print("rpn", stack)
queue = [1, 2, 3]
queue.append(4)
print(queue.pop(0), queue.pop(0), queue)
try:
    [].pop()
except IndexError as e:
    print("IndexError:", e)
try:
    [1, 2].remove(3)
except ValueError as e:
    print("ValueError:", e)
try:
    [1, 2].index(3)
except ValueError as e:
    print("ValueError:", e)
m = [[1, 2, 3], [4, 5, 6]]
print([list(r) for r in zip(*m)], [row[::-1] for row in m], sum(m, []))
print([1, 2, 3] * 2, [[]] * 2, [0] * 0, list(), list((1, 2)), list({1: "a", 2: "b"}))
