# Syntax errors after long chains of nested subscripts: the parser's
# invalid_* checks re-parsed the rest at every level (time doubling per
# level, a 45-byte input ran for minutes). Each line is one chain.
t[g[R[r[g[p[i[g[n[R[r[p[t[e[v[i[[N[[[[[[[_. 3
