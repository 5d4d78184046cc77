match command.split():
    case [action]:
        pass
    case [action, obj]:
        pass
    case ["go", direction] | ["move", direction]:
        pass
    case 1 | 2 | 3:
        pass
    case (1 | 2) as n:
        pass
    case [1, 2] as whole:
        pass
    case str() | bytes() as s:
        pass
    case Point(x=0) as p if p.y > 0:
        pass
    case x if x > 0:
        pass
    case [x, y] if x == y:
        pass
    case _ if (n := compute()):
        pass
    case _:
        pass
match a, b:
    case 1, 2:
        pass
match *a, b:
    case _:
        pass
match (x):
    case _:
        pass
match -x:
    case _:
        pass
