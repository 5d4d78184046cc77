#!/usr/bin/env python3
"""Generates src/support/unicode_names.inc: capy's Unicode character-name
database and the unicodedata property tables, from CPython's own
`unicodedata` module (run it with CPython 3.11: Unicode 14.0.0).

Name aliases and named sequences are not exposed by `unicodedata`, so they
are read from the Unicode data files (Debian's unicode-data package:
/usr/share/unicode/NameAliases.txt and NamedSequences.txt, any version) and
kept only when CPython's `unicodedata.lookup` accepts them with the same
result — so the table is exactly CPython's.

Layout (see unicode_names.cc for the decoder):
 * kWords: the distinct words of all stored names (split at spaces), most
   frequent first, each followed by '!'; kWordBlock: offset of every 16th word.
 * kNames: every stored name (in code point order) as a sequence of word
   codes in a 90-symbol alphabet, ended by '!'. A code is one symbol for the
   most frequent words, two or three for the others.
   kNameBlock: offset of every 16th name.
 * kRuns: runs of consecutive code points with stored names -> name index.
 * kHash: open-addressing table over the names (FNV-1a of the upper-case
   name), 3 symbols per slot (name index + 1, 0 = empty).
 * Algorithmic names (CJK UNIFIED IDEOGRAPH-XXXX, HANGUL SYLLABLE X and the
   "PREFIX-HEX" families) are computed, not stored.
 * Aliases (for \\N{} and lookup) and named sequences (lookup only).
 * Properties: records (category, bidi class, combining class, east asian
   width, mirrored) behind a two-level index; decompositions; numeric values.
"""
import collections
import os
import re
import sys
import unicodedata

ALPHA = [chr(c) for c in range(0x23, 0x7F) if chr(c) not in '\\?']  # 90 symbols
assert len(ALPHA) == 90, len(ALPHA)
B = len(ALPHA)
UCD_DIR = '/usr/share/unicode'


def fnv(s):
    h = 0x811C9DC5
    for ch in s.encode('ascii'):
        h ^= ch
        h = (h * 0x01000193) & 0xFFFFFFFF
    return h


def cstr(s, width=100):
    """A C++ string literal (split in lines) for an ASCII string without \\ or "."""
    assert '\\' not in s and '"' not in s and '??' not in s
    lines = [s[i:i + width] for i in range(0, len(s), width)] or ['']
    return '\n'.join('    "%s"' % l for l in lines)


def carray(ctype, name, values, per_line=16):
    out = ['constexpr %s %s[] = {' % (ctype, name)]
    vals = list(values)
    for i in range(0, len(vals), per_line):
        out.append('    ' + ','.join(str(v) for v in vals[i:i + per_line]) + ',')
    out.append('};')
    return '\n'.join(out)


def main():
    out_path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        os.path.dirname(__file__), '..', 'src', 'support', 'unicode_names.inc')
    assert unicodedata.unidata_version == '14.0.0', unicodedata.unidata_version

    # --- names -----------------------------------------------------------------
    stored = []            # (cp, name)
    families = collections.defaultdict(list)  # prefix -> cps (PREFIX-HEX names)
    cjk = []
    for cp in range(0x110000):
        n = unicodedata.name(chr(cp), None)
        if n is None:
            continue
        if n.startswith('HANGUL SYLLABLE ') and 0xAC00 <= cp <= 0xD7A3:
            continue
        m = re.match(r'(.*)-([0-9A-F]{4,6})$', n)
        if m and int(m.group(2), 16) == cp and '%04X' % cp == m.group(2):
            if m.group(1) == 'CJK UNIFIED IDEOGRAPH':
                cjk.append(cp)
            else:
                families[m.group(1)].append(cp)
            continue
        stored.append((cp, n))

    def ranges(cps):
        rs = []
        for cp in cps:
            if rs and rs[-1][1] + 1 == cp:
                rs[-1][1] = cp
            else:
                rs.append([cp, cp])
        return rs

    words = collections.Counter(w for _, n in stored for w in n.split(' '))
    order = [w for w, _ in sorted(words.items(), key=lambda kv: (-kv[1], kv[0]))]
    nw = len(order)
    # Code sizes: K1 one-symbol codes, L2 lead symbols for two-symbol codes,
    # the rest lead three-symbol codes.
    best = None
    for k1 in range(1, B):
        for l3 in range(0, B - k1):
            l2 = B - k1 - l3
            if k1 + l2 * B + l3 * B * B < nw:
                continue
            cost = 0
            for i, w in enumerate(order):
                cost += words[w] * (1 if i < k1 else 2 if i < k1 + l2 * B else 3)
            if best is None or cost < best[0]:
                best = (cost, k1, l2, l3)
            break
    _, K1, L2, L3 = best
    widx = {w: i for i, w in enumerate(order)}

    def code(i):
        if i < K1:
            return ALPHA[i]
        i -= K1
        if i < L2 * B:
            return ALPHA[K1 + i // B] + ALPHA[i % B]
        i -= L2 * B
        return ALPHA[K1 + L2 + i // (B * B)] + ALPHA[(i // B) % B] + ALPHA[i % B]

    word_text = ''.join(w + '!' for w in order)
    word_block = []
    off = 0
    for i, w in enumerate(order):
        if i % 16 == 0:
            word_block.append(off)
        off += len(w) + 1

    name_text = []
    name_block = []
    off = 0
    for i, (cp, n) in enumerate(stored):
        if i % 16 == 0:
            name_block.append(off)
        enc = ''.join(code(widx[w]) for w in n.split(' ')) + '!'
        name_text.append(enc)
        off += len(enc)
    name_text = ''.join(name_text)

    runs = []  # (start cp, first name index)
    for i, (cp, _) in enumerate(stored):
        if runs and stored[i - 1][0] + 1 == cp:
            continue
        runs.append((cp, i))

    nnames = len(stored)
    size = nnames * 10 // 7 | 1
    slots = [0] * size
    for i, (cp, n) in enumerate(stored):
        h = fnv(n) % size
        while slots[h]:
            h = (h + 1) % size
        slots[h] = i + 1
    assert nnames + 1 <= B ** 3
    hash_text = ''.join(ALPHA[v // (B * B)] + ALPHA[(v // B) % B] + ALPHA[v % B] for v in slots)

    # --- aliases and named sequences ---------------------------------------------
    aliases = {}
    with open(os.path.join(UCD_DIR, 'NameAliases.txt')) as f:
        for line in f:
            line = line.split('#')[0].strip()
            if not line:
                continue
            cp, name, _kind = line.split(';')
            cp = int(cp, 16)
            try:
                if unicodedata.lookup(name) == chr(cp) and unicodedata.name(chr(cp), None) != name:
                    aliases[name] = cp
            except KeyError:
                pass
    seqs = {}
    with open(os.path.join(UCD_DIR, 'NamedSequences.txt')) as f:
        for line in f:
            line = line.split('#')[0].strip()
            if not line:
                continue
            name, cps = line.split(';')
            s = ''.join(chr(int(x, 16)) for x in cps.split())
            try:
                if unicodedata.lookup(name) == s:
                    seqs[name] = [ord(c) for c in s]
            except KeyError:
                pass
    # Check that \N{} takes aliases but not named sequences, as assumed.
    assert eval(r'"\N{BYTE ORDER MARK}"') == '\ufeff'

    # --- properties ----------------------------------------------------------------
    cats, bidis, eaws = [], [], []
    def intern(lst, v):
        if v not in lst:
            lst.append(v)
        return lst.index(v)
    recs = []
    rec_index = {}
    per_cp = []
    for cp in range(0x110000):
        c = chr(cp)
        r = (intern(cats, unicodedata.category(c)), intern(bidis, unicodedata.bidirectional(c)),
             unicodedata.combining(c), intern(eaws, unicodedata.east_asian_width(c)),
             unicodedata.mirrored(c))
        if r not in rec_index:
            rec_index[r] = len(recs)
            recs.append(r)
        per_cp.append(rec_index[r])
    assert len(recs) < 256
    SHIFT = 7
    blocks = []
    block_index = {}
    index1 = []
    for b in range(0x110000 >> SHIFT):
        blk = tuple(per_cp[b << SHIFT:(b + 1) << SHIFT])
        if blk not in block_index:
            block_index[blk] = len(blocks)
            blocks.append(blk)
        index1.append(block_index[blk])
    index2 = [v for blk in blocks for v in blk]

    decomp_cp, decomp_off, decomp_text = [], [], []
    off = 0
    for cp in range(0x110000):
        d = unicodedata.decomposition(chr(cp))
        if d:
            decomp_cp.append(cp)
            decomp_off.append(off)
            decomp_text.append(d + '!')
            off += len(d) + 1
    decomp_off.append(off)
    decomp_text = ''.join(decomp_text)

    num_values = []
    numeric = []  # (cp, value index, decimal (or -1), digit (or -1))
    for cp in range(0x110000):
        c = chr(cp)
        v = unicodedata.numeric(c, None)
        if v is None:
            assert unicodedata.digit(c, None) is None
            continue
        numeric.append((cp, intern(num_values, v), unicodedata.decimal(c, -1), unicodedata.digit(c, -1)))

    # --- output --------------------------------------------------------------------------
    o = []
    o.append('// Generated by tools/gen_unicode_names.py from CPython %s (Unicode %s). Do not edit.'
             % (sys.version.split()[0], unicodedata.unidata_version))
    o.append('// clang-format off')
    o.append('constexpr int kAlphaBase = %d;  // symbols: 0x23..0x7E without \\ and ?' % B)
    o.append('constexpr int kCode1 = %d, kCode2Leads = %d, kCode3Leads = %d;' % (K1, L2, L3))
    o.append('constexpr uint32_t kWordCount = %d;' % nw)
    o.append('constexpr char kWords[] =\n%s;' % cstr(word_text))
    o.append(carray('uint32_t', 'kWordBlock', word_block))
    o.append('constexpr uint32_t kNameCount = %d;' % nnames)
    o.append('constexpr char kNames[] =\n%s;' % cstr(name_text))
    o.append(carray('uint32_t', 'kNameBlock', name_block))
    o.append('struct NameRun { uint32_t cp, first; };')
    o.append('constexpr NameRun kRuns[] = {')
    for i in range(0, len(runs), 8):
        o.append('    ' + ''.join('{%d,%d},' % r for r in runs[i:i + 8]))
    o.append('};')
    o.append('constexpr uint32_t kHashSize = %d;' % size)
    o.append('constexpr char kHash[] =\n%s;' % cstr(hash_text))
    o.append('struct CpRange { uint32_t lo, hi; };')
    o.append('constexpr CpRange kCjkRanges[] = {%s};' % ''.join('{%d,%d},' % tuple(r) for r in ranges(cjk)))
    o.append('struct NameFamily { const char* prefix; uint32_t lo, hi; };')
    o.append('constexpr NameFamily kFamilies[] = {')
    for p, cps in sorted(families.items()):
        for lo, hi in ranges(cps):
            o.append('    {"%s-", %d, %d},' % (p, lo, hi))
    o.append('};')
    o.append('struct NameAlias { const char* name; uint32_t cp; };')
    o.append('constexpr NameAlias kAliases[] = {  // sorted by name')
    for n in sorted(aliases):
        o.append('    {"%s", %d},' % (n, aliases[n]))
    o.append('};')
    o.append('struct NamedSeq { const char* name; uint32_t cps[4]; };')
    assert max(len(s) for s in seqs.values()) <= 4
    o.append('constexpr NamedSeq kNamedSeqs[] = {  // sorted by name')
    for n in sorted(seqs):
        s = seqs[n] + [0] * (4 - len(seqs[n]))
        o.append('    {"%s", {%s}},' % (n, ','.join(str(x) for x in s)))
    o.append('};')
    o.append('constexpr const char* kCategories[] = {%s};' % ','.join('"%s"' % c for c in cats))
    o.append('constexpr const char* kBidiClasses[] = {%s};' % ','.join('"%s"' % c for c in bidis))
    o.append('constexpr const char* kEastAsianWidths[] = {%s};' % ','.join('"%s"' % c for c in eaws))
    o.append('struct PropRecord { uint8_t category, bidi, combining, eaw, mirrored; };')
    o.append('constexpr PropRecord kRecords[] = {')
    for i in range(0, len(recs), 8):
        o.append('    ' + ''.join('{%d,%d,%d,%d,%d},' % r for r in recs[i:i + 8]))
    o.append('};')
    o.append('constexpr int kPropShift = %d;' % SHIFT)
    o.append(carray('uint16_t', 'kPropIndex1', index1, 32))
    o.append(carray('uint8_t', 'kPropIndex2', index2, 32))
    o.append(carray('uint32_t', 'kDecompCp', decomp_cp))
    o.append(carray('uint32_t', 'kDecompOff', decomp_off))
    o.append('constexpr char kDecompText[] =\n%s;' % cstr(decomp_text))
    o.append('constexpr double kNumericValues[] = {%s};' % ','.join(repr(v) for v in num_values))
    o.append('struct NumericEntry { uint32_t cp; uint8_t value; int8_t decimal, digit; };')
    o.append('constexpr NumericEntry kNumeric[] = {')
    for i in range(0, len(numeric), 8):
        o.append('    ' + ''.join('{%d,%d,%d,%d},' % r for r in numeric[i:i + 8]))
    o.append('};')
    o.append('// clang-format on')
    text = '\n'.join(o) + '\n'
    with open(out_path, 'w') as f:
        f.write(text)
    print('%s: %d bytes; %d names, %d words (codes %d/%d/%d), %d hash slots, %d aliases, %d sequences, '
          '%d records, %d blocks' % (out_path, len(text), nnames, nw, K1, L2, L3, size, len(aliases), len(seqs),
                                     len(recs), len(blocks)))


if __name__ == '__main__':
    main()
