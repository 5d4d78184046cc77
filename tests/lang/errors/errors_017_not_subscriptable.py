# TypeError: subscripting None returned by a function without return.
def find(users, name):
    for u in users:
        if u["name"] == name:
            return u
users = [{"name": "ann", "role": "admin"}, {"name": "bob", "role": "dev"}]
print(find(users, "ann")["role"])
print(find(users, "bob")["role"])
print(find(users, "eve")["role"])
