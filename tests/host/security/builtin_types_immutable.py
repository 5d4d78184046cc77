# exit: 0
# stdout: ok
# Shared objects cannot be changed: builtin types, builtin functions and
# descriptors are shared by every isolate of a runtime, so no route sets,
# deletes or replaces anything on them (setattr, type.__setattr__,
# object.__setattr__, the mappingproxy of their __dict__, dict methods
# applied to it, __class__ or __bases__ assignment).
def refused(fn):
    try:
        fn()
    except (TypeError, AttributeError):
        return True
    return False

targets = [int, str, object, type, dict, list, BaseException, ValueError, type(None), type(print),
           type(lambda: 0)]
for t in targets:
    assert refused(lambda: setattr(t, 'capy_x', 1)), t
    assert refused(lambda: type.__setattr__(t, 'capy_x', 1)), t
    assert refused(lambda: object.__setattr__(t, 'capy_x', 1)), t
    assert refused(lambda: t.__dict__.__setitem__('capy_x', 1)), t
    assert refused(lambda: dict.__setitem__(t.__dict__, 'capy_x', 1)), t
    assert refused(lambda: dict.update(t.__dict__, capy_x=1)), t
    assert refused(lambda: delattr(t, '__repr__')), t
    assert refused(lambda: setattr(t, '__name__', 'renamed')), t
    assert refused(lambda: setattr(t, '__doc__', 'x')), t
    assert not hasattr(t, 'capy_x')
assert refused(lambda: setattr(object, '__bases__', (int,)))
assert refused(lambda: setattr(print, '__doc__', 'x')) and refused(lambda: setattr(str.join, '__doc__', 'x'))
assert refused(lambda: setattr(len, 'attr', 1)) and refused(lambda: print.__dict__)
assert refused(lambda: setattr((), '__class__', list)) and refused(lambda: setattr(1, '__class__', bool))
class A:
    pass
assert refused(lambda: setattr(A(), '__class__', int))
for bad in (lambda: type('B', (bool,), {}), lambda: type('F', (type(lambda: 0),), {}),
            lambda: type('G', (type((i for i in ())),), {})):
    try:
        bad()
    except TypeError:
        pass
    else:
        raise AssertionError('subclassed a final builtin type')
assert int.__add__(1, 2) == 3 and repr(int) == "<class 'int'>"
print('ok')
