# SystemExit with a non-int code prints the code to stderr and exits with 1.
print("exiting")
raise SystemExit("fatal: bad configuration")
