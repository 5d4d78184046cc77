// operator: the standard operators as functions (CPython 3.11's _operator,
// re-exported as `operator`), plus itemgetter / attrgetter / methodcaller as
// native callable types created per isolate.
#include <string>

#include "modules/registry.h"
#include "objects/dict.h"
#include "objects/function.h"
#include "objects/int.h"
#include "objects/iterators.h"
#include "objects/list.h"
#include "objects/native.h"
#include "objects/ops.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "vm/isolate.h"
#include "vm/runtime.h"

namespace capy {

namespace {

// --- per-isolate native types (immutable: no kTypeHeap) ---------------------------------

Type* new_type(Isolate& I, const char* tp_name, const char* qualname, uint32_t basicsize, TraceFn trace) {
  return isolate_type_new(I, tp_name, qualname, "operator", basicsize, trace);
}

// --- plain functions --------------------------------------------------------------------

int unary_check(Isolate& I, const char* qname, size_t n, Tuple* kw) {
  if (check_no_kwargs(I, qname, kw) < 0) return -1;
  return check_nargs(I, qname, n, 1, 1);
}
int binary_check(Isolate& I, const char* qname, const char* name, size_t n, Tuple* kw) {
  if (check_no_kwargs(I, qname, kw) < 0) return -1;
  return check_nargs(I, name, n, 2, 2);
}

#define UNARY(fname, expr)                                                     \
  Value f_##fname(Isolate& I, const Value* a, size_t n, Tuple* kw) {           \
    if (unary_check(I, "_operator." #fname, n, kw) < 0) return Value::error(); \
    return expr;                                                               \
  }
Value not_of(Isolate& I, Value v) {
  int t = truthy(I, v);
  return t < 0 ? Value::error() : Value::boolean(!t);
}
Value truth_of(Isolate& I, Value v) {
  int t = truthy(I, v);
  return t < 0 ? Value::error() : Value::boolean(t);
}
UNARY(abs, absolute(I, a[0]))
UNARY(neg, negative(I, a[0]))
UNARY(pos, positive(I, a[0]))
UNARY(inv, invert(I, a[0]))
UNARY(invert, invert(I, a[0]))
UNARY(not_, not_of(I, a[0]))
UNARY(truth, truth_of(I, a[0]))
UNARY(index, index(I, a[0]))
#undef UNARY

#define BINARY(fname, expr)                                                             \
  Value f_##fname(Isolate& I, const Value* a, size_t n, Tuple* kw) {                    \
    if (binary_check(I, "_operator." #fname, #fname, n, kw) < 0) return Value::error(); \
    return expr;                                                                        \
  }
#define NB(fname, op) BINARY(fname, binary_op(I, a[0], a[1], NbOp::op))
#define INB(fname, op) BINARY(fname, inplace_op(I, a[0], a[1], NbOp::op))
#define CMP(fname, op) BINARY(fname, rich_compare(I, a[0], a[1], CompareOp::op))
NB(add, Add)
NB(and_, And)
NB(floordiv, FloorDiv)
NB(lshift, LShift)
NB(matmul, MatMul)
NB(mul, Mul)
NB(mod, Mod)
NB(or_, Or)
NB(rshift, RShift)
NB(sub, Sub)
NB(truediv, TrueDiv)
NB(xor, Xor)
BINARY(pow, power(I, a[0], a[1], Value::none()))
INB(iadd, Add)
INB(iand, And)
INB(ifloordiv, FloorDiv)
INB(ilshift, LShift)
INB(imatmul, MatMul)
INB(imul, Mul)
INB(imod, Mod)
INB(ior, Or)
INB(ipow, Pow)
INB(irshift, RShift)
INB(isub, Sub)
INB(itruediv, TrueDiv)
INB(ixor, Xor)
CMP(lt, Lt)
CMP(le, Le)
CMP(eq, Eq)
CMP(ne, Ne)
CMP(ge, Ge)
CMP(gt, Gt)
BINARY(is_, Value::boolean(a[0].is(a[1])))
BINARY(is_not, Value::boolean(!a[0].is(a[1])))
BINARY(getitem, get_item(I, a[0], a[1]))
#undef NB
#undef INB
#undef CMP

Value contains_of(Isolate& I, Value seq, Value item) {
  int r = contains(I, seq, item);
  return r < 0 ? Value::error() : Value::boolean(r);
}
BINARY(contains, contains_of(I, a[0], a[1]))

Value delitem_of(Isolate& I, Value obj, Value key) {
  return del_item(I, obj, key) < 0 ? Value::error() : Value::none();
}
BINARY(delitem, delitem_of(I, a[0], a[1]))

bool is_sequence(Isolate& I, Value v) {
  Type* t = type_of(I, v);
  return t->getitem && !is_subtype(t, I.rt.dict_type);
}
Value concat_of(Isolate& I, Value a, Value b, bool inplace) {
  if (!is_sequence(I, a)) return raisef(I, I.rt.exc_TypeError, "'%s' object can't be concatenated", type_name(I, a));
  return inplace ? inplace_op(I, a, b, NbOp::Add) : binary_op(I, a, b, NbOp::Add);
}
BINARY(concat, concat_of(I, a[0], a[1], false))
BINARY(iconcat, concat_of(I, a[0], a[1], true))

/// countOf / indexOf: identity or equality, like PySequence_Count / PySequence_Index.
Value seq_search(Isolate& I, Value seq, Value x, bool count) {
  Value it = get_iter(I, seq);
  if (it.is_error()) return it;
  int64_t n = 0, i = 0;
  for (;; ++i) {
    Value item = iter_next(I, it);
    if (item.is_error()) return item;
    if (item.is_null()) break;
    int e = rich_compare_bool(I, item, x, CompareOp::Eq);
    if (e < 0) return Value::error();
    if (e) {
      if (!count) return int_from_i64(I, i);
      ++n;
    }
  }
  if (!count) return raise(I, I.rt.exc_ValueError, "sequence.index(x): x not in sequence");
  return int_from_i64(I, n);
}
BINARY(countOf, seq_search(I, a[0], a[1], true))
BINARY(indexOf, seq_search(I, a[0], a[1], false))
#undef BINARY

Value f_setitem(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  if (check_no_kwargs(I, "_operator.setitem", kw) < 0 || check_nargs(I, "setitem", n, 3, 3) < 0)
    return Value::error();
  return set_item(I, a[0], a[1], a[2]) < 0 ? Value::error() : Value::none();
}

Value f_call(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  if (n < 1) return raise(I, I.rt.exc_TypeError, "call expected at least 1 argument, got 0");
  return call(I, a[0], a + 1, n - 1, kw);
}

Value f_length_hint(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  if (check_no_kwargs(I, "_operator.length_hint", kw) < 0 || check_nargs(I, "length_hint", n, 1, 2) < 0)
    return Value::error();
  int64_t dflt = 0;
  if (n == 2) {
    if (!is_int(I, a[1]))
      return raisef(I, I.rt.exc_TypeError, "'%s' object cannot be interpreted as an integer", type_name(I, a[1]));
    if (!index_i64(I, a[1], &dflt)) return Value::error();
  }
  Value obj = a[0];
  Type* t = type_of(I, obj);
  if (t->len) {
    int64_t len = length(I, obj);
    if (len >= 0) return int_from_i64(I, len);
    if (!pending_matches(I, I.rt.exc_TypeError)) return Value::error();
    I.pending = nullptr;
  }
  Value r = call_special(I, obj, I.intern("__length_hint__"), {});
  if (r.is_error()) {
    if (!pending_matches(I, I.rt.exc_TypeError)) return r;
    I.pending = nullptr;
    return int_from_i64(I, dflt);
  }
  if (r.is_null() || r.is_not_implemented()) return int_from_i64(I, dflt);
  if (!is_int(I, r))
    return raisef(I, I.rt.exc_TypeError, "__length_hint__ must be an integer, not %s", type_name(I, r));
  int64_t v;
  if (!index_i64(I, r, &v)) return Value::error();
  if (v < 0) return raise(I, I.rt.exc_ValueError, "__length_hint__() should return >= 0");
  return int_from_i64(I, v);
}

// --- itemgetter ---------------------------------------------------------------------------

struct Getter : Object {
  Tuple* items;  // itemgetter: the keys; attrgetter: per attribute a tuple of name parts
  Tuple* names;  // attrgetter: the dotted names as given (for repr)
};
void getter_trace(Object* o, Tracer& t) {
  auto* g = static_cast<Getter*>(o);
  t.visit(g->items);
  t.visit(g->names);
}

Value itemgetter_new(Isolate& I, Type* type, const Value* args, size_t nargs, Tuple* kw) {
  if (check_no_kwargs(I, "itemgetter", kw) < 0) return Value::error();
  if (nargs < 1) return raise(I, I.rt.exc_TypeError, "itemgetter expected 1 argument, got 0");
  Tuple* items = tuple_from(I, args, nargs);
  if (!items) return Value::error();
  auto* g = static_cast<Getter*>(I.heap.alloc_object(type, type->basicsize));
  if (!g) return raise_memory(I);
  g->items = items;
  return Value::object(g);
}

inline Value fast_item(Isolate& I, Value obj, Value key) {
  if (key.is_small_int() && obj.is_object()) {
    Object* o = obj.as_object();
    int64_t i = key.as_small_int();
    if (o->type_ == I.rt.tuple_type) {
      auto* t = static_cast<Tuple*>(o);
      int64_t n = int64_t(t->size());
      if (i < 0) i += n;
      if (i >= 0 && i < n) return t->items[i];
    } else if (o->type_ == I.rt.list_type) {
      auto* l = static_cast<List*>(o);
      int64_t n = int64_t(l->size);
      if (i < 0) i += n;
      if (i >= 0 && i < n) return l->items[i];
    }
  }
  return get_item(I, obj, key);
}

Value itemgetter_call(Isolate& I, Value self, const Value* args, size_t nargs, Tuple* kw) {
  if (check_no_kwargs(I, "itemgetter", kw) < 0) return Value::error();
  if (nargs != 1) return raisef(I, I.rt.exc_TypeError, "itemgetter expected 1 argument, got %zu", nargs);
  Tuple* items = self.as<Getter>()->items;
  if (!items) return raise(I, I.rt.exc_TypeError, "itemgetter is not initialised");
  if (items->size() == 1) return fast_item(I, args[0], items->items[0]);
  size_t n = items->size();
  Tuple* r = tuple_new(I, n);
  if (!r) return Value::error();
  for (size_t i = 0; i < n; ++i) {
    Value v = fast_item(I, args[0], items->items[i]);
    if (v.is_error()) return v;
    r->items[i] = v;
  }
  return Value::object(r);
}

Value getter_repr(Isolate& I, Value self, Tuple* shown) {
  Type* t = type_of(I, self);
  std::string out(t->name->view());
  out += "(";
  Object* o = self.as_object();
  int rec = repr_enter(I, o);
  if (rec < 0) return Value::error();
  if (rec > 0) return str_value(I, out + "...)");
  if (shown) {
    for (size_t i = 0; i < shown->size(); ++i) {
      if (i) out += ", ";
      if (repr_append(I, shown->items[i], out) < 0) {
        repr_leave(I, o);
        return Value::error();
      }
    }
  }
  repr_leave(I, o);
  out += ")";
  return str_value(I, out);
}
Value itemgetter_repr(Isolate& I, Value self) { return getter_repr(I, self, self.as<Getter>()->items); }

// --- attrgetter ---------------------------------------------------------------------------

Value attrgetter_new(Isolate& I, Type* type, const Value* args, size_t nargs, Tuple* kw) {
  if (check_no_kwargs(I, "attrgetter", kw) < 0) return Value::error();
  if (nargs < 1) return raise(I, I.rt.exc_TypeError, "attrgetter expected 1 argument, got 0");
  Tuple* names = tuple_from(I, args, nargs);
  Tuple* items = tuple_new(I, nargs);
  if (!names || !items) return Value::error();
  for (size_t i = 0; i < nargs; ++i) {
    if (!is_subtype(type_of(I, args[i]), I.rt.str_type))
      return raise(I, I.rt.exc_TypeError, "attribute name must be a string");
    std::string_view v = args[i].as<Str>()->view();
    size_t parts = 1;
    for (char c : v) parts += c == '.';
    Tuple* p = tuple_new(I, parts);
    if (!p) return Value::error();
    size_t start = 0;
    for (size_t k = 0; k < parts; ++k) {
      size_t dot = v.find('.', start);
      if (dot == std::string_view::npos) dot = v.size();
      Str* s = I.intern(v.substr(start, dot - start));
      if (!s) return Value::error();
      p->items[k] = Value::object(s);
      start = dot + 1;
    }
    items->items[i] = Value::object(p);
  }
  auto* g = static_cast<Getter*>(I.heap.alloc_object(type, type->basicsize));
  if (!g) return raise_memory(I);
  g->items = items;
  g->names = names;
  return Value::object(g);
}

Value dotted_get(Isolate& I, Value obj, Tuple* parts) {
  for (size_t k = 0; k < parts->size(); ++k) {
    obj = get_attr(I, obj, parts->items[k].as<Str>());
    if (obj.is_error()) return obj;
  }
  return obj;
}

Value attrgetter_call(Isolate& I, Value self, const Value* args, size_t nargs, Tuple* kw) {
  if (check_no_kwargs(I, "attrgetter", kw) < 0) return Value::error();
  if (nargs != 1) return raisef(I, I.rt.exc_TypeError, "attrgetter expected 1 argument, got %zu", nargs);
  Tuple* items = self.as<Getter>()->items;
  if (!items) return raise(I, I.rt.exc_TypeError, "attrgetter is not initialised");
  if (items->size() == 1) return dotted_get(I, args[0], items->items[0].as<Tuple>());
  size_t n = items->size();
  Tuple* r = tuple_new(I, n);
  if (!r) return Value::error();
  for (size_t i = 0; i < n; ++i) {
    Value v = dotted_get(I, args[0], items->items[i].as<Tuple>());
    if (v.is_error()) return v;
    r->items[i] = v;
  }
  return Value::object(r);
}
Value attrgetter_repr(Isolate& I, Value self) { return getter_repr(I, self, self.as<Getter>()->names); }

// --- methodcaller --------------------------------------------------------------------------

struct Caller : Object {
  Str* name;
  Tuple* args;    // positional args then keyword values
  Tuple* kwnames; // nullptr: none
};
void caller_trace(Object* o, Tracer& t) {
  auto* c = static_cast<Caller*>(o);
  t.visit(c->name);
  t.visit(c->args);
  t.visit(c->kwnames);
}
Value methodcaller_new(Isolate& I, Type* type, const Value* args, size_t nargs, Tuple* kw) {
  if (nargs < 1)
    return raise(I, I.rt.exc_TypeError, "methodcaller needs at least one argument, the method name");
  if (!is_subtype(type_of(I, args[0]), I.rt.str_type))
    return raise(I, I.rt.exc_TypeError, "method name must be a string");
  size_t nkw = kw ? kw->size() : 0;
  Str* name = I.intern(args[0].as<Str>()->view());
  Tuple* rest = tuple_from(I, args + 1, nargs - 1 + nkw);
  if (!name || !rest) return Value::error();
  auto* c = static_cast<Caller*>(I.heap.alloc_object(type, type->basicsize));
  if (!c) return raise_memory(I);
  c->name = name;
  c->args = rest;
  c->kwnames = nkw ? kw : nullptr;
  return Value::object(c);
}
Value methodcaller_call(Isolate& I, Value self, const Value* args, size_t nargs, Tuple* kw) {
  if (check_no_kwargs(I, "methodcaller", kw) < 0) return Value::error();
  if (nargs != 1) return raisef(I, I.rt.exc_TypeError, "methodcaller expected 1 argument, got %zu", nargs);
  auto* c = self.as<Caller>();
  if (!c->name || !c->args) return raise(I, I.rt.exc_TypeError, "methodcaller is not initialised");
  Value m = get_attr(I, args[0], c->name);
  if (m.is_error()) return m;
  size_t nkw = c->kwnames ? c->kwnames->size() : 0;
  return call(I, m, c->args->items, c->args->size() - nkw, c->kwnames);
}
Value methodcaller_repr(Isolate& I, Value self) {
  auto* c = self.as<Caller>();
  Type* t = type_of(I, self);
  std::string out(t->name->view());
  out += "(";
  if (c->name && c->args) {
    Object* o = self.as_object();
    int rec = repr_enter(I, o);
    if (rec < 0) return Value::error();
    if (rec > 0) return str_value(I, out + "...)");
    bool ok = repr_append(I, Value::object(c->name), out) >= 0;
    size_t nkw = c->kwnames ? c->kwnames->size() : 0;
    size_t npos = c->args->size() - nkw;
    for (size_t i = 0; ok && i < c->args->size(); ++i) {
      out += ", ";
      if (i >= npos) {
        out += c->kwnames->items[i - npos].as<Str>()->view();
        out += "=";
      }
      ok = repr_append(I, c->args->items[i], out) >= 0;
    }
    repr_leave(I, o);
    if (!ok) return Value::error();
  }
  out += ")";
  return str_value(I, out);
}

Type* callable_type(Isolate& I, Module* m, const char* name, uint32_t size, TraceFn trace, NewFn nw, CallFn cl,
                    ReprFn rp) {
  std::string full = std::string("operator.") + name;
  Type* t = new_type(I, full.c_str(), name, size, trace);
  if (!t) return nullptr;
  t->new_ = nw;
  t->call = cl;
  t->repr = rp;
  if (module_add_value(I, m, name, Value::object(t)) < 0) return nullptr;
  return t;
}

}  // namespace

int init_operator_module(Isolate& I, Module* m) {
  struct Def {
    const char* name;
    NativeFn fn;
    bool dunder;  // also exported as __name__ (trailing '_' dropped)
  };
  static const Def kFns[] = {
      {"abs", f_abs, true},         {"add", f_add, true},           {"and_", f_and_, true},
      {"call", f_call, true},       {"concat", f_concat, true},     {"contains", f_contains, true},
      {"countOf", f_countOf, false}, {"delitem", f_delitem, true},  {"eq", f_eq, true},
      {"floordiv", f_floordiv, true}, {"ge", f_ge, true},           {"getitem", f_getitem, true},
      {"gt", f_gt, true},           {"iadd", f_iadd, true},         {"iand", f_iand, true},
      {"iconcat", f_iconcat, true}, {"ifloordiv", f_ifloordiv, true}, {"ilshift", f_ilshift, true},
      {"imatmul", f_imatmul, true}, {"imod", f_imod, true},         {"imul", f_imul, true},
      {"index", f_index, true},     {"indexOf", f_indexOf, false},  {"inv", f_inv, true},
      {"invert", f_invert, true},   {"ior", f_ior, true},           {"ipow", f_ipow, true},
      {"irshift", f_irshift, true}, {"is_", f_is_, false},          {"is_not", f_is_not, false},
      {"isub", f_isub, true},       {"itruediv", f_itruediv, true}, {"ixor", f_ixor, true},
      {"le", f_le, true},           {"length_hint", f_length_hint, false}, {"lshift", f_lshift, true},
      {"lt", f_lt, true},           {"matmul", f_matmul, true},     {"mod", f_mod, true},
      {"mul", f_mul, true},         {"ne", f_ne, true},             {"neg", f_neg, true},
      {"not_", f_not_, true},       {"or_", f_or_, true},           {"pos", f_pos, true},
      {"pow", f_pow, true},         {"rshift", f_rshift, true},     {"setitem", f_setitem, true},
      {"sub", f_sub, true},         {"truediv", f_truediv, true},   {"truth", f_truth, false},
      {"xor", f_xor, true},
  };
  for (const Def& d : kFns) {
    Str* n = I.intern(d.name);
    if (!n) return -1;
    Value f = builtin_function_new(I, n, d.fn, Value::object(m));
    if (f.is_error() || module_add_value(I, m, d.name, f) < 0) return -1;
    if (d.dunder) {
      std::string dn(d.name);
      if (dn.back() == '_') dn.pop_back();
      dn = "__" + dn + "__";
      if (module_add_value(I, m, dn.c_str(), f) < 0) return -1;
    }
  }
  if (!callable_type(I, m, "itemgetter", sizeof(Getter), getter_trace, itemgetter_new, itemgetter_call,
                     itemgetter_repr) ||
      !callable_type(I, m, "attrgetter", sizeof(Getter), getter_trace, attrgetter_new, attrgetter_call,
                     attrgetter_repr) ||
      !callable_type(I, m, "methodcaller", sizeof(Caller), caller_trace, methodcaller_new, methodcaller_call,
                     methodcaller_repr))
    return -1;
  return 0;
}

}  // namespace capy
