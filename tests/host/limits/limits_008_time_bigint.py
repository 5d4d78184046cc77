# flags: --max-time=1
# exit: 3
# stderr: capy: time limit exceeded
# absent: finished
# One big-integer operation that cannot finish in time (GMP cannot be
# interrupted once it runs) ends the run before it starts.
x = 7 ** 200000000
print("finished", x % 10)
