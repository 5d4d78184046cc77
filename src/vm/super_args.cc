// Zero-argument super(): finds `__class__` and the first argument in the
// running function's frame, as CPython's super_init_without_args does.
#include "compiler/code_unit.h"
#include "objects/function.h"
#include "objects/ops.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "vm/interpreter.h"

namespace capy {

bool super_zero_args(Isolate& I, Value* type, Value* obj) {
  Frame* f = I.frame;
  // The running frame is the caller of super() (super is a builtin type: it
  // pushes no frame of its own).
  if (!f || !f->code || f->code->argcount == 0) {
    raise(I, I.rt.exc_RuntimeError, "super(): no arguments");
    return false;
  }
  Code* code = f->code;
  Value first = f->localsplus[0];
  if (!first.is_null() && (code->localsplus_kinds[0] & compiler::kFastCell) && first.is_object() &&
      first.as_object()->type_ == I.rt.cell_type) {
    first = first.as<Cell>()->value;
  }
  if (first.is_null()) {
    raise(I, I.rt.exc_RuntimeError, "super(): arg[0] deleted");
    return false;
  }
  Tuple* names = code->localsplus_names;
  for (uint32_t i = 0; i < code->nlocalsplus; ++i) {
    if (!(code->localsplus_kinds[i] & compiler::kFastFree)) continue;
    if (names->items[i].as<Str>()->view() != "__class__") continue;
    Value cell = f->localsplus[i];
    if (!cell.is_object() || cell.as_object()->type_ != I.rt.cell_type) break;
    Value cls = cell.as<Cell>()->value;
    if (cls.is_null()) {
      raise(I, I.rt.exc_RuntimeError, "super(): empty __class__ cell");
      return false;
    }
    if (!is_subtype(type_of(I, cls), I.rt.type_type)) {
      raisef(I, I.rt.exc_RuntimeError, "super(): __class__ is not a type (%s)", type_name(I, cls));
      return false;
    }
    *type = cls;
    *obj = first;
    return true;
  }
  raise(I, I.rt.exc_RuntimeError, "super(): __class__ cell not found");
  return false;
}

}  // namespace capy
