import binascii

def show(f, *a, **k):
    try:
        print(repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__, e)

for data in [b'', b'a', b'abc', b'hello world' * 10, bytes(range(256))]:
    show(binascii.crc32, data)
    show(binascii.crc32, data, 12345)
    show(binascii.crc_hqx, data, 0)
    show(binascii.crc_hqx, data, 0xffff)
show(binascii.crc32, b'abc', -1)
show(binascii.crc32, b'abc', 2**40 + 5)
show(binascii.crc_hqx, b'abc', 2**40 + 5)
show(binascii.crc_hqx, b'abc', -1)
show(binascii.crc_hqx, b'abc')
show(binascii.crc_hqx, b'abc', 1.5)
show(binascii.crc32, 'abc')
show(binascii.crc32)
show(binascii.crc32, b'a', 1, 2)
c = 0
for part in [b'hello ', b'world']:
    c = binascii.crc32(part, c)
print(c == binascii.crc32(b'hello world'))

# uu
for data in [b'', b'a', b'ab', b'abc', b'\x00\x00\x00', bytes(range(45))]:
    enc = binascii.b2a_uu(data)
    print(enc, binascii.b2a_uu(data, backtick=True))
    show(binascii.a2b_uu, enc)
show(binascii.b2a_uu, bytes(46))
show(binascii.a2b_uu, b'')
show(binascii.a2b_uu, b'#86)C\n')
show(binascii.a2b_uu, b'#86)C  \n')
show(binascii.a2b_uu, b'#86)Cx\n')
show(binascii.a2b_uu, b'#8\x01)C\n')
show(binascii.a2b_uu, '#86)C')

# quoted-printable
texts = [b'', b'hello', b'a=b', b'caf\xc3\xa9', b'tab\tend\t', b'space end \nnext', b'line1\r\nline2 \r\n',
         b'.\nstart', b'x' * 100, b'y' * 74 + b'=\n', b'under_score and space', b'\x00\x01\x7f\x80',
         b'a\rb', b'trailing ', b'x' * 75 + b'\n' + b'z' * 80]
for t in texts:
    for kw in [{}, {'quotetabs': True}, {'istext': False}, {'header': True}]:
        e = binascii.b2a_qp(t, **kw)
        print(kw, e)
        print(binascii.a2b_qp(e, header=kw.get('header', False)))
for e in [b'=41=42', b'soft=\nbreak', b'soft=\r\nbreak', b'a==b', b'=4', b'=zz', b'under_score', b'end=', 'str=3D']:
    show(binascii.a2b_qp, e)
    show(binascii.a2b_qp, e, header=True)
