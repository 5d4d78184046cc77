# family: dos
# options: {"max_memory": 67108864, "max_time": 2}
# expect: limit memory|time
# why: A power tower whose result has billions of digits.
x = 10 ** 10 ** 10
