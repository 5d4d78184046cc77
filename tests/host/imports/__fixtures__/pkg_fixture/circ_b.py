from . import circ_a
B = 'b'
SEEN_A = circ_a.A
