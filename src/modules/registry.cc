// Imports: sys.modules, native modules, embedded source modules.
// Language Reference 5 "The import system", minus everything that reaches
// the host: there is no path search, no bytecode, no native extension.
#include "modules/registry.h"

#include <cstring>
#include <string>

#include "objects/dict.h"
#include "objects/native.h"
#include "objects/exception.h"
#include "objects/function.h"
#include "objects/list.h"
#include "objects/ops.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "vm/eval.h"

namespace capy {

}  // namespace capy

#include "native_modules.inc"
#include "source_modules.inc"

namespace capy {

const NativeModuleDef* find_native_module(std::string_view name) {
  for (const NativeModuleDef& d : kNativeModules)
    if (name == d.name) return &d;
  return nullptr;
}

const char* find_source_module(std::string_view name, bool* is_package) {
  for (const SourceModuleDef* d = kSourceModules; d->name; ++d) {
    if (name == d->name) {
      if (is_package) *is_package = d->is_package;
      return d->source;
    }
  }
  return nullptr;
}

int module_add_function(Isolate& I, Module* m, const char* name, NativeFn fn, const char* doc) {
  Str* n = I.intern(name);
  if (!n) return -1;
  Value f = builtin_function_new(I, n, fn, Value::object(m), doc);
  if (f.is_error()) return -1;
  return dict_set_str(I, m->dict, n, f);
}

int module_add_value(Isolate& I, Module* m, const char* name, Value v) {
  if (v.is_error()) return -1;
  Str* n = I.intern(name);
  if (!n) return -1;
  return dict_set_str(I, m->dict, n, v);
}

static Value module_not_found(Isolate& I, std::string_view name) {
  Value r = raisef(I, I.rt.exc_ModuleNotFoundError, "No module named '%.*s'", int(name.size()), name.data());
  if (I.pending && I.pending->dict) {
    Value n = str_value(I, name);
    if (!n.is_error()) dict_set_str(I, I.pending->dict, I.rt.n_name, n);
  }
  return r;
}

// `import a.b` also makes b an attribute of a.
static int bind_in_parent(Isolate& I, std::string_view name, Value mod) {
  size_t dot = name.rfind('.');
  if (dot == std::string_view::npos) return 0;
  Value key = str_value(I, name.substr(0, dot));
  if (key.is_error()) return -1;
  Value parent = dict_get(I, I.modules, key);
  if (parent.is_error()) return -1;
  if (parent.is_null()) return 0;
  Str* attr = I.intern(name.substr(dot + 1));
  if (!attr) return -1;
  return set_attr(I, parent, attr, mod);
}

// __import__(name, globals=None, locals=None, fromlist=(), level=0)
static Value builtin_import(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  Value a[5];
  if (bind_args(I, "__import__", args, nargs, kw, {"name", "globals", "locals", "fromlist", "level"}, 0, 5, 1, a) < 0)
    return Value::error();
  if (type_of(I, a[0]) != I.rt.str_type)
    return raisef(I, I.rt.exc_TypeError, "__import__() argument 1 must be str, not %s", type_name(I, a[0]));
  Dict* globals = (!a[1].is_null() && type_of(I, a[1]) == I.rt.dict_type) ? a[1].as<Dict>() : nullptr;
  int64_t level = 0;
  if (!a[4].is_null() && !index_i64(I, a[4], &level)) return Value::error();
  if (level < 0) return raise(I, I.rt.exc_ValueError, "level must be >= 0");
  Str* name = I.intern(a[0].as<Str>()->view());
  if (!name) return Value::error();
  return import_name(I, name, a[3].is_null() ? Value::none() : a[3], level, globals);
}

void init_import_builtins(Runtime& rt) {
  dict_set_str(rt.bootstrap(), rt.builtins, rt.n___import__, make_builtin(rt, "__import__", builtin_import));
}

Value import_module(Isolate& I, std::string_view name) {
  Value key = str_value(I, name);
  if (key.is_error()) return key;
  Value cached = dict_get(I, I.modules, key);
  if (cached.is_error() || !cached.is_null()) return cached;
  // Parent packages first (import a.b imports a).
  size_t dot = name.rfind('.');
  if (dot != std::string_view::npos) {
    Value parent = import_module(I, name.substr(0, dot));
    if (parent.is_error()) return parent;
    cached = dict_get(I, I.modules, key);
    if (cached.is_error() || !cached.is_null()) return cached;
  }
  Str* mname = I.intern(name);
  if (!mname) return Value::error();
  // Host modules (defined by the embedder through the embedding API) come
  // first: the host granted them by defining them.
  if (I.host && I.host->has_module(name)) {
    Module* m = module_new(I, mname);
    if (!m) return Value::error();
    if (dict_set(I, I.modules, key, Value::object(m)) < 0) return Value::error();
    if (I.host->init_module(I, name, m) < 0) {
      BaseExc* e = I.take_pending();
      dict_del(I, I.modules, key);
      I.pending = e;
      return Value::error();
    }
    if (bind_in_parent(I, name, Value::object(m)) < 0) return Value::error();
    return Value::object(m);
  }
  if (const NativeModuleDef* def = find_native_module(name)) {
    Module* m = module_new(I, mname);
    if (!m) return Value::error();
    if (dict_set(I, I.modules, key, Value::object(m)) < 0) return Value::error();
    if (def->init(I, m) < 0) {
      BaseExc* e = I.take_pending();
      dict_del(I, I.modules, key);
      I.pending = e;
      return Value::error();
    }
    if (bind_in_parent(I, name, Value::object(m)) < 0) return Value::error();
    return Value::object(m);
  }
  bool is_package = false;
  if (const char* src = find_source_module(name, &is_package)) {
    Module* m = module_new(I, mname);
    if (!m) return Value::error();
    // A package gets __path__ (empty: its submodules are capy's own) and
    // every module its __package__, so relative imports resolve.
    if (is_package) {
      List* path = list_new(I, 0);
      if (!path || dict_set_str(I, m->dict, I.rt.n___path__, Value::object(path)) < 0) return Value::error();
    }
    std::string_view pkg = is_package ? name : name.substr(0, dot == std::string_view::npos ? 0 : dot);
    Value pv = str_value(I, pkg);
    if (pv.is_error() || dict_set_str(I, m->dict, I.rt.n___package__, pv) < 0) return Value::error();
    if (dict_set(I, I.modules, key, Value::object(m)) < 0) return Value::error();
    std::string filename = "<capy>/" + std::string(name) + ".py";
    Value r = run_module_source(I, m, filename, src);
    if (r.is_error()) {
      BaseExc* e = I.take_pending();
      dict_del(I, I.modules, key);
      I.pending = e;
      return r;
    }
    Value fresh = dict_get(I, I.modules, key);
    if (fresh.is_null()) fresh = Value::object(m);
    if (bind_in_parent(I, name, fresh) < 0) return Value::error();
    return fresh;
  }
  return module_not_found(I, name);
}

static Value resolve_relative(Isolate& I, Str* name, int64_t level, Dict* globals, std::string* out) {
  Value pkg = globals ? dict_get_str(globals, I.rt.n___package__) : Value::null();
  std::string base;
  if (!pkg.is_null() && !pkg.is_none() && type_of(I, pkg) == I.rt.str_type) {
    base = pkg.as<Str>()->view();
  } else {
    Value mn = globals ? dict_get_str(globals, I.rt.n___name__) : Value::null();
    if (!mn.is_null() && type_of(I, mn) == I.rt.str_type) {
      base = mn.as<Str>()->view();
      Value path = dict_get_str(globals, I.rt.n___path__);
      if (path.is_null()) {
        size_t d = base.rfind('.');
        base = d == std::string::npos ? "" : base.substr(0, d);
      }
    }
  }
  if (base.empty()) return raise(I, I.rt.exc_ImportError, "attempted relative import with no known parent package");
  for (int64_t i = 1; i < level; ++i) {
    size_t d = base.rfind('.');
    if (d == std::string::npos) return raise(I, I.rt.exc_ImportError, "attempted relative import beyond top-level package");
    base = base.substr(0, d);
  }
  *out = name->size() ? base + "." + std::string(name->view()) : base;
  return Value::none();
}

Value import_name(Isolate& I, Str* name, Value fromlist, int64_t level, Dict* globals) {
  std::string full(name->view());
  if (level > 0) {
    Value r = resolve_relative(I, name, level, globals, &full);
    if (r.is_error()) return r;
  } else if (full.empty()) {
    return raise(I, I.rt.exc_ValueError, "Empty module name");
  }
  Value mod = import_module(I, full);
  if (mod.is_error()) return mod;
  bool has_fromlist = !fromlist.is_null() && !fromlist.is_none();
  if (has_fromlist) {
    int t = truthy(I, fromlist);
    if (t < 0) return Value::error();
    has_fromlist = t;
  }
  if (has_fromlist || (level > 0 && name->size() == 0)) return mod;
  // `import a.b.c` binds the top-level package a.
  size_t dot = full.find('.');
  if (dot == std::string::npos || level > 0) {
    if (level > 0) {
      // For relative imports without fromlist CPython returns the module
      // named by the text before the first dot of `name`.
      std::string_view nv = name->view();
      size_t nd = nv.find('.');
      if (nd == std::string_view::npos) return mod;
      std::string prefix = full.substr(0, full.size() - (nv.size() - nd));
      return import_module(I, prefix);
    }
    return mod;
  }
  return import_module(I, full.substr(0, dot));
}

Value import_from(Isolate& I, Value module, Str* name) {
  Value r = get_attr_opt(I, module, name);
  if (r.is_error() || !r.is_null()) return r;
  // A submodule not yet bound as an attribute.
  Value mn = get_attr_opt(I, module, I.rt.n___name__);
  if (mn.is_error()) return mn;
  std::string modname = (!mn.is_null() && type_of(I, mn) == I.rt.str_type) ? std::string(mn.as<Str>()->view()) : "<unknown module name>";
  if (!mn.is_null()) {
    Value key = str_value(I, modname + "." + std::string(name->view()));
    if (key.is_error()) return key;
    Value sub = dict_get(I, I.modules, key);
    if (sub.is_error() || !sub.is_null()) return sub;
  }
  Value e = raisef(I, I.rt.exc_ImportError, "cannot import name '%s' from '%s' (unknown location)", name->data,
                   modname.c_str());
  if (I.pending && I.pending->dict) {
    Value n = str_value(I, modname);
    if (!n.is_error()) dict_set_str(I, I.pending->dict, I.rt.n_name, n);
  }
  return e;
}

}  // namespace capy
