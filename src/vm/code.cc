// Code objects: materialisation from compiler::CodeUnit, line lookup and the
// guest-visible (read-only, bytecode-free) `code` type.
#include "vm/code.h"

#include <cstring>
#include <new>
#include <string>

#include "compiler/code_unit.h"
#include "compiler/opcodes.h"
#include "objects/bytes.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/native.h"
#include "objects/ops.h"
#include "objects/set.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "vm/frame.h"
#include "vm/isolate.h"
#include "vm/runtime.h"
#include "vm/vm_internal.h"

namespace capy {

using compiler::CodeUnit;
using UnitPtr = std::shared_ptr<const CodeUnit>;

namespace {

UnitPtr& unit_ptr(Code* c) { return *reinterpret_cast<UnitPtr*>(c->unit_storage); }

bool is_identifier_like(const std::string& s) {
  for (unsigned char ch : s) {
    if (!(ch == '_' || (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z')))
      return false;
  }
  return true;
}

Code* code_from_unit_in(Isolate& I, const std::shared_ptr<const compiler::CodeUnit>& unit, Code* scope);

Value const_value(Isolate& I, const compiler::Const& c, Code* scope) {
  using K = compiler::Const;
  switch (c.kind()) {
    case K::kNone: return Value::none();
    case K::kEllipsis: return Value::ellipsis();
    case K::kBool: return Value::boolean(c.get<bool>());
    case K::kInt: return int_from_i64(I, c.get<int64_t>());
    case K::kBigInt: return int_from_string(I, c.get<compiler::BigIntConst>().decimal, 10);
    case K::kFloat: return Value::from_double(c.get<double>());
    case K::kComplex: {
      const auto& z = c.get<compiler::ComplexConst>();
      return complex_new(I, z.real, z.imag);
    }
    case K::kStr: {
      const std::string& s = c.get<std::string>();
      if (s.size() <= 64 && is_identifier_like(s)) {
        Str* r = I.intern(s);
        if (!r) return Value::error();
        return Value::object(r);
      }
      return str_value(I, s);
    }
    case K::kBytes: return bytes_value(I, c.get<compiler::BytesConst>().data);
    case K::kTuple: {
      const auto& t = c.get<compiler::TupleConst>();
      if (t.frozenset) {
        Set* s = set_new(I, true);
        if (!s) return Value::error();
        for (const auto& item : t.items) {
          Value v = const_value(I, item, scope);
          if (v.is_error()) return v;
          if (set_add(I, s, v) < 0) return Value::error();
        }
        return Value::object(s);
      }
      if (t.items.empty()) return Value::object(I.rt.empty_tuple);
      Tuple* tup = tuple_new(I, t.items.size());
      if (!tup) return Value::error();
      for (size_t i = 0; i < t.items.size(); ++i) {
        Value v = const_value(I, t.items[i], scope);
        if (v.is_error()) return v;
        tup->items[i] = v;
      }
      return Value::object(tup);
    }
    case K::kCode: {
      Code* sub = code_from_unit_in(I, c.get<compiler::CodeConst>(), scope);
      if (!sub) return Value::error();
      return Value::object(sub);
    }
  }
  return Value::none();
}

Tuple* interned_tuple(Isolate& I, const std::vector<std::string>& names) {
  if (names.empty()) return I.rt.empty_tuple;
  Tuple* t = tuple_new(I, names.size());
  if (!t) return nullptr;
  for (size_t i = 0; i < names.size(); ++i) {
    Str* s = I.intern(names[i]);
    if (!s) return nullptr;
    t->items[i] = Value::object(s);
  }
  return t;
}

void code_trace(Object* o, Tracer& t) {
  Code* c = static_cast<Code*>(o);
  t.visit(c->consts);
  t.visit(c->names);
  t.visit(c->localsplus_names);
  t.visit(c->filename);
  t.visit(c->name);
  t.visit(c->qualname);
  t.visit(c->doc);
  t.visit(c->private_scope);
  for (uint32_t i = 0; i < c->ncaches; ++i) {
    InlineCache& ic = c->caches[i];
    t.visit(static_cast<const Object*>(ic.key));
    t.visit(static_cast<const Object*>(ic.key2));
    t.visit(ic.value);
  }
}

void code_finalize(Isolate& I, Object* o) {
  Code* c = static_cast<Code*>(o);
  if (c->instrs) {
    I.heap.free_raw(c->instrs, (size_t(c->ninstrs) + 1) * sizeof(uint32_t));
    c->instrs = nullptr;
  }
  if (c->caches) {
    I.heap.free_raw(c->caches, size_t(c->ncaches) * sizeof(InlineCache));
    c->caches = nullptr;
    c->ncaches = 0;
  }
  if (unit_ptr(c)) {
    I.heap.credit(c->unit().positions.size() * sizeof(compiler::Position));
    unit_ptr(c).~UnitPtr();
    new (c->unit_storage) UnitPtr();
  }
}

}  // namespace

Code* code_from_unit(Isolate& I, const UnitPtr& unit) { return code_from_unit_in(I, unit, nullptr); }

namespace {

// `scope`: the code of the nearest enclosing class body (nullptr outside classes).
Code* code_from_unit_in(Isolate& I, const UnitPtr& unit, Code* scope) {
  using compiler::Opcode;
  const CodeUnit& u = *unit;
  Code* c = static_cast<Code*>(I.heap.alloc_object(I.rt.code_type, sizeof(Code)));
  if (!c) { raise_memory(I); return nullptr; }
  // Keep the fields consistent for the GC before anything else allocates.
  c->doc = Value::none();
  c->private_scope = u.class_body ? c : scope;
  if (!I.heap.charge(u.positions.size() * sizeof(compiler::Position))) {
    raise_memory(I);
    return nullptr;
  }
  new (c->unit_storage) UnitPtr(unit);

  c->ninstrs = static_cast<uint32_t>(u.code.size());
  c->instrs = static_cast<uint32_t*>(I.heap.alloc_raw(u.code.size() * sizeof(uint32_t) + 4));
  if (!c->instrs) { c->ninstrs = 0; raise_memory(I); return nullptr; }
  if (!u.code.empty()) std::memcpy(c->instrs, u.code.data(), u.code.size() * sizeof(uint32_t));
  // (the +4 keeps a zero word after the last instruction; freed with ninstrs*4+4)
  c->instrs[u.code.size()] = 0;

  // Validate the opcodes (the dispatch table only covers real ones) and
  // quicken the cacheable instructions.
  {
    uint32_t ncache = 0;
    for (size_t i = 0; i < u.code.size(); ++i) {
      uint32_t op = u.code[i] & 0xFF;
      if (op >= static_cast<uint32_t>(compiler::kNumOpcodes)) {
        raisef(I, I.rt.exc_SystemError, "invalid opcode %u in code unit", op);
        return nullptr;
      }
      bool prefixed = i > 0 && compiler::opcode_of(u.code[i - 1]) == Opcode::EXTENDED_ARG;
      Opcode o = compiler::opcode_of(u.code[i]);
      if (!prefixed && (o == Opcode::LOAD_GLOBAL || o == Opcode::LOAD_ATTR || o == Opcode::LOAD_METHOD)) ++ncache;
    }
    if (ncache) {
      c->caches = static_cast<InlineCache*>(I.heap.alloc_raw(ncache * sizeof(InlineCache)));
      if (!c->caches) {
        raise_memory(I);
        return nullptr;
      }
      std::memset(static_cast<void*>(c->caches), 0, ncache * sizeof(InlineCache));
      c->ncaches = ncache;
      uint32_t k = 0;
      for (size_t i = 0; i < u.code.size(); ++i) {
        bool prefixed = i > 0 && compiler::opcode_of(u.code[i - 1]) == Opcode::EXTENDED_ARG;
        Opcode o = compiler::opcode_of(u.code[i]);
        uint32_t vop;
        if (o == Opcode::LOAD_GLOBAL) vop = vmop::LOAD_GLOBAL_CACHED;
        else if (o == Opcode::LOAD_ATTR) vop = vmop::LOAD_ATTR_CACHED;
        else if (o == Opcode::LOAD_METHOD) vop = vmop::LOAD_METHOD_CACHED;
        else continue;
        if (prefixed) continue;
        InlineCache& ic = c->caches[k];
        ic.operand = compiler::operand_of(u.code[i]);
        ic.value = Value::null();
        ic.index = UINT32_MAX;
        c->instrs[i] = vop | (k << 8);
        ++k;
      }
    }
  }

  c->flags = u.flags;
  c->argcount = u.argcount;
  c->posonlyargcount = u.posonlyargcount;
  c->kwonlyargcount = u.kwonlyargcount;
  c->nlocals = static_cast<uint32_t>(u.varnames.size());
  c->ncells = static_cast<uint32_t>(u.cellvars.size());
  c->nfrees = static_cast<uint32_t>(u.freevars.size());
  c->nlocalsplus = static_cast<uint32_t>(u.nlocalsplus());
  c->stacksize = u.stacksize + 2;  // slack for the VM's own pushes (e.g. the resume value)
  c->frame_bytes = static_cast<uint32_t>(sizeof(Frame) + (size_t(c->nlocalsplus) + c->stacksize) * sizeof(Value));
  c->firstlineno = u.firstlineno;
  c->localsplus_kinds = u.localsplus_kinds.data();
  c->exctable = u.exception_table.data();
  c->nexctable = static_cast<uint32_t>(u.exception_table.size());

  bool simple = !(u.flags & (compiler::CO_VARARGS | compiler::CO_VARKEYWORDS)) && u.kwonlyargcount == 0;
  bool cells = false;
  for (size_t i = 0; i < u.localsplus_kinds.size(); ++i) {
    if (u.localsplus_kinds[i] & (compiler::kFastCell | compiler::kFastFree)) cells = true;
  }
  if (simple) c->flags |= kCodeSimpleArgs;
  if (cells) c->flags |= kCodeHasCells;

  c->filename = I.intern(u.filename);
  c->name = I.intern(u.name);
  c->qualname = I.intern(u.qualname);
  if (!c->filename || !c->name || !c->qualname) return nullptr;
  if (u.docstring) {
    Value d = str_value(I, *u.docstring);
    if (d.is_error()) return nullptr;
    c->doc = d;
  }
  c->names = interned_tuple(I, u.names);
  if (!c->names) return nullptr;
  {
    size_t n = u.nlocalsplus();
    if (n == 0) {
      c->localsplus_names = I.rt.empty_tuple;
    } else {
      Tuple* t = tuple_new(I, n);
      if (!t) return nullptr;
      c->localsplus_names = t;
      for (size_t i = 0; i < n; ++i) {
        Str* s = I.intern(u.localsplus_name(i));
        if (!s) return nullptr;
        t->items[i] = Value::object(s);
      }
    }
  }
  if (u.consts.empty()) {
    c->consts = I.rt.empty_tuple;
  } else {
    Tuple* t = tuple_new(I, u.consts.size());
    if (!t) return nullptr;
    c->consts = t;
    for (size_t i = 0; i < u.consts.size(); ++i) {
      Value v = const_value(I, u.consts[i], c->private_scope);
      if (v.is_error()) return nullptr;
      t->items[i] = v;
    }
  }
  return c;
}

}  // namespace

Str* code_filename(Code* c) { return c->filename; }
Str* code_name(Code* c) { return c->name; }

uint32_t code_line_of(Code* c, uint32_t instr) {
  if (!unit_ptr(c)) return 0;
  const auto& pos = c->unit().positions;
  if (pos.empty()) return 0;
  if (instr >= pos.size()) instr = static_cast<uint32_t>(pos.size() - 1);
  for (;;) {
    if (pos[instr].lineno > 0) return static_cast<uint32_t>(pos[instr].lineno);
    if (instr == 0) break;
    --instr;
  }
  return c->firstlineno > 0 ? static_cast<uint32_t>(c->firstlineno) : 0;
}

bool code_position_of(Code* c, uint32_t instr, int32_t* lineno, int32_t* end_lineno, int32_t* col,
                      int32_t* end_col) {
  if (!unit_ptr(c)) return false;
  const auto& pos = c->unit().positions;
  if (instr >= pos.size() || pos[instr].lineno <= 0) return false;
  *lineno = pos[instr].lineno;
  *end_lineno = pos[instr].end_lineno;
  *col = pos[instr].col_offset;
  *end_col = pos[instr].end_col_offset;
  return true;
}

// --- the guest-visible type ------------------------------------------------------

namespace {

Code* self_code(Value v) { return v.as<Code>(); }

Value names_slice(Isolate& I, Code* c, uint8_t want) {
  // Collects localsplus names of a kind (in slot order). co_varnames: every
  // plain local; co_cellvars: cells (including captured parameters, as
  // CPython); co_freevars: free variables.
  size_t n = c->nlocalsplus;
  std::vector<Value> out;
  for (size_t i = 0; i < n; ++i) {
    uint8_t k = c->localsplus_kinds[i];
    bool take = false;
    if (want == compiler::kFastLocal) take = i < c->nlocals;
    else if (want == compiler::kFastCell) take = (k & compiler::kFastCell) != 0;
    else take = (k & compiler::kFastFree) != 0;
    if (take) out.push_back(c->localsplus_names->items[i]);
  }
  return tuple_value(I, out.data(), out.size());
}

Value co_name(Isolate&, Value s) { return Value::object(self_code(s)->name); }
Value co_qualname(Isolate&, Value s) { return Value::object(self_code(s)->qualname); }
Value co_filename(Isolate&, Value s) { return Value::object(self_code(s)->filename); }
Value co_firstlineno(Isolate&, Value s) { return Value::small_int(self_code(s)->firstlineno); }
Value co_argcount(Isolate&, Value s) { return Value::small_int(self_code(s)->argcount); }
Value co_posonlyargcount(Isolate&, Value s) { return Value::small_int(self_code(s)->posonlyargcount); }
Value co_kwonlyargcount(Isolate&, Value s) { return Value::small_int(self_code(s)->kwonlyargcount); }
Value co_nlocals(Isolate&, Value s) { return Value::small_int(self_code(s)->nlocals); }
Value co_stacksize(Isolate&, Value s) { return Value::small_int(self_code(s)->unit().stacksize); }
Value co_flags(Isolate&, Value s) { return Value::small_int(self_code(s)->flags & 0x0FFFFFFFu); }
Value co_varnames(Isolate& I, Value s) { return names_slice(I, self_code(s), compiler::kFastLocal); }
Value co_cellvars(Isolate& I, Value s) { return names_slice(I, self_code(s), compiler::kFastCell); }
Value co_freevars(Isolate& I, Value s) { return names_slice(I, self_code(s), compiler::kFastFree); }
Value co_names(Isolate&, Value s) { return Value::object(self_code(s)->names); }
Value co_consts(Isolate& I, Value s) {
  // CPython keeps a function's docstring (or None) first.
  Code* c = self_code(s);
  if (!(c->flags & compiler::CO_OPTIMIZED)) return Value::object(c->consts);
  size_t n = c->consts->size();
  Tuple* t = tuple_new(I, n + 1);
  if (!t) return Value::error();
  t->items[0] = c->doc;
  for (size_t i = 0; i < n; ++i) t->items[i + 1] = c->consts->items[i];
  return Value::object(t);
}

Value code_repr(Isolate& I, Value self) {
  Code* c = self_code(self);
  std::string s = "<code object ";
  s += c->name->view();
  s += ">";
  return str_value(I, s);
}

}  // namespace

Value code_varnames(Isolate& I, Code* c) { return names_slice(I, c, compiler::kFastLocal); }

void init_code_type(Runtime& rt) {
  Type* t = rt.code_type;
  t->basicsize = sizeof(Code);
  t->flags = 0;
  t->repr = code_repr;
  t->trace = code_trace;
  t->finalize = code_finalize;
  add_getsets(rt, t,
              {{"co_name", co_name},
               {"co_qualname", co_qualname},
               {"co_filename", co_filename},
               {"co_firstlineno", co_firstlineno},
               {"co_argcount", co_argcount},
               {"co_posonlyargcount", co_posonlyargcount},
               {"co_kwonlyargcount", co_kwonlyargcount},
               {"co_nlocals", co_nlocals},
               {"co_stacksize", co_stacksize},
               {"co_flags", co_flags},
               {"co_varnames", co_varnames},
               {"co_cellvars", co_cellvars},
               {"co_freevars", co_freevars},
               {"co_names", co_names},
               {"co_consts", co_consts}});
}

}  // namespace capy
