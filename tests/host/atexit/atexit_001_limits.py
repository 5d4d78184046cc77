# flags: --max-time=1
# exit: 3
# stdout: main done
# stdout: exit function started
# stderr: capy: time
# absent: never reached
# atexit functions run after the main program, under the isolate's limits: a
# runaway one ends the run like any other code.
import atexit


def runaway():
    print('exit function started', flush=True)
    while True:
        pass


def never():
    print('never reached')


atexit.register(never)
atexit.register(runaway)
print('main done')
