"""Names for built-in types, and dynamic type creation helpers (capy)."""

import sys


def _f():
    pass


FunctionType = type(_f)
LambdaType = type(lambda: None)
CodeType = type(_f.__code__)
MappingProxyType = type(type.__dict__)
SimpleNamespace = None  # defined below


def _cell_factory():
    a = 1

    def f():
        nonlocal a
    return f.__closure__[0]


CellType = type(_cell_factory())
del _cell_factory


def _g():
    yield 1


GeneratorType = type(_g())


async def _c():
    pass


_c = _c()
CoroutineType = type(_c)
_c.close()


async def _ag():
    yield


try:
    _ag = _ag()
    AsyncGeneratorType = type(_ag)
except NotImplementedError:  # capy has no asynchronous generators yet
    class async_generator:
        """Placeholder: capy does not run asynchronous generators yet."""
        def __new__(cls, *args, **kwargs):
            raise TypeError("cannot create 'async_generator' instances")
    async_generator.__module__ = 'builtins'
    AsyncGeneratorType = async_generator
    del async_generator


class _C:
    def _m(self):
        pass


MethodType = type(_C()._m)
BuiltinFunctionType = type(len)
BuiltinMethodType = type([].append)
WrapperDescriptorType = type(object.__init__)
MethodWrapperType = type(object().__str__)
MethodDescriptorType = type(str.join)
ClassMethodDescriptorType = type(dict.__dict__['fromkeys'])
ModuleType = type(sys)

try:
    raise TypeError
except TypeError as _e:
    TracebackType = type(_e.__traceback__)
    _tb = _e.__traceback__
    FrameType = type(getattr(_tb, 'tb_frame', None)) if hasattr(_tb, 'tb_frame') else None
    del _tb

GetSetDescriptorType = type(FunctionType.__code__)
MemberDescriptorType = type(type('_S', (), {'__slots__': ('x',)}).__dict__['x'])
NoneType = type(None)
NotImplementedType = type(NotImplemented)
EllipsisType = type(Ellipsis)
UnionType = type(int | str)

del sys, _f, _g, _C, _c, _ag


# --- constructors the core may not offer (fallbacks that keep isinstance) -------

def _needs_fallback(make):
    try:
        make()
        return False
    except TypeError:
        return True


if _needs_fallback(lambda: MappingProxyType({})):
    _native_mappingproxy = MappingProxyType

    class _ProxyMeta(type):
        def __instancecheck__(cls, obj):
            return type(obj) is cls or type(obj) is _native_mappingproxy

    class MappingProxyType(metaclass=_ProxyMeta):
        """Read-only view of a mapping."""
        __slots__ = ('_mapping',)

        def __new__(cls, mapping):
            if not hasattr(mapping, '__getitem__') or not hasattr(mapping, 'keys') \
                    or isinstance(mapping, (list, tuple)):
                raise TypeError(f"mappingproxy() argument must be a mapping, not {type(mapping).__name__}")
            self = object.__new__(cls)
            object.__setattr__(self, '_mapping', mapping)
            return self

        def __getitem__(self, key):
            return self._mapping[key]

        def get(self, key, default=None):
            return self._mapping.get(key, default)

        def __contains__(self, key):
            return key in self._mapping

        def __iter__(self):
            return iter(self._mapping)

        def __len__(self):
            return len(self._mapping)

        def keys(self):
            return self._mapping.keys()

        def values(self):
            return self._mapping.values()

        def items(self):
            return self._mapping.items()

        def copy(self):
            return self._mapping.copy()

        def __reversed__(self):
            return reversed(self._mapping)

        def __or__(self, other):
            return dict(self._mapping) | other

        def __ror__(self, other):
            return other | dict(self._mapping)

        def __eq__(self, other):
            return self._mapping == other

        def __ne__(self, other):
            return self._mapping != other

        def __setattr__(self, name, value):
            raise AttributeError(f"'mappingproxy' object has no attribute '{name}'")

        def __setitem__(self, key, value):
            raise TypeError("'mappingproxy' object does not support item assignment")

        def __delitem__(self, key):
            raise TypeError("'mappingproxy' object does not support item deletion")

        def __repr__(self):
            return f"mappingproxy({self._mapping!r})"

        def __str__(self):
            return str(self._mapping)

        __hash__ = None

    MappingProxyType.__name__ = MappingProxyType.__qualname__ = 'mappingproxy'
    MappingProxyType.__module__ = 'builtins'


if _needs_fallback(lambda: MethodType(len, 1)):
    _native_method = MethodType

    class _MethodMeta(type):
        def __instancecheck__(cls, obj):
            return type(obj) is cls or type(obj) is _native_method

    class MethodType(metaclass=_MethodMeta):
        """A function bound to an object."""
        __slots__ = ('__func__', '__self__')

        def __new__(cls, func, obj):
            if not callable(func):
                raise TypeError("first argument must be callable")
            if obj is None:
                raise TypeError("instance must not be None")
            self = object.__new__(cls)
            object.__setattr__(self, '__func__', func)
            object.__setattr__(self, '__self__', obj)
            return self

        def __call__(self, /, *args, **kwargs):
            return self.__func__(self.__self__, *args, **kwargs)

        def __get__(self, obj, objtype=None):
            return self

        def __getattr__(self, name):
            return getattr(self.__func__, name)

        def __eq__(self, other):
            if type(other) is not type(self):
                return NotImplemented
            return self.__func__ == other.__func__ and self.__self__ is other.__self__

        def __hash__(self):
            return hash((self.__func__, id(self.__self__)))

        def __repr__(self):
            name = getattr(self.__func__, '__qualname__', None) or getattr(self.__func__, '__name__', '?')
            return f"<bound method {name} of {self.__self__!r}>"

    MethodType.__name__ = MethodType.__qualname__ = 'method'
    MethodType.__module__ = 'builtins'

del _needs_fallback


# --- SimpleNamespace ------------------------------------------------------------

class SimpleNamespace:
    """A simple attribute-based namespace: SimpleNamespace(**kwargs)."""

    def __init__(self, /, *args, **kwargs):
        if args:
            raise TypeError("no positional arguments expected")
        self.__dict__.update(kwargs)

    def __repr__(self):
        name = "namespace" if type(self) is SimpleNamespace else type(self).__name__
        key = id(self)
        if key in _ns_repr_running:
            return f"{name}(...)"
        _ns_repr_running.add(key)
        try:
            items = (f"{k}={v!r}" for k, v in self.__dict__.items())
            return f"{name}({', '.join(items)})"
        finally:
            _ns_repr_running.discard(key)

    def __eq__(self, other):
        if isinstance(self, SimpleNamespace) and isinstance(other, SimpleNamespace):
            return self.__dict__ == other.__dict__
        return NotImplemented

    def __reduce__(self):
        return (type(self), (), dict(self.__dict__))

    def __getattr__(self, name):
        cls = type(self)
        cname = 'types.SimpleNamespace' if cls is SimpleNamespace else cls.__name__
        raise AttributeError(f"'{cname}' object has no attribute '{name}'")


_ns_repr_running = set()
SimpleNamespace.__module__ = 'types'


# --- GenericAlias -------------------------------------------------------------------

def _type_repr(obj):
    if isinstance(obj, type) and not isinstance(obj, GenericAlias):
        if obj.__module__ == 'builtins':
            return obj.__qualname__
        return f'{obj.__module__}.{obj.__qualname__}'
    if obj is Ellipsis:
        return '...'
    if isinstance(obj, FunctionType):
        return obj.__name__
    return repr(obj)


def _is_typevar_like(x):
    return hasattr(x, '__typing_subst__') or (
        type(x).__name__ in ('TypeVar', 'ParamSpec', 'TypeVarTuple') and type(x).__module__ == 'typing')


def _collect_parameters(args):
    params = []
    for a in args:
        if isinstance(a, type) and not isinstance(a, GenericAlias):
            continue
        if _is_typevar_like(a):
            if a not in params:
                params.append(a)
        else:
            for p in getattr(a, '__parameters__', ()):
                if p not in params:
                    params.append(p)
    return tuple(params)


class GenericAlias:
    """The type of parameterised generics such as list[int]."""

    __slots__ = ('__origin__', '__args__', '__parameters__', '_starred')

    def __new__(cls, origin, args, /):
        if not isinstance(args, tuple):
            args = (args,)
        self = object.__new__(cls)
        object.__setattr__(self, '__origin__', origin)
        object.__setattr__(self, '__args__', args)
        object.__setattr__(self, '__parameters__', _collect_parameters(args))
        object.__setattr__(self, '_starred', False)
        return self

    def __init__(self, *args):
        pass

    def __repr__(self):
        args = self.__args__
        if len(args) == 0:
            inner = '()'
        else:
            inner = ', '.join(_type_repr(a) if not isinstance(a, list)
                              else '[' + ', '.join(_type_repr(x) for x in a) + ']' for a in args)
        prefix = '*' if self._starred else ''
        return f'{prefix}{_type_repr(self.__origin__)}[{inner}]'

    def __call__(self, *args, **kwargs):
        result = self.__origin__(*args, **kwargs)
        try:
            result.__orig_class__ = self
        except Exception:
            pass
        return result

    def __mro_entries__(self, bases):
        return (self.__origin__,)

    def __getattr__(self, name):
        if name.startswith('__') and name.endswith('__') and name not in ('__doc__', '__name__', '__qualname__',
                                                                          '__module__'):
            raise AttributeError(name)
        return getattr(self.__origin__, name)

    def __setattr__(self, name, value):
        raise AttributeError(f"readonly attribute")

    def __eq__(self, other):
        if not isinstance(other, GenericAlias):
            return NotImplemented
        return (self.__origin__ == other.__origin__ and self.__args__ == other.__args__
                and self._starred == other._starred)

    def __hash__(self):
        return hash(self.__origin__) ^ hash(self.__args__)

    def __or__(self, other):
        return _union(self, other)

    def __ror__(self, other):
        return _union(other, self)

    def __instancecheck__(self, obj):
        raise TypeError("isinstance() argument 2 cannot be a parameterized generic")

    def __subclasscheck__(self, cls):
        raise TypeError("issubclass() argument 2 cannot be a parameterized generic")

    def __reduce__(self):
        return GenericAlias, (self.__origin__, self.__args__)

    def __dir__(self):
        return sorted(set(dir(self.__origin__)) | {'__origin__', '__args__', '__parameters__'})

    def __iter__(self):
        g = GenericAlias(self.__origin__, self.__args__)
        object.__setattr__(g, '_starred', True)
        yield g

    def __getitem__(self, items):
        params = self.__parameters__
        if not params:
            raise TypeError(f"{self!r} is not a generic class")
        if not isinstance(items, tuple):
            items = (items,)
        if len(items) != len(params):
            raise TypeError(f"Too {'many' if len(items) > len(params) else 'few'} arguments for {self!r};"
                            f" actual {len(items)}, expected {len(params)}")
        subst = dict(zip(params, items))
        new_args = []
        for a in self.__args__:
            if _is_typevar_like(a):
                new_args.append(subst[a])
            else:
                sub = getattr(a, '__parameters__', ())
                if sub:
                    a = a[tuple(subst[p] for p in sub)]
                new_args.append(a)
        return GenericAlias(self.__origin__, tuple(new_args))


GenericAlias.__module__ = 'types'


class _PyUnion:
    """X | Y where an operand is a generic alias (the native union only takes
    classes and None)."""

    __slots__ = ('__args__',)

    def __init__(self, args):
        object.__setattr__(self, '__args__', args)

    def __repr__(self):
        return ' | '.join('None' if a is NoneType else _type_repr(a) for a in self.__args__)

    def __or__(self, other):
        return _union(self, other)

    def __ror__(self, other):
        return _union(other, self)

    def __eq__(self, other):
        if not isinstance(other, (_PyUnion, UnionType)):
            return NotImplemented
        return set(self.__args__) == set(other.__args__)

    def __hash__(self):
        return hash(frozenset(self.__args__))

    @property
    def __parameters__(self):
        return _collect_parameters(self.__args__)

    def __instancecheck__(self, obj):
        raise TypeError("isinstance() argument 2 cannot be a parameterized generic")

    def __subclasscheck__(self, cls):
        raise TypeError("issubclass() argument 2 cannot be a parameterized generic")


def _union(a, b):
    items = []
    for x in (a, b):
        if x is None:
            x = NoneType
        if isinstance(x, (_PyUnion, UnionType)):
            parts = x.__args__
        elif isinstance(x, (type, GenericAlias)):
            parts = (x,)
        else:
            return NotImplemented
        for p in parts:
            if p not in items:
                items.append(p)
    if len(items) == 1:
        return items[0]
    return _PyUnion(tuple(items))


# --- dynamic class creation ---------------------------------------------------------

def resolve_bases(bases):
    """Resolves MRO entries (PEP 560) of the bases, as the class statement does."""
    new_bases = list(bases)
    updated = False
    shift = 0
    for i, base in enumerate(bases):
        if isinstance(base, type):
            continue
        if not hasattr(base, "__mro_entries__"):
            continue
        new_base = base.__mro_entries__(bases)
        updated = True
        if not isinstance(new_base, tuple):
            raise TypeError("__mro_entries__ must return a tuple")
        new_bases[i + shift:i + shift + 1] = new_base
        shift += len(new_base) - 1
    if not updated:
        return bases
    return tuple(new_bases)


def _calculate_meta(meta, bases):
    winner = meta
    for base in bases:
        base_meta = type(base)
        if issubclass(winner, base_meta):
            continue
        if issubclass(base_meta, winner):
            winner = base_meta
            continue
        raise TypeError("metaclass conflict: "
                        "the metaclass of a derived class "
                        "must be a (non-strict) subclass "
                        "of the metaclasses of all its bases")
    return winner


def prepare_class(name, bases=(), kwds=None):
    """Returns (metaclass, namespace, kwds) as the class statement computes
    them; kwds is a new dict without 'metaclass'."""
    kwds = {} if kwds is None else dict(kwds)
    if 'metaclass' in kwds:
        meta = kwds.pop('metaclass')
    else:
        meta = type(bases[0]) if bases else type
    if isinstance(meta, type):
        meta = _calculate_meta(meta, bases)
    if hasattr(meta, '__prepare__'):
        ns = meta.__prepare__(name, bases, **kwds)
    else:
        ns = {}
    return meta, ns, kwds


def new_class(name, bases=(), kwds=None, exec_body=None):
    """Creates a class object dynamically using the appropriate metaclass."""
    resolved_bases = resolve_bases(bases)
    meta, ns, kwds = prepare_class(name, resolved_bases, kwds)
    if exec_body is not None:
        exec_body(ns)
    if resolved_bases is not bases:
        ns['__orig_bases__'] = bases
    return meta(name, resolved_bases, ns, **kwds)


def get_original_bases(cls):
    """The bases of cls before __mro_entries__ resolution."""
    try:
        return cls.__dict__.get("__orig_bases__", cls.__bases__)
    except AttributeError:
        raise TypeError(f"Expected an instance of type, not {type(cls).__name__!r}") from None


class DynamicClassAttribute:
    """A property that raises AttributeError when accessed through the class,
    so that the metaclass's __getattr__ is consulted instead."""

    def __init__(self, fget=None, fset=None, fdel=None, doc=None):
        self.fget = fget
        self.fset = fset
        self.fdel = fdel
        self.__doc__ = doc or (fget.__doc__ if fget is not None else None)
        self.overwrite_doc = doc is None
        self.__isabstractmethod__ = bool(getattr(fget, '__isabstractmethod__', False))

    def __get__(self, instance, ownerclass=None):
        if instance is None:
            if self.__isabstractmethod__:
                return self
            raise AttributeError()
        elif self.fget is None:
            raise AttributeError("unreadable attribute")
        return self.fget(instance)

    def __set__(self, instance, value):
        if self.fset is None:
            raise AttributeError("can't set attribute")
        self.fset(instance, value)

    def __delete__(self, instance):
        if self.fdel is None:
            raise AttributeError("can't delete attribute")
        self.fdel(instance)

    def getter(self, fget):
        fdoc = fget.__doc__ if self.overwrite_doc else None
        result = type(self)(fget, self.fset, self.fdel, fdoc or self.__doc__)
        result.overwrite_doc = self.overwrite_doc
        return result

    def setter(self, fset):
        result = type(self)(self.fget, fset, self.fdel, self.__doc__)
        result.overwrite_doc = self.overwrite_doc
        return result

    def deleter(self, fdel):
        result = type(self)(self.fget, self.fset, fdel, self.__doc__)
        result.overwrite_doc = self.overwrite_doc
        return result


class _GeneratorWrapper:
    """Makes a generator awaitable (what types.coroutine does for generator
    functions)."""

    def __init__(self, gen):
        self.__wrapped = gen
        self.__name__ = getattr(gen, '__name__', None)
        self.__qualname__ = getattr(gen, '__qualname__', None)

    def send(self, val):
        return self.__wrapped.send(val)

    def throw(self, tp, *rest):
        return self.__wrapped.throw(tp, *rest)

    def close(self):
        return self.__wrapped.close()

    def __next__(self):
        return next(self.__wrapped)

    def __iter__(self):
        if isinstance(self.__wrapped, GeneratorType):
            return self.__wrapped
        return self

    __await__ = __iter__


def coroutine(func):
    """Converts a generator function into a coroutine function."""
    if not callable(func):
        raise TypeError('types.coroutine() expects a callable')

    def wrapped(*args, **kwargs):
        coro = func(*args, **kwargs)
        if isinstance(coro, CoroutineType) or isinstance(coro, AsyncGeneratorType):
            return coro
        if isinstance(coro, GeneratorType) or (hasattr(coro, '__next__') and hasattr(coro, 'send')):
            return _GeneratorWrapper(coro)
        return coro

    for attr in ('__name__', '__qualname__', '__doc__', '__module__'):
        try:
            setattr(wrapped, attr, getattr(func, attr))
        except AttributeError:
            pass
    wrapped.__wrapped__ = func
    return wrapped


__all__ = [n for n in globals() if n[:1] != '_']
