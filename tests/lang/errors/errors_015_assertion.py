# AssertionError with a message from a failed assert.
def checksum(values):
    return sum(v * (i + 1) for i, v in enumerate(values))
data = [4, 1, 3]
print("checksum", checksum(data))
assert checksum(data) == 15, "checksum mismatch"
data.append(2)
print("checksum", checksum(data))
assert checksum(data) == 24, f"checksum mismatch: {checksum(data)} != 24"
