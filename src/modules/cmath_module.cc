// cmath: complex math (CPython 3.11's cmath). Finite arguments go through the
// branch-cut-careful formulas CPython uses (Kahan's methods, scaled to avoid
// overflow), so results agree with CPython; non-finite arguments use the C99
// Annex G special values of the C library. Errors as CPython: ValueError
// "math domain error" (log(0), atanh(±1), a NaN produced from NaN-free
// input), OverflowError "math range error" (exp/cosh/sinh overflow).
#include <cfloat>
#include <cmath>
#include <complex>

#include "modules/registry.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/native.h"
#include "objects/ops.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "vm/isolate.h"
#include "vm/runtime.h"

namespace capy {

namespace {

struct C {
  double re, im;
};

constexpr double kPi = 3.141592653589793238462643383279502884;
constexpr double kE = 2.718281828459045235360287471352662498;
constexpr double kLn2 = 0.6931471805599453094;
constexpr double kLn10 = 2.302585092994045684;
const double kLargeDouble = DBL_MAX / 4.0;
const double kSqrtLargeDouble = std::sqrt(DBL_MAX / 4.0);
const double kLogLargeDouble = std::log(DBL_MAX / 4.0);
const double kSqrtDblMin = std::sqrt(DBL_MIN);
constexpr int kScaleUp = 2 * (DBL_MANT_DIG / 2) + 1;
constexpr int kScaleDown = -(kScaleUp + 1) / 2;

enum Err { kOk = 0, kDom = 1, kRange = 2 };

inline bool finite(C z) { return std::isfinite(z.re) && std::isfinite(z.im); }
inline C neg(C z) { return {-z.re, -z.im}; }
inline std::complex<double> sc(C z) { return {z.re, z.im}; }
inline C cc(std::complex<double> z) { return {z.real(), z.imag()}; }

C c_sqrt(C z) {
  if (!finite(z)) return cc(std::sqrt(sc(z)));
  if (z.re == 0.0 && z.im == 0.0) return {0.0, z.im};
  double ax = std::fabs(z.re), ay = std::fabs(z.im), s;
  if (ax < DBL_MIN && ay < DBL_MIN) {
    ax = std::ldexp(ax, kScaleUp);
    s = std::ldexp(std::sqrt(ax + std::hypot(ax, std::ldexp(ay, kScaleUp))), kScaleDown);
  } else {
    ax /= 8.0;
    s = 2.0 * std::sqrt(ax + std::hypot(ax, ay / 8.0));
  }
  double d = ay / (2.0 * s);
  if (z.re >= 0.0) return {s, std::copysign(d, z.im)};
  return {d, std::copysign(s, z.im)};
}

C c_exp(C z, Err* e) {
  if (!finite(z)) {
    if (z.re == -HUGE_VAL && !std::isfinite(z.im)) return {0.0, 0.0};
    return cc(std::exp(sc(z)));
  }
  C r;
  if (z.re > kLogLargeDouble) {
    double l = std::exp(z.re - 1.0);
    r = {l * std::cos(z.im) * kE, l * std::sin(z.im) * kE};
  } else {
    double l = std::exp(z.re);
    r = {l * std::cos(z.im), l * std::sin(z.im)};
  }
  if (std::isinf(r.re) || std::isinf(r.im)) *e = kRange;
  return r;
}

C c_log(C z, Err* e) {
  if (!finite(z)) return cc(std::log(sc(z)));
  double ax = std::fabs(z.re), ay = std::fabs(z.im);
  C r;
  if (ax > kLargeDouble || ay > kLargeDouble) {
    r.re = std::log(std::hypot(ax / 2.0, ay / 2.0)) + kLn2;
  } else if (ax < DBL_MIN && ay < DBL_MIN) {
    if (ax > 0.0 || ay > 0.0) {
      r.re = std::log(std::hypot(std::ldexp(ax, DBL_MANT_DIG), std::ldexp(ay, DBL_MANT_DIG))) - DBL_MANT_DIG * kLn2;
    } else {
      *e = kDom;
      return {-HUGE_VAL, std::atan2(z.im, z.re)};
    }
  } else {
    double h = std::hypot(ax, ay);
    if (0.71 <= h && h <= 1.73) {
      double am = ax > ay ? ax : ay, an = ax > ay ? ay : ax;
      r.re = std::log1p((am - 1) * (am + 1) + an * an) / 2.0;
    } else {
      r.re = std::log(h);
    }
  }
  r.im = std::atan2(z.im, z.re);
  return r;
}

C c_cosh(C z, Err* e) {
  if (!finite(z)) {
    if (std::isnan(z.re) && z.im == 0.0) return {NAN, 0.0};
    return cc(std::cosh(sc(z)));
  }
  C r;
  if (std::fabs(z.re) > kLogLargeDouble) {
    double x1 = z.re - std::copysign(1.0, z.re);
    r = {std::cos(z.im) * std::cosh(x1) * kE, std::sin(z.im) * std::sinh(x1) * kE};
  } else {
    r = {std::cos(z.im) * std::cosh(z.re), std::sin(z.im) * std::sinh(z.re)};
  }
  if (std::isinf(r.re) || std::isinf(r.im)) *e = kRange;
  return r;
}

C c_sinh(C z, Err* e) {
  if (!finite(z)) {
    if (z.re == 0.0 && std::isnan(z.im)) return {0.0, NAN};
    return cc(std::sinh(sc(z)));
  }
  C r;
  if (std::fabs(z.re) > kLogLargeDouble) {
    double x1 = z.re - std::copysign(1.0, z.re);
    r = {std::cos(z.im) * std::sinh(x1) * kE, std::sin(z.im) * std::cosh(x1) * kE};
  } else {
    r = {std::cos(z.im) * std::sinh(z.re), std::sin(z.im) * std::cosh(z.re)};
  }
  if (std::isinf(r.re) || std::isinf(r.im)) *e = kRange;
  return r;
}

C c_tanh(C z, Err*) {
  if (!finite(z)) {
    if (std::isinf(z.re) && std::isinf(z.im)) return {std::copysign(1.0, z.re), 0.0};
    if (z.re == 0.0 && std::isnan(z.im)) return {NAN, NAN};
    return cc(std::tanh(sc(z)));
  }
  if (std::fabs(z.re) > kLogLargeDouble)
    return {std::copysign(1.0, z.re), 4.0 * std::sin(z.im) * std::cos(z.im) * std::exp(-2.0 * std::fabs(z.re))};
  double tx = std::tanh(z.re), ty = std::tan(z.im), cx = 1.0 / std::cosh(z.re);
  double txty = tx * ty, denom = 1.0 + txty * txty;
  return {tx * (1.0 + ty * ty) / denom, ((ty / denom) * cx) * cx};
}

C c_cos(C z, Err* e) { return c_cosh({-z.im, z.re}, e); }
C c_sin(C z, Err* e) {
  C s = c_sinh({-z.im, z.re}, e);
  return {s.im, -s.re};
}
C c_tan(C z, Err* e) {
  C t = c_tanh({-z.im, z.re}, e);
  return {t.im, -t.re};
}

C c_asinh(C z, Err*) {
  if (!finite(z)) return cc(std::asinh(sc(z)));
  if (std::fabs(z.re) > kLargeDouble || std::fabs(z.im) > kLargeDouble) {
    C r;
    double l = std::log(std::hypot(z.re / 2.0, z.im / 2.0)) + kLn2 * 2.0;
    r.re = z.im >= 0.0 ? std::copysign(l, z.re) : -std::copysign(l, -z.re);
    r.im = std::atan2(z.im, std::fabs(z.re));
    return r;
  }
  C s1 = c_sqrt({1.0 + z.im, -z.re});
  C s2 = c_sqrt({1.0 - z.im, z.re});
  return {std::asinh(s1.re * s2.im - s2.re * s1.im), std::atan2(z.im, s1.re * s2.re - s1.im * s2.im)};
}

C c_acos(C z, Err*) {
  if (!finite(z)) {
    if (std::isinf(z.re) && std::isnan(z.im)) return {NAN, HUGE_VAL};
    return cc(std::acos(sc(z)));
  }
  if (std::fabs(z.re) > kLargeDouble || std::fabs(z.im) > kLargeDouble) {
    C r;
    r.re = std::atan2(std::fabs(z.im), z.re);
    double l = std::log(std::hypot(z.re / 2.0, z.im / 2.0)) + kLn2 * 2.0;
    r.im = z.re < 0 ? -std::copysign(l, z.im) : std::copysign(l, -z.im);
    return r;
  }
  C s1 = c_sqrt({1.0 - z.re, -z.im});
  C s2 = c_sqrt({1.0 + z.re, z.im});
  return {2.0 * std::atan2(s1.re, s2.re), std::asinh(s2.re * s1.im - s2.im * s1.re)};
}

C c_acosh(C z, Err*) {
  if (!finite(z)) {
    if (z.re == 0.0 && std::isnan(z.im)) return {NAN, NAN};
    return cc(std::acosh(sc(z)));
  }
  if (std::fabs(z.re) > kLargeDouble || std::fabs(z.im) > kLargeDouble)
    return {std::log(std::hypot(z.re / 2.0, z.im / 2.0)) + kLn2 * 2.0, std::atan2(z.im, z.re)};
  C s1 = c_sqrt({z.re - 1.0, z.im});
  C s2 = c_sqrt({z.re + 1.0, z.im});
  return {std::asinh(s1.re * s2.re + s1.im * s2.im), 2.0 * std::atan2(s1.im, s2.re)};
}

C c_asin(C z, Err* e) {
  if (std::isinf(z.re) && std::isnan(z.im)) return {NAN, -HUGE_VAL};
  C s = c_asinh({-z.im, z.re}, e);
  return {s.im, -s.re};
}

C c_atanh(C z, Err* e) {
  if (!finite(z)) return cc(std::atanh(sc(z)));
  if (z.re < 0.0) return neg(c_atanh(neg(z), e));
  double ay = std::fabs(z.im);
  if (z.re > kSqrtLargeDouble || ay > kSqrtLargeDouble) {
    double h = std::hypot(z.re / 2.0, z.im / 2.0);
    return {z.re / 4.0 / h / h, -std::copysign(kPi / 2.0, -z.im)};
  }
  if (z.re == 1.0 && ay < kSqrtDblMin) {
    if (ay == 0.0) {
      *e = kDom;
      return {HUGE_VAL, z.im};
    }
    return {-std::log(std::sqrt(ay) / std::sqrt(std::hypot(ay, 2.0))),
            std::copysign(std::atan2(2.0, -ay) / 2, z.im)};
  }
  return {std::log1p(4.0 * z.re / ((1 - z.re) * (1 - z.re) + ay * ay)) / 4.0,
          -std::atan2(-2.0 * z.im, (1 - z.re) * (1 + z.re) - ay * ay) / 2.0};
}

C c_atan(C z, Err* e) {
  if (std::isinf(z.re) && std::isnan(z.im)) return {std::copysign(kPi / 2.0, z.re), -0.0};
  C s = c_atanh({-z.im, z.re}, e);
  return {s.im, -s.re};
}

// --- argument conversion (PyArg "D") ------------------------------------------------------

bool to_complex(Isolate& I, Value v, C* out) {
  if (v.is_double()) {
    *out = {v.as_double(), 0.0};
    return true;
  }
  Type* t = type_of(I, v);
  if (is_subtype(t, I.rt.complex_type)) {
    auto* c = v.as<Complex>();
    *out = {c->real, c->imag};
    return true;
  }
  if (!v.is_small_int() && !v.is_bool() && !is_subtype(t, I.rt.float_type) && !is_int(I, v)) {
    Value r = call_special(I, v, I.intern("__complex__"), {});
    if (r.is_error()) return false;
    if (!r.is_null()) {
      if (!is_subtype(type_of(I, r), I.rt.complex_type)) {
        raisef(I, I.rt.exc_TypeError, "__complex__ returned non-complex (type %s)", type_name(I, r));
        return false;
      }
      auto* c = r.as<Complex>();
      *out = {c->real, c->imag};
      return true;
    }
  }
  double d;
  if (!to_double(I, v, &d)) return false;
  *out = {d, 0.0};
  return true;
}

Value result(Isolate& I, C in, C r, Err e) {
  if (e == kDom) return raise(I, I.rt.exc_ValueError, "math domain error");
  if (e == kRange) return raise(I, I.rt.exc_OverflowError, "math range error");
  if (!finite(in) && !std::isnan(in.re) && !std::isnan(in.im) && (std::isnan(r.re) || std::isnan(r.im)))
    return raise(I, I.rt.exc_ValueError, "math domain error");
  return complex_new(I, r.re, r.im);
}

template <C (*fn)(C, Err*)>
Value unary(Isolate& I, const char* qname, const Value* a, size_t n, Tuple* kw) {
  if (check_no_kwargs(I, qname, kw) < 0 || check_nargs(I, qname, n, 1, 1) < 0) return Value::error();
  C z;
  if (!to_complex(I, a[0], &z)) return Value::error();
  Err e = kOk;
  C r = fn(z, &e);
  return result(I, z, r, e);
}

C c_sqrt_e(C z, Err*) { return c_sqrt(z); }
C c_log10(C z, Err* e) {
  C r = c_log(z, e);
  return {r.re / kLn10, r.im / kLn10};
}

#define UNARY(name, fn) \
  Value m_##name(Isolate& I, const Value* a, size_t n, Tuple* kw) { return unary<fn>(I, "cmath." #name, a, n, kw); }
UNARY(sqrt, c_sqrt_e)
UNARY(exp, c_exp)
UNARY(log10, c_log10)
UNARY(cos, c_cos)
UNARY(sin, c_sin)
UNARY(tan, c_tan)
UNARY(cosh, c_cosh)
UNARY(sinh, c_sinh)
UNARY(tanh, c_tanh)
UNARY(acos, c_acos)
UNARY(asin, c_asin)
UNARY(atan, c_atan)
UNARY(acosh, c_acosh)
UNARY(asinh, c_asinh)
UNARY(atanh, c_atanh)
#undef UNARY

C quot(C a, C b, Err* e) {
  double abr = std::fabs(b.re), abi = std::fabs(b.im);
  if (abr >= abi) {
    if (abr == 0.0) {
      *e = kDom;
      return {0.0, 0.0};
    }
    double ratio = b.im / b.re, denom = b.re + b.im * ratio;
    return {(a.re + a.im * ratio) / denom, (a.im - a.re * ratio) / denom};
  }
  if (abi >= abr) {
    double ratio = b.re / b.im, denom = b.re * ratio + b.im;
    return {(a.re * ratio + a.im) / denom, (a.im * ratio - a.re) / denom};
  }
  return {NAN, NAN};
}

Value m_log(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  if (check_no_kwargs(I, "cmath.log", kw) < 0 || check_nargs(I, "log", n, 1, 2) < 0) return Value::error();
  C z;
  if (!to_complex(I, a[0], &z)) return Value::error();
  Err e = kOk;
  C r = c_log(z, &e);
  if (n == 2) {
    C b;
    if (!to_complex(I, a[1], &b)) return Value::error();
    C lb = c_log(b, &e);
    r = quot(r, lb, &e);
  }
  return result(I, z, r, e);
}

/// CPython's c_atan2 (special values), with the C library's underflow
/// report (ERANGE) turned into OverflowError as CPython's math_error does.
bool c_atan2(Isolate& I, C z, double* out, bool report_underflow = true) {
  if (std::isnan(z.re) || std::isnan(z.im)) {
    *out = NAN;
  } else if (std::isinf(z.im)) {
    if (std::isinf(z.re))
      *out = std::copysign(std::copysign(1.0, z.re) == 1.0 ? 0.25 * kPi : 0.75 * kPi, z.im);
    else
      *out = std::copysign(0.5 * kPi, z.im);
  } else if (std::isinf(z.re) || z.im == 0.0) {
    *out = std::copysign(std::copysign(1.0, z.re) == 1.0 ? 0.0 : kPi, z.im);
  } else {
    double r = std::atan2(z.im, z.re);
    if (r == 0.0 && report_underflow) {  // the C library reports the underflow (ERANGE)
      raise(I, I.rt.exc_OverflowError, "math range error");
      return false;
    }
    *out = r;
  }
  return true;
}

Value m_phase(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  if (check_no_kwargs(I, "cmath.phase", kw) < 0 || check_nargs(I, "cmath.phase", n, 1, 1) < 0) return Value::error();
  C z;
  if (!to_complex(I, a[0], &z)) return Value::error();
  double phi;
  if (!c_atan2(I, z, &phi)) return Value::error();
  return Value::from_double(phi);
}

bool c_abs(Isolate& I, C z, double* out) {
  if (!finite(z)) {
    if (std::isinf(z.re) || std::isinf(z.im)) *out = HUGE_VAL;
    else *out = NAN;
    return true;
  }
  double r = std::hypot(z.re, z.im);
  if (!std::isfinite(r)) {
    raise(I, I.rt.exc_OverflowError, "math range error");
    return false;
  }
  *out = r;
  return true;
}

Value m_polar(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  if (check_no_kwargs(I, "cmath.polar", kw) < 0 || check_nargs(I, "cmath.polar", n, 1, 1) < 0) return Value::error();
  C z;
  if (!to_complex(I, a[0], &z)) return Value::error();
  double phi, r;
  if (!c_atan2(I, z, &phi, false) || !c_abs(I, z, &r)) return Value::error();  // polar clears errno after atan2
  return tuple_pack(I, {Value::from_double(r), Value::from_double(phi)});
}

Value m_rect(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  if (check_no_kwargs(I, "cmath.rect", kw) < 0 || check_nargs(I, "rect", n, 2, 2) < 0) return Value::error();
  double r, phi;
  if (!to_double(I, a[0], &r) || !to_double(I, a[1], &phi)) return Value::error();
  if (!std::isfinite(r) || !std::isfinite(phi)) {
    if (std::isinf(r) && std::isfinite(phi) && phi != 0.0) {
      double cr = std::copysign(HUGE_VAL, std::cos(phi)), ci = std::copysign(HUGE_VAL, std::sin(phi));
      return r > 0 ? complex_new(I, cr, ci) : complex_new(I, -cr, -ci);
    }
    if (std::isinf(phi) && r != 0.0 && !std::isnan(r)) return raise(I, I.rt.exc_ValueError, "math domain error");
    if (std::isinf(r) && std::isnan(phi)) return complex_new(I, HUGE_VAL, NAN);
    if (std::isnan(r) && phi == 0.0) return complex_new(I, NAN, 0.0);
    C z = cc(std::polar(1.0, phi) * r);
    if (std::isinf(r) && phi == 0.0) z = {r, phi * (r > 0 ? 1.0 : -1.0)};
    if (r == 0.0 && !std::isfinite(phi)) z = {0.0, 0.0};
    return complex_new(I, z.re, z.im);
  }
  if (phi == 0.0) return complex_new(I, r, r * phi);
  return complex_new(I, r * std::cos(phi), r * std::sin(phi));
}

template <int kind>
Value classify(Isolate& I, const char* qname, const Value* a, size_t n, Tuple* kw) {
  if (check_no_kwargs(I, qname, kw) < 0 || check_nargs(I, qname, n, 1, 1) < 0) return Value::error();
  C z;
  if (!to_complex(I, a[0], &z)) return Value::error();
  if (kind == 0) return Value::boolean(finite(z));
  if (kind == 1) return Value::boolean(std::isinf(z.re) || std::isinf(z.im));
  return Value::boolean(std::isnan(z.re) || std::isnan(z.im));
}
Value m_isfinite(Isolate& I, const Value* a, size_t n, Tuple* kw) { return classify<0>(I, "cmath.isfinite", a, n, kw); }
Value m_isinf(Isolate& I, const Value* a, size_t n, Tuple* kw) { return classify<1>(I, "cmath.isinf", a, n, kw); }
Value m_isnan(Isolate& I, const Value* a, size_t n, Tuple* kw) { return classify<2>(I, "cmath.isnan", a, n, kw); }

Value m_isclose(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (nargs > 2)
    return raisef(I, I.rt.exc_TypeError, "isclose() takes exactly 2 positional arguments (%zu given)", nargs);
  Value p[4];
  if (bind_args(I, "isclose", args, nargs, kw, {"a", "b", "rel_tol", "abs_tol"}, 0, 2, 2, p) < 0)
    return Value::error();
  C a, b;
  double rel_tol = 1e-09, abs_tol = 0.0;
  if (!to_complex(I, p[0], &a) || !to_complex(I, p[1], &b)) return Value::error();
  if (!p[2].is_null() && !to_double(I, p[2], &rel_tol)) return Value::error();
  if (!p[3].is_null() && !to_double(I, p[3], &abs_tol)) return Value::error();
  if (rel_tol < 0.0 || abs_tol < 0.0) return raise(I, I.rt.exc_ValueError, "tolerances must be non-negative");
  if (a.re == b.re && a.im == b.im) return Value::true_();
  if (std::isinf(a.re) || std::isinf(a.im) || std::isinf(b.re) || std::isinf(b.im)) return Value::false_();
  double diff = std::abs(std::complex<double>(a.re - b.re, a.im - b.im));
  double aa = std::abs(sc(a)), ab = std::abs(sc(b));
  return Value::boolean((diff <= rel_tol * ab) || (diff <= rel_tol * aa) || diff <= abs_tol);
}

}  // namespace

int init_cmath_module(Isolate& I, Module* m) {
  static const struct {
    const char* name;
    NativeFn fn;
  } kFns[] = {
      {"acos", m_acos},   {"acosh", m_acosh},     {"asin", m_asin},   {"asinh", m_asinh},
      {"atan", m_atan},   {"atanh", m_atanh},     {"cos", m_cos},     {"cosh", m_cosh},
      {"exp", m_exp},     {"isclose", m_isclose}, {"isfinite", m_isfinite}, {"isinf", m_isinf},
      {"isnan", m_isnan}, {"log", m_log},         {"log10", m_log10}, {"phase", m_phase},
      {"polar", m_polar}, {"rect", m_rect},       {"sin", m_sin},     {"sinh", m_sinh},
      {"sqrt", m_sqrt},   {"tan", m_tan},         {"tanh", m_tanh},
  };
  for (const auto& f : kFns)
    if (module_add_function(I, m, f.name, f.fn) < 0) return -1;
  if (module_add_value(I, m, "pi", Value::from_double(kPi)) < 0 ||
      module_add_value(I, m, "e", Value::from_double(kE)) < 0 ||
      module_add_value(I, m, "tau", Value::from_double(2 * kPi)) < 0 ||
      module_add_value(I, m, "inf", Value::from_double(INFINITY)) < 0 ||
      module_add_value(I, m, "nan", Value::from_double(NAN)) < 0 ||
      module_add_value(I, m, "infj", complex_new(I, 0.0, INFINITY)) < 0 ||
      module_add_value(I, m, "nanj", complex_new(I, 0.0, NAN)) < 0)
    return -1;
  return 0;
}

}  // namespace capy
