// itertools: CPython 3.11's iterator building blocks, as native iterator
// types created per isolate (the type objects live in the module). Every
// iterator is lazy; only cycle (the items seen) and product / permutations /
// combinations (their input pools) keep items, as CPython does.
//
// Instances may be created without their constructor (object.__new__ on the
// type yields a zeroed object), so every `next` treats a zeroed object as an
// exhausted iterator: source iterators are Values checked with is_object().
#include <climits>
#include <cstring>
#include <string>
#include <vector>

#include "modules/registry.h"
#include "objects/dict.h"
#include "objects/exception.h"
#include "objects/float.h"
#include "objects/function.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/misc.h"
#include "objects/native.h"
#include "objects/ops.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "vm/interpreter.h"
#include "vm/isolate.h"
#include "vm/runtime.h"

namespace capy {

namespace {

// --- per-isolate native types (immutable: no kTypeHeap) ---------------------------------

Type* new_type(Isolate& I, const char* tp_name, const char* qualname, uint32_t basicsize, TraceFn trace) {
  return isolate_type_new(I, tp_name, qualname, "itertools", basicsize, trace);
}

Value m_iter_self(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (check_no_kwargs(I, "__iter__", kw) < 0 || check_nargs(I, "__iter__", nargs - 1, 0, 0) < 0)
    return Value::error();
  return args[0];
}
Value m_next(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (check_no_kwargs(I, "__next__", kw) < 0 || check_nargs(I, "__next__", nargs - 1, 0, 0) < 0)
    return Value::error();
  Value r = type_of(I, args[0])->next(I, args[0]);
  if (r.is_null()) return raise_value(I, Value::object(I.rt.exc_StopIteration));
  return r;
}
Value iter_self(Isolate&, Value self) { return self; }

/// Makes an iterator type and adds it to the module under `name`.
Type* iter_type(Isolate& I, Module* m, const char* name, uint32_t size, TraceFn trace, NewFn new_, NextFn next) {
  std::string full = std::string("itertools.") + name;
  Type* t = new_type(I, full.c_str(), name, size, trace);
  if (!t) return nullptr;
  t->new_ = new_;
  t->iter = iter_self;
  t->next = next;
  if (add_method(I, t, "__iter__", m_iter_self) < 0 || add_method(I, t, "__next__", m_next) < 0) return nullptr;
  if (module_add_value(I, m, name, Value::object(t)) < 0) return nullptr;
  return t;
}

template <class T>
T* alloc(Isolate& I, Type* type) {
  Object* o = I.heap.alloc_object(type, type->basicsize);
  if (!o) raise_memory(I);
  return static_cast<T*>(o);
}

inline bool live(Value v) { return v.is_object(); }

/// Endless iterators (count, cycle, repeat without times) can keep a native
/// consumer (sum, list.extend, deque…) looping forever, so each item is an
/// interpreter step and a safe point as in the VM's loops (step limit,
/// interrupts, garbage collection). false when the run must end.
inline bool endless_tick(Isolate& I) {
  if (__builtin_expect(++I.steps > I.check_at || I.interrupt.load(std::memory_order_relaxed) ||
                           I.heap.wants_collection(),
                       0))
    return vm_safe_point(I);
  return true;
}
inline void visit(Tracer& t, Value v) { t.visit(v); }

int no_kw(Isolate& I, const char* name, Tuple* kw) { return check_no_kwargs(I, name, kw); }

// --- count ------------------------------------------------------------------------------

struct Count : Object {
  Value cnt;   // a number (zeroed object: 0.0)
  Value step;
};
void count_trace(Object* o, Tracer& t) {
  auto* c = static_cast<Count*>(o);
  t.visit(c->cnt);
  t.visit(c->step);
}
bool is_number(Isolate& I, Value v) {
  if (v.is_double() || v.is_small_int() || v.is_bool()) return true;
  Type* t = type_of(I, v);
  return t->nb_index || t->nb_int || t->nb_float || is_subtype(t, I.rt.complex_type);
}
Value count_new(Isolate& I, Type* type, const Value* args, size_t nargs, Tuple* kw) {
  Value p[2];
  if (bind_args(I, "count", args, nargs, kw, {"start", "step"}, 0, 2, 0, p) < 0) return Value::error();
  Value start = p[0].is_null() ? Value::small_int(0) : p[0];
  Value step = p[1].is_null() ? Value::small_int(1) : p[1];
  if (!is_number(I, start) || !is_number(I, step)) return raise(I, I.rt.exc_TypeError, "a number is required");
  auto* c = alloc<Count>(I, type);
  if (!c) return Value::error();
  c->cnt = start;
  c->step = step;
  return Value::object(c);
}
Value count_next(Isolate& I, Value self) {
  if (!endless_tick(I)) return Value::error();
  auto* c = self.as<Count>();
  Value r = c->cnt;
  if (r.is_small_int() && c->step.is_small_int()) {
    int64_t n = r.as_small_int() + c->step.as_small_int();
    if (Value::fits_small_int(n)) {
      c->cnt = Value::small_int(n);
      return r;
    }
  }
  Value n = binary_op(I, r, c->step, NbOp::Add);
  if (n.is_error()) return n;
  c->cnt = n;
  return r;
}
Value count_repr(Isolate& I, Value self) {
  auto* c = self.as<Count>();
  std::string out = "count(";
  if (repr_append(I, c->cnt, out) < 0) return Value::error();
  bool step_one = false;
  if (is_int(I, c->step)) {
    Value s = int_unwrap(I, c->step);
    step_one = s.is_small_int() && s.as_small_int() == 1;
  }
  if (!step_one) {
    out += ", ";
    if (repr_append(I, c->step, out) < 0) return Value::error();
  }
  out += ")";
  return str_value(I, out);
}

// --- cycle ------------------------------------------------------------------------------

struct Cycle : Object {
  Value it;       // source iterator (null once exhausted)
  List* saved;
  int64_t index;
  bool firstpass_done;
};
void cycle_trace(Object* o, Tracer& t) {
  auto* c = static_cast<Cycle*>(o);
  t.visit(c->it);
  t.visit(c->saved);
}
Value cycle_new(Isolate& I, Type* type, const Value* args, size_t nargs, Tuple* kw) {
  if (no_kw(I, "cycle", kw) < 0 || check_nargs(I, "cycle", nargs, 1, 1) < 0) return Value::error();
  Value it = get_iter(I, args[0]);
  if (it.is_error()) return it;
  List* saved = list_new(I, 0);
  if (!saved) return Value::error();
  auto* c = alloc<Cycle>(I, type);
  if (!c) return Value::error();
  c->it = it;
  c->saved = saved;
  return Value::object(c);
}
Value cycle_next(Isolate& I, Value self) {
  auto* c = self.as<Cycle>();
  if (!c->saved) return Value::null();
  if (!c->firstpass_done && live(c->it)) {
    Value x = iter_next(I, c->it);
    if (x.is_error()) return x;
    if (!x.is_null()) {
      if (list_append(I, c->saved, x) < 0) return Value::error();
      return x;
    }
    c->it = Value::null();
    c->firstpass_done = true;
  }
  if (c->saved->size == 0) return Value::null();
  if (!endless_tick(I)) return Value::error();
  if (c->index >= static_cast<int64_t>(c->saved->size)) c->index = 0;
  return c->saved->items[c->index++];
}

// --- repeat -----------------------------------------------------------------------------

struct Repeat : Object {
  Value obj;
  int64_t cnt;  // -1: forever
  bool init;
};
void repeat_trace(Object* o, Tracer& t) { t.visit(static_cast<Repeat*>(o)->obj); }
Value repeat_new(Isolate& I, Type* type, const Value* args, size_t nargs, Tuple* kw) {
  Value p[2];
  if (bind_args(I, "repeat", args, nargs, kw, {"object", "times"}, 0, 2, 1, p) < 0) return Value::error();
  int64_t cnt = -1;
  if (!p[1].is_null()) {
    if (!index_i64(I, p[1], &cnt)) return Value::error();
    if (cnt < 0) cnt = 0;
  }
  auto* r = alloc<Repeat>(I, type);
  if (!r) return Value::error();
  r->obj = p[0];
  r->cnt = cnt;
  r->init = true;
  return Value::object(r);
}
Value repeat_next(Isolate& I, Value self) {
  auto* r = self.as<Repeat>();
  if (!r->init || r->cnt == 0) return Value::null();
  if (r->cnt > 0) r->cnt--;
  else if (!endless_tick(I)) return Value::error();
  return r->obj;
}
Value repeat_repr(Isolate& I, Value self) {
  auto* r = self.as<Repeat>();
  std::string out = "repeat(";
  if (repr_append(I, r->init ? r->obj : Value::none(), out) < 0) return Value::error();
  if (r->cnt >= 0) out += ", " + std::to_string(r->cnt);
  out += ")";
  return str_value(I, out);
}
Value repeat_length_hint(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  auto* r = args[0].as<Repeat>();
  if (r->init && r->cnt < 0) return raise(I, I.rt.exc_TypeError, "len() of unsized object");
  return int_from_i64(I, r->init ? r->cnt : 0);
}

// --- accumulate -----------------------------------------------------------------------

struct Accumulate : Object {
  Value it;
  Value func;     // null: addition
  Value total;    // null before the first item
  Value initial;  // null once yielded / when absent
};
void accumulate_trace(Object* o, Tracer& t) {
  auto* a = static_cast<Accumulate*>(o);
  t.visit(a->it);
  t.visit(a->func);
  t.visit(a->total);
  t.visit(a->initial);
}
Value accumulate_new(Isolate& I, Type* type, const Value* args, size_t nargs, Tuple* kw) {
  Value p[3];
  if (bind_args(I, "accumulate", args, nargs, kw, {"iterable", "func", "initial"}, 0, 2, 1, p) < 0)
    return Value::error();
  Value it = get_iter(I, p[0]);
  if (it.is_error()) return it;
  auto* a = alloc<Accumulate>(I, type);
  if (!a) return Value::error();
  a->it = it;
  a->func = (p[1].is_null() || p[1].is_none()) ? Value::null() : p[1];
  a->total = Value::null();
  a->initial = (p[2].is_null() || p[2].is_none()) ? Value::null() : p[2];
  return Value::object(a);
}
Value accumulate_next(Isolate& I, Value self) {
  auto* a = self.as<Accumulate>();
  if (!live(a->it)) return Value::null();
  if (!a->initial.is_null()) {
    Value v = a->initial;
    a->initial = Value::null();
    a->total = v;
    return v;
  }
  Value x = iter_next(I, a->it);
  if (x.is_error() || x.is_null()) return x;
  if (a->total.is_null()) {
    a->total = x;
    return x;
  }
  Value t = a->func.is_null() ? binary_op(I, a->total, x, NbOp::Add) : call(I, a->func, {a->total, x});
  if (t.is_error()) return t;
  a->total = t;
  return t;
}

// --- chain ------------------------------------------------------------------------------

struct Chain : Object {
  Value source;  // iterator over the iterables (null once exhausted)
  Value active;  // current iterator (null between iterables)
};
void chain_trace(Object* o, Tracer& t) {
  auto* c = static_cast<Chain*>(o);
  t.visit(c->source);
  t.visit(c->active);
}
Value chain_make(Isolate& I, Type* type, Value source) {
  auto* c = alloc<Chain>(I, type);
  if (!c) return Value::error();
  c->source = source;
  c->active = Value::null();
  return Value::object(c);
}
Value chain_new(Isolate& I, Type* type, const Value* args, size_t nargs, Tuple* kw) {
  if (no_kw(I, "chain", kw) < 0) return Value::error();
  Value t = tuple_value(I, args, nargs);
  if (t.is_error()) return t;
  Value src = get_iter(I, t);
  if (src.is_error()) return src;
  return chain_make(I, type, src);
}
Value chain_from_iterable(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (no_kw(I, "from_iterable", kw) < 0 || check_nargs(I, "from_iterable", nargs - 1, 1, 1) < 0)
    return Value::error();
  Value src = get_iter(I, args[1]);
  if (src.is_error()) return src;
  return chain_make(I, args[0].as<Type>(), src);
}
Value chain_next(Isolate& I, Value self) {
  auto* c = self.as<Chain>();
  for (;;) {
    if (!live(c->active)) {
      if (!live(c->source)) return Value::null();
      Value iterable = iter_next(I, c->source);
      if (iterable.is_error()) return iterable;
      if (iterable.is_null()) {
        c->source = Value::null();
        return Value::null();
      }
      Value it = get_iter(I, iterable);
      if (it.is_error()) return it;
      c->active = it;
    }
    Value x = iter_next(I, c->active);
    if (!x.is_null()) return x;  // an item or an error
    c->active = Value::null();
  }
}

// --- compress, dropwhile, takewhile, filterfalse, starmap -------------------------------------

struct Pair : Object {  // two Values: (data, selectors), (func, iterator)…
  Value a;
  Value b;
  int64_t state;
};
void pair_trace(Object* o, Tracer& t) {
  auto* p = static_cast<Pair*>(o);
  t.visit(p->a);
  t.visit(p->b);
}
Value pair_make(Isolate& I, Type* type, Value a, Value b) {
  auto* p = alloc<Pair>(I, type);
  if (!p) return Value::error();
  p->a = a;
  p->b = b;
  return Value::object(p);
}

Value compress_new(Isolate& I, Type* type, const Value* args, size_t nargs, Tuple* kw) {
  Value p[2];
  if (bind_args(I, "compress", args, nargs, kw, {"data", "selectors"}, 0, 2, 2, p) < 0) return Value::error();
  Value d = get_iter(I, p[0]);
  if (d.is_error()) return d;
  Value s = get_iter(I, p[1]);
  if (s.is_error()) return s;
  return pair_make(I, type, d, s);
}
Value compress_next(Isolate& I, Value self) {
  auto* p = self.as<Pair>();
  if (!live(p->a) || !live(p->b)) return Value::null();
  for (;;) {
    Value d = iter_next(I, p->a);
    if (d.is_error() || d.is_null()) return d;
    Value s = iter_next(I, p->b);
    if (s.is_error() || s.is_null()) return s;
    int ok = truthy(I, s);
    if (ok < 0) return Value::error();
    if (ok) return d;
  }
}

Value predicate_new(Isolate& I, Type* type, const char* name, const Value* args, size_t nargs, Tuple* kw) {
  if (no_kw(I, name, kw) < 0 || check_nargs(I, name, nargs, 2, 2) < 0) return Value::error();
  Value it = get_iter(I, args[1]);
  if (it.is_error()) return it;
  return pair_make(I, type, args[0], it);
}
Value dropwhile_new(Isolate& I, Type* type, const Value* args, size_t nargs, Tuple* kw) {
  return predicate_new(I, type, "dropwhile", args, nargs, kw);
}
Value takewhile_new(Isolate& I, Type* type, const Value* args, size_t nargs, Tuple* kw) {
  return predicate_new(I, type, "takewhile", args, nargs, kw);
}
Value filterfalse_new(Isolate& I, Type* type, const Value* args, size_t nargs, Tuple* kw) {
  return predicate_new(I, type, "filterfalse", args, nargs, kw);
}
Value starmap_new(Isolate& I, Type* type, const Value* args, size_t nargs, Tuple* kw) {
  return predicate_new(I, type, "starmap", args, nargs, kw);
}
Value dropwhile_next(Isolate& I, Value self) {
  auto* p = self.as<Pair>();
  if (!live(p->b)) return Value::null();
  for (;;) {
    Value x = iter_next(I, p->b);
    if (x.is_error() || x.is_null()) return x;
    if (p->state) return x;
    Value r = call(I, p->a, {x});
    if (r.is_error()) return r;
    int ok = truthy(I, r);
    if (ok < 0) return Value::error();
    if (!ok) {
      p->state = 1;
      return x;
    }
  }
}
Value takewhile_next(Isolate& I, Value self) {
  auto* p = self.as<Pair>();
  if (!live(p->b) || p->state) return Value::null();
  Value x = iter_next(I, p->b);
  if (x.is_error() || x.is_null()) return x;
  Value r = call(I, p->a, {x});
  if (r.is_error()) return r;
  int ok = truthy(I, r);
  if (ok < 0) return Value::error();
  if (ok) return x;
  p->state = 1;
  return Value::null();
}
Value filterfalse_next(Isolate& I, Value self) {
  auto* p = self.as<Pair>();
  if (!live(p->b)) return Value::null();
  for (;;) {
    Value x = iter_next(I, p->b);
    if (x.is_error() || x.is_null()) return x;
    int ok;
    if (p->a.is_none() || p->a.is(Value::object(I.rt.bool_type))) {
      ok = truthy(I, x);
    } else {
      Value r = call(I, p->a, {x});
      if (r.is_error()) return r;
      ok = truthy(I, r);
    }
    if (ok < 0) return Value::error();
    if (!ok) return x;
  }
}
Value starmap_next(Isolate& I, Value self) {
  auto* p = self.as<Pair>();
  if (!live(p->b)) return Value::null();
  Value x = iter_next(I, p->b);
  if (x.is_error() || x.is_null()) return x;
  if (!is_subtype(type_of(I, x), I.rt.tuple_type)) {
    x = tuple_from_iterable(I, x);
    if (x.is_error()) return x;
  }
  Tuple* t = x.as<Tuple>();
  return call(I, p->a, t->items, t->size(), nullptr);
}

// --- groupby ----------------------------------------------------------------------------

struct GroupBy : Object {
  Value it;
  Value keyfunc;   // None or null: identity
  Value tgtkey;    // null: none
  Value currkey;   // null: none
  Value currvalue; // null: none
  Object* currgrouper;
  Type* grouper_type;
};
struct Grouper : Object {
  GroupBy* parent;
  Value tgtkey;
};
void groupby_trace(Object* o, Tracer& t) {
  auto* g = static_cast<GroupBy*>(o);
  t.visit(g->it);
  t.visit(g->keyfunc);
  t.visit(g->tgtkey);
  t.visit(g->currkey);
  t.visit(g->currvalue);
  t.visit(g->currgrouper);
  t.visit(g->grouper_type);
}
void grouper_trace(Object* o, Tracer& t) {
  auto* g = static_cast<Grouper*>(o);
  t.visit(g->parent);
  t.visit(g->tgtkey);
}
Value groupby_new(Isolate& I, Type* type, const Value* args, size_t nargs, Tuple* kw) {
  Value p[2];
  if (bind_args(I, "groupby", args, nargs, kw, {"iterable", "key"}, 0, 2, 1, p) < 0) return Value::error();
  Value it = get_iter(I, p[0]);
  if (it.is_error()) return it;
  Value gt = dict_get_str(type->dict, I.intern("_grouper_type"));
  if (gt.is_null() || !gt.is_object()) return raise(I, I.rt.exc_TypeError, "groupby is not available");
  auto* g = alloc<GroupBy>(I, type);
  if (!g) return Value::error();
  g->it = it;
  g->keyfunc = p[1].is_null() ? Value::none() : p[1];
  g->tgtkey = g->currkey = g->currvalue = Value::null();
  g->grouper_type = gt.as<Type>();
  return Value::object(g);
}
// 0 ok, 1 exhausted, -1 error.
int groupby_step(Isolate& I, GroupBy* g) {
  if (!live(g->it)) return 1;
  Value v = iter_next(I, g->it);
  if (v.is_error()) return -1;
  if (v.is_null()) return 1;
  Value k = v;
  if (!g->keyfunc.is_none() && !g->keyfunc.is_null()) {
    k = call(I, g->keyfunc, {v});
    if (k.is_error()) return -1;
  }
  g->currvalue = v;
  g->currkey = k;
  return 0;
}
Value groupby_next(Isolate& I, Value self) {
  auto* g = self.as<GroupBy>();
  if (!g->grouper_type) return Value::null();
  g->currgrouper = nullptr;
  for (;;) {
    if (g->currkey.is_null()) {
    } else if (g->tgtkey.is_null()) {
      break;
    } else {
      int r = rich_compare_bool(I, g->tgtkey, g->currkey, CompareOp::Eq);
      if (r < 0) return Value::error();
      if (r == 0) break;
    }
    int s = groupby_step(I, g);
    if (s < 0) return Value::error();
    if (s > 0) return Value::null();
  }
  g->tgtkey = g->currkey;
  auto* gr = alloc<Grouper>(I, g->grouper_type);
  if (!gr) return Value::error();
  gr->parent = g;
  gr->tgtkey = g->tgtkey;
  g->currgrouper = gr;
  return tuple_pack(I, {g->currkey, Value::object(gr)});
}
Value grouper_next(Isolate& I, Value self) {
  auto* gr = self.as<Grouper>();
  GroupBy* g = gr->parent;
  if (!g || g->currgrouper != gr) return Value::null();
  if (g->currvalue.is_null()) {
    int s = groupby_step(I, g);
    if (s != 0) return s < 0 ? Value::error() : Value::null();
  }
  int r = rich_compare_bool(I, gr->tgtkey, g->currkey, CompareOp::Eq);
  if (r <= 0) return r < 0 ? Value::error() : Value::null();
  Value v = g->currvalue;
  g->currvalue = Value::null();
  g->currkey = Value::null();
  return v;
}

// --- islice -----------------------------------------------------------------------------

struct ISlice : Object {
  Value it;  // null once exhausted
  int64_t next;
  int64_t stop;  // -1: none
  int64_t step;
  int64_t cnt;
};
void islice_trace(Object* o, Tracer& t) { t.visit(static_cast<ISlice*>(o)->it); }
// PyNumber_AsSsize_t(v, OverflowError) with the error cleared: false when not a fitting int.
bool ssize_arg(Isolate& I, Value v, int64_t* out) {
  if (!index_i64(I, v, out)) {
    I.pending = nullptr;
    return false;
  }
  return true;
}
Value islice_new(Isolate& I, Type* type, const Value* args, size_t nargs, Tuple* kw) {
  if (no_kw(I, "islice", kw) < 0 || check_nargs(I, "islice", nargs, 2, 4) < 0) return Value::error();
  int64_t start = 0, stop = -1, step = 1;
  const char* stop_msg = "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
  if (nargs == 2) {
    if (!args[1].is_none()) {
      if (!ssize_arg(I, args[1], &stop) || stop == -1) return raise(I, I.rt.exc_ValueError, stop_msg);
    }
  } else {
    if (!args[1].is_none() && !ssize_arg(I, args[1], &start)) start = -1;
    if (!args[2].is_none()) {
      if (!ssize_arg(I, args[2], &stop) || stop == -1) return raise(I, I.rt.exc_ValueError, stop_msg);
    }
  }
  if (start < 0 || stop < -1)
    return raise(I, I.rt.exc_ValueError, "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.");
  if (nargs == 4 && !args[3].is_none()) {
    if (!ssize_arg(I, args[3], &step)) step = -1;
  }
  if (step < 1) return raise(I, I.rt.exc_ValueError, "Step for islice() must be a positive integer or None.");
  Value it = get_iter(I, args[0]);
  if (it.is_error()) return it;
  auto* s = alloc<ISlice>(I, type);
  if (!s) return Value::error();
  s->it = it;
  s->next = start;
  s->stop = stop;
  s->step = step;
  return Value::object(s);
}
Value islice_next(Isolate& I, Value self) {
  auto* s = self.as<ISlice>();
  if (!live(s->it)) return Value::null();
  while (s->cnt < s->next) {
    Value x = iter_next(I, s->it);
    if (x.is_error()) return x;
    if (x.is_null()) {
      s->it = Value::null();
      return x;
    }
    s->cnt++;
  }
  if (s->stop != -1 && s->cnt >= s->stop) {
    s->it = Value::null();
    return Value::null();
  }
  Value x = iter_next(I, s->it);
  if (x.is_error()) return x;
  if (x.is_null()) {
    s->it = Value::null();
    return x;
  }
  s->cnt++;
  int64_t old = s->next;
  if (__builtin_add_overflow(s->next, s->step, &s->next) || s->next < old || (s->stop != -1 && s->next > s->stop))
    s->next = s->stop == -1 ? INT64_MAX : s->stop;
  return x;
}

// --- tee --------------------------------------------------------------------------------

constexpr int kTeeLink = 57;
struct TeeData : Object {
  Value it;              // the shared source iterator
  TeeData* next;         // following link (nullptr until needed)
  int32_t numread;
  bool running;
  Value values[kTeeLink];
};
struct Tee : Object {
  TeeData* data;
  int32_t index;
  Type* data_type;
};
void teedata_trace(Object* o, Tracer& t) {
  auto* d = static_cast<TeeData*>(o);
  t.visit(d->it);
  t.visit(d->next);
  t.visit_range(d->values, static_cast<size_t>(d->numread));
}
void tee_trace(Object* o, Tracer& t) {
  auto* e = static_cast<Tee*>(o);
  t.visit(e->data);
  t.visit(e->data_type);
}
TeeData* teedata_new(Isolate& I, Type* dt, Value it) {
  auto* d = alloc<TeeData>(I, dt);
  if (d) d->it = it;
  return d;
}
Value tee_next(Isolate& I, Value self) {
  auto* e = self.as<Tee>();
  if (!e->data) return Value::null();
  if (e->index >= kTeeLink) {
    TeeData* d = e->data;
    if (!d->next) {
      d->next = teedata_new(I, e->data_type, d->it);
      if (!d->next) return Value::error();
    }
    e->data = d->next;
    e->index = 0;
  }
  TeeData* d = e->data;
  if (e->index < d->numread) return d->values[e->index++];
  if (d->running) return raise(I, I.rt.exc_RuntimeError, "cannot re-enter the tee iterator");
  if (!live(d->it)) return Value::null();
  d->running = true;
  Value x = iter_next(I, d->it);
  d->running = false;
  if (x.is_error() || x.is_null()) return x;
  if (d->numread < kTeeLink && e->index == d->numread) {
    d->values[d->numread++] = x;
    e->index++;
  }
  return x;
}
Value tee_copy_of(Isolate& I, Tee* src) {
  auto* e = alloc<Tee>(I, src->type_);
  if (!e) return Value::error();
  e->data = src->data;
  e->index = src->index;
  e->data_type = src->data_type;
  return Value::object(e);
}
Value m_tee_copy(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (no_kw(I, "__copy__", kw) < 0 || check_nargs(I, "__copy__", nargs - 1, 0, 0) < 0) return Value::error();
  return tee_copy_of(I, args[0].as<Tee>());
}
Value tee_from_iterable(Isolate& I, Type* tee_type, Value iterable) {
  Value it = get_iter(I, iterable);
  if (it.is_error()) return it;
  if (type_of(I, it) == tee_type) return tee_copy_of(I, it.as<Tee>());
  Value dt = dict_get_str(tee_type->dict, I.intern("_data_type"));
  if (dt.is_null() || !dt.is_object()) return raise(I, I.rt.exc_TypeError, "tee is not available");
  TeeData* d = teedata_new(I, dt.as<Type>(), it);
  if (!d) return Value::error();
  auto* e = alloc<Tee>(I, tee_type);
  if (!e) return Value::error();
  e->data = d;
  e->data_type = dt.as<Type>();
  return Value::object(e);
}
Value tee_new(Isolate& I, Type* type, const Value* args, size_t nargs, Tuple* kw) {
  if (no_kw(I, "_tee", kw) < 0 || check_nargs(I, "_tee", nargs, 1, 1) < 0) return Value::error();
  return tee_from_iterable(I, type, args[0]);
}
// tee(iterable, n=2): a builtin bound to the _tee type (args[0]).
Value f_tee(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  Type* tee_type = args[0].as<Type>();
  ++args;
  --nargs;
  if (no_kw(I, "tee", kw) < 0 || check_nargs(I, "tee", nargs, 1, 2) < 0) return Value::error();
  int64_t n = 2;
  if (nargs == 2 && !index_i64(I, args[1], &n)) return Value::error();
  if (n < 0) return raise(I, I.rt.exc_ValueError, "n must be >= 0");
  Tuple* result = tuple_new(I, static_cast<size_t>(n));
  if (!result) return Value::error();
  if (n == 0) return Value::object(result);
  Value it = get_iter(I, args[0]);
  if (it.is_error()) return it;
  Value first;
  Value copier = get_attr_opt(I, it, I.intern("__copy__"));
  if (copier.is_error()) return copier;
  if (copier.is_null()) {
    first = tee_from_iterable(I, tee_type, it);
    if (first.is_error()) return first;
  } else {
    first = it;
  }
  result->items[0] = first;
  for (int64_t i = 1; i < n; ++i) {
    Value c = call_method(I, first, I.intern("__copy__"), {});
    if (c.is_error()) return c;
    result->items[i] = c;
  }
  return Value::object(result);
}

// --- zip_longest ------------------------------------------------------------------------

struct ZipLongest : Object {
  Tuple* its;   // an entry is None once that iterator is exhausted
  int64_t numactive;
  Value fill;
};
void ziplongest_trace(Object* o, Tracer& t) {
  auto* z = static_cast<ZipLongest*>(o);
  t.visit(z->its);
  t.visit(z->fill);
}
Value ziplongest_new(Isolate& I, Type* type, const Value* args, size_t nargs, Tuple* kw) {
  Value fill = Value::none();
  if (kw && kw->size()) {
    for (size_t k = 0; k < kw->size(); ++k) {
      Str* name = kw->items[k].as<Str>();
      if (name->view() != "fillvalue")
        return raise(I, I.rt.exc_TypeError, "zip_longest() got an unexpected keyword argument");
      fill = args[nargs + k];
    }
  }
  Tuple* its = tuple_new(I, nargs);
  if (!its) return Value::error();
  for (size_t i = 0; i < nargs; ++i) {
    Value it = get_iter(I, args[i]);
    if (it.is_error()) return it;
    its->items[i] = it;
  }
  auto* z = alloc<ZipLongest>(I, type);
  if (!z) return Value::error();
  z->its = its;
  z->numactive = static_cast<int64_t>(nargs);
  z->fill = fill;
  return Value::object(z);
}
Value ziplongest_next(Isolate& I, Value self) {
  auto* z = self.as<ZipLongest>();
  if (!z->its || z->numactive == 0) return Value::null();
  size_t n = z->its->size();
  Tuple* r = tuple_new(I, n);
  if (!r) return Value::error();
  for (size_t i = 0; i < n; ++i) {
    Value it = z->its->items[i];
    Value x;
    if (it.is_none()) {
      x = z->fill;
    } else {
      x = iter_next(I, it);
      if (x.is_error()) return x;
      if (x.is_null()) {
        z->its->items[i] = Value::none();
        if (--z->numactive == 0) return Value::null();
        x = z->fill;
      }
    }
    r->items[i] = x;
  }
  return Value::object(r);
}

// --- pairwise ---------------------------------------------------------------------------

Value pairwise_new(Isolate& I, Type* type, const Value* args, size_t nargs, Tuple* kw) {
  if (no_kw(I, "pairwise", kw) < 0 || check_nargs(I, "pairwise", nargs, 1, 1) < 0) return Value::error();
  Value it = get_iter(I, args[0]);
  if (it.is_error()) return it;
  return pair_make(I, type, it, Value::null());
}
Value pairwise_next(Isolate& I, Value self) {
  auto* p = self.as<Pair>();
  if (!live(p->a)) return Value::null();
  if (p->b.is_null() || !p->state) {
    Value x = iter_next(I, p->a);
    if (x.is_error()) return x;
    if (x.is_null()) {
      p->a = Value::null();
      return x;
    }
    p->b = x;
    p->state = 1;
  }
  Value y = iter_next(I, p->a);
  if (y.is_error()) return y;
  if (y.is_null()) {
    p->a = Value::null();
    p->b = Value::null();
    return y;
  }
  Value r = tuple_pack(I, {p->b, y});
  p->b = y;
  return r;
}

// --- combinatorics: product, permutations, combinations, combinations_with_replacement -------

struct Combi : Object {
  Tuple* pool;       // product: a tuple of pool tuples
  int64_t* indices;  // side buffer of nidx entries
  int64_t* cycles;   // permutations only (r entries)
  int64_t nidx;
  int64_t ncycles;
  int64_t r;
  Value result;      // last result tuple (null before the first)
  bool stopped;
};
void combi_trace(Object* o, Tracer& t) {
  auto* c = static_cast<Combi*>(o);
  t.visit(c->pool);
  t.visit(c->result);
}
void combi_finalize(Isolate& I, Object* o) {
  auto* c = static_cast<Combi*>(o);
  if (c->indices) I.heap.free_raw(c->indices, sizeof(int64_t) * size_t(c->nidx));
  if (c->cycles) I.heap.free_raw(c->cycles, sizeof(int64_t) * size_t(c->ncycles));
  c->indices = c->cycles = nullptr;
}
bool combi_buffers(Isolate& I, Combi* c, int64_t nidx, int64_t ncycles) {
  if (nidx > (int64_t(1) << 40) || ncycles > (int64_t(1) << 40)) {
    raise_memory(I);
    return false;
  }
  if (nidx > 0) {
    c->indices = static_cast<int64_t*>(I.heap.alloc_raw(sizeof(int64_t) * size_t(nidx)));
    if (!c->indices) {
      raise_memory(I);
      return false;
    }
    std::memset(c->indices, 0, sizeof(int64_t) * size_t(nidx));
    c->nidx = nidx;
  }
  if (ncycles > 0) {
    c->cycles = static_cast<int64_t*>(I.heap.alloc_raw(sizeof(int64_t) * size_t(ncycles)));
    if (!c->cycles) {
      raise_memory(I);
      return false;
    }
    c->ncycles = ncycles;
  }
  return true;
}
Value pool_of(Isolate& I, Value iterable) {
  if (type_of(I, iterable) == I.rt.tuple_type) return iterable;
  return tuple_from_iterable(I, iterable);
}

Value product_new(Isolate& I, Type* type, const Value* args, size_t nargs, Tuple* kw) {
  int64_t repeat = 1;
  if (kw && kw->size()) {
    for (size_t k = 0; k < kw->size(); ++k) {
      Str* name = kw->items[k].as<Str>();
      if (name->view() != "repeat")
        return raisef(I, I.rt.exc_TypeError, "'%s' is an invalid keyword argument for product()", name->data);
      if (!index_i64(I, args[nargs + k], &repeat)) return Value::error();
    }
    if (repeat < 0) return raise(I, I.rt.exc_ValueError, "repeat argument cannot be negative");
  }
  if (repeat && nargs > size_t(INT64_MAX / 8) / size_t(repeat))
    return raise(I, I.rt.exc_OverflowError, "repeat argument too large");
  int64_t npools = static_cast<int64_t>(nargs) * repeat;
  Tuple* pools = tuple_new(I, size_t(npools));
  if (!pools) return Value::error();
  for (size_t i = 0; i < nargs; ++i) {
    Value p = pool_of(I, args[i]);
    if (p.is_error()) return p;
    pools->items[i] = p;
  }
  for (int64_t i = int64_t(nargs); i < npools; ++i) pools->items[i] = pools->items[i % int64_t(nargs)];
  auto* c = alloc<Combi>(I, type);
  if (!c) return Value::error();
  c->pool = pools;
  c->result = Value::null();
  if (!combi_buffers(I, c, npools, 0)) return Value::error();
  c->r = npools;
  return Value::object(c);
}
Value product_next(Isolate& I, Value self) {
  auto* c = self.as<Combi>();
  if (c->stopped || !c->pool) return Value::null();
  Tuple* pools = c->pool;
  size_t n = pools->size();
  if (c->result.is_null()) {
    for (size_t i = 0; i < n; ++i)
      if (pools->items[i].as<Tuple>()->size() == 0) {
        c->stopped = true;
        return Value::null();
      }
    Tuple* r = tuple_new(I, n);
    if (!r) return Value::error();
    for (size_t i = 0; i < n; ++i) r->items[i] = pools->items[i].as<Tuple>()->items[0];
    c->result = Value::object(r);
    return c->result;
  }
  if (n == 0) {
    c->stopped = true;
    return Value::null();
  }
  Tuple* old = c->result.as<Tuple>();
  Tuple* r = tuple_from(I, old->items, n);
  if (!r) return Value::error();
  size_t i = n;
  while (i-- > 0) {
    Tuple* pool = pools->items[i].as<Tuple>();
    int64_t idx = ++c->indices[i];
    if (idx == int64_t(pool->size())) {
      c->indices[i] = 0;
      r->items[i] = pool->items[0];
      if (i == 0) {
        c->stopped = true;
        return Value::null();
      }
    } else {
      r->items[i] = pool->items[idx];
      break;
    }
  }
  c->result = Value::object(r);
  return c->result;
}

int64_t r_arg(Isolate& I, Value v, bool* ok) {
  int64_t r;
  *ok = index_i64(I, v, &r);
  if (*ok && r < 0) {
    raise(I, I.rt.exc_ValueError, "r must be non-negative");
    *ok = false;
  }
  return r;
}

Value combinations_make(Isolate& I, Type* type, const char* name, const Value* args, size_t nargs, Tuple* kw,
                        int kind) {
  // kind 0: combinations, 1: with replacement, 2: permutations
  Value p[2];
  if (bind_args(I, name, args, nargs, kw, {"iterable", "r"}, 0, 2, kind == 2 ? 1 : 2, p) < 0) return Value::error();
  Value pool = pool_of(I, p[0]);
  if (pool.is_error()) return pool;
  int64_t n = int64_t(pool.as<Tuple>()->size());
  int64_t r = n;
  if (!(kind == 2 && (p[1].is_null() || p[1].is_none()))) {
    if (kind == 2 && !is_int(I, p[1])) return raise(I, I.rt.exc_TypeError, "Expected int as r");
    bool ok;
    r = r_arg(I, p[1], &ok);
    if (!ok) return Value::error();
  }
  auto* c = alloc<Combi>(I, type);
  if (!c) return Value::error();
  c->pool = pool.as<Tuple>();
  c->r = r;
  c->result = Value::null();
  if (kind == 0) {
    if (!combi_buffers(I, c, r, 0)) return Value::error();
    for (int64_t i = 0; i < r; ++i) c->indices[i] = i;
    c->stopped = r > n;
  } else if (kind == 1) {
    if (!combi_buffers(I, c, r, 0)) return Value::error();
    c->stopped = n == 0 && r > 0;
  } else {
    if (!combi_buffers(I, c, n, r > n ? 0 : r)) return Value::error();
    for (int64_t i = 0; i < n; ++i) c->indices[i] = i;
    if (r <= n)
      for (int64_t i = 0; i < r; ++i) c->cycles[i] = n - i;
    c->stopped = r > n;
  }
  return Value::object(c);
}
Value combinations_new(Isolate& I, Type* type, const Value* args, size_t nargs, Tuple* kw) {
  return combinations_make(I, type, "combinations", args, nargs, kw, 0);
}
Value cwr_new(Isolate& I, Type* type, const Value* args, size_t nargs, Tuple* kw) {
  return combinations_make(I, type, "combinations_with_replacement", args, nargs, kw, 1);
}
Value permutations_new(Isolate& I, Type* type, const Value* args, size_t nargs, Tuple* kw) {
  return combinations_make(I, type, "permutations", args, nargs, kw, 2);
}
Value result_from_indices(Isolate& I, Combi* c) {
  Tuple* r = tuple_new(I, size_t(c->r));
  if (!r) return Value::error();
  for (int64_t i = 0; i < c->r; ++i) r->items[i] = c->pool->items[c->indices[i]];
  c->result = Value::object(r);
  return c->result;
}
Value combinations_next(Isolate& I, Value self) {
  auto* c = self.as<Combi>();
  if (c->stopped || !c->pool) return Value::null();
  int64_t n = int64_t(c->pool->size()), r = c->r;
  if (c->result.is_null()) return result_from_indices(I, c);
  int64_t i = r - 1;
  while (i >= 0 && c->indices[i] == i + n - r) --i;
  if (i < 0) {
    c->stopped = true;
    return Value::null();
  }
  c->indices[i]++;
  for (int64_t j = i + 1; j < r; ++j) c->indices[j] = c->indices[j - 1] + 1;
  return result_from_indices(I, c);
}
Value cwr_next(Isolate& I, Value self) {
  auto* c = self.as<Combi>();
  if (c->stopped || !c->pool) return Value::null();
  int64_t n = int64_t(c->pool->size()), r = c->r;
  if (c->result.is_null()) return result_from_indices(I, c);
  int64_t i = r - 1;
  while (i >= 0 && c->indices[i] == n - 1) --i;
  if (i < 0) {
    c->stopped = true;
    return Value::null();
  }
  int64_t idx = c->indices[i] + 1;
  for (int64_t j = i; j < r; ++j) c->indices[j] = idx;
  return result_from_indices(I, c);
}
Value permutations_next(Isolate& I, Value self) {
  auto* c = self.as<Combi>();
  if (c->stopped || !c->pool) return Value::null();
  int64_t n = int64_t(c->pool->size()), r = c->r;
  if (c->result.is_null()) return result_from_indices(I, c);
  if (n == 0) {
    c->stopped = true;
    return Value::null();
  }
  int64_t i = r - 1;
  for (; i >= 0; --i) {
    c->cycles[i] -= 1;
    if (c->cycles[i] == 0) {
      int64_t first = c->indices[i];
      for (int64_t j = i; j < n - 1; ++j) c->indices[j] = c->indices[j + 1];
      c->indices[n - 1] = first;
      c->cycles[i] = n - i;
    } else {
      int64_t j = c->cycles[i];
      std::swap(c->indices[i], c->indices[n - j]);
      return result_from_indices(I, c);
    }
  }
  c->stopped = true;
  return Value::null();
}

}  // namespace

int init_itertools_module(Isolate& I, Module* m) {
  Type* t;
  if (!(t = iter_type(I, m, "count", sizeof(Count), count_trace, count_new, count_next))) return -1;
  t->repr = count_repr;
  if (!iter_type(I, m, "cycle", sizeof(Cycle), cycle_trace, cycle_new, cycle_next)) return -1;
  if (!(t = iter_type(I, m, "repeat", sizeof(Repeat), repeat_trace, repeat_new, repeat_next))) return -1;
  t->repr = repeat_repr;
  if (add_method(I, t, "__length_hint__", repeat_length_hint) < 0) return -1;
  if (!iter_type(I, m, "accumulate", sizeof(Accumulate), accumulate_trace, accumulate_new, accumulate_next))
    return -1;
  if (!(t = iter_type(I, m, "chain", sizeof(Chain), chain_trace, chain_new, chain_next))) return -1;
  if (add_method(I, t, "from_iterable", chain_from_iterable, kMethodClass) < 0) return -1;
  if (!iter_type(I, m, "compress", sizeof(Pair), pair_trace, compress_new, compress_next) ||
      !iter_type(I, m, "dropwhile", sizeof(Pair), pair_trace, dropwhile_new, dropwhile_next) ||
      !iter_type(I, m, "takewhile", sizeof(Pair), pair_trace, takewhile_new, takewhile_next) ||
      !iter_type(I, m, "filterfalse", sizeof(Pair), pair_trace, filterfalse_new, filterfalse_next) ||
      !iter_type(I, m, "starmap", sizeof(Pair), pair_trace, starmap_new, starmap_next) ||
      !iter_type(I, m, "pairwise", sizeof(Pair), pair_trace, pairwise_new, pairwise_next) ||
      !iter_type(I, m, "islice", sizeof(ISlice), islice_trace, islice_new, islice_next) ||
      !iter_type(I, m, "zip_longest", sizeof(ZipLongest), ziplongest_trace, ziplongest_new, ziplongest_next))
    return -1;
  Type* gb = iter_type(I, m, "groupby", sizeof(GroupBy), groupby_trace, groupby_new, groupby_next);
  Type* gr = iter_type(I, m, "_grouper", sizeof(Grouper), grouper_trace, nullptr, grouper_next);
  if (!gb || !gr || dict_set_str(I, gb->dict, I.intern("_grouper_type"), Value::object(gr)) < 0) return -1;
  Type* tee = iter_type(I, m, "_tee", sizeof(Tee), tee_trace, tee_new, tee_next);
  if (!tee) return -1;
  Type* td = new_type(I, "itertools._tee_dataobject", "_tee_dataobject", sizeof(TeeData), teedata_trace);
  if (!td || module_add_value(I, m, "_tee_dataobject", Value::object(td)) < 0 ||
      dict_set_str(I, tee->dict, I.intern("_data_type"), Value::object(td)) < 0 ||
      add_method(I, tee, "__copy__", m_tee_copy) < 0)
    return -1;
  {
    Str* n = I.intern("tee");
    if (!n) return -1;
    Value f = builtin_function_new(I, n, f_tee, Value::object(tee));
    if (f.is_error() || module_add_value(I, m, "tee", f) < 0) return -1;
  }
  struct CombiDef {
    const char* name;
    NewFn nw;
    NextFn nx;
  };
  static const CombiDef kCombi[] = {{"product", product_new, product_next},
                                    {"permutations", permutations_new, permutations_next},
                                    {"combinations", combinations_new, combinations_next},
                                    {"combinations_with_replacement", cwr_new, cwr_next}};
  for (const CombiDef& d : kCombi) {
    const char* name = d.name;
    NewFn nw = d.nw;
    NextFn nx = d.nx;
    Type* ct = iter_type(I, m, name, sizeof(Combi), combi_trace, nw, nx);
    if (!ct) return -1;
    ct->finalize = combi_finalize;
  }
  return 0;
}

}  // namespace capy
