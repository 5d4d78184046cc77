# with statements: __enter__/__exit__, suppression, nesting, multiple managers, exceptions in exit.
class Resource:
    def __init__(self, name, log, suppress=False):
        self.name, self.log, self.suppress = name, log, suppress
    def __enter__(self):
        self.log.append(f"enter {self.name}")
        return self
    def __exit__(self, exc_type, exc, tb):
        self.log.append(f"exit {self.name} ({exc_type.__name__ if exc_type else None})")
        return self.suppress
log = []
with Resource("a", log) as r:
    log.append(f"body uses {r.name}")
print(log)
log = []
try:
    with Resource("b", log):
        log.append("about to fail")
        raise ValueError("inside")
except ValueError as e:
    log.append(f"caught {e}")
print(log)
log = []
with Resource("quiet", log, suppress=True):
    raise KeyError("swallowed")
log.append("after suppressed")
print(log)
log = []
with Resource("x", log) as x, Resource("y", log) as y:
    log.append(f"inside {x.name}{y.name}")
print(log)
log = []
try:
    with Resource("outer", log), Resource("inner", log):
        raise RuntimeError("both exit")
except RuntimeError:
    log.append("handled")
print(log)
class Timer:
    def __init__(self):
        self.ticks = 0
    def __enter__(self):
        self.start = 100
        return self
    def __exit__(self, *exc):
        self.elapsed = 142 - self.start
        return False
with Timer() as t:
    pass
print(t.elapsed)
class Transaction:
    def __init__(self, store):
        self.store = store
    def __enter__(self):
        self.snapshot = dict(self.store)
        return self.store
    def __exit__(self, exc_type, exc, tb):
        if exc_type is not None:
            self.store.clear()
            self.store.update(self.snapshot)
            print(f"rolled back because of {exc_type.__name__}: {exc}")
            return True
        print("committed")
        return False
bank = {"ann": 100, "bob": 50}
with Transaction(bank) as b:
    b["ann"] -= 30
    b["bob"] += 30
print(bank)
with Transaction(bank) as b:
    b["ann"] -= 500
    if b["ann"] < 0:
        raise ValueError("overdraft")
print(bank)
class BadExit:
    def __enter__(self):
        return "value"
    def __exit__(self, *a):
        raise TypeError("exit failed")
try:
    with BadExit() as v:
        print("got", v)
        raise KeyError("original")
except TypeError as e:
    print("TypeError:", e, "| context:", repr(e.__context__))
def uses_with_return():
    log = []
    with Resource("ret", log):
        return log
print(uses_with_return())
def with_in_loop():
    log = []
    for i in range(3):
        with Resource(f"r{i}", log):
            if i == 1:
                continue
            if i == 2:
                break
            log.append(f"body {i}")
    return log
print(with_in_loop())
class Indent:
    def __init__(self):
        self.level = 0
    def __enter__(self):
        self.level += 1
        return self
    def __exit__(self, *a):
        self.level -= 1
    def say(self, text):
        print("    " * self.level + text)
ind = Indent()
ind.say("top")
with ind:
    ind.say("one")
    with ind:
        ind.say("two")
    ind.say("back to one")
ind.say("top again")
try:
    with 42:
        pass
except TypeError as e:
    print("TypeError:", e)
with (Resource("p1", log := []) as p1,
      Resource("p2", log) as p2):
    log.append("parenthesised managers")
print(log)
