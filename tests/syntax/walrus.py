(x := 1)
if (n := len(a)) > 10: pass
while (chunk := f.read(10)): pass
[y := f(x), y ** 2]
[y for x in data if (y := f(x)) is not None]
f(x := 1)
print(x := 2, y := 3)
x = (y := 0)
{(a := 1): (b := 2)}
{a := 1, b}
a[b := 1]
(a := (b := 1))
if x := y: pass
while x := y: pass
elif_test = 1
