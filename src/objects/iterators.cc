// Builtin iterator types and the helpers shared by the container types.
#include "objects/iterators.h"
#include "support/stack_limit.h"

#include <cstring>
#include <vector>

#include "objects/dict.h"
#include "objects/exception.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/native.h"
#include "objects/ops.h"
#include "objects/str.h"
#include "objects/tuple.h"

namespace capy {

// --- shared helpers -------------------------------------------------------------

namespace {
// Objects whose repr is being computed on this thread (Py_ReprEnter's list).
thread_local std::vector<Object*> g_repr_stack;
}  // namespace

int repr_enter(Isolate& I, Object* o) {
  (void)I;
  for (Object* x : g_repr_stack)
    if (x == o) return 1;
  g_repr_stack.push_back(o);
  return 0;
}

void repr_leave(Isolate& I, Object* o) {
  (void)I;
  for (size_t i = g_repr_stack.size(); i-- > 0;) {
    if (g_repr_stack[i] == o) {
      g_repr_stack.erase(g_repr_stack.begin() + static_cast<std::ptrdiff_t>(i));
      return;
    }
  }
}

bool recursion_enter(Isolate& I, const char* where) {
  if (++I.call_depth > I.recursion_limit + 50 || support::stack_exhausted()) {
    --I.call_depth;
    raisef(I, I.rt.exc_RecursionError, "maximum recursion depth exceeded%s", where);
    return false;
  }
  return true;
}

Value raise_key_error(Isolate& I, Value key) {
  Tuple* args = tuple_from(I, &key, 1);
  if (!args) return Value::error();
  BaseExc* e = exception_new(I, I.rt.exc_KeyError, args);
  if (!e) return Value::error();
  I.pending = e;
  return Value::error();
}

int seq_index_of(Isolate& I, Value key, int64_t* out) {
  if (key.is_small_int()) {
    *out = key.as_small_int();
    return 1;
  }
  Value v = key;
  if (!is_int(I, v)) {
    Type* t = type_of(I, v);
    if (!t->nb_index) return 0;
    v = index(I, v);
    if (v.is_error()) return -1;
  }
  v = int_unwrap(I, v);
  if (!int_to_i64(v, out)) {
    raisef(I, I.rt.exc_IndexError, "cannot fit '%s' into an index-sized integer", type_name(I, key));
    return -1;
  }
  return 1;
}

int arg_no_kw(Isolate& I, const char* name, Tuple* kwnames) {
  if (kwnames && kwnames->size()) {
    raisef(I, I.rt.exc_TypeError, "%s() takes no keyword arguments", name);
    return -1;
  }
  return 0;
}

int arg_none(Isolate& I, const char* qualname, size_t n, Tuple* kwnames) {
  if (arg_no_kw(I, qualname, kwnames) < 0) return -1;
  if (n) {
    raisef(I, I.rt.exc_TypeError, "%s() takes no arguments (%zu given)", qualname, n);
    return -1;
  }
  return 0;
}

int arg_one(Isolate& I, const char* qualname, size_t n, Tuple* kwnames) {
  if (arg_no_kw(I, qualname, kwnames) < 0) return -1;
  if (n != 1) {
    raisef(I, I.rt.exc_TypeError, "%s() takes exactly one argument (%zu given)", qualname, n);
    return -1;
  }
  return 0;
}

int arg_count(Isolate& I, const char* name, size_t n, size_t min, size_t max) {
  if (n < min) {
    raisef(I, I.rt.exc_TypeError, "%s expected %s%zu argument%s, got %zu", name,
           min == max ? "" : "at least ", min, min == 1 ? "" : "s", n);
    return -1;
  }
  if (n > max) {
    raisef(I, I.rt.exc_TypeError, "%s expected %s%zu argument%s, got %zu", name,
           min == max ? "" : "at most ", max, max == 1 ? "" : "s", n);
    return -1;
  }
  return 0;
}

int arg_range(Isolate& I, const char* qualname, const char* name, size_t n, size_t min, size_t max,
              Tuple* kwnames) {
  if (arg_no_kw(I, qualname, kwnames) < 0) return -1;
  return arg_count(I, name, n, min, max);
}

Object* alloc_instance(Isolate& I, Type* type, size_t nitems) {
  size_t size = type->basicsize;
  if (type->itemsize) {
    if (nitems > (SIZE_MAX / 2 - size) / type->itemsize) {
      raise_memory(I);
      return nullptr;
    }
    size += nitems * type->itemsize;
    if (type->dict_offset < 0) size = ((size + 7) & ~size_t(7)) + sizeof(Dict*);
  }
  Object* o = I.heap.alloc_object(type, size);
  if (!o) {
    raise_memory(I);
    return nullptr;
  }
  if (type->itemsize) o->aux_ = static_cast<uint32_t>(nitems);
  return o;
}

Value class_getitem_self(Isolate& I, const Value* args, size_t nargs, Tuple* kwnames) {
  if (arg_one(I, "__class_getitem__", nargs - 1, kwnames) < 0) return Value::error();
  return args[0];
}

// --- common slots ---------------------------------------------------------------

namespace {

Value self_iter(Isolate&, Value self) { return self; }

Value no_new(Isolate& I, Type* type, const Value*, size_t, Tuple*) {
  return raisef(I, I.rt.exc_TypeError, "cannot create '%s' instances", type_name(type));
}

template <class T>
T* new_iter(Isolate& I, Type* t) {
  Object* o = I.heap.alloc_object(t, sizeof(T));
  if (!o) {
    raise_memory(I);
    return nullptr;
  }
  return static_cast<T*>(o);
}

// --- list_iterator / list_reverseiterator ---------------------------------------

Value listiter_next(Isolate& I, Value self) {
  auto* it = self.as<ListIter>();
  List* l = it->list;
  if (!l) return Value::null();
  if (it->index >= 0 && static_cast<uint64_t>(it->index) < l->size) return l->items[it->index++];
  it->list = nullptr;
  return Value::null();
}

Value listiter_length_hint(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (arg_none(I, "list_iterator.__length_hint__", nargs - 1, kw) < 0) return Value::error();
  auto* it = args[0].as<ListIter>();
  int64_t n = 0;
  if (it->list && static_cast<int64_t>(it->list->size) > it->index)
    n = static_cast<int64_t>(it->list->size) - it->index;
  return int_from_i64(I, n);
}

Value listreviter_next(Isolate& I, Value self) {
  auto* it = self.as<ListIter>();
  List* l = it->list;
  if (!l) return Value::null();
  if (it->index >= 0 && static_cast<uint64_t>(it->index) < l->size) return l->items[it->index--];
  it->index = -1;
  it->list = nullptr;
  return Value::null();
}

Value listreviter_length_hint(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (arg_none(I, "list_reverseiterator.__length_hint__", nargs - 1, kw) < 0) return Value::error();
  auto* it = args[0].as<ListIter>();
  int64_t n = it->index + 1;
  if (!it->list || static_cast<int64_t>(it->list->size) < n) n = 0;
  return int_from_i64(I, n);
}

void listiter_trace(Object* o, Tracer& t) { t.visit(static_cast<ListIter*>(o)->list); }

// --- tuple_iterator -------------------------------------------------------------------

Value tupleiter_next(Isolate& I, Value self) {
  auto* it = self.as<TupleIter>();
  Tuple* tp = it->tuple;
  if (!tp) return Value::null();
  if (static_cast<uint64_t>(it->index) < tp->size()) return tp->items[it->index++];
  it->tuple = nullptr;
  return Value::null();
}

Value tupleiter_length_hint(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (arg_none(I, "tuple_iterator.__length_hint__", nargs - 1, kw) < 0) return Value::error();
  auto* it = args[0].as<TupleIter>();
  int64_t n = 0;
  if (it->tuple) n = static_cast<int64_t>(it->tuple->size()) - it->index;
  return int_from_i64(I, n < 0 ? 0 : n);
}

void tupleiter_trace(Object* o, Tracer& t) { t.visit(static_cast<TupleIter*>(o)->tuple); }

// --- range_iterator ---------------------------------------------------------------------

Value rangeiter_next(Isolate& I, Value self) {
  auto* it = self.as<RangeIter>();
  if (!it->big) {
    if (it->remaining <= 0) return Value::null();
    int64_t v = it->next;
    it->next = static_cast<int64_t>(static_cast<uint64_t>(v) + static_cast<uint64_t>(it->step));
    --it->remaining;
    if (Value::fits_small_int(v)) return Value::small_int(v);
    return int_from_i64(I, v);
  }
  if (it->big_remaining.is_null()) return Value::null();
  int c = int_compare(it->big_remaining, Value::small_int(0));
  if (c <= 0) return Value::null();
  Value v = it->big_next;
  Value nx = binary_op(I, v, it->big_step, NbOp::Add);
  if (nx.is_error()) return nx;
  Value rem = binary_op(I, it->big_remaining, Value::small_int(1), NbOp::Sub);
  if (rem.is_error()) return rem;
  it->big_next = nx;
  it->big_remaining = rem;
  return v;
}

Value rangeiter_length_hint(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (arg_none(I, "range_iterator.__length_hint__", nargs - 1, kw) < 0) return Value::error();
  auto* it = args[0].as<RangeIter>();
  if (!it->big) return int_from_i64(I, it->remaining < 0 ? 0 : it->remaining);
  if (it->big_remaining.is_null()) return Value::small_int(0);
  return it->big_remaining;
}

void rangeiter_trace(Object* o, Tracer& t) {
  auto* it = static_cast<RangeIter*>(o);
  t.visit(it->big_next);
  t.visit(it->big_step);
  t.visit(it->big_remaining);
}

// --- iterator (sequence protocol) -----------------------------------------------------

Value seqiter_next(Isolate& I, Value self) {
  auto* it = self.as<SeqIter>();
  if (it->seq.is_null() || !it->index.is_small_int()) return Value::null();
  int64_t i = it->index.as_small_int();
  Value r = get_item(I, it->seq, Value::small_int(i));
  if (r.is_error()) {
    if (pending_matches(I, I.rt.exc_IndexError) || pending_matches(I, I.rt.exc_StopIteration)) {
      I.pending = nullptr;
      it->seq = Value::null();
      return Value::null();
    }
    return r;
  }
  if (!Value::fits_small_int(i + 1)) {
    it->seq = Value::null();
    return raise(I, I.rt.exc_OverflowError, "iter index too large");
  }
  it->index = Value::small_int(i + 1);
  return r;
}

Value seqiter_length_hint(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (arg_none(I, "iterator.__length_hint__", nargs - 1, kw) < 0) return Value::error();
  auto* it = args[0].as<SeqIter>();
  if (!it->seq.is_null()) {
    if (!type_of(I, it->seq)->len) return Value::not_implemented();
    int64_t n = length(I, it->seq);
    if (n < 0) return Value::error();
    int64_t i = it->index.is_small_int() ? it->index.as_small_int() : 0;
    if (n - i >= 0) return int_from_i64(I, n - i);
  }
  return Value::small_int(0);
}

void seqiter_trace(Object* o, Tracer& t) {
  auto* it = static_cast<SeqIter*>(o);
  t.visit(it->seq);
  t.visit(it->index);
}

// --- callable_iterator --------------------------------------------------------------------

Value calliter_next(Isolate& I, Value self) {
  auto* it = self.as<CallableIter>();
  if (it->callable.is_null()) return Value::null();
  Value r = call(I, it->callable, nullptr, 0, nullptr);
  if (r.is_error()) {
    if (pending_matches(I, I.rt.exc_StopIteration)) {
      I.pending = nullptr;
      it->callable = Value::null();
      it->sentinel = Value::null();
      return Value::null();
    }
    return r;
  }
  if (it->sentinel.is_null()) return Value::null();
  int ok = rich_compare_bool(I, r, it->sentinel, CompareOp::Eq);
  if (ok < 0) return Value::error();
  if (ok == 0) return r;
  it->callable = Value::null();
  it->sentinel = Value::null();
  return Value::null();
}

void calliter_trace(Object* o, Tracer& t) {
  auto* it = static_cast<CallableIter*>(o);
  t.visit(it->callable);
  t.visit(it->sentinel);
}

// --- enumerate ---------------------------------------------------------------------------------

Value enumerate_new(Isolate& I, Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  size_t nkw = kwnames ? kwnames->size() : 0;
  if (nargs + nkw > 2)
    return raisef(I, I.rt.exc_TypeError, "enumerate() takes at most 2 arguments (%zu given)", nargs + nkw);
  Value iterable = nargs > 0 ? args[0] : Value::null();
  Value start = nargs > 1 ? args[1] : Value::null();
  for (size_t k = 0; k < nkw; ++k) {
    Str* name = kwnames->items[k].as<Str>();
    Value v = args[nargs + k];
    if (name->view() == "iterable" && nargs < 1) {
      iterable = v;
    } else if (name->view() == "start" && nargs < 2) {
      start = v;
    } else if (name->view() == "iterable" || name->view() == "start") {
      return raisef(I, I.rt.exc_TypeError,
                    "argument for enumerate() given by name ('%s') and position (%d)", name->data,
                    name->view() == "iterable" ? 1 : 2);
    } else {
      return raisef(I, I.rt.exc_TypeError, "'%s' is an invalid keyword argument for enumerate()",
                    name->data);
    }
  }
  if (iterable.is_null())
    return raise(I, I.rt.exc_TypeError, "enumerate() missing required argument 'iterable'");
  int64_t idx = 0;
  Value big = Value::null();
  if (!start.is_null()) {
    Value s = index(I, start);
    if (s.is_error()) return s;
    s = int_unwrap(I, s);
    if (!int_to_i64(s, &idx)) big = s;
  }
  Value it = get_iter(I, iterable);
  if (it.is_error()) return it;
  auto* e = static_cast<Enumerate*>(alloc_instance(I, type));
  if (!e) return Value::error();
  e->it = it;
  e->index = idx;
  e->big_index = big;
  return Value::object(e);
}

Value enumerate_next(Isolate& I, Value self) {
  auto* e = self.as<Enumerate>();
  if (!e->it.is_object()) return Value::null();
  Value item = iter_next(I, e->it);
  if (item.is_error() || item.is_null()) return item;
  Value idx;
  if (e->big_index.is_null()) {
    idx = int_from_i64(I, e->index);
    if (idx.is_error()) return idx;
    if (e->index == INT64_MAX) {
      Value nx = binary_op(I, idx, Value::small_int(1), NbOp::Add);
      if (nx.is_error()) return nx;
      e->big_index = nx;
    } else {
      ++e->index;
    }
  } else {
    idx = e->big_index;
    Value nx = binary_op(I, idx, Value::small_int(1), NbOp::Add);
    if (nx.is_error()) return nx;
    e->big_index = nx;
  }
  Value pair[2] = {idx, item};
  return tuple_value(I, pair, 2);
}

void enumerate_trace(Object* o, Tracer& t) {
  auto* e = static_cast<Enumerate*>(o);
  t.visit(e->it);
  t.visit(e->big_index);
}

// --- zip ------------------------------------------------------------------------------------------

Value zip_new(Isolate& I, Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  bool strict = false;
  size_t nkw = kwnames ? kwnames->size() : 0;
  if (nkw > 1)
    return raisef(I, I.rt.exc_TypeError, "zip() takes at most 1 keyword argument (%zu given)", nkw);
  if (nkw == 1) {
    Str* name = kwnames->items[0].as<Str>();
    if (name->view() != "strict")
      return raisef(I, I.rt.exc_TypeError, "'%s' is an invalid keyword argument for zip()", name->data);
    int t = truthy(I, args[nargs]);
    if (t < 0) return Value::error();
    strict = t != 0;
  }
  Tuple* its = tuple_new(I, nargs);
  if (!its) return Value::error();
  for (size_t i = 0; i < nargs; ++i) {
    Value it = get_iter(I, args[i]);
    if (it.is_error()) return it;
    its->items[i] = it;
  }
  auto* z = static_cast<Zip*>(alloc_instance(I, type));
  if (!z) return Value::error();
  z->its = its;
  z->strict = strict;
  return Value::object(z);
}

Value zip_next(Isolate& I, Value self) {
  auto* z = self.as<Zip>();
  Tuple* its = z->its;
  if (!its) return Value::null();
  size_t n = its->size();
  if (n == 0) return Value::null();
  Value small[8];
  std::vector<Value> big;
  Value* buf = small;
  if (n > 8) {
    big.resize(n);
    buf = big.data();
  }
  size_t i = 0;
  for (; i < n; ++i) {
    Value item = iter_next(I, its->items[i]);
    if (item.is_error()) return item;
    if (item.is_null()) break;
    buf[i] = item;
  }
  if (i == n) return tuple_value(I, buf, n);
  if (!z->strict) return Value::null();
  if (i) {
    const char* plural = i == 1 ? " " : "s 1-";
    return raisef(I, I.rt.exc_ValueError, "zip() argument %zu is shorter than argument%s%zu", i + 1,
                  plural, i);
  }
  for (i = 1; i < n; ++i) {
    Value item = iter_next(I, its->items[i]);
    if (item.is_error()) return item;
    if (!item.is_null()) {
      const char* plural = i == 1 ? " " : "s 1-";
      return raisef(I, I.rt.exc_ValueError, "zip() argument %zu is longer than argument%s%zu", i + 1,
                    plural, i);
    }
  }
  return Value::null();
}

void zip_trace(Object* o, Tracer& t) { t.visit(static_cast<Zip*>(o)->its); }

// --- map -------------------------------------------------------------------------------------------

Value map_new(Isolate& I, Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  if (type == I.rt.map_type && arg_no_kw(I, "map", kwnames) < 0) return Value::error();
  if (nargs < 2) return raise(I, I.rt.exc_TypeError, "map() must have at least two arguments.");
  Tuple* its = tuple_new(I, nargs - 1);
  if (!its) return Value::error();
  for (size_t i = 1; i < nargs; ++i) {
    Value it = get_iter(I, args[i]);
    if (it.is_error()) return it;
    its->items[i - 1] = it;
  }
  auto* m = static_cast<MapObj*>(alloc_instance(I, type));
  if (!m) return Value::error();
  m->func = args[0];
  m->its = its;
  return Value::object(m);
}

Value map_next(Isolate& I, Value self) {
  auto* m = self.as<MapObj>();
  Tuple* its = m->its;
  if (!its) return Value::null();
  size_t n = its->size();
  Value small[8];
  std::vector<Value> big;
  Value* buf = small;
  if (n > 8) {
    big.resize(n);
    buf = big.data();
  }
  for (size_t i = 0; i < n; ++i) {
    Value item = iter_next(I, its->items[i]);
    if (item.is_error() || item.is_null()) return item;
    buf[i] = item;
  }
  return call(I, m->func, buf, n, nullptr);
}

void map_trace(Object* o, Tracer& t) {
  auto* m = static_cast<MapObj*>(o);
  t.visit(m->func);
  t.visit(m->its);
}

// --- filter -----------------------------------------------------------------------------------------

Value filter_new(Isolate& I, Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  if (type == I.rt.filter_type && arg_no_kw(I, "filter", kwnames) < 0) return Value::error();
  if (arg_count(I, "filter", nargs, 2, 2) < 0) return Value::error();
  Value it = get_iter(I, args[1]);
  if (it.is_error()) return it;
  auto* f = static_cast<FilterObj*>(alloc_instance(I, type));
  if (!f) return Value::error();
  f->func = args[0];
  f->it = it;
  return Value::object(f);
}

Value filter_next(Isolate& I, Value self) {
  auto* f = self.as<FilterObj>();
  if (!f->it.is_object()) return Value::null();
  bool plain = f->func.is_none() || f->func.is(Value::object(I.rt.bool_type));
  for (;;) {
    Value item = iter_next(I, f->it);
    if (item.is_error() || item.is_null()) return item;
    int ok;
    if (plain) {
      ok = truthy(I, item);
    } else {
      Value r = call(I, f->func, &item, 1, nullptr);
      if (r.is_error()) return r;
      ok = truthy(I, r);
    }
    if (ok < 0) return Value::error();
    if (ok) return item;
  }
}

void filter_trace(Object* o, Tracer& t) {
  auto* f = static_cast<FilterObj*>(o);
  t.visit(f->func);
  t.visit(f->it);
}

// --- reversed -------------------------------------------------------------------------------------------

Value reversed_new(Isolate& I, Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  if (type == I.rt.reversed_type && arg_no_kw(I, "reversed", kwnames) < 0) return Value::error();
  if (arg_count(I, "reversed", nargs, 1, 1) < 0) return Value::error();
  Value seq = args[0];
  Value meth = lookup_special(I, seq, I.rt.n___reversed__);
  if (meth.is_error()) return meth;
  if (meth.is_none())
    return raisef(I, I.rt.exc_TypeError, "'%s' object is not reversible", type_name(I, seq));
  if (!meth.is_null()) return call(I, meth, nullptr, 0, nullptr);
  Type* st = type_of(I, seq);
  if (!st->getitem || is_subtype(st, I.rt.dict_type))
    return raisef(I, I.rt.exc_TypeError, "'%s' object is not reversible", type_name(st));
  int64_t n = length(I, seq);
  if (n < 0) return Value::error();
  auto* r = static_cast<Reversed*>(alloc_instance(I, type));
  if (!r) return Value::error();
  r->seq = seq;
  r->index = n - 1;
  return Value::object(r);
}

Value reversed_next(Isolate& I, Value self) {
  auto* r = self.as<Reversed>();
  if (r->seq.is_null() || !r->seq.is_object()) return Value::null();
  if (r->index >= 0) {
    Value item = get_item(I, r->seq, int_from_i64(I, r->index));
    if (!item.is_error()) {
      --r->index;
      return item;
    }
    if (!pending_matches(I, I.rt.exc_IndexError) && !pending_matches(I, I.rt.exc_StopIteration))
      return item;
    I.pending = nullptr;
  }
  r->index = -1;
  r->seq = Value::null();
  return Value::null();
}

Value reversed_length_hint(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (arg_none(I, "reversed.__length_hint__", nargs - 1, kw) < 0) return Value::error();
  auto* r = args[0].as<Reversed>();
  if (r->seq.is_null() || !r->seq.is_object()) return Value::small_int(0);
  int64_t position = r->index + 1;
  int64_t n = length(I, r->seq);
  if (n < 0) return Value::error();
  return int_from_i64(I, n < position ? 0 : position);
}

void reversed_trace(Object* o, Tracer& t) { t.visit(static_cast<Reversed*>(o)->seq); }

void setup_iter_type(Type* t, uint32_t size, NextFn next, TraceFn trace, NewFn new_fn, uint32_t flags) {
  t->basicsize = size;
  t->iter = self_iter;
  t->next = next;
  t->trace = trace;
  t->new_ = new_fn ? new_fn : no_new;
  t->flags |= flags;
}

}  // namespace

// --- constructors -------------------------------------------------------------------------

Value list_iter_new(Isolate& I, List* l) {
  auto* it = new_iter<ListIter>(I, I.rt.list_iterator_type);
  if (!it) return Value::error();
  it->list = l;
  it->index = 0;
  return Value::object(it);
}

Value list_reviter_new(Isolate& I, List* l) {
  auto* it = new_iter<ListIter>(I, I.rt.list_reverseiterator_type);
  if (!it) return Value::error();
  it->list = l;
  it->index = static_cast<int64_t>(l->size) - 1;
  return Value::object(it);
}

Value tuple_iter_new(Isolate& I, Tuple* t) {
  auto* it = new_iter<TupleIter>(I, I.rt.tuple_iterator_type);
  if (!it) return Value::error();
  it->tuple = t;
  it->index = 0;
  return Value::object(it);
}

Value seq_iter_new(Isolate& I, Value seq) {
  auto* it = new_iter<SeqIter>(I, I.rt.seq_iterator_type);
  if (!it) return Value::error();
  it->seq = seq;
  it->index = Value::small_int(0);
  return Value::object(it);
}

Value callable_iter_new(Isolate& I, Value callable, Value sentinel) {
  auto* it = new_iter<CallableIter>(I, I.rt.callable_iterator_type);
  if (!it) return Value::error();
  it->callable = callable;
  it->sentinel = sentinel;
  return Value::object(it);
}

Value range_iter_new_i64(Isolate& I, int64_t start, int64_t step, int64_t len) {
  auto* it = new_iter<RangeIter>(I, I.rt.range_iterator_type);
  if (!it) return Value::error();
  it->next = start;
  it->step = step;
  it->remaining = len;
  it->big = false;
  return Value::object(it);
}

Value range_iter_new_big(Isolate& I, Value start, Value step, Value len) {
  auto* it = new_iter<RangeIter>(I, I.rt.range_iterator_type);
  if (!it) return Value::error();
  it->big = true;
  it->big_next = start;
  it->big_step = step;
  it->big_remaining = len;
  return Value::object(it);
}

void init_iterator_types(Runtime& rt) {
  setup_iter_type(rt.list_iterator_type, sizeof(ListIter), listiter_next, listiter_trace, nullptr, 0);
  add_methods(rt, rt.list_iterator_type, {{"__length_hint__", listiter_length_hint}});
  setup_iter_type(rt.list_reverseiterator_type, sizeof(ListIter), listreviter_next, listiter_trace, nullptr, 0);
  add_methods(rt, rt.list_reverseiterator_type, {{"__length_hint__", listreviter_length_hint}});
  setup_iter_type(rt.tuple_iterator_type, sizeof(TupleIter), tupleiter_next, tupleiter_trace, nullptr, 0);
  add_methods(rt, rt.tuple_iterator_type, {{"__length_hint__", tupleiter_length_hint}});
  setup_iter_type(rt.range_iterator_type, sizeof(RangeIter), rangeiter_next, rangeiter_trace, nullptr, 0);
  add_methods(rt, rt.range_iterator_type, {{"__length_hint__", rangeiter_length_hint}});
  setup_iter_type(rt.seq_iterator_type, sizeof(SeqIter), seqiter_next, seqiter_trace, nullptr, 0);
  add_methods(rt, rt.seq_iterator_type, {{"__length_hint__", seqiter_length_hint}});
  setup_iter_type(rt.callable_iterator_type, sizeof(CallableIter), calliter_next, calliter_trace, nullptr, 0);

  setup_iter_type(rt.enumerate_type, sizeof(Enumerate), enumerate_next, enumerate_trace, enumerate_new,
                  kTypeBaseType);
  setup_iter_type(rt.zip_type, sizeof(Zip), zip_next, zip_trace, zip_new, kTypeBaseType);
  setup_iter_type(rt.map_type, sizeof(MapObj), map_next, map_trace, map_new, kTypeBaseType);
  setup_iter_type(rt.filter_type, sizeof(FilterObj), filter_next, filter_trace, filter_new, kTypeBaseType);
  setup_iter_type(rt.reversed_type, sizeof(Reversed), reversed_next, reversed_trace, reversed_new,
                  kTypeBaseType);
  add_methods(rt, rt.reversed_type, {{"__length_hint__", reversed_length_hint}});
}

}  // namespace capy
