# String building: join vs concatenation, formatting tables, wrapping, templates.
def wrap(text, width):
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    if line:
        lines.append(line)
    return lines
para = ("Python is a programming language that lets you work quickly and integrate "
        "systems more effectively. It is used for scripting, automation, data work and much more.")
for w in (20, 35, 60):
    print(f"--- width {w}")
    for line in wrap(para, w):
        print(f"|{line:<{w}}|")
rows = [("apple", 3, 0.5), ("banana", 12, 0.25), ("cherry", 100, 0.1), ("kiwi", 7, 0.75)]
header = f"{'fruit':<10}{'qty':>5}{'price':>8}{'total':>9}"
print(header)
print("=" * len(header))
grand = 0
for name, qty, price in rows:
    total = qty * price
    grand += total
    print(f"{name:<10}{qty:>5}{price:>8.2f}{total:>9.2f}")
print("-" * len(header))
print(f"{'TOTAL':<23}{grand:>9.2f}")
parts = []
for i in range(1, 16):
    parts.append("FizzBuzz" if i % 15 == 0 else "Fizz" if i % 3 == 0 else "Buzz" if i % 5 == 0 else str(i))
print(" ".join(parts))
acc = ""
for i in range(10):
    acc += str(i) * (i % 3 + 1)
print(acc, len(acc))
def render(template, **values):
    out = template
    for k, v in values.items():
        out = out.replace("{{" + k + "}}", str(v))
    return out
print(render("Dear {{name}}, you owe {{amount}} coins. Bye {{name}}!", name="Ann", amount=42))
def snake_to_camel(s):
    first, *rest = s.split("_")
    return first + "".join(p.capitalize() for p in rest)
def camel_to_snake(s):
    out = []
    for ch in s:
        if ch.isupper():
            out.append("_" + ch.lower())
        else:
            out.append(ch)
    return "".join(out).lstrip("_")
for name in ["user_id", "http_response_code", "x", "already"]:
    c = snake_to_camel(name)
    print(name, c, camel_to_snake(c))
box_w = 24
print("+" + "-" * box_w + "+")
for line in ["capy", "a Python", "interpreter"]:
    print("|" + line.center(box_w) + "|")
print("+" + "-" * box_w + "+")
print(str(123) + str(4.5) + str(None) + str([1, "a"]) + str({"k": (1,)}))
