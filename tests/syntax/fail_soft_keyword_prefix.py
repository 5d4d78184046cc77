f(m S)
