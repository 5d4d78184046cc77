// bytes: the immutable byte string, its iterator, and the methods it shares
// with bytearray (see bytearray.cc for the mutable type).
#include "objects/bytes.h"

#include <climits>
#include <cstring>
#include <vector>

#include "objects/dict.h"
#include "objects/int.h"
#include "objects/iterators.h"
#include "objects/list.h"
#include "objects/misc.h"
#include "objects/native.h"
#include "objects/ops.h"
#include "objects/str.h"
#include "objects/str_impl.h"
#include "objects/tuple.h"
#include "objects/unicode.h"
#include "vm/isolate.h"
#include "vm/runtime.h"

namespace capy {

// ============================================================================
// Construction and helpers
// ============================================================================

Bytes* bytes_alloc(Isolate& I, size_t n) {
  if (n > UINT32_MAX - 64) {
    raise_memory(I);
    return nullptr;
  }
  Bytes* b = static_cast<Bytes*>(I.heap.alloc_object(I.rt.bytes_type, sizeof(Bytes) + n + 1));
  if (!b) {
    raise_memory(I);
    return nullptr;
  }
  b->aux_ = static_cast<uint32_t>(n);
  b->hash = -1;
  return b;
}

Bytes* bytes_new(Isolate& I, std::string_view data) {
  Bytes* b = bytes_alloc(I, data.size());
  if (!b) return nullptr;
  if (!data.empty()) memcpy(b->data, data.data(), data.size());
  return b;
}

Value bytes_value(Isolate& I, std::string_view data) {
  Bytes* b = bytes_new(I, data);
  return b ? Value::object(b) : Value::error();
}

bool is_bytes(Value v) { return v.is_object() && (v.as_object()->type_->flags & kTypeBytesSubclass); }

bool is_bytearray(Value v) { return v.is_object() && is_bytearray_type(v.as_object()->type_); }

std::string_view bytes_view(Value v) {
  Object* o = v.as_object();
  if (o->type_->flags & kTypeBytesSubclass) return static_cast<Bytes*>(o)->view();
  ByteArray* b = static_cast<ByteArray*>(o);
  return {b->data ? b->data : "", b->size};
}

int64_t bytes_hash(Bytes* b) {
  if (b->hash != -1) return b->hash;
  b->hash = hash_bytes(b->data, b->size());
  return b->hash;
}

int bytes_like(Isolate& I, Value v, std::string_view* out, Value* keep) {
  if (!v.is_object()) return 0;
  Type* t = v.as_object()->type_;
  if ((t->flags & kTypeBytesSubclass) || is_bytearray_type(t)) {
    *out = bytes_view(v);
    return 1;
  }
  if (is_subtype(t, I.rt.memoryview_type)) {
    Value b = call_method(I, v, I.intern("tobytes"), {});
    if (b.is_error()) return -1;
    if (!is_bytes(b)) return 0;
    *keep = b;
    *out = bytes_view(b);
    return 1;
  }
  return 0;
}

Value make_bytes_like(Isolate& I, bool as_bytearray, std::string_view data) {
  if (as_bytearray) {
    ByteArray* b = bytearray_new(I, data);
    return b ? Value::object(b) : Value::error();
  }
  return bytes_value(I, data);
}

bool byte_value(Isolate& I, Value v, uint8_t* out) {
  int64_t x;
  if (v.is_small_int()) {
    x = v.as_small_int();
  } else {
    Value iv = index(I, v);
    if (iv.is_error()) return false;
    if (!int_to_i64(int_unwrap(I, iv), &x)) x = -1;
  }
  if (x < 0 || x > 255) {
    raise(I, I.rt.exc_ValueError, "byte must be in range(0, 256)");
    return false;
  }
  *out = static_cast<uint8_t>(x);
  return true;
}

void bytes_repr_append(std::string_view data, std::string& out, bool bytearray_style) {
  bool squote = false, dquote = false;
  for (char c : data) {
    if (c == '\'') squote = true;
    else if (c == '"') dquote = true;
  }
  char quote = (squote && !dquote) ? '"' : '\'';
  static const char hex[] = "0123456789abcdef";
  out.push_back('b');
  out.push_back(quote);
  for (char ch : data) {
    unsigned char c = static_cast<unsigned char>(ch);
    // bytearray's repr escapes ' even inside double quotes (as CPython).
    if (c == static_cast<unsigned char>(quote) || c == '\\' || (bytearray_style && c == '\'')) {
      out.push_back('\\');
      out.push_back(ch);
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c < ' ' || c >= 0x7f) {
      out += "\\x";
      out.push_back(hex[c >> 4]);
      out.push_back(hex[c & 15]);
    } else {
      out.push_back(ch);
    }
  }
  out.push_back(quote);
}

Value bytes_compare_views(std::string_view a, std::string_view b, CompareOp op) {
  if (op == CompareOp::Eq || op == CompareOp::Ne) {
    bool eq = a.size() == b.size() && (a.empty() || memcmp(a.data(), b.data(), a.size()) == 0);
    return Value::boolean(op == CompareOp::Eq ? eq : !eq);
  }
  size_t n = a.size() < b.size() ? a.size() : b.size();
  int c = n ? memcmp(a.data(), b.data(), n) : 0;
  if (c == 0) c = a.size() < b.size() ? -1 : a.size() > b.size() ? 1 : 0;
  switch (op) {
    case CompareOp::Lt: return Value::boolean(c < 0);
    case CompareOp::Le: return Value::boolean(c <= 0);
    case CompareOp::Gt: return Value::boolean(c > 0);
    case CompareOp::Ge: return Value::boolean(c >= 0);
    default: return Value::false_();
  }
}

bool bytes_from_iterable(Isolate& I, Value v, std::string& out, const char* range_msg) {
  Type* t = type_of(I, v);
  auto add = [&](Value item) -> bool {
    int64_t x;
    if (item.is_small_int()) {
      x = item.as_small_int();
    } else {
      Value iv = index(I, item);
      if (iv.is_error()) return false;
      if (!int_to_i64(int_unwrap(I, iv), &x)) x = -1;
    }
    if (x < 0 || x > 255) {
      raise(I, I.rt.exc_ValueError, range_msg);
      return false;
    }
    out.push_back(static_cast<char>(x));
    return true;
  };
  if (t->flags & (kTypeListSubclass | kTypeTupleSubclass)) {
    // Re-read the size each time: __index__ may mutate a list.
    for (size_t i = 0;; ++i) {
      Value item;
      if (t->flags & kTypeListSubclass) {
        List* l = v.as<List>();
        if (i >= l->size) break;
        item = l->items[i];
      } else {
        Tuple* tp = v.as<Tuple>();
        if (i >= tp->size()) break;
        item = tp->items[i];
      }
      if (!add(item)) return false;
    }
    return true;
  }
  Value it = get_iter(I, v);
  if (it.is_error()) return false;
  for (;;) {
    Value item = iter_next(I, it);
    if (item.is_error()) return false;
    if (item.is_null()) break;
    if (!add(item)) return false;
    if (too_big(I, out.size())) {
      raise_memory(I);
      return false;
    }
  }
  return true;
}

namespace {

inline bool bspace(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
inline bool blower(unsigned char c) { return c >= 'a' && c <= 'z'; }
inline bool bupper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
inline bool balpha(unsigned char c) { return blower(c) || bupper(c); }
inline bool bdigit(unsigned char c) { return c >= '0' && c <= '9'; }

struct QualName {
  char buf[64];
  QualName(Value self, const char* name) {
    snprintf(buf, sizeof buf, "%s.%s", is_bytearray(self) ? "bytearray" : "bytes", name);
  }
  operator const char*() const { return buf; }
};

/// An argument that must be bytes-like ("a bytes-like object is required, not 'str'").
struct Buf {
  std::string_view v;
  Value keep;
  std::string tmp;
};

bool need_buffer(Isolate& I, Value v, Buf& b) {
  int r = bytes_like(I, v, &b.v, &b.keep);
  if (r < 0) return false;
  if (r == 0) {
    raisef(I, I.rt.exc_TypeError, "a bytes-like object is required, not '%s'", type_name(I, v));
    return false;
  }
  return true;
}

/// find/count/index argument: an int (a single byte) or bytes-like.
bool sub_arg(Isolate& I, Value v, Buf& b) {
  if (v.is_small_int() || is_int(I, v) || (!is_bytes(v) && !is_bytearray(v) && type_of(I, v)->nb_index)) {
    uint8_t c;
    if (!byte_value(I, v, &c)) return false;
    b.tmp.assign(1, static_cast<char>(c));
    b.v = b.tmp;
    return true;
  }
  int r = bytes_like(I, v, &b.v, &b.keep);
  if (r < 0) return false;
  if (r == 0) {
    raisef(I, I.rt.exc_TypeError, "argument should be integer or bytes-like object, not '%s'", type_name(I, v));
    return false;
  }
  return true;
}

bool get_ssize(Isolate& I, Value v, int64_t* out) {
  if (v.is_small_int()) {
    *out = v.as_small_int();
    return true;
  }
  return index_i64(I, v, out);
}

int check_getargs(Isolate& I, Value self, const char* name, size_t n, size_t min, size_t max, Tuple* kw) {
  if (kw && kw->size()) {
    raisef(I, I.rt.exc_TypeError, "%s() takes no keyword arguments", static_cast<const char*>(QualName(self, name)));
    return -1;
  }
  if (n < min) {
    raisef(I, I.rt.exc_TypeError, "%s() takes at least %zu argument%s (%zu given)", name, min, min == 1 ? "" : "s", n);
    return -1;
  }
  if (n > max) {
    raisef(I, I.rt.exc_TypeError, "%s() takes at most %zu argument%s (%zu given)", name, max, max == 1 ? "" : "s", n);
    return -1;
  }
  return 0;
}

int bind_kw(Isolate& I, const char* fname, const Value* args, size_t nargs, Tuple* kwnames,
            std::initializer_list<const char*> names, Value* out, size_t posonly = 0) {
  size_t np = names.size();
  size_t nkw = kwnames ? kwnames->size() : 0;
  for (size_t i = 0; i < np; ++i) out[i] = Value::null();
  if (nargs + nkw > np) {
    raisef(I, I.rt.exc_TypeError, "%s() takes at most %zu argument%s (%zu given)", fname, np, np == 1 ? "" : "s",
           nargs + nkw);
    return -1;
  }
  for (size_t i = 0; i < nargs; ++i) out[i] = args[i];
  for (size_t k = 0; k < nkw; ++k) {
    Str* key = as_str(kwnames->items[k]);
    size_t idx = np, j = 0;
    for (const char* nm : names) {
      if (j >= posonly && key->view() == nm) idx = j;
      ++j;
    }
    if (idx == np) {
      raisef(I, I.rt.exc_TypeError, "'%s' is an invalid keyword argument for %s()", key->data, fname);
      return -1;
    }
    if (!out[idx].is_null()) {
      raisef(I, I.rt.exc_TypeError, "argument for %s() given by name ('%s') and position (%zu)", fname, key->data,
             idx + 1);
      return -1;
    }
    out[idx] = args[nargs + k];
  }
  return 0;
}

const char* find_fwd(const char* hay, size_t hn, const char* needle, size_t nn) {
  if (nn == 0) return hay;
  if (nn > hn) return nullptr;
  if (nn == 1) return static_cast<const char*>(memchr(hay, needle[0], hn));
  return static_cast<const char*>(memmem(hay, hn, needle, nn));
}

const char* find_rev(const char* hay, size_t hn, const char* needle, size_t nn) {
  if (nn == 0) return hay + hn;
  if (nn > hn) return nullptr;
  if (nn == 1) return static_cast<const char*>(memrchr(hay, needle[0], hn));
  for (size_t i = hn - nn + 1; i-- > 0;)
    if (hay[i] == needle[0] && memcmp(hay + i, needle, nn) == 0) return hay + i;
  return nullptr;
}

/// Self unchanged: bytes returns itself when exact, bytearray a copy.
Value same(Isolate& I, Value self) {
  if (self.as_object()->type_ == I.rt.bytes_type) return self;
  return make_bytes_like(I, is_bytearray(self), bytes_view(self));
}

Value result(Isolate& I, Value self, std::string_view data) {
  return make_bytes_like(I, is_bytearray(self), data);
}

// --- search ---------------------------------------------------------------------

/// -1 not found, -2 error.
int64_t find_impl(Isolate& I, const char* name, const Value* a, size_t n, Tuple* kw, bool rev) {
  if (check_getargs(I, a[0], name, n - 1, 1, 3, kw) < 0) return -2;
  Buf sub;
  if (!sub_arg(I, a[1], sub)) return -2;
  int64_t start = 0, end = INT64_MAX;
  if (n > 2 && !parse_optional_index(I, a[2], &start)) return -2;
  if (n > 3 && !parse_optional_index(I, a[3], &end)) return -2;
  std::string_view s = bytes_view(a[0]);
  adjust_indices(start, end, int64_t(s.size()));
  if (end - start < int64_t(sub.v.size())) return -1;
  const char* base = s.data() + start;
  const char* f = rev ? find_rev(base, size_t(end - start), sub.v.data(), sub.v.size())
                      : find_fwd(base, size_t(end - start), sub.v.data(), sub.v.size());
  return f ? int64_t(f - s.data()) : -1;
}

Value b_find(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  int64_t r = find_impl(I, "find", a, n, kw, false);
  return r == -2 ? Value::error() : Value::small_int(r);
}
Value b_rfind(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  int64_t r = find_impl(I, "rfind", a, n, kw, true);
  return r == -2 ? Value::error() : Value::small_int(r);
}
Value b_index(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  int64_t r = find_impl(I, "index", a, n, kw, false);
  if (r == -2) return Value::error();
  if (r == -1) return raise(I, I.rt.exc_ValueError, "subsection not found");
  return Value::small_int(r);
}
Value b_rindex(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  int64_t r = find_impl(I, "rindex", a, n, kw, true);
  if (r == -2) return Value::error();
  if (r == -1) return raise(I, I.rt.exc_ValueError, "subsection not found");
  return Value::small_int(r);
}

Value b_count(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  if (check_getargs(I, a[0], "count", n - 1, 1, 3, kw) < 0) return Value::error();
  Buf sub;
  if (!sub_arg(I, a[1], sub)) return Value::error();
  int64_t start = 0, end = INT64_MAX;
  if (n > 2 && !parse_optional_index(I, a[2], &start)) return Value::error();
  if (n > 3 && !parse_optional_index(I, a[3], &end)) return Value::error();
  std::string_view s = bytes_view(a[0]);
  adjust_indices(start, end, int64_t(s.size()));
  if (end - start < int64_t(sub.v.size())) return Value::small_int(0);
  if (sub.v.empty()) return Value::small_int(end - start + 1);
  int64_t count = 0;
  const char* p = s.data() + start;
  const char* e = s.data() + end;
  for (;;) {
    const char* f = find_fwd(p, size_t(e - p), sub.v.data(), sub.v.size());
    if (!f) break;
    ++count;
    p = f + sub.v.size();
  }
  return Value::small_int(count);
}

Value tailmatch(Isolate& I, const char* name, const Value* a, size_t n, Tuple* kw, bool at_end) {
  if (check_getargs(I, a[0], name, n - 1, 1, 3, kw) < 0) return Value::error();
  int64_t start = 0, end = INT64_MAX;
  if (n > 2 && !parse_optional_index(I, a[2], &start)) return Value::error();
  if (n > 3 && !parse_optional_index(I, a[3], &end)) return Value::error();
  auto match = [&](std::string_view sub) -> bool {
    std::string_view s = bytes_view(a[0]);
    int64_t st = start, en = end;
    adjust_indices(st, en, int64_t(s.size()));
    if (en - st < int64_t(sub.size())) return false;
    if (st > int64_t(s.size())) return false;
    if (sub.empty()) return true;
    const char* p = at_end ? s.data() + en - sub.size() : s.data() + st;
    return memcmp(p, sub.data(), sub.size()) == 0;
  };
  Value x = a[1];
  if (x.is_object() && (x.as_object()->type_->flags & kTypeTupleSubclass)) {
    Tuple* t = x.as<Tuple>();
    for (size_t i = 0; i < t->size(); ++i) {
      Buf b;
      if (!need_buffer(I, t->items[i], b)) return Value::error();
      if (match(b.v)) return Value::true_();
    }
    return Value::false_();
  }
  Buf b;
  int r = bytes_like(I, x, &b.v, &b.keep);
  if (r < 0) return Value::error();
  if (r == 0)
    return raisef(I, I.rt.exc_TypeError, "%s first arg must be bytes or a tuple of bytes, not %s", name,
                  type_name(I, x));
  return Value::boolean(match(b.v));
}

Value b_startswith(Isolate& I, const Value* a, size_t n, Tuple* kw) { return tailmatch(I, "startswith", a, n, kw, false); }
Value b_endswith(Isolate& I, const Value* a, size_t n, Tuple* kw) { return tailmatch(I, "endswith", a, n, kw, true); }

// --- case and predicates ----------------------------------------------------------

enum class BCase { Lower, Upper, Swap, Title, Capitalize };

Value bcase(Isolate& I, const char* name, const Value* a, size_t n, Tuple* kw, BCase op) {
  if (arg_none(I, QualName(a[0], name), n - 1, kw) < 0) return Value::error();
  std::string s(bytes_view(a[0]));
  bool prev = false;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    switch (op) {
      case BCase::Lower: if (bupper(c)) c += 32; break;
      case BCase::Upper: if (blower(c)) c -= 32; break;
      case BCase::Swap: if (bupper(c)) c += 32; else if (blower(c)) c -= 32; break;
      case BCase::Title: {
        bool cased = balpha(c);
        if (prev) { if (bupper(c)) c += 32; }
        else if (blower(c)) c -= 32;
        prev = cased;
        break;
      }
      case BCase::Capitalize:
        if (i == 0) { if (blower(c)) c -= 32; }
        else if (bupper(c)) c += 32;
        break;
    }
    s[i] = static_cast<char>(c);
  }
  return result(I, a[0], s);
}

Value b_lower(Isolate& I, const Value* a, size_t n, Tuple* kw) { return bcase(I, "lower", a, n, kw, BCase::Lower); }
Value b_upper(Isolate& I, const Value* a, size_t n, Tuple* kw) { return bcase(I, "upper", a, n, kw, BCase::Upper); }
Value b_swapcase(Isolate& I, const Value* a, size_t n, Tuple* kw) { return bcase(I, "swapcase", a, n, kw, BCase::Swap); }
Value b_title(Isolate& I, const Value* a, size_t n, Tuple* kw) { return bcase(I, "title", a, n, kw, BCase::Title); }
Value b_capitalize(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  return bcase(I, "capitalize", a, n, kw, BCase::Capitalize);
}

template <bool (*Pred)(unsigned char)>
Value bpred(Isolate& I, const char* name, const Value* a, size_t n, Tuple* kw) {
  if (arg_none(I, QualName(a[0], name), n - 1, kw) < 0) return Value::error();
  std::string_view s = bytes_view(a[0]);
  if (s.empty()) return Value::false_();
  for (char c : s)
    if (!Pred(static_cast<unsigned char>(c))) return Value::false_();
  return Value::true_();
}
bool balnum(unsigned char c) { return balpha(c) || bdigit(c); }
Value b_isalpha(Isolate& I, const Value* a, size_t n, Tuple* kw) { return bpred<balpha>(I, "isalpha", a, n, kw); }
Value b_isalnum(Isolate& I, const Value* a, size_t n, Tuple* kw) { return bpred<balnum>(I, "isalnum", a, n, kw); }
Value b_isdigit(Isolate& I, const Value* a, size_t n, Tuple* kw) { return bpred<bdigit>(I, "isdigit", a, n, kw); }
Value b_isspace(Isolate& I, const Value* a, size_t n, Tuple* kw) { return bpred<bspace>(I, "isspace", a, n, kw); }

Value b_isascii(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  if (arg_none(I, QualName(a[0], "isascii"), n - 1, kw) < 0) return Value::error();
  for (char c : bytes_view(a[0]))
    if (static_cast<unsigned char>(c) >= 0x80) return Value::false_();
  return Value::true_();
}

Value b_islower(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  if (arg_none(I, QualName(a[0], "islower"), n - 1, kw) < 0) return Value::error();
  bool cased = false;
  for (char ch : bytes_view(a[0])) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (bupper(c)) return Value::false_();
    if (blower(c)) cased = true;
  }
  return Value::boolean(cased);
}

Value b_isupper(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  if (arg_none(I, QualName(a[0], "isupper"), n - 1, kw) < 0) return Value::error();
  bool cased = false;
  for (char ch : bytes_view(a[0])) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (blower(c)) return Value::false_();
    if (bupper(c)) cased = true;
  }
  return Value::boolean(cased);
}

Value b_istitle(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  if (arg_none(I, QualName(a[0], "istitle"), n - 1, kw) < 0) return Value::error();
  bool cased = false, prev = false;
  for (char ch : bytes_view(a[0])) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (bupper(c)) {
      if (prev) return Value::false_();
      prev = cased = true;
    } else if (blower(c)) {
      if (!prev) return Value::false_();
      prev = cased = true;
    } else {
      prev = false;
    }
  }
  return Value::boolean(cased);
}

// --- padding ---------------------------------------------------------------------------

Value bjustify(Isolate& I, const char* name, const Value* a, size_t n, Tuple* kw, int mode) {
  if (arg_range(I, QualName(a[0], name), name, n - 1, 1, 2, kw) < 0) return Value::error();
  int64_t width;
  if (!get_ssize(I, a[1], &width)) return Value::error();
  char fill = ' ';
  if (n > 2) {
    Value f = a[2];
    if ((is_bytes(f) || is_bytearray(f)) && bytes_view(f).size() == 1) {
      fill = bytes_view(f)[0];
    } else {
      return raisef(I, I.rt.exc_TypeError, "%s() argument 2 must be a byte string of length 1, not %s", name,
                    arg_type_name(I, f));
    }
  }
  std::string_view s = bytes_view(a[0]);
  int64_t len = int64_t(s.size());
  if (width <= len) return same(I, a[0]);
  int64_t marg = width - len;
  int64_t left = mode < 0 ? 0 : mode > 0 ? marg : marg / 2 + (marg & width & 1);
  if (too_big(I, uint64_t(width))) return raise_memory(I);
  std::string out;
  out.reserve(size_t(width));
  out.append(size_t(left), fill);
  out += s;
  out.append(size_t(marg - left), fill);
  return result(I, a[0], out);
}
Value b_ljust(Isolate& I, const Value* a, size_t n, Tuple* kw) { return bjustify(I, "ljust", a, n, kw, -1); }
Value b_rjust(Isolate& I, const Value* a, size_t n, Tuple* kw) { return bjustify(I, "rjust", a, n, kw, 1); }
Value b_center(Isolate& I, const Value* a, size_t n, Tuple* kw) { return bjustify(I, "center", a, n, kw, 0); }

Value b_zfill(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  if (arg_one(I, QualName(a[0], "zfill"), n - 1, kw) < 0) return Value::error();
  int64_t width;
  if (!get_ssize(I, a[1], &width)) return Value::error();
  std::string_view s = bytes_view(a[0]);
  int64_t len = int64_t(s.size());
  if (width <= len) return same(I, a[0]);
  if (too_big(I, uint64_t(width))) return raise_memory(I);
  std::string out(size_t(width - len), '0');
  out += s;
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
    out[0] = s[0];
    out[size_t(width - len)] = '0';
  }
  return result(I, a[0], out);
}

// --- strip / split / join ------------------------------------------------------------------

Value bstrip(Isolate& I, const char* name, const Value* a, size_t n, Tuple* kw, bool left, bool right) {
  if (arg_range(I, QualName(a[0], name), name, n - 1, 0, 1, kw) < 0) return Value::error();
  Buf chars;
  bool ws = n < 2 || a[1].is_none();
  if (!ws && !need_buffer(I, a[1], chars)) return Value::error();
  bool set[256] = {};
  if (!ws)
    for (char c : chars.v) set[static_cast<unsigned char>(c)] = true;
  auto strip = [&](unsigned char c) { return ws ? bspace(c) : set[c]; };
  std::string_view s = bytes_view(a[0]);
  size_t i = 0, j = s.size();
  if (left) while (i < j && strip(static_cast<unsigned char>(s[i]))) ++i;
  if (right) while (j > i && strip(static_cast<unsigned char>(s[j - 1]))) --j;
  if (i == 0 && j == s.size()) return same(I, a[0]);
  return result(I, a[0], s.substr(i, j - i));
}
Value b_strip(Isolate& I, const Value* a, size_t n, Tuple* kw) { return bstrip(I, "strip", a, n, kw, true, true); }
Value b_lstrip(Isolate& I, const Value* a, size_t n, Tuple* kw) { return bstrip(I, "lstrip", a, n, kw, true, false); }
Value b_rstrip(Isolate& I, const Value* a, size_t n, Tuple* kw) { return bstrip(I, "rstrip", a, n, kw, false, true); }

bool parse_split(Isolate& I, const char* name, const Value* a, size_t n, Tuple* kw, Buf& sep, bool* ws,
                 int64_t* maxsplit) {
  Value p[2];
  if (bind_kw(I, name, a + 1, n - 1, kw, {"sep", "maxsplit"}, p) < 0) return false;
  *maxsplit = -1;
  if (!p[1].is_null() && !get_ssize(I, p[1], maxsplit)) return false;
  *ws = p[0].is_null() || p[0].is_none();
  if (!*ws) {
    if (!need_buffer(I, p[0], sep)) return false;
    if (sep.v.empty()) {
      raise(I, I.rt.exc_ValueError, "empty separator");
      return false;
    }
  }
  if (*maxsplit < 0) *maxsplit = INT64_MAX;
  return true;
}

bool push(Isolate& I, List* l, Value self, std::string_view piece) {
  Value v = result(I, self, piece);
  if (v.is_error()) return false;
  return list_append(I, l, v) == 0;
}

Value b_split(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  Buf sep;
  bool ws;
  int64_t maxsplit;
  if (!parse_split(I, "split", a, n, kw, sep, &ws, &maxsplit)) return Value::error();
  std::string copy(bytes_view(a[0]));
  std::string_view s = copy;
  List* l = list_new(I, 0, 0);
  if (!l) return Value::error();
  size_t len = s.size(), i = 0;
  if (ws) {
    while (maxsplit-- > 0) {
      while (i < len && bspace(static_cast<unsigned char>(s[i]))) ++i;
      if (i == len) break;
      size_t j = i;
      while (i < len && !bspace(static_cast<unsigned char>(s[i]))) ++i;
      if (!push(I, l, a[0], s.substr(j, i - j))) return Value::error();
    }
    if (i < len) {
      while (i < len && bspace(static_cast<unsigned char>(s[i]))) ++i;
      if (i < len && !push(I, l, a[0], s.substr(i))) return Value::error();
    }
    return Value::object(l);
  }
  while (maxsplit-- > 0) {
    const char* f = find_fwd(s.data() + i, len - i, sep.v.data(), sep.v.size());
    if (!f) break;
    size_t j = size_t(f - s.data());
    if (!push(I, l, a[0], s.substr(i, j - i))) return Value::error();
    i = j + sep.v.size();
  }
  if (!push(I, l, a[0], s.substr(i))) return Value::error();
  return Value::object(l);
}

Value b_rsplit(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  Buf sep;
  bool ws;
  int64_t maxsplit;
  if (!parse_split(I, "rsplit", a, n, kw, sep, &ws, &maxsplit)) return Value::error();
  std::string copy(bytes_view(a[0]));
  std::string_view s = copy;
  std::vector<std::string_view> parts;
  int64_t i = int64_t(s.size()) - 1;
  if (ws) {
    while (maxsplit-- > 0) {
      while (i >= 0 && bspace(static_cast<unsigned char>(s[size_t(i)]))) --i;
      if (i < 0) break;
      int64_t j = i;
      while (i >= 0 && !bspace(static_cast<unsigned char>(s[size_t(i)]))) --i;
      parts.push_back(s.substr(size_t(i + 1), size_t(j - i)));
    }
    if (i >= 0) {
      while (i >= 0 && bspace(static_cast<unsigned char>(s[size_t(i)]))) --i;
      if (i >= 0) parts.push_back(s.substr(0, size_t(i + 1)));
    }
  } else {
    size_t j = s.size();
    while (maxsplit-- > 0) {
      const char* f = find_rev(s.data(), j, sep.v.data(), sep.v.size());
      if (!f) break;
      size_t k = size_t(f - s.data());
      parts.push_back(s.substr(k + sep.v.size(), j - k - sep.v.size()));
      j = k;
    }
    parts.push_back(s.substr(0, j));
  }
  List* l = list_new(I, 0, parts.size());
  if (!l) return Value::error();
  for (size_t k = parts.size(); k-- > 0;)
    if (!push(I, l, a[0], parts[k])) return Value::error();
  return Value::object(l);
}

Value b_splitlines(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  Value p[1];
  if (bind_kw(I, "splitlines", a + 1, n - 1, kw, {"keepends"}, p) < 0) return Value::error();
  int64_t keep = 0;
  if (!p[0].is_null() && !get_ssize(I, p[0], &keep)) return Value::error();
  std::string copy(bytes_view(a[0]));
  std::string_view s = copy;
  List* l = list_new(I, 0, 0);
  if (!l) return Value::error();
  size_t i = 0, len = s.size();
  while (i < len) {
    size_t j = i;
    while (j < len && s[j] != '\n' && s[j] != '\r') ++j;
    size_t eol = j;
    if (j < len) {
      if (s[j] == '\r' && j + 1 < len && s[j + 1] == '\n') j += 2;
      else ++j;
    }
    if (!push(I, l, a[0], s.substr(i, (keep ? j : eol) - i))) return Value::error();
    i = j;
  }
  return Value::object(l);
}

Value b_join(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  if (arg_one(I, QualName(a[0], "join"), n - 1, kw) < 0) return Value::error();
  Value iterable = a[1];
  Type* t = type_of(I, iterable);
  Value seq = iterable;
  if (!(t->flags & (kTypeListSubclass | kTypeTupleSubclass))) {
    seq = list_from_iterable(I, iterable);
    if (seq.is_error()) {
      if (pending_matches(I, I.rt.exc_TypeError) && !t->iter && !t->getitem) {
        I.pending = nullptr;
        return raise(I, I.rt.exc_TypeError, "can only join an iterable");
      }
      return seq;
    }
  }
  // Collect views first (memoryviews are copied into `keeps`).
  Type* st = type_of(I, seq);
  size_t count = (st->flags & kTypeListSubclass) ? seq.as<List>()->size : seq.as<Tuple>()->size();
  std::vector<Buf> parts(count);
  for (size_t i = 0; i < count; ++i) {
    Value item = (st->flags & kTypeListSubclass) ? seq.as<List>()->items[i] : seq.as<Tuple>()->items[i];
    int r = bytes_like(I, item, &parts[i].v, &parts[i].keep);
    if (r < 0) return Value::error();
    if (r == 0)
      return raisef(I, I.rt.exc_TypeError, "sequence item %zu: expected a bytes-like object, %s found", i,
                    type_name(I, item));
    if (is_bytearray(item)) {
      parts[i].tmp.assign(parts[i].v);  // a bytearray could change under us
      parts[i].v = parts[i].tmp;
    }
    // A list may have shrunk while memoryviews were converted.
    size_t now = (st->flags & kTypeListSubclass) ? seq.as<List>()->size : seq.as<Tuple>()->size();
    if (now < count) {
      count = now;
      parts.resize(count);
    }
  }
  std::string sep(bytes_view(a[0]));
  uint64_t total = count ? sep.size() * (count - 1) : 0;
  for (auto& p : parts) total += p.v.size();
  if (too_big(I, total)) return raise_memory(I);
  std::string out;
  out.reserve(size_t(total));
  for (size_t i = 0; i < count; ++i) {
    if (i) out += sep;
    out += parts[i].v;
  }
  return result(I, a[0], out);
}

Value bpartition(Isolate& I, const char* name, const Value* a, size_t n, Tuple* kw, bool rev) {
  if (arg_one(I, QualName(a[0], name), n - 1, kw) < 0) return Value::error();
  Buf sep;
  if (!need_buffer(I, a[1], sep)) return Value::error();
  if (sep.v.empty()) return raise(I, I.rt.exc_ValueError, "empty separator");
  std::string copy(bytes_view(a[0]));
  std::string sepc(sep.v);
  std::string_view s = copy;
  const char* f = rev ? find_rev(s.data(), s.size(), sepc.data(), sepc.size())
                      : find_fwd(s.data(), s.size(), sepc.data(), sepc.size());
  Value empty = result(I, a[0], {});
  if (empty.is_error()) return empty;
  if (!f) {
    Value whole = same(I, a[0]);
    if (whole.is_error()) return whole;
    Value empty2 = result(I, a[0], {});
    if (empty2.is_error()) return empty2;
    return rev ? tuple_pack(I, {empty, empty2, whole}) : tuple_pack(I, {whole, empty, empty2});
  }
  size_t k = size_t(f - s.data());
  Value l = result(I, a[0], s.substr(0, k));
  if (l.is_error()) return l;
  Value m = (!is_bytearray(a[0]) && is_bytes(a[1]) && a[1].as_object()->type_ == I.rt.bytes_type)
                ? a[1]
                : result(I, a[0], sepc);
  if (m.is_error()) return m;
  Value r = result(I, a[0], s.substr(k + sepc.size()));
  if (r.is_error()) return r;
  return tuple_pack(I, {l, m, r});
}
Value b_partition(Isolate& I, const Value* a, size_t n, Tuple* kw) { return bpartition(I, "partition", a, n, kw, false); }
Value b_rpartition(Isolate& I, const Value* a, size_t n, Tuple* kw) { return bpartition(I, "rpartition", a, n, kw, true); }

Value b_replace(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  if (arg_range(I, QualName(a[0], "replace"), "replace", n - 1, 2, 3, kw) < 0) return Value::error();
  Buf old, rep;
  if (!need_buffer(I, a[1], old) || !need_buffer(I, a[2], rep)) return Value::error();
  int64_t count = -1;
  if (n > 3 && !get_ssize(I, a[3], &count)) return Value::error();
  std::string_view s = bytes_view(a[0]);
  size_t maxc = count < 0 ? SIZE_MAX : size_t(count);
  std::string out;
  if (old.v.empty()) {
    size_t k = 0;
    for (size_t i = 0; i <= s.size(); ++i) {
      if (k < maxc) {
        out += rep.v;
        ++k;
      }
      if (i < s.size()) out.push_back(s[i]);
      if (too_big(I, out.size())) return raise_memory(I);
    }
    return result(I, a[0], out);
  }
  size_t i = 0, k = 0;
  while (k < maxc) {
    const char* f = find_fwd(s.data() + i, s.size() - i, old.v.data(), old.v.size());
    if (!f) break;
    size_t j = size_t(f - s.data());
    out.append(s.data() + i, j - i);
    out += rep.v;
    i = j + old.v.size();
    ++k;
    if (too_big(I, out.size())) return raise_memory(I);
  }
  if (k == 0) return same(I, a[0]);
  out.append(s.data() + i, s.size() - i);
  return result(I, a[0], out);
}

Value b_removeprefix(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  if (arg_one(I, QualName(a[0], "removeprefix"), n - 1, kw) < 0) return Value::error();
  Buf p;
  if (!need_buffer(I, a[1], p)) return Value::error();
  std::string_view s = bytes_view(a[0]);
  if (!p.v.empty() && s.substr(0, p.v.size()) == p.v) return result(I, a[0], s.substr(p.v.size()));
  return same(I, a[0]);
}

Value b_removesuffix(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  if (arg_one(I, QualName(a[0], "removesuffix"), n - 1, kw) < 0) return Value::error();
  Buf p;
  if (!need_buffer(I, a[1], p)) return Value::error();
  std::string_view s = bytes_view(a[0]);
  if (!p.v.empty() && s.size() >= p.v.size() && s.substr(s.size() - p.v.size()) == p.v)
    return result(I, a[0], s.substr(0, s.size() - p.v.size()));
  return same(I, a[0]);
}

Value b_expandtabs(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  Value p[1];
  if (bind_kw(I, "expandtabs", a + 1, n - 1, kw, {"tabsize"}, p) < 0) return Value::error();
  int64_t tabsize = 8;
  if (!p[0].is_null() && !get_ssize(I, p[0], &tabsize)) return Value::error();
  std::string_view s = bytes_view(a[0]);
  std::string out;
  uint64_t col = 0;
  for (char c : s) {
    if (c == '\t') {
      if (tabsize > 0) {
        uint64_t inc = uint64_t(tabsize) - col % uint64_t(tabsize);
        if (out.size() + inc > UINT32_MAX - 64) return raise(I, I.rt.exc_OverflowError, "result too long");
        if (too_big(I, out.size() + inc)) return raise_memory(I);
        out.append(size_t(inc), ' ');
        col += inc;
      }
    } else {
      out.push_back(c);
      ++col;
      if (c == '\n' || c == '\r') col = 0;
    }
  }
  return result(I, a[0], out);
}

// --- decode / hex / translate -----------------------------------------------------------

Value b_decode(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  Value p[2];
  if (bind_kw(I, "decode", a + 1, n - 1, kw, {"encoding", "errors"}, p) < 0) return Value::error();
  std::string_view enc = "utf-8", errs = "strict";
  if (!p[0].is_null()) {
    if (!is_str_value(p[0]))
      return raisef(I, I.rt.exc_TypeError, "decode() argument 'encoding' must be str, not %s", arg_type_name(I, p[0]));
    enc = as_str(p[0])->view();
  }
  if (!p[1].is_null()) {
    if (!is_str_value(p[1]))
      return raisef(I, I.rt.exc_TypeError, "decode() argument 'errors' must be str, not %s", arg_type_name(I, p[1]));
    errs = as_str(p[1])->view();
  }
  std::string copy(bytes_view(a[0]));
  return codec_decode(I, copy, enc, errs);
}

Value b_hex(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  Value p[2];
  if (bind_kw(I, "hex", a + 1, n - 1, kw, {"sep", "bytes_per_sep"}, p) < 0) return Value::error();
  int64_t per = 1;
  if (!p[1].is_null() && !get_ssize(I, p[1], &per)) return Value::error();
  char sep = 0;
  if (!p[0].is_null()) {
    Value sv = p[0];
    std::string_view text;
    if (is_str_value(sv)) {
      Str* ss = as_str(sv);
      if (ss->length != 1) return raise(I, I.rt.exc_ValueError, "sep must be length 1.");
      if (!ss->ascii) return raise(I, I.rt.exc_ValueError, "sep must be ASCII.");
      text = ss->view();
    } else if (is_bytes(sv) || is_bytearray(sv)) {
      text = bytes_view(sv);
      if (text.size() != 1) return raise(I, I.rt.exc_ValueError, "sep must be length 1.");
      if (static_cast<unsigned char>(text[0]) >= 0x80) return raise(I, I.rt.exc_ValueError, "sep must be ASCII.");
    } else {
      int64_t len = length(I, sv);
      if (len < 0) return Value::error();
      if (len != 1) return raise(I, I.rt.exc_ValueError, "sep must be length 1.");
      return raise(I, I.rt.exc_TypeError, "sep must be str or bytes.");
    }
    sep = text[0];
  }
  std::string_view s = bytes_view(a[0]);
  static const char hx[] = "0123456789abcdef";
  std::string out;
  size_t len = s.size();
  if (too_big(I, uint64_t(len) * 3)) return raise_memory(I);
  out.reserve(len * 3);
  uint64_t group = per < 0 ? uint64_t(-(per + 1)) + 1 : uint64_t(per);
  for (size_t i = 0; i < len; ++i) {
    if (sep && group && i > 0) {
      bool put = per > 0 ? (len - i) % group == 0 : i % group == 0;
      if (put) out.push_back(sep);
    }
    unsigned char c = static_cast<unsigned char>(s[i]);
    out.push_back(hx[c >> 4]);
    out.push_back(hx[c & 15]);
  }
  return str_from_utf8_known(I, out, out.size(), true);
}

int hexdigit(uint32_t c) {
  if (c >= '0' && c <= '9') return int(c - '0');
  if (c >= 'a' && c <= 'f') return int(c - 'a' + 10);
  if (c >= 'A' && c <= 'F') return int(c - 'A' + 10);
  return -1;
}

Value b_fromhex(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  // classmethod: a[0] is the class.
  if (arg_one(I, "fromhex", n - 1, kw) < 0) return Value::error();
  Value sv = a[1];
  if (!is_str_value(sv))
    return raisef(I, I.rt.exc_TypeError, "fromhex() argument must be str, not %s", arg_type_name(I, sv));
  Str* s = as_str(sv);
  // Code points are decoded as they are read (no copy of the text): i is
  // the index of the code point at p, for the error messages.
  const char* p = s->data;
  const char* e = p + s->size();
  if (too_big(I, s->size() / 2)) return raise_memory(I);
  std::string out;
  out.reserve(s->size() / 2);
  size_t i = 0;
  auto next = [&]() -> uint32_t { return p < e ? utf8_decode(p) : 0; };
  auto is_space = [](uint32_t c) { return c < 128 && bspace(static_cast<unsigned char>(c)); };
  while (p < e) {
    uint32_t c = next();
    if (is_space(c)) {
      ++i;
      continue;
    }
    int top = hexdigit(c);
    if (top < 0)
      return raisef(I, I.rt.exc_ValueError, "non-hexadecimal number found in fromhex() arg at position %zu", i);
    ++i;
    int bot = p < e ? hexdigit(next()) : -1;
    if (bot < 0)
      return raisef(I, I.rt.exc_ValueError, "non-hexadecimal number found in fromhex() arg at position %zu", i);
    ++i;
    out.push_back(static_cast<char>(top * 16 + bot));
  }
  Type* cls = a[0].is_object() ? static_cast<Type*>(a[0].as_object()) : I.rt.bytes_type;
  bool ba = is_bytearray_type(cls);
  Value r = make_bytes_like(I, ba, out);
  if (r.is_error()) return r;
  if (cls == I.rt.bytes_type || cls == I.rt.bytearray_type) return r;
  return call(I, a[0], &r, 1);
}

Value b_translate(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  Value p[2];
  if (bind_kw(I, "translate", a + 1, n - 1, kw, {"table", "delete"}, p, 1) < 0) return Value::error();
  if (p[0].is_null()) return raise(I, I.rt.exc_TypeError, "translate() takes at least 1 argument (0 given)");
  Buf table, del;
  bool have_table = !p[0].is_none();
  if (have_table) {
    if (!need_buffer(I, p[0], table)) return Value::error();
    if (table.v.size() != 256) return raise(I, I.rt.exc_ValueError, "translation table must be 256 characters long");
  }
  bool dset[256] = {};
  if (!p[1].is_null()) {
    if (!need_buffer(I, p[1], del)) return Value::error();
    for (char c : del.v) dset[static_cast<unsigned char>(c)] = true;
  }
  std::string_view s = bytes_view(a[0]);
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    unsigned char u = static_cast<unsigned char>(c);
    if (dset[u]) continue;
    out.push_back(have_table ? table.v[u] : c);
  }
  if (!is_bytearray(a[0]) && out == s && a[0].as_object()->type_ == I.rt.bytes_type) return a[0];
  return result(I, a[0], out);
}

Value b_maketrans(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  if (arg_range(I, "maketrans", "maketrans", n, 2, 2, kw) < 0) return Value::error();
  Buf from, to;
  if (!need_buffer(I, a[0], from) || !need_buffer(I, a[1], to)) return Value::error();
  if (from.v.size() != to.v.size()) return raise(I, I.rt.exc_ValueError, "maketrans arguments must have same length");
  char table[256];
  for (int i = 0; i < 256; ++i) table[i] = static_cast<char>(i);
  for (size_t i = 0; i < from.v.size(); ++i) table[static_cast<unsigned char>(from.v[i])] = to.v[i];
  return bytes_value(I, std::string_view(table, 256));
}

Value b_getnewargs(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  if (arg_none(I, "bytes.__getnewargs__", n - 1, kw) < 0) return Value::error();
  Value b = bytes_value(I, bytes_view(a[0]));
  if (b.is_error()) return b;
  return tuple_pack(I, {b});
}

Value b_bytes(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  if (arg_none(I, "bytes.__bytes__", n - 1, kw) < 0) return Value::error();
  if (a[0].as_object()->type_ == I.rt.bytes_type) return a[0];
  return bytes_value(I, bytes_view(a[0]));
}

// ============================================================================
// bytes slots
// ============================================================================

Value bytes_repr(Isolate& I, Value self) {
  // Up to four characters per byte ("\\xff"), built in a native buffer.
  if (too_big(I, uint64_t(bytes_view(self).size()) * 4 + 3)) return raise_memory(I);
  std::string out;
  bytes_repr_append(bytes_view(self), out);
  return str_from_utf8_known(I, out, out.size(), true);
}

int64_t bytes_hash_slot(Isolate&, Value self) { return bytes_hash(self.as<Bytes>()); }

Value bytes_richcompare(Isolate& I, Value a, Value b, CompareOp op) {
  if (!is_bytes(a) || !is_bytes(b)) return Value::not_implemented();
  return bytes_compare_views(bytes_view(a), bytes_view(b), op);
}

int64_t bytes_len(Isolate&, Value self) { return int64_t(self.as<Bytes>()->size()); }

Value bytes_getitem(Isolate& I, Value self, Value key) {
  Bytes* b = self.as<Bytes>();
  int64_t i;
  if (key.is_small_int()) {
    i = key.as_small_int();
  } else if (key.is_object() && key.as_object()->type_ == I.rt.slice_type) {
    int64_t start, stop, step, n;
    if (!slice_indices(I, key.as<Slice>(), int64_t(b->size()), &start, &stop, &step, &n)) return Value::error();
    if (step == 1) {
      if (start == 0 && n == int64_t(b->size()) && b->type_ == I.rt.bytes_type) return self;
      return bytes_value(I, std::string_view(b->data + start, size_t(n)));
    }
    Bytes* r = bytes_alloc(I, size_t(n > 0 ? n : 0));
    if (!r) return Value::error();
    for (int64_t k = 0, j = start; k < n; ++k, j += step) r->data[k] = b->data[j];
    return Value::object(r);
  } else {
    int r = seq_index_of(I, key, &i);
    if (r < 0) return Value::error();
    if (r == 0)
      return raisef(I, I.rt.exc_TypeError, "byte indices must be integers or slices, not %s", type_name(I, key));
  }
  int64_t n = int64_t(b->size());
  if (i < 0) i += n;
  if (i < 0 || i >= n) return raise(I, I.rt.exc_IndexError, "index out of range");
  return Value::small_int(static_cast<unsigned char>(b->data[i]));
}

}  // namespace

int bytes_contains_value(Isolate& I, Value self, Value item) {
  if (item.is_small_int() || is_int(I, item) || (!is_bytes(item) && !is_bytearray(item) && type_of(I, item)->nb_index)) {
    uint8_t c;
    if (!byte_value(I, item, &c)) return -1;
    return bytes_view(self).find(static_cast<char>(c)) != std::string_view::npos;
  }
  Buf b;
  int r = bytes_like(I, item, &b.v, &b.keep);
  if (r < 0) return -1;
  if (r == 0) {
    raisef(I, I.rt.exc_TypeError, "a bytes-like object is required, not '%s'", type_name(I, item));
    return -1;
  }
  std::string_view s = bytes_view(self);
  return find_fwd(s.data(), s.size(), b.v.data(), b.v.size()) != nullptr;
}

namespace {

int bytes_contains(Isolate& I, Value self, Value item) { return bytes_contains_value(I, self, item); }

Value bytes_add(Isolate& I, Value a, Value b) {
  if (!is_bytes(a)) return Value::not_implemented();
  Buf bb;
  int r = bytes_like(I, b, &bb.v, &bb.keep);
  if (r < 0) return Value::error();
  if (r == 0) {
    Type* tb = type_of(I, b);
    if (tb->is_heap() && tb->nb[int(NbOp::Add)] && tb->nb[int(NbOp::Add)] != &bytes_add) return Value::not_implemented();
    return raisef(I, I.rt.exc_TypeError, "can't concat %s to %s", type_name(I, b), type_name(I, a));
  }
  std::string_view av = bytes_view(a);
  if (bb.v.empty() && a.as_object()->type_ == I.rt.bytes_type) return a;
  if (av.empty() && is_bytes(b) && b.as_object()->type_ == I.rt.bytes_type) return b;
  if (uint64_t(av.size()) + bb.v.size() > UINT32_MAX - 64) return raise_memory(I);
  Bytes* res = bytes_alloc(I, av.size() + bb.v.size());
  if (!res) return Value::error();
  memcpy(res->data, av.data(), av.size());
  if (!bb.v.empty()) memcpy(res->data + av.size(), bb.v.data(), bb.v.size());
  return Value::object(res);
}

Value bytes_mul(Isolate& I, Value a, Value b) {
  Value seq = a, count = b;
  if (!is_bytes(a)) {
    seq = b;
    count = a;
  }
  if (!is_bytes(seq)) return Value::not_implemented();
  Type* tc = type_of(I, count);
  if (!count.is_small_int() && !is_int(I, count) && !tc->nb_index) {
    BinaryFn f = tc->nb[int(NbOp::Mul)];
    if (tc->is_heap() && f && f != &bytes_mul) return Value::not_implemented();
  }
  int64_t n;
  if (!seq_repeat_count(I, count, &n)) return Value::error();
  std::string_view s = bytes_view(seq);
  if (n <= 0 || s.empty()) return bytes_value(I, {});
  if (n == 1 && seq.as_object()->type_ == I.rt.bytes_type) return seq;
  if (uint64_t(n) > uint64_t(INT64_MAX) / s.size()) return raise(I, I.rt.exc_OverflowError, "repeated bytes are too long");
  uint64_t total = uint64_t(n) * s.size();
  if (total > UINT32_MAX - 64) return raise_memory(I);
  Bytes* r = bytes_alloc(I, size_t(total));
  if (!r) return Value::error();
  if (s.size() == 1) {
    memset(r->data, s[0], size_t(total));
  } else {
    memcpy(r->data, s.data(), s.size());
    size_t done = s.size();
    while (done < total) {
      size_t chunk = done < total - done ? done : size_t(total) - done;
      memcpy(r->data + done, r->data, chunk);
      done += chunk;
    }
  }
  return Value::object(r);
}

Value bytes_mod(Isolate& I, Value a, Value b) {
  if (!is_bytes(a)) return Value::not_implemented();
  std::string fmt(bytes_view(a));
  return bytes_printf(I, fmt, b, false);
}

Value bytes_new_slot(Isolate& I, Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  size_t nkw = kwnames ? kwnames->size() : 0;
  static const char* const names[3] = {"source", "encoding", "errors"};
  Value p[3] = {Value::null(), Value::null(), Value::null()};
  if (nargs + nkw > 3)
    return raisef(I, I.rt.exc_TypeError, "bytes() takes at most 3 arguments (%zu given)", nargs + nkw);
  for (size_t i = 0; i < nargs; ++i) p[i] = args[i];
  for (size_t k = 0; k < nkw; ++k) {
    Str* name = as_str(kwnames->items[k]);
    int idx = -1;
    for (int j = 0; j < 3; ++j)
      if (name->view() == names[j]) idx = j;
    if (idx < 0) return raisef(I, I.rt.exc_TypeError, "'%s' is an invalid keyword argument for bytes()", name->data);
    if (!p[idx].is_null())
      return raisef(I, I.rt.exc_TypeError, "argument for bytes() given by name ('%s') and position (%d)", names[idx],
                    idx + 1);
    p[idx] = args[nargs + k];
  }
  for (int j = 1; j < 3; ++j)
    if (!p[j].is_null() && !is_str_value(p[j]))
      return raisef(I, I.rt.exc_TypeError, "bytes() argument '%s' must be str, not %s", names[j], arg_type_name(I, p[j]));
  Value x = p[0];
  Value res;
  if (x.is_null()) {
    if (!p[1].is_null() || !p[2].is_null())
      return raise(I, I.rt.exc_TypeError,
                   !p[1].is_null() ? "encoding without a string argument" : "errors without a string argument");
    res = bytes_value(I, {});
  } else if (!p[1].is_null()) {
    if (!is_str_value(x)) return raise(I, I.rt.exc_TypeError, "encoding without a string argument");
    res = codec_encode(I, as_str(x), as_str(p[1])->view(), p[2].is_null() ? "strict" : as_str(p[2])->view());
  } else if (!p[2].is_null()) {
    return raise(I, I.rt.exc_TypeError,
                 is_str_value(x) ? "string argument without an encoding" : "errors without a string argument");
  } else {
    Value m = is_bytes(x) && x.as_object()->type_ == I.rt.bytes_type ? Value::null()
                                                                      : lookup_special(I, x, I.rt.n___bytes__);
    if (m.is_error()) return m;
    if (!m.is_null()) {
      res = call(I, m, nullptr, 0);
      if (res.is_error()) return res;
      if (!is_bytes(res))
        return raisef(I, I.rt.exc_TypeError, "__bytes__ returned non-bytes (type %s)", type_name(I, res));
    } else if (is_str_value(x)) {
      return raise(I, I.rt.exc_TypeError, "string argument without an encoding");
    } else if (x.is_small_int() || is_int(I, x) || type_of(I, x)->nb_index) {
      int64_t size;
      if (!index_i64(I, x, &size)) {
        if (!pending_matches(I, I.rt.exc_TypeError)) return Value::error();
        I.pending = nullptr;
        goto from_object;
      }
      if (size < 0) return raise(I, I.rt.exc_ValueError, "negative count");
      if (size > int64_t(UINT32_MAX) - 64) return raise_memory(I);
      Bytes* b = bytes_alloc(I, size_t(size));
      if (!b) return Value::error();
      res = Value::object(b);
    } else {
    from_object:
      Buf buf;
      int r = bytes_like(I, x, &buf.v, &buf.keep);
      if (r < 0) return Value::error();
      if (r > 0) {
        if (x.as_object()->type_ == I.rt.bytes_type && type == I.rt.bytes_type) return x;
        res = bytes_value(I, buf.v);
      } else {
        Type* t = type_of(I, x);
        if (!(t->flags & (kTypeListSubclass | kTypeTupleSubclass)) && !t->iter && !t->getitem)
          return raisef(I, I.rt.exc_TypeError, "cannot convert '%s' object to bytes", type_name(I, x));
        std::string out;
        if (!bytes_from_iterable(I, x, out, "bytes must be in range(0, 256)")) return Value::error();
        res = bytes_value(I, out);
      }
    }
  }
  if (res.is_error() || type == I.rt.bytes_type) return res;
  std::string_view v = bytes_view(res);
  Bytes* b = static_cast<Bytes*>(alloc_instance(I, type, v.size()));
  if (!b) return Value::error();
  b->aux_ = static_cast<uint32_t>(v.size());
  b->hash = -1;
  if (!v.empty()) memcpy(b->data, v.data(), v.size());
  return Value::object(b);
}

// --- iterator ----------------------------------------------------------------------

struct BytesIter : Object {
  Value seq;      // null once exhausted
  size_t index;
};

Value bytes_iter(Isolate& I, Value self) { return bytes_iter_new(I, self); }

Value bytes_iter_next(Isolate& I, Value self) {
  BytesIter* it = self.as<BytesIter>();
  if (it->seq.is_null()) return Value::null();
  std::string_view s = bytes_view(it->seq);
  if (it->index >= s.size()) {
    it->seq = Value::null();
    return Value::null();
  }
  return Value::small_int(static_cast<unsigned char>(s[it->index++]));
}

Value iter_self(Isolate&, Value self) { return self; }

void bytes_iter_trace(Object* o, Tracer& t) { t.visit(static_cast<BytesIter*>(o)->seq); }

Value bytes_iter_length_hint(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  BytesIter* it = a[0].as<BytesIter>();
  if (it->seq.is_null()) return Value::small_int(0);
  size_t len = bytes_view(it->seq).size();
  return Value::small_int(it->index < len ? int64_t(len - it->index) : 0);
}

}  // namespace

Value bytes_iter_new(Isolate& I, Value seq) {
  BytesIter* it = static_cast<BytesIter*>(I.heap.alloc_object(I.rt.bytes_iterator_type, sizeof(BytesIter)));
  if (!it) return raise_memory(I);
  it->seq = seq;
  it->index = 0;
  return Value::object(it);
}

void add_shared_bytes_methods(Runtime& rt, Type* t) {
  add_methods(rt, t, {
      {"capitalize", b_capitalize},
      {"center", b_center},
      {"count", b_count},
      {"decode", b_decode},
      {"endswith", b_endswith},
      {"expandtabs", b_expandtabs},
      {"find", b_find},
      {"fromhex", b_fromhex, kMethodClass},
      {"hex", b_hex},
      {"index", b_index},
      {"isalnum", b_isalnum},
      {"isalpha", b_isalpha},
      {"isascii", b_isascii},
      {"isdigit", b_isdigit},
      {"islower", b_islower},
      {"isspace", b_isspace},
      {"istitle", b_istitle},
      {"isupper", b_isupper},
      {"join", b_join},
      {"ljust", b_ljust},
      {"lower", b_lower},
      {"lstrip", b_lstrip},
      {"maketrans", b_maketrans, kMethodStatic},
      {"partition", b_partition},
      {"removeprefix", b_removeprefix},
      {"removesuffix", b_removesuffix},
      {"replace", b_replace},
      {"rfind", b_rfind},
      {"rindex", b_rindex},
      {"rjust", b_rjust},
      {"rpartition", b_rpartition},
      {"rsplit", b_rsplit},
      {"rstrip", b_rstrip},
      {"split", b_split},
      {"splitlines", b_splitlines},
      {"startswith", b_startswith},
      {"strip", b_strip},
      {"swapcase", b_swapcase},
      {"title", b_title},
      {"translate", b_translate},
      {"upper", b_upper},
      {"zfill", b_zfill},
  });
}

void init_bytes_types(Runtime& rt) {
  Type* t = rt.bytes_type;
  t->basicsize = sizeof(Bytes) + 1;
  t->itemsize = 1;
  t->flags |= kTypeBaseType | kTypeBytesSubclass;
  t->repr = bytes_repr;
  t->str = bytes_repr;
  t->hash = bytes_hash_slot;
  t->richcompare = bytes_richcompare;
  t->len = bytes_len;
  t->getitem = bytes_getitem;
  t->contains = bytes_contains;
  t->iter = bytes_iter;
  t->nb[int(NbOp::Add)] = bytes_add;
  t->nb[int(NbOp::Mul)] = bytes_mul;
  t->nb[int(NbOp::Mod)] = bytes_mod;
  t->new_ = bytes_new_slot;
  add_shared_bytes_methods(rt, t);
  add_methods(rt, t, {
      {"__getnewargs__", b_getnewargs},
      {"__bytes__", b_bytes},
  });

  Type* it = rt.bytes_iterator_type;
  it->basicsize = sizeof(BytesIter);
  it->iter = iter_self;
  it->next = bytes_iter_next;
  it->trace = bytes_iter_trace;
  add_methods(rt, it, {{"__length_hint__", bytes_iter_length_hint}});

  init_bytearray_type(rt);
  // str's methods: the type dicts did not exist yet when init_str_type ran.
  init_str_methods(rt);
}

}  // namespace capy
