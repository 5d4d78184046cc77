// bisect: binary search and insertion into sorted sequences (CPython 3.11's
// _bisect, with lo/hi and the key= parameter).
#include "modules/registry.h"
#include "objects/dict.h"
#include "objects/list.h"
#include "objects/native.h"
#include "objects/ops.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "vm/isolate.h"
#include "vm/runtime.h"

namespace capy {

namespace {

inline Value item_at(Isolate& I, Value seq, int64_t i) {
  if (seq.is_object() && seq.as_object()->type_ == I.rt.list_type) {
    auto* l = seq.as<List>();
    if (i >= 0 && static_cast<size_t>(i) < l->size) return l->items[i];
    return raise(I, I.rt.exc_IndexError, "list index out of range");
  }
  return get_item(I, seq, Value::small_int(i));
}

/// Returns the insertion point, or -1 with an exception pending.
int64_t search(Isolate& I, Value seq, Value x, int64_t lo, int64_t hi, Value key, bool right) {
  while (lo < hi) {
    int64_t mid = static_cast<int64_t>((static_cast<uint64_t>(lo) + static_cast<uint64_t>(hi)) / 2);
    Value item = item_at(I, seq, mid);
    if (item.is_error()) return -1;
    if (!key.is_null()) {
      item = call(I, key, &item, 1, nullptr);
      if (item.is_error()) return -1;
    }
    int r = right ? rich_compare_bool(I, x, item, CompareOp::Lt) : rich_compare_bool(I, item, x, CompareOp::Lt);
    if (r < 0) return -1;
    if (right) {
      if (r) hi = mid;
      else lo = mid + 1;
    } else {
      if (r) lo = mid + 1;
      else hi = mid;
    }
  }
  return lo;
}

/// Binds (a, x, lo=0, hi=None, *, key=None); fills lo/hi; key null when None.
bool bind(Isolate& I, const char* name, const Value* args, size_t nargs, Tuple* kw, Value* seq, Value* x,
          int64_t* lo, int64_t* hi, Value* key) {
  Value p[5];
  if (bind_args(I, name, args, nargs, kw, {"a", "x", "lo", "hi", "key"}, 0, 4, 2, p) < 0) return false;
  *seq = p[0];
  *x = p[1];
  *lo = 0;
  if (!p[2].is_null() && !index_i64(I, p[2], lo)) return false;
  if (*lo < 0) {
    raise(I, I.rt.exc_ValueError, "lo must be non-negative");
    return false;
  }
  *hi = -1;
  if (!p[3].is_null() && !p[3].is_none() && !index_i64(I, p[3], hi)) return false;
  if (*hi == -1) {  // None, or -1 (CPython's C default, which it treats as None)
    int64_t n = length(I, p[0]);
    if (n < 0) return false;
    *hi = n;
  }
  *key = (p[4].is_null() || p[4].is_none()) ? Value::null() : p[4];
  return true;
}

Value do_bisect(Isolate& I, const char* name, bool right, const Value* args, size_t nargs, Tuple* kw) {
  Value seq, x, key;
  int64_t lo, hi;
  if (!bind(I, name, args, nargs, kw, &seq, &x, &lo, &hi, &key)) return Value::error();
  int64_t r = search(I, seq, x, lo, hi, key, right);
  return r < 0 ? Value::error() : Value::small_int(r);
}

Value do_insort(Isolate& I, const char* name, bool right, const Value* args, size_t nargs, Tuple* kw) {
  Value seq, x, key;
  int64_t lo, hi;
  if (!bind(I, name, args, nargs, kw, &seq, &x, &lo, &hi, &key)) return Value::error();
  Value kx = x;
  if (!key.is_null()) {
    kx = call(I, key, &x, 1, nullptr);
    if (kx.is_error()) return kx;
  }
  int64_t r = search(I, seq, kx, lo, hi, key, right);
  if (r < 0) return Value::error();
  Value res = call_method(I, seq, I.intern("insert"), {Value::small_int(r), x});
  return res.is_error() ? res : Value::none();
}

Value f_bisect_right(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  return do_bisect(I, "bisect_right", true, a, n, kw);
}
Value f_bisect_left(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  return do_bisect(I, "bisect_left", false, a, n, kw);
}
Value f_insort_right(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  return do_insort(I, "insort_right", true, a, n, kw);
}
Value f_insort_left(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  return do_insort(I, "insort_left", false, a, n, kw);
}

}  // namespace

int init_bisect_module(Isolate& I, Module* m) {
  if (module_add_function(I, m, "bisect_right", f_bisect_right) < 0 ||
      module_add_function(I, m, "bisect_left", f_bisect_left) < 0 ||
      module_add_function(I, m, "insort_right", f_insort_right) < 0 ||
      module_add_function(I, m, "insort_left", f_insort_left) < 0)
    return -1;
  // bisect and insort are the right-hand variants (the same objects, as in CPython).
  Value br = dict_get_cstr(I, m->dict, "bisect_right");
  Value ir = dict_get_cstr(I, m->dict, "insort_right");
  if (br.is_error() || ir.is_error() || module_add_value(I, m, "bisect", br) < 0 ||
      module_add_value(I, m, "insort", ir) < 0)
    return -1;
  return 0;
}

}  // namespace capy
