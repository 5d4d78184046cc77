try:
    pass
except* ValueError:
    pass
try:
    pass
except* (TypeError, ValueError) as eg:
    pass
except* OSError:
    pass
else:
    pass
finally:
    pass
