from .. import mod as parentmod
from ..mod import f
from . import leaf
SUB_PACKAGE = __package__
