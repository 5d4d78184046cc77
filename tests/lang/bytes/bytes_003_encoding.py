# Binary data handling: checksums, base-16/base-64 encoding by hand, packing integers.
def crc8(data):
    crc = 0
    for byte in data:
        crc ^= byte
        for _ in range(8):
            crc = ((crc << 1) ^ 0x07) & 0xFF if crc & 0x80 else (crc << 1) & 0xFF
    return crc
def adler32(data):
    a, b = 1, 0
    for byte in data:
        a = (a + byte) % 65521
        b = (b + a) % 65521
    return (b << 16) | a
for msg in [b"", b"a", b"abc", b"The quick brown fox", bytes(range(256))]:
    print(len(msg), crc8(msg), hex(adler32(msg)))
ALPHA = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
def b64encode(data):
    out = bytearray()
    for i in range(0, len(data), 3):
        chunk = data[i:i + 3]
        n = int.from_bytes(chunk + b"\x00" * (3 - len(chunk)), "big")
        for j in range(4):
            out.append(ALPHA[(n >> (18 - 6 * j)) & 63])
        if len(chunk) < 3:
            out[len(out) - (3 - len(chunk)):] = b"=" * (3 - len(chunk))
    return bytes(out)
def b64decode(text):
    rev = {c: i for i, c in enumerate(ALPHA)}
    out = bytearray()
    text = text.rstrip(b"=")
    bits = 0
    nbits = 0
    for c in text:
        bits = (bits << 6) | rev[c]
        nbits += 6
        if nbits >= 8:
            nbits -= 8
            out.append((bits >> nbits) & 0xFF)
    return bytes(out)
for msg in [b"", b"f", b"fo", b"foo", b"foob", b"fooba", b"foobar", "héllo wörld".encode()]:
    enc = b64encode(msg)
    print(msg, enc, b64decode(enc) == msg)
def pack_u16_le(values):
    return b"".join(v.to_bytes(2, "little") for v in values)
def unpack_u16_le(data):
    return [int.from_bytes(data[i:i + 2], "little") for i in range(0, len(data), 2)]
packed = pack_u16_le([1, 256, 65535, 4660])
print(packed, unpack_u16_le(packed))
def hexdump(data, width=8):
    for off in range(0, len(data), width):
        chunk = data[off:off + width]
        hexpart = " ".join(f"{b:02x}" for b in chunk)
        text = "".join(chr(b) if 32 <= b < 127 else "." for b in chunk)
        print(f"{off:04x}  {hexpart:<{width * 3}} {text}")
hexdump(b"capy runs Python\x00\x01\x02 safely\xff")
print(memoryview(b"abc").tobytes(), bytes(memoryview(bytearray(b"xy"))), memoryview(b"abcdef")[1:3].tobytes())
print(len(memoryview(b"12345")), memoryview(b"AB")[0], list(memoryview(b"\x01\x02")))
