# Syntax errors after long chains of nested subscripts: the parser's
# invalid_* checks re-parsed the rest at every level (time doubling per
# level, a 45-byte input ran for minutes). Each line is one chain.
print[print[print[print[print[print[print[print[print[print[print[print[print[print[print[print[print[print[print[print[print[print[print[print[print[print[print[print[print[print[print[print[print[print[print[print[print[print[print[print[print[print[print[print[print[print[print[print[print[print[print[print[print[print[print[print[print[print[print[print[_. 3
