# Recursion: classic functions, mutual recursion, deep-ish recursion, recursive data.
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
print([fact(i) for i in range(10)], fact(50))
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print([fib(i) for i in range(20)])
def hanoi(n, src, dst, via, moves):
    if n:
        hanoi(n - 1, src, via, dst, moves)
        moves.append((src, dst))
        hanoi(n - 1, via, dst, src, moves)
    return moves
m = hanoi(4, "A", "C", "B", [])
print(len(m), m[:7])
def is_even(n):
    return True if n == 0 else is_odd(n - 1)
def is_odd(n):
    return False if n == 0 else is_even(n - 1)
print(is_even(10), is_odd(7), is_even(301))
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
print(depth(500), depth(900))
def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))
print([[ackermann(m, n) for n in range(4)] for m in range(3)], ackermann(2, 3))
def power_set(items):
    if not items:
        return [[]]
    rest = power_set(items[1:])
    return rest + [[items[0]] + r for r in rest]
print(power_set([1, 2, 3]))
def tree_sum(t):
    if isinstance(t, int):
        return t
    return sum(tree_sum(c) for c in t)
print(tree_sum([1, [2, 3, [4, [5, 6]]], [[7]]]))
def to_json(v, indent=0):
    pad = "  " * indent
    if isinstance(v, dict):
        inner = ",\n".join(f'{pad}  "{k}": {to_json(x, indent + 1).lstrip()}' for k, x in v.items())
        return pad + "{\n" + inner + "\n" + pad + "}"
    if isinstance(v, list):
        return pad + "[" + ", ".join(to_json(x).strip() for x in v) + "]"
    if isinstance(v, str):
        return pad + '"' + v + '"'
    if v is None:
        return pad + "null"
    if isinstance(v, bool):
        return pad + ("true" if v else "false")
    return pad + str(v)
print(to_json({"name": "capy", "tags": ["vm", "python"], "meta": {"ok": True, "n": None, "v": 1.5}}))
def n_queens(n):
    sols = []
    def place(row, cols, d1, d2, board):
        if row == n:
            sols.append(board[:])
            return
        for c in range(n):
            if c in cols or row - c in d1 or row + c in d2:
                continue
            board.append(c)
            place(row + 1, cols | {c}, d1 | {row - c}, d2 | {row + c}, board)
            board.pop()
    place(0, set(), set(), set(), [])
    return sols
q = n_queens(6)
print(len(q), q, len(n_queens(7)))
def flood(grid, r, c):
    if r < 0 or c < 0 or r >= len(grid) or c >= len(grid[0]) or grid[r][c] != ".":
        return 0
    grid[r][c] = "#"
    return 1 + flood(grid, r + 1, c) + flood(grid, r - 1, c) + flood(grid, r, c + 1) + flood(grid, r, c - 1)
grid = [list(row) for row in ["..X..", ".XX..", "X...X", "..X.."]]
print(flood(grid, 0, 4), ["".join(r) for r in grid])
