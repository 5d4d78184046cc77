// io's file streams (CPython 3.11's _io.FileIO, _io.BufferedReader,
// _io.BufferedWriter, _io.BufferedRandom, _io.TextIOWrapper and _io.open).
//
// FileIO is the only object holding a host file: it opens through the
// isolate's file-system door (src/vm/host_fs.h), which resolves the path
// beneath a directory grant or refuses it. There are no file descriptors:
// fileno() raises io.UnsupportedOperation and an int is never a file.
//
// The buffered layer talks to a native FileIO directly and to any other raw
// stream through its Python methods (read/write/seek/tell). TextIOWrapper
// decodes in chunks with the codecs of objects/unicode.h; a chunk never ends
// inside a character (or, in universal-newline mode, after a lone '\r'), so
// tell() is the byte position of the next character: exact at every line
// start, and inside a line for every codec that round-trips (UTF-8, ASCII,
// Latin-1, cp1252, UTF-16, UTF-32). Every buffer is charged to the isolate's
// heap. An object busy in a call that runs guest code (a raw stream written
// in Python) refuses reentrant calls, as CPython's buffered objects do.
#include "modules/io_file.h"

#include <cerrno>
#include <cstring>
#include <memory>
#include <new>
#include <string>

#include "builtins/open.h"
#include "modules/registry.h"
#include "modules/stdlib_support.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/float.h"
#include "objects/function.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/memoryview.h"
#include "objects/misc.h"
#include "objects/native.h"
#include "objects/ops.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "objects/unicode.h"
#include "vm/eval.h"
#include "vm/host_fs.h"
#include "vm/isolate.h"
#include "vm/runtime.h"

namespace capy {

const char kIoOpenDoc[] =
    "Open file and return a stream.  Raise OSError upon failure.\n\n"
    "In capy, files are reached only beneath the directories the host grants.";

namespace {

constexpr size_t kDefaultBufferSize = 8192;
constexpr size_t kTextChunkSize = 8192;

// --- small helpers ------------------------------------------------------------------------------

/// A growable byte buffer charged to the isolate's heap (a side buffer of
/// some object, or a temporary on the C++ stack released by its owner).
struct RawBuf {
  char* p = nullptr;
  size_t len = 0;
  size_t cap = 0;
};

int rb_reserve(Isolate& I, RawBuf& b, size_t need) {
  if (need <= b.cap) return 0;
  size_t nc = b.cap < 64 ? 64 : b.cap;
  while (nc < need) nc = nc > (SIZE_MAX >> 1) ? need : nc * 2;
  void* np = b.p ? I.heap.realloc_raw(b.p, b.cap, nc) : I.heap.alloc_raw(nc);
  if (!np) {
    raise_memory(I);
    return -1;
  }
  b.p = static_cast<char*>(np);
  b.cap = nc;
  return 0;
}

int rb_append(Isolate& I, RawBuf& b, const char* d, size_t n) {
  if (n == 0) return 0;
  if (b.len + n < b.len) {
    raise_memory(I);
    return -1;
  }
  if (rb_reserve(I, b, b.len + n) < 0) return -1;
  std::memcpy(b.p + b.len, d, n);
  b.len += n;
  return 0;
}

void rb_free(Isolate& I, RawBuf& b) {
  if (b.p) I.heap.free_raw(b.p, b.cap);
  b.p = nullptr;
  b.len = b.cap = 0;
}

void rb_drop_front(RawBuf& b, size_t n) {
  if (n >= b.len) {
    b.len = 0;
    return;
  }
  std::memmove(b.p, b.p + n, b.len - n);
  b.len -= n;
}

/// Frees a temporary RawBuf when the scope ends.
struct TempBuf {
  Isolate& I;
  RawBuf b;
  explicit TempBuf(Isolate& i) : I(i) {}
  ~TempBuf() { rb_free(I, b); }
  TempBuf(const TempBuf&) = delete;
  TempBuf& operator=(const TempBuf&) = delete;
};

/// The host file shared by a FileIO and the buffered object above it, so
/// that whichever the collector finalizes first, pending bytes still reach
/// the file. Closed explicitly by FileIO.close(); freed with its last owner.
struct HostFile {
  std::unique_ptr<FileHandle> h;
  int refs = 1;
};

void hf_release(HostFile*& hf) {
  if (hf && --hf->refs == 0) delete hf;
  hf = nullptr;
}

Value unsupported(Isolate& I, const char* msg) {
  Type* t = stdlib_module_exc(I, "io", "UnsupportedOperation", I.rt.exc_OSError);
  return raise(I, t, msg);
}

Value callm(Isolate& I, Value self, const char* name, std::initializer_list<Value> args) {
  Str* n = I.intern(name);
  if (!n) return Value::error();
  return call_method(I, self, n, args);
}

Value getattr_c(Isolate& I, Value self, const char* name) {
  Str* n = I.intern(name);
  if (!n) return Value::error();
  return get_attr(I, self, n);
}

/// The size argument of read()/readline(): None or an int (-1 for None).
bool size_arg(Isolate& I, Value v, int64_t* out) {
  *out = -1;
  if (v.is_null() || v.is_none()) return true;
  if (v.is_small_int()) {
    *out = v.as_small_int();
    return true;
  }
  Type* t = type_of(I, v);
  if (!(t->flags & kTypeIntSubclass) && !t->nb_index) {
    raisef(I, I.rt.exc_TypeError, "argument should be integer or None, not '%s'", type_name(t));
    return false;
  }
  if (!index_i64(I, v, out)) {
    if (!pending_matches(I, I.rt.exc_OverflowError)) return false;
    I.pending = nullptr;
    raise(I, I.rt.exc_OverflowError, "Python int too large to convert to C ssize_t");
    return false;
  }
  return true;
}

bool i64_arg(Isolate& I, Value v, int64_t* out) {
  if (v.is_small_int()) {
    *out = v.as_small_int();
    return true;
  }
  if (!index_i64(I, v, out)) {
    if (!pending_matches(I, I.rt.exc_OverflowError)) return false;
    I.pending = nullptr;
    raise(I, I.rt.exc_OverflowError, "Python int too large to convert to C long");
    return false;
  }
  return true;
}

bool int_arg(Isolate& I, Value v, int* out) {
  int64_t x;
  if (!i64_arg(I, v, &x)) return false;
  if (x > INT32_MAX || x < INT32_MIN) {
    raise(I, I.rt.exc_OverflowError, "Python int too large to convert to C int");
    return false;
  }
  *out = static_cast<int>(x);
  return true;
}

/// A writable contiguous buffer (bytearray, array.array, writable memoryview).
bool writable_buffer(Isolate& I, Value v, char** out, size_t* len) {
  if (v.is_object() && is_subtype(type_of(I, v), I.rt.memoryview_type)) {
    auto* mv = v.as<MemoryView>();
    bool contiguous = mv->ndim == 0 || (mv->ndim == 1 && mv->strides[0] == static_cast<int64_t>(mv->itemsize));
    BufferInfo bi;
    if (!mv->released && !mv->readonly && contiguous && buffer_of_exporter(mv->obj, &bi) && !bi.readonly) {
      *out = bi.data + mv->offset;
      *len = static_cast<size_t>(mv->nbytes);
      return true;
    }
  } else {
    BufferInfo bi;
    if (buffer_of_exporter(v, &bi) && !bi.readonly) {
      *out = bi.data;
      *len = bi.len;
      return true;
    }
  }
  raisef(I, I.rt.exc_TypeError, "readinto() argument must be read-write bytes-like object, not %s", type_name(I, v));
  return false;
}

/// Rejects any argument: "name() takes no arguments (1 given)".
bool no_args(Isolate& I, const char* name, size_t nargs, Tuple* kw) {
  if (check_no_kwargs(I, name, kw) < 0) return false;
  if (nargs != 1) {
    raisef(I, I.rt.exc_TypeError, "%s() takes no arguments (%zu given)", name, nargs - 1);
    return false;
  }
  return true;
}

/// Positional-only arguments after self: min..max of them.
bool pos_args(Isolate& I, const char* name, size_t nargs, Tuple* kw, size_t min, size_t max) {
  if (check_no_kwargs(I, name, kw) < 0) return false;
  size_t n = nargs - 1;
  if (n >= min && n <= max) return true;
  if (min == max)
    raisef(I, I.rt.exc_TypeError, "%s() takes exactly %zu argument%s (%zu given)", name, min, min == 1 ? "" : "s", n);
  else if (n < min)
    raisef(I, I.rt.exc_TypeError, "%s expected at least %zu argument%s, got %zu", name, min, min == 1 ? "" : "s", n);
  else
    raisef(I, I.rt.exc_TypeError, "%s expected at most %zu argument%s, got %zu", name, max, max == 1 ? "" : "s", n);
  return false;
}

// --- FileIO ---------------------------------------------------------------------------------------

struct FileIOObj : Object {
  Dict* dict;
  HostFile* hf;      // nullptr: closed or never opened
  int64_t blksize;
  uint8_t readable;
  uint8_t writable;
  uint8_t appending;
  uint8_t created;
  uint8_t plus;
};

void fileio_trace(Object* o, Tracer& t) { t.visit(static_cast<FileIOObj*>(o)->dict); }
void fileio_finalize(Isolate&, Object* o) { hf_release(static_cast<FileIOObj*>(o)->hf); }
bool is_fileio(Value v) { return v.is_object() && v.as_object()->type_->trace == fileio_trace; }

FileIOObj* fio_self(Isolate& I, Value v, bool check_closed = true) {
  if (!is_fileio(v)) {
    raisef(I, I.rt.exc_TypeError, "descriptor requires a '_io.FileIO' object but received a '%s'", type_name(I, v));
    return nullptr;
  }
  auto* f = v.as<FileIOObj>();
  if (check_closed && !f->hf) {
    raise(I, I.rt.exc_ValueError, "I/O operation on closed file");
    return nullptr;
  }
  return f;
}

const char* fio_mode(const FileIOObj* f) {
  if (f->created) return f->readable ? "xb+" : "xb";
  if (f->appending) return f->readable ? "ab+" : "ab";
  if (f->readable) return f->writable ? "rb+" : "rb";
  return "wb";
}

int set_dict_item(Isolate& I, Value self, const char* name, Value v) {
  Str* n = I.intern(name);
  if (!n) return -1;
  return generic_setattr(I, self, n, v);
}

/// Parses a FileIO mode ("r", "wb", "a+"...). false with ValueError set.
bool fio_parse_mode(Isolate& I, std::string_view mode, OpenRequest* req, FileIOObj* f) {
  int rwa = 0, plus = 0;
  bool bad = false;
  for (char c : mode) {
    switch (c) {
      case 'x': rwa++; f->created = 1; f->writable = 1; req->write = req->create = req->exclusive = true; break;
      case 'r': rwa++; f->readable = 1; req->read = true; break;
      case 'w': rwa++; f->writable = 1; req->write = req->create = req->truncate = true; break;
      case 'a': rwa++; f->writable = 1; f->appending = 1; req->write = req->append = req->create = true; break;
      case 'b': break;
      case '+':
        if (plus) bad = true;
        plus = 1;
        f->readable = f->writable = 1;
        req->read = req->write = true;
        break;
      default: bad = true; break;
    }
    if (bad) break;
  }
  if (bad) {
    raisef(I, I.rt.exc_ValueError, "invalid mode: %.*s", static_cast<int>(mode.size()), mode.data());
    return false;
  }
  if (rwa != 1) {
    raise(I, I.rt.exc_ValueError, "Must have exactly one of create/read/write/append mode and at most one plus");
    return false;
  }
  f->plus = static_cast<uint8_t>(plus);
  return true;
}

/// Opens `file` through the door into f (closing what f held). 0 or -1.
int fio_open(Isolate& I, FileIOObj* f, Value file, std::string_view mode, Value closefd, Value opener) {
  hf_release(f->hf);
  f->readable = f->writable = f->appending = f->created = f->plus = 0;
  OpenRequest req;
  if (!fio_parse_mode(I, mode, &req, f)) return -1;
  if (type_of(I, file)->flags & kTypeIntSubclass) {
    // A file descriptor: capy hands none out, so no int names an open file.
    raise_os_error(I, EBADF, Value::null());
    return -1;
  }
  FsPath path;
  if (fs_path_arg(I, file, nullptr, nullptr, false, &path) < 0) return -1;
  if (!closefd.is_null()) {
    int t = truthy(I, closefd);
    if (t < 0) return -1;
    if (!t) {
      raise(I, I.rt.exc_ValueError, "Cannot use closefd=False with file name");
      return -1;
    }
  }
  if (!opener.is_null() && !opener.is_none()) {
    raise(I, I.rt.exc_ValueError, "opener is not supported: capy has no file descriptors");
    return -1;
  }
  FileSystem* fs = fs_door(I);
  if (!fs) {
    raise_os_error(I, EACCES, path.value);
    return -1;
  }
  if (I.io_unflushed) io_flush_unflushed(I);
  std::unique_ptr<FileHandle> h;
  int r = fs->open(path.bytes, req, &h);
  if (r == -EMFILE) {
    // Files the guest dropped without closing are closed by their finalizers.
    I.collect();
    r = fs->open(path.bytes, req, &h);
  }
  if (r < 0) {
    raise_os_error(I, -r, path.value);
    return -1;
  }
  FileStat st;
  f->blksize = (h->stat(&st) == 0 && st.blksize > 1) ? st.blksize : static_cast<int64_t>(kDefaultBufferSize);
  if (req.append) {
    int64_t p = h->seek(0, 2);
    if (p < 0) {
      raise_os_error(I, static_cast<int>(-p), path.value);
      return -1;
    }
  }
  auto* hf = new (std::nothrow) HostFile;
  if (!hf) {
    raise_memory(I);
    return -1;
  }
  hf->h = std::move(h);
  f->hf = hf;
  return set_dict_item(I, Value::object(f), "name", path.value);
}

Value fileio_new(Isolate& I, Type* type, const Value*, size_t, Tuple*) {
  auto* f = static_cast<FileIOObj*>(I.heap.alloc_object(type, type->basicsize));
  if (!f) return raise_memory(I);
  return Value::object(f);
}

int fileio_init(Isolate& I, Value self, const Value* args, size_t nargs, Tuple* kw) {
  FileIOObj* f = fio_self(I, self, false);
  if (!f) return -1;
  Value p[4];
  if (stdlib_bind_args(I, "FileIO", args, nargs, kw, {"file", "mode", "closefd", "opener"}, 0, 4, 1, p) < 0)
    return -1;
  std::string_view mode = "r";
  if (!p[1].is_null()) {
    if (!(type_of(I, p[1])->flags & kTypeStrSubclass)) {
      raisef(I, I.rt.exc_TypeError, "FileIO() argument 'mode' must be str, not %s", type_name(I, p[1]));
      return -1;
    }
    mode = p[1].as<Str>()->view();
  }
  return fio_open(I, f, p[0], mode, p[2], p[3]);
}

Value m_fio_init(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (fileio_init(I, args[0], args + 1, nargs - 1, kw) < 0) return Value::error();
  return Value::none();
}

Value fio_err(Isolate& I, int64_t r) { return raise_os_error(I, static_cast<int>(-r), Value::null()); }

/// The whole rest of the file, grown in an accounted buffer. 0 or -1.
int fio_read_rest(Isolate& I, FileIOObj* f, RawBuf& out) {
  if (I.io_unflushed) io_flush_unflushed(I);
  FileHandle* h = f->hf->h.get();
  size_t hint = kDefaultBufferSize;
  FileStat st;
  int64_t pos = h->seek(0, 1);
  if (pos >= 0 && h->stat(&st) == 0 && st.size > pos) hint = static_cast<size_t>(st.size - pos) + 1;
  if (rb_reserve(I, out, out.len + hint) < 0) return -1;
  for (;;) {
    if (out.len == out.cap && rb_reserve(I, out, out.cap * 2) < 0) return -1;
    int64_t r = h->read(out.p + out.len, out.cap - out.len);
    if (r < 0) {
      fio_err(I, r);
      return -1;
    }
    if (r == 0) return 0;
    out.len += static_cast<size_t>(r);
  }
}

Value m_fio_readall(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  FileIOObj* f = fio_self(I, args[0]);
  if (!f || !no_args(I, "readall", nargs, kw)) return Value::error();
  if (!f->readable) return unsupported(I, "File not open for reading");
  TempBuf b(I);
  if (fio_read_rest(I, f, b.b) < 0) return Value::error();
  return bytes_value(I, std::string_view(b.b.p ? b.b.p : "", b.b.len));
}

Value m_fio_read(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  FileIOObj* f = fio_self(I, args[0]);
  if (!f || !pos_args(I, "read", nargs, kw, 0, 1)) return Value::error();
  if (!f->readable) return unsupported(I, "File not open for reading");
  int64_t n = -1;
  if (nargs > 1 && !size_arg(I, args[1], &n)) return Value::error();
  if (n < 0) return m_fio_readall(I, args, 1, nullptr);
  if (I.io_unflushed) io_flush_unflushed(I);
  FileHandle* h = f->hf->h.get();
  // Never allocate more than the file can still give.
  size_t want = static_cast<size_t>(n);
  FileStat st;
  int64_t pos = h->seek(0, 1);
  if (pos >= 0 && h->stat(&st) == 0 && st.size >= pos) {
    size_t left = static_cast<size_t>(st.size - pos);
    if (want > left + kDefaultBufferSize) want = left + kDefaultBufferSize;
  }
  TempBuf b(I);
  if (rb_reserve(I, b.b, want ? want : 1) < 0) return Value::error();
  int64_t r = h->read(b.b.p, want);
  if (r < 0) return fio_err(I, r);
  return bytes_value(I, std::string_view(b.b.p, static_cast<size_t>(r)));
}

Value m_fio_readinto(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  FileIOObj* f = fio_self(I, args[0]);
  if (!f || !pos_args(I, "readinto", nargs, kw, 1, 1)) return Value::error();
  if (!f->readable) return unsupported(I, "File not open for reading");
  char* dst;
  size_t room;
  if (!writable_buffer(I, args[1], &dst, &room)) return Value::error();
  if (I.io_unflushed) io_flush_unflushed(I);
  int64_t r = f->hf->h->read(dst, room);
  if (r < 0) return fio_err(I, r);
  return int_from_i64(I, r);
}

Value m_fio_write(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  FileIOObj* f = fio_self(I, args[0]);
  if (!f || !pos_args(I, "write", nargs, kw, 1, 1)) return Value::error();
  if (!f->writable) return unsupported(I, "File not open for writing");
  std::string_view d;
  std::string scratch;
  int k = buffer_bytes(I, args[1], &d, &scratch);
  if (k < 0) return Value::error();
  if (k == 0) return raisef(I, I.rt.exc_TypeError, "a bytes-like object is required, not '%s'", type_name(I, args[1]));
  int64_t r = f->hf->h->write(d.data(), d.size());
  if (r < 0) return fio_err(I, r);
  return int_from_i64(I, r);
}

Value m_fio_seek(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  FileIOObj* f = fio_self(I, args[0]);
  if (!f || !pos_args(I, "seek", nargs, kw, 1, 2)) return Value::error();
  if (is_float(I, args[1])) return raise(I, I.rt.exc_TypeError, "an integer is required");
  int64_t pos;
  int whence = 0;
  if (!i64_arg(I, args[1], &pos)) return Value::error();
  if (nargs > 2 && !int_arg(I, args[2], &whence)) return Value::error();
  if (whence < 0 || whence > 2) return raise_os_error(I, EINVAL, Value::null());
  int64_t r = f->hf->h->seek(pos, whence);
  if (r < 0) return fio_err(I, r);
  return int_from_i64(I, r);
}

Value m_fio_tell(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  FileIOObj* f = fio_self(I, args[0]);
  if (!f || !no_args(I, "tell", nargs, kw)) return Value::error();
  int64_t r = f->hf->h->seek(0, 1);
  if (r < 0) return fio_err(I, r);
  return int_from_i64(I, r);
}

Value m_fio_truncate(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  FileIOObj* f = fio_self(I, args[0]);
  if (!f || !pos_args(I, "truncate", nargs, kw, 0, 1)) return Value::error();
  if (!f->writable) return unsupported(I, "File not open for writing");
  int64_t size;
  if (nargs < 2 || args[1].is_none()) {
    size = f->hf->h->seek(0, 1);
    if (size < 0) return fio_err(I, size);
  } else if (!i64_arg(I, args[1], &size)) {
    return Value::error();
  }
  int r = f->hf->h->truncate(size);
  if (r < 0) return fio_err(I, r);
  return int_from_i64(I, size);
}

Value m_fio_close(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  FileIOObj* f = fio_self(I, args[0], false);
  if (!f || !no_args(I, "close", nargs, kw)) return Value::error();
  if (f->hf) {
    f->hf->h.reset();
    hf_release(f->hf);
  }
  return Value::none();
}

Value m_fio_readable(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  FileIOObj* f = fio_self(I, args[0]);
  if (!f || !no_args(I, "readable", nargs, kw)) return Value::error();
  return Value::boolean(f->readable);
}
Value m_fio_writable(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  FileIOObj* f = fio_self(I, args[0]);
  if (!f || !no_args(I, "writable", nargs, kw)) return Value::error();
  return Value::boolean(f->writable);
}
Value m_fio_seekable(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  FileIOObj* f = fio_self(I, args[0]);
  if (!f || !no_args(I, "seekable", nargs, kw)) return Value::error();
  return Value::true_();  // the door opens regular files only
}
Value m_fio_isatty(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  FileIOObj* f = fio_self(I, args[0]);
  if (!f || !no_args(I, "isatty", nargs, kw)) return Value::error();
  return Value::false_();
}
Value m_fio_fileno(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  FileIOObj* f = fio_self(I, args[0]);
  if (!f || !no_args(I, "fileno", nargs, kw)) return Value::error();
  return unsupported(I, "fileno");
}

Value fio_get_closed(Isolate& I, Value self) {
  FileIOObj* f = fio_self(I, self, false);
  if (!f) return Value::error();
  return Value::boolean(!f->hf);
}
Value fio_get_mode(Isolate& I, Value self) {
  FileIOObj* f = fio_self(I, self, false);
  if (!f) return Value::error();
  return str_value(I, fio_mode(f));
}
Value fio_get_closefd(Isolate& I, Value self) {
  FileIOObj* f = fio_self(I, self, false);
  if (!f) return Value::error();
  return Value::true_();
}
Value fio_get_blksize(Isolate& I, Value self) {
  FileIOObj* f = fio_self(I, self, false);
  if (!f) return Value::error();
  return int_from_i64(I, f->blksize);
}

/// "_io.FileIO": the type's module and name, as CPython's tp_name.
std::string full_type_name(Isolate& I, Value v) {
  Type* t = type_of(I, v);
  std::string out;
  if (t->module && t->module->view() != "builtins") {
    out.assign(t->module->view());
    out += '.';
  }
  out += type_name(t);
  return out;
}

/// repr's "name=... " part, empty when the object has no name.
int name_part(Isolate& I, Value self, std::string& out) {
  Str* n = I.intern("name");
  if (!n) return -1;
  Value v = get_attr_opt(I, self, n);
  if (v.is_error()) {
    if (!pending_matches(I, I.rt.exc_ValueError) && !pending_matches(I, I.rt.exc_AttributeError)) return -1;
    I.pending = nullptr;
    return 0;
  }
  if (v.is_null()) return 0;
  out += " name=";
  return repr_append(I, v, out);
}

Value fileio_repr(Isolate& I, Value self) {
  FileIOObj* f = fio_self(I, self, false);
  if (!f) return Value::error();
  std::string out = "<";
  out += full_type_name(I, self);
  if (!f->hf) return str_value(I, out + " [closed]>");
  if (name_part(I, self, out) < 0) return Value::error();
  out += " mode='";
  out += fio_mode(f);
  out += "' closefd=True>";
  return str_value(I, out);
}

Value m_getstate_refuse(Isolate& I, const Value* args, size_t, Tuple*) {
  return raisef(I, I.rt.exc_TypeError, "cannot pickle '%s' object", type_name(I, args[0]));
}

// --- Buffered -------------------------------------------------------------------------------------

enum : uint8_t { kReader = 1, kWriter = 2, kRandom = 3 };

struct BufferedObj : Object {
  Dict* dict;
  Value raw;          // None after detach()
  HostFile* hf;       // the raw FileIO's host file (finalize flushes through it)
  char* buf;          // cap bytes, charged to the heap
  size_t cap;
  size_t rpos, rend;  // unread bytes: buf[rpos, rend)
  size_t wlen;        // unwritten bytes: buf[0, wlen) (never together with unread ones)
  BufferedObj* dirty_prev;  // the isolate's list of writers with unwritten bytes
  BufferedObj* dirty_next;
  uint8_t dirty;
  uint8_t kind;
  uint8_t ok;
  uint8_t busy;
};

// Writers over a native FileIO that hold unwritten bytes are listed on the
// isolate (weakly): every file-system operation of the guest first writes
// them out, so a file object dropped without close() (which CPython closes
// at once through reference counting) has reached its file before anything
// can look at it. The collector's finalizer does the same for the host.
void dirty_unlink(Isolate& I, BufferedObj* b) {
  if (!b->dirty) return;
  if (b->dirty_prev) b->dirty_prev->dirty_next = b->dirty_next;
  else I.io_unflushed = b->dirty_next;
  if (b->dirty_next) b->dirty_next->dirty_prev = b->dirty_prev;
  b->dirty_prev = b->dirty_next = nullptr;
  b->dirty = 0;
}

void dirty_link(Isolate& I, BufferedObj* b) {
  if (b->dirty || !b->hf) return;
  auto* head = static_cast<BufferedObj*>(I.io_unflushed);
  b->dirty_prev = nullptr;
  b->dirty_next = head;
  if (head) head->dirty_prev = b;
  I.io_unflushed = b;
  b->dirty = 1;
}

/// Writes b's pending bytes straight to its host file (no guest code runs).
/// true when nothing is left.
bool write_out_direct(BufferedObj* b) {
  if (!b->hf || !b->hf->h) return false;
  size_t done = 0;
  while (done < b->wlen) {
    int64_t r = b->hf->h->write(b->buf + done, b->wlen - done);
    if (r <= 0) break;
    done += static_cast<size_t>(r);
  }
  if (done && done < b->wlen) std::memmove(b->buf, b->buf + done, b->wlen - done);
  b->wlen -= done;
  return b->wlen == 0;
}

void buffered_trace(Object* o, Tracer& t) {
  auto* b = static_cast<BufferedObj*>(o);
  t.visit(b->dict);
  t.visit(b->raw);
}

void buffered_finalize(Isolate& I, Object* o) {
  auto* b = static_cast<BufferedObj*>(o);
  // Like CPython's close() on deallocation: bytes still buffered are written.
  dirty_unlink(I, b);
  if (b->wlen) write_out_direct(b);
  b->wlen = 0;
  hf_release(b->hf);
  if (b->buf) I.heap.free_raw(b->buf, b->cap);
  b->buf = nullptr;
  b->cap = 0;
}

bool is_buffered(Value v) { return v.is_object() && v.as_object()->type_->trace == buffered_trace; }

const char* kind_name(uint8_t k) {
  return k == kReader ? "BufferedReader" : k == kWriter ? "BufferedWriter" : "BufferedRandom";
}

/// Marks the object busy for one call that may run guest code.
struct Busy {
  uint8_t* flag;
  explicit Busy(uint8_t* f) : flag(f) { *flag = 1; }
  ~Busy() { *flag = 0; }
};

BufferedObj* buf_self(Isolate& I, Value v, bool attached = true) {
  if (!is_buffered(v)) {
    raisef(I, I.rt.exc_TypeError, "descriptor requires a buffered object but received a '%s'", type_name(I, v));
    return nullptr;
  }
  auto* b = v.as<BufferedObj>();
  if (!b->ok) {
    raise(I, I.rt.exc_ValueError, "I/O operation on uninitialized object");
    return nullptr;
  }
  if (attached && b->raw.is_none()) {
    raise(I, I.rt.exc_ValueError, "raw stream has been detached");
    return nullptr;
  }
  if (b->busy) {
    raisef(I, I.rt.exc_RuntimeError, "reentrant call inside <_io.%s>", kind_name(b->kind));
    return nullptr;
  }
  return b;
}

FileIOObj* native_raw(BufferedObj* b) { return is_fileio(b->raw) ? b->raw.as<FileIOObj>() : nullptr; }

/// raw.closed: 1, 0 or -1.
int raw_closed(Isolate& I, BufferedObj* b) {
  if (FileIOObj* f = native_raw(b)) return f->hf ? 0 : 1;
  Value c = getattr_c(I, b->raw, "closed");
  if (c.is_error()) return -1;
  return truthy(I, c);
}

/// Fails with ValueError(msg) when the raw stream is closed. 0 or -1.
int check_open(Isolate& I, BufferedObj* b, const char* msg) {
  int c = raw_closed(I, b);
  if (c < 0) return -1;
  if (c) {
    raise(I, I.rt.exc_ValueError, msg);
    return -1;
  }
  return 0;
}

// Raw stream calls: a count (>= 0), -1 with an exception, or -2 when a
// Python raw stream returned None (no data without blocking).
int64_t raw_read(Isolate& I, BufferedObj* b, char* dst, size_t n) {
  if (FileIOObj* f = native_raw(b)) {
    if (!f->hf) return raise(I, I.rt.exc_ValueError, "I/O operation on closed file"), -1;
    if (!f->readable) return unsupported(I, "File not open for reading"), -1;
    if (I.io_unflushed) io_flush_unflushed(I);
    int64_t r = f->hf->h->read(dst, n);
    if (r < 0) return fio_err(I, r), -1;
    return r;
  }
  Value r = callm(I, b->raw, "read", {int_from_i64(I, static_cast<int64_t>(n))});
  if (r.is_error()) return -1;
  if (r.is_none()) return -2;
  std::string_view d;
  std::string scratch;
  int k = buffer_bytes(I, r, &d, &scratch);
  if (k < 0) return -1;
  if (k == 0) return raisef(I, I.rt.exc_TypeError, "read() should return bytes"), -1;
  if (d.size() > n)
    return raisef(I, I.rt.exc_OSError, "raw read() returned invalid length %zu (should have been between 0 and %zu)",
                  d.size(), n), -1;
  if (!d.empty()) std::memcpy(dst, d.data(), d.size());
  return static_cast<int64_t>(d.size());
}

int64_t raw_write(Isolate& I, BufferedObj* b, const char* src, size_t n) {
  if (FileIOObj* f = native_raw(b)) {
    if (!f->hf) return raise(I, I.rt.exc_ValueError, "I/O operation on closed file"), -1;
    if (!f->writable) return unsupported(I, "File not open for writing"), -1;
    int64_t r = f->hf->h->write(src, n);
    if (r < 0) return fio_err(I, r), -1;
    return r;
  }
  Value data = bytes_value(I, std::string_view(src, n));
  if (data.is_error()) return -1;
  Value r = callm(I, b->raw, "write", {data});
  if (r.is_error()) return -1;
  if (r.is_none()) return -2;
  int64_t w;
  if (!i64_arg(I, r, &w)) return -1;
  if (w < 0 || static_cast<size_t>(w) > n)
    return raisef(I, I.rt.exc_OSError, "raw write() returned invalid length %lld (should have been between 0 and %zu)",
                  static_cast<long long>(w), n), -1;
  return w;
}

int64_t raw_seek(Isolate& I, BufferedObj* b, int64_t off, int whence) {
  if (FileIOObj* f = native_raw(b)) {
    if (!f->hf) return raise(I, I.rt.exc_ValueError, "I/O operation on closed file"), -1;
    int64_t r = f->hf->h->seek(off, whence);
    if (r < 0) return fio_err(I, r), -1;
    return r;
  }
  Value r = callm(I, b->raw, "seek", {int_from_i64(I, off), Value::small_int(whence)});
  if (r.is_error()) return -1;
  int64_t p;
  if (!i64_arg(I, r, &p)) return -1;
  if (p < 0) return raisef(I, I.rt.exc_OSError, "Raw stream returned invalid position %lld", static_cast<long long>(p)), -1;
  return p;
}

int64_t raw_tell(Isolate& I, BufferedObj* b) {
  if (native_raw(b)) return raw_seek(I, b, 0, 1);
  Value r = callm(I, b->raw, "tell", {});
  if (r.is_error()) return -1;
  int64_t p;
  if (!i64_arg(I, r, &p)) return -1;
  if (p < 0) return raisef(I, I.rt.exc_OSError, "Raw stream returned invalid position %lld", static_cast<long long>(p)), -1;
  return p;
}

/// Writes out buf[0, wlen). 0 or -1 (what was not written stays buffered).
int buf_flush(Isolate& I, BufferedObj* b) {
  size_t done = 0;
  while (done < b->wlen) {
    int64_t r = raw_write(I, b, b->buf + done, b->wlen - done);
    if (r < 0 || r == 0) {
      if (done) {
        std::memmove(b->buf, b->buf + done, b->wlen - done);
        b->wlen -= done;
      }
      if (r == -2) raise(I, I.rt.exc_BlockingIOError, "write could not complete without blocking");
      else if (r == 0) raise_os_error(I, EIO, Value::null());
      return -1;
    }
    done += static_cast<size_t>(r);
  }
  b->wlen = 0;
  dirty_unlink(I, b);
  return 0;
}

/// Gives back unread bytes to the raw stream (its position becomes ours). 0 or -1.
int buf_drop_read(Isolate& I, BufferedObj* b) {
  if (b->rend > b->rpos) {
    if (raw_seek(I, b, -static_cast<int64_t>(b->rend - b->rpos), 1) < 0) return -1;
  }
  b->rpos = b->rend = 0;
  return 0;
}

/// Refills the (empty) read buffer. Count read (0 at the end), -1, or -2.
int64_t buf_fill(Isolate& I, BufferedObj* b) {
  b->rpos = b->rend = 0;
  int64_t r = raw_read(I, b, b->buf, b->cap);
  if (r > 0) b->rend = static_cast<size_t>(r);
  return r;
}

/// read(n) (n >= 0) into out. 0 or -1; *none set when nothing was read and the raw stream would block.
int buf_read_n(Isolate& I, BufferedObj* b, size_t n, RawBuf& out, bool* none) {
  *none = false;
  size_t avail = b->rend - b->rpos;
  size_t take = avail < n ? avail : n;
  if (rb_append(I, out, b->buf + b->rpos, take) < 0) return -1;
  b->rpos += take;
  size_t left = n - take;
  while (left > 0) {
    if (left >= b->cap) {
      size_t chunk = left < (size_t(1) << 20) ? left : (size_t(1) << 20);
      if (rb_reserve(I, out, out.len + chunk) < 0) return -1;
      int64_t r = raw_read(I, b, out.p + out.len, chunk);
      if (r == -1) return -1;
      if (r <= 0) {
        *none = r == -2 && out.len == 0;
        return 0;
      }
      out.len += static_cast<size_t>(r);
      left -= static_cast<size_t>(r);
      continue;
    }
    int64_t r = buf_fill(I, b);
    if (r == -1) return -1;
    if (r <= 0) {
      *none = r == -2 && out.len == 0;
      return 0;
    }
    take = b->rend < left ? b->rend : left;
    if (rb_append(I, out, b->buf, take) < 0) return -1;
    b->rpos = take;
    left -= take;
  }
  return 0;
}

/// read() to the end into out. 0 or -1.
int buf_read_all(Isolate& I, BufferedObj* b, RawBuf& out, bool* none) {
  *none = false;
  if (rb_append(I, out, b->buf + b->rpos, b->rend - b->rpos) < 0) return -1;
  b->rpos = b->rend = 0;
  if (FileIOObj* f = native_raw(b)) {
    if (!f->hf) return raise(I, I.rt.exc_ValueError, "I/O operation on closed file"), -1;
    if (!f->readable) return unsupported(I, "File not open for reading"), -1;
    return fio_read_rest(I, f, out);
  }
  for (;;) {
    if (rb_reserve(I, out, out.len + 65536) < 0) return -1;
    int64_t r = raw_read(I, b, out.p + out.len, 65536);
    if (r == -1) return -1;
    if (r <= 0) {
      *none = r == -2 && out.len == 0;
      return 0;
    }
    out.len += static_cast<size_t>(r);
  }
}

/// Prepares for reading: checks the mode and that the file is open, flushes writes.
int buf_pre_read(Isolate& I, BufferedObj* b, const char* what) {
  if (b->kind == kWriter) {
    unsupported(I, what);
    return -1;
  }
  std::string msg = std::string(what) + " of closed file";
  if (check_open(I, b, msg.c_str()) < 0) return -1;
  if (b->wlen && buf_flush(I, b) < 0) return -1;
  return 0;
}

Value rb_bytes(Isolate& I, const RawBuf& b) { return bytes_value(I, std::string_view(b.p ? b.p : "", b.len)); }

Value m_buf_read(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  BufferedObj* b = buf_self(I, args[0]);
  if (!b || !pos_args(I, "read", nargs, kw, 0, 1)) return Value::error();
  int64_t n = -1;
  if (nargs > 1 && !size_arg(I, args[1], &n)) return Value::error();
  if (n < -1) return raise(I, I.rt.exc_ValueError, "read length must be non-negative or -1");
  Busy busy(&b->busy);
  if (buf_pre_read(I, b, "read") < 0) return Value::error();
  TempBuf out(I);
  bool none;
  int r = n < 0 ? buf_read_all(I, b, out.b, &none) : buf_read_n(I, b, static_cast<size_t>(n), out.b, &none);
  if (r < 0) return Value::error();
  if (none) return Value::none();
  return rb_bytes(I, out.b);
}

Value m_buf_read1(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  BufferedObj* b = buf_self(I, args[0]);
  if (!b || !pos_args(I, "read1", nargs, kw, 0, 1)) return Value::error();
  int64_t n = -1;
  if (nargs > 1 && !size_arg(I, args[1], &n)) return Value::error();
  Busy busy(&b->busy);
  if (buf_pre_read(I, b, "read1") < 0) return Value::error();
  if (n < 0) n = static_cast<int64_t>(b->cap);
  if (n == 0) return bytes_value(I, "");
  if (b->rend == b->rpos) {
    if (static_cast<size_t>(n) > b->cap) {
      TempBuf out(I);
      size_t want = static_cast<size_t>(n) < (size_t(1) << 20) ? static_cast<size_t>(n) : (size_t(1) << 20);
      if (rb_reserve(I, out.b, want) < 0) return Value::error();
      int64_t r = raw_read(I, b, out.b.p, want);
      if (r == -1) return Value::error();
      out.b.len = r > 0 ? static_cast<size_t>(r) : 0;
      return rb_bytes(I, out.b);
    }
    if (buf_fill(I, b) == -1) return Value::error();
  }
  size_t avail = b->rend - b->rpos;
  size_t take = avail < static_cast<size_t>(n) ? avail : static_cast<size_t>(n);
  Value r = bytes_value(I, std::string_view(b->buf + b->rpos, take));
  if (!r.is_error()) b->rpos += take;
  return r;
}

Value m_buf_peek(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  BufferedObj* b = buf_self(I, args[0]);
  if (!b || !pos_args(I, "peek", nargs, kw, 0, 1)) return Value::error();
  int64_t n = 0;
  if (nargs > 1 && !size_arg(I, args[1], &n)) return Value::error();
  Busy busy(&b->busy);
  if (buf_pre_read(I, b, "peek") < 0) return Value::error();
  if (b->rend == b->rpos && buf_fill(I, b) == -1) return Value::error();
  return bytes_value(I, std::string_view(b->buf + b->rpos, b->rend - b->rpos));
}

/// readline(limit) into out. 0 or -1.
int buf_readline(Isolate& I, BufferedObj* b, int64_t limit, RawBuf& out) {
  for (;;) {
    size_t avail = b->rend - b->rpos;
    size_t room = limit < 0 ? avail : static_cast<size_t>(limit) - out.len;
    if (room > avail) room = avail;
    const char* start = b->buf + b->rpos;
    const void* nl = std::memchr(start, '\n', room);
    size_t take = nl ? static_cast<size_t>(static_cast<const char*>(nl) - start) + 1 : room;
    if (rb_append(I, out, start, take) < 0) return -1;
    b->rpos += take;
    if (nl || (limit >= 0 && out.len >= static_cast<size_t>(limit))) return 0;
    int64_t r = buf_fill(I, b);
    if (r == -1) return -1;
    if (r <= 0) return 0;
  }
}

Value m_buf_readline(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  BufferedObj* b = buf_self(I, args[0]);
  if (!b || !pos_args(I, "readline", nargs, kw, 0, 1)) return Value::error();
  int64_t n = -1;
  if (nargs > 1 && !size_arg(I, args[1], &n)) return Value::error();
  Busy busy(&b->busy);
  if (b->kind == kWriter) return unsupported(I, "read");
  if (buf_pre_read(I, b, "readline") < 0) return Value::error();
  TempBuf out(I);
  if (n != 0 && buf_readline(I, b, n, out.b) < 0) return Value::error();
  return rb_bytes(I, out.b);
}

Value buf_next(Isolate& I, Value self) {
  BufferedObj* b = buf_self(I, self);
  if (!b) return Value::error();
  Busy busy(&b->busy);
  if (b->kind == kWriter) return unsupported(I, "read");
  if (buf_pre_read(I, b, "readline") < 0) return Value::error();
  TempBuf out(I);
  if (buf_readline(I, b, -1, out.b) < 0) return Value::error();
  if (out.b.len == 0) return Value::null();
  return rb_bytes(I, out.b);
}

Value buf_iter(Isolate& I, Value self) {
  BufferedObj* b = buf_self(I, self);
  if (!b) return Value::error();
  if (check_open(I, b, "I/O operation on closed file.") < 0) return Value::error();
  return self;
}

Value m_buf_next(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (!no_args(I, "__next__", nargs, kw)) return Value::error();
  Value r = buf_next(I, args[0]);
  if (r.is_null()) return raise_value(I, Value::object(I.rt.exc_StopIteration));
  return r;
}

Value m_buf_iter(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (!no_args(I, "__iter__", nargs, kw)) return Value::error();
  return buf_iter(I, args[0]);
}

Value buf_readinto_impl(Isolate& I, const Value* args, size_t nargs, Tuple* kw, bool one) {
  const char* name = one ? "readinto1" : "readinto";
  BufferedObj* b = buf_self(I, args[0]);
  if (!b || !pos_args(I, name, nargs, kw, 1, 1)) return Value::error();
  Busy busy(&b->busy);
  if (buf_pre_read(I, b, "readinto") < 0) return Value::error();
  char* dst;
  size_t room;
  if (!writable_buffer(I, args[1], &dst, &room)) return Value::error();
  // Read into a temporary first: a Python raw stream could resize the target.
  TempBuf out(I);
  bool none;
  if (one) {
    size_t avail = b->rend - b->rpos;
    if (avail == 0 && room > 0) {
      if (buf_fill(I, b) == -1) return Value::error();
      avail = b->rend - b->rpos;
    }
    size_t take = avail < room ? avail : room;
    if (rb_append(I, out.b, b->buf + b->rpos, take) < 0) return Value::error();
    b->rpos += take;
  } else if (buf_read_n(I, b, room, out.b, &none) < 0) {
    return Value::error();
  }
  if (!writable_buffer(I, args[1], &dst, &room)) return Value::error();
  size_t n = out.b.len < room ? out.b.len : room;
  if (n) std::memcpy(dst, out.b.p, n);
  return int_from_i64(I, static_cast<int64_t>(n));
}

Value m_buf_readinto(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  return buf_readinto_impl(I, args, nargs, kw, false);
}
Value m_buf_readinto1(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  return buf_readinto_impl(I, args, nargs, kw, true);
}

/// write(data) of the buffered layer (data copied before any guest code runs). -1 or 0.
int buf_write(Isolate& I, BufferedObj* b, std::string_view d) {
  if (b->rend > b->rpos || b->rpos) {
    if (buf_drop_read(I, b) < 0) return -1;
  }
  if (b->wlen + d.size() <= b->cap) {
    if (!d.empty()) std::memcpy(b->buf + b->wlen, d.data(), d.size());
    b->wlen += d.size();
    if (b->wlen == b->cap && buf_flush(I, b) < 0) return -1;
    if (b->wlen) dirty_link(I, b);
    return 0;
  }
  if (buf_flush(I, b) < 0) return -1;
  if (d.size() < b->cap) {
    std::memcpy(b->buf, d.data(), d.size());
    b->wlen = d.size();
    if (b->wlen) dirty_link(I, b);
    return 0;
  }
  size_t done = 0;
  while (done < d.size()) {
    int64_t r = raw_write(I, b, d.data() + done, d.size() - done);
    if (r == -1) return -1;
    if (r <= 0) {
      if (r == -2) raise(I, I.rt.exc_BlockingIOError, "write could not complete without blocking");
      else raise_os_error(I, EIO, Value::null());
      return -1;
    }
    done += static_cast<size_t>(r);
  }
  return 0;
}

Value m_buf_write(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  BufferedObj* b = buf_self(I, args[0]);
  if (!b || !pos_args(I, "write", nargs, kw, 1, 1)) return Value::error();
  if (b->kind == kReader) return unsupported(I, "write");
  Busy busy(&b->busy);
  if (check_open(I, b, "write to closed file") < 0) return Value::error();
  std::string_view d;
  std::string scratch;
  int k = buffer_bytes(I, args[1], &d, &scratch);
  if (k < 0) return Value::error();
  if (k == 0) return raisef(I, I.rt.exc_TypeError, "a bytes-like object is required, not '%s'", type_name(I, args[1]));
  if (!native_raw(b) && scratch.empty()) {
    // The raw stream runs guest code, which could resize a bytearray being
    // written: keep a copy the guest cannot change.
    scratch.assign(d);
    d = scratch;
  }
  size_t n = d.size();
  if (buf_write(I, b, d) < 0) return Value::error();
  return int_from_i64(I, static_cast<int64_t>(n));
}

Value m_buf_flush(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  BufferedObj* b = buf_self(I, args[0]);
  if (!b || !no_args(I, "flush", nargs, kw)) return Value::error();
  Busy busy(&b->busy);
  if (check_open(I, b, b->kind == kReader ? "I/O operation on closed file." : "flush of closed file") < 0)
    return Value::error();
  if (buf_flush(I, b) < 0) return Value::error();
  if (!native_raw(b) && b->kind != kReader) {
    Value r = callm(I, b->raw, "flush", {});
    if (r.is_error()) return r;
  }
  return Value::none();
}

int64_t buf_tell(Isolate& I, BufferedObj* b) {
  int64_t p = raw_tell(I, b);
  if (p < 0) return -1;
  p = p - static_cast<int64_t>(b->rend - b->rpos) + static_cast<int64_t>(b->wlen);
  return p < 0 ? 0 : p;
}

Value m_buf_tell(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  BufferedObj* b = buf_self(I, args[0]);
  if (!b || !no_args(I, "tell", nargs, kw)) return Value::error();
  Busy busy(&b->busy);
  int64_t p = buf_tell(I, b);
  if (p < 0) return Value::error();
  return int_from_i64(I, p);
}

int64_t buf_seek(Isolate& I, BufferedObj* b, int64_t pos, int whence) {
  if (check_open(I, b, "seek of closed file") < 0) return -1;
  if (b->wlen && buf_flush(I, b) < 0) return -1;
  if (whence == 1) pos -= static_cast<int64_t>(b->rend - b->rpos);
  b->rpos = b->rend = 0;
  return raw_seek(I, b, pos, whence);
}

Value m_buf_seek(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  BufferedObj* b = buf_self(I, args[0]);
  if (!b || !pos_args(I, "seek", nargs, kw, 1, 2)) return Value::error();
  if (is_float(I, args[1])) return raise(I, I.rt.exc_TypeError, "an integer is required");
  int64_t pos;
  int whence = 0;
  if (!i64_arg(I, args[1], &pos)) return Value::error();
  if (nargs > 2 && !int_arg(I, args[2], &whence)) return Value::error();
  if (whence < 0 || whence > 2) return raisef(I, I.rt.exc_ValueError, "whence value %d unsupported", whence);
  Busy busy(&b->busy);
  int64_t r = buf_seek(I, b, pos, whence);
  if (r < 0) return Value::error();
  return int_from_i64(I, r);
}

Value m_buf_truncate(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  BufferedObj* b = buf_self(I, args[0]);
  if (!b || !pos_args(I, "truncate", nargs, kw, 0, 1)) return Value::error();
  if (b->kind == kReader) return unsupported(I, "truncate");
  Busy busy(&b->busy);
  if (check_open(I, b, "truncate of closed file") < 0) return Value::error();
  if (buf_flush(I, b) < 0) return Value::error();
  int64_t pos;
  if (nargs < 2 || args[1].is_none()) {
    pos = buf_tell(I, b);
    if (pos < 0) return Value::error();
  } else if (!i64_arg(I, args[1], &pos)) {
    return Value::error();
  }
  if (buf_drop_read(I, b) < 0) return Value::error();
  if (FileIOObj* f = native_raw(b)) {
    if (!f->writable) return unsupported(I, "File not open for writing");
    int r = f->hf->h->truncate(pos);
    if (r < 0) return fio_err(I, r);
    return int_from_i64(I, pos);
  }
  return callm(I, b->raw, "truncate", {int_from_i64(I, pos)});
}

Value m_buf_close(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  BufferedObj* b = buf_self(I, args[0]);
  if (!b || !no_args(I, "close", nargs, kw)) return Value::error();
  Busy busy(&b->busy);
  int c = raw_closed(I, b);
  if (c < 0) return Value::error();
  if (c) return Value::none();
  // Flush, then close the raw stream even when the flush failed.
  BaseExc* flush_error = nullptr;
  if (buf_flush(I, b) < 0) flush_error = I.take_pending();
  b->rpos = b->rend = b->wlen = 0;
  dirty_unlink(I, b);
  Value r;
  if (FileIOObj* f = native_raw(b)) {
    if (f->hf) {
      f->hf->h.reset();
      hf_release(f->hf);
    }
    r = Value::none();
  } else {
    r = callm(I, b->raw, "close", {});
  }
  hf_release(b->hf);
  if (flush_error) {
    if (r.is_error()) I.pending = nullptr;
    I.pending = flush_error;
    return Value::error();
  }
  return r.is_error() ? r : Value::none();
}

Value m_buf_detach(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  BufferedObj* b = buf_self(I, args[0]);
  if (!b || !no_args(I, "detach", nargs, kw)) return Value::error();
  Busy busy(&b->busy);
  if (check_open(I, b, "I/O operation on closed file.") < 0) return Value::error();
  if (buf_flush(I, b) < 0) return Value::error();
  if (buf_drop_read(I, b) < 0) return Value::error();
  Value raw = b->raw;
  b->raw = Value::none();
  dirty_unlink(I, b);
  hf_release(b->hf);
  return raw;
}

/// readable()/writable()/seekable()/fileno()/isatty(): the raw stream's answer.
Value buf_delegate(Isolate& I, const Value* args, size_t nargs, Tuple* kw, const char* name) {
  BufferedObj* b = buf_self(I, args[0]);
  if (!b || !no_args(I, name, nargs, kw)) return Value::error();
  if (b->kind == kWriter && !strcmp(name, "readable")) return Value::false_();
  if (b->kind == kReader && !strcmp(name, "writable")) return Value::false_();
  Busy busy(&b->busy);
  return callm(I, b->raw, name, {});
}

Value m_buf_readable(Isolate& I, const Value* a, size_t n, Tuple* k) { return buf_delegate(I, a, n, k, "readable"); }
Value m_buf_writable(Isolate& I, const Value* a, size_t n, Tuple* k) { return buf_delegate(I, a, n, k, "writable"); }
Value m_buf_seekable(Isolate& I, const Value* a, size_t n, Tuple* k) { return buf_delegate(I, a, n, k, "seekable"); }
Value m_buf_fileno(Isolate& I, const Value* a, size_t n, Tuple* k) { return buf_delegate(I, a, n, k, "fileno"); }
Value m_buf_isatty(Isolate& I, const Value* a, size_t n, Tuple* k) { return buf_delegate(I, a, n, k, "isatty"); }

Value buf_get_raw(Isolate& I, Value self) {
  BufferedObj* b = buf_self(I, self, false);
  if (!b) return Value::error();
  return b->raw;
}
Value buf_get_closed(Isolate& I, Value self) {
  BufferedObj* b = buf_self(I, self);
  if (!b) return Value::error();
  if (native_raw(b)) return Value::boolean(!native_raw(b)->hf);
  return getattr_c(I, b->raw, "closed");
}
Value buf_get_name(Isolate& I, Value self) {
  BufferedObj* b = buf_self(I, self);
  if (!b) return Value::error();
  return getattr_c(I, b->raw, "name");
}
Value buf_get_mode(Isolate& I, Value self) {
  BufferedObj* b = buf_self(I, self);
  if (!b) return Value::error();
  return getattr_c(I, b->raw, "mode");
}

Value buffered_repr(Isolate& I, Value self) {
  std::string out = "<";
  out += full_type_name(I, self);
  if (is_buffered(self) && self.as<BufferedObj>()->ok && !self.as<BufferedObj>()->raw.is_none()) {
    if (name_part(I, self, out) < 0) return Value::error();
  }
  out += ">";
  return str_value(I, out);
}

Value buffered_new(Isolate& I, Type* type, const Value*, size_t, Tuple*) {
  auto* b = static_cast<BufferedObj*>(I.heap.alloc_object(type, type->basicsize));
  if (!b) return raise_memory(I);
  b->raw = Value::none();
  return Value::object(b);
}

/// Sets up b over `raw` (a checked raw stream). 0 or -1.
int buffered_setup(Isolate& I, BufferedObj* b, Value raw, int64_t size, uint8_t kind) {
  if (size <= 0) {
    raise(I, I.rt.exc_ValueError, "buffer size must be strictly positive");
    return -1;
  }
  void* p = I.heap.alloc_raw(static_cast<size_t>(size));
  if (!p) {
    raise_memory(I);
    return -1;
  }
  if (b->buf) {
    if (b->wlen) write_out_direct(b);
    I.heap.free_raw(b->buf, b->cap);
  }
  dirty_unlink(I, b);
  hf_release(b->hf);
  b->buf = static_cast<char*>(p);
  b->cap = static_cast<size_t>(size);
  b->rpos = b->rend = b->wlen = 0;
  b->raw = raw;
  b->kind = kind;
  if (FileIOObj* f = native_raw(b)) {
    if (f->hf) {
      b->hf = f->hf;
      ++b->hf->refs;
    }
  }
  b->ok = 1;
  return 0;
}

/// raw.readable()/writable()/seekable() must be true. 0 or -1.
int check_raw(Isolate& I, Value raw, const char* what, const char* msg) {
  Value r = callm(I, raw, what, {});
  if (r.is_error()) return -1;
  int t = truthy(I, r);
  if (t < 0) return -1;
  if (!t) {
    unsupported(I, msg);
    return -1;
  }
  return 0;
}

int buffered_init_kind(Isolate& I, Value self, const Value* args, size_t nargs, Tuple* kw, uint8_t kind) {
  if (!is_buffered(self)) {
    raise(I, I.rt.exc_TypeError, "__init__ requires a buffered object");
    return -1;
  }
  BufferedObj* b = self.as<BufferedObj>();
  if (b->busy) {
    raisef(I, I.rt.exc_RuntimeError, "reentrant call inside <_io.%s>", kind_name(b->kind));
    return -1;
  }
  Value p[2];
  if (stdlib_bind_args(I, kind_name(kind), args, nargs, kw, {"raw", "buffer_size"}, 0, 2, 1, p) < 0) return -1;
  int64_t size = static_cast<int64_t>(kDefaultBufferSize);
  if (!p[1].is_null() && !i64_arg(I, p[1], &size)) return -1;
  b->ok = 0;
  if (kind == kRandom && check_raw(I, p[0], "seekable", "File or stream is not seekable.") < 0) return -1;
  if (kind != kWriter && check_raw(I, p[0], "readable", "File or stream is not readable.") < 0) return -1;
  if (kind != kReader && check_raw(I, p[0], "writable", "File or stream is not writable.") < 0) return -1;
  return buffered_setup(I, b, p[0], size, kind);
}

int reader_init(Isolate& I, Value s, const Value* a, size_t n, Tuple* k) { return buffered_init_kind(I, s, a, n, k, kReader); }
int writer_init(Isolate& I, Value s, const Value* a, size_t n, Tuple* k) { return buffered_init_kind(I, s, a, n, k, kWriter); }
int random_init(Isolate& I, Value s, const Value* a, size_t n, Tuple* k) { return buffered_init_kind(I, s, a, n, k, kRandom); }

template <InitFn kInit>
Value m_init(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (kInit(I, args[0], args + 1, nargs - 1, kw) < 0) return Value::error();
  return Value::none();
}

// --- TextIOWrapper ---------------------------------------------------------------------------------

enum class TextCodec : uint8_t { Utf8, Utf8Sig, Ascii, Latin1, Cp1252, Utf16, Utf16LE, Utf16BE, Utf32, Utf32LE, Utf32BE, Escape };
enum : uint8_t { kNlNone = 0, kNlLF = 1, kNlCR = 2, kNlCRLF = 3 };
enum : uint8_t { kSeenCR = 1, kSeenLF = 2, kSeenCRLF = 4 };

struct TextObj : Object {
  Dict* dict;
  Value buffer;         // None after detach()
  Str* encoding;        // as given ("UTF-8" by default)
  Str* errors;
  RawBuf dec;           // decoded text (UTF-8); dec.p[dec_pos:] is unread
  size_t dec_pos;
  RawBuf snap;          // the raw bytes dec was decoded from
  RawBuf pend;          // raw bytes read but not decoded yet (they follow snap)
  size_t map_dec, map_raw;  // a line start in dec and its offset in snap
  int64_t chunk_size;
  TextCodec codec;
  uint8_t big_endian;   // for UTF-16/32 once the byte order is known
  uint8_t bom_read;     // a BOM may still start the stream (reading)
  uint8_t bom_write;    // the next write at position 0 starts with a BOM
  uint8_t readnl;       // kNl*: kNlNone = universal
  uint8_t readtranslate;
  uint8_t writenl;      // kNlNone: '\n' written as is
  uint8_t seennl;
  uint8_t line_buffering, write_through;
  uint8_t readable, writable, seekable, has_read1, native;  // native: buffer is a native Buffered
  uint8_t telling;
  uint8_t ok, busy;
};

void text_trace(Object* o, Tracer& t) {
  auto* x = static_cast<TextObj*>(o);
  t.visit(x->dict);
  t.visit(x->buffer);
  t.visit(x->encoding);
  t.visit(x->errors);
}

void text_finalize(Isolate& I, Object* o) {
  auto* x = static_cast<TextObj*>(o);
  rb_free(I, x->dec);
  rb_free(I, x->snap);
  rb_free(I, x->pend);
}

bool is_text(Value v) { return v.is_object() && v.as_object()->type_->trace == text_trace; }

TextObj* text_self(Isolate& I, Value v, bool attached = true) {
  if (!is_text(v)) {
    raisef(I, I.rt.exc_TypeError, "descriptor requires a '_io.TextIOWrapper' object but received a '%s'",
           type_name(I, v));
    return nullptr;
  }
  auto* t = v.as<TextObj>();
  if (!t->ok) {
    raise(I, I.rt.exc_ValueError, "I/O operation on uninitialized object");
    return nullptr;
  }
  if (attached && t->buffer.is_none()) {
    raise(I, I.rt.exc_ValueError, "underlying buffer has been detached");
    return nullptr;
  }
  if (t->busy) {
    raise(I, I.rt.exc_RuntimeError, "reentrant call inside <_io.TextIOWrapper>");
    return nullptr;
  }
  return t;
}

BufferedObj* text_nb(TextObj* t) {
  return t->native && is_buffered(t->buffer) ? t->buffer.as<BufferedObj>() : nullptr;
}

/// buffer.closed: 1, 0 or -1.
int text_closed(Isolate& I, TextObj* t) {
  if (BufferedObj* b = text_nb(t)) {
    if (b->raw.is_none()) return 0;
    return raw_closed(I, b);
  }
  Value c = getattr_c(I, t->buffer, "closed");
  if (c.is_error()) return -1;
  return truthy(I, c);
}

int text_check_closed(Isolate& I, TextObj* t) {
  int c = text_closed(I, t);
  if (c < 0) return -1;
  if (c) {
    raise(I, I.rt.exc_ValueError, "I/O operation on closed file.");
    return -1;
  }
  return 0;
}

// Code units of the encoding: line ends are found in raw bytes unit by unit.
size_t unit_of(const TextObj* t) {
  switch (t->codec) {
    case TextCodec::Utf16: case TextCodec::Utf16LE: case TextCodec::Utf16BE: return 2;
    case TextCodec::Utf32: case TextCodec::Utf32LE: case TextCodec::Utf32BE: return 4;
    default: return 1;
  }
}

uint32_t unit_at(const TextObj* t, const char* p, size_t w) {
  const auto* u = reinterpret_cast<const unsigned char*>(p);
  if (w == 1) return u[0];
  bool be = t->codec == TextCodec::Utf16BE || t->codec == TextCodec::Utf32BE ||
            ((t->codec == TextCodec::Utf16 || t->codec == TextCodec::Utf32) && t->big_endian);
  uint32_t v = 0;
  for (size_t i = 0; i < w; ++i) v |= static_cast<uint32_t>(u[be ? w - 1 - i : i]) << (8 * i);
  return v;
}

/// The codec name given to codec_decode/codec_encode.
const char* codec_for(const TextObj* t) {
  switch (t->codec) {
    case TextCodec::Utf8: case TextCodec::Utf8Sig: return "utf-8";
    case TextCodec::Ascii: return "ascii";
    case TextCodec::Latin1: return "latin-1";
    case TextCodec::Cp1252: return "cp1252";
    case TextCodec::Utf16: return t->big_endian ? "utf-16-be" : "utf-16-le";
    case TextCodec::Utf16LE: return "utf-16-le";
    case TextCodec::Utf16BE: return "utf-16-be";
    case TextCodec::Utf32: return t->big_endian ? "utf-32-be" : "utf-32-le";
    case TextCodec::Utf32LE: return "utf-32-le";
    case TextCodec::Utf32BE: return "utf-32-be";
    case TextCodec::Escape: return nullptr;
  }
  return nullptr;
}

/// Classifies an encoding name. false (LookupError set) when unknown.
bool lookup_text_codec(Isolate& I, std::string_view enc, TextCodec* out) {
  std::string norm;
  for (char c : enc) norm += (c == '_' || c == ' ') ? '-' : static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  if (norm == "utf-8-sig" || norm == "utf8-sig") {
    *out = TextCodec::Utf8Sig;
    return true;
  }
  std::string_view c = codec_canonical(enc);
  if (c.empty()) {
    raisef(I, I.rt.exc_LookupError, "unknown encoding: %.*s", static_cast<int>(enc.size()), enc.data());
    return false;
  }
  if (c == "utf-8") *out = TextCodec::Utf8;
  else if (c == "ascii") *out = TextCodec::Ascii;
  else if (c == "latin-1") *out = TextCodec::Latin1;
  else if (c == "charmap") *out = TextCodec::Cp1252;
  else if (c == "utf-16") *out = TextCodec::Utf16;
  else if (c == "utf-16-le") *out = TextCodec::Utf16LE;
  else if (c == "utf-16-be") *out = TextCodec::Utf16BE;
  else if (c == "utf-32") *out = TextCodec::Utf32;
  else if (c == "utf-32-le") *out = TextCodec::Utf32LE;
  else if (c == "utf-32-be") *out = TextCodec::Utf32BE;
  else *out = TextCodec::Escape;
  return true;
}

/// Bytes at the start of p[0, n) that form whole characters.
size_t complete_prefix(const TextObj* t, const char* p, size_t n) {
  const auto* u = reinterpret_cast<const unsigned char*>(p);
  switch (t->codec) {
    case TextCodec::Utf8: case TextCodec::Utf8Sig: {
      // Back up over an incomplete sequence at the end (at most 3 bytes).
      for (size_t back = 1; back <= 4 && back <= n; ++back) {
        unsigned char c = u[n - back];
        if ((c & 0xC0) == 0x80) continue;
        size_t need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
        return need > back ? n - back : n;
      }
      return n;
    }
    case TextCodec::Utf16: case TextCodec::Utf16LE: case TextCodec::Utf16BE: {
      size_t k = n & ~size_t(1);
      if (k >= 2) {
        uint32_t last = unit_at(t, p + k - 2, 2);
        if (last >= 0xD800 && last <= 0xDBFF) k -= 2;  // a high surrogate waits for its pair
      }
      return k;
    }
    case TextCodec::Utf32: case TextCodec::Utf32LE: case TextCodec::Utf32BE: return n & ~size_t(3);
    case TextCodec::Escape: {
      // An escape sequence is at most 10 bytes long (\UXXXXXXXX).
      for (size_t back = 1; back <= 10 && back <= n; ++back)
        if (u[n - back] == '\\') return n - back;
      return n;
    }
    default: return n;
  }
}

Value decode_bytes(Isolate& I, TextObj* t, std::string_view raw) {
  const char* c = codec_for(t);
  std::string enc;
  if (!c) {
    enc.assign(t->encoding->view());
    c = enc.c_str();
  }
  return codec_decode(I, raw, c, t->errors->view());
}

/// Decodes the whole characters at the front of pend (all of pend when
/// `final`) onto dec, with newline translation. 0 or -1.
int text_decode(Isolate& I, TextObj* t, bool final) {
  if (t->bom_read) {
    size_t need = t->codec == TextCodec::Utf8Sig ? 3 : t->codec == TextCodec::Utf16 ? 2 :
                  t->codec == TextCodec::Utf32 ? 4 : 0;
    if (need == 0) {
      t->bom_read = 0;
    } else if (t->pend.len >= need || final) {
      const auto* u = reinterpret_cast<const unsigned char*>(t->pend.p);
      size_t n = t->pend.len;
      size_t skip = 0;
      if (t->codec == TextCodec::Utf8Sig && n >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
        skip = 3;
      } else if (t->codec == TextCodec::Utf16 && n >= 2) {
        if (u[0] == 0xFF && u[1] == 0xFE) { skip = 2; t->big_endian = 0; }
        else if (u[0] == 0xFE && u[1] == 0xFF) { skip = 2; t->big_endian = 1; }
      } else if (t->codec == TextCodec::Utf32 && n >= 4) {
        if (u[0] == 0xFF && u[1] == 0xFE && u[2] == 0 && u[3] == 0) { skip = 4; t->big_endian = 0; }
        else if (u[0] == 0 && u[1] == 0 && u[2] == 0xFE && u[3] == 0xFF) { skip = 4; t->big_endian = 1; }
      }
      rb_drop_front(t->pend, skip);
      t->bom_read = 0;
    } else {
      return 0;
    }
  }
  size_t w = unit_of(t);
  size_t k = final ? t->pend.len : complete_prefix(t, t->pend.p, t->pend.len);
  if (!final && t->readnl == kNlNone && k >= w && unit_at(t, t->pend.p + k - w, w) == '\r') k -= w;
  if (t->readnl == kNlCRLF && !final && k >= w && unit_at(t, t->pend.p + k - w, w) == '\r') k -= w;
  if (k == 0) return 0;
  Value s = decode_bytes(I, t, std::string_view(t->pend.p, k));
  if (s.is_error()) return -1;
  std::string_view text = s.as<Str>()->view();
  if (t->readnl == kNlNone) {
    // Universal newlines: note what was seen; translate to '\n' unless newline=''.
    bool any = std::memchr(text.data(), '\r', text.size()) != nullptr;
    if (!any) {
      if (std::memchr(text.data(), '\n', text.size())) t->seennl |= kSeenLF;
    } else {
      std::string out;
      out.reserve(text.size());
      for (size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c == '\r') {
          if (i + 1 < text.size() && text[i + 1] == '\n') {
            t->seennl |= kSeenCRLF;
            if (t->readtranslate) {
              out += '\n';
              ++i;
              continue;
            }
            out += '\r';
            continue;
          }
          t->seennl |= kSeenCR;
          out += t->readtranslate ? '\n' : '\r';
          continue;
        }
        if (c == '\n' && !(i > 0 && text[i - 1] == '\r')) t->seennl |= kSeenLF;
        out += c;
      }
      if (rb_append(I, t->dec, out.data(), out.size()) < 0) return -1;
      if (rb_append(I, t->snap, t->pend.p, k) < 0) return -1;
      rb_drop_front(t->pend, k);
      return 0;
    }
  }
  if (rb_append(I, t->dec, text.data(), text.size()) < 0) return -1;
  if (rb_append(I, t->snap, t->pend.p, k) < 0) return -1;
  rb_drop_front(t->pend, k);
  return 0;
}

/// The offset in snap of the raw bytes that decoded to dec[0, dpos).
size_t text_map(Isolate& I, TextObj* t, size_t dpos) {
  if (dpos >= t->dec.len) return t->snap.len;
  size_t d = t->map_dec, r = t->map_raw;
  if (d > dpos) d = r = 0;
  const char* D = t->dec.p;
  size_t w = unit_of(t);
  if (t->codec != TextCodec::Escape) {
    // Whole lines: each '\n' of dec is one line end in the raw bytes.
    for (;;) {
      const void* nl = d < dpos ? std::memchr(D + d, '\n', dpos - d) : nullptr;
      if (!nl) break;
      size_t i = static_cast<size_t>(static_cast<const char*>(nl) - D);
      while (r + w <= t->snap.len) {
        uint32_t u = unit_at(t, t->snap.p + r, w);
        r += w;
        if (u == '\n') break;
        if (u == '\r' && t->readnl == kNlNone && t->readtranslate) {
          if (r + w <= t->snap.len && unit_at(t, t->snap.p + r, w) == '\n') r += w;
          break;
        }
      }
      d = i + 1;
    }
    t->map_dec = d;
    t->map_raw = r;
  } else {
    d = r = 0;
  }
  if (d == dpos) return r;
  // Part of a line: its length once encoded again (exact for codecs that round-trip).
  Value part = str_value(I, std::string_view(D + d, dpos - d));
  if (!part.is_error()) {
    const char* c = codec_for(t);
    std::string enc(c ? c : std::string(t->encoding->view()));
    Value e = codec_encode(I, part.as<Str>(), enc, "strict");
    if (!e.is_error()) {
      size_t n = bytes_view(e).size();
      return r + n > t->snap.len ? t->snap.len : r + n;
    }
  }
  I.pending = nullptr;
  return r + (dpos - d) > t->snap.len ? t->snap.len : r + (dpos - d);
}

/// Drops the consumed part of dec (and the raw bytes it came from).
void text_compact(Isolate& I, TextObj* t) {
  if (t->dec_pos == 0) return;
  size_t r = text_map(I, t, t->dec_pos);
  rb_drop_front(t->dec, t->dec_pos);
  rb_drop_front(t->snap, r);
  t->dec_pos = 0;
  t->map_dec = t->map_raw = 0;
}

void text_clear(TextObj* t) {
  t->dec.len = t->snap.len = t->pend.len = 0;
  t->dec_pos = t->map_dec = t->map_raw = 0;
}

/// Reads raw bytes from the buffer: a read1-sized chunk (whole rest when n < 0).
/// 1 when bytes came, 0 at the end, -1 on error.
int text_read_raw(Isolate& I, TextObj* t, int64_t n) {
  if (BufferedObj* b = text_nb(t)) {
    if (b->busy) return raise(I, I.rt.exc_RuntimeError, "reentrant call inside <_io.BufferedReader>"), -1;
    Busy busy(&b->busy);
    if (buf_pre_read(I, b, "read") < 0) return -1;
    size_t before = t->pend.len;
    bool none;
    if (n < 0) {
      if (buf_read_all(I, b, t->pend, &none) < 0) return -1;
    } else {
      if (b->rend == b->rpos && buf_fill(I, b) == -1) return -1;
      size_t avail = b->rend - b->rpos;
      size_t take = avail < static_cast<size_t>(n) ? avail : static_cast<size_t>(n);
      if (rb_append(I, t->pend, b->buf + b->rpos, take) < 0) return -1;
      b->rpos += take;
    }
    return t->pend.len > before ? 1 : 0;
  }
  Value r;
  if (n < 0) r = callm(I, t->buffer, "read", {});
  else r = callm(I, t->buffer, t->has_read1 ? "read1" : "read", {int_from_i64(I, n)});
  if (r.is_error()) return -1;
  if (r.is_none()) return 0;
  std::string_view d;
  std::string scratch;
  int k = buffer_bytes(I, r, &d, &scratch);
  if (k < 0) return -1;
  if (k == 0)
    return raisef(I, I.rt.exc_TypeError, "underlying %s() should have returned a bytes-like object, not '%s'",
                  n < 0 ? "read" : t->has_read1 ? "read1" : "read", type_name(I, r)), -1;
  if (rb_append(I, t->pend, d.data(), d.size()) < 0) return -1;
  return d.empty() ? 0 : 1;
}

/// Reads and decodes one more chunk. 1: more text may follow, 0: end of stream, -1.
int text_more(Isolate& I, TextObj* t) {
  text_compact(I, t);
  size_t before = t->dec.len;
  for (;;) {
    int r = text_read_raw(I, t, t->chunk_size);
    if (r < 0) return -1;
    if (text_decode(I, t, r == 0) < 0) return -1;
    if (r == 0) return 0;
    if (t->dec.len > before) return 1;
  }
}

int text_pre_read(Isolate& I, TextObj* t) {
  if (text_check_closed(I, t) < 0) return -1;
  if (!t->readable) {
    unsupported(I, "not readable");
    return -1;
  }
  // Bytes written but still buffered must reach the file before reading.
  if (BufferedObj* b = text_nb(t)) {
    if (b->wlen) {
      Busy busy(&b->busy);
      if (buf_flush(I, b) < 0) return -1;
    }
  }
  return 0;
}

Value dec_str(Isolate& I, TextObj* t, size_t from, size_t to) {
  return str_value(I, std::string_view(t->dec.p + from, to - from));
}

Value text_read(Isolate& I, TextObj* t, int64_t n) {
  if (n < 0) {
    if (text_read_raw(I, t, -1) < 0) return Value::error();
    if (text_decode(I, t, true) < 0) return Value::error();
    Value r = dec_str(I, t, t->dec_pos, t->dec.len);
    if (r.is_error()) return r;
    text_clear(t);
    return r;
  }
  // n code points.
  size_t pos = t->dec_pos;
  size_t count = 0;
  for (;;) {
    const char* D = t->dec.p;
    while (count < static_cast<size_t>(n) && pos < t->dec.len) {
      ++pos;
      while (pos < t->dec.len && (static_cast<unsigned char>(D[pos]) & 0xC0) == 0x80) ++pos;
      ++count;
    }
    if (count == static_cast<size_t>(n)) break;
    size_t consumed = pos - t->dec_pos;
    int m = text_more(I, t);  // may compact: positions move with dec_pos
    if (m < 0) return Value::error();
    pos = t->dec_pos + consumed;
    if (m == 0 && pos >= t->dec.len) break;
  }
  Value r = dec_str(I, t, t->dec_pos, pos);
  if (!r.is_error()) t->dec_pos = pos;
  return r;
}

/// Where the line starting at dec_pos ends in dec (exclusive), or npos when
/// more text is needed. `scan` is where to resume searching.
size_t find_line_end(TextObj* t, size_t scan, bool final) {
  const char* D = t->dec.p;
  size_t end = t->dec.len;
  if (t->readnl == kNlLF || (t->readnl == kNlNone && t->readtranslate)) {
    const void* p = scan < end ? std::memchr(D + scan, '\n', end - scan) : nullptr;
    return p ? static_cast<size_t>(static_cast<const char*>(p) - D) + 1 : std::string::npos;
  }
  if (t->readnl == kNlCR) {
    const void* p = scan < end ? std::memchr(D + scan, '\r', end - scan) : nullptr;
    return p ? static_cast<size_t>(static_cast<const char*>(p) - D) + 1 : std::string::npos;
  }
  for (size_t i = scan; i < end; ++i) {
    if (t->readnl == kNlCRLF) {
      if (D[i] == '\r') {
        if (i + 1 < end) {
          if (D[i + 1] == '\n') return i + 2;
        } else if (!final) {
          return std::string::npos;
        }
      }
      continue;
    }
    // newline='': '\n', '\r\n' or '\r' ends a line, untranslated.
    if (D[i] == '\n') return i + 1;
    if (D[i] == '\r') {
      if (i + 1 < end) return D[i + 1] == '\n' ? i + 2 : i + 1;
      if (final) return i + 1;
      return std::string::npos;
    }
  }
  return std::string::npos;
}

Value text_readline(Isolate& I, TextObj* t, int64_t limit) {
  size_t scan = t->dec_pos;
  bool final = false;
  for (;;) {
    size_t e = find_line_end(t, scan, final);
    if (e == std::string::npos && final) e = t->dec.len;
    if (limit >= 0) {
      // At most `limit` code points.
      size_t stop = e == std::string::npos ? t->dec.len : e;
      size_t pos = t->dec_pos, count = 0;
      while (pos < stop && count < static_cast<size_t>(limit)) {
        ++pos;
        while (pos < stop && (static_cast<unsigned char>(t->dec.p[pos]) & 0xC0) == 0x80) ++pos;
        ++count;
      }
      if (count == static_cast<size_t>(limit)) e = pos;
    }
    if (e != std::string::npos) {
      Value r = dec_str(I, t, t->dec_pos, e);
      if (!r.is_error()) t->dec_pos = e;
      return r;
    }
    size_t off = t->dec.len - t->dec_pos;
    // Back up one byte so a '\r' at the end is looked at again with what follows.
    off = off > 0 ? off - 1 : 0;
    int m = text_more(I, t);
    if (m < 0) return Value::error();
    scan = t->dec_pos + off;
    if (m == 0) final = true;
  }
}

Value m_text_read(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  TextObj* t = text_self(I, args[0]);
  if (!t || !pos_args(I, "read", nargs, kw, 0, 1)) return Value::error();
  int64_t n = -1;
  if (nargs > 1 && !size_arg(I, args[1], &n)) return Value::error();
  Busy busy(&t->busy);
  if (text_pre_read(I, t) < 0) return Value::error();
  return text_read(I, t, n);
}

Value m_text_readline(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  TextObj* t = text_self(I, args[0]);
  if (!t || !pos_args(I, "readline", nargs, kw, 0, 1)) return Value::error();
  int64_t n = -1;
  if (nargs > 1) {
    if (!(type_of(I, args[1])->flags & kTypeIntSubclass) && !args[1].is_none())
      return raisef(I, I.rt.exc_TypeError, "'%s' object cannot be interpreted as an integer", type_name(I, args[1]));
    if (!size_arg(I, args[1], &n)) return Value::error();
  }
  Busy busy(&t->busy);
  if (text_pre_read(I, t) < 0) return Value::error();
  return text_readline(I, t, n);
}

Value text_next(Isolate& I, Value self) {
  TextObj* t = text_self(I, self);
  if (!t) return Value::error();
  Busy busy(&t->busy);
  if (text_pre_read(I, t) < 0) return Value::error();
  t->telling = 0;
  Value line = text_readline(I, t, -1);
  if (line.is_error()) return line;
  if (line.as<Str>()->size() == 0) {
    text_clear(t);
    t->telling = t->seekable;
    return Value::null();
  }
  return line;
}

Value text_iter(Isolate& I, Value self) {
  TextObj* t = text_self(I, self);
  if (!t) return Value::error();
  if (text_check_closed(I, t) < 0) return Value::error();
  return self;
}

Value m_text_next(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (!no_args(I, "__next__", nargs, kw)) return Value::error();
  Value r = text_next(I, args[0]);
  if (r.is_null()) return raise_value(I, Value::object(I.rt.exc_StopIteration));
  return r;
}

Value m_text_iter(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (!no_args(I, "__iter__", nargs, kw)) return Value::error();
  return text_iter(I, args[0]);
}

Value m_text_readlines(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  TextObj* t = text_self(I, args[0]);
  if (!t || !pos_args(I, "readlines", nargs, kw, 0, 1)) return Value::error();
  int64_t hint = -1;
  if (nargs > 1 && !size_arg(I, args[1], &hint)) return Value::error();
  Busy busy(&t->busy);
  if (text_pre_read(I, t) < 0) return Value::error();
  List* out = list_new(I, 0);
  if (!out) return Value::error();
  Value keep = Value::object(out);
  int64_t total = 0;
  for (;;) {
    Value line = text_readline(I, t, -1);
    if (line.is_error()) return line;
    Str* s = line.as<Str>();
    if (s->size() == 0) break;
    if (list_append(I, out, line) < 0) return Value::error();
    total += s->length;
    if (hint > 0 && total >= hint) break;
  }
  return keep;
}

/// Writes encoded bytes through the buffer. 0 or -1.
int text_write_bytes(Isolate& I, TextObj* t, Value data) {
  if (BufferedObj* b = text_nb(t)) {
    if (b->busy) return raise(I, I.rt.exc_RuntimeError, "reentrant call inside <_io.BufferedWriter>"), -1;
    Busy busy(&b->busy);
    if (check_open(I, b, "write to closed file") < 0) return -1;
    return buf_write(I, b, bytes_view(data));
  }
  Value r = callm(I, t->buffer, "write", {data});
  return r.is_error() ? -1 : 0;
}

int text_flush_buffer(Isolate& I, TextObj* t) {
  if (BufferedObj* b = text_nb(t)) {
    if (b->busy) return raise(I, I.rt.exc_RuntimeError, "reentrant call inside <_io.BufferedWriter>"), -1;
    Busy busy(&b->busy);
    if (b->raw.is_none()) return raise(I, I.rt.exc_ValueError, "raw stream has been detached"), -1;
    if (check_open(I, b, "flush of closed file") < 0) return -1;
    return buf_flush(I, b);
  }
  Value r = callm(I, t->buffer, "flush", {});
  return r.is_error() ? -1 : 0;
}

int64_t text_buffer_tell(Isolate& I, TextObj* t) {
  if (BufferedObj* b = text_nb(t)) {
    Busy busy(&b->busy);
    if (b->raw.is_none()) return raise(I, I.rt.exc_ValueError, "raw stream has been detached"), -1;
    return buf_tell(I, b);
  }
  Value r = callm(I, t->buffer, "tell", {});
  if (r.is_error()) return -1;
  int64_t p;
  if (!i64_arg(I, r, &p)) return -1;
  return p;
}

Value m_text_write(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  TextObj* t = text_self(I, args[0]);
  if (!t || !pos_args(I, "write", nargs, kw, 1, 1)) return Value::error();
  Value s = args[1];
  if (!(type_of(I, s)->flags & kTypeStrSubclass))
    return raisef(I, I.rt.exc_TypeError, "write() argument must be str, not %s", type_name(I, s));
  Busy busy(&t->busy);
  if (text_check_closed(I, t) < 0) return Value::error();
  if (!t->writable) return unsupported(I, "not writable");
  Str* str = s.as<Str>();
  std::string_view text = str->view();
  bool has_lf = std::memchr(text.data(), '\n', text.size()) != nullptr;
  bool flush = t->line_buffering && (has_lf || std::memchr(text.data(), '\r', text.size()));
  Str* to_encode = str;
  Value keep;
  if (has_lf && t->writenl != kNlNone && t->writenl != kNlLF) {
    std::string out;
    out.reserve(text.size() + 16);
    for (char c : text) {
      if (c == '\n') out += t->writenl == kNlCR ? "\r" : "\r\n";
      else out += c;
    }
    keep = str_value(I, out);
    if (keep.is_error()) return keep;
    to_encode = keep.as<Str>();
  }
  const char* c = codec_for(t);
  std::string enc(c ? c : std::string(t->encoding->view()));
  Value data = codec_encode(I, to_encode, enc, t->errors->view());
  if (data.is_error()) return data;
  if (t->bom_write) {
    t->bom_write = 0;
    const char* bom = nullptr;
    size_t bl = 0;
    switch (t->codec) {
      case TextCodec::Utf8Sig: bom = "\xEF\xBB\xBF"; bl = 3; break;
      case TextCodec::Utf16: bom = t->big_endian ? "\xFE\xFF" : "\xFF\xFE"; bl = 2; break;
      case TextCodec::Utf32: bom = t->big_endian ? "\0\0\xFE\xFF" : "\xFF\xFE\0\0"; bl = 4; break;
      default: break;
    }
    if (bom) {
      int64_t pos = t->seekable ? text_buffer_tell(I, t) : 0;
      if (pos < 0) return Value::error();
      if (pos == 0) {
        std::string withbom(bom, bl);
        withbom += bytes_view(data);
        data = bytes_value(I, withbom);
        if (data.is_error()) return data;
      }
    }
  }
  // Read-ahead is dropped, as CPython does (the position is the buffer's).
  text_clear(t);
  t->bom_read = 0;
  if (text_write_bytes(I, t, data) < 0) return Value::error();
  if (flush && text_flush_buffer(I, t) < 0) return Value::error();
  return int_from_i64(I, str->length);
}

Value m_text_flush(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  TextObj* t = text_self(I, args[0]);
  if (!t || !no_args(I, "flush", nargs, kw)) return Value::error();
  Busy busy(&t->busy);
  if (text_check_closed(I, t) < 0) return Value::error();
  t->telling = t->seekable;
  if (text_flush_buffer(I, t) < 0) return Value::error();
  return Value::none();
}

Value text_tell_impl(Isolate& I, TextObj* t) {
  if (text_check_closed(I, t) < 0) return Value::error();
  if (!t->seekable) return unsupported(I, "underlying stream is not seekable");
  if (!t->telling) return raise(I, I.rt.exc_OSError, "telling position disabled by next() call");
  if (t->writable && text_flush_buffer(I, t) < 0) return Value::error();
  int64_t pos = text_buffer_tell(I, t);
  if (pos < 0) return Value::error();
  if (t->dec_pos >= t->dec.len && t->pend.len == 0) return int_from_i64(I, pos);
  // The buffer stands after snap and pend; the next character starts in snap.
  int64_t start = pos - static_cast<int64_t>(t->pend.len + t->snap.len);
  return int_from_i64(I, start + static_cast<int64_t>(text_map(I, t, t->dec_pos)));
}

Value m_text_tell(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  TextObj* t = text_self(I, args[0]);
  if (!t || !no_args(I, "tell", nargs, kw)) return Value::error();
  Busy busy(&t->busy);
  return text_tell_impl(I, t);
}

int64_t text_buffer_seek(Isolate& I, TextObj* t, int64_t pos, int whence) {
  if (BufferedObj* b = text_nb(t)) {
    Busy busy(&b->busy);
    if (b->raw.is_none()) return raise(I, I.rt.exc_ValueError, "raw stream has been detached"), -1;
    return buf_seek(I, b, pos, whence);
  }
  Value r = callm(I, t->buffer, "seek", {int_from_i64(I, pos), Value::small_int(whence)});
  if (r.is_error()) return -1;
  int64_t p;
  if (!i64_arg(I, r, &p)) return -1;
  return p;
}

Value m_text_seek(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  TextObj* t = text_self(I, args[0]);
  if (!t || !pos_args(I, "seek", nargs, kw, 1, 2)) return Value::error();
  int whence = 0;
  if (nargs > 2 && !int_arg(I, args[2], &whence)) return Value::error();
  Busy busy(&t->busy);
  if (text_check_closed(I, t) < 0) return Value::error();
  if (!t->seekable) return unsupported(I, "underlying stream is not seekable");
  Value cookie = args[1];
  if (whence == 1 || whence == 2) {
    int z = eq(I, cookie, Value::small_int(0));
    if (z < 0) return Value::error();
    if (!z) return unsupported(I, whence == 1 ? "can't do nonzero cur-relative seeks" : "can't do nonzero end-relative seeks");
    if (whence == 1) return text_tell_impl(I, t);
    if (text_flush_buffer(I, t) < 0) return Value::error();
    text_clear(t);
    t->bom_read = 0;
    int64_t r = text_buffer_seek(I, t, 0, 2);
    if (r < 0) return Value::error();
    t->bom_write = 0;
    return int_from_i64(I, r);
  }
  if (whence != 0) return raisef(I, I.rt.exc_ValueError, "invalid whence (%d, should be 0, 1 or 2)", whence);
  if (is_float(I, cookie)) return raise(I, I.rt.exc_TypeError, "an integer is required");
  int64_t pos;
  if (!i64_arg(I, cookie, &pos)) return Value::error();
  if (pos < 0) return raisef(I, I.rt.exc_ValueError, "negative seek position %lld", static_cast<long long>(pos));
  if (text_flush_buffer(I, t) < 0) return Value::error();
  text_clear(t);
  int64_t r = text_buffer_seek(I, t, pos, 0);
  if (r < 0) return Value::error();
  t->bom_read = pos == 0;
  t->bom_write = pos == 0 && (t->codec == TextCodec::Utf8Sig || t->codec == TextCodec::Utf16 ||
                              t->codec == TextCodec::Utf32);
  t->telling = t->seekable;
  return int_from_i64(I, pos);
}

Value m_text_truncate(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  TextObj* t = text_self(I, args[0]);
  if (!t || !pos_args(I, "truncate", nargs, kw, 0, 1)) return Value::error();
  Busy busy(&t->busy);
  if (text_check_closed(I, t) < 0) return Value::error();
  if (text_flush_buffer(I, t) < 0) return Value::error();
  Value pos;
  if (nargs < 2 || args[1].is_none()) {
    pos = text_tell_impl(I, t);
    if (pos.is_error()) return pos;
  } else {
    pos = args[1];
  }
  return callm(I, t->buffer, "truncate", {pos});
}

Value m_text_close(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  TextObj* t = text_self(I, args[0]);
  if (!t || !no_args(I, "close", nargs, kw)) return Value::error();
  Busy busy(&t->busy);
  int c = text_closed(I, t);
  if (c < 0) return Value::error();
  if (c) return Value::none();
  BaseExc* flush_error = nullptr;
  if (t->writable && text_flush_buffer(I, t) < 0) flush_error = I.take_pending();
  Value r = callm(I, t->buffer, "close", {});
  text_clear(t);
  if (flush_error) {
    I.pending = flush_error;
    return Value::error();
  }
  return r.is_error() ? r : Value::none();
}

Value m_text_detach(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  TextObj* t = text_self(I, args[0]);
  if (!t || !no_args(I, "detach", nargs, kw)) return Value::error();
  Busy busy(&t->busy);
  if (text_check_closed(I, t) < 0) return Value::error();
  if (text_flush_buffer(I, t) < 0) return Value::error();
  Value b = t->buffer;
  t->buffer = Value::none();
  text_clear(t);
  return b;
}

Value text_delegate(Isolate& I, const Value* args, size_t nargs, Tuple* kw, const char* name) {
  TextObj* t = text_self(I, args[0]);
  if (!t || !no_args(I, name, nargs, kw)) return Value::error();
  Busy busy(&t->busy);
  return callm(I, t->buffer, name, {});
}

Value m_text_readable(Isolate& I, const Value* a, size_t n, Tuple* k) { return text_delegate(I, a, n, k, "readable"); }
Value m_text_writable(Isolate& I, const Value* a, size_t n, Tuple* k) { return text_delegate(I, a, n, k, "writable"); }
Value m_text_seekable(Isolate& I, const Value* a, size_t n, Tuple* k) { return text_delegate(I, a, n, k, "seekable"); }
Value m_text_fileno(Isolate& I, const Value* a, size_t n, Tuple* k) { return text_delegate(I, a, n, k, "fileno"); }
Value m_text_isatty(Isolate& I, const Value* a, size_t n, Tuple* k) { return text_delegate(I, a, n, k, "isatty"); }

Value text_get_encoding(Isolate& I, Value self) {
  TextObj* t = text_self(I, self, false);
  if (!t) return Value::error();
  return Value::object(t->encoding);
}
Value text_get_errors(Isolate& I, Value self) {
  TextObj* t = text_self(I, self, false);
  if (!t) return Value::error();
  return Value::object(t->errors);
}
Value text_get_buffer(Isolate& I, Value self) {
  TextObj* t = text_self(I, self, false);
  if (!t) return Value::error();
  return t->buffer;
}
Value text_get_line_buffering(Isolate& I, Value self) {
  TextObj* t = text_self(I, self, false);
  if (!t) return Value::error();
  return Value::boolean(t->line_buffering);
}
Value text_get_write_through(Isolate& I, Value self) {
  TextObj* t = text_self(I, self, false);
  if (!t) return Value::error();
  return Value::boolean(t->write_through);
}
Value text_get_closed(Isolate& I, Value self) {
  TextObj* t = text_self(I, self);
  if (!t) return Value::error();
  int c = text_closed(I, t);
  if (c < 0) return Value::error();
  return Value::boolean(c);
}
Value text_get_name(Isolate& I, Value self) {
  TextObj* t = text_self(I, self);
  if (!t) return Value::error();
  return getattr_c(I, t->buffer, "name");
}
Value text_get_chunk(Isolate& I, Value self) {
  TextObj* t = text_self(I, self, false);
  if (!t) return Value::error();
  return int_from_i64(I, t->chunk_size);
}
int text_set_chunk(Isolate& I, Value self, Value v) {
  TextObj* t = text_self(I, self, false);
  if (!t) return -1;
  if (v.is_null()) {
    raise(I, I.rt.exc_AttributeError, "cannot delete attribute");
    return -1;
  }
  int64_t n;
  if (!i64_arg(I, v, &n)) return -1;
  if (n <= 0) {
    raise(I, I.rt.exc_ValueError, "a strictly positive integer is required");
    return -1;
  }
  t->chunk_size = n;
  return 0;
}
Value text_get_newlines(Isolate& I, Value self) {
  TextObj* t = text_self(I, self, false);
  if (!t) return Value::error();
  if (t->readnl != kNlNone || !t->readable) return Value::none();
  Value lf = str_value(I, "\n"), cr = str_value(I, "\r"), crlf = str_value(I, "\r\n");
  if (lf.is_error() || cr.is_error() || crlf.is_error()) return Value::error();
  switch (t->seennl) {
    case 0: return Value::none();
    case kSeenLF: return lf;
    case kSeenCR: return cr;
    case kSeenCRLF: return crlf;
    case kSeenCR | kSeenLF: return tuple_pack(I, {cr, lf});
    case kSeenLF | kSeenCRLF: return tuple_pack(I, {lf, crlf});
    case kSeenCR | kSeenCRLF: return tuple_pack(I, {cr, crlf});
    default: return tuple_pack(I, {cr, lf, crlf});
  }
}

Value text_repr(Isolate& I, Value self) {
  std::string out = "<";
  out += full_type_name(I, self);
  if (is_text(self) && self.as<TextObj>()->ok) {
    TextObj* t = self.as<TextObj>();
    if (!t->buffer.is_none() && !t->busy && name_part(I, self, out) < 0) return Value::error();
    Str* m = I.intern("mode");
    if (!m) return Value::error();
    Value mode = get_attr_opt(I, self, m);
    if (mode.is_error()) {
      I.pending = nullptr;
    } else if (!mode.is_null()) {
      out += " mode=";
      if (repr_append(I, mode, out) < 0) return Value::error();
    }
    out += " encoding=";
    if (repr_append(I, Value::object(t->encoding), out) < 0) return Value::error();
  }
  out += ">";
  return str_value(I, out);
}

/// Parses newline= (None, '', '\n', '\r', '\r\n'). false with an exception set.
bool parse_newline(Isolate& I, Value v, const char* fname, uint8_t* readnl, bool* universal_translate,
                   uint8_t* writenl) {
  if (v.is_null() || v.is_none()) {
    *readnl = kNlNone;
    *universal_translate = true;
    *writenl = kNlNone;
    return true;
  }
  if (!(type_of(I, v)->flags & kTypeStrSubclass)) {
    raisef(I, I.rt.exc_TypeError, "%s() argument 'newline' must be str or None, not %s", fname, type_name(I, v));
    return false;
  }
  std::string_view s = v.as<Str>()->view();
  *universal_translate = false;
  if (s.empty()) { *readnl = kNlNone; *writenl = kNlNone; return true; }
  if (s == "\n") { *readnl = kNlLF; *writenl = kNlLF; return true; }
  if (s == "\r") { *readnl = kNlCR; *writenl = kNlCR; return true; }
  if (s == "\r\n") { *readnl = kNlCRLF; *writenl = kNlCRLF; return true; }
  std::string text(s);
  raisef(I, I.rt.exc_ValueError, "illegal newline value: %s", text.c_str());
  return false;
}

/// The encoding/errors/newline arguments shared by TextIOWrapper() and open().
struct TextArgs {
  Str* encoding = nullptr;
  Str* errors = nullptr;
  TextCodec codec = TextCodec::Utf8;
  uint8_t readnl = kNlNone, writenl = kNlNone;
  bool translate = true;
};

bool parse_text_args(Isolate& I, const char* fname, Value encoding, Value errors, Value newline, TextArgs* out) {
  if (encoding.is_null() || encoding.is_none()) {
    out->encoding = I.intern("UTF-8");
  } else {
    if (!(type_of(I, encoding)->flags & kTypeStrSubclass)) {
      raisef(I, I.rt.exc_TypeError, "%s() argument 'encoding' must be str or None, not %s", fname,
             type_name(I, encoding));
      return false;
    }
    std::string_view e = encoding.as<Str>()->view();
    out->encoding = e == "locale" ? I.intern("UTF-8") : encoding.as<Str>();
    if (e.find('\0') != std::string_view::npos) {
      raise(I, I.rt.exc_ValueError, "embedded null character");
      return false;
    }
  }
  if (!out->encoding) return false;
  if (!lookup_text_codec(I, out->encoding->view(), &out->codec)) return false;
  if (errors.is_null() || errors.is_none()) {
    out->errors = I.intern("strict");
  } else {
    if (!(type_of(I, errors)->flags & kTypeStrSubclass)) {
      raisef(I, I.rt.exc_TypeError, "%s() argument 'errors' must be str or None, not %s", fname, type_name(I, errors));
      return false;
    }
    out->errors = errors.as<Str>();
  }
  if (!out->errors) return false;
  return parse_newline(I, newline, fname, &out->readnl, &out->translate, &out->writenl);
}

Value text_new(Isolate& I, Type* type, const Value*, size_t, Tuple*) {
  auto* t = static_cast<TextObj*>(I.heap.alloc_object(type, type->basicsize));
  if (!t) return raise_memory(I);
  t->buffer = Value::none();
  return Value::object(t);
}

/// Sets t up over `buffer`. 0 or -1.
int text_setup(Isolate& I, TextObj* t, Value buffer, const TextArgs& a, bool line_buffering, bool write_through) {
  t->ok = 0;
  text_clear(t);
  t->buffer = buffer;
  t->encoding = a.encoding;
  t->errors = a.errors;
  t->codec = a.codec;
  t->big_endian = 0;
  t->readnl = a.readnl;
  t->readtranslate = a.translate;
  t->writenl = a.translate ? uint8_t(kNlNone) : a.writenl;
  t->seennl = 0;
  t->line_buffering = line_buffering;
  t->write_through = write_through;
  t->chunk_size = static_cast<int64_t>(kTextChunkSize);
  t->native = is_buffered(buffer) && buffer.as<BufferedObj>()->ok && native_raw(buffer.as<BufferedObj>());
  auto ask = [&](const char* name) -> int {
    Value r = callm(I, buffer, name, {});
    if (r.is_error()) return -1;
    return truthy(I, r);
  };
  int r = ask("readable");
  if (r < 0) return -1;
  t->readable = static_cast<uint8_t>(r);
  r = ask("writable");
  if (r < 0) return -1;
  t->writable = static_cast<uint8_t>(r);
  r = ask("seekable");
  if (r < 0) return -1;
  t->seekable = static_cast<uint8_t>(r);
  t->telling = t->seekable;
  Str* n = I.intern("read1");
  if (!n) return -1;
  Value has = get_attr_opt(I, buffer, n);
  if (has.is_error()) return -1;
  t->has_read1 = !has.is_null();
  bool bom = a.codec == TextCodec::Utf8Sig || a.codec == TextCodec::Utf16 || a.codec == TextCodec::Utf32;
  t->bom_read = bom;
  t->bom_write = bom;
  if (bom && t->seekable && t->writable) {
    // Appending to a file that already has content: no second BOM.
    int64_t pos = text_buffer_tell(I, t);
    if (pos < 0) return -1;
    if (pos != 0) t->bom_write = 0;
  }
  t->ok = 1;
  return 0;
}

int text_init(Isolate& I, Value self, const Value* args, size_t nargs, Tuple* kw) {
  if (!is_text(self)) {
    raise(I, I.rt.exc_TypeError, "__init__ requires a TextIOWrapper object");
    return -1;
  }
  TextObj* t = self.as<TextObj>();
  if (t->busy) {
    raise(I, I.rt.exc_RuntimeError, "reentrant call inside <_io.TextIOWrapper>");
    return -1;
  }
  Value p[6];
  if (stdlib_bind_args(I, "TextIOWrapper", args, nargs, kw,
                       {"buffer", "encoding", "errors", "newline", "line_buffering", "write_through"}, 0, 6, 1, p) < 0)
    return -1;
  TextArgs a;
  if (!parse_text_args(I, "TextIOWrapper", p[1], p[2], p[3], &a)) return -1;
  int lb = 0, wt = 0;
  if (!p[4].is_null() && (lb = truthy(I, p[4])) < 0) return -1;
  if (!p[5].is_null() && (wt = truthy(I, p[5])) < 0) return -1;
  return text_setup(I, t, p[0], a, lb, wt);
}

Value m_text_reconfigure(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  TextObj* t = text_self(I, args[0]);
  if (!t) return Value::error();
  Value p[5];
  if (stdlib_bind_args(I, "reconfigure", args + 1, nargs - 1, kw,
                       {"encoding", "errors", "newline", "line_buffering", "write_through"}, 0, 0, 0, p) < 0)
    return Value::error();
  Busy busy(&t->busy);
  bool newline_given = !p[2].is_null() && !p[2].is_ellipsis();
  bool changes_codec = (!p[0].is_null() && !p[0].is_none()) || (!p[1].is_null() && !p[1].is_none()) || newline_given;
  if (changes_codec && (t->dec.len > t->dec_pos || t->pend.len))
    return unsupported(I, "It is not possible to set the encoding or newline of stream after the first read");
  TextArgs a;
  Value enc = p[0].is_null() || p[0].is_none() ? Value::object(t->encoding) : p[0];
  Value err = p[1].is_null() || p[1].is_none()
                  ? ((!p[0].is_null() && !p[0].is_none()) ? Value::none() : Value::object(t->errors))
                  : p[1];
  Value nl = Value::none();
  if (newline_given) {
    nl = p[2];
  } else if (t->readnl != kNlNone || !t->readtranslate) {
    const char* cur = t->readnl == kNlLF ? "\n" : t->readnl == kNlCR ? "\r" : t->readnl == kNlCRLF ? "\r\n" : "";
    nl = str_value(I, cur);
    if (nl.is_error()) return nl;
  }
  if (!parse_text_args(I, "reconfigure", enc, err, nl, &a)) return Value::error();
  if (t->writable && text_flush_buffer(I, t) < 0) return Value::error();
  t->encoding = a.encoding;
  t->errors = a.errors;
  if (a.codec != t->codec) {
    t->codec = a.codec;
    t->big_endian = 0;
  }
  t->readnl = a.readnl;
  t->readtranslate = a.translate;
  t->writenl = a.translate ? uint8_t(kNlNone) : a.writenl;
  if (!p[3].is_null() && !p[3].is_none()) {
    int v = truthy(I, p[3]);
    if (v < 0) return Value::error();
    t->line_buffering = static_cast<uint8_t>(v);
  }
  if (!p[4].is_null() && !p[4].is_none()) {
    int v = truthy(I, p[4]);
    if (v < 0) return Value::error();
    t->write_through = static_cast<uint8_t>(v);
  }
  return Value::none();
}

// --- the types and open() -------------------------------------------------------------------------

/// The io module's file types, found again on every open() (a guest that
/// replaced them gets TypeError rather than a foreign object).
struct IoTypes {
  Type* fileio;
  Type* reader;
  Type* writer;
  Type* random;
  Type* text;
};

int io_types(Isolate& I, IoTypes* out) {
  Value m = import_module(I, "io");
  if (m.is_error()) return -1;
  if (type_of(I, m) != I.rt.module_type) {
    raise(I, I.rt.exc_TypeError, "sys.modules['io'] is not a module");
    return -1;
  }
  struct Want {
    const char* name;
    TraceFn trace;
    Type** slot;
  } want[] = {{"FileIO", fileio_trace, &out->fileio},     {"BufferedReader", buffered_trace, &out->reader},
              {"BufferedWriter", buffered_trace, &out->writer}, {"BufferedRandom", buffered_trace, &out->random},
              {"TextIOWrapper", text_trace, &out->text}};
  for (auto& w : want) {
    Value v = dict_get_cstr(I, m.as<Module>()->dict, w.name);
    if (v.is_error()) return -1;
    if (v.is_null() || !(type_of(I, v)->flags & kTypeTypeSubclass) || v.as<Type>()->trace != w.trace) {
      raisef(I, I.rt.exc_TypeError, "io.%s is not the io module's own class", w.name);
      return -1;
    }
    *w.slot = v.as<Type>();
  }
  return 0;
}

Value instantiate(Isolate& I, Type* t) { return t->new_(I, t, nullptr, 0, nullptr); }

}  // namespace

void io_flush_unflushed(Isolate& I) {
  auto* b = static_cast<BufferedObj*>(I.io_unflushed);
  while (b) {
    BufferedObj* next = b->dirty_next;
    if (!b->busy && write_out_direct(b)) dirty_unlink(I, b);
    b = next;
  }
}

Value io_open(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  Value p[8];
  if (stdlib_bind_args(I, "open", args, nargs, kw,
                       {"file", "mode", "buffering", "encoding", "errors", "newline", "closefd", "opener"}, 0, 8, 1,
                       p) < 0)
    return Value::error();
  Value file = p[0];
  std::string_view mode = "r";
  if (!p[1].is_null()) {
    if (!(type_of(I, p[1])->flags & kTypeStrSubclass))
      return raisef(I, I.rt.exc_TypeError, "open() argument 'mode' must be str, not %s", type_name(I, p[1]));
    mode = p[1].as<Str>()->view();
  }
  int64_t buffering = -1;
  if (!p[2].is_null()) {
    if (is_float(I, p[2])) return raise(I, I.rt.exc_TypeError, "'float' object cannot be interpreted as an integer");
    if (!i64_arg(I, p[2], &buffering)) return Value::error();
  }
  for (int i = 3; i <= 5; ++i) {
    if (!p[i].is_null() && !p[i].is_none() && !(type_of(I, p[i])->flags & kTypeStrSubclass)) {
      static const char* names[] = {"encoding", "errors", "newline"};
      return raisef(I, I.rt.exc_TypeError, "open() argument '%s' must be str or None, not %s", names[i - 3],
                    type_name(I, p[i]));
    }
  }
  // The mode, as _io.open checks it.
  bool creating = false, reading = false, writing = false, appending = false, updating = false;
  bool text = false, binary = false;
  std::string seen;
  for (char c : mode) {
    if (seen.find(c) != std::string::npos || std::string_view("xrwab+t").find(c) == std::string_view::npos) {
      std::string m(mode);
      return raisef(I, I.rt.exc_ValueError, "invalid mode: '%s'", m.c_str());
    }
    seen += c;
    switch (c) {
      case 'x': creating = true; break;
      case 'r': reading = true; break;
      case 'w': writing = true; break;
      case 'a': appending = true; break;
      case '+': updating = true; break;
      case 't': text = true; break;
      case 'b': binary = true; break;
    }
  }
  if (text && binary) return raise(I, I.rt.exc_ValueError, "can't have text and binary mode at once");
  if (creating + reading + writing + appending > 1)
    return raise(I, I.rt.exc_ValueError, "must have exactly one of create/read/write/append mode");
  if (!(creating || reading || writing || appending))
    return raise(I, I.rt.exc_ValueError,
                 "Must have exactly one of create/read/write/append mode and at most one plus");
  if (binary) {
    if (!p[3].is_null() && !p[3].is_none())
      return raise(I, I.rt.exc_ValueError, "binary mode doesn't take an encoding argument");
    if (!p[4].is_null() && !p[4].is_none())
      return raise(I, I.rt.exc_ValueError, "binary mode doesn't take an errors argument");
    if (!p[5].is_null() && !p[5].is_none())
      return raise(I, I.rt.exc_ValueError, "binary mode doesn't take a newline argument");
  }
  if (!binary && buffering == 0) return raise(I, I.rt.exc_ValueError, "can't have unbuffered text I/O");
  // Text arguments are checked before the file is touched.
  TextArgs ta;
  if (!binary && !parse_text_args(I, "open", p[3], p[4], p[5], &ta)) return Value::error();
  IoTypes types;
  if (io_types(I, &types) < 0) return Value::error();
  std::string rawmode;
  if (creating) rawmode += 'x';
  if (reading) rawmode += 'r';
  if (writing) rawmode += 'w';
  if (appending) rawmode += 'a';
  if (updating) rawmode += '+';
  Value raw = instantiate(I, types.fileio);
  if (raw.is_error()) return raw;
  if (fio_open(I, raw.as<FileIOObj>(), file, rawmode, p[6], p[7]) < 0) return Value::error();
  // From here on, a failure closes the file again.
  auto fail = [&]() {
    BaseExc* e = I.take_pending();
    FileIOObj* f = raw.as<FileIOObj>();
    if (f->hf) {
      f->hf->h.reset();
      hf_release(f->hf);
    }
    I.pending = e;
    return Value::error();
  };
  bool line_buffering = false;
  if (buffering == 1 || buffering < 0) {
    if (buffering == 1) line_buffering = true;
    buffering = raw.as<FileIOObj>()->blksize;
  }
  if (buffering == 0) return raw;
  Type* bt = updating ? types.random : (creating || writing || appending) ? types.writer : types.reader;
  uint8_t kind = updating ? kRandom : bt == types.writer ? kWriter : kReader;
  Value buffered = instantiate(I, bt);
  if (buffered.is_error()) return fail();
  if (buffered_setup(I, buffered.as<BufferedObj>(), raw, buffering, kind) < 0) return fail();
  if (binary) return buffered;
  Value wrapper = instantiate(I, types.text);
  if (wrapper.is_error()) return fail();
  if (text_setup(I, wrapper.as<TextObj>(), buffered, ta, line_buffering, false) < 0) return fail();
  Value mv = str_value(I, mode);
  if (mv.is_error() || set_dict_item(I, wrapper, "mode", mv) < 0) return fail();
  return wrapper;
}

namespace {

const char kIoFileSource[] = R"PY(
RawIOBase.register(FileIO)
for _k in (BufferedReader, BufferedWriter, BufferedRandom):
    BufferedIOBase.register(_k)
TextIOBase.register(TextIOWrapper)
del _k
)PY";

struct Meth {
  const char* name;
  NativeFn fn;
};

int add_all(Isolate& I, Type* t, std::initializer_list<Meth> ms) {
  for (const Meth& m : ms)
    if (add_method(I, t, m.name, m.fn) < 0) return -1;
  return 0;
}

Type* file_type(Isolate& I, Module* m, const char* name, Type* base, uint32_t size, TraceFn trace,
                FinalizeFn fin, NewFn nw, InitFn init, ReprFn repr) {
  Type* t = stdlib_make_type(I, name, "_io", base, size, kTypeBaseType);
  if (!t) return nullptr;
  t->dict_offset = static_cast<int32_t>(offsetof(FileIOObj, dict));
  t->flags |= kTypeHasDict;
  t->trace = trace;
  t->finalize = fin;
  t->new_ = nw;
  t->init = init;
  t->repr = repr;
  if (module_add_value(I, m, name, Value::object(t)) < 0) return nullptr;
  return t;
}

}  // namespace

int io_file_init(Isolate& I, Module* m) {
  static_assert(offsetof(FileIOObj, dict) == offsetof(BufferedObj, dict));
  static_assert(offsetof(FileIOObj, dict) == offsetof(TextObj, dict));
  Dict* d = m->dict;
  Value raw = dict_get_cstr(I, d, "_RawIOBase");
  Value buffered = dict_get_cstr(I, d, "_BufferedIOBase");
  Value text = dict_get_cstr(I, d, "_TextIOBase");
  if (raw.is_error() || buffered.is_error() || text.is_error()) return -1;
  if (!raw.is_object() || !buffered.is_object() || !text.is_object()) {
    raise(I, I.rt.exc_ImportError, "io: base classes missing");
    return -1;
  }

  Type* ft = file_type(I, m, "FileIO", raw.as<Type>(), sizeof(FileIOObj), fileio_trace, fileio_finalize, fileio_new,
                       fileio_init, fileio_repr);
  if (!ft) return -1;
  if (add_all(I, ft, {{"__init__", m_fio_init}, {"read", m_fio_read}, {"readall", m_fio_readall},
                      {"readinto", m_fio_readinto}, {"write", m_fio_write}, {"seek", m_fio_seek},
                      {"tell", m_fio_tell}, {"truncate", m_fio_truncate}, {"close", m_fio_close},
                      {"readable", m_fio_readable}, {"writable", m_fio_writable}, {"seekable", m_fio_seekable},
                      {"isatty", m_fio_isatty}, {"fileno", m_fio_fileno}, {"__getstate__", m_getstate_refuse}}) < 0 ||
      add_getset(I, ft, "closed", fio_get_closed) < 0 || add_getset(I, ft, "mode", fio_get_mode) < 0 ||
      add_getset(I, ft, "closefd", fio_get_closefd) < 0 ||
      add_getset(I, ft, "_blksize", fio_get_blksize) < 0)
    return -1;

  struct Kind {
    const char* name;
    InitFn init;
    NativeFn minit;
  } kinds[] = {{"BufferedReader", reader_init, m_init<reader_init>},
               {"BufferedWriter", writer_init, m_init<writer_init>},
               {"BufferedRandom", random_init, m_init<random_init>}};
  for (const Kind& k : kinds) {
    Type* bt = file_type(I, m, k.name, buffered.as<Type>(), sizeof(BufferedObj), buffered_trace, buffered_finalize,
                         buffered_new, k.init, buffered_repr);
    if (!bt) return -1;
    bt->iter = buf_iter;
    bt->next = buf_next;
    if (add_all(I, bt, {{"__init__", k.minit}, {"read", m_buf_read}, {"read1", m_buf_read1},
                        {"readinto", m_buf_readinto}, {"readinto1", m_buf_readinto1},
                        {"readline", m_buf_readline}, {"write", m_buf_write}, {"flush", m_buf_flush},
                        {"seek", m_buf_seek}, {"tell", m_buf_tell}, {"truncate", m_buf_truncate},
                        {"close", m_buf_close}, {"detach", m_buf_detach}, {"readable", m_buf_readable},
                        {"writable", m_buf_writable}, {"seekable", m_buf_seekable}, {"fileno", m_buf_fileno},
                        {"isatty", m_buf_isatty}, {"__iter__", m_buf_iter}, {"__next__", m_buf_next},
                        {"__getstate__", m_getstate_refuse}}) < 0 ||
        add_getset(I, bt, "raw", buf_get_raw) < 0 || add_getset(I, bt, "closed", buf_get_closed) < 0 ||
        add_getset(I, bt, "name", buf_get_name) < 0 || add_getset(I, bt, "mode", buf_get_mode) < 0)
      return -1;
    if (k.init != writer_init && add_method(I, bt, "peek", m_buf_peek) < 0) return -1;
  }

  Type* tt = file_type(I, m, "TextIOWrapper", text.as<Type>(), sizeof(TextObj), text_trace, text_finalize, text_new,
                       text_init, text_repr);
  if (!tt) return -1;
  tt->iter = text_iter;
  tt->next = text_next;
  if (add_all(I, tt, {{"__init__", m_init<text_init>}, {"read", m_text_read}, {"readline", m_text_readline},
                      {"readlines", m_text_readlines}, {"write", m_text_write}, {"flush", m_text_flush},
                      {"seek", m_text_seek}, {"tell", m_text_tell}, {"truncate", m_text_truncate},
                      {"close", m_text_close}, {"detach", m_text_detach}, {"readable", m_text_readable},
                      {"writable", m_text_writable}, {"seekable", m_text_seekable}, {"fileno", m_text_fileno},
                      {"isatty", m_text_isatty}, {"reconfigure", m_text_reconfigure}, {"__iter__", m_text_iter},
                      {"__next__", m_text_next}, {"__getstate__", m_getstate_refuse}}) < 0 ||
      add_getset(I, tt, "encoding", text_get_encoding) < 0 ||
      add_getset(I, tt, "errors", text_get_errors) < 0 ||
      add_getset(I, tt, "buffer", text_get_buffer) < 0 ||
      add_getset(I, tt, "line_buffering", text_get_line_buffering) < 0 ||
      add_getset(I, tt, "write_through", text_get_write_through) < 0 ||
      add_getset(I, tt, "closed", text_get_closed) < 0 || add_getset(I, tt, "name", text_get_name) < 0 ||
      add_getset(I, tt, "newlines", text_get_newlines) < 0 ||
      add_getset(I, tt, "_CHUNK_SIZE", text_get_chunk, text_set_chunk) < 0)
    return -1;

  // io.open is builtins.open when the isolate has one (the same object, as in CPython).
  Str* open_name = I.intern("open");
  if (!open_name) return -1;
  Value open_fn = I.builtins ? dict_get_str(I.builtins, open_name) : Value::null();
  if (open_fn.is_null() || type_of(I, open_fn) != I.rt.builtin_function_type ||
      open_fn.as<BuiltinFunction>()->fn != io_open) {
    open_fn = builtin_function_new(I, open_name, io_open, Value::object(m), kIoOpenDoc);
    if (open_fn.is_error()) return -1;
  }
  if (module_add_value(I, m, "open", open_fn) < 0) return -1;
  Value r = run_module_source(I, m, "<capy>/io.py", kIoFileSource);
  return r.is_error() ? -1 : 0;
}

}  // namespace capy
