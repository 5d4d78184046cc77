# A hand-written contextmanager decorator built on generators (no imports), used like the stdlib one.
class _GeneratorCM:
    def __init__(self, gen):
        self.gen = gen
    def __enter__(self):
        return next(self.gen)
    def __exit__(self, typ, val, tb):
        if typ is None:
            try:
                next(self.gen)
            except StopIteration:
                return False
            raise RuntimeError("generator didn't stop")
        try:
            self.gen.throw(val)
        except StopIteration:
            return True
        except BaseException as e:
            if e is val:
                return False
            raise
        raise RuntimeError("generator didn't stop after throw()")
def contextmanager(fn):
    def helper(*args, **kwargs):
        return _GeneratorCM(fn(*args, **kwargs))
    return helper
@contextmanager
def tag(name, out):
    out.append(f"<{name}>")
    try:
        yield name.upper()
    finally:
        out.append(f"</{name}>")
out = []
with tag("html", out) as h:
    with tag("body", out) as b:
        out.append(f"{h}/{b}")
print("".join(out))
@contextmanager
def suppress(*types):
    try:
        yield
    except types as e:
        print("suppressed", type(e).__name__, e)
with suppress(KeyError, IndexError):
    [][1]
with suppress(KeyError):
    {}["nope"]
try:
    with suppress(KeyError):
        raise ValueError("not suppressed")
except ValueError as e:
    print("escaped:", e)
@contextmanager
def changed(obj, attr, value):
    old = getattr(obj, attr)
    setattr(obj, attr, value)
    try:
        yield obj
    finally:
        setattr(obj, attr, old)
class Settings:
    debug = False
s = Settings()
with changed(s, "debug", True):
    print("inside:", s.debug)
print("after:", s.debug)
try:
    with changed(s, "debug", "temp"):
        print("inside again:", s.debug)
        raise RuntimeError("fail inside")
except RuntimeError as e:
    print("caught", e, "debug restored to", s.debug)
@contextmanager
def collecting():
    items = []
    yield items
    print("collected", items)
with collecting() as c:
    for i in range(4):
        c.append(i * i)
@contextmanager
def bad():
    yield 1
    yield 2
try:
    with bad():
        pass
except RuntimeError as e:
    print("RuntimeError:", e)
class ExitStack:
    def __init__(self):
        self.stack = []
    def enter(self, cm):
        v = cm.__enter__()
        self.stack.append(cm)
        return v
    def __enter__(self):
        return self
    def __exit__(self, *exc):
        suppressed = False
        while self.stack:
            cm = self.stack.pop()
            if cm.__exit__(*exc):
                suppressed = True
                exc = (None, None, None)
        return suppressed
log = []
with ExitStack() as st:
    for n in ["a", "b", "c"]:
        st.enter(tag(n, log))
    log.append("work")
print(log)
