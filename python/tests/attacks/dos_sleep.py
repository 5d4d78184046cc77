# family: dos
# options: {"max_time": 1}
# expect: limit time
# why: Sleeping is waiting too: time.sleep must be cut short at the time limit.
import time
time.sleep(10 ** 6)
