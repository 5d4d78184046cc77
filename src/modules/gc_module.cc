// gc: the harmless part of CPython's gc module: collect(), enable(),
// disable(), isenabled() and the (always empty) garbage list. Nothing that
// enumerates objects or their referrers (get_objects, get_referrers,
// get_referents...) exists: those would hand the guest every object of the
// isolate. See docs/modules/gc.md.
#include <cstdint>

#include "gc/weak.h"
#include "modules/registry.h"
#include "modules/stdlib_support.h"
#include "objects/dict.h"
#include "objects/list.h"
#include "objects/native.h"
#include "objects/ops.h"
#include "vm/isolate.h"
#include "vm/runtime.h"

namespace capy {

namespace {

/// Module state: the flag enable()/disable() set.
struct GcState : Object {
  bool enabled;
};

inline GcState* state_of(Value v) { return v.as<GcState>(); }

// Zeroes the native stack below the caller's frame, so that the frames of
// the collection that follows start clean: words that earlier, deeper calls
// left there are not taken for references by the conservative scan.
__attribute__((noinline)) void scrub_stack_below() {
  uint64_t area[4096];
  for (size_t i = 0; i < 4096; ++i) area[i] = 0;
  __asm__ volatile("" : : "r"(area) : "memory");  // the stores must happen
}

// collect(generation=2): a full collection, then the weak-reference
// callbacks it queued. Returns the number of objects freed.
Value f_collect(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  ++args;
  --nargs;
  Value gen;
  if (bind_args(I, "collect", args, nargs, kw, {"generation"}, 0, 1, 0, &gen) < 0) return Value::error();
  if (!gen.is_null()) {
    int64_t g;
    if (!index_i64(I, gen, &g)) return Value::error();
    if (g < 0 || g > 2) return raise(I, I.rt.exc_ValueError, "invalid generation");
  }
  size_t before = I.heap.object_count();
  scrub_stack_below();
  I.collect();
  size_t after = I.heap.object_count();
  // A collection visits every object: charge it as native work, so that a
  // loop of collections meets the time limit like any other work.
  if (!I.poll(before)) return Value::error();
  if (!run_weak_callbacks(I)) return Value::error();
  return Value::small_int(static_cast<int64_t>(before > after ? before - after : 0));
}

Value f_enable(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (check_no_kwargs(I, "enable", kw) < 0 || check_nargs(I, "enable", nargs - 1, 0, 0) < 0) return Value::error();
  state_of(args[0])->enabled = true;
  return Value::none();
}

Value f_disable(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (check_no_kwargs(I, "disable", kw) < 0 || check_nargs(I, "disable", nargs - 1, 0, 0) < 0)
    return Value::error();
  state_of(args[0])->enabled = false;
  return Value::none();
}

Value f_isenabled(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (check_no_kwargs(I, "isenabled", kw) < 0 || check_nargs(I, "isenabled", nargs - 1, 0, 0) < 0)
    return Value::error();
  return Value::boolean(state_of(args[0])->enabled);
}

}  // namespace

int init_gc_module(Isolate& I, Module* m) {
  Type* t = isolate_type_new(I, "gc._State", "_State", "gc", sizeof(GcState), nullptr);
  if (!t) return -1;
  auto* st = static_cast<GcState*>(I.heap.alloc_object(t, sizeof(GcState)));
  if (!st) {
    raise_memory(I);
    return -1;
  }
  st->enabled = true;
  if (stdlib_add_functions(I, m, Value::object(st),
                           {{"collect", f_collect}, {"enable", f_enable}, {"disable", f_disable},
                            {"isenabled", f_isenabled}}) < 0)
    return -1;
  List* garbage = list_new(I, 0);
  if (!garbage || module_add_value(I, m, "garbage", Value::object(garbage)) < 0) return -1;
  return 0;
}

}  // namespace capy
