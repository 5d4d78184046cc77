# exit: 0
# stdout: ok
# capy's gc collects and reports its flag, and nothing more: nothing that
# enumerates the isolate's objects or the referrers of one exists.
import gc

for name in ('get_objects', 'get_referrers', 'get_referents', 'is_tracked', 'is_finalized', 'freeze',
             'get_stats', 'callbacks', 'set_debug', 'get_threshold', 'set_threshold', 'get_count'):
    assert not hasattr(gc, name), name
assert sorted(n for n in dir(gc) if not n.startswith('__')) == ['collect', 'disable', 'enable', 'garbage',
                                                              'isenabled'], dir(gc)
assert isinstance(gc.collect(), int)
gc.disable()
assert not gc.isenabled()
# Collections go on (there is no reference counting to fall back on).
for i in range(200000):
    [i] * 10
gc.enable()
assert gc.isenabled() and gc.garbage == []
print('ok')
