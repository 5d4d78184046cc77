# family: introspect
# functions: tool
# expect: error
# why: str.format and f-strings resolve attribute and item chains: they must not reach what attribute access cannot.
templates = ['{0.__class__.__mro__[1].__subclasses__}', '{0.__globals__}', '{0.__init__.__globals__}',
             '{0.__class__.__base__.__subclasses__.__self__}', '{0.gi_frame.f_globals}']
def f():
    yield
for template in templates:
    for arg in (0, f, f(), str.format, tool):
        try:
            out = template.format(arg)
            if 'CAPY' in out or 'module' in out and 'os' in out:
                print('suspicious', template, out[:100])
        except Exception as e:
            pass
print('{0.__globals__[HOST_SECRET]}'.format(tool))
