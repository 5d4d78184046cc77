// The builtins module: builtin functions (abs … vars) and the names of the
// builtin types and exceptions.
#pragma once

#include "objects/object.h"

namespace capy {

class Runtime;

/// Fills rt.builtins (runs after finish_builtin_types). The VM adds
/// __build_class__, exec, eval, compile, globals and locals
/// (init_vm_builtins); the capability layer adds open, input, etc.
void init_builtins(Runtime& rt);

/// dir(obj): the sorted list of attribute names (uses __dir__).
Value builtin_dir_of(Isolate& I, Value obj);

}  // namespace capy
