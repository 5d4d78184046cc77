# TypeError for a method call with a missing argument (qualified name in the message).
class Robot:
    def __init__(self):
        self.x = 0
        self.y = 0
    def move(self, dx, dy):
        self.x += dx
        self.y += dy
        return (self.x, self.y)
r = Robot()
print(r.move(1, 2))
print(r.move(dy=5, dx=-1))
print(r.move(3))
