# string.Formatter: str.format semantics through overridable methods.
from string import Formatter

def err(f):
    try:
        print("ok", repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

f = Formatter()
print(f.format('{} + {} = {}', 1, 2, 3), f.format('{0}{1}{0}', 'a', 'b'), f.format('{name}!', name='x'))
print(f.format('{0:>5}|{1:.2f}|{2!r}|{3!s}', 'ab', 3.14159, 'q', 4), f.format('{{literal}} {0}', 1))
print(f.format('{0[1]} {1[key]} {2.real}', [1, 2], {'key': 'v'}, 3j), f.format('{:{width}.{prec}f}', 2.5, width=8, prec=3))
print(f.format('{a.imag}', a=2), f.format('{!a}', 'é'), f.vformat('{x}-{0}', ('pos',), {'x': 'kw'}))
print(list(f.parse('a{0}b{x!r:>3}c{{d}}')), list(f.parse('')), list(f.parse('{}')))
print(f.get_field('0.real', (5,), {}), f.get_value(0, ('z',), {}), f.convert_field(1, 'r'), f.format_field(7, '03'))
err(lambda: f.format('{0} {}', 1, 2))
err(lambda: f.format('{} {0}', 1, 2))
err(lambda: f.format('{', 1))
err(lambda: f.format('}', 1))
err(lambda: f.format('{0!x}', 1))
err(lambda: f.format('{1}', 1))
err(lambda: f.format('{k}'))
class Upper(Formatter):
    def format_field(self, value, spec):
        return super().format_field(value, spec).upper()
    def get_value(self, key, args, kwargs):
        if isinstance(key, str) and key not in kwargs:
            return '<' + key + '>'
        return super().get_value(key, args, kwargs)
print(Upper().format('{0} {missing} {k:>4}', 'abc', k='x'))
class Strict(Formatter):
    def check_unused_args(self, used, args, kwargs):
        extra = set(kwargs) - used
        if extra:
            raise ValueError('unused: ' + ','.join(sorted(extra)))
err(lambda: Strict().format('{a}', a=1, b=2, c=3))
print(Strict().format('{a}', a=1))
