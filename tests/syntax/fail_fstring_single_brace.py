x = f"value: {v}}"
