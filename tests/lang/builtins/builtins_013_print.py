# print with sep, end, file and flush.
print()
print(1, 2, 3)
print(1, 2, 3, sep="")
print(1, 2, 3, sep=", ", end=".\n")
print("a", "b", sep=None, end=None)
print("no newline", end="")
print(" continued")
print(None, True, 1.5, [1, "x"], {"k": (1,)}, "é")
class W:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
        return len(s)
    def flush(self):
        self.parts.append("<flush>")
w = W()
print("x", 1, sep="-", end="!", file=w)
print(file=w)
print("f", file=w, flush=True)
print(w.parts)
print("to stdout", file=None)
class S:
    def __str__(self):
        return "custom str"
    def __repr__(self):
        return "custom repr"
print(S(), [S()])
try:
    print(file=1)
except AttributeError as e:
    print("AttributeError:", e)
class Bad:
    def __str__(self):
        raise RuntimeError("no str")
try:
    print("before", Bad())
except RuntimeError as e:
    print("RuntimeError:", e)
print(*range(5))
print(*"abc", sep="|")
