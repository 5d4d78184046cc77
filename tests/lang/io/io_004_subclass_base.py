import io

def show(f, *a, **k):
    try:
        print(repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__, e)

class Upper(io.StringIO):
    def write(self, s):
        return super().write(s.upper())

u = Upper('ignored? ')
u.seek(0, 2)
u.write('hello ')
print(u.getvalue(), u.tell())
u.writelines(['a', 'b'])
print(u.getvalue(), isinstance(u, io.StringIO), isinstance(u, io.TextIOBase))

class Lines(io.StringIO):
    def readline(self, size=-1):
        line = super().readline(size)
        return line.strip() + '|' if line else line

l = Lines('x\ny\n')
print(list(l))

class Bad(io.StringIO):
    def readline(self, size=-1):
        return 42
show(list, Bad('a'))

class NoInit(io.StringIO):
    def __init__(self):
        pass
n = NoInit()
show(n.read)
show(n.write, 'x')
show(lambda: n.closed)
show(n.getvalue)

class WithInit(io.StringIO):
    def __init__(self, v):
        super().__init__(v * 2, newline='')
        self.extra = True
w = WithInit('ab\r\n')
print(repr(w.getvalue()), w.extra, w.newlines)

class B(io.BytesIO):
    def __init__(self):
        pass
b = B()
print(b.write(b'x'), b.getvalue())

# Custom raw stream built on RawIOBase.
class Counter(io.RawIOBase):
    def __init__(self, n):
        self.n = n
    def readable(self):
        return True
    def readinto(self, b):
        k = min(len(b), self.n)
        for i in range(k):
            b[i] = 65 + (self.n - i) % 26
        self.n -= k
        return k

c = Counter(10)
print(c.read(3), c.read(), c.read(), c.readable(), c.writable(), c.closed)
c = Counter(12)
print(c.readline(), c.readall())
print(isinstance(c, io.IOBase), isinstance(c, io.RawIOBase), io.RawIOBase.__mro__)
with Counter(3) as cc:
    print(cc.closed)
print(cc.closed)
show(cc.read)
show(iter, cc)
show(cc.flush)
cc.close()

class Text(io.TextIOBase):
    def __init__(self):
        self.lines = ['one\n', 'two\n']
    def readline(self, size=-1):
        return self.lines.pop(0) if self.lines else ''

t = Text()
print(list(t), t.encoding, t.errors, t.newlines)
show(t.read)
show(t.write, 'x')
show(t.detach)
show(t.seek, 0)
show(t.tell)
show(t.truncate)
show(t.fileno)
print(t.seekable(), t.readable(), t.writable(), t.isatty())
show(t._checkReadable)
show(t._checkWritable)
show(t._checkSeekable)

class Buf(io.BufferedIOBase):
    def __init__(self, data):
        self.data = data
    def read(self, n=-1):
        if n < 0:
            n = len(self.data)
        r, self.data = self.data[:n], self.data[n:]
        return r

bb = Buf(b'abc\ndef')
ba = bytearray(2)
print(bb.readinto(ba), ba, bb.readline(), bb.read())
show(bb.write, b'x')
show(bb.read1)
show(bb.detach)
print(io.IOBase.__mro__)
print(io.TextIOBase.__mro__)
print(io.BufferedIOBase.__mro__)
print(io.StringIO.__mro__)
print(io.BytesIO.__mro__)
print(type(io.IOBase).__name__, io.UnsupportedOperation.__mro__)
print(io.SEEK_SET, io.SEEK_CUR, io.SEEK_END, io.DEFAULT_BUFFER_SIZE, io.text_encoding(None), io.text_encoding('utf-8'))
import sys
print(isinstance(sys.stdout, io.TextIOBase))
