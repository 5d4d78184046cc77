"""Shallow and deep copy operations (capy).

copy(x) and deepcopy(x[, memo]) follow CPython's rules: builtin containers
are copied directly; a class may define __copy__ / __deepcopy__ or
__reduce_ex__ / __reduce__; other instances are rebuilt with cls.__new__
and get a copy of their __dict__ and __slots__ (__getstate__ / __setstate__
are honoured). Deep copies share a memo dictionary, so cycles and shared
references are preserved.
"""

import types as _types

__all__ = ["Error", "copy", "deepcopy"]


class Error(Exception):
    pass


error = Error

_object_reduce_ex = object.__reduce_ex__
_object_reduce = object.__reduce__

# Values that both copy() and deepcopy() return unchanged.
_atomic = {type(None), int, float, bool, complex, str, bytes, type, range, _types.BuiltinFunctionType,
           _types.BuiltinMethodType, type(Ellipsis), type(NotImplemented), _types.FunctionType, _types.CodeType,
           property, _types.MethodDescriptorType, _types.WrapperDescriptorType}

# Builtin value types a subclass instance is rebuilt from (cls.__new__(cls, base(x))).
_value_bases = (bool, int, float, complex, str, bytes, tuple, frozenset)


def _builtin_base(cls):
    """The first class of cls's MRO defined by capy itself (not in Python)."""
    for base in cls.__mro__:
        if base.__module__ == 'builtins':
            return base
    return object


def _slot_names(cls):
    names = []
    for c in cls.__mro__:
        slots = c.__dict__.get('__slots__')
        if slots is None:
            continue
        if isinstance(slots, str):
            slots = (slots,)
        for name in slots:
            if name in ('__dict__', '__weakref__'):
                continue
            if name.startswith('__') and not name.endswith('__'):
                name = '_%s%s' % (c.__name__.lstrip('_'), name)
            if name not in names:
                names.append(name)
    return names


def _reduce(x, cls):
    """A reduce tuple (callable, args, state, listitems, dictitems) for x, as
    object.__reduce_ex__(4) would give it."""
    reductor = getattr(cls, '__reduce_ex__', None)
    if reductor is not None and reductor is not _object_reduce_ex:
        return reductor(x, 4)
    reductor = getattr(cls, '__reduce__', None)
    if reductor is not None and reductor is not _object_reduce:
        return reductor(x)
    base = _builtin_base(cls)
    kwargs = None
    getnewargs_ex = getattr(cls, '__getnewargs_ex__', None)
    if getnewargs_ex is not None:
        args, kwargs = getnewargs_ex(x)
    else:
        getnewargs = getattr(cls, '__getnewargs__', None)
        if getnewargs is not None:
            args = getnewargs(x)
        elif base in _value_bases:
            args = (base(x),)
        elif base is object or base in (list, dict, set, bytearray) or issubclass(cls, BaseException):
            args = ()
        else:
            raise TypeError(f"cannot pickle '{cls.__name__}' object")
    getstate = getattr(x, '__getstate__', None)
    if getstate is not None:
        state = getstate()
    else:
        state = getattr(x, '__dict__', None) or None
        if state is not None and type(state) is not dict:
            # capy hands code outside a class a read-only view of a namespace
            # with private attributes (docs/security.md): copy it.
            state = dict(state)
        slots = _slot_names(cls)
        if slots:
            slotstate = {}
            for name in slots:
                try:
                    slotstate[name] = getattr(x, name)
                except AttributeError:
                    pass
            if slotstate:
                state = (state, slotstate)
    listitems = iter(x) if issubclass(cls, list) else None
    dictitems = iter(x.items()) if issubclass(cls, dict) else None
    if base is set:
        args = (list(x),)
        return (cls, args, state, None, None)
    if base is bytearray:
        args = (bytes(x),)
        return (cls, args, state, None, None)
    if issubclass(cls, BaseException):
        return (_new_exception, (cls, x.args), state, None, None)
    return (_newobj_ex, (cls, args, kwargs or {}), state, listitems, dictitems)


def _newobj_ex(cls, args, kwargs):
    return cls.__new__(cls, *args, **kwargs)


def _new_exception(cls, args):
    e = cls.__new__(cls, *args)
    e.args = args
    return e


# --- shallow copy -----------------------------------------------------------------

def copy(x):
    """Shallow copy operation on arbitrary Python objects."""
    cls = type(x)
    copier = _copy_dispatch.get(cls)
    if copier is not None:
        return copier(x)
    if issubclass(cls, type):
        return x
    copier = getattr(cls, "__copy__", None)
    if copier is not None:
        return copier(x)
    rv = _reduce(x, cls)
    if isinstance(rv, str):
        return x
    return _reconstruct(x, None, *rv)


def _copy_immutable(x):
    return x


_copy_dispatch = {t: _copy_immutable for t in _atomic}
_copy_dispatch[tuple] = _copy_immutable
_copy_dispatch[frozenset] = _copy_immutable
_copy_dispatch[list] = list.copy
_copy_dispatch[dict] = dict.copy
_copy_dispatch[set] = set.copy
_copy_dispatch[bytearray] = bytearray.copy


# --- deep copy ----------------------------------------------------------------------

def deepcopy(x, memo=None, _nil=[]):
    """Deep copy operation on arbitrary Python objects."""
    if memo is None:
        memo = {}
    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y
    cls = type(x)
    copier = _deepcopy_dispatch.get(cls)
    if copier is not None:
        y = copier(x, memo)
    elif issubclass(cls, type):
        y = x
    else:
        copier = getattr(x, "__deepcopy__", None)
        if copier is not None:
            y = copier(memo)
        else:
            rv = _reduce(x, cls)
            if isinstance(rv, str):
                y = x
            else:
                y = _reconstruct(x, memo, *rv)
    if y is not x:
        memo[d] = y
        _keep_alive(x, memo)
    return y


def _deepcopy_atomic(x, memo):
    return x


def _deepcopy_list(x, memo):
    y = []
    memo[id(x)] = y
    append = y.append
    for a in x:
        append(deepcopy(a, memo))
    return y


def _deepcopy_tuple(x, memo):
    y = [deepcopy(a, memo) for a in x]
    # A cycle through this tuple may already have produced its copy.
    try:
        return memo[id(x)]
    except KeyError:
        pass
    for k, j in zip(x, y):
        if k is not j:
            return tuple(y)
    return x


def _deepcopy_dict(x, memo):
    y = {}
    memo[id(x)] = y
    for key, value in x.items():
        y[deepcopy(key, memo)] = deepcopy(value, memo)
    return y


def _deepcopy_set(x, memo):
    y = set()
    memo[id(x)] = y
    for a in x:
        y.add(deepcopy(a, memo))
    return y


def _deepcopy_frozenset(x, memo):
    return frozenset([deepcopy(a, memo) for a in x])


def _deepcopy_bytearray(x, memo):
    return bytearray(x)


def _deepcopy_method(x, memo):
    return type(x)(x.__func__, deepcopy(x.__self__, memo))


_deepcopy_dispatch = {t: _deepcopy_atomic for t in _atomic}
_deepcopy_dispatch[list] = _deepcopy_list
_deepcopy_dispatch[tuple] = _deepcopy_tuple
_deepcopy_dispatch[dict] = _deepcopy_dict
_deepcopy_dispatch[set] = _deepcopy_set
_deepcopy_dispatch[frozenset] = _deepcopy_frozenset
_deepcopy_dispatch[bytearray] = _deepcopy_bytearray
_deepcopy_dispatch[_types.MethodType] = _deepcopy_method


def _keep_alive(x, memo):
    """Keeps x alive as long as the memo (ids in the memo must stay unique)."""
    try:
        memo[id(memo)].append(x)
    except KeyError:
        memo[id(memo)] = [x]


def _reconstruct(x, memo, func, args, state=None, listiter=None, dictiter=None, *extra):
    deep = memo is not None
    if deep and args:
        args = deepcopy(args, memo)
    y = func(*args)
    if deep:
        memo[id(x)] = y
    if state is not None:
        if deep:
            state = deepcopy(state, memo)
        setstate = getattr(y, '__setstate__', None)
        if setstate is not None:
            setstate(state)
        else:
            if isinstance(state, tuple) and len(state) == 2:
                state, slotstate = state
            else:
                slotstate = None
            if state is not None:
                y.__dict__.update(state)
            if slotstate is not None:
                for key, value in slotstate.items():
                    setattr(y, key, value)
    if listiter is not None:
        if deep:
            for item in listiter:
                y.append(deepcopy(item, memo))
        else:
            for item in listiter:
                y.append(item)
    if dictiter is not None:
        if deep:
            for key, value in dictiter:
                y[deepcopy(key, memo)] = deepcopy(value, memo)
        else:
            for key, value in dictiter:
                y[key] = value
    return y


del _types
