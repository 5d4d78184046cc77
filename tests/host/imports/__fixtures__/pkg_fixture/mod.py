def f():
    return 'f from ' + __name__
MOD_PACKAGE = __package__
