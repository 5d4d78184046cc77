// list: mutable sequence over an accounted, over-allocated item buffer
// (CPython's listobject.c; sorting lives in list_sort.cc).
#include "objects/list.h"

#include <cstring>
#include <string>
#include <vector>

#include "objects/dict.h"
#include "objects/int.h"
#include "objects/iterators.h"
#include "objects/misc.h"
#include "objects/native.h"
#include "objects/ops.h"
#include "objects/set.h"
#include "objects/str.h"
#include "objects/tuple.h"

namespace capy {

namespace {

constexpr size_t kMaxListItems = (size_t(1) << 60) / sizeof(Value);

bool is_list(Isolate& I, Value v) {
  if (!v.is_object()) return false;
  Type* t = v.as_object()->type_;
  return t == I.rt.list_type || (t->flags & kTypeListSubclass);
}

// Sets the capacity to exactly `cap` (>= size). 0 or -1.
int set_capacity(Isolate& I, List* l, size_t cap) {
  if (cap == l->capacity) return 0;
  if (cap > kMaxListItems) {
    raise_memory(I);
    return -1;
  }
  if (cap == 0) {
    if (l->items) I.heap.free_raw(l->items, l->capacity * sizeof(Value));
    l->items = nullptr;
    l->capacity = 0;
    return 0;
  }
  void* p;
  if (l->items)
    p = I.heap.realloc_raw(l->items, l->capacity * sizeof(Value), cap * sizeof(Value));
  else
    p = I.heap.alloc_raw(cap * sizeof(Value));
  if (!p) {
    raise_memory(I);
    return -1;
  }
  l->items = static_cast<Value*>(p);
  l->capacity = cap;
  return 0;
}

// CPython's list_resize: makes room for newsize items with over-allocation
// and sets size (new slots are left for the caller to fill).
int list_resize(Isolate& I, List* l, size_t newsize) {
  size_t allocated = l->capacity;
  if (allocated >= newsize && newsize >= (allocated >> 1)) {
    l->size = newsize;
    return 0;
  }
  if (newsize > kMaxListItems) {
    raise_memory(I);
    return -1;
  }
  size_t new_allocated = (newsize + (newsize >> 3) + 6) & ~size_t(3);
  if (newsize > l->size && newsize - l->size > new_allocated - newsize)
    new_allocated = (newsize + 3) & ~size_t(3);
  if (newsize == 0) new_allocated = 0;
  if (set_capacity(I, l, new_allocated) < 0) return -1;
  l->size = newsize;
  return 0;
}

List* alloc_list(Isolate& I, Type* type) {
  Object* o = I.heap.alloc_object(type, type->basicsize < sizeof(List) ? sizeof(List) : type->basicsize);
  if (!o) {
    raise_memory(I);
    return nullptr;
  }
  return static_cast<List*>(o);
}

}  // namespace

List* list_new(Isolate& I, size_t size, size_t capacity) {
  List* l = alloc_list(I, I.rt.list_type);
  if (!l) return nullptr;
  if (capacity < size) capacity = size;
  if (capacity && set_capacity(I, l, capacity) < 0) return nullptr;
  for (size_t i = 0; i < size; ++i) l->items[i] = Value::none();
  l->size = size;
  return l;
}

Value list_value(Isolate& I, const Value* items, size_t n) {
  List* l = list_new(I, 0, n);
  if (!l) return Value::error();
  if (n) std::memcpy(l->items, items, n * sizeof(Value));
  l->size = n;
  return Value::object(l);
}

int list_append(Isolate& I, List* l, Value v) {
  if (l->size < l->capacity) {
    l->items[l->size++] = v;
    return 0;
  }
  size_t n = l->size;
  if (list_resize(I, l, n + 1) < 0) return -1;
  l->items[n] = v;
  return 0;
}

int list_reserve(Isolate& I, List* l, size_t capacity) {
  if (capacity <= l->capacity) return 0;
  return set_capacity(I, l, capacity);
}

namespace {

// Appends n items (which must not live in l's own buffer).
int append_items(Isolate& I, List* l, const Value* items, size_t n) {
  if (n == 0) return 0;
  size_t m = l->size;
  if (list_resize(I, l, m + n) < 0) return -1;
  std::memcpy(l->items + m, items, n * sizeof(Value));
  return 0;
}

// A length hint for builtin containers (never runs Python code).
int64_t builtin_length_hint(Isolate& I, Value v) {
  if (!v.is_object()) return -1;
  Type* t = v.as_object()->type_;
  if (t->is_heap() || !t->len) return -1;
  if (t == I.rt.dict_type) return v.as<Dict>()->count;
  if (t == I.rt.set_type || t == I.rt.frozenset_type) return v.as<Set>()->used;
  if (t == I.rt.str_type || t == I.rt.range_type) {
    int64_t n = t->len(I, v);
    if (n < 0) I.pending = nullptr;
    return n;
  }
  return -1;
}

}  // namespace

int list_extend(Isolate& I, List* l, Value iterable) {
  if (iterable.is_object()) {
    Object* o = iterable.as_object();
    if (o->type_ == I.rt.list_type || o == l) {
      List* src = static_cast<List*>(o);
      size_t n = src->size;
      if (n == 0) return 0;
      size_t m = l->size;
      if (list_resize(I, l, m + n) < 0) return -1;
      // src may be l itself: its items are still at [0, n).
      std::memmove(l->items + m, src->items, n * sizeof(Value));
      return 0;
    }
    if (o->type_ == I.rt.tuple_type) {
      Tuple* t = static_cast<Tuple*>(o);
      return append_items(I, l, t->items, t->size());
    }
  }
  Value it = get_iter(I, iterable);
  if (it.is_error()) return -1;
  int64_t hint = builtin_length_hint(I, iterable);
  if (hint > 0 && static_cast<size_t>(hint) < kMaxListItems) {
    if (list_reserve(I, l, l->size + static_cast<size_t>(hint)) < 0) return -1;
  }
  Type* it_type = type_of(I, it);
  NextFn next = it_type->next;
  for (;;) {
    Value x = next(I, it);
    if (x.is_null()) break;
    if (x.is_error()) {
      if (pending_matches(I, I.rt.exc_StopIteration)) {
        I.pending = nullptr;
        break;
      }
      return -1;
    }
    if (l->size < l->capacity) {
      l->items[l->size++] = x;
    } else if (list_append(I, l, x) < 0) {
      return -1;
    }
  }
  // Give back a big over-reservation (like CPython's list_extend).
  if (l->size < l->capacity && l->capacity - l->size > 64 && l->size < l->capacity / 2)
    set_capacity(I, l, l->size);
  return 0;
}

namespace {

// --- slots ------------------------------------------------------------------------

Value list_new_slot(Isolate& I, Type* type, const Value*, size_t, Tuple*) {
  List* l = alloc_list(I, type);
  return l ? Value::object(l) : Value::error();
}

int list_init_slot(Isolate& I, Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  Type* t = type_of(I, self);
  if ((t == I.rt.list_type || t->new_ == I.rt.list_type->new_) && arg_no_kw(I, "list", kwnames) < 0)
    return -1;
  if (arg_count(I, "list", nargs, 0, 1) < 0) return -1;
  List* l = self.as<List>();
  if (l->items) {
    l->size = 0;
    set_capacity(I, l, 0);
  }
  if (nargs == 1) return list_extend(I, l, args[0]);
  return 0;
}

void list_trace(Object* o, Tracer& t) {
  auto* l = static_cast<List*>(o);
  if (l->items) t.visit_range(l->items, l->size);
}

void list_finalize(Isolate& I, Object* o) {
  auto* l = static_cast<List*>(o);
  if (l->items) I.heap.free_raw(l->items, l->capacity * sizeof(Value));
  l->items = nullptr;
  l->size = l->capacity = 0;
}

Value list_repr(Isolate& I, Value self) {
  List* l = self.as<List>();
  if (l->size == 0) return str_value(I, "[]");
  int rc = repr_enter(I, l);
  if (rc != 0) return rc > 0 ? str_value(I, "[...]") : Value::error();
  std::string out = "[";
  for (size_t i = 0; i < l->size; ++i) {
    if (i) out += ", ";
    if (repr_append(I, l->items[i], out) < 0) {
      repr_leave(I, l);
      return Value::error();
    }
  }
  repr_leave(I, l);
  out += ']';
  return str_value(I, out);
}

Value compare_sizes(size_t a, size_t b, CompareOp op) {
  switch (op) {
    case CompareOp::Lt: return Value::boolean(a < b);
    case CompareOp::Le: return Value::boolean(a <= b);
    case CompareOp::Eq: return Value::boolean(a == b);
    case CompareOp::Ne: return Value::boolean(a != b);
    case CompareOp::Gt: return Value::boolean(a > b);
    case CompareOp::Ge: return Value::boolean(a >= b);
  }
  return Value::not_implemented();
}

Value list_richcompare(Isolate& I, Value a, Value b, CompareOp op) {
  if (!is_list(I, a) || !is_list(I, b)) return Value::not_implemented();
  List* x = a.as<List>();
  List* y = b.as<List>();
  if (x->size != y->size && (op == CompareOp::Eq || op == CompareOp::Ne))
    return Value::boolean(op == CompareOp::Ne);
  size_t i = 0;
  Value vi, wi;
  for (; i < x->size && i < y->size; ++i) {
    vi = x->items[i];
    wi = y->items[i];
    if (vi.is(wi)) continue;
    int k = fast_eq(I, vi, wi);
    if (k < 0) return Value::error();
    if (!k) break;
  }
  if (i >= x->size || i >= y->size) return compare_sizes(x->size, y->size, op);
  if (op == CompareOp::Eq) return Value::false_();
  if (op == CompareOp::Ne) return Value::true_();
  return rich_compare(I, vi, wi, op);
}

int64_t list_len(Isolate&, Value self) { return static_cast<int64_t>(self.as<List>()->size); }

Value list_slice(Isolate& I, List* l, int64_t start, int64_t step, int64_t len) {
  if (len <= 0) return Value::object(list_new(I, 0));
  List* r = list_new(I, 0, static_cast<size_t>(len));
  if (!r) return Value::error();
  if (step == 1) {
    std::memcpy(r->items, l->items + start, static_cast<size_t>(len) * sizeof(Value));
  } else {
    for (int64_t k = 0, j = start; k < len; ++k, j += step) r->items[k] = l->items[j];
  }
  r->size = static_cast<size_t>(len);
  return Value::object(r);
}

Value list_getitem(Isolate& I, Value self, Value key) {
  List* l = self.as<List>();
  int64_t n = static_cast<int64_t>(l->size);
  int64_t i;
  if (key.is_small_int()) {
    i = key.as_small_int();
  } else if (key.is_object() && key.as_object()->type_ == I.rt.slice_type) {
    int64_t start, stop, step;
    if (!slice_unpack(I, key, &start, &stop, &step)) return Value::error();
    int64_t len = slice_adjust(static_cast<int64_t>(l->size), &start, &stop, step);
    return list_slice(I, l, start, step, len);
  } else {
    int rc = seq_index_of(I, key, &i);
    if (rc < 0) return Value::error();
    if (rc == 0)
      return raisef(I, I.rt.exc_TypeError, "list indices must be integers or slices, not %s",
                    type_name(I, key));
    n = static_cast<int64_t>(l->size);
  }
  if (i < 0) i += n;
  if (i < 0 || i >= n) return raise(I, I.rt.exc_IndexError, "list index out of range");
  return l->items[i];
}

// A snapshot of the items of a list or tuple (PySequence_Fast): returns a
// list/tuple Value whose items array may be read without running Python code.
Value seq_fast(Isolate& I, Value v, const char* msg) {
  if (v.is_object()) {
    Type* t = v.as_object()->type_;
    if (t == I.rt.list_type || t == I.rt.tuple_type) return v;
  }
  Type* t = type_of(I, v);
  if (!t->iter && !t->getitem) return raise(I, I.rt.exc_TypeError, msg);
  List* l = list_new(I, 0);
  if (!l) return Value::error();
  if (list_extend(I, l, v) < 0) return Value::error();
  return Value::object(l);
}

// Assigns list[ilow:ihigh] = items[0..n) (value null: delete). 0 or -1.
int ass_slice_items(Isolate& I, List* l, int64_t ilow, int64_t ihigh, const Value* src, size_t n) {
  int64_t size = static_cast<int64_t>(l->size);
  if (ilow < 0) ilow = 0;
  else if (ilow > size) ilow = size;
  if (ihigh < ilow) ihigh = ilow;
  else if (ihigh > size) ihigh = size;
  size_t norig = static_cast<size_t>(ihigh - ilow);
  // Copy the source first: it may alias the list's buffer.
  std::vector<Value> tmp(src, src + n);
  if (n > norig) {
    size_t d = n - norig;
    size_t old = l->size;
    if (list_resize(I, l, old + d) < 0) return -1;
    std::memmove(l->items + ihigh + d, l->items + ihigh, (old - static_cast<size_t>(ihigh)) * sizeof(Value));
  } else if (n < norig) {
    size_t d = norig - n;
    size_t old = l->size;
    std::memmove(l->items + ihigh - d, l->items + ihigh, (old - static_cast<size_t>(ihigh)) * sizeof(Value));
    if (list_resize(I, l, old - d) < 0) {
      // Shrinking only fails if the realloc fails: keep the size consistent.
      l->size = old - d;
      return -1;
    }
  }
  if (n) std::memcpy(l->items + ilow, tmp.data(), n * sizeof(Value));
  return 0;
}

void items_of(Isolate& I, Value seq, const Value** items, size_t* n) {
  Object* o = seq.as_object();
  if (o->type_ == I.rt.tuple_type) {
    *items = static_cast<Tuple*>(o)->items;
    *n = static_cast<Tuple*>(o)->size();
  } else {
    *items = static_cast<List*>(o)->items;
    *n = static_cast<List*>(o)->size;
  }
}

int list_setitem(Isolate& I, Value self, Value key, Value value) {
  List* l = self.as<List>();
  int64_t i;
  if (key.is_small_int()) {
    i = key.as_small_int();
  } else if (key.is_object() && key.as_object()->type_ == I.rt.slice_type) {
    int64_t ustart, ustop, step;
    if (!slice_unpack(I, key, &ustart, &ustop, &step)) return -1;
    int64_t start = ustart, stop = ustop;
    int64_t len = slice_adjust(static_cast<int64_t>(l->size), &start, &stop, step);
    if (value.is_null()) {
      if (len <= 0) return 0;
      if (step == 1) return ass_slice_items(I, l, start, stop, nullptr, 0);
      if (step < 0) {
        stop = start + 1;
        start = stop + step * (len - 1) - 1;
        step = -step;
      }
      // Compact: keep the items not hit by the slice.
      size_t size = l->size;
      size_t w = static_cast<size_t>(start);
      for (int64_t k = 0; k < len; ++k) {
        int64_t cur = start + k * step;
        int64_t lim = (k + 1 < len) ? cur + step : static_cast<int64_t>(size);
        for (int64_t j = cur + 1; j < lim; ++j) l->items[w++] = l->items[j];
      }
      return list_resize(I, l, size - static_cast<size_t>(len));
    }
    Value seq;
    if (value.is(self)) {
      Value copy = list_value(I, l->items, l->size);
      if (copy.is_error()) return -1;
      seq = copy;
    } else {
      seq = seq_fast(I, value, step == 1 ? "can only assign an iterable" : "must assign iterable to extended slice");
      if (seq.is_error()) return -1;
    }
    const Value* items;
    size_t n;
    items_of(I, seq, &items, &n);
    if (step == 1) return ass_slice_items(I, l, start, stop, items, n);
    if (static_cast<int64_t>(n) == len) {
      // The conversion may have run Python code that resized the list.
      start = ustart;
      stop = ustop;
      len = slice_adjust(static_cast<int64_t>(l->size), &start, &stop, step);
    }
    if (static_cast<int64_t>(n) != len) {
      raisef(I, I.rt.exc_ValueError, "attempt to assign sequence of size %zu to extended slice of size %lld",
             n, static_cast<long long>(len));
      return -1;
    }
    for (int64_t k = 0, j = start; k < len; ++k, j += step) l->items[j] = items[k];
    return 0;
  } else {
    int rc = seq_index_of(I, key, &i);
    if (rc < 0) return -1;
    if (rc == 0) {
      raisef(I, I.rt.exc_TypeError, "list indices must be integers or slices, not %s", type_name(I, key));
      return -1;
    }
  }
  int64_t n = static_cast<int64_t>(l->size);
  if (i < 0) i += n;
  if (i < 0 || i >= n) {
    raise(I, I.rt.exc_IndexError, "list assignment index out of range");
    return -1;
  }
  if (value.is_null()) {
    std::memmove(l->items + i, l->items + i + 1, static_cast<size_t>(n - i - 1) * sizeof(Value));
    return list_resize(I, l, static_cast<size_t>(n - 1));
  }
  l->items[i] = value;
  return 0;
}

int list_contains(Isolate& I, Value self, Value item) {
  List* l = self.as<List>();
  for (size_t i = 0; i < l->size; ++i) {
    int k = fast_eq(I, l->items[i], item);
    if (k != 0) return k;
  }
  return 0;
}

Value list_iter(Isolate& I, Value self) { return list_iter_new(I, self.as<List>()); }

Value list_add(Isolate& I, Value a, Value b) {
  if (!is_list(I, a)) return Value::not_implemented();
  if (!is_list(I, b)) {
    Type* tb = type_of(I, b);
    if (tb->is_heap() && tb->nb[int(NbOp::Add)]) {
      Value r = tb->nb[int(NbOp::Add)](I, a, b);
      if (r.is_error() || !r.is_not_implemented()) return r;
    }
    return raisef(I, I.rt.exc_TypeError, "can only concatenate list (not \"%s\") to list", type_name(tb));
  }
  List* x = a.as<List>();
  List* y = b.as<List>();
  size_t n = x->size + y->size;
  List* r = list_new(I, 0, n);
  if (!r) return Value::error();
  if (x->size) std::memcpy(r->items, x->items, x->size * sizeof(Value));
  if (y->size) std::memcpy(r->items + x->size, y->items, y->size * sizeof(Value));
  r->size = n;
  return Value::object(r);
}

// The repeat count of `seq * n`; false with an exception set on failure.
bool repeat_count(Isolate& I, Value n, int64_t* count) {
  if (n.is_small_int()) {
    *count = n.as_small_int();
    return true;
  }
  Type* tn = type_of(I, n);
  if (!tn->nb_index && !is_int(I, n)) {
    raisef(I, I.rt.exc_TypeError, "can't multiply sequence by non-int of type '%s'", type_name(tn));
    return false;
  }
  if (!index_i64(I, n, count)) {
    if (pending_matches(I, I.rt.exc_OverflowError)) {
      I.pending = nullptr;
      raisef(I, I.rt.exc_OverflowError, "cannot fit '%s' into an index-sized integer", type_name(tn));
    }
    return false;
  }
  return true;
}

Value list_repeat(Isolate& I, List* l, int64_t count) {
  size_t n = l->size;
  if (count <= 0 || n == 0) return Value::object(list_new(I, 0));
  if (static_cast<uint64_t>(count) > kMaxListItems / n) return raise_memory(I);
  size_t total = n * static_cast<size_t>(count);
  List* r = list_new(I, 0, total);
  if (!r) return Value::error();
  if (n == 1) {
    Value v = l->items[0];
    for (size_t i = 0; i < total; ++i) r->items[i] = v;
  } else {
    for (int64_t c = 0; c < count; ++c) std::memcpy(r->items + c * n, l->items, n * sizeof(Value));
  }
  r->size = total;
  return Value::object(r);
}

Value list_mul(Isolate& I, Value a, Value b) {
  Value seq, n;
  if (is_list(I, a)) {
    seq = a;
    n = b;
    if (!n.is_small_int()) {
      Type* tb = type_of(I, b);
      if (tb->is_heap() && tb->nb[int(NbOp::Mul)] && !is_list(I, b)) {
        Value r = tb->nb[int(NbOp::Mul)](I, a, b);
        if (r.is_error() || !r.is_not_implemented()) return r;
      }
    }
  } else if (is_list(I, b)) {
    seq = b;
    n = a;
  } else {
    return Value::not_implemented();
  }
  int64_t count;
  if (!repeat_count(I, n, &count)) return Value::error();
  return list_repeat(I, seq.as<List>(), count);
}

Value list_iadd(Isolate& I, Value a, Value b) {
  if (!is_list(I, a)) return Value::not_implemented();
  if (!b.is_object() || (b.as_object()->type_ != I.rt.list_type && b.as_object()->type_ != I.rt.tuple_type)) {
    Type* tb = type_of(I, b);
    if (tb->is_heap() && tb->nb[int(NbOp::Add)] && !is_list(I, b)) {
      Value r = tb->nb[int(NbOp::Add)](I, a, b);
      if (r.is_error() || !r.is_not_implemented()) return r;
    }
  }
  if (list_extend(I, a.as<List>(), b) < 0) return Value::error();
  return a;
}

Value list_imul(Isolate& I, Value a, Value b) {
  if (!is_list(I, a)) return Value::not_implemented();
  if (!b.is_small_int()) {
    Type* tb = type_of(I, b);
    if (tb->is_heap() && tb->nb[int(NbOp::Mul)] && !is_list(I, b)) {
      Value r = tb->nb[int(NbOp::Mul)](I, a, b);
      if (r.is_error() || !r.is_not_implemented()) return r;
    }
  }
  int64_t count;
  if (!repeat_count(I, b, &count)) return Value::error();
  List* l = a.as<List>();
  size_t n = l->size;
  if (n == 0 || count == 1) return a;
  if (count <= 0) {
    l->size = 0;
    set_capacity(I, l, 0);
    return a;
  }
  if (static_cast<uint64_t>(count) > kMaxListItems / n) return raise_memory(I);
  size_t total = n * static_cast<size_t>(count);
  if (list_resize(I, l, total) < 0) return Value::error();
  for (int64_t c = 1; c < count; ++c) std::memcpy(l->items + c * n, l->items, n * sizeof(Value));
  return a;
}

// --- methods --------------------------------------------------------------------------

Value m_append(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (arg_one(I, "list.append", nargs - 1, kw) < 0) return Value::error();
  if (list_append(I, args[0].as<List>(), args[1]) < 0) return Value::error();
  return Value::none();
}

Value m_extend(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (arg_one(I, "list.extend", nargs - 1, kw) < 0) return Value::error();
  if (list_extend(I, args[0].as<List>(), args[1]) < 0) return Value::error();
  return Value::none();
}

Value m_insert(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (arg_range(I, "list.insert", "insert", nargs - 1, 2, 2, kw) < 0) return Value::error();
  List* l = args[0].as<List>();
  int64_t where;
  if (!index_i64(I, args[1], &where)) return Value::error();
  Value v = args[2];
  int64_t n = static_cast<int64_t>(l->size);
  if (where < 0) {
    where += n;
    if (where < 0) where = 0;
  }
  if (where > n) where = n;
  if (list_resize(I, l, static_cast<size_t>(n + 1)) < 0) return Value::error();
  std::memmove(l->items + where + 1, l->items + where, static_cast<size_t>(n - where) * sizeof(Value));
  l->items[where] = v;
  return Value::none();
}

Value m_remove(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (arg_one(I, "list.remove", nargs - 1, kw) < 0) return Value::error();
  List* l = args[0].as<List>();
  for (size_t i = 0; i < l->size; ++i) {
    int k = fast_eq(I, l->items[i], args[1]);
    if (k < 0) return Value::error();
    if (k) {
      if (i < l->size) {
        std::memmove(l->items + i, l->items + i + 1, (l->size - i - 1) * sizeof(Value));
        if (list_resize(I, l, l->size - 1) < 0) return Value::error();
      }
      return Value::none();
    }
  }
  return raise(I, I.rt.exc_ValueError, "list.remove(x): x not in list");
}

Value m_pop(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (arg_range(I, "list.pop", "pop", nargs - 1, 0, 1, kw) < 0) return Value::error();
  List* l = args[0].as<List>();
  int64_t i = -1;
  if (nargs > 1 && !index_i64(I, args[1], &i)) return Value::error();
  int64_t n = static_cast<int64_t>(l->size);
  if (n == 0) return raise(I, I.rt.exc_IndexError, "pop from empty list");
  if (i < 0) i += n;
  if (i < 0 || i >= n) return raise(I, I.rt.exc_IndexError, "pop index out of range");
  Value v = l->items[i];
  std::memmove(l->items + i, l->items + i + 1, static_cast<size_t>(n - i - 1) * sizeof(Value));
  if (list_resize(I, l, static_cast<size_t>(n - 1)) < 0) return Value::error();
  return v;
}

Value m_clear(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (arg_none(I, "list.clear", nargs - 1, kw) < 0) return Value::error();
  List* l = args[0].as<List>();
  l->size = 0;
  set_capacity(I, l, 0);
  return Value::none();
}

Value m_index(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (arg_range(I, "list.index", "index", nargs - 1, 1, 3, kw) < 0) return Value::error();
  List* l = args[0].as<List>();
  int64_t start = 0, stop = INT64_MAX;
  if (nargs > 2 && !slice_index_clamped(I, args[2], &start, false)) return Value::error();
  if (nargs > 3 && !slice_index_clamped(I, args[3], &stop, false)) return Value::error();
  int64_t n = static_cast<int64_t>(l->size);
  if (start < 0) {
    start += n;
    if (start < 0) start = 0;
  }
  if (stop < 0) {
    stop += n;
    if (stop < 0) stop = 0;
  }
  for (int64_t i = start; i < stop && i < static_cast<int64_t>(l->size); ++i) {
    int k = fast_eq(I, l->items[i], args[1]);
    if (k < 0) return Value::error();
    if (k) return int_from_i64(I, i);
  }
  Value r = repr(I, args[1]);
  if (r.is_error()) return r;
  return raisef(I, I.rt.exc_ValueError, "%s is not in list", r.as<Str>()->data);
}

Value m_count(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (arg_one(I, "list.count", nargs - 1, kw) < 0) return Value::error();
  List* l = args[0].as<List>();
  int64_t c = 0;
  for (size_t i = 0; i < l->size; ++i) {
    int k = fast_eq(I, l->items[i], args[1]);
    if (k < 0) return Value::error();
    c += k;
  }
  return int_from_i64(I, c);
}

Value m_reverse(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (arg_none(I, "list.reverse", nargs - 1, kw) < 0) return Value::error();
  List* l = args[0].as<List>();
  if (l->size > 1) {
    Value* lo = l->items;
    Value* hi = l->items + l->size - 1;
    while (lo < hi) {
      Value t = *lo;
      *lo++ = *hi;
      *hi-- = t;
    }
  }
  return Value::none();
}

Value m_sort(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (nargs > 1) return raise(I, I.rt.exc_TypeError, "sort() takes no positional arguments");
  Value key = Value::null();
  Value rev = Value::null();
  size_t nkw = kw ? kw->size() : 0;
  for (size_t k = 0; k < nkw; ++k) {
    Str* name = kw->items[k].as<Str>();
    if (name->view() == "key") key = args[nargs + k];
    else if (name->view() == "reverse") rev = args[nargs + k];
    else return raisef(I, I.rt.exc_TypeError, "'%s' is an invalid keyword argument for sort()", name->data);
  }
  bool reverse = false;
  if (!rev.is_null()) {
    // CPython converts with the "i" format: an int (or __index__) is required.
    if (rev.is_bool()) {
      reverse = rev.as_bool();
    } else {
      int64_t r;
      if (!index_i64(I, rev, &r)) return Value::error();
      reverse = r != 0;
    }
  }
  if (key.is_none()) key = Value::null();
  if (list_sort(I, args[0].as<List>(), key, reverse) < 0) return Value::error();
  return Value::none();
}

Value m_copy(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (arg_none(I, "list.copy", nargs - 1, kw) < 0) return Value::error();
  List* l = args[0].as<List>();
  return list_value(I, l->items, l->size);
}

Value m_reversed(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (arg_none(I, "list.__reversed__", nargs - 1, kw) < 0) return Value::error();
  return list_reviter_new(I, args[0].as<List>());
}

Value m_sizeof(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (arg_none(I, "list.__sizeof__", nargs - 1, kw) < 0) return Value::error();
  List* l = args[0].as<List>();
  return int_from_i64(I, static_cast<int64_t>(40 + l->capacity * sizeof(Value)));
}

int64_t unhashable(Isolate& I, Value self) {
  raisef(I, I.rt.exc_TypeError, "unhashable type: '%s'", type_name(I, self));
  return -1;
}

}  // namespace

void init_list_type(Runtime& rt) {
  Type* t = rt.list_type;
  t->basicsize = sizeof(List);
  t->flags |= kTypeBaseType | kTypeListSubclass;
  t->repr = list_repr;
  t->hash = unhashable;
  t->richcompare = list_richcompare;
  t->len = list_len;
  t->getitem = list_getitem;
  t->setitem = list_setitem;
  t->contains = list_contains;
  t->iter = list_iter;
  t->nb[int(NbOp::Add)] = list_add;
  t->nb[int(NbOp::Mul)] = list_mul;
  t->nb_inplace[int(NbOp::Add)] = list_iadd;
  t->nb_inplace[int(NbOp::Mul)] = list_imul;
  t->new_ = list_new_slot;
  t->init = list_init_slot;
  t->trace = list_trace;
  t->finalize = list_finalize;
  add_attr(rt, t, "__hash__", Value::none());
  add_methods(rt, t, {
      {"append", m_append},
      {"extend", m_extend},
      {"insert", m_insert},
      {"remove", m_remove},
      {"pop", m_pop},
      {"clear", m_clear},
      {"index", m_index},
      {"count", m_count},
      {"reverse", m_reverse},
      {"sort", m_sort},
      {"copy", m_copy},
      {"__reversed__", m_reversed},
      {"__sizeof__", m_sizeof},
      {"__class_getitem__", class_getitem_self, kMethodClass},
  });
}

}  // namespace capy
