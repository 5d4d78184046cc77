# family: introspect
# expect: error
# why: The classic escape: walk object.__subclasses__() for a class whose methods' __globals__ hold os, sys or a real __import__.
def subclasses(root):
    getter = getattr(type, '__subclasses__', None) or getattr(root, '__subclasses__')
    seen, todo = set(), [root]
    while todo:
        for sub in getter(todo.pop()):
            if sub not in seen:
                seen.add(sub)
                todo.append(sub)
                yield sub
for cls in subclasses(object):
    for value in vars(cls).values():
        g = getattr(value, '__globals__', None)
        if isinstance(g, dict) and ('os' in g or 'sys' in g or '__import__' in str(g.get('__builtins__'))):
            print('PWN' + 'ED', cls.__name__)
            print(g['os'].environ['CAPY_CANARY'])
raise LookupError('no gadget found')
