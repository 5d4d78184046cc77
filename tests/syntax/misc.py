pass
pass; pass
x = 1; y = 2;
...
None
True
False
x = None
1
"string statement"
f(x)
a.b
a[b]
(a)
-a
not a
for x in y: pass; break
while 1: continue
