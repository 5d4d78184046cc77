# flags: --max-time=1
# exit: 3
# stderr: capy: time limit exceeded
# absent: Traceback
# An endless loop inside finally cannot outlive the limit.
try:
    while True:
        pass
finally:
    while True:
        pass
