# If str() of the exception fails, the report says so.
class Weird(Exception):
    def __str__(self):
        raise RuntimeError("cannot render")

print("about to fail")
raise Weird("x")
