// The abstract object protocol (CPython's abstract.c and object.c): every
// operation on a value of any type dispatches through the type's slots here.
#include "objects/ops.h"

#include <cmath>
#include <cstring>

#include "objects/dict.h"
#include "objects/exception.h"
#include "objects/exception_group.h"
#include "objects/float.h"
#include "objects/function.h"
#include "objects/int.h"
#include "objects/iterators.h"
#include "objects/list.h"
#include "objects/private_names.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "support/stack_limit.h"

namespace capy {

const char* type_name(Type* t) { return t->name ? t->name->data : "?"; }
const char* type_name(Isolate& I, Value v) { return type_name(type_of(I, v)); }

bool is_subtype(Type* a, Type* b) {
  if (a == b) return true;
  if (a->mro) {
    Tuple* m = a->mro;
    for (size_t i = 0; i < m->size(); ++i)
      if (m->items[i].as_object() == b) return true;
    return false;
  }
  for (Type* t = a; t; t = t->base)
    if (t == b) return true;
  return false;
}

// --- recursion guard for native recursion (repr/eq of nested containers) ---
namespace {
struct DepthGuard {
  Isolate& I;
  bool ok;
  explicit DepthGuard(Isolate& i, const char* what) : I(i) {
    // The native stack bounds the recursion too: the depth limit may be
    // set far beyond what the thread's stack holds (--max-depth).
    ok = ++I.call_depth <= I.recursion_limit + 50 && !support::stack_exhausted();
    if (!ok) raisef(I, I.rt.exc_RecursionError, "maximum recursion depth exceeded%s", what);
  }
  ~DepthGuard() { --I.call_depth; }
};
}  // namespace

// --- text --------------------------------------------------------------------

Value repr(Isolate& I, Value v) {
  Type* t = type_of(I, v);
  if (!t->repr) return raisef(I, I.rt.exc_TypeError, "'%s' object has no __repr__", type_name(t));
  DepthGuard g(I, " while getting the repr of an object");
  if (!g.ok) return Value::error();
  Value r = t->repr(I, v);
  if (r.is_error()) return r;
  if (!is_subtype(type_of(I, r), I.rt.str_type))
    return raisef(I, I.rt.exc_TypeError, "__repr__ returned non-string (type %s)", type_name(I, r));
  return r;
}

Value str(Isolate& I, Value v) {
  Type* t = type_of(I, v);
  if (t == I.rt.str_type) return v;
  ReprFn f = t->str ? t->str : t->repr;
  DepthGuard g(I, " while getting the str of an object");
  if (!g.ok) return Value::error();
  Value r = f(I, v);
  if (r.is_error()) return r;
  if (!is_subtype(type_of(I, r), I.rt.str_type))
    return raisef(I, I.rt.exc_TypeError, "__str__ returned non-string (type %s)", type_name(I, r));
  return r;
}

Value ascii(Isolate& I, Value v) {
  Value r = repr(I, v);
  if (r.is_error()) return r;
  Str* s = r.as<Str>();
  if (s->ascii) return r;
  std::string out;
  const char* p = s->data;
  const char* e = s->data + s->size();
  while (p < e) {
    uint32_t cp = utf8_decode(p);
    char buf[16];
    if (cp < 0x80) out.push_back(char(cp));
    else if (cp < 0x100) { snprintf(buf, sizeof buf, "\\x%02x", cp); out += buf; }
    else if (cp < 0x10000) { snprintf(buf, sizeof buf, "\\u%04x", cp); out += buf; }
    else { snprintf(buf, sizeof buf, "\\U%08x", cp); out += buf; }
  }
  return str_value(I, out);
}

Value format(Isolate& I, Value v, Value spec) {
  if (spec.is_null()) spec = Value::object(I.rt.n_empty);
  Value f = lookup_special(I, v, I.rt.n___format__);
  if (f.is_error()) return f;
  if (f.is_null())
    return raisef(I, I.rt.exc_TypeError, "Type %s doesn't define __format__", type_name(I, v));
  Value r = call(I, f, &spec, 1, nullptr);
  if (r.is_error()) return r;
  if (!is_subtype(type_of(I, r), I.rt.str_type))
    return raisef(I, I.rt.exc_TypeError, "__format__ must return a str, not %s", type_name(I, r));
  return r;
}

int repr_append(Isolate& I, Value v, std::string& out) {
  Value r = repr(I, v);
  if (r.is_error()) return -1;
  out += r.as<Str>()->view();
  return 0;
}

int str_append(Isolate& I, Value v, std::string& out) {
  Value r = str(I, v);
  if (r.is_error()) return -1;
  out += r.as<Str>()->view();
  return 0;
}

// --- hashing and comparison -------------------------------------------------

int64_t hash(Isolate& I, Value v) {
  if (v.is_small_int()) return int_hash(v);
  Type* t = type_of(I, v);
  if (t == I.rt.str_type) return str_hash(v.as<Str>());
  if (!t->hash) {
    raisef(I, I.rt.exc_TypeError, "unhashable type: '%s'", type_name(t));
    return -1;
  }
  return t->hash(I, v);
}

namespace {
constexpr CompareOp kSwapped[] = {CompareOp::Gt, CompareOp::Ge, CompareOp::Eq,
                                  CompareOp::Ne, CompareOp::Lt, CompareOp::Le};
const char* const kOpSymbols[] = {"<", "<=", "==", "!=", ">", ">="};
}  // namespace

Value rich_compare(Isolate& I, Value a, Value b, CompareOp op) {
  if (a.is_small_int() && b.is_small_int()) {
    int64_t x = a.as_small_int(), y = b.as_small_int();
    switch (op) {
      case CompareOp::Lt: return Value::boolean(x < y);
      case CompareOp::Le: return Value::boolean(x <= y);
      case CompareOp::Eq: return Value::boolean(x == y);
      case CompareOp::Ne: return Value::boolean(x != y);
      case CompareOp::Gt: return Value::boolean(x > y);
      case CompareOp::Ge: return Value::boolean(x >= y);
    }
  }
  DepthGuard g(I, " in comparison");
  if (!g.ok) return Value::error();
  Type* ta = type_of(I, a);
  Type* tb = type_of(I, b);
  bool checked_reverse = false;
  // Data model 3.3.1: a reflected method of a subclass takes priority.
  if (ta != tb && is_subtype(tb, ta) && tb->richcompare) {
    checked_reverse = true;
    Value r = tb->richcompare(I, b, a, kSwapped[int(op)]);
    if (r.is_error() || !r.is_not_implemented()) return r;
  }
  if (ta->richcompare) {
    Value r = ta->richcompare(I, a, b, op);
    if (r.is_error() || !r.is_not_implemented()) return r;
  }
  if (!checked_reverse && tb->richcompare) {
    Value r = tb->richcompare(I, b, a, kSwapped[int(op)]);
    if (r.is_error() || !r.is_not_implemented()) return r;
  }
  if (op == CompareOp::Eq) return Value::boolean(a.is(b));
  if (op == CompareOp::Ne) return Value::boolean(!a.is(b));
  return raisef(I, I.rt.exc_TypeError, "'%s' not supported between instances of '%s' and '%s'",
                kOpSymbols[int(op)], type_name(ta), type_name(tb));
}

int rich_compare_bool(Isolate& I, Value a, Value b, CompareOp op) {
  if (a.is(b)) {
    if (op == CompareOp::Eq) return 1;
    if (op == CompareOp::Ne) return 0;
  }
  Value r = rich_compare(I, a, b, op);
  if (r.is_error()) return -1;
  if (r.is_bool()) return r.as_bool();
  return truthy(I, r);
}

int eq(Isolate& I, Value a, Value b) {
  if (a.is(b)) return 1;
  if (a.is_small_int() && b.is_small_int()) return 0;
  if (a.is_object() && b.is_object()) {
    Object* x = a.as_object();
    Object* y = b.as_object();
    if (x->type_ == I.rt.str_type && y->type_ == I.rt.str_type)
      return str_eq(static_cast<Str*>(x), static_cast<Str*>(y));
  }
  return rich_compare_bool(I, a, b, CompareOp::Eq);
}

int truthy(Isolate& I, Value v) {
  if (v.is_bool()) return v.as_bool();
  if (v.is_none()) return 0;
  if (v.is_small_int()) return v.as_small_int() != 0;
  if (v.is_double()) return v.as_double() != 0.0;
  Type* t = type_of(I, v);
  if (t->bool_) return t->bool_(I, v);
  if (t->len) {
    int64_t n = t->len(I, v);
    return n < 0 ? -1 : n > 0;
  }
  return 1;
}

// --- attributes ----------------------------------------------------------------

static Value attribute_error(Isolate& I, Value v, Str* name) {
  Type* t = type_of(I, v);
  if (t == I.rt.type_type || is_subtype(t, I.rt.type_type))
    return raisef(I, I.rt.exc_AttributeError, "type object '%s' has no attribute '%s'",
                  type_name(v.as<Type>()), name->data);
  if (t == I.rt.module_type) {
    Value mn = get_attr_opt(I, v, I.rt.n___name__);
    if (!mn.is_error() && !mn.is_null() && type_of(I, mn) == I.rt.str_type)
      return raisef(I, I.rt.exc_AttributeError, "module '%s' has no attribute '%s'",
                    mn.as<Str>()->data, name->data);
  }
  Value r = raisef(I, I.rt.exc_AttributeError, "'%s' object has no attribute '%s'", type_name(t),
                   name->data);
  if (I.pending) {
    BaseExc* e = I.pending;
    if (Dict* d = exc_dict(I, e)) {
      dict_set_str(I, d, I.rt.n_name, Value::object(name));
      dict_set_str(I, d, I.rt.n_obj, v);
    }
    I.pending = e;
  }
  return r;
}

Value get_attr_opt(Isolate& I, Value v, Str* name) {
  Type* t = type_of(I, v);
  Value r = t->getattr ? t->getattr(I, v, name) : generic_getattr(I, v, name);
  if (r.is_error() && pending_matches(I, I.rt.exc_AttributeError)) {
    I.pending = nullptr;
    return Value::null();
  }
  return r;
}

Value get_attr(Isolate& I, Value v, Str* name) {
  Type* t = type_of(I, v);
  Value r = t->getattr ? t->getattr(I, v, name) : generic_getattr(I, v, name);
  if (r.is_null()) return attribute_error(I, v, name);
  return r;
}

Value get_attr(Isolate& I, Value v, std::string_view name) {
  Str* s = I.intern(name);
  if (!s) return Value::error();
  return get_attr(I, v, s);
}

int set_attr(Isolate& I, Value v, Str* name, Value value) {
  Type* t = type_of(I, v);
  if (t->setattr) return t->setattr(I, v, name, value);
  return generic_setattr(I, v, name, value);
}

int del_attr(Isolate& I, Value v, Str* name) { return set_attr(I, v, name, Value::null()); }

Value type_lookup(Type* type, Str* name) {
  Tuple* mro = type->mro;
  if (!mro) {
    for (Type* t = type; t; t = t->base) {
      Value r = dict_get_str(t->dict, name);
      if (!r.is_null()) return r;
    }
    return Value::null();
  }
  for (size_t i = 0; i < mro->size(); ++i) {
    Type* t = mro->items[i].as<Type>();
    Value r = dict_get_str(t->dict, name);
    if (!r.is_null()) return r;
  }
  return Value::null();
}

Value generic_getattr(Isolate& I, Value v, Str* name) {
  if (__builtin_expect(looks_mangled(name), 0) && check_private_attr(I, v, name) < 0) return Value::error();
  Type* t = type_of(I, v);
  Value attr = type_lookup(t, name);
  DescrGetFn get = nullptr;
  if (!attr.is_null()) {
    Type* at = type_of(I, attr);
    get = at->descr_get;
    if (get && at->descr_set) return get(I, attr, v, Value::object(t));  // data descriptor
  }
  if (v.is_object() && t->dict_offset) {
    Dict** slot = object_dict_slot(v.as_object());
    if (slot && *slot) {
      Value r = dict_get_str(*slot, name);
      if (!r.is_null()) return r;
    }
  }
  if (get) return get(I, attr, v, Value::object(t));
  return attr;
}

int generic_setattr(Isolate& I, Value v, Str* name, Value value) {
  if (__builtin_expect(looks_mangled(name), 0) && check_private_attr(I, v, name) < 0) return -1;
  Type* t = type_of(I, v);
  Value attr = type_lookup(t, name);
  if (!attr.is_null()) {
    Type* at = type_of(I, attr);
    if (at->descr_set) return at->descr_set(I, attr, v, value);
  }
  Dict** slot = v.is_object() ? object_dict_slot(v.as_object()) : nullptr;
  if (!slot) {
    if (attr.is_null()) {
      raisef(I, I.rt.exc_AttributeError, "'%s' object has no attribute '%s'", type_name(t), name->data);
    } else {
      raisef(I, I.rt.exc_AttributeError, "'%s' object attribute '%s' is read-only", type_name(t),
             name->data);
    }
    return -1;
  }
  if (!*slot) {
    if (value.is_null()) {
      raisef(I, I.rt.exc_AttributeError, "'%s' object has no attribute '%s'", type_name(t), name->data);
      return -1;
    }
    *slot = dict_new(I);
    if (!*slot) { raise_memory(I); return -1; }
  }
  if (value.is_null()) {
    int r = dict_del(I, *slot, Value::object(name));
    if (r == 0) {
      raisef(I, I.rt.exc_AttributeError, "'%s' object has no attribute '%s'", type_name(t), name->data);
      return -1;
    }
    return r < 0 ? -1 : 0;
  }
  return dict_set_str(I, *slot, name, value);
}

Value lookup_special(Isolate& I, Value self, Str* name) {
  Type* t = type_of(I, self);
  Value attr = type_lookup(t, name);
  if (attr.is_null()) return attr;
  Type* at = type_of(I, attr);
  if (at->descr_get) return at->descr_get(I, attr, self, Value::object(t));
  return attr;
}

// --- calling ---------------------------------------------------------------------

Value call(Isolate& I, Value callable, const Value* args, size_t nargs, Tuple* kwnames) {
  Type* t = type_of(I, callable);
  if (!t->call)
    return raisef(I, I.rt.exc_TypeError, "'%s' object is not callable", type_name(t));
  return t->call(I, callable, args, nargs, kwnames);
}

Value call(Isolate& I, Value callable, std::initializer_list<Value> args) {
  return call(I, callable, args.begin(), args.size(), nullptr);
}

Value call_tuple_dict(Isolate& I, Value callable, Tuple* args, Dict* kwargs) {
  size_t np = args ? args->size() : 0;
  if (!kwargs || kwargs->count == 0) return call(I, callable, args ? args->items : nullptr, np, nullptr);
  size_t nk = kwargs->count;
  std::vector<Value> buf(np + nk);
  for (size_t i = 0; i < np; ++i) buf[i] = args->items[i];
  Tuple* names = tuple_new(I, nk);
  if (!names) return Value::error();
  uint32_t pos = 0;
  Value k, v;
  size_t j = 0;
  while (dict_next(kwargs, &pos, &k, &v)) {
    if (!is_subtype(type_of(I, k), I.rt.str_type))
      return raise(I, I.rt.exc_TypeError, "keywords must be strings");
    names->items[j] = k;
    buf[np + j] = v;
    ++j;
  }
  return call(I, callable, buf.data(), np, names);
}

Value call_method(Isolate& I, Value self, Str* name, std::initializer_list<Value> args) {
  Value f = get_attr(I, self, name);
  if (f.is_error()) return f;
  return call(I, f, args.begin(), args.size(), nullptr);
}

Value call_special(Isolate& I, Value self, Str* name, std::initializer_list<Value> args) {
  Value f = lookup_special(I, self, name);
  if (f.is_null() || f.is_error()) return f;
  return call(I, f, args.begin(), args.size(), nullptr);
}

bool is_callable(Isolate& I, Value v) { return type_of(I, v)->call != nullptr; }

// --- iteration ------------------------------------------------------------------------

Value get_iter(Isolate& I, Value v) {
  Type* t = type_of(I, v);
  if (t->iter) {
    Value it = t->iter(I, v);
    if (it.is_error()) return it;
    if (!type_of(I, it)->next)
      return raisef(I, I.rt.exc_TypeError, "iter() returned non-iterator of type '%s'", type_name(I, it));
    return it;
  }
  if (t->getitem) return seq_iter_new(I, v);  // the sequence protocol (Language Reference 3.3.7)
  return raisef(I, I.rt.exc_TypeError, "'%s' object is not iterable", type_name(t));
}

Value iter_next(Isolate& I, Value it) {
  Type* t = type_of(I, it);
  if (!t->next) return raisef(I, I.rt.exc_TypeError, "'%s' object is not an iterator", type_name(t));
  // Iterators over iterators (map(f, map(f, …)), chain, zip…) nest natively.
  if (__builtin_expect(support::stack_exhausted(), 0))
    return raise(I, I.rt.exc_RecursionError, "maximum recursion depth exceeded");
  // Native consumers (sum, max, list(), str.join…) may drain huge or endless
  // iterators without returning to the VM.
  if (!I.poll()) return Value::error();
  Value r = t->next(I, it);
  if (r.is_error() && pending_matches(I, I.rt.exc_StopIteration)) {
    I.pending = nullptr;
    return Value::null();
  }
  return r;
}

Value list_from_iterable(Isolate& I, Value iterable) {
  List* l = list_new(I, 0);
  if (!l) return Value::error();
  if (list_extend(I, l, iterable) < 0) return Value::error();
  return Value::object(l);
}

Value tuple_from_iterable(Isolate& I, Value iterable) {
  if (type_of(I, iterable) == I.rt.tuple_type) return iterable;
  Value l = list_from_iterable(I, iterable);
  if (l.is_error()) return l;
  List* lst = l.as<List>();
  return tuple_value(I, lst->items, lst->size);
}

// --- containers ---------------------------------------------------------------------------

int64_t length(Isolate& I, Value v) {
  Type* t = type_of(I, v);
  if (!t->len) {
    raisef(I, I.rt.exc_TypeError, "object of type '%s' has no len()", type_name(t));
    return -1;
  }
  return t->len(I, v);
}

Value get_item(Isolate& I, Value container, Value key) {
  Type* t = type_of(I, container);
  if (t->getitem) return t->getitem(I, container, key);
  if (t == I.rt.type_type || is_subtype(t, I.rt.type_type)) {
    // PEP 560: C[...] calls C.__class_getitem__ when the class defines it.
    Value cg = get_attr_opt(I, container, I.rt.n___class_getitem__);
    if (cg.is_error()) return cg;
    if (!cg.is_null()) return call(I, cg, &key, 1, nullptr);
    return raisef(I, I.rt.exc_TypeError, "type '%s' is not subscriptable", type_name(container.as<Type>()));
  }
  return raisef(I, I.rt.exc_TypeError, "'%s' object is not subscriptable", type_name(t));
}

int set_item(Isolate& I, Value container, Value key, Value value) {
  Type* t = type_of(I, container);
  if (!t->setitem) {
    raisef(I, I.rt.exc_TypeError, "'%s' object does not support item assignment", type_name(t));
    return -1;
  }
  return t->setitem(I, container, key, value);
}

int del_item(Isolate& I, Value container, Value key) {
  Type* t = type_of(I, container);
  if (!t->setitem) {
    raisef(I, I.rt.exc_TypeError, "'%s' object doesn't support item deletion", type_name(t));
    return -1;
  }
  return t->setitem(I, container, key, Value::null());
}

int contains(Isolate& I, Value container, Value item) {
  Type* t = type_of(I, container);
  if (t->contains) return t->contains(I, container, item);
  // Fall back to iteration (Language Reference 6.10.2).
  Value it = get_iter(I, container);
  if (it.is_error()) {
    if (pending_matches(I, I.rt.exc_TypeError) && !t->iter && !t->getitem) {
      I.pending = nullptr;
      raisef(I, I.rt.exc_TypeError, "argument of type '%s' is not iterable", type_name(t));
    }
    return -1;
  }
  for (;;) {
    Value x = iter_next(I, it);
    if (x.is_error()) return -1;
    if (x.is_null()) return 0;
    int r = eq(I, x, item);
    if (r != 0) return r;
  }
}

// --- numbers --------------------------------------------------------------------------------

const char* nb_op_symbol(NbOp op) {
  static const char* const s[] = {"+", "&", "//", "<<", "@", "*", "%", "|", "** or pow()", ">>", "-", "/", "^"};
  return s[int(op)];
}
const char* nb_op_inplace_symbol(NbOp op) {
  static const char* const s[] = {"+=", "&=", "//=", "<<=", "@=", "*=", "%=", "|=", "**=", ">>=", "-=", "/=", "^="};
  return s[int(op)];
}

// binary_op1 of CPython: try a's slot, then b's, giving b priority when its
// type is a proper subclass that overrides the slot (Data model 3.3.8).
static Value binary_op1(Isolate& I, Value a, Value b, NbOp op) {
  Type* ta = type_of(I, a);
  Type* tb = type_of(I, b);
  BinaryFn fa = ta->nb[int(op)];
  BinaryFn fb = tb != ta ? tb->nb[int(op)] : nullptr;
  if (fb == fa) fb = nullptr;
  if (fa) {
    if (fb && is_subtype(tb, ta)) {
      Value r = fb(I, a, b);
      if (r.is_error() || !r.is_not_implemented()) return r;
      fb = nullptr;
    }
    Value r = fa(I, a, b);
    if (r.is_error() || !r.is_not_implemented()) return r;
  }
  if (fb) return fb(I, a, b);
  return Value::not_implemented();
}

static Value binop_type_error(Isolate& I, Value a, Value b, const char* sym) {
  return raisef(I, I.rt.exc_TypeError, "unsupported operand type(s) for %s: '%s' and '%s'", sym,
                type_name(I, a), type_name(I, b));
}

Value binary_op(Isolate& I, Value a, Value b, NbOp op) {
  // Sequence concatenation and repetition are nb slots of the sequence types.
  Value r = binary_op1(I, a, b, op);
  if (r.is_error() || !r.is_not_implemented()) return r;
  return binop_type_error(I, a, b, nb_op_symbol(op));
}

Value inplace_op(Isolate& I, Value a, Value b, NbOp op) {
  Type* ta = type_of(I, a);
  if (BinaryFn f = ta->nb_inplace[int(op)]) {
    Value r = f(I, a, b);
    if (r.is_error() || !r.is_not_implemented()) return r;
  }
  Value r = binary_op1(I, a, b, op);
  if (r.is_error() || !r.is_not_implemented()) return r;
  return binop_type_error(I, a, b, nb_op_inplace_symbol(op));
}

Value power(Isolate& I, Value a, Value b, Value mod) {
  if (mod.is_null() || mod.is_none()) return binary_op(I, a, b, NbOp::Pow);
  Type* ta = type_of(I, a);
  if (ta->nb_pow3) {
    Value r = ta->nb_pow3(I, a, b, mod);
    if (r.is_error() || !r.is_not_implemented()) return r;
  }
  return raisef(I, I.rt.exc_TypeError, "unsupported operand type(s) for ** or pow(): '%s', '%s', '%s'",
                type_name(I, a), type_name(I, b), type_name(I, mod));
}

static Value unary(Isolate& I, Value v, UnaryFn Type::*slot, const char* sym) {
  Type* t = type_of(I, v);
  UnaryFn f = t->*slot;
  if (!f) return raisef(I, I.rt.exc_TypeError, "bad operand type for %s: '%s'", sym, type_name(t));
  return f(I, v);
}

Value negative(Isolate& I, Value v) {
  if (v.is_small_int()) return int_from_i64(I, -v.as_small_int());
  if (v.is_double()) return Value::from_double(-v.as_double());
  return unary(I, v, &Type::nb_neg, "unary -");
}
Value positive(Isolate& I, Value v) { return unary(I, v, &Type::nb_pos, "unary +"); }
Value invert(Isolate& I, Value v) { return unary(I, v, &Type::nb_invert, "unary ~"); }
Value absolute(Isolate& I, Value v) { return unary(I, v, &Type::nb_abs, "abs()"); }

Value index(Isolate& I, Value v) {
  if (v.is_small_int()) return v;
  Type* t = type_of(I, v);
  if (is_exact_int(v)) return v;
  if (t->nb_index) {
    Value r = t->nb_index(I, v);
    if (r.is_error()) return r;
    if (!is_int(I, r))
      return raisef(I, I.rt.exc_TypeError, "__index__ returned non-int (type %s)", type_name(I, r));
    return r;
  }
  return raisef(I, I.rt.exc_TypeError, "'%s' object cannot be interpreted as an integer", type_name(t));
}

bool index_i64(Isolate& I, Value v, int64_t* out) {
  if (v.is_small_int()) { *out = v.as_small_int(); return true; }
  Value r = index(I, v);
  if (r.is_error()) return false;
  r = int_unwrap(I, r);
  if (!int_to_i64(r, out)) {
    raisef(I, I.rt.exc_OverflowError, "Python int too large to convert to C ssize_t");
    return false;
  }
  return true;
}

Value number_int(Isolate& I, Value v) {
  if (v.is_small_int()) return v;
  return call(I, Value::object(I.rt.int_type), &v, 1, nullptr);
}

Value number_float(Isolate& I, Value v) {
  if (v.is_double()) return v;
  return call(I, Value::object(I.rt.float_type), &v, 1, nullptr);
}

bool to_double(Isolate& I, Value v, double* out) {
  if (v.is_double()) { *out = v.as_double(); return true; }
  if (v.is_small_int()) { *out = double(v.as_small_int()); return true; }
  if (v.is_bool()) { *out = v.as_bool() ? 1.0 : 0.0; return true; }
  Type* t = type_of(I, v);
  if (is_subtype(t, I.rt.float_type)) { *out = float_value(v); return true; }
  if (is_int(I, v)) {
    bool overflow = false;
    *out = int_to_double(I, int_unwrap(I, v), &overflow);
    if (overflow) {
      raise(I, I.rt.exc_OverflowError, "int too large to convert to float");
      return false;
    }
    return true;
  }
  if (t->nb_float || t->nb_index) {
    Value f = t->nb_float ? t->nb_float(I, v) : t->nb_index(I, v);
    if (f.is_error()) return false;
    return to_double(I, f, out);
  }
  raisef(I, I.rt.exc_TypeError, "must be real number, not %s", type_name(t));
  return false;
}

}  // namespace capy
