def f():
    nonlocal undefined
