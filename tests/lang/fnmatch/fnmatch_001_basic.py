import fnmatch

def show(f, *a, **k):
    try:
        print(repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__, e)

pats = ['*', '*.py', 'a?c', '[abc]*', '[!abc]*', '[a-c]x', '[!a-c]x', '[]]', '[!]]', '[', '[a', 'a[', '[\\]',
        '*a*b*c', '**', 'a**b', '[a-]', '[-a]', '[z-a]', '[a-c-e]', '[!]', '[^a]', '[[]', '[a&&b]', '[a~~b]',
        '[a||b]', '[\\-z]', 'x*y?z', '*.[ch]', 'file[0-9][0-9].txt', '.*', '\\*', '[a-z0-9_]*', '?*?', '[*]',
        '[!!]', '[b-a-c]', '[a-b-]', 'a.b+c(d)', 'é*', '*\n*']
names = ['abc', 'a.py', 'test.py', 'x', '', ']', 'ax', 'dx', 'bx', '[', 'a[', '\\', 'aXbYc', 'ab', 'aab',
         '-', 'z', 'b', 'c', '&', 'xAyBz', 'f.c', 'file12.txt', '.hidden', '*', '!', '^', 'a.b+c(d)', 'éa',
         'a\nb', 'aXbXcX']
for p in pats:
    print(repr(p), repr(fnmatch.translate(p)), [n for n in names if fnmatch.fnmatchcase(n, p)])
print(fnmatch.filter(names, '*.py'), fnmatch.filter(iter(names), '?'))
print(fnmatch.fnmatch('ABC', 'abc'), fnmatch.fnmatch('abc', 'a*'), fnmatch.fnmatchcase('ABC', 'A*'))
print(fnmatch.fnmatch(b'abc', b'a*'), fnmatch.fnmatchcase(b'a\xffc', b'a?c'), fnmatch.filter([b'x.py', b'y'], b'*.py'))
show(fnmatch.fnmatch, 5, 'a')
show(fnmatch.fnmatch, 'a', 5)
show(fnmatch.fnmatchcase, 'a', b'a')
show(fnmatch.filter, ['a'], 3)
print(sorted(fnmatch.__all__))
