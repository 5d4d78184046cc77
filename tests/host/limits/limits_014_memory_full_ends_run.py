# flags: --max-memory=32M
# exit: 3
# stdout: filling
# stderr: capy: memory limit exceeded
# absent: caught
# absent: finally ran
# When the heap itself is full (many small allocations), the run ends with
# the memory limit: there is no room left for the guest to recover in.
print("filling", flush=True)
chunks = []
try:
    try:
        while True:
            chunks.append([object() for _ in range(100)])
    finally:
        print("finally ran")
except BaseException:
    print("caught")
