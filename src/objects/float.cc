// float: exact floats are unboxed doubles (see value.h); instances of float
// subclasses are BoxedFloat. Semantics, special cases and messages follow
// CPython 3.11's Objects/floatobject.c.
#include "objects/ops.h"  // first: float.h needs Runtime declared

#include <cerrno>
#include <cfloat>
#include <climits>
#include <cmath>
#include <cstring>
#include <locale.h>

#include "objects/bytes.h"
#include "objects/exception.h"
#include "objects/float.h"
#include "objects/type.h"
#include "objects/int.h"
#include "objects/native.h"
#include "objects/number_format.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/unicode.h"

namespace capy {

namespace {

constexpr uint64_t kHashBits = 61;
constexpr uint64_t kHashModulus = (uint64_t(1) << kHashBits) - 1;
constexpr int64_t kHashInf = 314159;

/// CONVERT_TO_DOUBLE: 1 converted, 0 not a float/int (NotImplemented), -1 error.
inline int as_double(Isolate& I, Value v, double* out) {
  if (v.is_double()) {
    *out = v.as_double();
    return 1;
  }
  if (v.is_small_int()) {
    *out = double(v.as_small_int());
    return 1;
  }
  if (v.is_bool()) {
    *out = v.is_true() ? 1.0 : 0.0;
    return 1;
  }
  if (v.is_object()) {
    uint32_t fl = v.as_object()->type_->flags;
    if (fl & kTypeFloatSubclass) {
      *out = v.as<BoxedFloat>()->value;
      return 1;
    }
    if (fl & kTypeIntSubclass) {
      bool overflow = false;
      *out = int_to_double(I, v, &overflow);
      if (overflow) {
        raise(I, I.rt.exc_OverflowError, "int too large to convert to float");
        return -1;
      }
      return 1;
    }
  }
  return 0;
}

#define CONVERT2(a, b, x, y)                   \
  double x, y;                                 \
  {                                            \
    int ra_ = as_double(I, a, &x);             \
    if (ra_ < 0) return Value::error();        \
    if (ra_ == 0) return Value::not_implemented(); \
    int rb_ = as_double(I, b, &y);             \
    if (rb_ < 0) return Value::error();        \
    if (rb_ == 0) return Value::not_implemented(); \
  }

inline Value F(double d) { return Value::from_double(d); }

}  // namespace

bool is_float(Isolate& I, Value v) {
  if (v.is_double()) return true;
  return v.is_object() && (v.as_object()->type_->flags & kTypeFloatSubclass);
}

double float_value(Value v) {
  if (v.is_double()) return v.as_double();
  return v.as<BoxedFloat>()->value;
}

int64_t float_hash(double v) {
  if (!std::isfinite(v)) {
    if (std::isinf(v)) return v > 0 ? kHashInf : -kHashInf;
    return 0;
  }
  int e;
  double m = std::frexp(v, &e);
  int sign = 1;
  if (m < 0) {
    sign = -1;
    m = -m;
  }
  uint64_t x = 0;
  while (m) {
    x = ((x << 28) & kHashModulus) | x >> (kHashBits - 28);
    m *= 268435456.0;
    e -= 28;
    uint64_t y = uint64_t(m);
    m -= double(y);
    x += y;
    if (x >= kHashModulus) x -= kHashModulus;
  }
  e = e >= 0 ? e % int(kHashBits) : int(kHashBits) - 1 - ((-1 - e) % int(kHashBits));
  x = ((x << e) & kHashModulus) | x >> (kHashBits - uint64_t(e));
  x = x * uint64_t(int64_t(sign));
  if (x == uint64_t(-1)) x = uint64_t(-2);
  return int64_t(x);
}

// --- text -> float ------------------------------------------------------------------------------

namespace {

inline bool c_isspace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }

bool ci_match(const char* s, const char* e, const char* word) {
  for (; *word; ++word, ++s) {
    if (s >= e) return false;
    char c = *s;
    if (c >= 'A' && c <= 'Z') c = char(c + 32);
    if (c != *word) return false;
  }
  return true;
}

locale_t c_locale() {
  static locale_t loc = newlocale(LC_ALL_MASK, "C", locale_t(0));
  return loc;
}

}  // namespace

const char* parse_double_prefix(const char* s, const char* e, double* out) {
  // _Py_parse_inf_or_nan
  {
    const char* p = s;
    bool negate = false;
    if (p < e && *p == '-') { negate = true; ++p; }
    else if (p < e && *p == '+') ++p;
    if (ci_match(p, e, "inf")) {
      p += 3;
      if (ci_match(p, e, "inity")) p += 5;
      *out = negate ? -HUGE_VAL : HUGE_VAL;
      return p;
    }
    if (ci_match(p, e, "nan")) {
      p += 3;
      *out = negate ? -NAN : NAN;
      return p;
    }
  }
  // _Py_dg_strtod grammar: [sign] (digits [. digits] | . digits) [(e|E) [sign] digits]
  const char* p = s;
  if (p < e && (*p == '+' || *p == '-')) ++p;
  const char* mant = p;
  size_t nd = 0;
  while (p < e && *p >= '0' && *p <= '9') { ++p; ++nd; }
  if (p < e && *p == '.') {
    ++p;
    while (p < e && *p >= '0' && *p <= '9') { ++p; ++nd; }
  }
  if (nd == 0) return s;
  (void)mant;
  if (p < e && (*p == 'e' || *p == 'E')) {
    const char* q = p + 1;
    if (q < e && (*q == '+' || *q == '-')) ++q;
    if (q < e && *q >= '0' && *q <= '9') {
      while (q < e && *q >= '0' && *q <= '9') ++q;
      p = q;
    }
  }
  std::string buf(s, size_t(p - s));
  *out = strtod_l(buf.c_str(), nullptr, c_locale());
  return p;
}

namespace {

/// _Py_string_to_number_with_underscores: removes underscores between
/// digits; false when they are misplaced (or the text has a NUL).
bool strip_underscores(std::string_view s, std::string& out) {
  if (s.find('_') == std::string_view::npos) {
    if (s.find('\0') != std::string_view::npos) {
      // strchr stops at NUL: no underscores seen; the inner parser rejects it.
    }
    out.assign(s);
    return true;
  }
  char prev = 0;
  size_t i = 0;
  for (; i < s.size() && s[i]; ++i) {
    char c = s[i];
    if (c == '_') {
      if (!(prev >= '0' && prev <= '9')) return false;
    } else {
      out.push_back(c);
      if (prev == '_' && !(c >= '0' && c <= '9')) return false;
    }
    prev = c;
  }
  if (prev == '_') return false;
  if (i != s.size()) return false;
  return true;
}

/// float_from_string_inner on ASCII text; false when malformed.
bool parse_float_text(std::string_view text, double* out) {
  const char* s = text.data();
  const char* last = s + text.size();
  while (s < last && c_isspace(*s)) ++s;
  if (s == last) return false;
  while (s < last - 1 && c_isspace(last[-1])) --last;
  const char* end = parse_double_prefix(s, last, out);
  return end == last && end != s;
}

/// Transforms a str's text like _PyUnicode_TransformDecimalAndSpaceToASCII.
std::string to_ascii_digits(std::string_view text) {
  std::string t;
  const char* p = text.data();
  const char* e = p + text.size();
  while (p < e) {
    uint32_t cp = utf8_decode(p);
    if (cp < 127) t.push_back(char(cp));
    else if (uni::is_space(cp)) t.push_back(' ');
    else {
      int d = uni::decimal_value(cp);
      if (d < 0) {
        t.push_back('?');
        break;
      }
      t.push_back(char('0' + d));
    }
  }
  return t;
}

bool all_ascii(std::string_view s) {
  for (unsigned char c : s)
    if (c >= 0x80) return false;
  return true;
}

}  // namespace

/// Shared by float() and complex(): the ASCII-transformed text of a str.
std::string number_text_ascii(std::string_view utf8) {
  return all_ascii(utf8) ? std::string(utf8) : to_ascii_digits(utf8);
}

Value float_from_string(Isolate& I, std::string_view text) {
  std::string ascii = number_text_ascii(text);
  std::string clean;
  double d;
  if (strip_underscores(ascii, clean) && parse_float_text(clean, &d)) return F(d);
  std::string rep = str_repr_text(text);
  return raisef(I, I.rt.exc_ValueError, "could not convert string to float: %s", rep.c_str());
}

namespace {

Value float_from_object_text(Isolate& I, Value v) {
  if (is_subtype(type_of(I, v), I.rt.str_type)) return float_from_string(I, v.as<Str>()->view());
  std::string_view data;
  Value keep;
  int b = bytes_like(I, v, &data, &keep);
  if (b < 0) return Value::error();
  if (b == 0)
    return raisef(I, I.rt.exc_TypeError, "float() argument must be a string or a real number, not '%.200s'",
                  type_name(I, v));
  std::string clean;
  double d;
  if (strip_underscores(data, clean) && parse_float_text(clean, &d)) return F(d);
  Value r = repr(I, v);
  if (r.is_error()) return r;
  return raisef(I, I.rt.exc_ValueError, "could not convert string to float: %s", r.as<Str>()->data);
}

}  // namespace

// --- arithmetic --------------------------------------------------------------------------------

namespace {

Value overflow_errno(Isolate& I) {
  Value args[2] = {Value::small_int(ERANGE), Value::null()};
  Value msg = str_value(I, "Numerical result out of range");
  if (msg.is_error()) return msg;
  args[1] = msg;
  Tuple* t = tuple_from(I, args, 2);
  if (!t) return Value::error();
  BaseExc* e = exception_new(I, I.rt.exc_OverflowError, t);
  if (!e) return Value::error();
  return raise_value(I, Value::object(e));
}

Value float_add(Isolate& I, Value a, Value b) {
  if (a.is_double() && b.is_double()) return F(a.as_double() + b.as_double());
  CONVERT2(a, b, x, y);
  return F(x + y);
}
Value float_sub(Isolate& I, Value a, Value b) {
  if (a.is_double() && b.is_double()) return F(a.as_double() - b.as_double());
  CONVERT2(a, b, x, y);
  return F(x - y);
}
Value float_mul(Isolate& I, Value a, Value b) {
  if (a.is_double() && b.is_double()) return F(a.as_double() * b.as_double());
  CONVERT2(a, b, x, y);
  return F(x * y);
}
Value float_div(Isolate& I, Value a, Value b) {
  CONVERT2(a, b, x, y);
  if (y == 0.0) return raise(I, I.rt.exc_ZeroDivisionError, "float division by zero");
  return F(x / y);
}

double float_mod_impl(double vx, double wx) {
  double mod = std::fmod(vx, wx);
  if (mod) {
    if ((wx < 0) != (mod < 0)) mod += wx;
  } else {
    mod = std::copysign(0.0, wx);
  }
  return mod;
}

void float_divmod_impl(double vx, double wx, double* floordiv, double* mod) {
  double m = std::fmod(vx, wx);
  double div = (vx - m) / wx;
  if (m) {
    if ((wx < 0) != (m < 0)) {
      m += wx;
      div -= 1.0;
    }
  } else {
    m = std::copysign(0.0, wx);
  }
  double fd;
  if (div) {
    fd = std::floor(div);
    if (div - fd > 0.5) fd += 1.0;
  } else {
    fd = std::copysign(0.0, vx / wx);
  }
  *floordiv = fd;
  *mod = m;
}

Value float_mod(Isolate& I, Value a, Value b) {
  CONVERT2(a, b, x, y);
  if (y == 0.0) return raise(I, I.rt.exc_ZeroDivisionError, "float modulo");
  return F(float_mod_impl(x, y));
}

Value float_floordiv(Isolate& I, Value a, Value b) {
  CONVERT2(a, b, x, y);
  if (y == 0.0) return raise(I, I.rt.exc_ZeroDivisionError, "float floor division by zero");
  double q, m;
  float_divmod_impl(x, y, &q, &m);
  return F(q);
}

Value float_divmod_values(Isolate& I, Value a, Value b) {
  CONVERT2(a, b, x, y);
  if (y == 0.0) return raise(I, I.rt.exc_ZeroDivisionError, "float divmod()");
  double q, m;
  float_divmod_impl(x, y, &q, &m);
  return tuple_pack(I, {F(q), F(m)});
}

inline bool double_is_odd_integer(double x) { return std::fmod(std::fabs(x), 2.0) == 1.0; }

}  // namespace

Value float_divmod(Isolate& I, Value a, Value b) { return float_divmod_values(I, a, b); }

Value float_pow_doubles(Isolate& I, double iv, double iw) {
  bool negate_result = false;
  if (iw == 0) return F(1.0);
  if (std::isnan(iv)) return F(iv);
  if (std::isnan(iw)) return F(iv == 1.0 ? 1.0 : iw);
  if (std::isinf(iw)) {
    iv = std::fabs(iv);
    if (iv == 1.0) return F(1.0);
    if ((iw > 0.0) == (iv > 1.0)) return F(std::fabs(iw));
    return F(0.0);
  }
  if (std::isinf(iv)) {
    bool odd = double_is_odd_integer(iw);
    if (iw > 0.0) return F(odd ? iv : std::fabs(iv));
    return F(odd ? std::copysign(0.0, iv) : 0.0);
  }
  if (iv == 0.0) {
    bool odd = double_is_odd_integer(iw);
    if (iw < 0.0) return raise(I, I.rt.exc_ZeroDivisionError, "0.0 cannot be raised to a negative power");
    return F(odd ? iv : 0.0);
  }
  if (iv < 0.0) {
    if (iw != std::floor(iw)) return complex_pow_values(I, iv, 0.0, iw, 0.0);
    iv = -iv;
    negate_result = double_is_odd_integer(iw);
  }
  if (iv == 1.0) return F(negate_result ? -1.0 : 1.0);
  errno = 0;
  double ix = std::pow(iv, iw);
  if (std::isinf(ix)) return overflow_errno(I);
  if (negate_result) ix = -ix;
  return F(ix);
}

namespace {

Value float_pow(Isolate& I, Value a, Value b) {
  CONVERT2(a, b, x, y);
  return float_pow_doubles(I, x, y);
}

Value float_pow3(Isolate& I, Value a, Value b, Value c) {
  return raise(I, I.rt.exc_TypeError, "pow() 3rd argument not allowed unless all arguments are integers");
}

Value float_neg(Isolate& I, Value v) { return F(-float_value(v)); }
Value float_pos(Isolate& I, Value v) { return F(float_value(v)); }
Value float_abs(Isolate& I, Value v) { return F(std::fabs(float_value(v))); }
int float_bool(Isolate& I, Value v) { return float_value(v) != 0.0; }

}  // namespace

Value int_from_double(Isolate& I, double d) {
  if (std::isinf(d)) return raise(I, I.rt.exc_OverflowError, "cannot convert float infinity to integer");
  if (std::isnan(d)) return raise(I, I.rt.exc_ValueError, "cannot convert float NaN to integer");
  double t = std::trunc(d);
  if (t >= double(Value::kSmallIntMin) && t <= double(Value::kSmallIntMax)) return Value::small_int(int64_t(t));
  mpz_t z;
  mpz_init_set_d(z, t);
  Value r = int_from_mpz(I, z);
  mpz_clear(z);
  return r;
}

namespace {

Value float_int(Isolate& I, Value v) { return int_from_double(I, float_value(v)); }

Value float_repr_slot(Isolate& I, Value v) {
  std::string s = float_repr(float_value(v));
  Str* r = str_new_known(I, s, uint32_t(s.size()), true);
  return r ? Value::object(r) : Value::error();
}

int64_t float_hash_slot(Isolate& I, Value v) {
  double d = float_value(v);
  if (std::isnan(d) && v.is_object()) {
    // CPython hashes NaNs by identity (the isolate's id, never the address).
    uint64_t p = object_id(I, v);
    int64_t h = int64_t((p >> 4) | (p << 60));
    return h == -1 ? -2 : h;
  }
  return float_hash(d);
}

/// Exact comparison of a finite double with an int (CPython's float_richcompare).
int compare_double_int(double d, Value iv) {
  // returns -1, 0, 1 for d <=> i
  int64_t small;
  if (int_to_i64(iv, &small) && small > -(int64_t(1) << 53) && small < (int64_t(1) << 53)) {
    double j = double(small);
    return (d > j) - (d < j);
  }
  mpz_t zi, zf;
  mpz_init(zi);
  int_to_mpz(iv, zi);
  double fl = std::floor(d);
  double frac = d - fl;
  mpz_init_set_d(zf, fl);
  int c = mpz_cmp(zf, zi);
  mpz_clear(zi);
  mpz_clear(zf);
  if (c < 0) return -1;
  if (c > 0) return 1;
  return frac > 0 ? 1 : 0;
}

Value float_richcompare(Isolate& I, Value a, Value b, CompareOp op) {
  double i = float_value(a);
  double j;
  bool int_cmp = false;
  int c = 0;
  if (b.is_double()) {
    j = b.as_double();
  } else if (b.is_object() && (b.as_object()->type_->flags & kTypeFloatSubclass)) {
    j = b.as<BoxedFloat>()->value;
  } else if (is_int(I, b)) {
    if (!std::isfinite(i)) {
      j = 0.0;
    } else {
      int_cmp = true;
      c = compare_double_int(i, b);
    }
  } else {
    return Value::not_implemented();
  }
  if (int_cmp) {
    switch (op) {
      case CompareOp::Lt: return Value::boolean(c < 0);
      case CompareOp::Le: return Value::boolean(c <= 0);
      case CompareOp::Eq: return Value::boolean(c == 0);
      case CompareOp::Ne: return Value::boolean(c != 0);
      case CompareOp::Gt: return Value::boolean(c > 0);
      case CompareOp::Ge: return Value::boolean(c >= 0);
    }
  }
  switch (op) {
    case CompareOp::Lt: return Value::boolean(i < j);
    case CompareOp::Le: return Value::boolean(i <= j);
    case CompareOp::Eq: return Value::boolean(i == j);
    case CompareOp::Ne: return Value::boolean(i != j);
    case CompareOp::Gt: return Value::boolean(i > j);
    case CompareOp::Ge: return Value::boolean(i >= j);
  }
  return Value::not_implemented();
}

// --- methods --------------------------------------------------------------------------------------

int check0(Isolate& I, const char* name, size_t nargs, Tuple* kw) {
  if (check_no_kwargs(I, name, kw) < 0 || check_nargs(I, name, nargs - 1, 0, 0) < 0) return -1;
  return 0;
}

Value m_is_integer(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (check0(I, "is_integer", nargs, kw) < 0) return Value::error();
  double d = float_value(args[0]);
  return Value::boolean(std::isfinite(d) && std::floor(d) == d);
}

Value m_conjugate(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (check0(I, "conjugate", nargs, kw) < 0) return Value::error();
  return F(float_value(args[0]));
}

Value m_trunc(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (check0(I, "__trunc__", nargs, kw) < 0) return Value::error();
  return int_from_double(I, float_value(args[0]));
}
Value m_floor(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (check0(I, "__floor__", nargs, kw) < 0) return Value::error();
  return int_from_double(I, std::floor(float_value(args[0])));
}
Value m_ceil(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (check0(I, "__ceil__", nargs, kw) < 0) return Value::error();
  return int_from_double(I, std::ceil(float_value(args[0])));
}

Value m_as_integer_ratio(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (check0(I, "as_integer_ratio", nargs, kw) < 0) return Value::error();
  double self = float_value(args[0]);
  if (std::isinf(self)) return raise(I, I.rt.exc_OverflowError, "cannot convert Infinity to integer ratio");
  if (std::isnan(self)) return raise(I, I.rt.exc_ValueError, "cannot convert NaN to integer ratio");
  int exponent;
  double fp = std::frexp(self, &exponent);
  for (int i = 0; i < 300 && fp != std::floor(fp); i++) {
    fp *= 2.0;
    exponent--;
  }
  mpz_t num, den;
  mpz_init_set_d(num, fp);
  mpz_init_set_ui(den, 1);
  if (exponent > 0) mpz_mul_2exp(num, num, mp_bitcnt_t(exponent));
  else mpz_mul_2exp(den, den, mp_bitcnt_t(-exponent));
  Value n = int_from_mpz(I, num);
  Value d = n.is_error() ? n : int_from_mpz(I, den);
  mpz_clear(num);
  mpz_clear(den);
  if (n.is_error() || d.is_error()) return Value::error();
  return tuple_pack(I, {n, d});
}

char char_from_hex(int x) { return "0123456789abcdef"[x]; }

Value m_hex(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (check0(I, "hex", nargs, kw) < 0) return Value::error();
  double x = float_value(args[0]);
  if (!std::isfinite(x)) return str_value(I, float_repr(x));
  if (x == 0.0) return str_value(I, std::copysign(1.0, x) == -1.0 ? "-0x0.0p+0" : "0x0.0p+0");
  int e;
  double m = std::frexp(std::fabs(x), &e);
  int shift = 1 - std::max(DBL_MIN_EXP - e, 0);
  m = std::ldexp(m, shift);
  e -= shift;
  std::string s;
  s.push_back(char_from_hex(int(m)));
  m -= int(m);
  s.push_back('.');
  for (int i = 0; i < (DBL_MANT_DIG - 1) / 4; i++) {
    m *= 16.0;
    s.push_back(char_from_hex(int(m)));
    m -= int(m);
  }
  char esign = '+';
  if (e < 0) {
    esign = '-';
    e = -e;
  }
  std::string out = x < 0.0 ? "-0x" : "0x";
  out += s;
  out.push_back('p');
  out.push_back(esign);
  out += std::to_string(e);
  return str_value(I, out);
}

int hex_from_char(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

Value m_fromhex(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (check_no_kwargs(I, "fromhex", kw) < 0 || check_nargs(I, "fromhex", nargs - 1, 1, 1) < 0) return Value::error();
  Value cls = args[0];
  if (!is_subtype(type_of(I, args[1]), I.rt.str_type))
    return raisef(I, I.rt.exc_TypeError, "bad argument type for built-in operation");
  Str* str = args[1].as<Str>();
  const char* s = str->data;
  const char* end = s + str->size();
  double x;
  long exp, top_exp, lsb, key_digit;
  const char *coeff_start, *s_store, *coeff_end;
  int half_eps, digit, round_up, negate = 0;
  long ndigits, fdigits, i;
  auto at = [&](const char* p) -> char { return p < end ? *p : '\0'; };

  while (c_isspace(at(s))) s++;
  {
    const char* p = s;
    double v;
    // _Py_parse_inf_or_nan
    const char* q = p;
    bool neg = false;
    if (at(q) == '-') { neg = true; ++q; }
    else if (at(q) == '+') ++q;
    if (ci_match(q, end, "inf")) {
      q += 3;
      if (ci_match(q, end, "inity")) q += 5;
      v = neg ? -HUGE_VAL : HUGE_VAL;
      x = v;
      s = q;
      goto finished;
    }
    if (ci_match(q, end, "nan")) {
      q += 3;
      x = NAN;
      s = q;
      goto finished;
    }
  }
  if (at(s) == '-') {
    s++;
    negate = 1;
  } else if (at(s) == '+') {
    s++;
  }
  s_store = s;
  if (at(s) == '0') {
    s++;
    if (at(s) == 'x' || at(s) == 'X') s++;
    else s = s_store;
  }
  coeff_start = s;
  while (hex_from_char(at(s)) >= 0) s++;
  s_store = s;
  if (at(s) == '.') {
    s++;
    while (hex_from_char(at(s)) >= 0) s++;
    coeff_end = s - 1;
  } else {
    coeff_end = s;
  }
  ndigits = long(coeff_end - coeff_start);
  fdigits = long(coeff_end - s_store);
  if (ndigits == 0) goto parse_error;
  if (ndigits > std::min(long(DBL_MIN_EXP - DBL_MANT_DIG) - LONG_MIN / 2, LONG_MAX / 2 + 1 - DBL_MAX_EXP) / 4)
    return raise(I, I.rt.exc_ValueError, "hexadecimal string too long to convert");
  if (at(s) == 'p' || at(s) == 'P') {
    s++;
    const char* exp_start = s;
    if (at(s) == '-' || at(s) == '+') s++;
    if (!('0' <= at(s) && at(s) <= '9')) goto parse_error;
    s++;
    while ('0' <= at(s) && at(s) <= '9') s++;
    std::string es(exp_start, size_t(s - exp_start));
    errno = 0;
    exp = strtol(es.c_str(), nullptr, 10);
  } else {
    exp = 0;
  }
#define HEX_DIGIT(j) hex_from_char(*((j) < fdigits ? coeff_end - (j) : coeff_end - 1 - (j)))
  while (ndigits > 0 && HEX_DIGIT(ndigits - 1) == 0) ndigits--;
  if (ndigits == 0 || exp < LONG_MIN / 2) {
    x = 0.0;
    goto finished;
  }
  if (exp > LONG_MAX / 2) goto overflow_error;
  exp = exp - 4 * fdigits;
  top_exp = exp + 4 * (ndigits - 1);
  for (digit = HEX_DIGIT(ndigits - 1); digit != 0; digit /= 2) top_exp++;
  if (top_exp < DBL_MIN_EXP - DBL_MANT_DIG) {
    x = 0.0;
    goto finished;
  }
  if (top_exp > DBL_MAX_EXP) goto overflow_error;
  lsb = std::max(top_exp, long(DBL_MIN_EXP)) - DBL_MANT_DIG;
  x = 0.0;
  if (exp >= lsb) {
    for (i = ndigits - 1; i >= 0; i--) x = 16.0 * x + HEX_DIGIT(i);
    x = std::ldexp(x, int(exp));
    goto finished;
  }
  half_eps = 1 << int((lsb - exp - 1) % 4);
  key_digit = (lsb - exp - 1) / 4;
  for (i = ndigits - 1; i > key_digit; i--) x = 16.0 * x + HEX_DIGIT(i);
  digit = HEX_DIGIT(key_digit);
  x = 16.0 * x + double(digit & (16 - 2 * half_eps));
  if ((digit & half_eps) != 0) {
    round_up = 0;
    if ((digit & (3 * half_eps - 1)) != 0 ||
        (half_eps == 8 && key_digit + 1 < ndigits && (HEX_DIGIT(key_digit + 1) & 1) != 0))
      round_up = 1;
    else
      for (i = key_digit - 1; i >= 0; i--)
        if (HEX_DIGIT(i) != 0) {
          round_up = 1;
          break;
        }
    if (round_up) {
      x += 2 * half_eps;
      if (top_exp == DBL_MAX_EXP && x == std::ldexp(double(2 * half_eps), DBL_MANT_DIG)) goto overflow_error;
    }
  }
  x = std::ldexp(x, int(exp + 4 * key_digit));
#undef HEX_DIGIT
finished:
  while (c_isspace(at(s))) s++;
  if (s != end) goto parse_error;
  {
    Value result = F(negate ? -x : x);
    if (cls.as_object() != I.rt.float_type) return call(I, cls, &result, 1, nullptr);
    return result;
  }
overflow_error:
  return raise(I, I.rt.exc_OverflowError, "hexadecimal value too large to represent as a float");
parse_error:
  return raise(I, I.rt.exc_ValueError, "invalid hexadecimal floating-point string");
}

/// round(x, ndigits) for finite x: correctly rounded, half to even on the exact value.
Value double_round(Isolate& I, double x, int ndigits) {
  // x = m * 2**e exactly; y = x * 10**ndigits; q = round_half_even(y); result = q / 10**ndigits.
  int e;
  double m = std::frexp(x, &e);
  m = std::ldexp(m, 53);
  e -= 53;
  mpz_t num, den, q, r, twice;
  mpz_init_set_d(num, m);
  mpz_init_set_ui(den, 1);
  mpz_inits(q, r, twice, nullptr);
  bool neg = mpz_sgn(num) < 0;
  mpz_abs(num, num);
  if (e >= 0) mpz_mul_2exp(num, num, mp_bitcnt_t(e));
  else mpz_mul_2exp(den, den, mp_bitcnt_t(-e));
  if (ndigits >= 0) {
    mpz_t p;
    mpz_init(p);
    mpz_ui_pow_ui(p, 10, static_cast<unsigned long>(ndigits));
    mpz_mul(num, num, p);
    mpz_clear(p);
  } else {
    mpz_t p;
    mpz_init(p);
    mpz_ui_pow_ui(p, 10, static_cast<unsigned long>(-ndigits));
    mpz_mul(den, den, p);
    mpz_clear(p);
  }
  mpz_fdiv_qr(q, r, num, den);
  mpz_mul_2exp(twice, r, 1);
  int c = mpz_cmp(twice, den);
  if (c > 0 || (c == 0 && mpz_odd_p(q))) mpz_add_ui(q, q, 1);
  std::string text = neg ? "-" : "";
  size_t start = text.size();
  text.resize(start + mpz_sizeinbase(q, 10) + 2);
  mpz_get_str(text.data() + start, 10, q);
  text.resize(strlen(text.c_str()));
  text += "e" + std::to_string(-ndigits);
  mpz_clears(num, den, q, r, twice, nullptr);
  errno = 0;
  double rounded = strtod_l(text.c_str(), nullptr, c_locale());
  if (std::isinf(rounded)) return raise(I, I.rt.exc_OverflowError, "rounded value too large to represent");
  return F(rounded);
}

Value m_round(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  Value p[1];
  if (bind_args(I, "__round__", args + 1, nargs - 1, kw, {"ndigits"}, 1, 1, 0, p) < 0) return Value::error();
  double x = float_value(args[0]);
  if (p[0].is_null() || p[0].is_none()) {
    double rounded = std::round(x);
    if (std::fabs(x - rounded) == 0.5) rounded = 2.0 * std::round(x / 2.0);
    return int_from_double(I, rounded);
  }
  int64_t ndigits;
  if (!index_i64(I, p[0], &ndigits)) {
    if (!pending_matches(I, I.rt.exc_OverflowError)) return Value::error();
    I.take_pending();
    Value iv = int_unwrap(I, index(I, p[0]));
    if (iv.is_error()) return iv;
    ndigits = int_compare(iv, Value::small_int(0)) > 0 ? INT64_MAX : INT64_MIN;
  }
  if (!std::isfinite(x)) return F(x);
  const int kNdigitsMax = int((DBL_MANT_DIG - DBL_MIN_EXP) * 0.30103);
  const int kNdigitsMin = -int((DBL_MAX_EXP + 1) * 0.30103);
  if (ndigits > kNdigitsMax) return F(x);
  if (ndigits < kNdigitsMin) return F(0.0 * x);
  if (x == 0.0) return F(x);
  return double_round(I, x, int(ndigits));
}

Value m_format(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (check_no_kwargs(I, "__format__", kw) < 0 || check_nargs(I, "__format__", nargs - 1, 1, 1) < 0) return Value::error();
  if (!is_subtype(type_of(I, args[1]), I.rt.str_type))
    return raisef(I, I.rt.exc_TypeError, "__format__() argument must be str, not %s", type_name(I, args[1]));
  return format_float(I, float_value(args[0]), args[1].as<Str>()->view(), args[0]);
}

Value m_getnewargs(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (check0(I, "__getnewargs__", nargs, kw) < 0) return Value::error();
  return tuple_pack(I, {F(float_value(args[0]))});
}

Value m_sizeof(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (check0(I, "__sizeof__", nargs, kw) < 0) return Value::error();
  return Value::small_int(24);
}

Value m_getformat(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (check_no_kwargs(I, "__getformat__", kw) < 0 || check_nargs(I, "__getformat__", nargs - 1, 1, 1) < 0)
    return Value::error();
  if (!is_subtype(type_of(I, args[1]), I.rt.str_type))
    return raisef(I, I.rt.exc_TypeError, "__getformat__() argument must be str, not %s", type_name(I, args[1]));
  std::string_view s = args[1].as<Str>()->view();
  if (s != "double" && s != "float")
    return raise(I, I.rt.exc_ValueError, "__getformat__() argument 1 must be 'double' or 'float'");
  return str_value(I, "IEEE, little-endian");
}

Value m_divmod(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (check_no_kwargs(I, "__divmod__", kw) < 0 || check_nargs(I, "__divmod__", nargs - 1, 1, 1) < 0) return Value::error();
  return float_divmod_values(I, args[0], args[1]);
}
Value m_rdivmod(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (check_no_kwargs(I, "__rdivmod__", kw) < 0 || check_nargs(I, "__rdivmod__", nargs - 1, 1, 1) < 0) return Value::error();
  return float_divmod_values(I, args[1], args[0]);
}

Value g_real(Isolate& I, Value self) { return F(float_value(self)); }
Value g_imag(Isolate& I, Value self) { return F(0.0); }

// --- construction ------------------------------------------------------------------------------------

/// PyNumber_Float
Value float_from_object(Isolate& I, Value v) {
  if (v.is_double()) return v;
  if (v.is_small_int()) return F(double(v.as_small_int()));
  Type* t = type_of(I, v);
  if (t->nb_float) {
    Value r = t->nb_float(I, v);
    if (r.is_error()) return r;
    if (r.is_double()) return r;
    if (!is_float(I, r))
      return raisef(I, I.rt.exc_TypeError, "%.50s.__float__ returned non-float (type %.50s)", type_name(t),
                    type_name(I, r));
    return F(float_value(r));
  }
  if (t->nb_index) {
    Value i = index(I, v);
    if (i.is_error()) return i;
    bool overflow = false;
    double d = int_to_double(I, int_unwrap(I, i), &overflow);
    if (overflow) return raise(I, I.rt.exc_OverflowError, "int too large to convert to float");
    return F(d);
  }
  if (is_float(I, v)) return F(float_value(v));
  return float_from_object_text(I, v);
}

Value float_new(Isolate& I, Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  if (check_no_kwargs(I, "float", kwnames) < 0) return Value::error();
  if (nargs > 1) return raisef(I, I.rt.exc_TypeError, "float expected at most 1 argument, got %zu", nargs);
  Value r;
  if (nargs == 0) r = F(0.0);
  else if (type_of(I, args[0]) == I.rt.str_type) r = float_from_string(I, args[0].as<Str>()->view());
  else r = float_from_object(I, args[0]);
  if (r.is_error()) return r;
  // Floats are immediates, so two equal floats are always identical; a NaN
  // made by float() is boxed instead, so that `x is x` and containment tests
  // (`nan in [nan]` True, `float('nan') in [float('nan')]` False) behave as
  // in CPython, where every float() call makes a new object.
  if (type == I.rt.float_type && !(r.is_double() && std::isnan(r.as_double()))) return r;
  auto* o = static_cast<BoxedFloat*>(I.heap.alloc_object(type, type->basicsize));
  if (!o) return raise_memory(I);
  o->value = float_value(r);
  return Value::object(o);
}

}  // namespace

void init_float_type(Runtime& rt) {
  Type* t = rt.float_type;
  static_assert(sizeof(BoxedFloat) == sizeof(Object) + 2 * sizeof(void*));
  t->basicsize = uint32_t(sizeof(Object) + sizeof(double));
  t->flags |= kTypeBaseType | kTypeFloatSubclass;
  t->repr = float_repr_slot;
  t->hash = float_hash_slot;
  t->richcompare = float_richcompare;
  t->bool_ = float_bool;
  t->nb[int(NbOp::Add)] = float_add;
  t->nb[int(NbOp::Sub)] = float_sub;
  t->nb[int(NbOp::Mul)] = float_mul;
  t->nb[int(NbOp::TrueDiv)] = float_div;
  t->nb[int(NbOp::FloorDiv)] = float_floordiv;
  t->nb[int(NbOp::Mod)] = float_mod;
  t->nb[int(NbOp::Pow)] = float_pow;
  t->nb_pow3 = float_pow3;
  t->nb_neg = float_neg;
  t->nb_pos = float_pos;
  t->nb_abs = float_abs;
  t->nb_int = float_int;
  t->nb_float = float_pos;
  t->new_ = float_new;
  add_methods(rt, t,
              {
                  {"is_integer", m_is_integer},
                  {"as_integer_ratio", m_as_integer_ratio},
                  {"hex", m_hex},
                  {"fromhex", m_fromhex, kMethodClass},
                  {"conjugate", m_conjugate},
                  {"__trunc__", m_trunc},
                  {"__floor__", m_floor},
                  {"__ceil__", m_ceil},
                  {"__round__", m_round},
                  {"__format__", m_format},
                  {"__getnewargs__", m_getnewargs},
                  {"__getformat__", m_getformat, kMethodClass},
                  {"__sizeof__", m_sizeof},
                  {"__divmod__", m_divmod},
                  {"__rdivmod__", m_rdivmod},
              });
  add_getsets(rt, t, {{"real", g_real}, {"imag", g_imag}});
}

}  // namespace capy
