# Dicts as counters, indexes and caches in realistic programs.
text = """it is a truth universally acknowledged that a single man in possession
of a good fortune must be in want of a wife however little known the feelings
or views of such a man may be on his first entering a neighbourhood this truth
is so well fixed in the minds of the surrounding families"""
counts = {}
for word in text.split():
    counts[word] = counts.get(word, 0) + 1
top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:8]
print(top)
print(len(counts), sum(counts.values()), max(counts, key=lambda w: (len(w), w)))
by_letter = {}
for word in sorted(counts):
    by_letter.setdefault(word[0], []).append(word)
for letter in sorted(by_letter)[:6]:
    print(letter, by_letter[letter])
lengths = {}
for w in counts:
    lengths[len(w)] = lengths.get(len(w), 0) + 1
print(sorted(lengths.items()))
index = {}
for lineno, line in enumerate(text.splitlines(), 1):
    for w in line.split():
        index.setdefault(w, set()).add(lineno)
for w in ["a", "truth", "of", "man", "the"]:
    print(w, sorted(index[w]))
memo = {}
def ways(n):
    if n < 0:
        return 0
    if n == 0:
        return 1
    if n not in memo:
        memo[n] = ways(n - 1) + ways(n - 2) + ways(n - 3)
    return memo[n]
print([ways(i) for i in range(15)], ways(60), len(memo))
inverse = {v: k for k, v in {"a": 1, "b": 2, "c": 1}.items()}
print(inverse)
grades = {"ann": [90, 85, 77], "bob": [60, 75], "cy": [88], "dee": []}
averages = {n: (sum(g) / len(g) if g else None) for n, g in grades.items()}
print(averages)
print({n: a for n, a in averages.items() if a is not None and a > 70})
nested = {}
for path, size in [("a/b/c", 1), ("a/b/d", 2), ("a/e", 3), ("f", 4)]:
    node = nested
    *dirs, leaf = path.split("/")
    for p in dirs:
        node = node.setdefault(p, {})
    node[leaf] = size
print(nested)
def total(node):
    return sum(total(v) if isinstance(v, dict) else v for v in node.values())
print(total(nested), total(nested["a"]))
counter = dict.fromkeys("mississippi", 0)
for ch in "mississippi":
    counter[ch] += 1
print(counter, sorted(counter.items(), key=lambda kv: kv[1]))
