a.b.c.d.e.f
a().b().c()
a[0][1][2]
a(b)(c)(d)
a.b(c)[d].e(f)[g:h]
x = obj.attr[key](arg).other
"".join(x).split()
[1, 2][0]
{"a": 1}["a"]
(1, 2).count(1)
1 .real
1.0.real
"abc".upper().lower()
