// __build_class__ (CPython's builtin___build_class__) and the builtins that
// need the running frame: globals(), locals().
#include <string>

#include "objects/dict.h"
#include "objects/function.h"
#include "objects/native.h"
#include "objects/ops.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/list.h"
#include "objects/generator.h"
#include "vm/code.h"
#include "vm/eval.h"
#include "vm/interpreter.h"
#include "vm/vm_internal.h"

namespace capy {

namespace {

// update_bases: applies __mro_entries__. Returns the (possibly new) bases tuple.
Value update_bases(Isolate& I, Tuple* orig) {
  List* nb = nullptr;
  size_t n = orig->size();
  for (size_t i = 0; i < n; ++i) {
    Value base = orig->items[i];
    if (type_of(I, base)->flags & kTypeTypeSubclass) {
      if (nb && list_append(I, nb, base) < 0) return Value::error();
      continue;
    }
    Value meth = get_attr_opt(I, base, I.rt.n___mro_entries__);
    if (meth.is_error()) return meth;
    if (meth.is_null()) {
      if (nb && list_append(I, nb, base) < 0) return Value::error();
      continue;
    }
    Value arg = Value::object(orig);
    Value nbase = call(I, meth, &arg, 1, nullptr);
    if (nbase.is_error()) return nbase;
    if (!(type_of(I, nbase)->flags & kTypeTupleSubclass)) {
      return raise(I, I.rt.exc_TypeError, "__mro_entries__ must return a tuple");
    }
    if (!nb) {
      nb = list_new(I);
      if (!nb) return Value::error();
      for (size_t j = 0; j < i; ++j)
        if (list_append(I, nb, orig->items[j]) < 0) return Value::error();
    }
    Tuple* t = nbase.as<Tuple>();
    for (size_t j = 0; j < t->size(); ++j)
      if (list_append(I, nb, t->items[j]) < 0) return Value::error();
  }
  if (!nb) return Value::object(orig);
  return tuple_value(I, nb->items, nb->size);
}

Type* calculate_metaclass(Isolate& I, Type* meta, Tuple* bases) {
  Type* winner = meta;
  for (size_t i = 0; i < bases->size(); ++i) {
    Type* tmp = type_of(I, bases->items[i]);
    if (is_subtype(winner, tmp)) continue;
    if (is_subtype(tmp, winner)) {
      winner = tmp;
      continue;
    }
    raise(I, I.rt.exc_TypeError,
          "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the "
          "metaclasses of all its bases");
    return nullptr;
  }
  return winner;
}

Value builtin_build_class(Isolate& I, const Value* args, size_t nargs, Tuple* kwnames) {
  if (nargs < 2) return raise(I, I.rt.exc_TypeError, "__build_class__: not enough arguments");
  Value func = args[0];
  if (type_of(I, func) != I.rt.function_type) {
    return raise(I, I.rt.exc_TypeError, "__build_class__: func must be a function");
  }
  Value name = args[1];
  if (!(type_of(I, name)->flags & kTypeStrSubclass)) {
    return raise(I, I.rt.exc_TypeError, "__build_class__: name is not a string");
  }
  Tuple* orig_bases = tuple_from(I, args + 2, nargs - 2);
  if (!orig_bases) return Value::error();
  Value bv = update_bases(I, orig_bases);
  if (bv.is_error()) return bv;
  Tuple* bases = bv.as<Tuple>();

  // Keyword arguments: metaclass= is taken out, the rest go to __prepare__ and the metaclass.
  Value meta = Value::null();
  Value kwvals[64];
  Value kwkeys[64];
  size_t nkw = 0;
  size_t total_kw = kwnames ? kwnames->size() : 0;
  if (total_kw > 64) return raise(I, I.rt.exc_TypeError, "__build_class__: too many keyword arguments");
  for (size_t i = 0; i < total_kw; ++i) {
    Value k = kwnames->items[i];
    if (k.is(Value::object(I.rt.n_metaclass)) ||
        ((type_of(I, k)->flags & kTypeStrSubclass) && k.as<Str>()->view() == "metaclass")) {
      meta = args[nargs + i];
      continue;
    }
    kwkeys[nkw] = k;
    kwvals[nkw] = args[nargs + i];
    ++nkw;
  }
  Tuple* mkw = nullptr;
  if (nkw) {
    mkw = tuple_from(I, kwkeys, nkw);
    if (!mkw) return Value::error();
  }
  bool isclass;
  if (meta.is_null()) {
    meta = bases->size() == 0 ? Value::object(I.rt.type_type) : Value::object(type_of(I, bases->items[0]));
    isclass = true;
  } else {
    isclass = (type_of(I, meta)->flags & kTypeTypeSubclass) != 0;
  }
  if (isclass) {
    Type* winner = calculate_metaclass(I, meta.as<Type>(), bases);
    if (!winner) return Value::error();
    meta = Value::object(winner);
  }
  // __prepare__
  Value ns;
  Value prep = get_attr_opt(I, meta, I.rt.n___prepare__);
  if (prep.is_error()) return prep;
  if (prep.is_null()) {
    Dict* d = dict_new(I);
    if (!d) return Value::error();
    ns = Value::object(d);
  } else {
    Value pargs[2 + 64];
    pargs[0] = name;
    pargs[1] = Value::object(bases);
    for (size_t i = 0; i < nkw; ++i) pargs[2 + i] = kwvals[i];
    ns = call(I, prep, pargs, 2, mkw);
    if (ns.is_error()) return ns;
  }
  Type* nst = type_of(I, ns);
  if (!nst->getitem || !ns.is_object()) {
    return raisef(I, I.rt.exc_TypeError, "%s.__prepare__() must return a mapping, not %s",
                  isclass ? type_name(meta.as<Type>()) : "<metaclass>", type_name(nst));
  }
  Value cell = run_class_body(I, func.as<Function>(), ns.as_object());
  if (cell.is_error()) return cell;
  if (bases != orig_bases) {
    Value key = Value::object(I.rt.n___orig_bases__);
    if (set_item(I, ns, key, Value::object(orig_bases)) < 0) return Value::error();
  }
  Value margs[3 + 64];
  margs[0] = name;
  margs[1] = Value::object(bases);
  margs[2] = ns;
  for (size_t i = 0; i < nkw; ++i) margs[3 + i] = kwvals[i];
  Value cls = call(I, meta, margs, 3, mkw);
  if (cls.is_error()) return cls;
  // The class's mangled attributes become private to the code compiled in
  // this body (a class that already has a body keeps it).
  Code* body = func.as<Function>()->code;
  if ((type_of(I, cls)->flags & kTypeTypeSubclass) && cls.as<Type>()->is_heap() &&
      !cls.as<Type>()->private_scope && body->private_scope == body)
    cls.as<Type>()->private_scope = body;
  if ((type_of(I, cls)->flags & kTypeTypeSubclass) && type_of(I, cell) == I.rt.cell_type) {
    Value cell_cls = cell.as<Cell>()->value;
    if (!cell_cls.is(cls)) {
      std::string rn, rc;
      if (repr_append(I, name, rn) < 0 || repr_append(I, cls, rc) < 0) return Value::error();
      if (cell_cls.is_null()) {
        return raisef(I, I.rt.exc_RuntimeError,
                      "__class__ not set defining %s as %s. Was __classcell__ propagated to type.__new__?",
                      rn.c_str(), rc.c_str());
      }
      std::string rcc;
      if (repr_append(I, cell_cls, rcc) < 0) return Value::error();
      return raisef(I, I.rt.exc_TypeError, "__class__ set to %s defining %s as %s", rcc.c_str(), rn.c_str(),
                    rc.c_str());
    }
  }
  return cls;
}

Value builtin_globals(Isolate& I, const Value* args, size_t nargs, Tuple* kwnames) {
  if (check_no_kwargs(I, "globals", kwnames) < 0) return Value::error();
  if (nargs != 0) return raisef(I, I.rt.exc_TypeError, "globals() takes no arguments (%zu given)", nargs);
  if (I.frame) return Value::object(I.frame->globals);
  if (I.main_globals) return Value::object(I.main_globals);
  return Value::none();
}

Value builtin_locals(Isolate& I, const Value* args, size_t nargs, Tuple* kwnames) {
  if (check_no_kwargs(I, "locals", kwnames) < 0) return Value::error();
  if (nargs != 0) return raisef(I, I.rt.exc_TypeError, "locals() takes no arguments (%zu given)", nargs);
  return frame_locals(I);
}

}  // namespace

Value frame_locals(Isolate& I) {
  Frame* f = I.frame;
  if (!f) {
    if (I.main_globals) return Value::object(I.main_globals);
    return raise(I, I.rt.exc_SystemError, "frame does not exist");
  }
  if (f->locals) return Value::object(f->locals);
  // A function frame: a snapshot of the fast locals and cells.
  Code* co = f->code;
  Dict* d = dict_new(I);
  if (!d) return Value::error();
  for (uint32_t i = 0; i < co->nlocalsplus; ++i) {
    Value v = f->localsplus[i];
    uint8_t kind = co->localsplus_kinds[i];
    if (kind & (compiler::kFastCell | compiler::kFastFree)) {
      // Before MAKE_CELL/COPY_FREE_VARS ran the slot may not hold a cell yet.
      if (v.is_object() && v.as_object()->type_ == I.rt.cell_type) v = v.as<Cell>()->value;
      // Free variables of class bodies are not locals (CPython skips __class__-like ones too).
    }
    if (v.is_null()) continue;
    if (dict_set(I, d, co->localsplus_names->items[i], v) < 0) return Value::error();
  }
  return Value::object(d);
}

void init_vm_types(Runtime& rt) {
  init_code_type(rt);
  init_generator_types(rt);
}

void init_vm_builtins(Runtime& rt) {
  Isolate& B = rt.bootstrap();
  auto add = [&](const char* name, NativeFn fn) {
    Value f = make_builtin(rt, name, fn);
    dict_set_str(B, rt.builtins, rt.intern_immortal(name), f);
  };
  add("__build_class__", builtin_build_class);
  add("globals", builtin_globals);
  add("locals", builtin_locals);
  init_eval_builtins(rt);
}

}  // namespace capy
