# Classes: bases, keywords, __qualname__, __classcell__, mangling, annotations.
class Base:
    """A base class."""
    attr: int = 0
    __private = 1

    def __init__(self, value):
        self.__value = value

    def get(self):
        return self.__value + self.__private


class Derived(Base, metaclass=Meta, flag=True):
    def get(self):
        return super().get() + 1

    @staticmethod
    def helper():
        return __class__

    class Inner:
        def method(self):
            return Inner


def factory():
    x = 1

    class Local:
        y = x

        def m(self):
            return x

    return Local
