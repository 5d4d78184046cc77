# KeyError with a tuple key: the message shows the tuple.
grid = {(0, 0): "start", (0, 1): "wall", (1, 1): "goal"}
for cell in [(0, 0), (1, 1), (1, 0)]:
    print(cell, grid[cell])
