// The module registry and the import statement's machinery: native modules
// (C++), embedded source modules, source from the host's module roots, and
// the isolate's sys.modules (the policy is described in registry.cc).
#pragma once

#include <string_view>

#include "objects/function.h"
#include "objects/misc.h"
#include "objects/object.h"

namespace capy {

/// A native module: `init` fills the fresh module's dict. Returns 0 or -1.
struct NativeModuleDef {
  const char* name;
  int (*init)(Isolate& I, Module* m);
};

/// The table of modules built into capy (immutable).
const NativeModuleDef* find_native_module(std::string_view name);
/// Python source of an embedded pure-Python module, or nullptr; sets
/// *is_package when the module is a package (its __init__).
const char* find_source_module(std::string_view name, bool* is_package = nullptr);
/// Is `name` one of capy's own modules (native or embedded source)?
bool is_capy_module(std::string_view name);
/// A native module's own `name` (a type, an exception class...) as the
/// module's init left it: what native code may trust, whatever the guest
/// later rebinds in the module or in sys.modules. null (nothing pending)
/// when the module was not imported in this isolate or has no such name.
Value native_module_state(Isolate& I, std::string_view module, std::string_view name);
/// Adds __import__ to the runtime's builtins (start-up only).
void init_import_builtins(Runtime& rt);

/// Imports `name` (absolute, dotted) and returns the module (the top-level
/// package is NOT substituted; see import_name for that).
Value import_module(Isolate& I, std::string_view name);
/// The IMPORT_NAME operation: `__import__(name, globals, None, fromlist, level)`.
Value import_name(Isolate& I, Str* name, Value fromlist, int64_t level, Dict* globals);
/// The IMPORT_FROM operation: `from module import name`.
Value import_from(Isolate& I, Value module, Str* name);
/// Adds a function to a module's dict (native module init helper). 0 or -1.
int module_add_function(Isolate& I, Module* m, const char* name, NativeFn fn, const char* doc = nullptr);
int module_add_value(Isolate& I, Module* m, const char* name, Value v);

// Native module initialisers: one src/modules/NAME_module.cc per module,
// each defining `int init_NAME_module(Isolate&, Module*)`; the table is
// generated from the file names (cmake/embed_modules.cmake).

}  // namespace capy
