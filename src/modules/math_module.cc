// math: CPython 3.11's math module. Results, special cases and errors follow
// CPython: ValueError "math domain error" when a finite argument gives a NaN
// (or an infinity where overflow is impossible), OverflowError "math range
// error" on overflow; ints of any size are accepted where CPython accepts
// them (log of huge ints, exact integer functions on GMP).
#include <gmp.h>

#include <cfloat>
#include <climits>
#include <cmath>
#include <cstring>
#include <vector>

#include "modules/registry.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/native.h"
#include "objects/number_format.h"
#include "objects/ops.h"
#include "objects/str.h"
#include "objects/tuple.h"

namespace capy {

namespace {

constexpr double kPi = 3.141592653589793238462643383279502884;
constexpr double kE = 2.718281828459045235360287471352662498;
constexpr double kTau = 6.283185307179586476925286766559005768;

Value F(double d) { return Value::from_double(d); }
Value domain_error(Isolate& I) { return raise(I, I.rt.exc_ValueError, "math domain error"); }
Value range_error(Isolate& I) { return raise(I, I.rt.exc_OverflowError, "math range error"); }

/// RAII GMP temporary.
struct Mpz {
  mpz_t z;
  Mpz() { mpz_init(z); }
  ~Mpz() { mpz_clear(z); }
  Mpz(const Mpz&) = delete;
  Mpz& operator=(const Mpz&) = delete;
  operator mpz_ptr() { return z; }
  mpz_ptr operator->() { return z; }
};

/// Refuses (MemoryError) a result of `bits` bits that the heap could not hold.
bool afford_bits(Isolate& I, double bits) {
  if (bits > double(uint64_t(1) << 35)) {
    raise_memory(I);
    return false;
  }
  // Memory for the result and GMP's temporaries; time for a product tree
  // (factorials, binomials) of that size.
  return int_affordable(I, bits / 8 + 64, int_decimal_work(bits / 64));
}

int one_arg(Isolate& I, const char* qname, size_t nargs, Tuple* kw) {
  if (check_no_kwargs(I, qname, kw) < 0) return -1;
  return check_nargs(I, qname, nargs, 1, 1);
}
int two_args(Isolate& I, const char* qname, const char* name, size_t nargs, Tuple* kw) {
  if (check_no_kwargs(I, qname, kw) < 0) return -1;
  return check_nargs(I, name, nargs, 2, 2);
}

/// CPython's math_1: NaN from non-NaN is a domain error; an infinity from a
/// finite argument is a range error when the function can overflow.
template <double (*fn)(double), bool can_overflow>
Value math_1(Isolate& I, const char* qname, const Value* args, size_t nargs, Tuple* kw) {
  if (one_arg(I, qname, nargs, kw) < 0) return Value::error();
  double x;
  if (!to_double(I, args[0], &x)) return Value::error();
  double r = fn(x);
  if (std::isnan(r) && !std::isnan(x)) return domain_error(I);
  if (std::isinf(r) && std::isfinite(x)) return can_overflow ? range_error(I) : domain_error(I);
  return F(r);
}

#define MATH1(pyname, cfn, ovf)                                                  \
  double c_##pyname(double x) { return cfn(x); }                                 \
  Value m_##pyname(Isolate& I, const Value* a, size_t n, Tuple* kw) {            \
    return math_1<c_##pyname, ovf>(I, "math." #pyname, a, n, kw);                \
  }
MATH1(acos, std::acos, false)
MATH1(acosh, std::acosh, false)
MATH1(asin, std::asin, false)
MATH1(asinh, std::asinh, false)
MATH1(atan, std::atan, false)
MATH1(atanh, std::atanh, false)
MATH1(cbrt, std::cbrt, false)
MATH1(cos, std::cos, false)
MATH1(cosh, std::cosh, true)
MATH1(exp, std::exp, true)
MATH1(exp2, std::exp2, true)
MATH1(expm1, std::expm1, true)
MATH1(fabs, std::fabs, false)
MATH1(log1p, std::log1p, false)
MATH1(sin, std::sin, false)
MATH1(sinh, std::sinh, true)
MATH1(sqrt, std::sqrt, false)
MATH1(tan, std::tan, false)
MATH1(tanh, std::tanh, false)
#undef MATH1

Value m_erf(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  if (one_arg(I, "math.erf", n, kw) < 0) return Value::error();
  double x;
  if (!to_double(I, a[0], &x)) return Value::error();
  return F(std::erf(x));
}
Value m_erfc(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  if (one_arg(I, "math.erfc", n, kw) < 0) return Value::error();
  double x;
  if (!to_double(I, a[0], &x)) return Value::error();
  return F(std::erfc(x));
}

// --- gamma and lgamma: the Lanczos approximation (g = 6.0246800407767296, N = 13,
// the coefficient set published with Boost.Math), the scheme CPython uses, so
// that results agree to the last bit. ---------------------------------------------

constexpr int kLanczosN = 13;
constexpr double kLanczosG = 6.024680040776729583740234375;
constexpr double kLanczosGMinusHalf = 5.524680040776729583740234375;
constexpr double kLanczosNum[kLanczosN] = {
    23531376880.410759688572007674451636754734846804940, 42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843, 17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708, 1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801, 31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768, 186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024, 210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408};
constexpr double kLanczosDen[kLanczosN] = {0.0,       39916800.0, 120543840.0, 150917976.0, 105258076.0,
                                           45995730.0, 13339535.0, 2637558.0,   357423.0,    32670.0,
                                           1925.0,     66.0,       1.0};
constexpr int kGammaIntegral = 23;
constexpr double kGammaTable[kGammaIntegral] = {
    1.0, 1.0, 2.0, 6.0, 24.0, 120.0, 720.0, 5040.0, 40320.0, 362880.0, 3628800.0, 39916800.0,
    479001600.0, 6227020800.0, 87178291200.0, 1307674368000.0, 20922789888000.0, 355687428096000.0,
    6402373705728000.0, 121645100408832000.0, 2432902008176640000.0, 51090942171709440000.0,
    1124000727777607680000.0};
constexpr double kLogPi = 1.144729885849400174143427351353058711647;

double lanczos_sum(double x) {
  double num = 0.0, den = 0.0;
  if (x < 5.0) {
    for (int i = kLanczosN; --i >= 0;) {
      num = num * x + kLanczosNum[i];
      den = den * x + kLanczosDen[i];
    }
  } else {
    for (int i = 0; i < kLanczosN; i++) {
      num = num / x + kLanczosNum[i];
      den = den / x + kLanczosDen[i];
    }
  }
  return num / den;
}

double sinpi(double x) {
  double y = std::fmod(std::fabs(x), 2.0);
  int n = static_cast<int>(std::round(2.0 * y));
  double r;
  switch (n) {
    case 0: r = std::sin(kPi * y); break;
    case 1: r = std::cos(kPi * (y - 0.5)); break;
    case 2: r = std::sin(kPi * (1.0 - y)); break;
    case 3: r = -std::cos(kPi * (y - 1.5)); break;
    default: r = std::sin(kPi * (y - 2.0)); break;
  }
  return std::copysign(1.0, x) * r;
}

// err: 0 ok, 1 domain, 2 range.
double tgamma_impl(double x, int* err) {
  *err = 0;
  if (!std::isfinite(x)) {
    if (std::isnan(x) || x > 0.0) return x;
    *err = 1;
    return NAN;
  }
  if (x == 0.0) {
    *err = 1;
    return std::copysign(INFINITY, x);
  }
  if (x == std::floor(x)) {
    if (x < 0.0) {
      *err = 1;
      return NAN;
    }
    if (x <= kGammaIntegral) return kGammaTable[static_cast<int>(x) - 1];
  }
  double absx = std::fabs(x);
  if (absx < 1e-20) {
    double r = 1.0 / x;
    if (std::isinf(r)) *err = 2;
    return r;
  }
  if (absx > 200.0) {
    if (x < 0.0) return 0.0 / sinpi(x);
    *err = 2;
    return HUGE_VAL;
  }
  double y = absx + kLanczosGMinusHalf, q, z, r;
  if (absx > kLanczosGMinusHalf) {
    q = y - absx;
    z = q - kLanczosGMinusHalf;
  } else {
    q = y - kLanczosGMinusHalf;
    z = q - absx;
  }
  z = z * kLanczosG / y;
  if (x < 0.0) {
    r = -kPi / sinpi(absx) / absx * std::exp(y) / lanczos_sum(absx);
    r -= z * r;
    if (absx < 140.0) {
      r /= std::pow(y, absx - 0.5);
    } else {
      double sp = std::pow(y, absx / 2.0 - 0.25);
      r /= sp;
      r /= sp;
    }
  } else {
    r = lanczos_sum(absx) / std::exp(y);
    r += z * r;
    if (absx < 140.0) {
      r *= std::pow(y, absx - 0.5);
    } else {
      double sp = std::pow(y, absx / 2.0 - 0.25);
      r *= sp;
      r *= sp;
    }
  }
  if (std::isinf(r)) *err = 2;
  return r;
}

double lgamma_impl(double x, int* err) {
  *err = 0;
  if (!std::isfinite(x)) {
    if (std::isnan(x)) return x;
    return HUGE_VAL;
  }
  if (x == std::floor(x) && x <= 2.0) {
    if (x <= 0.0) {
      *err = 1;
      return HUGE_VAL;
    }
    return 0.0;
  }
  double absx = std::fabs(x);
  if (absx < 1e-20) return -std::log(absx);
  double r = std::log(lanczos_sum(absx)) - kLanczosG;
  r += (absx - 0.5) * (std::log(absx + kLanczosG - 0.5) - 1);
  if (x < 0.0) r = kLogPi - std::log(std::fabs(sinpi(absx))) - std::log(absx) - r;
  if (std::isinf(r)) *err = 2;
  return r;
}

Value gamma_result(Isolate& I, double r, int err) {
  if (err == 1) return domain_error(I);
  if (err == 2 && std::fabs(r) >= 1.5) return range_error(I);
  return F(r);
}

Value m_gamma(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  if (one_arg(I, "math.gamma", n, kw) < 0) return Value::error();
  double x;
  if (!to_double(I, a[0], &x)) return Value::error();
  int err;
  double r = tgamma_impl(x, &err);
  return gamma_result(I, r, err);
}
Value m_lgamma(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  if (one_arg(I, "math.lgamma", n, kw) < 0) return Value::error();
  double x;
  if (!to_double(I, a[0], &x)) return Value::error();
  int err;
  double r = lgamma_impl(x, &err);
  return gamma_result(I, r, err);
}

// --- rounding ---------------------------------------------------------------------

Value round_via(Isolate& I, const char* qname, const char* dunder, double (*fn)(double), const Value* a, size_t n,
                Tuple* kw) {
  if (one_arg(I, qname, n, kw) < 0) return Value::error();
  Value x = a[0];
  if (x.is_double()) return int_from_double(I, fn(x.as_double()));
  if (is_exact_int(x)) return x;
  Value r = call_special(I, x, I.intern(dunder), {});
  if (r.is_error() || !r.is_null()) return r;
  double d;
  if (!to_double(I, x, &d)) return Value::error();
  return int_from_double(I, fn(d));
}
double c_floor(double x) { return std::floor(x); }
double c_ceil(double x) { return std::ceil(x); }
Value m_floor(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  return round_via(I, "math.floor", "__floor__", c_floor, a, n, kw);
}
Value m_ceil(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  return round_via(I, "math.ceil", "__ceil__", c_ceil, a, n, kw);
}
Value m_trunc(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  if (one_arg(I, "math.trunc", n, kw) < 0) return Value::error();
  Value x = a[0];
  if (x.is_double()) return int_from_double(I, std::trunc(x.as_double()));
  if (is_exact_int(x)) return x;
  Value r = call_special(I, x, I.intern("__trunc__"), {});
  if (r.is_error() || !r.is_null()) return r;
  return raisef(I, I.rt.exc_TypeError, "type %s doesn't define __trunc__ method", type_name(I, x));
}

// --- two-argument float functions ---------------------------------------------------

bool two_doubles(Isolate& I, const char* qname, const char* name, const Value* a, size_t n, Tuple* kw, double* x,
                 double* y) {
  if (two_args(I, qname, name, n, kw) < 0) return false;
  return to_double(I, a[0], x) && to_double(I, a[1], y);
}

Value m_copysign(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  double x, y;
  if (!two_doubles(I, "math.copysign", "copysign", a, n, kw, &x, &y)) return Value::error();
  return F(std::copysign(x, y));
}
Value m_atan2(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  double y, x;
  if (!two_doubles(I, "math.atan2", "atan2", a, n, kw, &y, &x)) return Value::error();
  return F(std::atan2(y, x));
}
Value m_fmod(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  double x, y;
  if (!two_doubles(I, "math.fmod", "fmod", a, n, kw, &x, &y)) return Value::error();
  if (std::isinf(y) && std::isfinite(x)) return F(x);
  double r = std::fmod(x, y);
  if (std::isnan(r) && !std::isnan(x) && !std::isnan(y)) return domain_error(I);
  return F(r);
}
Value m_remainder(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  double x, y;
  if (!two_doubles(I, "math.remainder", "remainder", a, n, kw, &x, &y)) return Value::error();
  if (std::isnan(x)) return F(x);
  if (std::isnan(y)) return F(y);
  if (std::isinf(x) || y == 0.0) return domain_error(I);
  if (std::isinf(y)) return F(x);
  return F(std::remainder(x, y));
}
Value m_pow(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  double x, y;
  if (!two_doubles(I, "math.pow", "pow", a, n, kw, &x, &y)) return Value::error();
  double r;
  if (!std::isfinite(x) || !std::isfinite(y)) {
    if (std::isnan(x)) {
      r = y == 0.0 ? 1.0 : x;
    } else if (std::isnan(y)) {
      r = x == 1.0 ? 1.0 : y;
    } else if (std::isinf(x)) {
      bool odd_y = std::isfinite(y) && std::fmod(std::fabs(y), 2.0) == 1.0;
      if (y > 0.0) r = odd_y ? x : std::fabs(x);
      else if (y == 0.0) r = 1.0;
      else r = odd_y ? std::copysign(0.0, x) : 0.0;
    } else {
      if (std::fabs(x) == 1.0) r = 1.0;
      else if (y > 0.0 && std::fabs(x) > 1.0) r = y;
      else if (y < 0.0 && std::fabs(x) < 1.0) r = -y;
      else r = 0.0;
    }
    return F(r);
  }
  r = std::pow(x, y);
  if (std::isnan(r)) return domain_error(I);
  if (std::isinf(r)) return x == 0.0 ? domain_error(I) : range_error(I);
  return F(r);
}
Value m_nextafter(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  double x, y;
  if (!two_doubles(I, "math.nextafter", "nextafter", a, n, kw, &x, &y)) return Value::error();
  return F(std::nextafter(x, y));
}
Value m_ldexp(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  if (two_args(I, "math.ldexp", "ldexp", n, kw) < 0) return Value::error();
  double x;
  if (!to_double(I, a[0], &x)) return Value::error();
  if (!is_int(I, a[1])) return raise(I, I.rt.exc_TypeError, "Expected an int as second argument to ldexp.");
  Value iv = int_unwrap(I, a[1]);
  int64_t e;
  if (!int_to_i64(iv, &e)) e = int_compare(iv, Value::small_int(0)) < 0 ? INT64_MIN : INT64_MAX;
  if (x == 0.0 || !std::isfinite(x)) return F(x);
  if (e > INT_MAX) return range_error(I);
  if (e < INT_MIN) return F(std::copysign(0.0, x));
  double r = std::ldexp(x, static_cast<int>(e));
  if (std::isinf(r)) return range_error(I);
  return F(r);
}

// --- one-argument helpers -------------------------------------------------------------

Value m_frexp(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  if (one_arg(I, "math.frexp", n, kw) < 0) return Value::error();
  double x;
  if (!to_double(I, a[0], &x)) return Value::error();
  int e = 0;
  double m = (std::isnan(x) || std::isinf(x) || x == 0.0) ? x : std::frexp(x, &e);
  return tuple_pack(I, {F(m), Value::small_int(e)});
}
Value m_modf(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  if (one_arg(I, "math.modf", n, kw) < 0) return Value::error();
  double x;
  if (!to_double(I, a[0], &x)) return Value::error();
  if (std::isinf(x)) return tuple_pack(I, {F(std::copysign(0.0, x)), F(x)});
  if (std::isnan(x)) return tuple_pack(I, {F(x), F(x)});
  double ip;
  double fp = std::modf(x, &ip);
  return tuple_pack(I, {F(fp), F(ip)});
}
template <int kind>
Value m_classify(Isolate& I, const char* qname, const Value* a, size_t n, Tuple* kw) {
  if (one_arg(I, qname, n, kw) < 0) return Value::error();
  double x;
  if (!to_double(I, a[0], &x)) return Value::error();
  return Value::boolean(kind == 0 ? std::isfinite(x) : kind == 1 ? std::isinf(x) : std::isnan(x));
}
Value m_isfinite(Isolate& I, const Value* a, size_t n, Tuple* kw) { return m_classify<0>(I, "math.isfinite", a, n, kw); }
Value m_isinf(Isolate& I, const Value* a, size_t n, Tuple* kw) { return m_classify<1>(I, "math.isinf", a, n, kw); }
Value m_isnan(Isolate& I, const Value* a, size_t n, Tuple* kw) { return m_classify<2>(I, "math.isnan", a, n, kw); }

Value m_degrees(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  if (one_arg(I, "math.degrees", n, kw) < 0) return Value::error();
  double x;
  if (!to_double(I, a[0], &x)) return Value::error();
  return F(x * (180.0 / kPi));
}
Value m_radians(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  if (one_arg(I, "math.radians", n, kw) < 0) return Value::error();
  double x;
  if (!to_double(I, a[0], &x)) return Value::error();
  return F(x * (kPi / 180.0));
}
Value m_ulp(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  if (one_arg(I, "math.ulp", n, kw) < 0) return Value::error();
  double x;
  if (!to_double(I, a[0], &x)) return Value::error();
  if (std::isnan(x)) return F(x);
  x = std::fabs(x);
  if (std::isinf(x)) return F(x);
  double x2 = std::nextafter(x, INFINITY);
  if (std::isinf(x2)) {
    x2 = std::nextafter(x, -INFINITY);
    return F(x - x2);
  }
  return F(x2 - x);
}

Value m_isclose(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (nargs > 2)
    return raisef(I, I.rt.exc_TypeError, "isclose() takes exactly 2 positional arguments (%zu given)", nargs);
  Value p[4];
  if (bind_args(I, "isclose", args, nargs, kw, {"a", "b", "rel_tol", "abs_tol"}, 0, 2, 2, p) < 0)
    return Value::error();
  double a, b, rel_tol = 1e-09, abs_tol = 0.0;
  if (!to_double(I, p[0], &a) || !to_double(I, p[1], &b)) return Value::error();
  if (!p[2].is_null() && !to_double(I, p[2], &rel_tol)) return Value::error();
  if (!p[3].is_null() && !to_double(I, p[3], &abs_tol)) return Value::error();
  if (rel_tol < 0.0 || abs_tol < 0.0) return raise(I, I.rt.exc_ValueError, "tolerances must be non-negative");
  if (a == b) return Value::true_();
  if (std::isinf(a) || std::isinf(b)) return Value::false_();
  double diff = std::fabs(b - a);
  return Value::boolean(diff <= std::fabs(rel_tol * b) || diff <= std::fabs(rel_tol * a) || diff <= abs_tol);
}

// --- logarithms -------------------------------------------------------------------------

/// x = m * 2**e with m in [0.5, 1) correctly rounded to 53 bits (for ints too big for a double).
double big_frexp(Value v, int64_t* e) {
  Mpz z;
  int_to_mpz(v, z);
  mpz_abs(z, z);
  size_t bits = mpz_sizeinbase(z, 2);
  Mpz top;
  uint64_t u;
  if (bits > 64) {
    mpz_tdiv_q_2exp(top, z, bits - 64);
    u = mpz_getlimbn(top, 0);
    if (mpz_scan1(z, 0) < bits - 64) u |= 1;  // sticky bit: correct round-half-even below
  } else {
    u = mpz_getlimbn(z, 0) << (64 - bits);
  }
  double m = std::ldexp(static_cast<double>(u), -64);
  *e = static_cast<int64_t>(bits);
  if (m == 1.0) {
    m = 0.5;
    *e += 1;
  }
  return m;
}

/// log with CPython's loghelper semantics; kind 0 = ln, 1 = log2, 2 = log10.
bool log_of(Isolate& I, Value arg, int kind, double* out) {
  auto fn = [kind](double x) { return kind == 0 ? std::log(x) : kind == 1 ? std::log2(x) : std::log10(x); };
  if (is_int(I, arg)) {
    Value v = int_unwrap(I, arg);
    if (int_compare(v, Value::small_int(0)) <= 0) {
      domain_error(I);
      return false;
    }
    bool overflow = false;
    double x = int_to_double(I, v, &overflow);
    if (!overflow) {
      *out = fn(x);
      return true;
    }
    int64_t e;
    double m = big_frexp(v, &e);
    *out = fn(m) + fn(2.0) * static_cast<double>(e);
    return true;
  }
  double x;
  if (!to_double(I, arg, &x)) return false;
  double r;
  if (std::isfinite(x)) {
    if (x > 0.0) r = fn(x);
    else r = x == 0.0 ? -HUGE_VAL : NAN;
  } else if (std::isnan(x) || x > 0) {
    r = x;
  } else {
    r = NAN;
  }
  if (std::isnan(r) && !std::isnan(x)) {
    domain_error(I);
    return false;
  }
  if (std::isinf(r) && std::isfinite(x)) {
    domain_error(I);
    return false;
  }
  *out = r;
  return true;
}

Value m_log(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  if (check_no_kwargs(I, "log", kw) < 0) return Value::error();
  if (n < 1 || n > 2) return raise(I, I.rt.exc_TypeError, "math.log requires 1 to 2 arguments");
  double num;
  if (!log_of(I, a[0], 0, &num)) return Value::error();
  if (n == 1) return F(num);
  double den;
  if (!log_of(I, a[1], 0, &den)) return Value::error();
  if (den == 0.0) return raise(I, I.rt.exc_ZeroDivisionError, "float division by zero");
  return F(num / den);
}
Value m_log2(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  if (one_arg(I, "math.log2", n, kw) < 0) return Value::error();
  double r;
  return log_of(I, a[0], 1, &r) ? F(r) : Value::error();
}
Value m_log10(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  if (one_arg(I, "math.log10", n, kw) < 0) return Value::error();
  double r;
  return log_of(I, a[0], 2, &r) ? F(r) : Value::error();
}

// --- norms -----------------------------------------------------------------------------------

/// sqrt(sum(x*x)) nearly correctly rounded: scaled, squares summed exactly as a
/// double-double, one Newton correction on the root.
double vector_norm(const double* v, size_t n, double max, bool found_nan) {
  if (std::isinf(max)) return max;
  if (found_nan) return NAN;
  if (max == 0.0 || n <= 1) return max;
  int max_e;
  std::frexp(max, &max_e);
  double hi = 0.0, lo = 0.0;
  for (size_t i = 0; i < n; ++i) {
    double x = std::ldexp(v[i], -max_e);
    double p = x * x;
    double pe = std::fma(x, x, -p);
    double s = hi + p;
    double bp = s - hi;
    double err = (hi - (s - bp)) + (p - bp);
    hi = s;
    lo += err + pe;
  }
  double s = hi + lo;
  lo = lo - (s - hi);
  hi = s;
  double h = std::sqrt(hi);
  double r = std::fma(-h, h, hi) + lo;
  h += r / (2.0 * h);
  return std::ldexp(h, max_e);
}

Value m_hypot(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  if (check_no_kwargs(I, "math.hypot", kw) < 0) return Value::error();
  double small[16];
  std::vector<double> big;
  double* v = small;
  if (n > 16) {
    big.resize(n);
    v = big.data();
  }
  double max = 0.0;
  bool found_nan = false;
  for (size_t i = 0; i < n; ++i) {
    double x;
    if (!to_double(I, a[i], &x)) return Value::error();
    x = std::fabs(x);
    v[i] = x;
    found_nan |= std::isnan(x);
    if (x > max) max = x;
  }
  return F(vector_norm(v, n, max, found_nan));
}

Value m_dist(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  if (two_args(I, "math.dist", "dist", n, kw) < 0) return Value::error();
  Value p = a[0], q = a[1];
  if (!is_subtype(type_of(I, p), I.rt.tuple_type)) {
    p = tuple_from_iterable(I, p);
    if (p.is_error()) return p;
  }
  if (!is_subtype(type_of(I, q), I.rt.tuple_type)) {
    q = tuple_from_iterable(I, q);
    if (q.is_error()) return q;
  }
  Tuple* pt = p.as<Tuple>();
  Tuple* qt = q.as<Tuple>();
  size_t m = pt->size();
  if (m != qt->size()) return raise(I, I.rt.exc_ValueError, "both points must have the same number of dimensions");
  std::vector<double> v(m);
  double max = 0.0;
  bool found_nan = false;
  for (size_t i = 0; i < m; ++i) {
    double x, y;
    if (!to_double(I, pt->items[i], &x) || !to_double(I, qt->items[i], &y)) return Value::error();
    double d = std::fabs(x - y);
    v[i] = d;
    found_nan |= std::isnan(d);
    if (d > max) max = d;
  }
  return F(vector_norm(v.data(), m, max, found_nan));
}

// --- fsum: Shewchuk's exact summation with a correctly rounded result -------------------

Value m_fsum(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  if (one_arg(I, "math.fsum", n, kw) < 0) return Value::error();
  Value it = get_iter(I, a[0]);
  if (it.is_error()) return it;
  std::vector<double> p;
  double special_sum = 0.0, inf_sum = 0.0;
  for (;;) {
    Value item = iter_next(I, it);
    if (item.is_error()) return item;
    if (item.is_null()) break;
    double x;
    if (!to_double(I, item, &x)) return Value::error();
    double xsave = x;
    size_t i = 0;
    for (size_t j = 0; j < p.size(); ++j) {
      double y = p[j];
      if (std::fabs(x) < std::fabs(y)) std::swap(x, y);
      double hi = x + y;
      double lo = y - (hi - x);
      if (lo != 0.0) p[i++] = lo;
      x = hi;
    }
    p.resize(i);
    if (x != 0.0) {
      if (!std::isfinite(x)) {
        if (std::isfinite(xsave)) return raise(I, I.rt.exc_OverflowError, "intermediate overflow in fsum");
        if (std::isinf(xsave)) inf_sum += xsave;
        special_sum += xsave;
        p.clear();
      } else {
        p.push_back(x);
      }
    }
  }
  if (special_sum != 0.0) {
    if (std::isnan(inf_sum)) return raise(I, I.rt.exc_ValueError, "-inf + inf in fsum");
    return F(special_sum);
  }
  double hi = 0.0;
  size_t k = p.size();
  if (k > 0) {
    hi = p[--k];
    double lo = 0.0;
    while (k > 0) {
      double x = hi;
      double y = p[--k];
      hi = x + y;
      double yr = hi - x;
      lo = y - yr;
      if (lo != 0.0) break;
    }
    if (k > 0 && ((lo < 0.0 && p[k - 1] < 0.0) || (lo > 0.0 && p[k - 1] > 0.0))) {
      double y = lo * 2.0;
      double x = hi + y;
      double yr = x - hi;
      if (y == yr) hi = x;
    }
  }
  return F(hi);
}

// --- integer functions -----------------------------------------------------------------------

Value m_factorial(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  if (one_arg(I, "math.factorial", n, kw) < 0) return Value::error();
  Value v = index(I, a[0]);
  if (v.is_error()) return v;
  int64_t x;
  if (!int_to_i64(v, &x)) {
    if (int_compare(v, Value::small_int(0)) < 0)
      return raise(I, I.rt.exc_ValueError, "factorial() not defined for negative values");
    return raise(I, I.rt.exc_OverflowError, "factorial() argument should not exceed 9223372036854775807");
  }
  if (x < 0) return raise(I, I.rt.exc_ValueError, "factorial() not defined for negative values");
  if (x < 21) {
    int64_t r = 1;
    for (int64_t i = 2; i <= x; ++i) r *= i;
    return int_from_i64(I, r);
  }
  // lgamma_r: std::lgamma sets the process-wide signgam (a data race
  // between isolates on different threads).
  int sign = 0;
  double bits = lgamma_r(double(x) + 1.0, &sign) / std::log(2.0);
  if (!afford_bits(I, bits)) return Value::error();
  Mpz z;
  mpz_fac_ui(z, static_cast<unsigned long>(x));
  return int_from_mpz(I, z);
}

Value m_isqrt(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  if (one_arg(I, "math.isqrt", n, kw) < 0) return Value::error();
  Value v = index(I, a[0]);
  if (v.is_error()) return v;
  if (v.is_small_int()) {
    int64_t x = v.as_small_int();
    if (x < 0) return raise(I, I.rt.exc_ValueError, "isqrt() argument must be nonnegative");
    uint64_t r = static_cast<uint64_t>(std::sqrt(static_cast<double>(x)));
    while (r * r > static_cast<uint64_t>(x)) --r;
    while ((r + 1) * (r + 1) <= static_cast<uint64_t>(x)) ++r;
    return int_from_i64(I, static_cast<int64_t>(r));
  }
  Mpz z;
  int_to_mpz(v, z);
  if (mpz_sgn(z) < 0) return raise(I, I.rt.exc_ValueError, "isqrt() argument must be nonnegative");
  if (!int_affordable(I, double(mpz_size(z)) * 4, 4 * int_mul_work(double(mpz_size(z))))) return Value::error();
  mpz_sqrt(z, z);
  return int_from_mpz(I, z);
}

Value gcd_lcm(Isolate& I, const char* qname, bool lcm, const Value* a, size_t n, Tuple* kw) {
  if (check_no_kwargs(I, qname, kw) < 0) return Value::error();
  if (n == 0) return Value::small_int(lcm ? 1 : 0);
  Value first = index(I, a[0]);
  if (first.is_error()) return first;
  if (n == 1) return absolute(I, first);
  Mpz acc, t;
  int_to_mpz(first, acc);
  mpz_abs(acc, acc);
  bool zero = false;
  for (size_t i = 1; i < n; ++i) {
    Value v = index(I, a[i]);
    if (v.is_error()) return v;
    if (zero) continue;
    int_to_mpz(v, t);
    if (lcm) {
      if (mpz_sgn(t) == 0 || mpz_sgn(acc) == 0) {
        zero = true;
        mpz_set_ui(acc, 0);
        continue;
      }
      if (!afford_bits(I, double(mpz_sizeinbase(acc, 2) + mpz_sizeinbase(t, 2)))) return Value::error();
      mpz_lcm(acc, acc, t);
    } else {
      double limbs = double(std::max(mpz_size(acc), mpz_size(t)));
      if (!int_affordable(I, 0, int_decimal_work(limbs))) return Value::error();
      mpz_gcd(acc, acc, t);
    }
  }
  return int_from_mpz(I, acc);
}
Value m_gcd(Isolate& I, const Value* a, size_t n, Tuple* kw) { return gcd_lcm(I, "math.gcd", false, a, n, kw); }
Value m_lcm(Isolate& I, const Value* a, size_t n, Tuple* kw) { return gcd_lcm(I, "math.lcm", true, a, n, kw); }

Value m_comb(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  if (two_args(I, "math.comb", "comb", n, kw) < 0) return Value::error();
  Value nv = index(I, a[0]);
  if (nv.is_error()) return nv;
  Value kv = index(I, a[1]);
  if (kv.is_error()) return kv;
  Mpz N, K, T;
  int_to_mpz(nv, N);
  int_to_mpz(kv, K);
  if (mpz_sgn(N) < 0) return raise(I, I.rt.exc_ValueError, "n must be a non-negative integer");
  if (mpz_sgn(K) < 0) return raise(I, I.rt.exc_ValueError, "k must be a non-negative integer");
  mpz_sub(T, N, K);
  if (mpz_sgn(T) < 0) return Value::small_int(0);
  if (mpz_cmp(T, K) < 0) mpz_set(K, T);  // k = min(k, n - k)
  if (!mpz_fits_slong_p(K))
    return raise(I, I.rt.exc_OverflowError, "min(n - k, k) must not exceed 9223372036854775807");
  unsigned long k = mpz_get_ui(K);
  if (k == 0) return Value::small_int(1);
  if (!afford_bits(I, double(k) * double(mpz_sizeinbase(N, 2)))) return Value::error();
  mpz_bin_ui(T, N, k);
  return int_from_mpz(I, T);
}

Value m_perm(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  if (check_no_kwargs(I, "math.perm", kw) < 0 || check_nargs(I, "perm", n, 1, 2) < 0) return Value::error();
  if (n == 1 || a[1].is_none()) return m_factorial(I, a, 1, nullptr);
  Value nv = index(I, a[0]);
  if (nv.is_error()) return nv;
  Value kv = index(I, a[1]);
  if (kv.is_error()) return kv;
  Mpz N, K, R;
  int_to_mpz(nv, N);
  int_to_mpz(kv, K);
  if (mpz_sgn(N) < 0) return raise(I, I.rt.exc_ValueError, "n must be a non-negative integer");
  if (mpz_sgn(K) < 0) return raise(I, I.rt.exc_ValueError, "k must be a non-negative integer");
  if (mpz_cmp(K, N) > 0) return Value::small_int(0);
  if (!mpz_fits_slong_p(K)) return raise(I, I.rt.exc_OverflowError, "k must not exceed 9223372036854775807");
  unsigned long k = mpz_get_ui(K);
  if (k == 0) return Value::small_int(1);
  if (!afford_bits(I, double(k) * double(mpz_sizeinbase(N, 2)))) return Value::error();
  if (mpz_fits_ulong_p(N)) {
    unsigned long nn = mpz_get_ui(N);
    Mpz D;
    // n! / (n-k)! through GMP's factorials when n is moderate, else a product.
    if (k > 64 && nn < (1ul << 26)) {
      mpz_fac_ui(R, nn);
      mpz_fac_ui(D, nn - k);
      mpz_divexact(R, R, D);
    } else {
      mpz_set_ui(R, 1);
      for (unsigned long i = 0; i < k; ++i) {
        mpz_mul_ui(R, R, nn - i);
        if (!I.poll(mpz_size(R) / 64 + 1)) return Value::error();
      }
    }
  } else {
    Mpz F;
    mpz_set(F, N);
    mpz_set_ui(R, 1);
    for (unsigned long i = 0; i < k; ++i) {
      mpz_mul(R, R, F);
      mpz_sub_ui(F, F, 1);
      if (!I.poll(mpz_size(R) / 16 + 1)) return Value::error();
    }
  }
  return int_from_mpz(I, R);
}

Value m_prod(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (nargs != 1)
    return raisef(I, I.rt.exc_TypeError, "prod() takes exactly 1 positional argument (%zu given)", nargs);
  Value p[2];
  if (bind_args(I, "prod", args, nargs, kw, {"iterable", "start"}, 1, 1, 1, p) < 0) return Value::error();
  Value result = p[1].is_null() ? Value::small_int(1) : p[1];
  Value it = get_iter(I, p[0]);
  if (it.is_error()) return it;
  for (;;) {
    Value item = iter_next(I, it);
    if (item.is_error()) return item;
    if (item.is_null()) break;
    if (result.is_small_int() && item.is_small_int()) {
      __int128 r = static_cast<__int128>(result.as_small_int()) * item.as_small_int();
      if (r >= Value::kSmallIntMin && r <= Value::kSmallIntMax) {
        result = Value::small_int(static_cast<int64_t>(r));
        continue;
      }
    } else if (result.is_double() && item.is_double()) {
      result = F(result.as_double() * item.as_double());
      continue;
    }
    result = binary_op(I, result, item, NbOp::Mul);
    if (result.is_error()) return result;
  }
  return result;
}

}  // namespace

int init_math_module(Isolate& I, Module* m) {
  static const struct {
    const char* name;
    NativeFn fn;
  } kFns[] = {
      {"acos", m_acos},       {"acosh", m_acosh},     {"asin", m_asin},         {"asinh", m_asinh},
      {"atan", m_atan},       {"atan2", m_atan2},     {"atanh", m_atanh},       {"cbrt", m_cbrt},
      {"ceil", m_ceil},       {"comb", m_comb},       {"copysign", m_copysign}, {"cos", m_cos},
      {"cosh", m_cosh},       {"degrees", m_degrees}, {"dist", m_dist},         {"erf", m_erf},
      {"erfc", m_erfc},       {"exp", m_exp},         {"exp2", m_exp2},         {"expm1", m_expm1},
      {"fabs", m_fabs},       {"factorial", m_factorial}, {"floor", m_floor},   {"fmod", m_fmod},
      {"frexp", m_frexp},     {"fsum", m_fsum},       {"gamma", m_gamma},       {"gcd", m_gcd},
      {"hypot", m_hypot},     {"isclose", m_isclose}, {"isfinite", m_isfinite}, {"isinf", m_isinf},
      {"isnan", m_isnan},     {"isqrt", m_isqrt},     {"lcm", m_lcm},           {"ldexp", m_ldexp},
      {"lgamma", m_lgamma},   {"log", m_log},         {"log10", m_log10},       {"log1p", m_log1p},
      {"log2", m_log2},       {"modf", m_modf},       {"nextafter", m_nextafter}, {"perm", m_perm},
      {"pow", m_pow},         {"prod", m_prod},       {"radians", m_radians},   {"remainder", m_remainder},
      {"sin", m_sin},         {"sinh", m_sinh},       {"sqrt", m_sqrt},         {"tan", m_tan},
      {"tanh", m_tanh},       {"trunc", m_trunc},     {"ulp", m_ulp},
  };
  for (const auto& f : kFns)
    if (module_add_function(I, m, f.name, f.fn) < 0) return -1;
  if (module_add_value(I, m, "pi", F(kPi)) < 0 || module_add_value(I, m, "e", F(kE)) < 0 ||
      module_add_value(I, m, "tau", F(kTau)) < 0 || module_add_value(I, m, "inf", F(INFINITY)) < 0 ||
      module_add_value(I, m, "nan", F(NAN)) < 0)
    return -1;
  return 0;
}

}  // namespace capy
