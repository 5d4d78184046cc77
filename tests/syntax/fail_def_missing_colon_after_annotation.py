def f() -> in
    pass
