a < b
a < b <= c > d >= e == f != g
a is b
a is not b
a in b
a not in b
not a
not not a
a and b
a or b
a and b and c
a or b or c
a and b or c and d
not a and not b or c
a or (b and c)
(a or b) and c
x = a if b else c
x = a < b == c in d is not e
