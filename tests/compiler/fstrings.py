# f-strings: conversions, format specs (nested fields), self-documenting `=`.
name = "world"
width = 10
greeting = f"hello {name}!"
padded = f"{name!r:>{width}} and {3.14159:.2f}"
debug = f"{width=}"
plain = f"no fields"
ascii_ = f"{name!a}{name!s}"
