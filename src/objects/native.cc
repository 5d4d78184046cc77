// Helpers for native types and functions: method tables, argument binding.
#include "objects/native.h"

#include <cstring>
#include <string>

#include "objects/dict.h"
#include "objects/ops.h"
#include "objects/str.h"
#include "objects/tuple.h"

namespace capy {

void add_methods(Runtime& rt, Type* type, std::initializer_list<MethodDef> defs) {
  Isolate& B = rt.bootstrap();
  for (const MethodDef& d : defs) {
    Type* dt = (d.flags & kMethodClass) ? rt.classmethod_descriptor_type : rt.method_descriptor_type;
    auto* m = static_cast<MethodDescriptor*>(rt.heap().alloc_object(dt, sizeof(MethodDescriptor)));
    m->name = rt.intern_immortal(d.name);
    m->fn = d.fn;
    m->owner = type;
    m->flags = d.flags;
    m->doc = d.doc;
    if (!type->dict) type->dict = dict_new(B);
    dict_set_str(B, type->dict, m->name, Value::object(m));
  }
}

void add_getsets(Runtime& rt, Type* type, std::initializer_list<GetSetDef> defs) {
  Isolate& B = rt.bootstrap();
  for (const GetSetDef& d : defs) {
    auto* g = static_cast<GetSetDescriptor*>(rt.heap().alloc_object(rt.getset_descriptor_type, sizeof(GetSetDescriptor)));
    g->name = rt.intern_immortal(d.name);
    g->owner = type;
    g->get = d.get;
    g->set = d.set;
    if (!type->dict) type->dict = dict_new(B);
    dict_set_str(B, type->dict, g->name, Value::object(g));
  }
}

void add_attr(Runtime& rt, Type* type, const char* name, Value v) {
  Isolate& B = rt.bootstrap();
  if (!type->dict) type->dict = dict_new(B);
  dict_set_str(B, type->dict, rt.intern_immortal(name), v);
}

Value make_builtin(Runtime& rt, const char* name, NativeFn fn, const char* doc) {
  return builtin_function_new(rt.bootstrap(), rt.intern_immortal(name), fn, Value::null(), doc);
}

Type* make_builtin_type(Runtime& rt, Type* storage, const char* name, Type* base, uint32_t basicsize, uint32_t flags) {
  Isolate& B = rt.bootstrap();
  Type* t = storage ? storage : static_cast<Type*>(rt.heap().alloc_object(rt.type_type, sizeof(Type)));
  t->name = rt.intern_immortal(name);
  t->qualname = t->name;
  t->module = rt.n_builtins;
  t->base = base;
  t->basicsize = basicsize;
  t->flags = flags;
  if (!t->dict) t->dict = dict_new(B);
  if (rt.frozen() || base) {
    // Types made after start-up (native modules) complete themselves now.
    if (base) {
#define INHERIT(slot) if (!t->slot) t->slot = base->slot
      INHERIT(repr); INHERIT(str); INHERIT(hash); INHERIT(richcompare); INHERIT(getattr); INHERIT(setattr);
      INHERIT(trace); INHERIT(finalize); INHERIT(buffer);
#undef INHERIT
      size_t n = 1 + (base->mro ? base->mro->size() : 0);
      Tuple* mro = tuple_new(B, n);
      mro->items[0] = Value::object(t);
      for (size_t i = 1; i < n; ++i) mro->items[i] = base->mro->items[i - 1];
      t->mro = mro;
      Value bv = Value::object(base);
      t->bases = tuple_from(B, &bv, 1);
    }
  }
  return t;
}

Type* isolate_type_new(Isolate& I, const char* tp_name, const char* qualname, const char* module,
                       uint32_t basicsize, TraceFn trace, Type* base, uint32_t flags) {
  auto* t = static_cast<Type*>(I.heap.alloc_object(I.rt.type_type, sizeof(Type)));
  if (!t) {
    raise_memory(I);
    return nullptr;
  }
  Type* b = base ? base : I.rt.object_type;
  t->name = I.intern(tp_name);
  t->qualname = I.intern(qualname);
  t->module = I.intern(module);
  t->base = b;
  t->basicsize = basicsize;
  t->flags = flags | (b->flags & 0x00FFFF00u);
  t->dict = dict_new(I);
  if (!t->name || !t->qualname || !t->module || !t->dict) return nullptr;
  Value bv = Value::object(b);
  t->bases = tuple_from(I, &bv, 1);
  Tuple* mro = tuple_new(I, 1 + b->mro->size());
  if (!t->bases || !mro) return nullptr;
  mro->items[0] = Value::object(t);
  for (size_t i = 0; i < b->mro->size(); ++i) mro->items[i + 1] = b->mro->items[i];
  t->mro = mro;
  t->trace = trace;
  if (base) {
    inherit_slots(t, base);
  } else {
    t->repr = b->repr;
    t->str = b->str;
    t->hash = b->hash;
    t->richcompare = b->richcompare;
    t->getattr = b->getattr;
    t->setattr = b->setattr;
  }
  return t;
}

int add_method(Isolate& I, Type* type, const char* name, NativeFn fn, uint32_t flags, const char* doc) {
  Type* dt = (flags & kMethodClass) ? I.rt.classmethod_descriptor_type : I.rt.method_descriptor_type;
  auto* m = static_cast<MethodDescriptor*>(I.heap.alloc_object(dt, sizeof(MethodDescriptor)));
  if (!m) {
    raise_memory(I);
    return -1;
  }
  m->name = I.intern(name);
  if (!m->name) return -1;
  m->fn = fn;
  m->owner = type;
  m->flags = flags;
  m->doc = doc;
  return dict_set_str(I, type->dict, m->name, Value::object(m));
}

int add_getset(Isolate& I, Type* type, const char* name, GetterFn get, SetterFn set) {
  auto* g = static_cast<GetSetDescriptor*>(I.heap.alloc_object(I.rt.getset_descriptor_type, sizeof(GetSetDescriptor)));
  if (!g) {
    raise_memory(I);
    return -1;
  }
  g->name = I.intern(name);
  if (!g->name) return -1;
  g->owner = type;
  g->get = get;
  g->set = set;
  return dict_set_str(I, type->dict, g->name, Value::object(g));
}

int check_no_kwargs(Isolate& I, const char* fname, Tuple* kwnames) {
  if (kwnames && kwnames->size()) {
    raisef(I, I.rt.exc_TypeError, "%s() takes no keyword arguments", fname);
    return -1;
  }
  return 0;
}

int check_nargs(Isolate& I, const char* fname, size_t nargs, size_t min, size_t max) {
  if (nargs >= min && nargs <= max) return 0;
  if (min == max) {
    if (min == 0) raisef(I, I.rt.exc_TypeError, "%s() takes no arguments (%zu given)", fname, nargs);
    else if (min == 1) raisef(I, I.rt.exc_TypeError, "%s() takes exactly one argument (%zu given)", fname, nargs);
    else raisef(I, I.rt.exc_TypeError, "%s expected %zu arguments, got %zu", fname, min, nargs);
  } else if (nargs < min) {
    raisef(I, I.rt.exc_TypeError, "%s expected at least %zu argument%s, got %zu", fname, min, min == 1 ? "" : "s", nargs);
  } else {
    raisef(I, I.rt.exc_TypeError, "%s expected at most %zu argument%s, got %zu", fname, max, max == 1 ? "" : "s", nargs);
  }
  return -1;
}

int bind_args(Isolate& I, const char* fname, const Value* args, size_t nargs, Tuple* kwnames,
              std::initializer_list<const char*> names, size_t posonly, size_t kwonly_start, size_t required,
              Value* out) {
  size_t n = names.size();
  for (size_t i = 0; i < n; ++i) out[i] = Value::null();
  size_t maxpos = kwonly_start < n ? kwonly_start : n;
  if (nargs > maxpos) {
    if (maxpos == 0) raisef(I, I.rt.exc_TypeError, "%s() takes no positional arguments", fname);
    else raisef(I, I.rt.exc_TypeError, "%s() takes at most %zu positional argument%s (%zu given)", fname, maxpos,
                maxpos == 1 ? "" : "s", nargs);
    return -1;
  }
  for (size_t i = 0; i < nargs; ++i) out[i] = args[i];
  size_t nkw = kwnames ? kwnames->size() : 0;
  const char* const* nm = names.begin();
  for (size_t k = 0; k < nkw; ++k) {
    Value key = kwnames->items[k];
    std::string_view kv = key.as<Str>()->view();
    size_t idx = n;
    for (size_t i = 0; i < n; ++i)
      if (kv == nm[i]) { idx = i; break; }
    if (idx == n || idx < posonly) {
      if (idx < posonly && idx != n)
        raisef(I, I.rt.exc_TypeError, "%s() got some positional-only arguments passed as keyword arguments: '%s'",
               fname, nm[idx]);
      else
        raisef(I, I.rt.exc_TypeError, "%s() got an unexpected keyword argument '%.*s'", fname, int(kv.size()), kv.data());
      return -1;
    }
    if (!out[idx].is_null()) {
      raisef(I, I.rt.exc_TypeError, "argument for %s() given by name ('%s') and position (%zu)", fname, nm[idx], idx + 1);
      return -1;
    }
    out[idx] = args[nargs + k];
  }
  for (size_t i = 0; i < required && i < n; ++i) {
    if (out[i].is_null()) {
      if (i < kwonly_start)
        raisef(I, I.rt.exc_TypeError, "%s() missing required argument '%s' (pos %zu)", fname, nm[i], i + 1);
      else
        raisef(I, I.rt.exc_TypeError, "%s() missing required keyword-only argument '%s'", fname, nm[i]);
      return -1;
    }
  }
  return 0;
}

}  // namespace capy
