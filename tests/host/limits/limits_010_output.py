# flags: --max-output=1000
# exit: 3
# stdout: line 09 xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx
# stderr: capy: output limit exceeded
# absent: line 10
# absent: caught
# Output stops exactly at --max-output: ten lines of 100 bytes fit, the
# eleventh does not, and the run ends however the guest guards its writes.
for i in range(20):
    try:
        print(("line %02d " % i).ljust(99, "x"))
    except BaseException:
        print("caught")
