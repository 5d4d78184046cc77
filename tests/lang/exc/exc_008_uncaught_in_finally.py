# An exception escaping a with/finally block after cleanup ran; output before it must still appear.
class Door:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print(f"open {self.name}")
        return self
    def __exit__(self, *exc):
        print(f"close {self.name} (exception: {exc[0].__name__ if exc[0] else None})")
        return False
def process(items):
    total = 0
    with Door("front"):
        for item in items:
            try:
                total += 100 // item
                print("item", item, "total", total)
            finally:
                print("checked", item)
    return total
print(process([1, 2, 5]))
print(process([4, 0, 3]))
