# Object-heavy simulation: many small objects, method calls, attribute access and inheritance.
class Vec:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def add(self, o):
        return Vec(self.x + o.x, self.y + o.y)

    def scale(self, k):
        return Vec(self.x * k, self.y * k)


class Agent:
    def __init__(self, ident, pos, vel):
        self.ident = ident
        self.pos = pos
        self.vel = vel
        self.energy = 400

    def step(self, world):
        self.pos = self.pos.add(self.vel)
        if self.pos.x < 0 or self.pos.x > world.width:
            self.vel = Vec(-self.vel.x, self.vel.y)
        if self.pos.y < 0 or self.pos.y > world.height:
            self.vel = Vec(self.vel.x, -self.vel.y)
        self.energy -= 1

    def kind(self):
        return "agent"


class Grazer(Agent):
    def step(self, world):
        super().step(world)
        cell = world.cell(self.pos)
        if world.grass.get(cell, 0) > 0:
            world.grass[cell] -= 1
            self.energy += 3

    def kind(self):
        return "grazer"


class Hunter(Agent):
    def step(self, world):
        super().step(world)
        self.energy -= 1

    def kind(self):
        return "hunter"


class World:
    def __init__(self, width, height):
        self.width = width
        self.height = height
        self.grass = {}
        for i in range(0, width, 2):
            for j in range(0, height, 2):
                self.grass[(i, j)] = 5
        self.agents = []

    def cell(self, pos):
        return (int(pos.x) // 2 * 2, int(pos.y) // 2 * 2)

    def tick(self, t):
        for a in self.agents:
            a.step(self)
        self.agents = [a for a in self.agents if a.energy > 0]
        if t % 10 == 0:
            for cell in self.grass:
                if self.grass[cell] < 5:
                    self.grass[cell] += 1


world = World(60, 40)
seed = 7
for i in range(1200):
    seed = (seed * 48271) % 2147483647
    vx = (seed % 7 - 3) * 0.5
    seed = (seed * 48271) % 2147483647
    vy = (seed % 5 - 2) * 0.5
    cls = Hunter if i % 4 == 0 else Grazer
    world.agents.append(cls(i, Vec(i % 60, (i * 7) % 40), Vec(vx, vy)))
for t in range(800):
    world.tick(t)
kinds = {}
for a in world.agents:
    kinds[a.kind()] = kinds.get(a.kind(), 0) + 1
print("alive", len(world.agents), sorted(kinds.items()))
print("grass left", sum(world.grass.values()))
print("max energy", max(a.energy for a in world.agents))
