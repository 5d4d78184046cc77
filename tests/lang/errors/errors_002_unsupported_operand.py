# TypeError: unsupported operand types for + between int and str.
ages = {"ann": 31, "bob": 27, "cy": "unknown"}
total = 0
for name, age in ages.items():
    print("adding", name, repr(age))
    total = total + age
    print("total so far", total)
