# family: dos
# options: {"max_memory": 67108864}
# expect: limit memory
# why: Many small allocations kept alive, each one harmless: the heap limit must count them all.
keep = []
while True:
    keep.append([0] * 1000)
