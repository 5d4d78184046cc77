# Custom exception hierarchies, attributes, __str__, catching by base class, exception chaining.
class AppError(Exception):
    """Base for application errors."""
class ValidationError(AppError):
    def __init__(self, field, message):
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message
class NotFound(AppError):
    def __init__(self, kind, key):
        self.kind, self.key = kind, key
    def __str__(self):
        return f"{self.kind} {self.key!r} not found"
class RetryableError(AppError):
    pass
def validate(user):
    if not user.get("name"):
        raise ValidationError("name", "is required")
    if not isinstance(user.get("age"), int) or user["age"] < 0:
        raise ValidationError("age", f"must be a non-negative int, got {user.get('age')!r}")
    return True
for u in [{"name": "a", "age": 3}, {"age": 3}, {"name": "b", "age": -1}, {"name": "c", "age": "x"}]:
    try:
        print(validate(u))
    except ValidationError as e:
        print("invalid:", e, "| field =", e.field, "| args =", e.args)
db = {"u1": "Ann"}
def fetch(key):
    try:
        return db[key]
    except KeyError as e:
        raise NotFound("user", key) from e
try:
    fetch("u2")
except AppError as e:
    print(type(e).__name__, "-", e, "| cause:", repr(e.__cause__), "| args:", e.args)
print(issubclass(NotFound, AppError), issubclass(AppError, Exception), issubclass(AppError, BaseException))
print(AppError.__doc__, AppError.__mro__[1].__name__, [c.__name__ for c in ValidationError.__mro__])
def risky(n):
    if n % 3 == 0:
        raise RetryableError(f"transient failure {n}")
    if n % 5 == 0:
        raise NotFound("item", n)
    return n * 10
results = []
for n in range(1, 11):
    try:
        results.append(risky(n))
    except RetryableError as e:
        results.append(f"retry({e})")
    except AppError as e:
        results.append(f"fail({e})")
print(results)
class WithExtra(Exception):
    def __init__(self, msg, code=500):
        super().__init__(msg)
        self.code = code
    def __repr__(self):
        return f"WithExtra(code={self.code})"
try:
    raise WithExtra("server exploded", code=503)
except WithExtra as e:
    print(e, repr(e), e.code, e.args)
class MultiArg(Exception):
    pass
print(str(MultiArg()), str(MultiArg("one")), str(MultiArg("a", "b")), repr(MultiArg("a", 1)))
err = ValueError("stored")
print(type(err).__name__, err.args, isinstance(err, Exception))
errors = [KeyError("k"), IndexError(3), ZeroDivisionError("zd"), StopIteration(7)]
print([(type(x).__name__, str(x)) for x in errors], StopIteration(7).value)
print(str(KeyError("quoted")), str(KeyError()), str(KeyError(1, 2)))
class Wrapped(Exception):
    pass
try:
    try:
        {}["missing"]
    except KeyError:
        raise Wrapped("during handling")
except Wrapped as w:
    print(repr(w), "| context:", repr(w.__context__), "| cause:", w.__cause__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise Wrapped("suppressed") from None
except Wrapped as w:
    print(repr(w), w.__cause__, w.__suppress_context__, repr(w.__context__))
e1 = AppError("note me")
e1.add_note("first note")
e1.add_note("second note")
print(e1.__notes__)
