// Helpers shared by native stdlib modules (see stdlib_support.h).
#include "modules/stdlib_support.h"

#include "modules/registry.h"

#include "objects/dict.h"
#include "objects/misc.h"
#include "objects/native.h"
#include "objects/ops.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "vm/isolate.h"
#include "vm/runtime.h"

namespace capy {

Type* stdlib_make_type(Isolate& I, const char* name, const char* module, Type* base, uint32_t basicsize,
                       uint32_t flags) {
  auto* t = static_cast<Type*>(I.heap.alloc_object(I.rt.type_type, sizeof(Type)));
  if (!t) {
    raise_memory(I);
    return nullptr;
  }
  t->name = I.intern(name);
  t->qualname = t->name;
  t->module = I.intern(module);
  t->base = base;
  t->basicsize = basicsize;
  t->flags = flags | kTypeHeap | (base->flags & 0x00FFFF00u);
  t->dict = dict_new(I);
  if (!t->name || !t->module || !t->dict) return nullptr;
  Value bv = Value::object(base);
  t->bases = tuple_from(I, &bv, 1);
  if (!t->bases) return nullptr;
  size_t n = 1 + base->mro->size();
  Tuple* mro = tuple_new(I, n);
  if (!mro) return nullptr;
  mro->items[0] = Value::object(t);
  for (size_t i = 1; i < n; ++i) mro->items[i] = base->mro->items[i - 1];
  t->mro = mro;
  t->repr = base->repr; t->str = base->str; t->hash = base->hash; t->richcompare = base->richcompare;
  t->getattr = base->getattr; t->setattr = base->setattr; t->call = base->call; t->iter = base->iter;
  t->next = base->next; t->len = base->len; t->getitem = base->getitem; t->setitem = base->setitem;
  t->contains = base->contains; t->bool_ = base->bool_; t->nb_pow3 = base->nb_pow3; t->nb_neg = base->nb_neg;
  t->nb_pos = base->nb_pos; t->nb_invert = base->nb_invert; t->nb_abs = base->nb_abs; t->nb_int = base->nb_int;
  t->nb_float = base->nb_float; t->nb_index = base->nb_index; t->descr_get = base->descr_get;
  t->descr_set = base->descr_set; t->new_ = base->new_; t->init = base->init; t->trace = base->trace;
  t->finalize = base->finalize; t->buffer = base->buffer;
  for (int i = 0; i < kNbCount; ++i) {
    t->nb[i] = base->nb[i];
    t->nb_inplace[i] = base->nb_inplace[i];
  }
  if (dict_set_str(I, t->dict, I.rt.n___module__, Value::object(t->module)) < 0) return nullptr;
  if (dict_set_str(I, t->dict, I.rt.n___doc__, Value::none()) < 0) return nullptr;
  return t;
}

int stdlib_add_method(Isolate& I, Type* t, const char* name, NativeFn fn, uint32_t flags) {
  Type* dt = (flags & kMethodClass) ? I.rt.classmethod_descriptor_type : I.rt.method_descriptor_type;
  auto* m = static_cast<MethodDescriptor*>(I.heap.alloc_object(dt, sizeof(MethodDescriptor)));
  if (!m) {
    raise_memory(I);
    return -1;
  }
  m->name = I.intern(name);
  if (!m->name) return -1;
  m->fn = fn;
  m->owner = t;
  m->flags = flags;
  m->doc = nullptr;
  return dict_set_str(I, t->dict, m->name, Value::object(m));
}

int stdlib_add_getset(Isolate& I, Type* t, const char* name, GetterFn get, SetterFn set) {
  auto* g = static_cast<GetSetDescriptor*>(I.heap.alloc_object(I.rt.getset_descriptor_type, sizeof(GetSetDescriptor)));
  if (!g) {
    raise_memory(I);
    return -1;
  }
  g->name = I.intern(name);
  if (!g->name) return -1;
  g->owner = t;
  g->get = get;
  g->set = set;
  return dict_set_str(I, t->dict, g->name, Value::object(g));
}

int stdlib_bind_args(Isolate& I, const char* fname, const Value* args, size_t nargs, Tuple* kwnames,
                     std::initializer_list<const char*> names, size_t posonly, size_t kwonly_start, size_t required,
                     Value* out) {
  if (kwnames) {
    for (size_t k = 0; k < kwnames->size(); ++k) {
      std::string_view kn = kwnames->items[k].as<Str>()->view();
      bool found = false;
      size_t i = 0;
      for (const char* n : names) {
        if (i++ >= posonly && kn == n) {
          found = true;
          break;
        }
      }
      if (!found) {
        raisef(I, I.rt.exc_TypeError, "'%.*s' is an invalid keyword argument for %s()", static_cast<int>(kn.size()),
               kn.data(), fname);
        return -1;
      }
    }
  }
  size_t maxpos = kwonly_start < names.size() ? kwonly_start : names.size();
  if (nargs > maxpos) {
    if (maxpos == 0) {
      raisef(I, I.rt.exc_TypeError, "%s() takes no positional arguments", fname);
    } else {
      raisef(I, I.rt.exc_TypeError, "%s() takes %s %zu %sargument%s (%zu given)", fname,
             required >= maxpos ? "exactly" : "at most", maxpos, maxpos == names.size() ? "" : "positional ",
             maxpos == 1 ? "" : "s", nargs);
    }
    return -1;
  }
  size_t req_pos = required < posonly ? required : posonly;
  if (nargs < req_pos) {
    raisef(I, I.rt.exc_TypeError, "%s() takes %s %zu positional argument%s (%zu given)", fname,
           maxpos == req_pos ? "exactly" : "at least", req_pos, req_pos == 1 ? "" : "s", nargs);
    return -1;
  }
  return bind_args(I, fname, args, nargs, kwnames, names, posonly, kwonly_start, required, out);
}

Value stdlib_module_attr(Isolate& I, std::string_view module, std::string_view name) {
  // The module's state as its init left it, not the live module dict: the
  // guest may rebind module attributes (or sys.modules entries), and native
  // code allocates its objects with these types.
  return native_module_state(I, module, name);
}

Type* stdlib_module_exc(Isolate& I, std::string_view module, std::string_view name, Type* fallback) {
  Value v = stdlib_module_attr(I, module, name);
  if (!v.is_object() || !(type_of(I, v)->flags & kTypeTypeSubclass)) return fallback;
  Type* t = v.as<Type>();
  return (t->flags & kTypeExceptionSubclass) ? t : fallback;
}

}  // namespace capy
