# Custom containers supporting slices through __getitem__/__setitem__/__delitem__ with slice objects.
class Text:
    def __init__(self, s):
        self.s = s
    def __len__(self):
        return len(self.s)
    def __getitem__(self, key):
        if isinstance(key, slice):
            start, stop, step = key.indices(len(self.s))
            return Text("".join(self.s[i] for i in range(start, stop, step)))
        if isinstance(key, int):
            if key < 0:
                key += len(self.s)
            if not 0 <= key < len(self.s):
                raise IndexError("Text index out of range")
            return self.s[key]
        raise TypeError(f"indices must be int or slice, not {type(key).__name__}")
    def __repr__(self):
        return f"Text({self.s!r})"
t = Text("abcdefgh")
print(t[0], t[-1], t[2:5], t[::2], t[::-1], t[-3:], t[10:], len(t[1:7:2]))
for bad in [100, "x", 1.5]:
    try:
        t[bad]
    except (IndexError, TypeError) as e:
        print(type(e).__name__ + ":", e)
class Grid:
    def __init__(self, w, h):
        self.w, self.h = w, h
        self.cells = [["."] * w for _ in range(h)]
    def __getitem__(self, key):
        r, c = key
        if isinstance(r, slice):
            return [row[c] for row in self.cells[r]]
        return self.cells[r][c]
    def __setitem__(self, key, value):
        r, c = key
        rows = range(*r.indices(self.h)) if isinstance(r, slice) else [r]
        cols = range(*c.indices(self.w)) if isinstance(c, slice) else [c]
        for i in rows:
            for j in cols:
                self.cells[i][j] = value
    def __delitem__(self, r):
        del self.cells[r]
        self.h = len(self.cells)
    def __str__(self):
        return "\n".join("".join(row) for row in self.cells)
g = Grid(8, 5)
g[1:4, 2:6] = "#"
g[2, 3:5] = " "
g[:, 0] = "|"
g[0, ::2] = "-"
print(g)
print(g[1:3, 1:5], g[4, 0], g[::2, 0])
del g[1:3]
print(g)
print(g.h)
class Log:
    def __getitem__(self, k):
        return repr(k)
    def __setitem__(self, k, v):
        print("set", repr(k), "=", v)
    def __delitem__(self, k):
        print("del", repr(k))
lg = Log()
print(lg[1:2:3], lg[:, 1], lg[::])
lg[::2] = "value"
del lg[5:]
lg[1, 2:3] = 0
