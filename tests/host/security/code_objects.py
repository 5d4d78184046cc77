# exit: 0
# stdout: ok
# Code-object forging: code objects keep read-only metadata (co_name,
# co_argcount, co_varnames...) but no bytecode (co_code), no replace(), no
# constructor; functions cannot be built from code; exec() and eval() run
# source or what compile() made from source, never a function's code.
def f(a, b=2, *, c):
    x = a
    return lambda: x

code = f.__code__
assert (code.co_name, code.co_argcount, code.co_kwonlyargcount) == ('f', 2, 1)
assert code.co_varnames[:3] == ('a', 'b', 'c')
for name in ('co_code', 'co_lnotab', 'co_linetable', 'co_exceptiontable', '_co_code_adaptive', 'replace',
             '__replace__', 'co_positions', 'co_lines'):
    assert not hasattr(code, name), name
for attr, value in (('co_name', 'g'), ('co_consts', ()), ('co_argcount', 0)):
    try:
        setattr(code, attr, value)
    except (AttributeError, TypeError):
        pass
    else:
        raise AssertionError('code.%s is writable' % attr)

CodeType, FunctionType = type(code), type(f)
for make in (lambda: CodeType(), lambda: CodeType(0, 0, 0, 0, 0, 0, b'd\x00S\x00', (None,), (), (), 'x', 'x', 1, b''),
             lambda: FunctionType(code, {}), lambda: object.__new__(CodeType), lambda: object.__new__(FunctionType),
             lambda: type(f(1).__closure__[0])()):
    try:
        make()
    except TypeError:
        pass
    else:
        raise AssertionError('made a code object, function or cell')

for assign in (lambda: setattr(f, '__code__', (lambda: 0).__code__), lambda: setattr(f, '__closure__', None),
               lambda: delattr(f, '__code__'), lambda: delattr(f, '__closure__')):
    try:
        assign()
    except (AttributeError, TypeError):
        pass
    else:
        raise AssertionError('rebound a function attribute')
assert not hasattr(f, '__globals__') and not hasattr(f, 'func_globals')
# A function attribute of that name is just an attribute: the function keeps its globals.
f.__globals__ = {'len': None}
assert f(1, c=0)() == 1 and len('ab') == 2

nested = [k for k in code.co_consts if type(k) is CodeType]
assert nested, 'the lambda is a constant of f'
for run in (lambda: exec(code), lambda: exec(nested[0], {}), lambda: eval(code), lambda: eval(nested[0])):
    try:
        run()
    except TypeError:
        pass
    else:
        raise AssertionError('exec/eval ran a code object not made by compile()')

compiled = compile('y = 6 * 7', '<test>', 'exec')
ns = {}
exec(compiled, ns)
assert ns['y'] == 42 and eval(compile('1 + 1', '<t>', 'eval')) == 2
for bad in (code, b'\x00'.decode()):
    try:
        compile(bad, 'x', 'exec')
    except (TypeError, ValueError, SyntaxError):
        pass
    else:
        raise AssertionError('compile() took something other than source')
print('ok')
