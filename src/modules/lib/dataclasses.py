"""Data classes (PEP 557), capy implementation.

@dataclass reads a class's annotated attributes and generates __init__,
__repr__, __eq__ (and, on request, ordering, __hash__, frozen attribute
guards, __slots__ and __match_args__). The generated methods are compiled
from source text in one exec() per class, so their signatures and error
messages are those of ordinary Python functions.
"""

import sys
import copy
import types
import abc

__all__ = ['dataclass',
           'field',
           'Field',
           'FrozenInstanceError',
           'InitVar',
           'KW_ONLY',
           'MISSING',
           'fields',
           'asdict',
           'astuple',
           'make_dataclass',
           'replace',
           'is_dataclass',
           ]


class FrozenInstanceError(AttributeError):
    """Raised when assigning to a field of a frozen dataclass instance."""


class _HAS_DEFAULT_FACTORY_CLASS:
    def __repr__(self):
        return '<factory>'


_HAS_DEFAULT_FACTORY = _HAS_DEFAULT_FACTORY_CLASS()


class _MISSING_TYPE:
    pass


MISSING = _MISSING_TYPE()


class _KW_ONLY_TYPE:
    pass


KW_ONLY = _KW_ONLY_TYPE()

_EMPTY_METADATA = types.MappingProxyType({})


class _FIELD_BASE:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return self.name


_FIELD = _FIELD_BASE('_FIELD')
_FIELD_CLASSVAR = _FIELD_BASE('_FIELD_CLASSVAR')
_FIELD_INITVAR = _FIELD_BASE('_FIELD_INITVAR')

_FIELDS = '__dataclass_fields__'
_PARAMS = '__dataclass_params__'
_POST_INIT_NAME = '__post_init__'


class InitVar:
    """Marks an init-only pseudo-field: InitVar[T] parameters go to
    __init__ and __post_init__ but are not stored."""

    __slots__ = ('type',)

    def __init__(self, type):
        self.type = type

    def __repr__(self):
        if isinstance(self.type, type):
            type_name = self.type.__name__
        else:
            type_name = repr(self.type)
        return f'dataclasses.InitVar[{type_name}]'

    def __class_getitem__(cls, type):
        return InitVar(type)


class Field:
    """The description of one field of a dataclass (see field())."""

    __slots__ = ('name', 'type', 'default', 'default_factory', 'repr', 'hash', 'init', 'compare',
                 'metadata', 'kw_only', '_field_type')

    def __init__(self, default, default_factory, init, repr, hash, compare, metadata, kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.metadata = (_EMPTY_METADATA if metadata is None else types.MappingProxyType(metadata))
        self.kw_only = kw_only
        self._field_type = None

    def __repr__(self):
        return ('Field('
                f'name={self.name!r},'
                f'type={self.type!r},'
                f'default={self.default!r},'
                f'default_factory={self.default_factory!r},'
                f'init={self.init!r},'
                f'repr={self.repr!r},'
                f'hash={self.hash!r},'
                f'compare={self.compare!r},'
                f'metadata={self.metadata!r},'
                f'kw_only={self.kw_only!r},'
                f'_field_type={self._field_type}'
                ')')

    def __set_name__(self, owner, name):
        # Forward to the default value's __set_name__ (descriptors as defaults).
        func = getattr(type(self.default), '__set_name__', None)
        if func:
            func(self.default, owner, name)

    __class_getitem__ = classmethod(types.GenericAlias)


class _DataclassParams:
    __slots__ = ('init', 'repr', 'eq', 'order', 'unsafe_hash', 'frozen')

    def __init__(self, init, repr, eq, order, unsafe_hash, frozen):
        self.init = init
        self.repr = repr
        self.eq = eq
        self.order = order
        self.unsafe_hash = unsafe_hash
        self.frozen = frozen

    def __repr__(self):
        return ('_DataclassParams('
                f'init={self.init!r},'
                f'repr={self.repr!r},'
                f'eq={self.eq!r},'
                f'order={self.order!r},'
                f'unsafe_hash={self.unsafe_hash!r},'
                f'frozen={self.frozen!r}'
                ')')


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True,
          hash=None, compare=True, metadata=None, kw_only=MISSING):
    """Describes a field: its default (or a zero-argument default_factory),
    whether it is a parameter of __init__ (init), shown by __repr__ (repr),
    used by comparisons (compare) and __hash__ (hash; None follows compare),
    keyword-only (kw_only), plus read-only metadata."""
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError('cannot specify both default and default_factory')
    return Field(default, default_factory, init, repr, hash, compare, metadata, kw_only)


def _fields_in_init_order(fields):
    return (tuple(f for f in fields if f.init and not f.kw_only),
            tuple(f for f in fields if f.init and f.kw_only))


def _tuple_str(obj_name, fields):
    if not fields:
        return '()'
    return f'({",".join([f"{obj_name}.{f.name}" for f in fields])},)'


# --- recognising ClassVar / InitVar / KW_ONLY annotations ----------------------------

def _is_classvar(a_type):
    """typing.ClassVar or typing.ClassVar[...] (recognised without importing
    typing: only typing's special forms carry these markers)."""
    if type(a_type).__module__ != 'typing':
        return False
    if getattr(a_type, '_name', None) == 'ClassVar':
        return True
    origin = getattr(a_type, '__origin__', None)
    return origin is not None and type(origin).__module__ == 'typing' and getattr(origin, '_name', None) == 'ClassVar'


def _string_annotation_kind(annotation):
    """For string annotations: 'classvar', 'initvar', 'kw_only' or None."""
    text = annotation.strip()
    head = text.split('[', 1)[0].strip()
    if head in ('ClassVar', 'typing.ClassVar', 't.ClassVar'):
        return 'classvar'
    if head in ('InitVar', 'dataclasses.InitVar'):
        return 'initvar'
    if head in ('KW_ONLY', 'dataclasses.KW_ONLY'):
        return 'kw_only'
    return None


def _is_kw_only(a_type):
    return a_type is KW_ONLY or (isinstance(a_type, str) and _string_annotation_kind(a_type) == 'kw_only')


def _get_field(cls, a_name, a_type, default_kw_only):
    default = getattr(cls, a_name, MISSING)
    if isinstance(default, Field):
        f = default
    else:
        if isinstance(default, types.MemberDescriptorType):
            # A __slots__ member, not a default value.
            default = MISSING
        f = field(default=default)

    f.name = a_name
    f.type = a_type
    f._field_type = _FIELD

    if isinstance(a_type, str):
        kind = _string_annotation_kind(a_type)
        if kind == 'classvar':
            f._field_type = _FIELD_CLASSVAR
        elif kind == 'initvar':
            f._field_type = _FIELD_INITVAR
    else:
        if _is_classvar(a_type):
            f._field_type = _FIELD_CLASSVAR
        elif a_type is InitVar or type(a_type) is InitVar:
            f._field_type = _FIELD_INITVAR

    if f._field_type in (_FIELD_CLASSVAR, _FIELD_INITVAR):
        if f.default_factory is not MISSING:
            raise TypeError(f'field {f.name} cannot have a default factory')

    if f._field_type in (_FIELD, _FIELD_INITVAR):
        if f.kw_only is MISSING:
            f.kw_only = default_kw_only
    else:
        if f.kw_only is not MISSING:
            raise TypeError(f'field {f.name} is a ClassVar but specifies kw_only')

    if f._field_type is _FIELD and f.default.__class__.__hash__ is None:
        raise ValueError(f'mutable default {type(f.default)} for field '
                         f'{f.name} is not allowed: use default_factory')
    return f


# --- method generation -------------------------------------------------------------------

class _MethodBuilder:
    """Collects the source of several methods and compiles them together."""

    def __init__(self, cls):
        self.cls = cls
        self.sources = []
        self.names = []
        self.env = {'MISSING': MISSING, '_HAS_DEFAULT_FACTORY': _HAS_DEFAULT_FACTORY,
                    '__dataclass_builtins_object__': object, '_recursive_guard': _repr_running,
                    'FrozenInstanceError': FrozenInstanceError}
        self.annotations = {}

    def add(self, name, args, body, annotations=None):
        lines = '\n'.join(f'  {line}' for line in body) if body else '  pass'
        self.sources.append(f' def {name}({", ".join(args)}):\n{lines}')
        self.names.append(name)
        if annotations is not None:
            self.annotations[name] = annotations

    def build(self):
        if not self.names:
            return {}
        local_names = ', '.join(k for k in self.env)
        src = (f'def __create_fn__({local_names}):\n' + '\n'.join(self.sources) +
               f'\n return {{{", ".join(repr(n) + ": " + n for n in self.names)}}}')
        ns = {}
        exec(src, ns)
        fns = ns['__create_fn__'](**self.env)
        qual = self.cls.__qualname__
        for name, fn in fns.items():
            fn.__qualname__ = f'{qual}.{name}'
            if name in self.annotations:
                fn.__annotations__ = self.annotations[name]
        return fns


_repr_running = set()


def _field_assign(frozen, name, value, self_name):
    if frozen:
        return f'__dataclass_builtins_object__.__setattr__({self_name},{name!r},{value})'
    return f'{self_name}.{name}={value}'


def _init_fn(builder, fields, std_fields, kw_only_fields, frozen, has_post_init, self_name, slots):
    seen_default = False
    for f in std_fields:
        if f.init:
            if not (f.default is MISSING and f.default_factory is MISSING):
                seen_default = True
            elif seen_default:
                raise TypeError(f'non-default argument {f.name!r} follows default argument')

    env = builder.env
    body = []
    for f in fields:
        default_name = f'__dataclass_dflt_{f.name}__'
        if f.default_factory is not MISSING:
            env[default_name] = f.default_factory
            if f.init:
                value = f'{default_name}() if {f.name} is _HAS_DEFAULT_FACTORY else {f.name}'
            else:
                value = f'{default_name}()'
        else:
            if f.init:
                if f.default is not MISSING:
                    env[default_name] = f.default
                value = f.name
            elif slots and f.default is not MISSING:
                env[default_name] = f.default
                value = default_name
            else:
                value = None
        if value is not None and f._field_type is not _FIELD_INITVAR:
            body.append(_field_assign(frozen, f.name, value, self_name))

    if has_post_init:
        params = ','.join(f.name for f in fields if f._field_type is _FIELD_INITVAR)
        body.append(f'{self_name}.{_POST_INIT_NAME}({params})')

    def param(f):
        if f.default is MISSING and f.default_factory is MISSING:
            return f.name
        if f.default_factory is not MISSING:
            return f'{f.name}=_HAS_DEFAULT_FACTORY'
        return f'{f.name}=__dataclass_dflt_{f.name}__'

    args = [self_name] + [param(f) for f in std_fields]
    if kw_only_fields:
        args += ['*'] + [param(f) for f in kw_only_fields]
    annotations = {f.name: f.type for f in std_fields}
    annotations.update({f.name: f.type for f in kw_only_fields})
    annotations['return'] = None
    builder.add('__init__', args, body, annotations)


def _repr_fn(builder, fields):
    parts = ', '.join(f'{f.name}={{self.{f.name}!r}}' for f in fields)
    body = ['key = id(self)',
            'if key in _recursive_guard:',
            '    return "..."',
            '_recursive_guard.add(key)',
            'try:',
            f'    result = self.__class__.__qualname__ + f"({parts})"',
            'finally:',
            '    _recursive_guard.discard(key)',
            'return result']
    builder.add('__repr__', ['self'], body)


def _frozen_fns(builder, cls, fields):
    if fields:
        names = '(' + ', '.join(repr(f.name) for f in fields) + ',)'
    else:
        names = '()'
    builder.env['cls'] = cls
    builder.add('__setattr__', ['self', 'name', 'value'],
                [f'if type(self) is cls or name in {names}:',
                 ' raise FrozenInstanceError(f"cannot assign to field {name!r}")',
                 'super(cls, self).__setattr__(name, value)'])
    builder.add('__delattr__', ['self', 'name'],
                [f'if type(self) is cls or name in {names}:',
                 ' raise FrozenInstanceError(f"cannot delete field {name!r}")',
                 'super(cls, self).__delattr__(name)'])


def _cmp_fn(builder, name, op, self_tuple, other_tuple):
    builder.add(name, ['self', 'other'],
                ['if other.__class__ is self.__class__:',
                 f' return {self_tuple}{op}{other_tuple}',
                 'return NotImplemented'])


def _hash_fn(builder, fields):
    builder.add('__hash__', ['self'], [f'return hash({_tuple_str("self", fields)})'])


def _set_new_attribute(cls, name, value):
    if name in cls.__dict__:
        return True
    setattr(cls, name, value)
    return False


# __hash__ action for (unsafe_hash, eq, frozen, has_explicit_hash).
def _hash_action(cls, unsafe_hash, eq, frozen, has_explicit_hash):
    if not unsafe_hash:
        if not eq:
            return None
        if not frozen:
            return None if has_explicit_hash else 'set_none'
        return None if has_explicit_hash else 'add'
    if has_explicit_hash:
        raise TypeError(f'Cannot overwrite attribute __hash__ in class {cls.__name__}')
    return 'add'


def _formatannotation(annotation):
    if isinstance(annotation, type) and not isinstance(annotation, types.GenericAlias):
        if annotation.__module__ == 'builtins':
            return annotation.__qualname__
        return annotation.__module__ + '.' + annotation.__qualname__
    if isinstance(annotation, str):
        return repr(annotation)
    return repr(annotation)


def _signature_text(std_fields, kw_only_fields):
    def one(f):
        text = f'{f.name}: {_formatannotation(f.type)}'
        if f.default_factory is not MISSING:
            text += ' = <factory>'
        elif f.default is not MISSING:
            text += f' = {f.default!r}'
        return text
    parts = [one(f) for f in std_fields]
    if kw_only_fields:
        parts.append('*')
        parts += [one(f) for f in kw_only_fields]
    return '(' + ', '.join(parts) + ')'


def _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, match_args, kw_only, slots,
                   weakref_slot):
    fields = {}

    setattr(cls, _PARAMS, _DataclassParams(init, repr, eq, order, unsafe_hash, frozen))

    any_frozen_base = False
    has_dataclass_bases = False
    for b in cls.__mro__[-1:0:-1]:
        base_fields = getattr(b, _FIELDS, None)
        if base_fields is not None:
            has_dataclass_bases = True
            for f in base_fields.values():
                fields[f.name] = f
            if getattr(b, _PARAMS).frozen:
                any_frozen_base = True

    cls_annotations = cls.__dict__.get('__annotations__', {})

    cls_fields = []
    kw_only_seen = False
    for name, a_type in cls_annotations.items():
        if _is_kw_only(a_type):
            if kw_only_seen:
                raise TypeError(f'{name!r} is KW_ONLY, but KW_ONLY '
                                'has already been specified')
            kw_only_seen = True
            kw_only = True
        else:
            cls_fields.append(_get_field(cls, name, a_type, kw_only))

    for f in cls_fields:
        fields[f.name] = f
        if isinstance(getattr(cls, f.name, None), Field):
            if f.default is MISSING:
                delattr(cls, f.name)
            else:
                setattr(cls, f.name, f.default)

    for name, value in cls.__dict__.items():
        if isinstance(value, Field) and name not in cls_annotations:
            raise TypeError(f'{name!r} is a field but has no type annotation')

    if has_dataclass_bases:
        if any_frozen_base and not frozen:
            raise TypeError('cannot inherit non-frozen dataclass from a frozen one')
        if not any_frozen_base and frozen:
            raise TypeError('cannot inherit frozen dataclass from a non-frozen one')

    setattr(cls, _FIELDS, fields)

    class_hash = cls.__dict__.get('__hash__', MISSING)
    has_explicit_hash = not (class_hash is MISSING or (class_hash is None and '__eq__' in cls.__dict__))

    if order and not eq:
        raise ValueError('eq must be true if order is true')

    all_init_fields = [f for f in fields.values() if f._field_type in (_FIELD, _FIELD_INITVAR)]
    std_init_fields, kw_only_init_fields = _fields_in_init_order(all_init_fields)

    field_list = [f for f in fields.values() if f._field_type is _FIELD]
    builder = _MethodBuilder(cls)

    if init:
        has_post_init = hasattr(cls, _POST_INIT_NAME)
        self_name = '__dataclass_self__' if 'self' in fields else 'self'
        _init_fn(builder, all_init_fields, std_init_fields, kw_only_init_fields, frozen, has_post_init,
                 self_name, slots)

    if repr:
        _repr_fn(builder, [f for f in field_list if f.repr])

    cmp_fields = [f for f in field_list if f.compare]
    self_tuple = _tuple_str('self', cmp_fields)
    other_tuple = _tuple_str('other', cmp_fields)
    if eq:
        _cmp_fn(builder, '__eq__', '==', self_tuple, other_tuple)

    if order:
        for name, op in [('__lt__', '<'), ('__le__', '<='), ('__gt__', '>'), ('__ge__', '>=')]:
            if name in cls.__dict__:
                raise TypeError(f'Cannot overwrite attribute {name} '
                                f'in class {cls.__name__}. Consider using '
                                'functools.total_ordering')
            _cmp_fn(builder, name, op, self_tuple, other_tuple)

    if frozen:
        for name in ('__setattr__', '__delattr__'):
            if name in cls.__dict__:
                raise TypeError(f'Cannot overwrite attribute {name} in class {cls.__name__}')
        _frozen_fns(builder, cls, field_list)

    action = _hash_action(cls, unsafe_hash, eq, frozen, has_explicit_hash)
    if action == 'add':
        _hash_fn(builder, [f for f in field_list if (f.compare if f.hash is None else f.hash)])

    fns = builder.build()
    for name, fn in fns.items():
        if name == '__hash__':
            cls.__hash__ = fn
        else:
            _set_new_attribute(cls, name, fn)
    if action == 'set_none':
        cls.__hash__ = None

    if not getattr(cls, '__doc__'):
        try:
            cls.__doc__ = cls.__name__ + _signature_text(std_init_fields, kw_only_init_fields)
        except (TypeError, ValueError, AttributeError):
            pass

    if match_args:
        _set_new_attribute(cls, '__match_args__', tuple(f.name for f in std_init_fields))

    if weakref_slot and not slots:
        raise TypeError('weakref_slot is True but slots is False')
    if slots:
        cls = _add_slots(cls, frozen, weakref_slot)

    abc.update_abstractmethods(cls)
    return cls


def _dataclass_getstate(self):
    return [getattr(self, f.name) for f in fields(self)]


def _dataclass_setstate(self, state):
    for f, value in zip(fields(self), state):
        object.__setattr__(self, f.name, value)


def _add_slots(cls, is_frozen, weakref_slot):
    cls_dict = dict(cls.__dict__)
    field_names = tuple(f.name for f in fields(cls))
    inherited_slots = set()
    for base in cls.__mro__[1:-1]:
        slots = base.__dict__.get('__slots__', ())
        if isinstance(slots, str):
            slots = (slots,)
        inherited_slots.update(slots)
    new_slots = [n for n in field_names if n not in inherited_slots]
    if weakref_slot and '__weakref__' not in inherited_slots:
        new_slots.append('__weakref__')
    cls_dict['__slots__'] = tuple(new_slots)
    for name in field_names:
        cls_dict.pop(name, None)
    cls_dict.pop('__dict__', None)
    cls_dict.pop('__weakref__', None)
    qualname = getattr(cls, '__qualname__', None)
    cls = type(cls)(cls.__name__, cls.__bases__, cls_dict)
    if qualname is not None:
        cls.__qualname__ = qualname
    if is_frozen:
        if '__getstate__' not in cls_dict:
            cls.__getstate__ = _dataclass_getstate
        if '__setstate__' not in cls_dict:
            cls.__setstate__ = _dataclass_setstate
    # The generated methods refer to the class being decorated.
    for name in ('__setattr__', '__delattr__'):
        fn = cls.__dict__.get(name)
        if fn is not None and getattr(fn, '__qualname__', '').endswith('.' + name):
            _rebind_frozen(cls, name)
    return cls


def _rebind_frozen(cls, name):
    flds = tuple(f.name for f in getattr(cls, _FIELDS).values() if f._field_type is _FIELD)
    if name == '__setattr__':
        def __setattr__(self, attr, value):
            if type(self) is cls or attr in flds:
                raise FrozenInstanceError(f"cannot assign to field {attr!r}")
            super(cls, self).__setattr__(attr, value)
        fn = __setattr__
    else:
        def __delattr__(self, attr):
            if type(self) is cls or attr in flds:
                raise FrozenInstanceError(f"cannot delete field {attr!r}")
            super(cls, self).__delattr__(attr)
        fn = __delattr__
    fn.__qualname__ = f'{cls.__qualname__}.{name}'
    setattr(cls, name, fn)


def dataclass(cls=None, /, *, init=True, repr=True, eq=True, order=False,
              unsafe_hash=False, frozen=False, match_args=True,
              kw_only=False, slots=False, weakref_slot=False):
    """Adds generated special methods to a class from its annotated fields
    (used as @dataclass or @dataclass(...))."""

    def wrap(cls):
        return _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, match_args, kw_only, slots,
                              weakref_slot)

    if cls is None:
        return wrap
    return wrap(cls)


def fields(class_or_instance):
    """The tuple of Field objects of a dataclass (type or instance),
    ClassVar and InitVar pseudo-fields excluded."""
    try:
        fields = getattr(class_or_instance, _FIELDS)
    except AttributeError:
        raise TypeError('must be called with a dataclass type or instance') from None
    return tuple(f for f in fields.values() if f._field_type is _FIELD)


def _is_dataclass_instance(obj):
    return hasattr(type(obj), _FIELDS)


def is_dataclass(obj):
    """True for a dataclass or an instance of one."""
    cls = obj if isinstance(obj, type) else type(obj)
    return hasattr(cls, _FIELDS)


def asdict(obj, *, dict_factory=dict):
    """The fields of a dataclass instance as a new dict, recursing into
    dataclasses, lists, tuples and dicts (other values are deep-copied)."""
    if not _is_dataclass_instance(obj):
        raise TypeError("asdict() should be called on dataclass instances")
    return _asdict_inner(obj, dict_factory)


def _asdict_inner(obj, dict_factory):
    if _is_dataclass_instance(obj):
        result = []
        for f in fields(obj):
            value = _asdict_inner(getattr(obj, f.name), dict_factory)
            result.append((f.name, value))
        return dict_factory(result)
    elif isinstance(obj, tuple) and hasattr(obj, '_fields'):
        return type(obj)(*[_asdict_inner(v, dict_factory) for v in obj])
    elif isinstance(obj, (list, tuple)):
        return type(obj)(_asdict_inner(v, dict_factory) for v in obj)
    elif isinstance(obj, dict):
        if hasattr(type(obj), 'default_factory'):
            result = type(obj)(getattr(obj, 'default_factory'))
            for k, v in obj.items():
                result[_asdict_inner(k, dict_factory)] = _asdict_inner(v, dict_factory)
            return result
        return type(obj)((_asdict_inner(k, dict_factory), _asdict_inner(v, dict_factory))
                         for k, v in obj.items())
    else:
        return copy.deepcopy(obj)


def astuple(obj, *, tuple_factory=tuple):
    """The field values of a dataclass instance as a new tuple, recursing
    like asdict()."""
    if not _is_dataclass_instance(obj):
        raise TypeError("astuple() should be called on dataclass instances")
    return _astuple_inner(obj, tuple_factory)


def _astuple_inner(obj, tuple_factory):
    if _is_dataclass_instance(obj):
        return tuple_factory([_astuple_inner(getattr(obj, f.name), tuple_factory) for f in fields(obj)])
    elif isinstance(obj, tuple) and hasattr(obj, '_fields'):
        return type(obj)(*[_astuple_inner(v, tuple_factory) for v in obj])
    elif isinstance(obj, (list, tuple)):
        return type(obj)(_astuple_inner(v, tuple_factory) for v in obj)
    elif isinstance(obj, dict):
        if hasattr(type(obj), 'default_factory'):
            result = type(obj)(getattr(obj, 'default_factory'))
            for k, v in obj.items():
                result[_astuple_inner(k, tuple_factory)] = _astuple_inner(v, tuple_factory)
            return result
        return type(obj)((_astuple_inner(k, tuple_factory), _astuple_inner(v, tuple_factory))
                         for k, v in obj.items())
    else:
        return copy.deepcopy(obj)


def make_dataclass(cls_name, fields, *, bases=(), namespace=None, init=True,
                   repr=True, eq=True, order=False, unsafe_hash=False,
                   frozen=False, match_args=True, kw_only=False, slots=False,
                   weakref_slot=False, module=None):
    """Creates a dataclass named cls_name; fields is an iterable of names,
    (name, type) or (name, type, Field) items."""
    if namespace is None:
        namespace = {}
    seen = set()
    annotations = {}
    defaults = {}
    for item in fields:
        if isinstance(item, str):
            name = item
            tp = 'typing.Any'
        elif len(item) == 2:
            name, tp, = item
        elif len(item) == 3:
            name, tp, spec = item
            defaults[name] = spec
        else:
            raise TypeError(f'Invalid field: {item!r}')
        if not isinstance(name, str) or not name.isidentifier():
            raise TypeError(f'Field names must be valid identifiers: {name!r}')
        if name in _KEYWORDS:
            raise TypeError(f'Field names must not be keywords: {name!r}')
        if name in seen:
            raise TypeError(f'Field name duplicated: {name!r}')
        seen.add(name)
        annotations[name] = tp

    def exec_body_callback(ns):
        ns.update(namespace)
        ns.update(defaults)
        ns['__annotations__'] = annotations

    cls = types.new_class(cls_name, bases, {}, exec_body_callback)
    if module is None:
        try:
            from _warnings import _caller
            info = _caller(0)
            module = info[2] if info is not None and info[2] is not None else '__main__'
        except ImportError:
            module = '__main__'
    cls.__module__ = module
    return dataclass(cls, init=init, repr=repr, eq=eq, order=order,
                     unsafe_hash=unsafe_hash, frozen=frozen,
                     match_args=match_args, kw_only=kw_only, slots=slots,
                     weakref_slot=weakref_slot)


_KEYWORDS = frozenset((
    'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def',
    'del', 'elif', 'else', 'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is',
    'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise', 'return', 'try', 'while', 'with', 'yield'))


def replace(obj, /, **changes):
    """A new instance of obj's dataclass with the given fields replaced."""
    if not _is_dataclass_instance(obj):
        raise TypeError("replace() should be called on dataclass instances")
    for f in getattr(obj, _FIELDS).values():
        if f._field_type is _FIELD_CLASSVAR:
            continue
        if not f.init:
            if f.name in changes:
                raise ValueError(f'field {f.name} is declared with '
                                 'init=False, it cannot be specified with '
                                 'replace()')
            continue
        if f.name not in changes:
            if f._field_type is _FIELD_INITVAR and f.default is MISSING:
                raise ValueError(f"InitVar {f.name!r} "
                                 'must be specified with replace()')
            changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)
