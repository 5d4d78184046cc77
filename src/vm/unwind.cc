// Exceptions in the VM: exception-table lookup, raise / raise from / bare
// raise, implicit chaining (__context__), the handled-exception stack
// (sys.exc_info) including generators' own exception state, except
// clause validation and except* support (PREP_RERAISE_STAR).
#include <string>
#include <vector>

#include "objects/dict.h"
#include "objects/exception.h"
#include "objects/exception_group.h"
#include "objects/generator.h"
#include "objects/list.h"
#include "objects/ops.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "vm/vm_internal.h"

namespace capy {

const compiler::ExceptionTableEntry* find_handler(Code* code, int64_t instr) {
  if (instr < 0) return nullptr;
  const compiler::ExceptionTableEntry* t = code->exctable;
  uint32_t lo = 0, hi = code->nexctable;
  uint32_t i = static_cast<uint32_t>(instr);
  // Entries are sorted by start and do not overlap: binary search.
  while (lo < hi) {
    uint32_t mid = (lo + hi) / 2;
    if (t[mid].end <= i) {
      lo = mid + 1;
    } else if (t[mid].start > i) {
      hi = mid;
    } else {
      return &t[mid];
    }
  }
  return nullptr;
}

BaseExc* current_handled(Isolate& I) { return I.handled; }

namespace {

bool is_exc_instance(Isolate& I, Value v) { return (type_of(I, v)->flags & kTypeExceptionSubclass) != 0; }

bool is_exc_class(Isolate& I, Value v) {
  return v.is_object() && (v.as_object()->type_->flags & kTypeTypeSubclass) &&
         (v.as<Type>()->flags & kTypeExceptionSubclass);
}

// Sets exc.__context__ = ctx breaking cycles (CPython's _PyErr_SetObject).
void set_context_checked(BaseExc* exc, BaseExc* ctx) {
  if (ctx == exc) return;
  // Avoid creating a cycle: if exc is already in ctx's context chain, cut it.
  BaseExc* o = ctx;
  BaseExc* slow = o;
  bool toggle = false;
  while (o->context.is_object()) {
    BaseExc* c = o->context.as<BaseExc>();
    if (c == exc) {
      o->context = Value::none();
      break;
    }
    o = c;
    if (o == slow) break;  // a pre-existing cycle
    if (toggle) slow = slow->context.is_object() ? slow->context.as<BaseExc>() : slow;
    toggle = !toggle;
  }
  exc->context = Value::object(ctx);
}

// Instantiates an exception class, checking the result.
Value instantiate(Isolate& I, Value cls) {
  Value inst = call(I, cls, nullptr, 0, nullptr);
  if (inst.is_error()) return inst;
  if (!is_exc_instance(I, inst)) {
    return raisef(I, I.rt.exc_TypeError,
                  "calling %s should have returned an instance of BaseException, not %s",
                  type_name(cls.as<Type>()), type_name(I, inst));
  }
  return inst;
}

}  // namespace

void set_pending_chained(Isolate& I, BaseExc* exc) {
  BaseExc* h = I.handled;
  if (h && h != exc) set_context_checked(exc, h);
  I.pending = exc;
}

void chain_pending_context(Isolate& I) {
  BaseExc* e = I.pending;
  BaseExc* h = I.handled;
  if (!e || !h || e == h) return;
  if (!e->context.is_none() && !e->context.is_null()) return;
  set_context_checked(e, h);
}

Value do_raise(Isolate& I, Value exc, Value cause) {
  Value value;
  if (is_exc_class(I, exc)) {
    value = instantiate(I, exc);
    if (value.is_error()) return value;
  } else if (is_exc_instance(I, exc)) {
    value = exc;
  } else {
    return raise(I, I.rt.exc_TypeError, "exceptions must derive from BaseException");
  }
  if (!cause.is_null()) {
    Value fixed;
    if (is_exc_class(I, cause)) {
      fixed = instantiate(I, cause);
      if (fixed.is_error()) return fixed;
    } else if (is_exc_instance(I, cause)) {
      fixed = cause;
    } else if (cause.is_none()) {
      fixed = Value::none();
    } else {
      return raise(I, I.rt.exc_TypeError, "exception causes must derive from BaseException");
    }
    BaseExc* e = value.as<BaseExc>();
    e->cause = fixed;
    e->suppress_context = true;
  }
  set_pending_chained(I, value.as<BaseExc>());
  return Value::error();
}

Value do_reraise(Isolate& I) {
  BaseExc* h = I.handled;
  if (!h) return raise(I, I.rt.exc_RuntimeError, "No active exception to reraise");
  I.pending = h;
  return Value::error();
}

int check_except_type_valid(Isolate& I, Value type) {
  static const char* kMsg = "catching classes that do not inherit from BaseException is not allowed";
  if (type_of(I, type)->flags & kTypeTupleSubclass) {
    Tuple* t = type.as<Tuple>();
    for (size_t i = 0; i < t->size(); ++i) {
      if (!is_exc_class(I, t->items[i])) {
        raise(I, I.rt.exc_TypeError, kMsg);
        return -1;
      }
    }
    return 0;
  }
  if (!is_exc_class(I, type)) {
    raise(I, I.rt.exc_TypeError, kMsg);
    return -1;
  }
  return 0;
}

int check_except_star_type_valid(Isolate& I, Value type) {
  if (check_except_type_valid(I, type) < 0) return -1;
  auto is_group = [&](Value c) { return is_subtype(c.as<Type>(), I.rt.exc_BaseExceptionGroup); };
  bool bad = false;
  if (type_of(I, type)->flags & kTypeTupleSubclass) {
    Tuple* t = type.as<Tuple>();
    for (size_t i = 0; i < t->size(); ++i) bad = bad || is_group(t->items[i]);
  } else {
    bad = is_group(type);
  }
  if (bad) {
    raise(I, I.rt.exc_TypeError,
          "catching ExceptionGroup with except* is not allowed. Use except instead.");
    return -1;
  }
  return 0;
}

// --- handled-exception stack -------------------------------------------------------

void push_exc_info(Isolate& I, Frame* f, Value exc, Value* prev_out) {
  Generator* g = f->gen;
  BaseExc* prev = g ? g->exc_state : I.handled;
  *prev_out = prev ? Value::object(prev) : Value::none();
  BaseExc* e = exc.is_object() ? exc.as<BaseExc>() : nullptr;
  if (g) g->exc_state = e;
  I.handled = e;
}

void pop_except(Isolate& I, Frame* f, Value prev) {
  BaseExc* p = prev.is_object() ? prev.as<BaseExc>() : nullptr;
  Generator* g = f->gen;
  if (g) {
    g->exc_state = p;
    I.handled = p ? p : g->saved_handled;
  } else {
    I.handled = p;
  }
}

void set_pending_name_attr(Isolate& I, Str* name) {
  BaseExc* e = I.pending;
  if (!e) return;
  I.pending = nullptr;
  if (set_attr(I, Value::object(e), I.rt.n_name, Value::object(name)) < 0) I.pending = nullptr;
  I.pending = e;
}

// --- except* -------------------------------------------------------------------------

namespace {

// Collects the leaf exceptions of an exception (group) by identity.
void collect_leaves(Isolate& I, Value exc, std::vector<Object*>& out) {
  if (is_exception_group(I, exc)) {
    Value excs = exc.as<ExcGroup>()->excs;
    if (type_of(I, excs)->flags & kTypeTupleSubclass) {
      Tuple* t = excs.as<Tuple>();
      for (size_t i = 0; i < t->size(); ++i) collect_leaves(I, t->items[i], out);
    }
    return;
  }
  if (exc.is_object()) out.push_back(exc.as_object());
}

bool contains_ptr(const std::vector<Object*>& v, Object* o) {
  for (Object* x : v)
    if (x == o) return true;
  return false;
}

// The part of `exc` whose leaves are in `keep` (CPython's exception_group_projection).
Value project(Isolate& I, Value exc, const std::vector<Object*>& keep) {
  if (!is_exception_group(I, exc)) {
    return contains_ptr(keep, exc.as_object()) ? exc : Value::none();
  }
  Tuple* t = exc.as<ExcGroup>()->excs.as<Tuple>();
  List* parts = list_new(I);
  if (!parts) return Value::error();
  bool all = true;
  for (size_t i = 0; i < t->size(); ++i) {
    Value p = project(I, t->items[i], keep);
    if (p.is_error()) return p;
    if (p.is_none()) {
      all = false;
      continue;
    }
    if (!p.is(t->items[i])) all = false;
    if (list_append(I, parts, p) < 0) return Value::error();
  }
  if (parts->size == 0) return Value::none();
  if (all) return exc;
  Value seq = list_value(I, parts->items, parts->size);
  if (seq.is_error()) return seq;
  Value derived = call_method(I, exc, I.intern("derive"), {seq});
  if (derived.is_error()) return derived;
  BaseExc* src = exc.as<BaseExc>();
  BaseExc* dst = derived.as<BaseExc>();
  if (exc_copy_metadata(I, src, dst) < 0) return Value::error();
  return derived;
}

}  // namespace

// CPython's _PyExc_PrepReraiseStar.
Value prep_reraise_star(Isolate& I, Value orig, Value excs) {
  List* l = excs.as<List>();
  size_t numexcs = l->size;
  if (numexcs == 0) return Value::none();
  if (!is_exception_group(I, orig)) {
    // A naked exception was caught and wrapped: only one except* clause
    // could have executed, so there is at most one exception to raise.
    for (size_t i = 0; i < numexcs; ++i) {
      if (!l->items[i].is_none()) return l->items[i];
    }
    return Value::none();
  }
  std::vector<Value> raised, reraised;
  std::vector<Object*> orig_leaves;
  collect_leaves(I, orig, orig_leaves);
  for (size_t i = 0; i < numexcs; ++i) {
    Value e = l->items[i];
    if (e.is_none()) continue;
    // Reraised: every leaf of e is a leaf of orig.
    std::vector<Object*> leaves;
    collect_leaves(I, e, leaves);
    bool is_reraise = !leaves.empty();
    for (Object* o : leaves)
      if (!contains_ptr(orig_leaves, o)) is_reraise = false;
    (is_reraise ? reraised : raised).push_back(e);
  }
  std::vector<Object*> keep;
  for (Value e : reraised) collect_leaves(I, e, keep);
  Value reraised_eg = project(I, orig, keep);
  if (reraised_eg.is_error()) return reraised_eg;
  if (raised.empty()) return reraised_eg;
  std::vector<Value> all = raised;
  if (!reraised_eg.is_none()) all.push_back(reraised_eg);
  if (all.size() == 1) return all[0];
  Value seq = list_value(I, all.data(), all.size());
  if (seq.is_error()) return seq;
  Value msg = str_value(I, "");
  if (msg.is_error()) return msg;
  Value args[2] = {msg, seq};
  return call(I, Value::object(I.rt.exc_ExceptionGroup), args, 2, nullptr);
}

}  // namespace capy
