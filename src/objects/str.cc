// str: construction, UTF-8 helpers, hashing and the type's slots.
//
// Text is stored as UTF-8 with the code point count and an ASCII flag (see
// str.h). Lone surrogates (which CPython strs may hold, e.g. from the
// 'surrogateescape' error handler) are stored as their 3-byte generalized
// UTF-8 encoding (ED A0..BF xx); utf8_decode reads them like any other code
// point and the codecs refuse to encode them unless an error handler allows.
//
// Hashing: wyhash (final v4) with a fixed seed. CPython randomises str
// hashes per process; capy does not need to (set/dict iteration order of
// strings is not something guests may rely on, and a fixed seed makes runs
// reproducible). Hash flooding is bounded by the isolate's step and time
// limits. A hash is never -1.
#include "objects/str.h"

#include <cstring>
#include <vector>

#include "objects/bytes.h"
#include "objects/int.h"
#include "objects/iterators.h"
#include "objects/misc.h"
#include "objects/native.h"
#include "objects/ops.h"
#include "objects/str_impl.h"
#include "objects/tuple.h"
#include "objects/unicode.h"
#include "vm/isolate.h"
#include "vm/runtime.h"

namespace capy {

// ============================================================================
// Hashing (wyhash final v4, public domain, by Wang Yi)
// ============================================================================

namespace {

inline uint64_t wymix(uint64_t a, uint64_t b) {
  __uint128_t r = static_cast<__uint128_t>(a) * b;
  return static_cast<uint64_t>(r) ^ static_cast<uint64_t>(r >> 64);
}
inline uint64_t wyr8(const uint8_t* p) {
  uint64_t v;
  memcpy(&v, p, 8);
  return v;
}
inline uint64_t wyr4(const uint8_t* p) {
  uint32_t v;
  memcpy(&v, p, 4);
  return v;
}
inline uint64_t wyr3(const uint8_t* p, size_t k) {
  return (static_cast<uint64_t>(p[0]) << 16) | (static_cast<uint64_t>(p[k >> 1]) << 8) | p[k - 1];
}

constexpr uint64_t kS0 = 0xa0761d6478bd642full, kS1 = 0xe7037ed1a0b428dbull,
                   kS2 = 0x8ebc6af09c88c6e3ull, kS3 = 0x589965cc75374cc3ull;
constexpr uint64_t kSeed = 0x6361707950797468ull;  // fixed: "capyPyth"

uint64_t wyhash(const void* key, size_t len) {
  const uint8_t* p = static_cast<const uint8_t*>(key);
  uint64_t seed = kSeed ^ wymix(kSeed ^ kS0, kS1);
  uint64_t a, b;
  if (len <= 16) {
    if (len >= 4) {
      a = (wyr4(p) << 32) | wyr4(p + ((len >> 3) << 2));
      b = (wyr4(p + len - 4) << 32) | wyr4(p + len - 4 - ((len >> 3) << 2));
    } else if (len > 0) {
      a = wyr3(p, len);
      b = 0;
    } else {
      a = b = 0;
    }
  } else {
    size_t i = len;
    if (i > 48) {
      uint64_t see1 = seed, see2 = seed;
      do {
        seed = wymix(wyr8(p) ^ kS1, wyr8(p + 8) ^ seed);
        see1 = wymix(wyr8(p + 16) ^ kS2, wyr8(p + 24) ^ see1);
        see2 = wymix(wyr8(p + 32) ^ kS3, wyr8(p + 40) ^ see2);
        p += 48;
        i -= 48;
      } while (i > 48);
      seed ^= see1 ^ see2;
    }
    while (i > 16) {
      seed = wymix(wyr8(p) ^ kS1, wyr8(p + 8) ^ seed);
      i -= 16;
      p += 16;
    }
    a = wyr8(p + i - 16);
    b = wyr8(p + i - 8);
  }
  a ^= kS1;
  b ^= seed;
  __uint128_t r = static_cast<__uint128_t>(a) * b;
  a = static_cast<uint64_t>(r);
  b = static_cast<uint64_t>(r >> 64);
  return wymix(a ^ kS0 ^ len, b ^ kS1);
}

}  // namespace

int64_t hash_bytes(const void* data, size_t n) {
  int64_t h = static_cast<int64_t>(wyhash(data, n));
  return h == -1 ? -2 : h;
}

int64_t str_hash(Str* s) {
  if (s->hash != -1) return s->hash;
  int64_t h = hash_bytes(s->data, s->size());
  s->hash = h;
  return h;
}

// ============================================================================
// UTF-8 helpers
// ============================================================================

uint32_t utf8_decode(const char*& p) {
  const unsigned char* q = reinterpret_cast<const unsigned char*>(p);
  unsigned char c = q[0];
  if (c < 0x80) {
    p += 1;
    return c;
  }
  if (c < 0xE0) {
    p += 2;
    return (uint32_t(c & 0x1F) << 6) | (q[1] & 0x3F);
  }
  if (c < 0xF0) {
    p += 3;
    return (uint32_t(c & 0x0F) << 12) | (uint32_t(q[1] & 0x3F) << 6) | (q[2] & 0x3F);
  }
  p += 4;
  return (uint32_t(c & 0x07) << 18) | (uint32_t(q[1] & 0x3F) << 12) | (uint32_t(q[2] & 0x3F) << 6) |
         (q[3] & 0x3F);
}

void utf8_append(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    char b[2] = {static_cast<char>(0xC0 | (cp >> 6)), static_cast<char>(0x80 | (cp & 0x3F))};
    out.append(b, 2);
  } else if (cp < 0x10000) {
    char b[3] = {static_cast<char>(0xE0 | (cp >> 12)), static_cast<char>(0x80 | ((cp >> 6) & 0x3F)),
                 static_cast<char>(0x80 | (cp & 0x3F))};
    out.append(b, 3);
  } else {
    char b[4] = {static_cast<char>(0xF0 | (cp >> 18)), static_cast<char>(0x80 | ((cp >> 12) & 0x3F)),
                 static_cast<char>(0x80 | ((cp >> 6) & 0x3F)), static_cast<char>(0x80 | (cp & 0x3F))};
    out.append(b, 4);
  }
}

namespace {

constexpr uint64_t kHigh = 0x8080808080808080ull;

inline uint64_t load8(const char* p) {
  uint64_t v;
  memcpy(&v, p, 8);
  return v;
}

/// Number of UTF-8 continuation bytes (10xxxxxx) in a word.
inline int cont_bytes(uint64_t w) {
  // One bit per continuation byte, summed by a multiply (no popcnt needed).
  uint64_t m = (w & ~(w << 1) & kHigh) >> 7;
  return static_cast<int>((m * 0x0101010101010101ull) >> 56);
}

inline bool all_ascii(const char* p, size_t n) {
  size_t i = 0;
  for (; i + 8 <= n; i += 8)
    if (load8(p + i) & kHigh) return false;
  for (; i < n; ++i)
    if (static_cast<unsigned char>(p[i]) >= 0x80) return false;
  return true;
}

}  // namespace

size_t utf8_validate(std::string_view bytes) {
  const unsigned char* s = reinterpret_cast<const unsigned char*>(bytes.data());
  size_t n = bytes.size(), i = 0;
  while (i < n) {
    // Skip ASCII quickly.
    while (i + 8 <= n && !(load8(bytes.data() + i) & kHigh)) i += 8;
    if (i >= n) break;
    unsigned char c = s[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    if (c < 0xC2 || c > 0xF4) return i;
    if (c < 0xE0) {
      if (i + 1 >= n || (s[i + 1] & 0xC0) != 0x80) return i;
      i += 2;
    } else if (c < 0xF0) {
      if (i + 2 >= n) return i;
      unsigned char c1 = s[i + 1];
      if ((c1 & 0xC0) != 0x80 || (c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 > 0x9F)) return i;
      if ((s[i + 2] & 0xC0) != 0x80) return i;
      i += 3;
    } else {
      if (i + 3 >= n) return i;
      unsigned char c1 = s[i + 1];
      if ((c1 & 0xC0) != 0x80 || (c == 0xF0 && c1 < 0x90) || (c == 0xF4 && c1 > 0x8F)) return i;
      if ((s[i + 2] & 0xC0) != 0x80 || (s[i + 3] & 0xC0) != 0x80) return i;
      i += 4;
    }
  }
  return std::string_view::npos;
}

size_t utf8_count(std::string_view valid) {
  const char* p = valid.data();
  size_t n = valid.size(), i = 0, cont = 0;
  for (; i + 8 <= n; i += 8) cont += static_cast<size_t>(cont_bytes(load8(p + i)));
  for (; i < n; ++i) cont += (static_cast<unsigned char>(p[i]) & 0xC0) == 0x80;
  return n - cont;
}

namespace {

/// Byte offset reached from byte `p` (a character start) after `count` code points forward.
size_t skip_forward(const char* d, size_t n, size_t p, size_t count) {
  while (count >= 8 && p + 8 <= n) {
    count -= 8 - static_cast<size_t>(cont_bytes(load8(d + p)));
    p += 8;
  }
  for (;; ++p) {
    if (p >= n) return n;
    if ((static_cast<unsigned char>(d[p]) & 0xC0) != 0x80) {
      if (count == 0) return p;
      --count;
    }
  }
}

/// Byte offset reached from byte `p` (a character start or n) after `count` code points backward.
size_t skip_backward(const char* d, size_t p, size_t count) {
  while (count > 8 && p >= 8) {
    count -= 8 - static_cast<size_t>(cont_bytes(load8(d + p - 8)));
    p -= 8;
  }
  while (count > 0 && p > 0) {
    --p;
    if ((static_cast<unsigned char>(d[p]) & 0xC0) != 0x80) --count;
  }
  return p;
}

/// The last code point index -> byte offset mapping computed, so that loops
/// indexing a non-ASCII string sequentially stay linear. The string is
/// identified by address, sizes and hash (a freed and reallocated string at
/// the same address would also need an identical 64-bit hash to be confused).
struct OffsetCache {
  const Str* s = nullptr;
  int64_t hash = -1;
  uint32_t size = 0, length = 0;
  size_t cp = 0, byte = 0;
};
thread_local OffsetCache offset_cache;

}  // namespace

size_t str_byte_offset(const Str* s, size_t i) {
  if (s->ascii) return i;
  size_t n = s->size(), len = s->length;
  if (i >= len) return n;
  const char* d = s->data;
  // Nearest known anchor: start, end, or the cached position.
  size_t from_cp = 0, from_byte = 0;
  size_t best = i;
  if (len - i < best) {
    best = len - i;
    from_cp = len;
    from_byte = n;
  }
  bool cacheable = len >= 32;
  OffsetCache& c = offset_cache;
  if (cacheable) {
    if (s->hash == -1) str_hash(const_cast<Str*>(s));
    if (c.s == s && c.hash == s->hash && c.size == s->aux_ && c.length == s->length) {
      size_t dist = c.cp > i ? c.cp - i : i - c.cp;
      if (dist < best) {
        best = dist;
        from_cp = c.cp;
        from_byte = c.byte;
      }
    }
  }
  size_t r = from_cp <= i ? skip_forward(d, n, from_byte, i - from_cp) : skip_backward(d, from_byte, from_cp - i);
  if (cacheable) {
    c.s = s;
    c.hash = s->hash;
    c.size = s->aux_;
    c.length = s->length;
    c.cp = i;
    c.byte = r;
  }
  return r;
}

uint32_t str_char_at(const Str* s, size_t i) {
  if (s->ascii) return static_cast<unsigned char>(s->data[i]);
  const char* p = s->data + str_byte_offset(s, i);
  return utf8_decode(p);
}

// ============================================================================
// Construction
// ============================================================================

Str* str_alloc(Isolate& I, size_t bytes) {
  if (bytes > UINT32_MAX - 64) {
    raise_memory(I);
    return nullptr;
  }
  Str* s = static_cast<Str*>(I.heap.alloc_object(I.rt.str_type, sizeof(Str) + bytes));
  if (!s) {
    raise_memory(I);
    return nullptr;
  }
  s->aux_ = static_cast<uint32_t>(bytes);
  s->hash = -1;
  return s;
}

void str_finish(Str* s) {
  size_t n = s->size();
  s->data[n] = 0;
  if (all_ascii(s->data, n)) {
    s->ascii = 1;
    s->length = static_cast<uint32_t>(n);
  } else {
    s->ascii = 0;
    s->length = static_cast<uint32_t>(utf8_count(s->view()));
  }
  if (s->immortal()) str_hash(s);
}

Str* str_new(Isolate& I, std::string_view utf8) {
  Str* s = str_alloc(I, utf8.size());
  if (!s) return nullptr;
  if (!utf8.empty()) memcpy(s->data, utf8.data(), utf8.size());
  str_finish(s);
  return s;
}

Str* str_new_known(Isolate& I, std::string_view utf8, uint32_t length, bool ascii) {
  Str* s = str_alloc(I, utf8.size());
  if (!s) return nullptr;
  if (!utf8.empty()) memcpy(s->data, utf8.data(), utf8.size());
  s->length = length;
  s->ascii = ascii ? 1 : 0;
  if (s->immortal()) str_hash(s);
  return s;
}

Value str_from_utf8(Isolate& I, std::string_view utf8) {
  size_t n = utf8.size();
  if (n <= 2) {
    if (n == 0 && I.rt.n_empty) return Value::object(I.rt.n_empty);
    unsigned char c = n ? static_cast<unsigned char>(utf8[0]) : 0;
    if (n == 1 && c < 0x80 && I.rt.latin1_chars[c]) return Value::object(I.rt.latin1_chars[c]);
    if (n == 2 && (c == 0xC2 || c == 0xC3)) {
      uint32_t cp = (uint32_t(c & 0x1F) << 6) | (static_cast<unsigned char>(utf8[1]) & 0x3F);
      if (I.rt.latin1_chars[cp]) return Value::object(I.rt.latin1_chars[cp]);
    }
  }
  Str* s = str_new(I, utf8);
  return s ? Value::object(s) : Value::error();
}

Value str_from_utf8_known(Isolate& I, std::string_view utf8, size_t length, bool ascii) {
  if (length <= 1) return str_from_utf8(I, utf8);
  Str* s = str_new_known(I, utf8, static_cast<uint32_t>(length), ascii);
  return s ? Value::object(s) : Value::error();
}

Value str_value(Isolate& I, std::string_view utf8) { return str_from_utf8(I, utf8); }

Value str_from_codepoint(Isolate& I, uint32_t cp) {
  if (cp < 256 && I.rt.latin1_chars[cp]) return Value::object(I.rt.latin1_chars[cp]);
  std::string b;
  utf8_append(b, cp);
  Str* s = str_new_known(I, b, 1, cp < 0x80);
  return s ? Value::object(s) : Value::error();
}

size_t varsize_alloc_size(Type* type, size_t nitems) {
  size_t size = type->basicsize + nitems * type->itemsize;
  if (type->dict_offset < 0) size = ((size + 7) & ~size_t(7)) + sizeof(void*);
  return size;
}

Value str_new_of_type(Isolate& I, Type* type, std::string_view utf8) {
  if (type == I.rt.str_type) return str_from_utf8(I, utf8);
  if (utf8.size() > UINT32_MAX - 64) return raise_memory(I);
  Str* s = static_cast<Str*>(alloc_instance(I, type, utf8.size()));
  if (!s) return Value::error();
  s->aux_ = static_cast<uint32_t>(utf8.size());
  s->hash = -1;
  if (!utf8.empty()) memcpy(s->data, utf8.data(), utf8.size());
  str_finish(s);
  return Value::object(s);
}

Value str_exact(Isolate& I, Str* s) {
  if (s->type_ == I.rt.str_type) return Value::object(s);
  return str_from_utf8_known(I, s->view(), s->length, s->ascii);
}

Value str_substring(Isolate& I, Str* s, size_t a, size_t b) {
  if (a == 0 && b >= s->length) return str_exact(I, s);
  if (b <= a) return Value::object(I.rt.n_empty);
  if (s->ascii) return str_from_utf8_known(I, std::string_view(s->data + a, b - a), b - a, true);
  size_t ba = str_byte_offset(s, a);
  size_t bb;
  if (b >= s->length) {
    bb = s->size();
  } else {
    // Walk forward from a (usually cheaper than a second scan).
    const char* p = s->data + ba;
    for (size_t k = a; k < b; ++k) {
      unsigned char c = static_cast<unsigned char>(*p);
      p += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    }
    bb = static_cast<size_t>(p - s->data);
  }
  std::string_view v(s->data + ba, bb - ba);
  return str_from_utf8_known(I, v, b - a, bb - ba == b - a);
}

bool str_eq(const Str* a, const Str* b) {
  if (a == b) return true;
  if (a->aux_ != b->aux_ || a->length != b->length) return false;
  if (a->hash != -1 && b->hash != -1 && a->hash != b->hash) return false;
  return memcmp(a->data, b->data, a->aux_) == 0;
}

Value str_concat(Isolate& I, Str* a, Str* b) {
  if (b->aux_ == 0 && a->type_ == I.rt.str_type) return Value::object(a);
  if (a->aux_ == 0 && b->type_ == I.rt.str_type) return Value::object(b);
  size_t n = size_t(a->aux_) + b->aux_;
  if (n > UINT32_MAX - 64) return raise_memory(I);
  if (n <= 2) {
    char buf[2];
    memcpy(buf, a->data, a->aux_);
    memcpy(buf + a->aux_, b->data, b->aux_);
    return str_from_utf8(I, std::string_view(buf, n));
  }
  Str* s = str_alloc(I, n);
  if (!s) return Value::error();
  memcpy(s->data, a->data, a->aux_);
  memcpy(s->data + a->aux_, b->data, b->aux_);
  s->length = a->length + b->length;
  s->ascii = a->ascii && b->ascii;
  return Value::object(s);
}

// ============================================================================
// repr
// ============================================================================

std::string str_repr_text(std::string_view utf8) {
  bool squote = false, dquote = false;
  for (char c : utf8) {
    if (c == '\'') squote = true;
    else if (c == '"') dquote = true;
  }
  char quote = (squote && !dquote) ? '"' : '\'';
  std::string out;
  out.reserve(utf8.size() + 2);
  out.push_back(quote);
  const char* p = utf8.data();
  const char* e = p + utf8.size();
  static const char hex[] = "0123456789abcdef";
  while (p < e) {
    unsigned char c = static_cast<unsigned char>(*p);
    if (c < 0x80) {
      ++p;
      if (c == static_cast<unsigned char>(quote) || c == '\\') {
        out.push_back('\\');
        out.push_back(static_cast<char>(c));
      } else if (c == '\t') {
        out += "\\t";
      } else if (c == '\n') {
        out += "\\n";
      } else if (c == '\r') {
        out += "\\r";
      } else if (c < ' ' || c == 0x7f) {
        out += "\\x";
        out.push_back(hex[c >> 4]);
        out.push_back(hex[c & 15]);
      } else {
        out.push_back(static_cast<char>(c));
      }
      continue;
    }
    const char* start = p;
    uint32_t cp = utf8_decode(p);
    if (uni::is_printable(cp)) {
      out.append(start, static_cast<size_t>(p - start));
    } else if (cp < 0x100) {
      out += "\\x";
      out.push_back(hex[cp >> 4]);
      out.push_back(hex[cp & 15]);
    } else if (cp < 0x10000) {
      out += "\\u";
      for (int k = 12; k >= 0; k -= 4) out.push_back(hex[(cp >> k) & 15]);
    } else {
      out += "\\U";
      for (int k = 28; k >= 0; k -= 4) out.push_back(hex[(cp >> k) & 15]);
    }
  }
  out.push_back(quote);
  return out;
}

// ============================================================================
// Slots
// ============================================================================

namespace {

Value str_repr_slot(Isolate& I, Value self) {
  Str* s = as_str(self);
  if (s->ascii) {
    // Fast path: printable ASCII without quotes or backslashes.
    bool plain = true;
    for (size_t i = 0; i < s->size(); ++i) {
      unsigned char c = static_cast<unsigned char>(s->data[i]);
      if (c < ' ' || c == 0x7f || c == '\'' || c == '\\') {
        plain = false;
        break;
      }
    }
    if (plain) {
      Str* r = str_alloc(I, s->size() + 2);
      if (!r) return Value::error();
      r->data[0] = '\'';
      memcpy(r->data + 1, s->data, s->size());
      r->data[s->size() + 1] = '\'';
      r->length = s->length + 2;
      r->ascii = 1;
      return Value::object(r);
    }
  }
  // At most four characters per byte of UTF-8 ("\\x00"), in a native buffer.
  if (too_big(I, uint64_t(s->size()) * 4 + 2)) return raise_memory(I);
  std::string t = str_repr_text(s->view());
  return str_from_utf8(I, t);
}

Value str_str_slot(Isolate& I, Value self) { return str_exact(I, as_str(self)); }

int64_t str_hash_slot(Isolate&, Value self) { return str_hash(as_str(self)); }

int str_compare(const Str* a, const Str* b) {
  size_t n = a->aux_ < b->aux_ ? a->aux_ : b->aux_;
  int c = n ? memcmp(a->data, b->data, n) : 0;
  if (c != 0) return c;
  return a->aux_ < b->aux_ ? -1 : a->aux_ > b->aux_ ? 1 : 0;
}

Value str_richcompare(Isolate& I, Value a, Value b, CompareOp op) {
  if (!is_str_value(a) || !is_str_value(b)) return Value::not_implemented();
  Str* x = as_str(a);
  Str* y = as_str(b);
  switch (op) {
    case CompareOp::Eq: return Value::boolean(str_eq(x, y));
    case CompareOp::Ne: return Value::boolean(!str_eq(x, y));
    case CompareOp::Lt: return Value::boolean(str_compare(x, y) < 0);
    case CompareOp::Le: return Value::boolean(str_compare(x, y) <= 0);
    case CompareOp::Gt: return Value::boolean(str_compare(x, y) > 0);
    case CompareOp::Ge: return Value::boolean(str_compare(x, y) >= 0);
  }
  return Value::not_implemented();
}

int64_t str_len(Isolate&, Value self) { return as_str(self)->length; }
int str_bool(Isolate&, Value self) { return as_str(self)->aux_ != 0; }

Value str_slice(Isolate& I, Str* s, Slice* sl) {
  int64_t start, stop, step, n;
  if (!slice_indices(I, sl, s->length, &start, &stop, &step, &n)) return Value::error();
  if (n <= 0) return Value::object(I.rt.n_empty);
  if (step == 1) return str_substring(I, s, size_t(start), size_t(stop));
  if (s->ascii) {
    if (n == 1) return Value::object(I.rt.latin1_chars[static_cast<unsigned char>(s->data[start])]);
    Str* r = str_alloc(I, size_t(n));
    if (!r) return Value::error();
    for (int64_t k = 0, i = start; k < n; ++k, i += step) r->data[k] = s->data[i];
    r->length = static_cast<uint32_t>(n);
    r->ascii = 1;
    return Value::object(r);
  }
  // Byte offsets of every code point, then gather.
  std::vector<uint32_t> offs;
  offs.reserve(s->length + 1);
  const char* p = s->data;
  const char* e = p + s->size();
  while (p < e) {
    offs.push_back(static_cast<uint32_t>(p - s->data));
    unsigned char c = static_cast<unsigned char>(*p);
    p += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  }
  offs.push_back(static_cast<uint32_t>(s->size()));
  std::string out;
  bool ascii = true;
  for (int64_t k = 0, i = start; k < n; ++k, i += step) {
    uint32_t a = offs[size_t(i)], b = offs[size_t(i) + 1];
    if (b - a > 1) ascii = false;
    out.append(s->data + a, b - a);
  }
  return str_from_utf8_known(I, out, size_t(n), ascii);
}

Value str_getitem(Isolate& I, Value self, Value key) {
  Str* s = as_str(self);
  int64_t i;
  if (key.is_small_int()) {
    i = key.as_small_int();
  } else if (key.is_object() && key.as_object()->type_ == I.rt.slice_type) {
    return str_slice(I, s, key.as<Slice>());
  } else {
    int r = seq_index_of(I, key, &i);
    if (r < 0) return Value::error();
    if (r == 0)
      return raisef(I, I.rt.exc_TypeError, "string indices must be integers, not '%s'",
                    type_name(I, key));
  }
  int64_t n = s->length;
  if (i < 0) i += n;
  if (i < 0 || i >= n) return raise(I, I.rt.exc_IndexError, "string index out of range");
  if (s->ascii) return Value::object(I.rt.latin1_chars[static_cast<unsigned char>(s->data[i])]);
  return str_from_codepoint(I, str_char_at(s, size_t(i)));
}

int str_contains(Isolate& I, Value self, Value item) {
  if (!is_str_value(item)) {
    raisef(I, I.rt.exc_TypeError, "'in <string>' requires string as left operand, not %s",
           type_name(I, item));
    return -1;
  }
  Str* s = as_str(self);
  Str* t = as_str(item);
  if (t->aux_ == 0) return 1;
  if (t->aux_ > s->aux_) return 0;
  if (t->aux_ == 1) return memchr(s->data, t->data[0], s->aux_) != nullptr;
  return memmem(s->data, s->aux_, t->data, t->aux_) != nullptr;
}

// --- iterator -------------------------------------------------------------------

struct StrIter : Object {
  Str* str;    // nullptr once exhausted
  size_t pos;  // byte offset of the next character
};

Value str_iter(Isolate& I, Value self) {
  StrIter* it = static_cast<StrIter*>(I.heap.alloc_object(I.rt.str_iterator_type, sizeof(StrIter)));
  if (!it) return raise_memory(I);
  it->str = as_str(self);
  it->pos = 0;
  return Value::object(it);
}

Value str_iter_next(Isolate& I, Value self) {
  StrIter* it = self.as<StrIter>();
  Str* s = it->str;
  if (!s) return Value::null();
  if (it->pos >= s->size()) {
    it->str = nullptr;
    return Value::null();
  }
  unsigned char c = static_cast<unsigned char>(s->data[it->pos]);
  if (c < 0x80) {
    ++it->pos;
    return Value::object(I.rt.latin1_chars[c]);
  }
  const char* p = s->data + it->pos;
  uint32_t cp = utf8_decode(p);
  it->pos = static_cast<size_t>(p - s->data);
  return str_from_codepoint(I, cp);
}

Value iter_self(Isolate&, Value self) { return self; }

void str_iter_trace(Object* o, Tracer& t) { t.visit(static_cast<StrIter*>(o)->str); }

Value str_iter_length_hint(Isolate& I, const Value* args, size_t nargs, Tuple*) {
  StrIter* it = args[0].as<StrIter>();
  if (!it->str) return Value::small_int(0);
  Str* s = it->str;
  if (s->ascii) return Value::small_int(int64_t(s->size() - it->pos));
  return Value::small_int(int64_t(utf8_count(std::string_view(s->data + it->pos, s->size() - it->pos))));
}

// --- operators ----------------------------------------------------------------

Value str_add(Isolate& I, Value a, Value b) {
  if (!is_str_value(a)) return Value::not_implemented();
  if (!is_str_value(b)) {
    // Let the right operand's __radd__ run first (CPython tries nb_add of
    // both operands before the sequence concatenation).
    Type* tb = type_of(I, b);
    if (tb->is_heap() && tb->nb[int(NbOp::Add)] && tb->nb[int(NbOp::Add)] != &str_add)
      return Value::not_implemented();
    return raisef(I, I.rt.exc_TypeError, "can only concatenate str (not \"%s\") to str", type_name(I, b));
  }
  return str_concat(I, as_str(a), as_str(b));
}

Value str_repeat(Isolate& I, Str* s, int64_t n) {
  if (n <= 0 || s->aux_ == 0) return Value::object(I.rt.n_empty);
  if (n == 1) return str_exact(I, s);
  size_t len = s->aux_;
  if (static_cast<uint64_t>(n) > static_cast<uint64_t>(INT64_MAX) / len)
    return raise(I, I.rt.exc_OverflowError, "repeated string is too long");
  size_t total = len * static_cast<size_t>(n);
  if (total > UINT32_MAX - 64) return raise_memory(I);
  Str* r = str_alloc(I, total);
  if (!r) return Value::error();
  if (len == 1) {
    memset(r->data, s->data[0], total);
  } else {
    memcpy(r->data, s->data, len);
    size_t done = len;
    while (done < total) {
      size_t chunk = done < total - done ? done : total - done;
      memcpy(r->data + done, r->data, chunk);
      done += chunk;
    }
  }
  r->length = static_cast<uint32_t>(uint64_t(s->length) * uint64_t(n));
  r->ascii = s->ascii;
  return Value::object(r);
}

Value str_mul(Isolate& I, Value a, Value b) {
  Value seq = a, count = b;
  if (!is_str_value(a)) {
    seq = b;
    count = a;
  }
  if (!is_str_value(seq)) return Value::not_implemented();
  if (is_str_value(count) && !seq.is(a)) return Value::not_implemented();
  Type* tc = type_of(I, count);
  if (!count.is_small_int() && !is_int(I, count) && !tc->nb_index) {
    // Give the other operand's __mul__/__rmul__ a chance first.
    BinaryFn f = tc->nb[int(NbOp::Mul)];
    if (tc->is_heap() && f && f != &str_mul) return Value::not_implemented();
  }
  int64_t n;
  if (!seq_repeat_count(I, count, &n)) return Value::error();
  return str_repeat(I, as_str(seq), n);
}

Value str_mod(Isolate& I, Value a, Value b) {
  if (!is_str_value(a)) return Value::not_implemented();
  return str_printf(I, as_str(a), b);
}

// --- str() ------------------------------------------------------------------------

Value str_new_slot(Isolate& I, Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  size_t nkw = kwnames ? kwnames->size() : 0;
  Value params[3] = {Value::null(), Value::null(), Value::null()};
  static const char* const names[3] = {"object", "encoding", "errors"};
  if (nargs + nkw > 3)
    return raisef(I, I.rt.exc_TypeError, "str() takes at most 3 arguments (%zu given)", nargs + nkw);
  for (size_t i = 0; i < nargs; ++i) params[i] = args[i];
  for (size_t k = 0; k < nkw; ++k) {
    Str* name = as_str(kwnames->items[k]);
    int idx = -1;
    for (int j = 0; j < 3; ++j)
      if (name->view() == names[j]) idx = j;
    if (idx < 0)
      return raisef(I, I.rt.exc_TypeError, "'%s' is an invalid keyword argument for str()", name->data);
    if (!params[idx].is_null())
      return raisef(I, I.rt.exc_TypeError, "argument for str() given by name ('%s') and position (%d)",
                    names[idx], idx + 1);
    params[idx] = args[nargs + k];
  }
  Value result;
  if (params[1].is_null() && params[2].is_null()) {
    if (params[0].is_null()) {
      result = Value::object(I.rt.n_empty);
    } else {
      result = str(I, params[0]);
      if (result.is_error()) return result;
    }
  } else {
    std::string_view enc = "utf-8", errs = "strict";
    for (int j = 1; j < 3; ++j) {
      if (params[j].is_null()) continue;
      if (!is_str_value(params[j]))
        return raisef(I, I.rt.exc_TypeError, "str() argument '%s' must be str, not %s", names[j],
                      arg_type_name(I, params[j]));
      (j == 1 ? enc : errs) = as_str(params[j])->view();
    }
    std::string_view data;
    Value keep;
    if (params[0].is_null()) {
      data = {};
    } else {
      int r = bytes_like(I, params[0], &data, &keep);
      if (r < 0) return Value::error();
      if (r == 0) {
        if (is_str_value(params[0])) return raise(I, I.rt.exc_TypeError, "decoding str is not supported");
        return raisef(I, I.rt.exc_TypeError, "decoding to str: need a bytes-like object, %s found",
                      type_name(I, params[0]));
      }
    }
    result = codec_decode(I, data, enc, errs);
    if (result.is_error()) return result;
  }
  if (type == I.rt.str_type) return result;
  return str_new_of_type(I, type, as_str(result)->view());
}

}  // namespace

const char* arg_type_name(Isolate& I, Value v) { return v.is_none() ? "None" : type_name(I, v); }

bool seq_repeat_count(Isolate& I, Value count, int64_t* out) {
  if (count.is_small_int()) {
    *out = count.as_small_int();
    return true;
  }
  if (!is_int(I, count) && !type_of(I, count)->nb_index) {
    raisef(I, I.rt.exc_TypeError, "can't multiply sequence by non-int of type '%s'", type_name(I, count));
    return false;
  }
  Value v = index(I, count);
  if (v.is_error()) return false;
  v = int_unwrap(I, v);
  if (!int_to_i64(v, out)) {
    raisef(I, I.rt.exc_OverflowError, "cannot fit '%s' into an index-sized integer", type_name(I, count));
    return false;
  }
  return true;
}

bool parse_optional_index(Isolate& I, Value v, int64_t* out) {
  if (v.is_null() || v.is_none()) return true;
  if (v.is_small_int()) {
    *out = v.as_small_int();
    return true;
  }
  Type* t = type_of(I, v);
  if (!is_int(I, v) && !t->nb_index) {
    raise(I, I.rt.exc_TypeError, "slice indices must be integers or None or have an __index__ method");
    return false;
  }
  Value iv = index(I, v);
  if (iv.is_error()) return false;
  iv = int_unwrap(I, iv);
  if (!int_to_i64(iv, out)) {
    // Clamp like _PyEval_SliceIndex.
    *out = int_compare(iv, Value::small_int(0)) < 0 ? INT64_MIN / 2 : INT64_MAX / 2;
  }
  return true;
}

void init_str_type(Runtime& rt) {
  Type* t = rt.str_type;
  t->basicsize = sizeof(Str);
  t->itemsize = 1;
  t->flags |= kTypeBaseType | kTypeStrSubclass;
  t->repr = str_repr_slot;
  t->str = str_str_slot;
  t->hash = str_hash_slot;
  t->richcompare = str_richcompare;
  t->len = str_len;
  t->bool_ = str_bool;
  t->getitem = str_getitem;
  t->contains = str_contains;
  t->iter = str_iter;
  t->nb[int(NbOp::Add)] = str_add;
  t->nb[int(NbOp::Mul)] = str_mul;
  t->nb[int(NbOp::Mod)] = str_mod;
  t->new_ = str_new_slot;

  Type* it = rt.str_iterator_type;
  it->basicsize = sizeof(StrIter);
  it->iter = iter_self;
  it->next = str_iter_next;
  it->trace = str_iter_trace;
}

/// Methods of the str iterator (added with str's methods, once dicts exist).
void init_str_iterator_methods(Runtime& rt) {
  add_methods(rt, rt.str_iterator_type, {{"__length_hint__", str_iter_length_hint}});
}

}  // namespace capy
