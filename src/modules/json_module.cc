// json: a native encoder and decoder with CPython 3.11's output, error
// messages and hooks. The classes (JSONEncoder, JSONDecoder,
// JSONDecodeError) and the slow paths (cls=, extra keywords, bytes input)
// are Python code run in the module; dumps/loads with plain arguments never
// leave C++.
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "modules/registry.h"
#include "modules/stdlib_support.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/exception.h"
#include "objects/float.h"
#include "objects/function.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/misc.h"
#include "objects/native.h"
#include "objects/number_format.h"
#include "objects/ops.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "vm/eval.h"
#include "vm/interpreter.h"
#include "vm/isolate.h"
#include "vm/runtime.h"

namespace capy {

namespace {

/// Per-isolate module state, bound as `self` of the native functions.
struct JsonState : Object {
  Module* module;
  Value decode_error;  // JSONDecodeError
  Value dumps_slow;    // _dumps_slow(obj, kwargs): cls= and unknown keywords
  Value loads_slow;    // _loads_slow(s, kwargs)
  Value bytes_to_str;  // _decode_bytes(b)
};

void state_trace(Object* o, Tracer& t) {
  auto* s = static_cast<JsonState*>(o);
  t.visit(s->module);
  t.visit(s->decode_error);
  t.visit(s->dumps_slow);
  t.visit(s->loads_slow);
  t.visit(s->bytes_to_str);
}

inline bool is_str_obj(Value v) { return v.is_object() && (v.as_object()->type_->flags & kTypeStrSubclass); }

size_t count_cps(const char* p, size_t n) {
  size_t c = 0;
  for (size_t i = 0; i < n; ++i) c += (static_cast<unsigned char>(p[i]) & 0xC0) != 0x80;
  return c;
}

// Native recursion guard with CPython's message suffix.
bool enter_level(Isolate& I, const char* what) {
  if (I.call_depth + 1 > I.recursion_limit) {
    raisef(I, I.rt.exc_RecursionError, "maximum recursion depth exceeded%s", what);
    return false;
  }
  if (!enter_native_level(I)) return false;
  return true;
}

// --- encoder ----------------------------------------------------------------------------

const char kHex[] = "0123456789abcdef";

void encode_string(std::string& out, const char* s, size_t n, bool ensure_ascii) {
  out.push_back('"');
  size_t i = 0, run = 0;
  while (i < n) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\' && (!ensure_ascii || c < 0x7f)) {
      ++i;
      continue;
    }
    // Flush the plain run.
    out.append(s + run, i - run);
    if (c < 0x80) {
      switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        default: {
          char buf[7] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 15], 0};
          out.append(buf, 6);
        }
      }
      ++i;
    } else {
      // ensure_ascii: \uXXXX, surrogate pairs beyond the BMP.
      const char* p = s + i;
      uint32_t cp = utf8_decode(p);
      i = size_t(p - s);
      auto u = [&](uint32_t x) {
        char buf[6] = {'\\', 'u', kHex[(x >> 12) & 15], kHex[(x >> 8) & 15], kHex[(x >> 4) & 15], kHex[x & 15]};
        out.append(buf, 6);
      };
      if (cp >= 0x10000) {
        uint32_t v = cp - 0x10000;
        u(0xD800 | (v >> 10));
        u(0xDC00 | (v & 0x3FF));
      } else {
        u(cp);
      }
    }
    run = i;
  }
  out.append(s + run, n - run);
  out.push_back('"');
}

struct Encoder {
  Isolate& I;
  std::string out;
  Value default_fn = Value::null();
  bool has_indent = false;
  std::string indent;
  std::string key_sep = ": ";
  std::string item_sep = ", ";
  bool sort_keys = false, skipkeys = false, ensure_ascii = true, check_circular = true, allow_nan = true;
  std::vector<Object*> markers;
  int64_t level = 0;

  explicit Encoder(Isolate& i) : I(i) {}

  bool float_text(double d, std::string& o) {
    if (!std::isfinite(d)) {
      if (!allow_nan) {
        raise(I, I.rt.exc_ValueError, "Out of range float values are not JSON compliant");
        return false;
      }
      o += std::isnan(d) ? "NaN" : (d > 0 ? "Infinity" : "-Infinity");
      return true;
    }
    o += float_repr(d);
    return true;
  }

  bool int_text(Value v, std::string& o) {
    if (v.is_small_int()) {
      char buf[24];
      auto r = std::to_chars(buf, buf + sizeof buf, v.as_small_int());
      o.append(buf, size_t(r.ptr - buf));
      return true;
    }
    return int_decimal_text(I, v, o);
  }

  bool mark(Object* o) {
    if (!check_circular) return true;
    for (Object* m : markers) {
      if (m == o) {
        raise(I, I.rt.exc_ValueError, "Circular reference detected");
        return false;
      }
    }
    markers.push_back(o);
    return true;
  }
  void unmark() {
    if (check_circular) markers.pop_back();
  }
  // CPython encodes with indent in Python code, where the recursion error
  // comes from a Python call.
  const char* level_msg() const {
    return has_indent ? " while calling a Python object" : " while encoding a JSON object";
  }
  void newline() {
    out.push_back('\n');
    for (int64_t k = 0; k < level; ++k) out += indent;
  }

  bool encode(Value v) {
    if (v.is_none()) { out += "null"; return true; }
    if (v.is_true()) { out += "true"; return true; }
    if (v.is_false()) { out += "false"; return true; }
    if (v.is_small_int()) return int_text(v, out);
    if (v.is_double()) return float_text(v.as_double(), out);
    if (!v.is_object()) return encode_other(v);
    uint32_t fl = v.as_object()->type_->flags;
    if (fl & kTypeStrSubclass) {
      Str* s = v.as<Str>();
      encode_string(out, s->data, s->size(), ensure_ascii);
      return true;
    }
    if (fl & kTypeIntSubclass) return int_text(v, out);
    if (fl & kTypeFloatSubclass) return float_text(float_value(v), out);
    if (fl & (kTypeListSubclass | kTypeTupleSubclass)) return encode_list(v, fl & kTypeListSubclass);
    if (fl & kTypeDictSubclass) return encode_dict(v);
    return encode_other(v);
  }

  bool encode_list(Value v, bool is_list) {
    size_t n = is_list ? v.as<List>()->size : v.as<Tuple>()->size();
    if (n == 0) { out += "[]"; return true; }
    if (!enter_level(I, level_msg())) return false;
    bool ok = encode_list_body(v, is_list);
    leave_native_level(I);
    return ok;
  }
  bool encode_list_body(Value v, bool is_list) {
    if (!mark(v.as_object())) return false;
    out.push_back('[');
    if (has_indent) { ++level; newline(); }
    for (size_t i = 0;; ++i) {
      Value item;
      if (is_list) {
        List* l = v.as<List>();
        if (i >= l->size) break;
        item = l->items[i];
      } else {
        Tuple* t = v.as<Tuple>();
        if (i >= t->size()) break;
        item = t->items[i];
      }
      if (i) {
        out += item_sep;
        if (has_indent) newline();
      }
      if (!encode(item)) return false;
    }
    if (has_indent) { --level; newline(); }
    out.push_back(']');
    unmark();
    return true;
  }

  // The text of a dict key, or false (error). *skip when skipkeys drops it.
  bool key_text(Value k, std::string& kt, const char** data, size_t* len, bool* skip) {
    *skip = false;
    if (is_str_obj(k)) {
      Str* s = k.as<Str>();
      *data = s->data;
      *len = s->size();
      return true;
    }
    kt.clear();
    bool ok = true;
    if (k.is_double() || (k.is_object() && (k.as_object()->type_->flags & kTypeFloatSubclass))) {
      ok = float_text(k.is_double() ? k.as_double() : float_value(k), kt);
    } else if (k.is_true()) {
      kt = "true";
    } else if (k.is_false()) {
      kt = "false";
    } else if (k.is_none()) {
      kt = "null";
    } else if (k.is_small_int() || (k.is_object() && (k.as_object()->type_->flags & kTypeIntSubclass))) {
      ok = int_text(k, kt);
    } else if (skipkeys) {
      *skip = true;
      return true;
    } else {
      raisef(I, I.rt.exc_TypeError, "keys must be str, int, float, bool or None, not %.100s", type_name(I, k));
      return false;
    }
    *data = kt.data();
    *len = kt.size();
    return ok;
  }

  bool encode_item(bool& first, Value k, Value val, std::string& kt) {
    const char* kd;
    size_t kl;
    bool skip;
    if (!key_text(k, kt, &kd, &kl, &skip)) return false;
    if (skip) return true;
    if (!first) {
      out += item_sep;
      if (has_indent) newline();
    }
    first = false;
    encode_string(out, kd, kl, ensure_ascii);
    out += key_sep;
    return encode(val);
  }

  bool encode_dict(Value v) {
    Dict* d = v.as<Dict>();
    if (d->count == 0) { out += "{}"; return true; }
    if (!enter_level(I, level_msg())) return false;
    bool ok = encode_dict_body(v);
    leave_native_level(I);
    return ok;
  }
  bool encode_dict_body(Value v) {
    Dict* d = v.as<Dict>();
    if (!mark(v.as_object())) return false;
    out.push_back('{');
    if (has_indent) { ++level; newline(); }
    bool first = true;
    std::string kt;
    bool exact = v.as_object()->type_ == I.rt.dict_type;
    if (exact && !sort_keys) {
      uint32_t pos = 0;
      Value k, val;
      while (dict_next(d, &pos, &k, &val))
        if (!encode_item(first, k, val, kt)) return false;
    } else {
      // A snapshot of the items (dict subclasses through items()), sorted
      // like sorted(d.items()) when asked.
      Value items;
      if (exact) {
        List* l = list_new(I, 0, d->count);
        if (!l) return false;
        uint32_t pos = 0;
        Value k, val;
        while (dict_next(d, &pos, &k, &val)) {
          Value t = tuple_pack(I, {k, val});
          if (t.is_error() || list_append(I, l, t) < 0) return false;
        }
        items = Value::object(l);
      } else {
        Value it = call_method(I, v, I.intern("items"), {});
        if (it.is_error()) return false;
        items = list_from_iterable(I, it);
        if (items.is_error()) return false;
      }
      if (sort_keys && list_sort(I, items.as<List>(), Value::null(), false) < 0) return false;
      for (size_t i = 0; i < items.as<List>()->size; ++i) {
        Value t = items.as<List>()->items[i];
        Value k, val;
        if (t.is_object() && (t.as_object()->type_->flags & kTypeTupleSubclass) && t.as<Tuple>()->size() == 2) {
          k = t.as<Tuple>()->items[0];
          val = t.as<Tuple>()->items[1];
        } else {
          Value it = get_iter(I, t);
          if (it.is_error()) return false;
          k = iter_next(I, it);
          if (k.is_error()) return false;
          val = k.is_null() ? Value::null() : iter_next(I, it);
          if (val.is_error()) return false;
          if (k.is_null() || val.is_null()) {
            raise(I, I.rt.exc_ValueError, "items must return 2-tuples");
            return false;
          }
        }
        if (!encode_item(first, k, val, kt)) return false;
      }
    }
    if (has_indent) { --level; newline(); }
    out.push_back('}');
    unmark();
    return true;
  }

  bool encode_other(Value v) {
    bool marked = false;
    if (v.is_object()) {
      if (!mark(v.as_object())) return false;
      marked = check_circular;
    }
    if (default_fn.is_null()) {
      // o.__class__.__name__ (the last part of a native type's dotted name).
      std::string_view tn = type_name(I, v);
      Type* tt = type_of(I, v);
      if (!tt->is_heap() && tn.rfind('.') != std::string_view::npos) tn = tn.substr(tn.rfind('.') + 1);
      raisef(I, I.rt.exc_TypeError, "Object of type %.*s is not JSON serializable", int(tn.size()), tn.data());
      return false;
    }
    Value nv = call(I, default_fn, {v});
    if (nv.is_error()) return false;
    if (!enter_level(I, level_msg())) return false;
    bool ok = encode(nv);
    leave_native_level(I);
    if (!ok) return false;
    if (marked) unmark();
    return true;
  }
};

// --- decoder ----------------------------------------------------------------------------

struct Decoder {
  Isolate& I;
  JsonState* st;
  Value doc;
  const char* p;
  size_t n;
  bool ascii;
  bool strict = true;
  Value object_hook = Value::null(), pairs_hook = Value::null();
  Value parse_float = Value::null(), parse_int = Value::null(), parse_constant = Value::null();

  Decoder(Isolate& i, JsonState* s, Str* d) : I(i), st(s), doc(Value::object(d)), p(d->data), n(d->size()), ascii(d->ascii) {}

  int64_t cp(size_t b) const { return ascii ? int64_t(b) : int64_t(count_cps(p, b)); }

  Value error(const char* msg, size_t pos) { return error_cp(msg, cp(pos)); }
  Value error_cp(const char* msg, int64_t pos) {
    Value m = str_value(I, msg);
    if (m.is_error()) return m;
    Value e = call(I, st->decode_error, {m, doc, int_from_i64(I, pos)});
    if (e.is_error()) return e;
    return raise_value(I, e);
  }

  static bool ws(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
  size_t skip(size_t i) const {
    while (i < n && ws(p[i])) ++i;
    return i;
  }

  static int hexv(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  }

  // idx: just after the opening quote.
  Value scan_string(size_t idx, size_t* next) {
    size_t begin = idx - 1;
    size_t j = idx;
    // Fast path: no escapes.
    while (j < n) {
      unsigned char c = static_cast<unsigned char>(p[j]);
      if (c == '"' || c == '\\') break;
      if (c < 0x20 && strict) return error("Invalid control character at", j);
      ++j;
    }
    if (j >= n) return error("Unterminated string starting at", begin);
    if (p[j] == '"') {
      *next = j + 1;
      size_t len = j - idx;
      if (len == 1 && static_cast<unsigned char>(p[idx]) < 0x80)
        return Value::object(I.rt.latin1_chars[static_cast<unsigned char>(p[idx])]);
      Str* s = ascii ? str_new_known(I, std::string_view(p + idx, len), uint32_t(len), true)
                     : str_new(I, std::string_view(p + idx, len));
      return s ? Value::object(s) : Value::error();
    }
    std::string buf(p + idx, j - idx);
    for (;;) {
      // p[j] is a backslash.
      ++j;
      if (j >= n) return error("Unterminated string starting at", begin);
      char c = p[j];
      if (c != 'u') {
        char r;
        switch (c) {
          case '"': r = '"'; break;
          case '\\': r = '\\'; break;
          case '/': r = '/'; break;
          case 'b': r = '\b'; break;
          case 'f': r = '\f'; break;
          case 'n': r = '\n'; break;
          case 'r': r = '\r'; break;
          case 't': r = '\t'; break;
          default: return error("Invalid \\escape", j - 1);
        }
        buf.push_back(r);
        ++j;
      } else {
        ++j;  // first hex digit
        size_t end = j + 4;
        if (end >= n) return error("Invalid \\uXXXX escape", j - 1);
        uint32_t v = 0;
        for (size_t k = j; k < end; ++k) {
          int h = hexv(p[k]);
          if (h < 0) return error("Invalid \\uXXXX escape", end - 5);
          v = (v << 4) | uint32_t(h);
        }
        if (v >= 0xD800 && v <= 0xDBFF && end + 6 < n && p[end] == '\\' && p[end + 1] == 'u') {
          uint32_t v2 = 0;
          for (size_t k = end + 2; k < end + 6; ++k) {
            int h = hexv(p[k]);
            if (h < 0) return error("Invalid \\uXXXX escape", end + 1);
            v2 = (v2 << 4) | uint32_t(h);
          }
          if (v2 >= 0xDC00 && v2 <= 0xDFFF) {
            v = 0x10000 + ((v - 0xD800) << 10) + (v2 - 0xDC00);
            end += 6;
          }
        }
        utf8_append(buf, v);
        j = end;
      }
      size_t start = j;
      while (j < n) {
        unsigned char ch = static_cast<unsigned char>(p[j]);
        if (ch == '"' || ch == '\\') break;
        if (ch < 0x20 && strict) return error("Invalid control character at", j);
        ++j;
      }
      if (j >= n) return error("Unterminated string starting at", begin);
      buf.append(p + start, j - start);
      if (p[j] == '"') break;
    }
    *next = j + 1;
    Str* s = str_new(I, buf);
    return s ? Value::object(s) : Value::error();
  }

  Value constant(const char* name, double d, size_t end, size_t* next) {
    *next = end;
    if (!parse_constant.is_null()) {
      Value s = str_value(I, name);
      if (s.is_error()) return s;
      return call(I, parse_constant, {s});
    }
    return Value::from_double(d);
  }

  Value scan_number(size_t idx, size_t* next) {
    size_t start = idx, i = idx;
    if (p[i] == '-') {
      ++i;
      if (i >= n) return error("Expecting value", start);
    }
    if (p[i] >= '1' && p[i] <= '9') {
      ++i;
      while (i < n && p[i] >= '0' && p[i] <= '9') ++i;
    } else if (p[i] == '0') {
      ++i;
    } else {
      return error("Expecting value", start);
    }
    bool is_float = false;
    if (i + 1 < n && p[i] == '.' && p[i + 1] >= '0' && p[i + 1] <= '9') {
      is_float = true;
      i += 2;
      while (i < n && p[i] >= '0' && p[i] <= '9') ++i;
    }
    if (i + 1 < n && (p[i] == 'e' || p[i] == 'E')) {
      size_t e_start = i;
      ++i;
      if (i + 1 < n && (p[i] == '-' || p[i] == '+')) ++i;
      while (i < n && p[i] >= '0' && p[i] <= '9') ++i;
      if (p[i - 1] >= '0' && p[i - 1] <= '9') is_float = true;
      else i = e_start;
    }
    *next = i;
    std::string_view text(p + start, i - start);
    if (is_float) {
      if (!parse_float.is_null()) {
        Value s = str_value(I, text);
        if (s.is_error()) return s;
        return call(I, parse_float, {s});
      }
      double d = 0;
      auto r = std::from_chars(text.data(), text.data() + text.size(), d);
      if (r.ec != std::errc()) {
        std::string tmp(text);
        d = std::strtod(tmp.c_str(), nullptr);
      }
      return Value::from_double(d);
    }
    if (!parse_int.is_null()) {
      Value s = str_value(I, text);
      if (s.is_error()) return s;
      return call(I, parse_int, {s});
    }
    if (text.size() <= 18) {
      int64_t v = 0;
      size_t k = 0;
      bool neg = false;
      if (text[0] == '-') { neg = true; k = 1; }
      for (; k < text.size(); ++k) v = v * 10 + (text[k] - '0');
      return int_from_i64(I, neg ? -v : v);
    }
    return int_from_string(I, text, 10);
  }

  Value scan(size_t idx, size_t* next) {
    if (idx >= n) return error("Expecting value", idx);
    char c = p[idx];
    switch (c) {
      case '"':
        return scan_string(idx + 1, next);
      case '{': {
        if (!enter_level(I, " while decoding a JSON object from a unicode string")) return Value::error();
        Value r = scan_object(idx + 1, next);
        leave_native_level(I);
        return r;
      }
      case '[': {
        if (!enter_level(I, " while decoding a JSON array from a unicode string")) return Value::error();
        Value r = scan_array(idx + 1, next);
        leave_native_level(I);
        return r;
      }
      case 'n':
        if (idx + 3 < n && p[idx + 1] == 'u' && p[idx + 2] == 'l' && p[idx + 3] == 'l') {
          *next = idx + 4;
          return Value::none();
        }
        break;
      case 't':
        if (idx + 3 < n && p[idx + 1] == 'r' && p[idx + 2] == 'u' && p[idx + 3] == 'e') {
          *next = idx + 4;
          return Value::true_();
        }
        break;
      case 'f':
        if (idx + 4 < n && std::memcmp(p + idx + 1, "alse", 4) == 0) {
          *next = idx + 5;
          return Value::false_();
        }
        break;
      case 'N':
        if (idx + 2 < n && p[idx + 1] == 'a' && p[idx + 2] == 'N') return constant("NaN", NAN, idx + 3, next);
        break;
      case 'I':
        if (idx + 7 < n && std::memcmp(p + idx + 1, "nfinity", 7) == 0)
          return constant("Infinity", INFINITY, idx + 8, next);
        break;
      case '-':
        if (idx + 8 < n && std::memcmp(p + idx + 1, "Infinity", 8) == 0)
          return constant("-Infinity", -INFINITY, idx + 9, next);
        break;
      default:
        break;
    }
    return scan_number(idx, next);
  }

  Value scan_object(size_t idx, size_t* next) {
    bool pairs = !pairs_hook.is_null();
    Dict* d = nullptr;
    List* l = nullptr;
    if (pairs) {
      l = list_new(I, 0);
      if (!l) return Value::error();
    } else {
      d = dict_new(I);
      if (!d) return Value::error();
    }
    idx = skip(idx);
    if (idx >= n || p[idx] != '}') {
      for (;;) {
        if (idx >= n || p[idx] != '"') return error("Expecting property name enclosed in double quotes", idx);
        size_t nx;
        Value key = scan_string(idx + 1, &nx);
        if (key.is_error()) return key;
        idx = skip(nx);
        if (idx >= n || p[idx] != ':') return error("Expecting ':' delimiter", idx);
        idx = skip(idx + 1);
        Value val = scan(idx, &nx);
        if (val.is_error()) return val;
        if (pairs) {
          Value t = tuple_pack(I, {key, val});
          if (t.is_error() || list_append(I, l, t) < 0) return Value::error();
        } else if (dict_set_str(I, d, key.as<Str>(), val) < 0) {
          return Value::error();
        }
        idx = skip(nx);
        if (idx < n && p[idx] == '}') break;
        if (idx >= n || p[idx] != ',') return error("Expecting ',' delimiter", idx);
        idx = skip(idx + 1);
      }
    }
    *next = idx + 1;
    if (pairs) return call(I, pairs_hook, {Value::object(l)});
    if (!object_hook.is_null()) return call(I, object_hook, {Value::object(d)});
    return Value::object(d);
  }

  Value scan_array(size_t idx, size_t* next) {
    List* l = list_new(I, 0);
    if (!l) return Value::error();
    idx = skip(idx);
    if (idx >= n || p[idx] != ']') {
      for (;;) {
        size_t nx;
        Value val = scan(idx, &nx);
        if (val.is_error()) return val;
        if (list_append(I, l, val) < 0) return Value::error();
        idx = skip(nx);
        if (idx < n && p[idx] == ']') break;
        if (idx >= n || p[idx] != ',') return error("Expecting ',' delimiter", idx);
        idx = skip(idx + 1);
      }
    }
    *next = idx + 1;
    return Value::object(l);
  }
};

JsonState* state_of(Value v) { return v.as<JsonState>(); }

bool truth_arg(Isolate& I, Value v, bool dflt, bool* out) {
  if (v.is_null()) { *out = dflt; return true; }
  int t = truthy(I, v);
  if (t < 0) return false;
  *out = t;
  return true;
}

// Fills the encoder options from JSONEncoder-style arguments (null = default).
bool setup_encoder(Isolate& I, Encoder& e, Value skipkeys, Value ensure_ascii, Value check_circular,
                   Value allow_nan, Value sort_keys, Value indent, Value separators, Value dflt) {
  if (!truth_arg(I, skipkeys, false, &e.skipkeys) || !truth_arg(I, ensure_ascii, true, &e.ensure_ascii) ||
      !truth_arg(I, check_circular, true, &e.check_circular) || !truth_arg(I, allow_nan, true, &e.allow_nan) ||
      !truth_arg(I, sort_keys, false, &e.sort_keys))
    return false;
  if (!indent.is_null() && !indent.is_none()) {
    e.has_indent = true;
    if (is_str_obj(indent)) {
      e.indent = std::string(indent.as<Str>()->view());
    } else {
      // ' ' * indent
      Value sp = str_value(I, " ");
      if (sp.is_error()) return false;
      Value r = binary_op(I, sp, indent, NbOp::Mul);
      if (r.is_error()) return false;
      if (!is_str_obj(r)) {
        raise(I, I.rt.exc_TypeError, "indent must be an int or a str");
        return false;
      }
      e.indent = std::string(r.as<Str>()->view());
    }
    e.item_sep = ",";
  }
  if (!separators.is_null() && !separators.is_none()) {
    Value t = tuple_from_iterable(I, separators);
    if (t.is_error()) return false;
    Tuple* tt = t.as<Tuple>();
    if (tt->size() != 2) {
      if (tt->size() < 2)
        raisef(I, I.rt.exc_ValueError, "not enough values to unpack (expected 2, got %zu)", tt->size());
      else
        raise(I, I.rt.exc_ValueError, "too many values to unpack (expected 2)");
      return false;
    }
    for (int k = 0; k < 2; ++k) {
      if (!is_str_obj(tt->items[k])) {
        raisef(I, I.rt.exc_TypeError, "can only concatenate str (not \"%s\") to str", type_name(I, tt->items[k]));
        return false;
      }
    }
    e.item_sep = std::string(tt->items[0].as<Str>()->view());
    e.key_sep = std::string(tt->items[1].as<Str>()->view());
  }
  if (!dflt.is_null() && !dflt.is_none()) e.default_fn = dflt;
  return true;
}

Value finish_encoder(Isolate& I, Encoder& e) {
  bool ascii = e.ensure_ascii;
  if (ascii) {
    // Separators and indent may be non-ASCII.
    for (char c : e.indent) if (static_cast<unsigned char>(c) >= 0x80) ascii = false;
    for (char c : e.key_sep) if (static_cast<unsigned char>(c) >= 0x80) ascii = false;
    for (char c : e.item_sep) if (static_cast<unsigned char>(c) >= 0x80) ascii = false;
  }
  Str* s = ascii ? str_new_known(I, e.out, uint32_t(e.out.size()), true) : str_new(I, e.out);
  return s ? Value::object(s) : Value::error();
}

// dumps(obj, *, skipkeys, ensure_ascii, check_circular, allow_nan, cls, indent, separators, default, sort_keys, **kw)
Value json_dumps(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  JsonState* st = state_of(args[0]);
  ++args;
  --nargs;
  if (nargs == 1 && (!kw || kw->size() == 0)) {
    Encoder e(I);
    if (!e.encode(args[0])) return Value::error();
    return finish_encoder(I, e);
  }
  static const char* const names[] = {"skipkeys", "ensure_ascii", "check_circular", "allow_nan", "cls",
                                      "indent", "separators", "default", "sort_keys"};
  Value opt[9];
  for (Value& o : opt) o = Value::null();
  if (nargs != 1)
    return raisef(I, I.rt.exc_TypeError, nargs == 0 ? "dumps() missing 1 required positional argument: 'obj'"
                                                     : "dumps() takes 1 positional argument but %zu were given",
                  nargs);
  bool slow = false;
  size_t nkw = kw ? kw->size() : 0;
  for (size_t k = 0; k < nkw; ++k) {
    std::string_view name = kw->items[k].as<Str>()->view();
    bool found = false;
    for (int j = 0; j < 9; ++j) {
      if (name == names[j]) {
        opt[j] = args[nargs + k];
        found = true;
        break;
      }
    }
    if (!found) slow = true;
  }
  if (!opt[4].is_null() && !opt[4].is_none()) slow = true;
  if (slow) {
    Dict* d = dict_new(I);
    if (!d) return Value::error();
    for (size_t k = 0; k < nkw; ++k)
      if (dict_set(I, d, kw->items[k], args[nargs + k]) < 0) return Value::error();
    return call(I, st->dumps_slow, {args[0], Value::object(d)});
  }
  Encoder e(I);
  if (!setup_encoder(I, e, opt[0], opt[1], opt[2], opt[3], opt[8], opt[5], opt[6], opt[7])) return Value::error();
  // A str is encoded directly (JSONEncoder.encode's shortcut).
  if (!e.encode(args[0])) return Value::error();
  return finish_encoder(I, e);
}

// _encode(obj, default, indent, key_sep, item_sep, sort_keys, skipkeys, ensure_ascii, check_circular, allow_nan)
// as used by JSONEncoder.iterencode.
Value json_encode(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (check_no_kwargs(I, "_encode", kw) < 0 || check_nargs(I, "_encode", nargs - 1, 10, 10) < 0)
    return Value::error();
  const Value* a = args + 1;
  Encoder e(I);
  if (!setup_encoder(I, e, a[6], a[7], a[8], a[9], a[5], a[2], Value::null(), a[1])) return Value::error();
  if (!is_str_obj(a[3]) || !is_str_obj(a[4])) return raise(I, I.rt.exc_TypeError, "separators must be str");
  e.key_sep = std::string(a[3].as<Str>()->view());
  e.item_sep = std::string(a[4].as<Str>()->view());
  if (!e.encode(a[0])) return Value::error();
  return finish_encoder(I, e);
}

// _encode_str(s, ensure_ascii)
Value json_encode_str(Isolate& I, const Value* args, size_t nargs, Tuple*) {
  if (nargs != 3 || !is_str_obj(args[1])) return raise(I, I.rt.exc_TypeError, "_encode_str(str, bool)");
  std::string out;
  Str* s = args[1].as<Str>();
  bool ea = args[2].is_true();
  encode_string(out, s->data, s->size(), ea);
  Str* r = ea || s->ascii ? str_new_known(I, out, uint32_t(out.size()), true) : str_new(I, out);
  return r ? Value::object(r) : Value::error();
}

bool setup_decoder(Isolate& I, Decoder& d, Value strict, Value object_hook, Value pairs_hook, Value parse_float,
                   Value parse_int, Value parse_constant) {
  if (!truth_arg(I, strict, true, &d.strict)) return false;
  auto opt = [](Value v) { return v.is_null() || v.is_none() ? Value::null() : v; };
  d.object_hook = opt(object_hook);
  d.pairs_hook = opt(pairs_hook);
  d.parse_float = opt(parse_float);
  d.parse_int = opt(parse_int);
  d.parse_constant = opt(parse_constant);
  if (d.parse_float.is(Value::object(I.rt.float_type))) d.parse_float = Value::null();
  if (d.parse_int.is(Value::object(I.rt.int_type))) d.parse_int = Value::null();
  return true;
}

Value decode_all(Decoder& d) {
  size_t idx = d.skip(0), next = 0;
  Value v = d.scan(idx, &next);
  if (v.is_error()) return v;
  size_t end = d.skip(next);
  if (end != d.n) return d.error("Extra data", end);
  return v;
}

// The str to decode for loads(): str as is, bytes decoded; errors as CPython.
Value loads_text(Isolate& I, JsonState* st, Value s) {
  if (is_str_obj(s)) {
    Str* t = s.as<Str>();
    if (t->size() >= 3 && std::memcmp(t->data, "\xEF\xBB\xBF", 3) == 0) {
      Decoder d(I, st, t);
      return d.error("Unexpected UTF-8 BOM (decode using utf-8-sig)", 0);
    }
    return s;
  }
  if (is_bytes(s) || is_bytearray(s)) return call(I, st->bytes_to_str, {s});
  return raisef(I, I.rt.exc_TypeError, "the JSON object must be str, bytes or bytearray, not %s", type_name(I, s));
}

// loads(s, *, cls, object_hook, parse_float, parse_int, parse_constant, object_pairs_hook, **kw)
Value json_loads(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  JsonState* st = state_of(args[0]);
  ++args;
  --nargs;
  if (nargs != 1)
    return raisef(I, I.rt.exc_TypeError, nargs == 0 ? "loads() missing 1 required positional argument: 's'"
                                                     : "loads() takes 1 positional argument but %zu were given",
                  nargs);
  size_t nkw = kw ? kw->size() : 0;
  static const char* const names[] = {"object_hook", "parse_float", "parse_int", "parse_constant",
                                      "object_pairs_hook", "strict"};
  Value opt[6];
  for (Value& o : opt) o = Value::null();
  bool slow = false;
  for (size_t k = 0; k < nkw; ++k) {
    std::string_view name = kw->items[k].as<Str>()->view();
    bool found = false;
    for (int j = 0; j < 6; ++j) {
      if (name == names[j]) {
        opt[j] = args[nargs + k];
        found = true;
        break;
      }
    }
    if (!found) slow = true;
  }
  if (slow) {
    Dict* d = dict_new(I);
    if (!d) return Value::error();
    for (size_t k = 0; k < nkw; ++k)
      if (dict_set(I, d, kw->items[k], args[nargs + k]) < 0) return Value::error();
    return call(I, st->loads_slow, {args[0], Value::object(d)});
  }
  Value text = loads_text(I, st, args[0]);
  if (text.is_error()) return text;
  Decoder d(I, st, text.as<Str>());
  if (!setup_decoder(I, d, opt[5], opt[0], opt[4], opt[1], opt[2], opt[3])) return Value::error();
  return decode_all(d);
}

// _decode(s, idx_or_None, strict, object_hook, object_pairs_hook, parse_float, parse_int, parse_constant)
// idx None: decode() (whitespace, "Extra data"); idx given: raw_decode() -> (obj, end).
Value json_decode(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (check_no_kwargs(I, "_decode", kw) < 0 || check_nargs(I, "_decode", nargs - 1, 8, 8) < 0)
    return Value::error();
  JsonState* st = state_of(args[0]);
  const Value* a = args + 1;
  if (!is_str_obj(a[0]))
    return raisef(I, I.rt.exc_TypeError, "first argument must be a string, not %.80s", type_name(I, a[0]));
  Str* s = a[0].as<Str>();
  Decoder d(I, st, s);
  if (!setup_decoder(I, d, a[2], a[3], a[4], a[5], a[6], a[7])) return Value::error();
  if (a[1].is_none()) return decode_all(d);
  int64_t idx;
  if (!index_i64(I, a[1], &idx)) return Value::error();
  if (idx < 0) return raise(I, I.rt.exc_ValueError, "idx cannot be negative");
  if (idx >= int64_t(s->length)) return d.error_cp("Expecting value", idx);
  size_t next = 0;
  Value v = d.scan(str_byte_offset(s, size_t(idx)), &next);
  if (v.is_error()) return v;
  return tuple_pack(I, {v, int_from_i64(I, d.cp(next))});
}

const char kJsonSource[] = R"PY(
__all__ = ['dump', 'dumps', 'load', 'loads', 'JSONDecoder', 'JSONDecodeError', 'JSONEncoder']
__version__ = '2.0.9'

class JSONDecodeError(ValueError):
    def __init__(self, msg, doc, pos):
        lineno = doc.count('\n', 0, pos) + 1
        colno = pos - doc.rfind('\n', 0, pos)
        ValueError.__init__(self, '%s: line %d column %d (char %d)' % (msg, lineno, colno, pos))
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno
    def __reduce__(self):
        return self.__class__, (self.msg, self.doc, self.pos)
JSONDecodeError.__module__ = 'json.decoder'

class JSONEncoder(object):
    item_separator = ', '
    key_separator = ': '
    def __init__(self, *, skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True,
                 sort_keys=False, indent=None, separators=None, default=None):
        self.skipkeys = skipkeys
        self.ensure_ascii = ensure_ascii
        self.check_circular = check_circular
        self.allow_nan = allow_nan
        self.sort_keys = sort_keys
        self.indent = indent
        if separators is not None:
            self.item_separator, self.key_separator = separators
        elif indent is not None:
            self.item_separator = ','
        if default is not None:
            self.default = default
    def default(self, o):
        raise TypeError(f'Object of type {o.__class__.__name__} is not JSON serializable')
    def encode(self, o):
        if isinstance(o, str):
            return _encode_str(o, bool(self.ensure_ascii))
        chunks = self.iterencode(o, _one_shot=True)
        if not isinstance(chunks, (list, tuple)):
            chunks = list(chunks)
        return ''.join(chunks)
    def iterencode(self, o, _one_shot=False):
        if _one_shot and self.indent is None:
            # CPython's C encoder (c_make_encoder) gives the whole text as one chunk.
            return [_encode(o, self.default, self.indent, self.key_separator, self.item_separator,
                            self.sort_keys, self.skipkeys, self.ensure_ascii, self.check_circular,
                            self.allow_nan)]
        markers = {} if self.check_circular else None
        _encoder = _encode_basestring_ascii if self.ensure_ascii else _encode_basestring

        def floatstr(o, allow_nan=self.allow_nan, _repr=float.__repr__, _inf=_INFINITY, _neginf=-_INFINITY):
            if o != o:
                text = 'NaN'
            elif o == _inf:
                text = 'Infinity'
            elif o == _neginf:
                text = '-Infinity'
            else:
                return _repr(o)
            if not allow_nan:
                raise ValueError("Out of range float values are not JSON compliant: " + repr(o))
            return text

        return _make_iterencode(markers, self.default, _encoder, self.indent, floatstr, self.key_separator,
                                self.item_separator, self.sort_keys, self.skipkeys, _one_shot)(o, 0)
JSONEncoder.__module__ = 'json.encoder'

_INFINITY = float('inf')

def _encode_basestring(s):
    return _encode_str(s, False)

def _encode_basestring_ascii(s):
    return _encode_str(s, True)

def _make_iterencode(markers, _default, _encoder, _indent, _floatstr, _key_separator, _item_separator,
                     _sort_keys, _skipkeys, _one_shot, ValueError=ValueError, dict=dict, float=float, id=id,
                     int=int, isinstance=isinstance, list=list, str=str, tuple=tuple, _intstr=int.__repr__):
    # The chunks of CPython's pure-Python encoder (json.encoder._make_iterencode),
    # which iterencode() and dump() yield one by one.
    if _indent is not None and not isinstance(_indent, str):
        _indent = ' ' * _indent

    def _iterencode_list(lst, _current_indent_level):
        if not lst:
            yield '[]'
            return
        if markers is not None:
            markerid = id(lst)
            if markerid in markers:
                raise ValueError("Circular reference detected")
            markers[markerid] = lst
        buf = '['
        if _indent is not None:
            _current_indent_level += 1
            newline_indent = '\n' + _indent * _current_indent_level
            separator = _item_separator + newline_indent
            buf += newline_indent
        else:
            newline_indent = None
            separator = _item_separator
        first = True
        for value in lst:
            if first:
                first = False
            else:
                buf = separator
            if isinstance(value, str):
                yield buf + _encoder(value)
            elif value is None:
                yield buf + 'null'
            elif value is True:
                yield buf + 'true'
            elif value is False:
                yield buf + 'false'
            elif isinstance(value, int):
                yield buf + _intstr(value)
            elif isinstance(value, float):
                yield buf + _floatstr(value)
            else:
                yield buf
                if isinstance(value, (list, tuple)):
                    chunks = _iterencode_list(value, _current_indent_level)
                elif isinstance(value, dict):
                    chunks = _iterencode_dict(value, _current_indent_level)
                else:
                    chunks = _iterencode(value, _current_indent_level)
                yield from chunks
        if newline_indent is not None:
            _current_indent_level -= 1
            yield '\n' + _indent * _current_indent_level
        yield ']'
        if markers is not None:
            del markers[markerid]

    def _iterencode_dict(dct, _current_indent_level):
        if not dct:
            yield '{}'
            return
        if markers is not None:
            markerid = id(dct)
            if markerid in markers:
                raise ValueError("Circular reference detected")
            markers[markerid] = dct
        yield '{'
        if _indent is not None:
            _current_indent_level += 1
            newline_indent = '\n' + _indent * _current_indent_level
            item_separator = _item_separator + newline_indent
            yield newline_indent
        else:
            newline_indent = None
            item_separator = _item_separator
        first = True
        if _sort_keys:
            items = sorted(dct.items())
        else:
            items = dct.items()
        for key, value in items:
            if isinstance(key, str):
                pass
            elif isinstance(key, float):
                key = _floatstr(key)
            elif key is True:
                key = 'true'
            elif key is False:
                key = 'false'
            elif key is None:
                key = 'null'
            elif isinstance(key, int):
                key = _intstr(key)
            elif _skipkeys:
                continue
            else:
                raise TypeError(f'keys must be str, int, float, bool or None, not {key.__class__.__name__}')
            if first:
                first = False
            else:
                yield item_separator
            yield _encoder(key)
            yield _key_separator
            if isinstance(value, str):
                yield _encoder(value)
            elif value is None:
                yield 'null'
            elif value is True:
                yield 'true'
            elif value is False:
                yield 'false'
            elif isinstance(value, int):
                yield _intstr(value)
            elif isinstance(value, float):
                yield _floatstr(value)
            else:
                if isinstance(value, (list, tuple)):
                    chunks = _iterencode_list(value, _current_indent_level)
                elif isinstance(value, dict):
                    chunks = _iterencode_dict(value, _current_indent_level)
                else:
                    chunks = _iterencode(value, _current_indent_level)
                yield from chunks
        if newline_indent is not None:
            _current_indent_level -= 1
            yield '\n' + _indent * _current_indent_level
        yield '}'
        if markers is not None:
            del markers[markerid]

    def _iterencode(o, _current_indent_level):
        if isinstance(o, str):
            yield _encoder(o)
        elif o is None:
            yield 'null'
        elif o is True:
            yield 'true'
        elif o is False:
            yield 'false'
        elif isinstance(o, int):
            yield _intstr(o)
        elif isinstance(o, float):
            yield _floatstr(o)
        elif isinstance(o, (list, tuple)):
            yield from _iterencode_list(o, _current_indent_level)
        elif isinstance(o, dict):
            yield from _iterencode_dict(o, _current_indent_level)
        else:
            if markers is not None:
                markerid = id(o)
                if markerid in markers:
                    raise ValueError("Circular reference detected")
                markers[markerid] = o
            o = _default(o)
            yield from _iterencode(o, _current_indent_level)
            if markers is not None:
                del markers[markerid]
    return _iterencode

class JSONDecoder(object):
    def __init__(self, *, object_hook=None, parse_float=None, parse_int=None, parse_constant=None,
                 strict=True, object_pairs_hook=None):
        self.object_hook = object_hook
        self.parse_float = parse_float or float
        self.parse_int = parse_int or int
        self.parse_constant = parse_constant
        self.strict = strict
        self.object_pairs_hook = object_pairs_hook
    def decode(self, s, _w=None):
        if type(self).raw_decode is JSONDecoder.raw_decode:
            return _decode(s, None, self.strict, self.object_hook, self.object_pairs_hook,
                           self.parse_float, self.parse_int, self.parse_constant)
        idx = len(s) - len(s.lstrip(' \t\n\r'))
        obj, end = self.raw_decode(s, idx)
        end = len(s) - len(s[end:].lstrip(' \t\n\r'))
        if end != len(s):
            raise JSONDecodeError("Extra data", s, end)
        return obj
    def raw_decode(self, s, idx=0):
        return _decode(s, idx, self.strict, self.object_hook, self.object_pairs_hook,
                       self.parse_float, self.parse_int, self.parse_constant)
JSONDecoder.__module__ = 'json.decoder'

def detect_encoding(b):
    if b.startswith((b'\x00\x00\xfe\xff', b'\xff\xfe\x00\x00')):
        return 'utf-32'
    if b.startswith((b'\xfe\xff', b'\xff\xfe')):
        return 'utf-16'
    if b.startswith(b'\xef\xbb\xbf'):
        return 'utf-8-sig'
    if len(b) >= 4:
        if not b[0]:
            return 'utf-16-be' if b[1] else 'utf-32-be'
        if not b[1]:
            return 'utf-16-le' if b[2] or b[3] else 'utf-32-le'
    elif len(b) == 2:
        if not b[0]:
            return 'utf-16-be'
        if not b[1]:
            return 'utf-16-le'
    return 'utf-8'

def _decode_bytes(b):
    enc = detect_encoding(b)
    if enc == 'utf-8-sig':
        return bytes(b[3:]).decode('utf-8')
    return bytes(b).decode(enc)

def _dumps_slow(obj, kw):
    cls = kw.pop('cls', None)
    if cls is None:
        cls = JSONEncoder
    return cls(**kw).encode(obj)

def _loads_slow(s, kw):
    cls = kw.pop('cls', None)
    if isinstance(s, str):
        if s.startswith('\ufeff'):
            raise JSONDecodeError("Unexpected UTF-8 BOM (decode using utf-8-sig)", s, 0)
    else:
        if not isinstance(s, (bytes, bytearray)):
            raise TypeError(f'the JSON object must be str, bytes or bytearray, not {s.__class__.__name__}')
        s = _decode_bytes(s)
    if cls is None:
        cls = JSONDecoder
    return cls(**kw).decode(s)

_default_encoder = JSONEncoder()

def dump(obj, fp, *, skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True, cls=None,
         indent=None, separators=None, default=None, sort_keys=False, **kw):
    # As CPython: the chunks of iterencode() are written one by one.
    if (not skipkeys and ensure_ascii and check_circular and allow_nan and cls is None and indent is None
            and separators is None and default is None and not sort_keys and not kw):
        iterable = _default_encoder.iterencode(obj)
    else:
        if cls is None:
            cls = JSONEncoder
        iterable = cls(skipkeys=skipkeys, ensure_ascii=ensure_ascii, check_circular=check_circular,
                       allow_nan=allow_nan, indent=indent, separators=separators, default=default,
                       sort_keys=sort_keys, **kw).iterencode(obj)
    for chunk in iterable:
        fp.write(chunk)

def load(fp, **kw):
    return loads(fp.read(), **kw)
)PY";

}  // namespace

int init_json_module(Isolate& I, Module* m) {
  // The state object's type (per isolate).
  Type* t = isolate_type_new(I, "json._JsonState", "_JsonState", "json", sizeof(JsonState), state_trace);
  if (!t) return -1;
  auto* st = static_cast<JsonState*>(I.heap.alloc_object(t, sizeof(JsonState)));
  if (!st) { raise_memory(I); return -1; }
  st->module = m;
  st->decode_error = Value::none();
  st->dumps_slow = Value::none();
  st->loads_slow = Value::none();
  st->bytes_to_str = Value::none();

  if (stdlib_add_functions(I, m, Value::object(st),
                           {{"dumps", json_dumps}, {"loads", json_loads}, {"_encode", json_encode},
                            {"_encode_str", json_encode_str}, {"_decode", json_decode}}) < 0)
    return -1;
  // json is a package (json.decoder, json.encoder are native submodules).
  List* path = list_new(I, 0);
  if (!path || dict_set_str(I, m->dict, I.rt.n___path__, Value::object(path)) < 0) return -1;
  Value r = run_module_source(I, m, "<capy>/json.py", kJsonSource);
  if (r.is_error()) return -1;
  st->decode_error = dict_get_cstr(I, m->dict, "JSONDecodeError");
  st->dumps_slow = dict_get_cstr(I, m->dict, "_dumps_slow");
  st->loads_slow = dict_get_cstr(I, m->dict, "_loads_slow");
  st->bytes_to_str = dict_get_cstr(I, m->dict, "_decode_bytes");
  if (st->decode_error.is_null() || st->dumps_slow.is_null() || st->loads_slow.is_null() ||
      st->bytes_to_str.is_null())
    return -1;
  return 0;
}

}  // namespace capy
