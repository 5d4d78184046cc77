// Text formatting owned by str: printf-style '%' for str and bytes
// (CPython's PyUnicode_Format / _PyBytes_FormatEx), str.format /
// str.format_map (Objects/stringlib/unicode_format.h) and str.__format__
// (format_string_internal in Python/formatter_unicode.c). Numeric
// conversions are delegated to number_format.h.
#include <climits>
#include <cstring>
#include <vector>

#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/iterators.h"
#include "objects/number_format.h"
#include "objects/ops.h"
#include "objects/str.h"
#include "objects/str_impl.h"
#include "objects/tuple.h"
#include "objects/unicode.h"
#include "vm/isolate.h"

namespace capy {

namespace {

// ============================================================================
// printf-style formatting
// ============================================================================

/// Pads non-numeric text (str mode: widths in code points; bytes mode: bytes).
void pad_text(std::string_view text, size_t len, const PrintfSpec& spec, std::string& out) {
  int64_t width = spec.width;
  if (width <= int64_t(len)) {
    out += text;
    return;
  }
  size_t fill = size_t(width - int64_t(len));
  if (spec.ljust) {
    out += text;
    out.append(fill, ' ');
  } else {
    out.append(fill, ' ');
    out += text;
  }
}

bool is_number_like(Isolate& I, Value v) {
  if (v.is_small_int() || v.is_double() || v.is_bool()) return true;
  Type* t = type_of(I, v);
  return t->nb_index || t->nb_int || t->nb_float || t == I.rt.complex_type || is_int(I, v);
}

/// For %e %f %g: PyFloat_AsDouble semantics.
bool arg_to_double(Isolate& I, Value v, double* out) {
  if (v.is_double()) {
    *out = v.as_double();
    return true;
  }
  if (v.is_small_int()) {
    *out = double(v.as_small_int());
    return true;
  }
  if (is_float(I, v)) {
    *out = float_value(v);
    return true;
  }
  Type* t = type_of(I, v);
  if (is_int(I, v) || t->nb_float || t->nb_index) {
    Value f = number_float(I, v);
    if (f.is_error()) return false;
    if (f.is_double()) {
      *out = f.as_double();
      return true;
    }
    *out = float_value(f);
    return true;
  }
  raisef(I, I.rt.exc_TypeError, "must be real number, not %s", type_name(I, v));
  return false;
}

template <bool kBytes>
struct Printf {
  Isolate& I;
  std::string_view fmt;
  Value args;
  std::string out;
  Value dict = Value::null();
  int64_t arglen = 0, argidx = 0;
  Value cur = Value::null();  // the args object currently consumed from (changes with %(key))

  Value next_arg() {
    if (argidx < arglen) {
      int64_t k = argidx++;
      if (arglen < 0) return cur;
      return cur.as<Tuple>()->items[k];
    }
    return raise(I, I.rt.exc_TypeError, "not enough arguments for format string");
  }

  Value incomplete() { return raise(I, I.rt.exc_ValueError, "incomplete format"); }

  /// Fetches an int for '*'. false on error.
  bool star_arg(int64_t* out, bool is_prec) {
    Value v = next_arg();
    if (v.is_error()) return false;
    if (!is_int(I, v)) {
      raise(I, I.rt.exc_TypeError, "* wants int");
      return false;
    }
    Value iv = int_unwrap(I, v);
    if (!int_to_i64(iv, out) || (is_prec && (*out > INT_MAX || *out < INT_MIN))) {
      raise(I, I.rt.exc_OverflowError,
            is_prec ? "Python int too large to convert to C int" : "Python int too large to convert to C ssize_t");
      return false;
    }
    return true;
  }

  Value unsupported(size_t at, uint32_t ch) {
    if (kBytes) {
      // CPython formats the (signed) char with %c: bytes >= 0x80 fail there.
      if (ch >= 0x80) return raise(I, I.rt.exc_OverflowError, "character argument not in range(0x110000)");
      std::string msg = "unsupported format character '";
      msg.push_back(char(ch));
      char buf[64];
      snprintf(buf, sizeof buf, "' (0x%x) at index %zu", ch, at);
      msg += buf;
      return raise(I, I.rt.exc_ValueError, msg);
    }
    size_t index = kBytes ? at : utf8_count(fmt.substr(0, at));
    return raisef(I, I.rt.exc_ValueError, "unsupported format character '%c' (0x%x) at index %zu",
                  (31 <= ch && ch <= 126) ? char(ch) : '?', ch, index);
  }

  /// Text of %s/%r/%a (str mode); error or a str Value.
  Value text_of(Value v, uint32_t ch) {
    if (ch == 's') return str(I, v);
    if (ch == 'r') return repr(I, v);
    return ascii(I, v);
  }

  /// %b / %s in bytes mode: the bytes of v. Sets keep to hold the object alive.
  bool bytes_of(Value v, std::string_view* view, Value* keep) {
    int r = bytes_like(I, v, view, keep);
    if (r < 0) return false;
    if (r > 0) return true;
    Value m = lookup_special(I, v, I.rt.n___bytes__);
    if (m.is_error()) return false;
    if (!m.is_null()) {
      Value b = call(I, m, nullptr, 0);
      if (b.is_error()) return false;
      if (!is_bytes(b)) {
        raisef(I, I.rt.exc_TypeError, "__bytes__ returned non-bytes (type %s)", type_name(I, b));
        return false;
      }
      *keep = b;
      *view = bytes_view(b);
      return true;
    }
    raisef(I, I.rt.exc_TypeError,
           "%%b requires a bytes-like object, or an object that implements __bytes__, not '%s'",
           type_name(I, v));
    return false;
  }

  bool format_int_arg(Value v, uint32_t ch, const PrintfSpec& spec) {
    char type = char(ch);
    Value iv = v;
    if (!is_number_like(I, v)) goto wrongtype;
    if (!is_int(I, v)) {
      iv = (type == 'o' || type == 'x' || type == 'X') ? index(I, v) : number_int(I, v);
      if (iv.is_error()) {
        if (pending_matches(I, I.rt.exc_TypeError)) {
          I.pending = nullptr;
          goto wrongtype;
        }
        return false;
      }
    }
    return printf_format_int(I, iv, type == 'i' || type == 'u' ? 'd' : type, spec, out);
  wrongtype:
    if (type == 'o' || type == 'x' || type == 'X')
      raisef(I, I.rt.exc_TypeError, "%%%c format: an integer is required, not %s", type, type_name(I, v));
    else
      raisef(I, I.rt.exc_TypeError, "%%%c format: a real number is required, not %s", type, type_name(I, v));
    return false;
  }

  bool format_char_arg(Value v, const PrintfSpec& spec) {
    std::string piece;
    if (kBytes) {
      std::string_view bv;
      if (is_bytes(v) || is_bytearray(v)) {
        bv = bytes_view(v);
        if (bv.size() == 1) {
          piece.assign(bv);
        }
      } else if (is_int(I, v) || type_of(I, v)->nb_index) {
        Value iv = index(I, v);
        if (iv.is_error()) return false;
        int64_t x;
        if (!int_to_i64(int_unwrap(I, iv), &x) || x < 0 || x > 255) {
          raise(I, I.rt.exc_OverflowError, "%c arg not in range(256)");
          return false;
        }
        piece.push_back(char(x));
      }
      if (piece.empty()) {
        raise(I, I.rt.exc_TypeError, "%c requires an integer in range(256) or a single byte");
        return false;
      }
      pad_text(piece, 1, spec, out);
      return true;
    }
    uint32_t cp;
    if (is_str_value(v)) {
      Str* s = as_str(v);
      if (s->length != 1) {
        raise(I, I.rt.exc_TypeError, "%c requires int or char");
        return false;
      }
      cp = str_char_at(s, 0);
    } else {
      if (!is_int(I, v) && !type_of(I, v)->nb_index) {
        raise(I, I.rt.exc_TypeError, "%c requires int or char");
        return false;
      }
      Value iv = index(I, v);
      if (iv.is_error()) return false;
      int64_t x;
      if (!int_to_i64(int_unwrap(I, iv), &x) || x < 0 || x > 0x10FFFF) {
        raise(I, I.rt.exc_OverflowError, "%c arg not in range(0x110000)");
        return false;
      }
      cp = uint32_t(x);
    }
    utf8_append(piece, cp);
    pad_text(piece, 1, spec, out);
    return true;
  }

  bool run() {
    const char* d = fmt.data();
    size_t n = fmt.size(), i = 0;
    while (i < n) {
      if (d[i] != '%') {
        const void* f = memchr(d + i, '%', n - i);
        size_t j = f ? size_t(static_cast<const char*>(f) - d) : n;
        out.append(d + i, j - i);
        i = j;
        continue;
      }
      ++i;
      if (i < n && d[i] == '%') {
        out.push_back('%');
        ++i;
        continue;
      }
      if (i < n && d[i] == '(') {
        if (dict.is_null()) {
          raise(I, I.rt.exc_TypeError, "format requires a mapping");
          return false;
        }
        ++i;
        size_t keystart = i;
        int pcount = 1;
        while (pcount > 0 && i < n) {
          if (d[i] == ')') --pcount;
          else if (d[i] == '(') ++pcount;
          ++i;
        }
        if (pcount > 0) {
          raise(I, I.rt.exc_ValueError, "incomplete format key");
          return false;
        }
        std::string_view key(d + keystart, i - 1 - keystart);
        Value k = kBytes ? bytes_value(I, key) : str_from_utf8(I, key);
        if (k.is_error()) return false;
        Value v = get_item(I, dict, k);
        if (v.is_error()) return false;
        cur = v;
        arglen = -1;
        argidx = -2;
      }
      PrintfSpec spec;
      for (; i < n; ++i) {
        char c = d[i];
        if (c == '-') spec.ljust = true;
        else if (c == '+') spec.plus = true;
        else if (c == ' ') spec.blank = true;
        else if (c == '#') spec.alt = true;
        else if (c == '0') spec.zero = true;
        else break;
      }
      if (i >= n) { incomplete(); return false; }
      if (d[i] == '*') {
        if (!star_arg(&spec.width, false)) return false;
        if (spec.width < 0) {
          spec.ljust = true;
          spec.width = -spec.width;
        }
        ++i;
      } else if (d[i] >= '0' && d[i] <= '9') {
        int64_t w = 0;
        while (i < n && d[i] >= '0' && d[i] <= '9') {
          int dv = d[i] - '0';
          if (w > (INT64_MAX - dv) / 10) {
            raise(I, I.rt.exc_ValueError, "width too big");
            return false;
          }
          w = w * 10 + dv;
          ++i;
        }
        spec.width = w;
      }
      if (spec.width > 0 && too_big(I, uint64_t(spec.width) + out.size())) {
        raise_memory(I);
        return false;
      }
      if (i < n && d[i] == '.') {
        spec.prec = 0;
        ++i;
        if (i < n && d[i] == '*') {
          if (!star_arg(&spec.prec, true)) return false;
          if (spec.prec < 0) spec.prec = 0;
          ++i;
        } else if (i < n && d[i] >= '0' && d[i] <= '9') {
          int64_t p = 0;
          while (i < n && d[i] >= '0' && d[i] <= '9') {
            int dv = d[i] - '0';
            if (p > (INT_MAX - dv) / 10) {
              raise(I, I.rt.exc_ValueError, "precision too big");
              return false;
            }
            p = p * 10 + dv;
            ++i;
          }
          spec.prec = p;
        }
      }
      if (i < n && (d[i] == 'h' || d[i] == 'l' || d[i] == 'L')) ++i;
      if (i >= n) { incomplete(); return false; }
      size_t at = i;
      uint32_t ch;
      if (kBytes) {
        ch = static_cast<unsigned char>(d[i++]);
      } else {
        const char* p = d + i;
        ch = utf8_decode(p);
        i = size_t(p - d);
      }
      Value v = next_arg();
      if (v.is_error()) return false;
      switch (ch) {
        case 's':
        case 'r':
        case 'a':
        case 'b': {
          if (kBytes) {
            if (ch == 's' || ch == 'b') {
              std::string_view bv;
              Value keep;
              if (!bytes_of(v, &bv, &keep)) return false;
              if (spec.prec >= 0 && int64_t(bv.size()) > spec.prec) bv = bv.substr(0, size_t(spec.prec));
              pad_text(bv, bv.size(), spec, out);
            } else {
              Value t = ascii(I, v);
              if (t.is_error()) return false;
              std::string_view tv = as_str(t)->view();
              if (spec.prec >= 0 && int64_t(tv.size()) > spec.prec) tv = tv.substr(0, size_t(spec.prec));
              pad_text(tv, tv.size(), spec, out);
            }
            break;
          }
          if (ch == 'b') return unsupported(at, ch).is_error() && false;
          if (ch == 's' && v.is_object() && v.as_object()->type_ == I.rt.str_type && spec.width < 0 &&
              spec.prec < 0) {
            out += as_str(v)->view();
            break;
          }
          Value t = text_of(v, ch);
          if (t.is_error()) return false;
          Str* ts = as_str(t);
          std::string_view tv = ts->view();
          size_t len = ts->length;
          if (spec.prec >= 0 && int64_t(len) > spec.prec) {
            len = size_t(spec.prec);
            tv = tv.substr(0, str_byte_offset(ts, len));
          }
          pad_text(tv, len, spec, out);
          break;
        }
        case 'i':
        case 'd':
        case 'u':
        case 'o':
        case 'x':
        case 'X':
          // bytes formatting treats %i as %d (also in messages).
          if (!format_int_arg(v, kBytes && ch == 'i' ? uint32_t('d') : ch, spec)) return false;
          break;
        case 'e':
        case 'E':
        case 'f':
        case 'F':
        case 'g':
        case 'G': {
          double x;
          if (!arg_to_double(I, v, &x)) {
            if (kBytes) {
              I.pending = nullptr;
              raisef(I, I.rt.exc_TypeError, "float argument required, not %s", type_name(I, v));
            }
            return false;
          }
          if (!printf_format_float(I, x, char(ch), spec, out)) return false;
          break;
        }
        case 'c':
          if (!format_char_arg(v, spec)) return false;
          break;
        default:
          unsupported(at, ch);
          return false;
      }
      if (!dict.is_null() && argidx < arglen) {
        raise(I, I.rt.exc_TypeError,
              kBytes ? "not all arguments converted during bytes formatting"
                     : "not all arguments converted during string formatting");
        return false;
      }
    }
    if (argidx < arglen && dict.is_null()) {
      raise(I, I.rt.exc_TypeError,
            kBytes ? "not all arguments converted during bytes formatting"
                   : "not all arguments converted during string formatting");
      return false;
    }
    return true;
  }

  void setup() {
    Type* t = type_of(I, args);
    bool tuple = t->flags & kTypeTupleSubclass;
    cur = args;
    if (tuple) {
      arglen = int64_t(args.as<Tuple>()->size());
      argidx = 0;
    } else {
      arglen = -1;
      argidx = -2;
    }
    bool excluded = tuple || (t->flags & kTypeStrSubclass);
    if (kBytes) excluded = excluded || is_bytes(args) || is_bytearray(args);
    if (t->getitem && !excluded) dict = args;
  }
};

}  // namespace

Value str_printf(Isolate& I, Str* fmt, Value args) {
  Printf<false> p{I, fmt->view(), args, {}};
  p.setup();
  if (!p.run()) return Value::error();
  // CPython returns the format string itself when it holds no directive.
  if (p.out.size() == fmt->size() && !memchr(fmt->data, '%', fmt->size())) return Value::object(fmt);
  return str_from_utf8(I, p.out);
}

Value bytes_printf(Isolate& I, std::string_view fmt, Value args, bool as_bytearray) {
  Printf<true> p{I, fmt, args, {}};
  p.setup();
  if (!p.run()) return Value::error();
  if (as_bytearray) {
    ByteArray* b = bytearray_new(I, p.out);
    return b ? Value::object(b) : Value::error();
  }
  return bytes_value(I, p.out);
}

// ============================================================================
// Format-spec mini-language for str (str.__format__)
// ============================================================================

namespace {

struct Spec {
  uint32_t fill = ' ';
  uint32_t align = '<';
  uint32_t sign = 0;
  bool no_neg_0 = false;
  bool alternate = false;
  int64_t width = -1;
  int thousands = 0;  // 0 none, ',' or '_'
  int64_t precision = -1;
  uint32_t type = 's';
};

inline bool is_align(uint32_t c) { return c == '<' || c == '>' || c == '=' || c == '^'; }

/// get_integer of formatter_unicode.c: returns digits consumed or -1 on overflow.
int64_t spec_integer(Isolate& I, const std::vector<uint32_t>& s, size_t& pos, int64_t* out) {
  int64_t acc = 0;
  int64_t consumed = 0;
  while (pos < s.size()) {
    int dv = uni::decimal_value(s[pos]);
    if (dv < 0) break;
    if (acc > (INT64_MAX - dv) / 10) {
      raise(I, I.rt.exc_ValueError, "Too many decimal digits in format string");
      return -1;
    }
    acc = acc * 10 + dv;
    ++pos;
    ++consumed;
  }
  *out = acc;
  return consumed;
}

bool parse_spec(Isolate& I, Value obj, Str* spec_str, Spec& f) {
  std::vector<uint32_t> s;
  s.reserve(spec_str->length);
  const char* p = spec_str->data;
  const char* e = p + spec_str->size();
  while (p < e) s.push_back(utf8_decode(p));
  size_t pos = 0, end = s.size();
  bool fill_specified = false, align_specified = false;
  if (end - pos >= 2 && is_align(s[pos + 1])) {
    f.align = s[pos + 1];
    f.fill = s[pos];
    fill_specified = align_specified = true;
    pos += 2;
  } else if (end - pos >= 1 && is_align(s[pos])) {
    f.align = s[pos];
    align_specified = true;
    ++pos;
  }
  if (end - pos >= 1 && (s[pos] == ' ' || s[pos] == '+' || s[pos] == '-')) f.sign = s[pos++];
  if (end - pos >= 1 && s[pos] == 'z') {
    f.no_neg_0 = true;
    ++pos;
  }
  if (end - pos >= 1 && s[pos] == '#') {
    f.alternate = true;
    ++pos;
  }
  if (!fill_specified && end - pos >= 1 && s[pos] == '0') {
    f.fill = '0';
    (void)align_specified;  // default align for str is '<': no '=' switch
    ++pos;
  }
  int64_t consumed = spec_integer(I, s, pos, &f.width);
  if (consumed < 0) return false;
  if (consumed == 0) f.width = -1;
  if (end - pos && s[pos] == ',') {
    f.thousands = ',';
    ++pos;
  }
  if (end - pos && s[pos] == '_') {
    if (f.thousands) {
      raise(I, I.rt.exc_ValueError, "Cannot specify both ',' and '_'.");
      return false;
    }
    f.thousands = '_';
    ++pos;
  }
  if (end - pos && s[pos] == ',') {
    if (f.thousands == '_') {
      raise(I, I.rt.exc_ValueError, "Cannot specify both ',' and '_'.");
      return false;
    }
  }
  if (end - pos && s[pos] == '.') {
    ++pos;
    consumed = spec_integer(I, s, pos, &f.precision);
    if (consumed < 0) return false;
    if (consumed == 0) {
      raise(I, I.rt.exc_ValueError, "Format specifier missing precision");
      return false;
    }
  }
  if (end - pos > 1) {
    raisef(I, I.rt.exc_ValueError, "Invalid format specifier '%s' for object of type '%s'", spec_str->data,
           type_name(I, obj));
    return false;
  }
  if (end - pos == 1) f.type = s[pos++];
  if (f.thousands) {
    switch (f.type) {
      case 'd': case 'e': case 'f': case 'g': case 'E': case 'G': case '%': case 'F': case 0:
        break;
      case 'b': case 'o': case 'x': case 'X':
        if (f.thousands == '_') break;
        [[fallthrough]];
      default:
        if (f.type > 32 && f.type < 128)
          raisef(I, I.rt.exc_ValueError, "Cannot specify '%c' with '%c'.", char(f.thousands), char(f.type));
        else
          raisef(I, I.rt.exc_ValueError, "Cannot specify '%c' with '\\x%x'.", char(f.thousands), f.type);
        return false;
    }
  }
  return true;
}

}  // namespace

Value str_format_spec(Isolate& I, Str* s, Str* spec_str) {
  Value self = Value::object(s);
  if (spec_str->size() == 0) return str_exact(I, s);
  Spec f;
  if (!parse_spec(I, self, spec_str, f)) return Value::error();
  if (f.type != 's') {
    if (f.type > 32 && f.type < 128)
      return raisef(I, I.rt.exc_ValueError, "Unknown format code '%c' for object of type '%s'", char(f.type),
                    type_name(I, self));
    return raisef(I, I.rt.exc_ValueError, "Unknown format code '\\x%x' for object of type '%s'", f.type,
                  type_name(I, self));
  }
  if (f.sign) {
    return raise(I, I.rt.exc_ValueError,
                 f.sign == ' ' ? "Space not allowed in string format specifier"
                               : "Sign not allowed in string format specifier");
  }
  if (f.no_neg_0)
    return raise(I, I.rt.exc_ValueError, "Negative zero coercion (z) not allowed in string format specifier");
  if (f.alternate)
    return raise(I, I.rt.exc_ValueError, "Alternate form (#) not allowed in string format specifier");
  if (f.align == '=') return raise(I, I.rt.exc_ValueError, "'=' alignment not allowed in string format specifier");
  int64_t len = s->length;
  if ((f.width == -1 || f.width <= len) && (f.precision == -1 || f.precision >= len)) return self;  // CPython: the object itself, even for a subclass
  std::string_view text = s->view();
  if (f.precision >= 0 && len >= f.precision) {
    len = f.precision;
    text = text.substr(0, str_byte_offset(s, size_t(len)));
  }
  int64_t total = f.width > len ? f.width : len;
  int64_t lpad = f.align == '>' ? total - len : f.align == '^' ? (total - len) / 2 : 0;
  int64_t rpad = total - len - lpad;
  std::string fill;
  utf8_append(fill, f.fill);
  uint64_t bytes = text.size() + uint64_t(lpad + rpad) * fill.size();
  if (too_big(I, bytes)) return raise_memory(I);
  std::string out;
  out.reserve(size_t(bytes));
  for (int64_t k = 0; k < lpad; ++k) out += fill;
  out += text;
  for (int64_t k = 0; k < rpad; ++k) out += fill;
  return str_from_utf8(I, out);
}

// ============================================================================
// str.format / str.format_map
// ============================================================================

namespace {

struct FormatCtx {
  Isolate& I;
  const Value* args;   // positional (nullptr for format_map)
  size_t nargs;
  Tuple* kwnames;      // format(): keyword names, values follow the positionals
  Value mapping;       // format_map(): the mapping (null for format())
  int auto_state = 0;  // 0 init, 1 auto, 2 manual
  int64_t auto_index = 0;
};

/// get_integer of unicode_format.h on code points s[a, b): -1 if not an
/// integer, -2 on overflow (raised).
int64_t field_integer(Isolate& I, const std::vector<uint32_t>& s, size_t a, size_t b) {
  if (a >= b) return -1;
  int64_t acc = 0;
  for (size_t i = a; i < b; ++i) {
    int dv = uni::decimal_value(s[i]);
    if (dv < 0) return -1;
    if (acc > (INT64_MAX - dv) / 10) {
      raise(I, I.rt.exc_ValueError, "Too many decimal digits in format string");
      return -2;
    }
    acc = acc * 10 + dv;
  }
  return acc;
}

std::string encode_cps(const std::vector<uint32_t>& s, size_t a, size_t b) {
  std::string out;
  for (size_t i = a; i < b; ++i) utf8_append(out, s[i]);
  return out;
}

/// Resolves the object named by field_name s[a, b).
Value get_field(FormatCtx& c, const std::vector<uint32_t>& s, size_t a, size_t b) {
  Isolate& I = c.I;
  size_t i = a;
  while (i < b && s[i] != '.' && s[i] != '[') ++i;
  int64_t idx = field_integer(I, s, a, i);
  if (idx == -2) return Value::error();
  bool empty = a == i;
  bool numeric = empty || idx != -1;
  if (c.auto_state == 0 && numeric) c.auto_state = empty ? 1 : 2;
  if (numeric) {
    if (c.auto_state == 2 && empty)
      return raise(I, I.rt.exc_ValueError,
                   "cannot switch from manual field specification to automatic field numbering");
    if (c.auto_state == 1 && !empty)
      return raise(I, I.rt.exc_ValueError,
                   "cannot switch from automatic field numbering to manual field specification");
    if (empty) idx = c.auto_index++;
  }
  Value obj;
  if (!numeric) {
    std::string key = encode_cps(s, a, i);
    if (!c.mapping.is_null()) {
      Value k = str_from_utf8(I, key);
      if (k.is_error()) return k;
      obj = get_item(I, c.mapping, k);
      if (obj.is_error()) return obj;
    } else {
      obj = Value::null();
      if (c.kwnames) {
        for (size_t k = 0; k < c.kwnames->size(); ++k) {
          if (as_str(c.kwnames->items[k])->view() == key) {
            obj = c.args[c.nargs + k];
            break;
          }
        }
      }
      if (obj.is_null()) {
        Value k = str_from_utf8(I, key);
        if (k.is_error()) return k;
        return raise_key_error(I, k);
      }
    }
  } else {
    if (!c.mapping.is_null()) return raise(I, I.rt.exc_ValueError, "Format string contains positional fields");
    if (idx >= int64_t(c.nargs))
      return raisef(I, I.rt.exc_IndexError, "Replacement index %lld out of range for positional args tuple",
                    static_cast<long long>(idx));
    obj = c.args[idx];
  }
  // The rest: .attr and [key] accessors.
  while (i < b) {
    uint32_t ch = s[i++];
    size_t ns = i;
    bool attr;
    if (ch == '.') {
      attr = true;
      while (i < b && s[i] != '.' && s[i] != '[') ++i;
    } else if (ch == '[') {
      attr = false;
      while (i < b && s[i] != ']') ++i;
      if (i >= b) return raise(I, I.rt.exc_ValueError, "Missing ']' in format string");
    } else {
      return raise(I, I.rt.exc_ValueError, "Only '.' or '[' may follow ']' in format field specifier");
    }
    size_t ne = i;
    if (!attr) ++i;  // past ']'
    if (ns == ne) return raise(I, I.rt.exc_ValueError, "Empty attribute in format string");
    if (attr) {
      Value name = str_from_utf8(I, encode_cps(s, ns, ne));
      if (name.is_error()) return name;
      obj = get_attr(I, obj, as_str(name));
    } else {
      int64_t k = field_integer(I, s, ns, ne);
      if (k == -2) return Value::error();
      Value key;
      if (k >= 0) {
        key = int_from_i64(I, k);
      } else {
        key = str_from_utf8(I, encode_cps(s, ns, ne));
      }
      if (key.is_error()) return key;
      obj = get_item(I, obj, key);
    }
    if (obj.is_error()) return obj;
  }
  return obj;
}

bool build_string(FormatCtx& c, const std::vector<uint32_t>& s, size_t start, size_t end, int depth,
                  std::string& out);

bool render_field(FormatCtx& c, const std::vector<uint32_t>& s, size_t fa, size_t fb, uint32_t conversion,
                  size_t sa, size_t sb, bool expand, int depth, std::string& out) {
  Isolate& I = c.I;
  Value obj = get_field(c, s, fa, fb);
  if (obj.is_error()) return false;
  if (conversion) {
    switch (conversion) {
      case 'r': obj = repr(I, obj); break;
      case 's': obj = str(I, obj); break;
      case 'a': obj = ascii(I, obj); break;
      default:
        if (conversion > 32 && conversion < 127)
          raisef(I, I.rt.exc_ValueError, "Unknown conversion specifier %c", char(conversion));
        else
          raisef(I, I.rt.exc_ValueError, "Unknown conversion specifier \\x%x", conversion);
        return false;
    }
    if (obj.is_error()) return false;
  }
  std::string spec_text;
  if (expand) {
    if (!build_string(c, s, sa, sb, depth - 1, spec_text)) return false;
  } else {
    spec_text = encode_cps(s, sa, sb);
  }
  if (spec_text.empty()) {
    if (obj.is_object() && obj.as_object()->type_ == I.rt.str_type) {
      out += as_str(obj)->view();
      return true;
    }
    if (obj.is_small_int()) {
      char buf[24];
      int len = snprintf(buf, sizeof buf, "%lld", static_cast<long long>(obj.as_small_int()));
      out.append(buf, size_t(len));
      return true;
    }
  }
  Value spec = spec_text.empty() ? Value::object(I.rt.n_empty) : str_from_utf8(I, spec_text);
  if (spec.is_error()) return false;
  Value r = format(I, obj, spec);
  if (r.is_error()) return false;
  out += as_str(r)->view();
  return true;
}

bool build_string(FormatCtx& c, const std::vector<uint32_t>& s, size_t start, size_t end, int depth,
                  std::string& out) {
  Isolate& I = c.I;
  if (depth <= 0) {
    raise(I, I.rt.exc_ValueError, "Max string recursion exceeded");
    return false;
  }
  size_t pos = start;
  while (pos < end) {
    // Literal text up to a brace.
    size_t lit = pos;
    uint32_t ch = 0;
    bool markup = false;
    while (pos < end) {
      ch = s[pos++];
      if (ch == '{' || ch == '}') {
        markup = true;
        break;
      }
    }
    bool at_end = pos >= end;
    size_t len = pos - lit;
    if (ch == '}' && markup && (at_end || s[pos] != '}')) {
      raise(I, I.rt.exc_ValueError, "Single '}' encountered in format string");
      return false;
    }
    if (at_end && ch == '{' && markup) {
      raise(I, I.rt.exc_ValueError, "Single '{' encountered in format string");
      return false;
    }
    if (!at_end && markup) {
      if (s[pos] == ch) {
        ++pos;  // escaped brace: the literal includes one of them
        markup = false;
      } else {
        --len;
      }
    }
    for (size_t k = lit; k < lit + len; ++k) utf8_append(out, s[k]);
    if (!markup) continue;
    // The field: name [!conversion] [:spec] }
    size_t fa = pos;
    uint32_t c2 = 0;
    while (pos < end) {
      c2 = s[pos++];
      if (c2 == '{') {
        raise(I, I.rt.exc_ValueError, "unexpected '{' in field name");
        return false;
      }
      if (c2 == '[') {
        while (pos < end && s[pos] != ']') ++pos;
        continue;
      }
      if (c2 == '}' || c2 == ':' || c2 == '!') break;
    }
    size_t fb = pos - 1;
    uint32_t conversion = 0;
    size_t sa = 0, sb = 0;
    bool expand = false;
    if (c2 == '!' || c2 == ':') {
      bool done = false;
      if (c2 == '!') {
        if (pos >= end) {
          raise(I, I.rt.exc_ValueError, "end of string while looking for conversion specifier");
          return false;
        }
        conversion = s[pos++];
        if (pos < end) {
          uint32_t c3 = s[pos++];
          if (c3 == '}') {
            done = true;
          } else if (c3 != ':') {
            raise(I, I.rt.exc_ValueError, "expected ':' after conversion specifier");
            return false;
          }
        }
      }
      if (!done) {
        sa = pos;
        int count = 1;
        bool closed = false;
        while (pos < end) {
          uint32_t c4 = s[pos++];
          if (c4 == '{') {
            expand = true;
            ++count;
          } else if (c4 == '}') {
            if (--count == 0) {
              sb = pos - 1;
              closed = true;
              break;
            }
          }
        }
        if (!closed) {
          raise(I, I.rt.exc_ValueError, "unmatched '{' in format spec");
          return false;
        }
      }
    } else if (c2 != '}') {
      raise(I, I.rt.exc_ValueError, "expected '}' before end of string");
      return false;
    }
    if (!render_field(c, s, fa, fb, conversion, sa, sb, expand, depth, out)) return false;
  }
  return true;
}

Value do_format(FormatCtx& c, Str* fmt) {
  // No replacement field and no escaped brace: CPython returns fmt itself.
  if (!memchr(fmt->data, '{', fmt->size()) && !memchr(fmt->data, '}', fmt->size())) return Value::object(fmt);
  std::vector<uint32_t> s;
  s.reserve(fmt->length);
  const char* p = fmt->data;
  const char* e = p + fmt->size();
  while (p < e) s.push_back(utf8_decode(p));
  std::string out;
  out.reserve(fmt->size() + 16);
  if (!build_string(c, s, 0, s.size(), 2, out)) return Value::error();
  return str_from_utf8(c.I, out);
}

}  // namespace

Value str_format_method(Isolate& I, Str* fmt, const Value* args, size_t nargs, Tuple* kwnames) {
  FormatCtx c{I, args, nargs, kwnames, Value::null()};
  return do_format(c, fmt);
}

Value str_format_map(Isolate& I, Str* fmt, Value mapping) {
  FormatCtx c{I, nullptr, 0, nullptr, mapping};
  return do_format(c, fmt);
}

}  // namespace capy
