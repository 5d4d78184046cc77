// Callables: Python functions, builtin functions, bound methods, cells and
// the descriptors that builtin types use for their methods and attributes.
#pragma once

#include "objects/object.h"

namespace capy {

struct Code;
struct Dict;
struct Str;
struct Tuple;

/// Signature of every native function. For methods args[0] is self.
/// Keyword arguments follow the positionals, named by kwnames (may be nullptr).
using NativeFn = Value (*)(Isolate& I, const Value* args, size_t nargs, Tuple* kwnames);

/// A Python function (def / lambda). Data model 3.2, "User-defined functions".
struct Function : Object {
  Code* code;
  Dict* globals;
  Dict* builtins;
  Tuple* defaults;      // nullptr: none
  Dict* kwdefaults;     // nullptr: none
  Tuple* closure;       // tuple of Cell, or nullptr
  Str* name;
  Str* qualname;
  Value doc;
  Value module;
  Dict* annotations;    // nullptr until requested or set
  Dict* dict;           // function attributes
};

/// A builtin function or a builtin method bound to self (self null: unbound
/// module-level function).
struct BuiltinFunction : Object {
  Str* name;
  NativeFn fn;
  Value self;        // bound receiver (or the module), null when none
  const char* doc;
  bool is_method;    // bound from a method descriptor: self is always passed
};

/// A bound method: a callable plus the instance it was looked up on.
struct Method : Object {
  Value func;
  Value self;
};

/// A cell for closures (free and cell variables). `value` null: empty.
struct Cell : Object {
  Value value;
};

/// Method descriptor of a builtin type (e.g. list.append). Calling it from
/// the class passes self explicitly; getting it from an instance binds it.
struct MethodDescriptor : Object {
  Str* name;
  NativeFn fn;
  Type* owner;       // the type that defines it (for the self type check)
  uint32_t flags;    // kMethodClass, kMethodStatic
  const char* doc;
};

/// Attribute descriptor of a builtin type (e.g. function.__name__).
using GetterFn = Value (*)(Isolate&, Value self);
using SetterFn = int (*)(Isolate&, Value self, Value value);  // value null: delete
struct GetSetDescriptor : Object {
  Str* name;
  Type* owner;
  GetterFn get;
  SetterFn set;      // nullptr: read-only
};

/// __slots__ member: reads/writes the Value at `offset` in the instance.
struct MemberDescriptor : Object {
  Str* name;
  Type* owner;
  uint32_t offset;
};

/// Wrapper for a type slot exposed as a dunder (e.g. int.__add__, object.__init__).
struct SlotWrapper : Object {
  Str* name;
  Type* owner;
  uint32_t slot;     // which slot (see type.cc)
  void* fn;          // the slot function of `owner`
};

/// classmethod / staticmethod objects.
struct ClassMethod : Object {
  Value func;
  Dict* dict;
};

struct Property : Object {
  Value fget, fset, fdel, doc;
  Str* name;
};

enum MethodFlags : uint32_t { kMethodClass = 1, kMethodStatic = 2 };

Value builtin_function_new(Isolate& I, Str* name, NativeFn fn, Value self, const char* doc = nullptr);
Value method_new(Isolate& I, Value func, Value self);
Cell* cell_new(Isolate& I, Value v);
void init_function_types(Runtime& rt);
/// Zero-argument super(): the __class__ cell and first argument of the
/// running function (implemented by the VM). false with an exception set
/// ("super(): no arguments", "super(): __class__ cell not found").
bool super_zero_args(Isolate& I, Value* type, Value* obj);

}  // namespace capy
