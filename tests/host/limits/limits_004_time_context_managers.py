# flags: --max-time=1
# exit: 3
# stdout: entered
# stderr: capy: time limit exceeded
# absent: __exit__ ran
# absent: generator cleanup ran
# absent: suppressed
# Neither __exit__ (which could suppress the exception) nor a generator's
# finally clause runs after a limit ended the run.
class Suppress:
    def __enter__(self):
        print("entered", flush=True)
        return self

    def __exit__(self, *exc):
        print("__exit__ ran")
        return True


def gen():
    try:
        yield 1
        while True:
            pass
    finally:
        print("generator cleanup ran")


with Suppress():
    for _ in gen():
        pass
print("suppressed")
