// atexit: functions the host runs when the main program has ended, after
// its traceback (if any) is printed, as CPython does at interpreter exit.
// They run under the isolate's limits; the host calls run_atexit
// (modules/atexit.h). weakref.finalize registers its exit hook here.
#include "modules/atexit.h"

#include "gc/weak.h"
#include "modules/registry.h"
#include "objects/dict.h"
#include "objects/list.h"
#include "objects/native.h"
#include "objects/ops.h"
#include "objects/tuple.h"
#include "vm/isolate.h"
#include "vm/runtime.h"

namespace capy {

namespace {

List* exit_list(Isolate& I) {
  if (!I.exit_funcs) I.exit_funcs = list_new(I, 0);
  return I.exit_funcs;
}

// register(func, /, *args, **kwargs) -> func
Value f_register(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (nargs == 0) return raise(I, I.rt.exc_TypeError, "register() takes at least 1 argument (0 given)");
  Value func = args[0];
  if (!is_callable(I, func)) return raise(I, I.rt.exc_TypeError, "the first argument must be callable");
  Value pos = tuple_value(I, args + 1, nargs - 1);
  if (pos.is_error()) return pos;
  Value kwargs = Value::none();
  size_t nkw = kw ? kw->size() : 0;
  if (nkw) {
    Dict* d = dict_new(I);
    if (!d) return Value::error();
    for (size_t k = 0; k < nkw; ++k)
      if (dict_set(I, d, kw->items[k], args[nargs + k]) < 0) return Value::error();
    kwargs = Value::object(d);
  }
  Value entry = tuple_pack(I, {func, pos, kwargs});
  if (entry.is_error()) return entry;
  List* l = exit_list(I);
  if (!l || list_append(I, l, entry) < 0) return Value::error();
  return func;
}

// unregister(func, /): forgets every registration of func (compared with ==).
Value f_unregister(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (check_no_kwargs(I, "atexit.unregister", kw) < 0 || check_nargs(I, "atexit.unregister", nargs, 1, 1) < 0)
    return Value::error();
  List* l = I.exit_funcs;
  if (!l) return Value::none();
  for (size_t i = 0; i < l->size;) {
    Value f = l->items[i].as<Tuple>()->items[0];
    int eq = rich_compare_bool(I, f, args[0], CompareOp::Eq);
    if (eq < 0) return Value::error();
    // The comparison may have run code that changed the list.
    if (eq && i < l->size && l->items[i].as<Tuple>()->items[0].is(f)) {
      for (size_t k = i + 1; k < l->size; ++k) l->items[k - 1] = l->items[k];
      --l->size;
      continue;
    }
    ++i;
  }
  return Value::none();
}

Value f_run_exitfuncs(Isolate& I, const Value*, size_t nargs, Tuple* kw) {
  if (check_no_kwargs(I, "atexit._run_exitfuncs", kw) < 0 ||
      check_nargs(I, "atexit._run_exitfuncs", nargs, 0, 0) < 0)
    return Value::error();
  if (!run_atexit(I)) return Value::error();
  return Value::none();
}

Value f_clear(Isolate& I, const Value*, size_t nargs, Tuple* kw) {
  if (check_no_kwargs(I, "atexit._clear", kw) < 0 || check_nargs(I, "atexit._clear", nargs, 0, 0) < 0)
    return Value::error();
  I.exit_funcs = nullptr;
  return Value::none();
}

Value f_ncallbacks(Isolate& I, const Value*, size_t nargs, Tuple* kw) {
  if (check_no_kwargs(I, "atexit._ncallbacks", kw) < 0 || check_nargs(I, "atexit._ncallbacks", nargs, 0, 0) < 0)
    return Value::error();
  return Value::small_int(I.exit_funcs ? static_cast<int64_t>(I.exit_funcs->size) : 0);
}

}  // namespace

bool run_atexit(Isolate& I) {
  List* l = I.exit_funcs;
  I.exit_funcs = nullptr;
  if (!l) return I.ended == LimitKind::None;
  // l stays on this frame (the native stack is scanned) while the calls run.
  for (size_t i = l->size; i-- > 0 && I.ended == LimitKind::None;) {
    if (i >= l->size) continue;
    Tuple* e = l->items[i].as<Tuple>();
    Value kwargs = e->items[2];
    Value r = call_tuple_dict(I, e->items[0], e->items[1].as<Tuple>(), kwargs.is_none() ? nullptr : kwargs.as<Dict>());
    if (r.is_error()) write_unraisable(I, "Exception ignored in atexit callback", e->items[0]);
  }
  return I.ended == LimitKind::None;
}

int init_atexit_module(Isolate& I, Module* m) {
  if (module_add_function(I, m, "register", f_register) < 0 ||
      module_add_function(I, m, "unregister", f_unregister) < 0 ||
      module_add_function(I, m, "_run_exitfuncs", f_run_exitfuncs) < 0 ||
      module_add_function(I, m, "_clear", f_clear) < 0 || module_add_function(I, m, "_ncallbacks", f_ncallbacks) < 0)
    return -1;
  return 0;
}

}  // namespace capy
