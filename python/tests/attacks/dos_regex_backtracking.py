# family: dos
# options: {"max_time": 2}
# expect: any
# why: Catastrophic backtracking ((a+)+$ against 'a'*40 + 'b') needs about 2**40 steps in a backtracking engine: the run must end within the time limit.
import re
print(re.match('(a+)+$', 'a' * 40 + 'b'))
