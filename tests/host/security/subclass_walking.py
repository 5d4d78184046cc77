# exit: 0
# stdout: ok
# Subclass walking: object.__subclasses__() and type.__subclasses__ (by any
# route) list only classes created in this isolate, so the classic gadget
# hunt (os._wrap_close, importlib's FileLoader and BuiltinImporter,
# warnings.catch_warnings...) finds nothing the program did not make itself.
import sys

def all_subclasses(root, subclasses):
    seen, todo = set(), [root]
    while todo:
        for s in subclasses(todo.pop()):
            if s not in seen:
                seen.add(s)
                todo.append(s)
    return seen

class Mine:
    pass

class Child(Mine):
    pass

routes = [type.__subclasses__, lambda c: c.__subclasses__(), vars(type)['__subclasses__'],
          lambda c: type.__dict__['__subclasses__'](c),
          lambda c: getattr(getattr((), '__class__'), '__base__').__subclasses__() if c is object else c.__subclasses__()]
for route in routes:
    found = all_subclasses(object, route)
    assert Mine in found and Child in found
    for cls in found:
        module = sys.modules.get(cls.__module__)
        # Every class comes from this program or from a module it imported.
        assert cls.__module__ == '__main__' or module is not None, (cls, cls.__module__)
        assert cls.__name__ not in ('_wrap_close', 'FileLoader', 'SourceFileLoader', 'BuiltinImporter',
                                    'FrozenImporter', 'catch_warnings', 'Popen', '_Printer', '_Helper'), cls
assert Mine.__subclasses__() == [Child]
assert int.__subclasses__() == [] or all(c.__module__ in sys.modules for c in int.__subclasses__())
print('ok')
