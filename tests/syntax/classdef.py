class A: pass
class A(): pass
class A(B): pass
class A(B, C): pass
class A(B, metaclass=M): pass
class A(*bases, **kwds): pass
class A(B, C, metaclass=M, flag=True): pass
class A:
    """doc"""
    x = 1
    y: int

    def method(self):
        return self.x

    @property
    def prop(self):
        return 1

    class Nested:
        pass
