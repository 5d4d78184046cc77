# family: introspect
# expect: error
# why: Builtin types and functions are shared by every isolate in the process: patching them would reach other guests and the host's conversions.
def attempt(label, action):
    try:
        action()
        print('PWN' + 'ED', label)
    except (TypeError, AttributeError, ImportError) as e:
        print(label, 'refused', type(e).__name__)
attempt('setattr int', lambda: setattr(int, 'pwned', 1))
attempt('int.__add__', lambda: setattr(int, '__add__', lambda a, b: 0))
attempt('int.__dict__', lambda: int.__dict__.__setitem__('pwned', 1))
attempt('del str.upper', lambda: delattr(str, 'upper'))
attempt('object.__setattr__', lambda: object.__setattr__(list, 'append', None))
attempt('type.__setattr__', lambda: type.__setattr__(dict, 'get', None))
attempt('len.__name__', lambda: setattr(len, '__name__', 'pwned'))
def through_gc():
    import gc
    hidden = [d for d in gc.get_referents(str.__dict__) if isinstance(d, dict)][0]
    hidden['pwned'] = lambda self: 'patched'
attempt('gc.get_referents(str.__dict__)', through_gc)
if hasattr(str, 'pwned'):
    print('PWN' + 'ED', 'str was patched')
raise TypeError('builtins are immutable')
