# Classes: instance/class attributes, methods, __init__, __repr__/__str__, attribute lookup order.
class Account:
    bank = "CapyBank"
    count = 0
    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance
        Account.count += 1
        self.id = Account.count
    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self.balance += amount
        return self
    def withdraw(self, amount):
        if amount > self.balance:
            raise ValueError(f"insufficient funds: {self.balance} < {amount}")
        self.balance -= amount
        return self
    def __repr__(self):
        return f"Account({self.owner!r}, {self.balance})"
    def __str__(self):
        return f"#{self.id} {self.owner}: {self.balance} @ {self.bank}"
a = Account("ann", 100)
b = Account("bob")
print(a, b, repr(a), [a, b])
a.deposit(50).withdraw(30)
print(a.balance, Account.count, a.count, b.id)
try:
    b.withdraw(10)
except ValueError as e:
    print("ValueError:", e)
try:
    a.deposit(-1)
except ValueError as e:
    print("ValueError:", e)
a.bank = "Personal"
print(a.bank, b.bank, Account.bank, "bank" in a.__dict__, "bank" in b.__dict__)
del a.bank
print(a.bank)
Account.bank = "Renamed"
print(a.bank, b.bank)
print(sorted(a.__dict__), type(a).__name__, type(a) is Account, isinstance(a, Account), Account.__name__)
print(a.__class__.__name__, Account.__qualname__, Account.__module__)
b.nickname = "bobby"
print(b.nickname, hasattr(a, "nickname"), getattr(a, "nickname", "none"))
setattr(a, "score", 9)
print(a.score, vars(a)["score"])
delattr(a, "score")
print(hasattr(a, "score"))
class Empty:
    pass
e = Empty()
e.x = 1
print(e.x, Empty.__name__, type(e).__name__, vars(e))
class WithClassState:
    items = []
    def add(self, x):
        self.items.append(x)
w1, w2 = WithClassState(), WithClassState()
w1.add(1)
w2.add(2)
print(w1.items, w2.items, WithClassState.items is w1.items)
print(Account.deposit(b, 5).balance, b.balance)
method = a.deposit
method(1)
print(a.balance)
class Temperature:
    def __init__(self, c):
        self.c = c
    def __eq__(self, other):
        return isinstance(other, Temperature) and self.c == other.c
    def __lt__(self, other):
        return self.c < other.c
    def __hash__(self):
        return hash(self.c)
    def __repr__(self):
        return f"T({self.c})"
ts = [Temperature(30), Temperature(10), Temperature(20), Temperature(10)]
print(sorted(ts), max(ts), ts.count(Temperature(10)), len(set(ts)), Temperature(5) == 5)
