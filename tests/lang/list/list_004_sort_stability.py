# Sorting: stability, keys, reverse, mixed comparisons, sorting objects, errors.
records = [("alice", "eng", 120), ("bob", "ops", 95), ("carol", "eng", 120), ("dave", "ops", 80),
           ("erin", "eng", 100), ("frank", "hr", 95), ("grace", "hr", 110)]
by_salary = sorted(records, key=lambda r: r[2])
print([r[0] for r in by_salary])
by_salary_desc = sorted(records, key=lambda r: r[2], reverse=True)
print([r[0] for r in by_salary_desc])
two_pass = sorted(sorted(records, key=lambda r: r[0]), key=lambda r: r[1])
print([(r[1], r[0]) for r in two_pass])
print(sorted(records, key=lambda r: (r[1], -r[2], r[0])))
class Task:
    def __init__(self, prio, name):
        self.prio, self.name = prio, name
    def __lt__(self, other):
        return self.prio < other.prio
    def __repr__(self):
        return f"{self.name}({self.prio})"
tasks = [Task(3, "write"), Task(1, "plan"), Task(2, "code"), Task(1, "think"), Task(3, "ship")]
print(sorted(tasks), min(tasks), max(tasks))
tasks.sort(reverse=True)
print(tasks)
print(sorted([3.5, 1, 2.25, -1, True, 0]), sorted("hello world"), sorted((3, 1, 2)))
print(sorted({"b": 1, "a": 2}), sorted({"b": 1, "a": 2}.items()), sorted({3, 1, 2}))
try:
    sorted([1, "a", 2])
except TypeError as e:
    print("TypeError:", e)
try:
    [Task(1, "x"), 5].sort()
except TypeError as e:
    print("TypeError:", e)
print(sorted([], key=len), sorted([[3], [1, 2], []], key=len), sorted(["bb", "a", "ccc"], key=len, reverse=True))
nums = [5, -3, 2, -8, 0, 7]
print(sorted(nums, key=abs), sorted(nums, key=lambda n: (n < 0, n)), sorted(nums, key=str))
pairs = [(1, "b"), (1, "a"), (0, "z"), (1, "a")]
print(sorted(pairs), sorted(pairs, key=lambda p: p[0]))
words = "The quick brown fox Jumps over the Lazy dog".split()
print(sorted(words), sorted(words, key=str.casefold), sorted(words, key=lambda w: w[-1]))
stable = [(i % 3, i) for i in range(15)]
print(sorted(stable, key=lambda p: p[0]))
print(list(reversed(sorted(range(10), key=lambda n: n % 4))))
