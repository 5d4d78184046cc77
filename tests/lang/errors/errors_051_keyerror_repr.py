# KeyError prints the repr of its key; a str key keeps its quotes.
d = {"x": 1}
print(d["x"])
key = "missing"
d[key]
