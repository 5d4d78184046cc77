// Host functions and host objects as the guest sees them.
//
// A host function is an instance of the isolate's `host_function` type: its
// name and an index into the isolate's table of FunctionEntry (the C++
// callable stays on the host side). A host object is an instance of a type
// made for its HostClass in this isolate: it holds the C++ object's
// shared_ptr, which no guest operation can reach, and its only attributes
// are the class's declared methods. Neither type can be instantiated or
// subclassed by the guest, and neither has a __dict__.
#include <new>
#include <string>

#include "api/api_internal.h"
#include "objects/dict.h"
#include "objects/exception.h"
#include "objects/native.h"
#include "objects/ops.h"
#include "objects/str.h"
#include "objects/tuple.h"

namespace capy::api {

namespace {

struct HostFnObject : capy::Object {
  capy::Str* name;
  capy::Value self;  // the host object a method is bound to, or null
  uint32_t index;
};

struct HostObjWrapper : capy::Object {
  std::shared_ptr<void> object;  // constructed in place; destroyed by the finalizer
  ClassEntry* entry;
};

void hostfn_trace(capy::Object* o, capy::Tracer& t) {
  auto* f = static_cast<HostFnObject*>(o);
  t.visit(f->name);
  t.visit(f->self);
}

// Raises the builtin exception class called `type_name` (an Exception
// subclass), else RuntimeError.
capy::Value raise_named(capy::Isolate& I, const std::string& type_name, const std::string& message) {
  capy::Type* type = I.rt.exc_RuntimeError;
  capy::Value t = capy::dict_get_cstr(I, I.rt.builtins, type_name);
  if (t.is_error()) {
    I.pending = nullptr;
  } else if (!t.is_null() && t.is_object() && t.as_object()->type_ == I.rt.type_type &&
             capy::is_subtype(t.as<capy::Type>(), I.rt.exc_Exception)) {
    type = t.as<capy::Type>();
  }
  return capy::raise(I, type, message);
}

capy::Value hostfn_call(capy::Isolate& I, capy::Value callee, const capy::Value* args, size_t nargs,
                        capy::Tuple* kwnames) {
  IsolateState& s = *state_of(I);
  auto* f = callee.as<HostFnObject>();
  if (f->index >= s.functions.size()) return capy::raise(I, I.rt.exc_TypeError, "invalid host function");
  FunctionEntry& e = *s.functions[f->index];
  // References the host dropped since are released now, not at the end of the run.
  s.drain_released();
  std::vector<Value> hargs;
  hargs.reserve(nargs);
  for (size_t i = 0; i < nargs; ++i) {
    Value x;
    if (!to_host(s, args[i], &x)) return capy::Value::error();
    hargs.push_back(std::move(x));
  }
  Kwargs kwargs;
  size_t nkw = kwnames ? kwnames->size() : 0;
  for (size_t i = 0; i < nkw; ++i) {
    Value x;
    if (!to_host(s, args[nargs + i], &x)) return capy::Value::error();
    kwargs.emplace_back(std::string(kwnames->items[i].as<capy::Str>()->view()), std::move(x));
  }
  std::shared_ptr<void> self;
  if (!f->self.is_null()) {
    auto* w = static_cast<HostObjWrapper*>(f->self.as_object());
    if (!w->entry) return capy::raise(I, I.rt.exc_TypeError, "invalid host object");
    self = w->object;
  }
  Call call(s.owner, e.qualname, std::move(hargs), std::move(kwargs), std::move(self));
  Value result;
  bool failed = false;
  std::string etype, emsg;
  try {
    result = e.fn(call);
  } catch (const HostError& err) {
    failed = true;
    etype = err.type_name();
    emsg = err.message();
  } catch (const std::bad_alloc&) {
    failed = true;
    etype = "MemoryError";
  } catch (const std::exception& err) {
    failed = true;
    etype = "RuntimeError";
    emsg = err.what();
  } catch (...) {
    failed = true;
    etype = "RuntimeError";
    emsg = "host function " + e.qualname + "() failed";
  }
  // A limit reached inside a nested run ends the whole run.
  if (I.ended != capy::LimitKind::None) return capy::Value::error();
  I.pending = nullptr;
  if (call.raised()) return raise_named(I, call.raised_type(), call.raised_message());
  if (failed) return raise_named(I, etype, emsg);
  return to_guest(s, result);
}

capy::Value hostfn_repr(capy::Isolate& I, capy::Value self) {
  auto* f = self.as<HostFnObject>();
  if (!f->self.is_null()) {
    return capy::str_value(I, "<host method " + std::string(f->name->view()) + " of " +
                                  capy::type_name(I, f->self) + " object>");
  }
  return capy::str_value(I, "<host function " + std::string(f->name->view()) + ">");
}

capy::Value hostfn_getattr(capy::Isolate& I, capy::Value self, capy::Str* name) {
  auto* f = self.as<HostFnObject>();
  std::string_view n = name->view();
  if (n == "__name__") return capy::Value::object(f->name);
  if (n == "__qualname__") {
    IsolateState& s = *state_of(I);
    if (f->index < s.functions.size()) return capy::str_value(I, s.functions[f->index]->qualname);
  }
  return capy::generic_getattr(I, self, name);
}

capy::Value hostobj_getattr(capy::Isolate& I, capy::Value self, capy::Str* name) {
  auto* w = static_cast<HostObjWrapper*>(self.as_object());
  if (w->entry) {
    auto it = w->entry->methods.find(std::string(name->view()));
    if (it != w->entry->methods.end()) return make_host_function(*state_of(I), it->second, self);
  }
  return capy::generic_getattr(I, self, name);
}

capy::Value hostobj_repr(capy::Isolate& I, capy::Value self) {
  return capy::str_value(I, "<host " + std::string(capy::type_name(I, self)) + " object>");
}

void hostobj_finalize(capy::Isolate& I, capy::Object* o) {
  auto* w = static_cast<HostObjWrapper*>(o);
  if (w->entry) {
    IsolateState* s = state_of(I);
    auto key = std::make_pair(static_cast<const void*>(w->object.get()), w->entry->cls.get());
    auto it = s->wrappers.find(key);
    if (it != s->wrappers.end() && it->second == o) s->wrappers.erase(it);
    w->object.~shared_ptr();
    w->entry = nullptr;
  }
}

// Common set-up of the two kinds of types: immutable, not instantiable from
// the guest (object.__new__ refuses types whose constructor is object's),
// no instance __dict__.
capy::Type* new_type(IsolateState& s, const char* tp_name, const char* qualname, uint32_t basicsize,
                     capy::TraceFn trace) {
  capy::Isolate& I = *s.iso;
  capy::Type* t = capy::isolate_type_new(I, tp_name, qualname, "host", basicsize, trace);
  if (!t) return nullptr;
  t->new_ = I.rt.object_type->new_;
  s.add_root(capy::Value::object(t));
  return t;
}

}  // namespace

uint32_t add_function(IsolateState& s, std::string name, std::string qualname, HostFunction fn) {
  auto e = std::make_unique<FunctionEntry>();
  e->name = std::move(name);
  e->qualname = std::move(qualname);
  e->fn = std::move(fn);
  s.functions.push_back(std::move(e));
  return static_cast<uint32_t>(s.functions.size() - 1);
}

capy::Value make_host_function(IsolateState& s, uint32_t index, capy::Value self) {
  capy::Isolate& I = *s.iso;
  if (!s.function_type) {
    s.function_type = new_type(s, "host_function", "host_function", sizeof(HostFnObject), hostfn_trace);
    if (!s.function_type) return capy::Value::error();
    s.function_type->call = hostfn_call;
    s.function_type->repr = hostfn_repr;
    s.function_type->getattr = hostfn_getattr;
  }
  capy::Str* name = I.intern(s.functions[index]->name);
  if (!name) return capy::Value::error();
  auto* f = static_cast<HostFnObject*>(I.heap.alloc_object(s.function_type, sizeof(HostFnObject)));
  if (!f) return capy::raise_memory(I);
  f->name = name;
  f->self = self;
  f->index = index;
  return capy::Value::object(f);
}

capy::Value wrap_host_object(IsolateState& s, const HostObjectData& d) {
  capy::Isolate& I = *s.iso;
  auto key = std::make_pair(static_cast<const void*>(d.object.get()), d.cls.get());
  auto found = s.wrappers.find(key);
  if (found != s.wrappers.end()) return capy::Value::object(found->second);
  ClassEntry& entry = s.classes[d.cls.get()];
  if (!entry.type) {
    const std::string& cname = d.cls->name();
    capy::Type* t = new_type(s, cname.c_str(), cname.c_str(), sizeof(HostObjWrapper), nullptr);
    if (!t) {
      s.classes.erase(d.cls.get());
      return capy::Value::error();
    }
    t->getattr = hostobj_getattr;
    t->repr = hostobj_repr;
    t->finalize = hostobj_finalize;
    entry.cls = d.cls;
    entry.type = t;
    for (const auto& [mname, fn] : d.cls->methods()) {
      if (mname.size() >= 2 && mname[0] == '_' && mname[1] == '_') continue;  // no special methods
      entry.methods[mname] = add_function(s, mname, cname + "." + mname, fn);
    }
  }
  auto* w = static_cast<HostObjWrapper*>(I.heap.alloc_object(entry.type, sizeof(HostObjWrapper)));
  if (!w) return capy::raise_memory(I);
  new (&w->object) std::shared_ptr<void>(d.object);
  w->entry = &entry;
  s.wrappers[key] = w;
  return capy::Value::object(w);
}

const HostObjectData* unwrap_host_object(IsolateState& s, capy::Value v, Value* out) {
  capy::Type* t = v.as_object()->type_;
  if (t->finalize != hostobj_finalize) return nullptr;
  auto* w = static_cast<HostObjWrapper*>(v.as_object());
  if (!w->entry) return nullptr;
  *out = Value::host_object(w->object, w->entry->cls);
  return host_object_data(*out);
}

}  // namespace capy::api
