# flags: --max-time=1
# exit: 3
# stderr: capy: time limit exceeded
# absent: Traceback
# Reporting an uncaught exception runs guest code (__str__) under the same
# limits: one that never returns ends the program with the limit.
class Endless(Exception):
    def __str__(self):
        while True:
            pass


raise Endless()
