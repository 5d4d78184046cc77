# family: introspect
# functions: tool
# expect: error
# why: A host function granted to the guest: its __self__, __globals__, __closure__, __module__ and reduction must lead nowhere near the host callable, its closure or its module's globals.
seen = []
for attr in ('__self__', '__globals__', '__closure__', '__code__', '__func__', '__wrapped__',
             '__module__', '__qualname__', '__dict__', '__defaults__', '__kwdefaults__',
             '__reduce__', '__reduce_ex__', '__call__', '__text_signature__'):
    try:
        seen.append((attr, repr(getattr(tool, attr))[:120]))
    except Exception as e:
        seen.append((attr, type(e).__name__))
print(seen)
for reduce in (lambda: tool.__reduce_ex__(2), lambda: tool.__reduce__(), lambda: vars(tool)):
    try:
        print(reduce())
    except Exception as e:
        print('refused', type(e).__name__)
print(tool('echo this back'))
module = __import__(tool.__module__) if isinstance(tool.__module__, str) else None
print(vars(module))
print(tool.__globals__['HOST_SECRET'])
