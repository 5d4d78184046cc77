# OSError subclasses print errno, strerror and the filename.
def load(name):
    raise OSError(2, "No such file or directory", name)

try:
    load("a.txt")
except FileNotFoundError as e:
    print("caught", type(e).__name__, e.filename)
load("config.ini")
