*a, b = c
a, *b, c = d
[*a] = b
(*a,) = b
f(*a)
f(*a, *b)
x = [*a, *b]
x = {*a, *b}
x = (*a, *b)
x = *a, b
print(*a, sep="")
for *a, b in c: pass
return_like = *range(3),
{**a, **b}
f(**a, **b)
