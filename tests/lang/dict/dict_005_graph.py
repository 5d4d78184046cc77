# Dicts of lists as graphs: BFS, DFS, topological sort, shortest paths.
graph = {
    "a": ["b", "c"],
    "b": ["d"],
    "c": ["d", "e"],
    "d": ["f"],
    "e": ["f"],
    "f": [],
}
def bfs(g, start):
    seen = {start: 0}
    order = [start]
    frontier = [start]
    while frontier:
        nxt = []
        for node in frontier:
            for nb in g[node]:
                if nb not in seen:
                    seen[nb] = seen[node] + 1
                    order.append(nb)
                    nxt.append(nb)
        frontier = nxt
    return order, seen
print(bfs(graph, "a"))
def dfs(g, node, seen=None):
    if seen is None:
        seen = []
    seen.append(node)
    for nb in g[node]:
        if nb not in seen:
            dfs(g, nb, seen)
    return seen
print(dfs(graph, "a"), dfs(graph, "c"))
def topo(g):
    indeg = {n: 0 for n in g}
    for n in g:
        for m in g[n]:
            indeg[m] += 1
    ready = sorted(n for n, d in indeg.items() if d == 0)
    out = []
    while ready:
        n = ready.pop(0)
        out.append(n)
        for m in g[n]:
            indeg[m] -= 1
            if indeg[m] == 0:
                ready.append(m)
                ready.sort()
    return out
print(topo(graph))
weighted = {
    "A": {"B": 7, "C": 9, "F": 14},
    "B": {"A": 7, "C": 10, "D": 15},
    "C": {"A": 9, "B": 10, "D": 11, "F": 2},
    "D": {"B": 15, "C": 11, "E": 6},
    "E": {"D": 6, "F": 9},
    "F": {"A": 14, "C": 2, "E": 9},
}
def dijkstra(g, src):
    dist = {n: float("inf") for n in g}
    prev = {}
    dist[src] = 0
    todo = set(g)
    while todo:
        u = min(sorted(todo), key=lambda n: dist[n])
        todo.remove(u)
        for v, w in g[u].items():
            if dist[u] + w < dist[v]:
                dist[v] = dist[u] + w
                prev[v] = u
    return dist, prev
dist, prev = dijkstra(weighted, "A")
print(dist)
def path(prev, target):
    out = [target]
    while out[-1] in prev:
        out.append(prev[out[-1]])
    return out[::-1]
for t in "BCDEF":
    print(t, dist[t], "->".join(path(prev, t)))
undirected = {}
for a, b in [(1, 2), (2, 3), (4, 5), (6, 6), (7, 5), (3, 1)]:
    undirected.setdefault(a, set()).add(b)
    undirected.setdefault(b, set()).add(a)
def components(g):
    seen = set()
    comps = []
    for n in sorted(g):
        if n in seen:
            continue
        stack, comp = [n], []
        seen.add(n)
        while stack:
            x = stack.pop()
            comp.append(x)
            for y in sorted(g[x]):
                if y not in seen:
                    seen.add(y)
                    stack.append(y)
        comps.append(sorted(comp))
    return comps
print(components(undirected))
