// sys: the harmless subset (version, argv, stdout/stderr through the host,
// exit, recursion limit within the isolate's limits, exc_info, the
// isolate's own module table as sys.modules). Nothing here reaches frames
// (no _getframe, settrace, setprofile), the host's modules or the host
// beyond output: sys.path only tells the module roots.
#include <cstring>
#include <string>

#include "modules/registry.h"
#include "objects/dict.h"
#include "objects/exception.h"
#include "objects/function.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/native.h"
#include "objects/ops.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "vm/eval.h"
#include "vm/interpreter.h"

namespace capy {

namespace {

/// sys.stdout / sys.stderr: text streams that write through the host.
struct TextWriter : Object {
  int32_t stream;
  uint8_t closed;
};

Value writer_write(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (check_no_kwargs(I, "write", kw) < 0 || check_nargs(I, "write", nargs - 1, 1, 1) < 0) return Value::error();
  if (!is_subtype(type_of(I, args[1]), I.rt.str_type))
    return raisef(I, I.rt.exc_TypeError, "write() argument must be str, not %s", type_name(I, args[1]));
  Str* s = args[1].as<Str>();
  auto* w = args[0].as<TextWriter>();
  if (!host_write(I, w->stream, s->view())) return Value::error();
  return int_from_i64(I, s->length);
}
Value writer_flush(Isolate& I, const Value* args, size_t, Tuple*) {
  if (I.host) I.host->flush(args[0].as<TextWriter>()->stream);
  return Value::none();
}
Value writer_isatty(Isolate&, const Value*, size_t, Tuple*) { return Value::false_(); }
Value writer_writable(Isolate&, const Value*, size_t, Tuple*) { return Value::true_(); }
Value writer_fileno(Isolate& I, const Value*, size_t, Tuple*) {
  return raise(I, I.rt.exc_OSError, "fileno is not available in capy");
}
Value writer_writelines(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (check_nargs(I, "writelines", nargs - 1, 1, 1) < 0) return Value::error();
  Value it = get_iter(I, args[1]);
  if (it.is_error()) return it;
  for (;;) {
    Value x = iter_next(I, it);
    if (x.is_error()) return x;
    if (x.is_null()) break;
    Value a[2] = {args[0], x};
    if (writer_write(I, a, 2, nullptr).is_error()) return Value::error();
  }
  return Value::none();
}
Value writer_repr(Isolate& I, Value self) {
  auto* w = self.as<TextWriter>();
  return str_value(I, w->stream == 2 ? "<_io.TextIOWrapper name='<stderr>' mode='w' encoding='utf-8'>"
                                     : "<_io.TextIOWrapper name='<stdout>' mode='w' encoding='utf-8'>");
}
Value writer_encoding(Isolate& I, Value) { return str_value(I, "utf-8"); }
Value writer_name(Isolate& I, Value self) {
  return str_value(I, self.as<TextWriter>()->stream == 2 ? "<stderr>" : "<stdout>");
}

Value new_writer(Isolate& I, int stream) {
  auto* w = static_cast<TextWriter*>(I.heap.alloc_object(I.rt.text_writer_type, sizeof(TextWriter)));
  if (!w) return raise_memory(I);
  w->stream = stream;
  return Value::object(w);
}

Value sys_exit(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (check_no_kwargs(I, "exit", kw) < 0 || check_nargs(I, "exit", nargs, 0, 1) < 0) return Value::error();
  Tuple* a = nargs ? tuple_from(I, args, 1) : I.rt.empty_tuple;
  if (!a) return Value::error();
  BaseExc* e = exception_new(I, I.rt.exc_SystemExit, a);
  if (!e) return Value::error();
  I.pending = e;
  return Value::error();
}

Value sys_getrecursionlimit(Isolate& I, const Value*, size_t nargs, Tuple*) {
  return int_from_i64(I, I.recursion_limit);
}

Value sys_setrecursionlimit(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (check_no_kwargs(I, "setrecursionlimit", kw) < 0 || check_nargs(I, "setrecursionlimit", nargs, 1, 1) < 0)
    return Value::error();
  if (!is_int(I, args[0]))
    return raisef(I, I.rt.exc_TypeError, "'%s' object cannot be interpreted as an integer", type_name(I, args[0]));
  int64_t n;
  if (!int_to_i64(int_unwrap(I, args[0]), &n) || n > INT32_MAX)
    return raise(I, I.rt.exc_OverflowError, "Python int too large to convert to C int");
  if (n < 1) return raise(I, I.rt.exc_ValueError, "recursion limit must be greater or equal than 1");
  if (static_cast<uint64_t>(n) <= I.call_depth)
    return raisef(I, I.rt.exc_RecursionError,
                  "cannot set the recursion limit to %lld at the recursion depth %u: the limit is too low",
                  static_cast<long long>(n), I.call_depth);
  // The isolate's depth limit is a ceiling that guest code cannot raise.
  uint64_t cap = I.limits.max_call_depth;
  I.recursion_limit = static_cast<uint32_t>(static_cast<uint64_t>(n) < cap ? n : cap);
  return Value::none();
}

Value sys_exc_info(Isolate& I, const Value*, size_t, Tuple*) {
  BaseExc* e = current_handled(I);
  if (!e) return tuple_pack(I, {Value::none(), Value::none(), Value::none()});
  return tuple_pack(I, {Value::object(e->type_), Value::object(e), e->traceback});
}

Value sys_exception(Isolate& I, const Value*, size_t, Tuple*) {
  BaseExc* e = current_handled(I);
  return e ? Value::object(e) : Value::none();
}

Value sys_intern(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (check_no_kwargs(I, "intern", kw) < 0 || check_nargs(I, "intern", nargs, 1, 1) < 0) return Value::error();
  if (type_of(I, args[0]) != I.rt.str_type)
    return raisef(I, I.rt.exc_TypeError, "intern() argument must be str, not %s", type_name(I, args[0]));
  Str* s = I.intern(args[0].as<Str>()->view());
  return s ? Value::object(s) : Value::error();
}

Value sys_getsizeof(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (nargs < 1 || nargs > 2) return raise(I, I.rt.exc_TypeError, "getsizeof() takes at most 2 arguments");
  Value r = call_special(I, args[0], I.rt.n___sizeof__, {});
  if (r.is_error()) return r;
  if (r.is_null()) return nargs == 2 ? args[1] : raise(I, I.rt.exc_TypeError, "object has no __sizeof__");
  return r;
}

Value sys_getdefaultencoding(Isolate& I, const Value*, size_t nargs, Tuple* kw) {
  if (check_no_kwargs(I, "getdefaultencoding", kw) < 0 || check_nargs(I, "getdefaultencoding", nargs, 0, 0) < 0)
    return Value::error();
  return str_value(I, "utf-8");
}

Value sys_getfilesystemencoding(Isolate& I, const Value*, size_t nargs, Tuple* kw) {
  if (check_no_kwargs(I, "getfilesystemencoding", kw) < 0 ||
      check_nargs(I, "getfilesystemencoding", nargs, 0, 0) < 0)
    return Value::error();
  return str_value(I, "utf-8");
}

Value sys_get_int_max_str_digits(Isolate& I, const Value*, size_t, Tuple*) {
  return int_from_i64(I, I.limits.max_int_digits);
}

Value sys_set_int_max_str_digits(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  Value a[1];
  if (bind_args(I, "set_int_max_str_digits", args, nargs, kw, {"maxdigits"}, 0, 1, 1, a) < 0) return Value::error();
  int64_t n;
  if (!index_i64(I, a[0], &n)) return Value::error();
  if (n != 0 && n < 640) return raise(I, I.rt.exc_ValueError, "maxdigits must be 0 or larger than 640");
  I.limits.max_int_digits = n == 0 ? UINT32_MAX : static_cast<uint32_t>(n > UINT32_MAX ? UINT32_MAX : n);
  return Value::none();
}

// The parts of sys that are simplest to state in Python.
const char kSysSource[] = R"PY(
class _VersionInfo(tuple):
    __slots__ = ()
    major = property(lambda self: self[0])
    minor = property(lambda self: self[1])
    micro = property(lambda self: self[2])
    releaselevel = property(lambda self: self[3])
    serial = property(lambda self: self[4])
    def __repr__(self):
        return ('sys.version_info(major=%r, minor=%r, micro=%r, releaselevel=%r, serial=%r)' % tuple(self))
version_info = _VersionInfo((3, 11, 7, 'final', 0))
del _VersionInfo

class _Namespace:
    def __init__(self, **kw):
        self.__dict__.update(kw)
    def __repr__(self):
        items = ', '.join('%s=%r' % kv for kv in self.__dict__.items())
        return 'namespace(' + items + ')'
implementation = _Namespace(name='capy', cache_tag=None, version=version_info, hexversion=0x030b07f0)

class _FloatInfo(tuple):
    __slots__ = ()
    _fields = ('max', 'max_exp', 'max_10_exp', 'min', 'min_exp', 'min_10_exp', 'dig', 'mant_dig', 'epsilon', 'radix', 'rounds')
    def __getattr__(self, name):
        try:
            return self[self._fields.index(name)]
        except ValueError:
            raise AttributeError(name) from None
    def __repr__(self):
        return 'sys.float_info(' + ', '.join('%s=%r' % (n, v) for n, v in zip(self._fields, self)) + ')'
float_info = _FloatInfo((1.7976931348623157e+308, 1024, 308, 2.2250738585072014e-308, -1021, -307, 15, 53, 2.220446049250313e-16, 2, 1))
del _FloatInfo

class _IntInfo(tuple):
    __slots__ = ()
    _fields = ('bits_per_digit', 'sizeof_digit', 'default_max_str_digits', 'str_digits_check_threshold')
    def __getattr__(self, name):
        try:
            return self[self._fields.index(name)]
        except ValueError:
            raise AttributeError(name) from None
    def __repr__(self):
        return 'sys.int_info(' + ', '.join('%s=%r' % (n, v) for n, v in zip(self._fields, self)) + ')'
int_info = _IntInfo((30, 4, 4300, 640))
del _IntInfo

class _HashInfo(tuple):
    __slots__ = ()
    _fields = ('width', 'modulus', 'inf', 'nan', 'imag', 'algorithm', 'hash_bits', 'seed_bits', 'cutoff')
    def __getattr__(self, name):
        try:
            return self[self._fields.index(name)]
        except ValueError:
            raise AttributeError(name) from None
    def __repr__(self):
        return 'sys.hash_info(' + ', '.join('%s=%r' % (n, v) for n, v in zip(self._fields, self)) + ')'
hash_info = _HashInfo((64, 2305843009213693951, 314159, 0, 1000003, 'siphash13', 64, 128, 0))
del _HashInfo
)PY";

}  // namespace

bool host_write(Isolate& I, int stream, std::string_view bytes) {
  if (I.ended != LimitKind::None) return false;  // nothing more once a run has ended
  if (bytes.empty()) return true;
  if (I.output_bytes + bytes.size() > I.limits.max_output_bytes) {
    // The output stops exactly at the limit: what fits is written.
    size_t fits = I.limits.max_output_bytes > I.output_bytes ? I.limits.max_output_bytes - I.output_bytes : 0;
    if (fits && I.host) I.host->write(stream, bytes.substr(0, fits));
    I.output_bytes += fits;
    I.end_run(LimitKind::Output);
    return false;
  }
  I.output_bytes += bytes.size();
  if (!I.host) return true;
  if (!I.host->write(stream, bytes)) {
    raise(I, I.rt.exc_OSError, "write refused by the host");
    return false;
  }
  return true;
}

Value sys_stdout_override(Isolate& I) {
  if (!I.modules || I.modules->count == 0) return Value::none();
  // sys.modules is the guest's to change: its "sys" entry may be anything.
  Value sys = dict_get_cstr(I, I.modules, "sys");
  if (sys.is_null() || sys.is_error()) { I.pending = nullptr; return Value::none(); }
  if (!sys.is_object() || !is_subtype(type_of(I, sys), I.rt.module_type) || !sys.as<Module>()->dict)
    return Value::none();
  Value out = dict_get_cstr(I, sys.as<Module>()->dict, "stdout");
  if (out.is_null() || out.is_error()) { I.pending = nullptr; return Value::none(); }
  if (out.is_object() && out.as_object()->type_ == I.rt.text_writer_type && out.as<TextWriter>()->stream == 1)
    return Value::none();
  return out;
}

void init_text_writer_type(Runtime& rt) {
  Type* t = rt.text_writer_type;
  t->basicsize = sizeof(TextWriter);
  t->repr = writer_repr;
  add_methods(rt, t, {{"write", writer_write}, {"flush", writer_flush}, {"isatty", writer_isatty},
                      {"writable", writer_writable}, {"fileno", writer_fileno}, {"writelines", writer_writelines}});
  add_getsets(rt, t, {{"encoding", writer_encoding}, {"name", writer_name}});
}

int init_sys_module(Isolate& I, Module* m) {
  List* argv = list_new(I, 0);
  if (!argv) return -1;
  for (const std::string& a : I.argv) {
    Value s = str_value(I, a);
    if (s.is_error() || list_append(I, argv, s) < 0) return -1;
  }
  // sys.path: informational (the module roots); import never reads it.
  List* path = list_new(I, 0);
  if (!path) return -1;
  for (const std::string& root : I.grants.module_roots) {
    Value s = str_value(I, root);
    if (s.is_error() || list_append(I, path, s) < 0) return -1;
  }
  Value out = new_writer(I, 1), err = new_writer(I, 2);
  if (module_add_value(I, m, "argv", Value::object(argv)) < 0 ||
      module_add_value(I, m, "version", str_value(I, "3.11.7 (capy 0.1.0)")) < 0 ||
      module_add_value(I, m, "hexversion", int_from_i64(I, 0x030b07f0)) < 0 ||
      module_add_value(I, m, "maxsize", int_from_i64(I, INT64_MAX)) < 0 ||
      module_add_value(I, m, "maxunicode", int_from_i64(I, 0x10FFFF)) < 0 ||
      module_add_value(I, m, "byteorder", str_value(I, "little")) < 0 ||
      module_add_value(I, m, "platform", str_value(I, "linux")) < 0 ||
      module_add_value(I, m, "executable", str_value(I, "")) < 0 ||
      module_add_value(I, m, "path", Value::object(path)) < 0 ||
      module_add_value(I, m, "modules", Value::object(I.modules)) < 0 ||
      module_add_value(I, m, "dont_write_bytecode", Value::true_()) < 0 ||
      module_add_value(I, m, "stdout", out) < 0 || module_add_value(I, m, "stderr", err) < 0 ||
      module_add_value(I, m, "__stdout__", out) < 0 || module_add_value(I, m, "__stderr__", err) < 0 ||
      module_add_function(I, m, "exit", sys_exit) < 0 ||
      module_add_function(I, m, "getrecursionlimit", sys_getrecursionlimit) < 0 ||
      module_add_function(I, m, "setrecursionlimit", sys_setrecursionlimit) < 0 ||
      module_add_function(I, m, "exc_info", sys_exc_info) < 0 ||
      module_add_function(I, m, "exception", sys_exception) < 0 ||
      module_add_function(I, m, "intern", sys_intern) < 0 ||
      module_add_function(I, m, "getdefaultencoding", sys_getdefaultencoding) < 0 ||
      module_add_function(I, m, "getfilesystemencoding", sys_getfilesystemencoding) < 0 ||
      module_add_function(I, m, "getsizeof", sys_getsizeof) < 0 ||
      module_add_function(I, m, "get_int_max_str_digits", sys_get_int_max_str_digits) < 0 ||
      module_add_function(I, m, "set_int_max_str_digits", sys_set_int_max_str_digits) < 0)
    return -1;
  Value r = run_module_source(I, m, "<capy>/sys.py", kSysSource);
  if (r.is_error()) return -1;
  // As in CPython, sys.modules holds builtins from the start.
  return import_module(I, "builtins").is_error() ? -1 : 0;
}

}  // namespace capy
