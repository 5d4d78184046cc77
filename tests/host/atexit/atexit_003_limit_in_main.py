# flags: --max-time=1
# exit: 3
# stderr: capy: time
# absent: exit function ran
# When a limit ends the main program, no exit function runs.
import atexit

atexit.register(print, 'exit function ran')
while True:
    pass
