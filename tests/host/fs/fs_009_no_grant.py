# stdout: ok
# absent: hello from the box
# Without a directory grant there is no open() (NameError, like any unknown
# name, and no route recovers it), and every file function of io, os,
# pathlib and shutil raises PermissionError; the modules still import.
import builtins
import io
import os
import os.path
import pathlib
import posixpath
import shutil

try:
    open('box/data.txt')
    raise AssertionError('open exists')
except NameError as e:
    assert str(e) == "name 'open' is not defined", e
assert not hasattr(builtins, 'open') and 'open' not in vars(builtins)
assert 'open' not in dir(__builtins__) if not isinstance(__builtins__, dict) else 'open' not in __builtins__
for get in (lambda: print.__self__.open, lambda: len.__self__.__dict__['open'], lambda: __import__('builtins').open,
            lambda: (lambda: 0).__globals__['__builtins__'].open):
    try:
        get()
        raise AssertionError('open recovered')
    except (AttributeError, KeyError):
        pass
for attempt in (lambda: io.open('box/data.txt'), lambda: io.FileIO('box/data.txt'),
                lambda: os.listdir('box'), lambda: os.stat('box/data.txt'), lambda: os.getcwd(),
                lambda: list(os.scandir('.')), lambda: os.mkdir('box/d'), lambda: os.remove('box/data.txt'),
                lambda: os.rename('box/data.txt', 'box/x'), lambda: pathlib.Path('box/data.txt').read_text(),
                lambda: pathlib.Path('box/x').write_text('x'), lambda: pathlib.Path.cwd(),
                lambda: shutil.copyfile('box/data.txt', 'box/x'), lambda: shutil.rmtree('box')):
    try:
        attempt()
        raise AssertionError('not refused')
    except PermissionError:
        pass
assert not os.path.exists('box/data.txt') and not os.path.isdir('box')
assert os.environ == {} and os.getenv('HOME') is None and len(os.environ) == 0
assert os.path.join('a', 'b') == 'a/b' and posixpath.normpath('a//b/../c') == 'a/c'
assert str(pathlib.PurePosixPath('/a/b') / 'c') == '/a/b/c'
assert list(os.walk('box')) == []
for name in ('system', 'popen', 'fork', 'execv', 'spawnv', 'kill', 'open', 'read', 'write', 'close',
             'chdir', 'link', 'symlink', 'getpid', 'dup', 'pipe'):
    assert not hasattr(os, name), name
print('ok')
