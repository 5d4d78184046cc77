# flags: --max-time=5
# exit: 0
# stdout: ok
# A sleep well within the limit completes and takes about its duration.
import time

t0 = time.monotonic()
time.sleep(0.2)
elapsed = time.monotonic() - t0
assert 0.15 <= elapsed < 2, elapsed
print("ok")
