# flags: --max-time=1
# exit: 3
# stdout: started
# stderr: capy: time limit exceeded
# absent: caught
# absent: finally ran
# absent: after
# The time limit is not an exception: except BaseException does not catch it
# and finally clauses do not run while the run unwinds.
print("started", flush=True)
while True:
    try:
        try:
            while True:
                pass
        finally:
            print("finally ran")
    except BaseException:
        print("caught")
print("after")
