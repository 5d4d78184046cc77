import shlex

def tokens(lex):
    out = []
    while True:
        t = lex.get_token()
        if t == lex.eof:
            break
        out.append(t)
    return out

text = 'hello world "quoted string" \'single\' a=b foo;bar # comment\nnext line'
print(tokens(shlex.shlex(text)))
print(tokens(shlex.shlex(text, posix=True)))
lex = shlex.shlex(text, posix=True)
lex.whitespace_split = True
print(list(lex))
lex = shlex.shlex(text)
print(lex.get_token(), lex.lineno, lex.eof == '', lex.infile)
lex.push_token('pushed')
print(lex.get_token(), lex.get_token())
print(lex.error_leader(), lex.error_leader('f.txt', 7))

for pc in [True, '|&', '()']:
    for ws in [False, True]:
        lex = shlex.shlex('a && b || c; (d|e) > f 2>&1 ~/x.y', posix=True, punctuation_chars=pc)
        lex.whitespace_split = ws
        print(repr(pc), ws, list(lex), lex.punctuation_chars)
print(list(shlex.shlex('a;b', punctuation_chars=True)))
print(list(shlex.shlex('x=1;y', punctuation_chars=True)))

lex = shlex.shlex('one two three')
lex.push_source('inner source')
print(list(lex))
lex = shlex.shlex('a,b,c', posix=True)
lex.whitespace += ','
print(list(lex))
lex = shlex.shlex('path/to/file.txt -o out', posix=True)
print(list(lex))
lex = shlex.shlex('path/to/file.txt -o out', posix=True)
lex.wordchars += '/.-'
print(list(lex))
lex = shlex.shlex('a "b\\"c" \'d\\\'e\'', posix=True)
lex.escapedquotes = '"\''
try:
    print(list(lex))
except ValueError as e:
    print('ValueError', e)
lex = shlex.shlex('x # c\ny', posix=True)
lex.commenters = ''
print(list(lex), lex.lineno)
lex = shlex.shlex('abc', posix=False)
print(lex.read_token(), repr(lex.read_token()), repr(lex.read_token()))
for bad in ['"x', "'y", 'z\\']:
    try:
        print(list(shlex.shlex(bad, posix=True)))
    except ValueError as e:
        print('ValueError', e)
print(sorted(shlex.__all__))
