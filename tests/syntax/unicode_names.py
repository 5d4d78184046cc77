é = 1
ñame = 2
日本 = 3
ℌ = 4
ﬁ = 5
x = é + ℌ
def φ(α, β=2): return α + β
class Ünicode: pass
Ω = "Ω"
obj.ℌ = 1
