"""Weak references (capy).

DEVIATION FROM CPYTHON: capy's collector has no weak references yet, so a
"weak" reference here holds its referent strongly. Everything else follows
CPython's API: ref() objects are callable and return the referent; the
Weak*Dictionary and WeakSet containers behave as their CPython versions do
while the referents are alive -- which, here, is always. Reference
callbacks therefore never run, entries never disappear on their own, and a
finalize() object runs its function only when called explicitly (not when
the object would have been collected, nor at interpreter exit).
"""

from _collections_abc import MutableMapping, MutableSet
import types as _types

__all__ = ["ref", "proxy", "getweakrefcount", "getweakrefs",
           "WeakKeyDictionary", "ReferenceType", "ProxyType",
           "CallableProxyType", "ProxyTypes", "WeakValueDictionary",
           "WeakSet", "WeakMethod", "finalize"]

# Types whose instances CPython cannot reference weakly.
_NOT_WEAKREFABLE = (int, float, complex, str, bytes, bool, tuple, list, dict, bytearray, type(None),
                    type(NotImplemented), type(Ellipsis), range, slice)
_VARSIZE = (int, str, bytes, tuple)

# id(referent) -> list of the live ref objects to it (getweakrefcount & co).
_refs_by_id = {}


def _check_weakrefable(obj):
    cls = type(obj)
    if cls in _NOT_WEAKREFABLE or isinstance(obj, _VARSIZE):
        raise TypeError("cannot create weak reference to '%s' object" % cls.__name__)
    # A class whose __slots__ (all along its Python bases) omit __weakref__.
    python_bases = [k for k in cls.__mro__ if k.__module__ != 'builtins']
    if python_bases and all('__slots__' in k.__dict__ for k in python_bases):
        for k in python_bases:
            slots = k.__dict__['__slots__']
            if isinstance(slots, str):
                slots = (slots,)
            if '__weakref__' in slots or '__dict__' in slots:
                return
        base = [k for k in cls.__mro__ if k.__module__ == 'builtins'][0]
        if base is object:
            raise TypeError("cannot create weak reference to '%s' object" % cls.__name__)


def _addr(obj):
    return '0x%x' % id(obj)


class ref:
    """ref(obj[, callback]): a callable returning obj (see the module note:
    capy keeps obj alive; the callback never runs)."""

    __slots__ = ('_obj', '__callback__', '_hash', '__weakref__')

    def __new__(cls, obj, callback=None):
        _check_weakrefable(obj)
        self = object.__new__(cls)
        self._obj = obj
        self.__callback__ = callback
        self._hash = None
        _refs_by_id.setdefault(id(obj), []).append(self)
        return self

    def __init__(self, obj, callback=None):
        pass

    def __call__(self):
        return self._obj

    def __eq__(self, other):
        if not isinstance(other, ref):
            return NotImplemented
        return self._obj == other._obj

    def __ne__(self, other):
        if not isinstance(other, ref):
            return NotImplemented
        return self._obj != other._obj

    def __hash__(self):
        if self._hash is None:
            self._hash = hash(self._obj)
        return self._hash

    def __repr__(self):
        obj = self._obj
        name = getattr(obj, '__name__', None)
        suffix = ' (%s)' % name if isinstance(name, str) else ''
        return "<weakref at %s; to '%s' at %s%s>" % (_addr(self), type(obj).__name__, _addr(obj), suffix)

    def __class_getitem__(cls, item):
        return _types.GenericAlias(cls, item)


ref.__module__ = 'weakref'
ref.__name__ = ref.__qualname__ = 'ReferenceType'
ReferenceType = ref


def getweakrefcount(object):
    """The number of weak references and proxies to object."""
    return len(_refs_by_id.get(id(object), ()))


def getweakrefs(object):
    """The weak references and proxies to object."""
    return list(_refs_by_id.get(id(object), ()))


class WeakMethod(ref):
    """A weak reference to a bound method: calling it rebuilds the bound
    method."""

    __slots__ = ('_func_ref', '_meth_type')

    def __new__(cls, meth, callback=None):
        try:
            obj = meth.__self__
            func = meth.__func__
        except AttributeError:
            raise TypeError("argument should be a bound method, not {}".format(type(meth))) from None
        self = ref.__new__(cls, obj, callback)
        self._func_ref = func
        self._meth_type = type(meth)
        return self

    def __call__(self):
        obj = self._obj
        return self._func_ref.__get__(obj, type(obj))

    def __eq__(self, other):
        if isinstance(other, WeakMethod):
            return self._obj is other._obj and self._func_ref == other._func_ref
        return NotImplemented

    def __ne__(self, other):
        if isinstance(other, WeakMethod):
            return not (self._obj is other._obj and self._func_ref == other._func_ref)
        return NotImplemented

    def __hash__(self):
        return hash((id(self._obj), self._func_ref))


# --- proxies ----------------------------------------------------------------------

def _target(p):
    return object.__getattribute__(p, '_obj')


def _proxy_op(name):
    def op(self, *args):
        return getattr(_target(self), name)(*args)
    op.__name__ = name
    return op


class ProxyType:
    """A proxy forwarding every operation to its referent."""

    __slots__ = ('_obj', '__callback__', '__weakref__')

    def __getattribute__(self, name):
        if name in ('_obj', '__callback__'):
            return object.__getattribute__(self, name)
        return getattr(_target(self), name)

    def __setattr__(self, name, value):
        setattr(_target(self), name, value)

    def __delattr__(self, name):
        delattr(_target(self), name)

    def __repr__(self):
        obj = _target(self)
        return "<weakproxy at %s; to '%s' at %s>" % (_addr(self), type(obj).__name__, _addr(obj))

    def __str__(self):
        return str(_target(self))

    def __bool__(self):
        return bool(_target(self))

    def __len__(self):
        return len(_target(self))

    def __iter__(self):
        return iter(_target(self))

    def __next__(self):
        return next(_target(self))

    def __contains__(self, item):
        return item in _target(self)

    def __getitem__(self, key):
        return _target(self)[key]

    def __setitem__(self, key, value):
        _target(self)[key] = value

    def __delitem__(self, key):
        del _target(self)[key]

    def __eq__(self, other):
        return _target(self) == other

    def __ne__(self, other):
        return _target(self) != other

    def __lt__(self, other):
        return _target(self) < other

    def __le__(self, other):
        return _target(self) <= other

    def __gt__(self, other):
        return _target(self) > other

    def __ge__(self, other):
        return _target(self) >= other

    __hash__ = None

    def __reversed__(self):
        return reversed(_target(self))

    def __index__(self):
        return _target(self).__index__()

    def __int__(self):
        return int(_target(self))

    def __float__(self):
        return float(_target(self))

    def __neg__(self):
        return -_target(self)

    def __pos__(self):
        return +_target(self)

    def __abs__(self):
        return abs(_target(self))

    def __invert__(self):
        return ~_target(self)

    def __enter__(self):
        return _target(self).__enter__()

    def __exit__(self, *args):
        return _target(self).__exit__(*args)


for _name in ('add', 'sub', 'mul', 'matmul', 'truediv', 'floordiv', 'mod', 'pow', 'lshift', 'rshift', 'and',
              'or', 'xor', 'divmod'):
    for _fmt in ('__%s__', '__r%s__', '__i%s__'):
        _dunder = _fmt % _name
        if _dunder == '__idivmod__':
            continue
        setattr(ProxyType, _dunder, _proxy_op(_dunder))
del _name, _fmt, _dunder


class CallableProxyType(ProxyType):
    """A proxy to a callable object."""

    __slots__ = ()

    def __call__(self, *args, **kwargs):
        return _target(self)(*args, **kwargs)


ProxyType.__module__ = CallableProxyType.__module__ = 'weakref'
ProxyTypes = (ProxyType, CallableProxyType)


def proxy(object, callback=None):
    """A proxy to object (see the module note about liveness)."""
    _check_weakrefable(object)
    cls = CallableProxyType if callable(object) else ProxyType
    p = cls.__new__(cls)
    object_setattr = super(ProxyType, p).__setattr__
    object_setattr('_obj', object)
    object_setattr('__callback__', callback)
    _refs_by_id.setdefault(id(object), []).append(p)
    return p


# --- containers ---------------------------------------------------------------------

class WeakValueDictionary(MutableMapping):
    """Mapping whose values are referenced weakly (strongly in capy)."""

    def __init__(self, other=(), /, **kw):
        self.data = {}
        self.update(other, **kw)

    def __getitem__(self, key):
        return self.data[key]

    def __delitem__(self, key):
        del self.data[key]

    def __len__(self):
        return len(self.data)

    def __contains__(self, key):
        return key in self.data

    def __repr__(self):
        return "<%s at %#x>" % (self.__class__.__name__, id(self))

    def __setitem__(self, key, value):
        _check_weakrefable(value)
        self.data[key] = value

    def copy(self):
        return WeakValueDictionary(self.data)

    __copy__ = copy

    def __deepcopy__(self, memo):
        from copy import deepcopy
        new = self.__class__()
        for key, value in self.data.items():
            new[deepcopy(key, memo)] = value
        return new

    def get(self, key, default=None):
        return self.data.get(key, default)

    def items(self):
        return self.data.items()

    def keys(self):
        return self.data.keys()

    __iter__ = keys

    def itervaluerefs(self):
        for value in self.data.values():
            yield ref(value)

    def valuerefs(self):
        return list(self.itervaluerefs())

    def values(self):
        return self.data.values()

    def popitem(self):
        return self.data.popitem()

    def pop(self, key, *args):
        return self.data.pop(key, *args)

    def setdefault(self, key, default=None):
        if key in self.data:
            return self.data[key]
        self[key] = default
        return default

    def update(self, other=None, /, **kwargs):
        if other is not None:
            if not hasattr(other, "items"):
                other = dict(other)
            for key, value in other.items():
                self[key] = value
        for key, value in kwargs.items():
            self[key] = value

    def __or__(self, other):
        if isinstance(other, (dict, WeakValueDictionary)):
            c = self.copy()
            c.update(other)
            return c
        return NotImplemented

    def __ror__(self, other):
        if isinstance(other, (dict, WeakValueDictionary)):
            c = self.__class__()
            c.update(other)
            c.update(self)
            return c
        return NotImplemented

    def __ior__(self, other):
        self.update(other)
        return self


class WeakKeyDictionary(MutableMapping):
    """Mapping whose keys are referenced weakly (strongly in capy)."""

    def __init__(self, dict=None):
        self.data = {}
        if dict is not None:
            self.update(dict)

    def __delitem__(self, key):
        del self.data[key]

    def __getitem__(self, key):
        return self.data[key]

    def __len__(self):
        return len(self.data)

    def __repr__(self):
        return "<%s at %#x>" % (self.__class__.__name__, id(self))

    def __setitem__(self, key, value):
        _check_weakrefable(key)
        self.data[key] = value

    def copy(self):
        return WeakKeyDictionary(self.data)

    __copy__ = copy

    def __deepcopy__(self, memo):
        from copy import deepcopy
        new = self.__class__()
        for key, value in self.data.items():
            new[key] = deepcopy(value, memo)
        return new

    def get(self, key, default=None):
        return self.data.get(key, default)

    def __contains__(self, key):
        try:
            return key in self.data
        except TypeError:
            return False

    def items(self):
        return self.data.items()

    def keys(self):
        return self.data.keys()

    __iter__ = keys

    def values(self):
        return self.data.values()

    def keyrefs(self):
        return [ref(k) for k in self.data]

    def popitem(self):
        return self.data.popitem()

    def pop(self, key, *args):
        return self.data.pop(key, *args)

    def setdefault(self, key, default=None):
        if key in self.data:
            return self.data[key]
        self[key] = default
        return default

    def update(self, dict=None, /, **kwargs):
        if dict is not None:
            if not hasattr(dict, "items"):
                dict = type({})(dict)
            for key, value in dict.items():
                self[key] = value
        if kwargs:
            self.update(kwargs)

    def __ior__(self, other):
        self.update(other)
        return self

    def __or__(self, other):
        if isinstance(other, (dict, WeakKeyDictionary)):
            c = self.copy()
            c.update(other)
            return c
        return NotImplemented

    def __ror__(self, other):
        if isinstance(other, (dict, WeakKeyDictionary)):
            c = self.__class__()
            c.update(other)
            c.update(self)
            return c
        return NotImplemented


class WeakSet(MutableSet):
    """Set of weakly referenced objects (strongly in capy)."""

    def __init__(self, data=None):
        self.data = {}
        if data is not None:
            self.update(data)

    def __iter__(self):
        return iter(list(self.data))

    def __len__(self):
        return len(self.data)

    def __contains__(self, item):
        try:
            return item in self.data
        except TypeError:
            return False

    def __reduce__(self):
        return (self.__class__, (list(self),), getattr(self, '__dict__', None))

    def __repr__(self):
        return repr(set(ref(x) for x in self.data))

    def add(self, item):
        _check_weakrefable(item)
        self.data[item] = None

    def clear(self):
        self.data.clear()

    def copy(self):
        return self.__class__(self)

    def pop(self):
        if not self.data:
            raise KeyError('pop from empty WeakSet')
        item = next(iter(self.data))
        del self.data[item]
        return item

    def remove(self, item):
        del self.data[item]

    def discard(self, item):
        self.data.pop(item, None)

    def update(self, other):
        for element in other:
            self.add(element)

    def __ior__(self, other):
        self.update(other)
        return self

    def difference(self, other):
        newset = self.copy()
        newset.difference_update(other)
        return newset

    __sub__ = difference

    def difference_update(self, other):
        self.__isub__(other)

    def __isub__(self, other):
        if self is other:
            self.data.clear()
        else:
            for item in other:
                self.discard(item)
        return self

    def intersection(self, other):
        return self.__class__(item for item in other if item in self)

    __and__ = intersection

    def intersection_update(self, other):
        self.__iand__(other)

    def __iand__(self, other):
        keep = [item for item in other if item in self]
        self.data = dict.fromkeys(keep)
        return self

    def issubset(self, other):
        return all(item in other for item in self.data)

    __le__ = issubset

    def __lt__(self, other):
        return len(self) < len(other) and self.issubset(other)

    def issuperset(self, other):
        return all(item in self for item in other)

    __ge__ = issuperset

    def __gt__(self, other):
        return len(self) > len(other) and self.issuperset(other)

    def __eq__(self, other):
        if not isinstance(other, self.__class__):
            return NotImplemented
        return set(self.data) == set(other.data)

    __hash__ = None

    def symmetric_difference(self, other):
        newset = self.copy()
        newset.symmetric_difference_update(other)
        return newset

    __xor__ = symmetric_difference

    def symmetric_difference_update(self, other):
        self.__ixor__(other)

    def __ixor__(self, other):
        if self is other:
            self.data.clear()
        else:
            for item in list(other):
                if item in self.data:
                    del self.data[item]
                else:
                    self.add(item)
        return self

    def union(self, other):
        return self.__class__(e for s in (self, other) for e in s)

    __or__ = union

    def isdisjoint(self, other):
        return len(self.intersection(other)) == 0

    def __class_getitem__(cls, item):
        return _types.GenericAlias(cls, item)


class finalize:
    """finalize(obj, func, *args, **kwargs): calling it runs func once.

    In capy objects are never collected while referenced here, so func runs
    only when the finalize object is called explicitly."""

    __slots__ = ('_obj', '_func', '_args', '_kwargs', '_alive', 'atexit')
    _registry = []

    def __init__(self, obj, func, /, *args, **kwargs):
        _check_weakrefable(obj)
        self._obj = obj
        self._func = func
        self._args = args
        self._kwargs = kwargs or {}
        self._alive = True
        self.atexit = True

    def __call__(self, _=None):
        """Runs the callback (once) and returns its result."""
        if self._alive:
            self._alive = False
            return self._func(*self._args, **self._kwargs)
        return None

    def detach(self):
        """Marks the finalizer dead without running it; returns
        (obj, func, args, kwargs) or None if already dead."""
        if self._alive:
            self._alive = False
            return (self._obj, self._func, self._args, self._kwargs)
        return None

    def peek(self):
        """(obj, func, args, kwargs) while alive, else None."""
        if self._alive:
            return (self._obj, self._func, self._args, self._kwargs)
        return None

    @property
    def alive(self):
        """Whether the finalizer is alive."""
        return self._alive

    def __repr__(self):
        if not self._alive:
            return '<%s object at %#x; dead>' % (type(self).__name__, id(self))
        return '<%s object at %#x; for %r at %#x>' % (type(self).__name__, id(self),
                                                     type(self._obj).__name__, id(self._obj))
