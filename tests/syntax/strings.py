'single'
"double"
'''triple single'''
"""triple double"""
'''multi
line
string'''
"con" "cat" 'en' "ation"
'implicit' \
  'continuation'
('parenthesized'
 'concatenation')
r'raw \n string'
R"RAW\d"
b'bytes'
B"BYTES"
rb'raw bytes \d'
bR'raw bytes'
Rb"x"
BR"y"
u'unicode'
U"unicode"
u"first" "second"
"first" u"second"
'escapes: \n \t \r \\ \' \" \a \b \f \v \0'
'octal: \1 \12 \123 \777'
'hex: \x41 \x7f \xff'
'unicode: \u00e9 \u4e2d \U0001F600'
'named: \N{BULLET} \N{EM DASH}'
'invalid escapes kept: \d \w \q'
'line \
continuation'
b'\x00\x01\xff\n\\'
b'octal \101 \777'
'surrogates: \ud800 \udfff'
'non-printable: \x00 \x1f \x7f \x80 \xad \u200b'
"quotes ' in double"
'quotes " in single'
'both \' and "'
b"both ' and \""
''
b''
""""""
'caf\u00e9'
'é日本😀'
