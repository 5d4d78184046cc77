// array: compact typed arrays of numbers (CPython 3.11's array module, with
// its error messages). The array type and its iterator are created per
// isolate when the module is imported; arrays export their memory to
// memoryview and struct through the buffer interface of memoryview.h.
#include <cmath>
#include <cstring>
#include <string>

#include "modules/registry.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/float.h"
#include "objects/function.h"
#include "objects/int.h"
#include "objects/iterators.h"
#include "objects/list.h"
#include "objects/memoryview.h"
#include "objects/misc.h"
#include "objects/native.h"
#include "objects/ops.h"
#include "objects/str.h"
#include "objects/str_impl.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "vm/isolate.h"
#include "vm/runtime.h"

namespace capy {

namespace {

struct ArrayObj : Object {
  char* data;        // accounted side buffer
  size_t len;        // items
  size_t cap;        // bytes allocated
  char tc;           // typecode
  uint8_t itemsize;
  uint32_t exports;  // live memoryviews
};

struct ArrayIter : Object {
  Value arr;
  size_t index;
};

constexpr const char kTypecodes[] = "bBuhHiIlLqQfd";

// Item sizes and values are struct's native ones ('u': a UCS-4 code point).
uint8_t tc_size(char tc) {
  if (tc == 'u') return 4;
  return std::strchr(kTypecodes, tc) ? static_cast<uint8_t>(native_format_size(tc)) : 0;
}

void array_finalize(Isolate& I, Object* o) {
  auto* a = static_cast<ArrayObj*>(o);
  if (a->data) I.heap.free_raw(a->data, a->cap);
  a->data = nullptr;
  a->len = a->cap = 0;
}

void aiter_trace(Object* o, Tracer& t) { t.visit(static_cast<ArrayIter*>(o)->arr); }

bool is_array_type(Type* t) {
  for (; t; t = t->base)
    if (t->finalize == &array_finalize) return true;
  return false;
}

inline bool is_array(Value v) { return v.is_object() && is_array_type(v.as_object()->type_); }
inline ArrayObj* A(Value v) { return v.as<ArrayObj>(); }

// --- storage ---------------------------------------------------------------------------

int check_resize(Isolate& I, ArrayObj* a, size_t newlen) {
  if (newlen == a->len || a->exports == 0) return 0;
  return buffer_check_resize(I, &a->exports, "cannot resize an array that is exporting buffers");
}

/// Ensures room for n items. 0 or -1 (MemoryError).
int reserve(Isolate& I, ArrayObj* a, size_t n) {
  size_t need = n * a->itemsize;
  if (need <= a->cap) return 0;
  if (n > (UINT32_MAX - 64) / a->itemsize || too_big(I, need)) {
    raise_memory(I);
    return -1;
  }
  size_t cap = a->cap + (a->cap >> 1) + 16;
  if (cap < need) cap = need;
  void* p = a->data ? I.heap.realloc_raw(a->data, a->cap, cap) : I.heap.alloc_raw(cap);
  if (!p) {
    raise_memory(I);
    return -1;
  }
  a->data = static_cast<char*>(p);
  a->cap = cap;
  return 0;
}

/// Sets the length (after the export check), growing the buffer if needed.
int resize(Isolate& I, ArrayObj* a, size_t n) {
  if (check_resize(I, a, n) < 0) return -1;
  if (reserve(I, a, n) < 0) return -1;
  if (n > a->len) std::memset(a->data + a->len * a->itemsize, 0, (n - a->len) * a->itemsize);
  a->len = n;
  return 0;
}

/// Replaces items [start, start+oldn) by n items from src (a copy, not aliasing a).
int replace_items(Isolate& I, ArrayObj* a, size_t start, size_t oldn, const char* src, size_t n) {
  size_t isz = a->itemsize;
  size_t newlen = a->len - oldn + n;
  if (check_resize(I, a, newlen) < 0) return -1;
  if (reserve(I, a, newlen) < 0) return -1;
  size_t tail = a->len - start - oldn;
  if (tail && n != oldn) std::memmove(a->data + (start + n) * isz, a->data + (start + oldn) * isz, tail * isz);
  if (n) std::memcpy(a->data + start * isz, src, n * isz);
  a->len = newlen;
  return 0;
}

// --- items -------------------------------------------------------------------------------

template <class T>
T ld(const char* p) {
  T v;
  std::memcpy(&v, p, sizeof v);
  return v;
}
template <class T>
void st(char* p, T v) {
  std::memcpy(p, &v, sizeof v);
}

Value get_item(Isolate& I, char tc, const char* p) {
  if (tc == 'u') return str_from_codepoint(I, ld<uint32_t>(p));
  return unpack_native_item(I, tc, p);
}

Value overflow(Isolate& I, const char* msg) { return raise(I, I.rt.exc_OverflowError, msg); }

/// Converts v for typecode tc into p (CPython's *_setitem). 0 or -1.
int set_item(Isolate& I, char tc, char* p, Value v) {
  if (tc == 'u') {
    if (!is_str_value(v) || as_str(v)->length != 1) {
      raise(I, I.rt.exc_TypeError, "array item must be unicode character");
      return -1;
    }
    const char* s = as_str(v)->data;
    st<uint32_t>(p, utf8_decode(s));
    return 0;
  }
  if (tc == 'f' || tc == 'd') {
    double d;
    if (v.is_double()) {
      d = v.as_double();
    } else {
      Type* t = type_of(I, v);
      if (!v.is_small_int() && !is_int(I, v) && !is_float(I, v) && !t->nb_float && !t->nb_index) {
        raisef(I, I.rt.exc_TypeError, "must be real number, not %s", type_name(I, v));
        return -1;
      }
      if (!to_double(I, v, &d)) {
        if (!I.has_pending()) return -1;
        Value fv = number_float(I, v);
        if (fv.is_error()) return -1;
        d = float_value(fv);
      }
    }
    if (tc == 'f') st<float>(p, static_cast<float>(d));
    else st<double>(p, d);
    return 0;
  }
  Value iv = v;
  if (!v.is_small_int()) {
    if (is_int(I, v)) {
      iv = int_unwrap(I, v);
    } else {
      iv = index(I, v);
      if (iv.is_error()) return -1;
      iv = int_unwrap(I, iv);
    }
  }
  int64_t s = 0;
  bool fits = int_to_i64(iv, &s);
  bool negative = fits ? s < 0 : int_compare(iv, Value::small_int(0)) < 0;
  uint64_t u = uint64_t(s);
  bool fits_u = fits && s >= 0;
  if (!fits && !negative) {
    mpz_t z;
    mpz_init(z);
    int_to_mpz(iv, z);
    if (mpz_sizeinbase(z, 2) <= 64) {
      size_t cnt = 0;
      u = 0;
      mpz_export(&u, &cnt, -1, sizeof u, 0, 0, z);
      fits_u = true;
    }
    mpz_clear(z);
  }
  const char* long_msg = "Python int too large to convert to C long";
  switch (tc) {
    case 'b':
      if (!fits) return overflow(I, long_msg).is_error() ? -1 : -1;
      if (s < -32768) return overflow(I, "signed short integer is less than minimum").is_error() ? -1 : -1;
      if (s > 32767) return overflow(I, "signed short integer is greater than maximum").is_error() ? -1 : -1;
      if (s < -128) return overflow(I, "signed char is less than minimum").is_error() ? -1 : -1;
      if (s > 127) return overflow(I, "signed char is greater than maximum").is_error() ? -1 : -1;
      *p = char(s);
      return 0;
    case 'B':
      if (!fits) return overflow(I, long_msg).is_error() ? -1 : -1;
      if (s < 0) return overflow(I, "unsigned byte integer is less than minimum").is_error() ? -1 : -1;
      if (s > 255) return overflow(I, "unsigned byte integer is greater than maximum").is_error() ? -1 : -1;
      *p = char(s);
      return 0;
    case 'h':
      if (!fits) return overflow(I, long_msg).is_error() ? -1 : -1;
      if (s < -32768) return overflow(I, "signed short integer is less than minimum").is_error() ? -1 : -1;
      if (s > 32767) return overflow(I, "signed short integer is greater than maximum").is_error() ? -1 : -1;
      st<int16_t>(p, int16_t(s));
      return 0;
    case 'H':
      if (!fits) return overflow(I, long_msg).is_error() ? -1 : -1;
      if (s < INT32_MIN) return overflow(I, "signed integer is less than minimum").is_error() ? -1 : -1;
      if (s > INT32_MAX) return overflow(I, "signed integer is greater than maximum").is_error() ? -1 : -1;
      if (s < 0) return overflow(I, "unsigned short is less than minimum").is_error() ? -1 : -1;
      if (s > 65535) return overflow(I, "unsigned short is greater than maximum").is_error() ? -1 : -1;
      st<uint16_t>(p, uint16_t(s));
      return 0;
    case 'i':
      if (!fits) return overflow(I, long_msg).is_error() ? -1 : -1;
      if (s < INT32_MIN) return overflow(I, "signed integer is less than minimum").is_error() ? -1 : -1;
      if (s > INT32_MAX) return overflow(I, "signed integer is greater than maximum").is_error() ? -1 : -1;
      st<int32_t>(p, int32_t(s));
      return 0;
    case 'I':
    case 'L':
      if (negative) return overflow(I, "can't convert negative value to unsigned int").is_error() ? -1 : -1;
      if (!fits_u) return overflow(I, "Python int too large to convert to C unsigned long").is_error() ? -1 : -1;
      if (tc == 'I') {
        if (u > 0xFFFFFFFFu) return overflow(I, "unsigned int is greater than maximum").is_error() ? -1 : -1;
        st<uint32_t>(p, uint32_t(u));
      } else {
        st<uint64_t>(p, u);
      }
      return 0;
    case 'l':
      if (!fits) return overflow(I, long_msg).is_error() ? -1 : -1;
      st<int64_t>(p, s);
      return 0;
    case 'q':
      if (!fits) return overflow(I, "int too big to convert").is_error() ? -1 : -1;
      st<int64_t>(p, s);
      return 0;
    case 'Q':
      if (negative) return overflow(I, "can't convert negative int to unsigned").is_error() ? -1 : -1;
      if (!fits_u) return overflow(I, "int too big to convert").is_error() ? -1 : -1;
      st<uint64_t>(p, u);
      return 0;
    default:
      return -1;
  }
}

// --- per-isolate types ---------------------------------------------------------------------

Type* new_type(Isolate& I, const char* tp_name, const char* qualname, uint32_t basicsize) {
  return isolate_type_new(I, tp_name, qualname, "array", basicsize, nullptr);
}

/// The array type of this isolate (exact array.array), found from any array.
Type* base_array_type(Type* t) {
  while (t->base && is_array_type(t->base)) t = t->base;
  return t;
}

/// A new empty exact array of typecode tc, of the same isolate type as `like`.
ArrayObj* new_array(Isolate& I, Type* array_type, char tc, size_t n = 0) {
  auto* a = static_cast<ArrayObj*>(I.heap.alloc_object(array_type, sizeof(ArrayObj)));
  if (!a) {
    raise_memory(I);
    return nullptr;
  }
  a->tc = tc;
  a->itemsize = tc_size(tc);
  if (n && resize(I, a, n) < 0) return nullptr;
  return a;
}

ArrayObj* new_like(Isolate& I, Value src, size_t n = 0) {
  return new_array(I, base_array_type(src.as_object()->type_), A(src)->tc, n);
}

// --- appending from Python values --------------------------------------------------------

int append_value(Isolate& I, ArrayObj* a, Value v) {
  char tmp[8];
  if (set_item(I, a->tc, tmp, v) < 0) return -1;
  if (check_resize(I, a, a->len + 1) < 0 || reserve(I, a, a->len + 1) < 0) return -1;
  std::memcpy(a->data + a->len * a->itemsize, tmp, a->itemsize);
  ++a->len;
  return 0;
}

int extend_iterable(Isolate& I, ArrayObj* a, Value iterable) {
  Value it = get_iter(I, iterable);
  if (it.is_error()) return -1;
  for (;;) {
    Value x = iter_next(I, it);
    if (x.is_error()) return -1;
    if (x.is_null()) return 0;
    if (append_value(I, a, x) < 0) return -1;
  }
}

int extend_array(Isolate& I, ArrayObj* a, ArrayObj* b) {
  if (a->tc != b->tc) {
    raise(I, I.rt.exc_TypeError, "can only extend with array of same kind");
    return -1;
  }
  std::string copy(b->data ? b->data : "", b->len * b->itemsize);
  return replace_items(I, a, a->len, 0, copy.data(), b->len);
}

int frombytes(Isolate& I, ArrayObj* a, std::string_view b) {
  if (b.size() % a->itemsize) {
    raise(I, I.rt.exc_ValueError, "bytes length not a multiple of item size");
    return -1;
  }
  std::string copy(b);
  return replace_items(I, a, a->len, 0, copy.data(), copy.size() / a->itemsize);
}

int fromunicode(Isolate& I, ArrayObj* a, Str* s) {
  std::string buf;
  buf.resize(size_t(s->length) * 4);
  const char* p = s->data;
  for (size_t k = 0; k < s->length; ++k) {
    uint32_t cp = utf8_decode(p);
    std::memcpy(&buf[k * 4], &cp, 4);
  }
  return replace_items(I, a, a->len, 0, buf.data(), s->length);
}

/// Item equality without the identity shortcut: array items are fresh
/// objects in CPython, so a NaN item never equals itself.
int item_eq(Isolate& I, Value x, Value y) {
  Value r = rich_compare(I, x, y, CompareOp::Eq);
  if (r.is_error()) return -1;
  return truthy(I, r);
}

// --- slots -----------------------------------------------------------------------------------

Value array_new(Isolate& I, Type* type, const Value* args, size_t nargs, Tuple* kw) {
  if (kw && kw->size() && type == base_array_type(type))
    return raise(I, I.rt.exc_TypeError, "array.array() takes no keyword arguments");
  if (nargs < 1) return raise(I, I.rt.exc_TypeError, "array() takes at least 1 argument (0 given)");
  if (nargs > 2) return raisef(I, I.rt.exc_TypeError, "array() takes at most 2 arguments (%zu given)", nargs);
  Value tcv = args[0];
  if (!is_str_value(tcv) || as_str(tcv)->length != 1)
    return raisef(I, I.rt.exc_TypeError, "array() argument 1 must be a unicode character, not %s",
                  arg_type_name(I, tcv));
  char tc = as_str(tcv)->data[0];
  if (as_str(tcv)->size() != 1 || !std::strchr(kTypecodes, tc) || tc == 0)
    return raise(I, I.rt.exc_ValueError, "bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)");
  Value init = nargs > 1 ? args[1] : Value::null();
  if (!init.is_null()) {
    if (is_str_value(init) && tc != 'u')
      return raisef(I, I.rt.exc_TypeError, "cannot use a str to initialize an array with typecode '%c'", tc);
    if (is_array(init) && A(init)->tc == 'u' && tc != 'u')
      return raisef(I, I.rt.exc_TypeError, "cannot use a unicode array to initialize an array with typecode '%c'", tc);
  }
  Object* o = type == base_array_type(type) ? I.heap.alloc_object(type, sizeof(ArrayObj)) : alloc_instance(I, type, 0);
  if (!o) return type == base_array_type(type) ? raise_memory(I) : Value::error();
  auto* a = static_cast<ArrayObj*>(o);
  a->tc = tc;
  a->itemsize = tc_size(tc);
  if (init.is_null()) return Value::object(a);
  int r;
  if (is_str_value(init)) {
    r = fromunicode(I, a, as_str(init));
  } else if (is_bytes(init) || is_bytearray(init)) {
    r = frombytes(I, a, bytes_view(init));
  } else if (is_array(init) && A(init)->tc == tc) {
    r = extend_array(I, a, A(init));
  } else {
    r = extend_iterable(I, a, init);
  }
  return r < 0 ? Value::error() : Value::object(a);
}

void array_trace(Object*, Tracer&) {}

Value array_repr(Isolate& I, Value self) {
  ArrayObj* a = A(self);
  std::string out = type_name(I, self);
  // CPython prints the short type name (_PyType_Name).
  size_t dot = out.rfind('.');
  if (dot != std::string::npos) out = out.substr(dot + 1);
  out += "('";
  out.push_back(a->tc);
  out.push_back('\'');
  if (a->len) {
    out += ", ";
    Value inner;
    if (a->tc == 'u') {
      std::string s;
      for (size_t k = 0; k < a->len; ++k) utf8_append(s, ld<uint32_t>(a->data + k * 4));
      Value sv = str_from_utf8(I, s);
      if (sv.is_error()) return sv;
      if (repr_append(I, sv, out) < 0) return Value::error();
    } else {
      List* l = list_new(I, 0, a->len);
      if (!l) return Value::error();
      for (size_t k = 0; k < a->len; ++k)
        if (list_append(I, l, get_item(I, a->tc, a->data + k * a->itemsize)) < 0) return Value::error();
      if (repr_append(I, Value::object(l), out) < 0) return Value::error();
    }
  }
  out.push_back(')');
  return str_from_utf8(I, out);
}

int64_t array_len(Isolate&, Value self) { return int64_t(A(self)->len); }

int index_key(Isolate& I, Value key, int64_t* out) {
  if (key.is_small_int()) {
    *out = key.as_small_int();
    return 1;
  }
  Type* t = type_of(I, key);
  if (!is_int(I, key) && !t->nb_index) return 0;
  return index_i64(I, key, out) ? 1 : -1;
}

bool is_slice(Isolate& I, Value v) { return v.is_object() && v.as_object()->type_ == I.rt.slice_type; }

Value array_getitem(Isolate& I, Value self, Value key) {
  ArrayObj* a = A(self);
  int64_t i;
  int r = index_key(I, key, &i);
  if (r < 0) return Value::error();
  if (r > 0) {
    int64_t n = int64_t(a->len);
    if (i < 0) i += n;
    if (i < 0 || i >= n) return raise(I, I.rt.exc_IndexError, "array index out of range");
    return get_item(I, a->tc, a->data + size_t(i) * a->itemsize);
  }
  if (is_slice(I, key)) {
    int64_t start, stop, step, n;
    if (!slice_indices(I, key.as<Slice>(), int64_t(a->len), &start, &stop, &step, &n)) return Value::error();
    a = A(self);
    ArrayObj* r2 = new_like(I, self);
    if (!r2) return Value::error();
    if (n > 0) {
      if (resize(I, r2, size_t(n)) < 0) return Value::error();
      size_t isz = a->itemsize;
      for (int64_t k = 0, j = start; k < n; ++k, j += step)
        std::memcpy(r2->data + size_t(k) * isz, a->data + size_t(j) * isz, isz);
    }
    return Value::object(r2);
  }
  return raise(I, I.rt.exc_TypeError, "array indices must be integers");
}

int array_setitem(Isolate& I, Value self, Value key, Value value) {
  ArrayObj* a = A(self);
  int64_t i;
  int r = index_key(I, key, &i);
  if (r < 0) return -1;
  if (r > 0) {
    int64_t n = int64_t(a->len);
    if (i < 0) i += n;
    if (i < 0 || i >= n) {
      raise(I, I.rt.exc_IndexError, "array assignment index out of range");
      return -1;
    }
    if (value.is_null()) return replace_items(I, a, size_t(i), 1, nullptr, 0);
    char tmp[8];
    if (set_item(I, a->tc, tmp, value) < 0) return -1;
    if (size_t(i) >= a->len) {
      raise(I, I.rt.exc_IndexError, "array assignment index out of range");
      return -1;
    }
    std::memcpy(a->data + size_t(i) * a->itemsize, tmp, a->itemsize);
    return 0;
  }
  if (!is_slice(I, key)) {
    raise(I, I.rt.exc_TypeError, "array indices must be integers");
    return -1;
  }
  std::string src;
  size_t srcn = 0;
  if (!value.is_null()) {
    if (!is_array(value)) {
      raisef(I, I.rt.exc_TypeError, "can only assign array (not \"%s\") to array slice", type_name(I, value));
      return -1;
    }
    if (A(value)->tc != a->tc) {
      raise(I, I.rt.exc_TypeError, "bad argument type for built-in operation");
      return -1;
    }
    src.assign(A(value)->data ? A(value)->data : "", A(value)->len * A(value)->itemsize);
    srcn = A(value)->len;
  }
  int64_t start, stop, step, n;
  if (!slice_indices(I, key.as<Slice>(), int64_t(a->len), &start, &stop, &step, &n)) return -1;
  size_t isz = a->itemsize;
  if (step == 1) {
    if (stop < start) stop = start;
    return replace_items(I, a, size_t(start), size_t(stop - start), src.data(), srcn);
  }
  if (value.is_null()) {
    if (n <= 0) return 0;
    if (check_resize(I, a, a->len - size_t(n)) < 0) return -1;
    if (step < 0) {
      start = start + step * (n - 1);
      step = -step;
    }
    size_t w = 0;
    for (size_t k = 0; k < a->len; ++k) {
      int64_t off = int64_t(k) - start;
      bool sel = off >= 0 && off % step == 0 && off / step < n;
      if (!sel) {
        if (w != k) std::memmove(a->data + w * isz, a->data + k * isz, isz);
        ++w;
      }
    }
    a->len = w;
    return 0;
  }
  if (int64_t(srcn) != n) {
    raisef(I, I.rt.exc_ValueError, "attempt to assign array of size %zu to extended slice of size %lld", srcn,
           static_cast<long long>(n));
    return -1;
  }
  for (int64_t k = 0, j = start; k < n; ++k, j += step)
    std::memcpy(a->data + size_t(j) * isz, src.data() + size_t(k) * isz, isz);
  return 0;
}

int array_contains(Isolate& I, Value self, Value item) {
  for (size_t k = 0; k < A(self)->len; ++k) {
    ArrayObj* a = A(self);
    Value x = get_item(I, a->tc, a->data + k * a->itemsize);
    if (x.is_error()) return -1;
    int r = item_eq(I, x, item);
    if (r != 0) return r;
  }
  return 0;
}

Value array_richcompare(Isolate& I, Value va, Value vb, CompareOp op) {
  if (!is_array(va) || !is_array(vb)) return Value::not_implemented();
  ArrayObj* a = A(va);
  ArrayObj* b = A(vb);
  if (a->len != b->len && (op == CompareOp::Eq || op == CompareOp::Ne)) return Value::boolean(op == CompareOp::Ne);
  size_t k = 0;
  for (;; ++k) {
    a = A(va);
    b = A(vb);
    if (k >= a->len || k >= b->len) break;
    Value x = get_item(I, a->tc, a->data + k * a->itemsize);
    Value y = get_item(I, b->tc, b->data + k * b->itemsize);
    if (x.is_error() || y.is_error()) return Value::error();
    int r = item_eq(I, x, y);
    if (r < 0) return Value::error();
    if (r == 0) {
      if (op == CompareOp::Eq) return Value::false_();
      if (op == CompareOp::Ne) return Value::true_();
      return rich_compare(I, x, y, op);
    }
  }
  size_t la = A(va)->len, lb = A(vb)->len;
  bool res;
  switch (op) {
    case CompareOp::Lt: res = la < lb; break;
    case CompareOp::Le: res = la <= lb; break;
    case CompareOp::Eq: res = la == lb; break;
    case CompareOp::Ne: res = la != lb; break;
    case CompareOp::Gt: res = la > lb; break;
    default: res = la >= lb; break;
  }
  return Value::boolean(res);
}

int64_t array_hash(Isolate& I, Value self) {
  raisef(I, I.rt.exc_TypeError, "unhashable type: '%s'", type_name(I, self));
  return -1;
}

Value array_add(Isolate& I, Value a, Value b) {
  if (!is_array(a)) return Value::not_implemented();
  if (!is_array(b)) {
    Type* tb = type_of(I, b);
    if (tb->is_heap() && tb->nb[int(NbOp::Add)]) return Value::not_implemented();
    return raisef(I, I.rt.exc_TypeError, "can only append array (not \"%s\") to array", type_name(I, b));
  }
  if (A(a)->tc != A(b)->tc) return raise(I, I.rt.exc_TypeError, "bad argument type for built-in operation");
  ArrayObj* r = new_like(I, a);
  if (!r) return Value::error();
  size_t isz = r->itemsize, na = A(a)->len, nb = A(b)->len;
  if (resize(I, r, na + nb) < 0) return Value::error();
  if (na) std::memcpy(r->data, A(a)->data, na * isz);
  if (nb) std::memcpy(r->data + na * isz, A(b)->data, nb * isz);
  return Value::object(r);
}

Value array_iadd(Isolate& I, Value a, Value b) {
  if (!is_array(a)) return Value::not_implemented();
  if (!is_array(b))
    return raisef(I, I.rt.exc_TypeError, "can only extend array with array (not \"%s\")", type_name(I, b));
  if (extend_array(I, A(a), A(b)) < 0) return Value::error();
  return a;
}

Value array_mul(Isolate& I, Value a, Value b) {
  Value seq = a, count = b;
  if (!is_array(a)) {
    seq = b;
    count = a;
  }
  if (!is_array(seq)) return Value::not_implemented();
  int64_t n;
  if (!seq_repeat_count(I, count, &n)) return Value::error();
  ArrayObj* src = A(seq);
  ArrayObj* r = new_like(I, seq);
  if (!r) return Value::error();
  size_t len = src->len;
  if (n > 0 && len) {
    if (uint64_t(n) > (UINT32_MAX - 64) / (len * src->itemsize)) return raise_memory(I);
    if (resize(I, r, len * size_t(n)) < 0) return Value::error();
    size_t chunk = len * src->itemsize;
    for (int64_t k = 0; k < n; ++k) std::memcpy(r->data + size_t(k) * chunk, src->data, chunk);
  }
  return Value::object(r);
}

Value array_imul(Isolate& I, Value a, Value b) {
  if (!is_array(a)) return Value::not_implemented();
  int64_t n;
  if (!seq_repeat_count(I, b, &n)) return Value::error();
  ArrayObj* arr = A(a);
  size_t len = arr->len;
  if (n <= 0 || len == 0) {
    if (resize(I, arr, 0) < 0) return Value::error();
    return a;
  }
  if (uint64_t(n) > (UINT32_MAX - 64) / (len * arr->itemsize)) return raise_memory(I);
  if (resize(I, arr, len * size_t(n)) < 0) return Value::error();
  size_t chunk = len * arr->itemsize;
  for (int64_t k = 1; k < n; ++k) std::memcpy(arr->data + size_t(k) * chunk, arr->data, chunk);
  return a;
}

Type* iter_type_of(Isolate& I, Value self) {
  // From the native array type itself: a subclass may define its own
  // `_iterator_type`, and the iterator's layout is array's.
  Type* t = self.as_object()->type_;
  while (t->is_heap() && t->base) t = t->base;
  Str* k = I.intern("_iterator_type");
  Value v = k ? dict_get_str(t->dict, k) : Value::null();
  return v.is_object() && (type_of(I, v)->flags & kTypeTypeSubclass) ? v.as<Type>() : nullptr;
}

Value array_iter(Isolate& I, Value self) {
  Type* it = iter_type_of(I, self);
  if (!it) return raise(I, I.rt.exc_TypeError, "array iterator type missing");
  auto* o = static_cast<ArrayIter*>(I.heap.alloc_object(it, sizeof(ArrayIter)));
  if (!o) return raise_memory(I);
  o->arr = self;
  return Value::object(o);
}

Value aiter_next(Isolate& I, Value self) {
  auto* it = static_cast<ArrayIter*>(self.as_object());
  if (!it->arr.is_object()) return Value::null();
  ArrayObj* a = A(it->arr);
  if (it->index >= a->len) {
    it->arr = Value::null();
    return Value::null();
  }
  size_t k = it->index++;
  return get_item(I, a->tc, a->data + k * a->itemsize);
}

Value aiter_self(Isolate&, Value self) { return self; }
Value m_aiter_iter(Isolate&, const Value* a, size_t, Tuple*) { return a[0]; }
Value m_aiter_next(Isolate& I, const Value* a, size_t, Tuple*) {
  Value r = aiter_next(I, a[0]);
  if (r.is_null()) return raise_value(I, Value::object(I.rt.exc_StopIteration));
  return r;
}

// --- methods -------------------------------------------------------------------------------

int no_args(Isolate& I, const char* name, size_t n, Tuple* kw) {
  if (check_no_kwargs(I, name, kw) < 0) return -1;
  return check_nargs(I, name, n - 1, 0, 0);
}
int one_arg(Isolate& I, const char* name, size_t n, Tuple* kw) {
  if (check_no_kwargs(I, name, kw) < 0) return -1;
  return check_nargs(I, name, n - 1, 1, 1);
}

Value m_append(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  if (one_arg(I, "array.append", n, kw) < 0 || append_value(I, A(a[0]), a[1]) < 0) return Value::error();
  return Value::none();
}

Value m_extend(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  if (one_arg(I, "array.extend", n, kw) < 0) return Value::error();
  int r = is_array(a[1]) ? extend_array(I, A(a[0]), A(a[1])) : extend_iterable(I, A(a[0]), a[1]);
  return r < 0 ? Value::error() : Value::none();
}

Value m_insert(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  if (check_no_kwargs(I, "insert", kw) < 0 || check_nargs(I, "insert", n - 1, 2, 2) < 0) return Value::error();
  int64_t i;
  if (!index_i64(I, a[1], &i)) return Value::error();
  char tmp[8];
  ArrayObj* arr = A(a[0]);
  if (set_item(I, arr->tc, tmp, a[2]) < 0) return Value::error();
  int64_t len = int64_t(arr->len);
  if (i < 0) {
    i += len;
    if (i < 0) i = 0;
  }
  if (i > len) i = len;
  if (replace_items(I, arr, size_t(i), 0, tmp, 1) < 0) return Value::error();
  return Value::none();
}

Value m_pop(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  if (check_no_kwargs(I, "pop", kw) < 0 || check_nargs(I, "pop", n - 1, 0, 1) < 0) return Value::error();
  int64_t i = -1;
  if (n > 1 && !index_i64(I, a[1], &i)) return Value::error();
  ArrayObj* arr = A(a[0]);
  int64_t len = int64_t(arr->len);
  if (len == 0) return raise(I, I.rt.exc_IndexError, "pop from empty array");
  if (i < 0) i += len;
  if (i < 0 || i >= len) return raise(I, I.rt.exc_IndexError, "pop index out of range");
  Value v = get_item(I, arr->tc, arr->data + size_t(i) * arr->itemsize);
  if (v.is_error()) return v;
  if (replace_items(I, arr, size_t(i), 1, nullptr, 0) < 0) return Value::error();
  return v;
}

/// Index of the first item == x in [start, stop), -1 if none, -2 on error.
int64_t find(Isolate& I, Value self, Value x, int64_t start, int64_t stop) {
  for (int64_t k = start; k < stop; ++k) {
    ArrayObj* a = A(self);
    if (size_t(k) >= a->len) break;
    Value y = get_item(I, a->tc, a->data + size_t(k) * a->itemsize);
    if (y.is_error()) return -2;
    int r = item_eq(I, y, x);
    if (r < 0) return -2;
    if (r > 0) return k;
  }
  return -1;
}

Value m_remove(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  if (one_arg(I, "array.remove", n, kw) < 0) return Value::error();
  int64_t k = find(I, a[0], a[1], 0, int64_t(A(a[0])->len));
  if (k == -2) return Value::error();
  if (k < 0) return raise(I, I.rt.exc_ValueError, "array.remove(x): x not in array");
  if (replace_items(I, A(a[0]), size_t(k), 1, nullptr, 0) < 0) return Value::error();
  return Value::none();
}

Value m_index(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  if (check_no_kwargs(I, "index", kw) < 0 || check_nargs(I, "index", n - 1, 1, 3) < 0) return Value::error();
  int64_t len = int64_t(A(a[0])->len);
  int64_t start = 0, stop = INT64_MAX;
  if (n > 2 && !index_i64(I, a[2], &start)) return Value::error();
  if (n > 3 && !index_i64(I, a[3], &stop)) return Value::error();
  if (start < 0) {
    start += len;
    if (start < 0) start = 0;
  }
  if (stop < 0) {
    stop += len;
    if (stop < 0) stop = 0;
  }
  int64_t k = find(I, a[0], a[1], start, stop);
  if (k == -2) return Value::error();
  if (k < 0) return raise(I, I.rt.exc_ValueError, "array.index(x): x not in array");
  return int_from_i64(I, k);
}

Value m_count(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  if (one_arg(I, "array.count", n, kw) < 0) return Value::error();
  int64_t c = 0;
  for (size_t k = 0; k < A(a[0])->len; ++k) {
    ArrayObj* arr = A(a[0]);
    Value y = get_item(I, arr->tc, arr->data + k * arr->itemsize);
    if (y.is_error()) return y;
    int r = item_eq(I, y, a[1]);
    if (r < 0) return Value::error();
    c += r;
  }
  return int_from_i64(I, c);
}

Value m_reverse(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  if (no_args(I, "array.reverse", n, kw) < 0) return Value::error();
  ArrayObj* arr = A(a[0]);
  size_t isz = arr->itemsize;
  char tmp[8];
  for (size_t i = 0, j = arr->len; i + 1 < j; ++i, --j) {
    std::memcpy(tmp, arr->data + i * isz, isz);
    std::memcpy(arr->data + i * isz, arr->data + (j - 1) * isz, isz);
    std::memcpy(arr->data + (j - 1) * isz, tmp, isz);
  }
  return Value::none();
}

Value m_byteswap(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  if (no_args(I, "array.byteswap", n, kw) < 0) return Value::error();
  ArrayObj* arr = A(a[0]);
  size_t isz = arr->itemsize;
  for (size_t k = 0; k < arr->len; ++k) {
    char* p = arr->data + k * isz;
    for (size_t i = 0, j = isz; i + 1 < j; ++i, --j) std::swap(p[i], p[j - 1]);
  }
  return Value::none();
}

Value m_tobytes(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  if (no_args(I, "array.tobytes", n, kw) < 0) return Value::error();
  ArrayObj* arr = A(a[0]);
  return bytes_value(I, std::string_view(arr->data ? arr->data : "", arr->len * arr->itemsize));
}

Value m_frombytes(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  if (one_arg(I, "array.frombytes", n, kw) < 0) return Value::error();
  std::string_view b;
  std::string scratch;
  int r = buffer_bytes(I, a[1], &b, &scratch);
  if (r < 0) return Value::error();
  if (r == 0) return raisef(I, I.rt.exc_TypeError, "a bytes-like object is required, not '%s'", type_name(I, a[1]));
  if (frombytes(I, A(a[0]), b) < 0) return Value::error();
  return Value::none();
}

Value m_tolist(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  if (no_args(I, "array.tolist", n, kw) < 0) return Value::error();
  ArrayObj* arr = A(a[0]);
  List* l = list_new(I, 0, arr->len);
  if (!l) return Value::error();
  for (size_t k = 0; k < arr->len; ++k) {
    Value v = get_item(I, arr->tc, arr->data + k * arr->itemsize);
    if (v.is_error() || list_append(I, l, v) < 0) return Value::error();
  }
  return Value::object(l);
}

Value m_fromlist(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  if (one_arg(I, "array.fromlist", n, kw) < 0) return Value::error();
  if (!a[1].is_object() || !(a[1].as_object()->type_->flags & kTypeListSubclass))
    return raise(I, I.rt.exc_TypeError, "arg must be list");
  ArrayObj* arr = A(a[0]);
  // All or nothing: convert into a temporary first.
  std::string buf;
  char tmp[8];
  for (size_t k = 0; k < a[1].as<List>()->size; ++k) {
    if (set_item(I, arr->tc, tmp, a[1].as<List>()->items[k]) < 0) return Value::error();
    buf.append(tmp, arr->itemsize);
  }
  if (replace_items(I, arr, arr->len, 0, buf.data(), buf.size() / arr->itemsize) < 0) return Value::error();
  return Value::none();
}

Value m_tounicode(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  if (no_args(I, "array.tounicode", n, kw) < 0) return Value::error();
  ArrayObj* arr = A(a[0]);
  if (arr->tc != 'u') return raise(I, I.rt.exc_ValueError, "tounicode() may only be called on unicode type arrays");
  std::string s;
  for (size_t k = 0; k < arr->len; ++k) {
    uint32_t cp = ld<uint32_t>(arr->data + k * 4);
    if (cp > 0x10FFFF)
      return raisef(I, I.rt.exc_ValueError, "character U+%x is not in range [U+0000; U+10ffff]", cp);
    utf8_append(s, cp);
  }
  return str_from_utf8(I, s);
}

Value m_fromunicode(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  if (one_arg(I, "array.fromunicode", n, kw) < 0) return Value::error();
  if (!is_str_value(a[1]))
    return raisef(I, I.rt.exc_TypeError, "fromunicode() argument must be str, not %s", arg_type_name(I, a[1]));
  if (A(a[0])->tc != 'u')
    return raise(I, I.rt.exc_ValueError, "fromunicode() may only be called on unicode type arrays");
  if (fromunicode(I, A(a[0]), as_str(a[1])) < 0) return Value::error();
  return Value::none();
}

Value m_buffer_info(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  if (no_args(I, "array.buffer_info", n, kw) < 0) return Value::error();
  // No real address is revealed: a stable number derived from the object's id.
  Value addr = int_from_u64(I, object_id(I, a[0]));
  Value len = int_from_i64(I, int64_t(A(a[0])->len));
  return tuple_pack(I, {addr, len});
}

Value m_copy(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  ArrayObj* src = A(a[0]);
  ArrayObj* r = new_like(I, a[0], 0);
  if (!r) return Value::error();
  if (src->len && replace_items(I, r, 0, 0, src->data, src->len) < 0) return Value::error();
  return Value::object(r);
}

Value m_sizeof(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  return int_from_i64(I, int64_t(sizeof(ArrayObj) + A(a[0])->cap));
}

Value m_reduce_ex(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  // (array, (typecode, list)) — enough for copy and a same-process pickle.
  ArrayObj* arr = A(a[0]);
  char tc[2] = {arr->tc, 0};
  Value tcv = str_value(I, tc);
  if (tcv.is_error()) return tcv;
  Value lst = m_tolist(I, a, 1, nullptr);
  if (lst.is_error()) return lst;
  Value args = tuple_pack(I, {tcv, lst});
  if (args.is_error()) return args;
  Value d = get_attr_opt(I, a[0], I.intern("__dict__"));
  if (d.is_error()) return d;
  if (d.is_null()) d = Value::none();
  return tuple_pack(I, {Value::object(a[0].as_object()->type_), args, d});
}

// Dunder methods (per-isolate types get no generated slot wrappers).
Value d_len(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  if (no_args(I, "__len__", n, kw) < 0) return Value::error();
  return int_from_i64(I, int64_t(A(a[0])->len));
}
Value d_getitem(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  if (one_arg(I, "__getitem__", n, kw) < 0) return Value::error();
  return array_getitem(I, a[0], a[1]);
}
Value d_setitem(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  if (check_no_kwargs(I, "__setitem__", kw) < 0 || check_nargs(I, "__setitem__", n - 1, 2, 2) < 0)
    return Value::error();
  return array_setitem(I, a[0], a[1], a[2]) < 0 ? Value::error() : Value::none();
}
Value d_delitem(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  if (one_arg(I, "__delitem__", n, kw) < 0) return Value::error();
  return array_setitem(I, a[0], a[1], Value::null()) < 0 ? Value::error() : Value::none();
}
Value d_contains(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  if (one_arg(I, "__contains__", n, kw) < 0) return Value::error();
  int r = array_contains(I, a[0], a[1]);
  return r < 0 ? Value::error() : Value::boolean(r);
}
Value d_iter(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  if (no_args(I, "__iter__", n, kw) < 0) return Value::error();
  return array_iter(I, a[0]);
}
Value d_repr(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  if (no_args(I, "__repr__", n, kw) < 0) return Value::error();
  return array_repr(I, a[0]);
}
Value d_add(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  if (one_arg(I, "__add__", n, kw) < 0) return Value::error();
  return array_add(I, a[0], a[1]);
}
Value d_iadd(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  if (one_arg(I, "__iadd__", n, kw) < 0) return Value::error();
  return array_iadd(I, a[0], a[1]);
}
Value d_mul(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  if (one_arg(I, "__mul__", n, kw) < 0) return Value::error();
  int64_t count;
  if (!index_i64(I, a[1], &count)) return Value::error();
  return array_mul(I, a[0], int_from_i64(I, count));
}
Value d_imul(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  if (one_arg(I, "__imul__", n, kw) < 0) return Value::error();
  int64_t count;
  if (!index_i64(I, a[1], &count)) return Value::error();
  return array_imul(I, a[0], int_from_i64(I, count));
}
template <CompareOp op>
Value d_cmp(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  if (check_no_kwargs(I, "comparison", kw) < 0 || check_nargs(I, "comparison", n - 1, 1, 1) < 0)
    return Value::error();
  return array_richcompare(I, a[0], a[1], op);
}

Value g_typecode(Isolate& I, Value self) {
  char tc[2] = {A(self)->tc, 0};
  return str_value(I, tc);
}

Value g_itemsize(Isolate&, Value self) { return Value::small_int(A(self)->itemsize); }

// The array's buffer (the type's buffer slot, inherited by subclasses).
bool array_buffer(Object* o, BufferInfo* out) {
  if (!is_array_type(o->type_)) return false;
  auto* a = static_cast<ArrayObj*>(o);
  out->data = a->data;
  out->len = a->len * a->itemsize;
  out->itemsize = a->itemsize;
  out->format = a->tc == 'u' ? 'w' : a->tc;  // CPython exports 'u' arrays as format 'w'
  out->readonly = false;
  out->exports = &a->exports;
  return true;
}

}  // namespace

int init_array_module(Isolate& I, Module* m) {
  Type* t = new_type(I, "array.array", "array", sizeof(ArrayObj));
  if (!t) return -1;
  t->flags |= kTypeBaseType;
  t->new_ = array_new;
  t->trace = array_trace;
  t->finalize = array_finalize;
  t->buffer = array_buffer;
  t->repr = array_repr;
  t->str = array_repr;
  t->hash = array_hash;
  t->richcompare = array_richcompare;
  t->len = array_len;
  t->getitem = array_getitem;
  t->setitem = array_setitem;
  t->contains = array_contains;
  t->iter = array_iter;
  t->nb[int(NbOp::Add)] = array_add;
  t->nb[int(NbOp::Mul)] = array_mul;
  t->nb_inplace[int(NbOp::Add)] = array_iadd;
  t->nb_inplace[int(NbOp::Mul)] = array_imul;
  struct M {
    const char* name;
    NativeFn fn;
  };
  static const M kMethods[] = {
      {"append", m_append},         {"extend", m_extend},       {"insert", m_insert},
      {"pop", m_pop},               {"remove", m_remove},       {"index", m_index},
      {"count", m_count},           {"reverse", m_reverse},     {"byteswap", m_byteswap},
      {"tobytes", m_tobytes},       {"frombytes", m_frombytes}, {"tolist", m_tolist},
      {"fromlist", m_fromlist},     {"tounicode", m_tounicode}, {"fromunicode", m_fromunicode},
      {"buffer_info", m_buffer_info}, {"__copy__", m_copy},     {"__deepcopy__", m_copy},
      {"__sizeof__", m_sizeof},     {"__reduce_ex__", m_reduce_ex},
      {"__len__", d_len},           {"__getitem__", d_getitem}, {"__setitem__", d_setitem},
      {"__delitem__", d_delitem},   {"__contains__", d_contains}, {"__iter__", d_iter},
      {"__repr__", d_repr},         {"__add__", d_add},         {"__iadd__", d_iadd},
      {"__mul__", d_mul},           {"__rmul__", d_mul},        {"__imul__", d_imul},
      {"__eq__", d_cmp<CompareOp::Eq>}, {"__ne__", d_cmp<CompareOp::Ne>}, {"__lt__", d_cmp<CompareOp::Lt>},
      {"__le__", d_cmp<CompareOp::Le>}, {"__gt__", d_cmp<CompareOp::Gt>}, {"__ge__", d_cmp<CompareOp::Ge>},
  };
  for (const M& d : kMethods)
    if (add_method(I, t, d.name, d.fn) < 0) return -1;
  if (add_getset(I, t, "typecode", g_typecode) < 0 || add_getset(I, t, "itemsize", g_itemsize) < 0) return -1;
  if (add_slot_wrappers(I, t) < 0) return -1;

  Type* it = new_type(I, "arrayiterator", "arrayiterator", sizeof(ArrayIter));
  if (!it) return -1;
  it->trace = aiter_trace;
  it->iter = aiter_self;
  it->next = aiter_next;
  if (add_method(I, it, "__iter__", m_aiter_iter) < 0 || add_method(I, it, "__next__", m_aiter_next) < 0) return -1;
  Str* key = I.intern("_iterator_type");
  if (!key || dict_set_str(I, t->dict, key, Value::object(it)) < 0) return -1;

  if (module_add_value(I, m, "array", Value::object(t)) < 0 || module_add_value(I, m, "ArrayType", Value::object(t)) < 0 ||
      module_add_value(I, m, "typecodes", str_value(I, kTypecodes)) < 0)
    return -1;
  return 0;
}

}  // namespace capy
