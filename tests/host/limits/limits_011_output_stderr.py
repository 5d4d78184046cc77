# flags: --max-output=100
# exit: 3
# stderr: capy: output limit exceeded
# absent: visible
# stderr counts against the same output budget as stdout.
import sys

while True:
    sys.stderr.write("e" * 30)
print("visible")
