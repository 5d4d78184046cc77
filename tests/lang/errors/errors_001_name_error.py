# NameError for a name that was never defined (no similar name exists, so no suggestion).
prices = {"apple": 0.5, "bread": 2.25, "milk": 1.1}
basket = ["apple", "apple", "milk", "bread"]
subtotal = 0
for item in basket:
    subtotal += prices[item]
    print(f"{item:<6} {prices[item]:5.2f} running {subtotal:6.2f}")
print("subtotal", round(subtotal, 2))
print("with shipping", round(subtotal + shipping_fee_eur, 2))
