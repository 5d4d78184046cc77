# An uncaught exception raised from another: the last line names the outer one.
def parse(text):
    try:
        return float(text)
    except ValueError as exc:
        raise RuntimeError(f"cannot parse {text!r}") from exc
for t in ["1.5", "2e3", "-0.25"]:
    print(t, parse(t))
parse("one point five")
