# exit: 0
# stdout: ok
# The guest sees its own script path as argv[0] and nothing of the host's flags.
import sys
assert sys.argv[0].endswith("cli_003_argv.py"), sys.argv
assert len(sys.argv) == 1, sys.argv
print("ok")
