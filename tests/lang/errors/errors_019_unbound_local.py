# UnboundLocalError: assignment later in the function makes the name local.
total = 100
def spend(amount):
    print("spending", amount)
    total -= amount
    return total
spend(30)
