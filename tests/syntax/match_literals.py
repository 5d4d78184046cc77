match x:
    case 1:
        pass
    case -1:
        pass
    case 1.5:
        pass
    case -1.5:
        pass
    case 2j:
        pass
    case -2j:
        pass
    case 1 + 2j:
        pass
    case -1 - 2j:
        pass
    case 0x10:
        pass
    case "string":
        pass
    case "con" "cat":
        pass
    case b"bytes":
        pass
    case f"fstring":
        pass
    case None:
        pass
    case True:
        pass
    case False:
        pass
    case Color.RED:
        pass
    case a.b.c:
        pass
