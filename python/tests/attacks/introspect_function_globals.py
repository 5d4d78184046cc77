# family: introspect
# expect: error
# why: Functions of allowed Python-level modules expose their module's globals (and with them os, sys or the real builtins) through __globals__ and __closure__.
import json, dataclasses, random, copy, heapq, enum, typing, string, collections, functools, textwrap
for fn in (json.dumps, dataclasses.fields, random.choice, copy.deepcopy, heapq.merge, enum.unique,
           typing.cast, string.capwords, collections.namedtuple, functools.total_ordering,
           textwrap.dedent):
    for attr in ('__globals__', '__closure__', '__code__', '__wrapped__', '__builtins__'):
        if getattr(fn, attr, None) is not None:
            print(fn.__name__, 'has', attr)
g = json.dumps.__globals__
print(g['__builtins__']['__import__']('os').environ['CAPY_CANARY'])
