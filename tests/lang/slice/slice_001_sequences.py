# Slicing lists, strings, tuples, ranges and bytes with every combination of start/stop/step.
s = "0123456789"
lst = list(range(10))
for spec in [(None, None, None), (2, None, None), (None, 3, None), (2, 7, None), (-3, None, None), (None, -3, None),
             (-7, -2, None), (None, None, 2), (1, None, 3), (None, None, -1), (8, 2, -2), (-1, -11, -1), (100, None, None),
             (-100, 3, None), (5, 5, None), (7, 3, None), (None, None, -3), (3, None, -1), (None, 3, -1), (0, 10, 4)]:
    sl = slice(*spec)
    print(spec, s[sl], lst[sl], tuple(lst)[sl], list(range(10)[sl]), b"0123456789"[sl])
print(s[::-1] == "".join(reversed(s)), lst[:] == lst, lst[:] is not lst, s[:] is s or s[:] == s)
try:
    s[::0]
except ValueError as e:
    print("ValueError:", e)
r = range(0, 20, 3)
print(r[1:4], r[::-1], r[::2], list(r[-2:]), r[2:2], len(r[1::2]))
big = list(range(100))
print(big[10:90:10], big[-5:], big[95:200], big[::33], sum(big[::2]) - sum(big[1::2]))
text = "The quick brown fox"
print(text[4:9], text[-3:], text[:3].lower(), text[::2], text[1::2], text[::-1][:3])
words = text.split()
print(words[1:-1], words[::-1], words[-1][::-1], [w[:2] for w in words])
class Recorder:
    def __getitem__(self, key):
        return key
r = Recorder()
print(r[1:2], r[::3], r[:], r[1:2, 3], r[..., 1], r[-1::-2])
print(slice(1, 10, 2).indices(5), slice(None, None, -1).indices(4), slice(-3, None).indices(10))
