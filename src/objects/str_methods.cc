// str's methods (everything but formatting, see str_format.cc), with
// CPython 3.11's semantics and messages. ASCII strings take byte-wise fast
// paths; other strings work on code points decoded from UTF-8.
#include <cstring>
#include <vector>

#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/iterators.h"
#include "objects/list.h"
#include "objects/native.h"
#include "objects/ops.h"
#include "objects/str.h"
#include "objects/str_impl.h"
#include "objects/tuple.h"
#include "objects/unicode.h"
#include "vm/isolate.h"

namespace capy {

void init_str_iterator_methods(Runtime& rt);

namespace {

inline Str* SELF(const Value* args) { return as_str(args[0]); }

inline size_t cp_len(unsigned char c) { return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4; }

/// Decodes a whole str into code points.
void decode_all(const Str* s, std::vector<uint32_t>& out) {
  out.clear();
  out.reserve(s->length);
  const char* p = s->data;
  const char* e = p + s->size();
  while (p < e) out.push_back(utf8_decode(p));
}

Value make_str(Isolate& I, const std::string& s) { return str_from_utf8(I, s); }

/// "find() takes at least 1 argument (0 given)" style (old getargs).
int check_getargs(Isolate& I, const char* name, size_t n, size_t min, size_t max, Tuple* kw) {
  if (kw && kw->size()) {
    raisef(I, I.rt.exc_TypeError, "str.%s() takes no keyword arguments", name);
    return -1;
  }
  if (n < min) {
    raisef(I, I.rt.exc_TypeError, "%s() takes at least %zu argument%s (%zu given)", name, min,
           min == 1 ? "" : "s", n);
    return -1;
  }
  if (n > max) {
    raisef(I, I.rt.exc_TypeError, "%s() takes at most %zu argument%s (%zu given)", name, max,
           max == 1 ? "" : "s", n);
    return -1;
  }
  return 0;
}

/// Argument-clinic style binding of positional-or-keyword parameters
/// (self excluded). Missing ones are left null.
int bind_kw(Isolate& I, const char* fname, const Value* args, size_t nargs, Tuple* kwnames,
            std::initializer_list<const char*> names, Value* out) {
  size_t np = names.size();
  size_t nkw = kwnames ? kwnames->size() : 0;
  for (size_t i = 0; i < np; ++i) out[i] = Value::null();
  if (nargs + nkw > np) {
    raisef(I, I.rt.exc_TypeError, "%s() takes at most %zu argument%s (%zu given)", fname, np,
           np == 1 ? "" : "s", nargs + nkw);
    return -1;
  }
  for (size_t i = 0; i < nargs; ++i) out[i] = args[i];
  for (size_t k = 0; k < nkw; ++k) {
    Str* key = as_str(kwnames->items[k]);
    size_t idx = np;
    size_t j = 0;
    for (const char* nm : names) {
      if (key->view() == nm) idx = j;
      ++j;
    }
    if (idx == np) {
      raisef(I, I.rt.exc_TypeError, "'%s' is an invalid keyword argument for %s()", key->data, fname);
      return -1;
    }
    if (!out[idx].is_null()) {
      raisef(I, I.rt.exc_TypeError, "argument for %s() given by name ('%s') and position (%zu)", fname,
             key->data, idx + 1);
      return -1;
    }
    out[idx] = args[nargs + k];
  }
  return 0;
}

bool get_ssize(Isolate& I, Value v, int64_t* out) {
  if (v.is_small_int()) {
    *out = v.as_small_int();
    return true;
  }
  return index_i64(I, v, out);
}

// --- search helpers ----------------------------------------------------------

/// Converts code point bounds to byte bounds of s.
inline void cp_to_bytes(const Str* s, int64_t start, int64_t end, size_t* bs, size_t* be) {
  if (s->ascii) {
    *bs = size_t(start);
    *be = size_t(end);
    return;
  }
  *bs = str_byte_offset(s, size_t(start));
  *be = end >= int64_t(s->length) ? s->size() : str_byte_offset(s, size_t(end));
}

inline size_t bytes_to_cp(const Str* s, size_t byte_off) {
  if (s->ascii) return byte_off;
  return utf8_count(std::string_view(s->data, byte_off));
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
  for (size_t i = hn - nn + 1; i-- > 0;) {
    if (hay[i] == needle[0] && memcmp(hay + i, needle, nn) == 0) return hay + i;
  }
  return nullptr;
}

size_t count_occurrences(const char* hay, size_t hn, const char* needle, size_t nn, size_t maxcount) {
  size_t count = 0;
  const char* p = hay;
  const char* e = hay + hn;
  while (count < maxcount) {
    const char* f = find_fwd(p, size_t(e - p), needle, nn);
    if (!f) break;
    ++count;
    p = f + nn;
  }
  return count;
}

/// Parses (sub[, start[, end]]) for find/count/index and friends.
bool parse_sub_args(Isolate& I, const char* name, const Value* args, size_t nargs, Tuple* kw,
                    Value* sub, int64_t* start, int64_t* end) {
  if (check_getargs(I, name, nargs - 1, 1, 3, kw) < 0) return false;
  *sub = args[1];
  *start = 0;
  *end = INT64_MAX;
  if (nargs > 2 && !parse_optional_index(I, args[2], start)) return false;
  if (nargs > 3 && !parse_optional_index(I, args[3], end)) return false;
  return true;
}

/// Shared by find/rfind/index/rindex: result index or -1; -2 on error.
int64_t str_find_impl(Isolate& I, const char* name, const Value* args, size_t nargs, Tuple* kw,
                      bool reverse) {
  Value subv;
  int64_t start, end;
  if (!parse_sub_args(I, name, args, nargs, kw, &subv, &start, &end)) return -2;
  if (!is_str_value(subv)) {
    raisef(I, I.rt.exc_TypeError, "must be str, not %s", type_name(I, subv));
    return -2;
  }
  Str* s = SELF(args);
  Str* sub = as_str(subv);
  int64_t len = s->length;
  adjust_indices(start, end, len);
  if (end - start < int64_t(sub->length)) return -1;
  size_t bs, be;
  cp_to_bytes(s, start, end, &bs, &be);
  const char* f = reverse ? find_rev(s->data + bs, be - bs, sub->data, sub->size())
                          : find_fwd(s->data + bs, be - bs, sub->data, sub->size());
  if (!f) return -1;
  return int64_t(bytes_to_cp(s, size_t(f - s->data)));
}

Value m_find(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  int64_t r = str_find_impl(I, "find", a, n, kw, false);
  return r == -2 ? Value::error() : Value::small_int(r);
}
Value m_rfind(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  int64_t r = str_find_impl(I, "rfind", a, n, kw, true);
  return r == -2 ? Value::error() : Value::small_int(r);
}
Value m_index(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  int64_t r = str_find_impl(I, "index", a, n, kw, false);
  if (r == -2) return Value::error();
  if (r == -1) return raise(I, I.rt.exc_ValueError, "substring not found");
  return Value::small_int(r);
}
Value m_rindex(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  int64_t r = str_find_impl(I, "rindex", a, n, kw, true);
  if (r == -2) return Value::error();
  if (r == -1) return raise(I, I.rt.exc_ValueError, "substring not found");
  return Value::small_int(r);
}

Value m_count(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  Value subv;
  int64_t start, end;
  if (!parse_sub_args(I, "count", args, nargs, kw, &subv, &start, &end)) return Value::error();
  if (!is_str_value(subv)) return raisef(I, I.rt.exc_TypeError, "must be str, not %s", type_name(I, subv));
  Str* s = SELF(args);
  Str* sub = as_str(subv);
  adjust_indices(start, end, s->length);
  if (end - start < int64_t(sub->length)) return Value::small_int(0);
  if (sub->size() == 0) return Value::small_int(end - start + 1);
  size_t bs, be;
  cp_to_bytes(s, start, end, &bs, &be);
  return Value::small_int(int64_t(count_occurrences(s->data + bs, be - bs, sub->data, sub->size(), SIZE_MAX)));
}

/// startswith/endswith
Value tailmatch_method(Isolate& I, const char* name, const Value* args, size_t nargs, Tuple* kw, bool end_) {
  Value subv;
  int64_t start, end;
  if (!parse_sub_args(I, name, args, nargs, kw, &subv, &start, &end)) return Value::error();
  Str* s = SELF(args);
  auto match = [&](Str* sub) -> bool {
    int64_t st = start, en = end;
    adjust_indices(st, en, s->length);
    if (en - st < int64_t(sub->length)) return false;
    if (st > int64_t(s->length)) return false;
    if (sub->size() == 0) return true;
    size_t bs, be;
    cp_to_bytes(s, st, en, &bs, &be);
    if (be - bs < sub->size()) return false;
    const char* p = end_ ? s->data + be - sub->size() : s->data + bs;
    return memcmp(p, sub->data, sub->size()) == 0;
  };
  if (subv.is_object() && (subv.as_object()->type_->flags & kTypeTupleSubclass)) {
    Tuple* t = subv.as<Tuple>();
    for (size_t i = 0; i < t->size(); ++i) {
      Value item = t->items[i];
      if (!is_str_value(item))
        return raisef(I, I.rt.exc_TypeError, "tuple for %s must only contain str, not %s", name,
                      type_name(I, item));
      if (match(as_str(item))) return Value::true_();
    }
    return Value::false_();
  }
  if (!is_str_value(subv))
    return raisef(I, I.rt.exc_TypeError, "%s first arg must be str or a tuple of str, not %s", name,
                  type_name(I, subv));
  return Value::boolean(match(as_str(subv)));
}

Value m_startswith(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  return tailmatch_method(I, "startswith", a, n, kw, false);
}
Value m_endswith(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  return tailmatch_method(I, "endswith", a, n, kw, true);
}

// --- case conversion ------------------------------------------------------------

enum class CaseOp { Lower, Upper, Fold, Swap, Title, Capitalize };

/// CPython's lower_ucs4: the final-sigma rule for U+03A3.
int lower_at(const std::vector<uint32_t>& cps, size_t i, uint32_t out[3]) {
  uint32_t c = cps[i];
  if (c == 0x3A3) {
    size_t n = cps.size();
    bool final_sigma;
    size_t j = i;
    uint32_t ch = 0;
    bool found = false;
    while (j > 0) {
      --j;
      ch = cps[j];
      if (!uni::is_case_ignorable(ch)) {
        found = true;
        break;
      }
    }
    final_sigma = found && uni::is_cased(ch);
    if (final_sigma && i + 1 < n) {
      size_t k = i + 1;
      for (; k < n; ++k) {
        ch = cps[k];
        if (!uni::is_case_ignorable(ch)) break;
      }
      final_sigma = k == n || !uni::is_cased(ch);
    }
    out[0] = final_sigma ? 0x3C2 : 0x3C3;
    return 1;
  }
  return uni::to_lower_full(c, out);
}

Value case_convert(Isolate& I, Str* s, CaseOp op) {
  size_t n = s->size();
  if (s->ascii) {
    Str* r = str_alloc(I, n);
    if (!r) return Value::error();
    const char* d = s->data;
    char* o = r->data;
    switch (op) {
      case CaseOp::Lower:
      case CaseOp::Fold:
        for (size_t i = 0; i < n; ++i) {
          char c = d[i];
          o[i] = (c >= 'A' && c <= 'Z') ? char(c + 32) : c;
        }
        break;
      case CaseOp::Upper:
        for (size_t i = 0; i < n; ++i) {
          char c = d[i];
          o[i] = (c >= 'a' && c <= 'z') ? char(c - 32) : c;
        }
        break;
      case CaseOp::Swap:
        for (size_t i = 0; i < n; ++i) {
          char c = d[i];
          o[i] = (c >= 'a' && c <= 'z') ? char(c - 32) : (c >= 'A' && c <= 'Z') ? char(c + 32) : c;
        }
        break;
      case CaseOp::Title: {
        bool prev_cased = false;
        for (size_t i = 0; i < n; ++i) {
          char c = d[i];
          bool lower = c >= 'a' && c <= 'z', upper = c >= 'A' && c <= 'Z';
          if (prev_cased) o[i] = upper ? char(c + 32) : c;
          else o[i] = lower ? char(c - 32) : c;
          prev_cased = lower || upper;
        }
        break;
      }
      case CaseOp::Capitalize:
        for (size_t i = 0; i < n; ++i) {
          char c = d[i];
          if (i == 0) o[i] = (c >= 'a' && c <= 'z') ? char(c - 32) : c;
          else o[i] = (c >= 'A' && c <= 'Z') ? char(c + 32) : c;
        }
        break;
    }
    r->length = static_cast<uint32_t>(n);
    r->ascii = 1;
    return Value::object(r);
  }
  std::vector<uint32_t> cps;
  decode_all(s, cps);
  std::string out;
  out.reserve(n + 8);
  uint32_t m[3];
  bool prev_cased = false;
  for (size_t i = 0; i < cps.size(); ++i) {
    uint32_t c = cps[i];
    int k = 0;
    switch (op) {
      case CaseOp::Lower: k = lower_at(cps, i, m); break;
      case CaseOp::Upper: k = uni::to_upper_full(c, m); break;
      case CaseOp::Fold: k = uni::to_fold_full(c, m); break;
      case CaseOp::Swap:
        if (uni::is_upper(c)) k = lower_at(cps, i, m);
        else if (uni::is_lower(c)) k = uni::to_upper_full(c, m);
        else { m[0] = c; k = 1; }
        break;
      case CaseOp::Title:
        k = prev_cased ? lower_at(cps, i, m) : uni::to_title_full(c, m);
        prev_cased = uni::is_cased(c);
        break;
      case CaseOp::Capitalize:
        k = i == 0 ? uni::to_title_full(c, m) : lower_at(cps, i, m);
        break;
    }
    for (int j = 0; j < k; ++j) utf8_append(out, m[j]);
  }
  return make_str(I, out);
}

#define CASE_METHOD(fname, op, qual)                                        \
  Value fname(Isolate& I, const Value* a, size_t n, Tuple* kw) {            \
    if (arg_none(I, qual, n - 1, kw) < 0) return Value::error();            \
    return case_convert(I, SELF(a), op);                                    \
  }
CASE_METHOD(m_lower, CaseOp::Lower, "str.lower")
CASE_METHOD(m_upper, CaseOp::Upper, "str.upper")
CASE_METHOD(m_casefold, CaseOp::Fold, "str.casefold")
CASE_METHOD(m_swapcase, CaseOp::Swap, "str.swapcase")
CASE_METHOD(m_title, CaseOp::Title, "str.title")
CASE_METHOD(m_capitalize, CaseOp::Capitalize, "str.capitalize")
#undef CASE_METHOD

// --- predicates ------------------------------------------------------------------

template <bool (*Pred)(uint32_t)>
Value all_chars(Str* s) {
  if (s->size() == 0) return Value::false_();
  const char* p = s->data;
  const char* e = p + s->size();
  while (p < e) {
    if (!Pred(utf8_decode(p))) return Value::false_();
  }
  return Value::true_();
}

#define PRED_METHOD(fname, qual, pred)                                      \
  Value fname(Isolate& I, const Value* a, size_t n, Tuple* kw) {            \
    if (arg_none(I, qual, n - 1, kw) < 0) return Value::error();            \
    return all_chars<pred>(SELF(a));                                        \
  }
PRED_METHOD(m_isalpha, "str.isalpha", uni::is_alpha)
PRED_METHOD(m_isalnum, "str.isalnum", uni::is_alnum)
PRED_METHOD(m_isdecimal, "str.isdecimal", uni::is_decimal)
PRED_METHOD(m_isdigit, "str.isdigit", uni::is_digit)
PRED_METHOD(m_isnumeric, "str.isnumeric", uni::is_numeric)
PRED_METHOD(m_isspace, "str.isspace", uni::is_space)
#undef PRED_METHOD

Value m_isascii(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  if (arg_none(I, "str.isascii", n - 1, kw) < 0) return Value::error();
  return Value::boolean(SELF(a)->ascii);
}

Value m_isprintable(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  if (arg_none(I, "str.isprintable", n - 1, kw) < 0) return Value::error();
  Str* s = SELF(a);
  const char* p = s->data;
  const char* e = p + s->size();
  while (p < e) {
    unsigned char c = static_cast<unsigned char>(*p);
    if (c < 0x80) {
      if (c < 0x20 || c == 0x7f) return Value::false_();
      ++p;
      continue;
    }
    if (!uni::is_printable(utf8_decode(p))) return Value::false_();
  }
  return Value::true_();
}

Value m_islower(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  if (arg_none(I, "str.islower", n - 1, kw) < 0) return Value::error();
  Str* s = SELF(a);
  const char* p = s->data;
  const char* e = p + s->size();
  bool cased = false;
  while (p < e) {
    uint32_t c = utf8_decode(p);
    if (uni::is_upper(c) || uni::is_title(c)) return Value::false_();
    if (!cased && uni::is_lower(c)) cased = true;
  }
  return Value::boolean(cased);
}

Value m_isupper(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  if (arg_none(I, "str.isupper", n - 1, kw) < 0) return Value::error();
  Str* s = SELF(a);
  const char* p = s->data;
  const char* e = p + s->size();
  bool cased = false;
  while (p < e) {
    uint32_t c = utf8_decode(p);
    if (uni::is_lower(c) || uni::is_title(c)) return Value::false_();
    if (!cased && uni::is_upper(c)) cased = true;
  }
  return Value::boolean(cased);
}

Value m_istitle(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  if (arg_none(I, "str.istitle", n - 1, kw) < 0) return Value::error();
  Str* s = SELF(a);
  const char* p = s->data;
  const char* e = p + s->size();
  bool cased = false, prev = false;
  while (p < e) {
    uint32_t c = utf8_decode(p);
    if (uni::is_upper(c) || uni::is_title(c)) {
      if (prev) return Value::false_();
      prev = true;
      cased = true;
    } else if (uni::is_lower(c)) {
      if (!prev) return Value::false_();
      prev = true;
      cased = true;
    } else {
      prev = false;
    }
  }
  return Value::boolean(cased);
}

Value m_isidentifier(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  if (arg_none(I, "str.isidentifier", n - 1, kw) < 0) return Value::error();
  Str* s = SELF(a);
  if (s->size() == 0) return Value::false_();
  const char* p = s->data;
  const char* e = p + s->size();
  uint32_t c = utf8_decode(p);
  if (!uni::is_xid_start(c)) return Value::false_();
  while (p < e)
    if (!uni::is_xid_continue(utf8_decode(p))) return Value::false_();
  return Value::true_();
}

// --- padding -----------------------------------------------------------------------

bool parse_fill(Isolate& I, Value v, std::string& fill) {
  if (!is_str_value(v)) {
    raisef(I, I.rt.exc_TypeError, "The fill character must be a unicode character, not %s", type_name(I, v));
    return false;
  }
  Str* f = as_str(v);
  if (f->length != 1) {
    raise(I, I.rt.exc_TypeError, "The fill character must be exactly one character long");
    return false;
  }
  fill.assign(f->data, f->size());
  return true;
}

Value pad(Isolate& I, Str* s, int64_t left, int64_t right, const std::string& fill) {
  if (left < 0) left = 0;
  if (right < 0) right = 0;
  if (left == 0 && right == 0) return str_exact(I, s);
  uint64_t total = s->size() + uint64_t(left + right) * fill.size();
  if (total > UINT32_MAX - 64) return raise_memory(I);
  Str* r = str_alloc(I, size_t(total));
  if (!r) return Value::error();
  char* o = r->data;
  if (fill.size() == 1) {
    memset(o, fill[0], size_t(left));
    o += left;
  } else {
    for (int64_t i = 0; i < left; ++i, o += fill.size()) memcpy(o, fill.data(), fill.size());
  }
  memcpy(o, s->data, s->size());
  o += s->size();
  if (fill.size() == 1) {
    memset(o, fill[0], size_t(right));
  } else {
    for (int64_t i = 0; i < right; ++i, o += fill.size()) memcpy(o, fill.data(), fill.size());
  }
  r->length = static_cast<uint32_t>(s->length + left + right);
  r->ascii = s->ascii && fill.size() == 1;
  return Value::object(r);
}

Value justify(Isolate& I, const char* qual, const char* name, const Value* a, size_t n, Tuple* kw, int mode) {
  if (arg_range(I, qual, name, n - 1, 1, 2, kw) < 0) return Value::error();
  int64_t width;
  if (!get_ssize(I, a[1], &width)) return Value::error();
  std::string fill = " ";
  if (n > 2 && !parse_fill(I, a[2], fill)) return Value::error();
  Str* s = SELF(a);
  int64_t len = s->length;
  if (width <= len) return str_exact(I, s);
  int64_t marg = width - len;
  if (mode < 0) return pad(I, s, 0, marg, fill);
  if (mode > 0) return pad(I, s, marg, 0, fill);
  int64_t left = marg / 2 + (marg & width & 1);
  return pad(I, s, left, marg - left, fill);
}

Value m_ljust(Isolate& I, const Value* a, size_t n, Tuple* kw) { return justify(I, "str.ljust", "ljust", a, n, kw, -1); }
Value m_rjust(Isolate& I, const Value* a, size_t n, Tuple* kw) { return justify(I, "str.rjust", "rjust", a, n, kw, 1); }
Value m_center(Isolate& I, const Value* a, size_t n, Tuple* kw) { return justify(I, "str.center", "center", a, n, kw, 0); }

Value m_zfill(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  if (arg_one(I, "str.zfill", n - 1, kw) < 0) return Value::error();
  int64_t width;
  if (!get_ssize(I, a[1], &width)) return Value::error();
  Str* s = SELF(a);
  int64_t len = s->length;
  if (width <= len) return str_exact(I, s);
  int64_t fill = width - len;
  Value pv = pad(I, s, fill, 0, "0");
  if (pv.is_error()) return pv;
  Str* r = as_str(pv);
  if (s->size() > 0 && (s->data[0] == '+' || s->data[0] == '-')) {
    r->data[0] = s->data[0];
    r->data[fill] = '0';
  }
  return pv;
}

// --- strip ---------------------------------------------------------------------------

Value do_strip(Isolate& I, const char* name, const Value* a, size_t n, Tuple* kw, bool left, bool right) {
  char qual[32];
  snprintf(qual, sizeof qual, "str.%s", name);
  if (arg_range(I, qual, name, n - 1, 0, 1, kw) < 0) return Value::error();
  Str* s = SELF(a);
  const char* d = s->data;
  size_t bs = 0, be = s->size();
  Value chars = n > 1 ? a[1] : Value::none();
  if (chars.is_none()) {
    if (s->ascii) {
      if (left) while (bs < be && uni::ascii_space(static_cast<unsigned char>(d[bs]))) ++bs;
      if (right) while (be > bs && uni::ascii_space(static_cast<unsigned char>(d[be - 1]))) --be;
    } else {
      if (left) {
        while (bs < be) {
          const char* p = d + bs;
          if (!uni::is_space(utf8_decode(p))) break;
          bs = size_t(p - d);
        }
      }
      if (right) {
        while (be > bs) {
          size_t q = be - 1;
          while (q > bs && (static_cast<unsigned char>(d[q]) & 0xC0) == 0x80) --q;
          const char* p = d + q;
          if (!uni::is_space(utf8_decode(p))) break;
          be = q;
        }
      }
    }
  } else {
    if (!is_str_value(chars))
      return raisef(I, I.rt.exc_TypeError, "%s arg must be None or str", name);
    Str* cs = as_str(chars);
    if (cs->ascii && s->ascii) {
      bool set[128] = {};
      for (size_t i = 0; i < cs->size(); ++i) set[static_cast<unsigned char>(cs->data[i])] = true;
      if (left) while (bs < be && set[static_cast<unsigned char>(d[bs])]) ++bs;
      if (right) while (be > bs && set[static_cast<unsigned char>(d[be - 1])]) --be;
    } else {
      std::vector<uint32_t> set;
      decode_all(cs, set);
      auto in = [&](uint32_t c) {
        for (uint32_t x : set)
          if (x == c) return true;
        return false;
      };
      if (left) {
        while (bs < be) {
          const char* p = d + bs;
          if (!in(utf8_decode(p))) break;
          bs = size_t(p - d);
        }
      }
      if (right) {
        while (be > bs) {
          size_t q = be - 1;
          while (q > bs && (static_cast<unsigned char>(d[q]) & 0xC0) == 0x80) --q;
          const char* p = d + q;
          if (!in(utf8_decode(p))) break;
          be = q;
        }
      }
    }
  }
  if (bs == 0 && be == s->size()) return str_exact(I, s);
  std::string_view v(d + bs, be - bs);
  if (s->ascii) return str_from_utf8_known(I, v, v.size(), true);
  return str_from_utf8(I, v);
}

Value m_strip(Isolate& I, const Value* a, size_t n, Tuple* kw) { return do_strip(I, "strip", a, n, kw, true, true); }
Value m_lstrip(Isolate& I, const Value* a, size_t n, Tuple* kw) { return do_strip(I, "lstrip", a, n, kw, true, false); }
Value m_rstrip(Isolate& I, const Value* a, size_t n, Tuple* kw) { return do_strip(I, "rstrip", a, n, kw, false, true); }

// --- split / join ------------------------------------------------------------------------

/// Appends s[bs:be) (byte offsets) as a new str to the list.
inline bool push_piece(Isolate& I, List* l, Str* s, size_t bs, size_t be) {
  Value v;
  if (bs == 0 && be == s->size()) v = str_exact(I, s);
  else if (s->ascii) v = str_from_utf8_known(I, std::string_view(s->data + bs, be - bs), be - bs, true);
  else v = str_from_utf8(I, std::string_view(s->data + bs, be - bs));
  if (v.is_error()) return false;
  return list_append(I, l, v) == 0;
}

/// Whitespace test at byte offset `at`; sets *next to the byte after it.
inline bool space_at(Str* s, size_t at, size_t* next) {
  unsigned char c = static_cast<unsigned char>(s->data[at]);
  if (c < 0x80) {
    *next = at + 1;
    return uni::ascii_space(c);
  }
  const char* p = s->data + at;
  uint32_t cp = utf8_decode(p);
  *next = size_t(p - s->data);
  return uni::is_space(cp);
}

/// Start offset of the character that ends at byte `end` (exclusive).
inline size_t prev_char(const Str* s, size_t end) {
  size_t q = end - 1;
  while (q > 0 && (static_cast<unsigned char>(s->data[q]) & 0xC0) == 0x80) --q;
  return q;
}

bool parse_split_args(Isolate& I, const char* name, const Value* a, size_t n, Tuple* kw, Value* sep,
                      int64_t* maxsplit) {
  Value p[2];
  if (bind_kw(I, name, a + 1, n - 1, kw, {"sep", "maxsplit"}, p) < 0) return false;
  *sep = p[0].is_null() ? Value::none() : p[0];
  *maxsplit = -1;
  if (!p[1].is_null() && !get_ssize(I, p[1], maxsplit)) return false;
  if (!sep->is_none()) {
    if (!is_str_value(*sep)) {
      raisef(I, I.rt.exc_TypeError, "must be str or None, not %s", type_name(I, *sep));
      return false;
    }
    if (as_str(*sep)->size() == 0) {
      raise(I, I.rt.exc_ValueError, "empty separator");
      return false;
    }
  }
  return true;
}

Value m_split(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  Value sep;
  int64_t maxsplit;
  if (!parse_split_args(I, "split", a, n, kw, &sep, &maxsplit)) return Value::error();
  if (maxsplit < 0) maxsplit = INT64_MAX;
  Str* s = SELF(a);
  List* l = list_new(I, 0, 0);
  if (!l) return Value::error();
  size_t len = s->size();
  if (sep.is_none()) {
    size_t i = 0, nx = 0;
    while (maxsplit-- > 0) {
      while (i < len && space_at(s, i, &nx)) i = nx;
      if (i == len) break;
      size_t j = i;
      while (j < len && !space_at(s, j, &nx)) j = nx;
      if (!push_piece(I, l, s, i, j)) return Value::error();
      if (j == len) { i = len; break; }
      i = nx;  // past the whitespace char
    }
    if (i < len) {
      // Remaining text after maxsplit splits, with leading whitespace removed.
      while (i < len && space_at(s, i, &nx)) i = nx;
      if (i < len && !push_piece(I, l, s, i, len)) return Value::error();
    }
    return Value::object(l);
  }
  Str* sp = as_str(sep);
  size_t i = 0;
  while (maxsplit-- > 0) {
    const char* f = find_fwd(s->data + i, len - i, sp->data, sp->size());
    if (!f) break;
    size_t j = size_t(f - s->data);
    if (!push_piece(I, l, s, i, j)) return Value::error();
    i = j + sp->size();
  }
  if (!push_piece(I, l, s, i, len)) return Value::error();
  return Value::object(l);
}

Value reverse_list(Isolate& I, List* l) {
  for (size_t i = 0, j = l->size; i + 1 < j; ++i, --j) {
    Value t = l->items[i];
    l->items[i] = l->items[j - 1];
    l->items[j - 1] = t;
  }
  return Value::object(l);
}

Value m_rsplit(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  Value sep;
  int64_t maxsplit;
  if (!parse_split_args(I, "rsplit", a, n, kw, &sep, &maxsplit)) return Value::error();
  if (maxsplit < 0) maxsplit = INT64_MAX;
  Str* s = SELF(a);
  List* l = list_new(I, 0, 0);
  if (!l) return Value::error();
  size_t len = s->size();
  if (sep.is_none()) {
    size_t j = len, nx = 0;
    while (maxsplit-- > 0) {
      while (j > 0) {
        size_t q = prev_char(s, j);
        if (!space_at(s, q, &nx)) break;
        j = q;
      }
      if (j == 0) break;
      size_t i = j;
      size_t q = 0;
      bool hit = false;
      while (i > 0) {
        q = prev_char(s, i);
        if (space_at(s, q, &nx)) { hit = true; break; }
        i = q;
      }
      if (!push_piece(I, l, s, i, j)) return Value::error();
      if (!hit) { j = 0; break; }
      j = q;
    }
    if (j > 0) {
      while (j > 0) {
        size_t q = prev_char(s, j);
        if (!space_at(s, q, &nx)) break;
        j = q;
      }
      if (j > 0 && !push_piece(I, l, s, 0, j)) return Value::error();
    }
    return reverse_list(I, l);
  }
  Str* sp = as_str(sep);
  size_t j = len;
  while (maxsplit-- > 0) {
    const char* f = find_rev(s->data, j, sp->data, sp->size());
    if (!f) break;
    size_t i = size_t(f - s->data);
    if (!push_piece(I, l, s, i + sp->size(), j)) return Value::error();
    j = i;
  }
  if (!push_piece(I, l, s, 0, j)) return Value::error();
  return reverse_list(I, l);
}

Value m_splitlines(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  Value p[1];
  if (bind_kw(I, "splitlines", a + 1, n - 1, kw, {"keepends"}, p) < 0) return Value::error();
  int64_t keep = 0;
  if (!p[0].is_null() && !get_ssize(I, p[0], &keep)) return Value::error();
  Str* s = SELF(a);
  List* l = list_new(I, 0, 0);
  if (!l) return Value::error();
  size_t len = s->size(), i = 0;
  const char* d = s->data;
  while (i < len) {
    size_t j = i, eol = len, after = len;
    while (j < len) {
      unsigned char c = static_cast<unsigned char>(d[j]);
      if (c < 0x80) {
        if (c == '\n' || c == '\v' || c == '\f' || c == 0x1c || c == 0x1d || c == 0x1e) {
          eol = j;
          after = j + 1;
          break;
        }
        if (c == '\r') {
          eol = j;
          after = (j + 1 < len && d[j + 1] == '\n') ? j + 2 : j + 1;
          break;
        }
        ++j;
        continue;
      }
      const char* q = d + j;
      uint32_t cp = utf8_decode(q);
      if (cp == 0x85 || cp == 0x2028 || cp == 0x2029) {
        eol = j;
        after = size_t(q - d);
        break;
      }
      j = size_t(q - d);
    }
    if (!push_piece(I, l, s, i, keep ? after : eol)) return Value::error();
    i = after;
  }
  return Value::object(l);
}

Value m_join(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  if (arg_one(I, "str.join", n - 1, kw) < 0) return Value::error();
  Str* sep = SELF(a);
  Value iterable = a[1];
  Value seq;
  Type* t = type_of(I, iterable);
  if ((t->flags & kTypeListSubclass) || (t->flags & kTypeTupleSubclass)) {
    seq = iterable;
  } else {
    seq = list_from_iterable(I, iterable);
    if (seq.is_error()) {
      if (pending_matches(I, I.rt.exc_TypeError) && !t->iter && !t->getitem) {
        I.pending = nullptr;
        return raise(I, I.rt.exc_TypeError, "can only join an iterable");
      }
      return seq;
    }
  }
  const Value* items;
  size_t count;
  if (type_of(I, seq)->flags & kTypeListSubclass) {
    items = seq.as<List>()->items;
    count = seq.as<List>()->size;
  } else {
    items = seq.as<Tuple>()->items;
    count = seq.as<Tuple>()->size();
  }
  if (count == 0) return Value::object(I.rt.n_empty);
  if (count == 1 && items[0].is_object() && items[0].as_object()->type_ == I.rt.str_type) return items[0];
  uint64_t total = uint64_t(sep->size()) * (count - 1);
  uint64_t cps = uint64_t(sep->length) * (count - 1);
  bool ascii = sep->ascii;
  for (size_t i = 0; i < count; ++i) {
    Value v = items[i];
    if (!is_str_value(v))
      return raisef(I, I.rt.exc_TypeError, "sequence item %zu: expected str instance, %s found", i,
                    type_name(I, v));
    Str* x = as_str(v);
    total += x->size();
    cps += x->length;
    ascii = ascii && x->ascii;
  }
  if (total > UINT32_MAX - 64) return raise_memory(I);
  Str* r = str_alloc(I, size_t(total));
  if (!r) return Value::error();
  char* o = r->data;
  for (size_t i = 0; i < count; ++i) {
    if (i && sep->size()) {
      memcpy(o, sep->data, sep->size());
      o += sep->size();
    }
    Str* x = as_str(items[i]);
    memcpy(o, x->data, x->size());
    o += x->size();
  }
  r->length = static_cast<uint32_t>(cps);
  r->ascii = ascii;
  if (cps <= 1) return str_from_utf8(I, r->view());
  return Value::object(r);
}

Value m_partition_impl(Isolate& I, const Value* a, size_t n, Tuple* kw, bool rev) {
  if (arg_one(I, rev ? "str.rpartition" : "str.partition", n - 1, kw) < 0) return Value::error();
  Value sepv = a[1];
  if (!is_str_value(sepv)) return raisef(I, I.rt.exc_TypeError, "must be str, not %s", type_name(I, sepv));
  Str* s = SELF(a);
  Str* sep = as_str(sepv);
  if (sep->size() == 0) return raise(I, I.rt.exc_ValueError, "empty separator");
  const char* f = rev ? find_rev(s->data, s->size(), sep->data, sep->size())
                      : find_fwd(s->data, s->size(), sep->data, sep->size());
  Value empty = Value::object(I.rt.n_empty);
  if (!f) {
    Value whole = a[0];  // CPython returns self, even for a subclass
    return rev ? tuple_pack(I, {empty, empty, whole}) : tuple_pack(I, {whole, empty, empty});
  }
  size_t i = size_t(f - s->data);
  Value left = s->ascii ? str_from_utf8_known(I, std::string_view(s->data, i), i, true)
                        : str_from_utf8(I, std::string_view(s->data, i));
  if (left.is_error()) return left;
  size_t j = i + sep->size();
  Value right = s->ascii ? str_from_utf8_known(I, std::string_view(s->data + j, s->size() - j), s->size() - j, true)
                         : str_from_utf8(I, std::string_view(s->data + j, s->size() - j));
  if (right.is_error()) return right;
  Value mid = str_exact(I, sep);
  if (mid.is_error()) return mid;
  return tuple_pack(I, {left, mid, right});
}
Value m_partition(Isolate& I, const Value* a, size_t n, Tuple* kw) { return m_partition_impl(I, a, n, kw, false); }
Value m_rpartition(Isolate& I, const Value* a, size_t n, Tuple* kw) { return m_partition_impl(I, a, n, kw, true); }

// --- replace ----------------------------------------------------------------------------------

Value m_replace(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  if (arg_range(I, "str.replace", "replace", n - 1, 2, 3, kw) < 0) return Value::error();
  if (!is_str_value(a[1]))
    return raisef(I, I.rt.exc_TypeError, "replace() argument 1 must be str, not %s", arg_type_name(I, a[1]));
  if (!is_str_value(a[2]))
    return raisef(I, I.rt.exc_TypeError, "replace() argument 2 must be str, not %s", arg_type_name(I, a[2]));
  int64_t count = -1;
  if (n > 3 && !get_ssize(I, a[3], &count)) return Value::error();
  Str* s = SELF(a);
  Str* old = as_str(a[1]);
  Str* rep = as_str(a[2]);
  size_t maxc = count < 0 ? SIZE_MAX : size_t(count);
  if (maxc == 0) return str_exact(I, s);
  if (old->size() == 0) {
    // Insert rep before every character and at the end (up to count times).
    size_t slots = size_t(s->length) + 1;
    size_t k = slots < maxc ? slots : maxc;
    if (k == 0) return str_exact(I, s);
    uint64_t total = s->size() + uint64_t(k) * rep->size();
    if (total > UINT32_MAX - 64) return raise_memory(I);
    Str* r = str_alloc(I, size_t(total));
    if (!r) return Value::error();
    char* o = r->data;
    const char* p = s->data;
    const char* e = p + s->size();
    for (size_t i = 0; i < k; ++i) {
      memcpy(o, rep->data, rep->size());
      o += rep->size();
      if (p < e) {
        size_t cl = cp_len(static_cast<unsigned char>(*p));
        memcpy(o, p, cl);
        o += cl;
        p += cl;
      }
    }
    memcpy(o, p, size_t(e - p));
    r->length = static_cast<uint32_t>(s->length + k * rep->length);
    r->ascii = s->ascii && rep->ascii;
    return Value::object(r);
  }
  size_t found = count_occurrences(s->data, s->size(), old->data, old->size(), maxc);
  if (found == 0) return str_exact(I, s);
  int64_t delta = int64_t(rep->size()) - int64_t(old->size());
  int64_t total = int64_t(s->size()) + delta * int64_t(found);
  if (total > int64_t(UINT32_MAX) - 64) return raise_memory(I);
  Str* r = str_alloc(I, size_t(total));
  if (!r) return Value::error();
  char* o = r->data;
  const char* p = s->data;
  const char* e = p + s->size();
  for (size_t i = 0; i < found; ++i) {
    const char* f = find_fwd(p, size_t(e - p), old->data, old->size());
    memcpy(o, p, size_t(f - p));
    o += f - p;
    memcpy(o, rep->data, rep->size());
    o += rep->size();
    p = f + old->size();
  }
  memcpy(o, p, size_t(e - p));
  r->length = static_cast<uint32_t>(int64_t(s->length) + (int64_t(rep->length) - int64_t(old->length)) * int64_t(found));
  if (s->ascii && rep->ascii) {
    r->ascii = 1;
  } else {
    str_finish(r);
  }
  if (r->length <= 1) return str_from_utf8(I, r->view());
  return Value::object(r);
}

Value m_removeprefix(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  if (arg_one(I, "str.removeprefix", n - 1, kw) < 0) return Value::error();
  if (!is_str_value(a[1]))
    return raisef(I, I.rt.exc_TypeError, "removeprefix() argument must be str, not %s", arg_type_name(I, a[1]));
  Str* s = SELF(a);
  Str* p = as_str(a[1]);
  if (p->size() && p->size() <= s->size() && memcmp(s->data, p->data, p->size()) == 0)
    return str_from_utf8(I, std::string_view(s->data + p->size(), s->size() - p->size()));
  return str_exact(I, s);
}

Value m_removesuffix(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  if (arg_one(I, "str.removesuffix", n - 1, kw) < 0) return Value::error();
  if (!is_str_value(a[1]))
    return raisef(I, I.rt.exc_TypeError, "removesuffix() argument must be str, not %s", arg_type_name(I, a[1]));
  Str* s = SELF(a);
  Str* p = as_str(a[1]);
  if (p->size() && p->size() <= s->size() && memcmp(s->data + s->size() - p->size(), p->data, p->size()) == 0)
    return str_from_utf8(I, std::string_view(s->data, s->size() - p->size()));
  return str_exact(I, s);
}

Value m_expandtabs(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  Value p[1];
  if (bind_kw(I, "expandtabs", a + 1, n - 1, kw, {"tabsize"}, p) < 0) return Value::error();
  int64_t tabsize = 8;
  if (!p[0].is_null() && !get_ssize(I, p[0], &tabsize)) return Value::error();
  Str* s = SELF(a);
  if (!memchr(s->data, '\t', s->size())) return str_exact(I, s);
  // First pass: the result size (guards against huge tab sizes).
  uint64_t col = 0, total = 0;
  const char* d = s->data;
  for (size_t i = 0; i < s->size(); ++i) {
    unsigned char c = static_cast<unsigned char>(d[i]);
    if (c == '\t') {
      if (tabsize > 0) {
        uint64_t inc = uint64_t(tabsize) - col % uint64_t(tabsize);
        col += inc;
        total += inc;
      }
    } else {
      total += 1;
      if ((c & 0xC0) != 0x80) ++col;
      if (c == '\n' || c == '\r') col = 0;
    }
    if (total > UINT32_MAX - 64) return raise(I, I.rt.exc_OverflowError, "new string is too long");
  }
  Str* r = str_alloc(I, size_t(total));
  if (!r) return Value::error();
  char* o = r->data;
  col = 0;
  for (size_t i = 0; i < s->size(); ++i) {
    unsigned char c = static_cast<unsigned char>(d[i]);
    if (c == '\t') {
      if (tabsize > 0) {
        uint64_t inc = uint64_t(tabsize) - col % uint64_t(tabsize);
        memset(o, ' ', size_t(inc));
        o += inc;
        col += inc;
      }
    } else {
      *o++ = char(c);
      if ((c & 0xC0) != 0x80) ++col;
      if (c == '\n' || c == '\r') col = 0;
    }
  }
  str_finish(r);
  if (r->length <= 1) return str_from_utf8(I, r->view());
  return Value::object(r);
}

// --- translate / maketrans ----------------------------------------------------------------

Value m_translate(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  if (arg_one(I, "str.translate", n - 1, kw) < 0) return Value::error();
  Str* s = SELF(a);
  Value table = a[1];
  bool is_dict = table.is_object() && table.as_object()->type_ == I.rt.dict_type;
  std::string out;
  out.reserve(s->size());
  // Cache for ASCII characters: -2 unknown, -1 deleted, else index into cache_text.
  std::string cache_text[128];
  int8_t cache_state[128];
  memset(cache_state, 0, sizeof cache_state);  // 0 unknown, 1 keep, 2 delete, 3 text
  const char* p = s->data;
  const char* e = p + s->size();
  while (p < e) {
    const char* start = p;
    uint32_t cp = utf8_decode(p);
    if (cp < 128 && cache_state[cp]) {
      if (cache_state[cp] == 1) out.push_back(char(cp));
      else if (cache_state[cp] == 3) out += cache_text[cp];
      continue;
    }
    Value key = Value::small_int(cp);
    Value v;
    if (is_dict) {
      v = dict_get(I, table.as<Dict>(), key);
      if (v.is_error()) return v;
    } else {
      v = get_item(I, table, key);
      if (v.is_error()) {
        if (!pending_matches(I, I.rt.exc_LookupError)) return v;
        I.pending = nullptr;
        v = Value::null();
      }
    }
    std::string piece;
    int state;
    if (v.is_null()) {
      piece.assign(start, size_t(p - start));
      state = 1;
    } else if (v.is_none()) {
      state = 2;
    } else if (is_int(I, v)) {
      int64_t x;
      Value iv = int_unwrap(I, v);
      if (!int_to_i64(iv, &x) || x < 0 || x > 0x10FFFF)
        return raise(I, I.rt.exc_ValueError, "character mapping must be in range(0x110000)");
      utf8_append(piece, uint32_t(x));
      state = 3;
    } else if (is_str_value(v)) {
      piece.assign(as_str(v)->data, as_str(v)->size());
      state = 3;
    } else {
      return raise(I, I.rt.exc_TypeError, "character mapping must return integer, None or str");
    }
    out += piece;
    if (cp < 128) {
      cache_state[cp] = int8_t(state);
      if (state == 3) cache_text[cp] = piece;
    }
  }
  return make_str(I, out);
}

Value m_maketrans(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  // static method: no self.
  if (arg_range(I, "str.maketrans", "maketrans", n, 1, 3, kw) < 0) return Value::error();
  Dict* d = dict_new(I);
  if (!d) return Value::error();
  if (n == 1) {
    Value x = a[0];
    if (!(x.is_object() && (x.as_object()->type_->flags & kTypeDictSubclass)))
      return raise(I, I.rt.exc_TypeError, "if you give only one argument to maketrans it must be a dict");
    Dict* src = x.as<Dict>();
    uint32_t pos = 0;
    Value k, v;
    while (dict_next(src, &pos, &k, &v)) {
      Value key;
      if (is_str_value(k)) {
        Str* ks = as_str(k);
        if (ks->length != 1)
          return raise(I, I.rt.exc_ValueError, "string keys in translate table must be of length 1");
        key = Value::small_int(str_char_at(ks, 0));
      } else if (is_int(I, k)) {
        key = k;
      } else {
        return raise(I, I.rt.exc_TypeError, "keys in translate table must be strings or integers");
      }
      if (dict_set(I, d, key, v) < 0) return Value::error();
    }
    return Value::object(d);
  }
  for (size_t i = 1; i < n; ++i) {
    if (!is_str_value(a[i]))
      return raisef(I, I.rt.exc_TypeError, "maketrans() argument %zu must be str, not %s", i + 1,
                    arg_type_name(I, a[i]));
  }
  if (!is_str_value(a[0]))
    return raise(I, I.rt.exc_TypeError, "first maketrans argument must be a string if there is a second argument");
  Str* x = as_str(a[0]);
  Str* y = as_str(a[1]);
  if (x->length != y->length)
    return raise(I, I.rt.exc_ValueError, "the first two maketrans arguments must have equal length");
  const char* p = x->data;
  const char* q = y->data;
  for (size_t i = 0; i < x->length; ++i) {
    uint32_t c1 = utf8_decode(p), c2 = utf8_decode(q);
    if (dict_set(I, d, Value::small_int(c1), Value::small_int(c2)) < 0) return Value::error();
  }
  if (n == 3) {
    Str* z = as_str(a[2]);
    const char* r = z->data;
    for (size_t i = 0; i < z->length; ++i)
      if (dict_set(I, d, Value::small_int(utf8_decode(r)), Value::none()) < 0) return Value::error();
  }
  return Value::object(d);
}

// --- encode / misc ------------------------------------------------------------------------

Value m_encode(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  Value p[2];
  if (bind_kw(I, "encode", a + 1, n - 1, kw, {"encoding", "errors"}, p) < 0) return Value::error();
  std::string_view enc = "utf-8", errs = "strict";
  if (!p[0].is_null()) {
    if (!is_str_value(p[0]))
      return raisef(I, I.rt.exc_TypeError, "encode() argument 'encoding' must be str, not %s", arg_type_name(I, p[0]));
    enc = as_str(p[0])->view();
  }
  if (!p[1].is_null()) {
    if (!is_str_value(p[1]))
      return raisef(I, I.rt.exc_TypeError, "encode() argument 'errors' must be str, not %s", arg_type_name(I, p[1]));
    errs = as_str(p[1])->view();
  }
  return codec_encode(I, SELF(a), enc, errs);
}

Value m_getnewargs(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  if (arg_none(I, "str.__getnewargs__", n - 1, kw) < 0) return Value::error();
  Str* copy = str_new(I, SELF(a)->view());
  if (!copy) return Value::error();
  Value cv = Value::object(copy);
  return tuple_pack(I, {cv});
}

Value m_sizeof(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  if (arg_none(I, "str.__sizeof__", n - 1, kw) < 0) return Value::error();
  Str* s = SELF(a);
  return Value::small_int(int64_t(sizeof(Str) + s->size() + 1));
}

Value m_format(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  return str_format_method(I, SELF(a), a + 1, n - 1, kw);
}

Value m_format_map(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  if (arg_one(I, "str.format_map", n - 1, kw) < 0) return Value::error();
  return str_format_map(I, SELF(a), a[1]);
}

Value m_dunder_format(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  if (arg_one(I, "str.__format__", n - 1, kw) < 0) return Value::error();
  if (!is_str_value(a[1]))
    return raisef(I, I.rt.exc_TypeError, "__format__() argument must be str, not %s", arg_type_name(I, a[1]));
  return str_format_spec(I, SELF(a), as_str(a[1]));
}

}  // namespace

void init_str_methods(Runtime& rt) {
  add_methods(rt, rt.str_type, {
      {"capitalize", m_capitalize},
      {"casefold", m_casefold},
      {"center", m_center},
      {"count", m_count},
      {"encode", m_encode},
      {"endswith", m_endswith},
      {"expandtabs", m_expandtabs},
      {"find", m_find},
      {"format", m_format},
      {"format_map", m_format_map},
      {"index", m_index},
      {"isalnum", m_isalnum},
      {"isalpha", m_isalpha},
      {"isascii", m_isascii},
      {"isdecimal", m_isdecimal},
      {"isdigit", m_isdigit},
      {"isidentifier", m_isidentifier},
      {"islower", m_islower},
      {"isnumeric", m_isnumeric},
      {"isprintable", m_isprintable},
      {"isspace", m_isspace},
      {"istitle", m_istitle},
      {"isupper", m_isupper},
      {"join", m_join},
      {"ljust", m_ljust},
      {"lower", m_lower},
      {"lstrip", m_lstrip},
      {"maketrans", m_maketrans, kMethodStatic},
      {"partition", m_partition},
      {"removeprefix", m_removeprefix},
      {"removesuffix", m_removesuffix},
      {"replace", m_replace},
      {"rfind", m_rfind},
      {"rindex", m_rindex},
      {"rjust", m_rjust},
      {"rpartition", m_rpartition},
      {"rsplit", m_rsplit},
      {"rstrip", m_rstrip},
      {"split", m_split},
      {"splitlines", m_splitlines},
      {"startswith", m_startswith},
      {"strip", m_strip},
      {"swapcase", m_swapcase},
      {"title", m_title},
      {"translate", m_translate},
      {"upper", m_upper},
      {"zfill", m_zfill},
      {"__format__", m_dunder_format},
      {"__getnewargs__", m_getnewargs},
      {"__sizeof__", m_sizeof},
  });
  init_str_iterator_methods(rt);
}

}  // namespace capy
