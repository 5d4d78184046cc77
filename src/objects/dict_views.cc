// dict views (dict_keys, dict_values, dict_items) and the dict iterators.
#include <string>

#include "objects/dict.h"
#include "objects/int.h"
#include "objects/iterators.h"
#include "objects/list.h"
#include "objects/native.h"
#include "objects/ops.h"
#include "objects/set.h"
#include "objects/str.h"
#include "objects/tuple.h"

namespace capy {

namespace {

enum class IterKind { Keys, Values, Items };

IterKind kind_of(Isolate& I, Type* t) {
  if (t == I.rt.dict_valueiterator_type || t == I.rt.dict_values_type) return IterKind::Values;
  if (t == I.rt.dict_itemiterator_type || t == I.rt.dict_items_type) return IterKind::Items;
  return IterKind::Keys;
}

// --- iterators -----------------------------------------------------------------------

Value dictiter_next(Isolate& I, Value self) {
  auto* it = self.as<DictIter>();
  Dict* d = it->dict;
  if (!d) return Value::null();
  if (it->used != d->count) {
    it->used = UINT32_MAX;  // sticky
    return raise(I, I.rt.exc_RuntimeError, "dictionary changed size during iteration");
  }
  int64_t i = it->pos;
  int64_t n = d->entries_used;
  if (!it->reversed) {
    while (i < n && d->entries[i].key.is_null()) ++i;
    it->pos = i + 1;
    if (i >= n) {
      it->dict = nullptr;
      return Value::null();
    }
    if (it->len == 0) {
      it->dict = nullptr;
      return raise(I, I.rt.exc_RuntimeError, "dictionary keys changed during iteration");
    }
  } else {
    if (i >= n) i = n - 1;
    while (i >= 0 && d->entries[i].key.is_null()) --i;
    if (i < 0) {
      it->dict = nullptr;
      return Value::null();
    }
    it->pos = i - 1;
  }
  it->len--;
  DictEntry& e = d->entries[i];
  switch (kind_of(I, it->type_)) {
    case IterKind::Keys: return e.key;
    case IterKind::Values: return e.value;
    case IterKind::Items: {
      Value pair[2] = {e.key, e.value};
      return tuple_value(I, pair, 2);
    }
  }
  return Value::null();
}

Value dictiter_length_hint(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (arg_none(I, "__length_hint__", nargs - 1, kw) < 0) return Value::error();
  auto* it = args[0].as<DictIter>();
  int64_t n = 0;
  if (it->dict && it->used == it->dict->count) n = it->len;
  return int_from_i64(I, n);
}

void dictiter_trace(Object* o, Tracer& t) { t.visit(static_cast<DictIter*>(o)->dict); }

Value self_iter(Isolate&, Value self) { return self; }

Value no_new(Isolate& I, Type* type, const Value*, size_t, Tuple*) {
  return raisef(I, I.rt.exc_TypeError, "cannot create '%s' instances", type_name(type));
}

// --- views ----------------------------------------------------------------------------------

bool is_setlike_view(Isolate& I, Value v) {
  if (!v.is_object()) return false;
  Type* t = v.as_object()->type_;
  return t == I.rt.dict_keys_type || t == I.rt.dict_items_type;
}

bool is_anyset(Isolate& I, Value v) {
  Type* t = type_of(I, v);
  return is_subtype(t, I.rt.set_type) || is_subtype(t, I.rt.frozenset_type);
}

Type* iter_type_for(Isolate& I, Type* view_type) {
  switch (kind_of(I, view_type)) {
    case IterKind::Keys: return I.rt.dict_keyiterator_type;
    case IterKind::Values: return I.rt.dict_valueiterator_type;
    case IterKind::Items: return I.rt.dict_itemiterator_type;
  }
  return I.rt.dict_keyiterator_type;
}

int64_t view_len(Isolate&, Value self) { return self.as<DictView>()->dict->count; }

Value view_iter(Isolate& I, Value self) {
  auto* v = self.as<DictView>();
  return dict_iter_new(I, v->dict, iter_type_for(I, v->type_), false);
}

Value view_reversed(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (arg_none(I, "__reversed__", nargs - 1, kw) < 0) return Value::error();
  auto* v = args[0].as<DictView>();
  return dict_iter_new(I, v->dict, iter_type_for(I, v->type_), true);
}

Value view_repr(Isolate& I, Value self) {
  auto* v = self.as<DictView>();
  int rc = repr_enter(I, v);
  if (rc != 0) return rc > 0 ? str_value(I, "...") : Value::error();
  List* l = list_new(I, 0);
  if (!l || list_extend(I, l, self) < 0) {
    repr_leave(I, v);
    return Value::error();
  }
  std::string out = type_name(v->type_);
  out += '(';
  int r = repr_append(I, Value::object(l), out);
  repr_leave(I, v);
  if (r < 0) return Value::error();
  out += ')';
  return str_value(I, out);
}

int keys_contains(Isolate& I, Value self, Value key) {
  Value r = dict_get(I, self.as<DictView>()->dict, key);
  if (r.is_error()) return -1;
  return r.is_null() ? 0 : 1;
}

int items_contains(Isolate& I, Value self, Value item) {
  if (!item.is_object() || !(item.as_object()->type_ == I.rt.tuple_type ||
                             (item.as_object()->type_->flags & kTypeTupleSubclass)))
    return 0;
  Tuple* t = item.as<Tuple>();
  if (t->size() != 2) return 0;
  Value key = t->items[0], value = t->items[1];
  Value found = dict_get(I, self.as<DictView>()->dict, key);
  if (found.is_error()) return -1;
  if (found.is_null()) return 0;
  return rich_compare_bool(I, found, value, CompareOp::Eq);
}

int view_contains(Isolate& I, Value view, Value item) {
  if (view.as_object()->type_ == I.rt.dict_items_type) return items_contains(I, view, item);
  return keys_contains(I, view, item);
}

// Every item of `a` is in `b` (all_contained_in).
int all_contained_in(Isolate& I, Value a, Value b) {
  Value it = get_iter(I, a);
  if (it.is_error()) return -1;
  for (;;) {
    Value x = iter_next(I, it);
    if (x.is_error()) return -1;
    if (x.is_null()) return 1;
    int r = contains(I, b, x);
    if (r <= 0) return r;
  }
}

Value view_richcompare(Isolate& I, Value self, Value other, CompareOp op) {
  if (!is_anyset(I, other) && !is_setlike_view(I, other)) return Value::not_implemented();
  int64_t len_self = length(I, self);
  if (len_self < 0) return Value::error();
  int64_t len_other = length(I, other);
  if (len_other < 0) return Value::error();
  int ok = 0;
  switch (op) {
    case CompareOp::Ne:
    case CompareOp::Eq:
      if (len_self == len_other) ok = all_contained_in(I, self, other);
      if (op == CompareOp::Ne && ok >= 0) ok = !ok;
      break;
    case CompareOp::Lt:
      if (len_self < len_other) ok = all_contained_in(I, self, other);
      break;
    case CompareOp::Le:
      if (len_self <= len_other) ok = all_contained_in(I, self, other);
      break;
    case CompareOp::Gt:
      if (len_self > len_other) ok = all_contained_in(I, other, self);
      break;
    case CompareOp::Ge:
      if (len_self >= len_other) ok = all_contained_in(I, other, self);
      break;
  }
  if (ok < 0) return Value::error();
  return Value::boolean(ok != 0);
}

// set(self), using the dict directly for keys views of exact dicts.
Set* view_to_set(Isolate& I, Value self) {
  Value left = self;
  if (self.is_object() && self.as_object()->type_ == I.rt.dict_keys_type) {
    Dict* d = self.as<DictView>()->dict;
    if (d->type_ == I.rt.dict_type) left = Value::object(d);
  }
  return set_new_from(I, left);
}

Value views_sub(Isolate& I, Value a, Value b) {
  Set* r = view_to_set(I, a);
  if (!r) return Value::error();
  if (set_difference_update_value(I, r, b) < 0) return Value::error();
  return Value::object(r);
}

Value views_or(Isolate& I, Value a, Value b) {
  Set* r = view_to_set(I, a);
  if (!r) return Value::error();
  if (set_update(I, r, b) < 0) return Value::error();
  return Value::object(r);
}

Value items_xor(Isolate& I, Value a, Value b) {
  Dict* d1 = a.as<DictView>()->dict;
  Dict* d2 = b.as<DictView>()->dict;
  Dict* temp = dict_copy(I, d1);
  if (!temp) return Value::error();
  Set* result = set_new(I, false);
  if (!result) return Value::error();
  uint32_t pos = 0;
  while (pos < d2->entries_used) {
    DictEntry e = d2->entries[pos++];
    if (e.key.is_null()) continue;
    Value v1;
    int found = dict_lookup_hashed(I, temp, e.key, e.hash, &v1);
    if (found < 0) return Value::error();
    int to_delete = 0;
    if (found) {
      to_delete = rich_compare_bool(I, v1, e.value, CompareOp::Eq);
      if (to_delete < 0) return Value::error();
    }
    if (to_delete) {
      if (dict_del(I, temp, e.key) < 0) return Value::error();
    } else {
      Value pair = tuple_pack(I, {e.key, e.value});
      if (pair.is_error()) return pair;
      if (set_add(I, result, pair) < 0) return Value::error();
    }
  }
  Value items = dict_view_new(I, temp, I.rt.dict_items_type);
  if (items.is_error()) return items;
  if (set_update(I, result, items) < 0) return Value::error();
  return Value::object(result);
}

Value views_xor(Isolate& I, Value a, Value b) {
  if (type_of(I, a) == I.rt.dict_items_type && type_of(I, b) == I.rt.dict_items_type) return items_xor(I, a, b);
  Set* r = view_to_set(I, a);
  if (!r) return Value::error();
  if (set_symmetric_difference_update_value(I, r, b) < 0) return Value::error();
  return Value::object(r);
}

Value views_and(Isolate& I, Value a, Value b) {
  Value self = a, other = b;
  if (!is_setlike_view(I, self)) std::swap(self, other);
  int64_t len_self = self.as<DictView>()->dict->count;
  if (type_of(I, other) == I.rt.set_type) {
    int64_t n = length(I, other);
    if (n < 0) return Value::error();
    if (len_self <= n) return set_intersection_value(I, other.as<Set>(), self);
  }
  if (is_setlike_view(I, other)) {
    int64_t len_other = other.as<DictView>()->dict->count;
    if (len_other > len_self) std::swap(self, other);
  }
  Set* result = set_new(I, false);
  if (!result) return Value::error();
  Value it = get_iter(I, other);
  if (it.is_error()) return it;
  bool items = self.as_object()->type_ == I.rt.dict_items_type;
  for (;;) {
    Value x = iter_next(I, it);
    if (x.is_error()) return x;
    if (x.is_null()) break;
    int r = items ? items_contains(I, self, x) : keys_contains(I, self, x);
    if (r < 0) return Value::error();
    if (r && set_add(I, result, x) < 0) return Value::error();
  }
  return Value::object(result);
}

Value view_isdisjoint(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (arg_one(I, "isdisjoint", nargs - 1, kw) < 0) return Value::error();
  Value self = args[0], other = args[1];
  if (self.is(other)) return Value::boolean(self.as<DictView>()->dict->count == 0);
  if (is_anyset(I, other) || is_setlike_view(I, other)) {
    int64_t len_self = self.as<DictView>()->dict->count;
    int64_t len_other = length(I, other);
    if (len_other < 0) return Value::error();
    if (len_other > len_self) std::swap(self, other);
  }
  Value it = get_iter(I, other);
  if (it.is_error()) return it;
  for (;;) {
    Value x = iter_next(I, it);
    if (x.is_error()) return x;
    if (x.is_null()) return Value::true_();
    int r = contains(I, self, x);
    if (r < 0) return Value::error();
    if (r) return Value::false_();
  }
}

void view_trace(Object* o, Tracer& t) { t.visit(static_cast<DictView*>(o)->dict); }

int64_t unhashable(Isolate& I, Value self) {
  raisef(I, I.rt.exc_TypeError, "unhashable type: '%s'", type_name(I, self));
  return -1;
}

void setup_view(Runtime& rt, Type* t, bool setlike) {
  t->basicsize = sizeof(DictView);
  t->len = view_len;
  t->iter = view_iter;
  t->repr = view_repr;
  t->trace = view_trace;
  t->new_ = no_new;
  if (setlike) {
    t->contains = view_contains;
    t->richcompare = view_richcompare;
    t->hash = unhashable;
    t->nb[int(NbOp::Sub)] = views_sub;
    t->nb[int(NbOp::And)] = views_and;
    t->nb[int(NbOp::Or)] = views_or;
    t->nb[int(NbOp::Xor)] = views_xor;
    add_attr(rt, t, "__hash__", Value::none());
    add_methods(rt, t, {{"isdisjoint", view_isdisjoint}, {"__reversed__", view_reversed}});
  } else {
    add_methods(rt, t, {{"__reversed__", view_reversed}});
  }
}

void setup_iter(Runtime& rt, Type* t) {
  t->basicsize = sizeof(DictIter);
  t->iter = self_iter;
  t->next = dictiter_next;
  t->trace = dictiter_trace;
  t->new_ = no_new;
  add_methods(rt, t, {{"__length_hint__", dictiter_length_hint}});
}

}  // namespace

Value dict_iter_new(Isolate& I, Dict* d, Type* iter_type, bool reversed) {
  Object* o = I.heap.alloc_object(iter_type, sizeof(DictIter));
  if (!o) return raise_memory(I);
  auto* it = static_cast<DictIter*>(o);
  it->dict = d;
  it->used = d->count;
  it->reversed = reversed;
  it->pos = reversed ? static_cast<int64_t>(d->entries_used) - 1 : 0;
  it->len = d->count;
  return Value::object(it);
}

Value dict_view_new(Isolate& I, Dict* d, Type* view_type) {
  Object* o = I.heap.alloc_object(view_type, sizeof(DictView));
  if (!o) return raise_memory(I);
  static_cast<DictView*>(o)->dict = d;
  return Value::object(o);
}

void init_dict_view_types(Runtime& rt) {
  setup_view(rt, rt.dict_keys_type, true);
  setup_view(rt, rt.dict_items_type, true);
  setup_view(rt, rt.dict_values_type, false);
  setup_iter(rt, rt.dict_keyiterator_type);
  setup_iter(rt, rt.dict_valueiterator_type);
  setup_iter(rt, rt.dict_itemiterator_type);
}

}  // namespace capy
