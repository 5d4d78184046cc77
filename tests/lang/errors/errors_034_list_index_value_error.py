# ValueError from list.index on a missing element.
queue = ["ann", "bob", "cy"]
print(queue.index("bob"))
queue.remove("bob")
print(queue)
print(queue.index("bob"))
