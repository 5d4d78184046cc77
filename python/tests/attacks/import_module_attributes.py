# family: import
# expect: error
# why: Allowed modules that hold forbidden ones as attributes in CPython (random._os, typing.sys, collections._sys...): whatever they hold must carry no authority.
import random, datetime, typing, collections, json, os.path, re, functools, string, copy, enum
ModuleType = type(json)
for module in (random, datetime, typing, collections, json, os.path, re, functools, string, copy,
               enum):
    for attr in dir(module):
        value = getattr(module, attr, None)
        if isinstance(value, ModuleType):
            for power in ('system', 'popen', 'fork', 'execv', 'dlopen', '_getframe', 'settrace'):
                if hasattr(value, power):
                    print('PWN' + 'ED', module.__name__, attr, power)
print(random._os.environ['CAPY_CANARY'])
