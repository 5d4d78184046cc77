"""A tour of Python that capy runs: classes, generators, f-strings,
comprehensions, pattern matching and exceptions. Pure Python, no imports."""


def banner(title):
    print(f"\n=== {title} {'=' * (60 - len(title))}")


# --- 1. Floats and comprehensions: the Mandelbrot set in ASCII -------------
banner("Mandelbrot")
PALETTE = " .:-=+*#%@"


def escape_time(cr, ci, limit=60):
    zr = zi = 0.0
    for n in range(limit):
        zr, zi = zr * zr - zi * zi + cr, 2.0 * zr * zi + ci
        if zr * zr + zi * zi > 4.0:
            return n
    return limit


for row in range(20):
    y = 1.14 - row * 0.12
    line = "".join(
        PALETTE[min(escape_time(-2.2 + col * 0.042, y), 59) * len(PALETTE) // 60]
        for col in range(72))
    print(line.rstrip())


# --- 2. Generators: an endless prime stream, consumed lazily ----------------
banner("Generators")


def primes():
    composites = {}
    n = 2
    while True:
        if n not in composites:
            composites[n * n] = [n]
            yield n
        else:
            for p in composites.pop(n):
                composites.setdefault(n + p, []).append(p)
        n += 1


def take(n, iterable):
    for i, item in enumerate(iterable):
        if i >= n:
            return
        yield item


twin = [(p, q) for p, q in zip(take(200, primes()), take(200, (x for x in primes() if x > 2)))
        if q - p == 2]
print("first 15 primes:", list(take(15, primes())))
print("twin primes below 100:", [t for t in twin if t[1] < 100])


# --- 3. Classes, properties, dunder methods and sorting ---------------------
banner("Classes")


class Vector:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x, self.y = x, y

    def __add__(self, other):
        return Vector(self.x + other.x, self.y + other.y)

    def __mul__(self, k):
        return Vector(self.x * k, self.y * k)

    __rmul__ = __mul__

    def __abs__(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5

    def __repr__(self):
        return f"Vector({self.x:g}, {self.y:g})"


class Body:
    count = 0

    def __init__(self, name, pos, vel, mass):
        self.name, self.pos, self.vel, self.mass = name, pos, vel, mass
        Body.count += 1

    @property
    def momentum(self):
        return self.mass * abs(self.vel)

    def step(self, dt):
        self.pos = self.pos + dt * self.vel

    def __lt__(self, other):
        return self.momentum < other.momentum


bodies = [Body("comet", Vector(0, 0), Vector(3, 4), 2.0),
          Body("moon", Vector(5, 5), Vector(-1, 0), 7.5),
          Body("probe", Vector(-2, 1), Vector(0.5, 0.5), 0.1)]
for _ in range(10):
    for b in bodies:
        b.step(0.1)
for b in sorted(bodies, reverse=True):
    print(f"{b.name:<6} at {b.pos!r:<22} momentum {b.momentum:7.3f}")
print(f"{Body.count} bodies, heaviest: {max(bodies, key=lambda b: b.mass).name}")


# --- 4. Pattern matching: a tiny calculator --------------------------------
banner("Pattern matching")


def evaluate(expr):
    match expr:
        case int() | float() as number:
            return number
        case ("neg", operand):
            return -evaluate(operand)
        case (op, left, right) if op in "+-*/":
            a, b = evaluate(left), evaluate(right)
            return {"+": a + b, "-": a - b, "*": a * b, "/": a / b}[op]
        case _:
            raise ValueError(f"cannot evaluate {expr!r}")


for expr in [("+", 1, ("*", 2, 3)), ("neg", ("-", 10, 4.5)), ("/", 1, ("-", 2, 2)), ("^", 2, 8)]:
    try:
        print(f"{expr!s:<28} = {evaluate(expr)}")
    except ZeroDivisionError:
        print(f"{expr!s:<28} = division by zero!")
    except ValueError as err:
        print(f"{expr!s:<28} ! {err}")


# --- 5. Exceptions and context managers ------------------------------------
banner("Exceptions")


class InsufficientFunds(Exception):
    def __init__(self, needed, available):
        super().__init__(f"needed {needed}, only {available} available")


class Account:
    def __init__(self, owner, balance=0):
        self.owner, self.balance = owner, balance

    def withdraw(self, amount):
        if amount > self.balance:
            raise InsufficientFunds(amount, self.balance)
        self.balance -= amount


class Transaction:
    def __init__(self, *accounts):
        self.accounts = accounts

    def __enter__(self):
        self.saved = [a.balance for a in self.accounts]
        return self

    def __exit__(self, kind, error, tb):
        if kind is not None:
            for account, balance in zip(self.accounts, self.saved):
                account.balance = balance
            print(f"  rolled back: {error}")
        return kind is InsufficientFunds


alice, bob = Account("alice", 100), Account("bob", 20)
for amount in (30, 500):
    with Transaction(alice, bob):
        alice.withdraw(amount)
        bob.balance += amount
        print(f"  moved {amount}")
print({a.owner: a.balance for a in (alice, bob)})


# --- 6. Game of Life with sets ---------------------------------------------
banner("Game of Life")


def life(cells):
    neighbours = {}
    for (r, c) in cells:
        for dr in (-1, 0, 1):
            for dc in (-1, 0, 1):
                if dr or dc:
                    key = (r + dr, c + dc)
                    neighbours[key] = neighbours.get(key, 0) + 1
    return {cell for cell, n in neighbours.items() if n == 3 or (n == 2 and cell in cells)}


glider = {(0, 1), (1, 2), (2, 0), (2, 1), (2, 2)}
frames = [glider]
for _ in range(4):
    frames.append(life(frames[-1]))
for row in range(6):
    print("   ".join("".join("#" if (row, col) in f else "." for col in range(6)) for f in frames))
print("\nDone.")
