# family: introspect
# expect: error
# why: Forging or swapping code objects (CodeType, __code__.replace, marshal, compile to a code object passed to exec) would run bytecode of the attacker's making.
def victim():
    return 1
for label, action in (
        ('__code__', lambda: victim.__code__),
        ('compile', lambda: compile('1', 'x', 'eval')),
        ('marshal', lambda: __import__('marshal').loads(b'')),
        ('types.CodeType', lambda: __import__('types').CodeType),
        ('FunctionType', lambda: type(victim)(None, {})),
):
    try:
        value = action()
        print(label, type(value).__name__)
    except Exception as e:
        print(label, 'refused', type(e).__name__)
code = compile('1', 'x', 'exec')
exec(code)
victim.__code__ = (lambda: open('{SECRET}').read()).__code__
print(victim())
