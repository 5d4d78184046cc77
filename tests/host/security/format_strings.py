# exit: 0
# stdout: ok
# Format-string attribute access: str.format, format_map, f-strings and
# string.Formatter follow the same attribute rules as the `.` operator, so
# they reach nothing that attribute access cannot (no __globals__, no
# private attributes of other classes) and they call nothing.
import random, json, string

def refused(fmt, *args, **kw):
    try:
        fmt.format(*args, **kw)
    except (AttributeError, KeyError, IndexError, TypeError, ValueError):
        return True
    return False

assert refused('{0.__globals__}', random.randint)
assert refused('{0.__globals__[_os].environ}', random.randint)
assert refused('{0.__init__.__globals__}', object())
assert refused('{0.__class__.__base__.__subclasses__.__globals__}', ())
assert refused('{0.__code__.co_code}', lambda: 0)
assert refused('{0.gi_frame}', (i for i in ()))
assert refused('{0.__self__.__import__}', print)

class Vault:
    def __init__(self):
        self.__key = 'secret key'
    def show(self):
        return '{0._Vault__key}'.format(self)

v = Vault()
assert v.show() == 'secret key'  # inside the class
assert refused('{0._Vault__key}', v)
assert refused('{v._Vault__key}', v=v)
try:
    '{k._Vault__key}'.format_map({'k': v})
except (AttributeError, KeyError):
    pass
else:
    raise AssertionError('format_map reached a private attribute')
try:
    string.Formatter().format('{0._Vault__key}', v)
except AttributeError:
    pass
else:
    raise AssertionError('string.Formatter reached a private attribute')
try:
    f'{v._Vault__key}'
except AttributeError:
    pass
else:
    raise AssertionError('an f-string reached a private attribute')
print('ok')
