@dec
def f(): pass

@dec
@dec2(arg)
@a.b.c
@a.b(c)(d)
@(lambda f: f)
@x[0]
@x := y
def f(): pass

@dec
class C: pass

@dec
async def f(): pass

class C:
    @staticmethod
    def s(): pass

    @classmethod
    def c(cls): pass
