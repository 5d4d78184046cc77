# exit: 1
# stdout: finalizer ran: 42
# stdout: exit function ran
# stderr: ValueError: main failed
# stderr: Exception ignored in atexit callback
# stderr: ZeroDivisionError
# The exit functions (and weakref.finalize) run after an uncaught exception
# has been reported; one that raises is reported and the others still run;
# the exit status stays the main program's.
import atexit
import weakref


class Obj:
    pass


def failing():
    1 / 0


keep = Obj()
weakref.finalize(keep, print, 'finalizer ran:', 42)
atexit.register(print, 'exit function ran')
atexit.register(failing)
raise ValueError('main failed')
