import difflib

def show(f, *a, **k):
    try:
        print(repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__, e)

pairs = [('abcd', 'bcde'), ('', ''), ('', 'abc'), ('abc', ''), ('qabxcd', 'abycdf'),
         ('private Thread currentThread;', 'private volatile Thread currentThread;'),
         ('the quick brown fox', 'the quack brown fax'), ('aaaa', 'aa'), ('abcabcabc', 'cbacbacba'),
         (list(range(10)), [0, 1, 5, 3, 4, 9, 8]), ('x' * 300, 'x' * 150 + 'y' + 'x' * 150),
         ('ab' * 150, 'ba' * 150)]
for a, b in pairs:
    s = difflib.SequenceMatcher(None, a, b)
    print(s.get_matching_blocks())
    print(s.get_opcodes())
    print(round(s.ratio(), 6), round(s.quick_ratio(), 6), round(s.real_quick_ratio(), 6))
    print(s.find_longest_match(0, len(a), 0, len(b)), s.find_longest_match())
    print(list(s.get_grouped_opcodes(1)))

s = difflib.SequenceMatcher(lambda x: x == ' ', 'private Thread currentThread;', 'private volatile Thread currentThread;')
print(round(s.ratio(), 3), s.get_matching_blocks(), s.bjunk)
s = difflib.SequenceMatcher(lambda x: x == ' ', ' abcd', 'abcd abcd')
print(s.find_longest_match(0, 5, 0, 9))
s = difflib.SequenceMatcher(None, ' abcd', 'abcd abcd')
print(s.find_longest_match(0, 5, 0, 9))
b = 'a' * 100 + 'b' * 150
s = difflib.SequenceMatcher(None, 'ab', b)
print(sorted(s.bpopular), s.get_matching_blocks())
s = difflib.SequenceMatcher(None, 'ab', b, autojunk=False)
print(sorted(s.bpopular), s.get_matching_blocks())
s = difflib.SequenceMatcher()
s.set_seqs('abc', 'abd')
print(s.ratio())
s.set_seq1('xbd')
print(s.ratio())
s.set_seq2('xbz')
print(s.ratio(), s.get_opcodes())
m = s.get_matching_blocks()[0]
print(m, m.a, m.b, m.size, type(m).__name__, difflib.Match(1, 2, 3))
s = difflib.SequenceMatcher(None, 'abcdefghij' * 3, 'abcdXfghij' * 3)
groups = list(s.get_grouped_opcodes(2))
print(groups)
print(s.get_opcodes())
print(difflib.SequenceMatcher[int])

words = ['ape', 'apple', 'peach', 'puppy', 'appel', 'applet', 'capple']
print(difflib.get_close_matches('appel', words))
print(difflib.get_close_matches('appel', words, n=5, cutoff=0.3))
print(difflib.get_close_matches('wheel', ['while', 'for', 'with', 'import', 'whale', 'heel']))
print(difflib.get_close_matches('zzz', words))
show(difflib.get_close_matches, 'a', words, n=0)
show(difflib.get_close_matches, 'a', words, cutoff=1.5)
print(difflib.IS_LINE_JUNK('\n'), difflib.IS_LINE_JUNK('  #   \n'), difflib.IS_LINE_JUNK('hello\n'),
      difflib.IS_CHARACTER_JUNK(' '), difflib.IS_CHARACTER_JUNK('\t'), difflib.IS_CHARACTER_JUNK('\n'),
      difflib.IS_CHARACTER_JUNK('x'))
