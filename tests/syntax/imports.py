import a
import a.b.c
import a as b
import a.b as c
import a, b, c
import a.b as c, d.e as f
from a import b
from a import b as c
from a import b, c
from a import (b, c)
from a import (b, c,)
from a import (
    b as c,
    d,
)
from a import *
from a.b.c import d
from . import a
from .a import b
from .. import a
from ..a.b import c
from ... import a
from ...a import b
from .... import a
from .. . import a
from . . . import a
