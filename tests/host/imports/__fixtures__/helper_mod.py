VALUE = 42
NAME = __name__
FILE = __file__
PACKAGE = __package__
