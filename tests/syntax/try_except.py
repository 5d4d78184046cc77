try:
    pass
except:
    pass
try:
    pass
except Exception:
    pass
try:
    pass
except Exception as e:
    pass
try:
    pass
except (A, B) as e:
    pass
except C:
    pass
except:
    pass
else:
    pass
finally:
    pass
try:
    pass
finally:
    pass
try:
    x = 1
except a.b.C as err:
    raise
except D as e:
    raise E from e
except F:
    raise G() from None
