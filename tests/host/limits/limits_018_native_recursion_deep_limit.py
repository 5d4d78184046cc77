# flags: --max-depth=100000 --max-time=20
# exit: 0
# stdout: 6 RecursionErrors
# stdout: ok
# Even with a call depth limit far beyond what the thread's native stack
# holds, native recursion stops at the stack's end with RecursionError.
import json
import re

N = 300000
nested = []
other = []
for _ in range(N):
    nested = [nested]
    other = [other]
types = int
for _ in range(N):
    types = (types,)
cases = [
    lambda: repr(nested),
    lambda: nested == other,
    lambda: isinstance(1, types),
    lambda: re.compile("(" * 50000 + ")" * 50000),
    lambda: json.dumps(nested),
    lambda: str(nested),
]
count = 0
for case in cases:
    try:
        case()
        print("no error:", case)
    except RecursionError:
        count += 1
print(count, "RecursionErrors")
print("ok")
