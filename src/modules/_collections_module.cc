// _collections: the native parts of the collections module — deque (a ring
// buffer of Values) with its iterators, and defaultdict (a dict subclass).
//
// The types are created per isolate when the module is first imported (the
// Runtime's builtin types are fixed at start-up), on the isolate's heap, as
// native (non-heap) types named "collections.deque" (CPython's tp_name).
// Their dunders are method descriptors, so that Python subclasses reach the
// native slots through the ordinary trampolines.
// Every path that can run guest code (comparisons, repr, iteration of an
// argument) re-reads the buffer afterwards, and mutation during iteration is
// detected with a state counter, as in CPython.
#include <cstring>
#include <string>

#include "modules/registry.h"
#include "objects/dict.h"
#include "objects/exception.h"
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

// --- per-isolate native types ----------------------------------------------------

// `name` is CPython's tp_name: "module.Name" (the core derives __name__ and
// __module__ from it for native types, and messages show it whole).
Type* make_type(Isolate& I, const char* name, Type* base, uint32_t basicsize, uint32_t flags) {
  std::string_view full(name);
  size_t dot = full.rfind('.');
  std::string qualname(full.substr(dot + 1)), module(full.substr(0, dot));
  return isolate_type_new(I, name, qualname.c_str(), module.c_str(), basicsize, nullptr, base, flags);
}

// CPython's _PyType_Name: the type's name after the last dot.
std::string_view short_type_name(Type* t) {
  std::string_view n = t->name->view();
  size_t dot = n.rfind('.');
  return dot == std::string_view::npos ? n : n.substr(dot + 1);
}

// The module's types, kept in the module dict under private names.
Type* module_type(Isolate& I, const char* key) {
  // The module's state as its init left it (the guest may rebind
  // _collections' attributes and sys.modules entries).
  Value t = native_module_state(I, "_collections", key);
  if (!t.is_object() || !(type_of(I, t)->flags & kTypeTypeSubclass)) return nullptr;
  return t.as<Type>();
}

// --- deque ----------------------------------------------------------------------

struct Deque : Object {
  Value* buf;       // ring buffer of `cap` slots (cap a power of two, or 0)
  int64_t cap;
  int64_t head;     // index of the first item
  int64_t size;
  int64_t maxlen;   // meaningful when bounded
  uint64_t state;   // bumped on every structural mutation (iterators check it)
  uint8_t bounded;  // zero-initialised deque: empty, unbounded (a valid state)
};

struct DequeIter : Object {
  Deque* dq;
  int64_t index;
  int64_t counter;  // items left
  uint64_t state;
};

inline Value& at(Deque* d, int64_t i) { return d->buf[(d->head + i) & (d->cap - 1)]; }

void deque_trace(Object* o, Tracer& t);
// Every deque (or subclass instance) has deque_trace as its layout's trace slot.
inline bool is_deque(Value v) { return v.is_object() && v.as_object()->type_->trace == deque_trace; }
inline bool is_exact_deque(Isolate& I, Type* t) { return t->trace == deque_trace && t->base == I.rt.object_type; }

void deque_trace(Object* o, Tracer& t) {
  auto* d = static_cast<Deque*>(o);
  if (!d->buf) return;
  for (int64_t i = 0; i < d->size; ++i) t.visit(at(d, i));
}

void deque_finalize(Isolate& I, Object* o) {
  auto* d = static_cast<Deque*>(o);
  if (d->buf) I.heap.free_raw(d->buf, size_t(d->cap) * sizeof(Value));
  d->buf = nullptr;
  d->cap = d->size = d->head = 0;
}

int deque_grow(Isolate& I, Deque* d) {
  int64_t ncap = d->cap ? d->cap * 2 : 8;
  if (ncap > (int64_t(1) << 56)) { raise_memory(I); return -1; }
  auto* nb = static_cast<Value*>(I.heap.alloc_raw(size_t(ncap) * sizeof(Value)));
  if (!nb) { raise_memory(I); return -1; }
  for (int64_t i = 0; i < d->size; ++i) nb[i] = at(d, i);
  if (d->buf) I.heap.free_raw(d->buf, size_t(d->cap) * sizeof(Value));
  d->buf = nb;
  d->cap = ncap;
  d->head = 0;
  return 0;
}

// Shrinks the buffer when it is mostly empty (keeps memory proportional).
void deque_maybe_shrink(Isolate& I, Deque* d) {
  if (d->cap <= 64 || d->size * 8 > d->cap) return;
  int64_t ncap = d->cap / 2;
  auto* nb = static_cast<Value*>(I.heap.alloc_raw(size_t(ncap) * sizeof(Value)));
  if (!nb) return;  // keep the big buffer
  for (int64_t i = 0; i < d->size; ++i) nb[i] = at(d, i);
  I.heap.free_raw(d->buf, size_t(d->cap) * sizeof(Value));
  d->buf = nb;
  d->cap = ncap;
  d->head = 0;
}

Value pop_right_raw(Isolate& I, Deque* d) {
  Value v = at(d, d->size - 1);
  at(d, d->size - 1) = Value::none();
  d->size--;
  d->state++;
  deque_maybe_shrink(I, d);
  return v;
}

Value pop_left_raw(Isolate& I, Deque* d) {
  Value v = at(d, 0);
  at(d, 0) = Value::none();
  d->head = (d->head + 1) & (d->cap - 1);
  d->size--;
  d->state++;
  deque_maybe_shrink(I, d);
  return v;
}

int append_raw(Isolate& I, Deque* d, Value v) {
  if (d->bounded && d->maxlen == 0) return 0;
  if (d->size == d->cap && deque_grow(I, d) < 0) return -1;
  at(d, d->size) = v;
  d->size++;
  d->state++;
  if (d->bounded && d->size > d->maxlen) pop_left_raw(I, d);
  return 0;
}

int appendleft_raw(Isolate& I, Deque* d, Value v) {
  if (d->bounded && d->maxlen == 0) return 0;
  if (d->size == d->cap && deque_grow(I, d) < 0) return -1;
  d->head = (d->head - 1) & (d->cap - 1);
  d->buf[d->head] = v;
  d->size++;
  d->state++;
  if (d->bounded && d->size > d->maxlen) pop_right_raw(I, d);
  return 0;
}

void clear_raw(Isolate& I, Deque* d) {
  if (d->buf) I.heap.free_raw(d->buf, size_t(d->cap) * sizeof(Value));
  d->buf = nullptr;
  d->cap = d->size = d->head = 0;
  d->state++;
}

Value deque_new(Isolate& I, Type* type, const Value*, size_t, Tuple*) {
  Object* o = I.heap.alloc_object(type, type->basicsize);
  if (!o) return raise_memory(I);
  return Value::object(o);
}

// Appends every item of `iterable` (on the right, or on the left).
int extend_impl(Isolate& I, Deque* d, Value iterable, bool left) {
  if (iterable.is(Value::object(d))) {
    Value lst = list_from_iterable(I, iterable);
    if (lst.is_error()) return -1;
    iterable = lst;
  }
  Value it = get_iter(I, iterable);
  if (it.is_error()) return -1;
  for (;;) {
    Value x = iter_next(I, it);
    if (x.is_error()) return -1;
    if (x.is_null()) break;
    if ((left ? appendleft_raw(I, d, x) : append_raw(I, d, x)) < 0) return -1;
  }
  return 0;
}

int parse_maxlen(Isolate& I, Value v, Deque* d) {
  if (v.is_null() || v.is_none()) { d->bounded = 0; d->maxlen = 0; return 0; }
  if (!is_int(I, v)) { raise(I, I.rt.exc_TypeError, "an integer is required"); return -1; }
  int64_t n;
  if (!int_to_i64(int_unwrap(I, v), &n)) {
    raise(I, I.rt.exc_OverflowError, "Python int too large to convert to C ssize_t");
    return -1;
  }
  if (n < 0) { raise(I, I.rt.exc_ValueError, "maxlen must be non-negative"); return -1; }
  d->bounded = 1;
  d->maxlen = n;
  return 0;
}

int deque_init(Isolate& I, Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  size_t nkw = kwnames ? kwnames->size() : 0;
  if (nargs + nkw > 2) {
    raisef(I, I.rt.exc_TypeError, "deque() takes at most 2 arguments (%zu given)", nargs + nkw);
    return -1;
  }
  Value a[2];
  if (bind_args(I, "deque", args, nargs, kwnames, {"iterable", "maxlen"}, 0, 2, 0, a) < 0) return -1;
  Deque* d = self.as<Deque>();
  if (parse_maxlen(I, a[1], d) < 0) return -1;
  if (d->size) clear_raw(I, d);
  if (!a[0].is_null()) return extend_impl(I, d, a[0], false);
  return 0;
}

Value m_deque_init(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  return deque_init(I, args[0], args + 1, nargs - 1, kw) < 0 ? Value::error() : Value::none();
}

Value m_append(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (check_no_kwargs(I, "append", kw) < 0 || check_nargs(I, "deque.append", nargs - 1, 1, 1) < 0) return Value::error();
  return append_raw(I, args[0].as<Deque>(), args[1]) < 0 ? Value::error() : Value::none();
}

Value m_appendleft(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (check_no_kwargs(I, "appendleft", kw) < 0 || check_nargs(I, "deque.appendleft", nargs - 1, 1, 1) < 0)
    return Value::error();
  return appendleft_raw(I, args[0].as<Deque>(), args[1]) < 0 ? Value::error() : Value::none();
}

Value m_pop(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (check_no_kwargs(I, "pop", kw) < 0 || check_nargs(I, "deque.pop", nargs - 1, 0, 0) < 0) return Value::error();
  Deque* d = args[0].as<Deque>();
  if (d->size == 0) return raise(I, I.rt.exc_IndexError, "pop from an empty deque");
  return pop_right_raw(I, d);
}

Value m_popleft(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (check_no_kwargs(I, "popleft", kw) < 0 || check_nargs(I, "deque.popleft", nargs - 1, 0, 0) < 0)
    return Value::error();
  Deque* d = args[0].as<Deque>();
  if (d->size == 0) return raise(I, I.rt.exc_IndexError, "pop from an empty deque");
  return pop_left_raw(I, d);
}

Value m_extend(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (check_no_kwargs(I, "extend", kw) < 0 || check_nargs(I, "deque.extend", nargs - 1, 1, 1) < 0) return Value::error();
  return extend_impl(I, args[0].as<Deque>(), args[1], false) < 0 ? Value::error() : Value::none();
}

Value m_extendleft(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (check_no_kwargs(I, "extendleft", kw) < 0 || check_nargs(I, "deque.extendleft", nargs - 1, 1, 1) < 0)
    return Value::error();
  return extend_impl(I, args[0].as<Deque>(), args[1], true) < 0 ? Value::error() : Value::none();
}

void rotate_raw(Deque* d, int64_t n) {
  int64_t len = d->size;
  if (len <= 1) return;
  n %= len;
  if (n < 0) n += len;
  if (n == 0) return;
  d->state++;
  if (d->size == d->cap) {
    // A full ring: moving the head is the rotation.
    d->head = (d->head - n) & (d->cap - 1);
    return;
  }
  if (n <= len / 2) {
    for (int64_t k = 0; k < n; ++k) {  // right: last item to the front
      Value v = at(d, d->size - 1);
      at(d, d->size - 1) = Value::none();
      d->head = (d->head - 1) & (d->cap - 1);
      d->buf[d->head] = v;
    }
  } else {
    for (int64_t k = 0; k < len - n; ++k) {  // left: first item to the back
      Value v = d->buf[d->head];
      d->buf[d->head] = Value::none();
      d->head = (d->head + 1) & (d->cap - 1);
      at(d, d->size - 1) = v;
    }
  }
}

Value m_rotate(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (check_no_kwargs(I, "rotate", kw) < 0 || check_nargs(I, "rotate", nargs - 1, 0, 1) < 0) return Value::error();
  int64_t n = 1;
  if (nargs > 1) {
    if (!is_int(I, args[1]) && !type_of(I, args[1])->nb_index)
      return raisef(I, I.rt.exc_TypeError, "'%s' object cannot be interpreted as an integer", type_name(I, args[1]));
    Value iv = index(I, args[1]);
    if (iv.is_error()) return iv;
    if (!int_to_i64(iv, &n)) return raise(I, I.rt.exc_OverflowError, "Python int too large to convert to C ssize_t");
  }
  rotate_raw(args[0].as<Deque>(), n);
  return Value::none();
}

Value m_clear(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (check_no_kwargs(I, "clear", kw) < 0 || check_nargs(I, "deque.clear", nargs - 1, 0, 0) < 0) return Value::error();
  clear_raw(I, args[0].as<Deque>());
  return Value::none();
}

Value m_count(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (check_no_kwargs(I, "count", kw) < 0 || check_nargs(I, "deque.count", nargs - 1, 1, 1) < 0) return Value::error();
  Deque* d = args[0].as<Deque>();
  uint64_t state = d->state;
  int64_t n = d->size, c = 0;
  for (int64_t i = 0; i < n; ++i) {
    int r = rich_compare_bool(I, at(d, i), args[1], CompareOp::Eq);
    if (r < 0) return Value::error();
    if (d->state != state) return raise(I, I.rt.exc_RuntimeError, "deque mutated during iteration");
    c += r;
  }
  return int_from_i64(I, c);
}

Value m_index(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (check_no_kwargs(I, "index", kw) < 0) return Value::error();
  if (nargs < 2) return raise(I, I.rt.exc_TypeError, "index() takes at least 1 argument (0 given)");
  if (nargs > 4) return raisef(I, I.rt.exc_TypeError, "index() takes at most 3 arguments (%zu given)", nargs - 1);
  Deque* d = args[0].as<Deque>();
  int64_t start = 0, stop = INT64_MAX;
  if (nargs > 2 && !slice_index_clamped(I, args[2], &start, false)) return Value::error();
  if (nargs > 3 && !slice_index_clamped(I, args[3], &stop, false)) return Value::error();
  int64_t n = d->size;
  if (start < 0) { start += n; if (start < 0) start = 0; }
  if (stop < 0) { stop += n; if (stop < 0) stop = 0; }
  if (stop > n) stop = n;
  uint64_t state = d->state;
  for (int64_t i = start; i < stop; ++i) {
    int r = rich_compare_bool(I, at(d, i), args[1], CompareOp::Eq);
    if (r < 0) return Value::error();
    if (d->state != state) return raise(I, I.rt.exc_RuntimeError, "deque mutated during iteration");
    if (r) return int_from_i64(I, i);
  }
  std::string msg;
  if (repr_append(I, args[1], msg) < 0) return Value::error();
  msg += " is not in deque";
  return raise(I, I.rt.exc_ValueError, msg.c_str());
}

Value m_insert(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (check_no_kwargs(I, "insert", kw) < 0 || check_nargs(I, "insert", nargs - 1, 2, 2) < 0) return Value::error();
  Deque* d = args[0].as<Deque>();
  int64_t i;
  if (!index_i64(I, args[1], &i)) return Value::error();
  if (d->bounded && d->size >= d->maxlen) return raise(I, I.rt.exc_IndexError, "deque already at its maximum size");
  int64_t n = d->size;
  if (i < 0) { i += n; if (i < 0) i = 0; }
  if (i > n) i = n;
  if (append_raw(I, d, args[2]) < 0) return Value::error();
  // Shift the new last item down to position i.
  for (int64_t k = d->size - 1; k > i; --k) {
    Value tmp = at(d, k);
    at(d, k) = at(d, k - 1);
    at(d, k - 1) = tmp;
  }
  return Value::none();
}

void delete_at(Isolate& I, Deque* d, int64_t i) {
  for (int64_t k = i; k + 1 < d->size; ++k) at(d, k) = at(d, k + 1);
  pop_right_raw(I, d);
}

Value m_remove(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (check_no_kwargs(I, "remove", kw) < 0 || check_nargs(I, "deque.remove", nargs - 1, 1, 1) < 0) return Value::error();
  Deque* d = args[0].as<Deque>();
  uint64_t state = d->state;
  int64_t n = d->size;
  for (int64_t i = 0; i < n; ++i) {
    int r = rich_compare_bool(I, at(d, i), args[1], CompareOp::Eq);
    if (r < 0) return Value::error();
    if (d->state != state || d->size != n) return raise(I, I.rt.exc_IndexError, "deque mutated during iteration");
    if (r) {
      delete_at(I, d, i);
      return Value::none();
    }
  }
  std::string msg;
  if (repr_append(I, args[1], msg) < 0) return Value::error();
  msg += " is not in deque";
  return raise(I, I.rt.exc_ValueError, msg.c_str());
}

Value m_reverse(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (check_no_kwargs(I, "reverse", kw) < 0 || check_nargs(I, "deque.reverse", nargs - 1, 0, 0) < 0)
    return Value::error();
  Deque* d = args[0].as<Deque>();
  for (int64_t i = 0, j = d->size - 1; i < j; ++i, --j) {
    Value tmp = at(d, i);
    at(d, i) = at(d, j);
    at(d, j) = tmp;
  }
  return Value::none();
}

// A new deque of the same class holding the same items (deque.copy()).
Value deque_copy_value(Isolate& I, Value self) {
  Deque* d = self.as<Deque>();
  Type* t = type_of(I, self);
  if (is_exact_deque(I, t)) {
    Value r = deque_new(I, t, nullptr, 0, nullptr);
    if (r.is_error()) return r;
    Deque* nd = r.as<Deque>();
    nd->bounded = d->bounded;
    nd->maxlen = d->maxlen;
    for (int64_t i = 0; i < d->size; ++i)
      if (append_raw(I, nd, at(d, i)) < 0) return Value::error();
    nd->state = 0;
    return r;
  }
  Value r;
  if (d->bounded) {
    Value a[2] = {self, int_from_i64(I, d->maxlen)};
    r = call(I, Value::object(t), a, 2, nullptr);
  } else {
    r = call(I, Value::object(t), &self, 1, nullptr);
  }
  if (r.is_error()) return r;
  if (!is_deque(r))
    return raisef(I, I.rt.exc_TypeError, "%s() must return a deque, not %s", type_name(t), type_name(I, r));
  return r;
}

Value m_copy(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (check_no_kwargs(I, "copy", kw) < 0 || check_nargs(I, "deque.copy", nargs - 1, 0, 0) < 0) return Value::error();
  return deque_copy_value(I, args[0]);
}

Value deque_repr(Isolate& I, Value self) {
  Deque* d = self.as<Deque>();
  int rc = repr_enter(I, d);
  if (rc != 0) return rc > 0 ? str_value(I, "[...]") : Value::error();
  std::string out(short_type_name(type_of(I, self)));
  out += "([";
  // Snapshot the items first: repr of an item may mutate the deque.
  Value lst = Value::null();
  {
    List* l = list_new(I, 0);
    if (!l) { repr_leave(I, d); return Value::error(); }
    for (int64_t i = 0; i < d->size; ++i)
      if (list_append(I, l, at(d, i)) < 0) { repr_leave(I, d); return Value::error(); }
    lst = Value::object(l);
  }
  List* l = lst.as<List>();
  for (size_t i = 0; i < l->size; ++i) {
    if (i) out += ", ";
    if (repr_append(I, l->items[i], out) < 0) { repr_leave(I, d); return Value::error(); }
  }
  repr_leave(I, d);
  out += "]";
  if (d->bounded) out += ", maxlen=" + std::to_string(d->maxlen);
  out += ")";
  return str_value(I, out);
}

int64_t deque_len(Isolate&, Value self) { return self.as<Deque>()->size; }

int64_t deque_unhashable(Isolate& I, Value self) {
  raisef(I, I.rt.exc_TypeError, "unhashable type: '%s'", type_name(I, self));
  return -1;
}

int deque_index_arg(Isolate& I, Deque* d, Value key, int64_t* out) {
  int64_t i;
  int r = seq_index_of(I, key, &i);
  if (r < 0) return -1;
  if (r == 0) {
    raisef(I, I.rt.exc_TypeError, "sequence index must be integer, not '%s'", type_name(I, key));
    return -1;
  }
  if (i < 0) i += d->size;
  if (i < 0 || i >= d->size) {
    raise(I, I.rt.exc_IndexError, "deque index out of range");
    return -1;
  }
  *out = i;
  return 0;
}

Value deque_getitem(Isolate& I, Value self, Value key) {
  Deque* d = self.as<Deque>();
  if (key.is_small_int()) {
    int64_t i = key.as_small_int();
    if (i < 0) i += d->size;
    if (i >= 0 && i < d->size) return at(d, i);
    return raise(I, I.rt.exc_IndexError, "deque index out of range");
  }
  int64_t i;
  if (deque_index_arg(I, d, key, &i) < 0) return Value::error();
  return at(d, i);
}

int deque_setitem(Isolate& I, Value self, Value key, Value value) {
  Deque* d = self.as<Deque>();
  int64_t i;
  if (deque_index_arg(I, d, key, &i) < 0) return -1;
  if (value.is_null()) delete_at(I, d, i);
  else at(d, i) = value;
  return 0;
}

int deque_contains(Isolate& I, Value self, Value item) {
  Deque* d = self.as<Deque>();
  uint64_t state = d->state;
  int64_t n = d->size;
  for (int64_t i = 0; i < n && i < d->size; ++i) {
    int r = rich_compare_bool(I, at(d, i), item, CompareOp::Eq);
    if (r < 0) return -1;
    if (d->state != state) {
      raise(I, I.rt.exc_RuntimeError, "deque mutated during iteration");
      return -1;
    }
    if (r) return 1;
  }
  return 0;
}

Value deque_richcompare(Isolate& I, Value a, Value b, CompareOp op) {
  if (!is_deque(a) || !is_deque(b)) return Value::not_implemented();
  Deque* x = a.as<Deque>();
  Deque* y = b.as<Deque>();
  if (x->size != y->size && (op == CompareOp::Eq || op == CompareOp::Ne)) return Value::boolean(op == CompareOp::Ne);
  uint64_t sx = x->state, sy = y->state;
  int64_t i = 0;
  for (;; ++i) {
    if (i >= x->size || i >= y->size) break;
    Value vi = at(x, i), wi = at(y, i);
    int r = rich_compare_bool(I, vi, wi, CompareOp::Eq);
    if (r < 0) return Value::error();
    if (x->state != sx || y->state != sy) return raise(I, I.rt.exc_RuntimeError, "deque mutated during iteration");
    if (!r) {
      if (op == CompareOp::Eq) return Value::false_();
      if (op == CompareOp::Ne) return Value::true_();
      return rich_compare(I, vi, wi, op);
    }
  }
  int64_t nx = x->size, ny = y->size;
  bool res = false;
  switch (op) {
    case CompareOp::Lt: res = nx < ny; break;
    case CompareOp::Le: res = nx <= ny; break;
    case CompareOp::Eq: res = nx == ny; break;
    case CompareOp::Ne: res = nx != ny; break;
    case CompareOp::Gt: res = nx > ny; break;
    case CompareOp::Ge: res = nx >= ny; break;
  }
  return Value::boolean(res);
}

Value deque_add(Isolate& I, Value a, Value b) {
  if (!is_deque(a)) return Value::not_implemented();
  if (!is_deque(b))
    return raisef(I, I.rt.exc_TypeError, "can only concatenate deque (not \"%s\") to deque", type_name(I, b));
  Value r = deque_copy_value(I, a);
  if (r.is_error()) return r;
  if (extend_impl(I, r.as<Deque>(), b, false) < 0) return Value::error();
  return r;
}

Value deque_iadd(Isolate& I, Value a, Value b) {
  if (extend_impl(I, a.as<Deque>(), b, false) < 0) return Value::error();
  return a;
}

Value deque_mul_impl(Isolate& I, Value seq, Value count, bool inplace) {
  int64_t n;
  if (!is_int(I, count) && !type_of(I, count)->nb_index) return Value::not_implemented();
  if (!index_i64(I, count, &n)) return Value::error();
  Value r = inplace ? seq : deque_copy_value(I, seq);
  if (r.is_error()) return r;
  Deque* d = r.as<Deque>();
  if (n > 1 && d->size && !d->bounded && (d->size > (int64_t(1) << 40) / n)) return raise_memory(I);
  // Build by straightforward repetition of a snapshot.
  int64_t len = d->size;
  if (n <= 0 || len == 0) {
    clear_raw(I, d);
    return r;
  }
  List* snap = list_new(I, 0);
  if (!snap) return Value::error();
  for (int64_t i = 0; i < len; ++i)
    if (list_append(I, snap, at(d, i)) < 0) return Value::error();
  int64_t reps = n - 1;
  if (d->bounded) {
    // Only the last maxlen items survive: skip whole repetitions beyond that.
    int64_t need = d->maxlen / len + 2;
    if (reps > need) reps = need;
  }
  for (int64_t k = 0; k < reps; ++k)
    for (size_t i = 0; i < snap->size; ++i)
      if (append_raw(I, d, snap->items[i]) < 0) return Value::error();
  return r;
}

Value deque_mul(Isolate& I, Value a, Value b) {
  if (is_deque(a)) return deque_mul_impl(I, a, b, false);
  if (is_deque(b)) return deque_mul_impl(I, b, a, false);
  return Value::not_implemented();
}

Value deque_imul(Isolate& I, Value a, Value b) { return deque_mul_impl(I, a, b, true); }

Value deque_get_maxlen(Isolate& I, Value self) {
  Deque* d = self.as<Deque>();
  return d->bounded ? int_from_i64(I, d->maxlen) : Value::none();
}

// --- deque iterators ------------------------------------------------------------

void dequeiter_trace(Object* o, Tracer& t) { t.visit(static_cast<DequeIter*>(o)->dq); }

Value make_iter(Isolate& I, Deque* d, bool reverse) {
  Type* it_t = module_type(I, reverse ? "_deque_reverse_iterator" : "_deque_iterator");
  if (!it_t) return raise(I, I.rt.exc_RuntimeError, "_collections is not initialised");
  auto* it = static_cast<DequeIter*>(I.heap.alloc_object(it_t, sizeof(DequeIter)));
  if (!it) return raise_memory(I);
  it->dq = d;
  it->index = reverse ? d->size - 1 : 0;
  it->counter = d->size;
  it->state = d->state;
  return Value::object(it);
}

Value deque_iter(Isolate& I, Value self) { return make_iter(I, self.as<Deque>(), false); }

Value m_reversed(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (check_no_kwargs(I, "__reversed__", kw) < 0 || check_nargs(I, "deque.__reversed__", nargs - 1, 0, 0) < 0)
    return Value::error();
  return make_iter(I, args[0].as<Deque>(), true);
}

Value dequeiter_next_impl(Isolate& I, Value self, bool reverse) {
  auto* it = self.as<DequeIter>();
  Deque* d = it->dq;
  if (d->state != it->state) {
    it->counter = 0;
    return raise(I, I.rt.exc_RuntimeError, "deque mutated during iteration");
  }
  if (it->counter == 0) return Value::null();
  Value v = at(d, it->index);
  it->index += reverse ? -1 : 1;
  it->counter--;
  return v;
}

Value dequeiter_next(Isolate& I, Value self) { return dequeiter_next_impl(I, self, false); }
Value dequereviter_next(Isolate& I, Value self) { return dequeiter_next_impl(I, self, true); }
Value dequeiter_iter(Isolate&, Value self) { return self; }

Value m_iter_length_hint(Isolate& I, const Value* args, size_t, Tuple*) {
  return int_from_i64(I, args[0].as<DequeIter>()->counter);
}
Value m_iter_next(Isolate& I, const Value* args, size_t, Tuple*) {
  Type* t = type_of(I, args[0]);
  Value v = t->next(I, args[0]);
  if (v.is_null()) return raise_value(I, Value::object(I.rt.exc_StopIteration));
  return v;
}
Value m_iter_iter(Isolate&, const Value* args, size_t, Tuple*) { return args[0]; }

// --- dunder adapters (so that Python subclasses find the native slots) ----------

Value m_repr(Isolate& I, const Value* args, size_t, Tuple*) { return deque_repr(I, args[0]); }
Value m_len(Isolate& I, const Value* args, size_t, Tuple*) { return int_from_i64(I, args[0].as<Deque>()->size); }
Value m_iter(Isolate& I, const Value* args, size_t, Tuple*) { return deque_iter(I, args[0]); }
Value m_getitem(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (check_no_kwargs(I, "__getitem__", kw) < 0 || check_nargs(I, "__getitem__", nargs - 1, 1, 1) < 0) return Value::error();
  return deque_getitem(I, args[0], args[1]);
}
Value m_setitem(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (check_no_kwargs(I, "__setitem__", kw) < 0 || check_nargs(I, "__setitem__", nargs - 1, 2, 2) < 0) return Value::error();
  return deque_setitem(I, args[0], args[1], args[2]) < 0 ? Value::error() : Value::none();
}
Value m_delitem(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (check_no_kwargs(I, "__delitem__", kw) < 0 || check_nargs(I, "__delitem__", nargs - 1, 1, 1) < 0) return Value::error();
  return deque_setitem(I, args[0], args[1], Value::null()) < 0 ? Value::error() : Value::none();
}
Value m_contains(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (check_no_kwargs(I, "__contains__", kw) < 0 || check_nargs(I, "__contains__", nargs - 1, 1, 1) < 0) return Value::error();
  int r = deque_contains(I, args[0], args[1]);
  return r < 0 ? Value::error() : Value::boolean(r);
}
template <CompareOp op>
Value m_cmp(Isolate& I, const Value* args, size_t nargs, Tuple*) {
  if (check_nargs(I, "comparison", nargs - 1, 1, 1) < 0) return Value::error();
  return deque_richcompare(I, args[0], args[1], op);
}
Value m_add(Isolate& I, const Value* args, size_t nargs, Tuple*) {
  if (check_nargs(I, "__add__", nargs - 1, 1, 1) < 0) return Value::error();
  return deque_add(I, args[0], args[1]);
}
Value m_mul(Isolate& I, const Value* args, size_t nargs, Tuple*) {
  if (check_nargs(I, "__mul__", nargs - 1, 1, 1) < 0) return Value::error();
  return deque_mul_impl(I, args[0], args[1], false);
}
Value m_iadd(Isolate& I, const Value* args, size_t nargs, Tuple*) {
  if (check_nargs(I, "__iadd__", nargs - 1, 1, 1) < 0) return Value::error();
  return deque_iadd(I, args[0], args[1]);
}
Value m_imul(Isolate& I, const Value* args, size_t nargs, Tuple*) {
  if (check_nargs(I, "__imul__", nargs - 1, 1, 1) < 0) return Value::error();
  return deque_imul(I, args[0], args[1]);
}
Value m_sizeof(Isolate& I, const Value* args, size_t, Tuple*) {
  Deque* d = args[0].as<Deque>();
  return int_from_i64(I, int64_t(sizeof(Deque)) + d->cap * int64_t(sizeof(Value)));
}

Value instance_dict_or_none(Isolate& I, Value self) {
  Object* o = self.as_object();
  Dict** slot = object_dict_slot(o);
  if (slot && *slot && (*slot)->count) return Value::object(*slot);
  (void)I;
  return Value::none();
}

Value m_reduce(Isolate& I, const Value* args, size_t, Tuple*) {
  Deque* d = args[0].as<Deque>();
  Value t = Value::object(type_of(I, args[0]));
  Value targs;
  if (d->bounded) {
    Value inner[2] = {Value::object(I.rt.empty_tuple), int_from_i64(I, d->maxlen)};
    targs = tuple_value(I, inner, 2);
  } else {
    targs = Value::object(I.rt.empty_tuple);
  }
  if (targs.is_error()) return targs;
  Value it = deque_iter(I, args[0]);
  if (it.is_error()) return it;
  return tuple_pack(I, {t, targs, instance_dict_or_none(I, args[0]), it});
}

// __reduce_ex__(protocol): the class's __reduce__ (object.__reduce_ex__ of the
// core does not defer to an overridden __reduce__).
Value m_reduce_ex(Isolate& I, const Value* args, size_t nargs, Tuple*) {
  if (check_nargs(I, "__reduce_ex__", nargs - 1, 1, 1) < 0) return Value::error();
  return call_method(I, args[0], I.intern("__reduce__"), {});
}

// __class_getitem__: types.GenericAlias(cls, item).
Value m_class_getitem(Isolate& I, const Value* args, size_t nargs, Tuple*) {
  if (nargs != 2) return raise(I, I.rt.exc_TypeError, "__class_getitem__ expects one argument");
  Value types = import_module(I, "types");
  if (types.is_error()) return types;
  Value ga = get_attr(I, types, "GenericAlias");
  if (ga.is_error()) return ga;
  Value a[2] = {args[0], args[1]};
  return call(I, ga, a, 2, nullptr);
}

// --- defaultdict -------------------------------------------------------------------

struct DefaultDict : Dict {
  Value factory;
  uint32_t has_factory;  // zero-initialised: no factory (None)
};

void defdict_trace_full(Object* o, Tracer& t);
inline bool is_defdict(Value v) { return v.is_object() && v.as_object()->type_->trace == defdict_trace_full; }
inline bool is_exact_defdict(Isolate& I, Type* t) { return t->trace == defdict_trace_full && t->base == I.rt.dict_type; }

Value factory_of(DefaultDict* d) { return d->has_factory ? d->factory : Value::none(); }

void defdict_trace(Object* o, Tracer& t) {
  auto* d = static_cast<DefaultDict*>(o);
  if (d->has_factory) t.visit(d->factory);
}

Value defdict_missing(Isolate& I, Value self, Value key) {
  auto* d = self.as<DefaultDict>();
  Value f = factory_of(d);
  if (f.is_none()) return raise_key_error(I, key);
  Value v = call(I, f, nullptr, 0, nullptr);
  if (v.is_error()) return v;
  if (set_item(I, self, key, v) < 0) return Value::error();
  return v;
}

Value defdict_getitem(Isolate& I, Value self, Value key) {
  Value v = dict_get(I, self.as<Dict>(), key);
  if (!v.is_null()) return v;
  Type* t = type_of(I, self);
  if (is_exact_defdict(I, t)) return defdict_missing(I, self, key);
  Value missing = lookup_special(I, self, I.rt.n___missing__);
  if (missing.is_error()) return missing;
  if (!missing.is_null()) return call(I, missing, &key, 1, nullptr);
  return raise_key_error(I, key);
}

int defdict_init(Isolate& I, Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  auto* d = self.as<DefaultDict>();
  Value f = Value::none();
  if (nargs > 0) {
    f = args[0];
    if (!f.is_none() && !is_callable(I, f)) {
      raise(I, I.rt.exc_TypeError, "first argument must be callable or None");
      return -1;
    }
    ++args;
    --nargs;
  }
  d->factory = f;
  d->has_factory = 1;
  return I.rt.dict_type->init(I, self, args, nargs, kwnames);
}

Value m_defdict_init(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  return defdict_init(I, args[0], args + 1, nargs - 1, kw) < 0 ? Value::error() : Value::none();
}

Value defdict_repr(Isolate& I, Value self) {
  auto* d = self.as<DefaultDict>();
  Value base = I.rt.dict_type->repr(I, self);
  if (base.is_error()) return base;
  std::string out(short_type_name(type_of(I, self)));
  out += "(";
  Value f = factory_of(d);
  if (f.is_none()) {
    out += "None";
  } else {
    int rc = f.is_object() ? repr_enter(I, f.as_object()) : 0;
    if (rc < 0) return Value::error();
    if (rc > 0) {
      out += "...";
    } else {
      int r = repr_append(I, f, out);
      if (f.is_object()) repr_leave(I, f.as_object());
      if (r < 0) return Value::error();
    }
  }
  out += ", ";
  out += base.as<Str>()->view();
  out += ")";
  return str_value(I, out);
}

int64_t defdict_unhashable(Isolate& I, Value self) {
  raisef(I, I.rt.exc_TypeError, "unhashable type: '%s'", type_name(I, self));
  return -1;
}

Value defdict_copy_of(Isolate& I, Value self, Value src) {
  Value a[2] = {factory_of(self.as<DefaultDict>()), src};
  return call(I, Value::object(type_of(I, self)), a, 2, nullptr);
}

Value m_defdict_copy(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (check_no_kwargs(I, "copy", kw) < 0 || check_nargs(I, "copy", nargs - 1, 0, 0) < 0) return Value::error();
  return defdict_copy_of(I, args[0], args[0]);
}

Value m_missing(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (check_no_kwargs(I, "__missing__", kw) < 0 || check_nargs(I, "__missing__", nargs - 1, 1, 1) < 0)
    return Value::error();
  return defdict_missing(I, args[0], args[1]);
}

Value m_defdict_getitem(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (check_no_kwargs(I, "__getitem__", kw) < 0 || check_nargs(I, "__getitem__", nargs - 1, 1, 1) < 0)
    return Value::error();
  return defdict_getitem(I, args[0], args[1]);
}

Value m_defdict_repr(Isolate& I, const Value* args, size_t, Tuple*) { return defdict_repr(I, args[0]); }

Value defdict_or(Isolate& I, Value left, Value right) {
  Value self, other;
  if (is_defdict(left)) { self = left; other = right; }
  else { self = right; other = left; }
  if (!is_subtype(type_of(I, other), I.rt.dict_type)) return Value::not_implemented();
  Value n = defdict_copy_of(I, self, left);
  if (n.is_error()) return n;
  if (!is_subtype(type_of(I, n), I.rt.dict_type))
    return raise(I, I.rt.exc_TypeError, "copy of defaultdict is not a dict");
  if (dict_update(I, n.as<Dict>(), right) < 0) return Value::error();
  return n;
}

Value m_defdict_or(Isolate& I, const Value* args, size_t nargs, Tuple*) {
  if (check_nargs(I, "__or__", nargs - 1, 1, 1) < 0) return Value::error();
  return defdict_or(I, args[0], args[1]);
}
Value m_defdict_ror(Isolate& I, const Value* args, size_t nargs, Tuple*) {
  if (check_nargs(I, "__ror__", nargs - 1, 1, 1) < 0) return Value::error();
  return defdict_or(I, args[1], args[0]);
}

Value m_defdict_reduce(Isolate& I, const Value* args, size_t, Tuple*) {
  auto* d = args[0].as<DefaultDict>();
  Value f = factory_of(d);
  Value targs = f.is_none() ? Value::object(I.rt.empty_tuple) : tuple_value(I, &f, 1);
  if (targs.is_error()) return targs;
  Value items = call_method(I, args[0], I.intern("items"), {});
  if (items.is_error()) return items;
  Value it = get_iter(I, items);
  if (it.is_error()) return it;
  return tuple_pack(I, {Value::object(type_of(I, args[0])), targs, Value::none(), Value::none(), it});
}

Value defdict_get_factory(Isolate&, Value self) { return factory_of(self.as<DefaultDict>()); }
int defdict_set_factory(Isolate&, Value self, Value v) {
  auto* d = self.as<DefaultDict>();
  d->factory = v.is_null() ? Value::none() : v;
  d->has_factory = 1;
  return 0;
}


// --- _tuplegetter: the field descriptors of namedtuple classes --------------------

struct TupleGetter : Object {
  int64_t index;
  Value doc;
};

void tuplegetter_trace(Object* o, Tracer& t) { t.visit(static_cast<TupleGetter*>(o)->doc); }

Value tuplegetter_new(Isolate& I, Type* type, const Value* args, size_t nargs, Tuple* kw) {
  if (check_no_kwargs(I, "_tuplegetter", kw) < 0 || check_nargs(I, "_tuplegetter", nargs, 2, 2) < 0)
    return Value::error();
  int64_t i;
  if (!index_i64(I, args[0], &i)) return Value::error();
  auto* g = static_cast<TupleGetter*>(I.heap.alloc_object(type, sizeof(TupleGetter)));
  if (!g) return raise_memory(I);
  g->index = i;
  g->doc = args[1];
  return Value::object(g);
}

Value tuplegetter_get(Isolate& I, Value descr, Value obj, Value) {
  if (obj.is_null() || obj.is_none()) return descr;
  auto* g = descr.as<TupleGetter>();
  if (!obj.is_object() || (!(obj.as_object()->type_->flags & kTypeTupleSubclass) && obj.as_object()->type_ != I.rt.tuple_type))
    return raisef(I, I.rt.exc_TypeError, "descriptor for index '%lld' for tuple subclasses doesn't apply to '%s' object",
                  static_cast<long long>(g->index), type_name(I, obj));
  Tuple* t = obj.as<Tuple>();
  if (g->index < 0 || size_t(g->index) >= t->size()) return raise(I, I.rt.exc_IndexError, "tuple index out of range");
  return t->items[g->index];
}

int tuplegetter_set(Isolate& I, Value, Value, Value value) {
  raise(I, I.rt.exc_AttributeError, value.is_null() ? "can't delete attribute" : "can't set attribute");
  return -1;
}

Value tuplegetter_repr(Isolate& I, Value self) {
  auto* g = self.as<TupleGetter>();
  std::string out = "_tuplegetter(" + std::to_string(g->index) + ", ";
  if (repr_append(I, g->doc, out) < 0) return Value::error();
  out += ")";
  return str_value(I, out);
}
Value m_tuplegetter_repr(Isolate& I, const Value* args, size_t, Tuple*) { return tuplegetter_repr(I, args[0]); }

Value tuplegetter_get_doc(Isolate&, Value self) { return self.as<TupleGetter>()->doc; }
int tuplegetter_set_doc(Isolate&, Value self, Value v) {
  self.as<TupleGetter>()->doc = v.is_null() ? Value::none() : v;
  return 0;
}
Value m_tuplegetter_get(Isolate& I, const Value* args, size_t nargs, Tuple*) {
  if (check_nargs(I, "__get__", nargs - 1, 1, 2) < 0) return Value::error();
  return tuplegetter_get(I, args[0], args[1], nargs > 2 ? args[2] : Value::none());
}
Value m_tuplegetter_set(Isolate& I, const Value* args, size_t nargs, Tuple*) {
  if (check_nargs(I, "__set__", nargs - 1, 2, 2) < 0) return Value::error();
  return tuplegetter_set(I, args[0], args[1], args[2]) < 0 ? Value::error() : Value::none();
}
Value m_tuplegetter_delete(Isolate& I, const Value* args, size_t nargs, Tuple*) {
  if (check_nargs(I, "__delete__", nargs - 1, 1, 1) < 0) return Value::error();
  return tuplegetter_set(I, args[0], args[1], Value::null()) < 0 ? Value::error() : Value::none();
}
Value m_tuplegetter_reduce(Isolate& I, const Value* args, size_t, Tuple*) {
  auto* g = args[0].as<TupleGetter>();
  Value a = tuple_pack(I, {int_from_i64(I, g->index), g->doc});
  if (a.is_error()) return a;
  return tuple_pack(I, {Value::object(type_of(I, args[0])), a});
}

// _count_elements(mapping, iterable): mapping[x] = mapping.get(x, 0) + 1 for
// each x (Counter's counting loop); dict operations directly when the
// mapping's get and __setitem__ are dict's own.
Value m_count_elements(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (check_no_kwargs(I, "_count_elements", kw) < 0 || check_nargs(I, "_count_elements", nargs, 2, 2) < 0)
    return Value::error();
  Value mapping = args[0];
  Type* mt = type_of(I, mapping);
  Str* n_get = I.intern("get");
  Str* n_setitem = I.intern("__setitem__");
  if (!n_get || !n_setitem) return Value::error();
  bool fast = is_subtype(mt, I.rt.dict_type) &&
              type_lookup(mt, n_get).is(dict_get_str(I.rt.dict_type->dict, n_get)) &&
              type_lookup(mt, n_setitem).is(dict_get_str(I.rt.dict_type->dict, n_setitem));
  Value it = get_iter(I, args[1]);
  if (it.is_error()) return it;
  Value one = Value::small_int(1);
  Value zero = Value::small_int(0);
  Value get = Value::null();
  if (!fast) {
    get = get_attr(I, mapping, n_get);
    if (get.is_error()) return get;
  }
  for (;;) {
    Value x = iter_next(I, it);
    if (x.is_error()) return x;
    if (x.is_null()) break;
    Value cur;
    if (fast) {
      cur = dict_get(I, mapping.as<Dict>(), x);
      if (cur.is_error()) return cur;
      if (cur.is_null()) cur = zero;
    } else {
      Value a[2] = {x, zero};
      cur = call(I, get, a, 2, nullptr);
      if (cur.is_error()) return cur;
    }
    Value nv = (cur.is_small_int() && cur.as_small_int() < Value::kSmallIntMax)
                   ? Value::small_int(cur.as_small_int() + 1)
                   : binary_op(I, cur, one, NbOp::Add);
    if (nv.is_error()) return nv;
    if ((fast ? dict_set(I, mapping.as<Dict>(), x, nv) : set_item(I, mapping, x, nv)) < 0) return Value::error();
  }
  return Value::none();
}

}  // namespace

namespace {

int build_tuplegetter_type(Isolate& I, Module* m) {
  Type* t = make_type(I, "_collections._tuplegetter", I.rt.object_type, sizeof(TupleGetter), 0);
  if (!t) return I.pending ? -1 : (raise_memory(I), -1);
  t->new_ = tuplegetter_new;
  t->init = nullptr;
  t->descr_get = tuplegetter_get;
  t->descr_set = tuplegetter_set;
  t->repr = tuplegetter_repr;
  t->trace = tuplegetter_trace;
  if (add_method(I, t, "__get__", m_tuplegetter_get) < 0 || add_method(I, t, "__set__", m_tuplegetter_set) < 0 ||
      add_method(I, t, "__delete__", m_tuplegetter_delete) < 0 ||
      add_method(I, t, "__reduce__", m_tuplegetter_reduce) < 0 || add_method(I, t, "__repr__", m_tuplegetter_repr) < 0 ||
      add_getset(I, t, "__doc__", tuplegetter_get_doc, tuplegetter_set_doc) < 0)
    return -1;
  return module_add_value(I, m, "_tuplegetter", Value::object(t));
}

void defdict_trace_full(Object* o, Tracer& t) {
  // dict's own trace is reached through the base type of the object's MRO.
  Type* ty = o->type_;
  while (ty && ty->trace == defdict_trace_full) ty = ty->base;
  if (ty && ty->trace) ty->trace(o, t);
  defdict_trace(o, t);
}

int build_deque_types(Isolate& I, Module* m) {
  Type* dt = make_type(I, "collections.deque", I.rt.object_type, sizeof(Deque), kTypeBaseType);
  if (!dt) return I.pending ? -1 : (raise_memory(I), -1);
  dt->new_ = deque_new;
  dt->init = deque_init;
  dt->repr = deque_repr;
  dt->hash = deque_unhashable;
  dt->richcompare = deque_richcompare;
  dt->len = deque_len;
  dt->getitem = deque_getitem;
  dt->setitem = deque_setitem;
  dt->contains = deque_contains;
  dt->iter = deque_iter;
  dt->bool_ = nullptr;
  dt->nb[int(NbOp::Add)] = deque_add;
  dt->nb[int(NbOp::Mul)] = deque_mul;
  dt->nb_inplace[int(NbOp::Add)] = deque_iadd;
  dt->nb_inplace[int(NbOp::Mul)] = deque_imul;
  dt->trace = deque_trace;
  dt->finalize = deque_finalize;
  if (add_method(I, dt, "__init__", m_deque_init) < 0 || add_method(I, dt, "append", m_append) < 0 ||
      add_method(I, dt, "appendleft", m_appendleft) < 0 || add_method(I, dt, "pop", m_pop) < 0 ||
      add_method(I, dt, "popleft", m_popleft) < 0 || add_method(I, dt, "extend", m_extend) < 0 ||
      add_method(I, dt, "extendleft", m_extendleft) < 0 || add_method(I, dt, "rotate", m_rotate) < 0 ||
      add_method(I, dt, "clear", m_clear) < 0 || add_method(I, dt, "count", m_count) < 0 ||
      add_method(I, dt, "index", m_index) < 0 || add_method(I, dt, "insert", m_insert) < 0 ||
      add_method(I, dt, "remove", m_remove) < 0 || add_method(I, dt, "reverse", m_reverse) < 0 ||
      add_method(I, dt, "copy", m_copy) < 0 || add_method(I, dt, "__copy__", m_copy) < 0 ||
      add_method(I, dt, "__reversed__", m_reversed) < 0 || add_method(I, dt, "__repr__", m_repr) < 0 ||
      add_method(I, dt, "__len__", m_len) < 0 || add_method(I, dt, "__iter__", m_iter) < 0 ||
      add_method(I, dt, "__getitem__", m_getitem) < 0 || add_method(I, dt, "__setitem__", m_setitem) < 0 ||
      add_method(I, dt, "__delitem__", m_delitem) < 0 || add_method(I, dt, "__contains__", m_contains) < 0 ||
      add_method(I, dt, "__lt__", m_cmp<CompareOp::Lt>) < 0 || add_method(I, dt, "__le__", m_cmp<CompareOp::Le>) < 0 ||
      add_method(I, dt, "__eq__", m_cmp<CompareOp::Eq>) < 0 || add_method(I, dt, "__ne__", m_cmp<CompareOp::Ne>) < 0 ||
      add_method(I, dt, "__gt__", m_cmp<CompareOp::Gt>) < 0 || add_method(I, dt, "__ge__", m_cmp<CompareOp::Ge>) < 0 ||
      add_method(I, dt, "__add__", m_add) < 0 || add_method(I, dt, "__mul__", m_mul) < 0 ||
      add_method(I, dt, "__rmul__", m_mul) < 0 || add_method(I, dt, "__iadd__", m_iadd) < 0 ||
      add_method(I, dt, "__imul__", m_imul) < 0 || add_method(I, dt, "__sizeof__", m_sizeof) < 0 ||
      add_method(I, dt, "__reduce__", m_reduce) < 0 || add_method(I, dt, "__reduce_ex__", m_reduce_ex) < 0 ||
      add_method(I, dt, "__class_getitem__", m_class_getitem, kMethodClass) < 0 ||
      add_getset(I, dt, "maxlen", deque_get_maxlen, nullptr) < 0 ||
      dict_set_str(I, dt->dict, I.rt.n___hash__, Value::none()) < 0)
    return -1;

  for (int rev = 0; rev < 2; ++rev) {
    Type* it = make_type(I, rev ? "_collections._deque_reverse_iterator" : "_collections._deque_iterator",
                         I.rt.object_type, sizeof(DequeIter), 0);
    if (!it) return I.pending ? -1 : (raise_memory(I), -1);
    it->new_ = nullptr;
    it->init = nullptr;
    it->iter = dequeiter_iter;
    it->next = rev ? dequereviter_next : dequeiter_next;
    it->trace = dequeiter_trace;
    it->finalize = nullptr;
    if (add_method(I, it, "__length_hint__", m_iter_length_hint) < 0 || add_method(I, it, "__next__", m_iter_next) < 0 ||
        add_method(I, it, "__iter__", m_iter_iter) < 0)
      return -1;
    if (module_add_value(I, m, rev ? "_deque_reverse_iterator" : "_deque_iterator", Value::object(it)) < 0) return -1;
  }
  return module_add_value(I, m, "deque", Value::object(dt));
}

int build_defaultdict_type(Isolate& I, Module* m) {
  Type* t = make_type(I, "collections.defaultdict", I.rt.dict_type, sizeof(DefaultDict), kTypeBaseType);
  if (!t) return I.pending ? -1 : (raise_memory(I), -1);
  t->init = defdict_init;
  t->getitem = defdict_getitem;
  t->repr = defdict_repr;
  t->hash = defdict_unhashable;
  t->trace = defdict_trace_full;
  t->nb[int(NbOp::Or)] = defdict_or;
  if (add_method(I, t, "__init__", m_defdict_init) < 0 || add_method(I, t, "__missing__", m_missing) < 0 ||
      add_method(I, t, "__getitem__", m_defdict_getitem) < 0 || add_method(I, t, "__repr__", m_defdict_repr) < 0 ||
      add_method(I, t, "copy", m_defdict_copy) < 0 || add_method(I, t, "__copy__", m_defdict_copy) < 0 ||
      add_method(I, t, "__reduce__", m_defdict_reduce) < 0 || add_method(I, t, "__reduce_ex__", m_reduce_ex) < 0 ||
      add_method(I, t, "__or__", m_defdict_or) < 0 ||
      add_method(I, t, "__ror__", m_defdict_ror) < 0 ||
      add_getset(I, t, "default_factory", defdict_get_factory, defdict_set_factory) < 0 ||
      dict_set_str(I, t->dict, I.rt.n___hash__, Value::none()) < 0)
    return -1;
  return module_add_value(I, m, "defaultdict", Value::object(t));
}

}  // namespace

int init__collections_module(Isolate& I, Module* m) {
  if (build_deque_types(I, m) < 0 || build_defaultdict_type(I, m) < 0 || build_tuplegetter_type(I, m) < 0)
    return -1;
  if (module_add_function(I, m, "_count_elements", m_count_elements) < 0) return -1;
  return 0;
}

}  // namespace capy
