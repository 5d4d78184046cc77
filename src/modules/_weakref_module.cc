// _weakref: weak references (CPython 3.11's _weakref): ref (ReferenceType),
// proxy (ProxyType, CallableProxyType), getweakrefcount, getweakrefs and
// _remove_dead_weakref. The objects are gc/weak.h's WeakRef; the collector
// clears them when their referent becomes unreachable and queues their
// callbacks (see docs/modules/weakref.md). The weakref module
// (src/modules/lib/weakref.py) builds on this one.
#include <cstdio>
#include <cstring>
#include <string>
#include <string_view>

#include "gc/weak.h"
#include "modules/registry.h"
#include "modules/stdlib_support.h"
#include "objects/dict.h"
#include "objects/function.h"
#include "objects/int.h"
#include "objects/iterators.h"
#include "objects/list.h"
#include "objects/native.h"
#include "objects/ops.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "vm/isolate.h"
#include "vm/runtime.h"

namespace capy {

namespace {

constexpr const char kDeadMsg[] = "weakly-referenced object no longer exists";

void weakref_trace(Object* o, Tracer& t) { t.visit(static_cast<WeakRef*>(o)->callback); }

inline bool is_weak(Value v) { return v.is_object() && v.as_object()->type_->trace == weakref_trace; }
inline WeakRef* W(Value v) { return v.as<WeakRef>(); }
inline bool is_ref(Value v) { return is_weak(v) && W(v)->kind == WeakKind::Ref; }
inline bool is_proxy(Value v) { return is_weak(v) && W(v)->kind != WeakKind::Ref; }
inline Value referent_of(const WeakRef* w) { return w->referent ? Value::object(w->referent) : Value::none(); }

/// The basic reference (no callback, exact ReferenceType: the one `ref(o)`
/// returns again) leads its referent's list; the basic proxy follows it.
inline bool is_basic_ref(const WeakRef* w) {
  return w->kind == WeakKind::Ref && w->callback.is_null() && !w->type_->is_heap();
}
inline bool is_basic_proxy(const WeakRef* w) { return w->kind != WeakKind::Ref && w->callback.is_null(); }

/// Module state, bound as `self` of the module's functions.
struct WeakState : Object {
  Type* ref_type;
  Type* proxy_type;
  Type* callable_proxy_type;
};

void state_trace(Object* o, Tracer& t) {
  auto* s = static_cast<WeakState*>(o);
  t.visit(s->ref_type);
  t.visit(s->proxy_type);
  t.visit(s->callable_proxy_type);
}

// --- which objects can be referenced weakly --------------------------------------------

bool has_slot_name(Tuple* names, std::string_view name) {
  for (size_t i = 0; i < names->size(); ++i) {
    Value n = names->items[i];
    if (n.is_object() && (n.as_object()->type_->flags & kTypeStrSubclass) && n.as<Str>()->view() == name)
      return true;
  }
  return false;
}

/// CPython's tp_weaklistoffset != 0, for capy's types.
bool type_weakrefable(Isolate& I, Type* t) {
  const Runtime& rt = I.rt;
  for (Type* k = t; k; k = k->base) {
    if (k->is_heap()) {
      // A class without __slots__ gets __weakref__, except over a
      // variable-size base (int, bytes, tuple); __slots__ may name it.
      if (!k->slot_names) return !(k->flags & (kTypeIntSubclass | kTypeBytesSubclass | kTypeTupleSubclass));
      if (has_slot_name(k->slot_names, "__weakref__")) return true;
      continue;
    }
    if (k->flags & kTypeTypeSubclass) return true;
    if (k == rt.function_type || k == rt.builtin_function_type || k == rt.method_type || k == rt.code_type ||
        k == rt.set_type || k == rt.frozenset_type || k == rt.module_type || k == rt.generator_type ||
        k == rt.coroutine_type || k == rt.memoryview_type || k == rt.text_writer_type)
      return true;
    static const char* const kNative[] = {
        "re.Pattern",        "functools.partial",      "functools._lru_cache_wrapper",
        "collections.deque", "collections.OrderedDict", "array.array",
    };
    std::string_view name = type_name(k);
    for (const char* n : kNative)
      if (name == n) return true;
    return false;
  }
  return false;
}

bool check_weakrefable(Isolate& I, Value obj) {
  if (obj.is_object() && type_weakrefable(I, obj.as_object()->type_)) return true;
  raisef(I, I.rt.exc_TypeError, "cannot create weak reference to '%s' object", type_name(I, obj));
  return false;
}

/// Index of the first entry after the basic reference and basic proxy.
size_t after_basics(const std::vector<WeakRef*>* list) {
  size_t i = 0;
  if (!list) return 0;
  if (i < list->size() && is_basic_ref((*list)[i])) ++i;
  if (i < list->size() && is_basic_proxy((*list)[i])) ++i;
  return i;
}

WeakRef* basic_ref_of(Isolate& I, Object* o) {
  const std::vector<WeakRef*>* list = I.weak.find(o);
  return list && !list->empty() && is_basic_ref((*list)[0]) ? (*list)[0] : nullptr;
}

WeakRef* basic_proxy_of(Isolate& I, Object* o) {
  const std::vector<WeakRef*>* list = I.weak.find(o);
  if (!list) return nullptr;
  size_t i = 0;
  if (i < list->size() && is_basic_ref((*list)[i])) ++i;
  return i < list->size() && is_basic_proxy((*list)[i]) ? (*list)[i] : nullptr;
}

/// A new weak reference of `type` to obj, registered at its list position.
Value new_weak(Isolate& I, Type* type, Object* obj, Value callback, WeakKind kind) {
  auto* w = static_cast<WeakRef*>(I.heap.alloc_object(type, type->basicsize));
  if (!w) return raise_memory(I);
  w->referent = obj;
  w->callback = callback;
  w->hash = -1;
  w->kind = kind;
  // The position follows CPython's insert_head / insert_after.
  const std::vector<WeakRef*>* list = I.weak.find(obj);
  size_t pos;
  if (kind == WeakKind::Ref && is_basic_ref(w)) {
    pos = 0;
  } else if (kind != WeakKind::Ref && callback.is_null()) {
    pos = list && !list->empty() && is_basic_ref((*list)[0]) ? 1 : 0;
  } else {
    pos = after_basics(list);
  }
  if (!I.weak.insert(I.heap, w, pos)) {
    w->referent = nullptr;
    return raise_memory(I);
  }
  return Value::object(w);
}

// --- ReferenceType ---------------------------------------------------------------------

Value ref_new(Isolate& I, Type* type, const Value* args, size_t nargs, Tuple* kw) {
  if (kw && kw->size() && !type->is_heap()) return raise(I, I.rt.exc_TypeError, "ref() takes no keyword arguments");
  if (check_nargs(I, "__new__", nargs, 1, 2) < 0) return Value::error();
  Value obj = args[0];
  Value cb = nargs > 1 && !args[1].is_none() ? args[1] : Value::null();
  if (!check_weakrefable(I, obj)) return Value::error();
  if (cb.is_null() && !type->is_heap()) {
    if (WeakRef* basic = basic_ref_of(I, obj.as_object())) return Value::object(basic);
  }
  return new_weak(I, type, obj.as_object(), cb, WeakKind::Ref);
}

int ref_init(Isolate& I, Value, const Value*, size_t nargs, Tuple*) {
  // The arguments were checked by __new__; CPython's __init__ only unpacks them.
  return check_nargs(I, "__init__", nargs, 1, 2);
}

Value ref_call(Isolate& I, Value self, const Value* args, size_t nargs, Tuple* kw) {
  if (kw && kw->size()) return raise(I, I.rt.exc_TypeError, "weakref() takes no keyword arguments");
  if (nargs) return raisef(I, I.rt.exc_TypeError, "weakref expected 0 arguments, got %zu", nargs);
  return referent_of(W(self));
}

int64_t ref_hash(Isolate& I, Value self) {
  WeakRef* w = W(self);
  if (w->hash != -1) return w->hash;
  if (!w->referent) {
    raise(I, I.rt.exc_TypeError, "weak object has gone away");
    return -1;
  }
  int64_t h = hash(I, Value::object(w->referent));
  if (h == -1) return -1;
  w->hash = h;
  return h;
}

Value ref_richcompare(Isolate& I, Value a, Value b, CompareOp op) {
  if ((op != CompareOp::Eq && op != CompareOp::Ne) || !is_weak(a) || !is_weak(b)) return Value::not_implemented();
  WeakRef* x = W(a);
  WeakRef* y = W(b);
  if (!x->referent || !y->referent) {
    bool same = x == y;
    return Value::boolean(op == CompareOp::Eq ? same : !same);
  }
  return rich_compare(I, Value::object(x->referent), Value::object(y->referent), op);
}

std::string addr(Isolate& I, Value v) {
  char buf[32];
  snprintf(buf, sizeof buf, "%#llx", static_cast<unsigned long long>(object_id(I, v)));
  return buf;
}

Value ref_repr(Isolate& I, Value self) {
  WeakRef* w = W(self);
  std::string s = "<weakref at " + addr(I, self);
  if (!w->referent) return str_value(I, s + "; dead>");
  Value obj = Value::object(w->referent);
  s += "; to '";
  s += type_name(I, obj);
  s += "' at " + addr(I, obj);
  Value name = get_attr_opt(I, obj, I.rt.n___name__);
  if (name.is_error()) return name;
  if (!name.is_null() && type_of(I, name)->flags & kTypeStrSubclass) {
    s += " (";
    s += name.as<Str>()->view();
    s += ")";
  }
  return str_value(I, s + ">");
}

Value ref_get_callback(Isolate&, Value self) {
  Value cb = W(self)->callback;
  return cb.is_null() ? Value::none() : cb;
}

// --- proxies ---------------------------------------------------------------------------

/// The referent of a proxy operand (other values pass through), or error
/// (ReferenceError) when the proxy is dead.
inline Value unwrap(Isolate& I, Value v) {
  if (!is_proxy(v)) return v;
  WeakRef* w = W(v);
  if (!w->referent) return raise(I, I.rt.exc_ReferenceError, kDeadMsg);
  return Value::object(w->referent);
}

#define UNWRAP(v)                     \
  Value v##_ = unwrap(I, v);          \
  if (v##_.is_error()) return v##_;
#define UNWRAP_INT(v)                 \
  Value v##_ = unwrap(I, v);          \
  if (v##_.is_error()) return -1;

Value proxy_repr(Isolate& I, Value self) {
  WeakRef* w = W(self);
  Value obj = referent_of(w);
  std::string s = "<weakproxy at " + addr(I, self) + " to ";
  s += type_name(I, obj);
  s += " at " + addr(I, obj) + ">";
  return str_value(I, s);
}

Value proxy_str(Isolate& I, Value self) { UNWRAP(self); return str(I, self_); }

Value proxy_getattr(Isolate& I, Value self, Str* name) {
  UNWRAP(self);
  return get_attr(I, self_, name);
}

int proxy_setattr(Isolate& I, Value self, Str* name, Value value) {
  UNWRAP_INT(self);
  return value.is_null() ? del_attr(I, self_, name) : set_attr(I, self_, name, value);
}

Value proxy_richcompare(Isolate& I, Value a, Value b, CompareOp op) {
  UNWRAP(a);
  UNWRAP(b);
  return rich_compare(I, a_, b_, op);
}

Value proxy_call(Isolate& I, Value self, const Value* args, size_t nargs, Tuple* kw) {
  UNWRAP(self);
  return call(I, self_, args, nargs, kw);
}

Value proxy_iter(Isolate& I, Value self) { UNWRAP(self); return get_iter(I, self_); }

Value proxy_next(Isolate& I, Value self) {
  UNWRAP(self);
  if (!type_of(I, self_)->next)
    return raisef(I, I.rt.exc_TypeError, "Weakref proxy referenced a non-iterator '%.200s' object",
                  type_name(I, self_));
  return iter_next(I, self_);
}

int64_t proxy_len(Isolate& I, Value self) { UNWRAP_INT(self); return length(I, self_); }
Value proxy_getitem(Isolate& I, Value self, Value key) { UNWRAP(self); return get_item(I, self_, key); }

int proxy_setitem(Isolate& I, Value self, Value key, Value value) {
  UNWRAP_INT(self);
  return value.is_null() ? del_item(I, self_, key) : set_item(I, self_, key, value);
}

int proxy_contains(Isolate& I, Value self, Value item) { UNWRAP_INT(self); return contains(I, self_, item); }
int proxy_bool(Isolate& I, Value self) { UNWRAP_INT(self); return truthy(I, self_); }

template <NbOp op>
Value proxy_nb(Isolate& I, Value a, Value b) {
  UNWRAP(a);
  UNWRAP(b);
  return binary_op(I, a_, b_, op);
}

template <NbOp op>
Value proxy_inplace(Isolate& I, Value a, Value b) {
  UNWRAP(a);
  UNWRAP(b);
  return inplace_op(I, a_, b_, op);
}

Value proxy_pow3(Isolate& I, Value a, Value b, Value c) {
  UNWRAP(a);
  UNWRAP(b);
  UNWRAP(c);
  return power(I, a_, b_, c_);
}

Value proxy_neg(Isolate& I, Value v) { UNWRAP(v); return negative(I, v_); }
Value proxy_pos(Isolate& I, Value v) { UNWRAP(v); return positive(I, v_); }
Value proxy_invert(Isolate& I, Value v) { UNWRAP(v); return invert(I, v_); }
Value proxy_abs(Isolate& I, Value v) { UNWRAP(v); return absolute(I, v_); }
Value proxy_int(Isolate& I, Value v) { UNWRAP(v); return number_int(I, v_); }
Value proxy_float(Isolate& I, Value v) { UNWRAP(v); return number_float(I, v_); }
Value proxy_index(Isolate& I, Value v) { UNWRAP(v); return index(I, v_); }

Value m_proxy_bytes(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (check_no_kwargs(I, "__bytes__", kw) < 0 || check_nargs(I, "__bytes__", nargs - 1, 0, 0) < 0)
    return Value::error();
  Value self = args[0];
  UNWRAP(self);
  return call(I, Value::object(I.rt.bytes_type), &self_, 1);
}

Value m_proxy_reversed(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (check_no_kwargs(I, "__reversed__", kw) < 0 || check_nargs(I, "__reversed__", nargs - 1, 0, 0) < 0)
    return Value::error();
  Value self = args[0];
  UNWRAP(self);
  return call_method(I, self_, I.intern("__reversed__"), {});
}

#undef UNWRAP
#undef UNWRAP_INT

Type* make_proxy_type(Isolate& I, const char* tp_name, const char* qualname, bool callable) {
  Type* t = isolate_type_new(I, tp_name, qualname, "weakref", sizeof(WeakRef), weakref_trace);
  if (!t) return nullptr;
  t->repr = proxy_repr;
  t->str = proxy_str;
  t->hash = nullptr;
  t->richcompare = proxy_richcompare;
  t->getattr = proxy_getattr;
  t->setattr = proxy_setattr;
  if (callable) t->call = proxy_call;
  t->iter = proxy_iter;
  t->next = proxy_next;
  t->len = proxy_len;
  t->getitem = proxy_getitem;
  t->setitem = proxy_setitem;
  t->contains = proxy_contains;
  t->bool_ = proxy_bool;
#define NB(op)                                              \
  t->nb[int(NbOp::op)] = proxy_nb<NbOp::op>;                \
  t->nb_inplace[int(NbOp::op)] = proxy_inplace<NbOp::op>;
  NB(Add) NB(And) NB(FloorDiv) NB(LShift) NB(MatMul) NB(Mul) NB(Mod) NB(Or) NB(Pow) NB(RShift) NB(Sub)
  NB(TrueDiv) NB(Xor)
#undef NB
  t->nb_pow3 = proxy_pow3;
  t->nb_neg = proxy_neg;
  t->nb_pos = proxy_pos;
  t->nb_invert = proxy_invert;
  t->nb_abs = proxy_abs;
  t->nb_int = proxy_int;
  t->nb_float = proxy_float;
  t->nb_index = proxy_index;
  if (add_slot_wrappers(I, t) < 0 || add_method(I, t, "__bytes__", m_proxy_bytes) < 0 ||
      add_method(I, t, "__reversed__", m_proxy_reversed) < 0)
    return nullptr;
  return t;
}

// --- module functions ------------------------------------------------------------------

inline WeakState* state_of(Value v) { return v.as<WeakState>(); }

// proxy(object, callback=None, /)
Value f_proxy(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  WeakState* st = state_of(args[0]);
  ++args;
  --nargs;
  if (kw && kw->size()) return raise(I, I.rt.exc_TypeError, "_weakref.proxy() takes no keyword arguments");
  if (check_nargs(I, "proxy", nargs, 1, 2) < 0) return Value::error();
  Value obj = args[0];
  Value cb = nargs > 1 && !args[1].is_none() ? args[1] : Value::null();
  if (!check_weakrefable(I, obj)) return Value::error();
  if (cb.is_null()) {
    if (WeakRef* basic = basic_proxy_of(I, obj.as_object())) return Value::object(basic);
  }
  bool callable = is_callable(I, obj);
  return new_weak(I, callable ? st->callable_proxy_type : st->proxy_type, obj.as_object(), cb,
                  callable ? WeakKind::CallableProxy : WeakKind::Proxy);
}

// getweakrefcount(object, /)
Value f_getweakrefcount(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  ++args;
  --nargs;
  if (check_no_kwargs(I, "_weakref.getweakrefcount", kw) < 0 ||
      check_nargs(I, "_weakref.getweakrefcount", nargs, 1, 1) < 0)
    return Value::error();
  if (!args[0].is_object()) return Value::small_int(0);
  const std::vector<WeakRef*>* list = I.weak.find(args[0].as_object());
  return Value::small_int(list ? static_cast<int64_t>(list->size()) : 0);
}

// getweakrefs(object, /)
Value f_getweakrefs(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  ++args;
  --nargs;
  if (check_no_kwargs(I, "getweakrefs", kw) < 0 || check_nargs(I, "getweakrefs", nargs, 1, 1) < 0)
    return Value::error();
  List* out = list_new(I, 0);
  if (!out) return Value::error();
  if (!args[0].is_object()) return Value::object(out);
  const std::vector<WeakRef*>* list = I.weak.find(args[0].as_object());
  size_t n = list ? list->size() : 0;
  for (size_t i = 0; i < n; ++i) {
    // Re-read the list each time: an allocation may run a collection.
    list = I.weak.find(args[0].as_object());
    if (!list || i >= list->size()) break;
    if (list_append(I, out, Value::object((*list)[i])) < 0) return Value::error();
  }
  return Value::object(out);
}

// _remove_dead_weakref(dct, key, /): del dct[key] if dct[key] is a dead weak reference.
Value f_remove_dead_weakref(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  ++args;
  --nargs;
  if (check_no_kwargs(I, "_remove_dead_weakref", kw) < 0 ||
      check_nargs(I, "_remove_dead_weakref", nargs, 2, 2) < 0)
    return Value::error();
  Value d = args[0];
  if (!(type_of(I, d)->flags & kTypeDictSubclass))
    return raisef(I, I.rt.exc_TypeError, "_remove_dead_weakref() argument 1 must be dict, not %s", type_name(I, d));
  Value v = dict_get(I, d.as<Dict>(), args[1]);
  if (v.is_error()) return v;
  if (v.is_null()) return Value::none();
  if (!is_weak(v)) return raise(I, I.rt.exc_TypeError, "not a weakref");
  if (!W(v)->referent && dict_del(I, d.as<Dict>(), args[1]) < 0) {
    if (!pending_matches(I, I.rt.exc_KeyError)) return Value::error();
    I.pending = nullptr;
  }
  return Value::none();
}

}  // namespace

int init__weakref_module(Isolate& I, Module* m) {
  Type* st_type = isolate_type_new(I, "_weakref._State", "_State", "_weakref", sizeof(WeakState), state_trace);
  if (!st_type) return -1;
  auto* st = static_cast<WeakState*>(I.heap.alloc_object(st_type, sizeof(WeakState)));
  if (!st) {
    raise_memory(I);
    return -1;
  }

  Type* rt = isolate_type_new(I, "weakref.ReferenceType", "ReferenceType", "weakref", sizeof(WeakRef), weakref_trace);
  if (!rt) return -1;
  st->ref_type = rt;
  rt->flags |= kTypeBaseType;
  rt->new_ = ref_new;
  rt->init = ref_init;
  rt->call = ref_call;
  rt->hash = ref_hash;
  rt->richcompare = ref_richcompare;
  rt->repr = ref_repr;
  // The slots as dunders (slot wrappers): subclasses such as KeyedRef and
  // WeakMethod inherit them.
  if (add_slot_wrappers(I, rt) < 0 || add_method(I, rt, "__class_getitem__", class_getitem_self, kMethodClass) < 0 ||
      add_getset(I, rt, "__callback__", ref_get_callback) < 0)
    return -1;

  st->proxy_type = make_proxy_type(I, "weakref.ProxyType", "ProxyType", false);
  if (!st->proxy_type) return -1;
  st->callable_proxy_type = make_proxy_type(I, "weakref.CallableProxyType", "CallableProxyType", true);
  if (!st->callable_proxy_type) return -1;

  if (stdlib_add_functions(I, m, Value::object(st),
                           {{"proxy", f_proxy},
                            {"getweakrefcount", f_getweakrefcount},
                            {"getweakrefs", f_getweakrefs},
                            {"_remove_dead_weakref", f_remove_dead_weakref}}) < 0 ||
      module_add_value(I, m, "ref", Value::object(rt)) < 0 ||
      module_add_value(I, m, "ReferenceType", Value::object(rt)) < 0 ||
      module_add_value(I, m, "ProxyType", Value::object(st->proxy_type)) < 0 ||
      module_add_value(I, m, "CallableProxyType", Value::object(st->callable_proxy_type)) < 0)
    return -1;
  return 0;
}

}  // namespace capy
