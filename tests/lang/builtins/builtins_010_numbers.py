# abs, divmod, pow, round, bin, oct, hex, chr, ord.
print(abs(-5), abs(5), abs(-2.5), abs(-0.0), abs(-2**100), abs(True), abs(3 + 4j))
class A:
    def __abs__(self): return "abs!"
print(abs(A()))
print(divmod(7, 2), divmod(-7, 2), divmod(7, -2), divmod(-7, -2), divmod(0, 5))
print(divmod(7.5, 2), divmod(-7.5, 2), divmod(7, 2.5), divmod(2**100, 7), divmod(True, 2))
for a, b in [(1, 0), (1.0, 0), (1, 0.0), (2**80, 0)]:
    try:
        divmod(a, b)
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)
class D:
    def __divmod__(self, o): return ("divmod", o)
    def __rdivmod__(self, o): return ("rdivmod", o)
print(divmod(D(), 3), divmod(3, D()))
print(pow(2, 10), pow(2, -1), pow(2, 10, 1000), pow(3, 4, 5), pow(-2, 3), pow(2.0, 3))
print(pow(base=2, exp=5), pow(2, 5, mod=7), pow(7, -1, 5), pow(0, 0))
try:
    pow(2, 3, 0)
except ValueError as e:
    print("ValueError:", e)
print(round(2.5), round(3.5), round(-2.5), round(2.675, 2), round(1234, -2), round(5, None))
print(round(1.23456, 3), round(-0.5), round(0.5), type(round(2.5)).__name__, type(round(2.5, 0)).__name__)
print(round(number=1.5), round(15, -1), round(25, -1), round(2**70 + 1, -5))
class R:
    def __round__(self, n=None): return ("round", n)
print(round(R()), round(R(), 3))
print(bin(0), bin(5), bin(-5), bin(2**70), bin(True))
print(oct(0), oct(8), oct(-8), hex(0), hex(255), hex(-255), hex(2**64))
class Idx:
    def __index__(self): return 10
print(bin(Idx()), oct(Idx()), hex(Idx()), chr(Idx()))
print(chr(65), chr(0x1F600), chr(0), repr(chr(0x10FFFF)), chr(True))
for v in [-1, 0x110000, 2**70, "a", 1.5]:
    try:
        chr(v)
    except (ValueError, TypeError, OverflowError) as e:
        print(type(e).__name__, e)
print(ord("A"), ord("é"), ord("\U0001F600"), ord(b"a"), ord(bytearray(b"z")))
for v in ["", "ab", 1, b"ab", b""]:
    try:
        ord(v)
    except TypeError as e:
        print("TypeError:", e)
