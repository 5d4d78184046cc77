a + b - c
a * b / c // d % e @ f
a ** b ** c
-a ** b
(-a) ** b
a ** -b
+a - -b + ~c
a << 1 >> 2
a & b | c ^ d
a | b & c
1 + 2 * 3 - 4 / 5
(1 + 2) * 3
- - - x
~~x
a + b * c ** d // e
x = a - (b - c) - d
