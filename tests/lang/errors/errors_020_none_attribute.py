# AttributeError on None: the result of list.sort() used by mistake.
names = ["cy", "ann", "bob"]
print(sorted(names))
ordered = names.sort()
print("ordered is", ordered)
ordered.append("dee")
