# bool: values, arithmetic, bitwise ops, construction, errors.
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

print(True, False, repr(True), str(False), type(True), type(True).__name__, bool.__base__)
print(True + True, True - False, True * 7, True / 2, True // 2, True % 2, True ** 10, -True, +True, ~True, ~False, abs(False))
print(True & True, True & False, True | False, False | False, True ^ True, True ^ False, type(True & False))
print(True & 1, True | 2, 3 ^ True, type(True & 1), type(1 & True), False << 3, True << 3, True >> 1)
print(bool(), bool(0), bool(1), bool(-1), bool(0.0), bool(-0.0), bool(""), bool("a"), bool([]), bool([0]), bool(None),
      bool(0j), bool(1j), bool(float("nan")), bool(2 ** 100))
t(lambda: bool(1, 2))
t(lambda: bool(x=1))
class A:
    def __bool__(self):
        return False
class B:
    def __len__(self):
        return 3
class C:
    def __bool__(self):
        return 1
print(bool(A()), bool(B()), not A(), not B())
t(lambda: bool(C()))
try:
    class D(bool):
        pass
except TypeError as e:
    print("TypeError", e)
print(int(True), float(True), complex(True), str(True), format(True), format(True, "d"), format(False, ">6"), format(True, "^7"), f"{True!r:>6}")
print(hash(True), hash(False), True == 1, False == 0, True is True, isinstance(True, int), issubclass(bool, int))
print(True.real, True.imag, True.numerator, True.denominator, True.bit_length(), (True).conjugate(), True.as_integer_ratio())
print(sum([True, True, False]), max(True, 2), min(False, -1), sorted([True, False, 2, -1]))
print(divmod(True, True), pow(True, 5), pow(True, -1), round(True), round(True, 2), True.__round__(-1), type(round(True)))
print(["no", "yes"][True], {True: 1, 1: 2}, {False: 0, 0.0: 1})
t(lambda: True / False)
t(lambda: True // False)
t(lambda: True % False)
print(bool.__new__(bool, 5), bool.__new__(bool), bool(True), bool(False))
