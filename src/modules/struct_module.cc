// struct: conversion between Python values and C structs packed in bytes
// (CPython 3.11's _struct with its error messages). The per-isolate state
// (struct.error, the Struct and unpack_iterator types) lives in a state
// object bound to the module's functions.
#include <cmath>
#include <cstring>
#include <string>
#include <vector>

#include "modules/registry.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/exception.h"
#include "objects/float.h"
#include "objects/function.h"
#include "objects/int.h"
#include "objects/iterators.h"
#include "objects/memoryview.h"
#include "objects/misc.h"
#include "objects/native.h"
#include "objects/ops.h"
#include "objects/str.h"
#include "objects/str_impl.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "vm/eval.h"
#include "vm/isolate.h"
#include "vm/runtime.h"

namespace capy {

namespace {

// --- per-isolate state and types -------------------------------------------------------

struct StructState : Object {
  Type* error;        // struct.error
  Type* struct_type;  // struct.Struct
  Type* iter_type;    // unpack_iterator
};

void state_trace(Object* o, Tracer& t) {
  auto* s = static_cast<StructState*>(o);
  t.visit(s->error);
  t.visit(s->struct_type);
  t.visit(s->iter_type);
}

struct StructObj : Object {
  StructState* state;
  Str* format;        // the format as given (str), nullptr before __init__
  int64_t size;
  int64_t nitems;     // values pack() takes
};

void struct_trace(Object* o, Tracer& t) {
  auto* s = static_cast<StructObj*>(o);
  t.visit(s->state);
  t.visit(s->format);
}

struct UnpackIter : Object {
  Value st;       // the StructObj
  Value data;     // bytes: the buffer's contents when the iterator was made
  int64_t pos;
};

void uiter_trace(Object* o, Tracer& t) {
  auto* u = static_cast<UnpackIter*>(o);
  t.visit(u->st);
  t.visit(u->data);
}

/// A per-isolate native type; tp_name is "module.Name" as CPython's tp_name.
Type* new_type(Isolate& I, const char* tp_name, const char* module, uint32_t basicsize, TraceFn trace) {
  const char* dot = std::strrchr(tp_name, '.');
  return isolate_type_new(I, tp_name, dot ? dot + 1 : tp_name, module, basicsize, trace);
}

Value struct_error(Isolate& I, StructState* st, const char* fmt, ...) __attribute__((format(printf, 3, 4)));
Value struct_error(Isolate& I, StructState* st, const char* fmt, ...) {
  char buf[256];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  return raise(I, st->error, buf);
}

// --- format parsing -----------------------------------------------------------------

struct Code {
  char c;
  uint32_t size;    // of one item (for 's'/'p': 1)
  int64_t count;    // repeat count (for 's'/'p': the length)
  int64_t offset;   // of the first item
};

/// A parsed format (small formats need no allocation).
struct Layout {
  char mode = '@';
  int64_t size = 0;
  int64_t nitems = 0;
  size_t n = 0;
  Code small[16];
  std::vector<Code> big;
  Code* codes() { return big.empty() ? small : big.data(); }
  void push(const Code& c) {
    if (n < 16 && big.empty()) {
      small[n++] = c;
      return;
    }
    if (big.empty()) big.assign(small, small + n);
    big.push_back(c);
    ++n;
  }
};

uint32_t std_size(char c) {
  switch (c) {
    case 'x': case 'c': case 'b': case 'B': case '?': case 's': case 'p': return 1;
    case 'h': case 'H': case 'e': return 2;
    case 'i': case 'I': case 'l': case 'L': case 'f': return 4;
    case 'q': case 'Q': case 'd': return 8;
    default: return 0;
  }
}

uint32_t nat_size(char c) {
  switch (c) {
    case 'x': case 's': case 'p': return 1;
    default: return native_format_size(c);
  }
}

/// Parses a format (str or bytes). false with struct.error / TypeError set.
bool parse_format(Isolate& I, StructState* st, std::string_view f, Layout* L) {
  size_t i = 0;
  if (!f.empty() && (f[0] == '@' || f[0] == '=' || f[0] == '<' || f[0] == '>' || f[0] == '!')) {
    L->mode = f[0] == '!' ? '>' : f[0];
    i = 1;
  }
  bool native = L->mode == '@';
  int64_t size = 0, nitems = 0;
  const int64_t kMax = INT64_MAX / 2;
  while (i < f.size()) {
    char c = f[i++];
    if (c == ' ' || (c >= '\t' && c <= '\r')) continue;
    int64_t num = 1;
    if (c >= '0' && c <= '9') {
      num = c - '0';
      for (;;) {
        if (i >= f.size()) {
          struct_error(I, st, "repeat count given without format specifier");
          return false;
        }
        c = f[i++];
        if (c < '0' || c > '9') break;
        if (num > (kMax - (c - '0')) / 10) {
          struct_error(I, st, "total struct size too long");
          return false;
        }
        num = num * 10 + (c - '0');
      }
    }
    uint32_t isz = native ? nat_size(c) : std_size(c);
    if (isz == 0 || c == '\0') {
      struct_error(I, st, "bad char in struct format");
      return false;
    }
    if (native && isz > 1) size = (size + isz - 1) / isz * isz;  // alignment
    Code code{c, isz, num, size};
    if (c == 's' || c == 'p') {
      if (num > kMax - size) {
        struct_error(I, st, "total struct size too long");
        return false;
      }
      size += num;
      ++nitems;
      L->push(code);
      continue;
    }
    if (num > (kMax - size) / isz) {
      struct_error(I, st, "total struct size too long");
      return false;
    }
    size += num * isz;
    if (c != 'x') nitems += num;
    if (num > 0) L->push(code);
  }
  L->size = size;
  L->nitems = nitems;
  return true;
}

/// The format argument (str or bytes) as text; TypeError with the message of Struct().
bool format_text(Isolate& I, Value fmt, std::string_view* out) {
  if (is_str_value(fmt)) {
    *out = as_str(fmt)->view();
    return true;
  }
  if (is_bytes(fmt)) {
    *out = bytes_view(fmt);
    return true;
  }
  raisef(I, I.rt.exc_TypeError, "Struct() argument 1 must be a str or bytes object, not %s", arg_type_name(I, fmt));
  return false;
}

// --- packing ----------------------------------------------------------------------------

void put_uint(char* p, uint64_t v, uint32_t size, bool little) {
  for (uint32_t k = 0; k < size; ++k) {
    unsigned char b = static_cast<unsigned char>(v >> (8 * k));
    p[little ? k : size - 1 - k] = static_cast<char>(b);
  }
}

uint64_t get_uint(const char* p, uint32_t size, bool little) {
  uint64_t v = 0;
  for (uint32_t k = 0; k < size; ++k) {
    unsigned char b = static_cast<unsigned char>(p[little ? k : size - 1 - k]);
    v |= uint64_t(b) << (8 * k);
  }
  return v;
}

/// IEEE half precision packing (CPython's PyFloat_Pack2). false: OverflowError set.
bool pack_half(Isolate& I, double x, uint16_t* out) {
  int sign = 0, e;
  unsigned short bits;
  if (x == 0.0) {
    sign = std::signbit(x) ? 1 : 0;
    e = 0;
    bits = 0;
  } else if (std::isinf(x)) {
    sign = x < 0.0;
    e = 0x1f;
    bits = 0;
  } else if (std::isnan(x)) {
    sign = std::signbit(x) ? 1 : 0;
    e = 0x1f;
    bits = 512;
  } else {
    sign = x < 0.0;
    if (sign) x = -x;
    double f = std::frexp(x, &e);
    f *= 2.0;
    e--;
    if (e >= 16) {
      raise(I, I.rt.exc_OverflowError, "float too large to pack with e format");
      return false;
    } else if (e < -25) {
      f = 0.0;
      e = 0;
    } else if (e < -14) {
      f = std::ldexp(f, 14 + e);
      e = 0;
    } else {
      e += 15;
      f -= 1.0;
    }
    f *= 1024.0;
    bits = static_cast<unsigned short>(f);
    if ((f - bits > 0.5) || ((f - bits == 0.5) && (bits % 2 == 1))) {
      ++bits;
      if (bits == 1024) {
        bits = 0;
        ++e;
        if (e == 31) {
          raise(I, I.rt.exc_OverflowError, "float too large to pack with e format");
          return false;
        }
      }
    }
  }
  *out = static_cast<uint16_t>(bits | (e << 10) | (sign << 15));
  return true;
}

double unpack_half(uint16_t h) {
  int sign = h >> 15;
  int e = (h >> 10) & 0x1f;
  int m = h & 0x3ff;
  double x;
  if (e == 0) x = std::ldexp(double(m), -24);
  else if (e == 0x1f) x = m ? NAN : INFINITY;
  else x = std::ldexp(double(m + 1024), e - 25);
  return sign ? -x : x;
}

/// Integer argument of an integer format: 1 ok (*s/*u and fits flags set), -1 error.
int int_arg(Isolate& I, StructState* st, Value v, int64_t* s, bool* fits_s, uint64_t* u, bool* fits_u) {
  Value iv;
  if (v.is_small_int()) {
    iv = v;
  } else if (is_int(I, v)) {
    iv = int_unwrap(I, v);
  } else if (type_of(I, v)->nb_index) {
    iv = index(I, v);
    if (iv.is_error()) return -1;
    iv = int_unwrap(I, iv);
  } else {
    struct_error(I, st, "required argument is not an integer");
    return -1;
  }
  *fits_s = int_to_i64(iv, s);
  *fits_u = false;
  if (*fits_s) {
    *fits_u = *s >= 0;
    *u = uint64_t(*s);
  } else {
    mpz_t z;
    mpz_init(z);
    int_to_mpz(iv, z);
    if (mpz_sgn(z) > 0 && mpz_sizeinbase(z, 2) <= 64) {
      *fits_u = true;
      uint64_t w = 0;
      size_t cnt = 0;
      mpz_export(&w, &cnt, -1, sizeof w, 0, 0, z);
      *u = w;
    }
    mpz_clear(z);
  }
  return 1;
}

constexpr bool kLittleHost = std::endian::native == std::endian::little;

/// Packs one value of code c at p. 0 or -1.
int pack_one(Isolate& I, StructState* st, char mode, char c, uint32_t size, char* p, Value v) {
  bool little = mode == '<' || (mode != '>' && kLittleHost);
  switch (c) {
    case '?': {
      int t = truthy(I, v);
      if (t < 0) return -1;
      *p = char(t);
      return 0;
    }
    case 'c': {
      if (!is_bytes(v) || bytes_view(v).size() != 1) {
        struct_error(I, st, "char format requires a bytes object of length 1");
        return -1;
      }
      *p = bytes_view(v)[0];
      return 0;
    }
    case 'e': case 'f': case 'd': {
      double d;
      if (v.is_double()) {
        d = v.as_double();
      } else if (!to_double(I, v, &d)) {
        if (pending_matches(I, I.rt.exc_TypeError) || pending_matches(I, I.rt.exc_OverflowError)) {
          I.pending = nullptr;
          struct_error(I, st, "required argument is not a float");
        }
        return -1;
      }
      if (c == 'e') {
        uint16_t h;
        if (!pack_half(I, d, &h)) return -1;
        put_uint(p, h, 2, little);
        return 0;
      }
      if (c == 'f') {
        float y = static_cast<float>(d);
        if (mode != '@' && std::isinf(y) && !std::isinf(d)) {
          raise(I, I.rt.exc_OverflowError, "float too large to pack with f format");
          return -1;
        }
        uint32_t b;
        std::memcpy(&b, &y, 4);
        put_uint(p, b, 4, little);
        return 0;
      }
      uint64_t b;
      std::memcpy(&b, &d, 8);
      put_uint(p, b, 8, little);
      return 0;
    }
    default: break;
  }
  int64_t s = 0;
  uint64_t u = 0;
  bool fs, fu;
  if (int_arg(I, st, v, &s, &fs, &u, &fu) < 0) return -1;
  bool native_like = mode == '@' || ((mode == '<' || mode == '=') && kLittleHost && std::strchr("hHiIqQ", c));
  auto out_of_range = [&]() {
    struct_error(I, st, "argument out of range");
    return -1;
  };
  switch (c) {
    case 'b':
      if (!fs) return out_of_range();
      if (s < -128 || s > 127) {
        struct_error(I, st, "byte format requires -128 <= number <= 127");
        return -1;
      }
      *p = char(s);
      return 0;
    case 'B':
      if (!fs) return out_of_range();
      if (s < 0 || s > 255) {
        struct_error(I, st, "ubyte format requires 0 <= number <= 255");
        return -1;
      }
      *p = char(s);
      return 0;
    case 'P':
      if (!fs && !fu) {
        struct_error(I, st, "int too large to convert");
        return -1;
      }
      put_uint(p, fs ? uint64_t(s) : u, size, little);
      return 0;
    default: break;
  }
  bool is_signed = c == 'h' || c == 'i' || c == 'l' || c == 'q' || c == 'n';
  if (native_like) {
    if (c == 'h' || c == 'H') {
      if (!fs) return out_of_range();
      if (c == 'h' ? (s < -32768 || s > 32767) : (s < 0 || s > 65535)) {
        struct_error(I, st, c == 'h' ? "short format requires -32768 <= number <= 32767"
                                     : "ushort format requires 0 <= number <= 65535");
        return -1;
      }
    } else if (is_signed) {
      if (!fs) return out_of_range();
      if (size == 4 && (s < INT32_MIN || s > INT32_MAX)) {
        struct_error(I, st, "'%c' format requires -2147483648 <= number <= 2147483647", c);
        return -1;
      }
    } else {
      if (!fu) return out_of_range();
      if (size == 4 && u > 0xFFFFFFFFu) {
        struct_error(I, st, "'%c' format requires 0 <= number <= 4294967295", c);
        return -1;
      }
    }
    put_uint(p, is_signed ? uint64_t(s) : u, size, little);
    return 0;
  }
  // Standard sizes in a non-native byte order.
  if (size == 8) {
    if (is_signed ? !fs : !fu) {
      struct_error(I, st, "int too large to convert");
      return -1;
    }
    put_uint(p, is_signed ? uint64_t(s) : u, 8, little);
    return 0;
  }
  if (is_signed) {
    if (!fs) return out_of_range();
    int64_t largest = (int64_t(1) << (8 * size - 1)) - 1;
    if (s < -largest - 1 || s > largest) {
      struct_error(I, st, "'%c' format requires %lld <= number <= %lld", c, static_cast<long long>(-largest - 1),
                   static_cast<long long>(largest));
      return -1;
    }
    put_uint(p, uint64_t(s), size, little);
  } else {
    if (!fu) return out_of_range();
    uint64_t largest = (uint64_t(1) << (8 * size)) - 1;
    if (u > largest) {
      struct_error(I, st, "'%c' format requires 0 <= number <= %llu", c, static_cast<unsigned long long>(largest));
      return -1;
    }
    put_uint(p, u, size, little);
  }
  return 0;
}

/// Packs values into out (L.size bytes, zeroed). 0 or -1.
int pack_values(Isolate& I, StructState* st, Layout& L, const Value* vals, char* out) {
  size_t k = 0;
  Code* codes = L.codes();
  for (size_t i = 0; i < L.n; ++i) {
    const Code& cd = codes[i];
    char* p = out + cd.offset;
    if (cd.c == 'x') continue;
    if (cd.c == 's' || cd.c == 'p') {
      Value v = vals[k++];
      if (!is_bytes(v) && !is_bytearray(v)) {
        struct_error(I, st, "argument for '%c' must be a bytes object", cd.c);
        return -1;
      }
      std::string_view b = bytes_view(v);
      if (cd.c == 's') {
        size_t n = b.size() < size_t(cd.count) ? b.size() : size_t(cd.count);
        if (n) std::memcpy(p, b.data(), n);
      } else if (cd.count > 0) {
        size_t n = b.size() < size_t(cd.count - 1) ? b.size() : size_t(cd.count - 1);
        if (n > 255) n = 255;
        if (n) std::memcpy(p + 1, b.data(), n);
        *p = static_cast<char>(n);
      }
      continue;
    }
    for (int64_t r = 0; r < cd.count; ++r)
      if (pack_one(I, st, L.mode, cd.c, cd.size, p + r * cd.size, vals[k++]) < 0) return -1;
  }
  return 0;
}

Value unpack_one(Isolate& I, char mode, char c, uint32_t size, const char* p) {
  bool little = mode == '<' || (mode != '>' && kLittleHost);
  switch (c) {
    case 'c': return bytes_value(I, std::string_view(p, 1));
    case '?': return Value::boolean(*p != 0);
    case 'b': return Value::small_int(static_cast<signed char>(*p));
    case 'B': return Value::small_int(static_cast<unsigned char>(*p));
    case 'e': return Value::from_double(unpack_half(static_cast<uint16_t>(get_uint(p, 2, little))));
    case 'f': {
      uint32_t b = static_cast<uint32_t>(get_uint(p, 4, little));
      float f;
      std::memcpy(&f, &b, 4);
      return Value::from_double(f);
    }
    case 'd': {
      uint64_t b = get_uint(p, 8, little);
      double d;
      std::memcpy(&d, &b, 8);
      return Value::from_double(d);
    }
    default: break;
  }
  uint64_t u = get_uint(p, size, little);
  bool is_signed = c == 'h' || c == 'i' || c == 'l' || c == 'q' || c == 'n';
  if (is_signed) {
    int64_t s = size == 8 ? int64_t(u) : int64_t(u << (64 - 8 * size)) >> (64 - 8 * size);
    return int_from_i64(I, s);
  }
  return int_from_u64(I, u);
}

Value unpack_values(Isolate& I, Layout& L, const char* data) {
  Tuple* t = tuple_new(I, size_t(L.nitems));
  if (!t) return Value::error();
  size_t k = 0;
  Code* codes = L.codes();
  for (size_t i = 0; i < L.n; ++i) {
    const Code& cd = codes[i];
    const char* p = data + cd.offset;
    if (cd.c == 'x') continue;
    if (cd.c == 's' || cd.c == 'p') {
      size_t n = size_t(cd.count);
      if (cd.c == 'p') {
        size_t len = cd.count > 0 ? static_cast<unsigned char>(*p) : 0;
        if (cd.count > 0 && len >= size_t(cd.count)) len = size_t(cd.count - 1);
        Value b = bytes_value(I, std::string_view(cd.count > 0 ? p + 1 : p, len));
        if (b.is_error()) return b;
        t->items[k++] = b;
        continue;
      }
      Value b = bytes_value(I, std::string_view(p, n));
      if (b.is_error()) return b;
      t->items[k++] = b;
      continue;
    }
    for (int64_t r = 0; r < cd.count; ++r) {
      Value v = unpack_one(I, L.mode, cd.c, cd.size, p + r * cd.size);
      if (v.is_error()) return v;
      t->items[k++] = v;
    }
  }
  return Value::object(t);
}

// --- buffer arguments ---------------------------------------------------------------

/// A readable buffer: bytes-like data. false with TypeError set.
bool read_buffer(Isolate& I, Value v, std::string_view* out, std::string* scratch) {
  int r = buffer_bytes(I, v, out, scratch);
  if (r < 0) return false;
  if (r == 0) {
    raisef(I, I.rt.exc_TypeError, "a bytes-like object is required, not '%s'", type_name(I, v));
    return false;
  }
  if (!scratch->empty() && out->data() == scratch->data()) {
    raise(I, I.rt.exc_BufferError, "memoryview: underlying buffer is not C-contiguous");
    return false;
  }
  return true;
}

/// A writable contiguous buffer (bytearray, array, writable contiguous memoryview).
bool write_buffer(Isolate& I, Value v, char** data, size_t* len) {
  BufferInfo b;
  if (buffer_of_exporter(v, &b)) {
    if (!b.readonly) {
      *data = b.data;
      *len = b.len;
      return true;
    }
  } else if (v.is_object() && is_subtype(v.as_object()->type_, I.rt.memoryview_type)) {
    auto* m = v.as<MemoryView>();
    if (m->released) {
      raise(I, I.rt.exc_ValueError, "operation forbidden on released memoryview object");
      return false;
    }
    std::string_view view;
    std::string scratch;
    if (!m->readonly) {
      int r = buffer_bytes(I, v, &view, &scratch);
      if (r < 0) return false;
      if (view.data() != scratch.data() || scratch.empty()) {
        *data = const_cast<char*>(view.data());
        *len = view.size();
        return true;
      }
      raise(I, I.rt.exc_BufferError, "memoryview: underlying buffer is not C-contiguous");
      return false;
    }
  } else {
    raisef(I, I.rt.exc_TypeError, "argument must be read-write bytes-like object, not %s", type_name(I, v));
    return false;
  }
  raisef(I, I.rt.exc_TypeError, "argument must be read-write bytes-like object, not %s", type_name(I, v));
  return false;
}

// --- the operations (shared by the module functions and Struct methods) --------------

Value do_pack(Isolate& I, StructState* st, std::string_view fmt, const Value* vals, size_t n) {
  Layout L;
  if (!parse_format(I, st, fmt, &L)) return Value::error();
  if (int64_t(n) != L.nitems)
    return struct_error(I, st, "pack expected %lld items for packing (got %zu)", static_cast<long long>(L.nitems), n);
  Bytes* b = bytes_alloc(I, size_t(L.size));
  if (!b) return Value::error();
  if (pack_values(I, st, L, vals, b->data) < 0) return Value::error();
  return Value::object(b);
}

Value do_pack_into(Isolate& I, StructState* st, std::string_view fmt, const Value* args, size_t n) {
  Layout L;
  if (!parse_format(I, st, fmt, &L)) return Value::error();
  if (int64_t(n) != L.nitems + 2) {
    if (n == 0) return struct_error(I, st, "pack_into expected buffer argument");
    if (n == 1) return struct_error(I, st, "pack_into expected offset argument");
    return struct_error(I, st, "pack_into expected %lld items for packing (got %zu)",
                        static_cast<long long>(L.nitems), n - 2);
  }
  char* data;
  size_t len;
  if (!write_buffer(I, args[0], &data, &len)) return Value::error();
  int64_t offset;
  if (!index_i64(I, args[1], &offset)) return Value::error();
  int64_t blen = int64_t(len);
  if (offset < 0) {
    if (offset + L.size > 0)
      return struct_error(I, st, "no space to pack %lld bytes at offset %lld", static_cast<long long>(L.size),
                          static_cast<long long>(offset));
    if (offset + blen < 0)
      return struct_error(I, st, "offset %lld out of range for %lld-byte buffer", static_cast<long long>(offset),
                          static_cast<long long>(blen));
    offset += blen;
  }
  if (blen - offset < L.size)
    return struct_error(I, st,
                        "pack_into requires a buffer of at least %llu bytes for packing %lld bytes at offset %lld "
                        "(actual buffer size is %lld)",
                        static_cast<unsigned long long>(L.size + offset), static_cast<long long>(L.size),
                        static_cast<long long>(offset), static_cast<long long>(blen));
  // Pack into a temporary (packing may run Python code), then copy into the
  // buffer re-read afterwards.
  std::string tmp(size_t(L.size), '\0');
  if (pack_values(I, st, L, args + 2, tmp.data()) < 0) return Value::error();
  if (!write_buffer(I, args[0], &data, &len)) return Value::error();
  if (int64_t(len) < offset + L.size) return raise(I, I.rt.exc_ValueError, "buffer size changed during pack_into");
  if (!tmp.empty()) std::memcpy(data + offset, tmp.data(), tmp.size());
  return Value::none();
}

Value do_unpack(Isolate& I, StructState* st, std::string_view fmt, Value buffer) {
  Layout L;
  if (!parse_format(I, st, fmt, &L)) return Value::error();
  std::string_view data;
  std::string scratch;
  if (!read_buffer(I, buffer, &data, &scratch)) return Value::error();
  if (int64_t(data.size()) != L.size)
    return struct_error(I, st, "unpack requires a buffer of %lld bytes", static_cast<long long>(L.size));
  return unpack_values(I, L, data.data());
}

Value do_unpack_from(Isolate& I, StructState* st, std::string_view fmt, Value buffer, Value off) {
  Layout L;
  if (!parse_format(I, st, fmt, &L)) return Value::error();
  std::string_view data;
  std::string scratch;
  if (!read_buffer(I, buffer, &data, &scratch)) return Value::error();
  int64_t offset = 0;
  if (!off.is_null() && !index_i64(I, off, &offset)) return Value::error();
  int64_t blen = int64_t(data.size());
  if (offset < 0) {
    if (offset + blen < 0)
      return struct_error(I, st, "offset %lld out of range for %lld-byte buffer", static_cast<long long>(offset),
                          static_cast<long long>(blen));
    if (offset + L.size > 0)
      return struct_error(I, st, "not enough data to unpack %lld bytes at offset %lld", static_cast<long long>(L.size),
                          static_cast<long long>(offset));
    offset += blen;
  }
  if (blen - offset < L.size)
    return struct_error(I, st,
                        "unpack_from requires a buffer of at least %llu bytes for unpacking %lld bytes at offset %lld "
                        "(actual buffer size is %lld)",
                        static_cast<unsigned long long>(L.size + offset), static_cast<long long>(L.size),
                        static_cast<long long>(offset), static_cast<long long>(blen));
  return unpack_values(I, L, data.data() + offset);
}

Value new_struct(Isolate& I, StructState* st, Type* type, Value fmt);

Value do_iter_unpack(Isolate& I, StructState* st, Value sobj, Value buffer) {
  auto* so = sobj.as<StructObj>();
  if (so->size == 0) return struct_error(I, st, "cannot iteratively unpack with a struct of length 0");
  std::string_view data;
  std::string scratch;
  if (!read_buffer(I, buffer, &data, &scratch)) return Value::error();
  if (int64_t(data.size()) % so->size != 0)
    return struct_error(I, st, "iterative unpacking requires a buffer of a multiple of %lld bytes",
                        static_cast<long long>(so->size));
  auto* it = static_cast<UnpackIter*>(I.heap.alloc_object(st->iter_type, sizeof(UnpackIter)));
  if (!it) return raise_memory(I);
  it->st = sobj;
  it->data = (buffer.is_object() && buffer.as_object()->type_ == I.rt.bytes_type) ? buffer : bytes_value(I, data);
  if (it->data.is_error()) return Value::error();
  return Value::object(it);
}

// --- module functions (self: the state object) ---------------------------------------------

StructState* S(Value v) { return v.as<StructState>(); }

Value f_pack(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  if (check_no_kwargs(I, "pack", kw) < 0) return Value::error();
  if (n < 2) return raisef(I, I.rt.exc_TypeError, "pack expected at least 1 argument, got %zu", n - 1);
  std::string_view f;
  if (!format_text(I, a[1], &f)) return Value::error();
  return do_pack(I, S(a[0]), f, a + 2, n - 2);
}

Value f_pack_into(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  if (check_no_kwargs(I, "pack_into", kw) < 0) return Value::error();
  if (n < 2) return raisef(I, I.rt.exc_TypeError, "pack_into expected at least 1 argument, got %zu", n - 1);
  std::string_view f;
  if (!format_text(I, a[1], &f)) return Value::error();
  return do_pack_into(I, S(a[0]), f, a + 2, n - 2);
}

Value f_unpack(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  if (check_no_kwargs(I, "unpack", kw) < 0 || check_nargs(I, "unpack", n - 1, 2, 2) < 0) return Value::error();
  std::string_view f;
  if (!format_text(I, a[1], &f)) return Value::error();
  return do_unpack(I, S(a[0]), f, a[2]);
}

Value f_unpack_from(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  Value p[3];
  if (bind_args(I, "unpack_from", a + 1, n - 1, kw, {"format", "buffer", "offset"}, 1, 3, 2, p) < 0)
    return Value::error();
  std::string_view f;
  if (!format_text(I, p[0], &f)) return Value::error();
  return do_unpack_from(I, S(a[0]), f, p[1], p[2]);
}

Value f_iter_unpack(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  if (check_no_kwargs(I, "iter_unpack", kw) < 0 || check_nargs(I, "iter_unpack", n - 1, 2, 2) < 0)
    return Value::error();
  Value s = new_struct(I, S(a[0]), S(a[0])->struct_type, a[1]);
  if (s.is_error()) return s;
  return do_iter_unpack(I, S(a[0]), s, a[2]);
}

Value f_calcsize(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  if (check_no_kwargs(I, "calcsize", kw) < 0 || check_nargs(I, "calcsize", n - 1, 1, 1) < 0) return Value::error();
  std::string_view f;
  if (!format_text(I, a[1], &f)) return Value::error();
  Layout L;
  if (!parse_format(I, S(a[0]), f, &L)) return Value::error();
  return int_from_i64(I, L.size);
}

// --- Struct ---------------------------------------------------------------------------------

/// The state of a Struct object's module, found through its type's MRO.
StructState* state_of_type(Isolate& I, Type* t) {
  Str* key = I.intern("_struct_state");
  if (!key) return nullptr;
  // From the native Struct type itself (immutable to the guest): a subclass
  // may define its own `_struct_state`, which is no module state.
  while (t->is_heap() && t->base) t = t->base;
  Value v = dict_get_str(t->dict, key);
  return v.is_object() ? v.as<StructState>() : nullptr;
}

int init_struct_obj(Isolate& I, StructObj* so, StructState* st, Value fmt) {
  std::string_view f;
  if (!format_text(I, fmt, &f)) return -1;
  Layout L;
  if (!parse_format(I, st, f, &L)) return -1;
  Value fs = is_str_value(fmt) ? fmt : str_from_utf8(I, f);
  if (fs.is_error()) return -1;
  so->state = st;
  so->format = as_str(fs);
  so->size = L.size;
  so->nitems = L.nitems;
  return 0;
}

Value new_struct(Isolate& I, StructState* st, Type* type, Value fmt) {
  Object* o = type == st->struct_type ? I.heap.alloc_object(type, sizeof(StructObj)) : alloc_instance(I, type, 0);
  if (!o) return type == st->struct_type ? raise_memory(I) : Value::error();
  auto* so = static_cast<StructObj*>(o);
  so->state = st;
  if (init_struct_obj(I, so, st, fmt) < 0) return Value::error();
  return Value::object(so);
}

Value struct_new(Isolate& I, Type* type, const Value* args, size_t nargs, Tuple* kw) {
  StructState* st = state_of_type(I, type);
  if (!st) return raise(I, I.rt.exc_TypeError, "Struct: no module state");
  Value fmt;
  size_t nkw = kw ? kw->size() : 0;
  if (nargs + nkw == 0) return raise(I, I.rt.exc_TypeError, "Struct() missing required argument 'format' (pos 1)");
  if (bind_args(I, "Struct", args, nargs, kw, {"format"}, 0, 1, 1, &fmt) < 0) return Value::error();
  return new_struct(I, st, type, fmt);
}


StructObj* SO(Isolate& I, Value v) {
  auto* so = v.as<StructObj>();
  if (!so->format) {
    raise(I, I.rt.exc_ValueError, "Struct object is not initialized");
    return nullptr;
  }
  return so;
}

Value s_pack(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  if (check_no_kwargs(I, "pack", kw) < 0) return Value::error();
  StructObj* so = SO(I, a[0]);
  if (!so) return Value::error();
  return do_pack(I, so->state, so->format->view(), a + 1, n - 1);
}

Value s_pack_into(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  if (check_no_kwargs(I, "pack_into", kw) < 0) return Value::error();
  StructObj* so = SO(I, a[0]);
  if (!so) return Value::error();
  return do_pack_into(I, so->state, so->format->view(), a + 1, n - 1);
}

Value s_unpack(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  if (check_no_kwargs(I, "unpack", kw) < 0 || check_nargs(I, "unpack", n - 1, 1, 1) < 0) return Value::error();
  StructObj* so = SO(I, a[0]);
  if (!so) return Value::error();
  return do_unpack(I, so->state, so->format->view(), a[1]);
}

Value s_unpack_from(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  Value p[2];
  if (bind_args(I, "unpack_from", a + 1, n - 1, kw, {"buffer", "offset"}, 0, 2, 1, p) < 0) return Value::error();
  StructObj* so = SO(I, a[0]);
  if (!so) return Value::error();
  return do_unpack_from(I, so->state, so->format->view(), p[0], p[1]);
}

Value s_iter_unpack(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  if (check_no_kwargs(I, "iter_unpack", kw) < 0 || check_nargs(I, "iter_unpack", n - 1, 1, 1) < 0)
    return Value::error();
  StructObj* so = SO(I, a[0]);
  if (!so) return Value::error();
  return do_iter_unpack(I, so->state, a[0], a[1]);
}

Value s_format(Isolate& I, Value self) {
  StructObj* so = SO(I, self);
  return so ? Value::object(so->format) : Value::error();
}

Value s_size(Isolate& I, Value self) {
  StructObj* so = SO(I, self);
  return so ? int_from_i64(I, so->size) : Value::error();
}

Value s_sizeof(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  StructObj* so = SO(I, a[0]);
  return so ? int_from_i64(I, int64_t(sizeof(StructObj)) + so->nitems * int64_t(sizeof(Code))) : Value::error();
}

// --- unpack_iterator ---------------------------------------------------------------------

Value ui_next(Isolate& I, Value self) {
  auto* it = static_cast<UnpackIter*>(self.as_object());
  if (!it->data.is_object() || !it->st.is_object()) return Value::null();
  auto* so = it->st.as<StructObj>();
  std::string_view data = bytes_view(it->data);
  if (it->pos + so->size > int64_t(data.size())) {
    it->data = Value::null();
    return Value::null();
  }
  Layout L;
  if (!parse_format(I, so->state, so->format->view(), &L)) return Value::error();
  Value r = unpack_values(I, L, data.data() + it->pos);
  if (!r.is_error()) it->pos += so->size;
  return r;
}

Value ui_iter(Isolate&, Value self) { return self; }

Value m_ui_iter(Isolate&, const Value* a, size_t, Tuple*) { return a[0]; }

Value m_ui_next(Isolate& I, const Value* a, size_t, Tuple*) {
  Value r = ui_next(I, a[0]);
  if (r.is_null()) return raise_value(I, Value::object(I.rt.exc_StopIteration));
  return r;
}

Value m_ui_length_hint(Isolate& I, const Value* a, size_t, Tuple*) {
  auto* it = static_cast<UnpackIter*>(a[0].as_object());
  if (!it->data.is_object() || !it->st.is_object()) return Value::small_int(0);
  int64_t size = it->st.as<StructObj>()->size;
  return int_from_i64(I, (int64_t(bytes_view(it->data).size()) - it->pos) / size);
}

const char kStructSource[] = R"PY(
class error(Exception):
    pass
)PY";

}  // namespace

int init_struct_module(Isolate& I, Module* m) {
  Type* state_t = new_type(I, "struct._StructState", "struct", sizeof(StructState), state_trace);
  if (!state_t) return -1;
  auto* st = static_cast<StructState*>(I.heap.alloc_object(state_t, sizeof(StructState)));
  if (!st) {
    raise_memory(I);
    return -1;
  }
  Value r = run_module_source(I, m, "<capy>/struct.py", kStructSource);
  if (r.is_error()) return -1;
  Str* en = I.intern("error");
  if (!en) return -1;
  Value err = dict_get_str(m->dict, en);
  if (!err.is_object()) return -1;
  st->error = err.as<Type>();

  Type* t = new_type(I, "_struct.Struct", "_struct", sizeof(StructObj), struct_trace);
  if (!t) return -1;
  t->flags |= kTypeBaseType;
  t->new_ = struct_new;
  st->struct_type = t;
  if (add_method(I, t, "pack", s_pack) < 0 || add_method(I, t, "pack_into", s_pack_into) < 0 ||
      add_method(I, t, "unpack", s_unpack) < 0 || add_method(I, t, "unpack_from", s_unpack_from) < 0 ||
      add_method(I, t, "iter_unpack", s_iter_unpack) < 0 || add_method(I, t, "__sizeof__", s_sizeof) < 0 ||
      add_getset(I, t, "format", s_format) < 0 || add_getset(I, t, "size", s_size) < 0)
    return -1;
  Str* sk = I.intern("_struct_state");
  if (add_slot_wrappers(I, t) < 0) return -1;
  if (!sk || dict_set_str(I, t->dict, sk, Value::object(st)) < 0) return -1;

  Type* it = new_type(I, "_struct.unpack_iterator", "_struct", sizeof(UnpackIter), uiter_trace);
  if (!it) return -1;
  it->iter = ui_iter;
  it->next = ui_next;
  st->iter_type = it;
  if (add_method(I, it, "__iter__", m_ui_iter) < 0 || add_method(I, it, "__next__", m_ui_next) < 0 ||
      add_method(I, it, "__length_hint__", m_ui_length_hint) < 0)
    return -1;

  struct Fn {
    const char* name;
    NativeFn fn;
  };
  static const Fn kFns[] = {{"pack", f_pack},       {"pack_into", f_pack_into},     {"unpack", f_unpack},
                            {"unpack_from", f_unpack_from}, {"iter_unpack", f_iter_unpack}, {"calcsize", f_calcsize}};
  for (const Fn& f : kFns) {
    Str* n = I.intern(f.name);
    if (!n) return -1;
    Value fv = builtin_function_new(I, n, f.fn, Value::object(st));
    if (fv.is_error() || module_add_value(I, m, f.name, fv) < 0) return -1;
  }
  if (module_add_value(I, m, "Struct", Value::object(t)) < 0) return -1;
  return 0;
}

}  // namespace capy
