# KeyError for a missing dictionary key.
stock = {"bolts": 120, "nuts": 80}
orders = [("bolts", 20), ("nuts", 5), ("washers", 10)]
for part, qty in orders:
    print("ordering", qty, part)
    stock[part] -= qty
    print("left", stock[part])
