"""Filename matching with shell patterns (capy).

fnmatch(FILENAME, PATTERN) matches according to the local convention (POSIX:
case-sensitive). fnmatchcase(FILENAME, PATTERN) always takes case into
account. The functions operate by translating the pattern into a regular
expression; they cache the compiled regular expressions for speed.
"""

import re

__all__ = ["filter", "fnmatch", "fnmatchcase", "translate"]

_cache = {}
_CACHE_MAX = 32768


def _normcase(s):
    # os.path.normcase on POSIX: the path itself, type-checked like os.fspath.
    if isinstance(s, (str, bytes)):
        return s
    fspath = getattr(type(s), '__fspath__', None)
    if fspath is None:
        raise TypeError("expected str, bytes or os.PathLike object, not "
                        + type(s).__name__)
    r = fspath(s)
    if not isinstance(r, (str, bytes)):
        raise TypeError("expected {}.__fspath__() to return str or bytes, not {}"
                        .format(type(s).__name__, type(r).__name__))
    return r


def fnmatch(name, pat):
    """Test whether FILENAME matches PATTERN (see the module docstring)."""
    return fnmatchcase(_normcase(name), _normcase(pat))


def _compile_pattern(pat):
    key = (type(pat), pat)
    match = _cache.get(key)
    if match is None:
        if isinstance(pat, bytes):
            res = bytes(translate(str(pat, 'ISO-8859-1')), 'ISO-8859-1')
        else:
            res = translate(pat)
        match = re.compile(res).match
        if len(_cache) >= _CACHE_MAX:
            _cache.clear()
        _cache[key] = match
    return match


def filter(names, pat):
    """Construct a list from those elements of the iterable NAMES that match PAT."""
    match = _compile_pattern(_normcase(pat))
    return [name for name in names if match(name)]


def fnmatchcase(name, pat):
    """Test whether FILENAME matches PATTERN, including case."""
    return _compile_pattern(pat)(name) is not None


_STAR = object()
_SET_OPS = frozenset('&~|')


def _escape_set_ops(s):
    if '&' in s or '~' in s or '|' in s:
        return ''.join('\\' + c if c in _SET_OPS else c for c in s)
    return s


def _bracket(pat, start, end):
    """Regex for the bracket expression pat[start:end] (without the brackets)."""
    body = pat[start:end]
    if '-' not in body:
        body = body.replace('\\', r'\\')
    else:
        # Split at the hyphens that separate range ends; a hyphen right after
        # the opening bracket (or "[!") is an ordinary character.
        pieces = []
        lo = start
        k = start + 2 if pat[start] == '!' else start + 1
        while True:
            k = pat.find('-', k, end)
            if k < 0:
                break
            pieces.append(pat[lo:k])
            lo = k + 1
            k += 3
        last = pat[lo:end]
        if last:
            pieces.append(last)
        else:
            pieces[-1] += '-'
        # Drop empty ranges (a-b with a > b), which are invalid in a regex.
        for k in range(len(pieces) - 1, 0, -1):
            if pieces[k - 1][-1] > pieces[k][0]:
                pieces[k - 1] = pieces[k - 1][:-1] + pieces[k][1:]
                del pieces[k]
        body = '-'.join(p.replace('\\', r'\\').replace('-', r'\-') for p in pieces)
    body = _escape_set_ops(body)
    if not body:
        return '(?!)'          # empty range: never matches
    if body == '!':
        return '.'             # negated empty range: any character
    if body[0] == '!':
        body = '^' + body[1:]
    elif body[0] in ('^', '['):
        body = '\\' + body
    return '[' + body + ']'


def translate(pat):
    """Translate a shell PATTERN to a regular expression."""
    parts = []
    i, n = 0, len(pat)
    while i < n:
        c = pat[i]
        i += 1
        if c == '*':
            if not parts or parts[-1] is not _STAR:
                parts.append(_STAR)
        elif c == '?':
            parts.append('.')
        elif c == '[':
            j = i
            if j < n and pat[j] == '!':
                j += 1
            if j < n and pat[j] == ']':
                j += 1
            while j < n and pat[j] != ']':
                j += 1
            if j >= n:
                parts.append('\\[')
            else:
                parts.append(_bracket(pat, i, j))
                i = j + 1
        else:
            parts.append(re.escape(c))

    # Stars: a leading fixed part, then "*fixed" pairs matched minimally
    # without backtracking (atomic groups), and a final ".*fixed".
    out = []
    i, n = 0, len(parts)
    while i < n and parts[i] is not _STAR:
        out.append(parts[i])
        i += 1
    while i < n:
        i += 1                 # the star
        if i == n:
            out.append('.*')
            break
        fixed = []
        while i < n and parts[i] is not _STAR:
            fixed.append(parts[i])
            i += 1
        fixed = ''.join(fixed)
        if i == n:
            out.append('.*')
            out.append(fixed)
        else:
            out.append('(?>.*?' + fixed + ')')
    return r'(?s:' + ''.join(out) + r')\Z'
