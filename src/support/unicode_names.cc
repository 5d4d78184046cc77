// The Unicode name database and unicodedata property tables: decoders for
// the compressed tables of unicode_names.inc (see tools/gen_unicode_names.py
// for their layout).
#include "support/unicode_names.h"

#include <algorithm>
#include <cstring>

namespace capy {

namespace {

#include "support/unicode_names.inc"

// --- symbols of the 90-letter alphabet --------------------------------------------

constexpr int sym(char c) {
  int v = static_cast<unsigned char>(c) - 0x23;
  if (c > '?') --v;
  if (c > '\\') --v;
  return v;
}
static_assert(sym('#') == 0 && sym('@') == 28 && sym('~') == kAlphaBase - 1);

/// Decodes one word code at p (advancing p); returns the word index.
inline uint32_t read_code(const char*& p) {
  int a = sym(*p++);
  if (a < kCode1) return uint32_t(a);
  if (a < kCode1 + kCode2Leads) {
    int b = sym(*p++);
    return uint32_t(kCode1 + (a - kCode1) * kAlphaBase + b);
  }
  int b = sym(*p++);
  int c = sym(*p++);
  return uint32_t(kCode1 + kCode2Leads * kAlphaBase + ((a - kCode1 - kCode2Leads) * kAlphaBase + b) * kAlphaBase + c);
}

std::string_view word_at(uint32_t w) {
  const char* p = kWords + kWordBlock[w / 16];
  for (uint32_t k = w % 16; k; --k) p = static_cast<const char*>(std::memchr(p, '!', 64)) + 1;
  const char* e = static_cast<const char*>(std::memchr(p, '!', 64));
  return {p, size_t(e - p)};
}

/// The encoded form of name i (its word codes up to the '!').
const char* name_codes(uint32_t i) {
  const char* p = kNames + kNameBlock[i / 16];
  for (uint32_t k = i % 16; k; --k) {
    while (*p != '!') ++p;
    ++p;
  }
  return p;
}

void append_name(uint32_t i, std::string* out) {
  const char* p = name_codes(i);
  bool first = true;
  while (*p != '!') {
    if (!first) out->push_back(' ');
    first = false;
    out->append(word_at(read_code(p)));
  }
}

/// Does stored name i equal `upper` (already upper-cased)?
bool name_equals(uint32_t i, std::string_view upper) {
  const char* p = name_codes(i);
  size_t pos = 0;
  bool first = true;
  while (*p != '!') {
    if (!first) {
      if (pos >= upper.size() || upper[pos] != ' ') return false;
      ++pos;
    }
    first = false;
    std::string_view w = word_at(read_code(p));
    if (upper.size() - pos < w.size() || upper.compare(pos, w.size(), w) != 0) return false;
    pos += w.size();
  }
  return pos == upper.size();
}

uint32_t fnv(std::string_view s) {
  uint32_t h = 0x811C9DC5u;
  for (char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x01000193u;
  }
  return h;
}

// --- Hangul syllables (Unicode 3.12) -----------------------------------------------

constexpr uint32_t kSBase = 0xAC00, kLCount = 19, kVCount = 21, kTCount = 28;
constexpr uint32_t kNCount = kVCount * kTCount, kSCount = kLCount * kNCount;
constexpr const char* kJamoL[kLCount] = {"G", "GG", "N", "D", "DD", "R", "M", "B", "BB", "S",
                                         "SS", "", "J", "JJ", "C", "K", "T", "P", "H"};
constexpr const char* kJamoV[kVCount] = {"A", "AE", "YA", "YAE", "EO", "E", "YEO", "YE", "O", "WA", "WAE",
                                         "OE", "YO", "U", "WEO", "WE", "WI", "YU", "EU", "YI", "I"};
constexpr const char* kJamoT[kTCount] = {"", "G", "GG", "GS", "N", "NJ", "NH", "D", "L", "LG",
                                         "LM", "LB", "LS", "LT", "LP", "LH", "M", "B", "BS", "S",
                                         "SS", "NG", "J", "C", "K", "T", "P", "H"};

/// CPython's find_syllable: the longest jamo of the column at s (case-sensitive).
int find_jamo(std::string_view s, const char* const* table, uint32_t count, size_t* len) {
  int best = -1;
  size_t best_len = 0;
  for (uint32_t i = 0; i < count; ++i) {
    size_t l = std::strlen(table[i]);
    if (best >= 0 && l <= best_len) continue;
    if (s.size() >= l && s.compare(0, l, table[i]) == 0) {
      best = int(i);
      best_len = l;
    }
  }
  *len = best_len;
  return best;
}

bool lookup_hangul(std::string_view s, uint32_t* cp) {
  size_t len;
  int l = find_jamo(s, kJamoL, kLCount, &len);
  s.remove_prefix(len);
  int v = find_jamo(s, kJamoV, kVCount, &len);
  s.remove_prefix(len);
  int t = find_jamo(s, kJamoT, kTCount, &len);
  s.remove_prefix(len);
  if (l < 0 || v < 0 || t < 0 || !s.empty()) return false;
  *cp = kSBase + (uint32_t(l) * kVCount + uint32_t(v)) * kTCount + uint32_t(t);
  return true;
}

int hex_digit(char c, bool lower_ok) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  if (lower_ok && c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

void append_hex(uint32_t cp, std::string* out) {
  char buf[16];
  int n = 0;
  uint32_t v = cp;
  do {
    buf[n++] = "0123456789ABCDEF"[v & 15];
    v >>= 4;
  } while (v);
  while (n < 4) buf[n++] = '0';
  while (n) out->push_back(buf[--n]);
}

bool in_cjk(uint32_t cp) {
  for (const CpRange& r : kCjkRanges)
    if (cp >= r.lo && cp <= r.hi) return true;
  return false;
}

template <class T>
const T* find_by_name(const T* begin, const T* end, std::string_view upper) {
  const T* it = std::lower_bound(begin, end, upper, [](const T& a, std::string_view n) { return n.compare(a.name) > 0; });
  return it != end && upper.compare(it->name) == 0 ? it : nullptr;
}

/// Looks up an upper-cased name among the stored names, families and aliases.
bool lookup_upper(std::string_view upper, uint32_t* cp) {
  for (uint32_t h = fnv(upper) % kHashSize;; h = (h + 1) % kHashSize) {
    const char* s = kHash + 3 * h;
    uint32_t v = uint32_t((sym(s[0]) * kAlphaBase + sym(s[1])) * kAlphaBase + sym(s[2]));
    if (v == 0) break;
    if (name_equals(v - 1, upper)) {
      uint32_t i = v - 1;
      // The code point of name i: the run holding it.
      const NameRun* r = std::upper_bound(std::begin(kRuns), std::end(kRuns), i,
                                          [](uint32_t x, const NameRun& run) { return x < run.first; }) - 1;
      *cp = r->cp + (i - r->first);
      return true;
    }
  }
  for (const NameFamily& f : kFamilies) {
    size_t pl = std::strlen(f.prefix);
    if (upper.size() <= pl || upper.compare(0, pl, f.prefix) != 0) continue;
    std::string_view hex = upper.substr(pl);
    if (hex.size() > 6) continue;
    uint32_t v = 0;
    bool ok = true;
    for (char c : hex) {
      int d = hex_digit(c, false);
      if (d < 0) ok = false;
      v = v * 16 + uint32_t(d < 0 ? 0 : d);
    }
    if (!ok || v < f.lo || v > f.hi) continue;
    std::string canon;
    append_hex(v, &canon);
    if (canon != hex) continue;
    *cp = v;
    return true;
  }
  if (const NameAlias* a = find_by_name(std::begin(kAliases), std::end(kAliases), upper)) {
    *cp = a->cp;
    return true;
  }
  return false;
}

/// Algorithmic, case-sensitive names (CPython checks these first).
/// Returns 1 (found), 0 (not such a name) or -1 (such a prefix, but invalid).
int lookup_algorithmic(std::string_view name, uint32_t* cp) {
  constexpr std::string_view kHangul = "HANGUL SYLLABLE ";
  constexpr std::string_view kCjk = "CJK UNIFIED IDEOGRAPH-";
  if (name.substr(0, kHangul.size()) == kHangul) return lookup_hangul(name.substr(kHangul.size()), cp) ? 1 : -1;
  if (name.substr(0, kCjk.size()) == kCjk) {
    std::string_view hex = name.substr(kCjk.size());
    if (hex.size() != 4 && hex.size() != 5) return -1;
    uint32_t v = 0;
    for (char c : hex) {
      int d = hex_digit(c, false);
      if (d < 0) return -1;
      v = v * 16 + uint32_t(d);
    }
    if (!in_cjk(v)) return -1;
    *cp = v;
    return 1;
  }
  return 0;
}

bool to_upper(std::string_view name, char* buf) {
  if (name.size() > kUnicodeNameMaxLen) return false;
  for (size_t i = 0; i < name.size(); ++i) {
    char c = name[i];
    buf[i] = (c >= 'a' && c <= 'z') ? char(c - 32) : c;
  }
  return true;
}

}  // namespace

bool unicode_name_of(uint32_t cp, std::string* out) {
  if (cp >= kSBase && cp < kSBase + kSCount) {
    uint32_t s = cp - kSBase;
    out->append("HANGUL SYLLABLE ");
    out->append(kJamoL[s / kNCount]);
    out->append(kJamoV[(s % kNCount) / kTCount]);
    out->append(kJamoT[s % kTCount]);
    return true;
  }
  if (in_cjk(cp)) {
    out->append("CJK UNIFIED IDEOGRAPH-");
    append_hex(cp, out);
    return true;
  }
  for (const NameFamily& f : kFamilies) {
    if (cp >= f.lo && cp <= f.hi) {
      out->append(f.prefix);
      append_hex(cp, out);
      return true;
    }
  }
  const NameRun* r =
      std::upper_bound(std::begin(kRuns), std::end(kRuns), cp, [](uint32_t c, const NameRun& run) { return c < run.cp; });
  if (r == std::begin(kRuns)) return false;
  --r;
  uint32_t next_first = (r + 1 == std::end(kRuns)) ? kNameCount : (r + 1)->first;
  if (cp - r->cp >= next_first - r->first) return false;
  append_name(r->first + (cp - r->cp), out);
  return true;
}

bool unicode_lookup(std::string_view name, uint32_t* cp) {
  int a = lookup_algorithmic(name, cp);
  if (a != 0) return a > 0;
  char buf[kUnicodeNameMaxLen];
  if (!to_upper(name, buf)) return false;
  return lookup_upper(std::string_view(buf, name.size()), cp);
}

int unicode_lookup_sequence(std::string_view name, uint32_t out[4]) {
  int a = lookup_algorithmic(name, out);
  if (a != 0) return a > 0 ? 1 : 0;
  char buf[kUnicodeNameMaxLen];
  if (!to_upper(name, buf)) return 0;
  std::string_view upper(buf, name.size());
  if (lookup_upper(upper, out)) return 1;
  if (const NamedSeq* s = find_by_name(std::begin(kNamedSeqs), std::end(kNamedSeqs), upper)) {
    int n = 0;
    for (; n < 4 && s->cps[n]; ++n) out[n] = s->cps[n];
    return n;
  }
  return 0;
}

namespace ucd {

namespace {
const PropRecord& record(uint32_t cp) {
  if (cp > 0x10FFFF) cp = 0x10FFFF;  // noncharacter: same record as unassigned
  uint32_t block = kPropIndex1[cp >> kPropShift];
  return kRecords[kPropIndex2[(block << kPropShift) | (cp & ((1u << kPropShift) - 1))]];
}

const NumericEntry* numeric_entry(uint32_t cp) {
  const NumericEntry* it = std::lower_bound(std::begin(kNumeric), std::end(kNumeric), cp,
                                            [](const NumericEntry& e, uint32_t c) { return e.cp < c; });
  return it != std::end(kNumeric) && it->cp == cp ? it : nullptr;
}
}  // namespace

const char* category(uint32_t cp) { return kCategories[record(cp).category]; }
const char* bidirectional(uint32_t cp) { return kBidiClasses[record(cp).bidi]; }
int combining(uint32_t cp) { return record(cp).combining; }
const char* east_asian_width(uint32_t cp) { return kEastAsianWidths[record(cp).eaw]; }
bool mirrored(uint32_t cp) { return record(cp).mirrored != 0; }

std::string_view decomposition(uint32_t cp) {
  const uint32_t* it = std::lower_bound(std::begin(kDecompCp), std::end(kDecompCp), cp);
  if (it == std::end(kDecompCp) || *it != cp) return {};
  size_t i = size_t(it - std::begin(kDecompCp));
  return std::string_view(kDecompText + kDecompOff[i], kDecompOff[i + 1] - kDecompOff[i] - 1);
}

bool numeric(uint32_t cp, double* out) {
  const NumericEntry* e = numeric_entry(cp);
  if (!e) return false;
  *out = kNumericValues[e->value];
  return true;
}

int decimal(uint32_t cp) {
  const NumericEntry* e = numeric_entry(cp);
  return e ? e->decimal : -1;
}

int digit(uint32_t cp) {
  const NumericEntry* e = numeric_entry(cp);
  return e ? e->digit : -1;
}

}  // namespace ucd

}  // namespace capy
