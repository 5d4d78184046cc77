# add_note and __notes__ (3.11).
e = ValueError("boom")
print(hasattr(e, "__notes__"))
e.add_note("first")
e.add_note("second line")
print(e.__notes__)
print(e.__dict__)
try:
    e.add_note(42)
except TypeError as err:
    print("TypeError:", err)
try:
    e.add_note()
except TypeError as err:
    print("TypeError:", err)

e = KeyError("k")
e.__notes__ = "not a list"
try:
    e.add_note("x")
except TypeError as err:
    print("TypeError:", err)

class Note(str):
    pass

e = Exception()
e.add_note(Note("sub"))
print(e.__notes__, type(e.__notes__[0]).__name__)

def f():
    try:
        1 / 0
    except ZeroDivisionError as z:
        z.add_note("while dividing")
        raise

try:
    f()
except ZeroDivisionError as z:
    print(z, z.__notes__)
