// Types and classes: creation of classes (type.__new__), C3 MRO, slot
// computation for heap types, slot wrappers for builtin types.
#pragma once

#include "objects/object.h"

namespace capy {

struct Dict;

/// type(name, bases, dict, **kwds) with the given metatype.
Value type_new_class(Isolate& I, Type* metatype, Str* name, Tuple* bases, Dict* ns, Tuple* kwnames,
                     const Value* kwvalues);
/// Recomputes the slot functions of a heap type from its MRO dicts
/// (after creation and whenever a dunder is assigned on the class).
void type_fixup_slots(Isolate& I, Type* t);
/// Allocates an instance of `type` (object.__new__ without the checks).
Value object_alloc(Isolate& I, Type* type);
/// A stable, non-address identity number for id() and default reprs.
uint64_t object_id(Isolate& I, Value v);
/// A read-only mappingproxy over `d`.
Value mappingproxy_new(Isolate& I, Dict* d);
/// "<module.Qualname object at 0x…>" style default repr.
Value object_default_repr(Isolate& I, Value v);

}  // namespace capy
