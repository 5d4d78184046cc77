# AttributeError with a "Did you mean" suggestion.
class Account:
    def __init__(self):
        self.balance = 100

    def deposit(self, n):
        self.balance += n

a = Account()
a.deposit(5)
print(a.balance)
a.deposti(10)
