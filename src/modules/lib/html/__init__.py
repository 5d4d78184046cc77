"""General functions for HTML manipulation (capy)."""

__all__ = ['escape', 'unescape']


def escape(s, quote=True):
    """Replace the special characters "&", "<" and ">" with HTML-safe
    sequences; also the quotation marks (" and ') when quote is true."""
    s = s.replace("&", "&amp;")  # must be done first
    s = s.replace("<", "&lt;")
    s = s.replace(">", "&gt;")
    if quote:
        s = s.replace('"', "&quot;")
        s = s.replace('\'', "&#x27;")
    return s


_tables = None


def _load_tables():
    global _tables
    from html.entities import html5, _invalid_charrefs, _invalid_codepoints
    _tables = (html5, _invalid_charrefs, _invalid_codepoints)
    return _tables


_DIGITS = frozenset('0123456789')
_HEXDIGITS = frozenset('0123456789abcdefABCDEF')
# Characters that end a named reference ([^\t\n\f <&#;] in the HTML5 grammar).
_NAME_STOP = frozenset('\t\n\f <&#;')


def _numeric(num, invalid_charrefs, invalid_codepoints):
    if num in invalid_charrefs:
        return invalid_charrefs[num]
    if 0xD800 <= num <= 0xDFFF or num > 0x10FFFF:
        return '\uFFFD'
    if num in invalid_codepoints:
        return ''
    return chr(num)


def unescape(s):
    """Convert all named and numeric character references (e.g. &gt;, &#62;,
    &x3e;) in the string s to the corresponding Unicode characters, using
    the rules of the HTML5 standard for both valid and invalid references."""
    if '&' not in s:
        return s
    html5, invalid_charrefs, invalid_codepoints = _tables or _load_tables()
    out = []
    n = len(s)
    start = 0      # first character not yet copied
    i = s.find('&')
    while i >= 0:
        j = i + 1
        repl = None
        if j < n and s[j] == '#':
            k = j + 1
            if k < n and s[k] in _DIGITS:
                e = k + 1
                while e < n and s[e] in _DIGITS:
                    e += 1
                num = int(s[k:e])
                if e < n and s[e] == ';':
                    e += 1
                repl = _numeric(num, invalid_charrefs, invalid_codepoints)
            elif k + 1 < n and s[k] in 'xX' and s[k + 1] in _HEXDIGITS:
                e = k + 2
                while e < n and s[e] in _HEXDIGITS:
                    e += 1
                num = int(s[k + 1:e], 16)
                if e < n and s[e] == ';':
                    e += 1
                repl = _numeric(num, invalid_charrefs, invalid_codepoints)
        else:
            e = j
            limit = j + 32 if j + 32 < n else n
            while e < limit and s[e] not in _NAME_STOP:
                e += 1
            if e > j:
                if e < n and s[e] == ';':
                    e += 1
                name = s[j:e]
                repl = html5.get(name)
                if repl is None:
                    # The longest prefix that is a known name (without ';').
                    for x in range(len(name) - 1, 1, -1):
                        r = html5.get(name[:x])
                        if r is not None:
                            repl = r + name[x:]
                            break
                    else:
                        repl = '&' + name
        if repl is None:
            i = s.find('&', j)
            continue
        out.append(s[start:i])
        out.append(repl)
        start = e
        i = s.find('&', e)
    out.append(s[start:])
    return ''.join(out)
