A = 'a'
from . import circ_b
SEEN_B = circ_b.B
