# An __eq__ that clears the set during set.add made the add store its key in
# the table shared by every empty set; the next isolate then compared
# against a key from a dead heap (heap-use-after-free). Replayed twice.
class Clearer:
    def __init__(self, s):
        self.s = s
    def __hash__(self):
        return 5
    def __eq__(self, o):
        self.s.clear()
        return False
target = {5}
target.add(Clearer(target))
fresh = set()
print(5 in fresh, list(fresh))
import abc
class A(abc.ABC):
    pass
print(issubclass(int, A))
