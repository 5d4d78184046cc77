# textwrap: wrap/fill/shorten over many texts, widths and options; dedent, indent.
import textwrap
texts = [
    "The quick brown fox jumps over the lazy dog.",
    "Hello there, this is a long-winded sentence with hyphenated-words and self-explanatory terms.",
    "supercalifragilisticexpialidocious is a verylongwordthatcannotfit in narrow columns",
    "em--dash and foo--bar---baz, a -- b, --leading and trailing-- x",
    "  leading spaces\tand\ttabs\nnewlines\r\nand more   spaces  ",
    "one. Two! three? four.\" five.' six",
    "a-b-c-d-e-f-g-h-i-j-k well-known x-ray e-mail 3-4 a--b",
    "",
    "   ",
    "word",
    "Mr. Smith went to Washington. He said hello. it was fun.",
    "123-456-789 abc-def-ghi 12ab-cd34",
]
for t in texts:
    for w in (1, 5, 10, 20):
        for kw in ({}, {'break_on_hyphens': False}, {'break_long_words': False}, {'drop_whitespace': False},
                   {'max_lines': 2}, {'max_lines': 1, 'placeholder': '...'}, {'initial_indent': '* ', 'subsequent_indent': '  '} if w > 2 else {},
                   {'fix_sentence_endings': True}, {'expand_tabs': False, 'replace_whitespace': False}, {'tabsize': 4}):
            try:
                r = textwrap.wrap(t, w, **kw)
            except Exception as e:
                r = (type(e).__name__, str(e))
            print(w, sorted(kw.items()), r)
    for w in (5, 10, 15, 40):
        try: print('short', w, repr(textwrap.shorten(t, w)))
        except Exception as e: print('short', w, type(e).__name__, e)
print(repr(textwrap.dedent("    a\n      b\n    c\n")))
print(repr(textwrap.dedent("  a\n\t  b\n")))
print(repr(textwrap.dedent("    a\n   \n\n     b\n  ")))
print(repr(textwrap.dedent("\ta\n\tb\n\t\n")))
print(repr(textwrap.dedent("no indent\n  x")))
print(repr(textwrap.dedent("  x\r\n  y\r\n")))
print(repr(textwrap.dedent("")), repr(textwrap.dedent("   ")))
print(repr(textwrap.indent("a\nb\n\nc", "> ")), repr(textwrap.indent("a\n  \nb", "+", lambda l: True)))
print(repr(textwrap.fill("hello world " * 10, 25, initial_indent='>> ')))
