# Syntax errors after long chains of nested subscripts and calls: the parser
# answers at once (its error checks once took time exponential in the depth).
sources = [
    'a[' * 120 + '_. 3',
    'print[' * 120 + '_. 3',
    'match[' * 120 + '_. 3',
    'x = ' + 'f(a[' * 60 + '1 2',
    'a.b[' * 100 + 'c d',
    '[' * 150 + 'x y',
    't[g[R[r[g[p[i[g[n[R[r[p[t[e[v[i[[N[[[[[[[_. 3',
    'print ' + 'a[' * 100 + '1',
]
for src in sources:
    try:
        compile(src, '<nested>', 'exec')
        print('compiled', len(src))
    except SyntaxError as e:
        print(type(e).__name__, e.msg, e.lineno, e.offset)
