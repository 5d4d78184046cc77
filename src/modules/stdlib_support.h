// Helpers shared by the native stdlib modules io, zlib, hashlib (per-isolate
// types created at import, lookups of a module's Python-level attributes).
#pragma once

#include <initializer_list>
#include <string_view>

#include "objects/function.h"
#include "objects/native.h"
#include "objects/object.h"

namespace capy {

struct Module;

/// A type created at import time on the isolate's heap, displayed as
/// `module.name`. Slots are inherited from `base`; flags may add
/// kTypeBaseType to make it subclassable. nullptr with an exception pending.
Type* stdlib_make_type(Isolate& I, const char* name, const char* module, Type* base, uint32_t basicsize,
                       uint32_t flags);
/// Adds builtin functions bound to `self` (a module's state object, which
/// each receives as args[0]) to module m. 0 or -1.
int stdlib_add_functions(Isolate& I, Module* m, Value self, std::initializer_list<MethodDef> defs);
/// bind_args with Argument Clinic's message for unknown keywords
/// ("'x' is an invalid keyword argument for f()"), as CPython 3.11's
/// clinic-generated functions report it.
int stdlib_bind_args(Isolate& I, const char* fname, const Value* args, size_t nargs, Tuple* kwnames,
                     std::initializer_list<const char*> names, size_t posonly, size_t kwonly_start, size_t required,
                     Value* out);
/// The native module's own `name` as its init left it (native_module_state),
/// or null (no exception) when absent.
Value stdlib_module_attr(Isolate& I, std::string_view module, std::string_view name);
/// An exception class found with stdlib_module_attr, or `fallback`.
Type* stdlib_module_exc(Isolate& I, std::string_view module, std::string_view name, Type* fallback);

}  // namespace capy
