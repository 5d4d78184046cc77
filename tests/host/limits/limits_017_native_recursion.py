# flags: --max-time=20
# exit: 0
# stdout: 16 RecursionErrors
# stdout: ok
# Recursion in native code over deeply nested data ends in RecursionError,
# never in a native stack overflow.
import copy
import itertools
import json

N = 200000
nested_list = []
nested_tuple = ()
nested_dict = {}
other = []
for _ in range(N):
    nested_list = [nested_list]
    nested_tuple = (nested_tuple,)
    nested_dict = {"k": nested_dict}
    other = [other]
types = int
for _ in range(N):
    types = (types,)
chain = iter([1])
mapped = iter([1])
for _ in range(N):
    chain = itertools.chain(chain)
    mapped = map(abs, mapped)

cases = [
    lambda: repr(nested_list),
    lambda: str(nested_tuple),
    lambda: repr(nested_dict),
    lambda: nested_list == other,
    lambda: nested_list < other,
    lambda: json.dumps(nested_list),
    lambda: json.loads("[" * N + "]" * N),
    lambda: copy.deepcopy(nested_list),
    lambda: isinstance(1, types),
    lambda: issubclass(int, types),
    lambda: list(chain),
    lambda: list(mapped),
    lambda: f"{nested_list}",
    lambda: "%s" % (nested_tuple,),
    lambda: sorted([nested_list, other]),
    lambda: nested_list in [other],
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
