// Number formatting: ports of CPython 3.11's format_float_short
// (Python/pystrtod.c), the number half of Python/formatter_unicode.c and the
// numeric part of printf-style formatting (Objects/unicodeobject.c). Digit
// generation uses std::to_chars, which is correctly rounded (round-half-even
// on the exact binary value, like David Gay's dtoa used by CPython).
#include "objects/number_format.h"

#include <charconv>
#include <climits>
#include <cmath>
#include <cstring>
#include <vector>

#include "objects/ops.h"  // first: int.h and float.h need Runtime declared
#include "objects/float.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/unicode.h"
#include "vm/isolate.h"

namespace capy {

// --- digit generation (the part of _Py_dg_dtoa CPython uses) -----------------------------

namespace {

/// Decimal digits of d (finite, >= 0): mode 0 shortest round trip, mode 2
/// `nd` significant digits, mode 3 `nd` digits after the point. Trailing
/// zeros are removed; decpt is the position of the decimal point relative
/// to the first digit. Zero gives "0" with decpt 1; a mode 3 result that
/// rounds to zero gives "" with decpt -nd (as dtoa does).
void dtoa_digits(double d, int mode, int nd, std::string& digits, int& decpt) {
  digits.clear();
  if (d == 0) {
    digits = "0";
    decpt = 1;
    return;
  }
  if (mode == 0 || mode == 2) {
    // A double's exact decimal expansion has at most 767 significant digits.
    if (mode == 2 && nd > 800) nd = 800;
    char stack[64];
    std::vector<char> heap;
    char* b = stack;
    size_t cap = sizeof stack;
    if (mode == 2 && size_t(nd) + 32 > cap) {
      heap.resize(size_t(nd) + 32);
      b = heap.data();
      cap = heap.size();
    }
    std::to_chars_result r = mode == 0
                                 ? std::to_chars(b, b + cap, d, std::chars_format::scientific)
                                 : std::to_chars(b, b + cap, d, std::chars_format::scientific, nd - 1);
    const char* p = b;
    const char* e = r.ptr;
    digits.push_back(*p++);
    if (p < e && *p == '.') {
      ++p;
      while (p < e && *p >= '0' && *p <= '9') digits.push_back(*p++);
    }
    // p at 'e'
    int exp = 0;
    bool neg = false;
    ++p;
    if (*p == '-') neg = true;
    ++p;
    while (p < e) exp = exp * 10 + (*p++ - '0');
    decpt = (neg ? -exp : exp) + 1;
  } else {
    // A double has at most 1074 digits after the point.
    if (nd > 1100) nd = 1100;
    std::vector<char> buf(size_t(nd) + 340);
    std::to_chars_result r =
        std::to_chars(buf.data(), buf.data() + buf.size(), d, std::chars_format::fixed, nd);
    int intlen = -1, count = 0, lead = 0;
    bool seen_nonzero = false;
    for (const char* p = buf.data(); p < r.ptr; ++p) {
      if (*p == '.') { intlen = count; continue; }
      if (!seen_nonzero && *p == '0') { ++lead; ++count; continue; }
      seen_nonzero = true;
      digits.push_back(*p);
      ++count;
    }
    if (intlen < 0) intlen = count;
    if (!seen_nonzero) {
      digits.clear();
      decpt = -nd;
      return;
    }
    decpt = intlen - lead;
  }
  while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
}

}  // namespace

void double_to_string(std::string& out, double d, char code, int precision, unsigned flags) {
  bool upper = false;
  int mode = 0;
  switch (code) {
    case 'E': upper = true; code = 'e'; [[fallthrough]];
    case 'e': mode = 2; precision++; break;
    case 'F': upper = true; code = 'f'; [[fallthrough]];
    case 'f': mode = 3; break;
    case 'G': upper = true; code = 'g'; [[fallthrough]];
    case 'g': mode = 2; if (precision == 0) precision = 1; break;
    default: code = 'r'; mode = 0; precision = 0; break;
  }
  const bool always_add_sign = flags & kDtsfSign;
  const bool add_dot_0_if_integer = flags & kDtsfAddDot0;
  const bool use_alt_formatting = flags & kDtsfAlt;
  const bool no_negative_zero = flags & kDtsfNoNegZero;

  if (!std::isfinite(d)) {
    bool sign = std::isnan(d) ? false : std::signbit(d);
    if (sign) out.push_back('-');
    else if (always_add_sign) out.push_back('+');
    if (std::isinf(d)) out += upper ? "INF" : "inf";
    else out += upper ? "NAN" : "nan";
    return;
  }
  bool sign = std::signbit(d);
  std::string digits;
  int decpt_i;
  dtoa_digits(std::fabs(d), mode, precision, digits, decpt_i);
  int64_t decpt = decpt_i;
  int64_t digits_len = int64_t(digits.size());

  if (no_negative_zero && sign && (digits_len == 0 || (digits_len == 1 && digits[0] == '0')))
    sign = false;

  int64_t vdigits_end = digits_len;
  bool use_exp = false;
  switch (code) {
    case 'e':
      use_exp = true;
      vdigits_end = precision;
      break;
    case 'f':
      vdigits_end = decpt + precision;
      break;
    case 'g':
      if (decpt <= -4 || decpt > (add_dot_0_if_integer ? precision - 1 : precision)) use_exp = true;
      if (use_alt_formatting) vdigits_end = precision;
      break;
    default:  // 'r'
      if (decpt <= -4 || decpt > 16) use_exp = true;
      break;
  }
  int64_t exp = 0;
  if (use_exp) {
    exp = decpt - 1;
    decpt = 1;
  }
  int64_t vdigits_start = decpt <= 0 ? decpt - 1 : 0;
  if (!use_exp && add_dot_0_if_integer)
    vdigits_end = vdigits_end > decpt ? vdigits_end : decpt + 1;
  else
    vdigits_end = vdigits_end > decpt ? vdigits_end : decpt;

  size_t start = out.size();
  if (sign) out.push_back('-');
  else if (always_add_sign) out.push_back('+');

  if (decpt <= 0) {
    out.append(size_t(decpt - vdigits_start), '0');
    out.push_back('.');
    out.append(size_t(-decpt), '0');
  } else {
    out.append(size_t(-vdigits_start), '0');
  }
  if (0 < decpt && decpt <= digits_len) {
    out.append(digits, 0, size_t(decpt));
    out.push_back('.');
    out.append(digits, size_t(decpt), std::string::npos);
  } else {
    out += digits;
  }
  if (digits_len < decpt) {
    out.append(size_t(decpt - digits_len), '0');
    out.push_back('.');
    out.append(size_t(vdigits_end - decpt), '0');
  } else {
    out.append(size_t(vdigits_end - digits_len), '0');
  }
  if (out.size() > start && out.back() == '.' && !use_alt_formatting) out.pop_back();
  if (use_exp) {
    out.push_back(upper ? 'E' : 'e');
    char buf[16];
    snprintf(buf, sizeof buf, "%+.02lld", static_cast<long long>(exp));
    out += buf;
  }
}

std::string float_repr(double d) {
  std::string s;
  double_to_string(s, d, 'r', 0, kDtsfAddDot0);
  return s;
}

// --- the format-spec mini-language ------------------------------------------------------

namespace {

enum Thousands : uint8_t { kNoLocale = 0, kComma = 1, kUnderscore = 2, kUnderFour = 3, kCurrent = 4 };

struct FormatSpec {
  uint32_t fill = ' ';
  uint32_t align = '>';
  uint32_t sign = 0;
  bool no_neg_0 = false;
  bool alternate = false;
  int64_t width = -1;
  uint8_t thousands = kNoLocale;
  int64_t precision = -1;
  uint32_t type = 0;
};

bool is_alignment_token(uint32_t c) { return c == '<' || c == '>' || c == '=' || c == '^'; }
bool is_sign_element(uint32_t c) { return c == ' ' || c == '+' || c == '-'; }

std::vector<uint32_t> decode_cps(std::string_view s) {
  std::vector<uint32_t> cps;
  cps.reserve(s.size());
  const char* p = s.data();
  const char* e = p + s.size();
  while (p < e) cps.push_back(utf8_decode(p));
  return cps;
}

/// get_integer of formatter_unicode.c: -1 on overflow (ValueError set), else the number of digits.
int get_integer(Isolate& I, const std::vector<uint32_t>& s, size_t& pos, int64_t& result) {
  int64_t acc = 0;
  int n = 0;
  for (; pos < s.size(); ++pos, ++n) {
    int dv = uni::decimal_value(s[pos]);
    if (dv < 0) break;
    if (acc > (INT64_MAX - dv) / 10) {
      raise(I, I.rt.exc_ValueError, "Too many decimal digits in format string");
      return -1;
    }
    acc = acc * 10 + dv;
  }
  result = acc;
  return n;
}

Value invalid_thousands(Isolate& I, char spec, uint32_t type) {
  if (type > 32 && type < 128)
    return raisef(I, I.rt.exc_ValueError, "Cannot specify '%c' with '%c'.", spec, char(type));
  return raisef(I, I.rt.exc_ValueError, "Cannot specify '%c' with '\\x%x'.", spec, unsigned(type));
}

Value unknown_presentation_type(Isolate& I, uint32_t type, const char* tname) {
  if (type > 32 && type < 128)
    return raisef(I, I.rt.exc_ValueError, "Unknown format code '%c' for object of type '%.200s'",
                  char(type), tname);
  return raisef(I, I.rt.exc_ValueError, "Unknown format code '\\x%x' for object of type '%.200s'",
                unsigned(type), tname);
}

/// parse_internal_render_format_spec. false with ValueError pending.
bool parse_spec(Isolate& I, std::string_view text, const char* tname, uint32_t default_type,
                uint32_t default_align, FormatSpec* f) {
  std::vector<uint32_t> s = decode_cps(text);
  size_t pos = 0, end = s.size();
  bool fill_specified = false, align_specified = false;
  f->fill = ' ';
  f->align = default_align;
  f->type = default_type;
  if (end - pos >= 2 && is_alignment_token(s[pos + 1])) {
    f->align = s[pos + 1];
    f->fill = s[pos];
    fill_specified = align_specified = true;
    pos += 2;
  } else if (end - pos >= 1 && is_alignment_token(s[pos])) {
    f->align = s[pos];
    align_specified = true;
    ++pos;
  }
  if (end - pos >= 1 && is_sign_element(s[pos])) f->sign = s[pos++];
  if (end - pos >= 1 && s[pos] == 'z') { f->no_neg_0 = true; ++pos; }
  if (end - pos >= 1 && s[pos] == '#') { f->alternate = true; ++pos; }
  if (!fill_specified && end - pos >= 1 && s[pos] == '0') {
    f->fill = '0';
    if (!align_specified && default_align == '>') f->align = '=';
    ++pos;
  }
  int consumed = get_integer(I, s, pos, f->width);
  if (consumed < 0) return false;
  if (consumed == 0) f->width = -1;
  if (end - pos && s[pos] == ',') {
    f->thousands = kComma;
    ++pos;
  }
  if (end - pos && s[pos] == '_') {
    if (f->thousands != kNoLocale) {
      raise(I, I.rt.exc_ValueError, "Cannot specify both ',' and '_'.");
      return false;
    }
    f->thousands = kUnderscore;
    ++pos;
  }
  if (end - pos && s[pos] == ',') {
    if (f->thousands == kUnderscore) {
      raise(I, I.rt.exc_ValueError, "Cannot specify both ',' and '_'.");
      return false;
    }
  }
  if (end - pos && s[pos] == '.') {
    ++pos;
    consumed = get_integer(I, s, pos, f->precision);
    if (consumed < 0) return false;
    if (consumed == 0) {
      raise(I, I.rt.exc_ValueError, "Format specifier missing precision");
      return false;
    }
  }
  if (end - pos > 1) {
    std::string spec(text);
    raisef(I, I.rt.exc_ValueError, "Invalid format specifier '%s' for object of type '%.200s'",
           spec.c_str(), tname);
    return false;
  }
  if (end - pos == 1) f->type = s[pos++];
  if (f->thousands) {
    switch (f->type) {
      case 'd': case 'e': case 'f': case 'g': case 'E': case 'G': case '%': case 'F': case 0:
        break;
      case 'b': case 'o': case 'x': case 'X':
        if (f->thousands == kUnderscore) {
          f->thousands = kUnderFour;
          break;
        }
        [[fallthrough]];
      default:
        invalid_thousands(I, f->thousands == kComma ? ',' : '_', f->type);
        return false;
    }
  }
  return true;
}

struct NumLocale {
  char sep = 0;      // 0: no grouping
  int grouping = 0;  // group size
};

NumLocale locale_for(uint8_t thousands) {
  switch (thousands) {
    case kComma: return {',', 3};
    case kUnderscore: return {'_', 3};
    case kUnderFour: return {'_', 4};
    default: return {};  // no grouping; the C locale for 'n'
  }
}

/// _PyUnicode_InsertThousandsGrouping, appending to out.
void group_digits(std::string& out, std::string_view digits, int64_t min_width, const NumLocale& loc) {
  if (min_width < 0) min_width = 0;
  std::string rev;
  int64_t remaining = int64_t(digits.size());
  size_t dpos = digits.size();
  bool use_sep = false;
  bool broken = false;
  auto fill = [&](int64_t n_chars, int64_t n_zeros) {
    if (use_sep) rev.push_back(loc.sep);
    for (int64_t i = 0; i < n_chars; ++i) rev.push_back(digits[--dpos]);
    rev.append(size_t(n_zeros), '0');
  };
  if (loc.grouping > 0) {
    for (;;) {
      int64_t len = std::min<int64_t>(loc.grouping, std::max<int64_t>(std::max(remaining, min_width), 1));
      int64_t n_zeros = std::max<int64_t>(0, len - remaining);
      int64_t n_chars = std::max<int64_t>(0, std::min(remaining, len));
      fill(n_chars, n_zeros);
      use_sep = true;
      remaining -= n_chars;
      min_width -= len;
      if (remaining <= 0 && min_width <= 0) { broken = true; break; }
      min_width -= 1;
    }
  }
  if (!broken) {
    int64_t len = std::max<int64_t>(std::max(remaining, min_width), 1);
    int64_t n_zeros = std::max<int64_t>(0, len - remaining);
    int64_t n_chars = std::max<int64_t>(0, std::min(remaining, len));
    fill(n_chars, n_zeros);
  }
  out.append(rev.rbegin(), rev.rend());
}

void append_fill(std::string& out, uint32_t fill, int64_t n) {
  if (n <= 0) return;
  if (fill < 0x80) {
    out.append(size_t(n), char(fill));
    return;
  }
  std::string one;
  utf8_append(one, fill);
  for (int64_t i = 0; i < n; ++i) out += one;
}

char ascii_upper(char c) { return c >= 'a' && c <= 'z' ? char(c - 32) : c; }

/// calc_number_widths + fill_number. The number is `digits` [+ '.' if
/// has_decimal] + `remainder` (UTF-8, remainder_len code points).
void layout_number(std::string& out, const FormatSpec& f, char sign_char, std::string_view prefix,
                   std::string_view digits, bool has_decimal, std::string_view remainder,
                   int64_t remainder_len, const NumLocale& loc, bool upper) {
  char sign = 0;
  switch (f.sign) {
    case '+': sign = sign_char == '-' ? '-' : '+'; break;
    case ' ': sign = sign_char == '-' ? '-' : ' '; break;
    default: if (sign_char == '-') sign = '-'; break;
  }
  int64_t n_sign = sign ? 1 : 0;
  int64_t n_decimal = has_decimal ? 1 : 0;
  int64_t nondigit = n_sign + int64_t(prefix.size()) + n_decimal + remainder_len;
  int64_t min_width = (f.fill == '0' && f.align == '=') ? f.width - nondigit : 0;
  std::string grouped;
  if (!digits.empty()) group_digits(grouped, digits, min_width, loc);
  if (upper)
    for (char& c : grouped) c = ascii_upper(c);
  int64_t n_padding = f.width - (nondigit + int64_t(grouped.size()));
  int64_t lpad = 0, spad = 0, rpad = 0;
  if (n_padding > 0) {
    switch (f.align) {
      case '<': rpad = n_padding; break;
      case '^': lpad = n_padding / 2; rpad = n_padding - lpad; break;
      case '=': spad = n_padding; break;
      default: lpad = n_padding; break;
    }
  }
  append_fill(out, f.fill, lpad);
  if (sign) out.push_back(sign);
  for (char c : prefix) out.push_back(upper ? ascii_upper(c) : c);
  append_fill(out, f.fill, spad);
  out += grouped;
  if (has_decimal) out.push_back('.');
  out += remainder;
  append_fill(out, f.fill, rpad);
}

/// parse_number: digits, then an optional '.', then the remainder.
void split_number(std::string_view num, std::string_view& digits, bool& has_decimal,
                  std::string_view& remainder) {
  size_t p = 0;
  while (p < num.size() && num[p] >= '0' && num[p] <= '9') ++p;
  digits = num.substr(0, p);
  has_decimal = p < num.size() && num[p] == '.';
  remainder = num.substr(p + (has_decimal ? 1 : 0));
}

/// Raises MemoryError when a result of about n * mult bytes cannot be afforded.
bool check_room(Isolate& I, int64_t n, int64_t mult) {
  if (n < (1 << 18)) return true;
  // Beyond 2 GiB a temporary std::string could not be allocated (bad_alloc).
  constexpr int64_t kCap = int64_t(1) << 31;
  size_t limit = I.heap.limit();
  size_t used = I.heap.bytes_in_use();
  uint64_t room = limit > used ? limit - used : 0;
  if (n > kCap / mult || uint64_t(n * mult) > room) {
    raise_memory(I);
    return false;
  }
  return true;
}

Value make_str(Isolate& I, const std::string& s) { return str_value(I, s); }

/// format_float_internal: appends to out; false with an exception pending.
bool format_float_internal(Isolate& I, double val, const FormatSpec& f, std::string& out) {
  if (f.precision > INT_MAX) {
    raise(I, I.rt.exc_ValueError, "precision too big");
    return false;
  }
  int precision = int(f.precision);
  unsigned flags = 0;
  int default_precision = 6;
  uint32_t type = f.type;
  bool add_pct = false;
  if (f.alternate) flags |= kDtsfAlt;
  if (f.no_neg_0) flags |= kDtsfNoNegZero;
  if (type == 0) {
    flags |= kDtsfAddDot0;
    type = 'r';
    default_precision = 0;
  }
  if (type == 'n') type = 'g';
  if (type == '%') {
    type = 'f';
    val *= 100;
    add_pct = true;
  }
  if (precision < 0) precision = default_precision;
  else if (type == 'r') type = 'g';
  int64_t est = int64_t(precision) + 400;
  if (f.width > est) est = f.width;
  if (!check_room(I, est, 4)) return false;
  std::string buf;
  double_to_string(buf, val, char(type), precision, flags);
  if (add_pct) buf.push_back('%');
  char sign_char = 0;
  std::string_view num(buf);
  if (!num.empty() && num[0] == '-') {
    sign_char = '-';
    num.remove_prefix(1);
  }
  std::string_view digits, remainder;
  bool has_decimal;
  split_number(num, digits, has_decimal, remainder);
  NumLocale loc = locale_for(f.type == 'n' ? uint8_t(kCurrent) : f.thousands);
  layout_number(out, f, sign_char, {}, digits, has_decimal, remainder, int64_t(remainder.size()), loc,
                false);
  return true;
}

}  // namespace

Value format_float(Isolate& I, double d, std::string_view spec, Value self) {
  if (spec.empty()) {
    if (!self.is_null() && !self.is_double()) return str(I, self);
    return make_str(I, float_repr(d));
  }
  const char* tname = self.is_null() ? "float" : type_name(I, self);
  FormatSpec f;
  if (!parse_spec(I, spec, tname, 0, '>', &f)) return Value::error();
  switch (f.type) {
    case 0: case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'n': case '%':
      break;
    default:
      return unknown_presentation_type(I, f.type, tname);
  }
  std::string out;
  if (!format_float_internal(I, d, f, out)) return Value::error();
  return make_str(I, out);
}

Value format_int(Isolate& I, Value v, std::string_view spec) {
  if (spec.empty()) {
    if (is_exact_int(v)) return int_to_decimal(I, v);
    return str(I, v);
  }
  const char* tname = type_name(I, v);
  FormatSpec f;
  if (!parse_spec(I, spec, tname, 'd', '>', &f)) return Value::error();
  Value iv = int_unwrap(I, v);
  std::string out;
  switch (f.type) {
    case 'b': case 'c': case 'd': case 'o': case 'x': case 'X': case 'n': {
      if (f.precision != -1)
        return raise(I, I.rt.exc_ValueError, "Precision not allowed in integer format specifier");
      if (f.no_neg_0)
        return raise(I, I.rt.exc_ValueError,
                     "Negative zero coercion (z) not allowed in integer format specifier");
      if (!check_room(I, f.width, 4)) return Value::error();
      if (f.type == 'c') {
        if (f.sign)
          return raise(I, I.rt.exc_ValueError, "Sign not allowed with integer format specifier 'c'");
        if (f.alternate)
          return raise(I, I.rt.exc_ValueError,
                       "Alternate form (#) not allowed with integer format specifier 'c'");
        int64_t x;
        if (!int_to_i64(iv, &x))
          return raise(I, I.rt.exc_OverflowError, "Python int too large to convert to C long");
        if (x < 0 || x > 0x10ffff)
          return raise(I, I.rt.exc_OverflowError, "%c arg not in range(0x110000)");
        std::string ch;
        utf8_append(ch, uint32_t(x));
        layout_number(out, f, 0, {}, {}, false, ch, 1, locale_for(f.thousands), false);
        return make_str(I, out);
      }
      int base = 10;
      const char* prefix = "";
      switch (f.type) {
        case 'b': base = 2; prefix = "0b"; break;
        case 'o': base = 8; prefix = "0o"; break;
        case 'x': case 'X': base = 16; prefix = "0x"; break;
        default: break;
      }
      std::string text;
      if (base == 10) {
        if (!int_decimal_text(I, iv, text)) return Value::error();
      } else if (!int_text_in_base(I, iv, base, text)) {
        return Value::error();
      }
      char sign_char = 0;
      std::string_view digits(text);
      if (!digits.empty() && digits[0] == '-') {
        sign_char = '-';
        digits.remove_prefix(1);
      }
      NumLocale loc = locale_for(f.type == 'n' ? uint8_t(kCurrent) : f.thousands);
      layout_number(out, f, sign_char, f.alternate ? std::string_view(prefix) : std::string_view(),
                    digits, false, {}, 0, loc, f.type == 'X');
      return make_str(I, out);
    }
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%': {
      double d;
      if (is_exact_int(v) || v.is_bool()) {
        bool overflow = false;
        d = int_to_double(I, iv, &overflow);
        if (overflow) return raise(I, I.rt.exc_OverflowError, "int too large to convert to float");
      } else {
        Value fv = number_float(I, v);
        if (fv.is_error()) return fv;
        d = float_value(fv);
      }
      if (!format_float_internal(I, d, f, out)) return Value::error();
      return make_str(I, out);
    }
    default:
      return unknown_presentation_type(I, f.type, tname);
  }
}

Value format_complex(Isolate& I, double re, double im, std::string_view spec, Value self) {
  if (spec.empty()) {
    if (!self.is_null()) return str(I, self);
    return make_str(I, complex_repr_text(re, im));
  }
  const char* tname = self.is_null() ? "complex" : type_name(I, self);
  FormatSpec f;
  if (!parse_spec(I, spec, tname, 0, '>', &f)) return Value::error();
  switch (f.type) {
    case 0: case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'n':
      break;
    default:
      return unknown_presentation_type(I, f.type, tname);
  }
  if (f.precision > INT_MAX) return raise(I, I.rt.exc_ValueError, "precision too big");
  int precision = int(f.precision);
  if (f.fill == '0')
    return raise(I, I.rt.exc_ValueError, "Zero padding is not allowed in complex format specifier");
  if (f.align == '=')
    return raise(I, I.rt.exc_ValueError,
                 "'=' alignment flag is not allowed in complex format specifier");
  int64_t est = int64_t(precision) * 2 + 800;
  if (f.width > est) est = f.width;
  if (!check_room(I, est, 4)) return Value::error();
  unsigned flags = 0;
  if (f.alternate) flags |= kDtsfAlt;
  if (f.no_neg_0) flags |= kDtsfNoNegZero;
  uint32_t type = f.type;
  int default_precision = 6;
  bool skip_re = false, add_parens = false;
  if (type == 0) {
    type = 'r';
    default_precision = 0;
    if (re == 0.0 && std::copysign(1.0, re) == 1.0) skip_re = true;
    else add_parens = true;
  }
  if (type == 'n') type = 'g';
  if (precision < 0) precision = default_precision;
  else if (type == 'r') type = 'g';
  std::string re_buf, im_buf;
  double_to_string(re_buf, re, char(type), precision, flags);
  double_to_string(im_buf, im, char(type), precision, flags);
  std::string_view rnum(re_buf), inum(im_buf);
  char re_sign = 0, im_sign = 0;
  if (!rnum.empty() && rnum[0] == '-') { re_sign = '-'; rnum.remove_prefix(1); }
  if (!inum.empty() && inum[0] == '-') { im_sign = '-'; inum.remove_prefix(1); }
  NumLocale loc = locale_for(f.type == 'n' ? uint8_t(kCurrent) : f.thousands);
  FormatSpec tmp = f;
  tmp.fill = 0;
  tmp.align = '<';
  tmp.width = -1;
  std::string body;
  if (add_parens) body.push_back('(');
  std::string_view d, r;
  bool hd;
  if (!skip_re) {
    split_number(rnum, d, hd, r);
    layout_number(body, tmp, re_sign, {}, d, hd, r, int64_t(r.size()), loc, false);
    tmp.sign = '+';
  }
  split_number(inum, d, hd, r);
  layout_number(body, tmp, im_sign, {}, d, hd, r, int64_t(r.size()), loc, false);
  body.push_back('j');
  if (add_parens) body.push_back(')');
  int64_t nchars = int64_t(body.size());
  int64_t total = f.width >= 0 && f.width > nchars ? f.width : nchars;
  int64_t lpad = 0;
  if (f.align == '>') lpad = total - nchars;
  else if (f.align == '^') lpad = (total - nchars) / 2;
  int64_t rpad = total - nchars - lpad;
  std::string out;
  append_fill(out, f.fill, lpad);
  out += body;
  append_fill(out, f.fill, rpad);
  return make_str(I, out);
}

// --- printf-style ------------------------------------------------------------------------

void printf_pad(std::string_view text, bool numeric, char conv, const PrintfSpec& spec, std::string& out) {
  // unicode_format_arg_output of CPython.
  int64_t len = int64_t(utf8_count(text));
  int64_t width = spec.width;
  bool has_sign = numeric;
  char fill = (has_sign && spec.zero) ? '0' : ' ';
  if ((width == -1 || width <= len) && !(numeric && (spec.plus || spec.blank))) {
    out += text;
    return;
  }
  size_t pindex = 0;
  char signchar = 0;
  if (has_sign) {
    char ch = text.empty() ? 0 : text[0];
    if (ch == '-' || ch == '+') {
      signchar = ch;
      --len;
      ++pindex;
    } else if (spec.plus) {
      signchar = '+';
    } else if (spec.blank) {
      signchar = ' ';
    } else {
      has_sign = false;
    }
  }
  if (width < len) width = len;
  if (has_sign) {
    if (fill != ' ') out.push_back(signchar);
    if (width > len) width--;
  }
  bool alt_prefix = numeric && spec.alt && (conv == 'x' || conv == 'X' || conv == 'o');
  if (alt_prefix) {
    if (fill != ' ') {
      out.append(text.substr(pindex, 2));
      pindex += 2;
    }
    width -= 2;
    if (width < 0) width = 0;
    len -= 2;
  }
  if (width > len && !spec.ljust) {
    out.append(size_t(width - len), fill);
    width = len;
  }
  if (fill == ' ') {
    if (has_sign) out.push_back(signchar);
    if (alt_prefix) {
      out.append(text.substr(pindex, 2));
      pindex += 2;
    }
  }
  out.append(text.substr(pindex));
  if (width > len) out.append(size_t(width - len), ' ');
}

bool printf_format_int(Isolate& I, Value intval, char conv, const PrintfSpec& spec, std::string& out) {
  int64_t prec = spec.prec;
  if (prec > INT_MAX - 3) {
    raise(I, I.rt.exc_OverflowError, "precision too large");
    return false;
  }
  if (!check_room(I, std::max(prec, spec.width), 3)) return false;
  Value iv = int_unwrap(I, intval);
  std::string text;
  bool upper = conv == 'X';
  if (conv == 'o' || conv == 'x' || conv == 'X') {
    if (!int_text_in_base(I, iv, conv == 'o' ? 8 : 16, text)) return false;
  } else {
    if (!int_decimal_text(I, iv, text)) return false;
  }
  bool neg = !text.empty() && text[0] == '-';
  std::string_view digits(text);
  if (neg) digits.remove_prefix(1);
  std::string res;
  if (neg) res.push_back('-');
  if (spec.alt && (conv == 'o' || conv == 'x' || conv == 'X')) {
    res.push_back('0');
    res.push_back(conv == 'o' ? 'o' : conv);
  }
  if (prec > int64_t(digits.size())) res.append(size_t(prec - int64_t(digits.size())), '0');
  size_t dstart = res.size();
  res += digits;
  if (upper)
    for (size_t i = dstart; i < res.size(); ++i) res[i] = ascii_upper(res[i]);
  printf_pad(res, true, conv, spec, out);
  return true;
}

bool printf_format_float(Isolate& I, double d, char conv, const PrintfSpec& spec, std::string& out) {
  int64_t prec = spec.prec < 0 ? 6 : spec.prec;
  if (prec > INT_MAX) prec = INT_MAX;
  if (!check_room(I, std::max(prec + 400, spec.width), 3)) return false;
  std::string buf;
  double_to_string(buf, d, conv, int(prec), spec.alt ? unsigned(kDtsfAlt) : 0u);
  printf_pad(buf, true, conv, spec, out);
  return true;
}

}  // namespace capy
