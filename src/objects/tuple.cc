// tuple: immutable sequence with inline items (CPython's tupleobject.c).
#include "objects/tuple.h"

#include <cstring>
#include <string>
#include <vector>

#include "objects/int.h"
#include "objects/iterators.h"
#include "objects/list.h"
#include "objects/misc.h"
#include "objects/native.h"
#include "objects/ops.h"
#include "objects/str.h"

namespace capy {

namespace {

constexpr size_t kMaxTupleItems = (size_t(1) << 31) - 1;

Tuple* tuple_alloc(Isolate& I, size_t n) {
  if (n > kMaxTupleItems) {
    raise_memory(I);
    return nullptr;
  }
  Object* o = I.heap.alloc_object(I.rt.tuple_type, sizeof(Tuple) + n * sizeof(Value));
  if (!o) {
    raise_memory(I);
    return nullptr;
  }
  o->aux_ = static_cast<uint32_t>(n);
  return static_cast<Tuple*>(o);
}

bool is_tuple(Isolate& I, Value v) {
  if (!v.is_object()) return false;
  Type* t = v.as_object()->type_;
  return t == I.rt.tuple_type || (t->flags & kTypeTupleSubclass);
}

}  // namespace

Tuple* tuple_new(Isolate& I, size_t n) {
  if (n == 0 && I.rt.empty_tuple) return I.rt.empty_tuple;
  Tuple* t = tuple_alloc(I, n);
  if (!t) return nullptr;
  for (size_t i = 0; i < n; ++i) t->items[i] = Value::none();
  return t;
}

Tuple* tuple_from(Isolate& I, const Value* items, size_t n) {
  if (n == 0 && I.rt.empty_tuple) return I.rt.empty_tuple;
  Tuple* t = tuple_alloc(I, n);
  if (!t) return nullptr;
  if (n) std::memcpy(t->items, items, n * sizeof(Value));
  return t;
}

Value tuple_value(Isolate& I, const Value* items, size_t n) {
  Tuple* t = tuple_from(I, items, n);
  return t ? Value::object(t) : Value::error();
}

Value tuple_pack(Isolate& I, std::initializer_list<Value> items) {
  return tuple_value(I, items.begin(), items.size());
}

namespace {

// A tuple of type `type` (tuple or a subclass) holding items.
Value tuple_of_type(Isolate& I, Type* type, const Value* items, size_t n) {
  if (type == I.rt.tuple_type) return tuple_value(I, items, n);
  Object* o = alloc_instance(I, type, n);
  if (!o) return Value::error();
  auto* t = static_cast<Tuple*>(o);
  if (n) std::memcpy(t->items, items, n * sizeof(Value));
  return Value::object(t);
}

Value tuple_new_slot(Isolate& I, Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  if ((type == I.rt.tuple_type || type->init == I.rt.tuple_type->init) &&
      arg_no_kw(I, "tuple", kwnames) < 0)
    return Value::error();
  if (arg_count(I, "tuple", nargs, 0, 1) < 0) return Value::error();
  if (nargs == 0) return tuple_of_type(I, type, nullptr, 0);
  Value src = args[0];
  if (type == I.rt.tuple_type && src.is_object() && src.as_object()->type_ == I.rt.tuple_type) return src;
  if (src.is_object() && (src.as_object()->type_ == I.rt.tuple_type ||
                          src.as_object()->type_ == I.rt.list_type)) {
    if (src.as_object()->type_ == I.rt.tuple_type) {
      Tuple* t = src.as<Tuple>();
      return tuple_of_type(I, type, t->items, t->size());
    }
    List* l = src.as<List>();
    return tuple_of_type(I, type, l->items, l->size);
  }
  List* tmp = list_new(I, 0);
  if (!tmp) return Value::error();
  if (list_extend(I, tmp, src) < 0) return Value::error();
  return tuple_of_type(I, type, tmp->items, tmp->size);
}

Value tuple_repr(Isolate& I, Value self) {
  Tuple* t = self.as<Tuple>();
  size_t n = t->size();
  if (n == 0) return str_value(I, "()");
  int rc = repr_enter(I, t);
  if (rc != 0) return rc > 0 ? str_value(I, "(...)") : Value::error();
  std::string out = "(";
  for (size_t i = 0; i < n; ++i) {
    if (i) out += ", ";
    if (repr_append(I, t->items[i], out) < 0) {
      repr_leave(I, t);
      return Value::error();
    }
  }
  repr_leave(I, t);
  if (n == 1) out += ',';
  out += ')';
  return str_value(I, out);
}

// CPython's tuplehash (an xxHash variant) so that hashes match CPython.
// Nested exact tuples are walked with an explicit stack (no native
// recursion, like CPython's unbounded tuplehash for deep nestings).
constexpr uint64_t kPrime1 = 11400714785074694791ull;
constexpr uint64_t kPrime2 = 14029467366897019727ull;
constexpr uint64_t kPrime5 = 2870177450012600261ull;

inline uint64_t xx_round(uint64_t acc, uint64_t lane) {
  acc += lane * kPrime2;
  acc = (acc << 31) | (acc >> 33);
  return acc * kPrime1;
}

inline int64_t xx_finish(uint64_t acc, size_t n) {
  acc += n ^ (kPrime5 ^ 3527539ull);
  if (acc == static_cast<uint64_t>(-1)) return 1546275796;
  return static_cast<int64_t>(acc);
}

struct HashFrame {
  Tuple* t;
  size_t i;
  uint64_t acc;
};

int64_t tuple_hash_nested(Isolate& I, Tuple* root, size_t start, uint64_t acc0) {
  std::vector<HashFrame> stack;
  stack.push_back({root, start, acc0});
  for (;;) {
    HashFrame& f = stack.back();
    if (f.i == f.t->size()) {
      int64_t h = xx_finish(f.acc, f.t->size());
      stack.pop_back();
      if (stack.empty()) return h;
      HashFrame& p = stack.back();
      p.acc = xx_round(p.acc, static_cast<uint64_t>(h));
      p.i++;
      continue;
    }
    Value item = f.t->items[f.i];
    if (item.is_object() && item.as_object()->type_ == I.rt.tuple_type) {
      stack.push_back({item.as<Tuple>(), 0, kPrime5});
      continue;
    }
    int64_t h = fast_hash(I, item);
    if (h == -1) return -1;
    f.acc = xx_round(f.acc, static_cast<uint64_t>(h));
    f.i++;
  }
}

int64_t tuple_hash(Isolate& I, Value self) {
  Tuple* t = self.as<Tuple>();
  size_t n = t->size();
  uint64_t acc = kPrime5;
  for (size_t i = 0; i < n; ++i) {
    Value item = t->items[i];
    if (item.is_object() && item.as_object()->type_ == I.rt.tuple_type) {
      Tuple* sub = item.as<Tuple>();
      bool flat = true;
      for (size_t j = 0; j < sub->size() && flat; ++j) {
        Value x = sub->items[j];
        flat = !(x.is_object() && x.as_object()->type_ == I.rt.tuple_type);
      }
      if (!flat) return tuple_hash_nested(I, t, i, acc);
    }
    int64_t h = fast_hash(I, item);
    if (h == -1) return -1;
    acc = xx_round(acc, static_cast<uint64_t>(h));
  }
  return xx_finish(acc, n);
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

Value tuple_richcompare(Isolate& I, Value a, Value b, CompareOp op) {
  if (!is_tuple(I, a) || !is_tuple(I, b)) return Value::not_implemented();
  Tuple* x = a.as<Tuple>();
  Tuple* y = b.as<Tuple>();
  size_t nx = x->size(), ny = y->size();
  size_t i = 0;
  for (; i < nx && i < ny; ++i) {
    int k = fast_eq(I, x->items[i], y->items[i]);
    if (k < 0) return Value::error();
    if (!k) break;
  }
  if (i >= nx || i >= ny) return compare_sizes(nx, ny, op);
  if (op == CompareOp::Eq) return Value::false_();
  if (op == CompareOp::Ne) return Value::true_();
  return rich_compare(I, x->items[i], y->items[i], op);
}

int64_t tuple_len(Isolate&, Value self) { return static_cast<int64_t>(self.as<Tuple>()->size()); }

Value tuple_getitem(Isolate& I, Value self, Value key) {
  Tuple* t = self.as<Tuple>();
  int64_t n = static_cast<int64_t>(t->size());
  if (key.is_small_int()) {
    int64_t i = key.as_small_int();
    if (i < 0) i += n;
    if (i < 0 || i >= n) return raise(I, I.rt.exc_IndexError, "tuple index out of range");
    return t->items[i];
  }
  if (key.is_object() && key.as_object()->type_ == I.rt.slice_type) {
    int64_t start, stop, step, len;
    if (!slice_indices(I, key.as<Slice>(), n, &start, &stop, &step, &len)) return Value::error();
    if (len <= 0) return Value::object(tuple_new(I, 0));
    if (step == 1) {
      if (len == n && t->type_ == I.rt.tuple_type) return self;
      return tuple_value(I, t->items + start, static_cast<size_t>(len));
    }
    Tuple* r = tuple_alloc(I, static_cast<size_t>(len));
    if (!r) return Value::error();
    for (int64_t k = 0, j = start; k < len; ++k, j += step) r->items[k] = t->items[j];
    return Value::object(r);
  }
  int64_t i;
  int rc = seq_index_of(I, key, &i);
  if (rc < 0) return Value::error();
  if (rc == 0)
    return raisef(I, I.rt.exc_TypeError, "tuple indices must be integers or slices, not %s",
                  type_name(I, key));
  if (i < 0) i += n;
  if (i < 0 || i >= n) return raise(I, I.rt.exc_IndexError, "tuple index out of range");
  return t->items[i];
}

int tuple_contains(Isolate& I, Value self, Value item) {
  Tuple* t = self.as<Tuple>();
  for (size_t i = 0; i < t->size(); ++i) {
    int k = fast_eq(I, t->items[i], item);
    if (k != 0) return k;
  }
  return 0;
}

Value tuple_iter(Isolate& I, Value self) { return tuple_iter_new(I, self.as<Tuple>()); }

Value tuple_add(Isolate& I, Value a, Value b) {
  if (!is_tuple(I, a)) return Value::not_implemented();
  if (!is_tuple(I, b)) {
    Type* tb = type_of(I, b);
    if (tb->is_heap() && tb->nb[int(NbOp::Add)]) {
      Value r = tb->nb[int(NbOp::Add)](I, a, b);
      if (r.is_error() || !r.is_not_implemented()) return r;
    }
    return raisef(I, I.rt.exc_TypeError, "can only concatenate tuple (not \"%s\") to tuple",
                  type_name(tb));
  }
  Tuple* x = a.as<Tuple>();
  Tuple* y = b.as<Tuple>();
  if (y->size() == 0 && x->type_ == I.rt.tuple_type) return a;
  if (x->size() == 0 && y->type_ == I.rt.tuple_type) return b;
  size_t n = x->size() + y->size();
  Tuple* r = tuple_alloc(I, n);
  if (!r) return Value::error();
  std::memcpy(r->items, x->items, x->size() * sizeof(Value));
  std::memcpy(r->items + x->size(), y->items, y->size() * sizeof(Value));
  return Value::object(r);
}

Value tuple_repeat(Isolate& I, Value self, int64_t count) {
  Tuple* t = self.as<Tuple>();
  size_t n = t->size();
  if (count <= 0 || n == 0) return Value::object(tuple_new(I, 0));
  if (count == 1 && t->type_ == I.rt.tuple_type) return self;
  if (static_cast<uint64_t>(count) > kMaxTupleItems / n) return raise_memory(I);
  size_t total = n * static_cast<size_t>(count);
  Tuple* r = tuple_alloc(I, total);
  if (!r) return Value::error();
  if (n == 1) {
    Value v = t->items[0];
    for (size_t i = 0; i < total; ++i) r->items[i] = v;
  } else {
    for (int64_t c = 0; c < count; ++c) std::memcpy(r->items + c * n, t->items, n * sizeof(Value));
  }
  return Value::object(r);
}

// Sequence repetition shared logic: `seq * n` / `n * seq`.
Value tuple_mul(Isolate& I, Value a, Value b) {
  Value seq, n;
  if (is_tuple(I, a)) {
    seq = a;
    n = b;
    if (!n.is_small_int()) {
      Type* tb = type_of(I, b);
      if (tb->is_heap() && tb->nb[int(NbOp::Mul)] && !is_tuple(I, b)) {
        Value r = tb->nb[int(NbOp::Mul)](I, a, b);
        if (r.is_error() || !r.is_not_implemented()) return r;
      }
    }
  } else if (is_tuple(I, b)) {
    seq = b;
    n = a;
  } else {
    return Value::not_implemented();
  }
  int64_t count;
  if (n.is_small_int()) {
    count = n.as_small_int();
  } else {
    Type* tn = type_of(I, n);
    if (!tn->nb_index && !is_int(I, n))
      return raisef(I, I.rt.exc_TypeError, "can't multiply sequence by non-int of type '%s'",
                    type_name(tn));
    if (!index_i64(I, n, &count)) {
      if (pending_matches(I, I.rt.exc_OverflowError)) {
        I.pending = nullptr;
        return raisef(I, I.rt.exc_OverflowError, "cannot fit '%s' into an index-sized integer",
                      type_name(tn));
      }
      return Value::error();
    }
  }
  return tuple_repeat(I, seq, count);
}

// Reads the optional start/stop arguments of index().
bool index_bounds(Isolate& I, const Value* args, size_t nargs, int64_t len, int64_t* start,
                  int64_t* stop) {
  *start = 0;
  *stop = INT64_MAX;
  if (nargs > 0 && !slice_index_clamped(I, args[0], start, false)) return false;
  if (nargs > 1 && !slice_index_clamped(I, args[1], stop, false)) return false;
  if (*start < 0) {
    *start += len;
    if (*start < 0) *start = 0;
  }
  if (*stop < 0) {
    *stop += len;
  }
  return true;
}

Value tuple_index(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (arg_range(I, "tuple.index", "index", nargs - 1, 1, 3, kw) < 0) return Value::error();
  Tuple* t = args[0].as<Tuple>();
  int64_t start, stop;
  if (!index_bounds(I, args + 2, nargs - 2, static_cast<int64_t>(t->size()), &start, &stop))
    return Value::error();
  for (int64_t i = start; i < stop && i < static_cast<int64_t>(t->size()); ++i) {
    int k = fast_eq(I, t->items[i], args[1]);
    if (k < 0) return Value::error();
    if (k) return int_from_i64(I, i);
  }
  return raise(I, I.rt.exc_ValueError, "tuple.index(x): x not in tuple");
}

Value tuple_count(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (arg_one(I, "tuple.count", nargs - 1, kw) < 0) return Value::error();
  Tuple* t = args[0].as<Tuple>();
  int64_t c = 0;
  for (size_t i = 0; i < t->size(); ++i) {
    int k = fast_eq(I, t->items[i], args[1]);
    if (k < 0) return Value::error();
    c += k;
  }
  return int_from_i64(I, c);
}

Value tuple_getnewargs(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (arg_none(I, "tuple.__getnewargs__", nargs - 1, kw) < 0) return Value::error();
  Tuple* t = args[0].as<Tuple>();
  Value copy = tuple_value(I, t->items, t->size());
  if (copy.is_error()) return copy;
  return tuple_value(I, &copy, 1);
}

void tuple_trace(Object* o, Tracer& tr) {
  auto* t = static_cast<Tuple*>(o);
  tr.visit_range(t->items, t->size());
}

}  // namespace

void init_tuple_type(Runtime& rt) {
  Type* t = rt.tuple_type;
  t->basicsize = sizeof(Tuple);
  t->itemsize = sizeof(Value);
  t->flags |= kTypeBaseType | kTypeTupleSubclass;
  t->repr = tuple_repr;
  t->hash = tuple_hash;
  t->richcompare = tuple_richcompare;
  t->len = tuple_len;
  t->getitem = tuple_getitem;
  t->contains = tuple_contains;
  t->iter = tuple_iter;
  t->nb[int(NbOp::Add)] = tuple_add;
  t->nb[int(NbOp::Mul)] = tuple_mul;
  t->new_ = tuple_new_slot;
  t->trace = tuple_trace;
  add_methods(rt, t, {
      {"index", tuple_index},
      {"count", tuple_count},
      {"__getnewargs__", tuple_getnewargs},
      {"__class_getitem__", class_getitem_self, kMethodClass},
  });
}

}  // namespace capy
