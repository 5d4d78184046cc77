// os: capy's own, the part of CPython 3.11's os that scripts use on files,
// where every file function goes through the isolate's file-system door
// (src/vm/host_fs.h) and so reaches only the granted directories; without a
// grant each raises PermissionError. os.environ is a mapping of the
// variables the host granted (Grants::env), and writing to it changes only
// the guest's copy. There are no file descriptors, processes, signals or
// users: os.open/read/write, system, popen, fork, exec*, spawn*, kill,
// chdir, link, symlink and the rest do not exist. os.path is posixpath.
// See docs/modules/os.md and docs/files.md.
#include <cerrno>
#include <cmath>
#include <cstring>
#include <memory>
#include <string>

#include "builtins/open.h"
#include "modules/io_file.h"
#include "modules/registry.h"
#include "modules/stdlib_support.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/native.h"
#include "objects/ops.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "vm/eval.h"
#include "vm/host_fs.h"
#include "vm/isolate.h"
#include "vm/runtime.h"

namespace capy {

namespace {

/// The door, with pending file writes flushed first; nullptr when nothing is
/// granted (the caller raises PermissionError for its path).
FileSystem* door(Isolate& I) {
  FileSystem* fs = fs_door(I);
  if (fs && I.io_unflushed) io_flush_unflushed(I);
  return fs;
}

Value fs_fail(Isolate& I, int r, const FsPath& p) { return raise_os_error(I, -r, p.value); }

/// dir_fd/src_dir_fd/dst_dir_fd: only None (capy has no descriptors).
bool no_dir_fd(Isolate& I, Value v, const char* what) {
  if (v.is_null() || v.is_none()) return true;
  raisef(I, I.rt.exc_NotImplementedError, "%s unavailable on this platform", what);
  return false;
}

bool flag_arg(Isolate& I, Value v, bool dflt, bool* out) {
  if (v.is_null()) {
    *out = dflt;
    return true;
  }
  int t = truthy(I, v);
  if (t < 0) return false;
  *out = t;
  return true;
}

Value str_or_bytes(Isolate& I, const std::string& s, bool as_bytes) { return fs_decode_name(I, s, as_bytes); }

// --- stat ----------------------------------------------------------------------------------

Value make_stat_result(Isolate& I, const FileStat& st) {
  auto secs = [](int64_t ns) { return ns >= 0 ? ns / 1000000000 : -((-ns + 999999999) / 1000000000); };
  // Float times as CPython computes them: seconds + nanoseconds * 1e-9.
  auto fsecs = [&](int64_t ns) {
    int64_t s = secs(ns);
    return Value::from_double(static_cast<double>(s) + static_cast<double>(ns - s * 1000000000) * 1e-9);
  };
  Value items[19] = {
      int_from_u64(I, st.mode),
      int_from_u64(I, st.ino),
      int_from_u64(I, st.dev),
      int_from_u64(I, st.nlink),
      int_from_u64(I, st.uid),
      int_from_u64(I, st.gid),
      int_from_i64(I, st.size),
      int_from_i64(I, secs(st.atime_ns)),
      int_from_i64(I, secs(st.mtime_ns)),
      int_from_i64(I, secs(st.ctime_ns)),
      fsecs(st.atime_ns),
      fsecs(st.mtime_ns),
      fsecs(st.ctime_ns),
      int_from_i64(I, st.atime_ns),
      int_from_i64(I, st.mtime_ns),
      int_from_i64(I, st.ctime_ns),
      int_from_i64(I, st.blksize),
      int_from_i64(I, st.blocks),
      int_from_u64(I, st.rdev),
  };
  for (Value v : items)
    if (v.is_error()) return v;
  Value t = tuple_value(I, items, 19);
  if (t.is_error()) return t;
  Value cls = stdlib_module_attr(I, "os", "stat_result");
  if (cls.is_null()) return raise(I, I.rt.exc_ImportError, "os.stat_result is missing");
  return call(I, cls, {t});
}

Value stat_impl(Isolate& I, const char* fname, Value path, bool follow) {
  FsPath p;
  if (fs_path_arg(I, path, fname, "path", true, &p) < 0) return Value::error();
  FileSystem* fs = door(I);
  if (!fs) return raise_os_error(I, EACCES, p.value);
  FileStat st;
  int r = fs->stat(p.bytes, follow, &st);
  if (r < 0) return fs_fail(I, r, p);
  return make_stat_result(I, st);
}

Value os_stat(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  Value a[3];
  if (stdlib_bind_args(I, "stat", args, nargs, kw, {"path", "dir_fd", "follow_symlinks"}, 0, 1, 1, a) < 0)
    return Value::error();
  bool follow;
  if (!no_dir_fd(I, a[1], "dir_fd") || !flag_arg(I, a[2], true, &follow)) return Value::error();
  return stat_impl(I, "stat", a[0], follow);
}

Value os_lstat(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  Value a[2];
  if (stdlib_bind_args(I, "lstat", args, nargs, kw, {"path", "dir_fd"}, 0, 1, 1, a) < 0) return Value::error();
  if (!no_dir_fd(I, a[1], "dir_fd")) return Value::error();
  return stat_impl(I, "lstat", a[0], false);
}

// --- directories ---------------------------------------------------------------------------

/// The entries of a directory: a list of names, or with `typed` of
/// (name, kind, inode) tuples (kind: 0 unknown, 1 file, 2 directory, 3 symlink, 4 other).
Value list_dir(Isolate& I, const char* fname, Value path, bool typed) {
  FsPath p;
  if (path.is_null() || path.is_none()) {
    p.bytes = ".";
    p.value = str_value(I, ".");
    if (p.value.is_error()) return p.value;
  } else {
    Type* t = type_of(I, path);
    if (!(t->flags & kTypeStrSubclass) && !is_bytes(path) && !(t->flags & kTypeIntSubclass)) {
      Str* n = I.intern("__fspath__");
      if (!n) return Value::error();
      if (type_lookup(t, n).is_null())
        return raisef(I, I.rt.exc_TypeError, "%s: path should be string, bytes, os.PathLike, integer or None, not %s",
                      fname, type_name(t));
    }
    if (fs_path_arg(I, path, fname, "path", true, &p) < 0) return Value::error();
  }
  FileSystem* fs = door(I);
  if (!fs) return raise_os_error(I, EACCES, p.value);
  std::unique_ptr<DirStream> d;
  int r = fs->open_dir(p.bytes, &d);
  if (r == -EMFILE) {
    I.collect();
    r = fs->open_dir(p.bytes, &d);
  }
  if (r < 0) return fs_fail(I, r, p);
  List* out = list_new(I, 0);
  if (!out) return Value::error();
  Value keep = Value::object(out);
  DirEntryInfo e;
  for (;;) {
    r = d->next(&e);
    if (r < 0) return fs_fail(I, r, p);
    if (r == 0) break;
    Value name = str_or_bytes(I, e.name, p.is_bytes);
    if (name.is_error()) return name;
    Value item = name;
    if (typed) {
      item = tuple_pack(I, {name, Value::small_int(static_cast<int64_t>(e.kind)), int_from_u64(I, e.ino)});
      if (item.is_error()) return item;
    }
    if (list_append(I, out, item) < 0) return Value::error();
  }
  return keep;
}

Value os_listdir(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  Value a[1];
  if (stdlib_bind_args(I, "listdir", args, nargs, kw, {"path"}, 0, 1, 0, a) < 0) return Value::error();
  return list_dir(I, "listdir", a[0], false);
}

Value os_scandir_entries(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  Value a[1];
  if (stdlib_bind_args(I, "scandir", args, nargs, kw, {"path"}, 0, 1, 0, a) < 0) return Value::error();
  return list_dir(I, "scandir", a[0], true);
}

Value os_mkdir(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  Value a[3];
  if (stdlib_bind_args(I, "mkdir", args, nargs, kw, {"path", "mode", "dir_fd"}, 0, 2, 1, a) < 0)
    return Value::error();
  int64_t mode = 0777;
  if (!a[1].is_null() && !index_i64(I, a[1], &mode)) return Value::error();
  if (!no_dir_fd(I, a[2], "dir_fd")) return Value::error();
  FsPath p;
  if (fs_path_arg(I, a[0], "mkdir", "path", false, &p) < 0) return Value::error();
  FileSystem* fs = door(I);
  if (!fs) return raise_os_error(I, EACCES, p.value);
  int r = fs->make_dir(p.bytes, static_cast<uint32_t>(mode) & 0777);
  if (r < 0) return fs_fail(I, r, p);
  return Value::none();
}

Value path_op(Isolate& I, const Value* args, size_t nargs, Tuple* kw, const char* fname,
              int (FileSystem::*op)(std::string_view)) {
  Value a[2];
  if (stdlib_bind_args(I, fname, args, nargs, kw, {"path", "dir_fd"}, 0, 1, 1, a) < 0) return Value::error();
  if (!no_dir_fd(I, a[1], "dir_fd")) return Value::error();
  FsPath p;
  if (fs_path_arg(I, a[0], fname, "path", false, &p) < 0) return Value::error();
  FileSystem* fs = door(I);
  if (!fs) return raise_os_error(I, EACCES, p.value);
  int r = (fs->*op)(p.bytes);
  if (r < 0) return fs_fail(I, r, p);
  return Value::none();
}

Value os_rmdir(Isolate& I, const Value* a, size_t n, Tuple* k) { return path_op(I, a, n, k, "rmdir", &FileSystem::remove_dir); }
Value os_remove(Isolate& I, const Value* a, size_t n, Tuple* k) { return path_op(I, a, n, k, "remove", &FileSystem::unlink); }
Value os_unlink(Isolate& I, const Value* a, size_t n, Tuple* k) { return path_op(I, a, n, k, "unlink", &FileSystem::unlink); }

Value rename_impl(Isolate& I, const Value* args, size_t nargs, Tuple* kw, const char* fname) {
  Value a[4];
  if (stdlib_bind_args(I, fname, args, nargs, kw, {"src", "dst", "src_dir_fd", "dst_dir_fd"}, 0, 2, 2, a) < 0)
    return Value::error();
  if (!no_dir_fd(I, a[2], "src_dir_fd") || !no_dir_fd(I, a[3], "dst_dir_fd")) return Value::error();
  FsPath src, dst;
  if (fs_path_arg(I, a[0], fname, "src", false, &src) < 0 || fs_path_arg(I, a[1], fname, "dst", false, &dst) < 0)
    return Value::error();
  if (src.is_bytes != dst.is_bytes)
    return raisef(I, I.rt.exc_TypeError, "%s: src and dst must be the same type", fname);
  FileSystem* fs = door(I);
  if (!fs) return raise_os_error(I, EACCES, src.value, dst.value);
  int r = fs->rename(src.bytes, dst.bytes);
  if (r < 0) return raise_os_error(I, -r, src.value, dst.value);
  return Value::none();
}

Value os_rename(Isolate& I, const Value* a, size_t n, Tuple* k) { return rename_impl(I, a, n, k, "rename"); }
Value os_replace(Isolate& I, const Value* a, size_t n, Tuple* k) { return rename_impl(I, a, n, k, "replace"); }

Value os_readlink(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  Value a[2];
  if (stdlib_bind_args(I, "readlink", args, nargs, kw, {"path", "dir_fd"}, 0, 1, 1, a) < 0) return Value::error();
  if (!no_dir_fd(I, a[1], "dir_fd")) return Value::error();
  FsPath p;
  if (fs_path_arg(I, a[0], "readlink", "path", false, &p) < 0) return Value::error();
  FileSystem* fs = door(I);
  if (!fs) return raise_os_error(I, EACCES, p.value);
  std::string target;
  int r = fs->read_link(p.bytes, &target);
  if (r < 0) return fs_fail(I, r, p);
  return str_or_bytes(I, target, p.is_bytes);
}

Value os_access(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  Value a[5];
  if (stdlib_bind_args(I, "access", args, nargs, kw, {"path", "mode", "dir_fd", "effective_ids", "follow_symlinks"},
                       0, 2, 2, a) < 0)
    return Value::error();
  int64_t mode;
  if (!index_i64(I, a[1], &mode) || !no_dir_fd(I, a[2], "dir_fd")) return Value::error();
  FsPath p;
  if (fs_path_arg(I, a[0], "access", "path", false, &p) < 0) return Value::error();
  FileSystem* fs = door(I);
  if (!fs) return Value::false_();
  return Value::boolean(fs->access(p.bytes, static_cast<int>(mode & 7)) == 0);
}

/// (atime, mtime) seconds -> nanoseconds.
bool seconds_to_ns(Isolate& I, Value v, int64_t* out) {
  if (is_float(I, v)) {
    double d = float_value(v);
    if (!std::isfinite(d) || std::fabs(d) > 9.2e9) {
      raise(I, I.rt.exc_OverflowError, "timestamp out of range for platform time_t");
      return false;
    }
    *out = static_cast<int64_t>(std::floor(d * 1e9));
    return true;
  }
  int64_t s;
  if (!index_i64(I, v, &s)) return false;
  if (s > 9200000000LL || s < -9200000000LL) {
    raise(I, I.rt.exc_OverflowError, "timestamp out of range for platform time_t");
    return false;
  }
  *out = s * 1000000000;
  return true;
}

bool pair_arg(Isolate& I, Value v, const char* msg, Value* x, Value* y) {
  if (!(type_of(I, v)->flags & kTypeTupleSubclass) || v.as<Tuple>()->size() != 2) {
    raise(I, I.rt.exc_TypeError, msg);
    return false;
  }
  *x = v.as<Tuple>()->items[0];
  *y = v.as<Tuple>()->items[1];
  return true;
}

Value os_utime(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  Value a[5];
  if (stdlib_bind_args(I, "utime", args, nargs, kw, {"path", "times", "ns", "dir_fd", "follow_symlinks"}, 0, 2, 1,
                       a) < 0)
    return Value::error();
  bool follow;
  if (!no_dir_fd(I, a[3], "dir_fd") || !flag_arg(I, a[4], true, &follow)) return Value::error();
  bool have_times = !a[1].is_null() && !a[1].is_none();
  bool have_ns = !a[2].is_null();
  if (have_times && have_ns) return raise(I, I.rt.exc_ValueError, "utime: you may specify either 'times' or 'ns' but not both");
  int64_t at = 0, mt = 0;
  if (have_times) {
    Value x, y;
    if (!pair_arg(I, a[1], "utime: 'times' must be either a tuple of two ints or None", &x, &y)) return Value::error();
    if (!seconds_to_ns(I, x, &at) || !seconds_to_ns(I, y, &mt)) return Value::error();
  } else if (have_ns) {
    Value x, y;
    if (!pair_arg(I, a[2], "utime: 'ns' must be a tuple of two ints", &x, &y)) return Value::error();
    if (!index_i64(I, x, &at) || !index_i64(I, y, &mt)) return Value::error();
  }
  FsPath p;
  if (fs_path_arg(I, a[0], "utime", "path", true, &p) < 0) return Value::error();
  FileSystem* fs = door(I);
  if (!fs) return raise_os_error(I, EACCES, p.value);
  bool given = have_times || have_ns;
  int r = fs->set_times(p.bytes, given ? &at : nullptr, given ? &mt : nullptr, follow);
  if (r < 0) return fs_fail(I, r, p);
  return Value::none();
}

Value os_chmod(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  Value a[4];
  if (stdlib_bind_args(I, "chmod", args, nargs, kw, {"path", "mode", "dir_fd", "follow_symlinks"}, 0, 2, 2, a) < 0)
    return Value::error();
  int64_t mode;
  bool follow;
  if (!index_i64(I, a[1], &mode) || !no_dir_fd(I, a[2], "dir_fd") || !flag_arg(I, a[3], true, &follow))
    return Value::error();
  FsPath p;
  if (fs_path_arg(I, a[0], "chmod", "path", true, &p) < 0) return Value::error();
  FileSystem* fs = door(I);
  if (!fs) return raise_os_error(I, EACCES, p.value);
  int r = fs->chmod(p.bytes, static_cast<uint32_t>(mode), follow);
  if (r == -EOPNOTSUPP && !follow)
    return raise(I, I.rt.exc_NotImplementedError, "chmod: follow_symlinks unavailable on this platform");
  if (r < 0) return fs_fail(I, r, p);
  return Value::none();
}

Value os_truncate(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  Value a[2];
  if (stdlib_bind_args(I, "truncate", args, nargs, kw, {"path", "length"}, 0, 2, 2, a) < 0) return Value::error();
  int64_t length;
  if (!index_i64(I, a[1], &length)) return Value::error();
  FsPath p;
  if (fs_path_arg(I, a[0], "truncate", "path", true, &p) < 0) return Value::error();
  FileSystem* fs = door(I);
  if (!fs) return raise_os_error(I, EACCES, p.value);
  OpenRequest how;
  how.write = true;
  std::unique_ptr<FileHandle> h;
  int r = fs->open(p.bytes, how, &h);
  if (r == 0) r = h->truncate(length);
  if (r < 0) return fs_fail(I, r, p);
  return Value::none();
}

Value os_getcwd_impl(Isolate& I, bool as_bytes) {
  FileSystem* fs = fs_door(I);
  if (!fs) return raise_os_error(I, EACCES, Value::null());
  std::string cwd;
  int r = fs->getcwd(&cwd);
  if (r < 0) return raise_os_error(I, -r, Value::null());
  return str_or_bytes(I, cwd, as_bytes);
}

Value os_getcwd(Isolate& I, const Value*, size_t nargs, Tuple* kw) {
  if (check_no_kwargs(I, "getcwd", kw) < 0 || check_nargs(I, "getcwd", nargs, 0, 0) < 0) return Value::error();
  return os_getcwd_impl(I, false);
}

Value os_getcwdb(Isolate& I, const Value*, size_t nargs, Tuple* kw) {
  if (check_no_kwargs(I, "getcwdb", kw) < 0 || check_nargs(I, "getcwdb", nargs, 0, 0) < 0) return Value::error();
  return os_getcwd_impl(I, true);
}

Value os_fspath(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  Value a[1];
  if (stdlib_bind_args(I, "fspath", args, nargs, kw, {"path"}, 0, 1, 1, a) < 0) return Value::error();
  return fs_fspath(I, a[0]);
}

Value os_urandom(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  Value a[1];
  if (stdlib_bind_args(I, "urandom", args, nargs, kw, {"size"}, 1, 1, 1, a) < 0) return Value::error();
  int64_t n;
  if (!index_i64(I, a[0], &n)) return Value::error();
  if (n < 0) return raise(I, I.rt.exc_ValueError, "negative argument not allowed");
  Bytes* b = bytes_alloc(I, static_cast<size_t>(n));
  if (!b) return Value::error();
  if (n > 0 && !(I.host && I.host->entropy(b->data, static_cast<size_t>(n))))
    return raise(I, I.rt.exc_NotImplementedError, "entropy is not available in this isolate");
  return Value::object(b);
}

Value os_strerror(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  Value a[1];
  if (stdlib_bind_args(I, "strerror", args, nargs, kw, {"code"}, 1, 1, 1, a) < 0) return Value::error();
  int64_t code;
  if (!index_i64(I, a[0], &code)) return Value::error();
  const char* text = code > INT32_MIN && code < INT32_MAX ? fs_strerror(static_cast<int>(code)) : nullptr;
  if (!text) return str_value(I, "Unknown error " + std::to_string(code));
  return str_value(I, text);
}

/// The granted environment as a dict (the guest's os.environ starts from it).
Value os_granted_env(Isolate& I, const Value*, size_t nargs, Tuple* kw) {
  if (check_no_kwargs(I, "_granted_env", kw) < 0 || check_nargs(I, "_granted_env", nargs, 0, 0) < 0)
    return Value::error();
  Dict* d = dict_new(I);
  if (!d) return Value::error();
  Value keep = Value::object(d);
  for (const auto& [k, v] : I.grants.env) {
    Value ks = fs_decode_name(I, k, false);
    if (ks.is_error()) return ks;
    Value vs = fs_decode_name(I, v, false);
    if (vs.is_error()) return vs;
    if (dict_set(I, d, ks, vs) < 0) return Value::error();
  }
  return keep;
}

// The pure-Python part: os.stat_result, os.environ, DirEntry/scandir, walk,
// makedirs, removedirs, renames, fsencode/fsdecode, PathLike and os.path.
const char kOsSource[] = R"PY(
import abc as _abc

name = 'posix'
sep = '/'
altsep = None
extsep = '.'
pathsep = ':'
linesep = '\n'
curdir = '.'
pardir = '..'
defpath = '/bin:/usr/bin'
devnull = '/dev/null'
SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2
F_OK = 0
R_OK = 4
W_OK = 2
X_OK = 1
error = OSError
supports_dir_fd = set()
supports_fd = set()
supports_effective_ids = set()
supports_follow_symlinks = {stat, utime}
supports_bytes_environ = False


class stat_result(tuple):
    """stat_result: Result from stat, fstat, or lstat."""

    n_sequence_fields = 10
    n_fields = 19
    n_unnamed_fields = 3
    _names = ('st_mode', 'st_ino', 'st_dev', 'st_nlink', 'st_uid', 'st_gid',
              'st_size', 'st_atime', 'st_mtime', 'st_ctime')
    _extra = ('st_atime', 'st_mtime', 'st_ctime', 'st_atime_ns', 'st_mtime_ns',
              'st_ctime_ns', 'st_blksize', 'st_blocks', 'st_rdev')

    def __new__(cls, sequence, dict=None):
        seq = tuple(sequence)
        if len(seq) < 10:
            raise TypeError('os.stat_result() takes an at least 10-sequence (%d-sequence given)' % len(seq))
        if len(seq) > 19:
            raise TypeError('os.stat_result() takes an at most 19-sequence (%d-sequence given)' % len(seq))
        self = tuple.__new__(cls, seq[:10])
        extra = list(seq[10:]) + [None] * (19 - len(seq))
        if extra[0] is None:
            extra[0:3] = seq[7:10]
        object.__setattr__(self, '_values', tuple(extra))
        return self

    def __setattr__(self, name, value):
        raise AttributeError("readonly attribute")

    def __repr__(self):
        return 'os.stat_result(%s)' % ', '.join(
            '%s=%r' % (n, v) for n, v in zip(self._names, self))

    def __reduce__(self):
        return (stat_result, (tuple(self) + self._values,))

    st_mode = property(lambda self: self[0])
    st_ino = property(lambda self: self[1])
    st_dev = property(lambda self: self[2])
    st_nlink = property(lambda self: self[3])
    st_uid = property(lambda self: self[4])
    st_gid = property(lambda self: self[5])
    st_size = property(lambda self: self[6])
    st_atime = property(lambda self: self._values[0])
    st_mtime = property(lambda self: self._values[1])
    st_ctime = property(lambda self: self._values[2])
    st_atime_ns = property(lambda self: self._values[3])
    st_mtime_ns = property(lambda self: self._values[4])
    st_ctime_ns = property(lambda self: self._values[5])
    st_blksize = property(lambda self: self._values[6])
    st_blocks = property(lambda self: self._values[7])
    st_rdev = property(lambda self: self._values[8])

stat_result.__module__ = 'os'


import collections.abc as _cabc


class _Environ(_cabc.MutableMapping):
    """The granted environment variables; changes stay inside the isolate."""

    def __init__(self, data):
        self._data = data

    def __getitem__(self, key):
        if not isinstance(key, str):
            raise TypeError('str expected, not %s' % type(key).__name__)
        try:
            return self._data[key]
        except KeyError:
            raise KeyError(key) from None

    def __setitem__(self, key, value):
        if not isinstance(key, str):
            raise TypeError('str expected, not %s' % type(key).__name__)
        if not isinstance(value, str):
            raise TypeError('str expected, not %s' % type(value).__name__)
        if not key or '=' in key or '\0' in key or '\0' in value:
            raise ValueError('illegal environment variable name')
        self._data[key] = value

    def __delitem__(self, key):
        if not isinstance(key, str):
            raise TypeError('str expected, not %s' % type(key).__name__)
        try:
            del self._data[key]
        except KeyError:
            raise KeyError(key) from None

    def __iter__(self):
        return iter(list(self._data))

    def __len__(self):
        return len(self._data)

    def __repr__(self):
        return 'environ({%s})' % ', '.join('%r: %r' % item for item in self._data.items())

    def copy(self):
        return dict(self)

    def setdefault(self, key, value):
        if key not in self:
            self[key] = value
        return self[key]

    def __ior__(self, other):
        self.update(other)
        return self

    def __or__(self, other):
        if not isinstance(other, _cabc.Mapping):
            return NotImplemented
        new = dict(self)
        new.update(other)
        return new

    def __ror__(self, other):
        if not isinstance(other, _cabc.Mapping):
            return NotImplemented
        new = dict(other)
        new.update(self)
        return new


environ = _Environ(_granted_env())
del _granted_env


def getenv(key, default=None):
    """Get an environment variable, return None if it doesn't exist."""
    return environ.get(key, default)


def putenv(name, value):
    """Change an environment variable for child processes: capy starts none,
    so nothing changes (as in CPython, os.environ is not updated)."""
    if not isinstance(name, str) or not isinstance(value, str):
        raise TypeError('str expected, not %s' % type(value if isinstance(name, str) else name).__name__)
    if not name or '=' in name or '\0' in name or '\0' in value:
        raise ValueError('illegal environment variable name')


def unsetenv(name):
    """Delete an environment variable for child processes (none in capy)."""
    if not isinstance(name, str):
        raise TypeError('str expected, not %s' % type(name).__name__)
    if not name or '=' in name or '\0' in name:
        raise ValueError('illegal environment variable name')


def fsencode(filename):
    filename = fspath(filename)
    if isinstance(filename, str):
        return filename.encode('utf-8', 'surrogateescape')
    return filename


def fsdecode(filename):
    filename = fspath(filename)
    if isinstance(filename, bytes):
        return filename.decode('utf-8', 'surrogateescape')
    return filename


def get_exec_path(env=None):
    return []


class PathLike(_abc.ABC):
    """Abstract base class for implementing the file system path protocol."""

    @_abc.abstractmethod
    def __fspath__(self):
        raise NotImplementedError

    @classmethod
    def __subclasshook__(cls, subclass):
        if cls is PathLike:
            return hasattr(subclass, '__fspath__')
        return NotImplemented

    def __class_getitem__(cls, item):
        return cls


_S_IFMT = 0o170000
_S_IFDIR = 0o040000
_S_IFREG = 0o100000
_S_IFLNK = 0o120000


class DirEntry:
    """An entry of os.scandir(): name, path and cached type information."""

    __slots__ = ('name', 'path', '_kind', '_ino', '_stat', '_lstat')

    def __init__(self, *args, **kwargs):
        raise TypeError("cannot create 'posix.DirEntry' instances")

    def inode(self):
        return self._ino

    def stat(self, *, follow_symlinks=True):
        if follow_symlinks and self._kind == 3:
            if self._stat is None:
                self._stat = stat(self.path)
            return self._stat
        if self._lstat is None:
            self._lstat = lstat(self.path)
        return self._lstat

    def _test(self, follow_symlinks, fmt, kind):
        if self._kind != 0 and not (follow_symlinks and self._kind == 3):
            return self._kind == kind
        try:
            st = self.stat(follow_symlinks=follow_symlinks)
        except (FileNotFoundError, PermissionError):
            return False
        return (st.st_mode & _S_IFMT) == fmt

    def is_dir(self, *, follow_symlinks=True):
        return self._test(follow_symlinks, _S_IFDIR, 2)

    def is_file(self, *, follow_symlinks=True):
        return self._test(follow_symlinks, _S_IFREG, 1)

    def is_symlink(self):
        if self._kind != 0:
            return self._kind == 3
        try:
            st = self.stat(follow_symlinks=False)
        except (FileNotFoundError, PermissionError):
            return False
        return (st.st_mode & _S_IFMT) == _S_IFLNK

    def __fspath__(self):
        return self.path

    def __repr__(self):
        return '<DirEntry %r>' % (self.name,)

    def __class_getitem__(cls, item):
        return cls

DirEntry.__module__ = 'posix'


def _make_entry(top, name, kind, ino):
    e = object.__new__(DirEntry)
    e.name = name
    if top is None:
        e.path = name
    elif isinstance(top, bytes):
        e.path = top + name if top.endswith(b'/') else top + b'/' + name
    else:
        e.path = top + name if top.endswith('/') else top + '/' + name
    e._kind = kind
    e._ino = ino
    e._stat = None
    e._lstat = None
    return e


class _ScandirIterator:
    def __init__(self, top, entries):
        self._top = top
        self._it = iter(entries)

    def __iter__(self):
        return self

    def __next__(self):
        if self._it is None:
            raise StopIteration
        name, kind, ino = next(self._it)
        return _make_entry(self._top, name, kind, ino)

    def close(self):
        self._it = None

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()

_ScandirIterator.__name__ = _ScandirIterator.__qualname__ = 'ScandirIterator'
_ScandirIterator.__module__ = 'posix'


def scandir(path=None):
    """Return an iterator of DirEntry objects for the given path."""
    entries = _scandir_entries(path)
    top = None if path is None else fspath(path)
    if top is not None and not isinstance(top, (str, bytes)):
        top = None
    return _ScandirIterator('.' if path is None else top, entries)


def walk(top, topdown=True, onerror=None, followlinks=False):
    """Directory tree generator (see CPython's os.walk)."""
    stack = [fspath(top)]
    islink, join = path.islink, path.join
    while stack:
        top = stack.pop()
        if isinstance(top, tuple):
            yield top
            continue
        dirs = []
        nondirs = []
        walk_dirs = []
        try:
            scandir_it = scandir(top)
        except OSError as error:
            if onerror is not None:
                onerror(error)
            continue
        cont = False
        with scandir_it:
            while True:
                try:
                    try:
                        entry = next(scandir_it)
                    except StopIteration:
                        break
                except OSError as error:
                    if onerror is not None:
                        onerror(error)
                    cont = True
                    break
                try:
                    is_dir = entry.is_dir()
                except OSError:
                    is_dir = False
                if is_dir:
                    dirs.append(entry.name)
                else:
                    nondirs.append(entry.name)
                if not topdown and is_dir:
                    if followlinks:
                        walk_into = True
                    else:
                        try:
                            is_symlink = entry.is_symlink()
                        except OSError:
                            is_symlink = False
                        walk_into = not is_symlink
                    if walk_into:
                        walk_dirs.append(entry.path)
        if cont:
            continue
        if topdown:
            yield top, dirs, nondirs
            for dirname in reversed(dirs):
                new_path = join(top, dirname)
                if followlinks or not islink(new_path):
                    stack.append(new_path)
        else:
            stack.append((top, dirs, nondirs))
            for new_path in reversed(walk_dirs):
                stack.append(new_path)


def makedirs(name, mode=0o777, exist_ok=False):
    """makedirs(name [, mode=0o777][, exist_ok=False]): mkdir with parents."""
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    if head and tail and not path.exists(head):
        try:
            makedirs(head, exist_ok=exist_ok)
        except FileExistsError:
            pass
        cdir = curdir
        if isinstance(tail, bytes):
            cdir = bytes(curdir, 'ASCII')
        if tail == cdir:
            return
    try:
        mkdir(name, mode)
    except OSError:
        if not exist_ok or not path.isdir(name):
            raise


def removedirs(name):
    """Remove a directory and then its empty parents."""
    rmdir(name)
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    while head and tail:
        try:
            rmdir(head)
        except OSError:
            break
        head, tail = path.split(head)


def renames(old, new):
    """Rename, creating the new path's directories and pruning the old one's."""
    head, tail = path.split(new)
    if head and tail and not path.exists(head):
        makedirs(head)
    rename(old, new)
    head, tail = path.split(old)
    if head and tail:
        try:
            removedirs(head)
        except OSError:
            pass


import posixpath as path
del _abc
)PY";

}  // namespace

int init_os_module(Isolate& I, Module* m) {
  struct Fn {
    const char* name;
    NativeFn fn;
    const char* doc;
  } fns[] = {
      {"stat", os_stat, "Perform a stat system call on the given path."},
      {"lstat", os_lstat, "Perform a stat system call on the given path, without following symbolic links."},
      {"listdir", os_listdir, "Return a list containing the names of the files in the directory."},
      {"_scandir_entries", os_scandir_entries, nullptr},
      {"mkdir", os_mkdir, "Create a directory."},
      {"rmdir", os_rmdir, "Remove a directory."},
      {"remove", os_remove, "Remove a file (same as unlink())."},
      {"unlink", os_unlink, "Remove a file (same as remove())."},
      {"rename", os_rename, "Rename a file or directory."},
      {"replace", os_replace, "Rename a file or directory, overwriting the destination."},
      {"readlink", os_readlink, "Return a string representing the path to which the symbolic link points."},
      {"access", os_access, "Use the real uid/gid to test for access to a path."},
      {"utime", os_utime, "Set the access and modified time of path."},
      {"chmod", os_chmod, "Change the access permissions of a file."},
      {"truncate", os_truncate, "Truncate a file, specified by path, to a specific length."},
      {"getcwd", os_getcwd, "Return a unicode string representing the current working directory."},
      {"getcwdb", os_getcwdb, "Return a bytes string representing the current working directory."},
      {"fspath", os_fspath, "Return the file system path representation of the object."},
      {"urandom", os_urandom, "Return a bytes object containing random bytes suitable for cryptographic use."},
      {"strerror", os_strerror, "Translate an error code to a message string."},
      {"_granted_env", os_granted_env, nullptr},
  };
  for (const Fn& f : fns)
    if (module_add_function(I, m, f.name, f.fn, f.doc) < 0) return -1;
  Value r = run_module_source(I, m, "<capy>/os.py", kOsSource);
  if (r.is_error()) return -1;
  // `import os.path` finds posixpath under that name, as in CPython.
  Value path = dict_get_cstr(I, m->dict, "path");
  if (path.is_error()) return -1;
  if (path.is_null() || !I.modules) return 0;
  Value key = str_value(I, "os.path");
  if (key.is_error()) return -1;
  return dict_set(I, I.modules, key, path);
}

}  // namespace capy
