// Isolate: construction, interning, raising, roots.
#include "vm/isolate.h"

#include <cstdio>
#include <string>

#include "objects/dict.h"
#include "objects/exception.h"
#include "objects/ops.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "vm/interpreter.h"

namespace capy {

Isolate::Isolate(Runtime& runtime, Host* h, const Limits& lim, bool immortal_heap)
    : rt(runtime), host(h), limits(lim), heap(immortal_heap ? runtime.heap() : own_heap_) {
  recursion_limit = limits.max_call_depth;
  if (!immortal_heap) {
    heap.set_limit(limits.max_heap_bytes);
#ifdef CAPY_GC_STRESS
    heap.set_stress(true);
#endif
    // The builtins module is per isolate: a guest may rebind its names
    // without affecting any other isolate. Entries are immortal objects.
    builtins = dict_copy(*this, rt.builtins);
    modules = dict_new(*this);
  }
}

Isolate::~Isolate() {
  if (&heap == &own_heap_) {
    // Run every finalizer (GMP limbs, side buffers) before the heap frees memory.
    for (Object* o = heap.all_objects(); o; o = o->gc_next_) {
      Type* t = o->type_;
      if (t->finalize && !(o->gc_bits_ & kGcFinalized)) {
        o->gc_bits_ |= kGcFinalized;
        t->finalize(*this, o);
      }
    }
  }
}

Value Isolate::end_run(LimitKind kind) {
  if (ended == LimitKind::None) ended = kind;
  pending = nullptr;
  return Value::error();
}

Str* Isolate::intern(std::string_view text) {
  if (Str* s = rt.find_interned(text)) return s;
  auto it = interned_.find(std::string(text));
  if (it != interned_.end()) return it->second;
  Str* s = str_new(*this, text);
  if (!s) return nullptr;
  s->interned = 1;
  str_hash(s);
  interned_.emplace(std::string(text), s);
  return s;
}

void Isolate::trace_roots(Tracer& t) {
  t.visit(reinterpret_cast<Object*>(builtins));
  t.visit(reinterpret_cast<Object*>(modules));
  t.visit(reinterpret_cast<Object*>(main_globals));
  t.visit(reinterpret_cast<Object*>(pending));
  t.visit(reinterpret_cast<Object*>(handled));
  for (Value v : extra_roots) t.visit(v);
  for (auto& [k, s] : interned_) t.visit(reinterpret_cast<Object*>(s));
  trace_frames(*this, t);
}

SourceRegistry& source_registry(Isolate& I) { return I.sources; }

// --- raising -----------------------------------------------------------------

Value raise(Isolate& I, Type* type, std::string_view msg) {
  Value m = str_value(I, msg);
  if (m.is_error()) return m;
  Tuple* args = tuple_from(I, &m, 1);
  if (!args) return Value::error();
  BaseExc* e = exception_new(I, type, args);
  if (!e) return Value::error();
  I.pending = e;
  return Value::error();
}

Value raisef(Isolate& I, Type* type, const char* fmt, ...) {
  char buf[512];
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  if (n < 0) n = 0;
  if (static_cast<size_t>(n) >= sizeof buf) {
    std::string big(static_cast<size_t>(n) + 1, '\0');
    va_start(ap, fmt);
    vsnprintf(big.data(), big.size(), fmt, ap);
    va_end(ap);
    big.resize(static_cast<size_t>(n));
    return raise(I, type, big);
  }
  return raise(I, type, std::string_view(buf, static_cast<size_t>(n)));
}

Value raise_value(Isolate& I, Value exc) {
  Type* t = type_of(I, exc);
  if (is_subtype(t, I.rt.type_type) && is_subtype(exc.as<Type>(), I.rt.exc_BaseException)) {
    Value inst = call(I, exc, nullptr, 0, nullptr);
    if (inst.is_error()) return inst;
    if (!is_subtype(type_of(I, inst), I.rt.exc_BaseException)) {
      return raisef(I, I.rt.exc_TypeError,
                    "calling %s should have returned an instance of BaseException, not %s",
                    type_name(exc.as<Type>()), type_name(I, inst));
    }
    I.pending = inst.as<BaseExc>();
    return Value::error();
  }
  if (!is_subtype(t, I.rt.exc_BaseException)) {
    return raise(I, I.rt.exc_TypeError, "exceptions must derive from BaseException");
  }
  I.pending = exc.as<BaseExc>();
  return Value::error();
}

Value raise_memory(Isolate& I) {
  // Allocating the MemoryError itself may fail; then the run ends with the
  // memory limit instead.
  BaseExc* e = exception_new(I, I.rt.exc_MemoryError, I.rt.empty_tuple);
  if (!e) return I.end_run(LimitKind::Memory);
  I.pending = e;
  return Value::error();
}

bool pending_matches(Isolate& I, Type* type) {
  return I.pending && is_subtype(I.pending->type_, type);
}

}  // namespace capy
  t.visit(reinterpret_cast<Object*>(native_state));
