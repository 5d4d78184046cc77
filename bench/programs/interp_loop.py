# A small stack-machine interpreter: dispatch on opcodes in a tight loop.
PUSH, LOAD, STORE, ADD, SUB, MUL, MOD, LT, JMP, JZ, PRINT, HALT = range(12)


def assemble(source):
    ops = {"push": PUSH, "load": LOAD, "store": STORE, "add": ADD, "sub": SUB, "mul": MUL, "mod": MOD,
           "lt": LT, "jmp": JMP, "jz": JZ, "print": PRINT, "halt": HALT}
    labels, code = {}, []
    lines = [l.split("#")[0].strip() for l in source.strip().splitlines()]
    lines = [l for l in lines if l]
    pc = 0
    for line in lines:
        if line.endswith(":"):
            labels[line[:-1]] = pc
        else:
            pc += len(line.split())
    for line in lines:
        if line.endswith(":"):
            continue
        parts = line.split()
        code.append(ops[parts[0]])
        if len(parts) > 1:
            arg = parts[1]
            code.append(labels[arg] if arg in labels else int(arg))
    return code


def run(code, nvars=8):
    stack = []
    env = [0] * nvars
    out = []
    pc = 0
    steps = 0
    while True:
        op = code[pc]
        steps += 1
        if op == PUSH:
            stack.append(code[pc + 1]); pc += 2
        elif op == LOAD:
            stack.append(env[code[pc + 1]]); pc += 2
        elif op == STORE:
            env[code[pc + 1]] = stack.pop(); pc += 2
        elif op == ADD:
            b = stack.pop(); stack[-1] += b; pc += 1
        elif op == SUB:
            b = stack.pop(); stack[-1] -= b; pc += 1
        elif op == MUL:
            b = stack.pop(); stack[-1] *= b; pc += 1
        elif op == MOD:
            b = stack.pop(); stack[-1] %= b; pc += 1
        elif op == LT:
            b = stack.pop(); stack[-1] = 1 if stack[-1] < b else 0; pc += 1
        elif op == JMP:
            pc = code[pc + 1]
        elif op == JZ:
            pc = code[pc + 1] if stack.pop() == 0 else pc + 2
        elif op == PRINT:
            out.append(stack.pop()); pc += 1
        elif op == HALT:
            return out, steps


PROGRAM = """
    push 0
    store 0          # i = 0
    push 0
    store 1          # acc = 0
loop:
    load 0
    push 500000
    lt
    jz done
    load 1
    load 0
    load 0
    mul
    add
    push 1000003
    mod
    store 1          # acc = (acc + i*i) % 1000003
    load 0
    push 1
    add
    store 0
    jmp loop
done:
    load 1
    print
    halt
"""
code = assemble(PROGRAM)
out, steps = run(code)
print("result", out, "steps", steps, "code size", len(code))
