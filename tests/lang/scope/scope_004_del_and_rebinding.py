# del statements and name rebinding at module, function and container level.
a = 1
del a
try:
    a
except NameError as e:
    print("NameError:", e)
a = "recreated"
print(a)
x, y, z = 1, 2, 3
del x, y
print("x" in globals(), "y" in globals(), z)
items = [0, 1, 2, 3, 4, 5]
del items[0], items[-1]
print(items)
d = {"a": 1, "b": 2, "c": 3}
del d["b"]
print(d)
try:
    del d["zzz"]
except KeyError as e:
    print("KeyError:", e)
class Obj:
    pass
o = Obj()
o.attr = 5
del o.attr
print(hasattr(o, "attr"))
try:
    del o.attr
except AttributeError as e:
    print("AttributeError:", e)
def local_del():
    v = [1, 2]
    alias = v
    del v
    return alias
print(local_del())
def rebind_param(lst):
    lst = lst + [99]
    return lst
orig = [1]
print(rebind_param(orig), orig)
def mutate_param(lst):
    lst += [99]
    return lst
print(mutate_param(orig), orig)
try:
    del undefined_thing
except NameError as e:
    print("NameError:", e)
def del_in_loop():
    out = []
    for i in range(3):
        tmp = i * 2
        out.append(tmp)
        del tmp
    return out, "tmp" in locals()
print(del_in_loop())
nested = {"a": {"b": {"c": 1, "d": 2}}}
del nested["a"]["b"]["c"]
print(nested)
lst = list(range(10))
del lst[2:8:2]
print(lst)
def shadow_builtin_then_del():
    global print_
    print_ = "shadow"
    del print_
    return "print_" in globals()
print(shadow_builtin_then_del())
len = lambda s: -1
print(len("abc"))
del len
print(len("abc"))
counter = 0
for counter in range(5):
    pass
print(counter)
