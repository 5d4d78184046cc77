from . import mod
from .mod import f
INIT_NAME = __name__
INIT_PACKAGE = __package__
INIT_FILE = __file__
INIT_PATH = __path__
