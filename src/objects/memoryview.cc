// memoryview: typed, shaped views of the memory of bytes, bytearray and
// array.array (CPython's Objects/memoryobject.c, for C-contiguous exporters
// with up to kMaxViewDims dimensions), and the buffer helpers of memoryview.h.
#include "objects/memoryview.h"

#include <cstring>
#include <string>

#include "objects/bytes.h"
#include "objects/float.h"
#include "objects/function.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/misc.h"
#include "objects/native.h"
#include "objects/ops.h"
#include "objects/str.h"
#include "objects/str_impl.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "gc/heap.h"
#include "vm/isolate.h"
#include "vm/runtime.h"

namespace capy {

namespace {

constexpr const char* kReleasedMsg = "operation forbidden on released memoryview object";

inline MemoryView* MV(Value v) { return v.as<MemoryView>(); }

bool is_memoryview(Isolate& I, Value v) { return v.is_object() && is_subtype(v.as_object()->type_, I.rt.memoryview_type); }

bool is_byte_format(char f) { return f == 'B' || f == 'b' || f == 'c'; }

}  // namespace

// ============================================================================
// Native item formats
// ============================================================================

uint32_t native_format_size(char fmt) {
  switch (fmt) {
    case 'c': case 'b': case 'B': case '?': return 1;
    case 'h': case 'H': case 'e': return 2;
    case 'i': case 'I': return sizeof(int);
    case 'l': case 'L': return sizeof(long);
    case 'q': case 'Q': return sizeof(long long);
    case 'n': case 'N': return sizeof(size_t);
    case 'f': return sizeof(float);
    case 'd': return sizeof(double);
    case 'P': return sizeof(void*);
    default: return 0;
  }
}

namespace {
template <class T>
T load(const char* p) {
  T v;
  std::memcpy(&v, p, sizeof v);
  return v;
}
template <class T>
void store(char* p, T v) {
  std::memcpy(p, &v, sizeof v);
}
}  // namespace

Value unpack_native_item(Isolate& I, char fmt, const char* p) {
  switch (fmt) {
    case 'B': return Value::small_int(static_cast<unsigned char>(*p));
    case 'b': return Value::small_int(static_cast<signed char>(*p));
    case 'c': return bytes_value(I, std::string_view(p, 1));
    case '?': return Value::boolean(*p != 0);
    case 'h': return Value::small_int(load<short>(p));
    case 'H': return Value::small_int(load<unsigned short>(p));
    case 'i': return Value::small_int(load<int>(p));
    case 'I': return int_from_u64(I, load<unsigned int>(p));
    case 'l': return int_from_i64(I, load<long>(p));
    case 'L': return int_from_u64(I, load<unsigned long>(p));
    case 'q': return int_from_i64(I, load<long long>(p));
    case 'Q': return int_from_u64(I, load<unsigned long long>(p));
    case 'n': return int_from_i64(I, int64_t(load<ptrdiff_t>(p)));
    case 'N': return int_from_u64(I, load<size_t>(p));
    case 'P': return int_from_u64(I, uint64_t(load<uintptr_t>(p)));
    case 'f': return Value::from_double(load<float>(p));
    case 'd': return Value::from_double(load<double>(p));
    default:
      return raisef(I, I.rt.exc_NotImplementedError, "memoryview: format %c not supported", fmt);
  }
}

namespace {

/// memoryview's item packing (CPython pack_single): TypeError "invalid type",
/// ValueError "invalid value". 0 or -1.
int pack_item(Isolate& I, char fmt, char* p, Value v) {
  auto bad_type = [&]() {
    raisef(I, I.rt.exc_TypeError, "memoryview: invalid type for format '%c'", fmt);
    return -1;
  };
  auto bad_value = [&]() {
    raisef(I, I.rt.exc_ValueError, "memoryview: invalid value for format '%c'", fmt);
    return -1;
  };
  switch (fmt) {
    case 'c': {
      if (!is_bytes(v)) return bad_type();
      std::string_view b = bytes_view(v);
      if (b.size() != 1) return bad_value();
      *p = b[0];
      return 0;
    }
    case '?': {
      int t = truthy(I, v);
      if (t < 0) return -1;
      *p = char(t);
      return 0;
    }
    case 'f':
    case 'd': {
      double d;
      if (v.is_double()) {
        d = v.as_double();
      } else if (!to_double(I, v, &d)) {
        if (pending_matches(I, I.rt.exc_TypeError)) {
          I.pending = nullptr;
          return bad_type();
        }
        if (pending_matches(I, I.rt.exc_OverflowError) || pending_matches(I, I.rt.exc_ValueError)) {
          I.pending = nullptr;
          return bad_value();
        }
        return -1;
      }
      if (fmt == 'f') store<float>(p, static_cast<float>(d));
      else store<double>(p, d);
      return 0;
    }
    default: break;
  }
  Value iv = v.is_small_int() ? v : index(I, v);
  if (iv.is_error()) {
    if (pending_matches(I, I.rt.exc_TypeError)) {
      I.pending = nullptr;
      return bad_type();
    }
    return -1;
  }
  iv = int_unwrap(I, iv);
  int64_t s = 0;
  uint64_t u = 0;
  bool fits_s = int_to_i64(iv, &s);
  bool fits_u = false;
  if (fits_s) {
    fits_u = s >= 0;
    u = uint64_t(s);
  } else {
    mpz_t z;
    mpz_init(z);
    int_to_mpz(iv, z);
    if (mpz_sgn(z) > 0 && mpz_sizeinbase(z, 2) <= 64) {
      fits_u = true;
      u = 0;
      size_t count = 0;
      mpz_export(&u, &count, -1, sizeof u, 0, 0, z);
    }
    mpz_clear(z);
  }
  auto srange = [&](int64_t lo, int64_t hi) { return fits_s && s >= lo && s <= hi; };
  auto urange = [&](uint64_t hi) { return fits_u && u <= hi; };
  switch (fmt) {
    case 'B': if (!urange(0xFF)) return bad_value(); *p = char(u); return 0;
    case 'b': if (!srange(-128, 127)) return bad_value(); *p = char(s); return 0;
    case 'h': if (!srange(-32768, 32767)) return bad_value(); store<short>(p, short(s)); return 0;
    case 'H': if (!urange(0xFFFF)) return bad_value(); store<unsigned short>(p, (unsigned short)u); return 0;
    case 'i': if (!srange(INT32_MIN, INT32_MAX)) return bad_value(); store<int>(p, int(s)); return 0;
    case 'I': if (!urange(0xFFFFFFFFu)) return bad_value(); store<unsigned>(p, unsigned(u)); return 0;
    case 'l': case 'q': case 'n':
      if (!fits_s) return bad_value();
      store<int64_t>(p, s);
      return 0;
    case 'L': case 'Q': case 'N': case 'P':
      if (!fits_u) return bad_value();
      store<uint64_t>(p, u);
      return 0;
    default:
      raisef(I, I.rt.exc_NotImplementedError, "memoryview: format %c not supported", fmt);
      return -1;
  }
}

}  // namespace

// ============================================================================
// Buffers
// ============================================================================

bool buffer_of_exporter(Value v, BufferInfo* out) {
  if (!v.is_object()) return false;
  Object* o = v.as_object();
  BufferFn f = o->type_->buffer;
  return f && f(o, out);
}

namespace {

bool bytes_buffer(Object* o, BufferInfo* out) {
  Bytes* b = static_cast<Bytes*>(o);
  out->data = b->data;
  out->len = b->size();
  out->itemsize = 1;
  out->format = 'B';
  out->readonly = true;
  out->exports = nullptr;
  return true;
}

bool bytearray_buffer(Object* o, BufferInfo* out) {
  ByteArray* b = static_cast<ByteArray*>(o);
  out->data = b->data;
  out->len = b->size;
  out->itemsize = 1;
  out->format = 'B';
  out->readonly = false;
  out->exports = &o->aux_;
  return true;
}

/// Gives back the exports of the views on `exports` that the guest can no
/// longer reach. Views dropped without release() are only finalized by a
/// later collection, and the conservative scan of the native stack may keep
/// one alive through a stale word for long; so reachability is decided here
/// from the isolate's precise roots alone (frames, modules, objects). The
/// interpreter creates views only for guest code, which holds them in
/// precisely traced places. A view wrongly judged dead stays memory-safe:
/// every access re-reads the exporter's buffer and checks its bounds.
void drop_unreachable_exports(Isolate& I, uint32_t* exports) {
  Tracer t;
  I.trace_roots(t);
  t.drain();
  Type* mvt = I.rt.memoryview_type;
  for (Object* o = I.heap.all_objects(); o; o = o->gc_next_) {
    bool marked = o->gc_bits_ & kGcMarked;
    o->gc_bits_ &= ~kGcMarked;
    if (marked || o->type_ != mvt) continue;
    auto* m = static_cast<MemoryView*>(o);
    BufferInfo b;
    if (m->counted && buffer_of_exporter(m->obj, &b) && b.exports == exports) {
      m->counted = 0;
      if (*exports) --*exports;
    }
  }
}

}  // namespace

int buffer_check_resize(Isolate& I, uint32_t* exports, const char* msg) {
  if (*exports == 0) return 0;
  drop_unreachable_exports(I, exports);
  if (*exports == 0) return 0;
  raise(I, I.rt.exc_BufferError, msg);
  return -1;
}

int bytearray_check_resize(Isolate& I, Object* bytearray) {
  return buffer_check_resize(I, &bytearray->aux_, "Existing exports of data: object cannot be re-sized");
}

namespace {

/// Pointer to item [0,...,0] of a live view (checked against the exporter's
/// current size), or nullptr with an exception set.
char* view_base(Isolate& I, MemoryView* m) {
  if (m->released) {
    raise(I, I.rt.exc_ValueError, kReleasedMsg);
    return nullptr;
  }
  BufferInfo b;
  if (!buffer_of_exporter(m->obj, &b) || m->offset + m->lo < 0 || uint64_t(m->offset + m->extent) > b.len) {
    raise(I, I.rt.exc_ValueError, "memoryview: the underlying buffer is no longer valid");
    return nullptr;
  }
  // An empty exporter may have no memory at all (b.len is 0, so the view
  // touches no byte): any non-null pointer serves.
  if (!b.data) return reinterpret_cast<char*>(m);
  return b.data + m->offset;
}

bool check_released(Isolate& I, MemoryView* m) {
  if (m->released) {
    raise(I, I.rt.exc_ValueError, kReleasedMsg);
    return false;
  }
  return true;
}

/// Recomputes nbytes and the touched byte range from shape and strides.
void compute_extent(MemoryView* m) {
  int64_t n = 1;
  int64_t lo = 0, hi = m->itemsize;
  for (int d = 0; d < m->ndim; ++d) {
    n *= m->shape[d];
    if (m->shape[d] == 0) {
      lo = hi = 0;
      continue;
    }
    int64_t span = (m->shape[d] - 1) * m->strides[d];
    if (span < 0) lo += span;
    else hi += span;
  }
  m->nbytes = n * m->itemsize;
  if (m->nbytes == 0) lo = hi = 0;
  m->lo = lo;
  m->extent = hi;
}

bool is_c_contiguous(const MemoryView* m) {
  if (m->nbytes == 0) return true;
  int64_t expect = m->itemsize;
  for (int d = m->ndim - 1; d >= 0; --d) {
    if (m->shape[d] != 1 && m->strides[d] != expect) return false;
    expect *= m->shape[d];
  }
  return true;
}

bool is_f_contiguous(const MemoryView* m) {
  if (m->nbytes == 0) return true;
  int64_t expect = m->itemsize;
  for (int d = 0; d < m->ndim; ++d) {
    if (m->shape[d] != 1 && m->strides[d] != expect) return false;
    expect *= m->shape[d];
  }
  return true;
}

MemoryView* alloc_view(Isolate& I, Type* type) {
  auto* m = static_cast<MemoryView*>(I.heap.alloc_object(type, type->basicsize));
  if (!m) raise_memory(I);
  if (m) m->hash = -1;
  return m;
}

/// Takes one export of the exporter (when it counts exports).
void take_export(MemoryView* m) {
  BufferInfo b;
  if (buffer_of_exporter(m->obj, &b) && b.exports) {
    ++*b.exports;
    m->counted = 1;
  }
}

void give_export(MemoryView* m) {
  if (!m->counted) return;
  m->counted = 0;
  BufferInfo b;
  if (buffer_of_exporter(m->obj, &b) && b.exports && *b.exports) --*b.exports;
}

/// A new view with the same layout as src (memoryview(mv), slices start from this).
MemoryView* copy_view(Isolate& I, MemoryView* src) {
  MemoryView* m = alloc_view(I, I.rt.memoryview_type);
  if (!m) return nullptr;
  m->obj = src->obj;
  m->offset = src->offset;
  m->nbytes = src->nbytes;
  m->extent = src->extent;
  m->lo = src->lo;
  std::memcpy(m->shape, src->shape, sizeof m->shape);
  std::memcpy(m->strides, src->strides, sizeof m->strides);
  m->itemsize = src->itemsize;
  m->ndim = src->ndim;
  m->format = src->format;
  m->readonly = src->readonly;
  take_export(m);
  return m;
}

Value view_of_exporter(Isolate& I, Type* type, Value obj, const BufferInfo& b) {
  MemoryView* m = alloc_view(I, type);
  if (!m) return Value::error();
  m->obj = obj;
  m->itemsize = b.itemsize;
  m->format = b.format;
  m->readonly = b.readonly;
  m->ndim = 1;
  m->shape[0] = int64_t(b.len / b.itemsize);
  m->strides[0] = b.itemsize;
  compute_extent(m);
  take_export(m);
  return Value::object(m);
}

// --- visiting items in C order ------------------------------------------------------

/// Calls f(pointer) for every item in C (row-major) or Fortran order.
template <class F>
bool for_each_item(const MemoryView* m, char* base, bool fortran, F&& f) {
  if (m->nbytes == 0) return true;
  if (m->ndim == 0) return f(base);
  int64_t idx[kMaxViewDims] = {};
  int nd = m->ndim;
  for (;;) {
    char* p = base;
    for (int d = 0; d < nd; ++d) p += idx[d] * m->strides[d];
    if (!f(p)) return false;
    int d = fortran ? 0 : nd - 1;
    for (;;) {
      if (++idx[d] < m->shape[d]) break;
      idx[d] = 0;
      if (fortran) {
        if (++d == nd) return true;
      } else {
        if (--d < 0) return true;
      }
    }
  }
}

bool copy_out(const MemoryView* m, char* base, std::string& out, bool fortran = false) {
  out.reserve(out.size() + size_t(m->nbytes));
  if (!fortran && is_c_contiguous(m) && m->ndim <= 1 && (m->ndim == 0 || m->strides[0] > 0)) {
    out.append(base, size_t(m->nbytes));
    return true;
  }
  return for_each_item(m, base, fortran, [&](char* p) {
    out.append(p, m->itemsize);
    return true;
  });
}

}  // namespace

int buffer_bytes(Isolate& I, Value v, std::string_view* out, std::string* scratch) {
  BufferInfo b;
  if (buffer_of_exporter(v, &b)) {
    *out = std::string_view(b.data ? b.data : "", b.len);
    return 1;
  }
  if (!is_memoryview(I, v)) return 0;
  MemoryView* m = MV(v);
  char* base = view_base(I, m);
  if (!base) return -1;
  if (is_c_contiguous(m) && (m->ndim == 0 || m->strides[m->ndim - 1] > 0 || m->nbytes <= m->itemsize)) {
    *out = std::string_view(base, size_t(m->nbytes));  // C-contiguous, positive strides: starts at base
    return 1;
  }
  scratch->clear();
  copy_out(m, base, *scratch);
  *out = *scratch;
  return 1;
}

namespace {

// ============================================================================
// memoryview slots
// ============================================================================

Value mv_new(Isolate& I, Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  Value obj;
  if (bind_args(I, "memoryview", args, nargs, kwnames, {"object"}, 0, 1, 1, &obj) < 0) return Value::error();
  if (is_memoryview(I, obj)) {
    MemoryView* src = MV(obj);
    if (!check_released(I, src)) return Value::error();
    MemoryView* m = copy_view(I, src);
    if (!m) return Value::error();
    if (type != I.rt.memoryview_type) m->type_ = type;
    return Value::object(m);
  }
  BufferInfo b;
  if (!buffer_of_exporter(obj, &b))
    return raisef(I, I.rt.exc_TypeError, "memoryview: a bytes-like object is required, not '%s'", type_name(I, obj));
  return view_of_exporter(I, type, obj, b);
}

void mv_trace(Object* o, Tracer& t) { t.visit(static_cast<MemoryView*>(o)->obj); }

// The collector finalizes every dead object before freeing any, so the
// exporter is still allocated here even when it is garbage too.
void mv_finalize(Isolate&, Object* o) { give_export(static_cast<MemoryView*>(o)); }

Value mv_repr(Isolate& I, Value self) {
  char buf[64];
  snprintf(buf, sizeof buf, "<%smemory at %#llx>", MV(self)->released ? "released " : "",
           static_cast<unsigned long long>(object_id(I, self)));
  return str_value(I, buf);
}

int64_t mv_len(Isolate& I, Value self) {
  MemoryView* m = MV(self);
  if (!check_released(I, m)) return -1;
  if (m->ndim == 0) {
    raise(I, I.rt.exc_TypeError, "0-dim memory has no length");
    return -1;
  }
  return m->shape[0];
}

int64_t mv_hash(Isolate& I, Value self) {
  MemoryView* m = MV(self);
  if (m->hash != -1) return m->hash;
  if (!check_released(I, m)) return -1;
  if (!m->readonly) {
    raise(I, I.rt.exc_ValueError, "cannot hash writable memoryview object");
    return -1;
  }
  if (!is_byte_format(m->format)) {
    raise(I, I.rt.exc_ValueError, "memoryview: hashing is restricted to formats 'B', 'b' or 'c'");
    return -1;
  }
  char* base = view_base(I, m);
  if (!base) return -1;
  std::string data;
  copy_out(m, base, data);
  m->hash = hash_bytes(data.data(), data.size());
  return m->hash;
}

/// Reads an index argument (IndexError for huge values, as CPython). 1 ok, 0 not an index.
int index_arg(Isolate& I, Value key, int64_t* out) {
  if (key.is_small_int()) {
    *out = key.as_small_int();
    return 1;
  }
  if (key.is_bool()) {
    *out = key.as_bool();
    return 1;
  }
  Type* t = type_of(I, key);
  if (!is_int(I, key) && !t->nb_index) return 0;
  Value iv = index(I, key);
  if (iv.is_error()) return -1;
  if (!int_to_i64(int_unwrap(I, iv), out)) {
    raisef(I, I.rt.exc_IndexError, "cannot fit '%s' into an index-sized integer", type_name(I, key));
    return -1;
  }
  return 1;
}

/// Pointer to the item at idx along dimension `dim` (IndexError when out of range).
bool item_offset(Isolate& I, MemoryView* m, int dim, int64_t idx, int64_t* off) {
  int64_t n = m->shape[dim];
  if (idx < 0) idx += n;
  if (idx < 0 || idx >= n) {
    raisef(I, I.rt.exc_IndexError, "index out of bounds on dimension %d", dim + 1);
    return false;
  }
  *off += idx * m->strides[dim];
  return true;
}

/// Resolves a tuple of indices to an item pointer. 1 ok, 0 not all ints, -1 error.
int tuple_item(Isolate& I, MemoryView* m, Tuple* key, char* base, char** out) {
  size_t n = key->size();
  int64_t off = 0;
  for (size_t i = 0; i < n; ++i) {
    int64_t idx;
    int r = index_arg(I, key->items[i], &idx);
    if (r <= 0) return r;
  }
  if (n < m->ndim) {
    raise(I, I.rt.exc_NotImplementedError, "sub-views are not implemented");
    return -1;
  }
  if (n > m->ndim) {
    raisef(I, I.rt.exc_TypeError, "cannot index %d-dimension view with %zu-element tuple", int(m->ndim), n);
    return -1;
  }
  for (size_t i = 0; i < n; ++i) {
    int64_t idx;
    index_arg(I, key->items[i], &idx);
    if (!item_offset(I, m, int(i), idx, &off)) return -1;
  }
  *out = base + off;
  return 1;
}

bool is_slice(Isolate& I, Value v) { return v.is_object() && v.as_object()->type_ == I.rt.slice_type; }

Value mv_getitem(Isolate& I, Value self, Value key) {
  MemoryView* m = MV(self);
  char* base = view_base(I, m);
  if (!base) return Value::error();
  if (m->ndim == 0) {
    if (key.is_ellipsis()) return self;
    if (key.is_object() && key.as_object()->type_ == I.rt.tuple_type && key.as<Tuple>()->size() == 0)
      return unpack_native_item(I, m->format, base);
    return raise(I, I.rt.exc_TypeError, "invalid indexing of 0-dim memory");
  }
  int64_t idx;
  int r = index_arg(I, key, &idx);
  if (r < 0) return Value::error();
  if (r > 0) {
    if (m->ndim != 1) return raise(I, I.rt.exc_NotImplementedError, "multi-dimensional sub-views are not implemented");
    int64_t off = 0;
    if (!item_offset(I, m, 0, idx, &off)) return Value::error();
    return unpack_native_item(I, m->format, base + off);
  }
  if (is_slice(I, key)) {
    int64_t start, stop, step, n;
    if (!slice_indices(I, key.as<Slice>(), m->shape[0], &start, &stop, &step, &n)) return Value::error();
    MemoryView* v = copy_view(I, m);
    if (!v) return Value::error();
    v->offset += start * m->strides[0];
    v->shape[0] = n;
    v->strides[0] = m->strides[0] * step;
    compute_extent(v);
    return Value::object(v);
  }
  if (key.is_ellipsis()) return self;
  if (key.is_object() && (key.as_object()->type_->flags & kTypeTupleSubclass)) {
    Tuple* t = key.as<Tuple>();
    char* p;
    int tr = tuple_item(I, m, t, base, &p);
    if (tr < 0) return Value::error();
    if (tr > 0) return unpack_native_item(I, m->format, p);
    bool all_slices = true;
    for (size_t i = 0; i < t->size(); ++i)
      if (!is_slice(I, t->items[i])) all_slices = false;
    if (all_slices) return raise(I, I.rt.exc_NotImplementedError, "multi-dimensional slicing is not implemented");
  }
  return raise(I, I.rt.exc_TypeError, "memoryview: invalid slice key");
}

/// Describes any buffer (exporter or memoryview) as a view for comparisons and copies.
/// 1 ok, 0 not a buffer, -1 error.
int as_view(Isolate& I, Value v, MemoryView* tmp, MemoryView** out, char** base) {
  if (is_memoryview(I, v)) {
    *out = MV(v);
    *base = view_base(I, *out);
    return *base ? 1 : -1;
  }
  BufferInfo b;
  if (!buffer_of_exporter(v, &b)) return 0;
  std::memset(static_cast<void*>(tmp), 0, sizeof *tmp);
  tmp->obj = v;
  tmp->itemsize = b.itemsize;
  tmp->format = b.format;
  tmp->readonly = b.readonly;
  tmp->ndim = 1;
  tmp->shape[0] = int64_t(b.len / b.itemsize);
  tmp->strides[0] = b.itemsize;
  compute_extent(tmp);
  *out = tmp;
  *base = b.data;
  return 1;
}

int mv_setitem(Isolate& I, Value self, Value key, Value value) {
  MemoryView* m = MV(self);
  if (!check_released(I, m)) return -1;
  if (m->readonly) {
    raise(I, I.rt.exc_TypeError, "cannot modify read-only memory");
    return -1;
  }
  if (value.is_null()) {
    raise(I, I.rt.exc_TypeError, "cannot delete memory");
    return -1;
  }
  char* base = view_base(I, m);
  if (!base) return -1;
  if (m->ndim == 0) {
    if (key.is_ellipsis() ||
        (key.is_object() && key.as_object()->type_ == I.rt.tuple_type && key.as<Tuple>()->size() == 0))
      return pack_item(I, m->format, base, value);
    raise(I, I.rt.exc_TypeError, "invalid indexing of 0-dim memory");
    return -1;
  }
  int64_t idx;
  int r = index_arg(I, key, &idx);
  if (r < 0) return -1;
  if (r > 0) {
    if (m->ndim != 1) {
      raise(I, I.rt.exc_NotImplementedError, "sub-views are not implemented");
      return -1;
    }
    int64_t off = 0;
    if (!item_offset(I, m, 0, idx, &off)) return -1;
    // Pack into a temporary first: packing may run Python code (__index__).
    char tmp[16];
    if (pack_item(I, m->format, tmp, value) < 0) return -1;
    base = view_base(I, m);
    if (!base) return -1;
    std::memcpy(base + off, tmp, m->itemsize);
    return 0;
  }
  if (is_slice(I, key)) {
    if (m->ndim != 1) {
      raise(I, I.rt.exc_NotImplementedError, "memoryview slice assignments are currently restricted to ndim = 1");
      return -1;
    }
    MemoryView tmpv;
    MemoryView* src;
    char* sbase;
    int sr = as_view(I, value, &tmpv, &src, &sbase);
    if (sr < 0) return -1;
    if (sr == 0) {
      raisef(I, I.rt.exc_TypeError, "a bytes-like object is required, not '%s'", type_name(I, value));
      return -1;
    }
    int64_t start, stop, step, n;
    if (!slice_indices(I, key.as<Slice>(), m->shape[0], &start, &stop, &step, &n)) return -1;
    base = view_base(I, m);
    if (!base) return -1;
    if (src->format != m->format || src->itemsize != m->itemsize || src->ndim != 1 || src->shape[0] != n) {
      raise(I, I.rt.exc_ValueError, "memoryview assignment: lvalue and rvalue have different structures");
      return -1;
    }
    std::string data;
    copy_out(src, sbase, data);
    for (int64_t k = 0; k < n; ++k)
      std::memcpy(base + (start + k * step) * m->strides[0], data.data() + k * m->itemsize, m->itemsize);
    return 0;
  }
  if (key.is_object() && (key.as_object()->type_->flags & kTypeTupleSubclass)) {
    char* p;
    int tr = tuple_item(I, m, key.as<Tuple>(), base, &p);
    if (tr < 0) return -1;
    if (tr > 0) {
      char tmp[16];
      if (pack_item(I, m->format, tmp, value) < 0) return -1;
      std::memcpy(p, tmp, m->itemsize);
      return 0;
    }
  }
  raise(I, I.rt.exc_TypeError, "memoryview: invalid slice key");
  return -1;
}

/// Items of a view as a list (recursive over dimensions).
Value tolist_dim(Isolate& I, MemoryView* m, char* p, int dim) {
  if (dim == m->ndim) return unpack_native_item(I, m->format, p);
  List* l = list_new(I, 0, size_t(m->shape[dim]));
  if (!l) return Value::error();
  for (int64_t k = 0; k < m->shape[dim]; ++k) {
    Value x = tolist_dim(I, m, p + k * m->strides[dim], dim + 1);
    if (x.is_error() || list_append(I, l, x) < 0) return Value::error();
  }
  return Value::object(l);
}

/// Compares two views item by item (formats may differ). 1 equal, 0 not, -1 error.
int views_equal(Isolate& I, MemoryView* a, char* pa, MemoryView* b, char* pb) {
  if (a->ndim != b->ndim) return 0;
  for (int d = 0; d < a->ndim; ++d)
    if (a->shape[d] != b->shape[d]) return 0;
  bool raw = a->format == b->format && a->format != 'f' && a->format != 'd';
  if (raw) {
    std::string da, db;
    copy_out(a, pa, da);
    copy_out(b, pb, db);
    return da == db;
  }
  // Unpack both in C order and compare values.
  std::string da, db;
  copy_out(a, pa, da);
  copy_out(b, pb, db);
  size_t n = a->itemsize ? da.size() / a->itemsize : 0;
  for (size_t k = 0; k < n; ++k) {
    Value x = unpack_native_item(I, a->format, da.data() + k * a->itemsize);
    if (x.is_error()) return -1;
    Value y = unpack_native_item(I, b->format, db.data() + k * b->itemsize);
    if (y.is_error()) return -1;
    // No identity shortcut: NaN items compare unequal, as CPython's unpack_cmp.
    Value c = rich_compare(I, x, y, CompareOp::Eq);
    if (c.is_error()) return -1;
    int r = truthy(I, c);
    if (r <= 0) return r;
  }
  return 1;
}

Value mv_richcompare(Isolate& I, Value a, Value b, CompareOp op) {
  if (op != CompareOp::Eq && op != CompareOp::Ne) return Value::not_implemented();
  Value self = is_memoryview(I, a) ? a : b;
  Value other = self.is(a) ? b : a;
  int result;
  if (a.is(b)) {
    result = 1;
  } else if (MV(self)->released || (is_memoryview(I, other) && MV(other)->released)) {
    result = 0;
  } else {
    MemoryView tmpv;
    MemoryView* ov;
    char* obase;
    int r = as_view(I, other, &tmpv, &ov, &obase);
    if (r < 0) return Value::error();
    if (r == 0) return Value::not_implemented();
    char* sbase = view_base(I, MV(self));
    if (!sbase) return Value::error();
    result = views_equal(I, MV(self), sbase, ov, obase);
    if (result < 0) return Value::error();
  }
  return Value::boolean(op == CompareOp::Eq ? result == 1 : result != 1);
}

// --- iteration ----------------------------------------------------------------------

struct MemoryIter : Object {
  Value view;
  int64_t index;
};

void mi_trace(Object* o, Tracer& t) { t.visit(static_cast<MemoryIter*>(o)->view); }

Value mv_iter(Isolate& I, Value self) {
  MemoryView* m = MV(self);
  if (!check_released(I, m)) return Value::error();
  if (m->ndim == 0) return raise(I, I.rt.exc_TypeError, "invalid indexing of 0-dim memory");
  if (m->ndim != 1) return raise(I, I.rt.exc_NotImplementedError, "multi-dimensional sub-views are not implemented");
  auto* it = static_cast<MemoryIter*>(I.heap.alloc_object(I.rt.memory_iterator_type, sizeof(MemoryIter)));
  if (!it) return raise_memory(I);
  it->view = self;
  return Value::object(it);
}

Value mi_next(Isolate& I, Value self) {
  auto* it = static_cast<MemoryIter*>(self.as_object());
  if (!it->view.is_object()) return Value::null();
  MemoryView* m = MV(it->view);
  if (m->released || it->index >= m->shape[0]) {
    it->view = Value::null();
    return Value::null();
  }
  char* base = view_base(I, m);
  if (!base) return Value::error();
  return unpack_native_item(I, m->format, base + it->index++ * m->strides[0]);
}

Value mi_iter_self(Isolate&, Value self) { return self; }

Value m_mi_iter(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  if (check_no_kwargs(I, "__iter__", kw) < 0 || check_nargs(I, "__iter__", n - 1, 0, 0) < 0) return Value::error();
  return a[0];
}

Value m_mi_next(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  if (check_no_kwargs(I, "__next__", kw) < 0 || check_nargs(I, "__next__", n - 1, 0, 0) < 0) return Value::error();
  Value r = mi_next(I, a[0]);
  if (r.is_null()) return raise_value(I, Value::object(I.rt.exc_StopIteration));
  return r;
}

// ============================================================================
// methods and attributes
// ============================================================================

Value m_tobytes(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  Value order;
  if (bind_args(I, "tobytes", a + 1, n - 1, kw, {"order"}, 0, 1, 0, &order) < 0) return Value::error();
  MemoryView* m = MV(a[0]);
  if (!check_released(I, m)) return Value::error();
  bool fortran = false;
  if (!order.is_null() && !order.is_none()) {
    if (!is_str_value(order))
      return raisef(I, I.rt.exc_TypeError, "tobytes() argument 'order' must be str or None, not %s",
                    arg_type_name(I, order));
    std::string_view o = as_str(order)->view();
    if (o != "C" && o != "F" && o != "A") return raise(I, I.rt.exc_ValueError, "order must be 'C', 'F' or 'A'");
    fortran = o == "F";
  }
  char* base = view_base(I, m);
  if (!base) return Value::error();
  std::string out;
  copy_out(m, base, out, fortran);
  return bytes_value(I, out);
}

Value m_tolist(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  if (check_no_kwargs(I, "tolist", kw) < 0 || check_nargs(I, "tolist", n - 1, 0, 0) < 0) return Value::error();
  MemoryView* m = MV(a[0]);
  char* base = view_base(I, m);
  if (!base) return Value::error();
  return tolist_dim(I, m, base, 0);
}

Value m_hex(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  MemoryView* m = MV(a[0]);
  char* base = view_base(I, m);
  if (!base) return Value::error();
  std::string data;
  copy_out(m, base, data);
  Value b = bytes_value(I, data);
  if (b.is_error()) return b;
  Value f = get_attr(I, b, "hex");
  if (f.is_error()) return f;
  return call(I, f, a + 1, n - 1, kw);
}

void release(MemoryView* m) {
  if (m->released) return;
  give_export(m);
  m->released = 1;
}

Value m_release(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  if (check_no_kwargs(I, "release", kw) < 0 || check_nargs(I, "release", n - 1, 0, 0) < 0) return Value::error();
  release(MV(a[0]));
  return Value::none();
}

Value m_enter(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  if (check_nargs(I, "__enter__", n - 1, 0, 0) < 0) return Value::error();
  if (!check_released(I, MV(a[0]))) return Value::error();
  return a[0];
}

Value m_exit(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  release(MV(a[0]));
  return Value::none();
}

Value m_toreadonly(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  if (check_no_kwargs(I, "toreadonly", kw) < 0 || check_nargs(I, "toreadonly", n - 1, 0, 0) < 0)
    return Value::error();
  MemoryView* m = MV(a[0]);
  if (!check_released(I, m)) return Value::error();
  MemoryView* v = copy_view(I, m);
  if (!v) return Value::error();
  v->readonly = 1;
  return Value::object(v);
}

bool parse_cast_format(Isolate& I, Value f, char* out) {
  if (!is_str_value(f)) {
    raisef(I, I.rt.exc_TypeError, "cast() argument 'format' must be str, not %s", arg_type_name(I, f));
    return false;
  }
  std::string_view s = as_str(f)->view();
  if (!s.empty() && s[0] == '@') s.remove_prefix(1);
  if (s.size() != 1 || s[0] == 'e' || !native_format_size(s[0])) {
    raise(I, I.rt.exc_ValueError,
          "memoryview: destination format must be a native single character format prefixed with an optional '@'");
    return false;
  }
  *out = s[0];
  return true;
}

Value m_cast(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  Value p[2];
  if (bind_args(I, "cast", a + 1, n - 1, kw, {"format", "shape"}, 0, 2, 1, p) < 0) return Value::error();
  MemoryView* m = MV(a[0]);
  if (!check_released(I, m)) return Value::error();
  if (!is_c_contiguous(m)) return raise(I, I.rt.exc_TypeError, "memoryview: casts are restricted to C-contiguous views");
  Value shape = p[1].is_null() ? Value::null() : p[1];
  bool has_shape = !shape.is_null();
  bool zero_in_shape = false;
  for (int d = 0; d < m->ndim; ++d)
    if (m->shape[d] == 0) zero_in_shape = true;
  if ((has_shape || m->ndim != 1) && zero_in_shape)
    return raise(I, I.rt.exc_TypeError, "memoryview: cannot cast view with zeros in shape or strides");
  size_t nd = 1;
  if (has_shape) {
    Type* st = type_of(I, shape);
    if (!(st->flags & (kTypeListSubclass | kTypeTupleSubclass)))
      return raise(I, I.rt.exc_TypeError, "shape must be a list or a tuple");
    nd = (st->flags & kTypeListSubclass) ? shape.as<List>()->size : shape.as<Tuple>()->size();
    if (nd > 64) return raise(I, I.rt.exc_ValueError, "memoryview: number of dimensions must not exceed 64");
    if (m->ndim != 1 && nd != 1)
      return raise(I, I.rt.exc_TypeError, "memoryview: cast must be 1D -> ND or ND -> 1D");
  }
  char fmt;
  if (!parse_cast_format(I, p[0], &fmt)) return Value::error();
  uint32_t size = native_format_size(fmt);
  if (!is_byte_format(m->format) && !is_byte_format(fmt))
    return raise(I, I.rt.exc_TypeError, "memoryview: cannot cast between two non-byte formats");
  if (m->nbytes % size) return raise(I, I.rt.exc_TypeError, "memoryview: length is not a multiple of itemsize");
  int64_t dims[64];
  if (has_shape) {
    Type* st = type_of(I, shape);
    int64_t prod = size;
    for (size_t i = 0; i < nd; ++i) {
      // Re-read: the list cannot change here (no Python code runs), but stay safe.
      size_t cur = (st->flags & kTypeListSubclass) ? shape.as<List>()->size : shape.as<Tuple>()->size();
      if (i >= cur) return raise(I, I.rt.exc_ValueError, "memoryview.cast(): elements of shape must be integers > 0");
      Value x = (st->flags & kTypeListSubclass) ? shape.as<List>()->items[i] : shape.as<Tuple>()->items[i];
      if (!x.is_small_int() && !(x.is_object() && (x.as_object()->type_->flags & kTypeIntSubclass)))
        return raise(I, I.rt.exc_TypeError, "memoryview.cast(): elements of shape must be integers");
      int64_t v;
      if (!int_to_i64(int_unwrap(I, x), &v) || v <= 0)
        return raise(I, I.rt.exc_ValueError, "memoryview.cast(): elements of shape must be integers > 0");
      if (v > INT64_MAX / prod) return raise(I, I.rt.exc_ValueError, "memoryview.cast(): product(shape) > SSIZE_MAX");
      prod *= v;
      dims[i] = v;
    }
    if (prod != m->nbytes)
      return raise(I, I.rt.exc_TypeError, "memoryview: product(shape) * itemsize != buffer size");
    if (nd > size_t(kMaxViewDims))
      return raisef(I, I.rt.exc_ValueError, "memoryview: capy supports at most %d dimensions", kMaxViewDims);
  } else {
    dims[0] = m->nbytes / size;
  }
  MemoryView* v = copy_view(I, m);
  if (!v) return Value::error();
  v->format = fmt;
  v->itemsize = size;
  v->ndim = uint8_t(nd);
  int64_t stride = size;
  for (int d = int(nd) - 1; d >= 0; --d) {
    v->shape[d] = dims[d];
    v->strides[d] = stride;
    stride *= dims[d];
  }
  compute_extent(v);
  return Value::object(v);
}

// --- getters --------------------------------------------------------------------------

MemoryView* live(Isolate& I, Value self) {
  MemoryView* m = MV(self);
  return check_released(I, m) ? m : nullptr;
}

Value g_obj(Isolate& I, Value self) {
  MemoryView* m = live(I, self);
  return m ? m->obj : Value::error();
}
Value g_nbytes(Isolate& I, Value self) {
  MemoryView* m = live(I, self);
  return m ? int_from_i64(I, m->nbytes) : Value::error();
}
Value g_readonly(Isolate& I, Value self) {
  MemoryView* m = live(I, self);
  return m ? Value::boolean(m->readonly) : Value::error();
}
Value g_itemsize(Isolate& I, Value self) {
  MemoryView* m = live(I, self);
  return m ? Value::small_int(m->itemsize) : Value::error();
}
Value g_format(Isolate& I, Value self) {
  MemoryView* m = live(I, self);
  if (!m) return Value::error();
  char f[2] = {m->format, 0};
  return str_value(I, f);
}
Value g_ndim(Isolate& I, Value self) {
  MemoryView* m = live(I, self);
  return m ? Value::small_int(m->ndim) : Value::error();
}
Value dims_tuple(Isolate& I, const int64_t* v, int n) {
  Value items[kMaxViewDims];
  for (int i = 0; i < n; ++i) items[i] = int_from_i64(I, v[i]);
  return tuple_value(I, items, size_t(n));
}
Value g_shape(Isolate& I, Value self) {
  MemoryView* m = live(I, self);
  return m ? dims_tuple(I, m->shape, m->ndim) : Value::error();
}
Value g_strides(Isolate& I, Value self) {
  MemoryView* m = live(I, self);
  return m ? dims_tuple(I, m->strides, m->ndim) : Value::error();
}
Value g_suboffsets(Isolate& I, Value self) {
  MemoryView* m = live(I, self);
  return m ? Value::object(I.rt.empty_tuple) : Value::error();
}
Value g_c_contiguous(Isolate& I, Value self) {
  MemoryView* m = live(I, self);
  return m ? Value::boolean(is_c_contiguous(m)) : Value::error();
}
Value g_f_contiguous(Isolate& I, Value self) {
  MemoryView* m = live(I, self);
  return m ? Value::boolean(is_f_contiguous(m)) : Value::error();
}
Value g_contiguous(Isolate& I, Value self) {
  MemoryView* m = live(I, self);
  return m ? Value::boolean(is_c_contiguous(m) || is_f_contiguous(m)) : Value::error();
}

}  // namespace

void init_memoryview_type(Runtime& rt) {
  rt.bytes_type->buffer = bytes_buffer;
  rt.bytearray_type->buffer = bytearray_buffer;
  Type* t = rt.memoryview_type;
  t->basicsize = sizeof(MemoryView);
  t->repr = mv_repr;
  t->str = mv_repr;
  t->hash = mv_hash;
  t->richcompare = mv_richcompare;
  t->len = mv_len;
  t->getitem = mv_getitem;
  t->setitem = mv_setitem;
  t->iter = mv_iter;
  t->new_ = mv_new;
  t->trace = mv_trace;
  t->finalize = mv_finalize;
  add_methods(rt, t,
              {{"tobytes", m_tobytes},
               {"tolist", m_tolist},
               {"hex", m_hex},
               {"release", m_release},
               {"cast", m_cast},
               {"toreadonly", m_toreadonly},
               {"__enter__", m_enter},
               {"__exit__", m_exit}});
  add_getsets(rt, t,
              {{"obj", g_obj},
               {"nbytes", g_nbytes},
               {"readonly", g_readonly},
               {"itemsize", g_itemsize},
               {"format", g_format},
               {"ndim", g_ndim},
               {"shape", g_shape},
               {"strides", g_strides},
               {"suboffsets", g_suboffsets},
               {"c_contiguous", g_c_contiguous},
               {"f_contiguous", g_f_contiguous},
               {"contiguous", g_contiguous}});

  Type* it = make_builtin_type(rt, nullptr, "memory_iterator", rt.object_type, sizeof(MemoryIter), 0);
  it->trace = mi_trace;
  it->iter = mi_iter_self;
  it->next = mi_next;
  add_methods(rt, it, {{"__iter__", m_mi_iter}, {"__next__", m_mi_next}});
  rt.memory_iterator_type = it;
}

}  // namespace capy
