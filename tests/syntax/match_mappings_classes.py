match x:
    case {}:
        pass
    case {"key": value}:
        pass
    case {"a": 1, "b": 2,}:
        pass
    case {1: a, "b": [c, d], e.f: g}:
        pass
    case {**rest}:
        pass
    case {"a": a, **rest}:
        pass
    case {None: a, True: b, -1: c, 1+2j: d}:
        pass
    case Point():
        pass
    case Point(x):
        pass
    case Point(x, y):
        pass
    case Point(x=0, y=0):
        pass
    case Point(1, y=2):
        pass
    case Point(x, y,):
        pass
    case a.b.Point(x=1,):
        pass
    case Point(x=Point(y=[1, 2])):
        pass
