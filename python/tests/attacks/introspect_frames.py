# family: introspect
# expect: error
# why: Frame walking: sys._getframe, a traceback's tb_frame, a generator's gi_frame, a coroutine's cr_frame, each then f_back / f_globals up to the host.
import sys
def gen():
    yield 1
g = gen()
async def coro():
    return 1
c = coro()
frames = []
for label, get in (('getframe', lambda: sys._getframe(0)),
                   ('tb_frame', lambda: (1 / 0)),
                   ('gi_frame', lambda: g.gi_frame),
                   ('cr_frame', lambda: c.cr_frame),
                   ('f_back', lambda: g.gi_frame.f_back)):
    try:
        frames.append(get())
        print(label, 'gave', type(frames[-1]).__name__)
    except ZeroDivisionError as e:
        tb = e.__traceback__
        print('tb attrs', [a for a in ('tb_frame', 'tb_next', 'tb_lineno') if hasattr(tb, a)])
        if hasattr(tb, 'tb_frame'):
            frames.append(tb.tb_frame)
    except Exception as e:
        print(label, 'refused', type(e).__name__)
c.close()
for frame in frames:
    while frame is not None:
        globs = getattr(frame, 'f_globals', {})
        if 'CAPY_CANARY' in str(globs) or '__file__' in globs and globs['__file__'].endswith('test_attacks.py'):
            print('PWN' + 'ED', 'host frame')
        frame = getattr(frame, 'f_back', None)
print(frames[0].f_back.f_globals)
