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
  Type* t = isolate_type_new(I, name, name, module, basicsize, nullptr, base, flags | kTypeHeap);
  if (!t) return nullptr;
  if (dict_set_str(I, t->dict, I.rt.n___module__, Value::object(t->module)) < 0) return nullptr;
  if (dict_set_str(I, t->dict, I.rt.n___doc__, Value::none()) < 0) return nullptr;
  return t;
}

int stdlib_add_functions(Isolate& I, Module* m, Value self, std::initializer_list<MethodDef> defs) {
  for (const MethodDef& d : defs) {
    Str* n = I.intern(d.name);
    if (!n) return -1;
    Value f = builtin_function_new(I, n, d.fn, self, d.doc);
    if (f.is_error() || dict_set_str(I, m->dict, n, f) < 0) return -1;
  }
  return 0;
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
