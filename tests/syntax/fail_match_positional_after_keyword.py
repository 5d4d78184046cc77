match p:
    case Point(x=1, y):
        pass
