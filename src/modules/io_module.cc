// io: in-memory streams (CPython 3.11's _io.StringIO and _io.BytesIO) and
// the IOBase class hierarchy. The file streams (open, FileIO, Buffered*,
// TextIOWrapper), which reach files only through the isolate's file-system
// door, are in io_file.cc.
//
// The native base types _IOBase, _RawIOBase, _BufferedIOBase and
// _TextIOBase (module "_io") get their generic methods from Python code
// (kIoSource), as does the public ABC hierarchy io.IOBase… built on them the
// way CPython's io.py does it. StringIO keeps its text as UTF-8 in an
// accounted side buffer, with positions counted in code points as in
// CPython; the byte offset of the current position is cached, so sequential
// reads and writes never rescan the text (and ASCII text needs no scanning
// at all).
#include <cstring>
#include <string>

#include "modules/io_file.h"
#include "modules/registry.h"
#include "modules/stdlib_support.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/memoryview.h"
#include "objects/native.h"
#include "objects/ops.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "vm/eval.h"
#include "vm/isolate.h"
#include "vm/runtime.h"

namespace capy {

namespace {

struct IOBaseObj : Object {
  Dict* dict;
};

void iobase_trace(Object* o, Tracer& t) { t.visit(static_cast<IOBaseObj*>(o)->dict); }

Value closed_error(Isolate& I, bool period) {
  return raise(I, I.rt.exc_ValueError, period ? "I/O operation on closed file." : "I/O operation on closed file");
}


/// Optional size argument: None or int (CPython's _Py_convert_optional_to_ssize_t).
bool opt_size(Isolate& I, Value v, int64_t* out) {
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

/// A Py_ssize_t argument (seek positions).
bool ssize_arg(Isolate& I, Value v, int64_t* out) {
  if (v.is_small_int()) {
    *out = v.as_small_int();
    return true;
  }
  if (!index_i64(I, v, out)) {
    if (!pending_matches(I, I.rt.exc_OverflowError)) return false;
    I.pending = nullptr;
    raise(I, I.rt.exc_OverflowError, "Python int too large to convert to C ssize_t");
    return false;
  }
  return true;
}

bool int_arg(Isolate& I, Value v, int* out) {
  int64_t x;
  if (v.is_small_int()) {
    x = v.as_small_int();
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

/// Grows an accounted buffer to hold at least `need` bytes. 0 or -1.
int grow(Isolate& I, char** buf, size_t* cap, size_t need) {
  if (need <= *cap) return 0;
  size_t nc = *cap < 64 ? 64 : *cap;
  while (nc < need) nc = nc > (SIZE_MAX >> 1) ? need : nc + (nc >> 1) + 16;
  void* p = *buf ? I.heap.realloc_raw(*buf, *cap, nc) : I.heap.alloc_raw(nc);
  if (!p) {
    raise_memory(I);
    return -1;
  }
  *buf = static_cast<char*>(p);
  *cap = nc;
  return 0;
}

// --- StringIO -------------------------------------------------------------------------

enum : uint8_t { kNlLF = 0, kNlCR = 1, kNlCRLF = 2 };
enum : uint8_t { kSeenLF = 1, kSeenCR = 2, kSeenCRLF = 4 };

struct StringIOObj : IOBaseObj {
  char* buf;          // UTF-8 text (accounted side buffer)
  size_t len;         // bytes used
  size_t cap;
  size_t size_cp;     // code points in buf
  size_t pos;         // position in code points (may exceed size_cp)
  size_t pos_byte;    // byte offset of min(pos, size_cp)
  uint8_t ascii;      // every byte < 0x80 (then byte offsets are code point indices)
  uint8_t ok;         // __init__ ran
  uint8_t closed;
  uint8_t readuniversal;
  uint8_t readtranslate;
  uint8_t readnl;     // kNl*: terminator when not universal
  uint8_t writenl;    // 0: none; kNlCR / kNlCRLF: '\n' is written as that
  uint8_t has_decoder;
  uint8_t seennl;
  uint8_t newline_none;  // newline argument was None
};

void stringio_trace(Object* o, Tracer& t) { t.visit(static_cast<StringIOObj*>(o)->dict); }

void stringio_finalize(Isolate& I, Object* o) {
  auto* s = static_cast<StringIOObj*>(o);
  if (s->buf) I.heap.free_raw(s->buf, s->cap);
  s->buf = nullptr;
  s->cap = s->len = 0;
}

inline bool is_stringio(Value v) { return v.is_object() && v.as_object()->type_->trace == stringio_trace; }

StringIOObj* sio_self(Isolate& I, Value v, bool check_closed = true) {
  if (!is_stringio(v)) {
    raisef(I, I.rt.exc_TypeError, "descriptor requires a '_io.StringIO' object but received a '%s'", type_name(I, v));
    return nullptr;
  }
  auto* s = v.as<StringIOObj>();
  if (!s->ok) {
    raise(I, I.rt.exc_ValueError, "I/O operation on uninitialized object");
    return nullptr;
  }
  if (check_closed && s->closed) {
    closed_error(I, false);
    return nullptr;
  }
  return s;
}

/// Byte offset after advancing n code points from byte b (stops at the end).
inline size_t advance(const StringIOObj* s, size_t b, size_t n) {
  if (s->ascii) return b + n < s->len ? b + n : s->len;
  const char* p = s->buf;
  while (n > 0 && b < s->len) {
    ++b;
    while (b < s->len && (static_cast<unsigned char>(p[b]) & 0xC0) == 0x80) ++b;
    --n;
  }
  return b;
}

inline size_t count_cp(const char* p, size_t n) {
  size_t c = 0;
  for (size_t i = 0; i < n; ++i) c += (static_cast<unsigned char>(p[i]) & 0xC0) != 0x80;
  return c;
}

/// Byte offset of code point index cp (clamped to the end).
size_t byte_at(const StringIOObj* s, size_t cp) {
  if (cp >= s->size_cp) return s->len;
  if (s->ascii) return cp;
  size_t cur = s->pos < s->size_cp ? s->pos : s->size_cp;
  if (cp == cur) return s->pos_byte;
  if (cp > cur) return advance(s, s->pos_byte, cp - cur);
  return advance(s, 0, cp);
}

void set_pos(StringIOObj* s, size_t cp) {
  s->pos_byte = byte_at(s, cp);
  s->pos = cp;
}

/// Applies the newline translation of writes; text points into `storage`
/// or the original. Updates seennl.
void translate_for_write(StringIOObj* s, std::string_view in, std::string& storage, std::string_view* out) {
  *out = in;
  bool has_cr = std::memchr(in.data(), '\r', in.size()) != nullptr;
  bool has_lf = std::memchr(in.data(), '\n', in.size()) != nullptr;
  if (!has_cr && !has_lf) return;
  if (s->has_decoder) {
    // IncrementalNewlineDecoder(translate=readtranslate), always final.
    for (size_t i = 0; i < in.size(); ++i) {
      if (in[i] == '\r') {
        if (i + 1 < in.size() && in[i + 1] == '\n') {
          s->seennl |= kSeenCRLF;
          ++i;
        } else {
          s->seennl |= kSeenCR;
        }
      } else if (in[i] == '\n') {
        s->seennl |= kSeenLF;
      }
    }
    if (s->readtranslate && has_cr) {
      storage.clear();
      storage.reserve(in.size());
      for (size_t i = 0; i < in.size(); ++i) {
        if (in[i] == '\r') {
          storage += '\n';
          if (i + 1 < in.size() && in[i + 1] == '\n') ++i;
        } else {
          storage += in[i];
        }
      }
      *out = storage;
    }
  }
  if (s->writenl && has_lf) {
    std::string_view src = *out;
    std::string tmp;
    tmp.reserve(src.size() + 16);
    for (char c : src) {
      if (c == '\n') tmp += s->writenl == kNlCR ? "\r" : "\r\n";
      else tmp += c;
    }
    storage.swap(tmp);
    *out = storage;
  }
}

/// Writes UTF-8 text (already translated) at the current position. -1 on error.
int sio_write_text(Isolate& I, StringIOObj* s, std::string_view t) {
  if (t.empty()) return 0;
  bool t_ascii = true;
  for (char c : t)
    if (static_cast<unsigned char>(c) >= 0x80) {
      t_ascii = false;
      break;
    }
  size_t k = t_ascii ? t.size() : count_cp(t.data(), t.size());
  if (s->pos > s->size_cp) {
    size_t pad = s->pos - s->size_cp;
    if (grow(I, &s->buf, &s->cap, s->len + pad) < 0) return -1;
    std::memset(s->buf + s->len, 0, pad);
    s->len += pad;
    s->size_cp = s->pos;
    s->pos_byte = s->len;
  }
  size_t start = s->pos_byte;
  if (s->pos == s->size_cp) {
    if (grow(I, &s->buf, &s->cap, s->len + t.size()) < 0) return -1;
    std::memcpy(s->buf + s->len, t.data(), t.size());
    s->len += t.size();
    s->size_cp += k;
  } else {
    size_t end = advance(s, start, k);
    size_t replaced = k < s->size_cp - s->pos ? k : s->size_cp - s->pos;
    size_t new_len = s->len - (end - start) + t.size();
    if (grow(I, &s->buf, &s->cap, new_len) < 0) return -1;
    std::memmove(s->buf + start + t.size(), s->buf + end, s->len - end);
    std::memcpy(s->buf + start, t.data(), t.size());
    s->len = new_len;
    s->size_cp = s->size_cp - replaced + k;
  }
  s->ascii = s->ascii && t_ascii;
  s->pos += k;
  s->pos_byte = start + t.size();
  return 0;
}

int sio_write_str(Isolate& I, StringIOObj* s, Str* str) {
  std::string storage;
  std::string_view t;
  translate_for_write(s, str->view(), storage, &t);
  return sio_write_text(I, s, t);
}

Value make_str(Isolate& I, const StringIOObj* s, size_t b0, size_t b1, size_t ncp) {
  std::string_view v(s->buf ? s->buf + b0 : "", b1 - b0);
  if (s->ascii) {
    Str* r = str_new_known(I, v, static_cast<uint32_t>(ncp), true);
    return r ? Value::object(r) : Value::error();
  }
  return str_value(I, v);
}

/// Parses newline; returns 0 or -1. kind: 0 None, 1 "", 2 "\n", 3 "\r", 4 "\r\n".
int parse_newline(Isolate& I, Value v, int* kind) {
  if (v.is_null() || (v.is_object() && false)) {
    *kind = 2;
    return 0;
  }
  if (v.is_none()) {
    *kind = 0;
    return 0;
  }
  if (!v.is_object() || !(v.as_object()->type_->flags & kTypeStrSubclass)) {
    raisef(I, I.rt.exc_TypeError, "newline must be str or None, not %s", type_name(I, v));
    return -1;
  }
  std::string_view n = v.as<Str>()->view();
  if (n.empty()) *kind = 1;
  else if (n == "\n") *kind = 2;
  else if (n == "\r") *kind = 3;
  else if (n == "\r\n") *kind = 4;
  else {
    Value r = repr(I, v);
    if (r.is_error()) return -1;
    raisef(I, I.rt.exc_ValueError, "illegal newline value: %s", r.as<Str>()->data);
    return -1;
  }
  return 0;
}

int stringio_init(Isolate& I, Value self, const Value* args, size_t nargs, Tuple* kw) {
  if (!is_stringio(self)) {
    raise(I, I.rt.exc_TypeError, "StringIO.__init__ requires a StringIO object");
    return -1;
  }
  Value a[2];
  if (stdlib_bind_args(I, "StringIO", args, nargs, kw, {"initial_value", "newline"}, 0, 2, 0, a) < 0) return -1;
  int kind;
  if (parse_newline(I, a[1], &kind) < 0) return -1;
  if (!a[0].is_null() && !a[0].is_none() &&
      !(a[0].is_object() && (a[0].as_object()->type_->flags & kTypeStrSubclass))) {
    raisef(I, I.rt.exc_TypeError, "initial_value must be str or None, not %s", type_name(I, a[0]));
    return -1;
  }
  auto* s = self.as<StringIOObj>();
  s->ok = 0;
  s->len = 0;
  s->size_cp = 0;
  s->pos = 0;
  s->pos_byte = 0;
  s->ascii = 1;
  s->closed = 0;
  s->seennl = 0;
  s->newline_none = kind == 0;
  s->readuniversal = kind == 0 || kind == 1;
  s->readtranslate = kind == 0;
  s->has_decoder = s->readuniversal;
  s->readnl = kind == 3 ? kNlCR : kind == 4 ? kNlCRLF : kNlLF;
  s->writenl = kind == 3 ? kNlCR : kind == 4 ? kNlCRLF : 0;
  if (!a[0].is_null() && !a[0].is_none()) {
    Str* init = a[0].as<Str>();
    if (init->size() && sio_write_str(I, s, init) < 0) return -1;
    s->pos = 0;
    s->pos_byte = 0;
  }
  s->ok = 1;
  return 0;
}

Value stringio_new(Isolate& I, Type* type, const Value*, size_t, Tuple*) {
  Object* o = I.heap.alloc_object(type, type->basicsize);
  if (!o) return raise_memory(I);
  return Value::object(o);
}

Value m_sio_init(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (stringio_init(I, args[0], args + 1, nargs - 1, kw) < 0) return Value::error();
  return Value::none();
}

Value m_sio_getvalue(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  StringIOObj* s = sio_self(I, args[0]);
  if (!s) return Value::error();
  if (check_no_kwargs(I, "getvalue", kw) < 0 || check_nargs(I, "getvalue", nargs - 1, 0, 0) < 0) return Value::error();
  return make_str(I, s, 0, s->len, s->size_cp);
}

Value sio_read(Isolate& I, StringIOObj* s, int64_t n) {
  if (s->pos >= s->size_cp || n == 0) return Value::object(str_new(I, ""));
  size_t avail = s->size_cp - s->pos;
  size_t take = (n < 0 || static_cast<uint64_t>(n) > avail) ? avail : static_cast<size_t>(n);
  size_t b0 = s->pos_byte;
  size_t b1 = take == avail ? s->len : advance(s, b0, take);
  Value r = make_str(I, s, b0, b1, take);
  if (r.is_error()) return r;
  s->pos += take;
  s->pos_byte = b1;
  return r;
}

Value m_sio_read(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  StringIOObj* s = sio_self(I, args[0]);
  if (!s) return Value::error();
  if (check_no_kwargs(I, "read", kw) < 0 || check_nargs(I, "read", nargs - 1, 0, 1) < 0) return Value::error();
  int64_t n;
  if (!opt_size(I, nargs > 1 ? args[1] : Value::null(), &n)) return Value::error();
  return sio_read(I, s, n);
}

Value sio_readline(Isolate& I, StringIOObj* s, int64_t limit) {
  if (s->pos >= s->size_cp) return Value::object(str_new(I, ""));
  size_t avail = s->size_cp - s->pos;
  size_t lim = (limit < 0 || static_cast<uint64_t>(limit) > avail) ? avail : static_cast<size_t>(limit);
  size_t b0 = s->pos_byte;
  size_t bend = lim == avail ? s->len : advance(s, b0, lim);
  const char* p = s->buf + b0;
  size_t n = bend - b0;
  size_t found = SIZE_MAX;  // bytes up to and including the terminator
  if (s->readtranslate || (!s->readuniversal && s->readnl == kNlLF)) {
    const void* q = std::memchr(p, '\n', n);
    if (q) found = static_cast<const char*>(q) - p + 1;
  } else if (s->readuniversal) {
    for (size_t i = 0; i < n; ++i) {
      if (p[i] == '\n') {
        found = i + 1;
        break;
      }
      if (p[i] == '\r') {
        found = (i + 1 < n && p[i + 1] == '\n') ? i + 2 : i + 1;
        break;
      }
    }
  } else if (s->readnl == kNlCR) {
    const void* q = std::memchr(p, '\r', n);
    if (q) found = static_cast<const char*>(q) - p + 1;
  } else {
    for (size_t i = 0; i + 1 < n; ++i) {
      if (p[i] == '\r' && p[i + 1] == '\n') {
        found = i + 2;
        break;
      }
    }
  }
  size_t b1 = found == SIZE_MAX ? bend : b0 + found;
  size_t ncp = found == SIZE_MAX ? lim : (s->ascii ? found : count_cp(p, found));
  Value r = make_str(I, s, b0, b1, ncp);
  if (r.is_error()) return r;
  s->pos += ncp;
  s->pos_byte = b1;
  return r;
}

Value m_sio_readline(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  StringIOObj* s = sio_self(I, args[0]);
  if (!s) return Value::error();
  if (check_no_kwargs(I, "readline", kw) < 0 || check_nargs(I, "readline", nargs - 1, 0, 1) < 0)
    return Value::error();
  int64_t n;
  if (!opt_size(I, nargs > 1 ? args[1] : Value::null(), &n)) return Value::error();
  return sio_readline(I, s, n);
}

Value m_sio_write(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  StringIOObj* s = sio_self(I, args[0]);
  if (!s) return Value::error();
  if (check_no_kwargs(I, "StringIO.write", kw) < 0) return Value::error();
  if (nargs != 2) return raisef(I, I.rt.exc_TypeError, "StringIO.write() takes exactly one argument (%zu given)", nargs - 1);
  Value v = args[1];
  if (!v.is_object() || !(v.as_object()->type_->flags & kTypeStrSubclass))
    return raisef(I, I.rt.exc_TypeError, "string argument expected, got '%s'", type_name(I, v));
  Str* str = v.as<Str>();
  size_t n = str->length;
  if (n && sio_write_str(I, s, str) < 0) return Value::error();
  return int_from_i64(I, static_cast<int64_t>(n));
}

/// Does type(self).name resolve to the native method fn (not overridden)?
bool uses_native(Isolate& I, Value self, const char* name, NativeFn fn) {
  Value a = type_lookup(type_of(I, self), I.intern(name));
  return a.is_object() && type_of(I, a) == I.rt.method_descriptor_type && a.as<MethodDescriptor>()->fn == fn;
}

Value m_sio_writelines(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (!is_stringio(args[0])) return raise(I, I.rt.exc_TypeError, "writelines() requires a StringIO object");
  auto* s = args[0].as<StringIOObj>();
  if (check_no_kwargs(I, "writelines", kw) < 0) return Value::error();
  if (nargs != 2) return raisef(I, I.rt.exc_TypeError, "writelines() takes exactly one argument (%zu given)", nargs - 1);
  if (!s->ok) return raise(I, I.rt.exc_ValueError, "I/O operation on uninitialized object");
  if (s->closed) return closed_error(I, true);
  Value it = get_iter(I, args[1]);
  if (it.is_error()) return it;
  bool native = uses_native(I, args[0], "write", m_sio_write);
  Str* write_name = I.intern("write");
  for (;;) {
    Value line = iter_next(I, it);
    if (line.is_error()) return line;
    if (line.is_null()) break;
    Value r;
    if (native) {
      Value a2[2] = {args[0], line};
      r = m_sio_write(I, a2, 2, nullptr);
    } else {
      r = call_method(I, args[0], write_name, {line});
    }
    if (r.is_error()) return r;
  }
  return Value::none();
}

Value m_sio_tell(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  StringIOObj* s = sio_self(I, args[0]);
  if (!s) return Value::error();
  if (check_no_kwargs(I, "tell", kw) < 0 || check_nargs(I, "tell", nargs - 1, 0, 0) < 0) return Value::error();
  return int_from_i64(I, static_cast<int64_t>(s->pos));
}

Value m_sio_seek(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  StringIOObj* s = sio_self(I, args[0]);
  if (!s) return Value::error();
  if (check_no_kwargs(I, "seek", kw) < 0) return Value::error();
  if (nargs < 2 || nargs > 3) {
    if (nargs < 2) return raisef(I, I.rt.exc_TypeError, "seek expected at least 1 argument, got %zu", nargs - 1);
    return raisef(I, I.rt.exc_TypeError, "seek expected at most 2 arguments, got %zu", nargs - 1);
  }
  int64_t pos;
  int whence = 0;
  if (!ssize_arg(I, args[1], &pos)) return Value::error();
  if (nargs > 2 && !int_arg(I, args[2], &whence)) return Value::error();
  if (whence != 0 && whence != 1 && whence != 2)
    return raisef(I, I.rt.exc_ValueError, "Invalid whence (%d, should be 0, 1 or 2)", whence);
  if (pos < 0 && whence == 0) return raisef(I, I.rt.exc_ValueError, "Negative seek position %lld", static_cast<long long>(pos));
  if (whence != 0 && pos != 0) return raise(I, I.rt.exc_OSError, "Can't do nonzero cur-relative seeks");
  if (whence == 1) pos = static_cast<int64_t>(s->pos);
  else if (whence == 2) pos = static_cast<int64_t>(s->size_cp);
  set_pos(s, static_cast<size_t>(pos));
  return int_from_i64(I, pos);
}

Value m_sio_truncate(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  StringIOObj* s = sio_self(I, args[0]);
  if (!s) return Value::error();
  if (check_no_kwargs(I, "truncate", kw) < 0 || check_nargs(I, "truncate", nargs - 1, 0, 1) < 0)
    return Value::error();
  int64_t size = static_cast<int64_t>(s->pos);
  if (nargs > 1 && !args[1].is_none()) {
    if (!opt_size(I, args[1], &size)) return Value::error();
    if (size < 0) return raisef(I, I.rt.exc_ValueError, "Negative size value %lld", static_cast<long long>(size));
  }
  if (static_cast<size_t>(size) < s->size_cp) {
    size_t b = byte_at(s, static_cast<size_t>(size));
    s->len = b;
    s->size_cp = static_cast<size_t>(size);
    if (s->pos >= s->size_cp) s->pos_byte = s->len;
  }
  return int_from_i64(I, size);
}

Value m_sio_true(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  StringIOObj* s = sio_self(I, args[0]);
  if (!s) return Value::error();
  if (check_no_kwargs(I, "readable", kw) < 0 || check_nargs(I, "readable", nargs - 1, 0, 0) < 0) return Value::error();
  return Value::true_();
}

Value m_sio_close(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (!is_stringio(args[0])) return raise(I, I.rt.exc_TypeError, "close() requires a StringIO object");
  if (check_no_kwargs(I, "close", kw) < 0 || check_nargs(I, "close", nargs - 1, 0, 0) < 0) return Value::error();
  auto* s = args[0].as<StringIOObj>();
  s->closed = 1;
  if (s->buf) {
    I.heap.free_raw(s->buf, s->cap);
    s->buf = nullptr;
    s->cap = 0;
  }
  s->len = 0;
  s->size_cp = 0;
  s->pos_byte = 0;
  return Value::none();
}

Value sio_get_closed(Isolate& I, Value self) {
  if (!is_stringio(self)) return raise(I, I.rt.exc_TypeError, "closed requires a StringIO object");
  auto* s = self.as<StringIOObj>();
  if (!s->ok) return raise(I, I.rt.exc_ValueError, "I/O operation on uninitialized object");
  return Value::boolean(s->closed);
}

Value sio_get_line_buffering(Isolate& I, Value self) {
  StringIOObj* s = sio_self(I, self);
  if (!s) return Value::error();
  return Value::false_();
}

Value sio_get_newlines(Isolate& I, Value self) {
  StringIOObj* s = sio_self(I, self);
  if (!s) return Value::error();
  if (!s->has_decoder) return Value::none();
  Value lf = str_value(I, "\n"), cr = str_value(I, "\r"), crlf = str_value(I, "\r\n");
  switch (s->seennl) {
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

Value sio_iter(Isolate& I, Value self) {
  StringIOObj* s = sio_self(I, self, false);
  if (!s) return Value::error();
  if (s->closed) return closed_error(I, true);
  return self;
}

Value sio_next(Isolate& I, Value self) {
  StringIOObj* s = sio_self(I, self);
  if (!s) return Value::error();
  Value line;
  if (uses_native(I, self, "readline", m_sio_readline)) {
    line = sio_readline(I, s, -1);
  } else {
    line = call_method(I, self, I.intern("readline"), {});
    if (line.is_error()) return line;
    if (!line.is_object() || !(line.as_object()->type_->flags & kTypeStrSubclass))
      return raisef(I, I.rt.exc_OSError, "readline() should have returned a str object, not '%s'", type_name(I, line));
  }
  if (line.is_error()) return line;
  if (line.as<Str>()->size() == 0) return Value::null();
  return line;
}

template <UnaryFn kIter>
Value m_iter(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (check_nargs(I, "__iter__", nargs - 1, 0, 0) < 0) return Value::error();
  return kIter(I, args[0]);
}

template <NextFn kNext>
Value m_next(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (check_nargs(I, "__next__", nargs - 1, 0, 0) < 0) return Value::error();
  Value r = kNext(I, args[0]);
  if (r.is_null()) return raise_value(I, Value::object(I.rt.exc_StopIteration));
  return r;
}

Value m_sio_readlines(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (check_no_kwargs(I, "readlines", kw) < 0 || check_nargs(I, "readlines", nargs - 1, 0, 1) < 0)
    return Value::error();
  int64_t hint;
  if (!opt_size(I, nargs > 1 ? args[1] : Value::null(), &hint)) return Value::error();
  if (sio_iter(I, args[0]).is_error()) return Value::error();
  List* out = list_new(I, 0);
  if (!out) return Value::error();
  int64_t total = 0;
  for (;;) {
    Value line = sio_next(I, args[0]);
    if (line.is_error()) return line;
    if (line.is_null()) break;
    if (list_append(I, out, line) < 0) return Value::error();
    total += line.as<Str>()->length;
    if (hint > 0 && total >= hint) break;
  }
  return Value::object(out);
}

Value m_sio_getstate(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  StringIOObj* s = sio_self(I, args[0]);
  if (!s) return Value::error();
  Value v = make_str(I, s, 0, s->len, s->size_cp);
  if (v.is_error()) return v;
  Value nl;
  if (s->newline_none) nl = Value::none();
  else if (s->readuniversal) nl = str_value(I, "");
  else nl = str_value(I, s->readnl == kNlCR ? "\r" : s->readnl == kNlCRLF ? "\r\n" : "\n");
  if (nl.is_error()) return nl;
  Value d = s->dict ? Value::object(dict_copy(I, s->dict)) : Value::none();
  return tuple_pack(I, {v, nl, int_from_i64(I, static_cast<int64_t>(s->pos)), d});
}

// --- BytesIO ----------------------------------------------------------------------------------

struct BytesIOObj : IOBaseObj {
  char* buf;
  size_t len;
  size_t cap;
  size_t pos;
  uint8_t closed;
  uint32_t exports;  // live memoryviews from getbuffer()
};

/// _io._BytesIOBuffer: what getbuffer()'s memoryview is a view of (its
/// `obj`). It exports the BytesIO's bytes, writable, counting the views in
/// the BytesIO's `exports`; while any exists, the BytesIO refuses to
/// change (BufferError), as in CPython.
struct BytesIOBuf : Object {
  BytesIOObj* source;
};

void bytesiobuf_trace(Object* o, Tracer& t) { t.visit(static_cast<BytesIOBuf*>(o)->source); }

bool bytesiobuf_buffer(Object* o, BufferInfo* out) {
  BytesIOObj* b = static_cast<BytesIOBuf*>(o)->source;
  out->data = b->buf;
  out->len = b->len;
  out->itemsize = 1;
  out->format = 'B';
  out->readonly = false;
  out->exports = &b->exports;
  return true;
}

Type* make_bytesiobuf_type(Isolate& I) {
  Type* t = isolate_type_new(I, "_io._BytesIOBuffer", "_BytesIOBuffer", "_io", sizeof(BytesIOBuf), bytesiobuf_trace);
  if (t) t->buffer = bytesiobuf_buffer;
  return t;
}

constexpr const char kBioExportsMsg[] = "Existing exports of data: object cannot be re-sized";

/// 0, or -1 with BufferError while getbuffer() views exist.
inline int bio_check_exports(Isolate& I, BytesIOObj* b) {
  return b->exports ? buffer_check_resize(I, &b->exports, kBioExportsMsg) : 0;
}

void bytesio_trace(Object* o, Tracer& t) { t.visit(static_cast<BytesIOObj*>(o)->dict); }

void bytesio_finalize(Isolate& I, Object* o) {
  auto* b = static_cast<BytesIOObj*>(o);
  if (b->buf) I.heap.free_raw(b->buf, b->cap);
  b->buf = nullptr;
  b->cap = b->len = 0;
}

inline bool is_bytesio(Value v) { return v.is_object() && v.as_object()->type_->trace == bytesio_trace; }

BytesIOObj* bio_self(Isolate& I, Value v, bool check_closed = true) {
  if (!is_bytesio(v)) {
    raisef(I, I.rt.exc_TypeError, "descriptor requires a '_io.BytesIO' object but received a '%s'", type_name(I, v));
    return nullptr;
  }
  auto* b = v.as<BytesIOObj>();
  if (check_closed && b->closed) {
    closed_error(I, true);
    return nullptr;
  }
  return b;
}

bool get_buffer(Isolate& I, Value v, std::string_view* out, std::string* keep) {
  int r = buffer_bytes(I, v, out, keep);
  if (r < 0) return false;
  if (r == 0) {
    raisef(I, I.rt.exc_TypeError, "a bytes-like object is required, not '%s'", type_name(I, v));
    return false;
  }
  return true;
}

int bio_write(Isolate& I, BytesIOObj* b, std::string_view d) {
  if (d.empty()) return 0;
  size_t end = b->pos + d.size();
  if (end < b->pos) {
    raise_memory(I);
    return -1;
  }
  if (grow(I, &b->buf, &b->cap, end) < 0) return -1;
  if (b->pos > b->len) std::memset(b->buf + b->len, 0, b->pos - b->len);
  std::memmove(b->buf + b->pos, d.data(), d.size());
  b->pos = end;
  if (end > b->len) b->len = end;
  return 0;
}

Value bytesio_new(Isolate& I, Type* type, const Value*, size_t, Tuple*) {
  Object* o = I.heap.alloc_object(type, type->basicsize);
  if (!o) return raise_memory(I);
  return Value::object(o);
}

int bytesio_init(Isolate& I, Value self, const Value* args, size_t nargs, Tuple* kw) {
  if (!is_bytesio(self)) {
    raise(I, I.rt.exc_TypeError, "BytesIO.__init__ requires a BytesIO object");
    return -1;
  }
  Value a[1];
  if (stdlib_bind_args(I, "BytesIO", args, nargs, kw, {"initial_bytes"}, 0, 1, 0, a) < 0) return -1;
  auto* b = self.as<BytesIOObj>();
  b->len = 0;
  b->pos = 0;
  if (bio_check_exports(I, b) < 0) return -1;
  if (!a[0].is_null() && !a[0].is_none()) {
    std::string_view d;
    std::string keep;
    if (!get_buffer(I, a[0], &d, &keep)) return -1;
    if (bio_write(I, b, d) < 0) return -1;
    b->pos = 0;
  }
  return 0;
}

Value m_bio_init(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (bytesio_init(I, args[0], args + 1, nargs - 1, kw) < 0) return Value::error();
  return Value::none();
}

Value m_bio_getvalue(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  BytesIOObj* b = bio_self(I, args[0]);
  if (!b) return Value::error();
  if (check_no_kwargs(I, "getvalue", kw) < 0 || check_nargs(I, "getvalue", nargs - 1, 0, 0) < 0) return Value::error();
  return bytes_value(I, std::string_view(b->buf ? b->buf : "", b->len));
}

Value bio_read(Isolate& I, BytesIOObj* b, int64_t n) {
  size_t avail = b->pos < b->len ? b->len - b->pos : 0;
  size_t take = (n < 0 || static_cast<uint64_t>(n) > avail) ? avail : static_cast<size_t>(n);
  Value r = bytes_value(I, std::string_view(take ? b->buf + b->pos : "", take));
  if (r.is_error()) return r;
  b->pos += take;
  return r;
}

Value m_bio_read(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  BytesIOObj* b = bio_self(I, args[0]);
  if (!b) return Value::error();
  if (check_no_kwargs(I, "read", kw) < 0 || check_nargs(I, "read", nargs - 1, 0, 1) < 0) return Value::error();
  int64_t n;
  if (!opt_size(I, nargs > 1 ? args[1] : Value::null(), &n)) return Value::error();
  return bio_read(I, b, n);
}

Value m_bio_read1(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  BytesIOObj* b = bio_self(I, args[0]);
  if (!b) return Value::error();
  if (check_no_kwargs(I, "read1", kw) < 0 || check_nargs(I, "read1", nargs - 1, 0, 1) < 0) return Value::error();
  int64_t n;
  if (!opt_size(I, nargs > 1 ? args[1] : Value::null(), &n)) return Value::error();
  return bio_read(I, b, n);
}

Value bio_readline(Isolate& I, BytesIOObj* b, int64_t limit) {
  size_t avail = b->pos < b->len ? b->len - b->pos : 0;
  size_t lim = (limit < 0 || static_cast<uint64_t>(limit) > avail) ? avail : static_cast<size_t>(limit);
  if (lim == 0) return bytes_value(I, "");
  const char* p = b->buf + b->pos;
  const void* q = std::memchr(p, '\n', lim);
  size_t n = q ? static_cast<size_t>(static_cast<const char*>(q) - p) + 1 : lim;
  return bio_read(I, b, static_cast<int64_t>(n));
}

Value m_bio_readline(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  BytesIOObj* b = bio_self(I, args[0]);
  if (!b) return Value::error();
  if (check_no_kwargs(I, "readline", kw) < 0 || check_nargs(I, "readline", nargs - 1, 0, 1) < 0)
    return Value::error();
  int64_t n;
  if (!opt_size(I, nargs > 1 ? args[1] : Value::null(), &n)) return Value::error();
  return bio_readline(I, b, n);
}

Value m_bio_readlines(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  BytesIOObj* b = bio_self(I, args[0]);
  if (!b) return Value::error();
  if (check_no_kwargs(I, "readlines", kw) < 0 || check_nargs(I, "readlines", nargs - 1, 0, 1) < 0)
    return Value::error();
  int64_t hint;
  if (!opt_size(I, nargs > 1 ? args[1] : Value::null(), &hint)) return Value::error();
  List* out = list_new(I, 0);
  if (!out) return Value::error();
  int64_t total = 0;
  for (;;) {
    Value line = bio_readline(I, b, -1);
    if (line.is_error()) return line;
    size_t n = bytes_view(line).size();
    if (n == 0) break;
    if (list_append(I, out, line) < 0) return Value::error();
    total += static_cast<int64_t>(n);
    if (hint > 0 && total >= hint) break;
  }
  return Value::object(out);
}

/// A writable contiguous buffer (bytearray, array.array, or a writable
/// C-contiguous memoryview of one). false with TypeError/ValueError set.
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

Value m_bio_readinto(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  BytesIOObj* b = bio_self(I, args[0]);
  if (!b) return Value::error();
  if (check_no_kwargs(I, "readinto", kw) < 0) return Value::error();
  if (nargs != 2) return raisef(I, I.rt.exc_TypeError, "readinto() takes exactly one argument (%zu given)", nargs - 1);
  Value dst = args[1];
  char* out = nullptr;
  size_t room = 0;
  if (!writable_buffer(I, dst, &out, &room)) return Value::error();
  size_t avail = b->pos < b->len ? b->len - b->pos : 0;
  size_t n = room < avail ? room : avail;
  if (n) std::memcpy(out, b->buf + b->pos, n);
  b->pos += n;
  return int_from_i64(I, static_cast<int64_t>(n));
}

Value m_bio_write(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  BytesIOObj* b = bio_self(I, args[0]);
  if (!b) return Value::error();
  if (check_no_kwargs(I, "BytesIO.write", kw) < 0) return Value::error();
  if (nargs != 2) return raisef(I, I.rt.exc_TypeError, "BytesIO.write() takes exactly one argument (%zu given)", nargs - 1);
  std::string_view d;
  std::string keep;
  if (!get_buffer(I, args[1], &d, &keep)) return Value::error();
  if (bio_check_exports(I, b) < 0) return Value::error();
  size_t n = d.size();
  if (bio_write(I, b, d) < 0) return Value::error();
  return int_from_i64(I, static_cast<int64_t>(n));
}

Value m_bio_writelines(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  BytesIOObj* b = bio_self(I, args[0]);
  if (!b) return Value::error();
  if (check_no_kwargs(I, "writelines", kw) < 0) return Value::error();
  if (nargs != 2) return raisef(I, I.rt.exc_TypeError, "writelines() takes exactly one argument (%zu given)", nargs - 1);
  Value it = get_iter(I, args[1]);
  if (it.is_error()) return it;
  Str* write_name = I.intern("write");
  bool exact = !type_of(I, args[0])->base || type_of(I, args[0])->base->trace != bytesio_trace;
  for (;;) {
    Value x = iter_next(I, it);
    if (x.is_error()) return x;
    if (x.is_null()) break;
    Value r;
    if (exact) {
      Value a2[2] = {args[0], x};
      r = m_bio_write(I, a2, 2, nullptr);
    } else {
      r = call_method(I, args[0], write_name, {x});
    }
    if (r.is_error()) return r;
  }
  return Value::none();
}

Value m_bio_tell(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  BytesIOObj* b = bio_self(I, args[0]);
  if (!b) return Value::error();
  if (check_no_kwargs(I, "tell", kw) < 0 || check_nargs(I, "tell", nargs - 1, 0, 0) < 0) return Value::error();
  return int_from_i64(I, static_cast<int64_t>(b->pos));
}

Value m_bio_seek(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  BytesIOObj* b = bio_self(I, args[0]);
  if (!b) return Value::error();
  if (check_no_kwargs(I, "seek", kw) < 0) return Value::error();
  if (nargs < 2 || nargs > 3) {
    if (nargs < 2) return raisef(I, I.rt.exc_TypeError, "seek expected at least 1 argument, got %zu", nargs - 1);
    return raisef(I, I.rt.exc_TypeError, "seek expected at most 2 arguments, got %zu", nargs - 1);
  }
  int64_t pos;
  int whence = 0;
  if (!ssize_arg(I, args[1], &pos)) return Value::error();
  if (nargs > 2 && !int_arg(I, args[2], &whence)) return Value::error();
  if (pos < 0 && whence == 0) return raisef(I, I.rt.exc_ValueError, "negative seek value %lld", static_cast<long long>(pos));
  if (whence == 1) {
    if (pos > INT64_MAX - static_cast<int64_t>(b->pos)) return raise(I, I.rt.exc_OverflowError, "new position too large");
    pos += static_cast<int64_t>(b->pos);
  } else if (whence == 2) {
    if (pos > INT64_MAX - static_cast<int64_t>(b->len)) return raise(I, I.rt.exc_OverflowError, "new position too large");
    pos += static_cast<int64_t>(b->len);
  } else if (whence != 0) {
    return raisef(I, I.rt.exc_ValueError, "invalid whence (%d, should be 0, 1 or 2)", whence);
  }
  if (pos < 0) pos = 0;
  b->pos = static_cast<size_t>(pos);
  return int_from_i64(I, pos);
}

Value m_bio_truncate(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  BytesIOObj* b = bio_self(I, args[0]);
  if (!b) return Value::error();
  if (check_no_kwargs(I, "truncate", kw) < 0 || check_nargs(I, "truncate", nargs - 1, 0, 1) < 0)
    return Value::error();
  if (bio_check_exports(I, b) < 0) return Value::error();
  int64_t size = static_cast<int64_t>(b->pos);
  if (nargs > 1 && !args[1].is_none()) {
    if (!opt_size(I, args[1], &size)) return Value::error();
    if (size < 0) return raisef(I, I.rt.exc_ValueError, "negative size value %lld", static_cast<long long>(size));
  }
  if (static_cast<size_t>(size) < b->len) b->len = static_cast<size_t>(size);
  return int_from_i64(I, size);
}

Value m_bio_true(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  BytesIOObj* b = bio_self(I, args[0]);
  if (!b) return Value::error();
  if (check_nargs(I, "readable", nargs - 1, 0, 0) < 0) return Value::error();
  return Value::true_();
}

Value m_bio_flush(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  BytesIOObj* b = bio_self(I, args[0]);
  if (!b) return Value::error();
  if (check_nargs(I, "flush", nargs - 1, 0, 0) < 0) return Value::error();
  return Value::none();
}

Value m_bio_isatty(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  BytesIOObj* b = bio_self(I, args[0]);
  if (!b) return Value::error();
  if (check_nargs(I, "isatty", nargs - 1, 0, 0) < 0) return Value::error();
  return Value::false_();
}

Value m_bio_close(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  BytesIOObj* b = bio_self(I, args[0], false);
  if (!b) return Value::error();
  if (check_nargs(I, "close", nargs - 1, 0, 0) < 0) return Value::error();
  if (bio_check_exports(I, b) < 0) return Value::error();
  b->closed = 1;
  if (b->buf) {
    I.heap.free_raw(b->buf, b->cap);
    b->buf = nullptr;
    b->cap = 0;
  }
  b->len = 0;
  return Value::none();
}

Value bio_get_closed(Isolate& I, Value self) {
  BytesIOObj* b = bio_self(I, self, false);
  if (!b) return Value::error();
  return Value::boolean(b->closed);
}

Value bio_iter(Isolate& I, Value self) {
  if (!bio_self(I, self, false)) return Value::error();
  return self;
}

Value bio_next(Isolate& I, Value self) {
  BytesIOObj* b = bio_self(I, self);
  if (!b) return Value::error();
  Value line = bio_readline(I, b, -1);
  if (line.is_error()) return line;
  if (bytes_view(line).empty()) return Value::null();
  return line;
}

Value m_bio_getstate(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  BytesIOObj* b = bio_self(I, args[0]);
  if (!b) return Value::error();
  Value v = bytes_value(I, std::string_view(b->buf ? b->buf : "", b->len));
  if (v.is_error()) return v;
  Value d = b->dict ? Value::object(dict_copy(I, b->dict)) : Value::none();
  return tuple_pack(I, {v, int_from_i64(I, static_cast<int64_t>(b->pos)), d});
}

// getbuffer(): a writable memoryview of the contents.
Value m_bio_getbuffer(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  BytesIOObj* b = bio_self(I, args[0]);
  if (!b) return Value::error();
  if (check_no_kwargs(I, "getbuffer", kw) < 0 || check_nargs(I, "BytesIO.getbuffer", nargs - 1, 0, 0) < 0)
    return Value::error();
  // The type made with the module (a new one if the guest replaced it).
  Value tv = stdlib_module_attr(I, "io", "_BytesIOBuffer");
  Type* t = tv.is_object() && tv.as_object()->type_ == I.rt.type_type && tv.as<Type>()->trace == bytesiobuf_trace
                ? tv.as<Type>()
                : make_bytesiobuf_type(I);
  if (!t) return Value::error();
  auto* buf = static_cast<BytesIOBuf*>(I.heap.alloc_object(t, sizeof(BytesIOBuf)));
  if (!buf) return raise_memory(I);
  buf->source = b;
  Value bv = Value::object(buf);
  return call(I, Value::object(I.rt.memoryview_type), &bv, 1);
}

Value m_sizeof_sio(Isolate& I, const Value* args, size_t, Tuple*) {
  if (!is_stringio(args[0])) return raise(I, I.rt.exc_TypeError, "__sizeof__ requires a StringIO object");
  return int_from_i64(I, static_cast<int64_t>(sizeof(StringIOObj) + args[0].as<StringIOObj>()->cap));
}
Value m_sizeof_bio(Isolate& I, const Value* args, size_t, Tuple*) {
  if (!is_bytesio(args[0])) return raise(I, I.rt.exc_TypeError, "__sizeof__ requires a BytesIO object");
  return int_from_i64(I, static_cast<int64_t>(sizeof(BytesIOObj) + args[0].as<BytesIOObj>()->cap));
}

// --- module ----------------------------------------------------------------------------------

// Generic IOBase behaviour (CPython's _io._IOBase and friends), attached to
// the native base types; then the public ABCs as io.py defines them.
const char kIoSource[] = R"PY(
import abc

class UnsupportedOperation(OSError, ValueError):
    pass

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2
DEFAULT_BUFFER_SIZE = 8192
BlockingIOError = BlockingIOError

def text_encoding(encoding, stacklevel=2):
    if encoding is None:
        return "locale"
    return encoding

def _build():
    def _attach(cls, name, f):
        if hasattr(f, '__code__'):
            f.__name__ = name
            f.__qualname__ = cls.__name__ + '.' + name
        setattr(cls, name, f)

    _CLOSED = '__IOBase_closed'

    def _unsupported(name):
        raise UnsupportedOperation(name)

    def _iob_seek(self, *args):
        _unsupported("seek")

    def _iob_tell(self):
        return self.seek(0, 1)

    def _iob_truncate(self, *args):
        _unsupported("truncate")

    def _iob_fileno(self):
        _unsupported("fileno")

    def _iob_closed(self):
        d = getattr(self, '__dict__', None)
        return bool(d) and d.get(_CLOSED, False)

    def _iob_checkClosed(self, msg=None):
        if self.closed:
            raise ValueError("I/O operation on closed file." if msg is None else msg)

    def _iob_flush(self):
        d = getattr(self, '__dict__', None)
        if d and d.get(_CLOSED, False):
            raise ValueError("I/O operation on closed file.")

    def _iob_close(self):
        d = self.__dict__
        if not d.get(_CLOSED, False):
            try:
                self.flush()
            finally:
                d[_CLOSED] = True

    def _iob_checkSeekable(self, msg=None):
        if not self.seekable():
            raise UnsupportedOperation("File or stream is not seekable." if msg is None else msg)

    def _iob_checkReadable(self, msg=None):
        if not self.readable():
            raise UnsupportedOperation("File or stream is not readable." if msg is None else msg)

    def _iob_checkWritable(self, msg=None):
        if not self.writable():
            raise UnsupportedOperation("File or stream is not writable." if msg is None else msg)

    def _iob_enter(self):
        self._checkClosed()
        return self

    def _iob_exit(self, *args):
        self.close()

    def _iob_isatty(self):
        self._checkClosed()
        return False

    def _size_arg(size):
        if size is None:
            return -1
        if not hasattr(type(size), '__index__'):
            raise TypeError("argument should be integer or None, not '%s'" % type(size).__name__)
        return size.__index__()

    def _iob_readline(self, size=-1):
        size = _size_arg(size)
        peek = getattr(self, 'peek', None)
        res = bytearray()
        while size < 0 or len(res) < size:
            nreadahead = 1
            if peek is not None:
                readahead = peek(1)
                if not isinstance(readahead, bytes):
                    raise OSError("peek() should have returned a bytes object, not '%s'" % type(readahead).__name__)
                if readahead:
                    n = (readahead.find(b"\n") + 1) or len(readahead)
                    if size >= 0:
                        n = min(n, size)
                    nreadahead = n
            b = self.read(nreadahead)
            if not isinstance(b, bytes):
                raise OSError("read() should have returned a bytes object, not '%s'" % type(b).__name__)
            if not b:
                break
            res += b
            if res.endswith(b"\n"):
                break
        return bytes(res)

    def _iob_iter(self):
        self._checkClosed()
        return self

    def _iob_next(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def _iob_readlines(self, hint=None):
        hint = _size_arg(hint)
        if hint <= 0:
            return list(self)
        n = 0
        lines = []
        for line in self:
            lines.append(line)
            n += len(line)
            if n >= hint:
                break
        return lines

    def _iob_writelines(self, lines):
        self._checkClosed()
        for line in lines:
            self.write(line)

    for _n, _f in (('seek', _iob_seek), ('tell', _iob_tell), ('truncate', _iob_truncate),
                   ('fileno', _iob_fileno), ('closed', property(_iob_closed)),
                   ('_checkClosed', _iob_checkClosed), ('flush', _iob_flush), ('close', _iob_close),
                   ('seekable', lambda self: False), ('readable', lambda self: False), ('writable', lambda self: False),
                   ('_checkSeekable', _iob_checkSeekable), ('_checkReadable', _iob_checkReadable),
                   ('_checkWritable', _iob_checkWritable), ('__enter__', _iob_enter),
                   ('__exit__', _iob_exit), ('isatty', _iob_isatty), ('readline', _iob_readline),
                   ('__iter__', _iob_iter), ('__next__', _iob_next), ('readlines', _iob_readlines),
                   ('writelines', _iob_writelines)):
        _attach(_IOBase, _n, _f)

    def _raw_read(self, size=-1):
        size = _size_arg(size)
        if size < 0:
            return self.readall()
        b = bytearray(size)
        n = self.readinto(b)
        if n is None:
            return None
        del b[n:]
        return bytes(b)

    def _raw_readall(self):
        res = bytearray()
        while True:
            data = self.read(DEFAULT_BUFFER_SIZE)
            if not data:
                break
            res += data
        if res:
            return bytes(res)
        return data

    def _raw_readinto(self, b):
        raise NotImplementedError

    def _raw_write(self, b):
        raise NotImplementedError

    _attach(_RawIOBase, 'read', _raw_read)
    _attach(_RawIOBase, 'readall', _raw_readall)
    _attach(_RawIOBase, 'readinto', _raw_readinto)
    _attach(_RawIOBase, 'write', _raw_write)

    def _buf_read(self, size=-1):
        _unsupported("read")

    def _buf_read1(self, size=-1):
        _unsupported("read1")

    def _buf_write(self, b):
        _unsupported("write")

    def _buf_detach(self):
        _unsupported("detach")

    def _buf_readinto_generic(self, b, method):
        data = getattr(self, method)(len(b))
        n = len(data)
        b[:n] = data
        return n

    def _buf_readinto(self, b):
        return _buf_readinto_generic(self, b, 'read')

    def _buf_readinto1(self, b):
        return _buf_readinto_generic(self, b, 'read1')

    _attach(_BufferedIOBase, 'read', _buf_read)
    _attach(_BufferedIOBase, 'read1', _buf_read1)
    _attach(_BufferedIOBase, 'write', _buf_write)
    _attach(_BufferedIOBase, 'detach', _buf_detach)
    _attach(_BufferedIOBase, 'readinto', _buf_readinto)
    _attach(_BufferedIOBase, 'readinto1', _buf_readinto1)

    def _text_read(self, size=-1):
        _unsupported("read")

    def _text_write(self, s):
        _unsupported("write")

    def _text_readline(self, size=-1):
        _unsupported("readline")

    def _text_detach(self):
        _unsupported("detach")

    _attach(_TextIOBase, 'read', _text_read)
    _attach(_TextIOBase, 'write', _text_write)
    _attach(_TextIOBase, 'readline', _text_readline)
    _attach(_TextIOBase, 'detach', _text_detach)
    _attach(_TextIOBase, 'encoding', property(lambda self: None))
    _attach(_TextIOBase, 'newlines', property(lambda self: None))
    _attach(_TextIOBase, 'errors', property(lambda self: None))

    def _detach_unsupported(self):
        _unsupported("detach")

    def _fileno_unsupported(self):
        _unsupported("fileno")

    _attach(StringIO, 'detach', _detach_unsupported)
    _attach(StringIO, 'fileno', _fileno_unsupported)


_build()
del _build

class IOBase(_IOBase, metaclass=abc.ABCMeta):
    pass

class RawIOBase(_RawIOBase, IOBase):
    pass

class BufferedIOBase(_BufferedIOBase, IOBase):
    pass

class TextIOBase(_TextIOBase, IOBase):
    pass

BufferedIOBase.register(BytesIO)
TextIOBase.register(StringIO)

def _register_std():
    import sys
    TextIOBase.register(type(sys.stdout))
_register_std()

del _register_std
)PY";

Type* make_base(Isolate& I, const char* name, Type* base) {
  Type* t = stdlib_make_type(I, name, "_io", base, sizeof(IOBaseObj), kTypeBaseType);
  if (!t) return nullptr;
  t->dict_offset = static_cast<int32_t>(offsetof(IOBaseObj, dict));
  t->flags |= kTypeHasDict;
  t->trace = iobase_trace;
  return t;
}

}  // namespace

int init_io_module(Isolate& I, Module* m) {
  Type* iob = make_base(I, "_IOBase", I.rt.object_type);
  if (!iob) return -1;
  Type* raw = make_base(I, "_RawIOBase", iob);
  Type* buffered = make_base(I, "_BufferedIOBase", iob);
  Type* text = make_base(I, "_TextIOBase", iob);
  if (!raw || !buffered || !text) return -1;

  Type* st = stdlib_make_type(I, "StringIO", "_io", text, sizeof(StringIOObj), kTypeBaseType);
  if (!st) return -1;
  st->dict_offset = static_cast<int32_t>(offsetof(StringIOObj, dict));
  st->new_ = stringio_new;
  st->init = stringio_init;
  st->iter = sio_iter;
  st->next = sio_next;
  st->trace = stringio_trace;
  st->finalize = stringio_finalize;
  if (add_method(I, st, "__init__", m_sio_init) < 0 || add_method(I, st, "getvalue", m_sio_getvalue) < 0 ||
      add_method(I, st, "read", m_sio_read) < 0 || add_method(I, st, "readline", m_sio_readline) < 0 ||
      add_method(I, st, "write", m_sio_write) < 0 ||
      add_method(I, st, "writelines", m_sio_writelines) < 0 ||
      add_method(I, st, "tell", m_sio_tell) < 0 || add_method(I, st, "seek", m_sio_seek) < 0 ||
      add_method(I, st, "truncate", m_sio_truncate) < 0 ||
      add_method(I, st, "readable", m_sio_true) < 0 || add_method(I, st, "writable", m_sio_true) < 0 ||
      add_method(I, st, "seekable", m_sio_true) < 0 || add_method(I, st, "close", m_sio_close) < 0 ||
      add_method(I, st, "__next__", m_next<sio_next>) < 0 ||
      add_method(I, st, "readlines", m_sio_readlines) < 0 ||
      add_method(I, st, "__getstate__", m_sio_getstate) < 0 ||
      add_method(I, st, "__sizeof__", m_sizeof_sio) < 0 ||
      add_getset(I, st, "closed", sio_get_closed) < 0 ||
      add_getset(I, st, "line_buffering", sio_get_line_buffering) < 0 ||
      add_getset(I, st, "newlines", sio_get_newlines) < 0)
    return -1;

  Type* bt = stdlib_make_type(I, "BytesIO", "_io", buffered, sizeof(BytesIOObj), kTypeBaseType);
  if (!bt) return -1;
  bt->dict_offset = static_cast<int32_t>(offsetof(BytesIOObj, dict));
  bt->new_ = bytesio_new;
  bt->init = bytesio_init;
  bt->iter = bio_iter;
  bt->next = bio_next;
  bt->trace = bytesio_trace;
  bt->finalize = bytesio_finalize;
  if (add_method(I, bt, "__init__", m_bio_init) < 0 || add_method(I, bt, "getvalue", m_bio_getvalue) < 0 ||
      add_method(I, bt, "read", m_bio_read) < 0 || add_method(I, bt, "read1", m_bio_read1) < 0 ||
      add_method(I, bt, "readline", m_bio_readline) < 0 ||
      add_method(I, bt, "readlines", m_bio_readlines) < 0 ||
      add_method(I, bt, "readinto", m_bio_readinto) < 0 ||
      add_method(I, bt, "readinto1", m_bio_readinto) < 0 ||
      add_method(I, bt, "write", m_bio_write) < 0 ||
      add_method(I, bt, "writelines", m_bio_writelines) < 0 ||
      add_method(I, bt, "tell", m_bio_tell) < 0 || add_method(I, bt, "seek", m_bio_seek) < 0 ||
      add_method(I, bt, "truncate", m_bio_truncate) < 0 ||
      add_method(I, bt, "readable", m_bio_true) < 0 || add_method(I, bt, "writable", m_bio_true) < 0 ||
      add_method(I, bt, "seekable", m_bio_true) < 0 || add_method(I, bt, "flush", m_bio_flush) < 0 ||
      add_method(I, bt, "isatty", m_bio_isatty) < 0 || add_method(I, bt, "close", m_bio_close) < 0 ||
      add_method(I, bt, "__iter__", m_iter<bio_iter>) < 0 ||
      add_method(I, bt, "__next__", m_next<bio_next>) < 0 ||
      add_method(I, bt, "__getstate__", m_bio_getstate) < 0 ||
      add_method(I, bt, "getbuffer", m_bio_getbuffer) < 0 ||
      add_method(I, bt, "__sizeof__", m_sizeof_bio) < 0 ||
      add_getset(I, bt, "closed", bio_get_closed) < 0)
    return -1;

  Type* biobuf = make_bytesiobuf_type(I);
  if (!biobuf || module_add_value(I, m, "_BytesIOBuffer", Value::object(biobuf)) < 0) return -1;

  if (module_add_value(I, m, "_IOBase", Value::object(iob)) < 0 ||
      module_add_value(I, m, "_RawIOBase", Value::object(raw)) < 0 ||
      module_add_value(I, m, "_BufferedIOBase", Value::object(buffered)) < 0 ||
      module_add_value(I, m, "_TextIOBase", Value::object(text)) < 0 ||
      module_add_value(I, m, "StringIO", Value::object(st)) < 0 ||
      module_add_value(I, m, "BytesIO", Value::object(bt)) < 0)
    return -1;
  Value r = run_module_source(I, m, "<capy>/io.py", kIoSource);
  if (r.is_error()) return -1;
  return io_file_init(I, m);  // FileIO, Buffered*, TextIOWrapper, open (io_file.cc)
}

}  // namespace capy
