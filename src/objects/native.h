// Helpers for writing native (C++) types, functions and modules: method
// tables, argument binding and type creation at runtime start-up.
#pragma once

#include <initializer_list>
#include <string_view>

#include "objects/function.h"
#include "objects/object.h"

namespace capy {

/// One entry of a type's or module's method table.
struct MethodDef {
  const char* name;
  NativeFn fn;
  uint32_t flags = 0;       // kMethodClass / kMethodStatic
  const char* doc = nullptr;
};

struct GetSetDef {
  const char* name;
  GetterFn get;
  SetterFn set = nullptr;
};

/// Adds methods to a builtin type's dict (start-up only).
void add_methods(Runtime& rt, Type* type, std::initializer_list<MethodDef> defs);
void add_getsets(Runtime& rt, Type* type, std::initializer_list<GetSetDef> defs);
/// Sets an attribute in a builtin type's dict (start-up only).
void add_attr(Runtime& rt, Type* type, const char* name, Value v);
/// Makes an immortal builtin function (start-up only).
Value make_builtin(Runtime& rt, const char* name, NativeFn fn, const char* doc = nullptr);

/// Binds a native function's arguments to parameters, like a Python
/// signature. `names` lists every parameter in order; the first `posonly`
/// can only be passed by position, those from index `kwonly_start` on only
/// by keyword (pass names.size() for none); the first `required` parameters
/// must be present. Missing optional parameters are left Value::null() in
/// `out` (which must have names.size() slots). Raises TypeError with
/// CPython's messages ("f() takes at most 2 arguments (3 given)",
/// "f() got an unexpected keyword argument 'x'", "f() missing required
/// argument 'x' (pos 1)"). Returns 0 or -1.
int bind_args(Isolate& I, const char* fname, const Value* args, size_t nargs, Tuple* kwnames,
              std::initializer_list<const char*> names, size_t posonly, size_t kwonly_start,
              size_t required, Value* out);

/// Shorthand checks with CPython's messages. Return 0 or -1.
int check_no_kwargs(Isolate& I, const char* fname, Tuple* kwnames);
/// "f() takes exactly one argument (2 given)" / "f expected at most 2 arguments, got 3".
int check_nargs(Isolate& I, const char* fname, size_t nargs, size_t min, size_t max);

/// Creates a native type for one isolate (a native module's type, made when
/// the module is imported): its own dict, `tp_name` in CPython's
/// "module.Name" form, `flags` (kTypeBaseType: subclassable; kTypeHeap:
/// mutable like a class). Without `base` it derives from `object` and takes
/// only object's generic slots (repr, str, hash, comparison, attributes);
/// with one it inherits every slot of `base` it does not set (as
/// inherit_slots) and the base's subclass flags. nullptr with an exception
/// pending on failure.
Type* isolate_type_new(Isolate& I, const char* tp_name, const char* qualname, const char* module,
                       uint32_t basicsize, TraceFn trace, Type* base = nullptr, uint32_t flags = 0);
/// Copies into `t` every slot of `base` it does not set, and the layout
/// fields it leaves 0 (CPython's inherit_slots).
void inherit_slots(Type* t, Type* base);
/// Adds a method descriptor (flags kMethodClass / kMethodStatic) or a
/// getset descriptor to a per-isolate type's dict. 0 or -1.
int add_method(Isolate& I, Type* type, const char* name, NativeFn fn, uint32_t flags = 0, const char* doc = nullptr);
int add_getset(Isolate& I, Type* type, const char* name, GetterFn get, SetterFn set = nullptr);
/// Exposes the slots a per-isolate type defines itself (those differing
/// from its base) as slot-wrapper dunders, as builtin types have them
/// (`T.__new__`, `T.__len__`…; Python subclasses inherit the native slots
/// through them). Names already in the dict are kept. 0 or -1.
int add_slot_wrappers(Isolate& I, Type* type);

/// Creates a builtin type object (start-up only); slots default to those of `base`
/// (inherited like CPython's inherit_slots), basicsize from `basicsize`.
Type* make_builtin_type(Runtime& rt, Type* storage_or_null, const char* name, Type* base,
                        uint32_t basicsize, uint32_t flags);

}  // namespace capy
