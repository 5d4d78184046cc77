# flags: --allow-import=json --allow-import=os.path --allow-import=__fixtures__
# exit: 0
# stdout: ok
# A module grant may name any module capy has or a module root provides (all
# of capy's modules are in the default set, so the grant changes nothing).
import json, os.path
import __fixtures__.helper_mod as h
assert json.loads('[1]') == [1] and os.path.join('a', 'b') == 'a/b' and h.VALUE == 42
print('ok')
