# Function objects as values: names, qualnames, docs, defaults, equality, dicts of functions, method types.
def documented(a, b=1, *, c=2):
    """Doc string line."""
    return a
print(documented.__name__, documented.__qualname__, documented.__doc__, documented.__defaults__, documented.__kwdefaults__)
print(documented.__module__, type(documented).__name__)
class Outer:
    def method(self):
        def local():
            pass
        return local
    class Inner:
        def deep(self):
            pass
print(Outer.method.__qualname__, Outer().method().__qualname__, Outer.Inner.deep.__qualname__, Outer.Inner.__qualname__)
lam = lambda: None
print(lam.__name__, lam.__qualname__)
def no_doc():
    pass
print(no_doc.__doc__, repr(no_doc()), documented == documented, documented != no_doc)
documented.__doc__ = "changed"
documented.custom = [1, 2]
print(documented.__doc__, documented.custom)
def f1(): return 1
def f2(): return 2
dispatch = {f1: "one", f2: "two"}
print(dispatch[f1], dispatch[f2], len({f1, f2, f1}))
handlers = {}
def on(event):
    def deco(fn):
        handlers.setdefault(event, []).append(fn.__name__)
        return fn
    return deco
@on("start")
def boot(): pass
@on("start")
def warmup(): pass
@on("stop")
def shutdown(): pass
print(handlers)
class K:
    def inst(self): return "inst"
    @classmethod
    def cls(cls): return cls.__name__
    @staticmethod
    def stat(): return "stat"
k = K()
print(k.inst(), K.cls(), k.cls(), K.stat(), k.stat(), type(K.__dict__["cls"]).__name__, type(K.__dict__["stat"]).__name__)
print(type(k.inst).__name__, type(K.inst).__name__, type(K.cls).__name__, type(K.stat).__name__)
print(isinstance(documented, object), hasattr(documented, "__call__"), callable(K.stat))
def defaults_change(x=[]):
    return x
defaults_change.__defaults__ = ([99],)
print(defaults_change())
print(sorted(n for n in dir(documented) if n in ("__name__", "__doc__", "__call__", "__defaults__")))
