# textwrap: TextWrapper attributes, errors, dedent/indent edge cases.
import textwrap
from textwrap import TextWrapper, wrap, fill, shorten, dedent, indent

def err(f):
    try:
        print("ok", repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

sample = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore."
w = TextWrapper(width=30)
print(w.wrap(sample))
w.width = 20
w.initial_indent = '- '
w.subsequent_indent = '  '
print(w.fill(sample))
w2 = TextWrapper(width=25, max_lines=3, placeholder=' ...')
print(w2.wrap(sample))
print(fill(sample, 40, initial_indent='    '))
print(shorten(sample, 30), '|', shorten('Hello  world!', width=12), '|', shorten('Hello world!', width=11))
print(shorten(sample, 25, placeholder='~~'))
err(lambda: wrap('abc', 0))
err(lambda: wrap('abc', -5))
err(lambda: shorten('hello world', 3))
err(lambda: wrap('a b c', 5, max_lines=1, placeholder='xxxxxx'))
print(wrap('a\tb', 10), wrap('a\tb', 10, expand_tabs=False), wrap('a\tb', 10, tabsize=2), wrap('a\nb\rc', 10))
print(wrap('   indented text here', 8), wrap('   indented text here', 8, drop_whitespace=False))
print(wrap('End. Next sentence! Ok? yes.', 80, fix_sentence_endings=True))
print(TextWrapper().width, TextWrapper().placeholder, TextWrapper().break_long_words, TextWrapper().tabsize)
print(wrap('', 10), wrap('   ', 10), fill('', 10) == '', wrap('x' * 25, 10), wrap('x' * 25, 10, break_long_words=False))
print(wrap('hyphen-ated-words-everywhere', 10), wrap('hyphen-ated-words-everywhere', 10, break_on_hyphens=False))
code = '''
    def f():
        return 1
    '''
print(repr(dedent(code)))
print(repr(dedent('\t\tx\n\t  y\n')), repr(dedent('  a\n b\n')), repr(dedent(' \n  a\n  b')))
print(repr(indent('one\ntwo\n\nthree\n', '  ')), repr(indent('x\r\ny', '>')), repr(indent('', '>')))
print(repr(indent('a\n\nb', '# ', predicate=lambda line: True)))
print(repr(fill('The  spaces   here', 100)), repr(fill('The  spaces   here', 100, replace_whitespace=False)))
