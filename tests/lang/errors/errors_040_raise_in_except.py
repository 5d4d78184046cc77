# An exception raised while handling another: the last line is the new exception.
cache = {}
def lookup(key):
    try:
        return cache[key]
    except KeyError:
        return compute(key)
def compute(key):
    if key < 0:
        raise ValueError(f"negative key {key}")
    cache[key] = key * key
    return cache[key]
print(lookup(4), lookup(4), cache)
print(lookup(-2))
