# TypeError: too many positional arguments to a method.
class Counter:
    def __init__(self):
        self.n = 0
    def add(self, k=1):
        self.n += k
        return self.n
c = Counter()
print(c.add(), c.add(5))
print(c.add(1, 2))
