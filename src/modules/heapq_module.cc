// heapq: the heap queue algorithm on plain lists (CPython 3.11's _heapq: the
// same sift operations, so heaps have the same layout item for item), plus
// nlargest / nsmallest / merge as Python source run into the module.
#include "modules/registry.h"
#include "objects/dict.h"
#include "objects/list.h"
#include "objects/native.h"
#include "objects/ops.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "vm/eval.h"
#include "vm/isolate.h"
#include "vm/runtime.h"

namespace capy {

namespace {

inline int less(Isolate& I, Value a, Value b, bool max) {
  if (a.is_small_int() && b.is_small_int())
    return max ? b.as_small_int() < a.as_small_int() : a.as_small_int() < b.as_small_int();
  if (a.is_double() && b.is_double()) return max ? b.as_double() < a.as_double() : a.as_double() < b.as_double();
  return max ? rich_compare_bool(I, b, a, CompareOp::Lt) : rich_compare_bool(I, a, b, CompareOp::Lt);
}

int changed_size(Isolate& I) {
  raise(I, I.rt.exc_RuntimeError, "list changed size during iteration");
  return -1;
}

// Moves the item at pos up towards startpos (CPython's siftdown).
int sift_down(Isolate& I, List* heap, size_t startpos, size_t pos, bool max) {
  size_t size = heap->size;
  if (pos >= size) {
    raise(I, I.rt.exc_IndexError, "index out of range");
    return -1;
  }
  while (pos > startpos) {
    size_t parentpos = (pos - 1) >> 1;
    Value newitem = heap->items[pos];
    Value parent = heap->items[parentpos];
    int cmp = less(I, newitem, parent, max);
    if (cmp < 0) return -1;
    if (size != heap->size) return changed_size(I);
    if (cmp == 0) break;
    parent = heap->items[parentpos];
    newitem = heap->items[pos];
    heap->items[parentpos] = newitem;
    heap->items[pos] = parent;
    pos = parentpos;
  }
  return 0;
}

// Moves the smaller child up until a leaf, then sifts down (CPython's siftup).
int sift_up(Isolate& I, List* heap, size_t pos, bool max) {
  size_t endpos = heap->size;
  size_t startpos = pos;
  if (pos >= endpos) {
    raise(I, I.rt.exc_IndexError, "index out of range");
    return -1;
  }
  size_t limit = endpos >> 1;
  while (pos < limit) {
    size_t childpos = 2 * pos + 1;
    if (childpos + 1 < endpos) {
      int cmp = less(I, heap->items[childpos], heap->items[childpos + 1], max);
      if (cmp < 0) return -1;
      childpos += static_cast<size_t>(cmp ^ 1);
      if (endpos != heap->size) return changed_size(I);
    }
    Value tmp1 = heap->items[childpos];
    Value tmp2 = heap->items[pos];
    heap->items[childpos] = tmp2;
    heap->items[pos] = tmp1;
    pos = childpos;
  }
  return sift_down(I, heap, startpos, pos, max);
}

List* heap_arg(Isolate& I, const char* fname, Value v) {
  if (!is_subtype(type_of(I, v), I.rt.list_type)) {
    raisef(I, I.rt.exc_TypeError, "%s() argument 1 must be list, not %s", fname, type_name(I, v));
    return nullptr;
  }
  return v.as<List>();
}

Value f_heappush(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  if (check_no_kwargs(I, "heappush", kw) < 0 || check_nargs(I, "heappush", n, 2, 2) < 0) return Value::error();
  List* heap = heap_arg(I, "heappush", a[0]);
  if (!heap) return Value::error();
  if (list_append(I, heap, a[1]) < 0) return Value::error();
  if (sift_down(I, heap, 0, heap->size - 1, false) < 0) return Value::error();
  return Value::none();
}

Value pop_impl(Isolate& I, const char* name, const Value* a, size_t n, Tuple* kw, bool max) {
  if (check_no_kwargs(I, name, kw) < 0 || check_nargs(I, name, n, 1, 1) < 0) return Value::error();
  List* heap = heap_arg(I, name, a[0]);
  if (!heap) return Value::error();
  if (heap->size == 0) return raise(I, I.rt.exc_IndexError, "index out of range");
  Value last = heap->items[heap->size - 1];
  heap->size--;
  if (heap->size == 0) return last;
  Value ret = heap->items[0];
  heap->items[0] = last;
  if (sift_up(I, heap, 0, max) < 0) return Value::error();
  return ret;
}
Value f_heappop(Isolate& I, const Value* a, size_t n, Tuple* kw) { return pop_impl(I, "heappop", a, n, kw, false); }
Value f_heappop_max(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  return pop_impl(I, "_heappop_max", a, n, kw, true);
}

Value replace_impl(Isolate& I, const char* name, const Value* a, size_t n, Tuple* kw, bool max) {
  if (check_no_kwargs(I, name, kw) < 0 || check_nargs(I, name, n, 2, 2) < 0) return Value::error();
  List* heap = heap_arg(I, name, a[0]);
  if (!heap) return Value::error();
  if (heap->size == 0) return raise(I, I.rt.exc_IndexError, "index out of range");
  Value ret = heap->items[0];
  heap->items[0] = a[1];
  if (sift_up(I, heap, 0, max) < 0) return Value::error();
  return ret;
}
Value f_heapreplace(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  return replace_impl(I, "heapreplace", a, n, kw, false);
}
Value f_heapreplace_max(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  return replace_impl(I, "_heapreplace_max", a, n, kw, true);
}

Value f_heappushpop(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  if (check_no_kwargs(I, "heappushpop", kw) < 0 || check_nargs(I, "heappushpop", n, 2, 2) < 0)
    return Value::error();
  List* heap = heap_arg(I, "heappushpop", a[0]);
  if (!heap) return Value::error();
  if (heap->size == 0) return a[1];
  int cmp = less(I, heap->items[0], a[1], false);
  if (cmp < 0) return Value::error();
  if (cmp == 0) return a[1];
  if (heap->size == 0) return raise(I, I.rt.exc_IndexError, "index out of range");
  Value ret = heap->items[0];
  heap->items[0] = a[1];
  if (sift_up(I, heap, 0, false) < 0) return Value::error();
  return ret;
}

Value heapify_impl(Isolate& I, const char* name, const Value* a, size_t n, Tuple* kw, bool max) {
  if (check_no_kwargs(I, name, kw) < 0 || check_nargs(I, name, n, 1, 1) < 0) return Value::error();
  List* heap = heap_arg(I, name, a[0]);
  if (!heap) return Value::error();
  for (size_t i = heap->size / 2; i-- > 0;) {
    if (i >= heap->size) continue;
    if (sift_up(I, heap, i, max) < 0) return Value::error();
  }
  return Value::none();
}
Value f_heapify(Isolate& I, const Value* a, size_t n, Tuple* kw) { return heapify_impl(I, "heapify", a, n, kw, false); }
Value f_heapify_max(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  return heapify_impl(I, "_heapify_max", a, n, kw, true);
}

const char kHeapqSource[] = R"PY(
__all__ = ['heappush', 'heappop', 'heapify', 'heapreplace', 'merge', 'nlargest', 'nsmallest', 'heappushpop']


def merge(*iterables, key=None, reverse=False):
    if reverse:
        make_heap, pop, replace, sign = _heapify_max, _heappop_max, _heapreplace_max, -1
    else:
        make_heap, pop, replace, sign = heapify, heappop, heapreplace, 1
    entries = []
    for order, iterable in enumerate(iterables):
        it = iter(iterable)
        for first in it:
            entries.append([first if key is None else key(first), order * sign, first, it])
            break
    make_heap(entries)
    while len(entries) > 1:
        top = entries[0]
        yield top[2]
        for value in top[3]:
            top[0] = value if key is None else key(value)
            top[2] = value
            replace(entries, top)
            break
        else:
            pop(entries)
    if entries:
        last = entries[0]
        yield last[2]
        yield from last[3]


def _select(n, iterable, key, largest):
    if n == 1:
        missing = object()
        pick = max if largest else min
        if key is None:
            best = pick(iter(iterable), default=missing)
        else:
            best = pick(iter(iterable), default=missing, key=key)
        return [] if best is missing else [best]
    try:
        size = len(iterable)
    except (TypeError, AttributeError):
        pass
    else:
        if n >= size:
            return sorted(iterable, key=key, reverse=largest)[:n]
    if n <= 0:
        return []
    # A heap of the n best (key, order, item) so far whose root is the worst of
    # them; `order` makes earlier items win ties, as a stable sort would.
    if largest:
        make_heap, replace, step = heapify, heapreplace, -1
    else:
        make_heap, replace, step = _heapify_max, _heapreplace_max, 1
    it = iter(iterable)
    entries = []
    order = 0
    for item in it:
        entries.append((item if key is None else key(item), order, item))
        order += step
        if len(entries) == n:
            break
    if not entries:
        return []
    make_heap(entries)
    worst = entries[0][0]
    for item in it:
        k = item if key is None else key(item)
        if (worst < k) if largest else (k < worst):
            replace(entries, (k, order, item))
            worst = entries[0][0]
        order += step
    entries.sort(reverse=largest)
    return [e[2] for e in entries]


def nsmallest(n, iterable, key=None):
    return _select(n, iterable, key, False)


def nlargest(n, iterable, key=None):
    return _select(n, iterable, key, True)
)PY";

}  // namespace

int init_heapq_module(Isolate& I, Module* m) {
  if (module_add_function(I, m, "heappush", f_heappush) < 0 || module_add_function(I, m, "heappop", f_heappop) < 0 ||
      module_add_function(I, m, "heapify", f_heapify) < 0 ||
      module_add_function(I, m, "heapreplace", f_heapreplace) < 0 ||
      module_add_function(I, m, "heappushpop", f_heappushpop) < 0 ||
      module_add_function(I, m, "_heapify_max", f_heapify_max) < 0 ||
      module_add_function(I, m, "_heappop_max", f_heappop_max) < 0 ||
      module_add_function(I, m, "_heapreplace_max", f_heapreplace_max) < 0)
    return -1;
  Value r = run_module_source(I, m, "<capy>/heapq.py", kHeapqSource);
  return r.is_error() ? -1 : 0;
}

}  // namespace capy
