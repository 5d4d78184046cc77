# family: import
# options: {"allow_imports": ["subprocess", "socket", "ctypes", "posix", "_io", "importlib", "gc", "signal", "resource", "marshal", "pickle", "_thread", "multiprocessing", "pty", "fcntl", "mmap"]}
# expect: error
# why: Modules that reach the machine must not exist, even when the host names them in allow_imports.
found = []
for name in ('subprocess', 'socket', 'ctypes', 'posix', '_io', 'importlib', 'gc', 'signal',
             'resource', 'marshal', 'pickle', '_thread', 'multiprocessing', 'pty', 'fcntl',
             'mmap', '_posixsubprocess', 'cffi', 'nt', 'builtins.__loader__'):
    try:
        module = __import__(name)
        found.append(name)
    except ImportError as e:
        print(name, 'refused', type(e).__name__)
dangerous = {'subprocess', 'socket', 'ctypes', 'posix', '_io', '_thread', 'multiprocessing',
             'pty', 'fcntl', 'mmap', '_posixsubprocess', 'cffi', 'nt', 'signal', 'resource'}
for name in found:
    if name in dangerous:
        print('PWN' + 'ED', name)
import subprocess
print(subprocess.check_output(['cat', '{SECRET}']))
