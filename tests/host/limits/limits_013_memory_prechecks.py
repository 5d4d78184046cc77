# flags: --max-memory=64M --max-time=5
# exit: 0
# stdout: 32 refused
# stdout: ok
# Operations whose result size is known in advance check it before they
# allocate: each of these bombs is refused at once (MemoryError, or the
# OverflowError CPython raises for a few sizes), and the isolate stays usable.
import time

bombs = [
    lambda: "a" * 10**12,
    lambda: b"ab" * 10**11,
    lambda: [0] * 10**10,
    lambda: (None,) * 10**10,
    lambda: 10 ** (10**10),
    lambda: 7 ** 10**9,
    lambda: pow(2, 10**10),
    lambda: 1 << 10**11,
    lambda: bytes(10**11),
    lambda: bytearray(10**11),
    lambda: list(range(10**12)),
    lambda: tuple(range(10**11)),
    lambda: "-".join(["a" * 2**20] * 10**4),
    lambda: b"-".join([b"a" * 2**20] * 10**4),
    lambda: "a".ljust(10**11),
    lambda: "a".rjust(10**11),
    lambda: "a".center(10**11),
    lambda: "1".zfill(10**11),
    lambda: "\t".expandtabs(10**11),
    lambda: b"a".ljust(10**11),
    lambda: ("ab" * 2**20).replace("a", "x" * 10**4),
    lambda: (b"ab" * 2**20).replace(b"a", b"x" * 10**4),
    lambda: f"{1:>{10**11}}",
    lambda: "{:^{}}".format("x", 10**11),
    lambda: "%*d" % (10**11, 1),
    lambda: "%-*s" % (10**11, "x"),
    lambda: format(1.5, "%d.3f" % 10**11),
    lambda: bin(1 << (10**9 - 1)),
    lambda: (1).to_bytes(10**11, "big"),
    lambda: bytes.fromhex("00" * (40 * 2**20)),
    lambda: repr(b"\x00" * (20 * 2**20)),
    lambda: ("\x00" * (10 * 2**20)).encode("utf-32"),
]
count = 0
t0 = time.monotonic()
for bomb in bombs:
    try:
        bomb()
        print("not refused:", bomb)
    except (MemoryError, OverflowError):
        count += 1
print(count, "refused")
assert time.monotonic() - t0 < 3
assert len("a" * 1000) == 1000
print("ok")
