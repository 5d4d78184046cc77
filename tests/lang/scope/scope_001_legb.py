# LEGB name resolution: local, enclosing, global, builtin; shadowing and UnboundLocalError.
x = "global"
def local_shadow():
    x = "local"
    return x
def reads_global():
    return x
def enclosing():
    x = "enclosing"
    def inner():
        return x
    return inner()
print(local_shadow(), reads_global(), enclosing(), x)
def builtin_shadow():
    len = lambda s: "shadowed len"
    return len("abc")
print(builtin_shadow(), len("abc"))
def unbound():
    try:
        print(x)
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    x = "assigned later"
    return x
print(unbound())
def unbound_augmented():
    counter_local = 0
    def inc():
        try:
            counter_local += 1
        except UnboundLocalError as e:
            return f"UnboundLocalError: {e}"
    return inc()
print(unbound_augmented())
def conditional_binding(flag):
    if flag:
        value = "bound"
    try:
        return value
    except UnboundLocalError as e:
        return f"UnboundLocalError: {e}"
print(conditional_binding(True), conditional_binding(False))
def deleted_local():
    y = 1
    del y
    try:
        return y
    except UnboundLocalError as e:
        return f"UnboundLocalError: {e}"
print(deleted_local())
def class_scope_demo():
    v = "function local"
    class Inner:
        v = "class attribute"
        seen = v
        def method(self):
            return v
    return Inner.seen, Inner().method()
print(class_scope_demo())
y = "module y"
class C:
    y = "class y"
    def get(self):
        return y
    z = [y for _ in range(1)]
print(C().get(), C.y, C.z)
def loop_var_leaks():
    for i in range(3):
        pass
    return i
print(loop_var_leaks())
def except_var_cleared():
    e = "before"
    try:
        raise ValueError("v")
    except ValueError as e:
        pass
    return "e" in locals()
print(except_var_cleared())
def with_var_leaks():
    class CM:
        def __enter__(self):
            return "entered"
        def __exit__(self, *a):
            return False
    with CM() as value:
        pass
    return value
print(with_var_leaks())
import_like = 5
def uses_later_global():
    return later_defined
later_defined = "defined after function"
print(uses_later_global())
def nested_three():
    a = 1
    def f2():
        b = 2
        def f3():
            c = 3
            return a + b + c
        return f3()
    return f2()
print(nested_three())
print(type(print).__name__, __name__)
