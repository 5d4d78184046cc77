# family: dos
# options: {"max_memory": 67108864}
# expect: limit memory
# why: Doubling a string 64 times reaches exabytes in a few steps.
s = 'x'
for _ in range(64):
    s = s + s
