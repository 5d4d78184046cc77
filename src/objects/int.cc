// int: small ints are unboxed 48-bit immediates; larger values are BigInt
// objects holding a GMP mpz_t, always normalised back to a small int when
// they fit. Limbs are charged to the isolate heap; operations that could make
// huge results check the size first (MemoryError instead of a GMP abort).
// Semantics and messages follow CPython 3.11's Objects/longobject.c.
#include "objects/ops.h"  // first: int.h needs Runtime declared

#include <algorithm>
#include <cfloat>
#include <climits>
#include <cmath>
#include <cstring>

#include "objects/bytes.h"
#include "objects/float.h"
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
/// Largest result (in bits) we let GMP build: beyond this GMP would abort.
constexpr uint64_t kMaxBits = uint64_t(1) << 35;
static_assert(GMP_NUMB_BITS == 64, "limbs are assumed to be 64-bit");

/// RAII temporary.
struct Mpz {
  mpz_t z;
  Mpz() { mpz_init(z); }
  ~Mpz() { mpz_clear(z); }
  Mpz(const Mpz&) = delete;
  Mpz& operator=(const Mpz&) = delete;
  operator mpz_ptr() { return z; }
  mpz_ptr operator->() { return z; }
};

/// Read-only mpz view of an unwrapped int Value (no allocation for small ints).
struct View {
  mp_limb_t limb;
  mpz_t tmp;
  mpz_srcptr p;
  explicit View(Value v) {
    if (v.is_small_int()) {
      int64_t x = v.as_small_int();
      limb = x < 0 ? mp_limb_t(-x) : mp_limb_t(x);
      mpz_roinit_n(tmp, &limb, x < 0 ? -1 : (x ? 1 : 0));
      p = tmp;
    } else {
      p = v.as<BigInt>()->z;
    }
  }
  View(const View&) = delete;
  View& operator=(const View&) = delete;
  operator mpz_srcptr() const { return p; }
  mpz_srcptr operator->() const { return p; }
};

/// Unwraps any int-like (small, BigInt, bool, int subclass instance) to a
/// small int or BigInt Value; false when v is not an int.
inline bool as_int(Value v, Value* out) {
  if (v.is_small_int()) {
    *out = v;
    return true;
  }
  if (v.is_object()) {
    Object* o = v.as_object();
    uint32_t fl = o->type_->flags;
    if (!(fl & kTypeIntSubclass)) return false;
    *out = (fl & kTypeHeap) ? static_cast<BoxedInt*>(o)->value : v;
    return true;
  }
  if (v.is_bool()) {
    *out = Value::small_int(v.is_true() ? 1 : 0);
    return true;
  }
  return false;
}

inline int sign_of(Value x) {  // x unwrapped
  if (x.is_small_int()) {
    int64_t v = x.as_small_int();
    return (v > 0) - (v < 0);
  }
  return mpz_sgn(x.as<BigInt>()->z);
}

inline uint64_t bit_length_of(Value x) {  // of |x|
  if (x.is_small_int()) {
    int64_t v = x.as_small_int();
    uint64_t a = v < 0 ? uint64_t(-v) : uint64_t(v);
    return a ? 64 - __builtin_clzll(a) : 0;
  }
  return mpz_sizeinbase(x.as<BigInt>()->z, 2);
}

/// MemoryError unless a result of `bits` bits can be afforded, with room for
/// GMP's temporaries (twice the result: FFT products and pow's squarings).
bool check_bits(Isolate& I, uint64_t bits) {
  if (bits > kMaxBits) {
    raise_memory(I);
    return false;
  }
  return I.can_allocate(3 * (bits / 8 + 64));
}

/// Seconds per unit of GMP work, as measured on this thread (a fast
/// machine's speed until the first large operation is timed).
thread_local double t_gmp_seconds_per_unit = 2e-9;
/// Operations below this many units are neither checked against the clock
/// nor timed (well under a millisecond).
constexpr double kTimedWork = 2e5;

double log2_of(double x) { return x > 2 ? std::log2(x) : 1.0; }

/// Takes ownership of z's value (z is left as a fresh empty mpz) and returns
/// the normalised int.
Value take_mpz(Isolate& I, mpz_ptr z) {
  if (mpz_fits_slong_p(z)) {
    long v = mpz_get_si(z);
    if (Value::fits_small_int(v)) return Value::small_int(v);
  }
  size_t used = mpz_size(z);
  if (size_t(z->_mp_alloc) > used + 2) mpz_realloc2(z, used * GMP_NUMB_BITS);
  // The limbs were charged when GMP allocated them (gc/gmp_alloc.h), even
  // beyond the limit: give up the result if it left the heap over it.
  if (I.heap.bytes_in_use() > I.heap.limit()) return raise_memory(I);
  auto* b = static_cast<BigInt*>(I.heap.alloc_object(I.rt.int_type, sizeof(BigInt)));
  if (!b) return raise_memory(I);
  b->z[0] = z[0];
  mpz_init(z);
  return Value::object(b);
}

}  // namespace

double int_mul_work(double limbs) { return 2 * limbs * log2_of(2 * limbs); }
double int_decimal_work(double limbs) {
  double l = log2_of(limbs);
  return 2 * limbs * l * l;
}
size_t int_limbs(Value v) {
  Value x;
  if (!as_int(v, &x) || x.is_small_int()) return 0;
  return mpz_size(x.as<BigInt>()->z);
}

bool int_affordable(Isolate& I, double result_bytes, double work) {
  if (result_bytes > 0) {
    double need = 3 * result_bytes + 64;
    if (need >= double(SIZE_MAX)) return raise_memory(I), false;
    if (!I.can_allocate(size_t(need))) return false;
  }
  if (!I.poll(uint64_t(work / 64) + 1)) return false;
  if (work >= kTimedWork && work * t_gmp_seconds_per_unit > I.time_left()) {
    I.end_run(LimitKind::Time);
    return false;
  }
  return true;
}

IntWork::IntWork(Isolate& I, double result_bytes, double work) : I_(I), work_(work) {
  ok_ = int_affordable(I, result_bytes, work);
  if (ok_ && work >= kTimedWork && I.time_left() < HUGE_VAL) start_ = I.clock();
}

IntWork::~IntWork() {
  if (start_ < 0) return;
  double rate = (I_.clock() - start_) / work_;
  // Follow a slower machine at once, a faster one gradually.
  double& r = t_gmp_seconds_per_unit;
  r = rate > r ? rate : 0.75 * r + 0.25 * rate;
  if (!(r > 1e-12)) r = 1e-12;
}

// --- basic conversions ------------------------------------------------------------------

bool is_int(Isolate& I, Value v) {
  if (v.is_small_int() || v.is_bool()) return true;
  if (!v.is_object()) return false;
  return v.as_object()->type_->flags & kTypeIntSubclass;
}

bool is_exact_int(Value v) {
  if (v.is_small_int()) return true;
  if (!v.is_object()) return false;
  uint32_t fl = v.as_object()->type_->flags;
  return (fl & kTypeIntSubclass) && !(fl & kTypeHeap);
}

Value int_unwrap(Isolate& I, Value v) {
  Value out;
  if (as_int(v, &out)) return out;
  return v;
}

Value int_from_i64(Isolate& I, int64_t v) {
  if (Value::fits_small_int(v)) return Value::small_int(v);
  Mpz z;
  mpz_set_si(z, long(v));
  return take_mpz(I, z);
}

Value int_from_u64(Isolate& I, uint64_t v) {
  if (v <= uint64_t(Value::kSmallIntMax)) return Value::small_int(int64_t(v));
  Mpz z;
  mpz_set_ui(z, static_cast<unsigned long>(v));
  return take_mpz(I, z);
}

Value int_from_mpz(Isolate& I, const mpz_t z) {
  if (mpz_fits_slong_p(z)) {
    long v = mpz_get_si(z);
    if (Value::fits_small_int(v)) return Value::small_int(v);
  }
  Mpz c;
  mpz_set(c, z);
  return take_mpz(I, c);
}

bool int_to_i64(Value v, int64_t* out) {
  Value x;
  if (!as_int(v, &x)) return false;
  if (x.is_small_int()) {
    *out = x.as_small_int();
    return true;
  }
  mpz_srcptr z = x.as<BigInt>()->z;
  if (!mpz_fits_slong_p(z)) return false;
  *out = mpz_get_si(z);
  return true;
}

void int_to_mpz(Value v, mpz_t z) {
  Value x;
  if (!as_int(v, &x)) {
    mpz_set_ui(z, 0);
    return;
  }
  if (x.is_small_int()) mpz_set_si(z, long(x.as_small_int()));
  else mpz_set(z, x.as<BigInt>()->z);
}

int int_compare(Value a, Value b) {
  Value x, y;
  if (!as_int(a, &x) || !as_int(b, &y)) return 0;
  if (x.is_small_int() && y.is_small_int()) {
    int64_t p = x.as_small_int(), q = y.as_small_int();
    return (p > q) - (p < q);
  }
  View vx(x), vy(y);
  int c = mpz_cmp(vx, vy);
  return (c > 0) - (c < 0);
}

namespace {
/// Correctly rounded |z| -> double (round-half-even); overflow flag for >= 2**1024.
double mpz_to_double_rounded(mpz_srcptr z, bool* overflow) {
  size_t n = mpz_sizeinbase(z, 2);
  if (mpz_sgn(z) == 0) return 0.0;
  if (n <= 53) return mpz_get_d(z);
  if (n <= 64) {  // the conversion of a uint64 is correctly rounded
    double d = double(uint64_t(mpz_getlimbn(z, 0)));
    return mpz_sgn(z) < 0 ? -d : d;
  }
  if (n > 1024) {
    *overflow = true;
    return 0.0;
  }
  Mpz a;
  mpz_abs(a, z);
  size_t shift = n - 55;
  bool sticky = mpz_scan1(a, 0) < shift;
  mpz_tdiv_q_2exp(a, a, shift);
  uint64_t top = mpz_get_ui(a) | (sticky ? 1 : 0);
  double d = std::ldexp(double(top), int(shift));
  if (std::isinf(d)) {
    *overflow = true;
    return 0.0;
  }
  return mpz_sgn(z) < 0 ? -d : d;
}
}  // namespace

double int_to_double(Isolate& I, Value v, bool* overflow) {
  Value x;
  if (!as_int(v, &x)) return 0.0;
  if (x.is_small_int()) return double(x.as_small_int());
  return mpz_to_double_rounded(x.as<BigInt>()->z, overflow);
}

int64_t int_hash(Value v) {
  Value x;
  if (!as_int(v, &x)) return 0;
  if (x.is_small_int()) {
    int64_t h = x.as_small_int();
    return h == -1 ? -2 : h;
  }
  mpz_srcptr z = x.as<BigInt>()->z;
  uint64_t h = mpz_tdiv_ui(z, kHashModulus);  // |z| mod P
  int64_t r = mpz_sgn(z) < 0 ? -int64_t(h) : int64_t(h);
  return r == -1 ? -2 : r;
}

// --- text ------------------------------------------------------------------------------------

std::string int_to_string_base(Value v, int base) {
  Value x;
  if (!as_int(v, &x)) return "0";
  if (x.is_small_int()) {
    int64_t s = x.as_small_int();
    uint64_t a = s < 0 ? uint64_t(-s) : uint64_t(s);
    char buf[72];
    char* p = buf + sizeof buf;
    do {
      int d = int(a % unsigned(base));
      *--p = char(d < 10 ? '0' + d : 'a' + d - 10);
      a /= unsigned(base);
    } while (a);
    if (s < 0) *--p = '-';
    return std::string(p, size_t(buf + sizeof buf - p));
  }
  mpz_srcptr z = x.as<BigInt>()->z;
  std::string s(mpz_sizeinbase(z, base) + 2, '\0');
  mpz_get_str(s.data(), base, z);
  s.resize(strlen(s.c_str()));
  return s;
}

bool int_text_in_base(Isolate& I, Value v, int base, std::string& out) {
  Value x;
  if (as_int(v, &x) && !x.is_small_int()) {
    mpz_srcptr z = x.as<BigInt>()->z;
    double chars = double(mpz_sizeinbase(z, base)) + 2;
    double limbs = double(mpz_size(z));
    IntWork work(I, chars, (base & (base - 1)) == 0 ? limbs : int_decimal_work(limbs));
    if (!work.ok()) return false;
    out = int_to_string_base(x, base);
    return true;
  }
  out = int_to_string_base(v, base);
  return true;
}

static Value digit_limit_error_to_str(Isolate& I) {
  return raisef(I, I.rt.exc_ValueError,
                "Exceeds the limit (%u digits) for integer string conversion; use "
                "sys.set_int_max_str_digits() to increase the limit",
                unsigned(I.limits.max_int_digits));
}

bool int_decimal_text(Isolate& I, Value v, std::string& out) {
  Value x;
  if (!as_int(v, &x)) x = Value::small_int(0);
  if (x.is_small_int()) {
    char buf[32];
    int n = snprintf(buf, sizeof buf, "%lld", static_cast<long long>(x.as_small_int()));
    out.append(buf, size_t(n));
    return true;
  }
  mpz_srcptr z = x.as<BigInt>()->z;
  uint32_t limit = I.limits.max_int_digits;
  size_t est = mpz_sizeinbase(z, 10);  // exact or one too many
  if (limit > 0 && est > size_t(limit) + 1) {
    digit_limit_error_to_str(I);
    return false;
  }
  IntWork work(I, 2.0 * double(est), int_decimal_work(double(mpz_size(z))));
  if (!work.ok()) return false;
  size_t start = out.size();
  out.resize(start + est + 2);
  mpz_get_str(out.data() + start, 10, z);
  out.resize(start + strlen(out.c_str() + start));
  size_t ndigits = out.size() - start - (out[start] == '-' ? 1 : 0);
  if (limit > 0 && ndigits > limit) {
    out.resize(start);
    digit_limit_error_to_str(I);
    return false;
  }
  return true;
}

Value int_to_decimal(Isolate& I, Value v) {
  Value x;
  if (as_int(v, &x) && x.is_small_int()) {
    char buf[32];
    int n = snprintf(buf, sizeof buf, "%lld", static_cast<long long>(x.as_small_int()));
    Str* s = str_new_known(I, std::string_view(buf, size_t(n)), uint32_t(n), true);
    return s ? Value::object(s) : Value::error();
  }
  std::string text;
  if (!int_decimal_text(I, v, text)) return Value::error();
  Str* s = str_new_known(I, text, uint32_t(text.size()), true);
  return s ? Value::object(s) : Value::error();
}

namespace {

inline bool c_isspace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }

inline int digit_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'z') return c - 'a' + 10;
  if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
  return 37;
}

/// PyLong_FromString on ASCII text (which may contain NULs, invalid there).
/// Returns 1 with *out set, 0 for an invalid literal (nothing raised), -1 on
/// error (digit limit / memory, exception pending).
int parse_int_ascii(Isolate& I, std::string_view text, int base, Value* out) {
  const char* p = text.data();
  const char* e = p + text.size();
  auto at = [&](size_t i) -> char { return p + i < e ? p[i] : '\0'; };
  while (p < e && c_isspace(*p)) ++p;
  bool neg = false;
  if (at(0) == '+') ++p;
  else if (at(0) == '-') { ++p; neg = true; }
  bool error_if_nonzero = false;
  if (base == 0) {
    if (at(0) != '0') base = 10;
    else if (at(1) == 'x' || at(1) == 'X') base = 16;
    else if (at(1) == 'o' || at(1) == 'O') base = 8;
    else if (at(1) == 'b' || at(1) == 'B') base = 2;
    else { error_if_nonzero = true; base = 10; }
  }
  if (at(0) == '0' && ((base == 16 && (at(1) == 'x' || at(1) == 'X')) ||
                       (base == 8 && (at(1) == 'o' || at(1) == 'O')) ||
                       (base == 2 && (at(1) == 'b' || at(1) == 'B')))) {
    p += 2;
    if (at(0) == '_') ++p;
  }
  if (at(0) == '_') return 0;
  std::string clean;
  size_t digits = 0;
  char prev = 0;
  const char* scan = p;
  while (scan < e) {
    char c = *scan;
    if (digit_value(c) < base) {
      clean.push_back(c);
      ++digits;
    } else if (c == '_') {
      if (prev == '_') return 0;
    } else {
      break;
    }
    prev = c;
    ++scan;
  }
  if (prev == '_') return 0;
  if ((base & (base - 1)) != 0 && digits > 640) {
    uint32_t limit = I.limits.max_int_digits;
    if (limit > 0 && digits > limit) {
      raisef(I, I.rt.exc_ValueError,
             "Exceeds the limit (%u digits) for integer string conversion: value has %zu digits; "
             "use sys.set_int_max_str_digits() to increase the limit",
             unsigned(limit), digits);
      return -1;
    }
  }
  if (digits == 0) return 0;
  const char* q = scan;
  while (q < e && c_isspace(*q)) ++q;
  if (q != e) return 0;
  // Convert.
  Value v;
  double bits_per_digit = std::log2(double(base));
  if (double(digits) * bits_per_digit < 62.0) {
    int64_t acc = 0;
    for (char c : clean) acc = acc * base + digit_value(c);
    if (error_if_nonzero && acc != 0) return 0;
    v = int_from_i64(I, neg ? -acc : acc);
  } else {
    if (!check_bits(I, uint64_t(double(digits) * bits_per_digit) + 64)) return -1;
    double limbs = double(digits) * bits_per_digit / 64;
    IntWork work(I, 0, (base & (base - 1)) == 0 ? limbs : int_decimal_work(limbs));
    if (!work.ok()) return -1;
    Mpz z;
    mpz_set_str(z, clean.c_str(), base);
    if (error_if_nonzero && mpz_sgn(z) != 0) return 0;
    if (neg) mpz_neg(z, z);
    v = take_mpz(I, z);
  }
  if (v.is_error()) return -1;
  *out = v;
  return 1;
}

/// repr(s) truncated to 200 code points (CPython's %.200R).
std::string repr_200(std::string_view utf8) {
  std::string r = str_repr_text(utf8);
  const char* p = r.data();
  const char* e = p + r.size();
  size_t n = 0;
  while (p < e && n < 200) {
    utf8_decode(p);
    ++n;
  }
  r.resize(size_t(p - r.data()));
  return r;
}

std::string bytes_repr_text(std::string_view b) {
  bool has_sq = b.find('\'') != std::string_view::npos;
  bool has_dq = b.find('"') != std::string_view::npos;
  char quote = (has_sq && !has_dq) ? '"' : '\'';
  std::string out = "b";
  out.push_back(quote);
  for (unsigned char c : b) {
    if (c == quote || c == '\\') {
      out.push_back('\\');
      out.push_back(char(c));
    } else if (c == '\t') out += "\\t";
    else if (c == '\n') out += "\\n";
    else if (c == '\r') out += "\\r";
    else if (c < 0x20 || c >= 0x7f) {
      char buf[8];
      snprintf(buf, sizeof buf, "\\x%02x", c);
      out += buf;
    } else out.push_back(char(c));
  }
  out.push_back(quote);
  return out;
}

Value int_from_bytes_text(Isolate& I, std::string_view b, int base) {
  Value out;
  int r = parse_int_ascii(I, b, base, &out);
  if (r > 0) return out;
  if (r < 0) return Value::error();
  std::string rep = bytes_repr_text(b.substr(0, std::min<size_t>(b.size(), 200)));
  return raisef(I, I.rt.exc_ValueError, "invalid literal for int() with base %d: %s", base, rep.c_str());
}

}  // namespace

Value int_from_string(Isolate& I, std::string_view text, int base) {
  bool ascii = true;
  for (unsigned char c : text)
    if (c >= 0x80) { ascii = false; break; }
  std::string transformed;
  std::string_view src = text;
  if (!ascii) {
    // _PyUnicode_TransformDecimalAndSpaceToASCII
    const char* p = text.data();
    const char* e = p + text.size();
    while (p < e) {
      uint32_t cp = utf8_decode(p);
      if (cp < 127) transformed.push_back(char(cp));
      else if (uni::is_space(cp)) transformed.push_back(' ');
      else {
        int d = uni::decimal_value(cp);
        if (d < 0) {
          transformed.push_back('?');
          break;
        }
        transformed.push_back(char('0' + d));
      }
    }
    src = transformed;
  }
  Value out;
  int r = parse_int_ascii(I, src, base, &out);
  if (r > 0) return out;
  if (r < 0) return Value::error();
  std::string rep = repr_200(text);
  return raisef(I, I.rt.exc_ValueError, "invalid literal for int() with base %d: %s", base, rep.c_str());
}

// --- arithmetic ---------------------------------------------------------------------------

namespace {

#define UNWRAP2(a, b, x, y)                                   \
  Value x, y;                                                 \
  if (!as_int(a, &x) || !as_int(b, &y)) return Value::not_implemented();

Value int_add(Isolate& I, Value a, Value b) {
  if (a.is_small_int() && b.is_small_int()) return int_from_i64(I, a.as_small_int() + b.as_small_int());
  UNWRAP2(a, b, x, y);
  if (x.is_small_int() && y.is_small_int()) return int_from_i64(I, x.as_small_int() + y.as_small_int());
  View vx(x), vy(y);
  Mpz r;
  mpz_add(r, vx, vy);
  return take_mpz(I, r);
}

Value int_sub(Isolate& I, Value a, Value b) {
  if (a.is_small_int() && b.is_small_int()) return int_from_i64(I, a.as_small_int() - b.as_small_int());
  UNWRAP2(a, b, x, y);
  if (x.is_small_int() && y.is_small_int()) return int_from_i64(I, x.as_small_int() - y.as_small_int());
  View vx(x), vy(y);
  Mpz r;
  mpz_sub(r, vx, vy);
  return take_mpz(I, r);
}

Value int_mul(Isolate& I, Value a, Value b) {
  UNWRAP2(a, b, x, y);
  if (x.is_small_int() && y.is_small_int()) {
    int64_t r;
    if (!__builtin_mul_overflow(x.as_small_int(), y.as_small_int(), &r)) return int_from_i64(I, r);
  }
  if (!check_bits(I, bit_length_of(x) + bit_length_of(y))) return Value::error();
  View vx(x), vy(y);
  double nx = double(mpz_size(vx)), ny = double(mpz_size(vy));
  IntWork work(I, 0, (nx + ny) * log2_of(std::min(nx, ny) + 1));
  if (!work.ok()) return Value::error();
  Mpz r;
  mpz_mul(r, vx, vy);
  return take_mpz(I, r);
}

Value zero_div(Isolate& I, const char* msg) { return raise(I, I.rt.exc_ZeroDivisionError, msg); }

/// Work of dividing an n-limb number by an m-limb one (quotient and remainder).
double div_work(mpz_srcptr x, mpz_srcptr y) {
  double n = double(mpz_size(x)), m = double(mpz_size(y));
  double q = n > m ? n - m + 1 : 1;
  return 3 * (n + m) * log2_of(std::min(q, m) + 1);
}

/// Python floor division of int64s (b != 0).
inline int64_t floordiv64(int64_t a, int64_t b) {
  int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}
inline int64_t floormod64(int64_t a, int64_t b) {
  int64_t r = a % b;
  if (r != 0 && ((r < 0) != (b < 0))) r += b;
  return r;
}

Value int_floordiv(Isolate& I, Value a, Value b) {
  UNWRAP2(a, b, x, y);
  if (sign_of(y) == 0) return zero_div(I, "integer division or modulo by zero");
  if (x.is_small_int() && y.is_small_int()) return int_from_i64(I, floordiv64(x.as_small_int(), y.as_small_int()));
  View vx(x), vy(y);
  IntWork work(I, 0, div_work(vx, vy));
  if (!work.ok()) return Value::error();
  Mpz r;
  mpz_fdiv_q(r, vx, vy);
  return take_mpz(I, r);
}

Value int_mod(Isolate& I, Value a, Value b) {
  UNWRAP2(a, b, x, y);
  if (sign_of(y) == 0) return zero_div(I, "integer modulo by zero");
  if (x.is_small_int() && y.is_small_int()) return int_from_i64(I, floormod64(x.as_small_int(), y.as_small_int()));
  View vx(x), vy(y);
  IntWork work(I, 0, div_work(vx, vy));
  if (!work.ok()) return Value::error();
  Mpz r;
  mpz_fdiv_r(r, vx, vy);
  return take_mpz(I, r);
}

/// CPython's long_true_divide: correctly rounded a / b.
Value int_truediv(Isolate& I, Value a, Value b) {
  UNWRAP2(a, b, x, y);
  if (sign_of(y) == 0) return zero_div(I, "division by zero");
  if (x.is_small_int() && y.is_small_int())  // both below 2**53: exact operands
    return Value::from_double(double(x.as_small_int()) / double(y.as_small_int()));
  View vx(x), vy(y);
  bool negate = (mpz_sgn(vx) < 0) != (mpz_sgn(vy) < 0);
  if (mpz_sgn(vx) == 0) return Value::from_double(negate ? -0.0 : 0.0);
  size_t a_bits = mpz_sizeinbase(vx, 2), b_bits = mpz_sizeinbase(vy, 2);
  if (a_bits <= 53 && b_bits <= 53) {
    double r = mpz_get_d(vx) / mpz_get_d(vy);
    return Value::from_double(r);
  }
  int64_t diff = int64_t(a_bits) - int64_t(b_bits);
  if (diff > DBL_MAX_EXP)
    return raise(I, I.rt.exc_OverflowError, "integer division result too large for a float");
  if (diff < DBL_MIN_EXP - DBL_MANT_DIG - 1) return Value::from_double(negate ? -0.0 : 0.0);
  int64_t shift = std::max<int64_t>(diff, DBL_MIN_EXP) - DBL_MANT_DIG - 2;
  Mpz xa, ya, q, r;
  mpz_abs(xa, vx);
  mpz_abs(ya, vy);
  bool inexact = false;
  if (shift <= 0) {
    mpz_mul_2exp(xa, xa, mp_bitcnt_t(-shift));
  } else {
    if (mpz_scan1(xa, 0) < mp_bitcnt_t(shift)) inexact = true;
    mpz_tdiv_q_2exp(xa, xa, mp_bitcnt_t(shift));
  }
  mpz_tdiv_qr(q, r, xa, ya);
  if (mpz_sgn(r) != 0) inexact = true;
  int64_t x_bits = int64_t(mpz_sizeinbase(q, 2));
  uint64_t qv = mpz_get_ui(q);
  int64_t extra_bits = std::max<int64_t>(x_bits, DBL_MIN_EXP - shift) - DBL_MANT_DIG;
  uint64_t mask = uint64_t(1) << (extra_bits - 1);
  uint64_t low = qv | (inexact ? 1 : 0);
  if ((low & mask) && (low & (3 * mask - 1))) low += mask;
  qv = low & ~(2 * mask - 1);
  double dx = double(qv);
  if (shift + x_bits >= DBL_MAX_EXP &&
      (shift + x_bits > DBL_MAX_EXP || dx == std::ldexp(1.0, int(x_bits))))
    return raise(I, I.rt.exc_OverflowError, "integer division result too large for a float");
  double result = std::ldexp(dx, int(shift));
  return Value::from_double(negate ? -result : result);
}

Value int_divmod_impl(Isolate& I, Value a, Value b) {
  UNWRAP2(a, b, x, y);
  if (sign_of(y) == 0) return zero_div(I, "integer division or modulo by zero");
  Value qv, rv;
  if (x.is_small_int() && y.is_small_int()) {
    qv = int_from_i64(I, floordiv64(x.as_small_int(), y.as_small_int()));
    rv = int_from_i64(I, floormod64(x.as_small_int(), y.as_small_int()));
  } else {
    View vx(x), vy(y);
    IntWork work(I, 0, div_work(vx, vy));
    if (!work.ok()) return Value::error();
    Mpz q, r;
    mpz_fdiv_qr(q, r, vx, vy);
    qv = take_mpz(I, q);
    if (qv.is_error()) return qv;
    rv = take_mpz(I, r);
  }
  if (qv.is_error() || rv.is_error()) return Value::error();
  return tuple_pack(I, {qv, rv});
}

/// Steps of a long GMP computation, each predicted from the previous one's
/// measured time: the run ends at the time limit before a step that could
/// not finish in time (a single GMP call cannot be interrupted).
class SteppedWork {
 public:
  explicit SteppedWork(Isolate& I) : I_(I), left_(I.time_left()) {
    if (left_ < HUGE_VAL) last_ = I.clock();
  }
  /// Before a step expected to cost `growth` times the previous one, whose
  /// work (in IntWork units) was `prev_work`: it refines this thread's
  /// measured speed when large enough.
  bool next(double growth, uint64_t units, double prev_work = 0) {
    if (!I_.poll(units)) return false;
    if (left_ == HUGE_VAL) return true;
    double now = I_.clock();
    double step = now - last_;
    left_ -= step;
    last_ = now;
    if (prev_work >= kTimedWork) {
      double rate = step / prev_work;
      double& r = t_gmp_seconds_per_unit;
      r = rate > r ? rate : 0.75 * r + 0.25 * rate;
    }
    if (step * growth > left_) {
      I_.end_run(LimitKind::Time);
      return false;
    }
    return true;
  }

 private:
  Isolate& I_;
  double left_;
  double last_ = 0;
};

/// r = x**e by left-to-right binary exponentiation, one squaring at a time
/// under SteppedWork (mpz_pow_ui would be one long uninterruptible call).
bool pow_stepped(Isolate& I, mpz_ptr r, mpz_srcptr x, uint64_t e) {
  SteppedWork steps(I);
  mpz_set(r, x);
  double prev = 0;
  for (int i = 62 - __builtin_clzll(e); i >= 0; --i) {
    if (!steps.next(2.5, mpz_size(r) / 16 + 1, prev)) return false;
    prev = int_mul_work(double(mpz_size(r)));
    mpz_mul(r, r, r);
    if ((e >> i) & 1) mpz_mul(r, r, x);
  }
  return true;
}

/// r = base**exp % mod by left-to-right square-and-multiply, one bit of the
/// exponent per step under SteppedWork (mpz_powm would be one long call).
bool powm_stepped(Isolate& I, mpz_ptr r, mpz_srcptr base, mpz_srcptr exp, mpz_srcptr mod) {
  SteppedWork steps(I);
  Mpz b;
  mpz_mod(b, base, mod);
  if (mpz_sgn(exp) == 0) {
    mpz_set_ui(r, 1);
    mpz_mod(r, r, mod);
    return true;
  }
  mpz_set(r, b);
  double prev = 0;
  for (size_t i = mpz_sizeinbase(exp, 2) - 1; i-- > 0;) {
    if (!steps.next(2.2, mpz_size(mod) / 16 + 1, prev)) return false;
    mpz_mul(r, r, r);
    mpz_mod(r, r, mod);
    if (mpz_tstbit(exp, i)) {
      mpz_mul(r, r, b);
      mpz_mod(r, r, mod);
    }
    prev = 4 * int_mul_work(double(mpz_size(mod)));
  }
  return true;
}

Value int_pow(Isolate& I, Value a, Value b) {
  UNWRAP2(a, b, x, y);
  if (sign_of(y) < 0) {
    bool o1 = false, o2 = false;
    double da = int_to_double(I, x, &o1);
    double db = int_to_double(I, y, &o2);
    if (o1 || o2) return raise(I, I.rt.exc_OverflowError, "int too large to convert to float");
    return float_pow_doubles(I, da, db);
  }
  // Trivial bases.
  if (x.is_small_int()) {
    int64_t base = x.as_small_int();
    if (base == 0) return Value::small_int(sign_of(y) == 0 ? 1 : 0);
    if (base == 1) return Value::small_int(1);
    if (base == -1) {
      bool odd = y.is_small_int() ? (y.as_small_int() & 1) : mpz_odd_p(y.as<BigInt>()->z);
      return Value::small_int(odd ? -1 : 1);
    }
  }
  if (!y.is_small_int()) return raise_memory(I);
  uint64_t e = uint64_t(y.as_small_int());
  if (x.is_small_int()) {
    // Exponentiation by squaring with overflow detection.
    int64_t result = 1, base = x.as_small_int();
    uint64_t n = e;
    bool ok = true;
    while (n) {
      if (n & 1) {
        if (__builtin_mul_overflow(result, base, &result)) { ok = false; break; }
      }
      n >>= 1;
      if (n && __builtin_mul_overflow(base, base, &base)) { ok = false; break; }
    }
    if (ok) return int_from_i64(I, result);
  }
  uint64_t bits = bit_length_of(x);
  if (e > kMaxBits || (bits && e > kMaxBits / bits) || !check_bits(I, bits * e)) {
    if (!I.has_pending()) raise_memory(I);
    return Value::error();
  }
  View vx(x);
  // Squarings up to the result's size: about twice the last one's work.
  double work = 2 * int_mul_work(double(bits) * double(e) / 128);
  Mpz r;
  if (work >= kTimedWork && I.time_left() < HUGE_VAL) {
    if (!pow_stepped(I, r, vx, e)) return Value::error();
  } else {
    IntWork guard(I, 0, work);
    if (!guard.ok()) return Value::error();
    mpz_pow_ui(r, vx, static_cast<unsigned long>(e));
  }
  return take_mpz(I, r);
}

Value int_pow3(Isolate& I, Value a, Value b, Value c) {
  Value x, y, m;
  if (!as_int(a, &x) || !as_int(b, &y) || !as_int(c, &m)) {
    // ternary_op: give the other operands' types a chance (float/complex raise their errors).
    Type* tb = type_of(I, b);
    Type* tc = type_of(I, c);
    TernaryFn mine = I.rt.int_type->nb_pow3;
    if (tb->nb_pow3 && tb->nb_pow3 != mine) {
      Value r = tb->nb_pow3(I, a, b, c);
      if (r.is_error() || !r.is_not_implemented()) return r;
    }
    if (tc->nb_pow3 && tc->nb_pow3 != mine && tc != tb) {
      Value r = tc->nb_pow3(I, a, b, c);
      if (r.is_error() || !r.is_not_implemented()) return r;
    }
    return Value::not_implemented();
  }
  if (sign_of(m) == 0) return raise(I, I.rt.exc_ValueError, "pow() 3rd argument cannot be 0");
  View vm(m);
  Mpz mod;
  mpz_abs(mod, vm);
  bool negative_output = mpz_sgn(vm) < 0;
  if (mpz_cmp_ui(mod, 1) == 0) return Value::small_int(0);
  View vx(x), vy(y);
  Mpz base, exp, r;
  mpz_set(base, vx);
  mpz_abs(exp, vy);
  if (mpz_sgn(vy) < 0) {
    if (!mpz_invert(base, base, mod))
      return raise(I, I.rt.exc_ValueError, "base is not invertible for the given modulus");
  }
  {
    // One squaring and at most one multiplication modulo `mod` per bit of
    // the exponent, each costing about three products of its size.
    double m = double(mpz_size(mod));
    double work = double(mpz_sizeinbase(exp, 2)) * 6 * int_mul_work(m);
    if (!int_affordable(I, 2 * 8 * m, work >= kTimedWork ? 0 : work)) return Value::error();
    if (work >= kTimedWork && I.time_left() < HUGE_VAL) {
      if (!powm_stepped(I, r, base, exp, mod)) return Value::error();
    } else {
      IntWork guard(I, 0, work);
      if (!guard.ok()) return Value::error();
      mpz_powm(r, base, exp, mod);
    }
  }
  if (negative_output && mpz_sgn(r) != 0) mpz_sub(r, r, mod);
  return take_mpz(I, r);
}

Value int_lshift(Isolate& I, Value a, Value b) {
  UNWRAP2(a, b, x, y);
  if (sign_of(y) < 0) return raise(I, I.rt.exc_ValueError, "negative shift count");
  if (sign_of(x) == 0) return Value::small_int(0);
  {
    // CPython: a result of more than MAX_LONG_DIGITS 30-bit digits is an
    // OverflowError; anything else too big for memory a MemoryError.
    View vy(y);
    Mpz words;
    mpz_fdiv_q_ui(words, vy, 30);
    mpz_add_ui(words, words, (bit_length_of(x) + 29) / 30 + 1);
    if (mpz_cmp_ui(words, static_cast<unsigned long>((INT64_MAX - 24) / 4)) > 0)
      return raise(I, I.rt.exc_OverflowError, "too many digits in integer");
  }
  if (!y.is_small_int()) return raise_memory(I);
  uint64_t n = uint64_t(y.as_small_int());
  if (x.is_small_int() && n < 64) {
    __int128 r = static_cast<__int128>(x.as_small_int()) << n;
    if (r >= Value::kSmallIntMin && r <= Value::kSmallIntMax) return Value::small_int(int64_t(r));
  }
  if (!check_bits(I, bit_length_of(x) + n)) return Value::error();
  IntWork work(I, 0, double(bit_length_of(x) + n) / 64);
  if (!work.ok()) return Value::error();
  View vx(x);
  Mpz r;
  mpz_mul_2exp(r, vx, mp_bitcnt_t(n));
  return take_mpz(I, r);
}

Value int_rshift(Isolate& I, Value a, Value b) {
  UNWRAP2(a, b, x, y);
  if (sign_of(y) < 0) return raise(I, I.rt.exc_ValueError, "negative shift count");
  if (!y.is_small_int()) return Value::small_int(sign_of(x) < 0 ? -1 : 0);
  uint64_t n = uint64_t(y.as_small_int());
  if (x.is_small_int()) return Value::small_int(x.as_small_int() >> (n > 63 ? 63 : n));
  View vx(x);
  Mpz r;
  mpz_fdiv_q_2exp(r, vx, mp_bitcnt_t(n));
  return take_mpz(I, r);
}

Value int_and(Isolate& I, Value a, Value b) {
  if (a.is_small_int() && b.is_small_int()) return Value::small_int(a.as_small_int() & b.as_small_int());
  UNWRAP2(a, b, x, y);
  if (x.is_small_int() && y.is_small_int()) return Value::small_int(x.as_small_int() & y.as_small_int());
  View vx(x), vy(y);
  Mpz r;
  mpz_and(r, vx, vy);
  return take_mpz(I, r);
}

Value int_or(Isolate& I, Value a, Value b) {
  if (a.is_small_int() && b.is_small_int()) return Value::small_int(a.as_small_int() | b.as_small_int());
  UNWRAP2(a, b, x, y);
  if (x.is_small_int() && y.is_small_int()) return Value::small_int(x.as_small_int() | y.as_small_int());
  View vx(x), vy(y);
  Mpz r;
  mpz_ior(r, vx, vy);
  return take_mpz(I, r);
}

Value int_xor(Isolate& I, Value a, Value b) {
  if (a.is_small_int() && b.is_small_int()) return Value::small_int(a.as_small_int() ^ b.as_small_int());
  UNWRAP2(a, b, x, y);
  if (x.is_small_int() && y.is_small_int()) return Value::small_int(x.as_small_int() ^ y.as_small_int());
  View vx(x), vy(y);
  Mpz r;
  mpz_xor(r, vx, vy);
  return take_mpz(I, r);
}

Value int_neg(Isolate& I, Value v) {
  Value x;
  if (!as_int(v, &x)) return Value::not_implemented();
  if (x.is_small_int()) return int_from_i64(I, -x.as_small_int());
  Mpz r;
  mpz_neg(r, x.as<BigInt>()->z);
  return take_mpz(I, r);
}

Value int_pos(Isolate& I, Value v) {
  Value x;
  if (!as_int(v, &x)) return Value::not_implemented();
  return x;
}

Value int_abs(Isolate& I, Value v) {
  Value x;
  if (!as_int(v, &x)) return Value::not_implemented();
  if (sign_of(x) >= 0) return x;
  return int_neg(I, x);
}

Value int_invert(Isolate& I, Value v) {
  Value x;
  if (!as_int(v, &x)) return Value::not_implemented();
  if (x.is_small_int()) return int_from_i64(I, ~x.as_small_int());
  Mpz r;
  mpz_com(r, x.as<BigInt>()->z);
  return take_mpz(I, r);
}

Value int_float_slot(Isolate& I, Value v) {
  Value x;
  if (!as_int(v, &x)) return Value::not_implemented();
  bool overflow = false;
  double d = int_to_double(I, x, &overflow);
  if (overflow) return raise(I, I.rt.exc_OverflowError, "int too large to convert to float");
  return Value::from_double(d);
}

// --- slots ----------------------------------------------------------------------------------

Value int_repr(Isolate& I, Value v) {
  Value x;
  if (!as_int(v, &x)) return raise(I, I.rt.exc_TypeError, "descriptor '__repr__' requires an 'int' object");
  return int_to_decimal(I, x);
}

int64_t int_hash_slot(Isolate& I, Value v) { return int_hash(v); }

int int_bool(Isolate& I, Value v) {
  Value x;
  if (!as_int(v, &x)) return 1;
  return sign_of(x) != 0;
}

Value int_richcompare(Isolate& I, Value a, Value b, CompareOp op) {
  Value x, y;
  if (!as_int(a, &x) || !as_int(b, &y)) return Value::not_implemented();
  int c = int_compare(x, y);
  switch (op) {
    case CompareOp::Lt: return Value::boolean(c < 0);
    case CompareOp::Le: return Value::boolean(c <= 0);
    case CompareOp::Eq: return Value::boolean(c == 0);
    case CompareOp::Ne: return Value::boolean(c != 0);
    case CompareOp::Gt: return Value::boolean(c > 0);
    case CompareOp::Ge: return Value::boolean(c >= 0);
  }
  return Value::not_implemented();
}

void int_trace(Object* o, Tracer& t) {
  if (o->type_->flags & kTypeHeap) t.visit(static_cast<BoxedInt*>(o)->value);
}

void int_finalize(Isolate& I, Object* o) {
  if (o->type_->flags & kTypeHeap) return;  // a BoxedInt: its BigInt is a separate object
  auto* b = static_cast<BigInt*>(o);
  mpz_clear(b->z);  // credits the heap its limbs were charged to
  b->z->_mp_alloc = 0;
  b->z->_mp_size = 0;
  b->z->_mp_d = nullptr;
}

// --- methods ----------------------------------------------------------------------------------

Value self_int(Isolate& I, Value self) {
  Value x;
  if (!as_int(self, &x)) return raise(I, I.rt.exc_TypeError, "descriptor requires an 'int' object");
  return x;
}

#define SELF_INT(x)                         \
  Value x = self_int(I, args[0]);           \
  if (x.is_error()) return x;

Value m_conjugate(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (check_no_kwargs(I, "conjugate", kw) < 0 || check_nargs(I, "conjugate", nargs - 1, 0, 0) < 0) return Value::error();
  SELF_INT(x);
  return x;
}

Value m_bit_length(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (check_no_kwargs(I, "bit_length", kw) < 0 || check_nargs(I, "bit_length", nargs - 1, 0, 0) < 0) return Value::error();
  SELF_INT(x);
  return int_from_u64(I, bit_length_of(x));
}

Value m_bit_count(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (check_no_kwargs(I, "bit_count", kw) < 0 || check_nargs(I, "bit_count", nargs - 1, 0, 0) < 0) return Value::error();
  SELF_INT(x);
  if (x.is_small_int()) {
    int64_t v = x.as_small_int();
    return Value::small_int(__builtin_popcountll(v < 0 ? uint64_t(-v) : uint64_t(v)));
  }
  Mpz a;
  mpz_abs(a, x.as<BigInt>()->z);
  return int_from_u64(I, mpz_popcount(a));
}

Value m_as_integer_ratio(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (check_no_kwargs(I, "as_integer_ratio", kw) < 0 || check_nargs(I, "as_integer_ratio", nargs - 1, 0, 0) < 0)
    return Value::error();
  SELF_INT(x);
  return tuple_pack(I, {x, Value::small_int(1)});
}

Value m_self_int(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (check_no_kwargs(I, "__trunc__", kw) < 0 || check_nargs(I, "__trunc__", nargs - 1, 0, 0) < 0) return Value::error();
  SELF_INT(x);
  return x;
}

Value m_getnewargs(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (check_no_kwargs(I, "__getnewargs__", kw) < 0 || check_nargs(I, "__getnewargs__", nargs - 1, 0, 0) < 0)
    return Value::error();
  SELF_INT(x);
  return tuple_pack(I, {x});
}

Value m_sizeof(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (check_no_kwargs(I, "__sizeof__", kw) < 0 || check_nargs(I, "__sizeof__", nargs - 1, 0, 0) < 0) return Value::error();
  SELF_INT(x);
  uint64_t bits = bit_length_of(x);
  uint64_t ndigits = (bits + 29) / 30;
  if (ndigits == 0) ndigits = 1;
  return int_from_u64(I, 24 + 4 * ndigits);
}

Value m_format(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (check_no_kwargs(I, "__format__", kw) < 0 || check_nargs(I, "__format__", nargs - 1, 1, 1) < 0) return Value::error();
  if (!is_subtype(type_of(I, args[1]), I.rt.str_type))
    return raisef(I, I.rt.exc_TypeError, "__format__() argument must be str, not %s", type_name(I, args[1]));
  return format_int(I, args[0], args[1].as<Str>()->view());
}

Value m_round(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  Value p[1];
  if (bind_args(I, "__round__", args + 1, nargs - 1, kw, {"ndigits"}, 1, 1, 0, p) < 0) return Value::error();
  SELF_INT(x);
  if (p[0].is_null() || p[0].is_none()) return x;
  Value nd = index(I, p[0]);
  if (nd.is_error()) return nd;
  Value ndv = int_unwrap(I, nd);
  if (sign_of(ndv) >= 0) return x;
  // Round to a multiple of 10**k, k = -ndigits, half to even.
  if (sign_of(x) == 0) return x;
  View vx(x);
  size_t xdigits = mpz_sizeinbase(vx, 10);
  if (!ndv.is_small_int() || uint64_t(-ndv.as_small_int()) > xdigits) return Value::small_int(0);
  unsigned long k = static_cast<unsigned long>(-ndv.as_small_int());
  Mpz pow10, q, r, twice;
  mpz_ui_pow_ui(pow10, 10, k);
  mpz_fdiv_qr(q, r, vx, pow10);  // x = q*p + r, 0 <= r < p
  mpz_mul_2exp(twice, r, 1);
  int c = mpz_cmp(twice, pow10);
  if (c > 0 || (c == 0 && mpz_odd_p(q))) mpz_add_ui(q, q, 1);
  mpz_mul(q, q, pow10);
  return take_mpz(I, q);
}

/// byteorder argument: 1 little, 0 big, -1 error.
int parse_byteorder(Isolate& I, const char* fname, Value v) {
  if (v.is_null()) return 0;
  if (!is_subtype(type_of(I, v), I.rt.str_type)) {
    raisef(I, I.rt.exc_TypeError, "%s() argument 'byteorder' must be str, not %s", fname, type_name(I, v));
    return -1;
  }
  std::string_view s = v.as<Str>()->view();
  if (s == "little") return 1;
  if (s == "big") return 0;
  raise(I, I.rt.exc_ValueError, "byteorder must be either 'little' or 'big'");
  return -1;
}

Value m_to_bytes(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  Value p[3];
  if (bind_args(I, "to_bytes", args + 1, nargs - 1, kw, {"length", "byteorder", "signed"}, 0, 2, 0, p) < 0)
    return Value::error();
  SELF_INT(x);
  int64_t length = 1;
  if (!p[0].is_null() && !index_i64(I, p[0], &length)) return Value::error();
  if (length < 0) return raise(I, I.rt.exc_ValueError, "length argument must be non-negative");
  int little = parse_byteorder(I, "to_bytes", p[1]);
  if (little < 0) return Value::error();
  bool is_signed = false;
  if (!p[2].is_null()) {
    int t = truthy(I, p[2]);
    if (t < 0) return Value::error();
    is_signed = t;
  }
  View vx(x);
  int sg = mpz_sgn(vx);
  if (sg < 0 && !is_signed) return raise(I, I.rt.exc_OverflowError, "can't convert negative int to unsigned");
  uint64_t nbits = uint64_t(length) * 8;
  if (sg != 0) {
    uint64_t need;
    if (sg > 0) need = mpz_sizeinbase(vx, 2) + (is_signed ? 1 : 0);
    else {
      Mpz t;
      mpz_add_ui(t, vx, 1);  // -(x+1) = |x| - 1
      mpz_neg(t, t);
      need = (mpz_sgn(t) ? mpz_sizeinbase(t, 2) : 0) + 1;
    }
    if (need > nbits) return raise(I, I.rt.exc_OverflowError, "int too big to convert");
  }
  if (!check_bits(I, nbits)) return Value::error();
  std::string buf(size_t(length), '\0');
  if (sg != 0) {
    Mpz t;
    if (sg < 0) {
      mpz_ui_pow_ui(t, 2, nbits);
      mpz_add(t, t, vx);
    } else {
      mpz_set(t, vx);
    }
    size_t count = 0;
    size_t nbytes = (mpz_sizeinbase(t, 2) + 7) / 8;
    std::string tmp(nbytes, '\0');
    mpz_export(tmp.data(), &count, 1, 1, 1, 0, t);  // big-endian
    memcpy(buf.data() + (size_t(length) - count), tmp.data(), count);
  }
  if (little) std::reverse(buf.begin(), buf.end());
  return bytes_value(I, buf);
}

Value m_from_bytes(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  Value p[3];
  if (bind_args(I, "from_bytes", args + 1, nargs - 1, kw, {"bytes", "byteorder", "signed"}, 0, 2, 1, p) < 0)
    return Value::error();
  Value cls = args[0];
  int little = parse_byteorder(I, "from_bytes", p[1]);
  if (little < 0) return Value::error();
  bool is_signed = false;
  if (!p[2].is_null()) {
    int t = truthy(I, p[2]);
    if (t < 0) return Value::error();
    is_signed = t;
  }
  std::string_view data;
  Value keep;
  int r = bytes_like(I, p[0], &data, &keep);
  if (r < 0) return Value::error();
  Value converted;
  if (r == 0) {
    if (is_int(I, p[0]) || is_subtype(type_of(I, p[0]), I.rt.str_type))
      return raisef(I, I.rt.exc_TypeError, "cannot convert '%s' object to bytes", type_name(I, p[0]));
    converted = call(I, Value::object(I.rt.bytes_type), &p[0], 1, nullptr);
    if (converted.is_error()) return converted;
    if (bytes_like(I, converted, &data, &keep) <= 0)
      return raisef(I, I.rt.exc_TypeError, "cannot convert '%s' object to bytes", type_name(I, p[0]));
  }
  Mpz z;
  if (!data.empty()) {
    if (!check_bits(I, uint64_t(data.size()) * 8)) return Value::error();
    mpz_import(z, data.size(), little ? -1 : 1, 1, 1, 0, data.data());
    if (is_signed) {
      unsigned char top = static_cast<unsigned char>(little ? data.back() : data.front());
      if (top & 0x80) {
        Mpz t;
        mpz_ui_pow_ui(t, 2, data.size() * 8);
        mpz_sub(z, z, t);
      }
    }
  }
  Value v = take_mpz(I, z);
  if (v.is_error()) return v;
  if (cls.as_object() != I.rt.int_type) return call(I, cls, &v, 1, nullptr);
  return v;
}

Value m_divmod(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (check_no_kwargs(I, "__divmod__", kw) < 0 || check_nargs(I, "__divmod__", nargs - 1, 1, 1) < 0) return Value::error();
  return int_divmod_impl(I, args[0], args[1]);
}
Value m_rdivmod(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (check_no_kwargs(I, "__rdivmod__", kw) < 0 || check_nargs(I, "__rdivmod__", nargs - 1, 1, 1) < 0) return Value::error();
  return int_divmod_impl(I, args[1], args[0]);
}

Value g_real(Isolate& I, Value self) { return self_int(I, self); }
Value g_imag(Isolate& I, Value self) { return Value::small_int(0); }
Value g_denominator(Isolate& I, Value self) { return Value::small_int(1); }

// --- construction -------------------------------------------------------------------------------

/// PyNumber_Long / int(x) for one argument.
Value int_from_object(Isolate& I, Value v) {
  if (is_exact_int(v)) return v;
  if (v.is_bool()) return Value::small_int(v.is_true());
  Type* t = type_of(I, v);
  // Exact str/bytes have none of __int__/__index__/__trunc__: parse at once.
  if (t == I.rt.str_type) return int_from_string(I, v.as<Str>()->view(), 10);
  if (t == I.rt.bytes_type) return int_from_bytes_text(I, bytes_view(v), 10);
  if (t->nb_int) {
    Value r = t->nb_int(I, v);
    if (r.is_error()) return r;
    Value x;
    if (!as_int(r, &x))
      return raisef(I, I.rt.exc_TypeError, "__int__ returned non-int (type %.200s)", type_name(I, r));
    return x;
  }
  if (t->nb_index) {
    Value r = index(I, v);
    if (r.is_error()) return r;
    return int_unwrap(I, r);
  }
  Str* trunc_name = I.intern("__trunc__");
  Value r = call_special(I, v, trunc_name, {});
  if (r.is_error()) return r;
  if (!r.is_null()) {
    Value x;
    if (as_int(r, &x)) return x;
    if (!type_of(I, r)->nb_index)
      return raisef(I, I.rt.exc_TypeError, "__trunc__ returned non-Integral (type %.200s)", type_name(I, r));
    Value ix = index(I, r);
    if (ix.is_error()) return ix;
    return int_unwrap(I, ix);
  }
  if (is_subtype(t, I.rt.str_type)) return int_from_string(I, v.as<Str>()->view(), 10);
  std::string_view data;
  Value keep;
  int b = bytes_like(I, v, &data, &keep);
  if (b < 0) return Value::error();
  if (b > 0) return int_from_bytes_text(I, data, 10);
  return raisef(I, I.rt.exc_TypeError,
                "int() argument must be a string, a bytes-like object or a real number, not '%.200s'",
                type_name(I, v));
}

Value int_new(Isolate& I, Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  Value x = Value::null(), obase = Value::null();
  size_t nkw = kwnames ? kwnames->size() : 0;
  if (nargs + nkw > 2)
    return raisef(I, I.rt.exc_TypeError, "int() takes at most 2 arguments (%zu given)", nargs + nkw);
  if (nargs >= 1) x = args[0];
  if (nargs >= 2) obase = args[1];
  for (size_t k = 0; k < nkw; ++k) {
    std::string_view name = kwnames->items[k].as<Str>()->view();
    if (name == "base" && nargs < 2) {
      obase = args[nargs + k];
    } else if (name == "base") {
      return raise(I, I.rt.exc_TypeError, "argument for int() given by name ('base') and position (2)");
    } else {
      return raisef(I, I.rt.exc_TypeError, "'%.*s' is an invalid keyword argument for int()", int(name.size()),
                    name.data());
    }
  }
  Value result;
  if (x.is_null()) {
    if (!obase.is_null()) return raise(I, I.rt.exc_TypeError, "int() missing string argument");
    result = Value::small_int(0);
  } else if (obase.is_null()) {
    result = int_from_object(I, x);
  } else {
    int64_t base;
    if (!index_i64(I, obase, &base)) {
      if (!pending_matches(I, I.rt.exc_OverflowError)) return Value::error();
      I.take_pending();
      base = -1;
    }
    if ((base != 0 && base < 2) || base > 36)
      return raise(I, I.rt.exc_ValueError, "int() base must be >= 2 and <= 36, or 0");
    if (is_subtype(type_of(I, x), I.rt.str_type)) {
      result = int_from_string(I, x.as<Str>()->view(), int(base));
    } else if (is_bytes(x) || is_bytearray(x)) {
      result = int_from_bytes_text(I, bytes_view(x), int(base));
    } else {
      return raise(I, I.rt.exc_TypeError, "int() can't convert non-string with explicit base");
    }
  }
  if (result.is_error()) return result;
  if (type == I.rt.int_type) return result;
  // long_subtype_new
  auto* o = static_cast<BoxedInt*>(I.heap.alloc_object(type, type->basicsize));
  if (!o) return raise_memory(I);
  o->value = int_unwrap(I, result);
  return Value::object(o);
}

}  // namespace

Value int_divmod(Isolate& I, Value a, Value b) { return int_divmod_impl(I, a, b); }

// --- type setup ------------------------------------------------------------------------------------

void init_int_type(Runtime& rt) {
  Type* t = rt.int_type;
  // Instances of subclasses are BoxedInt: the value, then the __dict__ the
  // subclass layout adds (BoxedInt::dict) right after the fixed part.
  static_assert(sizeof(BoxedInt) == sizeof(Object) + 2 * sizeof(void*));
  t->basicsize = uint32_t(sizeof(Object) + sizeof(Value));
  t->flags |= kTypeBaseType | kTypeIntSubclass;
  t->repr = int_repr;
  t->hash = int_hash_slot;
  t->richcompare = int_richcompare;
  t->bool_ = int_bool;
  t->nb[int(NbOp::Add)] = int_add;
  t->nb[int(NbOp::Sub)] = int_sub;
  t->nb[int(NbOp::Mul)] = int_mul;
  t->nb[int(NbOp::FloorDiv)] = int_floordiv;
  t->nb[int(NbOp::Mod)] = int_mod;
  t->nb[int(NbOp::TrueDiv)] = int_truediv;
  t->nb[int(NbOp::Pow)] = int_pow;
  t->nb[int(NbOp::LShift)] = int_lshift;
  t->nb[int(NbOp::RShift)] = int_rshift;
  t->nb[int(NbOp::And)] = int_and;
  t->nb[int(NbOp::Or)] = int_or;
  t->nb[int(NbOp::Xor)] = int_xor;
  t->nb_pow3 = int_pow3;
  t->nb_neg = int_neg;
  t->nb_pos = int_pos;
  t->nb_abs = int_abs;
  t->nb_invert = int_invert;
  t->nb_int = int_pos;
  t->nb_index = int_pos;
  t->nb_float = int_float_slot;
  t->new_ = int_new;
  t->trace = int_trace;
  t->finalize = int_finalize;
  add_methods(rt, t,
              {
                  {"conjugate", m_conjugate},
                  {"bit_length", m_bit_length},
                  {"bit_count", m_bit_count},
                  {"to_bytes", m_to_bytes},
                  {"from_bytes", m_from_bytes, kMethodClass},
                  {"as_integer_ratio", m_as_integer_ratio},
                  {"__trunc__", m_self_int},
                  {"__floor__", m_self_int},
                  {"__ceil__", m_self_int},
                  {"__round__", m_round},
                  {"__getnewargs__", m_getnewargs},
                  {"__format__", m_format},
                  {"__sizeof__", m_sizeof},
                  {"__divmod__", m_divmod},
                  {"__rdivmod__", m_rdivmod},
              });
  add_getsets(rt, t,
              {
                  {"real", g_real},
                  {"imag", g_imag},
                  {"numerator", g_real},
                  {"denominator", g_denominator},
              });
}

}  // namespace capy
