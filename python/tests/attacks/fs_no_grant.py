# family: fs
# expect: error
# why: Without any directory grant there is no way to read a file, under any spelling of open.
import io, os
tries = {
    'io.open': lambda: io.open('{SECRET}').read(),
    'os.open': lambda: os.read(os.open('{SECRET}', 0), 100),
    'os.listdir': lambda: os.listdir('{WS}'),
    'os.stat': lambda: os.stat('{SECRET}').st_size,
    '/proc': lambda: open('/proc/self/environ', 'rb').read(),
    '/etc/passwd': lambda: open('/etc/passwd').read(),
}
for label, attempt in tries.items():
    try:
        print(label, attempt())
        print('PWN' + 'ED', label)
    except Exception as e:
        print(label, 'refused', type(e).__name__)
print(open('{SECRET}').read())
