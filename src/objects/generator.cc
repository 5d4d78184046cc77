// Generators and coroutines: CPython 3.11's genobject.c on capy's frames.
#include "objects/generator.h"

#include <cstdio>
#include <cstring>
#include <string>

#include "compiler/code_unit.h"
#include "compiler/opcodes.h"
#include "objects/dict.h"
#include "objects/exception.h"
#include "objects/function.h"
#include "objects/native.h"
#include "objects/ops.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "vm/interpreter.h"
#include "vm/vm_internal.h"

namespace capy {

namespace {

struct CoroWrapper : Object {
  Generator* coro;
};

bool is_gen_or_coro(Isolate& I, Value v) {
  if (!v.is_object()) return false;
  Type* t = v.as_object()->type_;
  return t == I.rt.generator_type || t == I.rt.coroutine_type;
}

const char* kind_name(Generator* g) { return g->is_coroutine ? "coroutine" : "generator"; }

void gen_trace(Object* o, Tracer& t) {
  Generator* g = static_cast<Generator*>(o);
  t.visit(g->code);
  t.visit(g->name);
  t.visit(g->qualname);
  t.visit(g->exc_state);
  t.visit(g->saved_handled);
  if (g->state != GenState::Done && g->frame()->code) trace_frame(g->frame(), t);
}

Value make_stop_iteration(Isolate& I, Value value) {
  Tuple* args;
  if (value.is_none()) {
    args = I.rt.empty_tuple;
  } else {
    args = tuple_from(I, &value, 1);
    if (!args) return Value::error();
  }
  BaseExc* e = exception_new(I, I.rt.exc_StopIteration, args);
  if (!e) return Value::error();
  I.pending = e;
  return Value::error();
}

// _PyErr_FormatFromCause(RuntimeError, msg) for PEP 479.
void raise_from_pending(Isolate& I, Type* type, const char* msg) {
  BaseExc* cause = I.take_pending();
  raise(I, type, msg);
  BaseExc* e = I.pending;
  if (e && cause) {
    e->cause = Value::object(cause);
    e->context = Value::object(cause);
    e->suppress_context = true;
  }
}

}  // namespace

bool is_generator(Isolate& I, Value v) { return v.is_object() && v.as_object()->type_ == I.rt.generator_type; }
bool is_coroutine(Isolate& I, Value v) { return v.is_object() && v.as_object()->type_ == I.rt.coroutine_type; }

Generator* generator_new(Isolate& I, Function* fn, const Value* localsplus, uint32_t nlocalsplus) {
  Code* co = fn->code;
  if (co->flags & compiler::CO_ASYNC_GENERATOR) {
    raise(I, I.rt.exc_NotImplementedError, "asynchronous generators are not supported");
    return nullptr;
  }
  Type* t = (co->flags & compiler::CO_COROUTINE) ? I.rt.coroutine_type : I.rt.generator_type;
  size_t size = sizeof(Generator) + co->frame_bytes;
  Generator* g = static_cast<Generator*>(I.heap.alloc_object(t, size));
  if (!g) {
    raise_memory(I);
    return nullptr;
  }
  g->code = co;
  g->name = fn->name;
  g->qualname = fn->qualname;
  g->state = GenState::Created;
  g->is_coroutine = (t == I.rt.coroutine_type);
  g->frame_bytes = co->frame_bytes;
  Frame* f = g->frame();
  f->code = co;
  f->func = fn;
  f->globals = fn->globals;
  f->builtins = fn->builtins;
  f->locals = nullptr;
  f->back = nullptr;
  f->ip = co->instrs;
  f->gen = g;
  f->chunk = nullptr;
  f->flags = 0;
  f->alloc_bytes = co->frame_bytes;
  for (uint32_t i = 0; i < nlocalsplus; ++i) f->localsplus[i] = localsplus[i];
  f->sp = f->localsplus + co->nlocalsplus;
  return g;
}

Value gen_yieldfrom(Generator* g) {
  if (g->state != GenState::Suspended) return Value::null();
  Frame* f = g->frame();
  if (f->ip <= f->code->instrs) return Value::null();
  uint32_t last = f->ip[-1];
  if (compiler::opcode_of(last) != compiler::Opcode::YIELD_VALUE || compiler::operand_of(last) != 1)
    return Value::null();
  return f->sp[-1];
}

// gen_send_ex2: arg null = next() (no value); exc: an exception is pending
// and is raised at the resume point; closing: called from close().
static GenResult gen_send_ex2(Isolate& I, Generator* g, Value arg, bool exc, bool closing, Value* out) {
  *out = Value::null();
  if (g->state == GenState::Created && !exc && !arg.is_null() && !arg.is_none()) {
    raisef(I, I.rt.exc_TypeError, "can't send non-None value to a just-started %s", kind_name(g));
    return GenResult::Error;
  }
  if (g->state == GenState::Running) {
    raisef(I, I.rt.exc_ValueError, "%s already executing", kind_name(g));
    return GenResult::Error;
  }
  if (g->state == GenState::Done) {
    if (g->is_coroutine && !closing) {
      raise(I, I.rt.exc_RuntimeError, "cannot reuse already awaited coroutine");
    } else if (!arg.is_null() && !exc) {
      *out = Value::none();
      return GenResult::Return;
    }
    return GenResult::Error;
  }
  Frame* f = g->frame();
  if (g->state != GenState::Created) *f->sp++ = arg.is_null() ? Value::none() : arg;
  if (exc && g->exc_state && I.pending && I.pending != g->exc_state) {
    BaseExc* e = I.pending;
    // _PyErr_ChainStackItem: the generator's own handled exception becomes the context.
    I.pending = nullptr;
    BaseExc* saved = I.handled;
    I.handled = g->exc_state;
    set_pending_chained(I, e);
    I.handled = saved;
  }
  if (!enter_native_level(I)) {
    if (g->state != GenState::Created) --f->sp;
    return GenResult::Error;
  }
  if (I.call_depth >= I.recursion_limit) {
    leave_native_level(I);
    if (g->state != GenState::Created) --f->sp;
    raise(I, I.rt.exc_RecursionError, "maximum recursion depth exceeded");
    return GenResult::Error;
  }
  g->state = GenState::Running;
  g->saved_handled = I.handled;
  if (g->exc_state) I.handled = g->exc_state;
  f->back = I.frame;
  f->flags |= kFrameEntry;
  I.frame = f;
  ++I.call_depth;
  g->yielded = 0;
  Value r = eval_frame(I, f, exc);
  leave_native_level(I);
  I.handled = g->saved_handled;
  g->saved_handled = nullptr;
  f->back = nullptr;
  if (g->yielded) {
    g->state = GenState::Suspended;
    *out = r;
    return GenResult::Yield;
  }
  g->state = GenState::Done;
  g->exc_state = nullptr;
  if (!r.is_error()) {
    *out = r;
    return GenResult::Return;
  }
  if (I.ended == LimitKind::None && pending_matches(I, I.rt.exc_StopIteration)) {
    raise_from_pending(I, I.rt.exc_RuntimeError,
                       g->is_coroutine ? "coroutine raised StopIteration" : "generator raised StopIteration");
  }
  return GenResult::Error;
}

GenResult gen_send_ex(Isolate& I, Generator* g, Value v, Value* out) {
  return gen_send_ex2(I, g, v, false, false, out);
}

GenResult gen_resume(Isolate& I, Generator* g, Value v, Value* out) {
  bool exc = v.is_null() && I.pending;
  return gen_send_ex2(I, g, exc ? Value::none() : v, exc, false, out);
}

// gen_send_ex: yielded value, or error (StopIteration(value) on return).
static Value gen_send_value(Isolate& I, Generator* g, Value arg, bool exc, bool closing) {
  Value out;
  GenResult r = gen_send_ex2(I, g, arg, exc, closing, &out);
  if (r == GenResult::Yield) return out;
  if (r == GenResult::Return) return make_stop_iteration(I, out);
  if (!I.pending && I.ended == LimitKind::None) return make_stop_iteration(I, Value::none());
  return Value::error();
}

Value gen_send(Isolate& I, Generator* g, Value v) { return gen_send_value(I, g, v, false, false); }

static Value gen_close_value(Isolate& I, Generator* g);

// 0 or -1 (gen_close_iter).
static int gen_close_iter(Isolate& I, Value yf) {
  if (is_gen_or_coro(I, yf)) {
    Value r = gen_close_value(I, yf.as<Generator>());
    return r.is_error() ? -1 : 0;
  }
  Value meth = get_attr_opt(I, yf, I.rt.n_close);
  if (meth.is_error()) {
    I.pending = nullptr;  // PyErr_WriteUnraisable
    return 0;
  }
  if (!meth.is_null()) {
    Value r = call(I, meth, nullptr, 0, nullptr);
    if (r.is_error()) return -1;
  }
  return 0;
}

static Value gen_close_value(Isolate& I, Generator* g) {
  Value yf = gen_yieldfrom(g);
  int err = 0;
  if (!yf.is_null()) {
    GenState st = g->state;
    g->state = GenState::Running;
    err = gen_close_iter(I, yf);
    g->state = st;
  }
  if (err == 0) {
    BaseExc* e = exception_new(I, I.rt.exc_GeneratorExit, I.rt.empty_tuple);
    if (!e) return Value::error();
    I.pending = e;
  }
  Value out;
  GenResult r = gen_send_ex2(I, g, Value::none(), true, true, &out);
  if (r == GenResult::Yield) {
    return raisef(I, I.rt.exc_RuntimeError, "%s ignored GeneratorExit", kind_name(g));
  }
  if (r == GenResult::Return) return Value::none();
  if (I.ended != LimitKind::None) return Value::error();
  if (!I.pending || pending_matches(I, I.rt.exc_StopIteration) || pending_matches(I, I.rt.exc_GeneratorExit)) {
    I.pending = nullptr;
    return Value::none();
  }
  return Value::error();
}

int gen_close(Isolate& I, Generator* g) { return gen_close_value(I, g).is_error() ? -1 : 0; }

static bool given_matches(Isolate& I, Value typ, Type* cls) {
  if (typ.is_object() && (typ.as_object()->type_->flags & kTypeTypeSubclass)) return is_subtype(typ.as<Type>(), cls);
  return is_subtype(type_of(I, typ), cls);
}

static Value gen_throw_impl(Isolate& I, Generator* g, bool close_on_genexit, Value typ, Value val, Value tb) {
  Value yf = gen_yieldfrom(g);
  if (!yf.is_null()) {
    Value ret;
    if (close_on_genexit && given_matches(I, typ, I.rt.exc_GeneratorExit)) {
      GenState st = g->state;
      g->state = GenState::Running;
      int err = gen_close_iter(I, yf);
      g->state = st;
      if (err < 0) return gen_send_value(I, g, Value::none(), true, false);
      goto throw_here;
    }
    if (is_gen_or_coro(I, yf)) {
      GenState st = g->state;
      g->state = GenState::Running;
      ret = gen_throw_impl(I, yf.as<Generator>(), close_on_genexit, typ, val, tb);
      g->state = st;
    } else {
      Value meth = get_attr_opt(I, yf, I.rt.n_throw_);
      if (meth.is_error()) return meth;
      if (meth.is_null()) goto throw_here;
      GenState st = g->state;
      g->state = GenState::Running;
      Value args[3] = {typ, val, tb};
      size_t n = tb.is_null() ? (val.is_null() ? 1 : 2) : 3;
      ret = call(I, meth, args, n, nullptr);
      g->state = st;
    }
    if (ret.is_error()) return gen_send_value(I, g, Value::none(), true, false);
    return ret;
  }
throw_here:
  if (tb.is_none()) tb = Value::null();
  if (!tb.is_null() && type_of(I, tb) != I.rt.traceback_type) {
    return raise(I, I.rt.exc_TypeError, "throw() third argument must be a traceback object");
  }
  Value exc;
  if (typ.is_object() && (typ.as_object()->type_->flags & kTypeTypeSubclass) &&
      (typ.as<Type>()->flags & kTypeExceptionSubclass)) {
    // PyErr_NormalizeException
    Type* cls = typ.as<Type>();
    if (!val.is_null() && !val.is_none() && is_subtype(type_of(I, val), cls)) {
      exc = val;
    } else if (val.is_null() || val.is_none()) {
      exc = call(I, typ, nullptr, 0, nullptr);
    } else if (type_of(I, val) == I.rt.tuple_type) {
      Tuple* t = val.as<Tuple>();
      exc = call(I, typ, t->items, t->size(), nullptr);
    } else {
      exc = call(I, typ, &val, 1, nullptr);
    }
    if (exc.is_error()) return exc;
    if (!(type_of(I, exc)->flags & kTypeExceptionSubclass)) {
      return raisef(I, I.rt.exc_TypeError,
                    "calling %s should have returned an instance of BaseException, not %s", type_name(cls),
                    type_name(I, exc));
    }
  } else if (type_of(I, typ)->flags & kTypeExceptionSubclass) {
    if (!val.is_null() && !val.is_none()) {
      return raise(I, I.rt.exc_TypeError, "instance exception may not have a separate value");
    }
    exc = typ;
  } else {
    return raisef(I, I.rt.exc_TypeError,
                  "exceptions must be classes or instances deriving from BaseException, not %s",
                  type_name(I, typ));
  }
  if (!tb.is_null()) exc.as<BaseExc>()->traceback = tb;
  I.pending = exc.as<BaseExc>();
  return gen_send_value(I, g, Value::none(), true, false);
}

Value gen_throw_exc(Isolate& I, Generator* g, Value exc) {
  return gen_throw_impl(I, g, true, exc, Value::null(), Value::null());
}

Value fetch_stop_iteration_value(Isolate& I) {
  BaseExc* e = I.take_pending();
  if (!e) return Value::none();
  Tuple* args = e->args;
  if (args && args->size() > 0) return args->items[0];
  Value v = get_attr_opt(I, Value::object(e), I.rt.n_value);
  if (v.is_error()) {
    I.pending = nullptr;
    return Value::none();
  }
  return v.is_null() ? Value::none() : v;
}

Value get_awaitable(Isolate& I, Value v, int where) {
  Value it;
  if (is_coroutine(I, v)) {
    it = v;
  } else if (is_generator(I, v) && (v.as<Generator>()->code->flags & compiler::CO_ITERABLE_COROUTINE)) {
    it = v;
  } else {
    Value m = lookup_special(I, v, I.rt.n___await__);
    if (m.is_error()) return m;
    if (m.is_null()) {
      if (where == 1) {
        return raisef(I, I.rt.exc_TypeError,
                      "'async with' received an object from __aenter__ that does not implement __await__: %s",
                      type_name(I, v));
      }
      if (where == 2) {
        return raisef(I, I.rt.exc_TypeError,
                      "'async with' received an object from __aexit__ that does not implement __await__: %s",
                      type_name(I, v));
      }
      return raisef(I, I.rt.exc_TypeError, "object %s can't be used in 'await' expression", type_name(I, v));
    }
    it = call(I, m, nullptr, 0, nullptr);
    if (it.is_error()) return it;
    if (is_coroutine(I, it) ||
        (is_generator(I, it) && (it.as<Generator>()->code->flags & compiler::CO_ITERABLE_COROUTINE))) {
      return raise(I, I.rt.exc_TypeError, "__await__() returned a coroutine");
    }
    if (!type_of(I, it)->next) {
      return raisef(I, I.rt.exc_TypeError, "__await__() returned non-iterator of type '%s'", type_name(I, it));
    }
    return it;
  }
  if (is_coroutine(I, it) && !gen_yieldfrom(it.as<Generator>()).is_null()) {
    return raise(I, I.rt.exc_RuntimeError, "coroutine is being awaited already");
  }
  return it;
}

// --- the guest-visible types ---------------------------------------------------------------

namespace {

Generator* self_gen(Value v) { return v.as<Generator>(); }

Value gen_iternext(Isolate& I, Value self) {
  Generator* g = self_gen(self);
  Value out;
  GenResult r = gen_send_ex2(I, g, Value::null(), false, false, &out);
  if (r == GenResult::Yield) return out;
  if (r == GenResult::Return) {
    if (out.is_none()) return Value::null();
    return make_stop_iteration(I, out);
  }
  if (!I.pending && I.ended == LimitKind::None) return Value::null();
  return Value::error();
}

Value gen_iter_self(Isolate&, Value self) { return self; }

Value m_send(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (check_no_kwargs(I, "send", kw) < 0) return Value::error();
  if (nargs != 2) return raisef(I, I.rt.exc_TypeError, "send() takes exactly one argument (%zu given)", nargs - 1);
  return gen_send(I, self_gen(args[0]), args[1]);
}

Value m_throw(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (check_no_kwargs(I, "throw", kw) < 0) return Value::error();
  size_t n = nargs - 1;
  if (n < 1) return raisef(I, I.rt.exc_TypeError, "throw expected at least 1 argument, got %zu", n);
  if (n > 3) return raisef(I, I.rt.exc_TypeError, "throw expected at most 3 arguments, got %zu", n);
  Value typ = args[1];
  Value val = n >= 2 ? args[2] : Value::null();
  Value tb = n >= 3 ? args[3] : Value::null();
  return gen_throw_impl(I, self_gen(args[0]), true, typ, val, tb);
}

Value m_close(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (check_no_kwargs(I, "close", kw) < 0) return Value::error();
  if (nargs != 1) return raisef(I, I.rt.exc_TypeError, "close() takes no arguments (%zu given)", nargs - 1);
  return gen_close_value(I, self_gen(args[0]));
}

Value gen_repr(Isolate& I, Value self) {
  Generator* g = self_gen(self);
  char buf[64];
  snprintf(buf, sizeof buf, "%#llx", static_cast<unsigned long long>(object_id(I, self)));
  std::string s = "<";
  s += kind_name(g);
  s += " object ";
  s += g->qualname->view();
  s += " at ";
  s += buf;
  s += ">";
  return str_value(I, s);
}

Value g_running(Isolate&, Value s) { return Value::boolean(self_gen(s)->state == GenState::Running); }
Value g_suspended(Isolate&, Value s) { return Value::boolean(self_gen(s)->state == GenState::Suspended); }
Value g_code(Isolate&, Value s) { return Value::object(self_gen(s)->code); }
Value g_yieldfrom(Isolate&, Value s) {
  Value v = gen_yieldfrom(self_gen(s));
  return v.is_null() ? Value::none() : v;
}
Value g_name(Isolate&, Value s) { return Value::object(self_gen(s)->name); }
Value g_qualname(Isolate&, Value s) { return Value::object(self_gen(s)->qualname); }
int g_set_name(Isolate& I, Value s, Value v) {
  if (v.is_null() || !(type_of(I, v)->flags & kTypeStrSubclass)) {
    raise(I, I.rt.exc_TypeError, "__name__ must be set to a string object");
    return -1;
  }
  self_gen(s)->name = v.as<Str>();
  return 0;
}
int g_set_qualname(Isolate& I, Value s, Value v) {
  if (v.is_null() || !(type_of(I, v)->flags & kTypeStrSubclass)) {
    raise(I, I.rt.exc_TypeError, "__qualname__ must be set to a string object");
    return -1;
  }
  self_gen(s)->qualname = v.as<Str>();
  return 0;
}
Value g_origin(Isolate&, Value) { return Value::none(); }

// --- coroutine.__await__() wrapper ---

void cw_trace(Object* o, Tracer& t) { t.visit(static_cast<CoroWrapper*>(o)->coro); }

Value m_await(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (check_no_kwargs(I, "__await__", kw) < 0) return Value::error();
  auto* w = static_cast<CoroWrapper*>(I.heap.alloc_object(I.rt.coro_wrapper_type, sizeof(CoroWrapper)));
  if (!w) return raise_memory(I);
  w->coro = self_gen(args[0]);
  return Value::object(w);
}

Value cw_next(Isolate& I, Value self) {
  Generator* g = static_cast<CoroWrapper*>(self.as_object())->coro;
  Value out;
  GenResult r = gen_send_ex2(I, g, Value::null(), false, false, &out);
  if (r == GenResult::Yield) return out;
  if (r == GenResult::Return) return make_stop_iteration(I, out);
  return Value::error();
}

Value cw_send(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (nargs != 2) return raisef(I, I.rt.exc_TypeError, "send() takes exactly one argument (%zu given)", nargs - 1);
  return gen_send(I, static_cast<CoroWrapper*>(args[0].as_object())->coro, args[1]);
}

Value cw_throw(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  size_t n = nargs - 1;
  if (n < 1) return raisef(I, I.rt.exc_TypeError, "throw expected at least 1 argument, got %zu", n);
  if (n > 3) return raisef(I, I.rt.exc_TypeError, "throw expected at most 3 arguments, got %zu", n);
  return gen_throw_impl(I, static_cast<CoroWrapper*>(args[0].as_object())->coro, true, args[1],
                        n >= 2 ? args[2] : Value::null(), n >= 3 ? args[3] : Value::null());
}

Value cw_close(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  return gen_close_value(I, static_cast<CoroWrapper*>(args[0].as_object())->coro);
}

Value m_iter_self(Isolate&, const Value* args, size_t, Tuple*) { return args[0]; }
Value m_cw_next(Isolate& I, const Value* args, size_t, Tuple*) {
  Value r = cw_next(I, args[0]);
  if (r.is_null()) return make_stop_iteration(I, Value::none());
  return r;
}

}  // namespace

void init_generator_types(Runtime& rt) {
  Type* gt = rt.generator_type;
  gt->basicsize = sizeof(Generator);
  gt->itemsize = 1;
  gt->flags = 0;
  gt->trace = gen_trace;
  gt->repr = gen_repr;
  gt->iter = gen_iter_self;
  gt->next = gen_iternext;
  add_methods(rt, gt, {{"send", m_send}, {"throw", m_throw}, {"close", m_close}});
  add_getsets(rt, gt,
              {{"gi_running", g_running},
               {"gi_suspended", g_suspended},
               {"gi_code", g_code},
               {"gi_yieldfrom", g_yieldfrom},
               {"__name__", g_name, g_set_name},
               {"__qualname__", g_qualname, g_set_qualname}});

  Type* ct = rt.coroutine_type;
  ct->basicsize = sizeof(Generator);
  ct->itemsize = 1;
  ct->flags = 0;
  ct->trace = gen_trace;
  ct->repr = gen_repr;
  add_methods(rt, ct, {{"send", m_send}, {"throw", m_throw}, {"close", m_close}, {"__await__", m_await}});
  add_getsets(rt, ct,
              {{"cr_running", g_running},
               {"cr_suspended", g_suspended},
               {"cr_code", g_code},
               {"cr_await", g_yieldfrom},
               {"cr_origin", g_origin},
               {"__name__", g_name, g_set_name},
               {"__qualname__", g_qualname, g_set_qualname}});

  Type* wt = make_builtin_type(rt, nullptr, "coroutine_wrapper", rt.object_type, sizeof(CoroWrapper), 0);
  wt->trace = cw_trace;
  wt->iter = gen_iter_self;
  wt->next = cw_next;
  add_methods(rt, wt,
              {{"send", cw_send},
               {"throw", cw_throw},
               {"close", cw_close},
               {"__iter__", m_iter_self},
               {"__next__", m_cw_next}});
  rt.coro_wrapper_type = wt;
}

}  // namespace capy
