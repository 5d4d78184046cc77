// range, slice, module, and the types of None, NotImplemented and Ellipsis.
#include "objects/misc.h"

#include <gmp.h>

#include <cstring>
#include <string>

#include "objects/dict.h"
#include "objects/function.h"
#include "objects/int.h"
#include "objects/iterators.h"
#include "objects/list.h"
#include "objects/native.h"
#include "objects/ops.h"
#include "objects/str.h"
#include "objects/tuple.h"

namespace capy {

namespace {

Value int_from_i128(Isolate& I, __int128 v) {
  if (v >= INT64_MIN && v <= INT64_MAX) return int_from_i64(I, static_cast<int64_t>(v));
  bool neg = v < 0;
  unsigned __int128 u = neg ? -static_cast<unsigned __int128>(v) : static_cast<unsigned __int128>(v);
  mpz_t z;
  mpz_init(z);
  mpz_set_ui(z, static_cast<unsigned long>(u >> 64));
  mpz_mul_2exp(z, z, 64);
  mpz_add_ui(z, z, static_cast<unsigned long>(u & ~uint64_t(0)));
  if (neg) mpz_neg(z, z);
  Value r = int_from_mpz(I, z);
  mpz_clear(z);
  return r;
}

inline int sign_of(Value v) { return int_compare(v, Value::small_int(0)); }

bool is_exact_int_or_bool(Value v) { return v.is_small_int() || v.is_bool() || is_exact_int(v); }

}  // namespace

// --- slice index helpers -------------------------------------------------------------

bool slice_index_clamped(Isolate& I, Value v, int64_t* out, bool allow_none) {
  if (v.is_small_int()) {
    *out = v.as_small_int();
    return true;
  }
  if (allow_none && v.is_none()) return true;
  Value n = v;
  if (!is_int(I, n)) {
    Type* t = type_of(I, n);
    if (!t->nb_index) {
      raise(I, I.rt.exc_TypeError,
            allow_none ? "slice indices must be integers or None or have an __index__ method"
                       : "slice indices must be integers or have an __index__ method");
      return false;
    }
    n = index(I, n);
    if (n.is_error()) return false;
  }
  n = int_unwrap(I, n);
  if (!int_to_i64(n, out)) *out = sign_of(n) < 0 ? INT64_MIN : INT64_MAX;
  return true;
}

bool slice_unpack(Isolate& I, Value slice, int64_t* start, int64_t* stop, int64_t* step) {
  Slice* r = slice.as<Slice>();
  if (r->step.is_none()) {
    *step = 1;
  } else {
    if (!slice_index_clamped(I, r->step, step, true)) return false;
    if (*step == 0) {
      raise(I, I.rt.exc_ValueError, "slice step cannot be zero");
      return false;
    }
    if (*step < -INT64_MAX) *step = -INT64_MAX;
  }
  if (r->start.is_none()) *start = *step < 0 ? INT64_MAX : 0;
  else if (!slice_index_clamped(I, r->start, start, true)) return false;
  if (r->stop.is_none()) *stop = *step < 0 ? INT64_MIN : INT64_MAX;
  else if (!slice_index_clamped(I, r->stop, stop, true)) return false;
  return true;
}

int64_t slice_adjust(int64_t length, int64_t* start, int64_t* stop, int64_t step) {
  if (*start < 0) {
    *start += length;
    if (*start < 0) *start = (step < 0) ? -1 : 0;
  } else if (*start >= length) {
    *start = (step < 0) ? length - 1 : length;
  }
  if (*stop < 0) {
    *stop += length;
    if (*stop < 0) *stop = (step < 0) ? -1 : 0;
  } else if (*stop >= length) {
    *stop = (step < 0) ? length - 1 : length;
  }
  if (step < 0) {
    if (*stop < *start) return (*start - *stop - 1) / (-step) + 1;
  } else {
    if (*start < *stop) return (*stop - *start - 1) / step + 1;
  }
  return 0;
}

bool slice_indices(Isolate& I, Slice* s, int64_t length, int64_t* start, int64_t* stop, int64_t* step,
                   int64_t* slicelength) {
  if (!slice_unpack(I, Value::object(s), start, stop, step)) return false;
  *slicelength = slice_adjust(length, start, stop, *step);
  return true;
}

namespace {

// _PySlice_GetLongIndices: slice indices for a sequence of (any) int length.
bool slice_long_indices(Isolate& I, Slice* s, Value length, Value* ostart, Value* ostop, Value* ostep) {
  Value step;
  bool neg;
  if (s->step.is_none()) {
    step = Value::small_int(1);
    neg = false;
  } else {
    if (!s->step.is_small_int() && !is_int(I, s->step) && !type_of(I, s->step)->nb_index)
    {
      raise(I, I.rt.exc_TypeError, "slice indices must be integers or None or have an __index__ method");
      return false;
    }
    step = index(I, s->step);
    if (step.is_error()) return false;
    step = int_unwrap(I, step);
    int sg = sign_of(step);
    if (sg == 0) {
      raise(I, I.rt.exc_ValueError, "slice step cannot be zero");
      return false;
    }
    neg = sg < 0;
  }
  Value lower, upper;
  if (neg) {
    lower = Value::small_int(-1);
    upper = binary_op(I, length, Value::small_int(1), NbOp::Sub);
    if (upper.is_error()) return false;
  } else {
    lower = Value::small_int(0);
    upper = length;
  }
  auto conv = [&](Value v, Value dflt, Value* out) -> bool {
    if (v.is_none()) {
      *out = dflt;
      return true;
    }
    if (!v.is_small_int() && !is_int(I, v) && !type_of(I, v)->nb_index) {
      raise(I, I.rt.exc_TypeError, "slice indices must be integers or None or have an __index__ method");
      return false;
    }
    Value x = index(I, v);
    if (x.is_error()) return false;
    x = int_unwrap(I, x);
    if (sign_of(x) < 0) {
      x = binary_op(I, x, length, NbOp::Add);
      if (x.is_error()) return false;
      if (int_compare(x, lower) < 0) x = lower;
    } else if (int_compare(x, upper) > 0) {
      x = upper;
    }
    *out = x;
    return true;
  };
  if (!conv(s->start, neg ? upper : lower, ostart)) return false;
  if (!conv(s->stop, neg ? lower : upper, ostop)) return false;
  *ostep = step;
  return true;
}

// --- range -------------------------------------------------------------------------------

bool range_fits(Range* r, int64_t* start, int64_t* stop, int64_t* step, int64_t* len) {
  return int_to_i64(r->start, start) && int_to_i64(r->stop, stop) && int_to_i64(r->step, step) &&
         int_to_i64(r->length, len);
}

// len(range(start, stop, step)) for any ints.
Value compute_length(Isolate& I, Value start, Value stop, Value step) {
  int64_t a, b, c;
  if (int_to_i64(start, &a) && int_to_i64(stop, &b) && int_to_i64(step, &c)) {
    __int128 lo, hi, st = c;
    if (c > 0) {
      lo = a;
      hi = b;
    } else {
      lo = b;
      hi = a;
      st = -st;
    }
    if (lo >= hi) return Value::small_int(0);
    return int_from_i128(I, (hi - lo - 1) / st + 1);
  }
  Value lo, hi;
  if (sign_of(step) > 0) {
    lo = start;
    hi = stop;
  } else {
    lo = stop;
    hi = start;
    step = negative(I, step);
    if (step.is_error()) return step;
  }
  if (int_compare(lo, hi) >= 0) return Value::small_int(0);
  Value diff = binary_op(I, hi, lo, NbOp::Sub);
  if (diff.is_error()) return diff;
  diff = binary_op(I, diff, Value::small_int(1), NbOp::Sub);
  if (diff.is_error()) return diff;
  diff = binary_op(I, diff, step, NbOp::FloorDiv);
  if (diff.is_error()) return diff;
  return binary_op(I, diff, Value::small_int(1), NbOp::Add);
}

Value make_range(Isolate& I, Value start, Value stop, Value step) {
  Value len = compute_length(I, start, stop, step);
  if (len.is_error()) return len;
  Object* o = I.heap.alloc_object(I.rt.range_type, sizeof(Range));
  if (!o) return raise_memory(I);
  auto* r = static_cast<Range*>(o);
  r->start = start;
  r->stop = stop;
  r->step = step;
  r->length = len;
  return Value::object(r);
}

Value range_new_slot(Isolate& I, Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  if (arg_no_kw(I, "range", kwnames) < 0) return Value::error();
  if (arg_count(I, "range", nargs, 1, 3) < 0) return Value::error();
  Value v[3];
  for (size_t i = 0; i < nargs; ++i) {
    v[i] = index(I, args[i]);
    if (v[i].is_error()) return v[i];
    v[i] = int_unwrap(I, v[i]);
  }
  if (nargs == 1) return make_range(I, Value::small_int(0), v[0], Value::small_int(1));
  Value step = nargs == 3 ? v[2] : Value::small_int(1);
  if (sign_of(step) == 0) return raise(I, I.rt.exc_ValueError, "range() arg 3 must not be zero");
  return make_range(I, v[0], v[1], step);
}

Value range_repr(Isolate& I, Value self) {
  Range* r = self.as<Range>();
  std::string out = "range(";
  if (repr_append(I, r->start, out) < 0) return Value::error();
  out += ", ";
  if (repr_append(I, r->stop, out) < 0) return Value::error();
  if (!(r->step.is_small_int() && r->step.as_small_int() == 1)) {
    out += ", ";
    if (repr_append(I, r->step, out) < 0) return Value::error();
  }
  out += ')';
  return str_value(I, out);
}

int64_t range_hash(Isolate& I, Value self) {
  Range* r = self.as<Range>();
  Value t[3];
  t[0] = r->length;
  if (sign_of(r->length) == 0) {
    t[1] = t[2] = Value::none();
  } else {
    t[1] = r->start;
    t[2] = int_compare(r->length, Value::small_int(1)) == 0 ? Value::none() : r->step;
  }
  Value tup = tuple_value(I, t, 3);
  if (tup.is_error()) return -1;
  return hash(I, tup);
}

bool range_equals(Range* a, Range* b) {
  if (a == b) return true;
  if (int_compare(a->length, b->length) != 0) return false;
  if (sign_of(a->length) == 0) return true;
  if (int_compare(a->start, b->start) != 0) return false;
  if (int_compare(a->length, Value::small_int(1)) == 0) return true;
  return int_compare(a->step, b->step) == 0;
}

Value range_richcompare(Isolate& I, Value a, Value b, CompareOp op) {
  if (type_of(I, a) != I.rt.range_type || type_of(I, b) != I.rt.range_type) return Value::not_implemented();
  if (op != CompareOp::Eq && op != CompareOp::Ne) return Value::not_implemented();
  bool e = range_equals(a.as<Range>(), b.as<Range>());
  return Value::boolean(op == CompareOp::Eq ? e : !e);
}

int64_t range_len(Isolate& I, Value self) {
  int64_t n;
  if (!int_to_i64(self.as<Range>()->length, &n)) {
    raise(I, I.rt.exc_OverflowError, "Python int too large to convert to C ssize_t");
    return -1;
  }
  return n;
}

int range_bool(Isolate&, Value self) { return sign_of(self.as<Range>()->length) != 0; }

// start + i * step for an int i (already range-checked).
Value compute_item(Isolate& I, Range* r, Value i) {
  int64_t start, step, k;
  if (int_to_i64(r->start, &start) && int_to_i64(r->step, &step) && int_to_i64(i, &k))
    return int_from_i128(I, static_cast<__int128>(start) + static_cast<__int128>(k) * step);
  Value m = binary_op(I, i, r->step, NbOp::Mul);
  if (m.is_error()) return m;
  return binary_op(I, r->start, m, NbOp::Add);
}

Value range_item(Isolate& I, Range* r, Value i) {
  i = int_unwrap(I, i);
  if (sign_of(i) < 0) {
    i = binary_op(I, i, r->length, NbOp::Add);
    if (i.is_error()) return i;
  }
  if (sign_of(i) < 0 || int_compare(i, r->length) >= 0)
    return raise(I, I.rt.exc_IndexError, "range object index out of range");
  return compute_item(I, r, i);
}

Value range_getitem(Isolate& I, Value self, Value key) {
  Range* r = self.as<Range>();
  if (key.is_small_int()) {
    int64_t start, stop, step, len;
    if (range_fits(r, &start, &stop, &step, &len)) {
      int64_t i = key.as_small_int();
      if (i < 0) i += len;
      if (i < 0 || i >= len) return raise(I, I.rt.exc_IndexError, "range object index out of range");
      return int_from_i128(I, static_cast<__int128>(start) + static_cast<__int128>(i) * step);
    }
    return range_item(I, r, key);
  }
  if (key.is_object() && key.as_object()->type_ == I.rt.slice_type) {
    Value sstart, sstop, sstep;
    if (!slice_long_indices(I, key.as<Slice>(), r->length, &sstart, &sstop, &sstep)) return Value::error();
    Value substart = compute_item(I, r, sstart);
    if (substart.is_error()) return substart;
    Value substop = compute_item(I, r, sstop);
    if (substop.is_error()) return substop;
    Value substep = binary_op(I, sstep, r->step, NbOp::Mul);
    if (substep.is_error()) return substep;
    return make_range(I, substart, substop, substep);
  }
  if (is_int(I, key) || type_of(I, key)->nb_index) {
    Value i = index(I, key);
    if (i.is_error()) return i;
    return range_item(I, r, i);
  }
  return raisef(I, I.rt.exc_TypeError, "range indices must be integers or slices, not %s", type_name(I, key));
}

// 1/0 for an int key (O(1)), -1 on error.
int range_contains_long(Isolate& I, Range* r, Value ob) {
  ob = int_unwrap(I, ob);
  int64_t start, stop, step, len, x;
  if (range_fits(r, &start, &stop, &step, &len) && int_to_i64(ob, &x)) {
    if (step > 0) {
      if (!(start <= x && x < stop)) return 0;
    } else {
      if (!(stop < x && x <= start)) return 0;
    }
    __int128 d = static_cast<__int128>(x) - start;
    return d % step == 0;
  }
  if (sign_of(r->step) > 0) {
    if (!(int_compare(r->start, ob) <= 0 && int_compare(ob, r->stop) < 0)) return 0;
  } else {
    if (!(int_compare(ob, r->start) <= 0 && int_compare(r->stop, ob) < 0)) return 0;
  }
  Value d = binary_op(I, ob, r->start, NbOp::Sub);
  if (d.is_error()) return -1;
  Value m = binary_op(I, d, r->step, NbOp::Mod);
  if (m.is_error()) return -1;
  return sign_of(m) == 0;
}

Value range_iter(Isolate& I, Value self) {
  Range* r = self.as<Range>();
  int64_t start, stop, step, len;
  if (range_fits(r, &start, &stop, &step, &len)) return range_iter_new_i64(I, start, step, len);
  return range_iter_new_big(I, r->start, r->step, r->length);
}

int range_contains(Isolate& I, Value self, Value ob) {
  Range* r = self.as<Range>();
  if (is_exact_int_or_bool(ob)) return range_contains_long(I, r, ob);
  Value it = range_iter(I, self);
  if (it.is_error()) return -1;
  for (;;) {
    Value x = iter_next(I, it);
    if (x.is_error()) return -1;
    if (x.is_null()) return 0;
    int c = eq(I, x, ob);
    if (c != 0) return c;
  }
}

Value range_reversed(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (arg_none(I, "range.__reversed__", nargs - 1, kw) < 0) return Value::error();
  Range* r = args[0].as<Range>();
  int64_t start, stop, step, len;
  if (range_fits(r, &start, &stop, &step, &len) && step != INT64_MIN) {
    __int128 last = static_cast<__int128>(start) + static_cast<__int128>(len - 1) * step;
    if (len == 0) last = start;
    if (last >= INT64_MIN && last <= INT64_MAX) return range_iter_new_i64(I, static_cast<int64_t>(last), -step, len);
  }
  Value lenm1 = binary_op(I, r->length, Value::small_int(1), NbOp::Sub);
  if (lenm1.is_error()) return lenm1;
  Value last = compute_item(I, r, lenm1);
  if (last.is_error()) return last;
  Value nstep = negative(I, r->step);
  if (nstep.is_error()) return nstep;
  return range_iter_new_big(I, last, nstep, r->length);
}

Value range_count(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (arg_one(I, "range.count", nargs - 1, kw) < 0) return Value::error();
  Range* r = args[0].as<Range>();
  Value ob = args[1];
  if (is_exact_int_or_bool(ob)) {
    int c = range_contains_long(I, r, ob);
    if (c < 0) return Value::error();
    return Value::small_int(c);
  }
  Value it = range_iter(I, args[0]);
  if (it.is_error()) return it;
  int64_t n = 0;
  for (;;) {
    Value x = iter_next(I, it);
    if (x.is_error()) return x;
    if (x.is_null()) break;
    int c = eq(I, x, ob);
    if (c < 0) return Value::error();
    n += c;
  }
  return int_from_i64(I, n);
}

Value range_index(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (arg_one(I, "range.index", nargs - 1, kw) < 0) return Value::error();
  Range* r = args[0].as<Range>();
  Value ob = args[1];
  if (is_exact_int_or_bool(ob)) {
    int c = range_contains_long(I, r, ob);
    if (c < 0) return Value::error();
    if (c) {
      Value d = binary_op(I, int_unwrap(I, ob), r->start, NbOp::Sub);
      if (d.is_error()) return d;
      return binary_op(I, d, r->step, NbOp::FloorDiv);
    }
    Value rp = repr(I, ob);
    if (rp.is_error()) return rp;
    return raisef(I, I.rt.exc_ValueError, "%s is not in range", rp.as<Str>()->data);
  }
  Value it = range_iter(I, args[0]);
  if (it.is_error()) return it;
  for (int64_t i = 0;; ++i) {
    Value x = iter_next(I, it);
    if (x.is_error()) return x;
    if (x.is_null()) break;
    int c = eq(I, x, ob);
    if (c < 0) return Value::error();
    if (c) return int_from_i64(I, i);
  }
  return raise(I, I.rt.exc_ValueError, "sequence.index(x): x not in sequence");
}

Value range_get_start(Isolate&, Value self) { return self.as<Range>()->start; }
Value range_get_stop(Isolate&, Value self) { return self.as<Range>()->stop; }
Value range_get_step(Isolate&, Value self) { return self.as<Range>()->step; }

void range_trace(Object* o, Tracer& t) {
  auto* r = static_cast<Range*>(o);
  t.visit(r->start);
  t.visit(r->stop);
  t.visit(r->step);
  t.visit(r->length);
}

// --- slice ---------------------------------------------------------------------------------

Value slice_new_slot(Isolate& I, Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  if (arg_no_kw(I, "slice", kwnames) < 0) return Value::error();
  if (arg_count(I, "slice", nargs, 1, 3) < 0) return Value::error();
  if (nargs == 1) return slice_new(I, Value::none(), args[0], Value::none());
  return slice_new(I, args[0], args[1], nargs == 3 ? args[2] : Value::none());
}

Value slice_repr(Isolate& I, Value self) {
  Slice* s = self.as<Slice>();
  std::string out = "slice(";
  if (repr_append(I, s->start, out) < 0) return Value::error();
  out += ", ";
  if (repr_append(I, s->stop, out) < 0) return Value::error();
  out += ", ";
  if (repr_append(I, s->step, out) < 0) return Value::error();
  out += ')';
  return str_value(I, out);
}

Value slice_richcompare(Isolate& I, Value a, Value b, CompareOp op) {
  if (type_of(I, a) != I.rt.slice_type || type_of(I, b) != I.rt.slice_type) return Value::not_implemented();
  if (a.is(b)) {
    switch (op) {
      case CompareOp::Eq:
      case CompareOp::Le:
      case CompareOp::Ge: return Value::true_();
      default: return Value::false_();
    }
  }
  Slice* x = a.as<Slice>();
  Slice* y = b.as<Slice>();
  Value t1 = tuple_pack(I, {x->start, x->stop, x->step});
  if (t1.is_error()) return t1;
  Value t2 = tuple_pack(I, {y->start, y->stop, y->step});
  if (t2.is_error()) return t2;
  return rich_compare(I, t1, t2, op);
}

Value slice_indices_method(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (arg_one(I, "slice.indices", nargs - 1, kw) < 0) return Value::error();
  Value length = index(I, args[1]);
  if (length.is_error()) return length;
  length = int_unwrap(I, length);
  if (sign_of(length) < 0) return raise(I, I.rt.exc_ValueError, "length should not be negative");
  Value start, stop, step;
  if (!slice_long_indices(I, args[0].as<Slice>(), length, &start, &stop, &step)) return Value::error();
  return tuple_pack(I, {start, stop, step});
}

Value slice_get_start(Isolate&, Value self) { return self.as<Slice>()->start; }
Value slice_get_stop(Isolate&, Value self) { return self.as<Slice>()->stop; }
Value slice_get_step(Isolate&, Value self) { return self.as<Slice>()->step; }

void slice_trace(Object* o, Tracer& t) {
  auto* s = static_cast<Slice*>(o);
  t.visit(s->start);
  t.visit(s->stop);
  t.visit(s->step);
}

int64_t unhashable(Isolate& I, Value self) {
  raisef(I, I.rt.exc_TypeError, "unhashable type: '%s'", type_name(I, self));
  return -1;
}

// --- module ----------------------------------------------------------------------------------

Module* alloc_module(Isolate& I, Type* type) {
  size_t size = type->basicsize < sizeof(Module) ? sizeof(Module) : type->basicsize;
  Object* o = I.heap.alloc_object(type, size);
  if (!o) {
    raise_memory(I);
    return nullptr;
  }
  auto* m = static_cast<Module*>(o);
  m->dict = dict_new(I);
  if (!m->dict) return nullptr;
  return m;
}

int module_fill(Isolate& I, Module* m, Value name, Value doc) {
  Dict* d = m->dict;
  if (dict_set_str(I, d, I.rt.n___name__, name) < 0) return -1;
  if (dict_set_str(I, d, I.rt.n___doc__, doc) < 0) return -1;
  if (dict_set_str(I, d, I.rt.n___package__, Value::none()) < 0) return -1;
  if (dict_set_str(I, d, I.rt.n___loader__, Value::none()) < 0) return -1;
  if (dict_set_str(I, d, I.rt.n___spec__, Value::none()) < 0) return -1;
  if (name.is_object() && name.as_object()->type_ == I.rt.str_type) m->name = name.as<Str>();
  return 0;
}

Value module_new_slot(Isolate& I, Type* type, const Value*, size_t, Tuple*) {
  Module* m = alloc_module(I, type);
  return m ? Value::object(m) : Value::error();
}

int module_init_slot(Isolate& I, Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  Value name = Value::null(), doc = Value::null();
  size_t nkw = kwnames ? kwnames->size() : 0;
  if (nargs + nkw > 2) {
    raisef(I, I.rt.exc_TypeError, "module() takes at most 2 arguments (%zu given)", nargs + nkw);
    return -1;
  }
  if (nargs > 0) name = args[0];
  if (nargs > 1) doc = args[1];
  for (size_t k = 0; k < nkw; ++k) {
    Str* kn = kwnames->items[k].as<Str>();
    if (kn->view() == "name" && name.is_null()) name = args[nargs + k];
    else if (kn->view() == "doc" && doc.is_null()) doc = args[nargs + k];
    else if (kn->view() == "name" || kn->view() == "doc") {
      raisef(I, I.rt.exc_TypeError, "argument for module() given by name ('%s') and position (%d)", kn->data,
             kn->view() == "name" ? 1 : 2);
      return -1;
    } else {
      raisef(I, I.rt.exc_TypeError, "module() got an unexpected keyword argument '%s'", kn->data);
      return -1;
    }
  }
  if (name.is_null()) {
    raise(I, I.rt.exc_TypeError, "module() missing required argument 'name' (pos 1)");
    return -1;
  }
  if (!is_subtype(type_of(I, name), I.rt.str_type)) {
    raisef(I, I.rt.exc_TypeError, "module() argument 'name' must be str, not %s", type_name(I, name));
    return -1;
  }
  return module_fill(I, self.as<Module>(), name, doc.is_null() ? Value::none() : doc);
}

Value module_repr(Isolate& I, Value self) {
  Module* m = self.as<Module>();
  std::string out = "<module ";
  Value name = m->dict ? dict_get_str(m->dict, I.rt.n___name__) : Value::null();
  if (name.is_null()) out += "'?'";
  else if (repr_append(I, name, out) < 0) return Value::error();
  Value file = m->dict ? dict_get_str(m->dict, I.rt.n___file__) : Value::null();
  if (!file.is_null()) {
    out += " from ";
    if (repr_append(I, file, out) < 0) return Value::error();
  }
  out += '>';
  return str_value(I, out);
}

Value module_getattr(Isolate& I, Value self, Str* name) {
  Module* m = self.as<Module>();
  if (m->type_ == I.rt.module_type && m->dict && name != I.rt.n___dict__ && name != I.rt.n___class__) {
    Value v = dict_get_str(m->dict, name);
    if (!v.is_null()) return v;
  }
  Value v = generic_getattr(I, self, name);
  if (!v.is_null()) return v;
  if (m->dict) {
    Value ga = dict_get_str(m->dict, I.rt.n___getattr__);
    if (!ga.is_null()) {
      Value arg = Value::object(name);
      return call(I, ga, &arg, 1, nullptr);
    }
  }
  return Value::null();
}

Value module_get_dict(Isolate& I, Value self) {
  Module* m = self.as<Module>();
  if (!m->dict) {
    m->dict = dict_new(I);
    if (!m->dict) return Value::error();
  }
  return Value::object(m->dict);
}

Value module_dir(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (arg_none(I, "module.__dir__", nargs - 1, kw) < 0) return Value::error();
  Module* m = args[0].as<Module>();
  if (!m->dict) return Value::object(list_new(I, 0));
  Value d = dict_get_str(m->dict, I.intern("__dir__"));
  if (!d.is_null()) return call(I, d, nullptr, 0, nullptr);
  List* l = list_new(I, 0, m->dict->count);
  if (!l) return Value::error();
  uint32_t pos = 0;
  Value k;
  while (dict_next(m->dict, &pos, &k, nullptr))
    if (list_append(I, l, k) < 0) return Value::error();
  return Value::object(l);
}

void module_trace(Object* o, Tracer& t) {
  auto* m = static_cast<Module*>(o);
  t.visit(m->dict);
  t.visit(m->name);
}

// --- None, NotImplemented, Ellipsis ----------------------------------------------------------

Value none_repr(Isolate& I, Value) { return Value::object(I.intern("None")); }
Value notimpl_repr(Isolate& I, Value) { return Value::object(I.intern("NotImplemented")); }
Value ellipsis_repr(Isolate& I, Value) { return Value::object(I.intern("Ellipsis")); }
int none_bool(Isolate&, Value) { return 0; }

Value singleton_new(Isolate& I, Type* type, const Value*, size_t nargs, Tuple* kwnames) {
  if (nargs || (kwnames && kwnames->size()))
    return raisef(I, I.rt.exc_TypeError, "%s takes no arguments", type_name(type));
  if (type == I.rt.none_type) return Value::none();
  if (type == I.rt.notimplemented_type) return Value::not_implemented();
  return Value::ellipsis();
}

}  // namespace

Value slice_new(Isolate& I, Value start, Value stop, Value step) {
  Object* o = I.heap.alloc_object(I.rt.slice_type, sizeof(Slice));
  if (!o) return raise_memory(I);
  auto* s = static_cast<Slice*>(o);
  s->start = start.is_null() ? Value::none() : start;
  s->stop = stop.is_null() ? Value::none() : stop;
  s->step = step.is_null() ? Value::none() : step;
  return Value::object(s);
}

Value range_new(Isolate& I, int64_t start, int64_t stop, int64_t step) {
  if (step == 0) return raise(I, I.rt.exc_ValueError, "range() arg 3 must not be zero");
  Value a = int_from_i64(I, start);
  if (a.is_error()) return a;
  Value b = int_from_i64(I, stop);
  if (b.is_error()) return b;
  Value c = int_from_i64(I, step);
  if (c.is_error()) return c;
  return make_range(I, a, b, c);
}

Module* module_new(Isolate& I, Str* name) {
  Module* m = alloc_module(I, I.rt.module_type);
  if (!m) return nullptr;
  if (module_fill(I, m, Value::object(name), Value::none()) < 0) return nullptr;
  return m;
}

void init_misc_types(Runtime& rt) {
  Type* r = rt.range_type;
  r->basicsize = sizeof(Range);
  r->repr = range_repr;
  r->hash = range_hash;
  r->richcompare = range_richcompare;
  r->len = range_len;
  r->bool_ = range_bool;
  r->getitem = range_getitem;
  r->contains = range_contains;
  r->iter = range_iter;
  r->new_ = range_new_slot;
  r->trace = range_trace;
  add_methods(rt, r, {
      {"count", range_count},
      {"index", range_index},
      {"__reversed__", range_reversed},
  });
  add_getsets(rt, r, {
      {"start", range_get_start},
      {"stop", range_get_stop},
      {"step", range_get_step},
  });

  Type* s = rt.slice_type;
  s->basicsize = sizeof(Slice);
  s->repr = slice_repr;
  s->hash = unhashable;
  s->richcompare = slice_richcompare;
  s->new_ = slice_new_slot;
  s->trace = slice_trace;
  add_attr(rt, s, "__hash__", Value::none());
  add_methods(rt, s, {{"indices", slice_indices_method}});
  add_getsets(rt, s, {
      {"start", slice_get_start},
      {"stop", slice_get_stop},
      {"step", slice_get_step},
  });

  Type* m = rt.module_type;
  m->basicsize = sizeof(Module);
  m->flags |= kTypeBaseType | kTypeHasDict;
  {
    Module probe{};
    m->dict_offset = static_cast<int32_t>(reinterpret_cast<char*>(&probe.dict) - reinterpret_cast<char*>(&probe));
  }
  m->repr = module_repr;
  m->getattr = module_getattr;
  m->new_ = module_new_slot;
  m->init = module_init_slot;
  m->trace = module_trace;
  add_methods(rt, m, {{"__dir__", module_dir}});
  add_getsets(rt, m, {{"__dict__", module_get_dict}});

  rt.intern_immortal("None");
  rt.intern_immortal("NotImplemented");
  rt.intern_immortal("Ellipsis");
  rt.none_type->repr = none_repr;
  rt.none_type->bool_ = none_bool;
  rt.none_type->new_ = singleton_new;
  rt.notimplemented_type->repr = notimpl_repr;
  rt.notimplemented_type->new_ = singleton_new;
  rt.ellipsis_type->repr = ellipsis_repr;
  rt.ellipsis_type->new_ = singleton_new;
}

}  // namespace capy
