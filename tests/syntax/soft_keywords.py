match = 1
case = 2
_ = 3
type = 4
match(x)
match.attr = 1
match[0] = 2
match, case = 1, 2
print(match, case, _)
match - x
match + x
match * x
def match(case): return case
class case: pass
match = match(case)
x = [match for match in case]
match x:
    case case:
        pass
match match:
    case _:
        pass
