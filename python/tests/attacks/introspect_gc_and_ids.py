# family: introspect
# functions: tool
# expect: any
# why: gc.get_objects / get_referrers would hand over every object of the process; id() and default reprs would reveal host addresses.
class Marker:
    pass
m = Marker()
print(repr(m), id(m) < 2 ** 32)
print(hex(id(m)), 'at 0x' not in repr(m) or int(repr(m).split('at 0x')[1].rstrip('>'), 16) < 2 ** 32)
import gc
print(len(gc.get_objects()))
for obj in gc.get_objects():
    if isinstance(obj, dict) and 'HOST_SECRET' in obj:
        print(obj['HOST_SECRET'])
for ref in gc.get_referents(tool) + gc.get_referrers(tool):
    print(repr(ref)[:200])
