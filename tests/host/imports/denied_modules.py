# exit: 0
# stdout: ok
# Modules that reach the machine do not exist in capy: importing one is a
# ModuleNotFoundError like any unknown name, by statement, __import__ or a
# computed name, and a grant cannot change that (see allow_import_unknown.py).
import sys
DENIED = ['subprocess', 'socket', '_socket', 'ctypes', '_ctypes', 'cffi', 'importlib', 'importlib.util',
          'importlib.machinery', '_imp', '_frozen_importlib', '_frozen_importlib_external', 'zipimport',
          'posix', 'nt', '_posixsubprocess', '_io', 'inspect', 'signal', '_signal', 'resource', 'marshal',
          'pickle', '_pickle', 'copyreg', 'multiprocessing', 'threading', '_thread', 'mmap', 'fcntl', 'select',
          'pty', 'ssl', 'urllib', 'http', 'ftplib', 'asyncio', 'faulthandler', 'tracemalloc', 'code', 'codeop',
          'pdb', 'bdb', 'sys.monitoring', 'site', 'sysconfig', 'pwd', 'grp', 'termios', 'readline', 'tempfile',
          'dis', 'opcode', 'ast', '_ast', 'symtable', 'linecache', 'tokenize', 'runpy', 'pkgutil']
for name in DENIED:
    for how in ('statement', '__import__', 'computed'):
        try:
            if how == 'statement':
                exec('import ' + name, {})
            elif how == '__import__':
                __import__(name)
            else:
                __import__(''.join(chr(ord(c)) for c in name))
        except ModuleNotFoundError as e:
            assert e.name == name or e.name == name.split('.')[0], (name, e.name)
        else:
            raise AssertionError('%s imported (%s)' % (name, how))
        assert name not in sys.modules
# gc exists only as the collector's switches: nothing walks objects or referrers.
import gc
for attr in ('get_objects', 'get_referrers', 'get_referents', 'get_stats', 'callbacks', 'is_tracked',
             'get_freeze_count', 'freeze'):
    assert not hasattr(gc, attr), attr
print('ok')
