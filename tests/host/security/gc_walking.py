# exit: 0
# stdout: ok
# gc / referrer walking: capy's gc module has only the collector's switches
# (collect, enable, disable, isenabled, garbage); nothing enumerates objects,
# referrers or referents, so the heap cannot be searched for objects the
# program was not handed.
import gc
public = sorted(n for n in dir(gc) if not n.startswith('_'))
assert set(public) <= {'collect', 'disable', 'enable', 'isenabled', 'garbage', 'DEBUG_STATS',
                       'DEBUG_COLLECTABLE', 'DEBUG_UNCOLLECTABLE', 'DEBUG_SAVEALL', 'DEBUG_LEAK',
                       'get_threshold', 'set_threshold', 'get_count', 'get_debug', 'set_debug'}, public
for name in ('get_objects', 'get_referrers', 'get_referents', 'get_stats', 'is_tracked', 'is_finalized',
             'freeze', 'unfreeze', 'get_freeze_count', 'callbacks'):
    assert not hasattr(gc, name), name
assert isinstance(gc.collect(), int)
assert gc.garbage == []
print('ok')
