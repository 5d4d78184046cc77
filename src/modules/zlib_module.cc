// zlib: compression compatible with gzip (CPython 3.11's zlib module) on top
// of the linked zlib library.
//
// Every byte zlib allocates (its stream state) and every output buffer is
// charged to the isolate's heap, so a large (or malicious, "zip bomb")
// input ends in MemoryError at the isolate's memory limit instead of
// exhausting the host. Compress/Decompress objects are per-isolate types
// (zlib.Compress, zlib.Decompress) whose finalizer ends the z_stream.
#include <cstdlib>
#include <cstring>
#include <string>
#include <zlib.h>

#include "modules/registry.h"
#include "modules/stdlib_support.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/memoryview.h"
#include "objects/native.h"
#include "objects/ops.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "vm/eval.h"
#include "vm/isolate.h"
#include "vm/runtime.h"

namespace capy {

namespace {

constexpr size_t kDefBufSize = 16384;

// --- accounted allocation for zlib ----------------------------------------------------

constexpr size_t kZPrefix = 16;

voidpf z_alloc(voidpf opaque, uInt items, uInt size) {
  auto* heap = static_cast<Heap*>(opaque);
  size_t n = static_cast<size_t>(items) * size;
  if (size != 0 && n / size != items) return Z_NULL;
  n += kZPrefix;
  if (!heap->charge(n)) return Z_NULL;
  void* p = std::malloc(n);
  if (!p) {
    heap->credit(n);
    return Z_NULL;
  }
  *static_cast<size_t*>(p) = n;
  return static_cast<char*>(p) + kZPrefix;
}

void z_free(voidpf opaque, voidpf addr) {
  if (!addr) return;
  char* p = static_cast<char*>(addr) - kZPrefix;
  static_cast<Heap*>(opaque)->credit(*reinterpret_cast<size_t*>(p));
  std::free(p);
}

void init_stream(Isolate& I, z_stream* zst) {
  std::memset(zst, 0, sizeof *zst);
  zst->zalloc = z_alloc;
  zst->zfree = z_free;
  zst->opaque = &I.heap;
}

// --- output buffer (accounted, grows by doubling up to a limit) -------------------------

struct OutBuf {
  Isolate& I;
  char* data = nullptr;
  size_t cap = 0;
  explicit OutBuf(Isolate& i) : I(i) {}
  ~OutBuf() {
    if (data) I.heap.free_raw(data, cap);
  }
  OutBuf(const OutBuf&) = delete;
  OutBuf& operator=(const OutBuf&) = delete;

  /// Makes room for more output in zst. Returns 1 on success, 0 when the
  /// hard limit is reached (no room), -1 on MemoryError (raised) or when
  /// the run ended.
  int arrange(z_stream* zst, size_t initial, size_t hard_limit) {
    // Each (de)compression call between two arrangements fills the buffer:
    // long native work, polled for the time limit and terminate().
    if (!I.poll(cap / 64 + 1)) return -1;
    size_t used = cap - zst->avail_out;
    if (data && zst->avail_out > 0) return 1;
    size_t new_cap;
    if (!data) {
      new_cap = initial < hard_limit ? initial : hard_limit;
      if (new_cap == 0) new_cap = 1;
      used = 0;
    } else {
      if (cap >= hard_limit) return 0;
      new_cap = cap > (SIZE_MAX >> 1) ? SIZE_MAX : cap << 1;
      if (new_cap > hard_limit) new_cap = hard_limit;
    }
    void* p = data ? I.heap.realloc_raw(data, cap, new_cap) : I.heap.alloc_raw(new_cap);
    if (!p) {
      raise_memory(I);
      return -1;
    }
    data = static_cast<char*>(p);
    cap = new_cap;
    zst->next_out = reinterpret_cast<Bytef*>(data + used);
    size_t room = cap - used;
    zst->avail_out = room > UINT_MAX ? UINT_MAX : static_cast<uInt>(room);
    return 1;
  }
  size_t used(const z_stream* zst) const { return data ? static_cast<size_t>(reinterpret_cast<char*>(zst->next_out) - data) : 0; }
  Value finish(const z_stream* zst) { return bytes_value(I, std::string_view(data ? data : "", used(zst))); }
};

/// Feeds the next chunk of input (at most UINT_MAX bytes) to zst.
inline void arrange_input(z_stream* zst, size_t* remaining) {
  uInt n = *remaining > UINT_MAX ? UINT_MAX : static_cast<uInt>(*remaining);
  zst->avail_in = n;
  *remaining -= n;
}

// --- errors ----------------------------------------------------------------------------------

Type* zlib_error_type(Isolate& I) { return stdlib_module_exc(I, "zlib", "error", I.rt.exc_Exception); }

Value zlib_error(Isolate& I, const z_stream& zst, int err, const char* msg) {
  const char* zmsg = nullptr;
  if (err == Z_VERSION_ERROR) zmsg = "library version mismatch";
  if (!zmsg) zmsg = zst.msg;
  if (!zmsg) {
    switch (err) {
      case Z_BUF_ERROR: zmsg = "incomplete or truncated stream"; break;
      case Z_STREAM_ERROR: zmsg = "inconsistent stream state"; break;
      case Z_DATA_ERROR: zmsg = "invalid input data"; break;
      default: break;
    }
  }
  if (!zmsg) return raisef(I, zlib_error_type(I), "Error %d %s", err, msg);
  return raisef(I, zlib_error_type(I), "Error %d %s: %.200s", err, msg, zmsg);
}

// --- argument helpers ----------------------------------------------------------------------

bool get_buffer(Isolate& I, Value v, std::string_view* out, std::string* keep) {
  int r = buffer_bytes(I, v, out, keep);
  if (r < 0) return false;
  if (r == 0) {
    raisef(I, I.rt.exc_TypeError, "a bytes-like object is required, not '%s'", type_name(I, v));
    return false;
  }
  return true;
}

/// A C int argument (null: default).
bool get_int(Isolate& I, Value v, int dflt, int* out) {
  if (v.is_null()) {
    *out = dflt;
    return true;
  }
  int64_t x;
  if (v.is_small_int()) {
    x = v.as_small_int();
  } else if (type_of(I, v) == I.rt.float_type || is_subtype(type_of(I, v), I.rt.float_type)) {
    raise(I, I.rt.exc_TypeError, "'float' object cannot be interpreted as an integer");
    return false;
  } else if (!index_i64(I, v, &x)) {
    if (!pending_matches(I, I.rt.exc_OverflowError)) return false;
    I.pending = nullptr;
    x = INT64_MAX;
  }
  if (x > INT32_MAX || x < INT32_MIN) {
    raise(I, I.rt.exc_OverflowError, "Python int too large to convert to C int");
    return false;
  }
  *out = static_cast<int>(x);
  return true;
}

/// A Py_ssize_t argument (null: default).
bool get_ssize(Isolate& I, Value v, int64_t dflt, int64_t* out) {
  if (v.is_null()) {
    *out = dflt;
    return true;
  }
  if (!index_i64(I, v, out)) {
    if (pending_matches(I, I.rt.exc_OverflowError)) {
      I.pending = nullptr;
      raise(I, I.rt.exc_OverflowError, "Python int too large to convert to C ssize_t");
    }
    return false;
  }
  return true;
}

/// unsigned int(bitwise=True).
bool get_uint_mask(Isolate& I, Value v, uint32_t* out) {
  if (v.is_small_int()) {
    *out = static_cast<uint32_t>(static_cast<uint64_t>(v.as_small_int()));
    return true;
  }
  Value iv = index(I, v);
  if (iv.is_error()) return false;
  iv = int_unwrap(I, iv);
  int64_t x;
  if (int_to_i64(iv, &x)) {
    *out = static_cast<uint32_t>(static_cast<uint64_t>(x));
    return true;
  }
  Value m = binary_op(I, iv, int_from_i64(I, 0xFFFFFFFFll), NbOp::And);
  if (m.is_error()) return false;
  if (!int_to_i64(m, &x)) return false;
  *out = static_cast<uint32_t>(x);
  return true;
}

// --- one-shot functions -----------------------------------------------------------------

Value fn_compress(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  Value a[3];
  if (stdlib_bind_args(I, "compress", args, nargs, kw, {"", "level", "wbits"}, 1, 3, 1, a) < 0) return Value::error();
  int level, wbits;
  if (!get_int(I, a[1], Z_DEFAULT_COMPRESSION, &level) || !get_int(I, a[2], MAX_WBITS, &wbits))
    return Value::error();
  std::string_view data;
  std::string keep;
  if (!get_buffer(I, a[0], &data, &keep)) return Value::error();
  z_stream zst;
  init_stream(I, &zst);
  zst.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  int err = deflateInit2(&zst, level, Z_DEFLATED, wbits, 8, Z_DEFAULT_STRATEGY);
  switch (err) {
    case Z_OK: break;
    case Z_MEM_ERROR: return raise(I, I.rt.exc_MemoryError, "Out of memory while compressing data");
    case Z_STREAM_ERROR: return raise(I, zlib_error_type(I), "Bad compression level");
    default:
      deflateEnd(&zst);
      return zlib_error(I, zst, err, "while compressing data");
  }
  OutBuf out(I);
  size_t remaining = data.size();
  int flush;
  do {
    arrange_input(&zst, &remaining);
    flush = remaining == 0 ? Z_FINISH : Z_NO_FLUSH;
    do {
      int r = out.arrange(&zst, kDefBufSize, SIZE_MAX);
      if (r <= 0) {
        deflateEnd(&zst);
        return r < 0 ? Value::error() : raise_memory(I);
      }
      err = deflate(&zst, flush);
      if (err == Z_STREAM_ERROR) {
        deflateEnd(&zst);
        return zlib_error(I, zst, err, "while compressing data");
      }
    } while (zst.avail_out == 0);
  } while (flush != Z_FINISH);
  err = deflateEnd(&zst);
  if (err != Z_OK) return zlib_error(I, zst, err, "while finishing compression");
  return out.finish(&zst);
}

Value fn_decompress(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  Value a[3];
  if (stdlib_bind_args(I, "decompress", args, nargs, kw, {"", "wbits", "bufsize"}, 1, 3, 1, a) < 0) return Value::error();
  int wbits;
  int64_t bufsize;
  if (!get_int(I, a[1], MAX_WBITS, &wbits) || !get_ssize(I, a[2], kDefBufSize, &bufsize)) return Value::error();
  if (bufsize < 0) return raise(I, I.rt.exc_ValueError, "bufsize must be non-negative");
  if (bufsize == 0) bufsize = 1;
  std::string_view data;
  std::string keep;
  if (!get_buffer(I, a[0], &data, &keep)) return Value::error();
  z_stream zst;
  init_stream(I, &zst);
  zst.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  int err = inflateInit2(&zst, wbits);
  switch (err) {
    case Z_OK: break;
    case Z_MEM_ERROR: return raise(I, I.rt.exc_MemoryError, "Out of memory while decompressing data");
    default:
      inflateEnd(&zst);
      return zlib_error(I, zst, err, "while preparing to decompress data");
  }
  OutBuf out(I);
  size_t remaining = data.size();
  do {
    arrange_input(&zst, &remaining);
    int flush = remaining == 0 ? Z_FINISH : Z_NO_FLUSH;
    do {
      int r = out.arrange(&zst, static_cast<size_t>(bufsize), SIZE_MAX);
      if (r <= 0) {
        inflateEnd(&zst);
        return r < 0 ? Value::error() : raise_memory(I);
      }
      err = inflate(&zst, flush);
      switch (err) {
        case Z_OK:
        case Z_BUF_ERROR:
        case Z_STREAM_END: break;
        case Z_MEM_ERROR:
          inflateEnd(&zst);
          return raise(I, I.rt.exc_MemoryError, "Out of memory while decompressing data");
        default:
          inflateEnd(&zst);
          return zlib_error(I, zst, err, "while decompressing data");
      }
    } while (zst.avail_out == 0);
  } while (err != Z_STREAM_END && remaining != 0);
  if (err != Z_STREAM_END) {
    inflateEnd(&zst);
    return zlib_error(I, zst, err, "while decompressing data");
  }
  err = inflateEnd(&zst);
  if (err != Z_OK) return zlib_error(I, zst, err, "while finishing decompression");
  return out.finish(&zst);
}

template <bool kAdler>
Value fn_checksum(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  const char* name = kAdler ? "adler32" : "crc32";
  if (check_no_kwargs(I, name, kw) < 0) return Value::error();
  if (nargs < 1) return raisef(I, I.rt.exc_TypeError, "%s expected at least 1 argument, got %zu", name, nargs);
  if (nargs > 2) return raisef(I, I.rt.exc_TypeError, "%s expected at most 2 arguments, got %zu", name, nargs);
  uint32_t value = kAdler ? 1 : 0;
  if (nargs == 2 && !get_uint_mask(I, args[1], &value)) return Value::error();
  std::string_view d;
  std::string keep;
  if (!get_buffer(I, args[0], &d, &keep)) return Value::error();
  uLong c = value;
  const Bytef* p = reinterpret_cast<const Bytef*>(d.data());
  size_t left = d.size();
  while (left > 0) {
    uInt chunk = left > 0x40000000u ? 0x40000000u : static_cast<uInt>(left);
    c = kAdler ? ::adler32(c, p, chunk) : ::crc32(c, p, chunk);
    p += chunk;
    left -= chunk;
  }
  return Value::small_int(static_cast<int64_t>(c & 0xffffffffu));
}

// --- Compress / Decompress objects -----------------------------------------------------------

struct ZObj : Object {
  z_stream zst;
  Value unused_data;      // Decompress: bytes
  Value unconsumed_tail;  // Decompress: bytes
  Value zdict;            // Decompress: bytes-like or null
  uint8_t is_init;
  uint8_t eof;
  uint8_t compress;
};

void zobj_trace(Object* o, Tracer& t) {
  auto* z = static_cast<ZObj*>(o);
  t.visit(z->unused_data);
  t.visit(z->unconsumed_tail);
  t.visit(z->zdict);
}

void zobj_finalize(Isolate&, Object* o) {
  auto* z = static_cast<ZObj*>(o);
  if (z->is_init) {
    if (z->compress) deflateEnd(&z->zst);
    else inflateEnd(&z->zst);
    z->is_init = 0;
  }
}

Type* zlib_type(Isolate& I, const char* name) {
  Value t = stdlib_module_attr(I, "zlib", name);
  if (!t.is_object() || !(type_of(I, t)->flags & kTypeTypeSubclass)) return nullptr;
  return t.as<Type>();
}

ZObj* zobj_alloc(Isolate& I, bool compress) {
  Type* t = zlib_type(I, compress ? "_Compress" : "_Decompress");
  if (!t) {
    raise(I, I.rt.exc_RuntimeError, "zlib module state is unavailable");
    return nullptr;
  }
  auto* z = static_cast<ZObj*>(I.heap.alloc_object(t, sizeof(ZObj)));
  if (!z) {
    raise_memory(I);
    return nullptr;
  }
  z->compress = compress;
  z->unused_data = Value::object(bytes_alloc(I, 0));
  z->unconsumed_tail = z->unused_data;
  if (!z->unused_data.as_object()) return nullptr;
  z->zdict = Value::null();
  init_stream(I, &z->zst);
  return z;
}

ZObj* self_of(Isolate& I, Value v, bool compress, const char* method) {
  if (v.is_object() && type_of(I, v)->trace == zobj_trace && v.as<ZObj>()->compress == compress)
    return v.as<ZObj>();
  raisef(I, I.rt.exc_TypeError, "descriptor '%s' requires a 'zlib.%s' object but received a '%s'", method,
         compress ? "Compress" : "Decompress", type_name(I, v));
  return nullptr;
}

int set_inflate_zdict(Isolate& I, ZObj* self) {
  std::string_view zd;
  std::string keep;
  if (!get_buffer(I, self->zdict, &zd, &keep)) return -1;
  if (zd.size() > UINT_MAX) {
    raise(I, I.rt.exc_OverflowError, "zdict length does not fit in an unsigned int");
    return -1;
  }
  int err = inflateSetDictionary(&self->zst, reinterpret_cast<const Bytef*>(zd.data()), static_cast<uInt>(zd.size()));
  if (err != Z_OK) {
    zlib_error(I, self->zst, err, "while setting zdict");
    return -1;
  }
  return 0;
}

Value fn_compressobj(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  Value a[6];
  if (stdlib_bind_args(I, "compressobj", args, nargs, kw, {"level", "method", "wbits", "memLevel", "strategy", "zdict"}, 0,
                6, 0, a) < 0)
    return Value::error();
  int level, method, wbits, memlevel, strategy;
  if (!get_int(I, a[0], Z_DEFAULT_COMPRESSION, &level) || !get_int(I, a[1], Z_DEFLATED, &method) ||
      !get_int(I, a[2], MAX_WBITS, &wbits) || !get_int(I, a[3], 8, &memlevel) ||
      !get_int(I, a[4], Z_DEFAULT_STRATEGY, &strategy))
    return Value::error();
  std::string_view zd;
  std::string keep;
  bool has_zdict = !a[5].is_null() && !a[5].is_none();
  if (has_zdict) {
    if (!get_buffer(I, a[5], &zd, &keep)) return Value::error();
    if (zd.size() > UINT_MAX) return raise(I, I.rt.exc_OverflowError, "zdict length does not fit in an unsigned int");
  }
  ZObj* self = zobj_alloc(I, true);
  if (!self) return Value::error();
  int err = deflateInit2(&self->zst, level, method, wbits, memlevel, strategy);
  switch (err) {
    case Z_OK:
      self->is_init = 1;
      if (has_zdict) {
        err = deflateSetDictionary(&self->zst, reinterpret_cast<const Bytef*>(zd.data()), static_cast<uInt>(zd.size()));
        if (err != Z_OK) return raise(I, I.rt.exc_ValueError, "Invalid dictionary");
      }
      return Value::object(self);
    case Z_MEM_ERROR: return raise(I, I.rt.exc_MemoryError, "Can't allocate memory for compression object");
    case Z_STREAM_ERROR: return raise(I, I.rt.exc_ValueError, "Invalid initialization option");
    default: return zlib_error(I, self->zst, err, "while creating compression object");
  }
}

Value fn_decompressobj(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  Value a[2];
  if (stdlib_bind_args(I, "decompressobj", args, nargs, kw, {"wbits", "zdict"}, 0, 2, 0, a) < 0) return Value::error();
  int wbits;
  if (!get_int(I, a[0], MAX_WBITS, &wbits)) return Value::error();
  Value zdict = Value::null();
  if (!a[1].is_null()) {
    std::string_view zd;
    std::string keep;
    int r = buffer_bytes(I, a[1], &zd, &keep);
    if (r < 0) return Value::error();
    if (r == 0) return raise(I, I.rt.exc_TypeError, "zdict argument must support the buffer protocol");
    zdict = a[1];
  }
  ZObj* self = zobj_alloc(I, false);
  if (!self) return Value::error();
  self->zdict = zdict;
  int err = inflateInit2(&self->zst, wbits);
  switch (err) {
    case Z_OK:
      self->is_init = 1;
      if (!zdict.is_null() && wbits < 0 && set_inflate_zdict(I, self) < 0) return Value::error();
      return Value::object(self);
    case Z_STREAM_ERROR: return raise(I, I.rt.exc_ValueError, "Invalid initialization option");
    case Z_MEM_ERROR: return raise(I, I.rt.exc_MemoryError, "Can't allocate memory for decompression object");
    default: return zlib_error(I, self->zst, err, "while creating decompression object");
  }
}

Value m_comp_compress(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  ZObj* self = self_of(I, args[0], true, "compress");
  if (!self) return Value::error();
  if (nargs != 2) return raisef(I, I.rt.exc_TypeError, "compress() takes exactly 1 positional argument (%zu given)", nargs - 1);
  if (check_no_kwargs(I, "compress", kw) < 0) return Value::error();
  std::string_view data;
  std::string keep;
  if (!get_buffer(I, args[1], &data, &keep)) return Value::error();
  z_stream& zst = self->zst;
  zst.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  size_t remaining = data.size();
  OutBuf out(I);
  zst.avail_out = 0;
  do {
    arrange_input(&zst, &remaining);
    do {
      int r = out.arrange(&zst, kDefBufSize, SIZE_MAX);
      if (r <= 0) return r < 0 ? Value::error() : raise_memory(I);
      int err = deflate(&zst, Z_NO_FLUSH);
      if (err == Z_STREAM_ERROR) return zlib_error(I, zst, err, "while compressing data");
    } while (zst.avail_out == 0);
  } while (remaining != 0);
  return out.finish(&zst);
}

Value m_comp_flush(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  ZObj* self = self_of(I, args[0], true, "flush");
  if (!self) return Value::error();
  Value a[1];
  if (stdlib_bind_args(I, "flush", args + 1, nargs - 1, kw, {"mode"}, 1, 1, 0, a) < 0) return Value::error();
  int mode;
  if (!get_int(I, a[0], Z_FINISH, &mode)) return Value::error();
  if (mode == Z_NO_FLUSH) return bytes_value(I, "");
  z_stream& zst = self->zst;
  zst.avail_in = 0;
  zst.avail_out = 0;
  OutBuf out(I);
  int err;
  do {
    int r = out.arrange(&zst, kDefBufSize, SIZE_MAX);
    if (r <= 0) return r < 0 ? Value::error() : raise_memory(I);
    err = deflate(&zst, mode);
    if (err == Z_STREAM_ERROR) return zlib_error(I, zst, err, "while flushing");
  } while (zst.avail_out == 0);
  if (err == Z_STREAM_END && mode == Z_FINISH) {
    err = deflateEnd(&zst);
    if (err != Z_OK) return zlib_error(I, zst, err, "while finishing compression");
    self->is_init = 0;
  } else if (err != Z_OK && err != Z_BUF_ERROR) {
    return zlib_error(I, zst, err, "while flushing");
  }
  return out.finish(&zst);
}

/// Stores leftover input after a decompress()/flush() call (CPython's save_unconsumed_input).
int save_unconsumed(Isolate& I, ZObj* self, int err) {
  z_stream& zst = self->zst;
  if (err == Z_STREAM_END && zst.avail_in > 0) {
    std::string_view old = bytes_view(self->unused_data);
    std::string joined;
    joined.reserve(old.size() + zst.avail_in);
    joined.append(old);
    joined.append(reinterpret_cast<const char*>(zst.next_in), zst.avail_in);
    Value nb = bytes_value(I, joined);
    if (nb.is_error()) return -1;
    self->unused_data = nb;
    zst.avail_in = 0;
  }
  if (zst.avail_in > 0 || bytes_view(self->unconsumed_tail).size() > 0) {
    Value nb = bytes_value(I, std::string_view(reinterpret_cast<const char*>(zst.next_in), zst.avail_in));
    if (nb.is_error()) return -1;
    self->unconsumed_tail = nb;
  }
  return 0;
}

Value m_decomp_decompress(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  ZObj* self = self_of(I, args[0], false, "decompress");
  if (!self) return Value::error();
  Value a[2];
  if (stdlib_bind_args(I, "decompress", args + 1, nargs - 1, kw, {"", "max_length"}, 1, 2, 1, a) < 0) return Value::error();
  int64_t max_length;
  if (!get_ssize(I, a[1], 0, &max_length)) return Value::error();
  if (max_length < 0) return raise(I, I.rt.exc_ValueError, "max_length must be non-negative");
  size_t hard_limit = max_length == 0 ? SIZE_MAX : static_cast<size_t>(max_length);
  size_t initial = kDefBufSize;
  if (max_length && initial > static_cast<size_t>(max_length)) initial = static_cast<size_t>(max_length);
  std::string_view data;
  std::string keep;
  if (!get_buffer(I, a[0], &data, &keep)) return Value::error();
  // The input may be the object's own unconsumed_tail: keep it alive.
  Value hold = a[0];
  (void)hold;
  z_stream& zst = self->zst;
  zst.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  size_t remaining = data.size();
  OutBuf out(I);
  zst.avail_out = 0;
  int err = Z_OK;
  do {
    arrange_input(&zst, &remaining);
    do {
      int r = out.arrange(&zst, initial, hard_limit);
      if (r < 0) return Value::error();
      if (r == 0) goto save;
      err = inflate(&zst, Z_SYNC_FLUSH);
      switch (err) {
        case Z_OK:
        case Z_BUF_ERROR:
        case Z_STREAM_END: break;
        default:
          if (err == Z_NEED_DICT && !self->zdict.is_null()) {
            if (set_inflate_zdict(I, self) < 0) return Value::error();
            break;
          }
          goto save;
      }
    } while (zst.avail_out == 0 || err == Z_NEED_DICT);
  } while (err != Z_STREAM_END && remaining != 0);
save:
  // Input left unfed to zlib (beyond UINT_MAX chunks) counts as unconsumed.
  zst.avail_in += static_cast<uInt>(remaining > UINT_MAX - zst.avail_in ? UINT_MAX - zst.avail_in : remaining);
  if (save_unconsumed(I, self, err) < 0) return Value::error();
  if (err == Z_STREAM_END) {
    self->eof = 1;
  } else if (err != Z_OK && err != Z_BUF_ERROR) {
    return zlib_error(I, zst, err, "while decompressing data");
  }
  return out.finish(&zst);
}

Value m_decomp_flush(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  ZObj* self = self_of(I, args[0], false, "flush");
  if (!self) return Value::error();
  Value a[1];
  if (stdlib_bind_args(I, "flush", args + 1, nargs - 1, kw, {"length"}, 1, 1, 0, a) < 0) return Value::error();
  int64_t length;
  if (!get_ssize(I, a[0], kDefBufSize, &length)) return Value::error();
  if (length <= 0) return raise(I, I.rt.exc_ValueError, "length must be greater than zero");
  Value tail = self->unconsumed_tail;
  std::string_view data = bytes_view(tail);
  z_stream& zst = self->zst;
  zst.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  size_t remaining = data.size();
  OutBuf out(I);
  zst.avail_out = 0;
  int err = Z_OK;
  do {
    arrange_input(&zst, &remaining);
    int flush = remaining == 0 ? Z_FINISH : Z_NO_FLUSH;
    do {
      int r = out.arrange(&zst, static_cast<size_t>(length), SIZE_MAX);
      if (r <= 0) return r < 0 ? Value::error() : raise_memory(I);
      err = inflate(&zst, flush);
      switch (err) {
        case Z_OK:
        case Z_BUF_ERROR:
        case Z_STREAM_END: break;
        default:
          if (err == Z_NEED_DICT && !self->zdict.is_null()) {
            if (set_inflate_zdict(I, self) < 0) return Value::error();
            break;
          }
          goto save;
      }
    } while (zst.avail_out == 0 || err == Z_NEED_DICT);
  } while (err != Z_STREAM_END && remaining != 0);
save:
  if (save_unconsumed(I, self, err) < 0) return Value::error();
  if (err == Z_STREAM_END) {
    self->eof = 1;
    if (self->is_init) {
      self->is_init = 0;
      err = inflateEnd(&zst);
      if (err != Z_OK) return zlib_error(I, zst, err, "while finishing decompression");
    }
  }
  return out.finish(&zst);
}

Value do_copy(Isolate& I, const Value* args, size_t nargs, bool compress, const char* name) {
  ZObj* self = self_of(I, args[0], compress, name);
  if (!self) return Value::error();
  if (!self->is_init) return raise(I, I.rt.exc_ValueError, "Inconsistent stream state");
  ZObj* r = zobj_alloc(I, compress);
  if (!r) return Value::error();
  int err = compress ? deflateCopy(&r->zst, &self->zst) : inflateCopy(&r->zst, &self->zst);
  switch (err) {
    case Z_OK: break;
    case Z_STREAM_ERROR: return raise(I, I.rt.exc_ValueError, "Inconsistent stream state");
    case Z_MEM_ERROR:
      return raise(I, I.rt.exc_MemoryError, compress ? "Can't allocate memory for compression object"
                                                    : "Can't allocate memory for decompression object");
    default:
      return zlib_error(I, self->zst, err,
                        compress ? "while copying compression object" : "while copying decompression object");
  }
  r->is_init = 1;
  r->unused_data = self->unused_data;
  r->unconsumed_tail = self->unconsumed_tail;
  r->zdict = self->zdict;
  r->eof = self->eof;
  return Value::object(r);
}

Value m_comp_copy(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (nargs != 1 || (kw && kw->size())) return raise(I, I.rt.exc_TypeError, "copy() takes no arguments");
  return do_copy(I, args, nargs, true, "copy");
}
Value m_decomp_copy(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (nargs != 1 || (kw && kw->size())) return raise(I, I.rt.exc_TypeError, "copy() takes no arguments");
  return do_copy(I, args, nargs, false, "copy");
}
Value m_comp_deepcopy(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (check_no_kwargs(I, "__deepcopy__", kw) < 0 || check_nargs(I, "__deepcopy__", nargs - 1, 1, 1) < 0)
    return Value::error();
  return do_copy(I, args, nargs, true, "__deepcopy__");
}
Value m_decomp_deepcopy(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (check_no_kwargs(I, "__deepcopy__", kw) < 0 || check_nargs(I, "__deepcopy__", nargs - 1, 1, 1) < 0)
    return Value::error();
  return do_copy(I, args, nargs, false, "__deepcopy__");
}

Value get_unused_data(Isolate&, Value self) { return self.as<ZObj>()->unused_data; }
Value get_unconsumed_tail(Isolate&, Value self) { return self.as<ZObj>()->unconsumed_tail; }
Value get_eof(Isolate&, Value self) { return Value::boolean(self.as<ZObj>()->eof); }

Value zobj_new_refused(Isolate& I, Type* type, const Value*, size_t, Tuple*) {
  return raisef(I, I.rt.exc_TypeError, "cannot create '%s.%s' instances", type->module ? type->module->data : "zlib",
                type->name->data);
}

const char kZlibSource[] = R"PY(
class error(Exception):
    pass

__version__ = '1.0'
)PY";

Type* make_zobj_type(Isolate& I, const char* name) {
  Type* t = stdlib_make_type(I, name, "zlib", I.rt.object_type, sizeof(ZObj), 0);
  if (!t) return nullptr;
  t->new_ = zobj_new_refused;
  t->init = nullptr;
  t->trace = zobj_trace;
  t->finalize = zobj_finalize;
  return t;
}

}  // namespace

int init_zlib_module(Isolate& I, Module* m) {
  Type* ct = make_zobj_type(I, "Compress");
  Type* dt = make_zobj_type(I, "Decompress");
  if (!ct || !dt) return -1;
  if (add_method(I, ct, "compress", m_comp_compress) < 0 || add_method(I, ct, "flush", m_comp_flush) < 0 ||
      add_method(I, ct, "copy", m_comp_copy) < 0 || add_method(I, ct, "__copy__", m_comp_copy) < 0 ||
      add_method(I, ct, "__deepcopy__", m_comp_deepcopy) < 0 ||
      add_method(I, dt, "decompress", m_decomp_decompress) < 0 ||
      add_method(I, dt, "flush", m_decomp_flush) < 0 || add_method(I, dt, "copy", m_decomp_copy) < 0 ||
      add_method(I, dt, "__copy__", m_decomp_copy) < 0 ||
      add_method(I, dt, "__deepcopy__", m_decomp_deepcopy) < 0 ||
      add_getset(I, dt, "unused_data", get_unused_data) < 0 ||
      add_getset(I, dt, "unconsumed_tail", get_unconsumed_tail) < 0 ||
      add_getset(I, dt, "eof", get_eof) < 0)
    return -1;
  struct IntConst {
    const char* name;
    int value;
  };
  static const IntConst consts[] = {
      {"MAX_WBITS", MAX_WBITS}, {"DEFLATED", Z_DEFLATED}, {"DEF_MEM_LEVEL", 8}, {"DEF_BUF_SIZE", 16384},
      {"Z_NO_COMPRESSION", Z_NO_COMPRESSION}, {"Z_BEST_SPEED", Z_BEST_SPEED},
      {"Z_BEST_COMPRESSION", Z_BEST_COMPRESSION}, {"Z_DEFAULT_COMPRESSION", Z_DEFAULT_COMPRESSION},
      {"Z_FILTERED", Z_FILTERED}, {"Z_HUFFMAN_ONLY", Z_HUFFMAN_ONLY}, {"Z_RLE", Z_RLE}, {"Z_FIXED", Z_FIXED},
      {"Z_DEFAULT_STRATEGY", Z_DEFAULT_STRATEGY}, {"Z_NO_FLUSH", Z_NO_FLUSH}, {"Z_PARTIAL_FLUSH", Z_PARTIAL_FLUSH},
      {"Z_SYNC_FLUSH", Z_SYNC_FLUSH}, {"Z_FULL_FLUSH", Z_FULL_FLUSH}, {"Z_FINISH", Z_FINISH}, {"Z_BLOCK", Z_BLOCK},
      {"Z_TREES", Z_TREES},
  };
  for (const IntConst& c : consts)
    if (module_add_value(I, m, c.name, Value::small_int(c.value)) < 0) return -1;
  if (module_add_value(I, m, "ZLIB_VERSION", str_value(I, ZLIB_VERSION)) < 0 ||
      module_add_value(I, m, "ZLIB_RUNTIME_VERSION", str_value(I, zlibVersion())) < 0 ||
      module_add_value(I, m, "_Compress", Value::object(ct)) < 0 ||
      module_add_value(I, m, "_Decompress", Value::object(dt)) < 0 ||
      module_add_function(I, m, "compress", fn_compress) < 0 ||
      module_add_function(I, m, "decompress", fn_decompress) < 0 ||
      module_add_function(I, m, "compressobj", fn_compressobj) < 0 ||
      module_add_function(I, m, "decompressobj", fn_decompressobj) < 0 ||
      module_add_function(I, m, "crc32", fn_checksum<false>) < 0 ||
      module_add_function(I, m, "adler32", fn_checksum<true>) < 0)
    return -1;
  Value r = run_module_source(I, m, "<capy>/zlib.py", kZlibSource);
  return r.is_error() ? -1 : 0;
}

}  // namespace capy
