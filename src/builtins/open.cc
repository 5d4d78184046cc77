// open() and the shared pieces of every file function: the door, path
// arguments, errno -> OSError. The streams themselves are io's
// (src/modules/io_file.cc).
#include "builtins/open.h"

#include <cerrno>
#include <cstring>

#include "modules/io_file.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/function.h"
#include "objects/int.h"
#include "objects/ops.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/unicode.h"
#include "vm/host_fs.h"
#include "vm/isolate.h"
#include "vm/runtime.h"

namespace capy {

FileSystem* fs_door(Isolate& I) {
  if (I.grants.directories.empty() || !I.host) return nullptr;
  return I.host->files();
}

Value fs_fspath(Isolate& I, Value v) {
  Type* t = type_of(I, v);
  if ((t->flags & kTypeStrSubclass) || is_bytes(v)) return v;
  Str* n = I.intern("__fspath__");
  if (!n) return Value::error();
  Value meth = type_lookup(t, n);
  if (meth.is_null() || meth.is_none())
    return raisef(I, I.rt.exc_TypeError, "expected str, bytes or os.PathLike object, not %s", type_name(t));
  Value r = call_special(I, v, n, {});
  if (r.is_error()) return r;
  Type* rt = type_of(I, r);
  if (!(rt->flags & kTypeStrSubclass) && !is_bytes(r))
    return raisef(I, I.rt.exc_TypeError, "expected %s.__fspath__() to return str or bytes, not %s", type_name(t),
                  type_name(rt));
  return r;
}

namespace {

// str -> the bytes os.fsencode gives: UTF-8 with lone surrogates U+DC80..U+DCFF
// turned back into the bytes they escape. 0 or -1 (UnicodeEncodeError).
int encode_str_path(Isolate& I, Str* s, std::string* out) {
  std::string_view v = s->view();
  out->clear();
  out->reserve(v.size());
  for (size_t i = 0; i < v.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(v[i]);
    if (c == 0xED && i + 2 < v.size() && (static_cast<unsigned char>(v[i + 1]) & 0xE0) == 0xA0) {
      uint32_t cp = 0xD000 | ((static_cast<unsigned char>(v[i + 1]) & 0x3F) << 6) |
                    (static_cast<unsigned char>(v[i + 2]) & 0x3F);
      if (cp >= 0xDC80 && cp <= 0xDCFF) {
        out->push_back(static_cast<char>(cp - 0xDC00));
        i += 2;
        continue;
      }
      // Any other surrogate cannot be encoded: let the codec raise its error.
      Value r = codec_encode(I, s, "utf-8", "strict");
      if (r.is_error()) return -1;
      return raise(I, I.rt.exc_UnicodeEncodeError, "surrogates not allowed"), -1;
    }
    out->push_back(static_cast<char>(c));
  }
  return 0;
}

}  // namespace

int fs_path_arg(Isolate& I, Value v, const char* fname, const char* argname, bool allow_fd, FsPath* out) {
  Type* t = type_of(I, v);
  Value p = v;
  if (!(t->flags & kTypeStrSubclass) && !is_bytes(v)) {
    Str* n = I.intern("__fspath__");
    if (!n) return -1;
    Value meth = type_lookup(t, n);
    if (meth.is_null() || meth.is_none()) {
      if (allow_fd && (t->flags & kTypeIntSubclass)) {
        raise_os_error(I, EBADF, Value::null());
        return -1;
      }
      if (!fname) {
        raisef(I, I.rt.exc_TypeError, "expected str, bytes or os.PathLike object, not %s", type_name(t));
      } else {
        raisef(I, I.rt.exc_TypeError, "%s: %s should be string, bytes%s, not %s", fname, argname,
               allow_fd ? ", os.PathLike or integer" : " or os.PathLike", type_name(t));
      }
      return -1;
    }
    p = fs_fspath(I, v);
    if (p.is_error()) return -1;
  }
  out->value = p;
  if (is_bytes(p)) {
    out->is_bytes = true;
    std::string_view b = bytes_view(p);
    if (b.find('\0') != std::string_view::npos) {
      if (fname) raisef(I, I.rt.exc_ValueError, "%s: embedded null character in path", fname);
      else raise(I, I.rt.exc_ValueError, "embedded null byte");
      return -1;
    }
    out->bytes.assign(b);
    return 0;
  }
  out->is_bytes = false;
  Str* s = p.as<Str>();
  if (s->view().find('\0') != std::string_view::npos) {
    raise(I, I.rt.exc_ValueError, "embedded null byte");
    return -1;
  }
  return encode_str_path(I, s, &out->bytes);
}

Value fs_decode_name(Isolate& I, std::string_view name, bool as_bytes) {
  if (as_bytes) return bytes_value(I, name);
  if (utf8_validate(name) == std::string_view::npos) return str_value(I, name);
  return codec_decode(I, name, "utf-8", "surrogateescape");
}

const char* fs_strerror(int err) {
  switch (err) {
    case EPERM: return "Operation not permitted";
    case ENOENT: return "No such file or directory";
    case EINTR: return "Interrupted system call";
    case EIO: return "Input/output error";
    case ENXIO: return "No such device or address";
    case E2BIG: return "Argument list too long";
    case EBADF: return "Bad file descriptor";
    case EAGAIN: return "Resource temporarily unavailable";
    case ENOMEM: return "Cannot allocate memory";
    case EACCES: return "Permission denied";
    case EBUSY: return "Device or resource busy";
    case EEXIST: return "File exists";
    case EXDEV: return "Invalid cross-device link";
    case ENODEV: return "No such device";
    case ENOTDIR: return "Not a directory";
    case EISDIR: return "Is a directory";
    case EINVAL: return "Invalid argument";
    case ENFILE: return "Too many open files in system";
    case EMFILE: return "Too many open files";
    case ETXTBSY: return "Text file busy";
    case EFBIG: return "File too large";
    case ENOSPC: return "No space left on device";
    case ESPIPE: return "Illegal seek";
    case EROFS: return "Read-only file system";
    case EMLINK: return "Too many links";
    case ERANGE: return "Numerical result out of range";
    case ENAMETOOLONG: return "File name too long";
    case ENOSYS: return "Function not implemented";
    case ENOTEMPTY: return "Directory not empty";
    case ELOOP: return "Too many levels of symbolic links";
    case EOVERFLOW: return "Value too large for defined data type";
    case EOPNOTSUPP: return "Operation not supported";
    case EDQUOT: return "Disk quota exceeded";
    case ESTALE: return "Stale file handle";
    default: return nullptr;
  }
}

Value raise_os_error(Isolate& I, int err, Value filename, Value filename2) {
  const char* text = fs_strerror(err);
  std::string unknown;
  if (!text) {
    unknown = "Unknown error " + std::to_string(err);
    text = unknown.c_str();
  }
  Value msg = str_value(I, text);
  if (msg.is_error()) return msg;
  Value args[5] = {Value::small_int(err), msg, Value::none(), Value::small_int(0), Value::none()};
  size_t n = 2;
  if (!filename.is_null()) {
    args[2] = filename;
    n = 3;
    if (!filename2.is_null()) {
      args[4] = filename2;
      n = 5;
    }
  }
  Value exc = call(I, Value::object(I.rt.exc_OSError), args, n);
  if (exc.is_error()) return exc;
  return raise_value(I, exc);
}

int install_open(Isolate& I) {
  if (!I.builtins) return 0;
  Str* name = I.intern("open");
  if (!name) return -1;
  if (!fs_door(I)) {
    Value key = Value::object(name);
    Value cur = dict_get(I, I.builtins, key);
    if (cur.is_error()) return -1;
    if (!cur.is_null() && dict_del(I, I.builtins, key) < 0) return -1;
    return 0;
  }
  Value f = builtin_function_new(I, name, io_open, Value::null(), kIoOpenDoc);
  if (f.is_error()) return -1;
  return dict_set_str(I, I.builtins, name, f);
}

}  // namespace capy
