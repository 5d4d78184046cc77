# A tiny expression interpreter written with structural pattern matching over tuples.
def evaluate(expr, env):
    match expr:
        case int() | float():
            return expr
        case str(name):
            if name not in env:
                raise NameError(f"unbound variable {name!r}")
            return env[name]
        case ("neg", e):
            return -evaluate(e, env)
        case ("+" | "-" | "*" | "/" as op, left, right):
            a, b = evaluate(left, env), evaluate(right, env)
            match op:
                case "+":
                    return a + b
                case "-":
                    return a - b
                case "*":
                    return a * b
                case "/":
                    return a / b
        case ("let", str(name), value, body):
            return evaluate(body, {**env, name: evaluate(value, env)})
        case ("if", cond, then, orelse):
            return evaluate(then if evaluate(cond, env) else orelse, env)
        case ("<", a, b):
            return evaluate(a, env) < evaluate(b, env)
        case ("fn", [*params], body):
            return ("closure", params, body, env)
        case ("call", f, *args):
            match evaluate(f, env):
                case ("closure", params, body, cenv) if len(params) == len(args):
                    vals = [evaluate(a, env) for a in args]
                    return evaluate(body, {**cenv, **dict(zip(params, vals))})
                case ("closure", params, *_):
                    raise TypeError(f"expected {len(params)} args, got {len(args)}")
                case other:
                    raise TypeError(f"not callable: {other!r}")
        case _:
            raise SyntaxError(f"bad expression: {expr!r}")
def show(expr):
    match expr:
        case (op, a, b) if op in "+-*/<":
            return f"({show(a)} {op} {show(b)})"
        case ("neg", e):
            return f"-{show(e)}"
        case ("let", n, v, body):
            return f"let {n} = {show(v)} in {show(body)}"
        case _:
            return str(expr)
programs = [
    ("+", 1, ("*", 2, 3)),
    ("let", "x", 5, ("*", "x", ("+", "x", 1))),
    ("neg", ("-", 10, 4.5)),
    ("if", ("<", 1, 2), "yes-branch", "no-branch"),
    ("let", "sq", ("fn", ["n"], ("*", "n", "n")), ("call", "sq", 12)),
    ("let", "add", ("fn", ["a", "b"], ("+", "a", "b")), ("call", "add", 3, ("call", "add", 4, 5))),
    ("/", 7, 2),
    ("call", "add", 1),
    ("+", "nope", 1),
    ("let", "f", ("fn", ["x"], "x"), ("call", "f")),
    ("call", 5),
    ("pow", 2, 3),
]
env = {"yes-branch": "took then", "no-branch": "took else", "add": ("closure", ["a", "b"], ("+", "a", "b"), {})}
for p in programs:
    try:
        print(f"{show(p)} => {evaluate(p, env)!r}")
    except (NameError, TypeError, SyntaxError) as e:
        print(f"{show(p)} => {type(e).__name__}: {e}")
def fact_prog(n):
    return ("let", "fact", ("fn", ["n", "self"],
            ("if", ("<", "n", 2), 1, ("*", "n", ("call", "self", ("-", "n", 1), "self")))),
            ("call", "fact", n, "fact"))
print([evaluate(fact_prog(i), {}) for i in range(1, 11)])
