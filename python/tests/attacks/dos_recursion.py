# family: dos
# expect: limit depth
# why: Unbounded recursion, through a plain function and through a dunder method, must end with RecursionError, not a native stack overflow.
class Loop:
    def __repr__(self):
        return repr(self)
try:
    repr(Loop())
except RecursionError:
    print('dunder recursion stopped')
def down(n):
    return down(n + 1)
down(0)
