# Bitwise operators on ints and bools; boolean short-circuit semantics.
for a, b in [(12, 10), (0xFF, 0x0F), (-1, 7), (-12, 5), (1 << 70, (1 << 70) - 1)]:
    print(a & b, a | b, a ^ b, ~a, a << 3, a >> 2)
print(True & False, True | False, True ^ True, type(True & True).__name__)
print(True & 3, type(True & 3).__name__)
print(-1 >> 10, -1024 >> 3, 1 << 100, (1 << 100) >> 99)
trace = []
def t(name, value):
    trace.append(name)
    return value
print(t("a", 0) and t("b", 1), trace); trace.clear()
print(t("a", 2) and t("b", 3), trace); trace.clear()
print(t("a", 0) or t("b", ""), trace); trace.clear()
print(t("a", "x") or t("b", 1), trace); trace.clear()
print(t("a", []) or t("b", None) or t("c", "last"), trace); trace.clear()
print(t("a", 1) and t("b", 0) and t("c", 2), trace); trace.clear()
print(not t("a", []), trace); trace.clear()
print(None or 0 or "" or [] or "default")
print(1 and "a" and [1] and (1,))
print([] and 1, 0 or None, "" or 0)
x = 5
print(x > 3 and x < 10, x < 3 or x > 4, not x > 3)
flags = 0
READ, WRITE, EXEC = 1, 2, 4
flags |= READ | EXEC
print(flags, bool(flags & READ), bool(flags & WRITE), bool(flags & EXEC))
flags &= ~READ
print(flags, bin(flags))
def popcount(n):
    count = 0
    while n:
        n &= n - 1
        count += 1
    return count
print([popcount(i) for i in range(17)], popcount((1 << 64) - 1))
print(0 if [] else 1, "yes" if "no" else "no")
print(int.bit_length(255), (1023).bit_length(), (-8).bit_length(), (0).bit_length())
