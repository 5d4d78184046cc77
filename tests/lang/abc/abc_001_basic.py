# abc: ABCMeta, ABC, abstractmethod, instantiation checks, register.
import abc
from abc import ABC, ABCMeta, abstractmethod

def err(f):
    try:
        print("ok", f())
    except Exception as e:
        print(type(e).__name__ + ":", str(e).replace("'", ""))

class Shape(ABC):
    @abstractmethod
    def area(self): ...
    @abstractmethod
    def perimeter(self): ...
    def describe(self):
        return f'{type(self).__name__} with area {self.area()}'

print(sorted(Shape.__abstractmethods__), type(Shape), isinstance(Shape, ABCMeta))
err(lambda: Shape())
class Half(Shape):
    def area(self): return 1
print(sorted(Half.__abstractmethods__))
err(lambda: Half())
class Square(Half):
    def __init__(self, s): self.s = s
    def area(self): return self.s ** 2
    def perimeter(self): return 4 * self.s
sq = Square(3)
print(Square.__abstractmethods__, sq.area(), sq.perimeter(), sq.describe(), isinstance(sq, Shape))

class WithProps(ABC):
    @property
    @abstractmethod
    def name(self): ...
    @classmethod
    @abstractmethod
    def make(cls): ...
    @staticmethod
    @abstractmethod
    def helper(): ...
print(sorted(WithProps.__abstractmethods__))
class Impl(WithProps):
    @property
    def name(self): return 'impl'
    @classmethod
    def make(cls): return cls()
    @staticmethod
    def helper(): return 'h'
print(Impl.make().name, Impl.helper())

class Old(metaclass=ABCMeta):
    @abc.abstractproperty
    def p(self): ...
    @abc.abstractclassmethod
    def c(cls): ...
    @abc.abstractstaticmethod
    def s(): ...
print(sorted(Old.__abstractmethods__))
err(lambda: Old())

# virtual subclasses
class Drawable(ABC):
    @abstractmethod
    def draw(self): ...
class Canvas:
    def draw(self): return 'drawn'
print(issubclass(Canvas, Drawable), isinstance(Canvas(), Drawable))
tok = abc.get_cache_token()
ret = Drawable.register(Canvas)
print(ret is Canvas, issubclass(Canvas, Drawable), isinstance(Canvas(), Drawable), abc.get_cache_token() != tok)
@Drawable.register
class Other:
    pass
print(Other.__name__, issubclass(Other, Drawable), Drawable in Other.__mro__)
class SubCanvas(Canvas):
    pass
print(issubclass(SubCanvas, Drawable), issubclass(int, Drawable))
Drawable.register(int)
print(issubclass(int, Drawable), isinstance(5, Drawable), issubclass(bool, Drawable))
err(lambda: Drawable.register(5))
err(lambda: issubclass(5, Drawable))
class Base(ABC): pass
class Derived(Base): pass
err(lambda: Derived.register(Base))
print(Base.register(Derived) is Derived)

# __subclasshook__
class Quacks(ABC):
    @classmethod
    def __subclasshook__(cls, C):
        if cls is Quacks:
            return any('quack' in B.__dict__ for B in C.__mro__)
        return NotImplemented
class Duck:
    def quack(self): pass
class Dog:
    pass
print(issubclass(Duck, Quacks), isinstance(Dog(), Quacks), isinstance(Duck(), Quacks))
class BadHook(ABC):
    @classmethod
    def __subclasshook__(cls, C):
        return 1
err(lambda: issubclass(int, BadHook))

# update_abstractmethods
class Later(ABC):
    @abstractmethod
    def f(self): ...
err(lambda: Later())
Later.f = lambda self: 1
abc.update_abstractmethods(Later)
print(Later().f(), Later.__abstractmethods__)
print(abc.update_abstractmethods(int) is int)
class Plain(ABC):
    pass
print(Plain(), ABC.__slots__) if False else print(type(Plain()).__name__, ABC.__slots__)
class Meta2(ABCMeta):
    pass
class UsesMeta2(metaclass=Meta2):
    @abstractmethod
    def g(self): ...
err(lambda: UsesMeta2())
print(type(UsesMeta2).__name__, abc.ABCMeta.__module__, abc.ABC)
def f(): pass
print(abstractmethod(f) is f, f.__isabstractmethod__)
