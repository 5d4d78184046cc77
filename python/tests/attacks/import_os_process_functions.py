# family: import
# expect: error
# why: capy's os must have no process, descriptor-duplication or environment-mutation functions that reach the host.
import os
for name in ('system', 'popen', 'fork', 'execv', 'execve', 'spawnv', 'posix_spawn', 'kill',
             'dup2', 'putenv', 'chdir', 'chroot', 'setuid', 'symlink', 'link', 'chmod'):
    if hasattr(os, name):
        print(name, 'exists')
try:
    os.putenv('CAPY_INJECTED', '1')
except Exception as e:
    print('putenv refused', type(e).__name__)
os.environ['LD_PRELOAD'] = '/tmp/evil.so'
print(os.system('cat {SECRET}; echo PWN""ED'))
