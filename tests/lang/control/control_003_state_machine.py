# A tokenizer and a tiny stack-based evaluator: realistic branching and looping.
def tokenize(src):
    tokens = []
    i = 0
    while i < len(src):
        ch = src[i]
        if ch.isspace():
            i += 1
        elif ch.isdigit() or (ch == "." and i + 1 < len(src) and src[i + 1].isdigit()):
            j = i
            while j < len(src) and (src[j].isdigit() or src[j] == "."):
                j += 1
            text = src[i:j]
            tokens.append(("num", float(text) if "." in text else int(text)))
            i = j
        elif ch.isalpha() or ch == "_":
            j = i
            while j < len(src) and (src[j].isalnum() or src[j] == "_"):
                j += 1
            tokens.append(("name", src[i:j]))
            i = j
        elif ch in "+-*/()^%,":
            tokens.append(("op", ch))
            i += 1
        else:
            raise SyntaxError(f"bad character {ch!r} at {i}")
    return tokens
PREC = {"+": 1, "-": 1, "*": 2, "/": 2, "%": 2, "^": 3}
def to_rpn(tokens):
    out, ops = [], []
    for kind, val in tokens:
        if kind in ("num", "name"):
            out.append((kind, val))
        elif val == "(":
            ops.append(val)
        elif val == ")":
            while ops[-1] != "(":
                out.append(("op", ops.pop()))
            ops.pop()
        else:
            while ops and ops[-1] != "(" and (PREC[ops[-1]] > PREC[val] or (PREC[ops[-1]] == PREC[val] and val != "^")):
                out.append(("op", ops.pop()))
            ops.append(val)
    while ops:
        out.append(("op", ops.pop()))
    return out
def evaluate(rpn, env):
    stack = []
    for kind, val in rpn:
        if kind == "num":
            stack.append(val)
        elif kind == "name":
            stack.append(env[val])
        else:
            b = stack.pop()
            a = stack.pop()
            if val == "+":
                stack.append(a + b)
            elif val == "-":
                stack.append(a - b)
            elif val == "*":
                stack.append(a * b)
            elif val == "/":
                stack.append(a / b)
            elif val == "%":
                stack.append(a % b)
            elif val == "^":
                stack.append(a ** b)
    return stack[0]
env = {"x": 3, "y": 4, "rate": 0.5}
for expr in ["1 + 2 * 3", "(1 + 2) * 3", "2 ^ 3 ^ 2", "x * x + y * y", "100 / (x + 1) - rate",
             "17 % 5 * 2", "((((7))))", "1.5 * 4", "2 ^ 10 - 24"]:
    toks = tokenize(expr)
    rpn = to_rpn(toks)
    print(f"{expr:<22} -> {' '.join(str(v) for _, v in rpn):<24} = {evaluate(rpn, env)}")
try:
    tokenize("1 + $")
except SyntaxError as e:
    print("SyntaxError:", e)
state = "idle"
events = ["coin", "push", "push", "coin", "coin", "push", "kick"]
transitions = {("idle", "coin"): "unlocked", ("unlocked", "push"): "idle", ("unlocked", "coin"): "unlocked", ("idle", "push"): "idle"}
for ev in events:
    nxt = transitions.get((state, ev))
    if nxt is None:
        print(f"{state:>8} --{ev}--> (ignored)")
        continue
    print(f"{state:>8} --{ev}--> {nxt}")
    state = nxt
