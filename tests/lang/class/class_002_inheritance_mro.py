# Inheritance, method overriding, super(), multiple inheritance and the C3 MRO.
class Animal:
    sound = "..."
    def __init__(self, name):
        self.name = name
    def speak(self):
        return f"{self.name} says {self.sound}"
    def kind(self):
        return type(self).__name__.lower()
class Dog(Animal):
    sound = "woof"
    def __init__(self, name, tricks=()):
        super().__init__(name)
        self.tricks = list(tricks)
    def speak(self):
        base = super().speak()
        return base + (f" and knows {', '.join(self.tricks)}" if self.tricks else "")
class Puppy(Dog):
    sound = "yip"
class Cat(Animal):
    sound = "meow"
zoo = [Dog("rex", ["sit", "roll"]), Puppy("bit"), Cat("tom"), Animal("thing")]
for a in zoo:
    print(a.speak(), "|", a.kind(), isinstance(a, Dog), isinstance(a, Animal))
print(issubclass(Puppy, Animal), issubclass(Cat, Dog), issubclass(Dog, (Cat, Animal)), issubclass(bool, int))
print([c.__name__ for c in Puppy.__mro__], Puppy.__bases__[0].__name__, Animal.__bases__)
class A:
    def who(self):
        return ["A"]
class B(A):
    def who(self):
        return ["B"] + super().who()
class C(A):
    def who(self):
        return ["C"] + super().who()
class D(B, C):
    def who(self):
        return ["D"] + super().who()
print(D().who(), [k.__name__ for k in D.mro()])
class X: pass
class Y: pass
class Z: pass
class K1(X, Y): pass
class K2(Y, Z): pass
class K3(X, Z): pass
class M(K1, K2, K3): pass
print([k.__name__ for k in M.__mro__])
try:
    class Bad(X, K1):
        pass
except TypeError as e:
    print("TypeError:", e)
class Base:
    def __init__(self):
        self.log = ["Base"]
class Left(Base):
    def __init__(self):
        super().__init__()
        self.log.append("Left")
class Right(Base):
    def __init__(self):
        super().__init__()
        self.log.append("Right")
class Diamond(Left, Right):
    def __init__(self):
        super().__init__()
        self.log.append("Diamond")
print(Diamond().log)
class Shape:
    def area(self):
        raise NotImplementedError(f"{type(self).__name__}.area")
    def describe(self):
        return f"{type(self).__name__} with area {self.area():.2f}"
class Rect(Shape):
    def __init__(self, w, h):
        self.w, self.h = w, h
    def area(self):
        return self.w * self.h
class Square(Rect):
    def __init__(self, s):
        super().__init__(s, s)
class Circle(Shape):
    def __init__(self, r):
        self.r = r
    def area(self):
        return 3.14159 * self.r ** 2
for s in [Rect(2, 3), Square(4), Circle(1)]:
    print(s.describe())
try:
    Shape().describe()
except NotImplementedError as e:
    print("NotImplementedError:", e)
class Explicit(B, C):
    def who(self):
        return ["E"] + super(B, self).who()
print(Explicit().who(), super(D, D()).who())
print(type.mro(D) == list(D.__mro__), object.__bases__, type(object).__name__, type(type).__name__)
