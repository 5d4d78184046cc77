// The dispatch loop (CPython 3.11's _PyEval_EvalFrameDefault, adapted to
// capy's bytecode: see docs/internals/bytecode.md and docs/internals/vm.md).
//
// Python-to-Python calls push a frame on the frame stack and continue in the
// same C++ loop; RETURN_VALUE pops it. Native code calling Python
// (call_function) and generator resumption run a nested loop whose entry
// frame is flagged kFrameEntry: returning from it returns from eval_frame.
#include "vm/interpreter.h"

#include <pthread.h>

#include <cmath>
#include <cstring>
#include <string>

#if __has_include("support/build_config.h")
#include "support/build_config.h"
#endif
#ifndef CAPY_COMPUTED_GOTO
#define CAPY_COMPUTED_GOTO 1
#endif

#include "compiler/code_unit.h"
#include "compiler/opcodes.h"
#include "objects/dict.h"
#include "objects/exception.h"
#include "objects/exception_group.h"
#include "objects/float.h"
#include "objects/function.h"
#include "objects/generator.h"
#include "objects/int.h"
#include "objects/iterators.h"
#include "objects/list.h"
#include "objects/misc.h"
#include "objects/ops.h"
#include "objects/private_names.h"
#include "objects/set.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "support/stack_limit.h"
#include "vm/vm_internal.h"

#define LIKELY(x) __builtin_expect(!!(x), 1)
#define UNLIKELY(x) __builtin_expect(!!(x), 0)

namespace capy {

using compiler::Opcode;

// =============================================================================
// Frame stack
// =============================================================================

struct FrameChunk {
  FrameChunk* prev;
  FrameChunk* spare;   // a released chunk kept for reuse (deep recursion oscillation)
  char* end;
  size_t bytes;
  alignas(16) char data[];
};

namespace {

constexpr size_t kChunkBytes = 128 * 1024;
constexpr uint32_t kGenFlags = compiler::CO_GENERATOR | compiler::CO_COROUTINE | compiler::CO_ASYNC_GENERATOR;

inline Frame* top_stack_frame(Isolate& I) {
  for (Frame* f = I.frame; f; f = f->back)
    if (f->flags & kFrameOnStack) return f;
  return nullptr;
}

void free_chunk(Isolate& I, FrameChunk* ch) {
  if (!ch) return;
  if (ch->spare) free_chunk(I, ch->spare);
  I.heap.free_raw(ch, ch->bytes);
}

Frame* frame_alloc_slow(Isolate& I, FrameChunk* cur, size_t bytes) {
  FrameChunk* ch = cur ? cur->spare : nullptr;
  if (ch && size_t(ch->end - ch->data) >= bytes) {
    cur->spare = nullptr;
  } else {
    if (ch) {
      free_chunk(I, ch);
      cur->spare = nullptr;
    }
    size_t sz = sizeof(FrameChunk) + bytes;
    if (sz < kChunkBytes) sz = kChunkBytes;
    ch = static_cast<FrameChunk*>(I.heap.alloc_raw(sz));
    if (!ch) return nullptr;
    ch->spare = nullptr;
    ch->bytes = sz;
    ch->end = reinterpret_cast<char*>(ch) + sz;
  }
  ch->prev = cur;
  Frame* f = reinterpret_cast<Frame*>(ch->data);
  f->chunk = ch;
  return f;
}

inline Frame* frame_alloc(Isolate& I, uint32_t bytes) {
  Frame* top = top_stack_frame(I);
  if (top) {
    char* p = reinterpret_cast<char*>(top) + top->alloc_bytes;
    if (p + bytes <= top->chunk->end) {
      Frame* f = reinterpret_cast<Frame*>(p);
      f->chunk = top->chunk;
      return f;
    }
    return frame_alloc_slow(I, top->chunk, bytes);
  }
  return frame_alloc_slow(I, nullptr, bytes);
}

inline void frame_init(Frame* f, Code* code, Function* fn, Dict* globals, Dict* builtins, Dict* locals) {
  f->code = code;
  f->func = fn;
  f->globals = globals;
  f->builtins = builtins;
  f->locals = locals;
  f->back = nullptr;
  f->ip = code->instrs;
  f->gen = nullptr;
  f->flags = kFrameOnStack;
  f->alloc_bytes = code->frame_bytes;
  Value* lp = f->localsplus;
  for (uint32_t i = 0, n = code->nlocalsplus; i < n; ++i) lp[i] = Value::null();
  f->sp = lp + code->nlocalsplus;
}

void frame_release_chunk(Isolate& I, FrameChunk* ch) {
  FrameChunk* prev = ch->prev;
  if (prev) {
    if (prev->spare) free_chunk(I, prev->spare);
    if (ch->spare) {
      free_chunk(I, ch->spare);
      ch->spare = nullptr;
    }
    prev->spare = ch;
  } else {
    free_chunk(I, ch);
  }
}

inline void frame_free(Isolate& I, Frame* f) {
  FrameChunk* ch = f->chunk;
  if (UNLIKELY(reinterpret_cast<char*>(f) == ch->data)) frame_release_chunk(I, ch);
}

}  // namespace

Frame* frame_push(Isolate& I, Code* code, Function* fn, Dict* globals, Dict* builtins, Dict* locals) {
  Frame* f = frame_alloc(I, code->frame_bytes);
  if (!f) {
    raise_memory(I);
    return nullptr;
  }
  frame_init(f, code, fn, globals, builtins, locals);
  return f;
}

void frame_pop(Isolate& I, Frame* f) {
  if (f->flags & kFrameOnStack) frame_free(I, f);
}

bool enter_native_level(Isolate& I) {
  if (UNLIKELY(support::stack_exhausted())) {
    raise(I, I.rt.exc_RecursionError, "maximum recursion depth exceeded");
    return false;
  }
  if (UNLIKELY(++I.call_depth > I.recursion_limit)) {
    --I.call_depth;
    raise(I, I.rt.exc_RecursionError, "maximum recursion depth exceeded");
    return false;
  }
  return true;
}

void trace_frame(Frame* f, Tracer& t) {
  t.visit(f->code);
  t.visit(f->func);
  t.visit(f->globals);
  t.visit(f->builtins);
  t.visit(f->locals);
  t.visit(f->gen);
  Value* base = f->localsplus;
  t.visit_range(base, f->code->nlocalsplus);
  Value* sb = base + f->code->nlocalsplus;
  if (f->sp > sb) t.visit_range(sb, size_t(f->sp - sb));
}

void trace_frames(Isolate& I, Tracer& t) {
  for (Frame* f = I.frame; f; f = f->back) trace_frame(f, t);
}

LimitKind interrupt_kind(uint32_t v) {
  if (v >= static_cast<uint32_t>(LimitKind::Memory) && v <= static_cast<uint32_t>(LimitKind::Terminated))
    return static_cast<LimitKind>(v);
  return LimitKind::Terminated;
}

bool vm_safe_point(Isolate& I) {
  if (!I.check_limits()) return false;
  I.maybe_collect();
  if (I.weak.has_pending() && !run_weak_callbacks(I)) return false;
  return I.ended == LimitKind::None;
}

Dict* builtins_for_globals(Isolate& I, Dict* globals) {
  if (globals) {
    Value b = dict_get_str(globals, I.rt.n___builtins__);
    if (!b.is_null() && b.is_object()) {
      Type* t = b.as_object()->type_;
      if (t == I.rt.module_type || is_subtype(t, I.rt.module_type)) return b.as<Module>()->dict;
      if (t->flags & kTypeDictSubclass) return b.as<Dict>();
    }
  }
  return I.builtins;
}

Function* function_new(Isolate& I, Code* code, Dict* globals, Dict* builtins) {
  auto* fn = static_cast<Function*>(I.heap.alloc_object(I.rt.function_type, sizeof(Function)));
  if (!fn) {
    raise_memory(I);
    return nullptr;
  }
  fn->code = code;
  fn->globals = globals;
  fn->builtins = builtins;
  fn->name = code->name;
  fn->qualname = code->qualname;
  fn->doc = code->doc;
  Value mod = globals ? dict_get_str(globals, I.rt.n___name__) : Value::null();
  fn->module = mod.is_null() ? Value::none() : mod;
  return fn;
}

namespace {

Value run_entry(Isolate& I, Code* code, Function* fn, Dict* globals, Dict* builtins, Dict* locals) {
  Frame* f = frame_push(I, code, fn, globals, builtins, locals);
  if (!f) return Value::error();
  if (I.call_depth >= I.recursion_limit) {
    frame_pop(I, f);
    return raise(I, I.rt.exc_RecursionError, "maximum recursion depth exceeded");
  }
  ++I.call_depth;
  f->flags |= kFrameEntry;
  f->back = I.frame;
  I.frame = f;
  return eval_frame(I, f, false);
}

}  // namespace

Value run_code(Isolate& I, Code* code, Dict* globals, Dict* locals, Tuple* closure) {
  if (code->flags & kGenFlags) {
    return raise(I, I.rt.exc_TypeError, "cannot run generator or coroutine code with exec()");
  }
  if (!enter_native_level(I)) return Value::error();
  Dict* builtins = builtins_for_globals(I, globals);
  Function* fn = nullptr;
  if (closure) {
    fn = function_new(I, code, globals, builtins);
    if (!fn) {
      leave_native_level(I);
      return Value::error();
    }
    fn->closure = closure;
  }
  Value r = run_entry(I, code, fn, globals, builtins, locals ? locals : globals);
  leave_native_level(I);
  return r;
}

Value run_class_body(Isolate& I, Function* fn, Object* ns) {
  if (!enter_native_level(I)) return Value::error();
  Value r = run_entry(I, fn->code, fn, fn->globals, fn->builtins, static_cast<Dict*>(ns));
  leave_native_level(I);
  return r;
}

// =============================================================================
// Slow paths (kept out of the loop)
// =============================================================================

namespace {

[[gnu::noinline]] Value unbound_local(Isolate& I, Code* code, uint32_t idx) {
  Str* name = code->localsplus_names->items[idx].as<Str>();
  return raisef(I, I.rt.exc_UnboundLocalError,
                "cannot access local variable '%s' where it is not associated with a value", name->data);
}

[[gnu::noinline]] Value unbound_deref(Isolate& I, Code* code, uint32_t idx) {
  Str* name = code->localsplus_names->items[idx].as<Str>();
  if (code->localsplus_kinds[idx] & compiler::kFastFree) {
    raisef(I, I.rt.exc_NameError,
           "cannot access free variable '%s' where it is not associated with a value in enclosing scope",
           name->data);
    set_pending_name_attr(I, name);
    return Value::error();
  }
  return unbound_local(I, code, idx);
}

[[gnu::noinline]] Value name_error(Isolate& I, Str* name) {
  raisef(I, I.rt.exc_NameError, "name '%s' is not defined", name->data);
  set_pending_name_attr(I, name);
  return Value::error();
}

// Lookup in a locals mapping: value, null (absent) or error.
Value mapping_lookup(Isolate& I, Dict* locals, Str* name) {
  Type* t = locals->type_;
  if (t == I.rt.dict_type) return dict_get_str(locals, name);
  Value v = get_item(I, Value::object(locals), Value::object(name));
  if (v.is_error()) {
    if (pending_matches(I, I.rt.exc_KeyError)) {
      I.pending = nullptr;
      return Value::null();
    }
  }
  return v;
}

[[gnu::noinline]] Value load_name(Isolate& I, Frame* f, Str* name) {
  if (!f->locals) return raisef(I, I.rt.exc_SystemError, "no locals when loading '%s'", name->data);
  Value v = mapping_lookup(I, f->locals, name);
  if (!v.is_null()) return v;
  v = dict_get_str(f->globals, name);
  if (!v.is_null()) return v;
  v = dict_get_str(f->builtins, name);
  if (!v.is_null()) return v;
  return name_error(I, name);
}

[[gnu::noinline]] int store_name(Isolate& I, Frame* f, Str* name, Value v) {
  if (!f->locals) {
    raisef(I, I.rt.exc_SystemError, "no locals found when storing '%s'", name->data);
    return -1;
  }
  if (f->locals->type_ == I.rt.dict_type) return dict_set_str(I, f->locals, name, v);
  return set_item(I, Value::object(f->locals), Value::object(name), v);
}

[[gnu::noinline]] int delete_name(Isolate& I, Frame* f, Str* name) {
  if (!f->locals) {
    raisef(I, I.rt.exc_SystemError, "no locals when deleting '%s'", name->data);
    return -1;
  }
  int r;
  if (f->locals->type_ == I.rt.dict_type) {
    r = dict_del(I, f->locals, Value::object(name));
    if (r > 0) return 0;
    if (r < 0) return -1;
  } else {
    if (del_item(I, Value::object(f->locals), Value::object(name)) == 0) return 0;
    I.pending = nullptr;
  }
  name_error(I, name);
  return -1;
}

[[gnu::noinline]] Value load_classderef(Isolate& I, Frame* f, uint32_t idx) {
  Str* name = f->code->localsplus_names->items[idx].as<Str>();
  if (f->locals) {
    Value v = mapping_lookup(I, f->locals, name);
    if (!v.is_null()) return v;
  }
  Value c = f->localsplus[idx];
  Value v = c.is_object() ? c.as<Cell>()->value : Value::null();
  if (v.is_null()) return unbound_deref(I, f->code, idx);
  return v;
}

[[gnu::noinline]] int setup_annotations(Isolate& I, Frame* f) {
  if (!f->locals) {
    raise(I, I.rt.exc_SystemError, "no locals found when setting up annotations");
    return -1;
  }
  Str* name = I.rt.n___annotations__;
  Value v = mapping_lookup(I, f->locals, name);
  if (v.is_error()) return -1;
  if (!v.is_null()) return 0;
  Dict* d = dict_new(I);
  if (!d) return -1;
  if (f->locals->type_ == I.rt.dict_type) return dict_set_str(I, f->locals, name, Value::object(d));
  return set_item(I, Value::object(f->locals), Value::object(name), Value::object(d));
}

// LOAD_METHOD (CPython's _PyObject_GetMethod): 1 = method found (out = the
// function, to be called with self), 0 = out is the attribute, -1 = error.
[[gnu::noinline]] int load_method(Isolate& I, Value owner, Str* name, Value* out) {
  Type* t = type_of(I, owner);
  if (t->getattr == generic_getattr && !looks_mangled(name)) {  // private names: the checked path
    Value attr = type_lookup(t, name);
    if (!attr.is_null()) {
      Type* at = type_of(I, attr);
      if (at == I.rt.function_type || at == I.rt.method_descriptor_type) {
        if (owner.is_object()) {
          Dict** dp = object_dict_slot(owner.as_object());
          if (dp && *dp) {
            Value v = dict_get_str(*dp, name);
            if (!v.is_null()) {
              *out = v;
              return 0;
            }
          }
        }
        *out = attr;
        return 1;
      }
    }
  }
  Value v = get_attr(I, owner, name);
  if (v.is_error()) return -1;
  *out = v;
  return 0;
}

// UNPACK_SEQUENCE: writes the n items so that item 0 ends up on top
// (out[n-1] = item 0). 0 or -1.
[[gnu::noinline]] int unpack_sequence(Isolate& I, Value seq, uint32_t n, Value* out) {
  Type* t = type_of(I, seq);
  if (t == I.rt.tuple_type || t == I.rt.list_type) {
    const Value* items;
    size_t size;
    if (t == I.rt.tuple_type) {
      items = seq.as<Tuple>()->items;
      size = seq.as<Tuple>()->size();
    } else {
      items = seq.as<List>()->items;
      size = seq.as<List>()->size;
    }
    if (size == n) {
      for (uint32_t i = 0; i < n; ++i) out[n - 1 - i] = items[i];
      return 0;
    }
    if (size < n) {
      raisef(I, I.rt.exc_ValueError, "not enough values to unpack (expected %u, got %zu)", n, size);
    } else {
      raisef(I, I.rt.exc_ValueError, "too many values to unpack (expected %u)", n);
    }
    return -1;
  }
  Value it = get_iter(I, seq);
  if (it.is_error()) {
    if (pending_matches(I, I.rt.exc_TypeError) && !t->iter && !t->getitem) {
      I.pending = nullptr;
      raisef(I, I.rt.exc_TypeError, "cannot unpack non-iterable %s object", type_name(t));
    }
    return -1;
  }
  for (uint32_t i = 0; i < n; ++i) {
    Value v = iter_next(I, it);
    if (v.is_error()) return -1;
    if (v.is_null()) {
      raisef(I, I.rt.exc_ValueError, "not enough values to unpack (expected %u, got %u)", n, i);
      return -1;
    }
    out[n - 1 - i] = v;
  }
  Value extra = iter_next(I, it);
  if (extra.is_error()) return -1;
  if (!extra.is_null()) {
    raisef(I, I.rt.exc_ValueError, "too many values to unpack (expected %u)", n);
    return -1;
  }
  return 0;
}

// UNPACK_EX: before items, a list of the rest, after items; out has
// before + 1 + after slots, item 0 on top (highest index).
[[gnu::noinline]] int unpack_ex(Isolate& I, Value seq, uint32_t before, uint32_t after, Value* out) {
  Type* t = type_of(I, seq);
  uint32_t total = before + 1 + after;
  Value it = get_iter(I, seq);
  if (it.is_error()) {
    if (pending_matches(I, I.rt.exc_TypeError) && !t->iter && !t->getitem) {
      I.pending = nullptr;
      raisef(I, I.rt.exc_TypeError, "cannot unpack non-iterable %s object", type_name(t));
    }
    return -1;
  }
  for (uint32_t i = 0; i < before; ++i) {
    Value v = iter_next(I, it);
    if (v.is_error()) return -1;
    if (v.is_null()) {
      raisef(I, I.rt.exc_ValueError, "not enough values to unpack (expected at least %u, got %u)",
             before + after, i);
      return -1;
    }
    out[total - 1 - i] = v;
  }
  Value rest = list_from_iterable(I, it);
  if (rest.is_error()) return -1;
  List* l = rest.as<List>();
  if (l->size < after) {
    raisef(I, I.rt.exc_ValueError, "not enough values to unpack (expected at least %u, got %zu)",
           before + after, size_t(before) + l->size);
    return -1;
  }
  out[after] = rest;
  for (uint32_t j = 0; j < after; ++j) {
    out[after - 1 - j] = l->items[l->size - after + j];
  }
  l->size -= after;
  return 0;
}

// "f()" / "mod.f()" for call-argument messages (_PyObject_FunctionStr).
std::string function_str(Isolate& I, Value func) {
  Value qn = get_attr_opt(I, func, I.rt.n___qualname__);
  if (qn.is_error() || qn.is_null()) {
    I.pending = nullptr;
    std::string out;
    if (str_append(I, func, out) < 0) I.pending = nullptr;
    return out;
  }
  std::string out;
  Value mod = get_attr_opt(I, func, I.rt.n___module__);
  if (mod.is_error()) {
    I.pending = nullptr;
    mod = Value::null();
  }
  if (!mod.is_null() && !mod.is_none()) {
    std::string m;
    if (str_append(I, mod, m) < 0) I.pending = nullptr;
    if (m != "builtins") out = m + ".";
  }
  std::string q;
  if (str_append(I, qn, q) < 0) I.pending = nullptr;
  return out + q + "()";
}

// DICT_MERGE: merges mapping `update` into `d` rejecting duplicate keys, with
// CPython's messages about the called function `func`. 0 or -1.
[[gnu::noinline]] int dict_merge_kwargs(Isolate& I, Dict* d, Value update, Value func) {
  Type* ut = type_of(I, update);
  auto dup = [&](Value key) {
    if (!(type_of(I, key)->flags & kTypeStrSubclass)) {
      raisef(I, I.rt.exc_TypeError, "%s keywords must be strings", function_str(I, func).c_str());
    } else {
      raisef(I, I.rt.exc_TypeError, "%s got multiple values for keyword argument '%s'",
             function_str(I, func).c_str(), key.as<Str>()->data);
    }
    return -1;
  };
  if (ut->flags & kTypeDictSubclass) {
    Dict* src = update.as<Dict>();
    uint32_t pos = 0;
    Value k, v;
    while (dict_next(src, &pos, &k, &v)) {
      Value old = dict_get(I, d, k);
      if (old.is_error()) return -1;
      if (!old.is_null()) return dup(k);
      if (dict_set(I, d, k, v) < 0) return -1;
    }
    return 0;
  }
  Value keys_m = get_attr_opt(I, update, I.rt.n_keys);
  if (keys_m.is_error()) return -1;
  if (keys_m.is_null()) {
    raisef(I, I.rt.exc_TypeError, "%s argument after ** must be a mapping, not %s", function_str(I, func).c_str(),
           type_name(ut));
    return -1;
  }
  Value keys = call(I, keys_m, nullptr, 0, nullptr);
  if (keys.is_error()) return -1;
  Value it = get_iter(I, keys);
  if (it.is_error()) return -1;
  for (;;) {
    Value k = iter_next(I, it);
    if (k.is_error()) return -1;
    if (k.is_null()) break;
    Value old = dict_get(I, d, k);
    if (old.is_error()) return -1;
    if (!old.is_null()) return dup(k);
    Value v = get_item(I, update, k);
    if (v.is_error()) return -1;
    if (dict_set(I, d, k, v) < 0) return -1;
  }
  return 0;
}

[[gnu::noinline]] int dict_update_op(Isolate& I, Dict* d, Value update) {
  Type* ut = type_of(I, update);
  if (!(ut->flags & kTypeDictSubclass)) {
    Value keys_m = get_attr_opt(I, update, I.rt.n_keys);
    if (keys_m.is_error()) return -1;
    if (keys_m.is_null()) {
      raisef(I, I.rt.exc_TypeError, "'%s' object is not a mapping", type_name(ut));
      return -1;
    }
  }
  return dict_update(I, d, update);
}

[[gnu::noinline]] int list_extend_op(Isolate& I, List* l, Value iterable) {
  if (list_extend(I, l, iterable) == 0) return 0;
  Type* t = type_of(I, iterable);
  if (pending_matches(I, I.rt.exc_TypeError) && !t->iter && !t->getitem) {
    I.pending = nullptr;
    raisef(I, I.rt.exc_TypeError, "Value after * must be an iterable, not %s", type_name(t));
  }
  return -1;
}

[[gnu::noinline]] Value build_string(Isolate& I, const Value* pieces, uint32_t n) {
  if (n == 1) return pieces[0];
  std::string out;
  for (uint32_t i = 0; i < n; ++i) {
    Value p = pieces[i];
    if (p.is_object() && (p.as_object()->type_->flags & kTypeStrSubclass)) {
      out += p.as<Str>()->view();
    } else if (str_append(I, p, out) < 0) {
      return Value::error();
    }
  }
  return str_value(I, out);
}

[[gnu::noinline]] Value format_value(Isolate& I, Value v, uint32_t flags, Value spec) {
  switch (flags & compiler::kFormatConvMask) {
    case compiler::kFormatConvStr: v = str(I, v); break;
    case compiler::kFormatConvRepr: v = repr(I, v); break;
    case compiler::kFormatConvAscii: v = ascii(I, v); break;
    default: break;
  }
  if (v.is_error()) return v;
  if (spec.is_null() && v.is_object() && v.as_object()->type_ == I.rt.str_type) return v;
  if (spec.is_null()) spec = Value::object(I.rt.n_empty);
  return format(I, v, spec);
}

[[gnu::noinline]] Value build_map(Isolate& I, const Value* kv, uint32_t n) {
  Dict* d = dict_new(I, n);
  if (!d) return Value::error();
  for (uint32_t i = 0; i < n; ++i) {
    if (dict_set(I, d, kv[2 * i], kv[2 * i + 1]) < 0) return Value::error();
  }
  return Value::object(d);
}

[[gnu::noinline]] Value build_const_key_map(Isolate& I, const Value* values, uint32_t n, Value keys) {
  Tuple* kt = keys.as<Tuple>();
  Dict* d = dict_new(I, n);
  if (!d) return Value::error();
  for (uint32_t i = 0; i < n && i < kt->size(); ++i) {
    if (dict_set(I, d, kt->items[i], values[i]) < 0) return Value::error();
  }
  return Value::object(d);
}

[[gnu::noinline]] Value build_set(Isolate& I, const Value* items, uint32_t n) {
  Set* s = set_new(I, false);
  if (!s) return Value::error();
  for (uint32_t i = 0; i < n; ++i) {
    if (set_add(I, s, items[i]) < 0) return Value::error();
  }
  return Value::object(s);
}

[[gnu::noinline]] Value make_function(Isolate& I, Frame* f, uint32_t flags, Value* sp_top, Value** sp_io) {
  Value* sp = sp_top;
  Code* code = (*--sp).as<Code>();
  Value closure = (flags & compiler::kMakeFunctionClosure) ? *--sp : Value::null();
  Value annotations = (flags & compiler::kMakeFunctionAnnotations) ? *--sp : Value::null();
  Value kwdefaults = (flags & compiler::kMakeFunctionKwDefaults) ? *--sp : Value::null();
  Value defaults = (flags & compiler::kMakeFunctionDefaults) ? *--sp : Value::null();
  *sp_io = sp;
  Function* fn = function_new(I, code, f->globals, f->builtins);
  if (!fn) return Value::error();
  if (!closure.is_null()) fn->closure = closure.as<Tuple>();
  if (!defaults.is_null() && !defaults.is_none()) fn->defaults = defaults.as<Tuple>();
  if (!kwdefaults.is_null() && !kwdefaults.is_none()) fn->kwdefaults = kwdefaults.as<Dict>();
  if (!annotations.is_null()) {
    Type* at = type_of(I, annotations);
    if (at->flags & kTypeDictSubclass) {
      fn->annotations = annotations.as<Dict>();
    } else if (at == I.rt.tuple_type) {
      Tuple* t = annotations.as<Tuple>();
      Dict* d = dict_new(I, t->size() / 2);
      if (!d) return Value::error();
      for (size_t i = 0; i + 1 < t->size(); i += 2) {
        if (dict_set(I, d, t->items[i], t->items[i + 1]) < 0) return Value::error();
      }
      fn->annotations = d;
    }
  }
  return Value::object(fn);
}

// CALL_FUNCTION_EX.
[[gnu::noinline]] Value call_function_ex(Isolate& I, Value func, Value callargs, Value kwargs) {
  Tuple* args;
  Type* at = type_of(I, callargs);
  if (at == I.rt.tuple_type) {
    args = callargs.as<Tuple>();
  } else {
    if (!at->iter && !at->getitem) {
      return raisef(I, I.rt.exc_TypeError, "%s argument after * must be an iterable, not %s",
                    function_str(I, func).c_str(), type_name(at));
    }
    Value t = tuple_from_iterable(I, callargs);
    if (t.is_error()) return t;
    args = t.as<Tuple>();
  }
  Dict* kw = nullptr;
  if (!kwargs.is_null()) {
    if (type_of(I, kwargs) == I.rt.dict_type) {
      kw = kwargs.as<Dict>();
    } else {
      kw = dict_new(I);
      if (!kw) return Value::error();
      if (dict_merge_kwargs(I, kw, kwargs, func) < 0) return Value::error();
    }
  }
  return call_tuple_dict(I, func, args, kw);
}

[[gnu::noinline]] Value import_name(Isolate& I, Frame* f, Str* name, Value fromlist, Value level) {
  Value import_func = dict_get_str(f->builtins, I.rt.n___import__);
  if (import_func.is_null()) return raise(I, I.rt.exc_ImportError, "__import__ not found");
  Value locals = f->locals ? Value::object(f->locals) : Value::none();
  Value args[5] = {Value::object(name), Value::object(f->globals), locals, fromlist, level};
  return call(I, import_func, args, 5, nullptr);
}

[[gnu::noinline]] Value import_from(Isolate& I, Value module, Str* name) {
  Value v = get_attr_opt(I, module, name);
  if (!v.is_null()) return v;
  Value pkgname = get_attr_opt(I, module, I.rt.n___name__);
  if (pkgname.is_error()) {
    I.pending = nullptr;
    pkgname = Value::null();
  }
  if (!pkgname.is_null() && type_of(I, pkgname) == I.rt.str_type && I.modules) {
    std::string full = std::string(pkgname.as<Str>()->view()) + "." + std::string(name->view());
    Value m = dict_get_cstr(I, I.modules, full);
    if (m.is_error()) return m;
    if (!m.is_null()) return m;
  }
  std::string pkg = "<unknown module name>";
  if (!pkgname.is_null() && type_of(I, pkgname) == I.rt.str_type) pkg = std::string(pkgname.as<Str>()->view());
  Value file = get_attr_opt(I, module, I.rt.n___file__);
  if (file.is_error()) {
    I.pending = nullptr;
    file = Value::null();
  }
  std::string loc = "unknown location";
  if (!file.is_null() && type_of(I, file) == I.rt.str_type) loc = std::string(file.as<Str>()->view());
  raisef(I, I.rt.exc_ImportError, "cannot import name %s from %s (%s)", str_repr_text(name->view()).c_str(),
         str_repr_text(pkg).c_str(), loc.c_str());
  // As CPython: the error's name is the package, its path the package's file.
  if (BaseExc* e = I.pending) {
    Str* path_key = I.intern("path");
    Dict* d = path_key ? exc_dict(I, e) : nullptr;
    if (d && !pkgname.is_null() && dict_set_str(I, d, I.rt.n_name, pkgname) == 0 &&
        !file.is_null() && type_of(I, file) == I.rt.str_type)
      dict_set_str(I, d, path_key, file);
    I.pending = e;
  }
  return Value::error();
}

[[gnu::noinline]] int import_star(Isolate& I, Frame* f, Value module) {
  if (!f->locals) {
    raise(I, I.rt.exc_SystemError, "no locals found during 'import *'");
    return -1;
  }
  Value all = get_attr_opt(I, module, I.rt.n___all__);
  if (all.is_error()) return -1;
  bool skip_underscore = false;
  if (all.is_null()) {
    Value d = get_attr_opt(I, module, I.rt.n___dict__);
    if (d.is_error()) return -1;
    if (d.is_null()) {
      raise(I, I.rt.exc_ImportError, "from-import-* object has no __dict__ and no __all__");
      return -1;
    }
    all = call_method(I, d, I.rt.n_keys, {});
    if (all.is_error()) return -1;
    skip_underscore = true;
  }
  Value it = get_iter(I, all);
  if (it.is_error()) return -1;
  for (;;) {
    Value name = iter_next(I, it);
    if (name.is_error()) return -1;
    if (name.is_null()) break;
    if (!(type_of(I, name)->flags & kTypeStrSubclass)) {
      std::string modname;
      Value mn = get_attr_opt(I, module, I.rt.n___name__);
      if (mn.is_error()) return -1;
      if (!mn.is_null() && str_append(I, mn, modname) < 0) return -1;
      if (skip_underscore) {
        raisef(I, I.rt.exc_TypeError, "Key in %s.__dict__ must be str, not %s", modname.c_str(), type_name(I, name));
      } else {
        raisef(I, I.rt.exc_TypeError, "Item in %s.__all__ must be str, not %s", modname.c_str(), type_name(I, name));
      }
      return -1;
    }
    Str* s = name.as<Str>();
    if (skip_underscore && s->size() > 0 && s->data[0] == '_') continue;
    Value v = get_attr(I, module, s);
    if (v.is_error()) return -1;
    int r = f->locals->type_ == I.rt.dict_type ? dict_set(I, f->locals, name, v)
                                                : set_item(I, Value::object(f->locals), name, v);
    if (r < 0) return -1;
  }
  return 0;
}

// BEFORE_WITH / BEFORE_ASYNC_WITH: out[0] = bound __exit__, returns __enter__() (or __aenter__()).
[[gnu::noinline]] Value before_with(Isolate& I, Value mgr, bool async, Value* exit_out) {
  Str* enter_name = async ? I.intern("__aenter__") : I.rt.n___enter__;
  Str* exit_name = async ? I.intern("__aexit__") : I.rt.n___exit__;
  if (!enter_name || !exit_name) return Value::error();
  Value enter = lookup_special(I, mgr, enter_name);
  if (enter.is_error()) return enter;
  if (enter.is_null()) {
    return raisef(I, I.rt.exc_TypeError, "'%s' object does not support the %scontext manager protocol",
                  type_name(I, mgr), async ? "asynchronous " : "");
  }
  Value exit = lookup_special(I, mgr, exit_name);
  if (exit.is_error()) return exit;
  if (exit.is_null()) {
    return raisef(I, I.rt.exc_TypeError,
                  "'%s' object does not support the %scontext manager protocol (missed %s method)",
                  type_name(I, mgr), async ? "asynchronous " : "", async ? "__aexit__" : "__exit__");
  }
  *exit_out = exit;
  return call(I, enter, nullptr, 0, nullptr);
}

bool type_is_mapping(Isolate& I, Type* t) { return (t->flags & kTypeDictSubclass) != 0; }

bool type_is_sequence(Isolate& I, Type* t) {
  if (t->flags & (kTypeListSubclass | kTypeTupleSubclass)) return true;
  if (t->flags & (kTypeStrSubclass | kTypeBytesSubclass)) return false;
  if (is_subtype(t, I.rt.range_type) || is_subtype(t, I.rt.memoryview_type)) return true;
  // collections.deque and classes registered as collections.abc.Sequence
  // are recognised by name of a base (capy has no ABC flags).
  Tuple* mro = t->mro;
  if (mro) {
    for (size_t i = 0; i < mro->size(); ++i) {
      Type* b = mro->items[i].as<Type>();
      std::string_view n = b->name->view();
      size_t dot = n.rfind('.');  // native module types are named "module.Name"
      if (dot != std::string_view::npos) n = n.substr(dot + 1);
      if (n == "deque" || n == "Sequence" || n == "MutableSequence" || n == "array") return true;
    }
  }
  return false;
}

[[gnu::noinline]] Value match_keys(Isolate& I, Value subject, Value keys) {
  Tuple* kt = keys.as<Tuple>();
  if (kt->size() == 0) return Value::object(I.rt.empty_tuple);
  Value get = get_attr(I, subject, I.rt.n_get);
  if (get.is_error()) return get;
  Set* seen = set_new(I, false);
  if (!seen) return Value::error();
  Tuple* values = tuple_new(I, kt->size());
  if (!values) return Value::error();
  // A private sentinel: a fresh empty list is never a value of the mapping.
  List* dummy = list_new(I);
  if (!dummy) return Value::error();
  for (size_t i = 0; i < kt->size(); ++i) {
    Value key = kt->items[i];
    int c = set_contains(I, seen, key);
    if (c < 0) return Value::error();
    if (c > 0) {
      std::string r;
      if (repr_append(I, key, r) < 0) return Value::error();
      return raisef(I, I.rt.exc_ValueError, "mapping pattern checks duplicate key (%s)", r.c_str());
    }
    if (set_add(I, seen, key) < 0) return Value::error();
    Value args[2] = {key, Value::object(dummy)};
    Value v = call(I, get, args, 2, nullptr);
    if (v.is_error()) return v;
    if (v.is(Value::object(dummy))) return Value::none();
    values->items[i] = v;
  }
  return Value::object(values);
}

bool type_match_self(Isolate& I, Type* t) {
  Runtime& rt = I.rt;
  Type* selfs[] = {rt.bool_type, rt.bytearray_type, rt.bytes_type, rt.dict_type, rt.float_type, rt.frozenset_type,
                   rt.int_type, rt.list_type, rt.set_type, rt.str_type, rt.tuple_type};
  for (Type* s : selfs)
    if (is_subtype(t, s)) return true;
  return false;
}

// MATCH_CLASS: tuple of attributes, None (no match) or error.
[[gnu::noinline]] Value match_class(Isolate& I, Value subject, Value type, uint32_t nargs, Value kwargs) {
  if (!(type_of(I, type)->flags & kTypeTypeSubclass)) {
    return raise(I, I.rt.exc_TypeError, "called match pattern must be a type");
  }
  Type* cls = type.as<Type>();
  int r = is_instance(I, subject, type);
  if (r < 0) return Value::error();
  if (r == 0) return Value::none();
  Set* seen = set_new(I, false);
  if (!seen) return Value::error();
  List* attrs = list_new(I);
  if (!attrs) return Value::error();
  auto attr_of = [&](Value name) -> Value {
    int c = set_contains(I, seen, name);
    if (c < 0) return Value::error();
    if (c > 0) {
      std::string rn;
      if (repr_append(I, name, rn) < 0) return Value::error();
      return raisef(I, I.rt.exc_TypeError, "%s() got multiple sub-patterns for attribute %s", type_name(cls),
                    rn.c_str());
    }
    if (set_add(I, seen, name) < 0) return Value::error();
    Value a = get_attr(I, subject, name.as<Str>());
    if (a.is_error() && pending_matches(I, I.rt.exc_AttributeError)) {
      I.pending = nullptr;
      return Value::null();
    }
    return a;
  };
  if (nargs) {
    bool match_self = false;
    Value match_args = get_attr_opt(I, type, I.rt.n___match_args__);
    if (match_args.is_error()) return match_args;
    if (!match_args.is_null()) {
      if (type_of(I, match_args) != I.rt.tuple_type) {
        return raisef(I, I.rt.exc_TypeError, "%s.__match_args__ must be a tuple (got %s)", type_name(cls),
                      type_name(I, match_args));
      }
    } else {
      match_args = Value::object(I.rt.empty_tuple);
      match_self = type_match_self(I, cls);
    }
    Tuple* ma = match_args.as<Tuple>();
    size_t allowed = match_self ? 1 : ma->size();
    if (allowed < nargs) {
      return raisef(I, I.rt.exc_TypeError, "%s() accepts %zu positional sub-pattern%s (%u given)", type_name(cls),
                    allowed, allowed == 1 ? "" : "s", nargs);
    }
    if (match_self) {
      if (list_append(I, attrs, subject) < 0) return Value::error();
    } else {
      for (uint32_t i = 0; i < nargs; ++i) {
        Value name = ma->items[i];
        if (type_of(I, name) != I.rt.str_type) {
          return raisef(I, I.rt.exc_TypeError, "__match_args__ elements must be strings (got %s)",
                        type_name(I, name));
        }
        Value a = attr_of(name);
        if (a.is_error()) return a;
        if (a.is_null()) return Value::none();
        if (list_append(I, attrs, a) < 0) return Value::error();
      }
    }
  }
  Tuple* kw = kwargs.as<Tuple>();
  for (size_t i = 0; i < kw->size(); ++i) {
    Value a = attr_of(kw->items[i]);
    if (a.is_error()) return a;
    if (a.is_null()) return Value::none();
    if (list_append(I, attrs, a) < 0) return Value::error();
  }
  return tuple_value(I, attrs->items, attrs->size);
}

[[gnu::noinline]] int print_expr(Isolate& I, Value v) {
  Value sys = I.modules ? dict_get_cstr(I, I.modules, "sys") : Value::null();
  if (sys.is_error()) return -1;
  Value hook = sys.is_null() ? Value::null() : get_attr_opt(I, sys, I.intern("displayhook"));
  if (hook.is_error()) return -1;
  if (hook.is_null()) {
    raise(I, I.rt.exc_RuntimeError, "lost sys.displayhook");
    return -1;
  }
  Value r = call(I, hook, &v, 1, nullptr);
  return r.is_error() ? -1 : 0;
}

[[gnu::noinline]] Value get_yield_from_iter(Isolate& I, Code* code, Value v) {
  if (is_coroutine(I, v)) {
    if (!(code->flags & (compiler::CO_COROUTINE | compiler::CO_ITERABLE_COROUTINE))) {
      return raise(I, I.rt.exc_TypeError, "cannot 'yield from' a coroutine object in a non-coroutine generator");
    }
    return v;
  }
  if (is_generator(I, v)) return v;
  return get_iter(I, v);
}

// SEND on a non-generator receiver: 0 = yielded (*out), 1 = returned (*out), -1 error.
[[gnu::noinline]] int send_other(Isolate& I, Value receiver, Value v, Value* out) {
  Type* t = type_of(I, receiver);
  Value r;
  if (v.is_none() && t->next) {
    if (t->is_heap()) {
      r = call_special(I, receiver, I.rt.n___next__, {});
      if (r.is_null()) r = t->next(I, receiver);
    } else {
      r = t->next(I, receiver);
      if (r.is_null()) {
        *out = Value::none();
        return 1;
      }
    }
  } else {
    r = call_method(I, receiver, I.rt.n_send, {v});
  }
  if (r.is_error()) {
    if (pending_matches(I, I.rt.exc_StopIteration)) {
      *out = fetch_stop_iteration_value(I);
      return 1;
    }
    return -1;
  }
  if (r.is_null()) {
    *out = Value::none();
    return 1;
  }
  *out = r;
  return 0;
}

[[gnu::noinline]] Value get_aiter(Isolate& I, Value obj) {
  Str* aiter_name = I.rt.n___aiter__;
  Value m = lookup_special(I, obj, aiter_name);
  if (m.is_error()) return m;
  if (m.is_null()) {
    return raisef(I, I.rt.exc_TypeError, "'async for' requires an object with __aiter__ method, got %s",
                  type_name(I, obj));
  }
  Value it = call(I, m, nullptr, 0, nullptr);
  if (it.is_error()) return it;
  Value an = type_lookup(type_of(I, it), I.rt.n___anext__);
  if (an.is_null()) {
    return raisef(I, I.rt.exc_TypeError,
                  "'async for' received an object from __aiter__ that does not implement __anext__: %s",
                  type_name(I, it));
  }
  return it;
}

[[gnu::noinline]] Value get_anext(Isolate& I, Value aiter) {
  Value m = lookup_special(I, aiter, I.rt.n___anext__);
  if (m.is_error()) return m;
  if (m.is_null()) {
    return raisef(I, I.rt.exc_TypeError, "'async for' requires an iterator with __anext__ method, got %s",
                  type_name(I, aiter));
  }
  Value next = call(I, m, nullptr, 0, nullptr);
  if (next.is_error()) return next;
  Value aw = get_awaitable(I, next, -1);
  if (aw.is_error()) {
    if (pending_matches(I, I.rt.exc_TypeError)) {
      I.pending = nullptr;
      return raisef(I, I.rt.exc_TypeError, "'async for' received an invalid object from __anext__: %s",
                    type_name(I, next));
    }
  }
  return aw;
}

// CHECK_EXC_MATCH's test (PyErr_GivenExceptionMatches).
bool exc_matches(Isolate& I, Value exc, Value type) {
  Type* et = type_of(I, exc);
  if (type_of(I, type) == I.rt.tuple_type || (type_of(I, type)->flags & kTypeTupleSubclass)) {
    Tuple* t = type.as<Tuple>();
    for (size_t i = 0; i < t->size(); ++i)
      if (exc_matches(I, exc, t->items[i])) return true;
    return false;
  }
  if (!type.is_object() || !(type.as_object()->type_->flags & kTypeTypeSubclass)) return false;
  return is_subtype(et, type.as<Type>());
}


// --- inline caches (quickened LOAD_GLOBAL / LOAD_ATTR / LOAD_METHOD) -------------------

enum AttrCacheKind : uint32_t {
  kAttrNone = 0,       // not cacheable: generic path
  kAttrInstance = 1,   // not on the type: the instance dict (index hint in `index`)
  kAttrMethod = 2,     // a function on the type (non-data descriptor); value = the function
  kAttrClassPlain = 3, // a plain class attribute (no __get__); value = it
  kAttrDataDescr = 4,  // a data descriptor on the type; value = it
};

inline uint32_t mro_version(Type* t) {
  Tuple* mro = t->mro;
  if (!mro) return t->version;
  uint32_t v = 0;
  for (size_t i = 0, n = mro->size(); i < n; ++i) v += mro->items[i].as<Type>()->version * 2654435761u + 1;
  return v;
}

uint32_t dict_entry_index(Dict* d, Str* name) {
  Value k = Value::object(name);
  for (uint32_t i = 0; i < d->entries_used; ++i) {
    if (d->entries[i].key.is(k)) return i;
  }
  return UINT32_MAX;
}

// Value of the entry at a hinted index when it still holds `name`, else null.
inline Value dict_hint_get(Dict* d, uint32_t idx, Str* name) {
  if (idx < d->entries_used) {
    DictEntry& e = d->entries[idx];
    if (e.key.is(Value::object(name))) return e.value;
  }
  return Value::null();
}

[[gnu::noinline]] Value load_global_fill(Isolate& I, Frame* f, Str* name, InlineCache& ic) {
  Dict* g = f->globals;
  Value v = dict_get_str(g, name);
  if (!v.is_null()) {
    ic.key = g;
    ic.key2 = nullptr;
    ic.index = dict_entry_index(g, name);
    return v;
  }
  Dict* b = f->builtins;
  v = dict_get_str(b, name);
  if (v.is_null()) return name_error(I, name);
  if (ic.key == g && ic.key2 == b && dict_hint_get(b, ic.index, name).is(v)) {
    ic.version = g->version;  // only the globals changed
    return v;
  }
  ic.key = g;
  ic.key2 = b;
  ic.version = g->version;
  ic.index = dict_entry_index(b, name);
  return v;
}

void attr_cache_fill(Isolate& I, Value owner, Str* name, InlineCache& ic) {
  ic.kind = kAttrNone;
  ic.key = nullptr;
  if (!owner.is_object() || looks_mangled(name)) return;  // private names are checked on every access
  Type* t = owner.as_object()->type_;
  if (t->getattr != generic_getattr) return;
  Value attr = type_lookup(t, name);
  uint32_t kind;
  if (attr.is_null()) {
    if (!object_dict_slot(owner.as_object())) return;
    kind = kAttrInstance;
  } else {
    Type* at = type_of(I, attr);
    if (at->descr_set && at->descr_get) kind = kAttrDataDescr;
    else if (at == I.rt.function_type) kind = kAttrMethod;
    else if (!at->descr_get) kind = kAttrClassPlain;
    else return;
  }
  ic.kind = kind;
  ic.value = attr;
  ic.key = t;
  ic.key2 = t->mro;
  ic.version = mro_version(t);
  ic.index = UINT32_MAX;
  if (kind == kAttrInstance) {
    Dict* d = *object_dict_slot(owner.as_object());
    if (d) ic.index = dict_entry_index(d, name);
  }
}

// Cached attribute lookup: the attribute, or null when the cache does not
// apply (take the generic path). For LOAD_METHOD (`method`), a function
// found on the type is returned unbound with *is_method set.
inline Value attr_cache_get(Isolate& I, Value owner, Str* name, InlineCache& ic, bool method, bool* is_method) {
  if (!owner.is_object()) return Value::null();
  Object* o = owner.as_object();
  Type* t = o->type_;
  if (ic.key != t || ic.key2 != t->mro || ic.version != mro_version(t)) return Value::null();
  switch (ic.kind) {
    case kAttrInstance: {
      Dict** dp = object_dict_slot(o);
      Dict* d = dp ? *dp : nullptr;
      if (!d) return Value::null();
      Value v = dict_hint_get(d, ic.index, name);
      if (!v.is_null()) return v;
      v = dict_get_str(d, name);
      if (!v.is_null()) ic.index = dict_entry_index(d, name);
      return v;
    }
    case kAttrMethod:
    case kAttrClassPlain: {
      Dict** dp = object_dict_slot(o);
      if (dp && *dp && (*dp)->count && !dict_get_str(*dp, name).is_null()) return Value::null();
      if (ic.kind == kAttrMethod) {
        if (method) {
          *is_method = true;
          return ic.value;
        }
        return method_new(I, ic.value, owner);
      }
      return ic.value;
    }
    case kAttrDataDescr: {
      Type* at = type_of(I, ic.value);
      return at->descr_get(I, ic.value, owner, Value::object(t));
    }
    default: return Value::null();
  }
}

// --- fast arithmetic ----------------------------------------------------------------

inline int64_t py_floordiv(int64_t a, int64_t b) {
  int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}
inline int64_t py_mod(int64_t a, int64_t b) {
  int64_t r = a % b;
  if (r != 0 && ((r < 0) != (b < 0))) r += b;
  return r;
}

// Returns true with *out set when the operation was handled inline.
inline bool fast_binop(uint32_t op, Value a, Value b, Value* out) {
  if (op >= static_cast<uint32_t>(kInplaceOffset)) op -= kInplaceOffset;
  if (a.is_small_int() && b.is_small_int()) {
    int64_t x = a.as_small_int(), y = b.as_small_int(), r;
    switch (static_cast<NbOp>(op)) {
      case NbOp::Add: r = x + y; break;
      case NbOp::Sub: r = x - y; break;
      case NbOp::Mul:
        if (__builtin_mul_overflow(x, y, &r)) return false;
        break;
      case NbOp::FloorDiv:
        if (y == 0) return false;
        r = py_floordiv(x, y);
        break;
      case NbOp::Mod:
        if (y == 0) return false;
        r = py_mod(x, y);
        break;
      case NbOp::And: r = x & y; break;
      case NbOp::Or: r = x | y; break;
      case NbOp::Xor: r = x ^ y; break;
      case NbOp::TrueDiv:
        if (y == 0) return false;
        *out = Value::from_double(static_cast<double>(x) / static_cast<double>(y));
        return true;
      case NbOp::LShift:
        if (y < 0 || y > 15 || x > (int64_t(1) << 31) || x < -(int64_t(1) << 31)) return false;
        r = x * (int64_t(1) << y);
        break;
      case NbOp::RShift:
        if (y < 0) return false;
        r = y > 63 ? (x < 0 ? -1 : 0) : (x >> y);
        break;
      default: return false;
    }
    if (!Value::fits_small_int(r)) return false;
    *out = Value::small_int(r);
    return true;
  }
  double x, y;
  if (a.is_double()) x = a.as_double();
  else if (a.is_small_int()) x = static_cast<double>(a.as_small_int());
  else return false;
  if (b.is_double()) y = b.as_double();
  else if (b.is_small_int()) y = static_cast<double>(b.as_small_int());
  else return false;
  double r;
  switch (static_cast<NbOp>(op)) {
    case NbOp::Add: r = x + y; break;
    case NbOp::Sub: r = x - y; break;
    case NbOp::Mul: r = x * y; break;
    case NbOp::TrueDiv:
      if (y == 0.0) return false;
      r = x / y;
      break;
    default: return false;
  }
  *out = Value::from_double(r);
  return true;
}

inline bool fast_compare(uint32_t op, Value a, Value b, Value* out) {
  bool r;
  if (a.is_small_int() && b.is_small_int()) {
    int64_t x = a.as_small_int(), y = b.as_small_int();
    switch (static_cast<CompareOp>(op)) {
      case CompareOp::Lt: r = x < y; break;
      case CompareOp::Le: r = x <= y; break;
      case CompareOp::Eq: r = x == y; break;
      case CompareOp::Ne: r = x != y; break;
      case CompareOp::Gt: r = x > y; break;
      case CompareOp::Ge: r = x >= y; break;
      default: return false;
    }
    *out = Value::boolean(r);
    return true;
  }
  double x, y;
  if (a.is_double()) x = a.as_double();
  else if (a.is_small_int()) x = static_cast<double>(a.as_small_int());
  else return false;
  if (b.is_double()) y = b.as_double();
  else if (b.is_small_int()) y = static_cast<double>(b.as_small_int());
  else return false;
  switch (static_cast<CompareOp>(op)) {
    case CompareOp::Lt: r = x < y; break;
    case CompareOp::Le: r = x <= y; break;
    case CompareOp::Eq: r = x == y; break;
    case CompareOp::Ne: r = x != y; break;
    case CompareOp::Gt: r = x > y; break;
    case CompareOp::Ge: r = x >= y; break;
    default: return false;
  }
  *out = Value::boolean(r);
  return true;
}

}  // namespace

// =============================================================================
// The dispatch loop
// =============================================================================

Value eval_frame(Isolate& I, Frame* entry, bool throwing) {
  Runtime& rt = I.rt;
  Frame* f = entry;
  Code* code;
  const uint32_t* first;
  const uint32_t* ip;
  Value* sp;
  Value* fast;
  const Value* consts;
  const Value* names;
  uint32_t word;
  uint32_t oparg;
  Tuple* kwnames = nullptr;
  int64_t cur_instr = 0;
  Value retval;

#define LOAD_FRAME()                   \
  do {                                 \
    code = f->code;                    \
    first = code->instrs;              \
    ip = f->ip;                        \
    sp = f->sp;                        \
    fast = f->localsplus;              \
    consts = code->consts->items;      \
    names = code->names->items;        \
  } while (0)
#define SYNC() (f->sp = sp)
#define PUSH(v) (*sp++ = (v))
#define POP() (*--sp)
#define TOP() (sp[-1])
#define SECOND() (sp[-2])
#define THIRD() (sp[-3])
#define NAME(i) (names[i].as<Str>())
#define JUMPTO(t) (ip = first + (t))
#define SAFE_POINT()                                                                              \
  do {                                                                                            \
    if (UNLIKELY(++I.steps > I.check_at || I.interrupt.load(std::memory_order_relaxed) ||         \
                 I.heap.wants_collection())) {                                                    \
      SYNC();                                                                                     \
      if (!vm_safe_point(I)) goto error;                                                          \
    }                                                                                             \
  } while (0)

#if CAPY_COMPUTED_GOTO
  static const void* const kTargets[] = {
#define CAPY_OPCODE(name, kind, effect, doc) &&L_##name,
#define CAPY_PSEUDO_OPCODE(name, doc) &&L_bad_opcode,
#include "compiler/opcodes.def"
      &&L_LOAD_GLOBAL_CACHED, &&L_LOAD_ATTR_CACHED, &&L_LOAD_METHOD_CACHED,
  };
  static_assert(sizeof(kTargets) / sizeof(kTargets[0]) == vmop::kEnd);
#define TARGET(name) L_##name:
#define VM_TARGET(name) L_##name:
#define DISPATCH()                  \
  do {                              \
    word = *ip++;                   \
    oparg = word >> 8;              \
    goto* kTargets[word & 0xFF];    \
  } while (0)
#define DISPATCH_WORD() goto* kTargets[word & 0xFF]
#else
#define TARGET(name) case static_cast<uint8_t>(Opcode::name): L_##name:
#define VM_TARGET(name) case vmop::name: L_##name:
#define DISPATCH() goto dispatch
#define DISPATCH_WORD() goto dispatch_word
#endif

  LOAD_FRAME();
  if (throwing) {
    cur_instr = ip - first - 1;
    goto error_nochain;
  }
  // Entering a frame from native code is a safe point too: a callback that
  // native code calls in a loop (a __eq__ probed by a dict, a sort key) may
  // never reach a backward jump or a call; and after a limit ended the run no
  // guest code starts, whatever the native caller did with the error.
  SAFE_POINT();

#if CAPY_COMPUTED_GOTO
  DISPATCH();
#else
dispatch:
  word = *ip++;
  oparg = word >> 8;
dispatch_word:
  switch (static_cast<uint8_t>(word & 0xFF)) {
#endif

  TARGET(NOP) { DISPATCH(); }

  TARGET(POP_TOP) {
    --sp;
    DISPATCH();
  }

  TARGET(PUSH_NULL) {
    PUSH(Value::null());
    DISPATCH();
  }

  TARGET(COPY) {
    Value v = sp[-static_cast<int64_t>(oparg)];
    PUSH(v);
    DISPATCH();
  }

  TARGET(SWAP) {
    Value t = sp[-1];
    sp[-1] = sp[-static_cast<int64_t>(oparg)];
    sp[-static_cast<int64_t>(oparg)] = t;
    DISPATCH();
  }

  TARGET(EXTENDED_ARG) {
    uint32_t ext = oparg;
    word = *ip++;
    oparg = (ext << 24) | (word >> 8);
    DISPATCH_WORD();
  }

  TARGET(LOAD_CONST) {
    PUSH(consts[oparg]);
    DISPATCH();
  }

  TARGET(LOAD_FAST) {
    Value v = fast[oparg];
    if (UNLIKELY(v.is_null())) {
      SYNC();
      unbound_local(I, code, oparg);
      goto error;
    }
    PUSH(v);
    DISPATCH();
  }

  TARGET(STORE_FAST) {
    fast[oparg] = POP();
    DISPATCH();
  }

  TARGET(DELETE_FAST) {
    if (UNLIKELY(fast[oparg].is_null())) {
      SYNC();
      unbound_local(I, code, oparg);
      goto error;
    }
    fast[oparg] = Value::null();
    DISPATCH();
  }

  TARGET(MAKE_CELL) {
    SYNC();
    Cell* c = cell_new(I, fast[oparg]);
    if (!c) goto error;
    fast[oparg] = Value::object(c);
    DISPATCH();
  }

  TARGET(COPY_FREE_VARS) {
    Tuple* cl = f->func ? f->func->closure : nullptr;
    uint32_t off = code->nlocalsplus - oparg;
    for (uint32_t i = 0; i < oparg; ++i) {
      fast[off + i] = (cl && i < cl->size()) ? cl->items[i] : Value::null();
    }
    DISPATCH();
  }

  TARGET(LOAD_CLOSURE) {
    PUSH(fast[oparg]);
    DISPATCH();
  }

  TARGET(LOAD_DEREF) {
    Value c = fast[oparg];
    Value v = c.is_object() ? c.as<Cell>()->value : Value::null();
    if (UNLIKELY(v.is_null())) {
      SYNC();
      unbound_deref(I, code, oparg);
      goto error;
    }
    PUSH(v);
    DISPATCH();
  }

  TARGET(LOAD_CLASSDEREF) {
    SYNC();
    Value v = load_classderef(I, f, oparg);
    if (v.is_error()) goto error;
    PUSH(v);
    DISPATCH();
  }

  TARGET(STORE_DEREF) {
    Value v = POP();
    fast[oparg].as<Cell>()->value = v;
    DISPATCH();
  }

  TARGET(DELETE_DEREF) {
    Cell* c = fast[oparg].as<Cell>();
    if (c->value.is_null()) {
      SYNC();
      unbound_deref(I, code, oparg);
      goto error;
    }
    c->value = Value::null();
    DISPATCH();
  }

  TARGET(LOAD_NAME) {
    SYNC();
    Value v = load_name(I, f, NAME(oparg));
    if (v.is_error()) goto error;
    PUSH(v);
    DISPATCH();
  }

  TARGET(STORE_NAME) {
    SYNC();
    if (store_name(I, f, NAME(oparg), TOP()) < 0) goto error;
    --sp;
    DISPATCH();
  }

  TARGET(DELETE_NAME) {
    SYNC();
    if (delete_name(I, f, NAME(oparg)) < 0) goto error;
    DISPATCH();
  }

  TARGET(LOAD_GLOBAL) {
    Str* name = NAME(oparg);
    Value v = dict_get_str(f->globals, name);
    if (v.is_null()) {
      v = dict_get_str(f->builtins, name);
      if (UNLIKELY(v.is_null())) {
        SYNC();
        name_error(I, name);
        goto error;
      }
    }
    PUSH(v);
    DISPATCH();
  }

  TARGET(STORE_GLOBAL) {
    SYNC();
    if (dict_set_str(I, f->globals, NAME(oparg), TOP()) < 0) goto error;
    --sp;
    DISPATCH();
  }

  TARGET(DELETE_GLOBAL) {
    SYNC();
    int r = dict_del(I, f->globals, Value::object(NAME(oparg)));
    if (r < 0) goto error;
    if (r == 0) {
      name_error(I, NAME(oparg));
      goto error;
    }
    DISPATCH();
  }

  TARGET(LOAD_ATTR) {
    SYNC();
    Value owner = TOP();
    Str* name = NAME(oparg);
    Value v;
    Type* t = type_of(rt, owner);
    if (t->getattr == generic_getattr) {
      v = generic_getattr(I, owner, name);
      if (v.is_null()) v = get_attr(I, owner, name);  // builds the AttributeError
    } else {
      v = get_attr(I, owner, name);
    }
    if (v.is_error()) goto error;
    sp[-1] = v;
    DISPATCH();
  }

  TARGET(STORE_ATTR) {
    SYNC();
    if (set_attr(I, TOP(), NAME(oparg), SECOND()) < 0) goto error;
    sp -= 2;
    DISPATCH();
  }

  TARGET(DELETE_ATTR) {
    SYNC();
    if (del_attr(I, TOP(), NAME(oparg)) < 0) goto error;
    --sp;
    DISPATCH();
  }

  TARGET(LOAD_METHOD) {
    SYNC();
    Value owner = TOP();
    Value m;
    int r = load_method(I, owner, NAME(oparg), &m);
    if (r < 0) goto error;
    if (r > 0) {
      sp[-1] = m;
      PUSH(owner);
    } else {
      sp[-1] = Value::null();
      PUSH(m);
    }
    DISPATCH();
  }

  TARGET(LOAD_BUILD_CLASS) {
    Value v = dict_get_str(f->builtins, rt.n___build_class__);
    if (v.is_null()) {
      SYNC();
      raise(I, rt.exc_NameError, "__build_class__ not found");
      goto error;
    }
    PUSH(v);
    DISPATCH();
  }

  TARGET(LOAD_ASSERTION_ERROR) {
    PUSH(Value::object(rt.exc_AssertionError));
    DISPATCH();
  }

  TARGET(SETUP_ANNOTATIONS) {
    SYNC();
    if (setup_annotations(I, f) < 0) goto error;
    DISPATCH();
  }

  TARGET(UNARY_POSITIVE) {
    Value v = TOP();
    if (v.is_small_int() || v.is_double()) DISPATCH();
    SYNC();
    Value r = positive(I, v);
    if (r.is_error()) goto error;
    sp[-1] = r;
    DISPATCH();
  }

  TARGET(UNARY_NEGATIVE) {
    Value v = TOP();
    if (v.is_small_int() && v.as_small_int() != Value::kSmallIntMin) {
      sp[-1] = Value::small_int(-v.as_small_int());
      DISPATCH();
    }
    if (v.is_double()) {
      sp[-1] = Value::from_double(-v.as_double());
      DISPATCH();
    }
    SYNC();
    Value r = negative(I, v);
    if (r.is_error()) goto error;
    sp[-1] = r;
    DISPATCH();
  }

  TARGET(UNARY_NOT) {
    Value v = TOP();
    if (v.is_bool()) {
      sp[-1] = Value::boolean(!v.as_bool());
      DISPATCH();
    }
    SYNC();
    int t = truthy(I, v);
    if (t < 0) goto error;
    sp[-1] = Value::boolean(!t);
    DISPATCH();
  }

  TARGET(UNARY_INVERT) {
    Value v = TOP();
    if (v.is_small_int()) {
      sp[-1] = Value::small_int(~v.as_small_int());
      DISPATCH();
    }
    SYNC();
    Value r = invert(I, v);
    if (r.is_error()) goto error;
    sp[-1] = r;
    DISPATCH();
  }

  TARGET(BINARY_OP) {
    Value b = TOP(), a = SECOND(), r;
    if (LIKELY(fast_binop(oparg, a, b, &r))) {
      --sp;
      sp[-1] = r;
      DISPATCH();
    }
    SYNC();
    if (oparg >= static_cast<uint32_t>(kInplaceOffset)) {
      r = inplace_op(I, a, b, static_cast<NbOp>(oparg - kInplaceOffset));
    } else {
      r = binary_op(I, a, b, static_cast<NbOp>(oparg));
    }
    if (r.is_error()) goto error;
    --sp;
    sp[-1] = r;
    DISPATCH();
  }

  TARGET(COMPARE_OP) {
    Value b = TOP(), a = SECOND(), r;
    if (LIKELY(fast_compare(oparg, a, b, &r))) {
      --sp;
      sp[-1] = r;
      DISPATCH();
    }
    SYNC();
    r = rich_compare(I, a, b, static_cast<CompareOp>(oparg));
    if (r.is_error()) goto error;
    --sp;
    sp[-1] = r;
    DISPATCH();
  }

  TARGET(IS_OP) {
    bool r = SECOND().is(TOP()) != (oparg != 0);
    --sp;
    sp[-1] = Value::boolean(r);
    DISPATCH();
  }

  TARGET(CONTAINS_OP) {
    SYNC();
    int r = contains(I, TOP(), SECOND());
    if (r < 0) goto error;
    --sp;
    sp[-1] = Value::boolean((r != 0) != (oparg != 0));
    DISPATCH();
  }

  TARGET(BINARY_SUBSCR) {
    Value sub = TOP(), container = SECOND();
    if (container.is_object() && sub.is_small_int()) {
      Object* o = container.as_object();
      int64_t i = sub.as_small_int();
      if (o->type_ == rt.list_type) {
        List* l = static_cast<List*>(o);
        if (i < 0) i += static_cast<int64_t>(l->size);
        if (i >= 0 && static_cast<uint64_t>(i) < l->size) {
          --sp;
          sp[-1] = l->items[i];
          DISPATCH();
        }
      } else if (o->type_ == rt.tuple_type) {
        Tuple* t = static_cast<Tuple*>(o);
        if (i < 0) i += static_cast<int64_t>(t->size());
        if (i >= 0 && static_cast<uint64_t>(i) < t->size()) {
          --sp;
          sp[-1] = t->items[i];
          DISPATCH();
        }
      }
    }
    SYNC();
    Value r = get_item(I, container, sub);
    if (r.is_error()) goto error;
    --sp;
    sp[-1] = r;
    DISPATCH();
  }

  TARGET(STORE_SUBSCR) {
    Value sub = TOP(), container = SECOND(), v = THIRD();
    if (container.is_object() && sub.is_small_int() && container.as_object()->type_ == rt.list_type) {
      List* l = container.as<List>();
      int64_t i = sub.as_small_int();
      if (i < 0) i += static_cast<int64_t>(l->size);
      if (i >= 0 && static_cast<uint64_t>(i) < l->size) {
        l->items[i] = v;
        sp -= 3;
        DISPATCH();
      }
    }
    SYNC();
    if (set_item(I, container, sub, v) < 0) goto error;
    sp -= 3;
    DISPATCH();
  }

  TARGET(DELETE_SUBSCR) {
    SYNC();
    if (del_item(I, SECOND(), TOP()) < 0) goto error;
    sp -= 2;
    DISPATCH();
  }

  TARGET(BUILD_SLICE) {
    SYNC();
    Value step = oparg == 3 ? POP() : Value::none();
    Value stop = POP();
    Value start = TOP();
    Value s = slice_new(I, start, stop, step);
    if (s.is_error()) goto error;
    sp[-1] = s;
    DISPATCH();
  }

  TARGET(BUILD_TUPLE) {
    Value t;
    if (oparg == 0) {
      t = Value::object(rt.empty_tuple);
    } else {
      SYNC();
      t = tuple_value(I, sp - oparg, oparg);
      if (t.is_error()) goto error;
    }
    sp -= oparg;
    PUSH(t);
    DISPATCH();
  }

  TARGET(BUILD_LIST) {
    SYNC();
    Value l = list_value(I, sp - oparg, oparg);
    if (l.is_error()) goto error;
    sp -= oparg;
    PUSH(l);
    DISPATCH();
  }

  TARGET(BUILD_SET) {
    SYNC();
    Value s = build_set(I, sp - oparg, oparg);
    if (s.is_error()) goto error;
    sp -= oparg;
    PUSH(s);
    DISPATCH();
  }

  TARGET(BUILD_MAP) {
    SYNC();
    Value d = build_map(I, sp - 2 * oparg, oparg);
    if (d.is_error()) goto error;
    sp -= 2 * oparg;
    PUSH(d);
    DISPATCH();
  }

  TARGET(BUILD_CONST_KEY_MAP) {
    SYNC();
    Value d = build_const_key_map(I, sp - 1 - oparg, oparg, TOP());
    if (d.is_error()) goto error;
    sp -= oparg + 1;
    PUSH(d);
    DISPATCH();
  }

  TARGET(BUILD_STRING) {
    SYNC();
    Value s = build_string(I, sp - oparg, oparg);
    if (s.is_error()) goto error;
    sp -= oparg;
    PUSH(s);
    DISPATCH();
  }

  TARGET(LIST_APPEND) {
    Value v = TOP();
    SYNC();
    if (list_append(I, sp[-1 - static_cast<int64_t>(oparg)].as<List>(), v) < 0) goto error;
    --sp;
    DISPATCH();
  }

  TARGET(SET_ADD) {
    Value v = TOP();
    SYNC();
    if (set_add(I, sp[-1 - static_cast<int64_t>(oparg)].as<Set>(), v) < 0) goto error;
    --sp;
    DISPATCH();
  }

  TARGET(MAP_ADD) {
    Value v = TOP(), k = SECOND();
    SYNC();
    if (dict_set(I, sp[-2 - static_cast<int64_t>(oparg)].as<Dict>(), k, v) < 0) goto error;
    sp -= 2;
    DISPATCH();
  }

  TARGET(LIST_EXTEND) {
    SYNC();
    if (list_extend_op(I, sp[-1 - static_cast<int64_t>(oparg)].as<List>(), TOP()) < 0) goto error;
    --sp;
    DISPATCH();
  }

  TARGET(SET_UPDATE) {
    SYNC();
    if (set_update(I, sp[-1 - static_cast<int64_t>(oparg)].as<Set>(), TOP()) < 0) goto error;
    --sp;
    DISPATCH();
  }

  TARGET(DICT_UPDATE) {
    SYNC();
    if (dict_update_op(I, sp[-1 - static_cast<int64_t>(oparg)].as<Dict>(), TOP()) < 0) goto error;
    --sp;
    DISPATCH();
  }

  TARGET(DICT_MERGE) {
    SYNC();
    Value update = TOP();
    Dict* d = sp[-1 - static_cast<int64_t>(oparg)].as<Dict>();
    Value func = sp[-3 - static_cast<int64_t>(oparg)];
    if (dict_merge_kwargs(I, d, update, func) < 0) goto error;
    --sp;
    DISPATCH();
  }

  TARGET(LIST_TO_TUPLE) {
    SYNC();
    List* l = TOP().as<List>();
    Value t = tuple_value(I, l->items, l->size);
    if (t.is_error()) goto error;
    sp[-1] = t;
    DISPATCH();
  }

  TARGET(UNPACK_SEQUENCE) {
    Value seq = TOP();
    if (seq.is_object() && seq.as_object()->type_ == rt.tuple_type && seq.as<Tuple>()->size() == oparg) {
      Tuple* t = seq.as<Tuple>();
      --sp;
      for (uint32_t i = oparg; i-- > 0;) PUSH(t->items[i]);
      DISPATCH();
    }
    SYNC();
    // The items are written above the sequence (still on the stack for the GC).
    for (uint32_t i = 0; i < oparg; ++i) sp[i] = Value::none();
    f->sp = sp + oparg;
    if (unpack_sequence(I, seq, oparg, sp) < 0) goto error;
    for (uint32_t i = 0; i < oparg; ++i) sp[static_cast<int64_t>(i) - 1] = sp[i];
    sp += oparg - 1;
    DISPATCH();
  }

  TARGET(UNPACK_EX) {
    Value seq = TOP();
    uint32_t before = oparg & 0xFF, after = oparg >> 8;
    uint32_t total = before + 1 + after;
    SYNC();
    for (uint32_t i = 0; i < total; ++i) sp[i] = Value::none();
    f->sp = sp + total;
    if (unpack_ex(I, seq, before, after, sp) < 0) goto error;
    for (uint32_t i = 0; i < total; ++i) sp[static_cast<int64_t>(i) - 1] = sp[i];
    sp += total - 1;
    DISPATCH();
  }

  TARGET(FORMAT_VALUE) {
    SYNC();
    Value spec = (oparg & compiler::kFormatHaveSpec) ? POP() : Value::null();
    Value r = format_value(I, TOP(), oparg, spec);
    if (r.is_error()) goto error;
    sp[-1] = r;
    DISPATCH();
  }

  TARGET(KW_NAMES) {
    kwnames = consts[oparg].as<Tuple>();
    DISPATCH();
  }

  TARGET(CALL) {
    Value* base = sp - oparg - 2;
    Value callable;
    Value* args;
    uint32_t nargs = oparg;
    if (base[0].is_null()) {
      callable = base[1];
      args = base + 2;
      if (callable.is_object() && callable.as_object()->type_ == rt.method_type) {
        Method* m = callable.as<Method>();
        base[0] = m->func;
        base[1] = m->self;
        callable = m->func;
        args = base + 1;
        ++nargs;
      }
    } else {
      callable = base[0];
      args = base + 1;
      ++nargs;
    }
    Tuple* kw = kwnames;
    kwnames = nullptr;
    size_t npos = nargs - (kw ? kw->size() : 0);
    SAFE_POINT();
    if (callable.is_object() && callable.as_object()->type_ == rt.function_type) {
      Function* fn = callable.as<Function>();
      Code* co = fn->code;
      if (LIKELY(!(co->flags & kGenFlags))) {
        if (UNLIKELY(I.call_depth >= I.recursion_limit)) {
          SYNC();
          raise(I, rt.exc_RecursionError, "maximum recursion depth exceeded");
          goto error;
        }
        Frame* nf;
        uint32_t bytes = co->frame_bytes;
        if (LIKELY(f->flags & kFrameOnStack) &&
            reinterpret_cast<char*>(f) + f->alloc_bytes + bytes <= f->chunk->end) {
          nf = reinterpret_cast<Frame*>(reinterpret_cast<char*>(f) + f->alloc_bytes);
          nf->chunk = f->chunk;
        } else {
          SYNC();
          nf = frame_alloc(I, bytes);
          if (!nf) {
            raise_memory(I);
            goto error;
          }
        }
        nf->code = co;
        nf->func = fn;
        nf->globals = fn->globals;
        nf->builtins = fn->builtins;
        nf->locals = nullptr;
        nf->ip = co->instrs;
        nf->gen = nullptr;
        nf->flags = kFrameOnStack;
        nf->alloc_bytes = bytes;
        Value* lp = nf->localsplus;
        uint32_t nlp = co->nlocalsplus;
        nf->sp = lp + nlp;
        if ((co->flags & kCodeSimpleArgs) && !kw && npos == co->argcount) {
          uint32_t i = 0;
          for (; i < npos; ++i) lp[i] = args[i];
          for (; i < nlp; ++i) lp[i] = Value::null();
        } else {
          for (uint32_t i = 0; i < nlp; ++i) lp[i] = Value::null();
          SYNC();
          if (bind_arguments(I, fn, lp, args, npos, kw) < 0) {
            frame_free(I, nf);
            goto error;
          }
        }
        f->ip = ip;
        f->sp = base;
        nf->back = f;
        I.frame = nf;
        ++I.call_depth;
        f = nf;
        LOAD_FRAME();
        DISPATCH();
      }
    }
    SYNC();
    // CPython checks the depth around every call of a non-Python callable
    // from the loop (so native recursion such as __repr__ calling repr()
    // ends in RecursionError with this message).
    if (UNLIKELY(++I.call_depth > I.recursion_limit)) {
      --I.call_depth;
      raise(I, rt.exc_RecursionError, "maximum recursion depth exceeded while calling a Python object");
      goto error;
    }
    Value r = call(I, callable, args, npos, kw);
    --I.call_depth;
    if (r.is_error()) goto error;
    sp = base;
    PUSH(r);
    DISPATCH();
  }

  TARGET(CALL_FUNCTION_EX) {
    SYNC();
    Value kwargs = (oparg & 1) ? TOP() : Value::null();
    Value* base = sp - ((oparg & 1) ? 4 : 3);
    Value func = base[1];
    Value callargs = base[2];
    SAFE_POINT();
    Value r = call_function_ex(I, func, callargs, kwargs);
    if (r.is_error()) goto error;
    sp = base;
    PUSH(r);
    DISPATCH();
  }

  TARGET(MAKE_FUNCTION) {
    SYNC();
    Value* nsp;
    Value fn = make_function(I, f, oparg, sp, &nsp);
    if (fn.is_error()) goto error;
    sp = nsp;
    PUSH(fn);
    DISPATCH();
  }

  TARGET(RETURN_VALUE) {
    retval = POP();
    if (f->flags & kFrameEntry) {
      f->sp = sp;
      goto exit_return;
    }
    Frame* caller = f->back;
    --I.call_depth;
    I.frame = caller;
    frame_free(I, f);
    f = caller;
    LOAD_FRAME();
    PUSH(retval);
    DISPATCH();
  }

  TARGET(JUMP) {
    JUMPTO(oparg);
    DISPATCH();
  }

  TARGET(JUMP_BACKWARD) {
    JUMPTO(oparg);
    SAFE_POINT();
    DISPATCH();
  }

  TARGET(JUMP_BACKWARD_NO_INTERRUPT) {
    JUMPTO(oparg);
    DISPATCH();
  }

  TARGET(POP_JUMP_IF_FALSE) {
    Value v = POP();
    if (v.is_false()) {
      JUMPTO(oparg);
    } else if (!v.is_true()) {
      SYNC();
      int t = truthy(I, v);
      if (t < 0) goto error;
      if (!t) JUMPTO(oparg);
    }
    DISPATCH();
  }

  TARGET(POP_JUMP_IF_TRUE) {
    Value v = POP();
    if (v.is_true()) {
      JUMPTO(oparg);
    } else if (!v.is_false()) {
      SYNC();
      int t = truthy(I, v);
      if (t < 0) goto error;
      if (t) JUMPTO(oparg);
    }
    DISPATCH();
  }

  TARGET(POP_JUMP_IF_NONE) {
    if (POP().is_none()) JUMPTO(oparg);
    DISPATCH();
  }

  TARGET(POP_JUMP_IF_NOT_NONE) {
    if (!POP().is_none()) JUMPTO(oparg);
    DISPATCH();
  }

  TARGET(JUMP_IF_FALSE_OR_POP) {
    Value v = TOP();
    int t;
    if (v.is_bool()) {
      t = v.as_bool();
    } else {
      SYNC();
      t = truthy(I, v);
      if (t < 0) goto error;
    }
    if (!t) JUMPTO(oparg);
    else --sp;
    DISPATCH();
  }

  TARGET(JUMP_IF_TRUE_OR_POP) {
    Value v = TOP();
    int t;
    if (v.is_bool()) {
      t = v.as_bool();
    } else {
      SYNC();
      t = truthy(I, v);
      if (t < 0) goto error;
    }
    if (t) JUMPTO(oparg);
    else --sp;
    DISPATCH();
  }

  TARGET(GET_ITER) {
    SYNC();
    Value it = get_iter(I, TOP());
    if (it.is_error()) goto error;
    sp[-1] = it;
    DISPATCH();
  }

  TARGET(FOR_ITER) {
    Value it = TOP();
    if (LIKELY(it.is_object())) {
      Object* o = it.as_object();
      if (o->type_ == rt.range_iterator_type) {
        RangeIter* r = static_cast<RangeIter*>(o);
        if (!r->big && Value::fits_small_int(r->next)) {
          if (r->remaining > 0) {
            int64_t v = r->next;
            r->next = static_cast<int64_t>(static_cast<uint64_t>(v) + static_cast<uint64_t>(r->step));
            --r->remaining;
            PUSH(Value::small_int(v));
            DISPATCH();
          }
          --sp;
          JUMPTO(oparg);
          DISPATCH();
        }
      } else if (o->type_ == rt.list_iterator_type) {
        ListIter* li = static_cast<ListIter*>(o);
        List* l = li->list;
        if (l && li->index >= 0 && static_cast<uint64_t>(li->index) < l->size) {
          PUSH(l->items[li->index++]);
          DISPATCH();
        }
        li->list = nullptr;
        --sp;
        JUMPTO(oparg);
        DISPATCH();
      } else if (o->type_ == rt.tuple_iterator_type) {
        TupleIter* ti = static_cast<TupleIter*>(o);
        Tuple* t = ti->tuple;
        if (t && static_cast<uint64_t>(ti->index) < t->size()) {
          PUSH(t->items[ti->index++]);
          DISPATCH();
        }
        ti->tuple = nullptr;
        --sp;
        JUMPTO(oparg);
        DISPATCH();
      }
    }
    SYNC();
    Value v = iter_next(I, it);
    if (v.is_error()) goto error;
    if (v.is_null()) {
      --sp;
      JUMPTO(oparg);
      DISPATCH();
    }
    PUSH(v);
    DISPATCH();
  }

  TARGET(YIELD_VALUE) {
    retval = POP();
    f->ip = ip;
    f->sp = sp;
    if (f->gen) f->gen->yielded = 1;
    goto exit_yield;
  }

  TARGET(ASYNC_GEN_WRAP) {
    SYNC();
    raise(I, rt.exc_SystemError, "async generators are not supported");
    goto error;
  }

  TARGET(GET_YIELD_FROM_ITER) {
    SYNC();
    Value it = get_yield_from_iter(I, code, TOP());
    if (it.is_error()) goto error;
    sp[-1] = it;
    DISPATCH();
  }

  TARGET(SEND) {
    Value v = TOP(), receiver = SECOND();
    SYNC();
    Value out;
    int res;
    if (receiver.is_object() &&
        (receiver.as_object()->type_ == rt.generator_type || receiver.as_object()->type_ == rt.coroutine_type)) {
      GenResult gr = gen_send_ex(I, receiver.as<Generator>(), v, &out);
      res = gr == GenResult::Yield ? 0 : gr == GenResult::Return ? 1 : -1;
    } else {
      res = send_other(I, receiver, v, &out);
    }
    if (res < 0) goto error;
    if (res == 0) {
      sp[-1] = out;
      DISPATCH();
    }
    --sp;
    sp[-1] = out;
    JUMPTO(oparg);
    DISPATCH();
  }

  TARGET(CLEANUP_THROW) {
    Value exc = TOP();
    if (is_subtype(type_of(rt, exc), rt.exc_StopIteration)) {
      SYNC();
      Value v = get_attr_opt(I, exc, rt.n_value);
      if (v.is_error()) goto error;
      if (v.is_null()) v = Value::none();
      sp -= 3;
      PUSH(v);
      DISPATCH();
    }
    I.pending = exc.as<BaseExc>();
    --sp;
    SYNC();
    cur_instr = ip - first - 1;
    goto exception_unwind;
  }

  TARGET(GET_AWAITABLE) {
    SYNC();
    Value aw = get_awaitable(I, TOP(), static_cast<int>(oparg));
    if (aw.is_error()) goto error;
    sp[-1] = aw;
    DISPATCH();
  }

  TARGET(GET_AITER) {
    SYNC();
    Value it = get_aiter(I, TOP());
    if (it.is_error()) goto error;
    sp[-1] = it;
    DISPATCH();
  }

  TARGET(GET_ANEXT) {
    SYNC();
    Value aw = get_anext(I, TOP());
    if (aw.is_error()) goto error;
    PUSH(aw);
    DISPATCH();
  }

  TARGET(END_ASYNC_FOR) {
    Value exc = TOP();
    if (is_subtype(type_of(rt, exc), rt.exc_StopAsyncIteration)) {
      sp -= 2;
      DISPATCH();
    }
    I.pending = exc.as<BaseExc>();
    --sp;
    SYNC();
    cur_instr = ip - first - 1;
    goto exception_unwind;
  }

  TARGET(BEFORE_ASYNC_WITH) {
    SYNC();
    Value exit;
    Value res = before_with(I, TOP(), true, &exit);
    if (res.is_error()) goto error;
    sp[-1] = exit;
    PUSH(res);
    DISPATCH();
  }

  TARGET(RAISE_VARARGS) {
    SYNC();
    if (oparg == 0) {
      do_reraise(I);
      cur_instr = ip - first - 1;
      goto exception_unwind;
    }
    Value cause = oparg == 2 ? POP() : Value::null();
    Value exc = POP();
    SYNC();
    do_raise(I, exc, cause);
    cur_instr = ip - first - 1;
    goto error_nochain;
  }

  TARGET(PUSH_EXC_INFO) {
    Value exc = TOP();
    Value prev;
    push_exc_info(I, f, exc, &prev);
    sp[-1] = prev;
    PUSH(exc);
    DISPATCH();
  }

  TARGET(POP_EXCEPT) {
    Value prev = POP();
    pop_except(I, f, prev);
    DISPATCH();
  }

  TARGET(CHECK_EXC_MATCH) {
    SYNC();
    Value type = TOP();
    if (check_except_type_valid(I, type) < 0) goto error;
    sp[-1] = Value::boolean(exc_matches(I, SECOND(), type));
    DISPATCH();
  }

  TARGET(CHECK_EG_MATCH) {
    SYNC();
    Value type = TOP();
    if (check_except_star_type_valid(I, type) < 0) goto error;
    Value match, rest;
    if (exception_group_split(I, SECOND(), type, &match, &rest) < 0) goto error;
    if (match.is_none()) {
      sp[-1] = match;  // (exc, None)
    } else {
      sp[-2] = rest;
      sp[-1] = match;
      Value prev;
      push_exc_info(I, f, match, &prev);
      (void)prev;
    }
    DISPATCH();
  }

  TARGET(PREP_RERAISE_STAR) {
    SYNC();
    Value r = prep_reraise_star(I, SECOND(), TOP());
    if (r.is_error()) goto error;
    --sp;
    sp[-1] = r;
    DISPATCH();
  }

  TARGET(RERAISE) {
    Value exc = POP();
    I.pending = exc.as<BaseExc>();
    SYNC();
    cur_instr = ip - first - 1;
    goto exception_unwind;
  }

  TARGET(BEFORE_WITH) {
    SYNC();
    Value exit;
    Value res = before_with(I, TOP(), false, &exit);
    if (res.is_error()) goto error;
    sp[-1] = exit;
    PUSH(res);
    DISPATCH();
  }

  TARGET(WITH_EXCEPT_START) {
    SYNC();
    Value exc = TOP();
    Value exit = sp[-4];
    Value tb = exc.is_object() ? exc.as<BaseExc>()->traceback : Value::none();
    if (tb.is_null()) tb = Value::none();
    Value args[3] = {Value::object(type_of(rt, exc)), exc, tb};
    Value r = call(I, exit, args, 3, nullptr);
    if (r.is_error()) goto error;
    PUSH(r);
    DISPATCH();
  }

  TARGET(IMPORT_NAME) {
    SYNC();
    Value fromlist = TOP(), level = SECOND();
    Value m = import_name(I, f, NAME(oparg), fromlist, level);
    if (m.is_error()) goto error;
    --sp;
    sp[-1] = m;
    DISPATCH();
  }

  TARGET(IMPORT_FROM) {
    SYNC();
    Value v = import_from(I, TOP(), NAME(oparg));
    if (v.is_error()) goto error;
    PUSH(v);
    DISPATCH();
  }

  TARGET(IMPORT_STAR) {
    SYNC();
    if (import_star(I, f, TOP()) < 0) goto error;
    --sp;
    DISPATCH();
  }

  TARGET(GET_LEN) {
    SYNC();
    int64_t n = length(I, TOP());
    if (n < 0) goto error;
    Value v = int_from_i64(I, n);
    if (v.is_error()) goto error;
    PUSH(v);
    DISPATCH();
  }

  TARGET(MATCH_MAPPING) {
    bool m = type_is_mapping(I, type_of(rt, TOP()));
    PUSH(Value::boolean(m));
    DISPATCH();
  }

  TARGET(MATCH_SEQUENCE) {
    bool m = type_is_sequence(I, type_of(rt, TOP()));
    PUSH(Value::boolean(m));
    DISPATCH();
  }

  TARGET(MATCH_KEYS) {
    SYNC();
    Value r = match_keys(I, SECOND(), TOP());
    if (r.is_error()) goto error;
    PUSH(r);
    DISPATCH();
  }

  TARGET(MATCH_CLASS) {
    SYNC();
    Value names_t = TOP(), cls = SECOND(), subject = THIRD();
    Value r = match_class(I, subject, cls, oparg, names_t);
    if (r.is_error()) goto error;
    sp -= 2;
    sp[-1] = r;
    DISPATCH();
  }

  TARGET(PRINT_EXPR) {
    SYNC();
    if (print_expr(I, TOP()) < 0) goto error;
    --sp;
    DISPATCH();
  }

  VM_TARGET(LOAD_GLOBAL_CACHED) {
    InlineCache& ic = code->caches[oparg];
    Str* name = NAME(ic.operand);
    Dict* g = f->globals;
    if (LIKELY(ic.key == g)) {
      if (ic.key2 == nullptr) {
        Value v = dict_hint_get(g, ic.index, name);
        if (LIKELY(!v.is_null())) {
          PUSH(v);
          DISPATCH();
        }
      } else if (ic.version == g->version && ic.key2 == f->builtins) {
        Value v = dict_hint_get(f->builtins, ic.index, name);
        if (LIKELY(!v.is_null())) {
          PUSH(v);
          DISPATCH();
        }
      }
    }
    SYNC();
    Value v = load_global_fill(I, f, name, ic);
    if (v.is_error()) goto error;
    PUSH(v);
    DISPATCH();
  }

  VM_TARGET(LOAD_ATTR_CACHED) {
    InlineCache& ic = code->caches[oparg];
    Str* name = NAME(ic.operand);
    Value owner = TOP();
    SYNC();
    bool is_method = false;
    Value v = attr_cache_get(I, owner, name, ic, false, &is_method);
    if (LIKELY(!v.is_null())) {
      if (v.is_error()) goto error;
      sp[-1] = v;
      DISPATCH();
    }
    attr_cache_fill(I, owner, name, ic);
    v = get_attr(I, owner, name);
    if (v.is_error()) goto error;
    sp[-1] = v;
    DISPATCH();
  }

  VM_TARGET(LOAD_METHOD_CACHED) {
    InlineCache& ic = code->caches[oparg];
    Str* name = NAME(ic.operand);
    Value owner = TOP();
    SYNC();
    bool is_method = false;
    Value v = attr_cache_get(I, owner, name, ic, true, &is_method);
    if (LIKELY(!v.is_null())) {
      if (v.is_error()) goto error;
      if (is_method) {
        sp[-1] = v;
        PUSH(owner);
      } else {
        sp[-1] = Value::null();
        PUSH(v);
      }
      DISPATCH();
    }
    attr_cache_fill(I, owner, name, ic);
    int r = load_method(I, owner, name, &v);
    if (r < 0) goto error;
    if (r > 0) {
      sp[-1] = v;
      PUSH(owner);
    } else {
      sp[-1] = Value::null();
      PUSH(v);
    }
    DISPATCH();
  }

  L_bad_opcode : {
    SYNC();
    raisef(I, rt.exc_SystemError, "unknown opcode %u", word & 0xFF);
    goto error;
  }

#if !CAPY_COMPUTED_GOTO
    default:
      goto L_bad_opcode;
  }
#endif

  // --- error handling ----------------------------------------------------------------

error:
  cur_instr = ip - first - 1;
  if (I.pending && I.handled) chain_pending_context(I);
error_nochain:
  if (UNLIKELY(I.ended != LimitKind::None)) goto exit_ended;
  if (I.pending) {
    exception_add_traceback(I, I.pending, code, static_cast<uint32_t>(cur_instr < 0 ? 0 : cur_instr));
  }
exception_unwind:
  kwnames = nullptr;
  if (UNLIKELY(I.ended != LimitKind::None || !I.pending)) {
    if (!I.pending && I.ended == LimitKind::None) raise(I, rt.exc_SystemError, "error return without exception set");
    if (I.ended != LimitKind::None) goto exit_ended;
  }
  {
    const compiler::ExceptionTableEntry* h = find_handler(code, cur_instr);
    if (h) {
      sp = f->localsplus + code->nlocalsplus + h->depth;
      if (h->push_lasti) PUSH(Value::small_int(cur_instr));
      PUSH(Value::object(I.take_pending()));
      JUMPTO(h->target);
      DISPATCH();
    }
  }
  // No handler: leave this frame.
  if (f->flags & kFrameEntry) {
    f->sp = f->localsplus + code->nlocalsplus;
    retval = Value::error();
    goto exit_frame;
  }
  {
    Frame* caller = f->back;
    --I.call_depth;
    I.frame = caller;
    frame_free(I, f);
    f = caller;
    LOAD_FRAME();
    cur_instr = ip - first - 1;
    goto error_nochain;
  }

exit_ended:
  // A limit ended the run: unwind without running any handler.
  while (!(f->flags & kFrameEntry)) {
    Frame* caller = f->back;
    --I.call_depth;
    I.frame = caller;
    frame_free(I, f);
    f = caller;
  }
  f->sp = f->localsplus + f->code->nlocalsplus;
  I.pending = nullptr;
  retval = Value::error();
  goto exit_frame;

exit_return:
exit_frame:
  --I.call_depth;
  I.frame = f->back;
  if (f->gen) {
    f->gen->yielded = 0;
  } else {
    frame_free(I, f);
  }
  return retval;

exit_yield:
  --I.call_depth;
  I.frame = f->back;
  return retval;

#undef LOAD_FRAME
#undef SYNC
#undef PUSH
#undef POP
#undef TOP
#undef SECOND
#undef THIRD
#undef NAME
#undef JUMPTO
#undef SAFE_POINT
#undef TARGET
#undef VM_TARGET
#undef DISPATCH
#undef DISPATCH_WORD
}

}  // namespace capy
