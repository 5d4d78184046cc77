# TypeError: a required positional argument is missing.
def greet(greeting, name):
    return f"{greeting}, {name}!"
print(greet("Hello", "Ann"))
print(greet(name="Bob", greeting="Hi"))
print(greet("Hey"))
