// complex: heap objects holding two doubles. Arithmetic, pow, repr, parsing
// and messages follow CPython 3.11's Objects/complexobject.c.
#include "objects/ops.h"  // first: float.h needs Runtime declared

#include <cerrno>
#include <cmath>
#include <cstring>

#include "objects/float.h"
#include "objects/int.h"
#include "objects/native.h"
#include "objects/number_format.h"
#include "objects/str.h"
#include "objects/tuple.h"

namespace capy {

namespace {

struct C {
  double real, imag;
};

inline bool is_complex_obj(Isolate& I, Value v) {
  return v.is_object() && is_subtype(v.as_object()->type_, I.rt.complex_type);
}

/// TO_COMPLEX: 1 converted, 0 NotImplemented, -1 error.
int to_complex(Isolate& I, Value v, C* out) {
  if (v.is_double()) {
    *out = {v.as_double(), 0.0};
    return 1;
  }
  if (v.is_small_int()) {
    *out = {double(v.as_small_int()), 0.0};
    return 1;
  }
  if (v.is_bool()) {
    *out = {v.is_true() ? 1.0 : 0.0, 0.0};
    return 1;
  }
  if (!v.is_object()) return 0;
  Type* t = v.as_object()->type_;
  if (t->flags & kTypeFloatSubclass) {
    *out = {v.as<BoxedFloat>()->value, 0.0};
    return 1;
  }
  if (t->flags & kTypeIntSubclass) {
    bool overflow = false;
    double d = int_to_double(I, v, &overflow);
    if (overflow) {
      raise(I, I.rt.exc_OverflowError, "int too large to convert to float");
      return -1;
    }
    *out = {d, 0.0};
    return 1;
  }
  if (is_subtype(t, I.rt.complex_type)) {
    auto* c = v.as<Complex>();
    *out = {c->real, c->imag};
    return 1;
  }
  return 0;
}

#define CONVERT2(a, b, x, y)                          \
  C x, y;                                             \
  {                                                   \
    int ra_ = to_complex(I, a, &x);                   \
    if (ra_ < 0) return Value::error();               \
    if (ra_ == 0) return Value::not_implemented();    \
    int rb_ = to_complex(I, b, &y);                   \
    if (rb_ < 0) return Value::error();               \
    if (rb_ == 0) return Value::not_implemented();    \
  }

Value make(Isolate& I, C c) { return complex_new(I, c.real, c.imag); }

C c_prod(C a, C b) { return {a.real * b.real - a.imag * b.imag, a.real * b.imag + a.imag * b.real}; }

/// _Py_c_quot; *edom set on division by zero.
C c_quot(C a, C b, bool* edom) {
  C r;
  const double abs_breal = b.real < 0 ? -b.real : b.real;
  const double abs_bimag = b.imag < 0 ? -b.imag : b.imag;
  if (abs_breal >= abs_bimag) {
    if (abs_breal == 0.0) {
      *edom = true;
      r.real = r.imag = 0.0;
    } else {
      const double ratio = b.imag / b.real;
      const double denom = b.real + b.imag * ratio;
      r.real = (a.real + a.imag * ratio) / denom;
      r.imag = (a.imag - a.real * ratio) / denom;
    }
  } else if (abs_bimag >= abs_breal) {
    const double ratio = b.real / b.imag;
    const double denom = b.real * ratio + b.imag;
    r.real = (a.real * ratio + a.imag) / denom;
    r.imag = (a.imag * ratio - a.real) / denom;
  } else {
    r.real = r.imag = NAN;
  }
  return r;
}

C c_pow(C a, C b, bool* edom) {
  C r;
  if (b.real == 0. && b.imag == 0.) {
    r = {1., 0.};
  } else if (a.real == 0. && a.imag == 0.) {
    if (b.imag != 0. || b.real < 0.) *edom = true;
    r = {0., 0.};
  } else {
    double vabs = std::hypot(a.real, a.imag);
    double len = std::pow(vabs, b.real);
    double at = std::atan2(a.imag, a.real);
    double phase = at * b.real;
    if (b.imag != 0.0) {
      len /= std::exp(at * b.imag);
      phase += b.imag * std::log(vabs);
    }
    r.real = len * std::cos(phase);
    r.imag = len * std::sin(phase);
  }
  return r;
}

C c_powu(C x, long n) {
  C r = {1., 0.}, p = x;
  long mask = 1;
  while (mask > 0 && n >= mask) {
    if (n & mask) r = c_prod(r, p);
    mask <<= 1;
    p = c_prod(p, p);
  }
  return r;
}

C c_powi(C x, long n, bool* edom) {
  if (n > 0) return c_powu(x, n);
  return c_quot({1., 0.}, c_powu(x, -n), edom);
}

Value pow_impl(Isolate& I, C a, C b) {
  // CPython reads errno after the computation: libm's cos/sin of an infinite
  // phase set EDOM, which CPython reports as a ZeroDivisionError too.
  bool edom = false;
  errno = 0;
  C p;
  if (b.imag == 0.0 && b.real == std::floor(b.real) && std::fabs(b.real) <= 100.0)
    p = c_powi(a, long(b.real), &edom);
  else
    p = c_pow(a, b, &edom);
  int err = edom ? EDOM : errno;
  if (std::isinf(p.real) || std::isinf(p.imag)) {
    if (err == 0) err = ERANGE;
  } else if (err == ERANGE) {
    err = 0;
  }
  if (err == EDOM) return raise(I, I.rt.exc_ZeroDivisionError, "0.0 to a negative or complex power");
  if (err == ERANGE) return raise(I, I.rt.exc_OverflowError, "complex exponentiation");
  return make(I, p);
}

Value complex_add(Isolate& I, Value a, Value b) {
  CONVERT2(a, b, x, y);
  return make(I, {x.real + y.real, x.imag + y.imag});
}
Value complex_sub(Isolate& I, Value a, Value b) {
  CONVERT2(a, b, x, y);
  return make(I, {x.real - y.real, x.imag - y.imag});
}
Value complex_mul(Isolate& I, Value a, Value b) {
  CONVERT2(a, b, x, y);
  return make(I, c_prod(x, y));
}
Value complex_div(Isolate& I, Value a, Value b) {
  CONVERT2(a, b, x, y);
  bool edom = false;
  C q = c_quot(x, y, &edom);
  if (edom) return raise(I, I.rt.exc_ZeroDivisionError, "complex division by zero");
  return make(I, q);
}
Value complex_pow(Isolate& I, Value a, Value b) {
  CONVERT2(a, b, x, y);
  return pow_impl(I, x, y);
}
Value complex_pow3(Isolate& I, Value a, Value b, Value c) {
  CONVERT2(a, b, x, y);
  (void)x;
  (void)y;
  return raise(I, I.rt.exc_ValueError, "complex modulo");
}

C self_c(Value v) {
  auto* c = v.as<Complex>();
  return {c->real, c->imag};
}

Value complex_neg(Isolate& I, Value v) {
  C c = self_c(v);
  return make(I, {-c.real, -c.imag});
}
Value complex_pos(Isolate& I, Value v) {
  if (v.as_object()->type_ == I.rt.complex_type) return v;
  return make(I, self_c(v));
}
Value complex_abs(Isolate& I, Value v) {
  C z = self_c(v);
  if (!std::isfinite(z.real) || !std::isfinite(z.imag)) {
    if (std::isinf(z.real)) return Value::from_double(std::fabs(z.real));
    if (std::isinf(z.imag)) return Value::from_double(std::fabs(z.imag));
    return Value::from_double(NAN);
  }
  double r = std::hypot(z.real, z.imag);
  if (!std::isfinite(r)) return raise(I, I.rt.exc_OverflowError, "absolute value too large");
  return Value::from_double(r);
}
int complex_bool(Isolate& I, Value v) {
  C c = self_c(v);
  return c.real != 0.0 || c.imag != 0.0;
}

int64_t complex_hash(Isolate& I, Value v) {
  C c = self_c(v);
  uint64_t hr = uint64_t(float_hash(c.real));
  uint64_t hi = uint64_t(float_hash(c.imag));
  uint64_t combined = hr + 1000003u * hi;
  if (combined == uint64_t(-1)) combined = uint64_t(-2);
  return int64_t(combined);
}

Value complex_richcompare(Isolate& I, Value a, Value b, CompareOp op) {
  if (op != CompareOp::Eq && op != CompareOp::Ne) return Value::not_implemented();
  C i = self_c(a);
  bool equal;
  if (is_int(I, b)) {
    if (i.imag == 0.0) return rich_compare(I, Value::from_double(i.real), b, op);
    equal = false;
  } else if (is_float(I, b)) {
    equal = i.real == float_value(b) && i.imag == 0.0;
  } else if (is_complex_obj(I, b)) {
    C j = self_c(b);
    equal = i.real == j.real && i.imag == j.imag;
  } else {
    return Value::not_implemented();
  }
  return Value::boolean(equal == (op == CompareOp::Eq));
}

Value complex_repr(Isolate& I, Value v) {
  C c = self_c(v);
  return str_value(I, complex_repr_text(c.real, c.imag));
}

// --- parsing ----------------------------------------------------------------------------------

inline bool c_isspace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }

/// complex_from_string_inner; false for a malformed string.
bool parse_complex_text(std::string_view text, double* re, double* im) {
  const char* s = text.data();
  const char* e = s + text.size();
  auto at = [&](const char* p) -> char { return p < e ? *p : '\0'; };
  double x = 0.0, y = 0.0, z;
  bool got_bracket = false;
  while (c_isspace(at(s))) s++;
  if (at(s) == '(') {
    got_bracket = true;
    s++;
    while (c_isspace(at(s))) s++;
  }
  const char* end = parse_double_prefix(s, e, &z);
  if (end != s) {
    s = end;
    if (at(s) == '+' || at(s) == '-') {
      x = z;
      end = parse_double_prefix(s, e, &y);
      if (end != s) {
        s = end;
      } else {
        y = at(s) == '+' ? 1.0 : -1.0;
        s++;
      }
      if (!(at(s) == 'j' || at(s) == 'J')) return false;
      s++;
    } else if (at(s) == 'j' || at(s) == 'J') {
      s++;
      y = z;
    } else {
      x = z;
    }
  } else {
    if (at(s) == '+' || at(s) == '-') {
      y = at(s) == '+' ? 1.0 : -1.0;
      s++;
    } else {
      y = 1.0;
    }
    if (!(at(s) == 'j' || at(s) == 'J')) return false;
    s++;
  }
  while (c_isspace(at(s))) s++;
  if (got_bracket) {
    if (at(s) != ')') return false;
    s++;
    while (c_isspace(at(s))) s++;
  }
  if (s != e) return false;
  *re = x;
  *im = y;
  return true;
}

Value make_typed(Isolate& I, Type* type, double re, double im) {
  if (type == I.rt.complex_type) return complex_new(I, re, im);
  auto* c = static_cast<Complex*>(I.heap.alloc_object(type, type->basicsize));
  if (!c) return raise_memory(I);
  c->real = re;
  c->imag = im;
  return Value::object(c);
}

Value complex_from_str(Isolate& I, Type* type, Value v) {
  std::string_view text = v.as<Str>()->view();
  std::string ascii = number_text_ascii(text);
  // _Py_string_to_number_with_underscores
  std::string clean;
  if (ascii.find('_') != std::string::npos) {
    char prev = 0;
    size_t i = 0;
    bool ok = true;
    for (; i < ascii.size() && ascii[i]; ++i) {
      char c = ascii[i];
      if (c == '_') {
        if (!(prev >= '0' && prev <= '9')) { ok = false; break; }
      } else {
        clean.push_back(c);
        if (prev == '_' && !(c >= '0' && c <= '9')) { ok = false; break; }
      }
      prev = c;
    }
    if (ok && (prev == '_' || i != ascii.size())) ok = false;
    if (!ok) {
      std::string rep = str_repr_text(text);
      return raisef(I, I.rt.exc_ValueError, "could not convert string to complex: %s", rep.c_str());
    }
  } else {
    clean = ascii;
  }
  double re, im;
  if (!parse_complex_text(clean, &re, &im))
    return raise(I, I.rt.exc_ValueError, "complex() arg is a malformed string");
  return make_typed(I, type, re, im);
}

/// try_complex_special_method: the result of __complex__, null when absent.
Value try_complex_special(Isolate& I, Value op) {
  Value r = call_special(I, op, I.rt.n___complex__, {});
  if (r.is_error() || r.is_null()) return r;
  if (!is_complex_obj(I, r))
    return raisef(I, I.rt.exc_TypeError, "__complex__ returned non-complex (type %.200s)", type_name(I, r));
  return r;
}

bool number_like(Isolate& I, Value v) {
  Type* t = type_of(I, v);
  return t->nb_float || t->nb_index || is_subtype(t, I.rt.complex_type);
}

Value complex_new_impl(Isolate& I, Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  Value r = Value::null(), i = Value::null();
  size_t nkw = kwnames ? kwnames->size() : 0;
  if (nargs + nkw > 2)
    return raisef(I, I.rt.exc_TypeError, "complex() takes at most 2 arguments (%zu given)", nargs + nkw);
  if (nargs >= 1) r = args[0];
  if (nargs >= 2) i = args[1];
  for (size_t k = 0; k < nkw; ++k) {
    std::string_view name = kwnames->items[k].as<Str>()->view();
    Value* slot = name == "real" ? &r : name == "imag" ? &i : nullptr;
    if (!slot)
      return raisef(I, I.rt.exc_TypeError, "'%.*s' is an invalid keyword argument for complex()",
                    int(name.size()), name.data());
    if (!slot->is_null())
      return raisef(I, I.rt.exc_TypeError, "argument for complex() given by name ('%.*s') and position (%d)",
                    int(name.size()), name.data(), name == "real" ? 1 : 2);
    *slot = args[nargs + k];
  }
  if (r.is_null()) r = Value::small_int(0);
  if (r.is_object() && r.as_object()->type_ == I.rt.complex_type && i.is_null() && type == I.rt.complex_type)
    return r;
  if (is_subtype(type_of(I, r), I.rt.str_type)) {
    if (!i.is_null())
      return raise(I, I.rt.exc_TypeError, "complex() can't take second arg if first is a string");
    return complex_from_str(I, type, r);
  }
  if (!i.is_null() && is_subtype(type_of(I, i), I.rt.str_type))
    return raise(I, I.rt.exc_TypeError, "complex() second arg can't be a string");
  Value tmp = try_complex_special(I, r);
  if (tmp.is_error()) return tmp;
  if (!tmp.is_null()) r = tmp;
  if (!number_like(I, r))
    return raisef(I, I.rt.exc_TypeError, "complex() first argument must be a string or a number, not '%.200s'",
                  type_name(I, r));
  if (!i.is_null() && !number_like(I, i))
    return raisef(I, I.rt.exc_TypeError, "complex() second argument must be a number, not '%.200s'",
                  type_name(I, i));
  C cr{0, 0}, ci{0, 0};
  bool cr_is_complex = false, ci_is_complex = false;
  if (is_complex_obj(I, r)) {
    cr = self_c(r);
    cr_is_complex = true;
  } else {
    Value f = number_float(I, r);
    if (f.is_error()) return f;
    cr = {float_value(f), 0.0};
  }
  if (i.is_null()) {
    ci.real = cr.imag;
  } else if (is_complex_obj(I, i)) {
    ci = self_c(i);
    ci_is_complex = true;
  } else {
    Value f = number_float(I, i);
    if (f.is_error()) return f;
    ci.real = float_value(f);
  }
  if (ci_is_complex) cr.real -= ci.imag;
  if (cr_is_complex && !i.is_null()) ci.real += cr.imag;
  return make_typed(I, type, cr.real, ci.real);
}

// --- methods ----------------------------------------------------------------------------------

int check0(Isolate& I, const char* name, size_t nargs, Tuple* kw) {
  if (check_no_kwargs(I, name, kw) < 0 || check_nargs(I, name, nargs - 1, 0, 0) < 0) return -1;
  return 0;
}

Value m_conjugate(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (check0(I, "conjugate", nargs, kw) < 0) return Value::error();
  C c = self_c(args[0]);
  return make(I, {c.real, -c.imag});
}

Value m_complex(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (check0(I, "__complex__", nargs, kw) < 0) return Value::error();
  if (args[0].as_object()->type_ == I.rt.complex_type) return args[0];
  return make(I, self_c(args[0]));
}

Value m_getnewargs(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (check0(I, "__getnewargs__", nargs, kw) < 0) return Value::error();
  C c = self_c(args[0]);
  return tuple_pack(I, {Value::from_double(c.real), Value::from_double(c.imag)});
}

Value m_sizeof(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (check0(I, "__sizeof__", nargs, kw) < 0) return Value::error();
  return Value::small_int(32);
}

Value m_format(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (check_no_kwargs(I, "__format__", kw) < 0 || check_nargs(I, "__format__", nargs - 1, 1, 1) < 0) return Value::error();
  if (!is_subtype(type_of(I, args[1]), I.rt.str_type))
    return raisef(I, I.rt.exc_TypeError, "__format__() argument must be str, not %s", type_name(I, args[1]));
  C c = self_c(args[0]);
  return format_complex(I, c.real, c.imag, args[1].as<Str>()->view(), args[0]);
}

Value g_real(Isolate& I, Value self) { return Value::from_double(self.as<Complex>()->real); }
Value g_imag(Isolate& I, Value self) { return Value::from_double(self.as<Complex>()->imag); }

}  // namespace

std::string complex_repr_text(double real, double imag) {
  std::string out;
  if (real == 0. && std::copysign(1.0, real) == 1.0) {
    double_to_string(out, imag, 'r', 0, 0);
    out.push_back('j');
    return out;
  }
  out.push_back('(');
  double_to_string(out, real, 'r', 0, 0);
  double_to_string(out, imag, 'r', 0, kDtsfSign);
  out += "j)";
  return out;
}

Value complex_new(Isolate& I, double real, double imag) {
  auto* c = static_cast<Complex*>(I.heap.alloc_object(I.rt.complex_type, sizeof(Complex)));
  if (!c) return raise_memory(I);
  c->real = real;
  c->imag = imag;
  return Value::object(c);
}

Value complex_pow_values(Isolate& I, double ar, double ai, double br, double bi) {
  return pow_impl(I, {ar, ai}, {br, bi});
}

void init_complex_type(Runtime& rt) {
  Type* t = rt.complex_type;
  t->basicsize = sizeof(Complex);
  t->flags |= kTypeBaseType;
  t->repr = complex_repr;
  t->hash = complex_hash;
  t->richcompare = complex_richcompare;
  t->bool_ = complex_bool;
  t->nb[int(NbOp::Add)] = complex_add;
  t->nb[int(NbOp::Sub)] = complex_sub;
  t->nb[int(NbOp::Mul)] = complex_mul;
  t->nb[int(NbOp::TrueDiv)] = complex_div;
  t->nb[int(NbOp::Pow)] = complex_pow;
  t->nb_pow3 = complex_pow3;
  t->nb_neg = complex_neg;
  t->nb_pos = complex_pos;
  t->nb_abs = complex_abs;
  t->new_ = complex_new_impl;
  add_methods(rt, t,
              {
                  {"conjugate", m_conjugate},
                  {"__complex__", m_complex},
                  {"__getnewargs__", m_getnewargs},
                  {"__format__", m_format},
                  {"__sizeof__", m_sizeof},
              });
  add_getsets(rt, t, {{"real", g_real}, {"imag", g_imag}});
}

}  // namespace capy
