# string: constants, capwords, Template.
import string
from string import Template

def err(f):
    try:
        print("ok", repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

for name in ['ascii_letters', 'ascii_lowercase', 'ascii_uppercase', 'digits', 'hexdigits', 'octdigits',
             'punctuation', 'printable', 'whitespace']:
    print(name, repr(getattr(string, name)))
print(string.capwords('hello   world  foo'), string.capwords(' a-b c-d ', '-'), repr(string.capwords('')))
print(string.capwords("they're bill's friends"), string.capwords('ALL CAPS here'))

t = Template('$who likes $what')
print(t.substitute(who='tim', what='kung pao'), t.substitute({'who': 'ann', 'what': 'tea'}))
print(t.substitute({'who': 'x', 'what': 'y'}, what='override'))
print(Template('${noun}ification $$5 $x$y').substitute(noun='verb', x=1, y=2))
err(lambda: t.substitute(who='tim'))
err(lambda: Template('bad $ here').substitute())
err(lambda: Template('line1\nbad $ here').substitute())
err(lambda: Template('${unclosed').substitute(unclosed=1))
print(t.safe_substitute(who='tim'), Template('$ and ${x').safe_substitute(), Template('$$ $a').safe_substitute(a=[1]))
print(t.template, t.get_identifiers(), Template('$a ${b} $a $$c').get_identifiers(), t.is_valid(), Template('$').is_valid())
print(Template('$é').safe_substitute({'é': 1}), Template('$_private1').substitute(_private1='p'))
class Percent(Template):
    delimiter = '%'
print(Percent('%name is %{age} 100%%').substitute(name='Bob', age=3))
class Dotted(Template):
    idpattern = r'[a-z]+\.[a-z]+'
print(Dotted('$user.name').substitute({'user.name': 'guido'}))
class Braces(Template):
    braceidpattern = r'[A-Z]+'
print(Braces('$lower ${UPPER}').substitute(lower='l', UPPER='U'))
class Custom(Template):
    pattern = r'''
    \[\[(?:
      (?P<escaped>\[\[) |
      (?P<named>[a-z]+)\]\] |
      (?P<braced>[a-z]+)\]\] |
      (?P<invalid>)
    )
    '''
print(Custom('hi [[name]]!').substitute(name='you'))
print(type(Template.pattern).__name__, Template.delimiter, Template.idpattern)
