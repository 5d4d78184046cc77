# Needs entropy from the host.
import secrets, string

def show(f, *a, **k):
    try:
        print(repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__, e)

print(len(secrets.token_bytes()), len(secrets.token_bytes(5)), type(secrets.token_bytes(1)).__name__)
print(len(secrets.token_hex()), len(secrets.token_hex(7)), set(secrets.token_hex(50)) <= set('0123456789abcdef'))
t = secrets.token_urlsafe(30)
print(len(t), set(t) <= set(string.ascii_letters + string.digits + '-_'), len(secrets.token_urlsafe()))
print(secrets.token_bytes(0), secrets.token_hex(0), secrets.token_urlsafe(0))
print(all(0 <= secrets.randbelow(10) < 10 for _ in range(200)), len({secrets.randbelow(4) for _ in range(200)}))
print(all(0 <= secrets.randbits(5) < 32 for _ in range(100)), secrets.randbits(0))
print(secrets.choice('a') == 'a', secrets.choice([1, 2, 3]) in (1, 2, 3))
show(secrets.randbelow, 0)
show(secrets.randbelow, -3)
show(secrets.choice, [])
show(secrets.token_bytes, -1)
show(secrets.token_hex, 1.5)
print(secrets.compare_digest(b'abc', b'abc'), secrets.compare_digest('abc', 'abd'))
show(secrets.compare_digest, 'a', b'a')
print(isinstance(secrets.SystemRandom(), secrets.SystemRandom), secrets.DEFAULT_ENTROPY, sorted(secrets.__all__))
r = secrets.SystemRandom()
print(0 <= r.random() < 1, 1 <= r.randint(1, 6) <= 6, len(r.sample(range(100), 5)))
