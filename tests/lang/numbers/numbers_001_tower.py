import numbers, keyword
from numbers import *
print([isinstance(x, Number) for x in (1, 1.5, 1j, True, 'a', None)])
print([isinstance(x, Complex) for x in (1, 1.5, 1j, True, 'a')])
print([isinstance(x, Real) for x in (1, 1.5, 1j, True, 'a')])
print([isinstance(x, Rational) for x in (1, 1.5, 1j, True, 'a')])
print([isinstance(x, Integral) for x in (1, 1.5, 1j, True, 'a')])
print(issubclass(int, Number), issubclass(bool, Integral), issubclass(float, Rational), issubclass(Integral, Real))
print(Number.__hash__, numbers.__all__)
import fractions
print(isinstance(fractions.Fraction(1, 2), Rational), isinstance(fractions.Fraction(1, 2), Integral))
class MyInt(Integral):
    def __init__(self, v): self.v = v
    def __int__(self): return self.v
for name in sorted(MyInt.__abstractmethods__): print(name, end=' ')
print()
try: MyInt(3)
except TypeError as e: print(type(e).__name__, str(e).split(' with ')[0])
class R(Real):
    pass
print(sorted(R.__abstractmethods__))
Real.register(type('X', (), {}))
print(keyword.kwlist, keyword.softkwlist, keyword.iskeyword('if'), keyword.iskeyword('match'), keyword.issoftkeyword('match'), keyword.issoftkeyword('_'), keyword.__all__)
print(keyword.iskeyword(1) if False else '', keyword.iskeyword('None'))
