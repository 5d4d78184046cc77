# Classic list algorithms written by hand: sorts, binary search, two pointers, matrix ops.
def insertion_sort(a):
    a = a[:]
    for i in range(1, len(a)):
        key = a[i]
        j = i - 1
        while j >= 0 and a[j] > key:
            a[j + 1] = a[j]
            j -= 1
        a[j + 1] = key
    return a
def merge_sort(a):
    if len(a) <= 1:
        return a
    mid = len(a) // 2
    left, right = merge_sort(a[:mid]), merge_sort(a[mid:])
    out = []
    i = j = 0
    while i < len(left) and j < len(right):
        if left[i] <= right[j]:
            out.append(left[i]); i += 1
        else:
            out.append(right[j]); j += 1
    return out + left[i:] + right[j:]
def quick_sort(a):
    if len(a) <= 1:
        return a
    pivot = a[len(a) // 2]
    return quick_sort([x for x in a if x < pivot]) + [x for x in a if x == pivot] + quick_sort([x for x in a if x > pivot])
seed = 12345
def rand():
    global seed
    seed = (seed * 1103515245 + 12345) % (2 ** 31)
    return seed % 1000
data = [rand() for _ in range(60)]
print(data[:10])
s1, s2, s3 = insertion_sort(data), merge_sort(data), quick_sort(data)
print(s1 == s2 == s3 == sorted(data), s1[:10], s1[-5:])
def bsearch(a, x):
    lo, hi = 0, len(a)
    while lo < hi:
        mid = (lo + hi) // 2
        if a[mid] < x:
            lo = mid + 1
        else:
            hi = mid
    return lo
sd = sorted(data)
for x in [0, sd[10], sd[30], 999, 1000, 500]:
    i = bsearch(sd, x)
    print(x, i, i < len(sd) and sd[i] == x)
def two_sum(nums, target):
    seen = {}
    for i, n in enumerate(nums):
        if target - n in seen:
            return seen[target - n], i
        seen[n] = i
    return None
print(two_sum([2, 7, 11, 15], 9), two_sum([3, 2, 4], 6), two_sum([1, 2], 10))
def matmul(a, b):
    return [[sum(a[i][k] * b[k][j] for k in range(len(b))) for j in range(len(b[0]))] for i in range(len(a))]
m = [[1, 2], [3, 4]]
r = [[1, 0], [0, 1]]
for _ in range(10):
    r = matmul(r, m)
print(r)
def rotate(mat):
    return [list(row) for row in zip(*mat[::-1])]
sq = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print(rotate(sq), rotate(rotate(rotate(rotate(sq)))) == sq)
def max_subarray(a):
    best = cur = a[0]
    for x in a[1:]:
        cur = max(x, cur + x)
        best = max(best, cur)
    return best
print(max_subarray([-2, 1, -3, 4, -1, 2, 1, -5, 4]), max_subarray([-3, -1, -2]))
def permutations(items):
    if len(items) <= 1:
        return [items[:]]
    out = []
    for i in range(len(items)):
        for p in permutations(items[:i] + items[i + 1:]):
            out.append([items[i]] + p)
    return out
print(permutations([1, 2, 3]), len(permutations(list(range(6)))))
def chunks(a, n):
    return [a[i:i + n] for i in range(0, len(a), n)]
print(chunks(list(range(10)), 3), chunks([], 2))
pascal = [[1]]
for _ in range(8):
    prev = pascal[-1]
    pascal.append([1] + [prev[i] + prev[i + 1] for i in range(len(prev) - 1)] + [1])
for row in pascal:
    print(" ".join(map(str, row)).center(40).rstrip())
