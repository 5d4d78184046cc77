// Callables and descriptors: Python functions, builtin functions, bound
// methods, method/getset/member descriptors, classmethod, staticmethod,
// property, super and cells. Data model 3.2 and 3.3.2.2 (descriptors).
#include "objects/function.h"

#include <cstdio>
#include <string>
#include <vector>

#include "objects/dict.h"
#include "objects/exception.h"
#include "objects/misc.h"
#include "objects/native.h"
#include "objects/ops.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "objects/private_names.h"
#include "objects/type_init.h"
#include "vm/code.h"
#include "vm/interpreter.h"

namespace capy {

static std::string addr(Isolate& I, Value v) {
  char buf[32];
  snprintf(buf, sizeof buf, "%#llx", static_cast<unsigned long long>(object_id(I, v)));
  return buf;
}

Value builtin_function_new(Isolate& I, Str* name, NativeFn fn, Value self, const char* doc) {
  auto* f = static_cast<BuiltinFunction*>(I.heap.alloc_object(I.rt.builtin_function_type, sizeof(BuiltinFunction)));
  if (!f) return raise_memory(I);
  f->name = name;
  f->fn = fn;
  f->self = self;
  f->doc = doc;
  return Value::object(f);
}

Value method_new(Isolate& I, Value func, Value self) {
  auto* m = static_cast<Method*>(I.heap.alloc_object(I.rt.method_type, sizeof(Method)));
  if (!m) return raise_memory(I);
  m->func = func;
  m->self = self;
  return Value::object(m);
}

Cell* cell_new(Isolate& I, Value v) {
  auto* c = static_cast<Cell*>(I.heap.alloc_object(I.rt.cell_type, sizeof(Cell)));
  if (!c) { raise_memory(I); return nullptr; }
  c->value = v;
  return c;
}

Value call_with_self(Isolate& I, Value f, Value self, const Value* args, size_t nargs, Tuple* kw) {
  size_t total = nargs + (kw ? kw->size() : 0);
  Value small[8];
  std::vector<Value> big;
  Value* buf = small;
  if (total + 1 > 8) { big.resize(total + 1); buf = big.data(); }
  buf[0] = self;
  for (size_t i = 0; i < total; ++i) buf[i + 1] = args[i];
  return call(I, f, buf, nargs + 1, kw);
}

// --- function -----------------------------------------------------------------

static void function_trace(Object* o, Tracer& t) {
  auto* f = static_cast<Function*>(o);
  t.visit(f->code);
  t.visit(f->globals);
  t.visit(f->builtins);
  t.visit(f->defaults);
  t.visit(f->kwdefaults);
  t.visit(f->closure);
  t.visit(f->name);
  t.visit(f->qualname);
  t.visit(f->doc);
  t.visit(f->module);
  t.visit(f->annotations);
  t.visit(f->dict);
}
static Value function_call(Isolate& I, Value callee, const Value* args, size_t nargs, Tuple* kw) {
  return call_function(I, callee.as<Function>(), args, nargs, kw);
}
static Value function_get(Isolate& I, Value descr, Value obj, Value) {
  if (obj.is_null()) return descr;
  return method_new(I, descr, obj);
}
static Value function_repr(Isolate& I, Value self) {
  return str_value(I, "<function " + std::string(self.as<Function>()->qualname->view()) + " at " + addr(I, self) + ">");
}
static Value fn_get_name(Isolate&, Value s) { return Value::object(s.as<Function>()->name); }
static int fn_set_name(Isolate& I, Value s, Value v) {
  if (v.is_null() || type_of(I, v) != I.rt.str_type) { raise(I, I.rt.exc_TypeError, "__name__ must be set to a string object"); return -1; }
  s.as<Function>()->name = v.as<Str>();
  return 0;
}
static Value fn_get_qualname(Isolate&, Value s) { return Value::object(s.as<Function>()->qualname); }
static int fn_set_qualname(Isolate& I, Value s, Value v) {
  if (v.is_null() || type_of(I, v) != I.rt.str_type) { raise(I, I.rt.exc_TypeError, "__qualname__ must be set to a string object"); return -1; }
  s.as<Function>()->qualname = v.as<Str>();
  return 0;
}
static Value fn_get_doc(Isolate&, Value s) { return s.as<Function>()->doc; }
static int fn_set_doc(Isolate&, Value s, Value v) { s.as<Function>()->doc = v.is_null() ? Value::none() : v; return 0; }
static Value fn_get_module(Isolate&, Value s) { return s.as<Function>()->module; }
static int fn_set_module(Isolate&, Value s, Value v) { s.as<Function>()->module = v.is_null() ? Value::none() : v; return 0; }
static Value fn_get_defaults(Isolate&, Value s) {
  Tuple* d = s.as<Function>()->defaults;
  return d ? Value::object(d) : Value::none();
}
static int fn_set_defaults(Isolate& I, Value s, Value v) {
  if (v.is_null() || v.is_none()) { s.as<Function>()->defaults = nullptr; return 0; }
  if (type_of(I, v) != I.rt.tuple_type) { raise(I, I.rt.exc_TypeError, "__defaults__ must be set to a tuple object"); return -1; }
  s.as<Function>()->defaults = v.as<Tuple>();
  return 0;
}
static Value fn_get_kwdefaults(Isolate&, Value s) {
  Dict* d = s.as<Function>()->kwdefaults;
  return d ? Value::object(d) : Value::none();
}
static int fn_set_kwdefaults(Isolate& I, Value s, Value v) {
  if (v.is_null() || v.is_none()) { s.as<Function>()->kwdefaults = nullptr; return 0; }
  if (type_of(I, v) != I.rt.dict_type) { raise(I, I.rt.exc_TypeError, "__kwdefaults__ must be set to a dict object"); return -1; }
  s.as<Function>()->kwdefaults = v.as<Dict>();
  return 0;
}
static Value fn_get_dict(Isolate& I, Value s) {
  Function* f = s.as<Function>();
  if (!f->dict) { f->dict = dict_new(I); if (!f->dict) return Value::error(); }
  return Value::object(f->dict);
}
static Value fn_get_annotations(Isolate& I, Value s) {
  Function* f = s.as<Function>();
  if (!f->annotations) { f->annotations = dict_new(I); if (!f->annotations) return Value::error(); }
  return Value::object(f->annotations);
}
static int fn_set_annotations(Isolate& I, Value s, Value v) {
  if (v.is_null() || v.is_none()) { s.as<Function>()->annotations = nullptr; return 0; }
  if (type_of(I, v) != I.rt.dict_type) { raise(I, I.rt.exc_TypeError, "__annotations__ must be set to a dict object"); return -1; }
  s.as<Function>()->annotations = v.as<Dict>();
  return 0;
}
static Value fn_get_code(Isolate&, Value s) { return Value::object(s.as<Function>()->code); }
static Value fn_get_closure(Isolate&, Value s) {
  Tuple* c = s.as<Function>()->closure;
  return c ? Value::object(c) : Value::none();
}
static Value fn_get_builtins(Isolate&, Value s) { return Value::object(s.as<Function>()->builtins); }

// --- builtin function ----------------------------------------------------------

static void builtin_trace(Object* o, Tracer& t) {
  auto* f = static_cast<BuiltinFunction*>(o);
  t.visit(f->name);
  t.visit(f->self);
}
static Value builtin_call(Isolate& I, Value callee, const Value* args, size_t nargs, Tuple* kw) {
  auto* f = callee.as<BuiltinFunction>();
  // A module's functions carry the module as `self` without receiving it.
  if (f->self.is_null() || (!f->is_method && type_of(I, f->self) == I.rt.module_type))
    return f->fn(I, args, nargs, kw);
  size_t total = nargs + (kw ? kw->size() : 0);
  Value small[8];
  std::vector<Value> big;
  Value* buf = small;
  if (total + 1 > 8) { big.resize(total + 1); buf = big.data(); }
  buf[0] = f->self;
  for (size_t i = 0; i < total; ++i) buf[i + 1] = args[i];
  return f->fn(I, buf, nargs + 1, kw);
}
static Value builtin_repr(Isolate& I, Value self) {
  auto* f = self.as<BuiltinFunction>();
  if (f->self.is_null() || (!f->is_method && type_of(I, f->self) == I.rt.module_type))
    return str_value(I, "<built-in function " + std::string(f->name->view()) + ">");
  return str_value(I, "<built-in method " + std::string(f->name->view()) + " of " + type_name(I, f->self) +
                          " object at " + addr(I, f->self) + ">");
}
static Value builtin_get_name(Isolate&, Value s) { return Value::object(s.as<BuiltinFunction>()->name); }
static Value builtin_get_self(Isolate&, Value s) {
  Value v = s.as<BuiltinFunction>()->self;
  return v.is_null() ? Value::none() : v;
}
static Value builtin_get_doc(Isolate& I, Value s) {
  const char* d = s.as<BuiltinFunction>()->doc;
  return d ? str_value(I, d) : Value::none();
}
static Value builtin_get_module(Isolate& I, Value s) {
  Value v = s.as<BuiltinFunction>()->self;
  if (v.is_null()) return Value::object(I.rt.n_builtins);
  if (type_of(I, v) == I.rt.module_type) return Value::object(v.as<Module>()->name);
  return Value::none();
}

// --- bound method ---------------------------------------------------------------

static void method_trace(Object* o, Tracer& t) {
  auto* m = static_cast<Method*>(o);
  t.visit(m->func);
  t.visit(m->self);
}
static Value method_call(Isolate& I, Value callee, const Value* args, size_t nargs, Tuple* kw) {
  auto* m = callee.as<Method>();
  return call_with_self(I, m->func, m->self, args, nargs, kw);
}
static Value method_repr(Isolate& I, Value self) {
  auto* m = self.as<Method>();
  Value qn = get_attr_opt(I, m->func, I.rt.n___qualname__);
  if (qn.is_error()) return qn;
  if (qn.is_null() || type_of(I, qn) != I.rt.str_type) {
    qn = get_attr_opt(I, m->func, I.rt.n___name__);
    if (qn.is_error()) return qn;
  }
  std::string out = "<bound method ";
  if (!qn.is_null() && type_of(I, qn) == I.rt.str_type) out += qn.as<Str>()->view(); else out += "?";
  out += " of ";
  if (repr_append(I, m->self, out) < 0) return Value::error();
  out += ">";
  return str_value(I, out);
}
static Value method_richcompare(Isolate& I, Value a, Value b, CompareOp op) {
  if ((op != CompareOp::Eq && op != CompareOp::Ne) || type_of(I, b) != I.rt.method_type) return Value::not_implemented();
  auto* x = a.as<Method>();
  auto* y = b.as<Method>();
  int e = eq(I, x->func, y->func);
  if (e < 0) return Value::error();
  bool r = e && x->self.is(y->self);
  return Value::boolean(op == CompareOp::Eq ? r : !r);
}
static int64_t method_hash(Isolate& I, Value self) {
  auto* m = self.as<Method>();
  int64_t a = hash(I, m->func);
  if (a == -1) return -1;
  int64_t h = a ^ static_cast<int64_t>(object_id(I, m->self));
  return h == -1 ? -2 : h;
}
static Value method_getattr(Isolate& I, Value self, Str* name) {
  Value r = generic_getattr(I, self, name);
  if (!r.is_null()) return r;
  return get_attr_opt(I, self.as<Method>()->func, name);
}
static Value method_get_func(Isolate&, Value s) { return s.as<Method>()->func; }
static Value method_get_self(Isolate&, Value s) { return s.as<Method>()->self; }
static Value method_get(Isolate&, Value descr, Value, Value) { return descr; }

// --- method descriptor ---------------------------------------------------------------

static void mdescr_trace(Object* o, Tracer& t) {
  auto* d = static_cast<MethodDescriptor*>(o);
  t.visit(d->name);
  t.visit(d->owner);
}
static Value mdescr_call(Isolate& I, Value callee, const Value* args, size_t nargs, Tuple* kw) {
  auto* d = callee.as<MethodDescriptor>();
  if (d->flags & kMethodStatic) return d->fn(I, args, nargs, kw);
  if (nargs < 1)
    return raisef(I, I.rt.exc_TypeError, "unbound method %s.%s() needs an argument", type_name(d->owner), d->name->data);
  if (d->flags & kMethodClass) {
    if (!is_subtype(type_of(I, args[0]), I.rt.type_type) || !is_subtype(args[0].as<Type>(), d->owner))
      return raisef(I, I.rt.exc_TypeError, "descriptor '%s' for type '%s' needs a type, not a '%s' as arg 2",
                    d->name->data, type_name(d->owner), type_name(I, args[0]));
    return d->fn(I, args, nargs, kw);
  }
  if (!is_subtype(type_of(I, args[0]), d->owner))
    return raisef(I, I.rt.exc_TypeError, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object",
                  d->name->data, type_name(d->owner), type_name(I, args[0]));
  return d->fn(I, args, nargs, kw);
}
static Value mdescr_get(Isolate& I, Value descr, Value obj, Value type) {
  auto* d = descr.as<MethodDescriptor>();
  if (d->flags & kMethodStatic) return builtin_function_new(I, d->name, d->fn, Value::null(), d->doc);
  if (d->flags & kMethodClass) {
    Value cls = type.is_null() ? Value::object(type_of(I, obj)) : type;
    return builtin_function_new(I, d->name, d->fn, cls, d->doc);
  }
  if (obj.is_null()) return descr;
  if (!is_subtype(type_of(I, obj), d->owner))
    return raisef(I, I.rt.exc_TypeError, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object",
                  d->name->data, type_name(d->owner), type_name(I, obj));
  Value bound = builtin_function_new(I, d->name, d->fn, obj, d->doc);
  if (!bound.is_error()) bound.as<BuiltinFunction>()->is_method = true;
  return bound;
}
static Value mdescr_repr(Isolate& I, Value self) {
  auto* d = self.as<MethodDescriptor>();
  return str_value(I, "<method '" + std::string(d->name->view()) + "' of '" + type_name(d->owner) + "' objects>");
}
static Value mdescr_get_name(Isolate&, Value s) { return Value::object(s.as<MethodDescriptor>()->name); }
static Value mdescr_get_doc(Isolate& I, Value s) {
  const char* d = s.as<MethodDescriptor>()->doc;
  return d ? str_value(I, d) : Value::none();
}
static Value mdescr_get_qualname(Isolate& I, Value s) {
  auto* d = s.as<MethodDescriptor>();
  return str_value(I, std::string(type_name(d->owner)) + "." + std::string(d->name->view()));
}
static Value mdescr_get_objclass(Isolate&, Value s) { return Value::object(s.as<MethodDescriptor>()->owner); }

// --- getset and member descriptors -------------------------------------------------------

static void gsdescr_trace(Object* o, Tracer& t) {
  auto* d = static_cast<GetSetDescriptor*>(o);
  t.visit(d->name);
  t.visit(d->owner);
}
static Value gsdescr_get(Isolate& I, Value descr, Value obj, Value) {
  auto* d = descr.as<GetSetDescriptor>();
  if (obj.is_null()) return descr;
  if (!is_subtype(type_of(I, obj), d->owner))
    return raisef(I, I.rt.exc_TypeError, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object",
                  d->name->data, type_name(d->owner), type_name(I, obj));
  return d->get(I, obj);
}
static int gsdescr_set(Isolate& I, Value descr, Value obj, Value value) {
  auto* d = descr.as<GetSetDescriptor>();
  if (!d->set) {
    raisef(I, I.rt.exc_AttributeError, "attribute '%s' of '%s' objects is not writable", d->name->data, type_name(d->owner));
    return -1;
  }
  if (!is_subtype(type_of(I, obj), d->owner)) {
    raisef(I, I.rt.exc_TypeError, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object",
           d->name->data, type_name(d->owner), type_name(I, obj));
    return -1;
  }
  return d->set(I, obj, value);
}
static Value gsdescr_repr(Isolate& I, Value self) {
  auto* d = self.as<GetSetDescriptor>();
  return str_value(I, "<attribute '" + std::string(d->name->view()) + "' of '" + type_name(d->owner) + "' objects>");
}

static void member_trace(Object* o, Tracer& t) {
  auto* d = static_cast<MemberDescriptor*>(o);
  t.visit(d->name);
  t.visit(d->owner);
}
static Value member_get(Isolate& I, Value descr, Value obj, Value) {
  auto* d = descr.as<MemberDescriptor>();
  if (obj.is_null()) return descr;
  if (!is_subtype(type_of(I, obj), d->owner))
    return raisef(I, I.rt.exc_TypeError, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object",
                  d->name->data, type_name(d->owner), type_name(I, obj));
  Value v = *reinterpret_cast<Value*>(reinterpret_cast<char*>(obj.as_object()) + d->offset);
  if (v.is_null())
    return raisef(I, I.rt.exc_AttributeError, "'%s' object has no attribute '%s'", type_name(I, obj), d->name->data);
  return v;
}
static int member_set(Isolate& I, Value descr, Value obj, Value value) {
  auto* d = descr.as<MemberDescriptor>();
  // A private __slots__ entry is written only by its class's code, even
  // through the descriptor itself (docs/security.md, "Private names").
  if (looks_mangled(d->name) && check_private_attr(I, obj, d->name) < 0) return -1;
  if (!is_subtype(type_of(I, obj), d->owner)) {
    raisef(I, I.rt.exc_TypeError, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object",
           d->name->data, type_name(d->owner), type_name(I, obj));
    return -1;
  }
  Value* slot = reinterpret_cast<Value*>(reinterpret_cast<char*>(obj.as_object()) + d->offset);
  if (value.is_null() && slot->is_null()) {
    raisef(I, I.rt.exc_AttributeError, "'%s' object has no attribute '%s'", type_name(I, obj), d->name->data);
    return -1;
  }
  *slot = value;
  return 0;
}
static Value member_get_name(Isolate&, Value s) { return Value::object(s.as<MemberDescriptor>()->name); }
static Value member_get_objclass(Isolate&, Value s) { return Value::object(s.as<MemberDescriptor>()->owner); }
static Value member_get_qualname(Isolate& I, Value s) {
  auto* d = s.as<MemberDescriptor>();
  return str_value(I, std::string(type_name(d->owner)) + "." + std::string(d->name->view()));
}
static Value gsdescr_get_name(Isolate&, Value s) { return Value::object(s.as<GetSetDescriptor>()->name); }
static Value gsdescr_get_objclass(Isolate&, Value s) { return Value::object(s.as<GetSetDescriptor>()->owner); }
static Value gsdescr_get_qualname(Isolate& I, Value s) {
  auto* d = s.as<GetSetDescriptor>();
  return str_value(I, std::string(type_name(d->owner)) + "." + std::string(d->name->view()));
}
static Value descr_get_doc(Isolate&, Value) { return Value::none(); }

static Value member_repr(Isolate& I, Value self) {
  auto* d = self.as<MemberDescriptor>();
  return str_value(I, "<member '" + std::string(d->name->view()) + "' of '" + type_name(d->owner) + "' objects>");
}

// --- classmethod / staticmethod -------------------------------------------------------------

static void cm_trace(Object* o, Tracer& t) {
  auto* c = static_cast<ClassMethod*>(o);
  t.visit(c->func);
  t.visit(c->dict);
}
static Value cm_new(Isolate& I, Type* type, const Value* args, size_t nargs, Tuple* kw) {
  if (kw && kw->size()) return raisef(I, I.rt.exc_TypeError, "%s() takes no keyword arguments", type_name(type));
  if (nargs != 1) return raisef(I, I.rt.exc_TypeError, "%s expected 1 argument, got %zu", type_name(type), nargs);
  Value o = object_alloc(I, type);
  if (o.is_error()) return o;
  o.as<ClassMethod>()->func = args[0];
  return o;
}
static int cm_init(Isolate&, Value, const Value*, size_t, Tuple*) { return 0; }
static Value cm_get(Isolate& I, Value descr, Value obj, Value type) {
  Value cls = type.is_null() ? Value::object(type_of(I, obj)) : type;
  Value f = descr.as<ClassMethod>()->func;
  // 3.11 chains descriptors: classmethod(property) and friends.
  Type* ft = type_of(I, f);
  if (ft->descr_get && ft != I.rt.function_type && ft != I.rt.builtin_function_type)
    return ft->descr_get(I, f, cls, cls);
  return method_new(I, f, cls);
}
static Value sm_get(Isolate&, Value descr, Value, Value) { return descr.as<ClassMethod>()->func; }
static Value sm_call(Isolate& I, Value callee, const Value* args, size_t nargs, Tuple* kw) {
  return call(I, callee.as<ClassMethod>()->func, args, nargs, kw);
}
static Value cm_get_func(Isolate&, Value s) { return s.as<ClassMethod>()->func; }
static Value cm_get_isabstract(Isolate& I, Value s) {
  Value r = get_attr_opt(I, s.as<ClassMethod>()->func, I.rt.n___isabstractmethod__);
  if (r.is_error()) return r;
  return r.is_null() ? Value::false_() : r;
}
static Value cm_getattr(Isolate& I, Value self, Str* name) {
  Value r = generic_getattr(I, self, name);
  if (!r.is_null()) return r;
  // __name__, __doc__, __qualname__, __module__, __annotations__ come from
  // the wrapped function (3.10+).
  if (name == I.rt.n___name__ || name == I.rt.n___doc__ || name == I.rt.n___qualname__ ||
      name == I.rt.n___module__ || name == I.rt.n___annotations__)
    return get_attr_opt(I, self.as<ClassMethod>()->func, name);
  return r;
}
static Value cm_repr(Isolate& I, Value self) {
  std::string out = "<";
  out += type_name(I, self);
  out += "(";
  if (repr_append(I, self.as<ClassMethod>()->func, out) < 0) return Value::error();
  out += ")>";
  return str_value(I, out);
}

// --- property ------------------------------------------------------------------------------

static void prop_trace(Object* o, Tracer& t) {
  auto* p = static_cast<Property*>(o);
  t.visit(p->fget);
  t.visit(p->fset);
  t.visit(p->fdel);
  t.visit(p->doc);
  t.visit(p->name);
}
static int prop_init(Isolate& I, Value self, const Value* args, size_t nargs, Tuple* kw) {
  Value a[4];
  if (bind_args(I, "property", args, nargs, kw, {"fget", "fset", "fdel", "doc"}, 0, 4, 0, a) < 0) return -1;
  auto* p = self.as<Property>();
  p->fget = a[0].is_null() ? Value::none() : a[0];
  p->fset = a[1].is_null() ? Value::none() : a[1];
  p->fdel = a[2].is_null() ? Value::none() : a[2];
  p->doc = a[3].is_null() ? Value::none() : a[3];
  if (p->doc.is_none() && !p->fget.is_none()) {
    Value d = get_attr_opt(I, p->fget, I.rt.n___doc__);
    if (d.is_error()) return -1;
    if (!d.is_null()) p->doc = d;
  }
  return 0;
}
static Value prop_new(Isolate& I, Type* type, const Value*, size_t, Tuple*) {
  Value o = object_alloc(I, type);
  if (o.is_error()) return o;
  auto* p = o.as<Property>();
  p->fget = p->fset = p->fdel = p->doc = Value::none();
  return o;
}
static std::string prop_qualname(Isolate& I, Property* p, Value obj) {
  if (p->name) return std::string(p->name->view());
  Value n = p->fget.is_none() ? Value::null() : get_attr_opt(I, p->fget, I.rt.n___name__);
  if (n.is_error()) { I.pending = nullptr; return "?"; }
  if (!n.is_null() && type_of(I, n) == I.rt.str_type) return std::string(n.as<Str>()->view());
  (void)obj;
  return "";
}
static Value prop_get(Isolate& I, Value descr, Value obj, Value) {
  if (obj.is_null()) return descr;
  auto* p = descr.as<Property>();
  if (p->fget.is_none()) {
    std::string n = prop_qualname(I, p, obj);
    if (n.empty()) return raisef(I, I.rt.exc_AttributeError, "unreadable attribute");
    return raisef(I, I.rt.exc_AttributeError, "property '%s' of '%s' object has no getter", n.c_str(), type_name(I, obj));
  }
  return call(I, p->fget, &obj, 1, nullptr);
}
static int prop_set(Isolate& I, Value descr, Value obj, Value value) {
  auto* p = descr.as<Property>();
  Value f = value.is_null() ? p->fdel : p->fset;
  if (f.is_none()) {
    std::string n = prop_qualname(I, p, obj);
    if (n.empty()) raise(I, I.rt.exc_AttributeError, value.is_null() ? "can't delete attribute" : "can't set attribute");
    else raisef(I, I.rt.exc_AttributeError, "property '%s' of '%s' object has no %s", n.c_str(), type_name(I, obj),
                value.is_null() ? "deleter" : "setter");
    return -1;
  }
  Value r = value.is_null() ? call(I, f, &obj, 1, nullptr) : call(I, f, {obj, value});
  return r.is_error() ? -1 : 0;
}
static Value prop_copy(Isolate& I, Value self, Value fget, Value fset, Value fdel) {
  auto* p = self.as<Property>();
  Type* t = type_of(I, self);
  Value args[4] = {fget.is_null() ? p->fget : fget, fset.is_null() ? p->fset : fset,
                   fdel.is_null() ? p->fdel : fdel, p->doc};
  // A doc taken from the old getter is re-derived from the new one.
  if (!fget.is_null()) args[3] = Value::none();
  Value np = call(I, Value::object(t), args, 4, nullptr);
  if (np.is_error()) return np;
  if (type_of(I, np) == t || is_subtype(type_of(I, np), I.rt.property_type)) np.as<Property>()->name = p->name;
  return np;
}
static Value prop_getter(Isolate& I, const Value* a, size_t n, Tuple*) {
  if (n != 2) return raise(I, I.rt.exc_TypeError, "getter() takes exactly one argument");
  return prop_copy(I, a[0], a[1], Value::null(), Value::null());
}
static Value prop_setter(Isolate& I, const Value* a, size_t n, Tuple*) {
  if (n != 2) return raise(I, I.rt.exc_TypeError, "setter() takes exactly one argument");
  return prop_copy(I, a[0], Value::null(), a[1], Value::null());
}
static Value prop_deleter(Isolate& I, const Value* a, size_t n, Tuple*) {
  if (n != 2) return raise(I, I.rt.exc_TypeError, "deleter() takes exactly one argument");
  return prop_copy(I, a[0], Value::null(), Value::null(), a[1]);
}
static Value prop_set_name(Isolate& I, const Value* a, size_t n, Tuple*) {
  if (n != 3) return raise(I, I.rt.exc_TypeError, "__set_name__() takes 2 positional arguments");
  if (type_of(I, a[2]) == I.rt.str_type) a[0].as<Property>()->name = a[2].as<Str>();
  return Value::none();
}
static Value prop_fget(Isolate&, Value s) { return s.as<Property>()->fget; }
static Value prop_fset(Isolate&, Value s) { return s.as<Property>()->fset; }
static Value prop_fdel(Isolate&, Value s) { return s.as<Property>()->fdel; }
static Value prop_doc(Isolate&, Value s) { return s.as<Property>()->doc; }
static int prop_set_doc(Isolate&, Value s, Value v) { s.as<Property>()->doc = v.is_null() ? Value::none() : v; return 0; }
static Value prop_isabstract(Isolate& I, Value s) {
  auto* p = s.as<Property>();
  for (Value f : {p->fget, p->fset, p->fdel}) {
    if (f.is_none()) continue;
    Value r = get_attr_opt(I, f, I.rt.n___isabstractmethod__);
    if (r.is_error()) return r;
    if (!r.is_null()) {
      int t = truthy(I, r);
      if (t < 0) return Value::error();
      if (t) return Value::true_();
    }
  }
  return Value::false_();
}

// --- super -----------------------------------------------------------------------------------

struct Super : Object {
  Type* type;       // the class after which the lookup starts
  Value obj;        // the instance or class bound, or null
  Type* obj_type;
};

static void super_trace(Object* o, Tracer& t) {
  auto* s = static_cast<Super*>(o);
  t.visit(s->type);
  t.visit(s->obj);
  t.visit(s->obj_type);
}
static Type* super_check(Isolate& I, Type* type, Value obj) {
  if (is_subtype(type_of(I, obj), I.rt.type_type) && is_subtype(obj.as<Type>(), type)) return obj.as<Type>();
  if (is_subtype(type_of(I, obj), type)) return type_of(I, obj);
  Value cls = get_attr_opt(I, obj, I.rt.n___class__);
  if (cls.is_error()) return nullptr;
  if (!cls.is_null() && is_subtype(type_of(I, cls), I.rt.type_type) && is_subtype(cls.as<Type>(), type))
    return cls.as<Type>();
  raise(I, I.rt.exc_TypeError, "super(type, obj): obj must be an instance or subtype of type");
  return nullptr;
}
static Value super_new(Isolate& I, Type* t, const Value*, size_t, Tuple*) { return object_alloc(I, t); }
static int super_init(Isolate& I, Value self, const Value* args, size_t nargs, Tuple* kw) {
  if (kw && kw->size()) { raise(I, I.rt.exc_TypeError, "super() takes no keyword arguments"); return -1; }
  Value type, obj = Value::null();
  if (nargs == 0) {
    if (!super_zero_args(I, &type, &obj)) return -1;
  } else {
    if (nargs > 2) { raisef(I, I.rt.exc_TypeError, "super() takes at most 2 arguments (%zu given)", nargs); return -1; }
    type = args[0];
    if (nargs == 2) obj = args[1];
  }
  if (!is_subtype(type_of(I, type), I.rt.type_type)) {
    raisef(I, I.rt.exc_TypeError, "super() argument 1 must be a type, not %s", type_name(I, type));
    return -1;
  }
  auto* s = self.as<Super>();
  s->type = type.as<Type>();
  if (!obj.is_null() && !obj.is_none()) {
    s->obj_type = super_check(I, s->type, obj);
    if (!s->obj_type) return -1;
    s->obj = obj;
  }
  return 0;
}
static Value super_getattr(Isolate& I, Value self, Str* name) {
  auto* s = self.as<Super>();
  if (__builtin_expect(looks_mangled(name), 0) &&
      check_private_attr(I, s->obj.is_null() ? Value::object(s->type) : s->obj, name) < 0)
    return Value::error();
  if (s->obj_type && name != I.rt.n___class__) {
    Tuple* mro = s->obj_type->mro;
    size_t i = 0;
    for (; i < mro->size(); ++i)
      if (mro->items[i].as<Type>() == s->type) break;
    for (++i; i < mro->size(); ++i) {
      Value r = dict_get_str(mro->items[i].as<Type>()->dict, name);
      if (r.is_null()) continue;
      Type* rt = type_of(I, r);
      if (rt->descr_get) {
        Value obj = s->obj.is(Value::object(s->obj_type)) ? Value::null() : s->obj;
        return rt->descr_get(I, r, obj, Value::object(s->obj_type));
      }
      return r;
    }
  }
  return generic_getattr(I, self, name);
}
static Value super_get(Isolate& I, Value descr, Value obj, Value) {
  auto* s = descr.as<Super>();
  if (obj.is_null() || !s->obj.is_null()) return descr;
  Value args[2] = {Value::object(s->type), obj};
  return call(I, Value::object(type_of(I, descr)), args, 2, nullptr);
}
static Value super_repr(Isolate& I, Value self) {
  auto* s = self.as<Super>();
  std::string out = "<super: <class '";
  out += s->type ? type_name(s->type) : "NULL";
  out += "'>, ";
  if (s->obj_type) { out += "<"; out += type_name(s->obj_type); out += " object>"; } else out += "NULL";
  out += ">";
  return str_value(I, out);
}
static Value super_thisclass(Isolate&, Value s) { return Value::object(s.as<Super>()->type); }
static Value super_self(Isolate&, Value s) {
  Value v = s.as<Super>()->obj;
  return v.is_null() ? Value::none() : v;
}
static Value super_self_class(Isolate&, Value s) {
  Type* t = s.as<Super>()->obj_type;
  return t ? Value::object(t) : Value::none();
}

// method(function, instance, /): types.MethodType.
static Value method_new_slot(Isolate& I, Type*, const Value* args, size_t nargs, Tuple* kw) {
  if (kw && kw->size()) return raise(I, I.rt.exc_TypeError, "method() takes no keyword arguments");
  if (nargs != 2) return raisef(I, I.rt.exc_TypeError, "method expected 2 arguments, got %zu", nargs);
  if (!type_of(I, args[0])->call) return raise(I, I.rt.exc_TypeError, "first argument must be callable");
  if (args[1].is_none()) return raise(I, I.rt.exc_TypeError, "instance must not be None");
  return method_new(I, args[0], args[1]);
}

// --- cell ----------------------------------------------------------------------------------------

static void cell_trace(Object* o, Tracer& t) { t.visit(static_cast<Cell*>(o)->value); }
static Value cell_get_contents(Isolate& I, Value s) {
  Value v = s.as<Cell>()->value;
  if (v.is_null()) return raise(I, I.rt.exc_ValueError, "Cell is empty");
  return v;
}
static int cell_set_contents(Isolate&, Value s, Value v) { s.as<Cell>()->value = v; return 0; }
static Value cell_repr(Isolate& I, Value s) {
  Value v = s.as<Cell>()->value;
  if (v.is_null()) return str_value(I, "<cell at " + addr(I, s) + ": empty>");
  return str_value(I, "<cell at " + addr(I, s) + ": " + type_name(I, v) + " object at " + addr(I, v) + ">");
}

// --- start-up ---------------------------------------------------------------------------------------

void init_function_types(Runtime& rt) {
  Type* f = rt.function_type;
  f->basicsize = sizeof(Function);
  f->dict_offset = offsetof(Function, dict);
  f->trace = function_trace;
  f->call = function_call;
  f->descr_get = function_get;
  f->repr = function_repr;
  add_getsets(rt, f, {{"__name__", fn_get_name, fn_set_name}, {"__qualname__", fn_get_qualname, fn_set_qualname},
                      {"__doc__", fn_get_doc, fn_set_doc}, {"__module__", fn_get_module, fn_set_module},
                      {"__defaults__", fn_get_defaults, fn_set_defaults},
                      {"__kwdefaults__", fn_get_kwdefaults, fn_set_kwdefaults}, {"__dict__", fn_get_dict},
                      {"__annotations__", fn_get_annotations, fn_set_annotations}, {"__code__", fn_get_code},
                      {"__closure__", fn_get_closure}, {"__builtins__", fn_get_builtins}});

  Type* b = rt.builtin_function_type;
  b->basicsize = sizeof(BuiltinFunction);
  b->trace = builtin_trace;
  b->call = builtin_call;
  b->repr = builtin_repr;
  add_getsets(rt, b, {{"__name__", builtin_get_name}, {"__qualname__", builtin_get_name}, {"__self__", builtin_get_self},
                      {"__doc__", builtin_get_doc}, {"__module__", builtin_get_module}});

  Type* m = rt.method_type;
  m->new_ = method_new_slot;
  m->basicsize = sizeof(Method);
  m->trace = method_trace;
  m->call = method_call;
  m->repr = method_repr;
  m->richcompare = method_richcompare;
  m->hash = method_hash;
  m->getattr = method_getattr;
  m->descr_get = method_get;
  add_getsets(rt, m, {{"__func__", method_get_func}, {"__self__", method_get_self}});

  for (Type* t : {rt.method_descriptor_type, rt.classmethod_descriptor_type}) {
    t->basicsize = sizeof(MethodDescriptor);
    t->trace = mdescr_trace;
    t->call = mdescr_call;
    t->descr_get = mdescr_get;
    t->repr = mdescr_repr;
    add_getsets(rt, t, {{"__name__", mdescr_get_name}, {"__doc__", mdescr_get_doc},
                        {"__qualname__", mdescr_get_qualname}, {"__objclass__", mdescr_get_objclass}});
  }

  Type* g = rt.getset_descriptor_type;
  g->basicsize = sizeof(GetSetDescriptor);
  g->trace = gsdescr_trace;
  g->descr_get = gsdescr_get;
  g->descr_set = gsdescr_set;
  g->repr = gsdescr_repr;

  Type* mb = rt.member_descriptor_type;
  mb->basicsize = sizeof(MemberDescriptor);
  mb->trace = member_trace;
  mb->descr_get = member_get;
  mb->descr_set = member_set;
  mb->repr = member_repr;
  add_getsets(rt, mb, {{"__name__", member_get_name}, {"__qualname__", member_get_qualname},
                       {"__objclass__", member_get_objclass}, {"__doc__", descr_get_doc}});
  add_getsets(rt, g, {{"__name__", gsdescr_get_name}, {"__qualname__", gsdescr_get_qualname},
                      {"__objclass__", gsdescr_get_objclass}, {"__doc__", descr_get_doc}});

  for (Type* t : {rt.classmethod_type, rt.staticmethod_type}) {
    t->basicsize = sizeof(ClassMethod);
    t->dict_offset = offsetof(ClassMethod, dict);
    t->flags = kTypeBaseType;
    t->trace = cm_trace;
    t->new_ = cm_new;
    t->init = cm_init;
    t->getattr = cm_getattr;
    t->repr = cm_repr;
    add_getsets(rt, t, {{"__func__", cm_get_func}, {"__wrapped__", cm_get_func},
                        {"__isabstractmethod__", cm_get_isabstract}});
  }
  rt.classmethod_type->descr_get = cm_get;
  rt.staticmethod_type->descr_get = sm_get;
  rt.staticmethod_type->call = sm_call;

  Type* p = rt.property_type;
  p->basicsize = sizeof(Property);
  p->flags = kTypeBaseType;
  p->trace = prop_trace;
  p->new_ = prop_new;
  p->init = prop_init;
  p->descr_get = prop_get;
  p->descr_set = prop_set;
  add_methods(rt, p, {{"getter", prop_getter}, {"setter", prop_setter}, {"deleter", prop_deleter},
                      {"__set_name__", prop_set_name}});
  add_getsets(rt, p, {{"fget", prop_fget}, {"fset", prop_fset}, {"fdel", prop_fdel},
                      {"__doc__", prop_doc, prop_set_doc}, {"__isabstractmethod__", prop_isabstract}});

  Type* s = rt.super_type;
  s->basicsize = sizeof(Super);
  s->flags = kTypeBaseType;
  s->trace = super_trace;
  s->new_ = super_new;
  s->init = super_init;
  s->getattr = super_getattr;
  s->descr_get = super_get;
  s->repr = super_repr;
  add_getsets(rt, s, {{"__thisclass__", super_thisclass}, {"__self__", super_self}, {"__self_class__", super_self_class}});

  Type* c = rt.cell_type;
  c->basicsize = sizeof(Cell);
  c->trace = cell_trace;
  c->repr = cell_repr;
  add_getsets(rt, c, {{"cell_contents", cell_get_contents, cell_set_contents}});
}

}  // namespace capy
