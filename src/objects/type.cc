// type and object: class creation (type.__new__ with C3 MRO, __slots__,
// __set_name__, __init_subclass__, __classcell__), type.__call__,
// attribute access on classes, and the `object` base behaviour.
// Language Reference 3.3.3 "Customizing class creation".
#include "objects/type.h"

#include <cstdio>
#include <string>
#include <vector>

#include "objects/dict.h"
#include "objects/exception.h"
#include "objects/function.h"
#include "objects/int.h"
#include "objects/iterators.h"
#include "objects/list.h"
#include "objects/misc.h"
#include "objects/native.h"
#include "objects/ops.h"
#include "objects/private_names.h"
#include "objects/str.h"
#include "objects/tuple.h"

namespace capy {

// --- identity -----------------------------------------------------------------

uint64_t object_id(Isolate& I, Value v) {
  if (!v.is_object()) return v.bits() >> 1;  // immediates: derived from their bits
  const Object* o = v.as_object();
  // Shared objects: their start-up serial (never an address).
  if (o->immortal()) return 0x7e0000000000ull + (uint64_t(o->gc_bits_ >> kGcSerialShift) << 4);
  auto it = I.ids.find(o);
  if (it != I.ids.end()) return it->second;
  uint64_t id = 0x7f0000000000ull + (I.next_id++ << 4);
  I.ids.emplace(o, id);
  // The table's node, bucket and malloc overhead count against the heap
  // (hashing millions of objects fills it); credited when the object dies.
  I.heap.charge_force(kIdEntryBytes);
  return id;
}

static std::string qualified_name(Isolate& I, Type* t) {
  std::string out;
  if (t->is_heap()) {
    Value m = dict_get_str(t->dict, I.rt.n___module__);
    if (!m.is_null() && type_of(I, m) == I.rt.str_type) {
      std::string_view mv = m.as<Str>()->view();
      if (mv != "builtins") { out += mv; out += '.'; }
    }
    out += t->qualname ? t->qualname->view() : t->name->view();
  } else {
    out += t->name->view();
  }
  return out;
}

Value object_default_repr(Isolate& I, Value v) {
  char buf[32];
  snprintf(buf, sizeof buf, "%#llx", static_cast<unsigned long long>(object_id(I, v)));
  std::string s = "<" + qualified_name(I, type_of(I, v)) + " object at " + buf + ">";
  return str_value(I, s);
}

// --- object --------------------------------------------------------------------

Value object_alloc(Isolate& I, Type* type) {
  Object* o = I.heap.alloc_object(type, type->basicsize);
  if (!o) return raise_memory(I);
  return Value::object(o);
}

static bool overrides(Type* t, Str* name, Type* base) {
  Value a = type_lookup(t, name);
  Value b = type_lookup(base, name);
  return !a.is(b);
}

static Value object_new(Isolate& I, Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  // A builtin layout larger than object's (function, code, cell, frame-like
  // and iterator types...) is built only by its own constructor: object's
  // allocator would hand out a zero-filled husk that the VM trusts.
  Type* solid = type;
  while (solid->is_heap() && solid->base) solid = solid->base;
  if (solid != I.rt.object_type && solid->new_ == object_new)
    return raisef(I, I.rt.exc_TypeError, "cannot create '%s' instances", type_name(solid));
  size_t total = nargs + (kwnames ? kwnames->size() : 0);
  if (total) {
    if (!overrides(type, I.rt.n___init__, I.rt.object_type) || overrides(type, I.rt.n___new__, I.rt.object_type))
      return raisef(I, I.rt.exc_TypeError, "%s() takes no arguments", type_name(type));
  }
  if (type->flags & kTypeAbstract) {
    Value am = type_lookup(type, I.rt.n___abstractmethods__);
    std::string names;
    if (!am.is_null()) {
      Value lst = list_from_iterable(I, am);
      if (lst.is_error()) return lst;
      List* l = lst.as<List>();
      if (list_sort(I, l, Value::null(), false) < 0) return Value::error();
      for (size_t i = 0; i < l->size; ++i) {
        if (i) names += ", ";
        if (str_append(I, l->items[i], names) < 0) return Value::error();
      }
      return raisef(I, I.rt.exc_TypeError,
                    "Can't instantiate abstract class %s with abstract method%s %s", type_name(type),
                    l->size == 1 ? "" : "s", names.c_str());
    }
  }
  return object_alloc(I, type);
}

static int object_init(Isolate& I, Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  size_t total = nargs + (kwnames ? kwnames->size() : 0);
  if (total) {
    Type* type = type_of(I, self);
    if (overrides(type, I.rt.n___init__, I.rt.object_type) || !overrides(type, I.rt.n___new__, I.rt.object_type)) {
      raisef(I, I.rt.exc_TypeError, "%s.__init__() takes exactly one argument (the instance to initialize)",
             type_name(type));
      return -1;
    }
  }
  return 0;
}

static int64_t object_hash(Isolate& I, Value self) {
  uint64_t id = object_id(I, self);
  int64_t h = static_cast<int64_t>((id >> 4) | (id << 60));
  return h == -1 ? -2 : h;
}

static Value object_richcompare(Isolate& I, Value a, Value b, CompareOp op) {
  if (op == CompareOp::Eq) return a.is(b) ? Value::true_() : Value::not_implemented();
  if (op == CompareOp::Ne) {
    // By default __ne__ delegates to __eq__ and inverts the result.
    Type* t = type_of(I, a);
    if (!t->richcompare) return Value::not_implemented();
    Value r = t->richcompare(I, a, b, CompareOp::Eq);
    if (r.is_error() || r.is_not_implemented()) return r;
    int x = truthy(I, r);
    if (x < 0) return Value::error();
    return Value::boolean(!x);
  }
  return Value::not_implemented();
}

static Value object_str(Isolate& I, Value self) { return repr(I, self); }

static Value object_format(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (check_no_kwargs(I, "__format__", kw) < 0 || check_nargs(I, "__format__", nargs, 2, 2) < 0)
    return Value::error();
  if (!is_subtype(type_of(I, args[1]), I.rt.str_type))
    return raisef(I, I.rt.exc_TypeError, "__format__() argument must be str, not %s", type_name(I, args[1]));
  if (args[1].as<Str>()->size() != 0)
    return raisef(I, I.rt.exc_TypeError, "unsupported format string passed to %s.__format__",
                  type_name(I, args[0]));
  return str(I, args[0]);
}

static Value object_dir(Isolate& I, const Value* args, size_t nargs, Tuple*) {
  Dict* names = dict_new(I);
  if (!names) return Value::error();
  Value self = args[0];
  if (self.is_object()) {
    if (Dict** slot = object_dict_slot(self.as_object()); slot && *slot)
      if (dict_merge_from(I, names, *slot) < 0) return Value::error();
  }
  Type* t = type_of(I, self);
  for (size_t i = 0; i < t->mro->size(); ++i)
    if (dict_merge_from(I, names, t->mro->items[i].as<Type>()->dict) < 0) return Value::error();
  List* l = list_new(I, 0);
  uint32_t pos = 0;
  Value k, v;
  while (dict_next(names, &pos, &k, &v))
    if (list_append(I, l, k) < 0) return Value::error();
  return Value::object(l);
}

static Value object_init_subclass(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  (void)args;
  if (nargs > 1 || (kw && kw->size()))
    return raisef(I, I.rt.exc_TypeError, "%s.__init_subclass__() takes no keyword arguments",
                  nargs ? type_name(args[0].as<Type>()) : "object");
  return Value::none();
}

static Value object_subclasshook(Isolate&, const Value*, size_t, Tuple*) { return Value::not_implemented(); }

static Value object_sizeof(Isolate& I, const Value* args, size_t, Tuple*) {
  return Value::small_int(type_of(I, args[0])->basicsize);
}

static Value object_reduce_ex(Isolate& I, const Value* args, size_t, Tuple*) {
  return raisef(I, I.rt.exc_TypeError, "cannot pickle '%s' object", type_name(I, args[0]));
}

static Value object_get_class(Isolate& I, Value self) { return Value::object(type_of(I, self)); }

static int object_set_class(Isolate& I, Value self, Value value) {
  if (value.is_null()) { raise(I, I.rt.exc_TypeError, "can't delete __class__ attribute"); return -1; }
  if (!is_subtype(type_of(I, value), I.rt.type_type)) {
    raisef(I, I.rt.exc_TypeError, "__class__ must be set to a class, not '%s' object", type_name(I, value));
    return -1;
  }
  Type* old = type_of(I, self);
  Type* nt = value.as<Type>();
  if (self.is_object() && old->is_heap() && nt->is_heap()) {
    // Leaving a class behind must not strip the privacy of what it stored.
    Dict** slot = object_dict_slot(self.as_object());
    if (Type* k = foreign_private_state(I, self, slot ? *slot : nullptr, nt, true)) {
      raisef(I, I.rt.exc_TypeError, "__class__ assignment: '%s' object holds attributes private to class '%s'",
             type_name(old), type_name(k));
      return -1;
    }
  }
  if (!self.is_object() || !old->is_heap() || !nt->is_heap() || old->basicsize != nt->basicsize ||
      old->dict_offset != nt->dict_offset || old->itemsize != nt->itemsize) {
    raisef(I, I.rt.exc_TypeError, "__class__ assignment: '%s' object layout differs from '%s'", type_name(nt),
           type_name(old));
    return -1;
  }
  self.as_object()->type_ = nt;
  return 0;
}

static Value object_get_dict(Isolate& I, Value self) {
  Dict** slot = self.is_object() ? object_dict_slot(self.as_object()) : nullptr;
  if (!slot)
    return raisef(I, I.rt.exc_AttributeError, "'%s' object has no attribute '__dict__'", type_name(I, self));
  if (!*slot) {
    *slot = dict_new(I);
    if (!*slot) return Value::error();
  }
  return guarded_namespace(I, self, *slot);
}

static int object_set_dict(Isolate& I, Value self, Value value) {
  Dict** slot = self.is_object() ? object_dict_slot(self.as_object()) : nullptr;
  if (!slot) {
    raisef(I, I.rt.exc_AttributeError, "'%s' object has no attribute '__dict__'", type_name(I, self));
    return -1;
  }
  if (value.is_null() || type_of(I, value) != I.rt.dict_type) {
    raisef(I, I.rt.exc_TypeError, "__dict__ must be set to a dictionary, not a '%s'",
           value.is_null() ? "NoneType" : type_name(I, value));
    return -1;
  }
  *slot = value.as<Dict>();
  return 0;
}

// --- type -------------------------------------------------------------------------

static void type_trace(Object* o, Tracer& t) {
  Type* ty = static_cast<Type*>(o);
  t.visit(ty->name);
  t.visit(ty->qualname);
  t.visit(ty->module);
  t.visit(ty->base);
  t.visit(ty->bases);
  t.visit(ty->mro);
  t.visit(ty->dict);
  t.visit(ty->slot_names);
  t.visit(ty->private_scope);
}

static Value type_repr(Isolate& I, Value self) {
  Type* t = self.as<Type>();
  return str_value(I, "<class '" + qualified_name(I, t) + "'>");
}

static Value type_call(Isolate& I, Value callee, const Value* args, size_t nargs, Tuple* kwnames) {
  Type* t = callee.as<Type>();
  size_t nkw = kwnames ? kwnames->size() : 0;
  if (t == I.rt.type_type && nargs == 1 && nkw == 0) return Value::object(type_of(I, args[0]));
  if (!t->new_)
    return raisef(I, I.rt.exc_TypeError, "cannot create '%s' instances", qualified_name(I, t).c_str());
  Value obj = t->new_(I, t, args, nargs, kwnames);
  if (obj.is_error()) return obj;
  // Data model 3.3.1: __init__ runs only when __new__ returned an instance of the class.
  if (t == I.rt.type_type && nargs == 1 && nkw == 0) return obj;
  Type* ot = type_of(I, obj);
  if (!is_subtype(ot, t)) return obj;
  if (ot->init && ot->init(I, obj, args, nargs, kwnames) < 0) return Value::error();
  return obj;
}

static Value type_getattr(Isolate& I, Value self, Str* name) {
  if (__builtin_expect(looks_mangled(name), 0) && check_private_attr(I, self, name) < 0) return Value::error();
  Type* t = self.as<Type>();
  Type* meta = type_of(I, self);
  Value meta_attr = type_lookup(meta, name);
  DescrGetFn meta_get = nullptr;
  if (!meta_attr.is_null()) {
    Type* mt = type_of(I, meta_attr);
    meta_get = mt->descr_get;
    if (meta_get && mt->descr_set) return meta_get(I, meta_attr, self, Value::object(meta));
  }
  Value attr = type_lookup(t, name);
  if (!attr.is_null()) {
    Type* at = type_of(I, attr);
    if (at->descr_get) return at->descr_get(I, attr, Value::null(), self);
    return attr;
  }
  if (meta_get) return meta_get(I, meta_attr, self, Value::object(meta));
  return meta_attr;
}

static bool is_dunder(Str* name) {
  std::string_view v = name->view();
  return v.size() > 4 && v.substr(0, 2) == "__" && v.substr(v.size() - 2) == "__";
}

static int type_setattr(Isolate& I, Value self, Str* name, Value value) {
  if (__builtin_expect(looks_mangled(name), 0) && check_private_attr(I, self, name) < 0) return -1;
  Type* t = self.as<Type>();
  if (!t->is_heap()) {
    raisef(I, I.rt.exc_TypeError, "cannot set '%s' attribute of immutable type '%s'", name->data, type_name(t));
    return -1;
  }
  Type* meta = type_of(I, self);
  Value meta_attr = type_lookup(meta, name);
  if (!meta_attr.is_null()) {
    Type* mt = type_of(I, meta_attr);
    if (mt->descr_set) return mt->descr_set(I, meta_attr, self, value);
  }
  if (value.is_null()) {
    int r = dict_del(I, t->dict, Value::object(name));
    if (r == 0) {
      raisef(I, I.rt.exc_AttributeError, "type object '%s' has no attribute '%s'", type_name(t), name->data);
      return -1;
    }
    if (r < 0) return -1;
  } else if (dict_set_str(I, t->dict, name, value) < 0) {
    return -1;
  }
  t->version++;
  if (is_dunder(name)) type_fixup_slots(I, t);
  return 0;
}

// C3 linearisation (Python 2.3 MRO paper), with CPython's error message.
static Tuple* compute_mro(Isolate& I, Type* t) {
  std::vector<std::vector<Type*>> seqs;
  Tuple* bases = t->bases;
  for (size_t i = 0; i < bases->size(); ++i) {
    Type* b = bases->items[i].as<Type>();
    std::vector<Type*> s;
    for (size_t j = 0; j < b->mro->size(); ++j) s.push_back(b->mro->items[j].as<Type>());
    seqs.push_back(std::move(s));
  }
  {
    std::vector<Type*> s;
    for (size_t i = 0; i < bases->size(); ++i) s.push_back(bases->items[i].as<Type>());
    seqs.push_back(std::move(s));
  }
  std::vector<Type*> result{t};
  std::vector<size_t> heads(seqs.size(), 0);
  for (;;) {
    bool empty = true;
    for (size_t i = 0; i < seqs.size(); ++i)
      if (heads[i] < seqs[i].size()) empty = false;
    if (empty) break;
    Type* cand = nullptr;
    for (size_t i = 0; i < seqs.size() && !cand; ++i) {
      if (heads[i] >= seqs[i].size()) continue;
      Type* c = seqs[i][heads[i]];
      bool in_tail = false;
      for (size_t j = 0; j < seqs.size() && !in_tail; ++j)
        for (size_t k = heads[j] + 1; k < seqs[j].size(); ++k)
          if (seqs[j][k] == c) { in_tail = true; break; }
      if (!in_tail) cand = c;
    }
    if (!cand) {
      std::string names;
      std::vector<Type*> seen;
      for (size_t i = 0; i < seqs.size(); ++i) {
        if (heads[i] >= seqs[i].size()) continue;
        Type* c = seqs[i][heads[i]];
        bool dup = false;
        for (Type* s : seen) dup |= s == c;
        if (dup) continue;
        seen.push_back(c);
        if (!names.empty()) names += ", ";
        names += type_name(c);
      }
      raisef(I, I.rt.exc_TypeError,
             "Cannot create a consistent method resolution\norder (MRO) for bases %s", names.c_str());
      return nullptr;
    }
    result.push_back(cand);
    for (size_t i = 0; i < seqs.size(); ++i)
      if (heads[i] < seqs[i].size() && seqs[i][heads[i]] == cand) heads[i]++;
  }
  Tuple* mro = tuple_new(I, result.size());
  if (!mro) return nullptr;
  for (size_t i = 0; i < result.size(); ++i) mro->items[i] = Value::object(result[i]);
  return mro;
}

// The base whose instance layout a class extends (CPython's solid_base).
static Type* solid_base(Type* t) {
  Type* b = t->base ? solid_base(t->base) : t;
  if (!t->base) return t;
  bool extends = t->basicsize != t->base->basicsize || t->itemsize != t->base->itemsize;
  if (t->is_heap()) extends = t->nslots != 0;
  return extends ? t : b;
}

static Type* best_base(Isolate& I, Tuple* bases) {
  Type* base = nullptr;
  Type* winner = nullptr;
  for (size_t i = 0; i < bases->size(); ++i) {
    Value b = bases->items[i];
    if (!is_subtype(type_of(I, b), I.rt.type_type)) {
      raise(I, I.rt.exc_TypeError, "bases must be types");
      return nullptr;
    }
    Type* bt = b.as<Type>();
    if (!(bt->flags & kTypeBaseType)) {
      raisef(I, I.rt.exc_TypeError, "type '%s' is not an acceptable base type", type_name(bt));
      return nullptr;
    }
    Type* cand = solid_base(bt);
    if (!winner) {
      winner = cand;
      base = bt;
    } else if (is_subtype(winner, cand)) {
    } else if (is_subtype(cand, winner)) {
      winner = cand;
      base = bt;
    } else {
      raise(I, I.rt.exc_TypeError, "multiple bases have instance lay-out conflict");
      return nullptr;
    }
  }
  return base;
}

static Value wrap_if_function(Isolate& I, Value v, Type* wrapper) {
  if (type_of(I, v) != I.rt.function_type) return v;
  Object* o = I.heap.alloc_object(wrapper, wrapper->basicsize);
  if (!o) return raise_memory(I);
  static_cast<ClassMethod*>(o)->func = v;
  return Value::object(o);
}

Value type_new_class(Isolate& I, Type* metatype, Str* name, Tuple* bases, Dict* ns, Tuple* kwnames,
                     const Value* kwvalues) {
  const Runtime& rt = I.rt;
  if (bases->size() == 0) {
    Value o = Value::object(rt.object_type);
    bases = tuple_from(I, &o, 1);
    if (!bases) return Value::error();
  }
  // Metaclass calculation (Language Reference 3.3.3.3).
  Type* winner = metatype;
  for (size_t i = 0; i < bases->size(); ++i) {
    Type* bm = type_of(I, bases->items[i]);
    if (is_subtype(winner, bm)) continue;
    if (is_subtype(bm, winner)) { winner = bm; continue; }
    return raise(I, rt.exc_TypeError,
                 "metaclass conflict: the metaclass of a derived class must be a (non-strict) "
                 "subclass of the metaclasses of all its bases");
  }
  if (winner != metatype && winner->new_ && winner->new_ != metatype->new_) {
    Value args[3] = {Value::object(name), Value::object(bases), Value::object(ns)};
    return call(I, Value::object(winner), args, 3, nullptr);
  }
  metatype = winner;
  Type* base = best_base(I, bases);
  if (!base) return Value::error();

  Object* o = I.heap.alloc_object(metatype, metatype->basicsize < sizeof(Type) ? sizeof(Type) : metatype->basicsize);
  if (!o) return raise_memory(I);
  Type* t = static_cast<Type*>(o);
  t->name = name;
  t->qualname = name;
  t->base = base;
  t->bases = bases;
  t->flags = kTypeHeap | kTypeBaseType | (base->flags & 0x00FFFF00u);
  t->basicsize = base->basicsize;
  t->itemsize = base->itemsize;
  t->dict_offset = base->dict_offset;
  t->dict = dict_copy(I, ns);
  if (!t->dict) return Value::error();
  Dict* d = t->dict;

  Value qn = dict_get_str(d, rt.n___qualname__);
  if (!qn.is_null()) {
    if (type_of(I, qn) != rt.str_type)
      return raisef(I, rt.exc_TypeError, "type __qualname__ must be a str, not %s", type_name(I, qn));
    t->qualname = qn.as<Str>();
    if (dict_del(I, d, Value::object(rt.n___qualname__)) < 0) return Value::error();
  }
  if (dict_get_str(d, rt.n___module__).is_null()) {
    // Taken from the globals of the caller by the VM's class-body code; default here.
    if (dict_set_str(I, d, rt.n___module__, Value::object(I.intern("__main__"))) < 0) return Value::error();
  }
  if (dict_get_str(d, rt.n___doc__).is_null())
    if (dict_set_str(I, d, rt.n___doc__, Value::none()) < 0) return Value::error();

  // __slots__ (Data model 3.3.2.4).
  Value slots = dict_get_str(d, rt.n___slots__);
  bool want_dict = base->dict_offset == 0;
  if (!slots.is_null()) {
    Value seq = type_of(I, slots) == rt.str_type ? tuple_value(I, &slots, 1) : tuple_from_iterable(I, slots);
    if (seq.is_error()) return seq;
    Tuple* names = seq.as<Tuple>();
    want_dict = false;
    std::vector<Str*> members;
    for (size_t i = 0; i < names->size(); ++i) {
      Value n = names->items[i];
      if (type_of(I, n) != rt.str_type)
        return raisef(I, rt.exc_TypeError, "__slots__ items must be strings, not '%s'", type_name(I, n));
      Str* s = I.intern(n.as<Str>()->view());
      if (s == rt.n___dict__) {
        if (base->dict_offset) return raise(I, rt.exc_TypeError, "__dict__ slot disallowed: we already got one");
        want_dict = true;
        continue;
      }
      if (s == rt.n___weakref__) continue;
      {
        // A private slot name is mangled with the class name, as the
        // compiler mangles `self.__x` in the class's methods (_Py_Mangle).
        std::string_view sv = s->view();
        std::string_view cls = name->view();
        while (!cls.empty() && cls.front() == '_') cls.remove_prefix(1);
        if (sv.size() > 2 && sv.substr(0, 2) == "__" && sv.substr(sv.size() - 2) != "__" &&
            sv.find('.') == std::string_view::npos && !cls.empty()) {
          s = I.intern("_" + std::string(cls) + std::string(sv));
          if (!s) return Value::error();
        }
      }
      if (!dict_get_str(d, s).is_null())
        return raisef(I, rt.exc_ValueError, "'%s' in __slots__ conflicts with class variable", s->data);
      members.push_back(s);
    }
    if (!members.empty() && base->itemsize)
      return raisef(I, rt.exc_TypeError, "nonempty __slots__ not supported for subtype of '%s'", type_name(base));
    t->slot_names = names;
    t->slots_offset = t->basicsize;
    t->nslots = static_cast<uint32_t>(members.size());
    for (size_t i = 0; i < members.size(); ++i) {
      Object* mo = I.heap.alloc_object(rt.member_descriptor_type, sizeof(MemberDescriptor));
      if (!mo) return raise_memory(I);
      auto* md = static_cast<MemberDescriptor*>(mo);
      md->name = members[i];
      md->owner = t;
      md->offset = t->basicsize + static_cast<uint32_t>(i * sizeof(Value));
      if (dict_set_str(I, d, members[i], Value::object(md)) < 0) return Value::error();
    }
    t->basicsize += t->nslots * sizeof(Value);
  }
  if (want_dict && base->dict_offset == 0 && !(base->flags & kTypeTypeSubclass)) {
    if (base->itemsize) {
      t->dict_offset = -1;
    } else {
      t->dict_offset = static_cast<int32_t>(t->basicsize);
      t->basicsize += sizeof(Dict*);
    }
    t->flags |= kTypeHasDict;
  }

  // Implicit classmethod/staticmethod wrapping of special methods.
  for (Str* n : {rt.n___init_subclass__, rt.n___class_getitem__}) {
    Value f = dict_get_str(d, n);
    if (!f.is_null()) {
      Value w = wrap_if_function(I, f, rt.classmethod_type);
      if (w.is_error() || dict_set_str(I, d, n, w) < 0) return Value::error();
    }
  }
  {
    Value f = dict_get_str(d, rt.n___new__);
    if (!f.is_null()) {
      Value w = wrap_if_function(I, f, rt.staticmethod_type);
      if (w.is_error() || dict_set_str(I, d, rt.n___new__, w) < 0) return Value::error();
    }
  }
  // A class that defines __eq__ but not __hash__ is unhashable (Data model 3.3.1).
  if (!dict_get_str(d, rt.n___eq__).is_null() && dict_get_str(d, rt.n___hash__).is_null())
    if (dict_set_str(I, d, rt.n___hash__, Value::none()) < 0) return Value::error();

  t->mro = compute_mro(I, t);
  if (!t->mro) return Value::error();
  type_fixup_slots(I, t);

  // Zero-argument super(): fill the __class__ cell.
  Value cell = dict_get_str(d, rt.n___classcell__);
  if (!cell.is_null()) {
    if (type_of(I, cell) != rt.cell_type)
      return raisef(I, rt.exc_TypeError, "__classcell__ must be a nonlocal cell, not %s", type_name(I, cell));
    cell.as<Cell>()->value = Value::object(t);
    if (dict_del(I, d, Value::object(rt.n___classcell__)) < 0) return Value::error();
  }

  // __set_name__ on every attribute (in definition order).
  Value tv = Value::object(t);
  uint32_t pos = 0;
  Value k, v;
  std::vector<std::pair<Value, Value>> attrs;
  while (dict_next(d, &pos, &k, &v)) attrs.emplace_back(k, v);
  for (auto& [key, val] : attrs) {
    Value sn = lookup_special(I, val, rt.n___set_name__);
    if (sn.is_error()) return sn;
    if (sn.is_null()) continue;
    Value args[2] = {tv, key};
    if (call(I, sn, args, 2, nullptr).is_error()) {
      if (I.ended != LimitKind::None) return Value::error();
      // 3.11 wraps the error (Data model 3.3.3.6 / CPython's type_new_set_names).
      BaseExc* cause = I.take_pending();
      std::string msg = "Error calling __set_name__ on '";
      msg += type_name(I, val);
      msg += "' instance ";
      if (repr_append(I, key, msg) < 0) I.pending = nullptr;
      msg += " in '";
      msg += name->view();
      msg += "'";
      raise(I, rt.exc_RuntimeError, msg);
      if (I.pending && cause) {
        I.pending->cause = Value::object(cause);
        I.pending->context = Value::object(cause);
        I.pending->suppress_context = true;
      }
      return Value::error();
    }
  }
  // super(t, t).__init_subclass__(**kwargs)
  Tuple* mro = t->mro;
  for (size_t i = 1; i < mro->size(); ++i) {
    Value f = dict_get_str(mro->items[i].as<Type>()->dict, rt.n___init_subclass__);
    if (f.is_null()) continue;
    Type* ft = type_of(I, f);
    Value bound = ft->descr_get ? ft->descr_get(I, f, Value::null(), tv) : f;
    if (bound.is_error()) return bound;
    if (call(I, bound, kwvalues, 0, kwnames).is_error()) return Value::error();
    break;
  }
  return tv;
}

static Value type_new(Isolate& I, Type* metatype, const Value* args, size_t nargs, Tuple* kwnames) {
  size_t nkw = kwnames ? kwnames->size() : 0;
  if (metatype == I.rt.type_type && nargs == 1 && nkw == 0) return Value::object(type_of(I, args[0]));
  if (nargs != 3) return raise(I, I.rt.exc_TypeError, "type() takes 1 or 3 arguments");
  if (type_of(I, args[0]) != I.rt.str_type)
    return raisef(I, I.rt.exc_TypeError, "type.__new__() argument 1 must be str, not %s", type_name(I, args[0]));
  if (!is_subtype(type_of(I, args[1]), I.rt.tuple_type))
    return raisef(I, I.rt.exc_TypeError, "type.__new__() argument 2 must be tuple, not %s", type_name(I, args[1]));
  if (!is_subtype(type_of(I, args[2]), I.rt.dict_type))
    return raisef(I, I.rt.exc_TypeError, "type.__new__() argument 3 must be dict, not %s", type_name(I, args[2]));
  Str* name = I.intern(args[0].as<Str>()->view());
  return type_new_class(I, metatype, name, args[1].as<Tuple>(), args[2].as<Dict>(), kwnames, args + nargs);
}

static int type_init(Isolate& I, Value, const Value*, size_t nargs, Tuple*) {
  if (nargs != 1 && nargs != 3) {
    raise(I, I.rt.exc_TypeError, "type.__init__() takes 1 or 3 arguments");
    return -1;
  }
  return 0;
}

static Value type_get_name(Isolate& I, Value self) {
  Type* t = self.as<Type>();
  if (!t->is_heap()) {
    // Native module types are named "module.Name" (CPython's tp_name convention).
    std::string_view n = t->name->view();
    size_t dot = n.rfind('.');
    if (dot != std::string_view::npos) return str_value(I, n.substr(dot + 1));
  }
  return Value::object(t->name);
}
static int type_set_name(Isolate& I, Value self, Value v) {
  Type* t = self.as<Type>();
  if (!t->is_heap()) { raisef(I, I.rt.exc_TypeError, "cannot set '__name__' attribute of immutable type '%s'", type_name(t)); return -1; }
  if (v.is_null() || type_of(I, v) != I.rt.str_type) {
    raisef(I, I.rt.exc_TypeError, "can only assign string to %s.__name__, not '%s'", type_name(t),
           v.is_null() ? "NoneType" : type_name(I, v));
    return -1;
  }
  t->name = v.as<Str>();
  return 0;
}
static Value type_get_qualname(Isolate&, Value self) { return Value::object(self.as<Type>()->qualname); }
static int type_set_qualname(Isolate& I, Value self, Value v) {
  Type* t = self.as<Type>();
  if (!t->is_heap() || v.is_null() || type_of(I, v) != I.rt.str_type) {
    raise(I, I.rt.exc_TypeError, "can only assign string to __qualname__");
    return -1;
  }
  t->qualname = v.as<Str>();
  return 0;
}
static Value type_get_module(Isolate& I, Value self) {
  Type* t = self.as<Type>();
  if (t->is_heap()) {
    Value m = dict_get_str(t->dict, I.rt.n___module__);
    if (!m.is_null()) return m;
  }
  std::string_view n = t->name->view();
  size_t dot = n.rfind('.');
  if (dot != std::string_view::npos) return str_value(I, n.substr(0, dot));
  if (t->module && t->module != I.rt.n_builtins) return Value::object(t->module);
  return Value::object(I.rt.n_builtins);
}
static int type_set_module(Isolate& I, Value self, Value v) {
  Type* t = self.as<Type>();
  if (!t->is_heap()) { raise(I, I.rt.exc_TypeError, "cannot set '__module__' attribute of immutable type"); return -1; }
  return dict_set_str(I, t->dict, I.rt.n___module__, v.is_null() ? Value::none() : v);
}
static Value type_get_bases(Isolate&, Value self) { return Value::object(self.as<Type>()->bases); }
static Value type_get_base(Isolate&, Value self) {
  Type* b = self.as<Type>()->base;
  return b ? Value::object(b) : Value::none();
}
static Value type_get_mro(Isolate&, Value self) { return Value::object(self.as<Type>()->mro); }
Value mappingproxy_new(Isolate& I, Dict* d) {
  Object* o = I.heap.alloc_object(I.rt.mappingproxy_type, sizeof(Object) + sizeof(Value));
  if (!o) return raise_memory(I);
  *reinterpret_cast<Value*>(reinterpret_cast<char*>(o) + sizeof(Object)) = Value::object(d);
  return Value::object(o);
}
static Value type_get_dict(Isolate& I, Value self) { return mappingproxy_new(I, self.as<Type>()->dict); }
static Value type_get_doc(Isolate& I, Value self) {
  Type* t = self.as<Type>();
  Value d = dict_get_str(t->dict, I.rt.n___doc__);
  if (d.is_null()) return Value::none();
  Type* dt = type_of(I, d);
  if (dt->descr_get) return dt->descr_get(I, d, Value::null(), self);
  return d;
}
static Value type_get_abstractmethods(Isolate& I, Value self) {
  Type* t = self.as<Type>();
  Value v = t != I.rt.type_type ? dict_get_str(t->dict, I.rt.n___abstractmethods__) : Value::null();
  if (v.is_null()) return raise(I, I.rt.exc_AttributeError, "__abstractmethods__");
  return v;
}
static int type_set_abstractmethods(Isolate& I, Value self, Value v) {
  Type* t = self.as<Type>();
  if (!t->is_heap()) { raise(I, I.rt.exc_TypeError, "cannot set '__abstractmethods__' attribute of immutable type"); return -1; }
  if (v.is_null()) {
    if (dict_del(I, t->dict, Value::object(I.rt.n___abstractmethods__)) < 0) return -1;
    t->flags &= ~kTypeAbstract;
    return 0;
  }
  int truth = truthy(I, v);
  if (truth < 0) return -1;
  if (dict_set_str(I, t->dict, I.rt.n___abstractmethods__, v) < 0) return -1;
  if (truth) t->flags |= kTypeAbstract; else t->flags &= ~kTypeAbstract;
  return 0;
}

static Value type_mro_method(Isolate& I, const Value* args, size_t nargs, Tuple*) {
  Type* t = args[0].as<Type>();
  return list_value(I, t->mro->items, t->mro->size());
}

static Value type_instancecheck(Isolate& I, const Value* args, size_t nargs, Tuple*) {
  if (nargs != 2) return raise(I, I.rt.exc_TypeError, "__instancecheck__ expects 1 argument");
  Type* cls = args[0].as<Type>();
  if (is_subtype(type_of(I, args[1]), cls)) return Value::true_();
  Value c = get_attr_opt(I, args[1], I.rt.n___class__);
  if (c.is_error()) return c;
  if (!c.is_null() && is_subtype(type_of(I, c), I.rt.type_type)) return Value::boolean(is_subtype(c.as<Type>(), cls));
  return Value::false_();
}

static Value type_subclasscheck(Isolate& I, const Value* args, size_t nargs, Tuple*) {
  if (nargs != 2) return raise(I, I.rt.exc_TypeError, "__subclasscheck__ expects 1 argument");
  if (!is_subtype(type_of(I, args[1]), I.rt.type_type))
    return raise(I, I.rt.exc_TypeError, "issubclass() arg 1 must be a class");
  return Value::boolean(is_subtype(args[1].as<Type>(), args[0].as<Type>()));
}

// __subclasses__ lists the classes of *this isolate* whose __bases__ include
// the receiver (found by walking the isolate's heap, in creation order). The
// builtin types are shared by every isolate and keep no subclass lists, so
// nothing outside the isolate is reachable this way.
static Value type_subclasses(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (check_no_kwargs(I, "__subclasses__", kw) < 0 || check_nargs(I, "__subclasses__", nargs - 1, 0, 0) < 0)
    return Value::error();
  Type* self = args[0].as<Type>();
  std::vector<Type*> found;
  for (Object* o = I.heap.all_objects(); o; o = o->gc_next_) {
    if (!(o->type_->flags & kTypeTypeSubclass)) continue;
    Type* t = static_cast<Type*>(o);
    // Only finished classes: one whose creation failed half-way (out of
    // memory) may still be on the heap until the next collection.
    if (!t->bases || !t->mro || !t->dict || !t->name) continue;
    for (size_t i = 0; i < t->bases->size(); ++i)
      if (t->bases->items[i].as_object() == self) { found.push_back(t); break; }
  }
  List* l = list_new(I, 0);
  if (!l) return Value::error();
  for (size_t i = found.size(); i-- > 0;)
    if (list_append(I, l, Value::object(found[i])) < 0) return Value::error();
  return Value::object(l);
}

// --- X | Y: types.UnionType (PEP 604) -------------------------------------------------

struct Union : Object {
  Tuple* args;
};

static bool unionable(Isolate& I, Value v) {
  Type* t = type_of(I, v);
  return v.is_none() || is_subtype(t, I.rt.type_type) || t == I.rt.union_type;
}

static int union_add(Isolate& I, std::vector<Value>& out, Value v) {
  if (v.is_none()) v = Value::object(I.rt.none_type);
  if (type_of(I, v) == I.rt.union_type) {
    Tuple* a = v.as<Union>()->args;
    for (size_t i = 0; i < a->size(); ++i)
      if (union_add(I, out, a->items[i]) < 0) return -1;
    return 0;
  }
  for (Value x : out)
    if (x.is(v)) return 0;
  out.push_back(v);
  return 0;
}

static Value union_or(Isolate& I, Value a, Value b) {
  if (!unionable(I, a) || !unionable(I, b)) return Value::not_implemented();
  std::vector<Value> items;
  if (union_add(I, items, a) < 0 || union_add(I, items, b) < 0) return Value::error();
  if (items.size() == 1) return items[0];
  Tuple* t = tuple_from(I, items.data(), items.size());
  if (!t) return Value::error();
  auto* u = static_cast<Union*>(I.heap.alloc_object(I.rt.union_type, sizeof(Union)));
  if (!u) return raise_memory(I);
  u->args = t;
  return Value::object(u);
}

static void union_trace(Object* o, Tracer& t) { t.visit(static_cast<Union*>(o)->args); }

static Value union_repr(Isolate& I, Value self) {
  Tuple* a = self.as<Union>()->args;
  std::string out;
  for (size_t i = 0; i < a->size(); ++i) {
    if (i) out += " | ";
    Value x = a->items[i];
    if (x.as_object() == I.rt.none_type) { out += "None"; continue; }
    if (is_subtype(type_of(I, x), I.rt.type_type)) {
      Type* t = x.as<Type>();
      std::string q = qualified_name(I, t);
      out += q;
    } else if (repr_append(I, x, out) < 0) {
      return Value::error();
    }
  }
  return str_value(I, out);
}

static Value union_args(Isolate&, Value self) { return Value::object(self.as<Union>()->args); }

static Value union_richcompare(Isolate& I, Value a, Value b, CompareOp op) {
  if ((op != CompareOp::Eq && op != CompareOp::Ne) || type_of(I, b) != I.rt.union_type) return Value::not_implemented();
  Tuple* x = a.as<Union>()->args;
  Tuple* y = b.as<Union>()->args;
  bool same = x->size() == y->size();
  for (size_t i = 0; same && i < x->size(); ++i) {
    bool found = false;
    for (size_t j = 0; j < y->size(); ++j) found |= x->items[i].is(y->items[j]);
    same = found;
  }
  return Value::boolean(op == CompareOp::Eq ? same : !same);
}

static int64_t union_hash(Isolate& I, Value self) {
  Tuple* a = self.as<Union>()->args;
  int64_t h = 0x345678;
  for (size_t i = 0; i < a->size(); ++i) h ^= static_cast<int64_t>(object_id(I, a->items[i]));
  return h == -1 ? -2 : h;
}

static Value union_instancecheck(Isolate& I, const Value* args, size_t nargs, Tuple*) {
  if (nargs != 2) return raise(I, I.rt.exc_TypeError, "__instancecheck__ expects 1 argument");
  int r = is_instance(I, args[1], Value::object(args[0].as<Union>()->args));
  return r < 0 ? Value::error() : Value::boolean(r);
}

static Value union_subclasscheck(Isolate& I, const Value* args, size_t nargs, Tuple*) {
  if (nargs != 2) return raise(I, I.rt.exc_TypeError, "__subclasscheck__ expects 1 argument");
  int r = is_subclass(I, args[1], Value::object(args[0].as<Union>()->args));
  return r < 0 ? Value::error() : Value::boolean(r);
}

static Value type_prepare(Isolate& I, const Value*, size_t, Tuple*) {
  Dict* d = dict_new(I);
  return d ? Value::object(d) : Value::error();
}

static Value type_dir(Isolate& I, const Value* args, size_t, Tuple*) {
  Type* t = args[0].as<Type>();
  Dict* names = dict_new(I);
  for (size_t i = 0; i < t->mro->size(); ++i)
    if (dict_merge_from(I, names, t->mro->items[i].as<Type>()->dict) < 0) return Value::error();
  List* l = list_new(I, 0);
  uint32_t pos = 0;
  Value k, v;
  while (dict_next(names, &pos, &k, &v))
    if (list_append(I, l, k) < 0) return Value::error();
  return Value::object(l);
}

// --- isinstance / issubclass ------------------------------------------------------------

static int check_class_arg(Isolate& I, Value cls, const char* fn) {
  if (is_subtype(type_of(I, cls), I.rt.type_type)) return 0;
  raisef(I, I.rt.exc_TypeError, "%s() arg 2 must be a type, a tuple of types, or a union", fn);
  return -1;
}

int is_instance(Isolate& I, Value v, Value cls) {
  Type* vt = type_of(I, v);
  if (vt == reinterpret_cast<Type*>(cls.is_object() ? cls.as_object() : nullptr)) return 1;
  Type* ct = type_of(I, cls);
  if (ct == I.rt.type_type) return is_subtype(vt, cls.as<Type>());
  if (is_subtype(ct, I.rt.tuple_type)) {
    // Nested tuples recurse natively (CPython: Py_EnterRecursiveCall).
    if (!recursion_enter(I, " in __instancecheck__")) return -1;
    Tuple* t = cls.as<Tuple>();
    int r = 0;
    for (size_t i = 0; i < t->size() && r == 0; ++i) r = is_instance(I, v, t->items[i]);
    recursion_leave(I);
    return r;
  }
  Value check = lookup_special(I, cls, I.rt.n___instancecheck__);
  if (check.is_error()) return -1;
  if (!check.is_null()) {
    Value r = call(I, check, &v, 1, nullptr);
    if (r.is_error()) return -1;
    return truthy(I, r);
  }
  return check_class_arg(I, cls, "isinstance") < 0 ? -1 : 0;
}

int is_subclass(Isolate& I, Value derived, Value cls) {
  Type* ct = type_of(I, cls);
  if (ct == I.rt.type_type && is_subtype(type_of(I, derived), I.rt.type_type))
    return is_subtype(derived.as<Type>(), cls.as<Type>());
  if (is_subtype(ct, I.rt.tuple_type)) {
    // Nested tuples recurse natively (CPython: Py_EnterRecursiveCall).
    if (!recursion_enter(I, " in __subclasscheck__")) return -1;
    Tuple* t = cls.as<Tuple>();
    int r = 0;
    for (size_t i = 0; i < t->size() && r == 0; ++i) r = is_subclass(I, derived, t->items[i]);
    recursion_leave(I);
    return r;
  }
  Value check = lookup_special(I, cls, I.rt.n___subclasscheck__);
  if (check.is_error()) return -1;
  if (!check.is_null()) {
    Value r = call(I, check, &derived, 1, nullptr);
    if (r.is_error()) return -1;
    return truthy(I, r);
  }
  if (!is_subtype(type_of(I, derived), I.rt.type_type)) {
    raise(I, I.rt.exc_TypeError, "issubclass() arg 1 must be a class");
    return -1;
  }
  return check_class_arg(I, cls, "issubclass") < 0 ? -1 : 0;
}

// --- mappingproxy (read-only view of a class __dict__) ---------------------------------

static Dict* proxy_dict(Value self) {
  return reinterpret_cast<Value*>(reinterpret_cast<char*>(self.as_object()) + sizeof(Object))->as<Dict>();
}
static void proxy_trace(Object* o, Tracer& t) {
  t.visit(*reinterpret_cast<Value*>(reinterpret_cast<char*>(o) + sizeof(Object)));
}
static Value proxy_getitem(Isolate& I, Value self, Value key) {
  Value r = dict_get(I, proxy_dict(self), key);
  if (r.is_null()) {
    Tuple* a = tuple_from(I, &key, 1);
    if (!a) return Value::error();
    BaseExc* e = exception_new(I, I.rt.exc_KeyError, a);
    if (!e) return Value::error();
    I.pending = e;
    return Value::error();
  }
  return r;
}
static int64_t proxy_len(Isolate&, Value self) { return proxy_dict(self)->count; }
static int proxy_contains(Isolate& I, Value self, Value key) {
  Value r = dict_get(I, proxy_dict(self), key);
  return r.is_error() ? -1 : !r.is_null();
}
static Value proxy_iter(Isolate& I, Value self) { return get_iter(I, Value::object(proxy_dict(self))); }
static Value proxy_repr(Isolate& I, Value self) {
  Value r = repr(I, Value::object(proxy_dict(self)));
  if (r.is_error()) return r;
  return str_value(I, "mappingproxy(" + std::string(r.as<Str>()->view()) + ")");
}
static Value proxy_forward(Isolate& I, const Value* args, size_t nargs, Tuple* kw, const char* name) {
  Value m = get_attr(I, Value::object(proxy_dict(args[0])), name);
  if (m.is_error()) return m;
  return call(I, m, args + 1, nargs - 1, kw);
}
static Value proxy_keys(Isolate& I, const Value* a, size_t n, Tuple* k) { return proxy_forward(I, a, n, k, "keys"); }
static Value proxy_values(Isolate& I, const Value* a, size_t n, Tuple* k) { return proxy_forward(I, a, n, k, "values"); }
static Value proxy_items(Isolate& I, const Value* a, size_t n, Tuple* k) { return proxy_forward(I, a, n, k, "items"); }
static Value proxy_get(Isolate& I, const Value* a, size_t n, Tuple* k) { return proxy_forward(I, a, n, k, "get"); }
static Value proxy_copy(Isolate& I, const Value* a, size_t n, Tuple* k) { return proxy_forward(I, a, n, k, "copy"); }

// --- start-up ---------------------------------------------------------------------------------

void init_type_and_object(Runtime& rt) {
  Type* o = rt.object_type;
  o->basicsize = sizeof(Object);
  o->flags = kTypeBaseType;
  o->repr = object_default_repr;
  o->str = object_str;
  o->hash = object_hash;
  o->richcompare = object_richcompare;
  o->getattr = generic_getattr;
  o->setattr = generic_setattr;
  o->new_ = object_new;
  o->init = object_init;
  add_methods(rt, o, {
      {"__format__", object_format},
      {"__dir__", object_dir},
      {"__init_subclass__", object_init_subclass, kMethodClass},
      {"__subclasshook__", object_subclasshook, kMethodClass},
      {"__sizeof__", object_sizeof},
      {"__reduce_ex__", object_reduce_ex},
      {"__reduce__", object_reduce_ex},
  });
  add_getsets(rt, o, {{"__class__", object_get_class, object_set_class}});
  // __dict__ for instances is found through the class of heap types:
  // it is added to every heap type's base chain via object's getset.
  add_getsets(rt, o, {{"__dict__", object_get_dict, object_set_dict}});

  Type* t = rt.type_type;
  t->basicsize = sizeof(Type);
  t->flags = kTypeBaseType | kTypeTypeSubclass;
  t->repr = type_repr;
  t->call = type_call;
  t->getattr = type_getattr;
  t->setattr = type_setattr;
  t->new_ = type_new;
  t->init = type_init;
  t->trace = type_trace;
  add_methods(rt, t, {
      {"mro", type_mro_method},
      {"__instancecheck__", type_instancecheck},
      {"__subclasscheck__", type_subclasscheck},
      {"__prepare__", type_prepare, kMethodClass},
      {"__dir__", type_dir},
      {"__subclasses__", type_subclasses},
  });
  t->nb[int(NbOp::Or)] = union_or;

  Type* u = rt.union_type;
  u->basicsize = sizeof(Union);
  u->module = rt.intern_immortal("types");
  u->trace = union_trace;
  u->repr = union_repr;
  u->richcompare = union_richcompare;
  u->hash = union_hash;
  u->nb[int(NbOp::Or)] = union_or;
  add_methods(rt, u, {{"__instancecheck__", union_instancecheck}, {"__subclasscheck__", union_subclasscheck}});
  add_getsets(rt, u, {{"__args__", union_args}});
  add_getsets(rt, t, {
      {"__name__", type_get_name, type_set_name},
      {"__qualname__", type_get_qualname, type_set_qualname},
      {"__module__", type_get_module, type_set_module},
      {"__bases__", type_get_bases},
      {"__base__", type_get_base},
      {"__mro__", type_get_mro},
      {"__dict__", type_get_dict},
      {"__doc__", type_get_doc},
      {"__abstractmethods__", type_get_abstractmethods, type_set_abstractmethods},
  });

  Type* mp = rt.mappingproxy_type;
  mp->basicsize = sizeof(Object) + sizeof(Value);
  mp->trace = proxy_trace;
  mp->getitem = proxy_getitem;
  mp->len = proxy_len;
  mp->contains = proxy_contains;
  mp->iter = proxy_iter;
  mp->repr = proxy_repr;
  add_methods(rt, mp, {{"keys", proxy_keys}, {"values", proxy_values}, {"items", proxy_items},
                       {"get", proxy_get}, {"copy", proxy_copy}});
}

}  // namespace capy
