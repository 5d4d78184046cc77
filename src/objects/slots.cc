// Slots ⇄ dunders. Two directions:
//  * builtin types: every slot a type defines is exposed in its dict as a
//    SlotWrapper (int.__add__, object.__init__, list.__getitem__…);
//  * classes: a slot is the builtin base's function when the dunder found
//    along the MRO is that base's SlotWrapper, and otherwise a trampoline
//    that calls the dunder (CPython's slot_* functions in typeobject.c).
#include <cstring>
#include <vector>

#include "objects/dict.h"
#include "objects/function.h"
#include "objects/int.h"
#include "objects/native.h"
#include "objects/ops.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "objects/type_init.h"

namespace capy {

namespace {

enum class SK : uint8_t {
  Repr, Str, Hash, Call, Iter, Next, Len, GetItem, SetItem, DelItem, Contains, Bool,
  GetAttribute, SetAttr, DelAttr, Get, Set, Delete, Init, New,
  Lt, Le, Eq, Ne, Gt, Ge,
  Neg, Pos, Invert, Abs, Int, Float, Index,
  Nb,      // + op
  RNb,     // + op
  INb,     // + op
};

struct SlotName { const char* name; SK kind; int op; };

constexpr const char* kNbNames[kNbCount][3] = {
    {"__add__", "__radd__", "__iadd__"},       {"__and__", "__rand__", "__iand__"},
    {"__floordiv__", "__rfloordiv__", "__ifloordiv__"}, {"__lshift__", "__rlshift__", "__ilshift__"},
    {"__matmul__", "__rmatmul__", "__imatmul__"}, {"__mul__", "__rmul__", "__imul__"},
    {"__mod__", "__rmod__", "__imod__"},       {"__or__", "__ror__", "__ior__"},
    {"__pow__", "__rpow__", "__ipow__"},       {"__rshift__", "__rrshift__", "__irshift__"},
    {"__sub__", "__rsub__", "__isub__"},       {"__truediv__", "__rtruediv__", "__itruediv__"},
    {"__xor__", "__rxor__", "__ixor__"},
};
constexpr const char* kCmpNames[6] = {"__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"};


// Calls the dunder `name` found on type(self) with self prepended.
// Returns null (no exception) when the type has no such attribute.
Value call_dunder(Isolate& I, Value self, Str* name, const Value* args, size_t nargs, Tuple* kw = nullptr) {
  Type* t = type_of(I, self);
  Value f = type_lookup(t, name);
  if (f.is_null()) return f;
  Type* ft = type_of(I, f);
  if (ft == I.rt.function_type) return call_with_self(I, f, self, args, nargs, kw);  // no bound method
  if (ft->descr_get) {
    f = ft->descr_get(I, f, self, Value::object(t));
    if (f.is_error()) return f;
  }
  return call(I, f, args, nargs, kw);
}

Value call_dunder0(Isolate& I, Value self, Str* name) { return call_dunder(I, self, name, nullptr, 0); }
Value call_dunder1(Isolate& I, Value self, Str* name, Value a) { return call_dunder(I, self, name, &a, 1); }


// --- trampolines ------------------------------------------------------------------

Value t_repr(Isolate& I, Value self) {
  Value r = call_dunder0(I, self, I.rt.n___repr__);
  return r.is_null() ? object_default_repr(I, self) : r;
}
Value t_str(Isolate& I, Value self) {
  Value r = call_dunder0(I, self, I.rt.n___str__);
  return r.is_null() ? repr(I, self) : r;
}
int64_t t_hash(Isolate& I, Value self) {
  Value r = call_dunder0(I, self, I.rt.n___hash__);
  if (r.is_error()) return -1;
  if (r.is_null()) { raisef(I, I.rt.exc_TypeError, "unhashable type: '%s'", type_name(I, self)); return -1; }
  if (!is_int(I, r)) {
    raise(I, I.rt.exc_TypeError, "__hash__ method should return an integer");
    return -1;
  }
  // CPython uses the returned int as is when it fits a Py_hash_t, else its hash.
  Value iv = int_unwrap(I, r);
  int64_t h;
  if (!int_to_i64(iv, &h)) h = int_hash(iv);
  return h == -1 ? -2 : h;
}
Value t_call(Isolate& I, Value self, const Value* args, size_t nargs, Tuple* kw) {
  Value r = call_dunder(I, self, I.rt.n___call__, args, nargs, kw);
  if (r.is_null()) return raisef(I, I.rt.exc_TypeError, "'%s' object is not callable", type_name(I, self));
  return r;
}
Value t_iter(Isolate& I, Value self) {
  Value r = call_dunder0(I, self, I.rt.n___iter__);
  if (r.is_null()) return raisef(I, I.rt.exc_TypeError, "'%s' object is not iterable", type_name(I, self));
  return r;
}
Value t_next(Isolate& I, Value self) {
  Value r = call_dunder0(I, self, I.rt.n___next__);
  if (r.is_null()) return raisef(I, I.rt.exc_TypeError, "'%s' object is not an iterator", type_name(I, self));
  return r;
}
int64_t len_result(Isolate& I, Value r) {
  if (r.is_error()) return -1;
  r = index(I, r);
  if (r.is_error()) return -1;
  int64_t n;
  if (!int_to_i64(int_unwrap(I, r), &n)) {
    raise(I, I.rt.exc_OverflowError, "cannot fit 'int' into an index-sized integer");
    return -1;
  }
  if (n < 0) { raise(I, I.rt.exc_ValueError, "__len__() should return >= 0"); return -1; }
  return n;
}
int64_t t_len(Isolate& I, Value self) {
  Value r = call_dunder0(I, self, I.rt.n___len__);
  if (r.is_null()) { raisef(I, I.rt.exc_TypeError, "object of type '%s' has no len()", type_name(I, self)); return -1; }
  return len_result(I, r);
}
Value t_getitem(Isolate& I, Value self, Value key) {
  Value r = call_dunder1(I, self, I.rt.n___getitem__, key);
  if (r.is_null()) return raisef(I, I.rt.exc_TypeError, "'%s' object is not subscriptable", type_name(I, self));
  return r;
}
int t_setitem(Isolate& I, Value self, Value key, Value value) {
  Value r;
  if (value.is_null()) {
    r = call_dunder1(I, self, I.rt.n___delitem__, key);
    if (r.is_null()) { raisef(I, I.rt.exc_TypeError, "'%s' object does not support item deletion", type_name(I, self)); return -1; }
  } else {
    Value args[2] = {key, value};
    r = call_dunder(I, self, I.rt.n___setitem__, args, 2);
    if (r.is_null()) { raisef(I, I.rt.exc_TypeError, "'%s' object does not support item assignment", type_name(I, self)); return -1; }
  }
  return r.is_error() ? -1 : 0;
}
int t_contains(Isolate& I, Value self, Value item) {
  Value r = call_dunder1(I, self, I.rt.n___contains__, item);
  if (r.is_error()) return -1;
  if (r.is_null()) {
    // No __contains__ on this class: iterate (Language Reference 6.10.2).
    Value it = get_iter(I, self);
    if (it.is_error()) return -1;
    for (;;) {
      Value x = iter_next(I, it);
      if (x.is_error()) return -1;
      if (x.is_null()) return 0;
      int e = eq(I, x, item);
      if (e != 0) return e;
    }
  }
  return truthy(I, r);
}
int t_bool(Isolate& I, Value self) {
  Value r = call_dunder0(I, self, I.rt.n___bool__);
  if (r.is_error()) return -1;
  if (!r.is_null()) {
    if (!r.is_bool()) {
      raisef(I, I.rt.exc_TypeError, "__bool__ should return bool, returned %s", type_name(I, r));
      return -1;
    }
    return r.as_bool();
  }
  r = call_dunder0(I, self, I.rt.n___len__);
  if (r.is_null()) return 1;
  int64_t n = len_result(I, r);
  return n < 0 ? -1 : n > 0;
}
Value t_getattr(Isolate& I, Value self, Str* name) {
  Type* t = type_of(I, self);
  Value ga = type_lookup(t, I.rt.n___getattribute__);
  Value r;
  bool generic = type_of(I, ga) == I.rt.wrapper_descriptor_type;
  if (generic) {
    auto fn = reinterpret_cast<GetAttrFn>(ga.as<SlotWrapper>()->fn);
    r = fn(I, self, name);
  } else {
    Value n = Value::object(name);
    r = call_dunder(I, self, I.rt.n___getattribute__, &n, 1);
  }
  if (r.is_error() && !pending_matches(I, I.rt.exc_AttributeError)) return r;
  if (r.is_error() || r.is_null()) {
    Value g = type_lookup(t, I.rt.n___getattr__);
    if (g.is_null()) return r;
    I.pending = nullptr;
    Value n = Value::object(name);
    return call_dunder(I, self, I.rt.n___getattr__, &n, 1);
  }
  return r;
}
int t_setattr(Isolate& I, Value self, Str* name, Value value) {
  Type* t = type_of(I, self);
  Str* dn = value.is_null() ? I.rt.n___delattr__ : I.rt.n___setattr__;
  Value f = type_lookup(t, dn);
  if (type_of(I, f) == I.rt.wrapper_descriptor_type) {
    auto fn = reinterpret_cast<SetAttrFn>(f.as<SlotWrapper>()->fn);
    return fn(I, self, name, value);
  }
  Value args[2] = {Value::object(name), value};
  Value r = call_dunder(I, self, dn, args, value.is_null() ? 1 : 2);
  return r.is_error() ? -1 : 0;
}
Value t_descr_get(Isolate& I, Value descr, Value obj, Value type) {
  Value args[2] = {obj.is_null() ? Value::none() : obj, type.is_null() ? Value::object(type_of(I, obj)) : type};
  return call_dunder(I, descr, I.rt.n___get__, args, 2);
}
int t_descr_set(Isolate& I, Value descr, Value obj, Value value) {
  Value r;
  if (value.is_null()) {
    r = call_dunder(I, descr, I.rt.n___delete__, &obj, 1);
    if (r.is_null()) { raise(I, I.rt.exc_AttributeError, "__delete__"); return -1; }
  } else {
    Value args[2] = {obj, value};
    r = call_dunder(I, descr, I.rt.n___set__, args, 2);
    if (r.is_null()) { raise(I, I.rt.exc_AttributeError, "__set__"); return -1; }
  }
  return r.is_error() ? -1 : 0;
}
int t_init(Isolate& I, Value self, const Value* args, size_t nargs, Tuple* kw) {
  Value r = call_dunder(I, self, I.rt.n___init__, args, nargs, kw);
  if (r.is_error()) return -1;
  if (!r.is_null() && !r.is_none()) {
    raisef(I, I.rt.exc_TypeError, "__init__() should return None, not '%s'", type_name(I, r));
    return -1;
  }
  return 0;
}
Value t_new(Isolate& I, Type* type, const Value* args, size_t nargs, Tuple* kw) {
  Value f = type_lookup(type, I.rt.n___new__);
  if (f.is_null()) return raisef(I, I.rt.exc_TypeError, "cannot create '%s' instances", type_name(type));
  Type* ft = type_of(I, f);
  if (ft->descr_get) {
    f = ft->descr_get(I, f, Value::null(), Value::object(type));
    if (f.is_error()) return f;
  }
  return call_with_self(I, f, Value::object(type), args, nargs, kw);
}
Value t_richcompare(Isolate& I, Value a, Value b, CompareOp op) {
  Value r = call_dunder1(I, a, I.rt.n_cmp[int(op)], b);
  return r.is_null() ? Value::not_implemented() : r;
}
template <int Which>
Value t_unary(Isolate& I, Value self) {
  static constexpr const char* names[] = {"__neg__", "__pos__", "__invert__", "__abs__", "__int__", "__float__", "__index__"};
  Str* const dunders[] = {I.rt.n___neg__, I.rt.n___pos__, I.rt.n___invert__, I.rt.n___abs__,
                          I.rt.n___int__, I.rt.n___float__, I.rt.n___index__};
  Value r = call_dunder0(I, self, dunders[Which]);
  if (r.is_null()) return raisef(I, I.rt.exc_TypeError, "bad operand type for %s: '%s'", names[Which], type_name(I, self));
  return r;
}


// SLOT1BINFULL of CPython's typeobject.c.
template <int Op>
Value t_nb(Isolate& I, Value a, Value b) {
  Type* ta = type_of(I, a);
  Type* tb = type_of(I, b);
  Str* name = I.rt.n_nb[Op][0];
  Str* rname = I.rt.n_nb[Op][1];
  bool do_other = ta != tb && tb->nb[Op] == &t_nb<Op>;
  if (ta->nb[Op] == &t_nb<Op>) {
    if (do_other && is_subtype(tb, ta)) {
      Value rb = type_lookup(tb, rname);
      Value ra = type_lookup(ta, rname);
      if (!rb.is_null() && !rb.is(ra)) {
        Value r = call_dunder(I, b, rname, &a, 1);
        if (r.is_error() || (!r.is_null() && !r.is_not_implemented())) return r;
        do_other = false;
      }
    }
    Value r = call_dunder(I, a, name, &b, 1);
    if (r.is_error() || (!r.is_null() && !r.is_not_implemented())) return r;
  }
  if (do_other) {
    Value r = call_dunder(I, b, rname, &a, 1);
    if (r.is_null()) return Value::not_implemented();
    return r;
  }
  return Value::not_implemented();
}
template <int Op>
Value t_inb(Isolate& I, Value a, Value b) {
  Value r = call_dunder(I, a, I.rt.n_nb[Op][2], &b, 1);
  return r.is_null() ? Value::not_implemented() : r;
}
Value t_pow3(Isolate& I, Value a, Value b, Value c) {
  Value args[2] = {b, c};
  Value r = call_dunder(I, a, I.rt.n_nb[int(NbOp::Pow)][0], args, 2);
  return r.is_null() ? Value::not_implemented() : r;
}

constexpr BinaryFn kNbT[kNbCount] = {&t_nb<0>, &t_nb<1>, &t_nb<2>, &t_nb<3>, &t_nb<4>, &t_nb<5>, &t_nb<6>,
                                     &t_nb<7>, &t_nb<8>, &t_nb<9>, &t_nb<10>, &t_nb<11>, &t_nb<12>};
constexpr BinaryFn kINbT[kNbCount] = {&t_inb<0>, &t_inb<1>, &t_inb<2>, &t_inb<3>, &t_inb<4>, &t_inb<5>, &t_inb<6>,
                                      &t_inb<7>, &t_inb<8>, &t_inb<9>, &t_inb<10>, &t_inb<11>, &t_inb<12>};

// --- slot wrappers (builtin slots as dunders) ------------------------------------------


Value wrapper_call(Isolate& I, Value callee, const Value* args, size_t nargs, Tuple* kw) {
  auto* w = callee.as<SlotWrapper>();
  SK kind = static_cast<SK>(w->slot & 0xFF);
  int op = static_cast<int>(w->slot >> 8);
  const char* nm = w->name->data;
  if (nargs < 1) {
    if (kind == SK::New) return raisef(I, I.rt.exc_TypeError, "%s.__new__(): not enough arguments", type_name(w->owner));
    return raisef(I, I.rt.exc_TypeError, "descriptor '%s' of '%s' object needs an argument", nm, type_name(w->owner));
  }
  Value self = args[0];
  if (kind == SK::New) {
    if (!is_subtype(type_of(I, self), I.rt.type_type))
      return raisef(I, I.rt.exc_TypeError, "%s.__new__(X): X is not a type object (%s)", type_name(w->owner), type_name(I, self));
    Type* t = self.as<Type>();
    if (!is_subtype(t, w->owner))
      return raisef(I, I.rt.exc_TypeError, "%s.__new__(%s): %s is not a subtype of %s", type_name(w->owner),
                    type_name(t), type_name(t), type_name(w->owner));
    return reinterpret_cast<NewFn>(w->fn)(I, t, args + 1, nargs - 1, kw);
  }
  if (!is_subtype(type_of(I, self), w->owner))
    return raisef(I, I.rt.exc_TypeError, "descriptor '%s' requires a '%s' object but received a '%s'", nm,
                  type_name(w->owner), type_name(I, self));
  if (kind == SK::Call) return reinterpret_cast<CallFn>(w->fn)(I, self, args + 1, nargs - 1, kw);
  if (kind == SK::Init) {
    int r = reinterpret_cast<InitFn>(w->fn)(I, self, args + 1, nargs - 1, kw);
    return r < 0 ? Value::error() : Value::none();
  }
  if (kw && kw->size()) return raisef(I, I.rt.exc_TypeError, "%s() takes no keyword arguments", nm);
  auto need = [&](size_t n) -> bool {
    if (nargs - 1 == n) return true;
    raisef(I, I.rt.exc_TypeError, "expected %zu argument%s, got %zu", n, n == 1 ? "" : "s", nargs - 1);
    return false;
  };
  switch (kind) {
    case SK::Repr: case SK::Str: case SK::Iter: case SK::Next:
    case SK::Neg: case SK::Pos: case SK::Invert: case SK::Abs: case SK::Int: case SK::Float: case SK::Index: {
      if (!need(0)) return Value::error();
      Value r = reinterpret_cast<UnaryFn>(w->fn)(I, self);
      if (kind == SK::Next && r.is_null()) return raise_value(I, Value::object(I.rt.exc_StopIteration));
      return r;
    }
    case SK::Hash: {
      if (!need(0)) return Value::error();
      int64_t h = reinterpret_cast<HashFn>(w->fn)(I, self);
      return h == -1 ? Value::error() : int_from_i64(I, h);
    }
    case SK::Len: {
      if (!need(0)) return Value::error();
      int64_t n = reinterpret_cast<LenFn>(w->fn)(I, self);
      return n < 0 ? Value::error() : int_from_i64(I, n);
    }
    case SK::Bool: {
      if (!need(0)) return Value::error();
      int b = reinterpret_cast<BoolFn>(w->fn)(I, self);
      return b < 0 ? Value::error() : Value::boolean(b);
    }
    case SK::GetItem:
      if (!need(1)) return Value::error();
      return reinterpret_cast<GetItemFn>(w->fn)(I, self, args[1]);
    case SK::SetItem:
      if (!need(2)) return Value::error();
      return reinterpret_cast<SetItemFn>(w->fn)(I, self, args[1], args[2]) < 0 ? Value::error() : Value::none();
    case SK::DelItem:
      if (!need(1)) return Value::error();
      return reinterpret_cast<SetItemFn>(w->fn)(I, self, args[1], Value::null()) < 0 ? Value::error() : Value::none();
    case SK::Contains: {
      if (!need(1)) return Value::error();
      int r = reinterpret_cast<ContainsFn>(w->fn)(I, self, args[1]);
      return r < 0 ? Value::error() : Value::boolean(r);
    }
    case SK::GetAttribute: {
      if (!need(1)) return Value::error();
      if (!is_subtype(type_of(I, args[1]), I.rt.str_type))
        return raisef(I, I.rt.exc_TypeError, "attribute name must be string, not '%s'", type_name(I, args[1]));
      Str* name = I.intern(args[1].as<Str>()->view());
      Value r = reinterpret_cast<GetAttrFn>(w->fn)(I, self, name);
      if (r.is_null()) {
        return raisef(I, I.rt.exc_AttributeError, "'%s' object has no attribute '%s'", type_name(I, self), name->data);
      }
      return r;
    }
    case SK::SetAttr: case SK::DelAttr: {
      if (!need(kind == SK::SetAttr ? 2 : 1)) return Value::error();
      if (!is_subtype(type_of(I, args[1]), I.rt.str_type))
        return raisef(I, I.rt.exc_TypeError, "attribute name must be string, not '%s'", type_name(I, args[1]));
      Str* name = I.intern(args[1].as<Str>()->view());
      int r = reinterpret_cast<SetAttrFn>(w->fn)(I, self, name, kind == SK::SetAttr ? args[2] : Value::null());
      return r < 0 ? Value::error() : Value::none();
    }
    case SK::Get: {
      if (nargs < 2 || nargs > 3) return raise(I, I.rt.exc_TypeError, "__get__(None, None) is invalid");
      Value obj = args[1].is_none() ? Value::null() : args[1];
      Value type = nargs > 2 && !args[2].is_none() ? args[2] : Value::null();
      return reinterpret_cast<DescrGetFn>(w->fn)(I, self, obj, type);
    }
    case SK::Set:
      if (!need(2)) return Value::error();
      return reinterpret_cast<DescrSetFn>(w->fn)(I, self, args[1], args[2]) < 0 ? Value::error() : Value::none();
    case SK::Delete:
      if (!need(1)) return Value::error();
      return reinterpret_cast<DescrSetFn>(w->fn)(I, self, args[1], Value::null()) < 0 ? Value::error() : Value::none();
    case SK::Lt: case SK::Le: case SK::Eq: case SK::Ne: case SK::Gt: case SK::Ge:
      if (!need(1)) return Value::error();
      return reinterpret_cast<RichCompareFn>(w->fn)(I, self, args[1], static_cast<CompareOp>(int(kind) - int(SK::Lt)));
    case SK::Nb: case SK::INb:
      if (op == int(NbOp::Pow) && nargs == 3 && !args[2].is_none()) {
        Type* t = type_of(I, self);
        if (!t->nb_pow3) return Value::not_implemented();
        return t->nb_pow3(I, self, args[1], args[2]);
      }
      if (!need(1)) return Value::error();
      return reinterpret_cast<BinaryFn>(w->fn)(I, self, args[1]);
    case SK::RNb:
      if (!need(1)) return Value::error();
      return reinterpret_cast<BinaryFn>(w->fn)(I, args[1], self);
    default:
      return raise(I, I.rt.exc_SystemError, "bad slot wrapper");
  }
}

Value wrapper_get(Isolate& I, Value descr, Value obj, Value type) {
  if (obj.is_null()) return descr;
  return method_new(I, descr, obj);
}

Value wrapper_repr(Isolate& I, Value self) {
  auto* w = self.as<SlotWrapper>();
  return str_value(I, std::string("<slot wrapper '") + w->name->data + "' of '" + type_name(w->owner) + "' objects>");
}

Value wrapper_get_name(Isolate&, Value self) { return Value::object(self.as<SlotWrapper>()->name); }
Value wrapper_get_qualname(Isolate& I, Value self) {
  auto* w = self.as<SlotWrapper>();
  return str_value(I, std::string(type_name(w->owner)) + "." + std::string(w->name->view()));
}
Value wrapper_get_objclass(Isolate&, Value self) { return Value::object(self.as<SlotWrapper>()->owner); }
Value wrapper_get_doc(Isolate&, Value) { return Value::none(); }

void wrapper_trace(Object* o, Tracer& t) {
  auto* w = static_cast<SlotWrapper*>(o);
  t.visit(w->name);
  t.visit(w->owner);
}

void add_wrapper(Runtime& rt, Type* t, const char* name, SK kind, int op, void* fn) {
  Isolate& B = rt.bootstrap();
  Str* n = rt.intern_immortal(name);
  if (!dict_get_str(t->dict, n).is_null()) return;  // an explicit method wins
  auto* w = static_cast<SlotWrapper*>(rt.heap().alloc_object(rt.wrapper_descriptor_type, sizeof(SlotWrapper)));
  w->name = n;
  w->owner = t;
  w->slot = static_cast<uint32_t>(kind) | (static_cast<uint32_t>(op) << 8);
  w->fn = fn;
  dict_set_str(B, t->dict, n, Value::object(w));
}

template <class F>
void* fp(F f) { return reinterpret_cast<void*>(f); }

// Calls add(name, kind, op, fn) for each slot `t` defines itself (differing
// from its base): the dunders its wrappers stand for.
template <class Add>
void for_each_own_slot(Type* t, Add&& add) {
  Type* b = t->base;
#define CHANGED(slot) (t->slot && (!b || t->slot != b->slot))
  if (CHANGED(repr)) add("__repr__", SK::Repr, 0, fp(t->repr));
  if (CHANGED(str)) add("__str__", SK::Str, 0, fp(t->str));
  if (CHANGED(hash)) add("__hash__", SK::Hash, 0, fp(t->hash));
  if (CHANGED(call)) add("__call__", SK::Call, 0, fp(t->call));
  if (CHANGED(iter)) add("__iter__", SK::Iter, 0, fp(t->iter));
  if (CHANGED(next)) add("__next__", SK::Next, 0, fp(t->next));
  if (CHANGED(len)) add("__len__", SK::Len, 0, fp(t->len));
  if (CHANGED(getitem)) add("__getitem__", SK::GetItem, 0, fp(t->getitem));
  if (CHANGED(setitem)) {
    add("__setitem__", SK::SetItem, 0, fp(t->setitem));
    add("__delitem__", SK::DelItem, 0, fp(t->setitem));
  }
  if (CHANGED(contains)) add("__contains__", SK::Contains, 0, fp(t->contains));
  if (CHANGED(bool_)) add("__bool__", SK::Bool, 0, fp(t->bool_));
  if (CHANGED(getattr)) add("__getattribute__", SK::GetAttribute, 0, fp(t->getattr));
  if (CHANGED(setattr)) {
    add("__setattr__", SK::SetAttr, 0, fp(t->setattr));
    add("__delattr__", SK::DelAttr, 0, fp(t->setattr));
  }
  if (CHANGED(descr_get)) add("__get__", SK::Get, 0, fp(t->descr_get));
  if (CHANGED(descr_set)) {
    add("__set__", SK::Set, 0, fp(t->descr_set));
    add("__delete__", SK::Delete, 0, fp(t->descr_set));
  }
  if (CHANGED(init)) add("__init__", SK::Init, 0, fp(t->init));
  if (CHANGED(new_)) add("__new__", SK::New, 0, fp(t->new_));
  if (CHANGED(richcompare))
    for (int i = 0; i < 6; ++i) add(kCmpNames[i], static_cast<SK>(int(SK::Lt) + i), 0, fp(t->richcompare));
  if (CHANGED(nb_neg)) add("__neg__", SK::Neg, 0, fp(t->nb_neg));
  if (CHANGED(nb_pos)) add("__pos__", SK::Pos, 0, fp(t->nb_pos));
  if (CHANGED(nb_invert)) add("__invert__", SK::Invert, 0, fp(t->nb_invert));
  if (CHANGED(nb_abs)) add("__abs__", SK::Abs, 0, fp(t->nb_abs));
  if (CHANGED(nb_int)) add("__int__", SK::Int, 0, fp(t->nb_int));
  if (CHANGED(nb_float)) add("__float__", SK::Float, 0, fp(t->nb_float));
  if (CHANGED(nb_index)) add("__index__", SK::Index, 0, fp(t->nb_index));
  for (int op = 0; op < kNbCount; ++op) {
    if (CHANGED(nb[op])) {
      add(kNbNames[op][0], SK::Nb, op, fp(t->nb[op]));
      add(kNbNames[op][1], SK::RNb, op, fp(t->nb[op]));
    }
    if (CHANGED(nb_inplace[op])) add(kNbNames[op][2], SK::INb, op, fp(t->nb_inplace[op]));
  }
#undef CHANGED
}

// Adds wrappers for the slots `t` defines itself (start-up types).
void add_wrappers(Runtime& rt, Type* t) {
  for_each_own_slot(t, [&](const char* name, SK kind, int op, void* fn) { add_wrapper(rt, t, name, kind, op, fn); });
}

// The builtin function found for a dunder, if the attribute is a SlotWrapper of `kind`.
void* wrapped(Isolate& I, Value attr, SK kind) {
  if (attr.is_null() || type_of(I, attr) != I.rt.wrapper_descriptor_type) return nullptr;
  auto* w = attr.as<SlotWrapper>();
  if ((w->slot & 0xFF) != static_cast<uint32_t>(kind)) return nullptr;
  return w->fn;
}

}  // namespace

void inherit_slots(Type* t, Type* b) {
#define INHERIT(slot) if (!t->slot) t->slot = b->slot
  INHERIT(repr); INHERIT(str); INHERIT(hash); INHERIT(richcompare); INHERIT(getattr); INHERIT(setattr);
  INHERIT(call); INHERIT(iter); INHERIT(next); INHERIT(len); INHERIT(getitem); INHERIT(setitem);
  INHERIT(contains); INHERIT(bool_); INHERIT(nb_pow3); INHERIT(nb_neg); INHERIT(nb_pos); INHERIT(nb_invert);
  INHERIT(nb_abs); INHERIT(nb_int); INHERIT(nb_float); INHERIT(nb_index); INHERIT(descr_get); INHERIT(descr_set);
  INHERIT(new_); INHERIT(init); INHERIT(trace); INHERIT(finalize); INHERIT(buffer);
  for (int i = 0; i < kNbCount; ++i) { INHERIT(nb[i]); INHERIT(nb_inplace[i]); }
  if (!t->basicsize || t->basicsize < b->basicsize) t->basicsize = b->basicsize;
  if (!t->itemsize) t->itemsize = b->itemsize;
  if (!t->dict_offset) t->dict_offset = b->dict_offset;
#undef INHERIT
}

int add_slot_wrappers(Isolate& I, Type* t) {
  int rc = 0;
  for_each_own_slot(t, [&](const char* name, SK kind, int op, void* fn) {
    if (rc < 0) return;
    Str* n = I.intern(name);
    if (!n) {
      rc = -1;
      return;
    }
    if (!dict_get_str(t->dict, n).is_null()) return;  // an explicit method wins
    auto* w = static_cast<SlotWrapper*>(I.heap.alloc_object(I.rt.wrapper_descriptor_type, sizeof(SlotWrapper)));
    if (!w) {
      raise_memory(I);
      rc = -1;
      return;
    }
    w->name = n;
    w->owner = t;
    w->slot = static_cast<uint32_t>(kind) | (static_cast<uint32_t>(op) << 8);
    w->fn = fn;
    if (dict_set_str(I, t->dict, n, Value::object(w)) < 0) rc = -1;
  });
  return rc;
}

void type_fixup_slots(Isolate& I, Type* t) {
  t->version++;
  auto look = [&](const char* n) { return type_lookup(t, I.intern(n)); };
  // One slot from one dunder: the builtin function, a trampoline, or none.
  auto pick = [&](const char* n, SK kind, void* tramp) -> void* {
    Value a = look(n);
    if (a.is_null()) return nullptr;
    if (void* f = wrapped(I, a, kind)) return f;
    return tramp;
  };
#define PICK(slot, name, kind, tramp, FnT) t->slot = reinterpret_cast<FnT>(pick(name, kind, fp(tramp)))
  PICK(repr, "__repr__", SK::Repr, t_repr, ReprFn);
  PICK(str, "__str__", SK::Str, t_str, ReprFn);
  {
    Value h = look("__hash__");
    if (h.is_none() || h.is_null()) t->hash = nullptr;
    else t->hash = reinterpret_cast<HashFn>(wrapped(I, h, SK::Hash) ? wrapped(I, h, SK::Hash) : fp(t_hash));
  }
  PICK(call, "__call__", SK::Call, t_call, CallFn);
  PICK(iter, "__iter__", SK::Iter, t_iter, UnaryFn);
  PICK(next, "__next__", SK::Next, t_next, NextFn);
  PICK(len, "__len__", SK::Len, t_len, LenFn);
  PICK(getitem, "__getitem__", SK::GetItem, t_getitem, GetItemFn);
  PICK(descr_get, "__get__", SK::Get, t_descr_get, DescrGetFn);
  PICK(init, "__init__", SK::Init, t_init, InitFn);
  PICK(new_, "__new__", SK::New, t_new, NewFn);
  PICK(nb_neg, "__neg__", SK::Neg, t_unary<0>, UnaryFn);
  PICK(nb_pos, "__pos__", SK::Pos, t_unary<1>, UnaryFn);
  PICK(nb_invert, "__invert__", SK::Invert, t_unary<2>, UnaryFn);
  PICK(nb_abs, "__abs__", SK::Abs, t_unary<3>, UnaryFn);
  PICK(nb_int, "__int__", SK::Int, t_unary<4>, UnaryFn);
  PICK(nb_float, "__float__", SK::Float, t_unary<5>, UnaryFn);
  PICK(nb_index, "__index__", SK::Index, t_unary<6>, UnaryFn);
#undef PICK
  {
    Value c = look("__contains__");
    if (void* f = wrapped(I, c, SK::Contains)) t->contains = reinterpret_cast<ContainsFn>(f);
    else t->contains = c.is_null() ? nullptr : t_contains;
  }
  {
    Value b = look("__bool__");
    if (void* f = wrapped(I, b, SK::Bool)) t->bool_ = reinterpret_cast<BoolFn>(f);
    else if (!b.is_null()) t->bool_ = t_bool;
    else t->bool_ = nullptr;
  }
  // Paired slots: a Python-level definition of either dunder needs the trampoline.
  auto pair = [&](const char* a, SK ka, const char* b, SK kb, void* tramp) -> void* {
    Value x = look(a), y = look(b);
    if (x.is_null() && y.is_null()) return nullptr;
    void* fx = x.is_null() ? nullptr : wrapped(I, x, ka);
    void* fy = y.is_null() ? nullptr : wrapped(I, y, kb);
    if ((x.is_null() || fx) && (y.is_null() || fy) && (!fx || !fy || fx == fy)) return fx ? fx : fy;
    return tramp;
  };
  t->setitem = reinterpret_cast<SetItemFn>(pair("__setitem__", SK::SetItem, "__delitem__", SK::DelItem, fp(t_setitem)));
  t->setattr = reinterpret_cast<SetAttrFn>(pair("__setattr__", SK::SetAttr, "__delattr__", SK::DelAttr, fp(t_setattr)));
  t->descr_set = reinterpret_cast<DescrSetFn>(pair("__set__", SK::Set, "__delete__", SK::Delete, fp(t_descr_set)));
  {
    Value ga = look("__getattribute__");
    Value g = look("__getattr__");
    void* f = wrapped(I, ga, SK::GetAttribute);
    t->getattr = (f && g.is_null()) ? reinterpret_cast<GetAttrFn>(f) : t_getattr;
  }
  {
    void* common = nullptr;
    bool tramp = false, any = false;
    for (int i = 0; i < 6; ++i) {
      Value a = look(kCmpNames[i]);
      if (a.is_null()) continue;
      any = true;
      void* f = wrapped(I, a, static_cast<SK>(int(SK::Lt) + i));
      if (!f || (common && f != common)) tramp = true;
      else common = f;
    }
    t->richcompare = !any ? nullptr : tramp ? t_richcompare : reinterpret_cast<RichCompareFn>(common);
  }
  for (int op = 0; op < kNbCount; ++op) {
    Value a = look(kNbNames[op][0]);
    Value r = look(kNbNames[op][1]);
    void* fa = a.is_null() ? nullptr : wrapped(I, a, SK::Nb);
    void* fr = r.is_null() ? nullptr : wrapped(I, r, SK::RNb);
    if (a.is_null() && r.is_null()) t->nb[op] = nullptr;
    else if ((a.is_null() || fa) && (r.is_null() || fr) && (!fa || !fr || fa == fr))
      t->nb[op] = reinterpret_cast<BinaryFn>(fa ? fa : fr);
    else t->nb[op] = kNbT[op];
    Value ia = look(kNbNames[op][2]);
    void* fi = ia.is_null() ? nullptr : wrapped(I, ia, SK::INb);
    t->nb_inplace[op] = ia.is_null() ? nullptr : fi ? reinterpret_cast<BinaryFn>(fi) : kINbT[op];
  }
  {
    Value p = look("__pow__");
    if (p.is_null()) t->nb_pow3 = nullptr;
    else if (wrapped(I, p, SK::Nb)) t->nb_pow3 = t->base ? t->base->nb_pow3 : nullptr;
    else t->nb_pow3 = t_pow3;
  }
  // Layout-level slots come from the solid base.
  if (!t->trace) t->trace = t->base->trace;
  if (!t->finalize) t->finalize = t->base->finalize;
  if (!t->buffer) t->buffer = t->base->buffer;
}

void finish_builtin_types(Runtime& rt) {
  Isolate& B = rt.bootstrap();
  // The operator dunders, interned once for the trampolines' lookups.
  for (int op = 0; op < kNbCount; ++op)
    for (int k = 0; k < 3; ++k) rt.n_nb[op][k] = rt.intern_immortal(kNbNames[op][k]);
  for (int i = 0; i < 6; ++i) rt.n_cmp[i] = rt.intern_immortal(kCmpNames[i]);
  rt.wrapper_descriptor_type->call = wrapper_call;
  rt.wrapper_descriptor_type->descr_get = wrapper_get;
  rt.wrapper_descriptor_type->repr = wrapper_repr;
  rt.wrapper_descriptor_type->trace = wrapper_trace;
  rt.wrapper_descriptor_type->basicsize = sizeof(SlotWrapper);
  add_getsets(rt, rt.wrapper_descriptor_type,
              {{"__name__", wrapper_get_name}, {"__qualname__", wrapper_get_qualname},
               {"__objclass__", wrapper_get_objclass}, {"__doc__", wrapper_get_doc}});

  std::vector<Type*> order;
  order.push_back(rt.object_type);
#define CAPY_TYPE(field, name) if (rt.field != rt.object_type) order.push_back(rt.field);
#include "objects/builtin_types.def"
#undef CAPY_TYPE
#define CAPY_EXC(n, b) order.push_back(rt.exc_##n);
#include "objects/exceptions.def"
#undef CAPY_EXC
  // Bases before subclasses: repeat passes until every base is done.
  std::vector<Type*> done;
  auto is_done = [&](Type* t) { for (Type* d : done) if (d == t) return true; return false; };
  while (done.size() < order.size()) {
    for (Type* t : order) {
      if (is_done(t) || (t->base && !is_done(t->base))) continue;
      if (t->base) inherit_slots(t, t->base);
      add_wrappers(rt, t);
      // MRO of a single-inheritance builtin type: itself then its base's MRO.
      size_t n = 1 + (t->base ? t->base->mro->size() : 0);
      Tuple* mro = tuple_new(B, n);
      mro->items[0] = Value::object(t);
      for (size_t i = 1; i < n; ++i) mro->items[i] = t->base->mro->items[i - 1];
      t->mro = mro;
      Value bv = t->base ? Value::object(t->base) : Value::null();
      t->bases = t->base ? tuple_from(B, &bv, 1) : rt.empty_tuple;
      if (!t->module) t->module = rt.n_builtins;
      done.push_back(t);
    }
  }
}

}  // namespace capy
