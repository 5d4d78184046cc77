# ZeroDivisionError from true division in an average over an empty group.
groups = {"a": [1, 2, 3], "b": [10, 20], "c": []}
for name, values in groups.items():
    print(name, "mean", sum(values) / len(values))
