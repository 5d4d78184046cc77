"""Text wrapping and filling (capy): wrap, fill, shorten, dedent, indent and
TextWrapper, with CPython's line-breaking rules."""

import re

__all__ = ['TextWrapper', 'wrap', 'fill', 'dedent', 'indent', 'shorten']

# Only these count as whitespace when splitting (not every Unicode space).
_whitespace = '\t\n\x0b\x0c\r '


def _build_wordsep_re():
    ws = '[%s]' % re.escape(_whitespace)
    nws = '[^' + ws[1:]
    wp = r'[\w!"\'&.,?]'          # characters that may precede an em-dash
    lt = r'[^\d\W]'               # a letter
    return re.compile(r'''
        ( # a run of whitespace
          %(ws)s+
        | # an em-dash between words
          (?<=%(wp)s) -{2,} (?=\w)
        | # a word, possibly ending in a hyphen that may break it
          %(nws)s+? (?:
              # a hyphen between letters
              -(?: (?<=%(lt)s{2}-) | (?<=%(lt)s-%(lt)s-))
              (?= %(lt)s -? %(lt)s)
            | # the end of the word
              (?=%(ws)s|\Z)
            | # before an em-dash
              (?<=%(wp)s) (?=-{2,}\w)
            )
        )''' % {'ws': ws, 'nws': nws, 'wp': wp, 'lt': lt}, re.VERBOSE)


class TextWrapper:
    """Wraps and fills text, with the options of wrap() as attributes:
    width, initial_indent, subsequent_indent, expand_tabs, tabsize,
    replace_whitespace, fix_sentence_endings, break_long_words,
    break_on_hyphens, drop_whitespace, max_lines, placeholder."""

    unicode_whitespace_trans = dict.fromkeys(map(ord, _whitespace), ord(' '))

    wordsep_re = _build_wordsep_re()
    wordsep_simple_re = re.compile(r'([%s]+)' % re.escape(_whitespace))
    sentence_end_re = re.compile(r'[a-z]'      # lowercase letter
                                 r'[\.\!\?]'   # sentence-ending punct.
                                 r'[\"\']?'    # optional end-of-quote
                                 r'\Z')        # end of chunk

    def __init__(self, width=70, initial_indent="", subsequent_indent="", expand_tabs=True,
                 replace_whitespace=True, fix_sentence_endings=False, break_long_words=True,
                 drop_whitespace=True, break_on_hyphens=True, tabsize=8, *, max_lines=None,
                 placeholder=' [...]'):
        self.width = width
        self.initial_indent = initial_indent
        self.subsequent_indent = subsequent_indent
        self.expand_tabs = expand_tabs
        self.replace_whitespace = replace_whitespace
        self.fix_sentence_endings = fix_sentence_endings
        self.break_long_words = break_long_words
        self.drop_whitespace = drop_whitespace
        self.break_on_hyphens = break_on_hyphens
        self.tabsize = tabsize
        self.max_lines = max_lines
        self.placeholder = placeholder

    def _munge_whitespace(self, text):
        """Expands tabs and turns every whitespace character into a space."""
        if self.expand_tabs:
            text = text.expandtabs(self.tabsize)
        if self.replace_whitespace:
            text = text.translate(self.unicode_whitespace_trans)
        return text

    def _split(self, text):
        """The chunks of text: words, whitespace runs and, with
        break_on_hyphens, hyphenated word parts."""
        if self.break_on_hyphens is True:
            chunks = self.wordsep_re.split(text)
        else:
            chunks = self.wordsep_simple_re.split(text)
        return [c for c in chunks if c]

    def _fix_sentence_endings(self, chunks):
        """Two spaces after a sentence end (a lowercase letter then . ! or ?)."""
        i = 0
        patsearch = self.sentence_end_re.search
        while i < len(chunks) - 1:
            if chunks[i + 1] == " " and patsearch(chunks[i]):
                chunks[i + 1] = "  "
                i += 2
            else:
                i += 1

    def _handle_long_word(self, reversed_chunks, cur_line, cur_len, width):
        """Breaks a chunk longer than a line (or keeps it whole)."""
        if width < 1:
            space_left = 1
        else:
            space_left = width - cur_len
        if self.break_long_words:
            end = space_left
            chunk = reversed_chunks[-1]
            if self.break_on_hyphens and len(chunk) > space_left:
                # Prefer breaking after the last hyphen that fits.
                hyphen = chunk.rfind('-', 0, space_left)
                if hyphen > 0 and any(c != '-' for c in chunk[:hyphen]):
                    end = hyphen + 1
            cur_line.append(chunk[:end])
            reversed_chunks[-1] = chunk[end:]
        elif not cur_line:
            cur_line.append(reversed_chunks.pop())

    def _wrap_chunks(self, chunks):
        lines = []
        if self.width <= 0:
            raise ValueError("invalid width %r (must be > 0)" % self.width)
        if self.max_lines is not None:
            if self.max_lines > 1:
                indent = self.subsequent_indent
            else:
                indent = self.initial_indent
            if len(indent) + len(self.placeholder.lstrip()) > self.width:
                raise ValueError("placeholder too large for max width")

        chunks.reverse()
        while chunks:
            cur_line = []
            cur_len = 0
            indent = self.subsequent_indent if lines else self.initial_indent
            width = self.width - len(indent)

            # Leading whitespace is dropped except at the start of the text.
            if self.drop_whitespace and chunks[-1].strip() == '' and lines:
                del chunks[-1]

            while chunks:
                n = len(chunks[-1])
                if cur_len + n <= width:
                    cur_line.append(chunks.pop())
                    cur_len += n
                else:
                    break

            if chunks and len(chunks[-1]) > width:
                self._handle_long_word(chunks, cur_line, cur_len, width)
                cur_len = sum(map(len, cur_line))

            if self.drop_whitespace and cur_line and cur_line[-1].strip() == '':
                cur_len -= len(cur_line[-1])
                del cur_line[-1]

            if cur_line:
                if (self.max_lines is None or len(lines) + 1 < self.max_lines or
                        (not chunks or self.drop_whitespace and len(chunks) == 1 and
                         not chunks[0].strip()) and cur_len <= width):
                    lines.append(indent + ''.join(cur_line))
                else:
                    # The last allowed line: end it with the placeholder.
                    while cur_line:
                        if cur_line[-1].strip() and cur_len + len(self.placeholder) <= width:
                            cur_line.append(self.placeholder)
                            lines.append(indent + ''.join(cur_line))
                            break
                        cur_len -= len(cur_line[-1])
                        del cur_line[-1]
                    else:
                        if lines:
                            prev_line = lines[-1].rstrip()
                            if len(prev_line) + len(self.placeholder) <= self.width:
                                lines[-1] = prev_line + self.placeholder
                                break
                        lines.append(indent + self.placeholder.lstrip())
                    break
        return lines

    def _split_chunks(self, text):
        text = self._munge_whitespace(text)
        return self._split(text)

    def wrap(self, text):
        """The lines of text wrapped to self.width (without newlines)."""
        chunks = self._split_chunks(text)
        if self.fix_sentence_endings:
            self._fix_sentence_endings(chunks)
        return self._wrap_chunks(chunks)

    def fill(self, text):
        """text wrapped and joined with newlines."""
        return "\n".join(self.wrap(text))


def wrap(text, width=70, **kwargs):
    """Wraps a paragraph into lines of at most width characters."""
    w = TextWrapper(width=width, **kwargs)
    return w.wrap(text)


def fill(text, width=70, **kwargs):
    """Wraps a paragraph and returns it as one string."""
    w = TextWrapper(width=width, **kwargs)
    return w.fill(text)


def shorten(text, width, **kwargs):
    """Collapses whitespace and truncates text to fit width, ending with a
    placeholder (' [...]') when words had to be dropped."""
    w = TextWrapper(width=width, max_lines=1, **kwargs)
    return w.fill(' '.join(text.strip().split()))


def _is_blank_indent(line):
    # A line made only of spaces and tabs (before its newline).
    body = line[:-1] if line.endswith('\n') else line
    return body != '' and body.strip(' \t') == ''


def dedent(text):
    """Removes the whitespace common to the start of every line. Lines of
    only spaces and tabs are emptied and ignored when computing it."""
    # Only '\n' ends a line here (not \r, \x0b... as for splitlines()).
    lines = []
    start = 0
    while True:
        end = text.find('\n', start)
        if end == -1:
            if start < len(text):
                lines.append(text[start:])
            break
        lines.append(text[start:end + 1])
        start = end + 1
    margin = None
    for i, line in enumerate(lines):
        if _is_blank_indent(line):
            lines[i] = '\n' if line.endswith('\n') else ''
            continue
        body = line[:-1] if line.endswith('\n') else line
        stripped = body.lstrip(' \t')
        if not stripped:
            continue
        ind = body[:len(body) - len(stripped)]
        if margin is None:
            margin = ind
        elif ind.startswith(margin):
            pass
        elif margin.startswith(ind):
            margin = ind
        else:
            for j, (x, y) in enumerate(zip(margin, ind)):
                if x != y:
                    margin = margin[:j]
                    break
    if margin:
        n = len(margin)
        lines = [line[n:] if line.startswith(margin) else line for line in lines]
    return ''.join(lines)


def indent(text, prefix, predicate=None):
    """Adds prefix to the lines of text selected by predicate (by default,
    the lines that are not only whitespace)."""
    if predicate is None:
        def predicate(line):
            return line.strip()
    return ''.join(prefix + line if predicate(line) else line for line in text.splitlines(True))
