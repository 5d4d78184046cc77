# Notes are printed after the exception line.
def parse(text):
    try:
        return int(text)
    except ValueError as e:
        e.add_note(f"while parsing {text!r}")
        e.add_note("second note")
        raise

print(parse("12"))
print(parse("x12"))
