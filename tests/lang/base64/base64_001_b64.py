import base64, binascii, io

def show(f, *a, **k):
    try:
        print(repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__, e)

samples = [b'', b'f', b'fo', b'foo', b'foob', b'fooba', b'foobar', bytes(range(256)), b'\xfb\xff\xfe', bytearray(b'ba')]
for s in samples:
    e = base64.b64encode(s)
    print(e[:40], base64.b64decode(e) == s, base64.standard_b64encode(s) == e,
          base64.urlsafe_b64encode(s)[:40], base64.urlsafe_b64decode(base64.urlsafe_b64encode(s)) == s)
    print(base64.b64encode(s, altchars=b'*!')[:40], base64.b64encode(s, b'-_') == base64.urlsafe_b64encode(s))

show(base64.b64decode, 'YWJj')
show(base64.b64decode, 'YWJ')
show(base64.b64decode, 'YWJjZ')
show(base64.b64decode, 'YW Jj!!')
show(base64.b64decode, 'YW Jj', validate=True)
show(base64.b64decode, 'YWJj', validate=True)
show(base64.b64decode, 'YW==YQ==')
show(base64.b64decode, 'YW==YQ==', validate=True)
show(base64.b64decode, '++//', altchars='-_')
show(base64.b64decode, '--__', altchars=b'-_')
show(base64.b64decode, 'YWJj', altchars=b'-')
show(base64.b64encode, b'x', altchars=b'-')
show(base64.b64decode, 'é')
show(base64.b64decode, 5)
show(base64.b64decode, bytearray(b'YWJj'))
show(base64.b64encode, 'abc')
show(base64.urlsafe_b64decode, 'YWJj-_-_')
show(base64.standard_b64decode, b'YWJj\n')
show(base64.encodebytes, b'x' * 100)
show(base64.decodebytes, base64.encodebytes(b'x' * 100))
show(base64.encodebytes, 'abc')
show(base64.decodebytes, 'abc')
show(base64.encodebytes, b'')
inp = io.BytesIO(b'hello world' * 20)
out = io.BytesIO()
base64.encode(inp, out)
print(out.getvalue())
back = io.BytesIO()
base64.decode(io.BytesIO(out.getvalue()), back)
print(back.getvalue() == b'hello world' * 20)
print(base64.MAXLINESIZE, base64.MAXBINSIZE, sorted(base64.__all__))
import array
show(base64.b64encode, memoryview(b'abc'))
show(base64.b64decode, memoryview(b'YWJj'))
show(base64.b32encode, memoryview(b'abc'))
show(base64.b32encode, array.array('B', b'abc'))
show(base64.encodebytes, array.array('i', [1]))
show(base64.encodebytes, memoryview(b'abc'))
show(base64.decodebytes, memoryview(b'YWJj'))
show(base64.b85encode, bytearray(b'abc'))
show(base64.a85decode, memoryview(b'@:E^'))
