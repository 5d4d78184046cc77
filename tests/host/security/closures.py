# exit: 0
# stdout: ok
# Closures: __closure__ cannot be replaced and cells cannot be made or
# swapped in. A cell's contents stay readable and writable as in CPython
# (the cell belongs to this isolate's own function, and no capability of
# capy is kept in a Python closure, so there is nothing to widen).
def outer():
    secret = ['grant']
    def inner():
        return secret
    return inner
fn = outer()
cell = fn.__closure__[0]
assert cell.cell_contents == ['grant']
for bad in (lambda: setattr(fn, '__closure__', (cell,)), lambda: delattr(fn, '__closure__'),
            lambda: type(cell)(), lambda: type(cell)(1)):
    try:
        bad()
    except (AttributeError, TypeError):
        pass
    else:
        raise AssertionError('replaced or made a closure cell')
cell.cell_contents = ['changed']
assert fn() == ['changed']
for builtin in (open if 'open' in dir(__builtins__) else print, __import__, print, len):
    assert getattr(builtin, '__closure__', None) is None
print('ok')
