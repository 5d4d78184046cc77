import io

text = 'a\nb\r\nc\rd\n\re'
for nl in [None, '', '\n', '\r', '\r\n']:
    s = io.StringIO(text, newline=nl)
    print(repr(nl), repr(s.getvalue()), repr(s.newlines))
    print('  lines', s.readlines())
    s.seek(0)
    print('  read', repr(s.read()))
    s = io.StringIO(newline=nl)
    s.write('x\ny\r\n')
    s.write('z\r')
    s.write('\nw')
    print('  written', repr(s.getvalue()), repr(s.newlines))
    s.seek(0)
    print('  iter', list(s))
    s.seek(0)
    print('  readline(2)', [s.readline(2) for _ in range(5)])

for t in ['', 'plain', 'a\n', 'a\r', 'a\r\n', 'a\nb\r', 'a\rb\r\n', 'a\nb\r\nc\r']:
    print(repr(t), repr(io.StringIO(t, newline=None).newlines), repr(io.StringIO(t, newline='').newlines),
          repr(io.StringIO(t).newlines))

for bad in ['x', '\n\n', 'abc', 5, b'\n']:
    try:
        io.StringIO(newline=bad)
    except Exception as e:
        print(type(e).__name__, e)
