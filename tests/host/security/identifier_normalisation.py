# exit: 0
# stdout: ok
# Identifier normalisation: like CPython, capy NFKC-normalises identifiers in
# source (PEP 3131), so `ｏｓ`, `𝐨𝐩𝐞𝐧` or `__𝐢𝐦𝐩𝐨𝐫𝐭__` are the same names as
# their ASCII forms and get exactly the same treatment: no spelling of a
# name reaches something the plain name does not. Strings are not
# normalised (getattr with a fullwidth string finds nothing).
import ｏｓ
import os
assert ｏｓ is os
assert len(os.environ) == 0  # only granted variables, none here
try:
    𝐨𝐩𝐞𝐧
except NameError as e:
    assert str(e) == "name 'open' is not defined", str(e)
else:
    raise AssertionError('open without a grant')
assert __𝐢𝐦𝐩𝐨𝐫𝐭__ is __import__
try:
    __𝐢𝐦𝐩𝐨𝐫𝐭__('po' + 'six')
except ModuleNotFoundError:
    pass
else:
    raise AssertionError('posix imported')
ｆｕｌｌ = 1
assert full == 1 and 'full' in globals() and 'ｆｕｌｌ' not in globals()
assert not hasattr(os, 'ｅｎｖｉｒｏｎ') and getattr(os, 'environ') is os.environ

class Ｓａｆｅ:
    def __init__(self):
        self.__ｓｅｃｒｅｔ = 1
s = Safe()
try:
    s._Safe__secret
except AttributeError:
    pass
else:
    raise AssertionError('normalised private name reached from outside')
print('ok')
