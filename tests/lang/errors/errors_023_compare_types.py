# TypeError: ordering comparison between str and int while sorting.
scores = [("ann", 90), ("bob", 85), ("cy", "absent")]
print(sorted(s for _, s in scores[:2]))
print(sorted(s for _, s in scores))
