# Mapping patterns: required keys, extra keys ignored, **rest, nested mappings, value patterns as keys.
def handle(event):
    match event:
        case {"type": "click", "pos": (x, y)}:
            return f"click at {x},{y}"
        case {"type": "key", "key": str(k), **mods} if mods:
            return f"key {k} with {sorted(mods)}"
        case {"type": "key", "key": k}:
            return f"key {k}"
        case {"type": "scroll", "delta": int(d)} if d < 0:
            return f"scroll up {-d}"
        case {"type": "scroll", "delta": d}:
            return f"scroll down {d}"
        case {"type": t}:
            return f"unhandled {t}"
        case {}:
            return "no type"
        case _:
            return "not a mapping"
events = [
    {"type": "click", "pos": (3, 4), "button": 1},
    {"type": "key", "key": "a"},
    {"type": "key", "key": "s", "ctrl": True, "shift": False},
    {"type": "scroll", "delta": -3},
    {"type": "scroll", "delta": 2},
    {"type": "resize"},
    {"size": 3},
    [("type", "click")],
    {"type": "click", "pos": (1, 2, 3)},
]
for e in events:
    print(handle(e))
def config_value(cfg):
    match cfg:
        case {"db": {"host": host, "port": int(port)}, **rest}:
            return f"db at {host}:{port}, other keys: {sorted(rest)}"
        case {"db": {"url": url}}:
            return f"db url {url}"
        case _:
            return "no db"
print(config_value({"db": {"host": "localhost", "port": 5432}, "debug": True, "name": "x"}))
print(config_value({"db": {"url": "sqlite://"}}))
print(config_value({"db": {"host": "h", "port": "5432"}}))
print(config_value({}))
class Keys:
    ID = "id"
    NAME = "name"
def record(r):
    match r:
        case {Keys.ID: int(i), Keys.NAME: n}:
            return f"#{i} {n}"
        case {0: zero, 1: one}:
            return f"int keys {zero} {one}"
    return "no match"
print(record({"id": 7, "name": "seven"}), record({0: "a", 1: "b", 2: "c"}), record({"id": "x", "name": 1}))
class Missing(dict):
    def __missing__(self, key):
        return "default"
match Missing(a=1):
    case {"b": value}:
        print("should not match via __missing__", value)
    case {"a": value}:
        print("matched a =", value)
match {"a": 1, "b": 2}:
    case {"a": 1, **rest}:
        print("rest:", rest)
