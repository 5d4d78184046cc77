import shlex

def show(f, *a, **k):
    try:
        print(repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__, e)

cases = [
    '', 'a b c', '  a   b  ', 'a "b c" d', "a 'b c' d", 'a "b \\" c" d', "a 'b \\' c", 'a\\ b c',
    'foo#bar baz', 'foo #comment here', '"unterminated', "'unterminated", 'trailing\\', 'a"b"c',
    "a'b'c", '"" \'\' x', 'x=1 y="2 3"', 'echo $HOME ~/x *.py', 'a\\"b', '"a\\\\b"', "'a\\\\b'",
    '"\\x"', 'ünïcode wörds', 'a\tb\nc\rd', 'cmd && other || third; fourth', 'a|b>c<d', '\\\\',
]
for c in cases:
    show(shlex.split, c)
    show(shlex.split, c, comments=True)
    show(shlex.split, c, posix=False)

for s in ['', 'abc', 'a b', "it's", 'x"y', '$HOME', 'a\nb', 'safe@%+=:,./-_', 'é', '*', "''"]:
    print(repr(s), shlex.quote(s))
show(shlex.quote, b'a b')
show(shlex.quote, 5)
print(shlex.join(['echo', 'hello world', "it's", '']))
print(shlex.split(shlex.join(['a b', "c'd", 'e"f'])))
