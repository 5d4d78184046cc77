# flags: --max-depth=100000 --max-time=150
# exit: 0
# stdout: 5 RecursionErrors
# stdout: ok
# Even with a call depth limit far beyond what the thread's native stack
# holds, native recursion stops at the stack's end with RecursionError.
import json
import re

N = 50000
nested = []
for _ in range(N):
    nested = [nested]
mapped = iter([1])
for _ in range(N):
    mapped = map(abs, mapped)
cases = [
    lambda: repr(nested),
    lambda: re.compile("(" * 50000 + ")" * 50000),
    lambda: json.dumps(nested),
    lambda: str(nested),
    lambda: list(mapped),
]
count = 0
for i, case in enumerate(cases):
    try:
        case()
        print("no error in case", i)
    except RecursionError:
        count += 1
print(count, "RecursionErrors")
print("ok")
