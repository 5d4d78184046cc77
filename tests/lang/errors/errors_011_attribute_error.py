# AttributeError: object has no attribute (word-for-word message).
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def norm(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5
p = Point(3, 4)
print(p.x, p.y, p.norm())
print(p.elevation)
