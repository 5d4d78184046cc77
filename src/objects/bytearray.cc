// bytearray: the mutable byte buffer. Shares its non-mutating methods with
// bytes (bytes.cc, add_shared_bytes_methods).
#include <cstring>
#include <string>

#include "objects/bytes.h"
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
#include "objects/unicode.h"
#include "vm/isolate.h"
#include "vm/runtime.h"

namespace capy {

namespace {

void bytearray_finalize(Isolate& I, Object* o) {
  ByteArray* b = static_cast<ByteArray*>(o);
  if (b->data) I.heap.free_raw(b->data, b->capacity);
  b->data = nullptr;
  b->size = b->capacity = 0;
}

inline ByteArray* BA(Value v) { return v.as<ByteArray>(); }

}  // namespace

bool is_bytearray_type(Type* t) {
  for (; t; t = t->base)
    if (t->finalize == &bytearray_finalize) return true;
  return false;
}

int bytearray_reserve(Isolate& I, ByteArray* b, size_t n) {
  if (n <= b->capacity) return 0;
  if (n > UINT32_MAX - 64) {
    raise_memory(I);
    return -1;
  }
  size_t cap = b->capacity + (b->capacity >> 1) + 8;
  if (cap < n) cap = n;
  void* p = b->data ? I.heap.realloc_raw(b->data, b->capacity, cap) : I.heap.alloc_raw(cap);
  if (!p) {
    raise_memory(I);
    return -1;
  }
  b->data = static_cast<char*>(p);
  b->capacity = cap;
  return 0;
}

int bytearray_append(Isolate& I, ByteArray* b, std::string_view data) {
  if (data.empty()) return 0;
  if (bytearray_check_resize(I, b) < 0) return -1;
  // data may point into b itself: copy when so.
  if (b->data && data.data() >= b->data && data.data() < b->data + b->capacity) {
    std::string tmp(data);
    return bytearray_append(I, b, tmp);
  }
  if (bytearray_reserve(I, b, b->size + data.size()) < 0) return -1;
  memcpy(b->data + b->size, data.data(), data.size());
  b->size += data.size();
  return 0;
}

ByteArray* bytearray_new(Isolate& I, std::string_view data) {
  ByteArray* b = static_cast<ByteArray*>(I.heap.alloc_object(I.rt.bytearray_type, sizeof(ByteArray)));
  if (!b) {
    raise_memory(I);
    return nullptr;
  }
  if (bytearray_append(I, b, data) < 0) return nullptr;
  return b;
}

namespace {

/// Replaces b[start, start+oldlen) by data (which must not alias b).
int replace_range(Isolate& I, ByteArray* b, size_t start, size_t oldlen, std::string_view data) {
  if (data.size() != oldlen && bytearray_check_resize(I, b) < 0) return -1;
  size_t newsize = b->size - oldlen + data.size();
  if (data.size() > oldlen && bytearray_reserve(I, b, newsize) < 0) return -1;
  size_t tail = b->size - start - oldlen;
  if (tail && data.size() != oldlen) memmove(b->data + start + data.size(), b->data + start + oldlen, tail);
  if (!data.empty()) memcpy(b->data + start, data.data(), data.size());
  b->size = newsize;
  return 0;
}

Value ba_repr(Isolate& I, Value self) {
  // A copy of the data and up to four characters per byte, in native buffers.
  if (too_big(I, uint64_t(bytes_view(self).size()) * 5 + 64)) return raise_memory(I);
  std::string out = type_name(I, self);
  out.push_back('(');
  std::string copy(bytes_view(self));
  bytes_repr_append(copy, out, true);
  out.push_back(')');
  return str_from_utf8(I, out);
}

int64_t ba_unhashable(Isolate& I, Value self) {
  raisef(I, I.rt.exc_TypeError, "unhashable type: '%s'", type_name(I, self));
  return -1;
}

Value ba_richcompare(Isolate& I, Value a, Value b, CompareOp op) {
  std::string_view av, bv;
  Value ka, kb;
  int r = bytes_like(I, a, &av, &ka);
  if (r < 0) return Value::error();
  if (r == 0) return Value::not_implemented();
  r = bytes_like(I, b, &bv, &kb);
  if (r < 0) return Value::error();
  if (r == 0) return Value::not_implemented();
  // Re-read: a memoryview conversion cannot run Python code, views are stable.
  return bytes_compare_views(av, bv, op);
}

int64_t ba_len(Isolate&, Value self) { return int64_t(BA(self)->size); }

Value ba_getitem(Isolate& I, Value self, Value key) {
  int64_t i;
  if (key.is_small_int()) {
    i = key.as_small_int();
  } else if (key.is_object() && key.as_object()->type_ == I.rt.slice_type) {
    int64_t start, stop, step, n;
    if (!slice_indices(I, key.as<Slice>(), int64_t(BA(self)->size), &start, &stop, &step, &n)) return Value::error();
    ByteArray* b = BA(self);
    std::string out;
    if (n > 0) {
      out.reserve(size_t(n));
      for (int64_t k = 0, j = start; k < n; ++k, j += step) out.push_back(b->data[j]);
    }
    ByteArray* r = bytearray_new(I, out);
    return r ? Value::object(r) : Value::error();
  } else {
    int r = seq_index_of(I, key, &i);
    if (r < 0) return Value::error();
    if (r == 0)
      return raisef(I, I.rt.exc_TypeError, "bytearray indices must be integers or slices, not %s", type_name(I, key));
  }
  ByteArray* b = BA(self);
  int64_t n = int64_t(b->size);
  if (i < 0) i += n;
  if (i < 0 || i >= n) return raise(I, I.rt.exc_IndexError, "bytearray index out of range");
  return Value::small_int(static_cast<unsigned char>(b->data[i]));
}

/// The bytes to assign to a slice (a copy): bytes-like or an iterable of ints.
bool assign_source(Isolate& I, Value v, std::string& out) {
  std::string_view view;
  Value keep;
  int r = bytes_like(I, v, &view, &keep);
  if (r < 0) return false;
  if (r > 0) {
    out.assign(view);
    return true;
  }
  Type* t = type_of(I, v);
  if (is_str_value(v) || v.is_small_int() || v.is_double() || is_int(I, v) || t->nb_index || t->nb_int ||
      t->nb_float || t == I.rt.complex_type) {
    raise(I, I.rt.exc_TypeError, "can assign only bytes, buffers, or iterables of ints in range(0, 256)");
    return false;
  }
  if (!(t->flags & (kTypeListSubclass | kTypeTupleSubclass)) && !t->iter && !t->getitem) {
    raisef(I, I.rt.exc_TypeError, "cannot convert '%s' object to bytearray", type_name(I, v));
    return false;
  }
  return bytes_from_iterable(I, v, out, "byte must be in range(0, 256)");
}

int ba_setitem(Isolate& I, Value self, Value key, Value value) {
  int64_t i;
  bool is_slice = key.is_object() && key.as_object()->type_ == I.rt.slice_type;
  if (!is_slice) {
    if (key.is_small_int()) {
      i = key.as_small_int();
    } else {
      int r = seq_index_of(I, key, &i);
      if (r < 0) return -1;
      if (r == 0) {
        raisef(I, I.rt.exc_TypeError, "bytearray indices must be integers or slices, not %s", type_name(I, key));
        return -1;
      }
    }
    uint8_t c = 0;
    if (!value.is_null() && !byte_value(I, value, &c)) return -1;
    ByteArray* b = BA(self);
    int64_t n = int64_t(b->size);
    if (i < 0) i += n;
    if (i < 0 || i >= n) {
      raise(I, I.rt.exc_IndexError, "bytearray index out of range");
      return -1;
    }
    if (value.is_null()) return replace_range(I, b, size_t(i), 1, {});
    b->data[i] = static_cast<char>(c);
    return 0;
  }
  std::string src;
  if (!value.is_null() && !assign_source(I, value, src)) return -1;
  ByteArray* b = BA(self);
  int64_t start, stop, step, n;
  if (!slice_indices(I, key.as<Slice>(), int64_t(b->size), &start, &stop, &step, &n)) return -1;
  if (step == 1) {
    if (stop < start) stop = start;
    return replace_range(I, b, size_t(start), size_t(stop - start), src);
  }
  if (value.is_null()) {
    if (n <= 0) return 0;
    if (bytearray_check_resize(I, b) < 0) return -1;
    // Delete the selected items, compacting in place.
    if (step < 0) {
      start = start + step * (n - 1);
      step = -step;
    }
    std::string keep;
    keep.reserve(b->size);
    for (size_t k = 0; k < b->size; ++k) {
      int64_t off = int64_t(k) - start;
      bool sel = off >= 0 && off % step == 0 && off / step < n;
      if (!sel) keep.push_back(b->data[k]);
    }
    memcpy(b->data, keep.data(), keep.size());
    b->size = keep.size();
    return 0;
  }
  if (int64_t(src.size()) != n) {
    raisef(I, I.rt.exc_ValueError, "attempt to assign bytes of size %zu to extended slice of size %lld", src.size(),
           static_cast<long long>(n));
    return -1;
  }
  for (int64_t k = 0, j = start; k < n; ++k, j += step) b->data[j] = src[size_t(k)];
  return 0;
}

int ba_contains(Isolate& I, Value self, Value item) { return bytes_contains_value(I, self, item); }

Value ba_iter(Isolate& I, Value self) { return bytes_iter_new(I, self); }

Value ba_add(Isolate& I, Value a, Value b) {
  if (!is_bytearray(a)) return Value::not_implemented();
  std::string_view bv;
  Value keep;
  int r = bytes_like(I, b, &bv, &keep);
  if (r < 0) return Value::error();
  if (r == 0) {
    Type* tb = type_of(I, b);
    if (tb->is_heap() && tb->nb[int(NbOp::Add)] && tb->nb[int(NbOp::Add)] != &ba_add) return Value::not_implemented();
    return raisef(I, I.rt.exc_TypeError, "can't concat %s to %s", type_name(I, b), type_name(I, a));
  }
  std::string out(bytes_view(a));
  out += bv;
  ByteArray* res = bytearray_new(I, out);
  return res ? Value::object(res) : Value::error();
}

Value ba_iadd(Isolate& I, Value a, Value b) {
  if (!is_bytearray(a)) return Value::not_implemented();
  std::string_view bv;
  Value keep;
  int r = bytes_like(I, b, &bv, &keep);
  if (r < 0) return Value::error();
  if (r == 0) return raisef(I, I.rt.exc_TypeError, "can't concat %s to %s", type_name(I, b), type_name(I, a));
  if (bytearray_append(I, BA(a), bv) < 0) return Value::error();
  return a;
}

bool repeat_into(Isolate& I, std::string_view s, int64_t n, std::string& out) {
  if (n <= 0 || s.empty()) return true;
  if (uint64_t(n) > (UINT32_MAX - 64) / s.size() || too_big(I, uint64_t(n) * s.size())) {
    raise_memory(I);
    return false;
  }
  out.reserve(size_t(n) * s.size());
  for (int64_t k = 0; k < n; ++k) out += s;
  return true;
}

Value ba_mul(Isolate& I, Value a, Value b) {
  Value seq = a, count = b;
  if (!is_bytearray(a)) {
    seq = b;
    count = a;
  }
  if (!is_bytearray(seq)) return Value::not_implemented();
  Type* tc = type_of(I, count);
  if (!count.is_small_int() && !is_int(I, count) && !tc->nb_index) {
    BinaryFn f = tc->nb[int(NbOp::Mul)];
    if (tc->is_heap() && f && f != &ba_mul) return Value::not_implemented();
  }
  int64_t n;
  if (!seq_repeat_count(I, count, &n)) return Value::error();
  std::string out;
  if (!repeat_into(I, bytes_view(seq), n, out)) return Value::error();
  ByteArray* r = bytearray_new(I, out);
  return r ? Value::object(r) : Value::error();
}

Value ba_imul(Isolate& I, Value a, Value b) {
  if (!is_bytearray(a)) return Value::not_implemented();
  int64_t n;
  if (!seq_repeat_count(I, b, &n)) return Value::error();
  std::string out;
  if (!repeat_into(I, bytes_view(a), n, out)) return Value::error();
  ByteArray* ba = BA(a);
  if (out.size() != ba->size && bytearray_check_resize(I, ba) < 0) return Value::error();
  ba->size = 0;
  if (bytearray_append(I, ba, out) < 0) return Value::error();
  return a;
}

Value ba_mod(Isolate& I, Value a, Value b) {
  if (!is_bytearray(a)) return Value::not_implemented();
  std::string fmt(bytes_view(a));
  return bytes_printf(I, fmt, b, true);
}

Value ba_new(Isolate& I, Type* type, const Value*, size_t, Tuple*) {
  Object* o = type == I.rt.bytearray_type ? I.heap.alloc_object(type, sizeof(ByteArray)) : alloc_instance(I, type, 0);
  if (!o) return type == I.rt.bytearray_type ? raise_memory(I) : Value::error();
  return Value::object(o);
}

int ba_init(Isolate& I, Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  size_t nkw = kwnames ? kwnames->size() : 0;
  static const char* const names[3] = {"source", "encoding", "errors"};
  Value p[3] = {Value::null(), Value::null(), Value::null()};
  if (nargs + nkw > 3) {
    raisef(I, I.rt.exc_TypeError, "bytearray() takes at most 3 arguments (%zu given)", nargs + nkw);
    return -1;
  }
  for (size_t i = 0; i < nargs; ++i) p[i] = args[i];
  for (size_t k = 0; k < nkw; ++k) {
    Str* name = as_str(kwnames->items[k]);
    int idx = -1;
    for (int j = 0; j < 3; ++j)
      if (name->view() == names[j]) idx = j;
    if (idx < 0) {
      raisef(I, I.rt.exc_TypeError, "'%s' is an invalid keyword argument for bytearray()", name->data);
      return -1;
    }
    if (!p[idx].is_null()) {
      raisef(I, I.rt.exc_TypeError, "argument for bytearray() given by name ('%s') and position (%d)", names[idx],
             idx + 1);
      return -1;
    }
    p[idx] = args[nargs + k];
  }
  for (int j = 1; j < 3; ++j) {
    if (!p[j].is_null() && !is_str_value(p[j])) {
      raisef(I, I.rt.exc_TypeError, "bytearray() argument '%s' must be str, not %s", names[j], arg_type_name(I, p[j]));
      return -1;
    }
  }
  Value x = p[0];
  std::string data;
  if (x.is_null()) {
    if (!p[1].is_null() || !p[2].is_null()) {
      raise(I, I.rt.exc_TypeError,
            !p[1].is_null() ? "encoding without a string argument" : "errors without a string argument");
      return -1;
    }
  } else if (!p[1].is_null()) {
    if (!is_str_value(x)) {
      raise(I, I.rt.exc_TypeError, "encoding without a string argument");
      return -1;
    }
    Value enc = codec_encode(I, as_str(x), as_str(p[1])->view(), p[2].is_null() ? "strict" : as_str(p[2])->view());
    if (enc.is_error()) return -1;
    data.assign(bytes_view(enc));
  } else if (!p[2].is_null()) {
    raise(I, I.rt.exc_TypeError,
          is_str_value(x) ? "string argument without an encoding" : "errors without a string argument");
    return -1;
  } else if (is_str_value(x)) {
    raise(I, I.rt.exc_TypeError, "string argument without an encoding");
    return -1;
  } else {
    bool done = false;
    if (x.is_small_int() || is_int(I, x) || type_of(I, x)->nb_index) {
      int64_t count;
      if (index_i64(I, x, &count)) {
        if (count < 0) {
          raise(I, I.rt.exc_ValueError, "negative count");
          return -1;
        }
        if (too_big(I, uint64_t(count))) {
          raise_memory(I);
          return -1;
        }
        data.assign(size_t(count), '\0');
        done = true;
      } else if (!pending_matches(I, I.rt.exc_TypeError)) {
        return -1;
      } else {
        I.pending = nullptr;
      }
    }
    if (!done) {
      std::string_view view;
      Value keep;
      int r = bytes_like(I, x, &view, &keep);
      if (r < 0) return -1;
      if (r > 0) {
        data.assign(view);
      } else {
        Type* t = type_of(I, x);
        if (!(t->flags & (kTypeListSubclass | kTypeTupleSubclass)) && !t->iter && !t->getitem) {
          raisef(I, I.rt.exc_TypeError, "cannot convert '%s' object to bytearray", type_name(I, x));
          return -1;
        }
        if (!bytes_from_iterable(I, x, data, "byte must be in range(0, 256)")) return -1;
      }
    }
  }
  ByteArray* b = BA(self);
  if ((b->size || !data.empty()) && bytearray_check_resize(I, b) < 0) return -1;
  b->size = 0;
  return bytearray_append(I, b, data);
}

// --- methods ---------------------------------------------------------------------------

Value m_append(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  if (arg_one(I, "bytearray.append", n - 1, kw) < 0) return Value::error();
  uint8_t c;
  if (!byte_value(I, a[1], &c)) return Value::error();
  char ch = static_cast<char>(c);
  if (bytearray_append(I, BA(a[0]), std::string_view(&ch, 1)) < 0) return Value::error();
  return Value::none();
}

Value m_extend(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  if (arg_one(I, "bytearray.extend", n - 1, kw) < 0) return Value::error();
  Value x = a[1];
  std::string_view view;
  Value keep;
  int r = bytes_like(I, x, &view, &keep);
  if (r < 0) return Value::error();
  std::string data;
  if (r > 0) {
    data.assign(view);
  } else {
    Type* t = type_of(I, x);
    if (!(t->flags & (kTypeListSubclass | kTypeTupleSubclass)) && !t->iter && !t->getitem)
      return raisef(I, I.rt.exc_TypeError, "can't extend bytearray with %s", type_name(I, x));
    if (!bytes_from_iterable(I, x, data, "byte must be in range(0, 256)")) return Value::error();
  }
  if (bytearray_append(I, BA(a[0]), data) < 0) return Value::error();
  return Value::none();
}

Value m_insert(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  if (arg_range(I, "bytearray.insert", "insert", n - 1, 2, 2, kw) < 0) return Value::error();
  int64_t idx;
  if (!index_i64(I, a[1], &idx)) return Value::error();
  uint8_t c;
  if (!byte_value(I, a[2], &c)) return Value::error();
  ByteArray* b = BA(a[0]);
  int64_t size = int64_t(b->size);
  if (idx < 0) {
    idx += size;
    if (idx < 0) idx = 0;
  }
  if (idx > size) idx = size;
  char ch = static_cast<char>(c);
  if (replace_range(I, b, size_t(idx), 0, std::string_view(&ch, 1)) < 0) return Value::error();
  return Value::none();
}

Value m_pop(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  if (arg_range(I, "bytearray.pop", "pop", n - 1, 0, 1, kw) < 0) return Value::error();
  int64_t idx = -1;
  if (n > 1 && !index_i64(I, a[1], &idx)) return Value::error();
  ByteArray* b = BA(a[0]);
  if (b->size == 0) return raise(I, I.rt.exc_IndexError, "pop from empty bytearray");
  int64_t size = int64_t(b->size);
  if (idx < 0) idx += size;
  if (idx < 0 || idx >= size) return raise(I, I.rt.exc_IndexError, "pop index out of range");
  unsigned char c = static_cast<unsigned char>(b->data[idx]);
  if (replace_range(I, b, size_t(idx), 1, {}) < 0) return Value::error();
  return Value::small_int(c);
}

Value m_remove(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  if (arg_one(I, "bytearray.remove", n - 1, kw) < 0) return Value::error();
  uint8_t c;
  if (!byte_value(I, a[1], &c)) return Value::error();
  ByteArray* b = BA(a[0]);
  const void* f = b->size ? memchr(b->data, c, b->size) : nullptr;
  if (!f) return raise(I, I.rt.exc_ValueError, "value not found in bytearray");
  if (replace_range(I, b, size_t(static_cast<const char*>(f) - b->data), 1, {}) < 0) return Value::error();
  return Value::none();
}

Value m_reverse(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  if (arg_none(I, "bytearray.reverse", n - 1, kw) < 0) return Value::error();
  ByteArray* b = BA(a[0]);
  for (size_t i = 0, j = b->size; i + 1 < j; ++i, --j) std::swap(b->data[i], b->data[j - 1]);
  return Value::none();
}

Value m_clear(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  if (arg_none(I, "bytearray.clear", n - 1, kw) < 0) return Value::error();
  if (BA(a[0])->size && bytearray_check_resize(I, BA(a[0])) < 0) return Value::error();
  BA(a[0])->size = 0;
  return Value::none();
}

Value m_copy(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  if (arg_none(I, "bytearray.copy", n - 1, kw) < 0) return Value::error();
  ByteArray* r = bytearray_new(I, bytes_view(a[0]));
  return r ? Value::object(r) : Value::error();
}

Value m_alloc(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  if (arg_none(I, "bytearray.__alloc__", n - 1, kw) < 0) return Value::error();
  ByteArray* b = BA(a[0]);
  return Value::small_int(int64_t(b->capacity ? b->capacity + 1 : 0));
}

Value m_sizeof(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  if (arg_none(I, "bytearray.__sizeof__", n - 1, kw) < 0) return Value::error();
  return Value::small_int(int64_t(sizeof(ByteArray) + BA(a[0])->capacity));
}

}  // namespace

void init_bytearray_type(Runtime& rt) {
  Type* t = rt.bytearray_type;
  t->basicsize = sizeof(ByteArray);
  t->flags |= kTypeBaseType;
  t->repr = ba_repr;
  t->str = ba_repr;
  t->hash = ba_unhashable;
  t->richcompare = ba_richcompare;
  t->len = ba_len;
  t->getitem = ba_getitem;
  t->setitem = ba_setitem;
  t->contains = ba_contains;
  t->iter = ba_iter;
  t->nb[int(NbOp::Add)] = ba_add;
  t->nb[int(NbOp::Mul)] = ba_mul;
  t->nb[int(NbOp::Mod)] = ba_mod;
  t->nb_inplace[int(NbOp::Add)] = ba_iadd;
  t->nb_inplace[int(NbOp::Mul)] = ba_imul;
  t->new_ = ba_new;
  t->init = ba_init;
  t->finalize = bytearray_finalize;
  add_shared_bytes_methods(rt, t);
  init_memoryview_type(rt);  // memoryview's type (memoryview.cc) is set up with bytearray's
  add_methods(rt, t, {
      {"append", m_append},
      {"clear", m_clear},
      {"copy", m_copy},
      {"extend", m_extend},
      {"insert", m_insert},
      {"pop", m_pop},
      {"remove", m_remove},
      {"reverse", m_reverse},
      {"__alloc__", m_alloc},
      {"__sizeof__", m_sizeof},
  });
}

}  // namespace capy
