# flags: --allow-read={BOX}
# exit: 0
# stdout: ok
# A module root gives import access only: open() does not reach the
# script's directory unless a directory grant covers it.
here = __file__.rpartition('/')[0]
for path in (__file__, here + '/__fixtures__/helper_mod.py', here + '/__fixtures__/not_a_module.txt'):
    try:
        open(path).read()
    except PermissionError:
        pass
    else:
        raise AssertionError('open() read ' + path)
import __fixtures__.helper_mod
print('ok')
