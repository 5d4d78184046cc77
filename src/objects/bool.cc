// bool: a subtype of int whose only values are the immediates True and
// False. Not subclassable. & | ^ of two bools give a bool; everything else is
// int arithmetic (inherited from int).
#include "objects/ops.h"  // first: int.h needs Runtime declared

#include "objects/int.h"
#include "objects/native.h"
#include "objects/str.h"

namespace capy {

namespace {

Value bool_repr(Isolate& I, Value v) {
  return Value::object(I.intern(v.is_true() ? "True" : "False"));
}

Value bool_new(Isolate& I, Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  if (check_no_kwargs(I, "bool", kwnames) < 0) return Value::error();
  if (nargs > 1) return raisef(I, I.rt.exc_TypeError, "bool expected at most 1 argument, got %zu", nargs);
  if (nargs == 0) return Value::false_();
  int t = truthy(I, args[0]);
  if (t < 0) return Value::error();
  return Value::boolean(t);
}

template <NbOp op>
Value bool_bitop(Isolate& I, Value a, Value b) {
  if (a.is_bool() && b.is_bool()) {
    bool x = a.is_true(), y = b.is_true();
    switch (op) {
      case NbOp::And: return Value::boolean(x && y);
      case NbOp::Or: return Value::boolean(x || y);
      default: return Value::boolean(x != y);
    }
  }
  return I.rt.int_type->nb[int(op)](I, a, b);
}

}  // namespace

void init_bool_type(Runtime& rt) {
  Type* t = rt.bool_type;
  t->base = rt.int_type;
  t->basicsize = rt.int_type->basicsize;
  t->flags = (t->flags & ~uint32_t(kTypeBaseType)) | kTypeIntSubclass;
  t->repr = bool_repr;
  t->str = bool_repr;
  t->new_ = bool_new;
  t->nb[int(NbOp::And)] = bool_bitop<NbOp::And>;
  t->nb[int(NbOp::Or)] = bool_bitop<NbOp::Or>;
  t->nb[int(NbOp::Xor)] = bool_bitop<NbOp::Xor>;
}

}  // namespace capy
