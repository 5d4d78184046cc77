# flags: --allow-everything
# exit: 2
# stderr: unknown option --allow-everything
# absent: never printed
print("never printed")
