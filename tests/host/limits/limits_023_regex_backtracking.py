# flags: --max-time=10
# exit: 0
# stdout: RuntimeError regular expression exceeded
# stdout: ok
# Catastrophic backtracking ends in an error from the match limits instead
# of running for hours; the isolate goes on.
import re

try:
    re.match(r"(a+)+$", "a" * 40 + "b")
    print("matched or not")
except RuntimeError as e:
    print("RuntimeError", " ".join(str(e).split()[:3]))
print("ok")
