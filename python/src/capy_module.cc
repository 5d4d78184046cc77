// capy._capy: the CPython extension behind the `capy` package. It drives one
// capy isolate per Sandbox through the public C++ embedding API
// (include/capy/capy.hpp) and converts values between CPython objects and
// capy::Values. The policy (argument checking, exception classes, output
// routing) lives in capy/__init__.py; this file is the mechanism.
//
// Threads and the GIL: a run releases the GIL for the whole time guest code
// executes, so isolates on different threads run in parallel. Host functions
// and the output callback run on the thread of the run and take the GIL back
// for as long as they execute Python code.
//
// Failures that belong to the host (a host function that returns a value
// that cannot be converted, an output callback that raises, a
// KeyboardInterrupt or SystemExit raised inside a host function) end the run
// with Isolate::terminate() and are raised again from run() once the guest
// has stopped.

#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <atomic>
#include <cstdint>
#include <cstring>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "capy/capy.hpp"

namespace {

// --- references -----------------------------------------------------------------

/// An owned reference to a Python object (nullptr allowed).
class Ref {
 public:
  Ref() = default;
  /// Takes ownership of a new reference.
  static Ref steal(PyObject* o) { Ref r; r.p_ = o; return r; }
  /// Adds a reference to a borrowed one.
  static Ref borrow(PyObject* o) { Py_XINCREF(o); return steal(o); }
  Ref(const Ref& o) : p_(o.p_) { Py_XINCREF(p_); }
  Ref(Ref&& o) noexcept : p_(o.p_) { o.p_ = nullptr; }
  Ref& operator=(Ref o) noexcept { std::swap(p_, o.p_); return *this; }
  ~Ref() { Py_XDECREF(p_); }

  PyObject* get() const { return p_; }
  PyObject* release() { PyObject* o = p_; p_ = nullptr; return o; }
  explicit operator bool() const { return p_ != nullptr; }
  void reset() { Py_CLEAR(p_); }

 private:
  PyObject* p_ = nullptr;
};

/// Holds the GIL for its lifetime, on a thread that released it (a run).
class GilHold {
 public:
  GilHold() : state_(PyGILState_Ensure()) {}
  ~GilHold() { PyGILState_Release(state_); }
  GilHold(const GilHold&) = delete;
  GilHold& operator=(const GilHold&) = delete;

 private:
  PyGILState_STATE state_;
};

/// A saved Python exception (the three parts PyErr_Fetch returns).
struct SavedError {
  Ref type, value, traceback;

  bool set() const { return static_cast<bool>(type); }
  /// Takes the current exception.
  void fetch() {
    PyObject *t, *v, *tb;
    PyErr_Fetch(&t, &v, &tb);
    PyErr_NormalizeException(&t, &v, &tb);
    type = Ref::steal(t);
    value = Ref::steal(v);
    traceback = Ref::steal(tb);
  }
  /// Makes it the current exception again (and forgets it).
  void restore() {
    PyErr_Restore(type.release(), value.release(), traceback.release());
  }
  void clear() { type.reset(); value.reset(); traceback.reset(); }
};

/// str(o) as UTF-8, never failing (a placeholder when str() raises).
std::string str_of(PyObject* o) {
  Ref s = Ref::steal(PyObject_Str(o));
  if (s) {
    Py_ssize_t n = 0;
    const char* text = PyUnicode_AsUTF8AndSize(s.get(), &n);
    if (text) return std::string(text, static_cast<size_t>(n));
  }
  PyErr_Clear();
  return "<unprintable " + std::string(Py_TYPE(o)->tp_name) + " object>";
}

/// The current exception's message (str of its value); clears it.
std::string take_error_message() {
  SavedError e;
  e.fetch();
  if (!e.value) return "unknown error";
  return str_of(e.value.get());
}

// Conversions stop at this depth of nesting, in both directions: the API's
// own conversions of guest values stop there too (capy/value.h), and it
// bounds the native stack the recursive conversions use.
constexpr int kMaxNesting = 1000;

// --- CPython -> capy::Value -----------------------------------------------------------

/// Converts one host value (with the GIL held). Containers met twice convert
/// once (the Values share their data), so a structure with shared parts costs
/// its size, not the size of its unfolding; a container met again while it is
/// being converted is a cycle: TypeError.
class ToValue {
 public:
  /// `what` names the value in error messages ("input 'x'").
  bool convert(PyObject* o, capy::Value& out, const std::string& what) {
    what_ = what;
    return convert(o, out, 0);
  }

 private:
  std::string what_;
  std::unordered_map<PyObject*, capy::Value> done_;
  std::unordered_set<PyObject*> open_;
  std::vector<Ref> keep_;  // keeps memoised objects alive, so their addresses stay theirs

  bool fail_type(PyObject* o) {
    PyErr_Format(PyExc_TypeError, "%s: cannot convert a value of type '%s' for the guest "
                 "(only None, bool, int, float, str, bytes, list, tuple, dict, set and "
                 "frozenset cross)", what_.c_str(), Py_TYPE(o)->tp_name);
    return false;
  }

  bool convert(PyObject* o, capy::Value& out, int depth) {
    if (o == Py_None) { out = capy::Value(); return true; }
    if (PyBool_Check(o)) { out = capy::Value(o == Py_True); return true; }
    if (PyLong_Check(o)) return convert_int(o, out);
    if (PyFloat_Check(o)) { out = capy::Value(PyFloat_AS_DOUBLE(o)); return true; }
    if (PyUnicode_Check(o)) {
      Py_ssize_t n = 0;
      const char* text = PyUnicode_AsUTF8AndSize(o, &n);
      if (!text) {
        PyErr_Clear();
        PyErr_Format(PyExc_TypeError, "%s: cannot convert a str holding a lone surrogate "
                     "for the guest", what_.c_str());
        return false;
      }
      out = capy::Value(std::string_view(text, static_cast<size_t>(n)));
      return true;
    }
    if (PyBytes_Check(o)) {
      out = capy::Value::bytes(std::string_view(PyBytes_AS_STRING(o),
                                                static_cast<size_t>(PyBytes_GET_SIZE(o))));
      return true;
    }
    if (PyByteArray_Check(o)) {
      out = capy::Value::bytes(std::string_view(PyByteArray_AS_STRING(o),
                                                static_cast<size_t>(PyByteArray_GET_SIZE(o))));
      return true;
    }
    bool container = PyList_Check(o) || PyTuple_Check(o) || PyDict_Check(o) ||
                     PyAnySet_Check(o);
    if (!container) return fail_type(o);

    auto found = done_.find(o);
    if (found != done_.end()) { out = found->second; return true; }
    if (open_.count(o)) {
      PyErr_Format(PyExc_TypeError, "%s: cannot convert a cyclic %s for the guest (it "
                   "contains itself)", what_.c_str(), Py_TYPE(o)->tp_name);
      return false;
    }
    if (depth >= kMaxNesting) {
      PyErr_Format(PyExc_TypeError, "%s: cannot convert a value nested more than %d "
                   "levels deep for the guest", what_.c_str(), kMaxNesting);
      return false;
    }
    open_.insert(o);
    bool ok = convert_container(o, out, depth + 1);
    open_.erase(o);
    if (!ok) return false;
    keep_.push_back(Ref::borrow(o));
    done_.emplace(o, out);
    return true;
  }

  bool convert_int(PyObject* o, capy::Value& out) {
    int overflow = 0;
    long long small = PyLong_AsLongLongAndOverflow(o, &overflow);
    if (!overflow) {
      if (small == -1 && PyErr_Occurred()) return false;
      out = capy::Value(static_cast<int64_t>(small));
      return true;
    }
    // Beyond 64 bits: the magnitude's bytes, least significant first.
    Ref magnitude = Ref::steal(PyNumber_Absolute(o));
    if (!magnitude) return false;
    size_t bits = _PyLong_NumBits(magnitude.get());
    if (bits == static_cast<size_t>(-1) && PyErr_Occurred()) return false;
    std::string bytes((bits + 7) / 8, '\0');
#if PY_VERSION_HEX >= 0x030D0000
    if (_PyLong_AsByteArray(reinterpret_cast<PyLongObject*>(magnitude.get()),
                            reinterpret_cast<unsigned char*>(bytes.data()), bytes.size(),
                            /*little_endian=*/1, /*is_signed=*/0, /*with_exceptions=*/1) < 0)
      return false;
#else
    if (_PyLong_AsByteArray(reinterpret_cast<PyLongObject*>(magnitude.get()),
                            reinterpret_cast<unsigned char*>(bytes.data()), bytes.size(),
                            /*little_endian=*/1, /*is_signed=*/0) < 0)
      return false;
#endif
    out = capy::Value::int_from_bytes(bytes, overflow < 0);
    return true;
  }

  bool convert_items(PyObject* seq, std::vector<capy::Value>& items, int depth) {
    // Index access with the size read each time: converting runs no Python
    // code, but the list could be shared with other threads.
    for (Py_ssize_t i = 0; i < PySequence_Fast_GET_SIZE(seq); ++i) {
      Ref item = Ref::borrow(PySequence_Fast_GET_ITEM(seq, i));
      capy::Value v;
      if (!convert(item.get(), v, depth)) return false;
      items.push_back(std::move(v));
    }
    return true;
  }

  bool convert_container(PyObject* o, capy::Value& out, int depth) {
    if (PyList_Check(o) || PyTuple_Check(o)) {
      std::vector<capy::Value> items;
      items.reserve(static_cast<size_t>(Py_SIZE(o)));
      if (!convert_items(o, items, depth)) return false;
      out = PyList_Check(o) ? capy::Value::list(std::move(items))
                            : capy::Value::tuple(std::move(items));
      return true;
    }
    if (PyDict_Check(o)) {
      std::vector<std::pair<capy::Value, capy::Value>> entries;
      entries.reserve(static_cast<size_t>(PyDict_GET_SIZE(o)));
      Py_ssize_t pos = 0;
      PyObject *k, *v;
      while (PyDict_Next(o, &pos, &k, &v)) {
        Ref key = Ref::borrow(k), value = Ref::borrow(v);
        capy::Value ck, cv;
        if (!convert(key.get(), ck, depth) || !convert(value.get(), cv, depth)) return false;
        entries.emplace_back(std::move(ck), std::move(cv));
      }
      out = capy::Value::dict(std::move(entries));
      return true;
    }
    // set / frozenset: the base type's iterator, so a subclass's __iter__ is
    // not consulted (the contents are what converts).
    Ref it = Ref::steal(PySet_Type.tp_iter(o));
    if (!it) return false;
    std::vector<capy::Value> items;
    items.reserve(static_cast<size_t>(PySet_GET_SIZE(o)));
    while (Ref item = Ref::steal(PyIter_Next(it.get()))) {
      capy::Value v;
      if (!convert(item.get(), v, depth)) return false;
      items.push_back(std::move(v));
    }
    if (PyErr_Occurred()) return false;
    out = PyFrozenSet_Check(o) ? capy::Value::frozenset(std::move(items))
                               : capy::Value::set(std::move(items));
    return true;
  }
};

// --- capy::Value -> CPython -------------------------------------------------------

/// Converts a Value from the guest (with the GIL held). Parts the Value
/// shares convert once and stay shared. On failure a Python exception is set
/// (TypeError for a guest object, which cannot cross).
class ToPython {
 public:
  explicit ToPython(std::string what) : what_(std::move(what)) {}

  Ref convert(const capy::Value& v) { return convert(v, 0); }

 private:
  std::string what_;
  std::unordered_map<const void*, Ref> done_;

  Ref fail_object(const capy::Value& v) {
    std::string type = v.kind() == capy::ValueKind::GuestObject ? v.guest_type_name()
                                                                : std::string("host object");
    PyErr_Format(PyExc_TypeError, "%s: cannot convert a '%s' object to a host value (only "
                 "None, bool, int, float, str, bytes, list, tuple, dict, set and frozenset "
                 "cross)", what_.c_str(), type.c_str());
    return Ref();
  }

  Ref convert(const capy::Value& v, int depth) {
    using K = capy::ValueKind;
    switch (v.kind()) {
      case K::None: return Ref::borrow(Py_None);
      case K::Bool: return Ref::borrow(v.as_bool() ? Py_True : Py_False);
      case K::Int: return convert_int(v);
      case K::Float: return Ref::steal(PyFloat_FromDouble(v.as_double()));
      case K::Str: {
        std::string_view s = v.as_str();
        // capy keeps lone surrogates (from "\ud800" literals) in their
        // three-byte form; surrogatepass turns them back into code points.
        return Ref::steal(PyUnicode_DecodeUTF8(s.data(), static_cast<Py_ssize_t>(s.size()),
                                               "surrogatepass"));
      }
      case K::Bytes: {
        std::string_view s = v.as_str();
        return Ref::steal(PyBytes_FromStringAndSize(s.data(), static_cast<Py_ssize_t>(s.size())));
      }
      case K::List: case K::Tuple: case K::Dict: case K::Set: case K::FrozenSet:
        break;
      case K::HostObject: case K::GuestObject:
        return fail_object(v);
    }
    const void* key = v.data().get();
    if (key) {
      auto found = done_.find(key);
      if (found != done_.end()) return found->second;
    }
    if (depth >= kMaxNesting) {
      PyErr_Format(PyExc_TypeError, "%s: cannot convert a value nested more than %d levels "
                   "deep to a host value", what_.c_str(), kMaxNesting);
      return Ref();
    }
    Ref out = convert_container(v, depth + 1);
    if (out && key) done_.emplace(key, out);
    return out;
  }

  Ref convert_int(const capy::Value& v) {
    if (std::optional<int64_t> small = v.to_int64()) return Ref::steal(PyLong_FromLongLong(*small));
    std::string magnitude = v.int_magnitude();
    Ref n = Ref::steal(_PyLong_FromByteArray(
        reinterpret_cast<const unsigned char*>(magnitude.data()), magnitude.size(),
        /*little_endian=*/1, /*is_signed=*/0));
    if (n && v.int_negative()) n = Ref::steal(PyNumber_Negative(n.get()));
    return n;
  }

  Ref convert_container(const capy::Value& v, int depth) {
    using K = capy::ValueKind;
    if (v.kind() == K::Dict) {
      Ref d = Ref::steal(PyDict_New());
      if (!d) return Ref();
      for (const auto& [key, value] : v.entries()) {
        Ref k = convert(key, depth);
        if (!k) return Ref();
        Ref x = convert(value, depth);
        if (!x) return Ref();
        if (PyDict_SetItem(d.get(), k.get(), x.get()) < 0) return Ref();
      }
      return d;
    }
    const std::vector<capy::Value>& items = v.items();
    Py_ssize_t n = static_cast<Py_ssize_t>(items.size());
    if (v.kind() == K::List || v.kind() == K::Tuple) {
      Ref seq = Ref::steal(v.kind() == K::List ? PyList_New(n) : PyTuple_New(n));
      if (!seq) return Ref();
      for (Py_ssize_t i = 0; i < n; ++i) {
        Ref x = convert(items[static_cast<size_t>(i)], depth);
        if (!x) return Ref();
        if (v.kind() == K::List) PyList_SET_ITEM(seq.get(), i, x.release());
        else PyTuple_SET_ITEM(seq.get(), i, x.release());
      }
      return seq;
    }
    Ref set = Ref::steal(v.kind() == K::Set ? PySet_New(nullptr) : PyFrozenSet_New(nullptr));
    if (!set) return Ref();
    for (const capy::Value& item : items) {
      Ref x = convert(item, depth);
      if (!x) return Ref();
      if (PySet_Add(set.get(), x.get()) < 0) return Ref();
    }
    return set;
  }
};

// --- the Isolate type ---------------------------------------------------------------

/// The runtime every isolate of the process is made from: built on first use,
/// immutable, and kept for the life of the process.
capy::Runtime& runtime() {
  static capy::Runtime* rt = new capy::Runtime();
  return *rt;
}

/// Everything a Sandbox's isolate needs from the Python side. Host
/// functions and the output callback refer to it; it outlives the isolate.
struct Session {
  std::unique_ptr<capy::Isolate> isolate;
  /// The host functions' callables, by index; entries are cleared when the
  /// Python object is torn down by the cycle collector.
  std::vector<Ref> functions;
  std::vector<std::string> function_names;
  /// The object whose write(stream, bytes) receives the guest's output.
  Ref output;

  // Guarded by mu.
  std::mutex mu;
  bool running = false;
  bool terminate_sent = false;

  /// A host-side failure that ended the current run; raised again by run().
  SavedError deferred;

  /// Ends the current run because of a host-side failure (the exception is
  /// current). Keeps the first such failure. GIL held.
  void defer_current_error() {
    if (!deferred.set()) {
      deferred.fetch();
    } else {
      PyErr_Clear();
    }
    std::lock_guard<std::mutex> lock(mu);
    if (isolate) {
      isolate->terminate();
      terminate_sent = true;
    }
  }
};

struct IsolateObject {
  PyObject_HEAD
  Session* session;
};

Session* live_session(IsolateObject* self) {
  if (!self->session || !self->session->isolate) {
    PyErr_SetString(PyExc_ValueError, "the Sandbox is closed");
    return nullptr;
  }
  return self->session;
}

/// One host function call from the guest (on the run's thread, without the GIL).
capy::Value call_host_function(Session* s, size_t index, capy::Call& call) {
  GilHold gil;
  if (s->deferred.set()) {
    // The run is ending because of an earlier host-side failure.
    return call.raise("RuntimeError", "the run is being ended by the host");
  }
  PyObject* fn = index < s->functions.size() ? s->functions[index].get() : nullptr;
  if (!fn) return call.raise("RuntimeError", "the host function is no longer available");

  std::string what = "argument of host function '" + call.name() + "'";
  Ref args = Ref::steal(PyTuple_New(static_cast<Py_ssize_t>(call.nargs())));
  if (!args) {
    s->defer_current_error();
    return call.raise("MemoryError", "");
  }
  for (size_t i = 0; i < call.nargs(); ++i) {
    ToPython conv(what);
    Ref a = conv.convert(call.args()[i]);
    if (!a) {
      // The guest passed it: the guest gets the TypeError.
      std::string message = take_error_message();
      return call.raise("TypeError", message);
    }
    PyTuple_SET_ITEM(args.get(), static_cast<Py_ssize_t>(i), a.release());
  }
  Ref kwargs;
  if (!call.kwargs().empty()) {
    kwargs = Ref::steal(PyDict_New());
    if (!kwargs) {
      s->defer_current_error();
      return call.raise("MemoryError", "");
    }
    for (const auto& [name, value] : call.kwargs()) {
      ToPython conv("keyword argument '" + name + "' of host function '" + call.name() + "'");
      Ref a = conv.convert(value);
      if (!a) return call.raise("TypeError", take_error_message());
      if (PyDict_SetItemString(kwargs.get(), name.c_str(), a.get()) < 0) {
        s->defer_current_error();
        return call.raise("RuntimeError", "the host could not receive the arguments");
      }
    }
  }

  Ref fn_ref = Ref::borrow(fn);  // the callable stays alive through the call
  Ref result = Ref::steal(PyObject_Call(fn_ref.get(), args.get(), kwargs.get()));
  if (!result) {
    if (!PyErr_ExceptionMatches(PyExc_Exception)) {
      // KeyboardInterrupt, SystemExit, GeneratorExit...: meant for the host.
      s->defer_current_error();
      return call.raise("RuntimeError", "the run is being ended by the host");
    }
    SavedError e;
    e.fetch();
    PyObject* type = e.type.get();
    std::string type_name = "RuntimeError";
    // The same builtin exception type reaches the guest; other classes
    // (defined by the host's modules) become RuntimeError.
    Ref module = Ref::steal(PyObject_GetAttrString(type, "__module__"));
    if (module && PyUnicode_Check(module.get()) &&
        PyUnicode_CompareWithASCIIString(module.get(), "builtins") == 0) {
      type_name = reinterpret_cast<PyTypeObject*>(type)->tp_name;
    }
    PyErr_Clear();
    // A single str argument is the message as given (so KeyError('k')
    // arrives as KeyError('k'), not KeyError("'k'")); otherwise str(exc).
    std::string message;
    PyObject* value = e.value.get();
    Ref exc_args = value ? Ref::steal(PyObject_GetAttrString(value, "args")) : Ref();
    PyErr_Clear();
    if (exc_args && PyTuple_Check(exc_args.get()) && PyTuple_GET_SIZE(exc_args.get()) == 1 &&
        PyUnicode_Check(PyTuple_GET_ITEM(exc_args.get(), 0))) {
      message = str_of(PyTuple_GET_ITEM(exc_args.get(), 0));
    } else if (value) {
      message = str_of(value);
    }
    return call.raise(type_name, message);
  }

  ToValue conv;
  capy::Value out;
  if (!conv.convert(result.get(), out, "return value of host function '" + call.name() + "'")) {
    // The host passed it: the host gets the TypeError, from run().
    s->defer_current_error();
    return call.raise("RuntimeError", "the run is being ended by the host");
  }
  return out;
}

/// Guest output (on the run's thread, without the GIL).
void write_output(Session* s, capy::Stream stream, std::string_view bytes) {
  GilHold gil;
  if (s->deferred.set() || !s->output) return;
  Ref data = Ref::steal(PyBytes_FromStringAndSize(bytes.data(), static_cast<Py_ssize_t>(bytes.size())));
  Ref r = data ? Ref::steal(PyObject_CallMethod(s->output.get(), "write", "iO",
                                               static_cast<int>(stream), data.get()))
               : Ref();
  if (!r) s->defer_current_error();
}

void isolate_dealloc_session(IsolateObject* self) {
  Session* s = self->session;
  self->session = nullptr;
  if (!s) return;
  s->isolate.reset();  // first: its host functions refer to the session
  delete s;
}

int isolate_traverse(IsolateObject* self, visitproc visit, void* arg) {
  Py_VISIT(Py_TYPE(self));
  if (Session* s = self->session) {
    for (Ref& f : s->functions) Py_VISIT(f.get());
    Py_VISIT(s->output.get());
  }
  return 0;
}

int isolate_clear(IsolateObject* self) {
  if (Session* s = self->session) {
    for (Ref& f : s->functions) f.reset();
    s->output.reset();
  }
  return 0;
}

void isolate_dealloc(IsolateObject* self) {
  PyTypeObject* type = Py_TYPE(self);
  PyObject_GC_UnTrack(self);
  isolate_clear(self);
  isolate_dealloc_session(self);
  type->tp_free(self);
  Py_DECREF(type);
}

// Reads an optional positive limit; `none` when the argument is None.
template <class T>
bool read_limit(PyObject* o, const char* name, T none, T& out) {
  if (!o || o == Py_None) { out = none; return true; }
  if (PyFloat_Check(o)) {
    double d = PyFloat_AsDouble(o);
    if (!(d > 0)) {
      PyErr_Format(PyExc_ValueError, "%s must be positive", name);
      return false;
    }
    out = static_cast<T>(d);
    return true;
  }
  unsigned long long v = PyLong_AsUnsignedLongLong(o);
  if (v == static_cast<unsigned long long>(-1) && PyErr_Occurred()) {
    if (PyErr_ExceptionMatches(PyExc_OverflowError)) {
      PyErr_Clear();
      out = none;  // beyond the machine's range: no limit
      return true;
    }
    return false;
  }
  if (v == 0) {
    PyErr_Format(PyExc_ValueError, "%s must be positive", name);
    return false;
  }
  if constexpr (std::is_same_v<T, uint32_t>) {
    out = v > UINT32_MAX ? UINT32_MAX : static_cast<uint32_t>(v);
  } else {
    out = static_cast<T>(v);
  }
  return true;
}

bool read_strings(PyObject* list, const char* name, std::vector<std::string>& out) {
  if (!list || list == Py_None) return true;
  Ref seq = Ref::steal(PySequence_Fast(list, name));
  if (!seq) return false;
  for (Py_ssize_t i = 0; i < PySequence_Fast_GET_SIZE(seq.get()); ++i) {
    PyObject* item = PySequence_Fast_GET_ITEM(seq.get(), i);
    Py_ssize_t n = 0;
    const char* text = PyUnicode_Check(item) ? PyUnicode_AsUTF8AndSize(item, &n) : nullptr;
    if (!text) {
      if (!PyErr_Occurred()) PyErr_Format(PyExc_TypeError, "%s must hold str", name);
      return false;
    }
    out.emplace_back(text, static_cast<size_t>(n));
  }
  return true;
}

PyObject* isolate_new(PyTypeObject* type, PyObject* args, PyObject* kw) {
  static const char* keywords[] = {"modules", "read_dirs", "write_dirs", "env", "functions",
                                   "max_memory", "max_time", "max_steps", "max_output",
                                   "max_depth", "output", nullptr};
  PyObject *modules = nullptr, *read_dirs = nullptr, *write_dirs = nullptr, *env = nullptr,
           *functions = nullptr, *max_memory = nullptr, *max_time = nullptr,
           *max_steps = nullptr, *max_output = nullptr, *max_depth = nullptr,
           *output = nullptr;
  if (!PyArg_ParseTupleAndKeywords(args, kw, "|$OOOOOOOOOOO", const_cast<char**>(keywords),
                                   &modules, &read_dirs, &write_dirs, &env, &functions,
                                   &max_memory, &max_time, &max_steps, &max_output,
                                   &max_depth, &output))
    return nullptr;

  capy::IsolateOptions options;
  capy::Limits& limits = options.limits;
  if (!read_limit<size_t>(max_memory, "max_memory", SIZE_MAX, limits.max_heap_bytes) ||
      !read_limit<uint64_t>(max_steps, "max_steps", 0, limits.max_steps) ||
      !read_limit<size_t>(max_output, "max_output", 0, limits.max_output_bytes) ||
      !read_limit<uint32_t>(max_depth, "max_depth", 1000, limits.max_call_depth))
    return nullptr;
  if (!max_time || max_time == Py_None) {
    limits.max_time_seconds = 0;
  } else {
    double t = PyFloat_AsDouble(max_time);
    if (t == -1.0 && PyErr_Occurred()) return nullptr;
    if (!(t > 0)) {
      PyErr_SetString(PyExc_ValueError, "max_time must be positive");
      return nullptr;
    }
    limits.max_time_seconds = t;
  }

  std::vector<std::string> dirs_r, dirs_w;
  if (!read_strings(modules, "modules", options.grants.modules) ||
      !read_strings(read_dirs, "read_dirs", dirs_r) ||
      !read_strings(write_dirs, "write_dirs", dirs_w))
    return nullptr;
  for (std::string& d : dirs_r) options.grants.directories.push_back({std::move(d), capy::Access::Read});
  for (std::string& d : dirs_w)
    options.grants.directories.push_back({std::move(d), capy::Access::ReadWrite});
  if (env && env != Py_None) {
    Ref seq = Ref::steal(PySequence_Fast(env, "env must be a sequence of (name, value) pairs"));
    if (!seq) return nullptr;
    for (Py_ssize_t i = 0; i < PySequence_Fast_GET_SIZE(seq.get()); ++i) {
      const char *k = nullptr, *v = nullptr;
      Py_ssize_t kn = 0, vn = 0;
      if (!PyArg_ParseTuple(PySequence_Fast_GET_ITEM(seq.get(), i), "s#s#", &k, &kn, &v, &vn))
        return nullptr;
      options.grants.env.emplace_back(std::string(k, static_cast<size_t>(kn)),
                                      std::string(v, static_cast<size_t>(vn)));
    }
  }

  auto session = std::make_unique<Session>();
  if (output && output != Py_None) session->output = Ref::borrow(output);
  Session* s = session.get();
  options.output = [s](capy::Stream stream, std::string_view bytes) { write_output(s, stream, bytes); };

  std::vector<std::pair<std::string, size_t>> defined;
  if (functions && functions != Py_None) {
    if (!PyDict_Check(functions)) {
      PyErr_SetString(PyExc_TypeError, "functions must be a dict");
      return nullptr;
    }
    Py_ssize_t pos = 0;
    PyObject *k, *v;
    while (PyDict_Next(functions, &pos, &k, &v)) {
      const char* name = PyUnicode_Check(k) ? PyUnicode_AsUTF8(k) : nullptr;
      if (!name) {
        if (!PyErr_Occurred()) PyErr_SetString(PyExc_TypeError, "function names must be str");
        return nullptr;
      }
      if (!PyCallable_Check(v)) {
        PyErr_Format(PyExc_TypeError, "functions['%s'] is not callable", name);
        return nullptr;
      }
      defined.emplace_back(name, s->functions.size());
      s->functions.push_back(Ref::borrow(v));
      s->function_names.emplace_back(name);
    }
  }

  session->isolate = std::make_unique<capy::Isolate>(runtime(), std::move(options));
  if (!session->isolate->startup_error().empty()) {
    PyErr_SetString(PyExc_ValueError, session->isolate->startup_error().c_str());
    session->isolate.reset();
    return nullptr;
  }
  for (const auto& [name, index] : defined) {
    size_t i = index;
    capy::Result r = session->isolate->define_function(
        name, [s, i](capy::Call& call) { return call_host_function(s, i, call); });
    if (!r.ok()) {
      PyErr_Format(PyExc_ValueError, "cannot define host function '%s': %s", name.c_str(),
                   r.message.c_str());
      session->isolate.reset();
      return nullptr;
    }
  }

  auto* self = reinterpret_cast<IsolateObject*>(type->tp_alloc(type, 0));
  if (!self) {
    session->isolate.reset();
    return nullptr;
  }
  self->session = session.release();
  return reinterpret_cast<PyObject*>(self);
}

/// The outcome tuple of a finished run (see capy/__init__.py).
PyObject* outcome(capy::Result& r, const std::string& filename) {
  switch (r.status) {
    case capy::Status::Ok: {
      ToPython conv("result of the run");
      Ref v = conv.convert(r.value);
      if (!v) {
        if (!PyErr_ExceptionMatches(PyExc_TypeError)) return nullptr;
        // The guest passed it: reported like a TypeError the guest raised.
        std::string message = take_error_message();
        std::string tb = "TypeError: " + message + "\n";
        return Py_BuildValue("(ss#s#s#)", "exception", "TypeError", 9, message.data(),
                             static_cast<Py_ssize_t>(message.size()), tb.data(),
                             static_cast<Py_ssize_t>(tb.size()));
      }
      return Py_BuildValue("(sN)", "ok", v.release());
    }
    case capy::Status::Exception:
      return Py_BuildValue("(ss#s#s#)", "exception", r.type_name.data(),
                           static_cast<Py_ssize_t>(r.type_name.size()), r.message.data(),
                           static_cast<Py_ssize_t>(r.message.size()), r.traceback.data(),
                           static_cast<Py_ssize_t>(r.traceback.size()));
    case capy::Status::Limit:
      return Py_BuildValue("(sss#)", "limit", capy::limit_name(r.limit), r.message.data(),
                           static_cast<Py_ssize_t>(r.message.size()));
    case capy::Status::Error:
      break;
  }
  PyErr_Format(PyExc_RuntimeError, "capy refused to run %s: %s", filename.c_str(),
               r.message.c_str());
  return nullptr;
}

PyObject* isolate_run(IsolateObject* self, PyObject* args) {
  const char* source = nullptr;
  Py_ssize_t source_len = 0;
  PyObject* inputs = nullptr;
  const char* filename = nullptr;
  if (!PyArg_ParseTuple(args, "s#O!s:run", &source, &source_len, &PyDict_Type, &inputs, &filename))
    return nullptr;
  Session* s = live_session(self);
  if (!s) return nullptr;
  {
    std::lock_guard<std::mutex> lock(s->mu);
    if (s->running) {
      PyErr_SetString(PyExc_RuntimeError, "this Sandbox is already running a program "
                      "(a Sandbox runs one program at a time)");
      return nullptr;
    }
    s->running = true;
    s->terminate_sent = false;
  }
  struct Finish {
    Session* s;
    ~Finish() {
      std::lock_guard<std::mutex> lock(s->mu);
      s->running = false;
    }
  } finish{s};
  // The object must outlive the run even if the host drops every reference
  // from a host function.
  Ref keep = Ref::borrow(reinterpret_cast<PyObject*>(self));

  std::vector<std::pair<std::string, capy::Value>> globals;
  Py_ssize_t pos = 0;
  PyObject *k, *v;
  while (PyDict_Next(inputs, &pos, &k, &v)) {
    const char* name = PyUnicode_Check(k) ? PyUnicode_AsUTF8(k) : nullptr;
    if (!name) {
      if (!PyErr_Occurred()) PyErr_SetString(PyExc_TypeError, "input names must be str");
      return nullptr;
    }
    Ref value = Ref::borrow(v);
    ToValue conv;
    capy::Value cv;
    if (!conv.convert(value.get(), cv, std::string("input '") + name + "'")) return nullptr;
    globals.emplace_back(name, std::move(cv));
  }

  std::string text(source, static_cast<size_t>(source_len));
  capy::RunOptions options;
  options.filename = filename;
  capy::Result result;
  capy::Isolate* isolate = s->isolate.get();
  Py_BEGIN_ALLOW_THREADS
  for (auto& [name, value] : globals) {
    result = isolate->set_global(name, value);
    if (!result.ok()) break;
  }
  if (result.ok()) result = isolate->run(text, options);
  // A run that ran out of memory leaves its garbage behind: collect it now,
  // so that the session's next run starts with the room the program freed.
  if ((result.status == capy::Status::Limit && result.limit == capy::Limit::Memory) ||
      (result.status == capy::Status::Exception && result.type_name == "MemoryError"))
    isolate->collect_garbage();
  Py_END_ALLOW_THREADS

  // A terminate() sent during the run may have come after its last safe
  // point. The API keeps such a request for the next run; a Sandbox
  // promises that it only ends the run in progress, so after any run that
  // was sent one, a run that does nothing but reach a safe point takes a
  // request still pending (or simply completes). The lock is never held
  // while waiting for the GIL: terminate() takes it with the GIL held.
  for (;;) {
    {
      std::lock_guard<std::mutex> lock(s->mu);
      bool sent = s->terminate_sent;
      s->terminate_sent = false;
      if (!sent) {
        s->running = false;
        break;
      }
    }
    Py_BEGIN_ALLOW_THREADS
    isolate->run("for _ in (0, 1):\n    pass\n");
    Py_END_ALLOW_THREADS
  }
  if (s->deferred.set()) {
    s->deferred.restore();
    return nullptr;
  }
  return outcome(result, options.filename);
}

PyObject* isolate_terminate(IsolateObject* self, PyObject*) {
  if (Session* s = self->session) {
    std::lock_guard<std::mutex> lock(s->mu);
    if (s->running && s->isolate) {
      s->isolate->terminate();
      s->terminate_sent = true;
    }
  }
  Py_RETURN_NONE;
}

PyObject* isolate_close(IsolateObject* self, PyObject*) {
  Session* s = self->session;
  if (!s) Py_RETURN_NONE;
  {
    std::lock_guard<std::mutex> lock(s->mu);
    if (s->running) {
      PyErr_SetString(PyExc_RuntimeError, "cannot close a Sandbox while it runs "
                      "(terminate() it first)");
      return nullptr;
    }
  }
  isolate_dealloc_session(self);
  Py_RETURN_NONE;
}

PyObject* isolate_get_running(IsolateObject* self, void*) {
  Session* s = self->session;
  if (!s) Py_RETURN_FALSE;
  std::lock_guard<std::mutex> lock(s->mu);
  return PyBool_FromLong(s->running);
}

PyObject* isolate_get_closed(IsolateObject* self, void*) {
  return PyBool_FromLong(self->session == nullptr);
}

PyObject* isolate_get_heap_bytes(IsolateObject* self, void*) {
  Session* s = live_session(self);
  if (!s) return nullptr;
  return PyLong_FromSize_t(s->isolate->heap_bytes());
}

PyMethodDef isolate_methods[] = {
    {"run", reinterpret_cast<PyCFunction>(isolate_run), METH_VARARGS,
     PyDoc_STR("run(source, inputs, filename) -> outcome tuple\n\n"
               "Sets the inputs as globals of __main__ and runs source, with the GIL "
               "released. Returns ('ok', value), ('exception', type_name, message, "
               "traceback) or ('limit', name, message).")},
    {"terminate", reinterpret_cast<PyCFunction>(isolate_terminate), METH_NOARGS,
     PyDoc_STR("terminate()\n\nEnds the run in progress (callable from any thread); "
               "does nothing when none is.")},
    {"close", reinterpret_cast<PyCFunction>(isolate_close), METH_NOARGS,
     PyDoc_STR("close()\n\nFrees the isolate now.")},
    {nullptr, nullptr, 0, nullptr},
};

PyGetSetDef isolate_getset[] = {
    {"running", reinterpret_cast<getter>(isolate_get_running), nullptr,
     PyDoc_STR("Whether a run is in progress."), nullptr},
    {"closed", reinterpret_cast<getter>(isolate_get_closed), nullptr,
     PyDoc_STR("Whether close() was called."), nullptr},
    {"heap_bytes", reinterpret_cast<getter>(isolate_get_heap_bytes), nullptr,
     PyDoc_STR("Bytes held by the isolate's heap."), nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr},
};

PyType_Slot isolate_slots[] = {
    {Py_tp_new, reinterpret_cast<void*>(isolate_new)},
    {Py_tp_dealloc, reinterpret_cast<void*>(isolate_dealloc)},
    {Py_tp_traverse, reinterpret_cast<void*>(isolate_traverse)},
    {Py_tp_clear, reinterpret_cast<void*>(isolate_clear)},
    {Py_tp_methods, isolate_methods},
    {Py_tp_getset, isolate_getset},
    {Py_tp_doc, const_cast<char*>(
         "Isolate(*, modules=None, read_dirs=None, write_dirs=None, env=None, functions=None, "
         "max_memory=None, max_time=None, max_steps=None, max_output=None, max_depth=None, "
         "output=None)\n--\n\n"
         "One capy isolate; the engine behind capy.Sandbox.")},
    {0, nullptr},
};

PyType_Spec isolate_spec = {
    "capy._capy.Isolate",
    sizeof(IsolateObject),
    0,
    Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    isolate_slots,
};

int module_exec(PyObject* module) {
  PyObject* type = PyType_FromModuleAndSpec(module, &isolate_spec, nullptr);
  if (!type) return -1;
  if (PyModule_AddObject(module, "Isolate", type) < 0) {
    Py_DECREF(type);
    return -1;
  }
  if (PyModule_AddStringConstant(module, "VERSION", capy::version()) < 0) return -1;
  return 0;
}

PyModuleDef_Slot module_slots[] = {
    {Py_mod_exec, reinterpret_cast<void*>(module_exec)},
    {0, nullptr},
};

PyModuleDef module_def = {
    PyModuleDef_HEAD_INIT,
    "capy._capy",
    PyDoc_STR("The engine of the capy package: capy isolates driven through capy's "
              "embedding API. Use the capy package, not this module."),
    0,
    nullptr,
    module_slots,
    nullptr,
    nullptr,
    nullptr,
};

}  // namespace

PyMODINIT_FUNC PyInit__capy(void) { return PyModuleDef_Init(&module_def); }
