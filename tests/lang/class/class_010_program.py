# A class-heavy program: a library system with abstract-ish bases, composition, events and reports.
class Event:
    def __init__(self):
        self.handlers = []
    def subscribe(self, fn):
        self.handlers.append(fn)
        return fn
    def emit(self, *args):
        for h in self.handlers:
            h(*args)
class Item:
    loan_days = 14
    _next_id = 1
    def __init__(self, title, year):
        self.title, self.year = title, year
        self.id = Item._next_id
        Item._next_id += 1
    def label(self):
        return f"[{self.id}] {self.title} ({self.year})"
    def __lt__(self, other):
        return (self.year, self.title) < (other.year, other.title)
class Book(Item):
    def __init__(self, title, year, author):
        super().__init__(title, year)
        self.author = author
    def label(self):
        return super().label() + f" by {self.author}"
class DVD(Item):
    loan_days = 3
    def __init__(self, title, year, minutes):
        super().__init__(title, year)
        self.minutes = minutes
    def label(self):
        return super().label() + f", {self.minutes} min"
class LibraryError(Exception):
    pass
class Member:
    def __init__(self, name, limit=2):
        self.name, self.limit = name, limit
        self.items = []
    def __repr__(self):
        return f"Member({self.name})"
class Library:
    def __init__(self):
        self.catalog = {}
        self.loans = {}
        self.on_loan = Event()
        self.on_return = Event()
        self.day = 0
    def add(self, *items):
        for it in items:
            self.catalog[it.id] = it
    def lend(self, item_id, member):
        item = self.catalog.get(item_id)
        if item is None:
            raise LibraryError(f"no item {item_id}")
        if item_id in self.loans:
            raise LibraryError(f"{item.title!r} is already lent to {self.loans[item_id][0].name}")
        if len(member.items) >= member.limit:
            raise LibraryError(f"{member.name} has reached the limit of {member.limit}")
        due = self.day + type(item).loan_days
        self.loans[item_id] = (member, due)
        member.items.append(item)
        self.on_loan.emit(item, member, due)
    def give_back(self, item_id):
        member, due = self.loans.pop(item_id)
        item = self.catalog[item_id]
        member.items.remove(item)
        fine = max(0, self.day - due) * (50 if isinstance(item, DVD) else 10)
        self.on_return.emit(item, member, fine)
        return fine
    def overdue(self):
        return sorted((self.catalog[i].title, m.name, self.day - due)
                      for i, (m, due) in self.loans.items() if self.day > due)
lib = Library()
journal = []
lib.on_loan.subscribe(lambda item, m, due: journal.append(f"day {lib.day}: {m.name} borrowed {item.title}, due {due}"))
@lib.on_return.subscribe
def _log_return(item, m, fine):
    journal.append(f"day {lib.day}: {m.name} returned {item.title}" + (f", fine {fine}" if fine else ""))
books = [Book("Dune", 1965, "Herbert"), Book("Neuromancer", 1984, "Gibson"), DVD("Alien", 1979, 117),
         Book("Foundation", 1951, "Asimov"), DVD("Brazil", 1985, 142)]
lib.add(*books)
for it in sorted(lib.catalog.values()):
    print(it.label())
ann, bob = Member("ann"), Member("bob", limit=1)
actions = [(0, "lend", 1, ann), (0, "lend", 3, ann), (1, "lend", 1, bob), (1, "lend", 5, ann), (2, "lend", 5, bob),
           (2, "lend", 2, bob), (5, "return", 3, None), (9, "return", 5, None), (20, "return", 1, None), (20, "lend", 9, ann)]
for day, kind, item_id, member in actions:
    lib.day = day
    try:
        if kind == "lend":
            lib.lend(item_id, member)
        else:
            print("fine collected:", lib.give_back(item_id))
    except LibraryError as e:
        print(f"day {day}: refused: {e}")
    if day == 9:
        print("overdue on day 9:", lib.overdue())
print("\n".join(journal))
print(ann.items, [i.title for i in ann.items], bob.items, sorted(lib.loans))
print(Item.loan_days, Book.loan_days, DVD.loan_days, [type(b).__name__ for b in books])
