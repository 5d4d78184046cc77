import difflib

def show(f, *a, **k):
    try:
        print(repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__, e)

a = """one
two
three
four
five
six
seven
eight
nine
ten
eleven
twelve
""".splitlines(keepends=True)
b = """zero
one
tree
four
five
six
seven
eight
nine!
ten
twelve
thirteen
""".splitlines(keepends=True)
print(''.join(difflib.unified_diff(a, b, fromfile='a.txt', tofile='b.txt')))
print(''.join(difflib.unified_diff(a, b, 'a', 'b', '2024-01-01', '2024-01-02', n=1)))
print(''.join(difflib.unified_diff(a, b, n=0)))
print(''.join(difflib.context_diff(a, b, fromfile='a.txt', tofile='b.txt')))
print(''.join(difflib.context_diff(a, b, n=1)))
print(list(difflib.unified_diff(['a', 'b'], ['a', 'c'], lineterm='')))
print(list(difflib.context_diff(['a', 'b'], ['a', 'c'], lineterm='')))
print(list(difflib.unified_diff(a, a)), list(difflib.unified_diff([], [])))
print(list(difflib.unified_diff([], ['x\n'])), list(difflib.context_diff(['x\n'], [])))
show(lambda: list(difflib.unified_diff([b'a'], ['b'])))
show(lambda: list(difflib.unified_diff(['a'], ['b'], fromfile=3)))
show(lambda: list(difflib.context_diff(['a'], [5])))
print(list(difflib.diff_bytes(difflib.unified_diff, [b'a\n', b'b\n'], [b'a\n', b'c\n'], b'f1', b'f2')))
show(lambda: list(difflib.diff_bytes(difflib.unified_diff, ['a'], [b'b'])))

d = difflib.Differ()
text1 = '''  1. Beautiful is better than ugly.
  2. Explicit is better than implicit.
  3. Simple is better than complex.
  4. Complex is better than complicated.
'''.splitlines(keepends=True)
text2 = '''  1. Beautiful is better than ugly.
  3.   Simple is better than complex.
  4. Complicated is better than complex.
  5. Flat is better than nested.
'''.splitlines(keepends=True)
result = list(d.compare(text1, text2))
print(''.join(result))
delta = list(difflib.ndiff(text1, text2))
print(''.join(delta))
print(''.join(difflib.restore(delta, 1)) == ''.join(text1), ''.join(difflib.restore(delta, 2)) == ''.join(text2))
show(lambda: list(difflib.restore(delta, 3)))
print(list(difflib.ndiff(['one\n', 'two\n', 'three\n'], ['ore\n', 'tree\n', 'emu\n'])))
print(list(difflib.ndiff(['abc\tdef\n'], ['abc\tdXf\n'])))
print(list(difflib.ndiff(['x\n', 'same\n', 'y\n'], ['z\n', 'same\n', 'w\n'])))
print(list(difflib.ndiff(['aaaa\n'], ['bbbbbbbb\n', 'cc\n'])))
print(list(difflib.ndiff(['#\n', 'code\n'], ['code\n', '\n'], linejunk=difflib.IS_LINE_JUNK)))
print(list(difflib.Differ(charjunk=None).compare(['hello world\n'], ['hello  world\n'])))
print(list(difflib.ndiff(list('abc'), list('abd'))))
