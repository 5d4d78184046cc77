# flags: --max-steps=2000
# exit: 3
# stdout: 500 iterations
# stderr: capy: step limit exceeded
# absent: 5000 iterations
# absent: caught
# The step budget counts backward jumps and calls; exceeding it ends the
# run, whatever handler surrounds the loop.
try:
    i = 0
    while True:
        i += 1
        if i == 500:
            print("500 iterations", flush=True)
        if i == 5000:
            print("5000 iterations")
except BaseException:
    print("caught")
