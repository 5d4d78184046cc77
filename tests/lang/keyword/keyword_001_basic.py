import keyword
print(keyword.kwlist)
print(keyword.softkwlist)
print(len(keyword.kwlist), keyword.__all__)
for w in ['if', 'If', 'match', 'case', '_', 'print', 'None', 'async', 'await', 'nonlocal', '', 'type']:
    print(repr(w), keyword.iskeyword(w), keyword.issoftkeyword(w))
print(sorted(keyword.kwlist) == keyword.kwlist, all(w.isidentifier() for w in keyword.kwlist))
try:
    keyword.iskeyword([])
except TypeError as e:
    print('TypeError', e)
print([w for w in keyword.kwlist if w[0].isupper()])
