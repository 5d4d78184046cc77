// BaseExceptionGroup and ExceptionGroup (PEP 654; CPython's
// Objects/exceptions.c) and except* matching for the VM.
#include "objects/exception_group.h"

#include <unordered_set>

#include "objects/dict.h"
#include "objects/list.h"
#include "objects/native.h"
#include "objects/ops.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "support/stack_limit.h"
#include "gc/heap.h"
#include "vm/isolate.h"
#include "vm/runtime.h"

namespace capy {

bool is_exception_group(Isolate& I, Value v) {
  return v.is_object() && is_subtype(type_of(I, v), I.rt.exc_BaseExceptionGroup);
}

static ExcGroup* as_group(Value v) { return v.as<ExcGroup>(); }

static void eg_trace(Object* self, Tracer& t) {
  ExcGroup* g = static_cast<ExcGroup*>(self);
  t.visit(reinterpret_cast<Object*>(g->dict));
  t.visit(reinterpret_cast<Object*>(g->args));
  t.visit(g->traceback);
  t.visit(g->cause);
  t.visit(g->context);
  t.visit(g->msg);
  t.visit(g->excs);
}

static bool is_sequence(Isolate& I, Value v) {
  Type* t = type_of(I, v);
  return t->getitem != nullptr && !(t->flags & kTypeDictSubclass);
}

static Value eg_new(Isolate& I, Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  Runtime& rt = I.rt;
  if (nargs != 2)
    return raisef(I, rt.exc_TypeError, "BaseExceptionGroup.__new__() takes exactly 2 arguments (%zu given)",
                  nargs);
  Value message = args[0], exceptions = args[1];
  if (!(type_of(I, message)->flags & kTypeStrSubclass))
    return raisef(I, rt.exc_TypeError, "BaseExceptionGroup.__new__() argument 1 must be str, not %s",
                  type_name(I, message));
  if (!is_sequence(I, exceptions))
    return raise(I, rt.exc_TypeError, "second argument (exceptions) must be a sequence");
  Value excs = tuple_from_iterable(I, exceptions);
  if (excs.is_error()) return excs;
  if (type_of(I, excs) != rt.tuple_type) {  // a tuple subclass: take a plain copy
    Tuple* src = excs.as<Tuple>();
    excs = tuple_value(I, src->items, src->size());
    if (excs.is_error()) return excs;
  }
  Tuple* t = excs.as<Tuple>();
  if (t->size() == 0)
    return raise(I, rt.exc_ValueError, "second argument (exceptions) must be a non-empty sequence");
  bool nested_base = false;
  for (size_t i = 0; i < t->size(); ++i) {
    Value e = t->items[i];
    Type* et = type_of(I, e);
    if (!(et->flags & kTypeExceptionSubclass))
      return raisef(I, rt.exc_ValueError, "Item %zu of second argument (exceptions) is not an exception", i);
    if (!is_subtype(et, rt.exc_Exception)) nested_base = true;
  }
  Type* cls = type;
  if (cls == rt.exc_ExceptionGroup) {
    if (nested_base) return raise(I, rt.exc_TypeError, "Cannot nest BaseExceptions in an ExceptionGroup");
  } else if (cls == rt.exc_BaseExceptionGroup) {
    if (!nested_base) cls = rt.exc_ExceptionGroup;
  } else if (nested_base && is_subtype(cls, rt.exc_Exception)) {
    return raisef(I, rt.exc_TypeError, "Cannot nest BaseExceptions in '%s'", type_name(cls));
  }
  Value v = exc_alloc(I, cls, args, nargs);
  if (v.is_error()) return v;
  ExcGroup* g = as_group(v);
  g->msg = message;
  g->excs = excs;
  return v;
}

static int eg_init(Isolate& I, Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (kwnames && kwnames->size()) {
    raisef(I, I.rt.exc_TypeError, "%s() takes no keyword arguments", type_name(I, self));
    return -1;
  }
  return exc_set_args(I, as_group(self), args, nargs);
}

static Value eg_str(Isolate& I, Value self) {
  ExcGroup* g = as_group(self);
  std::string out;
  if (str_append(I, g->msg.is_object() ? g->msg : Value::none(), out) < 0) return Value::error();
  size_t n = g->excs.is_object() ? g->excs.as<Tuple>()->size() : 0;
  out += " (" + std::to_string(n) + " sub-exception" + (n > 1 ? "s)" : ")");
  return str_value(I, out);
}

static Value eg_message(Isolate& I, Value self) {
  Value m = as_group(self)->msg;
  return m.is_object() ? m : Value::none();
}

static Value eg_exceptions(Isolate& I, Value self) {
  Value e = as_group(self)->excs;
  return e.is_object() ? e : Value::object(I.rt.empty_tuple);
}

static Value m_derive(Isolate& I, const Value* args, size_t nargs, Tuple* kwnames) {
  if (check_no_kwargs(I, "BaseExceptionGroup.derive", kwnames) < 0) return Value::error();
  if (nargs != 2)
    return raisef(I, I.rt.exc_TypeError, "function takes exactly 1 argument (%zu given)", nargs - 1);
  return call(I, Value::object(I.rt.exc_BaseExceptionGroup), {eg_message(I, args[0]), args[1]});
}

// --- split / subgroup ---------------------------------------------------------------

enum class Matcher { ByType, ByPredicate, ByInstanceIds };

/// Leaf exceptions kept by except* re-raising (EXCEPTION_GROUP_MATCH_INSTANCE_IDS).
using LeafSet = std::unordered_set<const Object*>;

static int matcher_kind(Isolate& I, Value m, Matcher* kind) {
  Type* t = type_of(I, m);
  bool is_type = t->flags & kTypeTypeSubclass;
  if (is_callable(I, m) && !is_type) {
    *kind = Matcher::ByPredicate;
    return 0;
  }
  auto is_exc_class = [&](Value v) {
    return (type_of(I, v)->flags & kTypeTypeSubclass) && (v.as<Type>()->flags & kTypeExceptionSubclass);
  };
  if (is_exc_class(m)) {
    *kind = Matcher::ByType;
    return 0;
  }
  if (t == I.rt.tuple_type) {
    Tuple* tup = m.as<Tuple>();
    bool ok = true;
    for (size_t i = 0; i < tup->size() && ok; ++i) ok = is_exc_class(tup->items[i]);
    if (ok) {
      *kind = Matcher::ByType;
      return 0;
    }
  }
  raise(I, I.rt.exc_TypeError, "expected a function, exception type or tuple of exception types");
  return -1;
}

/// PyErr_GivenExceptionMatches for an exception instance.
static bool given_matches(Isolate& I, Type* et, Value match) {
  if (type_of(I, match) == I.rt.tuple_type) {
    Tuple* t = match.as<Tuple>();
    for (size_t i = 0; i < t->size(); ++i)
      if (given_matches(I, et, t->items[i])) return true;
    return false;
  }
  if (type_of(I, match)->flags & kTypeTypeSubclass) return is_subtype(et, match.as<Type>());
  return false;
}

static int check_match(Isolate& I, Value exc, Matcher kind, Value m, const LeafSet* leaves) {
  if (kind == Matcher::ByType) return given_matches(I, type_of(I, exc), m) ? 1 : 0;
  if (kind == Matcher::ByInstanceIds) return leaves->count(exc.as_object()) ? 1 : 0;
  Value r = call(I, m, {exc});
  if (r.is_error()) return -1;
  return truthy(I, r);
}

int exc_copy_metadata(Isolate& I, BaseExc* src, BaseExc* dst) {
  if (src->traceback.is_object()) dst->traceback = src->traceback;
  dst->context = src->context.is_object() ? src->context : Value::none();
  dst->cause = src->cause.is_object() ? src->cause : Value::none();
  dst->suppress_context = true;  // PyException_SetCause
  Value notes = get_attr_opt(I, Value::object(src), I.rt.n___notes__);
  if (notes.is_error()) return -1;
  if (!notes.is_null() && is_sequence(I, notes)) {
    Value copy = list_from_iterable(I, notes);
    if (copy.is_error()) return -1;
    if (set_attr(I, Value::object(dst), I.rt.n___notes__, copy) < 0) return -1;
  }
  return 0;
}

/// derive(excs) with the metadata of orig; null when excs is empty.
static Value subset(Isolate& I, Value orig, List* excs) {
  if (excs->size == 0) return Value::null();
  Value derive = get_attr(I, orig, "derive");
  if (derive.is_error()) return derive;
  Value eg = call(I, derive, {Value::object(excs)});
  if (eg.is_error()) return eg;
  if (!is_exception_group(I, eg))
    return raise(I, I.rt.exc_TypeError, "derive must return an instance of BaseExceptionGroup");
  if (exc_copy_metadata(I, orig.as<BaseExc>(), eg.as<BaseExc>()) < 0) return Value::error();
  return eg;
}

static int split_recursive(Isolate& I, Value exc, Matcher kind, Value m, bool construct_rest,
                           Value* match, Value* rest, const LeafSet* leaves = nullptr) {
  *match = Value::null();
  *rest = Value::null();
  int is_match = check_match(I, exc, kind, m, leaves);
  if (is_match < 0) return -1;
  if (is_match) {
    *match = exc;
    return 0;
  }
  if (!is_exception_group(I, exc)) {
    if (construct_rest) *rest = exc;
    return 0;
  }
  if (++I.call_depth > I.recursion_limit || support::stack_exhausted()) {
    --I.call_depth;
    raise(I, I.rt.exc_RecursionError, "maximum recursion depth exceeded in exceptiongroup_split_recursive");
    return -1;
  }
  struct DepthRelease { Isolate& I; ~DepthRelease() { --I.call_depth; } } release{I};
  List* match_list = list_new(I, 0);
  if (!match_list) return -1;
  List* rest_list = nullptr;
  if (construct_rest && !(rest_list = list_new(I, 0))) return -1;
  Value excs = as_group(exc)->excs;
  size_t n = excs.is_object() ? excs.as<Tuple>()->size() : 0;
  for (size_t i = 0; i < n; ++i) {
    Value e = excs.as<Tuple>()->items[i];
    Value rm, rr;
    if (split_recursive(I, e, kind, m, construct_rest, &rm, &rr, leaves) < 0) return -1;
    if (!rm.is_null() && list_append(I, match_list, rm) < 0) return -1;
    if (!rr.is_null() && list_append(I, rest_list, rr) < 0) return -1;
  }
  Value sm = subset(I, exc, match_list);
  if (sm.is_error()) return -1;
  *match = sm;
  if (construct_rest) {
    Value sr = subset(I, exc, rest_list);
    if (sr.is_error()) return -1;
    *rest = sr;
  }
  return 0;
}

static Value m_split(Isolate& I, const Value* args, size_t nargs, Tuple* kwnames) {
  if (check_no_kwargs(I, "BaseExceptionGroup.split", kwnames) < 0) return Value::error();
  if (nargs != 2) return raisef(I, I.rt.exc_TypeError, "split expected 1 argument, got %zu", nargs - 1);
  Matcher kind;
  if (matcher_kind(I, args[1], &kind) < 0) return Value::error();
  Value match, rest;
  if (split_recursive(I, args[0], kind, args[1], true, &match, &rest) < 0) return Value::error();
  return tuple_pack(I, {match.is_null() ? Value::none() : match, rest.is_null() ? Value::none() : rest});
}

static Value m_subgroup(Isolate& I, const Value* args, size_t nargs, Tuple* kwnames) {
  if (check_no_kwargs(I, "BaseExceptionGroup.subgroup", kwnames) < 0) return Value::error();
  if (nargs != 2) return raisef(I, I.rt.exc_TypeError, "subgroup expected 1 argument, got %zu", nargs - 1);
  Matcher kind;
  if (matcher_kind(I, args[1], &kind) < 0) return Value::error();
  Value match, rest;
  if (split_recursive(I, args[0], kind, args[1], false, &match, &rest) < 0) return Value::error();
  return match.is_null() ? Value::none() : match;
}

int exception_group_split(Isolate& I, Value eg, Value match_type, Value* match, Value* rest) {
  *match = Value::none();
  *rest = Value::none();
  if (eg.is_none() || eg.is_null()) return 0;
  Type* et = type_of(I, eg);
  if (given_matches(I, et, match_type)) {
    if (is_exception_group(I, eg)) {
      *match = eg;
      return 0;
    }
    // A naked exception: wrap it, keeping its traceback.
    Value excs = tuple_pack(I, {eg});
    if (excs.is_error()) return -1;
    Value wrapped = call(I, Value::object(I.rt.exc_BaseExceptionGroup), {Value::object(I.rt.n_empty), excs});
    if (wrapped.is_error()) return -1;
    BaseExc* src = eg.as<BaseExc>();
    if (src->traceback.is_object()) wrapped.as<BaseExc>()->traceback = src->traceback;
    *match = wrapped;
    return 0;
  }
  if (is_exception_group(I, eg)) {
    Matcher kind = Matcher::ByType;
    Value m, r;
    if (split_recursive(I, eg, kind, match_type, true, &m, &r) < 0) return -1;
    *match = m.is_null() ? Value::none() : m;
    *rest = r.is_null() ? Value::none() : r;
    return 0;
  }
  *rest = eg;
  return 0;
}

static int collect_leaves(Isolate& I, Value exc, LeafSet& out, int depth) {
  if (!exc.is_object()) return 0;
  if (!is_exception_group(I, exc)) {
    out.insert(exc.as_object());
    return 0;
  }
  if (depth > static_cast<int>(I.recursion_limit) || support::stack_exhausted()) {
    raise(I, I.rt.exc_RecursionError, "maximum recursion depth exceeded in collect_exception_group_leaf_ids");
    return -1;
  }
  Value excs = as_group(exc)->excs;
  size_t n = excs.is_object() ? excs.as<Tuple>()->size() : 0;
  for (size_t i = 0; i < n; ++i)
    if (collect_leaves(I, excs.as<Tuple>()->items[i], out, depth + 1) < 0) return -1;
  return 0;
}

/// 3.11's is_same_exception_metadata (notes live in __dict__ and are copied
/// by split, so they are not compared).
static bool same_metadata(BaseExc* a, BaseExc* b) {
  auto norm = [](Value v) { return v.is_object() ? v : Value::none(); };
  return norm(a->traceback).is(norm(b->traceback)) && norm(a->cause).is(norm(b->cause)) &&
         norm(a->context).is(norm(b->context));
}

Value exception_group_prep_reraise(Isolate& I, Value orig, List* excs) {
  size_t n = excs->size;
  if (n == 0) return Value::none();
  if (!is_exception_group(I, orig)) {
    // A naked exception was caught and wrapped: at most one clause ran.
    return excs->items[0];
  }
  List* raised = list_new(I, 0);
  if (!raised) return Value::error();
  LeafSet leaves;
  BaseExc* o = orig.as<BaseExc>();
  for (size_t i = 0; i < excs->size; ++i) {
    Value e = excs->items[i];
    if (!e.is_object()) continue;
    if (same_metadata(e.as<BaseExc>(), o)) {
      if (collect_leaves(I, e, leaves, 0) < 0) return Value::error();
    } else if (list_append(I, raised, e) < 0) {
      return Value::error();
    }
  }
  Value reraised = Value::none();
  if (!leaves.empty()) {
    Value m, r;
    if (split_recursive(I, orig, Matcher::ByInstanceIds, Value::none(), false, &m, &r, &leaves) < 0)
      return Value::error();
    if (!m.is_null()) reraised = m;
  }
  if (raised->size == 0) return reraised;
  if (!reraised.is_none() && list_append(I, raised, reraised) < 0) return Value::error();
  if (raised->size == 1) return raised->items[0];
  return call(I, Value::object(I.rt.exc_BaseExceptionGroup), {Value::object(I.rt.n_empty), Value::object(raised)});
}

void fix_exception_group_mro(Runtime& rt) {
  // finish_builtin_types gives every builtin type a single-inheritance MRO;
  // ExceptionGroup derives from both BaseExceptionGroup and Exception.
  Isolate& B = rt.bootstrap();
  Type* eg = rt.exc_ExceptionGroup;
  Value bases[2] = {Value::object(rt.exc_BaseExceptionGroup), Value::object(rt.exc_Exception)};
  eg->bases = tuple_from(B, bases, 2);
  Value mro[5] = {Value::object(eg), Value::object(rt.exc_BaseExceptionGroup), Value::object(rt.exc_Exception),
                  Value::object(rt.exc_BaseException), Value::object(rt.object_type)};
  eg->mro = tuple_from(B, mro, 5);
}

void init_exception_group_types(Runtime& rt) {
  Isolate& B = rt.bootstrap();
  Type* beg = rt.exc_BaseExceptionGroup;
  Type* eg = rt.exc_ExceptionGroup;
  for (Type* t : {beg, eg}) {
    t->basicsize = sizeof(ExcGroup);
    t->trace = eg_trace;
  }
  // ExceptionGroup(BaseExceptionGroup, Exception), as CPython.
  eg->base = beg;
  Value bases[2] = {Value::object(beg), Value::object(rt.exc_Exception)};
  eg->bases = tuple_from(B, bases, 2);
  beg->new_ = eg_new;
  beg->init = eg_init;
  beg->str = eg_str;
  add_methods(rt, beg, {
      {"derive", m_derive},
      {"split", m_split},
      {"subgroup", m_subgroup},
  });
  add_getsets(rt, beg, {{"message", eg_message}, {"exceptions", eg_exceptions}});
}

}  // namespace capy
