# family: dos
# expect: error
# why: Deeply nested source text (brackets, unary operators, nested lists in literals) must not overflow the parser's or compiler's native stack.
for text in ('(' * 200000 + ')' * 200000, '-' * 200000 + '1', '[' * 100000 + ']' * 100000,
             'f(' * 50000 + ')' * 50000, 'not ' * 100000 + 'x'):
    try:
        eval(text)
    except (SyntaxError, MemoryError, RecursionError) as e:
        print('refused', type(e).__name__)
exec('if x:\n' + ''.join(' ' * i + 'if x:\n' for i in range(1, 5000)) + ' ' * 5000 + 'pass\n')
