# family: dos
# options: {"max_time": 1}
# expect: limit time
# why: A loop that catches BaseException and tries again in finally: the time limit must not be catchable.
while True:
    try:
        try:
            while True:
                pass
        finally:
            while True:
                pass
    except BaseException:
        continue
