# exit: 0
# stdout: ok
# Host-function globals: no function has __globals__ (guest functions, the
# Python functions of capy's modules, builtins), so nothing leads from a
# function to its module's namespace; the descriptor route on the function
# type does not exist either.
import json, dataclasses, random, re, copy, heapq, enum, typing, string, collections, functools

FunctionType = type(lambda: 0)
assert '__globals__' not in FunctionType.__dict__ and 'func_globals' not in FunctionType.__dict__
targets = [lambda: 0, json.dumps, json.loads, dataclasses.fields, random.randint, re.compile, copy.deepcopy,
           heapq.merge, enum.unique, typing.cast, string.capwords, collections.namedtuple,
           functools.total_ordering, print, len, object().__init__, str.join, dict.fromkeys]
for fn in targets:
    assert not hasattr(fn, '__globals__'), fn
    try:
        object.__getattribute__(fn, '__globals__')
    except AttributeError:
        pass
    else:
        raise AssertionError('__globals__ through object.__getattribute__')
    for hop in ('__func__', '__wrapped__', '__self__'):
        inner = getattr(fn, hop, None)
        assert inner is None or not hasattr(inner, '__globals__')
    g = getattr(fn, '__builtins__', None)
    assert g is None or g is __builtins__ or g is vars(__import__('builtins'))
# What a builtin of a module is bound to leads nowhere further: no globals,
# no loader, no other module.
for fn in (json.dumps, json.loads, random.randint, re.compile, heapq.heappush, functools.reduce):
    owner = getattr(fn, '__self__', None)
    assert owner is None or not hasattr(owner, '__globals__'), fn
    assert owner is None or getattr(owner, '__loader__', None) is None, fn
print('ok')
