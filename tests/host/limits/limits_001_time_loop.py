# flags: --max-time=1
# exit: 3
# stdout: before the loop
# stderr: capy: time limit exceeded
# absent: after the loop
# An endless loop ends at the wall-clock limit; output written before it stays.
print("before the loop", flush=True)
while True:
    pass
print("after the loop")
