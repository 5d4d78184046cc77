# Import forms.
import os
import os.path
import xml.etree.ElementTree as ET
from . import sibling
from ..package import (name as alias, other)
from module import *


def local_import():
    import json
    from collections import OrderedDict as OD
    return json, OD
