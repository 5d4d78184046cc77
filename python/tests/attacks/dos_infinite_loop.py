# family: dos
# options: {"max_time": 1}
# expect: limit time
# why: The simplest denial of service: a loop that never ends.
while True:
    pass
