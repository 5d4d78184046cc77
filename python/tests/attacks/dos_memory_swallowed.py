# family: dos
# options: {"max_memory": 67108864, "max_time": 2}
# expect: limit memory|time
# why: Catching MemoryError and allocating again, forever: the run must still end.
keep = []
while True:
    try:
        keep.append(bytearray(1 << 20))
    except MemoryError:
        keep.append('x')
