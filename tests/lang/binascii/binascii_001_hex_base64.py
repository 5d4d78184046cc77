import binascii

def show(f, *a, **k):
    try:
        print(repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__, e)

print(binascii.Error.__mro__)
print(binascii.Incomplete.__mro__)
print(issubclass(binascii.Error, ValueError))

for data in [b'', b'\x00', b'abc', b'\xff\xfe\x01', bytes(range(20)), bytearray(b'xyz')]:
    show(binascii.hexlify, data)
    show(binascii.b2a_hex, data)
    show(binascii.b2a_base64, data)
    show(binascii.b2a_base64, data, newline=False)

show(binascii.hexlify, b'abcde', ':', 2)
show(binascii.hexlify, b'abcde', b'-', -2)
show(binascii.hexlify, b'abcdef', ' ', 3)
show(binascii.hexlify, b'abcdef', ' ', 10)
show(binascii.hexlify, b'abc', sep='_')
show(binascii.hexlify, b'abc', sep='_', bytes_per_sep=0)
show(binascii.hexlify, b'abc', 'xy')
show(binascii.hexlify, b'abc', '')
show(binascii.hexlify, b'abc', ':', 2**70)
show(binascii.hexlify, b'abc', ':', 'a')
show(binascii.hexlify, 'abc')
show(binascii.hexlify, 5)
show(binascii.hexlify)

for h in ['', 'ab', 'ABcd', b'0102ff', bytearray(b'7f'), 'abc', 'zz', 'é1', 'a b ', 3]:
    show(binascii.unhexlify, h)
    show(binascii.a2b_hex, h)

for s in [b'', b'YWJj', b'YWJj\n', 'YWJjZA==', b'YWJjZA=', b'YWJjZA', b'YWJjZ', b'Y', b'YW', b'YWJ',
          b'YW==', b'Y===', b'====', b'YW=J', b'Y W J j', b'YWJj!!ZA==', b'YQ==YQ==', b'=YWJj',
          'YWJj\xe9', 5, b'YWJjZA==\n\n', b'YWJjZA=x=', b'ab*c', b'abcde']:
    show(binascii.a2b_base64, s)
    show(binascii.a2b_base64, s, strict_mode=True)

show(binascii.b2a_base64, 'abc')
show(binascii.b2a_base64, b'abc', b'x')
