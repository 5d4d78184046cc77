# Numeric builtins: abs, divmod, pow, round, min, max, sum, bin, oct, hex, int, float, complex, bool.
print(abs(-5), abs(5), abs(-2.5), abs(0), abs(-0.0), abs(3 + 4j), abs(-(10 ** 30)), abs(True))
print(divmod(17, 5), divmod(-17, 5), divmod(17.5, 5), divmod(-7, -2), divmod(10 ** 20, 3))
print(pow(2, 8), pow(2, -2), pow(2.0, 0.5), pow(-8, 1 / 3) if False else pow(4, 0.5), pow(7, 2, 5), pow(2, 100, 10 ** 9 + 7))
print(round(2.5), round(3.5), round(-2.5), round(2.675, 2), round(1234, -2), round(7), round(7.0), round(0.5), round(1.5))
print(min(3, 1, 2), min([5, 9, 0]), min("hello"), min([], default="empty"), min([(2, "b"), (1, "z")]), min(1, 2.0, key=lambda x: -x))
print(max(3, 1, 2), max([5, 9, 0]), max("hello"), max([], default=None), max(["aa", "b", "cccc"], key=len), max(3, 3.0))
print(sum([1, 2, 3]), sum(range(101)), sum([0.5, 0.25]), sum([[1], [2, 3]], []), sum([1, 2], 10), sum(()), sum([True, True, False]))
print(bin(10), bin(-10), bin(0), oct(64), oct(-8), hex(255), hex(-4096), hex(0), hex(2 ** 64))
print(int("42"), int("-0b101", 0), int(4.99), int("z", 36), float("2.5"), float(3), float("-inf"), float(" 1e3 "))
print(complex(1, 2), complex("3+4j"), complex(2), complex(), (1 + 2j).real, (1 + 2j).imag, (1 + 2j).conjugate())
print(bool(0), bool(1), bool(""), bool("0"), bool([]), bool([0]), bool(None), bool(0.0), bool(0j), bool(range(0)))
print(int(), float(), complex(), bool(), str(), list(), tuple(), dict(), set(), frozenset())
print(max(range(10), key=lambda n: (n % 4, -n)), min(["b", "A", "c"], key=str.lower), sorted([3, 1, 2], reverse=True))
try:
    max([])
except ValueError as e:
    print("ValueError:", e)
try:
    min()
except TypeError as e:
    print("TypeError:", e)
try:
    sum(["a", "b"], "")
except TypeError as e:
    print("TypeError:", e)
try:
    pow(2, -1, 4)
except ValueError as e:
    print("ValueError:", e)
try:
    divmod(1, 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    round("1.5")
except TypeError as e:
    print("TypeError:", e)
class Num:
    def __init__(self, v):
        self.v = v
    def __abs__(self):
        return Num(abs(self.v))
    def __round__(self, nd=None):
        return f"rounded({self.v}, {nd})"
    def __index__(self):
        return int(self.v)
    def __repr__(self):
        return f"Num({self.v})"
print(abs(Num(-3)), round(Num(2.5)), round(Num(2.5), 1), bin(Num(5)), hex(Num(255)), oct(Num(8)), [0, 1, 2][Num(1)])
