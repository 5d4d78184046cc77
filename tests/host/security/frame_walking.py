# exit: 0
# stdout: ok
# Frame walking: no frame object exists. Generators, coroutines and
# tracebacks have no gi_frame / cr_frame / tb_frame, sys has no _getframe,
# and the traceback module's frame summaries hold no globals or locals.
import sys, types, traceback, heapq

def refused(get):
    try:
        get()
    except AttributeError:
        return True
    return False

def gen():
    yield 1
g = gen()
async def coro():
    return 1
c = coro()
assert refused(lambda: g.gi_frame) and refused(lambda: c.cr_frame)
c.close()
for name in ('_getframe', '_current_frames', 'settrace', 'setprofile', 'gettrace', 'getprofile',
             '_getframemodulename', 'call_tracing', 'addaudithook', 'audit', 'meta_path', 'path_hooks',
             'path_importer_cache', 'breakpointhook', 'excepthook', 'unraisablehook', 'displayhook_'):
    assert not hasattr(sys, name), name
assert types.FrameType is None

stolen = []
def spy():
    stolen.append(getattr(s, 'gi_frame', None))
    yield 1
s = spy()
list(heapq.merge(s, [2]))
assert stolen == [None]

try:
    1 / 0
except ZeroDivisionError as e:
    tb = e.__traceback__
assert refused(lambda: tb.tb_frame) and isinstance(tb.tb_lineno, int)
assert [a for a in dir(tb) if not a.startswith('__')] == ['tb_lineno', 'tb_next']
for frame, lineno in traceback.walk_tb(tb):
    assert frame.f_globals == {} and frame.f_locals == {}
    assert not hasattr(frame, 'f_builtins')
    assert type(frame.f_code) is not type(refused.__code__)  # a summary, not a code object
for frame, lineno in traceback.walk_stack(None):
    assert frame.f_globals == {}
print('ok')
