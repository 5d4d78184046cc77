// BaseException and the builtin exception hierarchy (CPython's
// Objects/exceptions.c), plus the traceback type.
//
// Every exception class shares the BaseExc layout (BaseExceptionGroup adds two
// fields, see exception_group.h). Class-specific attributes that CPython keeps
// in C fields (StopIteration.value, SystemExit.code, OSError.errno,
// SyntaxError.lineno, UnicodeError.start…) are exposed by getset descriptors
// on the class: a value stored in the instance dict (by an assignment or a
// keyword argument) wins, otherwise the value is derived from `args` exactly
// as CPython's __init__ would have set it. So creating the common exceptions
// (StopIteration, KeyError…) never allocates a dict, and `e.__dict__` stays
// empty as in CPython. Assigning `e.args` first freezes the derived values
// into the dict, so that they keep the values __init__ gave them.
#include "objects/exception.h"

#include <cerrno>
#include <cstring>
#include <string>

#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/exception_group.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/native.h"
#include "objects/ops.h"
#include "objects/str.h"
#include "objects/traceback_format.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "gc/heap.h"
#include "vm/isolate.h"
#include "vm/runtime.h"

namespace capy {

// --- allocation and the BaseException core --------------------------------------

static BaseExc* as_exc(Value v) { return v.as<BaseExc>(); }

static void exc_trace(Object* self, Tracer& t) {
  BaseExc* e = static_cast<BaseExc*>(self);
  t.visit(reinterpret_cast<Object*>(e->dict));
  t.visit(reinterpret_cast<Object*>(e->args));
  t.visit(e->traceback);
  t.visit(e->cause);
  t.visit(e->context);
}

Value exc_alloc(Isolate& I, Type* type, const Value* args, size_t nargs) {
  Tuple* targs = I.rt.empty_tuple;
  if (nargs) {
    targs = tuple_from(I, args, nargs);
    if (!targs) return Value::error();
  }
  Value v = object_alloc(I, type);
  if (v.is_error()) return v;
  BaseExc* e = as_exc(v);
  e->args = targs;
  e->traceback = Value::none();
  e->cause = Value::none();
  e->context = Value::none();
  e->suppress_context = false;
  return v;
}

BaseExc* exception_new(Isolate& I, Type* type, Tuple* args) {
  Value v = object_alloc(I, type);
  if (v.is_error()) return nullptr;
  BaseExc* e = as_exc(v);
  e->args = args ? args : I.rt.empty_tuple;
  e->traceback = Value::none();
  e->cause = Value::none();
  e->context = Value::none();
  e->suppress_context = false;
  if (is_subtype(type, I.rt.exc_BaseExceptionGroup)) {
    // Groups made from C++ need message and exceptions like their __new__ sets.
    ExcGroup* g = static_cast<ExcGroup*>(e);
    g->msg = e->args->size() >= 1 ? e->args->items[0] : Value::object(I.rt.n_empty);
    g->excs = Value::object(I.rt.empty_tuple);
    if (e->args->size() >= 2) {
      Value t = tuple_from_iterable(I, e->args->items[1]);
      if (t.is_error()) return nullptr;
      g->excs = t;
    }
  }
  return e;
}

Dict* exc_dict(Isolate& I, BaseExc* e) {
  if (!e->dict) e->dict = dict_new(I);
  return e->dict;
}

int exc_set_args(Isolate& I, BaseExc* e, const Value* args, size_t nargs) {
  Tuple* cur = e->args;
  if (cur && cur->size() == nargs) {
    bool same = true;
    for (size_t i = 0; i < nargs && same; ++i) same = cur->items[i].is(args[i]);
    if (same) return 0;
  }
  Tuple* t = nargs ? tuple_from(I, args, nargs) : I.rt.empty_tuple;
  if (!t) return -1;
  e->args = t;
  return 0;
}

static Value exc_new(Isolate& I, Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  return exc_alloc(I, type, args, nargs);
}

static int no_kwargs(Isolate& I, Value self, Tuple* kwnames) {
  if (kwnames && kwnames->size()) {
    raisef(I, I.rt.exc_TypeError, "%s() takes no keyword arguments", type_name(I, self));
    return -1;
  }
  return 0;
}

static int exc_init(Isolate& I, Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (no_kwargs(I, self, kwnames) < 0) return -1;
  return exc_set_args(I, as_exc(self), args, nargs);
}

static Value exc_repr(Isolate& I, Value self) {
  BaseExc* e = as_exc(self);
  std::string out = type_name(I, self);
  Tuple* a = e->args;
  if (a && a->size() == 1) {
    out += '(';
    if (repr_append(I, a->items[0], out) < 0) return Value::error();
    out += ')';
  } else if (a && a->size()) {
    if (repr_append(I, Value::object(a), out) < 0) return Value::error();
  } else {
    out += "()";
  }
  return str_value(I, out);
}

/// BaseException.__str__.
static Value exc_str(Isolate& I, Value self) {
  Tuple* a = as_exc(self)->args;
  if (!a || a->size() == 0) return Value::object(I.rt.n_empty);
  if (a->size() == 1) return str(I, a->items[0]);
  return str(I, Value::object(a));
}

/// KeyError.__str__: the repr of a single key.
static Value keyerror_str(Isolate& I, Value self) {
  Tuple* a = as_exc(self)->args;
  if (a && a->size() == 1) return repr(I, a->items[0]);
  return exc_str(I, self);
}

Value exception_str(Isolate& I, Value exc) {
  if (is_subtype(type_of(I, exc), I.rt.exc_KeyError)) return keyerror_str(I, exc);
  return exc_str(I, exc);
}

// --- BaseException attributes ---------------------------------------------------------

static int freeze_derived(Isolate& I, BaseExc* e);

static Value get_args(Isolate& I, Value self) {
  BaseExc* e = as_exc(self);
  return Value::object(e->args ? e->args : I.rt.empty_tuple);
}

static int set_args(Isolate& I, Value self, Value v) {
  if (v.is_null()) {
    raise(I, I.rt.exc_TypeError, "args may not be deleted");
    return -1;
  }
  Value t = tuple_from_iterable(I, v);
  if (t.is_error()) return -1;
  BaseExc* e = as_exc(self);
  if (freeze_derived(I, e) < 0) return -1;
  e->args = t.as<Tuple>();
  return 0;
}

static Value get_traceback(Isolate& I, Value self) {
  Value tb = as_exc(self)->traceback;
  return tb.is_object() ? tb : Value::none();
}

static int set_traceback(Isolate& I, Value self, Value v) {
  if (v.is_null()) {
    raise(I, I.rt.exc_TypeError, "__traceback__ may not be deleted");
    return -1;
  }
  if (!v.is_none() && type_of(I, v) != I.rt.traceback_type) {
    raise(I, I.rt.exc_TypeError, "__traceback__ must be a traceback or None");
    return -1;
  }
  as_exc(self)->traceback = v;
  return 0;
}

static bool is_exc_instance(Isolate& I, Value v) {
  return (type_of(I, v)->flags & kTypeExceptionSubclass) != 0;
}

static Value get_cause(Isolate& I, Value self) {
  Value c = as_exc(self)->cause;
  return c.is_object() ? c : Value::none();
}

static int set_cause(Isolate& I, Value self, Value v) {
  if (v.is_null()) {
    raise(I, I.rt.exc_TypeError, "__cause__ may not be deleted");
    return -1;
  }
  if (!v.is_none() && !is_exc_instance(I, v)) {
    raise(I, I.rt.exc_TypeError, "exception cause must be None or derive from BaseException");
    return -1;
  }
  BaseExc* e = as_exc(self);
  e->cause = v;
  e->suppress_context = true;
  return 0;
}

static Value get_context(Isolate& I, Value self) {
  Value c = as_exc(self)->context;
  return c.is_object() ? c : Value::none();
}

static int set_context(Isolate& I, Value self, Value v) {
  if (v.is_null()) {
    raise(I, I.rt.exc_TypeError, "__context__ may not be deleted");
    return -1;
  }
  if (!v.is_none() && !is_exc_instance(I, v)) {
    raise(I, I.rt.exc_TypeError, "exception context must be None or derive from BaseException");
    return -1;
  }
  as_exc(self)->context = v;
  return 0;
}

static Value get_suppress(Isolate& I, Value self) {
  return Value::boolean(as_exc(self)->suppress_context);
}

static int set_suppress(Isolate& I, Value self, Value v) {
  if (v.is_null()) {
    raise(I, I.rt.exc_TypeError, "can't delete numeric/char attribute");
    return -1;
  }
  if (!v.is_bool()) {
    raise(I, I.rt.exc_TypeError, "attribute value type must be bool");
    return -1;
  }
  as_exc(self)->suppress_context = v.as_bool();
  return 0;
}

static Value get_dict(Isolate& I, Value self) {
  Dict* d = exc_dict(I, as_exc(self));
  if (!d) return Value::error();
  return Value::object(d);
}

static int set_dict(Isolate& I, Value self, Value v) {
  if (v.is_null()) {
    raise(I, I.rt.exc_TypeError, "cannot delete __dict__");
    return -1;
  }
  if (!(type_of(I, v)->flags & kTypeDictSubclass)) {
    raisef(I, I.rt.exc_TypeError, "__dict__ must be set to a dictionary, not a '%s'", type_name(I, v));
    return -1;
  }
  as_exc(self)->dict = v.as<Dict>();
  return 0;
}

// --- BaseException methods ----------------------------------------------------------------

static Value m_with_traceback(Isolate& I, const Value* args, size_t nargs, Tuple* kwnames) {
  if (check_no_kwargs(I, "BaseException.with_traceback", kwnames) < 0) return Value::error();
  if (check_nargs(I, "BaseException.with_traceback", nargs - 1, 1, 1) < 0) return Value::error();
  if (set_traceback(I, args[0], args[1]) < 0) return Value::error();
  return args[0];
}

static Value m_add_note(Isolate& I, const Value* args, size_t nargs, Tuple* kwnames) {
  if (check_no_kwargs(I, "BaseException.add_note", kwnames) < 0) return Value::error();
  if (check_nargs(I, "BaseException.add_note", nargs - 1, 1, 1) < 0) return Value::error();
  Value self = args[0], note = args[1];
  if (!(type_of(I, note)->flags & kTypeStrSubclass))
    return raisef(I, I.rt.exc_TypeError, "note must be a str, not '%s'", type_name(I, note));
  Value notes = get_attr_opt(I, self, I.rt.n___notes__);
  if (notes.is_error()) return notes;
  if (notes.is_null()) {
    List* l = list_new(I, 0);
    if (!l) return Value::error();
    notes = Value::object(l);
    if (set_attr(I, self, I.rt.n___notes__, notes) < 0) return Value::error();
  }
  if (!(type_of(I, notes)->flags & kTypeListSubclass))
    return raise(I, I.rt.exc_TypeError, "Cannot add note: __notes__ is not a list");
  if (list_append(I, notes.as<List>(), note) < 0) return Value::error();
  return Value::none();
}

static Value reduce_with(Isolate& I, BaseExc* e, Value args) {
  Value type = Value::object(e->type_);
  if (e->dict) return tuple_pack(I, {type, args, Value::object(e->dict)});
  return tuple_pack(I, {type, args});
}

static Value m_reduce(Isolate& I, const Value* args, size_t nargs, Tuple* kwnames) {
  if (check_nargs(I, "BaseException.__reduce__", nargs - 1, 0, 0) < 0) return Value::error();
  BaseExc* e = as_exc(args[0]);
  return reduce_with(I, e, Value::object(e->args ? e->args : I.rt.empty_tuple));
}

static Value m_setstate(Isolate& I, const Value* args, size_t nargs, Tuple* kwnames) {
  if (check_nargs(I, "BaseException.__setstate__", nargs - 1, 1, 1) < 0) return Value::error();
  Value state = args[1];
  if (state.is_none()) return Value::none();
  if (!(type_of(I, state)->flags & kTypeDictSubclass))
    return raise(I, I.rt.exc_TypeError, "state is not a dictionary");
  Dict* d = state.as<Dict>();
  uint32_t pos = 0;
  Value k, v;
  while (dict_next(d, &pos, &k, &v)) {
    if (!(type_of(I, k)->flags & kTypeStrSubclass))
      return raisef(I, I.rt.exc_TypeError, "attribute name must be string, not '%s'", type_name(I, k));
    if (set_attr(I, args[0], k.as<Str>(), v) < 0) return Value::error();
  }
  return Value::none();
}

// --- class-specific attributes ----------------------------------------------------------

namespace {
enum class A : uint8_t {
  Value_, Code, ImpMsg, ImpName, ImpPath, Name, Obj, Errno, Strerror, Filename, Filename2,
  SynMsg, SynFilename, SynLineno, SynOffset, SynText, SynEndLineno, SynEndOffset, SynPrint,
  UEncoding, UObject, UStart, UEnd, UReason, Count
};

const char* attr_name(A a) {
  switch (a) {
    case A::Value_: return "value";
    case A::Code: return "code";
    case A::ImpMsg: return "msg";
    case A::ImpName: return "name";
    case A::ImpPath: return "path";
    case A::Name: return "name";
    case A::Obj: return "obj";
    case A::Errno: return "errno";
    case A::Strerror: return "strerror";
    case A::Filename: return "filename";
    case A::Filename2: return "filename2";
    case A::SynMsg: return "msg";
    case A::SynFilename: return "filename";
    case A::SynLineno: return "lineno";
    case A::SynOffset: return "offset";
    case A::SynText: return "text";
    case A::SynEndLineno: return "end_lineno";
    case A::SynEndOffset: return "end_offset";
    case A::SynPrint: return "print_file_and_line";
    case A::UEncoding: return "encoding";
    case A::UObject: return "object";
    case A::UStart: return "start";
    case A::UEnd: return "end";
    case A::UReason: return "reason";
    default: return "?";
  }
}
}  // namespace

/// The value CPython's __init__ would have stored for `a`, or null (NULL field).
static Value derive(Isolate& I, BaseExc* e, A a) {
  Tuple* t = e->args ? e->args : I.rt.empty_tuple;
  size_t n = t->size();
  switch (a) {
    case A::Value_: return n >= 1 ? t->items[0] : Value::none();
    case A::Code: return n == 0 ? Value::none() : n == 1 ? t->items[0] : Value::object(t);
    case A::ImpMsg: return n == 1 ? t->items[0] : Value::null();
    case A::Errno: return n >= 2 && n <= 5 ? t->items[0] : Value::null();
    case A::Strerror: return n >= 2 && n <= 5 ? t->items[1] : Value::null();
    case A::SynMsg: return n >= 1 ? t->items[0] : Value::null();
    case A::SynFilename: case A::SynLineno: case A::SynOffset: case A::SynText:
    case A::SynEndLineno: case A::SynEndOffset: {
      if (n != 2) return Value::null();
      Value info = t->items[1];
      Type* it = type_of(I, info);
      const Value* items;
      size_t m;
      if (it->flags & kTypeTupleSubclass) {
        items = info.as<Tuple>()->items;
        m = info.as<Tuple>()->size();
      } else if (it->flags & kTypeListSubclass) {
        items = info.as<List>()->items;
        m = info.as<List>()->size;
      } else {
        return Value::null();
      }
      size_t k = static_cast<size_t>(a) - static_cast<size_t>(A::SynFilename);
      return k < m ? items[k] : Value::null();
    }
    case A::UEncoding: case A::UObject: case A::UStart: case A::UEnd: case A::UReason: {
      bool translate = is_subtype(e->type_, I.rt.exc_UnicodeTranslateError);
      size_t k = static_cast<size_t>(a) - static_cast<size_t>(A::UEncoding);
      if (translate) {
        if (n != 4) return Value::null();
        if (a == A::UEncoding) return Value::none();
        return t->items[k - 1];
      }
      if (n != 5) return Value::null();
      return t->items[k];
    }
    default: return Value::null();
  }
}

/// The attribute's current value: instance dict first, then derived; null if unset.
static Value attr_raw(Isolate& I, BaseExc* e, A a) {
  if (e->dict) {
    Value v = dict_get_cstr(I, e->dict, attr_name(a));
    if (!v.is_null()) return v;
  }
  return derive(I, e, a);
}

template <A a>
static Value attr_get(Isolate& I, Value self) {
  Value v = attr_raw(I, as_exc(self), a);
  if (v.is_error()) return v;
  return v.is_null() ? Value::none() : v;
}

template <A a>
static int attr_set(Isolate& I, Value self, Value v) {
  Dict* d = exc_dict(I, as_exc(self));
  if (!d) return -1;
  return dict_set_str(I, d, I.intern(attr_name(a)), v.is_null() ? Value::none() : v);
}

template <A a>
static GetSetDef attr_def() {
  return GetSetDef{attr_name(a), &attr_get<a>, &attr_set<a>};
}

static int freeze_one(Isolate& I, BaseExc* e, A a) {
  Dict* d = exc_dict(I, e);
  if (!d) return -1;
  Str* key = I.intern(attr_name(a));
  if (!dict_get_str(d, key).is_null()) return 0;
  Value v = derive(I, e, a);
  return dict_set_str(I, d, key, v.is_null() ? Value::none() : v);
}

/// Before args changes, stores the attributes that are derived from it.
static int freeze_derived(Isolate& I, BaseExc* e) {
  Runtime& rt = I.rt;
  Type* t = e->type_;
  auto freeze = [&](std::initializer_list<A> as) {
    for (A a : as)
      if (freeze_one(I, e, a) < 0) return -1;
    return 0;
  };
  if (is_subtype(t, rt.exc_StopIteration)) return freeze({A::Value_});
  if (is_subtype(t, rt.exc_SystemExit)) return freeze({A::Code});
  if (is_subtype(t, rt.exc_ImportError)) return freeze({A::ImpMsg});
  if (is_subtype(t, rt.exc_OSError)) return freeze({A::Errno, A::Strerror});
  if (is_subtype(t, rt.exc_SyntaxError))
    return freeze({A::SynMsg, A::SynFilename, A::SynLineno, A::SynOffset, A::SynText,
                   A::SynEndLineno, A::SynEndOffset});
  if (is_subtype(t, rt.exc_UnicodeError))
    return freeze({A::UEncoding, A::UObject, A::UStart, A::UEnd, A::UReason});
  return 0;
}

/// __init__ with keyword-only attributes (NameError, AttributeError, ImportError).
static int init_with_keywords(Isolate& I, Value self, const Value* args, size_t nargs,
                              Tuple* kwnames, const char* cls, std::initializer_list<A> allowed) {
  BaseExc* e = as_exc(self);
  if (kwnames) {
    for (size_t i = 0; i < kwnames->size(); ++i) {
      Str* k = kwnames->items[i].as<Str>();
      bool ok = false;
      for (A a : allowed) {
        if (k->view() == attr_name(a)) {
          Dict* d = exc_dict(I, e);
          if (!d || dict_set_str(I, d, I.intern(attr_name(a)), args[nargs + i]) < 0) return -1;
          ok = true;
          break;
        }
      }
      if (!ok) {
        raisef(I, I.rt.exc_TypeError, "'%s' is an invalid keyword argument for %s()", k->data, cls);
        return -1;
      }
    }
  }
  return exc_set_args(I, e, args, nargs);
}

static int nameerror_init(Isolate& I, Value self, const Value* args, size_t nargs, Tuple* kw) {
  return init_with_keywords(I, self, args, nargs, kw, "NameError", {A::Name});
}
static int attributeerror_init(Isolate& I, Value self, const Value* args, size_t nargs, Tuple* kw) {
  return init_with_keywords(I, self, args, nargs, kw, "AttributeError", {A::Name, A::Obj});
}
static int importerror_init(Isolate& I, Value self, const Value* args, size_t nargs, Tuple* kw) {
  return init_with_keywords(I, self, args, nargs, kw, "ImportError", {A::ImpName, A::ImpPath});
}

static Value importerror_str(Isolate& I, Value self) {
  Value msg = attr_raw(I, as_exc(self), A::ImpMsg);
  if (msg.is_error()) return msg;
  if (!msg.is_null() && type_of(I, msg) == I.rt.str_type) return msg;
  return exc_str(I, self);
}

static Value importerror_reduce(Isolate& I, const Value* args, size_t nargs, Tuple* kwnames) {
  if (check_nargs(I, "ImportError.__reduce__", nargs - 1, 0, 0) < 0) return Value::error();
  BaseExc* e = as_exc(args[0]);
  Value type = Value::object(e->type_);
  Value a = Value::object(e->args ? e->args : I.rt.empty_tuple);
  Dict* state = nullptr;
  if (e->dict) {
    state = dict_copy(I, e->dict);
    if (!state) return Value::error();
  }
  for (A which : {A::ImpName, A::ImpPath}) {
    Value v = attr_raw(I, e, which);
    if (v.is_error()) return v;
    if (v.is_null() || v.is_none()) continue;
    if (!state && !(state = dict_new(I))) return Value::error();
    if (dict_set_str(I, state, I.intern(attr_name(which)), v) < 0) return Value::error();
  }
  if (state) return tuple_pack(I, {type, a, Value::object(state)});
  return tuple_pack(I, {type, a});
}

// --- OSError -------------------------------------------------------------------------------

static Type* oserror_subtype_for(Runtime& rt, int64_t err) {
  switch (err) {
    case EAGAIN: case EALREADY: case EINPROGRESS: return rt.exc_BlockingIOError;
#if EWOULDBLOCK != EAGAIN
    case EWOULDBLOCK: return rt.exc_BlockingIOError;
#endif
    case ECHILD: return rt.exc_ChildProcessError;
    case EPIPE: case ESHUTDOWN: return rt.exc_BrokenPipeError;
    case ECONNABORTED: return rt.exc_ConnectionAbortedError;
    case ECONNREFUSED: return rt.exc_ConnectionRefusedError;
    case ECONNRESET: return rt.exc_ConnectionResetError;
    case EEXIST: return rt.exc_FileExistsError;
    case ENOENT: return rt.exc_FileNotFoundError;
    case EISDIR: return rt.exc_IsADirectoryError;
    case ENOTDIR: return rt.exc_NotADirectoryError;
    case EINTR: return rt.exc_InterruptedError;
    case EACCES: case EPERM: return rt.exc_PermissionError;
    case ESRCH: return rt.exc_ProcessLookupError;
    case ETIMEDOUT: return rt.exc_TimeoutError;
    default: return nullptr;
  }
}

static int oserror_init(Isolate& I, Value self, const Value* args, size_t nargs, Tuple* kwnames);
static Value oserror_new(Isolate& I, Type* type, const Value* args, size_t nargs, Tuple* kwnames);

/// When a subclass overrides __init__ (but not __new__), the arguments are
/// parsed by __init__ (CPython's oserror_use_init).
static bool oserror_use_init(Type* t) { return t->init != oserror_init && t->new_ == oserror_new; }

/// Stores filename/filename2 and trims args to (errno, strerror) as CPython.
static int oserror_parse(Isolate& I, BaseExc* e, const Value* args, size_t nargs) {
  if (nargs < 3 || nargs > 5) return 0;
  Value filename = args[2];
  if (filename.is_none()) return 0;
  Dict* d = exc_dict(I, e);
  if (!d) return -1;
  if (is_subtype(e->type_, I.rt.exc_BlockingIOError) && is_int(I, filename)) {
    return dict_set_str(I, d, I.intern("characters_written"), filename);
  }
  if (dict_set_str(I, d, I.intern("filename"), filename) < 0) return -1;
  if (nargs == 5 && !args[4].is_none() &&
      dict_set_str(I, d, I.intern("filename2"), args[4]) < 0)
    return -1;
  Tuple* t = tuple_from(I, args, 2);
  if (!t) return -1;
  e->args = t;
  return 0;
}

static Value oserror_new(Isolate& I, Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  bool use_init = oserror_use_init(type);
  if (!use_init) {
    if (kwnames && kwnames->size())
      return raisef(I, I.rt.exc_TypeError, "%s() takes no keyword arguments", type_name(type));
    if (type == I.rt.exc_OSError && nargs >= 2 && nargs <= 5 && is_int(I, args[0])) {
      int64_t err;
      if (int_to_i64(int_unwrap(I, args[0]), &err)) {
        if (Type* sub = oserror_subtype_for(I.rt, err)) type = sub;
      }
    }
  }
  Value v = exc_alloc(I, type, args, nargs);
  if (v.is_error() || use_init) return v;
  if (oserror_parse(I, as_exc(v), args, nargs) < 0) return Value::error();
  return v;
}

static int oserror_init(Isolate& I, Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  BaseExc* e = as_exc(self);
  if (!oserror_use_init(e->type_)) return 0;  // __new__ did the work
  if (no_kwargs(I, self, kwnames) < 0) return -1;
  if (exc_set_args(I, e, args, nargs) < 0) return -1;
  return oserror_parse(I, e, args, nargs);
}

static Value oserror_str(Isolate& I, Value self) {
  BaseExc* e = as_exc(self);
  Value err = attr_raw(I, e, A::Errno), serr = attr_raw(I, e, A::Strerror);
  Value fn = attr_raw(I, e, A::Filename), fn2 = attr_raw(I, e, A::Filename2);
  if (err.is_error() || serr.is_error() || fn.is_error() || fn2.is_error()) return Value::error();
  if (!fn.is_null() && !fn.is_none()) {
    std::string out = "[Errno ";
    if (str_append(I, err.is_null() ? Value::none() : err, out) < 0) return Value::error();
    out += "] ";
    if (str_append(I, serr.is_null() ? Value::none() : serr, out) < 0) return Value::error();
    out += ": ";
    if (repr_append(I, fn, out) < 0) return Value::error();
    if (!fn2.is_null() && !fn2.is_none()) {
      out += " -> ";
      if (repr_append(I, fn2, out) < 0) return Value::error();
    }
    return str_value(I, out);
  }
  if (!err.is_null() && !serr.is_null()) {
    std::string out = "[Errno ";
    if (str_append(I, err, out) < 0) return Value::error();
    out += "] ";
    if (str_append(I, serr, out) < 0) return Value::error();
    return str_value(I, out);
  }
  return exc_str(I, self);
}

static Value oserror_reduce(Isolate& I, const Value* args, size_t nargs, Tuple* kwnames) {
  if (check_nargs(I, "OSError.__reduce__", nargs - 1, 0, 0) < 0) return Value::error();
  BaseExc* e = as_exc(args[0]);
  Tuple* a = e->args ? e->args : I.rt.empty_tuple;
  Value fn = attr_raw(I, e, A::Filename), fn2 = attr_raw(I, e, A::Filename2);
  if (fn.is_error() || fn2.is_error()) return Value::error();
  Value newargs = Value::object(a);
  if (a->size() == 2 && !fn.is_null() && !fn.is_none()) {
    if (!fn2.is_null() && !fn2.is_none())
      newargs = tuple_pack(I, {a->items[0], a->items[1], fn, Value::none(), fn2});
    else
      newargs = tuple_pack(I, {a->items[0], a->items[1], fn});
    if (newargs.is_error()) return newargs;
  }
  // The filename attributes travel in args; the rest of the dict as state.
  if (e->dict && e->dict->count) {
    Dict* state = dict_copy(I, e->dict);
    if (!state) return Value::error();
    for (const char* k : {"filename", "filename2", "errno", "strerror"}) {
      Value kv = str_value(I, k);
      if (kv.is_error() || dict_del(I, state, kv) < 0) return Value::error();
    }
    if (state->count) return tuple_pack(I, {Value::object(e->type_), newargs, Value::object(state)});
  }
  return tuple_pack(I, {Value::object(e->type_), newargs});
}

static Value characters_written_get(Isolate& I, Value self) {
  BaseExc* e = as_exc(self);
  Value v = e->dict ? dict_get_cstr(I, e->dict, "characters_written") : Value::null();
  if (v.is_null()) return raise(I, I.rt.exc_AttributeError, "characters_written");
  return v;
}

static int characters_written_set(Isolate& I, Value self, Value v) {
  BaseExc* e = as_exc(self);
  Dict* d = exc_dict(I, e);
  if (!d) return -1;
  Value key = Value::object(I.intern("characters_written"));
  if (v.is_null()) {
    int r = dict_del(I, d, key);
    if (r == 0) raise(I, I.rt.exc_AttributeError, "characters_written");
    return r == 1 ? 0 : -1;
  }
  int64_t n;
  if (!index_i64(I, v, &n)) return -1;
  return dict_set(I, d, key, v);
}

// --- SyntaxError ---------------------------------------------------------------------------

static int syntaxerror_init(Isolate& I, Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (no_kwargs(I, self, kwnames) < 0) return -1;
  BaseExc* e = as_exc(self);
  if (exc_set_args(I, e, args, nargs) < 0) return -1;
  if (nargs == 2) {
    Value info = tuple_from_iterable(I, args[1]);
    if (info.is_error()) return -1;
    size_t m = info.as<Tuple>()->size();
    if (m < 4) {
      raisef(I, I.rt.exc_TypeError, "function takes at least 4 arguments (%zu given)", m);
      return -1;
    }
    if (m > 6) {
      raisef(I, I.rt.exc_TypeError, "function takes at most 6 arguments (%zu given)", m);
      return -1;
    }
    Type* it = type_of(I, args[1]);
    if (!(it->flags & (kTypeTupleSubclass | kTypeListSubclass))) {
      // Not derivable later from args[1]: store the fields now.
      Dict* d = exc_dict(I, e);
      if (!d) return -1;
      static const A fields[] = {A::SynFilename, A::SynLineno, A::SynOffset, A::SynText,
                                 A::SynEndLineno, A::SynEndOffset};
      for (size_t k = 0; k < m; ++k)
        if (dict_set_str(I, d, I.intern(attr_name(fields[k])), info.as<Tuple>()->items[k]) < 0)
          return -1;
    }
  }
  return 0;
}

static Value syntaxerror_str(Isolate& I, Value self) {
  BaseExc* e = as_exc(self);
  Value msg = attr_raw(I, e, A::SynMsg);
  Value fn = attr_raw(I, e, A::SynFilename);
  Value ln = attr_raw(I, e, A::SynLineno);
  if (msg.is_error() || fn.is_error() || ln.is_error()) return Value::error();
  if (msg.is_null()) msg = Value::none();
  bool have_lineno = !ln.is_null() && is_exact_int(ln);
  bool have_file = !fn.is_null() && (type_of(I, fn)->flags & kTypeStrSubclass);
  if (!have_file && !have_lineno) return str(I, msg);
  std::string out;
  if (str_append(I, msg, out) < 0) return Value::error();
  out += " (";
  if (have_file) {
    std::string_view f = fn.as<Str>()->view();
    size_t slash = f.rfind('/');
    if (slash != std::string_view::npos) f = f.substr(slash + 1);
    out += f;
    if (have_lineno) out += ", ";
  }
  if (have_lineno) {
    out += "line ";
    Value d = int_to_decimal(I, ln);
    if (d.is_error()) return d;
    out += d.as<Str>()->view();
  }
  out += ')';
  return str_value(I, out);
}

// --- UnicodeError family -----------------------------------------------------------------------

static bool is_str(Isolate& I, Value v) { return type_of(I, v)->flags & kTypeStrSubclass; }

static int unicode_check_str(Isolate& I, Value v, int argno) {
  if (is_str(I, v)) return 0;
  raisef(I, I.rt.exc_TypeError, "argument %d must be str, not %s", argno, type_name(I, v));
  return -1;
}

static int unicode_check_index(Isolate& I, Value v) {
  int64_t n;
  return index_i64(I, v, &n) ? 0 : -1;
}

static int unicode_error_init(Isolate& I, Value self, const Value* args, size_t nargs,
                              Tuple* kwnames, int kind /*0 decode, 1 encode, 2 translate*/) {
  if (no_kwargs(I, self, kwnames) < 0) return -1;
  BaseExc* e = as_exc(self);
  size_t want = kind == 2 ? 4 : 5;
  if (nargs != want) {
    raisef(I, I.rt.exc_TypeError, "function takes exactly %zu arguments (%zu given)", want, nargs);
    return -1;
  }
  Value bytes_obj = Value::null();
  if (kind == 0) {
    if (unicode_check_str(I, args[0], 1) < 0) return -1;
    std::string_view view;
    Value keep;
    int r = bytes_like(I, args[1], &view, &keep);
    if (r < 0) return -1;
    if (r == 0) {
      raisef(I, I.rt.exc_TypeError, "a bytes-like object is required, not '%s'", type_name(I, args[1]));
      return -1;
    }
    if (type_of(I, args[1]) != I.rt.bytes_type) {
      bytes_obj = bytes_value(I, view);
      if (bytes_obj.is_error()) return -1;
    }
    if (unicode_check_index(I, args[2]) < 0 || unicode_check_index(I, args[3]) < 0) return -1;
    if (unicode_check_str(I, args[4], 5) < 0) return -1;
  } else if (kind == 1) {
    if (unicode_check_str(I, args[0], 1) < 0 || unicode_check_str(I, args[1], 2) < 0) return -1;
    if (unicode_check_index(I, args[2]) < 0 || unicode_check_index(I, args[3]) < 0) return -1;
    if (unicode_check_str(I, args[4], 5) < 0) return -1;
  } else {
    if (unicode_check_str(I, args[0], 1) < 0) return -1;
    if (unicode_check_index(I, args[1]) < 0 || unicode_check_index(I, args[2]) < 0) return -1;
    if (unicode_check_str(I, args[3], 4) < 0) return -1;
  }
  if (exc_set_args(I, e, args, nargs) < 0) return -1;
  if (!bytes_obj.is_null()) {
    Dict* d = exc_dict(I, e);
    if (!d || dict_set_str(I, d, I.intern("object"), bytes_obj) < 0) return -1;
  }
  return 0;
}

static int unicodedecode_init(Isolate& I, Value self, const Value* a, size_t n, Tuple* kw) {
  return unicode_error_init(I, self, a, n, kw, 0);
}
static int unicodeencode_init(Isolate& I, Value self, const Value* a, size_t n, Tuple* kw) {
  return unicode_error_init(I, self, a, n, kw, 1);
}
static int unicodetranslate_init(Isolate& I, Value self, const Value* a, size_t n, Tuple* kw) {
  return unicode_error_init(I, self, a, n, kw, 2);
}

static Value unicode_error_str(Isolate& I, Value self, int kind) {
  BaseExc* e = as_exc(self);
  Value obj = attr_raw(I, e, A::UObject);
  if (obj.is_error()) return obj;
  if (obj.is_null()) return Value::object(I.rt.n_empty);
  Value enc = attr_raw(I, e, A::UEncoding), reason = attr_raw(I, e, A::UReason);
  Value vs = attr_raw(I, e, A::UStart), ve = attr_raw(I, e, A::UEnd);
  if (enc.is_error() || reason.is_error() || vs.is_error() || ve.is_error()) return Value::error();
  int64_t start = 0, end = 0;
  if (!vs.is_null() && !index_i64(I, vs, &start)) return Value::error();
  if (!ve.is_null() && !index_i64(I, ve, &end)) return Value::error();
  std::string reason_s, enc_s;
  if (str_append(I, reason.is_null() ? Value::none() : reason, reason_s) < 0) return Value::error();
  if (kind != 2 && str_append(I, enc.is_null() ? Value::none() : enc, enc_s) < 0)
    return Value::error();
  int64_t len = length(I, obj);
  if (len < 0) return Value::error();
  std::string out;
  char buf[96];
  if (kind != 2) out = "'" + enc_s + "' codec can't ";
  const char* verb = kind == 0 ? "decode" : kind == 1 ? "encode" : "translate";
  if (start >= 0 && start < len && end == start + 1) {
    if (kind == 0) {
      std::string_view bytes;
      Value keep;
      if (bytes_like(I, obj, &bytes, &keep) <= 0) {
        if (I.has_pending()) return Value::error();
        return raise(I, I.rt.exc_TypeError, "object attribute must be bytes");
      }
      snprintf(buf, sizeof buf, "decode byte 0x%02x in position %lld: ",
               static_cast<unsigned>(static_cast<unsigned char>(bytes[start])),
               static_cast<long long>(start));
    } else {
      if (!is_str(I, obj)) return raise(I, I.rt.exc_TypeError, "object attribute must be unicode");
      uint32_t cp = str_char_at(obj.as<Str>(), static_cast<size_t>(start));
      const char* fmt = cp <= 0xff ? "%s character '\\x%02x' in position %lld: "
                        : cp <= 0xffff ? "%s character '\\u%04x' in position %lld: "
                                       : "%s character '\\U%08x' in position %lld: ";
      snprintf(buf, sizeof buf, fmt, kind == 1 ? "encode" : "translate", cp,
               static_cast<long long>(start));
    }
    if (kind == 2) out = "can't ";
    out += buf;
  } else {
    snprintf(buf, sizeof buf, "%s %s in position %lld-%lld: ", verb, kind == 0 ? "bytes" : "characters",
             static_cast<long long>(start), static_cast<long long>(end - 1));
    if (kind == 2) out = "can't ";
    out += buf;
  }
  out += reason_s;
  return str_value(I, out);
}

static Value unicodedecode_str(Isolate& I, Value self) { return unicode_error_str(I, self, 0); }
static Value unicodeencode_str(Isolate& I, Value self) { return unicode_error_str(I, self, 1); }
static Value unicodetranslate_str(Isolate& I, Value self) { return unicode_error_str(I, self, 2); }

// --- traceback objects ----------------------------------------------------------------------
// Deliberately opaque: a traceback exposes tb_next and tb_lineno only. There
// is no tb_frame (frames would hand guests their callers' locals and globals,
// breaking the capability model) and no tb_lasti (instruction offsets of our
// bytecode are not CPython's and must not become a guest-visible contract).

static void tb_trace(Object* self, Tracer& t) {
  Traceback* tb = static_cast<Traceback*>(self);
  t.visit(tb->next);
  t.visit(reinterpret_cast<Object*>(tb->code));
}

uint32_t traceback_lineno(Traceback* tb) {
  if (tb->lineno == 0 && tb->code) tb->lineno = code_line_of(tb->code, tb->instr);
  return tb->lineno;
}

int exception_add_traceback(Isolate& I, BaseExc* exc, struct Code* code, uint32_t instr) {
  Object* o = I.heap.alloc_object(I.rt.traceback_type, sizeof(Traceback));
  if (!o) {
    raise_memory(I);
    return -1;
  }
  Traceback* tb = static_cast<Traceback*>(o);
  tb->next = exc->traceback.is_object() ? exc->traceback : Value::none();
  tb->code = code;
  tb->instr = instr;
  tb->lineno = 0;  // computed on demand (traceback_lineno)
  exc->traceback = Value::object(tb);
  return 0;
}

static Value tb_next_get(Isolate& I, Value self) {
  Value n = self.as<Traceback>()->next;
  return n.is_object() ? n : Value::none();
}

static int tb_next_set(Isolate& I, Value self, Value v) {
  if (v.is_null()) {
    raise(I, I.rt.exc_TypeError, "can't delete tb_next attribute");
    return -1;
  }
  if (!v.is_none()) {
    if (type_of(I, v) != I.rt.traceback_type) {
      raisef(I, I.rt.exc_TypeError, "expected traceback object or None, got '%s'", type_name(I, v));
      return -1;
    }
    for (Value c = v; c.is_object(); c = c.as<Traceback>()->next) {
      if (c.as_object() == self.as_object()) {
        raise(I, I.rt.exc_ValueError, "traceback loop detected");
        return -1;
      }
    }
  }
  self.as<Traceback>()->next = v;
  return 0;
}

static Value tb_lineno_get(Isolate& I, Value self) {
  return int_from_i64(I, traceback_lineno(self.as<Traceback>()));
}

// --- type set-up ----------------------------------------------------------------------------

void init_exception_types(Runtime& rt) {
  // The Runtime already set each class's base from exceptions.def.
  const uint32_t flags = kTypeBaseType | kTypeExceptionSubclass | kTypeHasDict;
  auto setup = [&](Type* t) {
    t->basicsize = sizeof(BaseExc);
    t->flags |= flags;
    t->dict_offset = static_cast<int32_t>(sizeof(Object));  // BaseExc::dict follows the header
    t->trace = exc_trace;
  };
#define CAPY_EXC(n, b) setup(rt.exc_##n);
#include "objects/exceptions.def"
#undef CAPY_EXC

  Type* be = rt.exc_BaseException;
  be->new_ = exc_new;
  be->init = exc_init;
  be->repr = exc_repr;
  be->str = exc_str;
  add_methods(rt, be, {
      {"__reduce__", m_reduce},
      {"__setstate__", m_setstate},
      {"with_traceback", m_with_traceback,  0,
       "Exception.with_traceback(tb) --\n    set self.__traceback__ to tb and return self."},
      {"add_note", m_add_note, 0,
       "Exception.add_note(note) --\n    add a note to the exception"},
  });
  add_getsets(rt, be, {
      {"__suppress_context__", get_suppress, set_suppress},
      {"__dict__", get_dict, set_dict},
      {"args", get_args, set_args},
      {"__traceback__", get_traceback, set_traceback},
      {"__context__", get_context, set_context},
      {"__cause__", get_cause, set_cause},
  });

  add_getsets(rt, rt.exc_StopIteration, {attr_def<A::Value_>()});
  add_getsets(rt, rt.exc_SystemExit, {attr_def<A::Code>()});

  rt.exc_KeyError->str = keyerror_str;

  rt.exc_ImportError->init = importerror_init;
  rt.exc_ImportError->str = importerror_str;
  add_methods(rt, rt.exc_ImportError, {{"__reduce__", importerror_reduce}});
  add_getsets(rt, rt.exc_ImportError,
              {attr_def<A::ImpMsg>(), attr_def<A::ImpName>(), attr_def<A::ImpPath>()});

  rt.exc_NameError->init = nameerror_init;
  add_getsets(rt, rt.exc_NameError, {attr_def<A::Name>()});
  rt.exc_AttributeError->init = attributeerror_init;
  add_getsets(rt, rt.exc_AttributeError, {attr_def<A::Name>(), attr_def<A::Obj>()});

  Type* os = rt.exc_OSError;
  os->new_ = oserror_new;
  os->init = oserror_init;
  os->str = oserror_str;
  add_methods(rt, os, {{"__reduce__", oserror_reduce}});
  add_getsets(rt, os, {attr_def<A::Errno>(), attr_def<A::Strerror>(), attr_def<A::Filename>(),
                       attr_def<A::Filename2>(),
                       {"characters_written", characters_written_get, characters_written_set}});

  Type* se = rt.exc_SyntaxError;
  se->init = syntaxerror_init;
  se->str = syntaxerror_str;
  add_getsets(rt, se, {attr_def<A::SynMsg>(), attr_def<A::SynFilename>(), attr_def<A::SynLineno>(),
                       attr_def<A::SynOffset>(), attr_def<A::SynText>(),
                       attr_def<A::SynEndLineno>(), attr_def<A::SynEndOffset>(),
                       attr_def<A::SynPrint>()});

  rt.exc_UnicodeDecodeError->init = unicodedecode_init;
  rt.exc_UnicodeDecodeError->str = unicodedecode_str;
  rt.exc_UnicodeEncodeError->init = unicodeencode_init;
  rt.exc_UnicodeEncodeError->str = unicodeencode_str;
  rt.exc_UnicodeTranslateError->init = unicodetranslate_init;
  rt.exc_UnicodeTranslateError->str = unicodetranslate_str;
  for (Type* t : {rt.exc_UnicodeDecodeError, rt.exc_UnicodeEncodeError, rt.exc_UnicodeTranslateError})
    add_getsets(rt, t, {attr_def<A::UEncoding>(), attr_def<A::UObject>(), attr_def<A::UStart>(),
                        attr_def<A::UEnd>(), attr_def<A::UReason>()});

  init_exception_group_types(rt);

  // The traceback type (struct Traceback in exception.h).
  Type* tb = rt.traceback_type;
  tb->basicsize = sizeof(Traceback);
  tb->trace = tb_trace;
  add_getsets(rt, tb, {{"tb_next", tb_next_get, tb_next_set}, {"tb_lineno", tb_lineno_get}});
}

}  // namespace capy
