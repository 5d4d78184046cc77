// The import system: the isolate's module table (sys.modules) and its import
// policy. Language Reference 5 "The import system", with capy's policy in
// place of sys.meta_path and sys.path (docs/security.md, "Imports"):
//
//   1. sys.modules, the isolate's own dict (a guest may add, replace or
//      delete entries; only this isolate sees them);
//   2. the host's modules (Host::has_module: the embedder defined them);
//   3. capy's modules that CPython has built in (sys, builtins, itertools,
//      time...): no source file can shadow them;
//   4. Python source beneath the module roots the host granted
//      (Grants::module_roots; the command line grants the script's
//      directory), searched along sys.path: modules `name.py`, packages
//      `name/__init__.py`, namespace packages (a directory without
//      __init__.py), read through Host::read_module_source -- source only,
//      never bytecode or native code, and nothing is ever written;
//   5. capy's own modules: native (src/modules/*_module.cc) and embedded
//      Python source (src/modules/lib). All of them are audited (pure
//      computation; their file functions go through the isolate's
//      directory grants, os.environ holds only granted variables), so all
//      of them are in the default set.
//
// Nothing else exists: subprocess, socket, ctypes, importlib's machinery,
// posix, _io, signal, resource, marshal, pickle, zipimport... raise
// ModuleNotFoundError like any unknown name, whatever the grants say. A
// module grant (Grants::modules, --allow-import) names a module that may be
// imported; it cannot create one capy does not have, so it never unlocks a
// machine-reaching module.
//
// Top-level names are searched along sys.path, submodules of a source
// package along the package's __path__; the guest may change both, and only
// entries that name a directory beneath a module root are used (the host
// resolves the rest beneath that root again), so no sys.path or __path__
// edit reaches anything outside the roots. sys.path starts as the roots.
#include "modules/registry.h"

#include <cerrno>
#include <cstring>
#include <string>
#include <vector>

#include "objects/dict.h"
#include "objects/exception.h"
#include "objects/exception_group.h"
#include "objects/function.h"
#include "objects/list.h"
#include "objects/native.h"
#include "objects/ops.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "syntax/unicode.h"
#include "vm/eval.h"
#include "vm/host_fs.h"
#include "vm/isolate.h"

namespace capy {

}  // namespace capy

#include "native_modules.inc"
#include "source_modules.inc"

namespace capy {

namespace {

// CPython 3.11's sys.builtin_module_names: no module root shadows these.
constexpr const char* kBuiltinModuleNames[] = {
    "_abc",    "_ast",         "_codecs",   "_collections", "_functools", "_imp",     "_io",
    "_locale", "_operator",    "_signal",   "_sre",         "_stat",      "_string",  "_symtable",
    "_thread", "_tracemalloc", "_warnings", "_weakref",     "atexit",     "builtins", "errno",
    "faulthandler", "gc",      "itertools", "marshal",      "posix",      "pwd",      "sys",
    "time",    "xxsubtype",
};

bool is_builtin_name(std::string_view name) {
  for (const char* n : kBuiltinModuleNames)
    if (name == n) return true;
  return false;
}

// One dotted component usable as a file name: a Python identifier.
bool is_identifier(std::string_view s) {
  if (s.empty()) return false;
  const char* p = s.data();
  const char* end = p + s.size();
  bool first = true;
  while (p < end) {
    auto c = static_cast<unsigned char>(*p);
    if (c < 0x80) {
      bool ok = c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (!first && c >= '0' && c <= '9');
      if (!ok) return false;
      ++p;
    } else {
      uint32_t cp = syntax::utf8_decode(&p);
      if (p > end || !(first ? syntax::is_xid_start(cp) : syntax::is_xid_continue(cp))) return false;
    }
    first = false;
  }
  return true;
}

std::string join_path(std::string_view root, std::string_view rel) {
  std::string out(root);
  if (rel.empty()) return out;
  if (out.empty() || out.back() != '/') out += '/';
  out += rel;
  return out;
}

// The text of the errno values a module root may report.
const char* errno_text(int err) {
  switch (err) {
    case EACCES: return "Permission denied";
    case EPERM: return "Operation not permitted";
    case EIO: return "Input/output error";
    case ELOOP: return "Too many levels of symbolic links";
    case ENAMETOOLONG: return "File name too long";
    case EMFILE: return "Too many open files";
    case ENFILE: return "Too many open files in system";
    case ENOMEM: return "Cannot allocate memory";
    case EINVAL: return "Invalid argument";
    default: return "Cannot read the module source";
  }
}

Value set_import_error_name(Isolate& I, std::string_view name, std::string_view path = {}) {
  if (I.pending) {
    BaseExc* e = I.pending;
    if (Dict* d = exc_dict(I, e)) {
      Value n = str_value(I, name);
      if (!n.is_error()) dict_set_str(I, d, I.rt.n_name, n);
      if (!path.empty()) {
        Value p = str_value(I, path);
        Str* key = I.intern("path");
        if (!p.is_error() && key) dict_set_str(I, d, key, p);
      }
    }
    I.pending = e;
  }
  return Value::error();
}

Value module_not_found(Isolate& I, std::string_view name) {
  raisef(I, I.rt.exc_ModuleNotFoundError, "No module named '%.*s'", int(name.size()), name.data());
  return set_import_error_name(I, name);
}

// `import a.b` also makes b an attribute of a.
int bind_in_parent(Isolate& I, std::string_view name, Value mod) {
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

// Registers m as sys.modules[key], runs `init`, and takes the entry out
// again if init fails (leaving the exception pending). Returns the module
// that sys.modules holds afterwards (a module may replace itself there).
template <class Init>
Value load_into(Isolate& I, std::string_view name, Value key, Module* m, Init&& init) {
  if (dict_set(I, I.modules, key, Value::object(m)) < 0) return Value::error();
  if (init() < 0) {
    BaseExc* e = I.take_pending();
    if (dict_del(I, I.modules, key) < 0) I.pending = nullptr;
    I.pending = e;
    return Value::error();
  }
  Value fresh = dict_get(I, I.modules, key);
  if (fresh.is_error()) return fresh;
  if (fresh.is_null()) {
    raisef(I, I.rt.exc_ImportError, "Loaded module %.*s not found in sys.modules", int(name.size()), name.data());
    return set_import_error_name(I, name);
  }
  if (bind_in_parent(I, name, fresh) < 0) return Value::error();
  return fresh;
}

// The module state that native code trusts: a snapshot of a native module's
// dict taken when its init finished (see native_module_state).
// Each entry is a tuple (module, snapshot of its dict).
int remember_native_state(Isolate& I, Value key, Module* m) {
  if (!I.native_state) {
    I.native_state = dict_new(I);
    if (!I.native_state) return -1;
  }
  Dict* snapshot = dict_copy(I, m->dict);
  if (!snapshot) return -1;
  Value entry = tuple_pack(I, {Value::object(m), Value::object(snapshot)});
  if (entry.is_error()) return -1;
  return dict_set(I, I.native_state, key, entry);
}

// The entry of remember_native_state for `module`, or nullptr.
Tuple* native_entry(Isolate& I, std::string_view module) {
  if (!I.native_state) return nullptr;
  Value e = dict_get_cstr(I, I.native_state, module);
  if (e.is_error()) {
    I.pending = nullptr;
    return nullptr;
  }
  return e.is_null() ? nullptr : e.as<Tuple>();
}

Value load_native(Isolate& I, std::string_view name, Value key, Str* mname, const NativeModuleDef* def) {
  Module* m = module_new(I, mname);
  if (!m) return Value::error();
  return load_into(I, name, key, m, [&]() {
    if (def->init(I, m) < 0) return -1;
    // builtins' dict is the isolate's builtins namespace: no native state.
    return name == "builtins" ? 0 : remember_native_state(I, key, m);
  });
}

Value load_embedded(Isolate& I, std::string_view name, Value key, Str* mname, const char* src, bool is_package) {
  Module* m = module_new(I, mname);
  if (!m) return Value::error();
  // A package gets __path__ (empty: its submodules are capy's own) and
  // every module its __package__, so relative imports resolve.
  if (is_package) {
    List* path = list_new(I, 0);
    if (!path || dict_set_str(I, m->dict, I.rt.n___path__, Value::object(path)) < 0) return Value::error();
  }
  size_t dot = name.rfind('.');
  std::string_view pkg = is_package ? name : name.substr(0, dot == std::string_view::npos ? 0 : dot);
  Value pv = str_value(I, pkg);
  if (pv.is_error() || dict_set_str(I, m->dict, I.rt.n___package__, pv) < 0) return Value::error();
  std::string filename = "<capy>/" + std::string(name) + ".py";
  return load_into(I, name, key, m, [&]() { return run_module_source(I, m, filename, src).is_error() ? -1 : 0; });
}

Value load_host(Isolate& I, std::string_view name, Value key, Str* mname) {
  Module* m = module_new(I, mname);
  if (!m) return Value::error();
  return load_into(I, name, key, m, [&]() { return I.host->init_module(I, name, m); });
}

// --- module roots -----------------------------------------------------------------

// A place to look for a module: a root and a directory beneath it ("" for
// the root itself; '/'-separated identifiers).
struct Location {
  std::string root;
  std::string dir;
};

// What a search of the module roots found.
struct Found {
  enum Kind { None, Module, Package, Namespace } kind = None;
  std::string root;          // the module's root
  std::string rel;           // the source file beneath it ("pkg/__init__.py"), or the namespace dir
  std::string source;
  std::vector<Location> ns;  // a namespace package: every directory of it
};

// The entries of a search path (sys.path, a package's __path__) that name
// directories beneath a module root. Anything else (a path outside the
// roots, a str with ".." or a file name such as a zip archive, a non-str) is
// skipped: both lists are the guest's to change and are never trusted
// further (the host resolves beneath the root again).
void path_locations(Isolate& I, Value path, std::vector<Location>* out) {
  if (path.is_null() || !path.is_object() || !(type_of(I, path)->flags & kTypeListSubclass)) return;
  List* l = path.as<List>();
  for (size_t i = 0; i < l->size; ++i) {
    Value e = l->items[i];
    if (type_of(I, e) != I.rt.str_type) continue;
    std::string_view entry = e.as<Str>()->view();
    for (const std::string& root : I.grants.module_roots) {
      std::string_view rest;
      if (entry == root) {
        rest = {};
      } else if (entry.size() > root.size() && entry.substr(0, root.size()) == root &&
                 (root.back() == '/' || entry[root.size()] == '/')) {
        rest = entry.substr(root.size() + (root.back() == '/' ? 0 : 1));
      } else {
        continue;
      }
      bool ok = true;
      for (size_t start = 0; ok && start <= rest.size() && !rest.empty();) {
        size_t slash = rest.find('/', start);
        std::string_view part = rest.substr(start, slash == std::string_view::npos ? std::string_view::npos : slash - start);
        ok = is_identifier(part);
        if (slash == std::string_view::npos) break;
        start = slash + 1;
      }
      if (ok) out->push_back({root, std::string(rest)});
      break;
    }
  }
}

int package_locations(Isolate& I, Value module, std::vector<Location>* out) {
  Value path = get_attr_opt(I, module, I.rt.n___path__);
  if (path.is_error()) return -1;
  path_locations(I, path, out);
  return 0;
}

// A sys.path entry outside the module roots is never searched. When such an
// entry is a directory the guest reaches through a directory grant and holds
// `last`.py or a package `last`, CPython would import that file: capy
// refuses the import with ModuleNotFoundError rather than silently loading
// something else under the same name (a guest that may write files must not
// be able to shadow a module, nor be misled into thinking it did).
// 0: nothing shadows, -1: ImportError pending.
int refuse_shadow_outside_roots(Isolate& I, std::string_view name) {
  FileSystem* fs = I.host ? I.host->files() : nullptr;
  if (!fs) return 0;
  Tuple* sys = native_entry(I, "sys");
  if (!sys) return 0;
  Value path = dict_get_cstr(I, sys->items[0].as<Module>()->dict, "path");
  if (path.is_error()) return -1;
  if (path.is_null() || !path.is_object() || !(type_of(I, path)->flags & kTypeListSubclass)) return 0;
  List* l = path.as<List>();
  for (size_t i = 0; i < l->size; ++i) {
    Value e = l->items[i];
    if (type_of(I, e) != I.rt.str_type) continue;
    std::string entry(e.as<Str>()->view());
    bool beneath = false;
    for (const std::string& root : I.grants.module_roots) {
      if (entry == root || (entry.size() > root.size() && entry.compare(0, root.size(), root) == 0 &&
                            (root.back() == '/' || entry[root.size()] == '/'))) {
        beneath = true;
        break;
      }
    }
    if (beneath) continue;
    std::string dir = entry.empty() ? "." : entry;
    std::string base = dir + "/" + std::string(name);
    FileStat st;
    std::string found;
    if (fs->stat(base + ".py", true, &st) == 0) found = base + ".py";
    else if (fs->stat(base + "/__init__.py", true, &st) == 0) found = base + "/__init__.py";
    if (found.empty()) continue;
    raisef(I, I.rt.exc_ModuleNotFoundError,
           "import of '%.*s' from '%s' refused: sys.path entry '%s' is not a module root granted by the host",
           int(name.size()), name.data(), found.c_str(), entry.c_str());
    return -1;
  }
  return 0;
}

// sys.path (the live attribute of capy's sys module, as CPython reads it)
// confined to the module roots.
int sys_path_locations(Isolate& I, std::vector<Location>* out) {
  Tuple* sys = native_entry(I, "sys");
  if (!sys) {
    for (const std::string& root : I.grants.module_roots) out->push_back({root, ""});
    return 0;
  }
  Value path = dict_get_cstr(I, sys->items[0].as<Module>()->dict, "path");
  if (path.is_error()) return -1;
  path_locations(I, path, out);
  return 0;
}

// Reads `rel` beneath `root` through the host. 1 found (source filled),
// 0 not there, -1 error pending. *is_dir tells a directory.
int read_source(Isolate& I, const std::string& root, const std::string& rel, std::string* source, bool* is_dir) {
  *is_dir = false;
  if (!I.host) return 0;
  int r = I.host->read_module_source(I, root, rel, I.limits.max_source_bytes, source);
  if (r == 0) return 1;
  int err = -r;
  if (err == EISDIR) {
    *is_dir = true;
    return 0;
  }
  if (err == ENOENT || err == ENOTDIR) return 0;
  std::string path = join_path(root, rel);
  if (err == EFBIG) {
    raisef(I, I.rt.exc_MemoryError, "source code too large: '%s' (the limit is %zu bytes)", path.c_str(),
           I.limits.max_source_bytes);
    return -1;
  }
  if (err == ELOOP) {
    raisef(I, I.rt.exc_ImportError, "cannot import '%s': module files that are symbolic links are not followed",
           path.c_str());
    return -1;
  }
  Value args[3] = {Value::small_int(err), str_value(I, errno_text(err)), str_value(I, path)};
  if (args[1].is_error() || args[2].is_error()) return -1;
  Value exc = call(I, Value::object(I.rt.exc_OSError), args, 3, nullptr);
  if (exc.is_error()) return -1;
  raise_value(I, exc);
  return -1;
}

// Looks for module `last` (one identifier) in `places`, in CPython's order
// for each place: the package `last/__init__.py`, then `last.py`; a
// directory `last` without __init__.py is a portion of a namespace package,
// used only when no place has a regular module or package.
int search(Isolate& I, const std::vector<Location>& places, std::string_view last, Found* out) {
  std::vector<Location> portions;
  for (const Location& loc : places) {
    std::string base = loc.dir.empty() ? std::string(last) : loc.dir + "/" + std::string(last);
    bool is_dir = false;
    std::string init = base + "/__init__.py";
    int r = read_source(I, loc.root, init, &out->source, &is_dir);
    if (r < 0) return -1;
    if (r > 0) {
      out->kind = Found::Package;
      out->root = loc.root;
      out->rel = init;
      return 0;
    }
    std::string file = base + ".py";
    r = read_source(I, loc.root, file, &out->source, &is_dir);
    if (r < 0) return -1;
    if (r > 0) {
      out->kind = Found::Module;
      out->root = loc.root;
      out->rel = file;
      return 0;
    }
    r = read_source(I, loc.root, base, &out->source, &is_dir);
    if (r < 0) return -1;
    if (is_dir) portions.push_back({loc.root, base});
  }
  if (!portions.empty()) {
    out->kind = Found::Namespace;
    out->ns = std::move(portions);
  }
  return 0;
}

Value load_from_root(Isolate& I, std::string_view name, Value key, Str* mname, Found& f) {
  Module* m = module_new(I, mname);
  if (!m) return Value::error();
  Dict* d = m->dict;
  size_t dot = name.rfind('.');
  bool package = f.kind != Found::Module;
  std::string_view pkg = package ? name : name.substr(0, dot == std::string_view::npos ? 0 : dot);
  Value pv = str_value(I, pkg);
  if (pv.is_error() || dict_set_str(I, d, I.rt.n___package__, pv) < 0) return Value::error();
  if (dict_set_str(I, d, I.rt.n___loader__, Value::none()) < 0 || dict_set_str(I, d, I.rt.n___spec__, Value::none()) < 0)
    return Value::error();
  if (package) {
    List* path = list_new(I, 0);
    if (!path || dict_set_str(I, d, I.rt.n___path__, Value::object(path)) < 0) return Value::error();
    if (f.kind == Found::Namespace) {
      for (const Location& loc : f.ns) {
        Value p = str_value(I, join_path(loc.root, loc.dir));
        if (p.is_error() || list_append(I, path, p) < 0) return Value::error();
      }
    } else {
      std::string dir = f.rel.substr(0, f.rel.size() - std::string_view("/__init__.py").size());
      Value p = str_value(I, join_path(f.root, dir));
      if (p.is_error() || list_append(I, path, p) < 0) return Value::error();
    }
  }
  if (f.kind == Found::Namespace) {
    // No source: an empty module whose __file__ is None, as CPython.
    if (dict_set_str(I, d, I.rt.n___name__, Value::object(mname)) < 0 ||
        dict_set_str(I, d, I.rt.n___file__, Value::none()) < 0)
      return Value::error();
    return load_into(I, name, key, m, [] { return 0; });
  }
  std::string filename = join_path(f.root, f.rel);
  Str* cached = I.intern("__cached__");
  if (!cached || dict_set_str(I, d, cached, Value::none()) < 0) return Value::error();
  std::string source = std::move(f.source);
  return load_into(I, name, key, m, [&]() { return run_module_source(I, m, filename, source).is_error() ? -1 : 0; });
}

}  // namespace

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

bool is_capy_module(std::string_view name) {
  return find_native_module(name) != nullptr || find_source_module(name) != nullptr;
}

Value native_module_state(Isolate& I, std::string_view module, std::string_view name) {
  Tuple* e = native_entry(I, module);
  if (!e) return Value::null();
  Value v = dict_get_cstr(I, e->items[1].as<Dict>(), name);
  if (v.is_error()) {
    I.pending = nullptr;
    return Value::null();
  }
  return v;
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

namespace {

// __import__(name, globals=None, locals=None, fromlist=(), level=0)
Value builtin_import(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  Value a[5];
  if (bind_args(I, "__import__", args, nargs, kw, {"name", "globals", "locals", "fromlist", "level"}, 0, 5, 1, a) < 0)
    return Value::error();
  if (!(type_of(I, a[0])->flags & kTypeStrSubclass))
    return raisef(I, I.rt.exc_TypeError, "module name must be str, not %s", type_name(I, a[0]));
  Dict* globals = (!a[1].is_null() && (type_of(I, a[1])->flags & kTypeDictSubclass)) ? a[1].as<Dict>() : nullptr;
  int64_t level = 0;
  if (!a[4].is_null() && !index_i64(I, a[4], &level)) return Value::error();
  if (level < 0) return raise(I, I.rt.exc_ValueError, "level must be >= 0");
  Str* name = I.intern(a[0].as<Str>()->view());
  if (!name) return Value::error();
  return import_name(I, name, a[3].is_null() ? Value::none() : a[3], level, globals);
}

}  // namespace

void init_import_builtins(Runtime& rt) {
  dict_set_str(rt.bootstrap(), rt.builtins, rt.n___import__, make_builtin(rt, "__import__", builtin_import));
}

namespace {

Value import_halted(Isolate& I, std::string_view name) {
  raisef(I, I.rt.exc_ModuleNotFoundError, "import of %.*s halted; None in sys.modules", int(name.size()), name.data());
  return set_import_error_name(I, name);
}

// Finds and loads `name`, which is not in sys.modules; `parent` is the
// module of its parent package (null for a top-level name).
Value import_one(Isolate& I, std::string_view name, Value parent) {
  Value key = str_value(I, name);
  if (key.is_error()) return key;
  size_t dot = name.rfind('.');
  std::vector<Location> places;
  bool in_roots = true;  // a top-level name, or a submodule of a package from the roots
  if (dot != std::string_view::npos) {
    std::string_view parent_name = name.substr(0, dot);
    Value ppath = get_attr_opt(I, parent, I.rt.n___path__);
    if (ppath.is_error()) return ppath;
    if (ppath.is_null()) {
      raisef(I, I.rt.exc_ModuleNotFoundError, "No module named '%.*s'; '%.*s' is not a package", int(name.size()),
             name.data(), int(parent_name.size()), parent_name.data());
      return set_import_error_name(I, name);
    }
    if (package_locations(I, parent, &places) < 0) return Value::error();
    in_roots = !places.empty();
  } else if (sys_path_locations(I, &places) < 0) {
    return Value::error();
  }
  Str* mname = I.intern(name);
  if (!mname) return Value::error();
  // 2. The host's modules.
  if (I.host && I.host->has_module(name)) return load_host(I, name, key, mname);
  // 3. Built-in names no file shadows.
  const NativeModuleDef* native = find_native_module(name);
  if (native && is_builtin_name(name)) return load_native(I, name, key, mname, native);
  // 4. Source beneath the module roots.
  std::string_view last = dot == std::string_view::npos ? name : name.substr(dot + 1);
  if (dot == std::string_view::npos && refuse_shadow_outside_roots(I, name) < 0) return set_import_error_name(I, name);
  if (in_roots && !places.empty() && is_identifier(last)) {
    Found f;
    if (search(I, places, last, &f) < 0) return Value::error();
    if (f.kind != Found::None) return load_from_root(I, name, key, mname, f);
    if (dot != std::string_view::npos) return module_not_found(I, name);
  }
  // 5. capy's own modules.
  if (native) return load_native(I, name, key, mname, native);
  bool is_package = false;
  if (const char* src = find_source_module(name, &is_package)) return load_embedded(I, name, key, mname, src, is_package);
  return module_not_found(I, name);
}

// No module name is this long; beyond it only sys.modules is consulted
// (so a huge computed name costs one lookup, not one per prefix).
constexpr size_t kMaxSearchedName = 64 * 1024;

}  // namespace

Value import_module(Isolate& I, std::string_view name) {
  if (name.empty()) return raise(I, I.rt.exc_ValueError, "Empty module name");
  // The end of each prefix: "a", "a.b", "a.b.c".
  std::vector<size_t> ends;
  for (size_t p = name.find('.'); p != std::string_view::npos; p = name.find('.', p + 1)) ends.push_back(p);
  ends.push_back(name.size());
  // Like CPython, which imports the parents recursively: too many levels
  // are a RecursionError.
  if (ends.size() > I.recursion_limit)
    return raise(I, I.rt.exc_RecursionError, "maximum recursion depth exceeded while importing");
  // The longest prefix already in sys.modules, then the rest parent-first
  // (import a.b.c imports a, then a.b, unless they are there).
  Value have = Value::null();
  size_t next = 0;
  size_t scan = name.size() > kMaxSearchedName ? 1 : ends.size();
  for (size_t i = ends.size(); scan-- > 0;) {
    --i;
    std::string_view prefix = name.substr(0, ends[i]);
    Value key = str_value(I, prefix);
    if (key.is_error()) return key;
    Value cached = dict_get(I, I.modules, key);
    if (cached.is_error()) return cached;
    if (cached.is_null()) continue;
    if (cached.is_none()) return import_halted(I, prefix);
    if (i + 1 == ends.size()) return cached;
    have = cached;
    next = i + 1;
    break;
  }
  if (name.size() > kMaxSearchedName) return module_not_found(I, name);
  for (size_t i = next; i < ends.size(); ++i) {
    std::string_view prefix = name.substr(0, ends[i]);
    if (i > next) {
      // A parent's module code may have imported the child already.
      Value key = str_value(I, prefix);
      if (key.is_error()) return key;
      Value cached = dict_get(I, I.modules, key);
      if (cached.is_error()) return cached;
      if (cached.is_none()) return import_halted(I, prefix);
      if (!cached.is_null()) {
        have = cached;
        continue;
      }
    }
    have = import_one(I, prefix, have);
    if (have.is_error()) return have;
  }
  return have;
}

namespace {

// importlib._bootstrap._calc___package__ and _resolve_name.
Value resolve_relative(Isolate& I, Str* name, int64_t level, Dict* globals, std::string* out) {
  Value pkg = globals ? dict_get_str(globals, I.rt.n___package__) : Value::null();
  std::string base;
  if (!pkg.is_null() && !pkg.is_none()) {
    if (!(type_of(I, pkg)->flags & kTypeStrSubclass)) return raise(I, I.rt.exc_TypeError, "package must be a string");
    base = pkg.as<Str>()->view();
  } else if (globals) {
    Value mn = dict_get_str(globals, I.rt.n___name__);
    if (mn.is_null()) return raise(I, I.rt.exc_KeyError, "'__name__' not in globals");
    if (!(type_of(I, mn)->flags & kTypeStrSubclass)) return raise(I, I.rt.exc_TypeError, "__name__ must be a string");
    base = mn.as<Str>()->view();
    if (dict_get_str(globals, I.rt.n___path__).is_null()) {
      size_t d = base.rfind('.');
      base = d == std::string::npos ? "" : base.substr(0, d);
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

// importlib._bootstrap._handle_fromlist: `from package import submodule`
// imports the submodule when the package has no such attribute yet.
Value handle_fromlist(Isolate& I, Value module, Value fromlist, bool recursive) {
  Value path = get_attr_opt(I, module, I.rt.n___path__);
  if (path.is_error()) return path;
  if (path.is_null()) return module;
  Value items = list_from_iterable(I, fromlist);
  if (items.is_error()) return items;
  List* l = items.as<List>();
  Value mn = get_attr(I, module, I.rt.n___name__);
  if (mn.is_error()) return mn;
  if (!(type_of(I, mn)->flags & kTypeStrSubclass)) return module;
  std::string modname(mn.as<Str>()->view());
  for (size_t i = 0; i < l->size; ++i) {
    Value x = l->items[i];
    if (!(type_of(I, x)->flags & kTypeStrSubclass)) {
      return raisef(I, I.rt.exc_TypeError, "Item in %s.%s must be str, not %s", modname.c_str(),
                    recursive ? "__all__" : "``from list''", type_name(I, x));
    }
    Str* s = x.as<Str>();
    if (s->view() == "*") {
      if (recursive) continue;
      Value all = get_attr_opt(I, module, I.intern("__all__"));
      if (all.is_error()) return all;
      if (!all.is_null() && handle_fromlist(I, module, all, true).is_error()) return Value::error();
      continue;
    }
    Str* attr = I.intern(s->view());
    if (!attr) return Value::error();
    Value have = get_attr_opt(I, module, attr);
    if (have.is_error()) return have;
    if (!have.is_null()) continue;
    std::string full = modname + "." + std::string(s->view());
    Value sub = import_module(I, full);
    if (sub.is_error()) {
      // A missing submodule is not an error here: `from pkg import name`
      // then reports the missing name.
      if (!pending_matches(I, I.rt.exc_ModuleNotFoundError)) return sub;
      BaseExc* e = I.take_pending();
      Dict* d = exc_dict(I, e);
      Value n = d ? dict_get_str(d, I.rt.n_name) : Value::null();
      if (n.is_null() || !(type_of(I, n)->flags & kTypeStrSubclass) || n.as<Str>()->view() != full) {
        I.pending = e;
        return Value::error();
      }
    }
  }
  return module;
}

}  // namespace

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
  if (has_fromlist) return handle_fromlist(I, mod, fromlist, false);
  if (level > 0 && name->size() == 0) return mod;
  // `import a.b.c` binds the top-level package a.
  size_t dot = full.find('.');
  if (dot == std::string::npos) return mod;
  if (level > 0) {
    // For relative imports without fromlist CPython returns the module
    // named by the text before the first dot of `name`.
    std::string_view nv = name->view();
    size_t nd = nv.find('.');
    if (nd == std::string_view::npos) return mod;
    std::string prefix = full.substr(0, full.size() - (nv.size() - nd));
    return import_module(I, prefix);
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
  raisef(I, I.rt.exc_ImportError, "cannot import name '%s' from '%s' (unknown location)", name->data,
         modname.c_str());
  return set_import_error_name(I, modname);
}

}  // namespace capy
