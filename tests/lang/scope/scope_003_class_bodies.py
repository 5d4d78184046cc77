# Class bodies as scopes: execution order, name lookup, methods not seeing class names, nested classes, name mangling.
log = []
class Demo:
    log.append("class body runs at definition")
    a = 1
    b = a + 1
    log.append(f"a={a} b={b}")
    def method(self):
        try:
            return a
        except NameError as e:
            return f"NameError: {e}"
    def via_class(self):
        return type(self).a + self.b
    lst = [1, 2, 3]
    total = sum(lst)
    del lst
print(log, Demo.b, Demo.total, hasattr(Demo, "lst"), Demo().method(), Demo().via_class())
class Outer:
    name = "outer"
    class Inner:
        name = "inner"
        def who(self):
            return self.name
    def make_inner(self):
        return self.Inner()
print(Outer.Inner().who(), Outer().make_inner().who(), Outer.Inner.__qualname__)
class Account:
    def __init__(self, owner):
        self.__secret = f"{owner}'s pin"
        self._protected = "convention only"
    def reveal(self):
        return self.__secret
    def __dunder__(self):
        return "dunders are not mangled"
acct = Account("ann")
print(acct.reveal(), acct._protected, acct.__dunder__(), sorted(vars(acct)))
try:
    acct.__secret
except AttributeError as e:
    print("AttributeError:", e)
# (capy keeps acct._Account__secret private to Account: tests/host/security/private_names.py)
class Sub(Account):
    def peek(self):
        try:
            return self.__secret
        except AttributeError as e:
            return f"AttributeError: {e}"
print(Sub("bob").peek())
class Counter:
    count = 0
    def __init__(self):
        Counter.count += 1
        self.count_at_creation = Counter.count
cs = [Counter() for _ in range(3)]
print(Counter.count, [c.count_at_creation for c in cs])
x = "module"
class Shadow:
    x = "class"
    y = x
    def f(self, x="default from class scope"):
        return x
print(Shadow.y, Shadow().f(), x)
def factory(n):
    class Made:
        size = n
        def get(self):
            return n * 2
    return Made
M3, M5 = factory(3), factory(5)
print(M3.size, M5.size, M3().get(), M5().get(), M3 is not M5)
class Conditional:
    if True:
        chosen = "if branch"
    else:
        chosen = "else branch"
    for i in range(3):
        pass
    last_i = i
print(Conditional.chosen, Conditional.last_i, Conditional.i)
