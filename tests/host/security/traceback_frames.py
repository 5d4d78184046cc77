# exit: 0
# stdout: ok
# Traceback frames: an exception raised inside capy's modules or inside a
# callback they call (re.sub's repl, copy's __deepcopy__, a metaclass hook in
# typing, json's decoder) carries a traceback of tb_next / tb_lineno entries
# only: nothing leads to the modules' frames, globals or builtins.
import re, copy, json, typing, sys

class Hook(Exception):
    pass

def collect(run):
    try:
        run()
    except Exception as e:
        tb = e.__traceback__
    else:
        raise AssertionError('no exception')
    n = 0
    while tb is not None:
        assert not hasattr(tb, 'tb_frame')
        assert [a for a in dir(tb) if not a.startswith('__')] == ['tb_lineno', 'tb_next']
        n += 1
        tb = tb.tb_next
    assert n >= 1
    return n

def repl(m):
    raise Hook()
collect(lambda: re.sub('a', repl, 'banana'))

class Evil:
    def __deepcopy__(self, memo):
        raise Hook()
collect(lambda: copy.deepcopy({'k': [Evil()]}))
collect(lambda: json.loads('{"unterminated": '))

class Meta(type):
    def __hash__(cls):
        raise Hook()
    def __eq__(cls, other):
        raise Hook()
class E(metaclass=Meta):
    pass
try:
    typing.Union[E, int]
except Hook as e:
    collect(lambda: (_ for _ in ()).throw(e))
except TypeError:
    pass

try:
    raise Hook()
except Hook:
    t, v, tb = sys.exc_info()
    assert not hasattr(tb, 'tb_frame')
print('ok')
