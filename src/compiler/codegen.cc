// Code generator core: code units, constant/name pools, name resolution, frame-block
// unwinding and the compile() entry point (CPython 3.11 compile.c, "compiler_unit" part).
#include <algorithm>
#include <cstring>

#include "compiler/codegen.h"
#include "support/stack_limit.h"

namespace capy::compiler {

using namespace syntax;

// ---------------------------------------------------------------------------
// Constants
// ---------------------------------------------------------------------------

Const const_from_ast(const ConstantValue& v) {
  switch (v.kind) {
    case ConstantValue::Kind::None: return Const{NoneConst{}};
    case ConstantValue::Kind::Bool: return Const{v.bool_value};
    case ConstantValue::Kind::Ellipsis: return Const{EllipsisConst{}};
    case ConstantValue::Kind::Int:
      if (v.int_fits) return Const{v.int_value};
      return Const{BigIntConst{v.str}};
    case ConstantValue::Kind::Float: return Const{v.float_value};
    case ConstantValue::Kind::Complex: return Const{ComplexConst{0.0, v.float_value}};
    case ConstantValue::Kind::Str: return Const{v.str};
    case ConstantValue::Kind::Bytes: return Const{BytesConst{v.str}};
  }
  return Const{NoneConst{}};
}

int64_t ConstIndex::find(const std::vector<Const>& consts, const Const& c, uint64_t hash) const noexcept {
  if (slots_.empty()) return -1;
  size_t mask = slots_.size() - 1;
  for (size_t i = hash & mask;; i = (i + 1) & mask) {
    const Slot& s = slots_[i];
    if (s.index < 0) return -1;
    if (s.hash == hash && const_identical(consts[static_cast<size_t>(s.index)], c)) return s.index;
  }
}

void ConstIndex::insert(const std::vector<Const>& consts, uint32_t index, uint64_t hash) {
  if ((count_ + 1) * 4 > slots_.size() * 3) grow(consts);
  size_t mask = slots_.size() - 1;
  size_t i = hash & mask;
  while (slots_[i].index >= 0) i = (i + 1) & mask;
  slots_[i] = Slot{hash, static_cast<int32_t>(index)};
  ++count_;
}

void ConstIndex::grow(const std::vector<Const>&) {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(old.empty() ? 16 : old.size() * 2, Slot{});
  size_t mask = slots_.size() - 1;
  for (const Slot& s : old) {
    if (s.index < 0) continue;
    size_t i = s.hash & mask;
    while (slots_[i].index >= 0) i = (i + 1) & mask;
    slots_[i] = s;
  }
}

uint32_t Codegen::add_const(Const c) {
  uint64_t h = const_hash(c);
  int64_t found = u_->const_index.find(u_->consts, c, h);
  if (found >= 0) return static_cast<uint32_t>(found);
  auto index = static_cast<uint32_t>(u_->consts.size());
  u_->consts.push_back(std::move(c));
  u_->const_index.insert(u_->consts, index, h);
  return index;
}

uint32_t Codegen::add_name(std::string_view name) {
  auto [index, inserted] = u_->name_index.insert(name, static_cast<uint32_t>(u_->names.size()));
  if (inserted) u_->names.push_back(name);
  return index;
}

void Codegen::emit_name(Opcode op, std::string_view name) { emit(op, add_name(mangled(name))); }

uint32_t Codegen::varname_index(std::string_view name) {
  auto [index, inserted] = u_->varname_index.insert(name, static_cast<uint32_t>(u_->varnames.size()));
  if (inserted) u_->varnames.push_back(name);
  return index;
}

std::string_view Codegen::mangled(std::string_view name) { return mangle(u_->private_name, name, st_.arena()); }

void Codegen::bind(uint32_t label) {
  bool falls_in = !u_->instrs.empty() && !ends_flow(u_->instrs.back().op);
  int32_t recorded = u_->label_handler[label];
  if (!falls_in && recorded != kNoState) u_->cur_handler = recorded;
  // Every path into a label must agree on the active handler (structural
  // invariant of the generated code; a mismatch is a compiler bug).
  if (falls_in && recorded != kNoState && recorded != u_->cur_handler)
    fail_system("internal compiler error: inconsistent exception handler state");
  u_->labels[label] = static_cast<int32_t>(u_->instrs.size());
}

void Codegen::setup(Opcode setup_op, uint32_t label) {
  note_label_state(label, u_->cur_handler);
  auto id = static_cast<uint32_t>(u_->handlers.size());
  u_->handlers.push_back(HandlerNode{label, u_->cur_handler, setup_op, -1});
  emit(setup_op, id);
  u_->cur_handler = static_cast<int32_t>(id);
}

// ---------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------

bool Codegen::fail_at(std::string_view message, const Pos& pos) {
  if (!failed_) {
    failed_ = true;
    error_.kind = CompileErrorKind::SyntaxError;
    error_.message = std::string(message);
    error_.filename = std::string(filename_);
    error_.pos = pos;
  }
  return false;
}

bool Codegen::fail(std::string_view message) {
  Pos pos;
  if (u_ != nullptr) pos = Pos{u_->loc.lineno, u_->loc.col_offset, u_->loc.end_lineno, u_->loc.end_col_offset};
  return fail_at(message, pos);
}

bool Codegen::fail_system(std::string_view message) {
  fail(message);
  error_.kind = CompileErrorKind::SystemError;
  return false;
}

bool Codegen::stack_exhausted() const { return support::current_stack_address() <= stack_limit_; }

bool Codegen::too_deep() {
  fail("maximum recursion depth exceeded during compilation");
  error_.kind = CompileErrorKind::RecursionError;
  return false;
}

void Codegen::warn(std::string message) {
  if (u_ == nullptr) return;
  warnings_.push_back(CompileWarning{std::move(message), u_->loc.lineno, u_->loc.col_offset + 1});
}

bool Codegen::check_code_size() {
  size_t pending = 0;
  for (const auto& unit : units_) pending += unit->instrs.size();
  if (assembled_instructions_ + pending > options_.max_instructions) return fail("code too large");
  return true;
}

// ---------------------------------------------------------------------------
// Units
// ---------------------------------------------------------------------------

Codegen::Codegen(SymbolTable& st, std::string_view filename, const Options& options, FutureFeatures future)
    : st_(st),
      filename_(filename),
      options_(options),
      future_(future),
      stack_limit_(support::stack_limit_for(options.max_stack_bytes)) {}

Codegen::~Codegen() = default;

bool Codegen::enter_scope(std::string name, ScopeType type, const void* key, int32_t lineno) {
  const SymbolBlock* ste = key == nullptr ? st_.top() : st_.block_for(key);
  if (ste == nullptr) return fail_system("no symbol table entry for block");
  auto unit = std::make_unique<Unit>();
  Unit* nu = unit.get();
  nu->ste = ste;
  nu->scope_type = type;
  nu->name = std::move(name);
  nu->firstlineno = lineno;
  if (u_ != nullptr) nu->private_name = u_->private_name;
  for (std::string_view p : ste->params) {
    nu->varname_index.insert(p, static_cast<uint32_t>(nu->varnames.size()));
    nu->varnames.push_back(p);
  }
  for (const Symbol& sym : ste->symbols) {
    if (sym.scope == Scope::Cell) nu->cellvars.push_back(sym.name);
    if (sym.scope == Scope::Free || (sym.flags & kDefFreeClass)) nu->freevars.push_back(sym.name);
  }
  if (ste->needs_class_closure) nu->cellvars.push_back("__class__");
  std::sort(nu->cellvars.begin(), nu->cellvars.end());
  std::sort(nu->freevars.begin(), nu->freevars.end());
  for (size_t i = 0; i < nu->cellvars.size(); ++i) nu->cell_index.insert(nu->cellvars[i], static_cast<uint32_t>(i));
  for (size_t i = 0; i < nu->freevars.size(); ++i) nu->free_index.insert(nu->freevars[i], static_cast<uint32_t>(i));
  nu->loc = Position{lineno, lineno, 0, 0};
  units_.push_back(std::move(unit));
  u_ = nu;
  ++nest_level_;
  if (!set_qualname()) return false;
  // Prologue (CPython's insert_prefix_instructions): closure cells, then cells
  // in localsplus order (parameter cells first, in parameter order).
  Position saved = u_->loc;
  u_->loc = Position{-1, -1, -1, -1};
  if (!u_->freevars.empty()) emit(Opcode::COPY_FREE_VARS, static_cast<uint32_t>(u_->freevars.size()));
  for (std::string_view v : u_->varnames) {
    int64_t c = u_->cell_index.find(v);
    if (c >= 0) emit(Opcode::MAKE_CELL, static_cast<uint32_t>(c));
  }
  for (size_t i = 0; i < u_->cellvars.size(); ++i) {
    if (!u_->varname_index.contains(u_->cellvars[i])) emit(Opcode::MAKE_CELL, static_cast<uint32_t>(i));
  }
  u_->loc = saved;
  return true;
}

bool Codegen::set_qualname() {
  Unit* u = u_;
  if (units_.size() <= 1) {
    u->qualname = u->name;
    return true;
  }
  Unit* parent = units_[units_.size() - 2].get();
  bool force_global = false;
  if (u->scope_type == ScopeType::Function || u->scope_type == ScopeType::AsyncFunction ||
      u->scope_type == ScopeType::Class) {
    std::string_view m = mangle(parent->private_name, u->name, st_.arena());
    if (parent->ste->scope_of(m) == Scope::GlobalExplicit) force_global = true;
  }
  if (force_global) {
    u->qualname = u->name;
  } else if (parent->scope_type == ScopeType::Function || parent->scope_type == ScopeType::AsyncFunction ||
             parent->scope_type == ScopeType::Lambda) {
    u->qualname = parent->qualname + ".<locals>." + u->name;
  } else if (parent->scope_type == ScopeType::Module) {
    u->qualname = u->name;
  } else {
    u->qualname = parent->qualname + "." + u->name;
  }
  return true;
}

uint32_t Codegen::code_flags() const {
  const SymbolBlock* ste = u_->ste;
  uint32_t flags = 0;
  if (ste->type == BlockType::Function) {
    flags |= CO_NEWLOCALS | CO_OPTIMIZED;
    if (ste->nested) flags |= CO_NESTED;
    if (ste->generator && !ste->coroutine) flags |= CO_GENERATOR;
    if (!ste->generator && ste->coroutine) flags |= CO_COROUTINE;
    if (ste->generator && ste->coroutine) flags |= CO_ASYNC_GENERATOR;
    if (ste->varargs) flags |= CO_VARARGS;
    if (ste->varkeywords) flags |= CO_VARKEYWORDS;
  }
  if (future_.annotations) flags |= CO_FUTURE_ANNOTATIONS;
  return flags;
}

CodeConst Codegen::exit_scope(bool add_implicit_return) {
  CodeConst code = failed_ ? nullptr : assemble(add_implicit_return);
  assembled_instructions_ += u_->instrs.size();
  units_.pop_back();
  --nest_level_;
  u_ = units_.empty() ? nullptr : units_.back().get();
  return code;
}

// ---------------------------------------------------------------------------
// Names
// ---------------------------------------------------------------------------

bool Codegen::forbidden_name(std::string_view name, ExprContext ctx) {
  if (name == "__debug__") {
    if (ctx == ExprContext::Store) return fail("cannot assign to __debug__"), true;
    if (ctx == ExprContext::Del) return fail("cannot delete __debug__"), true;
  }
  return false;
}

bool Codegen::nameop(std::string_view name, ExprContext ctx) {
  if (forbidden_name(name, ctx)) return false;
  std::string_view m = mangled(name);
  enum { kFast, kGlobal, kDeref, kName } optype = kName;
  Scope scope = u_->ste->scope_of(m);
  bool is_function = u_->ste->type == BlockType::Function;
  uint32_t deref = 0;
  switch (scope) {
    case Scope::Free: {
      int64_t i = u_->free_index.find(m);
      if (i < 0) return fail_system("free variable not found");
      deref = static_cast<uint32_t>(u_->cellvars.size() + static_cast<size_t>(i));
      optype = kDeref;
      break;
    }
    case Scope::Cell: {
      int64_t i = u_->cell_index.find(m);
      if (i < 0) return fail_system("cell variable not found");
      deref = static_cast<uint32_t>(i);
      optype = kDeref;
      break;
    }
    case Scope::Local:
      if (is_function) optype = kFast;
      break;
    case Scope::GlobalImplicit:
      if (is_function) optype = kGlobal;
      break;
    case Scope::GlobalExplicit:
      optype = kGlobal;
      break;
    case Scope::Unknown:
      break;
  }
  switch (optype) {
    case kDeref:
      switch (ctx) {
        case ExprContext::Load:
          emit(u_->ste->type == BlockType::Class ? Opcode::LOAD_CLASSDEREF : Opcode::LOAD_DEREF, deref);
          break;
        case ExprContext::Store: emit(Opcode::STORE_DEREF, deref); break;
        case ExprContext::Del: emit(Opcode::DELETE_DEREF, deref); break;
      }
      return true;
    case kFast: {
      uint32_t i = varname_index(m);
      switch (ctx) {
        case ExprContext::Load: emit(Opcode::LOAD_FAST, i); break;
        case ExprContext::Store: emit(Opcode::STORE_FAST, i); break;
        case ExprContext::Del: emit(Opcode::DELETE_FAST, i); break;
      }
      return true;
    }
    case kGlobal: {
      uint32_t i = add_name(m);
      switch (ctx) {
        case ExprContext::Load: emit(Opcode::LOAD_GLOBAL, i); break;
        case ExprContext::Store: emit(Opcode::STORE_GLOBAL, i); break;
        case ExprContext::Del: emit(Opcode::DELETE_GLOBAL, i); break;
      }
      return true;
    }
    case kName: {
      uint32_t i = add_name(m);
      switch (ctx) {
        case ExprContext::Load: emit(Opcode::LOAD_NAME, i); break;
        case ExprContext::Store: emit(Opcode::STORE_NAME, i); break;
        case ExprContext::Del: emit(Opcode::DELETE_NAME, i); break;
      }
      return true;
    }
  }
  return true;
}

// ---------------------------------------------------------------------------
// Frame blocks and unwinding (compiler_unwind_fblock)
// ---------------------------------------------------------------------------

// CPython's CO_MAXBLOCKS: frame blocks are bounded so that unwinding code
// (finally bodies copied onto every exit path) stays bounded too.
constexpr size_t kMaxBlocks = 20;

bool Codegen::push_fblock(FBlock fb) {
  if (u_->fblocks.size() >= kMaxBlocks) return fail("too many statically nested blocks");
  u_->fblocks.push_back(fb);
  return true;
}

void Codegen::call_exit_with_nones() {
  load_none();
  load_none();
  load_none();
  emit(Opcode::CALL, 2);
}

void Codegen::add_yield_from(bool await) {
  // send: SEND exit; [try: YIELD_VALUE 1 except -> fail]; JUMP_BACKWARD_NO_INTERRUPT send
  // fail: CLEANUP_THROW; exit:
  uint32_t send = new_label(), fail_label = new_label(), exit = new_label();
  bind(send);
  emit_jump(Opcode::SEND, exit);
  setup(Opcode::SETUP_FINALLY, fail_label);
  emit(Opcode::YIELD_VALUE, 1);
  pop_block();
  emit_jump(Opcode::JUMP_BACKWARD_NO_INTERRUPT, send);
  bind(fail_label);
  emit(Opcode::CLEANUP_THROW);
  bind(exit);
  (void)await;
}

void Codegen::emit_yield() {
  if (u_->ste->coroutine && u_->ste->generator) emit(Opcode::ASYNC_GEN_WRAP);
  emit(Opcode::YIELD_VALUE, 0);
}

void Codegen::pop_except_and_reraise() {
  emit(Opcode::COPY, 3);
  emit(Opcode::POP_EXCEPT);
  emit(Opcode::RERAISE, 1);
}

bool Codegen::unwind_fblock(const FBlock& fb, bool preserve_tos) {
  switch (fb.type) {
    case FBlockType::WhileLoop:
    case FBlockType::ExceptionHandler:
    case FBlockType::ExceptionGroupHandler:
    case FBlockType::AsyncComprehensionGenerator:
      return true;
    case FBlockType::ForLoop:
      if (preserve_tos) emit(Opcode::SWAP, 2);
      emit(Opcode::POP_TOP);
      return true;
    case FBlockType::TryExcept:
      pop_block();
      return true;
    case FBlockType::FinallyTry: {
      pop_block();
      if (preserve_tos) CAPY_CTRY(push_fblock(FBlock{FBlockType::PopValue}));
      CAPY_CTRY(visit_stmts(fb.finalbody));
      if (preserve_tos) pop_fblock();
      unset_loc();
      return true;
    }
    case FBlockType::FinallyEnd:
      if (preserve_tos) emit(Opcode::SWAP, 2);
      emit(Opcode::POP_TOP);  // exc_value
      if (preserve_tos) emit(Opcode::SWAP, 2);
      pop_block();
      emit(Opcode::POP_EXCEPT);
      return true;
    case FBlockType::With:
    case FBlockType::AsyncWith:
      set_loc(fb.stmt->pos);
      pop_block();
      if (preserve_tos) emit(Opcode::SWAP, 2);
      call_exit_with_nones();
      if (fb.type == FBlockType::AsyncWith) {
        emit(Opcode::GET_AWAITABLE, 2);
        load_none();
        add_yield_from(true);
      }
      emit(Opcode::POP_TOP);
      unset_loc();
      return true;
    case FBlockType::HandlerCleanup:
      if (fb.has_name) pop_block();
      if (preserve_tos) emit(Opcode::SWAP, 2);
      pop_block();
      emit(Opcode::POP_EXCEPT);
      if (fb.has_name) {
        load_none();
        CAPY_CTRY(nameop(fb.name, ExprContext::Store));
        CAPY_CTRY(nameop(fb.name, ExprContext::Del));
      }
      return true;
    case FBlockType::PopValue:
      if (preserve_tos) emit(Opcode::SWAP, 2);
      emit(Opcode::POP_TOP);
      return true;
  }
  return true;
}

// Unwinds the frame-block stack (for return/break/continue). With `loop`, stops
// at the innermost loop and returns it there. The fblocks popped while emitting
// the unwinding code are pushed back afterwards; the caller restores the
// handler state once its jump/return is emitted.
bool Codegen::unwind_fblock_stack(bool preserve_tos, std::optional<FBlock>* loop) {
  if (u_->fblocks.empty()) return true;
  FBlock top = u_->fblocks.back();
  if (top.type == FBlockType::ExceptionGroupHandler) {
    u_->loc = unwind_origin_;  // report at the statement, not at copied finally code
    return fail("'break', 'continue' and 'return' cannot appear in an except* block");
  }
  if (loop != nullptr && (top.type == FBlockType::WhileLoop || top.type == FBlockType::ForLoop)) {
    *loop = top;
    return true;
  }
  u_->fblocks.pop_back();
  bool ok = unwind_fblock(top, preserve_tos) && unwind_fblock_stack(preserve_tos, loop);
  u_->fblocks.push_back(top);
  return ok;
}

// ---------------------------------------------------------------------------
// Top level
// ---------------------------------------------------------------------------

std::shared_ptr<const CodeUnit> Codegen::compile_mod(const Mod* mod, Mode mode) {
  if (!enter_scope("<module>", ScopeType::Module, nullptr, 1)) return nullptr;
  bool add_return = true;
  switch (mode) {
    case Mode::Exec: {
      const Module* m = mod->as<Module>();
      if (m == nullptr) return fail_system("expected a Module for exec mode"), nullptr;
      if (!body(m->body, true)) return nullptr;
      break;
    }
    case Mode::Single: {
      const Interactive* m = mod->as<Interactive>();
      if (m == nullptr) return fail_system("expected an Interactive for single mode"), nullptr;
      interactive_ = true;
      if (find_ann(m->body)) emit(Opcode::SETUP_ANNOTATIONS);
      if (!visit_stmts(m->body)) return nullptr;
      break;
    }
    case Mode::Eval: {
      const Expression* m = mod->as<Expression>();
      if (m == nullptr) return fail_system("expected an Expression for eval mode"), nullptr;
      if (!visit_expr(m->body)) return nullptr;
      emit(Opcode::RETURN_VALUE);
      add_return = false;
      break;
    }
  }
  CodeConst code = exit_scope(add_return);
  return failed_ ? nullptr : code;
}

namespace {

bool is_docstring(const Stmt* s) {
  if (s->kind != StmtKind::ExprStmt) return false;
  const Expr* v = s->cast<ExprStmt>().value;
  const Constant* c = v->as<Constant>();
  return c != nullptr && c->value.kind == ConstantValue::Kind::Str;
}

// future.c: `from __future__ import ...` must come first (after the docstring).
bool parse_future(const Mod* mod, std::string_view filename, FutureFeatures& ff, CompileError& err) {
  Seq<Stmt*> body;
  if (const Module* m = mod->as<Module>()) body = m->body;
  else if (const Interactive* i = mod->as<Interactive>()) body = i->body;
  else return true;
  size_t i = 0;
  if (!body.empty() && is_docstring(body[0])) ++i;
  bool done = false;
  int32_t prev_line = 0;
  for (; i < body.size(); ++i) {
    const Stmt* s = body[i];
    if (done && s->pos.lineno > prev_line) return true;
    prev_line = s->pos.lineno;
    const ImportFrom* f = s->as<ImportFrom>();
    if (f == nullptr || f->module != "__future__") {
      done = true;
      continue;
    }
    auto error = [&](std::string msg) {
      err.kind = CompileErrorKind::SyntaxError;
      err.message = std::move(msg);
      err.filename = std::string(filename);
      err.pos = s->pos;
      return false;
    };
    if (done) return error("from __future__ imports must occur at the beginning of the file");
    for (const Alias* a : f->names) {
      const std::string& feature = a->name;
      if (feature == "nested_scopes" || feature == "generators" || feature == "division" ||
          feature == "absolute_import" || feature == "with_statement" || feature == "print_function" ||
          feature == "unicode_literals" || feature == "barry_as_FLUFL" || feature == "generator_stop") {
        continue;
      }
      if (feature == "annotations") {
        ff.annotations = true;
        continue;
      }
      if (feature == "braces") return error("not a chance");
      return error("future feature " + feature.substr(0, 100) + " is not defined");
    }
    ff.last_lineno = s->pos.lineno;
  }
  return true;
}

}  // namespace

namespace {

// Converts a compiler error into the front end's SyntaxErrorInfo.
syntax::SyntaxErrorInfo to_info(const CompileError& e, std::string_view source) {
  syntax::SyntaxErrorInfo info;
  info.kind = e.kind == CompileErrorKind::RecursionError ? syntax::ErrorKind::RecursionError
                                                         : syntax::ErrorKind::SyntaxError;
  info.msg = e.message;
  info.filename = e.filename;
  info.lineno = e.pos.lineno;
  info.end_lineno = e.pos.end_lineno;
  info.offset = e.pos.col_offset + 1;
  info.end_offset = e.pos.end_col_offset + 1;
  auto line_of = [&](int32_t lineno) -> std::string_view {
    if (lineno <= 0) return {};
    size_t start = 0;
    for (int32_t l = 1; l < lineno; ++l) {
      size_t nl = source.find('\n', start);
      if (nl == std::string_view::npos) return {};
      start = nl + 1;
    }
    size_t end = source.find('\n', start);
    return source.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
  };
  auto chars = [](std::string_view line, int32_t bytes) {
    int count = 0;
    for (int32_t i = 0; i < bytes && static_cast<size_t>(i) < line.size(); ++i)
      if ((static_cast<unsigned char>(line[static_cast<size_t>(i)]) & 0xC0) != 0x80) ++count;
    return count;
  };
  if (!source.empty() && e.pos.lineno > 0) {
    std::string_view line = line_of(e.pos.lineno);
    info.text = std::string(line);
    if (!info.text.empty() && info.text.back() == '\r') info.text.pop_back();
    info.offset = chars(line, e.pos.col_offset) + 1;
    std::string_view end_line = e.pos.end_lineno == e.pos.lineno ? line : line_of(e.pos.end_lineno);
    info.end_offset = chars(end_line, e.pos.end_col_offset) + 1;
  }
  return info;
}

}  // namespace

CompileResult compile(const syntax::Mod* module, std::string_view filename, Mode mode, const Options& options) {
  CompileResult result;
  auto failed = [&](const CompileError& e) {
    result.error = to_info(e, options.source);
    result.internal_error = e.kind == CompileErrorKind::SystemError;
    return result;
  };
  if (module == nullptr) return failed(CompileError{CompileErrorKind::SystemError, "no module to compile", std::string(filename), {}});
  FutureFeatures future;
  future.annotations = options.future_annotations;
  CompileError err;
  if (!parse_future(module, filename, future, err)) return failed(err);
  SymbolTable st(filename, future, options.max_nesting_depth, options.max_stack_bytes);
  if (!st.build(module)) return failed(st.error());
  Codegen cg(st, filename, options, future);
  result.code = cg.compile_mod(module, mode);
  result.warnings = std::move(cg.warnings_);
  if (!result.code) return failed(cg.error());
  return result;
}

}  // namespace capy::compiler
