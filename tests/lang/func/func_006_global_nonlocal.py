# global and nonlocal declarations, function attributes, recursion through globals, rebinding functions.
counter = 0
def bump():
    global counter
    counter += 1
    return counter
print(bump(), bump(), counter)
def read_global():
    return counter * 10
print(read_global())
def create_global():
    global created_later
    created_later = "made inside a function"
create_global()
print(created_later)
def shadow():
    counter = "local"
    return counter
print(shadow(), counter)
def outer():
    x = 1
    def mid():
        def inner():
            nonlocal x
            x *= 5
        inner()
        return x
    return mid(), x
print(outer())
def toggler():
    state = False
    def flip():
        nonlocal state
        state = not state
        return state
    return flip
t = toggler()
print(t(), t(), t())
def greet():
    return "original"
saved = greet
def greet():
    return "replaced"
print(saved(), greet())
def recursive_via_global(n):
    return 0 if n == 0 else n + recursive_via_global(n - 1)
alias = recursive_via_global
print(alias(10))
config = {"level": 1}
def mutate_global_container():
    config["level"] += 1
    config["extra"] = True
mutate_global_container()
print(config)
total = 0
def add_all(*nums):
    global total
    for n in nums:
        total += n
add_all(1, 2, 3)
add_all(10)
print(total)
def count_calls(fn):
    def wrapper(*a):
        wrapper.calls += 1
        return fn(*a)
    wrapper.calls = 0
    return wrapper
@count_calls
def noop():
    return None
for _ in range(5):
    noop()
print(noop.calls)
def func_with_attrs():
    func_with_attrs.invocations = getattr(func_with_attrs, "invocations", 0) + 1
    return func_with_attrs.invocations
print(func_with_attrs(), func_with_attrs(), func_with_attrs.invocations)
print(sorted(k for k in func_with_attrs.__dict__))
x = "global x"
def nested_global():
    x = "enclosing x"
    def inner():
        global x
        return x
    return inner()
print(nested_global())
def del_global():
    global temp
    temp = 5
    del temp
del_global()
print("temp" in globals(), "counter" in globals(), globals()["counter"])
