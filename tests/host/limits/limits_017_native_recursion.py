# flags: --max-time=60
# exit: 0
# stdout: 14 RecursionErrors
# stdout: ok
# Recursion in native code over deeply nested data ends in RecursionError,
# never in a native stack overflow.
import copy
import json

N = 20000
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
