// unicodedata: character names and properties of Unicode 14.0.0 (CPython
// 3.11's tables, generated into support/unicode_names.inc), normalization
// through utf8proc.
#include <utf8proc.h>

#include <cstdlib>
#include <cstring>
#include <string>

#include "modules/registry.h"
#include "objects/bytes.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/native.h"
#include "objects/ops.h"
#include "objects/str.h"
#include "objects/str_impl.h"
#include "objects/tuple.h"
#include "support/unicode_names.h"
#include "vm/isolate.h"
#include "vm/runtime.h"

namespace capy {

namespace {

/// The single character of a str argument, or TypeError with CPython's
/// message ("name() argument 1 must be a unicode character, not str").
bool char_arg(Isolate& I, const char* fname, const char* argno, Value v, uint32_t* cp) {
  if (is_str_value(v)) {
    Str* s = as_str(v);
    if (s->length == 1) {
      const char* p = s->data;
      *cp = utf8_decode(p);
      return true;
    }
  }
  raisef(I, I.rt.exc_TypeError, "%s() argument%s must be a unicode character, not %s", fname, argno,
         arg_type_name(I, v));
  return false;
}

/// Checks for a one-argument function (METH_O): no keywords, one argument.
bool one_arg(Isolate& I, const char* fname, size_t nargs, Tuple* kw) {
  std::string q = std::string("unicodedata.") + fname;
  if (kw && kw->size()) {
    raisef(I, I.rt.exc_TypeError, "%s() takes no keyword arguments", q.c_str());
    return false;
  }
  return check_nargs(I, q.c_str(), nargs, 1, 1) == 0;
}

bool with_default_args(Isolate& I, const char* fname, size_t nargs, Tuple* kw) {
  if (kw && kw->size()) {
    raisef(I, I.rt.exc_TypeError, "unicodedata.%s() takes no keyword arguments", fname);
    return false;
  }
  return check_nargs(I, fname, nargs, 1, 2) == 0;
}

Value u_name(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  uint32_t cp;
  if (!with_default_args(I, "name", n, kw) || !char_arg(I, "name", " 1", a[0], &cp)) return Value::error();
  std::string out;
  if (unicode_name_of(cp, &out)) return str_from_utf8(I, out);
  if (n > 1) return a[1];
  return raise(I, I.rt.exc_ValueError, "no such name");
}

Value u_lookup(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  if (!one_arg(I, "lookup", n, kw)) return Value::error();
  std::string_view name;
  Value keep;
  if (is_str_value(a[0])) {
    name = as_str(a[0])->view();
  } else {
    int r = bytes_like(I, a[0], &name, &keep);
    if (r < 0) return Value::error();
    if (r == 0) return raisef(I, I.rt.exc_TypeError, "a bytes-like object is required, not '%s'", type_name(I, a[0]));
  }
  if (name.size() > kUnicodeNameMaxLen) return raise(I, I.rt.exc_KeyError, "name too long");
  uint32_t cps[4];
  int count = unicode_lookup_sequence(name, cps);
  if (count == 0) {
    std::string msg = "undefined character name '";
    // The name as CPython shows it: decoded as UTF-8 (invalid bytes replaced).
    if (utf8_validate(name) == std::string_view::npos) {
      msg.append(name);
    } else {
      for (unsigned char c : name) utf8_append(msg, c < 0x80 ? c : 0xFFFD);
    }
    msg.push_back('\'');
    return raise(I, I.rt.exc_KeyError, msg);
  }
  std::string out;
  for (int i = 0; i < count; ++i) utf8_append(out, cps[i]);
  return str_from_utf8(I, out);
}

Value u_category(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  uint32_t cp;
  if (!one_arg(I, "category", n, kw) || !char_arg(I, "category", "", a[0], &cp)) return Value::error();
  return str_from_utf8(I, ucd::category(cp));
}

Value u_bidirectional(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  uint32_t cp;
  if (!one_arg(I, "bidirectional", n, kw) || !char_arg(I, "bidirectional", "", a[0], &cp)) return Value::error();
  return str_from_utf8(I, ucd::bidirectional(cp));
}

Value u_east_asian_width(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  uint32_t cp;
  if (!one_arg(I, "east_asian_width", n, kw) || !char_arg(I, "east_asian_width", "", a[0], &cp))
    return Value::error();
  return str_from_utf8(I, ucd::east_asian_width(cp));
}

Value u_combining(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  uint32_t cp;
  if (!one_arg(I, "combining", n, kw) || !char_arg(I, "combining", "", a[0], &cp)) return Value::error();
  return Value::small_int(ucd::combining(cp));
}

Value u_mirrored(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  uint32_t cp;
  if (!one_arg(I, "mirrored", n, kw) || !char_arg(I, "mirrored", "", a[0], &cp)) return Value::error();
  return Value::small_int(ucd::mirrored(cp) ? 1 : 0);
}

Value u_decomposition(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  uint32_t cp;
  if (!one_arg(I, "decomposition", n, kw) || !char_arg(I, "decomposition", "", a[0], &cp)) return Value::error();
  return str_from_utf8(I, ucd::decomposition(cp));
}

Value u_decimal(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  uint32_t cp;
  if (!with_default_args(I, "decimal", n, kw) || !char_arg(I, "decimal", " 1", a[0], &cp)) return Value::error();
  int d = ucd::decimal(cp);
  if (d >= 0) return Value::small_int(d);
  if (n > 1) return a[1];
  return raise(I, I.rt.exc_ValueError, "not a decimal");
}

Value u_digit(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  uint32_t cp;
  if (!with_default_args(I, "digit", n, kw) || !char_arg(I, "digit", " 1", a[0], &cp)) return Value::error();
  int d = ucd::digit(cp);
  if (d >= 0) return Value::small_int(d);
  if (n > 1) return a[1];
  return raise(I, I.rt.exc_ValueError, "not a digit");
}

Value u_numeric(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  uint32_t cp;
  if (!with_default_args(I, "numeric", n, kw) || !char_arg(I, "numeric", " 1", a[0], &cp)) return Value::error();
  double v;
  if (ucd::numeric(cp, &v)) return Value::from_double(v);
  if (n > 1) return a[1];
  return raise(I, I.rt.exc_ValueError, "not a numeric character");
}

// --- normalization ----------------------------------------------------------------

/// utf8proc options of a form name, or 0 for an invalid name.
int form_options(std::string_view f) {
  if (f == "NFC") return UTF8PROC_STABLE | UTF8PROC_COMPOSE;
  if (f == "NFD") return UTF8PROC_STABLE | UTF8PROC_DECOMPOSE;
  if (f == "NFKC") return UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT;
  if (f == "NFKD") return UTF8PROC_STABLE | UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT;
  return 0;
}

/// Normalizes valid UTF-8 without surrogates. false on memory exhaustion.
bool normalize_segment(std::string_view text, int options, std::string& out) {
  if (text.empty()) return true;
  utf8proc_uint8_t* dst = nullptr;
  utf8proc_ssize_t r = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                                    static_cast<utf8proc_ssize_t>(text.size()), &dst,
                                    static_cast<utf8proc_option_t>(options));
  if (r < 0) {
    // Only memory exhaustion can fail on valid input; keep the text as is otherwise.
    if (r == UTF8PROC_ERROR_NOMEM) return false;
    out.append(text);
    return true;
  }
  out.append(reinterpret_cast<const char*>(dst), size_t(r));
  std::free(dst);
  return true;
}

constexpr size_t kNormalizePiece = 64 * 1024;

/// Normalizes a str's UTF-8. utf8proc knows a later Unicode version than
/// CPython 3.11 (14.0.0) and rejects lone surrogates; code points that are
/// surrogates or unassigned in 14.0.0 are starters without decompositions
/// there, so the text is normalized around them and they are kept as they are.
///
/// Long texts are normalized in pieces cut just before an ASCII character
/// (a starter that never composes with what precedes it, so the result is
/// the same): utf8proc's buffers stay small, and the isolate's time limit
/// is polled between pieces. Returns -1 when the run ended or memory ran
/// out (exception set or run ended), else 1.
int normalize_text(Isolate& I, std::string_view text, int options, std::string& out) {
  size_t seg = 0;
  const char* base = text.data();
  const char* p = base;
  const char* end = base + text.size();
  while (p < end) {
    if (static_cast<unsigned char>(*p) < 0x80) {
      if (size_t(p - base) - seg >= kNormalizePiece) {
        if (!I.poll(kNormalizePiece / 16)) return -1;
        // utf8proc works on 32-bit code points, up to a few per input byte.
        if (too_big(I, uint64_t(out.size()) + 8 * (size_t(p - base) - seg))) return raise_memory(I), -1;
        if (!normalize_segment(text.substr(seg, size_t(p - base) - seg), options, out)) return raise_memory(I), -1;
        seg = size_t(p - base);
      }
      ++p;
      continue;
    }
    const char* start = p;
    uint32_t cp = utf8_decode(p);
    if ((cp >= 0xD800 && cp <= 0xDFFF) || std::strcmp(ucd::category(cp), "Cn") == 0) {
      if (!normalize_segment(text.substr(seg, size_t(start - base) - seg), options, out)) return raise_memory(I), -1;
      out.append(start, size_t(p - start));
      seg = size_t(p - base);
    }
  }
  if (!I.poll((text.size() - seg) / 16 + 1)) return -1;
  if (too_big(I, uint64_t(out.size()) + 8 * (text.size() - seg))) return raise_memory(I), -1;
  if (!normalize_segment(text.substr(seg), options, out)) return raise_memory(I), -1;
  return 1;
}

bool normalize_args(Isolate& I, const char* fname, const Value* a, size_t n, Tuple* kw, int* options) {
  if (kw && kw->size()) {
    raisef(I, I.rt.exc_TypeError, "unicodedata.%s() takes no keyword arguments", fname);
    return false;
  }
  if (check_nargs(I, fname, n, 2, 2) < 0) return false;
  for (int i = 0; i < 2; ++i) {
    if (!is_str_value(a[i])) {
      raisef(I, I.rt.exc_TypeError, "%s() argument %d must be str, not %s", fname, i + 1, arg_type_name(I, a[i]));
      return false;
    }
  }
  *options = form_options(as_str(a[0])->view());
  if (*options == 0) {
    raise(I, I.rt.exc_ValueError, "invalid normalization form");
    return false;
  }
  return true;
}

Value u_normalize(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  int options;
  if (!normalize_args(I, "normalize", a, n, kw, &options)) return Value::error();
  Str* s = as_str(a[1]);
  if (s->ascii) return a[1];  // ASCII text is in every normalization form
  std::string out;
  if (normalize_text(I, s->view(), options, out) < 0) return Value::error();
  if (out == s->view()) return a[1];
  return str_from_utf8(I, out);
}

Value u_is_normalized(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  int options;
  if (!normalize_args(I, "is_normalized", a, n, kw, &options)) return Value::error();
  Str* s = as_str(a[1]);
  if (s->ascii) return Value::true_();
  std::string out;
  if (normalize_text(I, s->view(), options, out) < 0) return Value::error();
  return Value::boolean(out == s->view());
}

}  // namespace

int init_unicodedata_module(Isolate& I, Module* m) {
  static const MethodDef kFns[] = {
      {"bidirectional", u_bidirectional},
      {"category", u_category},
      {"combining", u_combining},
      {"decimal", u_decimal},
      {"decomposition", u_decomposition},
      {"digit", u_digit},
      {"east_asian_width", u_east_asian_width},
      {"is_normalized", u_is_normalized},
      {"lookup", u_lookup},
      {"mirrored", u_mirrored},
      {"name", u_name},
      {"normalize", u_normalize},
      {"numeric", u_numeric},
  };
  for (const MethodDef& f : kFns)
    if (module_add_function(I, m, f.name, f.fn) < 0) return -1;
  if (module_add_value(I, m, "unidata_version", str_value(I, "14.0.0")) < 0) return -1;
  return 0;
}

}  // namespace capy
