import hmac, hashlib
def show(f,*a,**k):
  try: r=f(*a,**k); print(repr(r))
  except Exception as e: print(type(e).__name__, e)
show(hmac.compare_digest, 'a', b'a'); show(hmac.compare_digest, 'é', 'é'); show(hmac.compare_digest, 1, 1); show(hmac.compare_digest, bytearray(b'a'), b'a')
show(hmac.compare_digest, b'abc', b'abd'); show(hmac.compare_digest, 'abc', 'abc'); show(hmac.compare_digest, b'ab', b'abc')
show(hmac.new, b'k'); show(hmac.new, 'k', digestmod='md5'); h=hmac.new(b'k', b'm', 'sha256'); print(h.name, h.digest_size, h.block_size, h.hexdigest())
show(hmac.digest, b'k', b'm', 'nope'); show(hmac.new, b'k', b'm', 'nope')
show(hmac.new, b'k', 'm', 'md5')
show(lambda: hmac.new(b'k', b'm', hashlib.sha1).hexdigest()); show(hmac.new, b'k', b'm', hashlib)
print(hmac.HMAC.__module__, hmac.trans_5C[:5], hmac.digest_size)
for alg in ['md5', 'sha1', 'sha256', 'sha512', 'sha3_256', 'blake2b', 'blake2s']:
  for key in [b'', b'key', b'k' * 200]:
    h = hmac.new(key, b'The quick brown fox', alg)
    c = h.copy(); c.update(b'!')
    print(alg, len(key), h.hexdigest(), c.hexdigest(), hmac.digest(key, b'The quick brown fox', alg) == h.digest())
h = hmac.HMAC(bytearray(b'key'), digestmod=hashlib.sha256)
h.update(b'a'); h.update(memoryview(b'b') if hasattr(__builtins__, 'memoryview') else b'b')
print(h.hexdigest(), h.name)
