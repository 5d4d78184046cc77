# exit: 0
# stdout: ok
# Private names: an attribute written `__key` inside class Vault (stored as
# `_Vault__key`) is reachable only from code compiled inside Vault's body
# (its methods, nested functions, lambdas, comprehensions, generators),
# whatever the route. Outside code, subclasses and a different class that
# happens to be called Vault get AttributeError; vars() and __dict__ give
# outside code a read-only view of a namespace holding such attributes.
import operator, copy

class Vault:
    __kind = 'class-private'
    def __init__(self):
        self.__key = 'secret'
        self.public = 'public'
    def key(self):
        return self.__key
    def by_getattr(self):
        return getattr(self, '_Vault__key')
    def by_lambda(self):
        return (lambda: self.__key)()
    def by_comprehension(self):
        return [self.__key for _ in range(1)][0]
    def by_generator(self):
        return next(self.__key for _ in range(1))
    def by_format(self):
        return '{0._Vault__key}'.format(self)
    def kind(self):
        return Vault.__kind
    def __helper(self):
        return 'helper'
    def call_helper(self):
        return self.__helper()
    def rekey(self, value):
        self.__key = value
    def namespace(self):
        return self.__dict__

v = Vault()
for inside in (v.key, v.by_getattr, v.by_lambda, v.by_comprehension, v.by_generator, v.by_format):
    assert inside() == 'secret', inside
assert v.kind() == 'class-private' and v.call_helper() == 'helper'
assert type(v.namespace()) is dict  # the class's own code sees the real dict

def refused(get):
    try:
        get()
    except AttributeError as e:
        assert 'private to class' in str(e), str(e)
        return True
    return False

outside = [
    lambda: v._Vault__key,
    lambda: getattr(v, '_Vault__key'),
    lambda: setattr(v, '_Vault__key', 'forged'),
    lambda: delattr(v, '_Vault__key'),
    lambda: object.__getattribute__(v, '_Vault__key'),
    lambda: object.__setattr__(v, '_Vault__key', 'forged'),
    lambda: object.__delattr__(v, '_Vault__key'),
    lambda: operator.attrgetter('_Vault__key')(v),
    lambda: '{0._Vault__key}'.format(v),
    lambda: Vault._Vault__kind,
    lambda: type.__getattribute__(Vault, '_Vault__kind'),
    lambda: setattr(Vault, '_Vault__kind', 'forged'),
    lambda: v._Vault__helper(),
]
for get in outside:
    assert refused(get), get
for _ in range(3):  # the check holds on every execution, not only the first
    assert refused(lambda: v._Vault__key)
assert not hasattr(v, '_Vault__key') and getattr(v, '_Vault__key', 'default') == 'default'

class Sub(Vault):
    def peek(self):
        return self._Vault__key
    def peek_super(self):
        return super()._Vault__helper()
s = Sub()
assert refused(s.peek) and refused(s.peek_super)

class Impostor:  # another class with the same name
    pass
Impostor.__name__ = Impostor.__qualname__ = 'Vault'
class Vault:  # noqa: F811 - a second class named Vault
    def steal(self, other):
        return other._Vault__key
assert refused(lambda: Vault().steal(v))
exec("class Vault:\n    def steal(self, o):\n        return o._Vault__key\nresult = []\ntry:\n"
     "    Vault().steal(v)\nexcept AttributeError:\n    result.append(1)\n", globals())
assert result == [1]

# Namespace views: readable (copy and deepcopy keep private state), not writable.
ns = vars(v)
assert type(ns).__name__ == 'mappingproxy' and ns['_Vault__key'] == 'secret'
for write in (lambda: ns.__setitem__('_Vault__key', 'forged'), lambda: v.__dict__.update(_Vault__key='x')):
    try:
        write()
    except (TypeError, AttributeError):
        pass
    else:
        raise AssertionError('wrote private state through a namespace view')
assert v.key() == 'secret'
c, d = copy.copy(v), copy.deepcopy(v)
assert c.key() == d.key() == 'secret' and c.public == 'public'
v.rekey('changed')
assert v.key() == 'changed' and c.key() == 'secret'

# __class__ assignment cannot strip the privacy: moving the object to a class
# without Vault in its MRO is refused (even from a subclass's code).
class Stripped:
    pass
def strip(obj):
    obj.__class__ = Stripped
try:
    strip(c)
except TypeError as e:
    assert "private to class 'Vault'" in str(e), str(e)
else:
    raise AssertionError('__class__ assignment stripped private state')
class Sub2(type(v)):  # the first Vault (the name was rebound above)
    def strip(self):
        self.__class__ = Stripped
    def ns(self):
        return type(self.__dict__).__name__
try:
    Sub2().strip()
except TypeError:
    pass
else:
    raise AssertionError("a subclass stripped its base's private state")
assert Sub2().ns() == 'mappingproxy'  # a subclass's code gets the read-only view too

# Private __slots__: the descriptor in the class's namespace refuses writes
# from outside too.
class Slotted:
    __slots__ = ('__pin',)
    def __init__(self):
        self.__pin = 1234
    def pin(self):
        return self.__pin
sl = Slotted()
descriptor = Slotted.__dict__['_Slotted__pin']
assert refused(lambda: sl._Slotted__pin) and refused(lambda: descriptor.__set__(sl, 0))
assert refused(lambda: descriptor.__delete__(sl)) and sl.pin() == 1234

class Plain:
    pass
p = Plain()
p.x = 1
assert type(vars(p)) is dict  # no private state: the real dict, as in CPython
print('ok')
