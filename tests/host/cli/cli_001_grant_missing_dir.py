# flags: --allow-read={WS}/no-such-dir
# exit: 2
# stderr: bad --allow-read directory
# absent: never printed
# A grant of a directory that does not exist is a usage error: the program never runs.
print("never printed")
