# flags: --max-time=1
# exit: 3
# stdout: sleeping
# stderr: capy: time limit exceeded
# absent: woke up
# absent: caught
# time.sleep burns no CPU but wall time: the limit ends it, and a handler
# around it does not run.
import time

print("sleeping", flush=True)
while True:
    try:
        time.sleep(3600)
        print("woke up")
    except BaseException:
        print("caught")
