import html
import html.entities as ent

print(html.escape('<a href="x">\'Tom\' & "Jerry"</a>'))
print(html.escape('<a href="x">\'Tom\' & "Jerry"</a>', quote=False))
print(html.escape(''), html.escape('plain'), html.escape('&amp;'))

cases = [
    '', 'no refs', '&amp;', '&lt;p&gt;', '&amp', '&ampxyz', '&amp;xyz', '&notit;', '&notin;', '&not', '&noti',
    '&#60;', '&#x3c;', '&#X3C;', '&#60', '&#x3c', '&#0;', '&#x80;', '&#x81;', '&#150;', '&#x110000;',
    '&#xd800;', '&#1;', '&#xb;', '&#xfffe;', '&#x10ffff;', '&#13;', '&#999999999999;', '&#;', '&#x;',
    '&#xg;', '&#', '&', '&&', 'a & b', '&;', '& amp;', '&unknown;', '&unknownentity', '&AMP;', '&AMP',
    '&Aacute;&aacute&Aacutex', '&lt&gt&amp', '&copy 2024', '&NotNestedGreaterGreater;', '&nbsp;x',
    '&' + 'a' * 40 + ';', '&abcdefghijklmnopqrstuvwxyzabcdefgh;', '&#65;&#66&#x43;D', '&zwj;&zwnj;',
    'x&gt;y&lt;z', '&hellip;&mdash;&euro;', '&fjlig;', '&ThickSpace;', 'tab&\tamp;', '&#x1F600;',
    '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;', '&#38;amp;', '&amp;amp;',
]
for c in cases:
    print(repr(c), repr(html.unescape(c)))
print(html.unescape(html.escape('<&>"\'')))

print(len(ent.html5), len(ent.name2codepoint), len(ent.codepoint2name), len(ent.entitydefs))
print(ent.name2codepoint['amp'], ent.codepoint2name[60], ent.entitydefs['eacute'], ent.html5['gt;'], ent.html5['gt'])
print(sorted(ent.__all__), sorted(html.__all__))
