// Code generation for statements: definitions, control flow, exception handling,
// with, imports and assignments (CPython 3.11 compile.c, compiler_visit_stmt & co).
#include <algorithm>

#include "compiler/codegen.h"

namespace capy::compiler {

using namespace syntax;

namespace {

bool is_docstring(const Stmt* s) {
  if (s->kind != StmtKind::ExprStmt) return false;
  const Constant* c = s->cast<ExprStmt>().value->as<Constant>();
  return c != nullptr && c->value.kind == ConstantValue::Kind::Str;
}

const std::string& docstring_of(const Stmt* s) { return s->cast<ExprStmt>().value->cast<Constant>().value.str; }

}  // namespace

bool find_ann(Seq<Stmt*> stmts) {
  for (const Stmt* st : stmts) {
    switch (st->kind) {
      case StmtKind::AnnAssign:
        return true;
      case StmtKind::For:
      case StmtKind::AsyncFor: {
        const auto& f = static_cast<const ForBase&>(*st);
        if (find_ann(f.body) || find_ann(f.orelse)) return true;
        break;
      }
      case StmtKind::While:
        if (find_ann(st->cast<While>().body) || find_ann(st->cast<While>().orelse)) return true;
        break;
      case StmtKind::If:
        if (find_ann(st->cast<If>().body) || find_ann(st->cast<If>().orelse)) return true;
        break;
      case StmtKind::With:
      case StmtKind::AsyncWith:
        if (find_ann(static_cast<const WithBase&>(*st).body)) return true;
        break;
      case StmtKind::Try:
      case StmtKind::TryStar: {
        const auto& t = static_cast<const TryBase&>(*st);
        for (const ExceptHandler* h : t.handlers)
          if (find_ann(h->body)) return true;
        if (find_ann(t.body) || find_ann(t.finalbody) || find_ann(t.orelse)) return true;
        break;
      }
      case StmtKind::Match:
        for (const MatchCase* c : st->cast<Match>().cases)
          if (find_ann(c->body)) return true;
        break;
      default:
        break;
    }
  }
  return false;
}

bool Codegen::visit_stmts(Seq<Stmt*> stmts) {
  for (const Stmt* s : stmts) CAPY_CTRY(visit_stmt(s));
  return true;
}

bool Codegen::body(Seq<Stmt*> stmts, bool is_module) {
  if (is_module && !stmts.empty()) set_loc(stmts[0]->pos);
  if (find_ann(stmts)) emit(Opcode::SETUP_ANNOTATIONS);
  if (stmts.empty()) return true;
  size_t i = 0;
  if (is_docstring(stmts[0])) {
    i = 1;
    set_loc(stmts[0]->pos);
    load_const(Const{docstring_of(stmts[0])});
    unset_loc();
    CAPY_CTRY(nameop("__doc__", ExprContext::Store));
  }
  for (; i < stmts.size(); ++i) CAPY_CTRY(visit_stmt(stmts[i]));
  return true;
}

bool Codegen::visit_stmt(const Stmt* s) {
  DepthGuard guard(depth_);
  if (!depth_ok()) return too_deep();
  CAPY_CTRY(check_code_size());
  set_loc(s->pos);
  switch (s->kind) {
    case StmtKind::FunctionDef:
    case StmtKind::AsyncFunctionDef:
      return function_def(s);
    case StmtKind::ClassDef:
      return class_def(&s->cast<ClassDef>());
    case StmtKind::Return:
      return return_stmt(&s->cast<Return>());
    case StmtKind::Delete:
      for (const Expr* t : s->cast<Delete>().targets) CAPY_CTRY(visit_expr(t));
      return true;
    case StmtKind::Assign:
      return assign(&s->cast<Assign>());
    case StmtKind::AugAssign:
      return aug_assign(&s->cast<AugAssign>());
    case StmtKind::AnnAssign:
      return ann_assign(&s->cast<AnnAssign>());
    case StmtKind::For:
      return for_stmt(&s->cast<For>());
    case StmtKind::AsyncFor:
      return async_for_stmt(&s->cast<AsyncFor>());
    case StmtKind::While:
      return while_stmt(&s->cast<While>());
    case StmtKind::If:
      return if_stmt(&s->cast<If>());
    case StmtKind::With:
      return with_stmt(&s->cast<With>(), 0, false);
    case StmtKind::AsyncWith:
      if (u_->scope_type != ScopeType::AsyncFunction) return fail("'async with' outside async function");
      return with_stmt(&s->cast<AsyncWith>(), 0, true);
    case StmtKind::Match:
      return match_stmt(&s->cast<Match>());
    case StmtKind::Raise:
      return raise_stmt(&s->cast<Raise>());
    case StmtKind::Try:
      return try_stmt(&s->cast<Try>());
    case StmtKind::TryStar:
      return try_star(&s->cast<TryStar>());
    case StmtKind::Assert:
      return assert_stmt(&s->cast<Assert>());
    case StmtKind::Import:
      return import_stmt(&s->cast<Import>());
    case StmtKind::ImportFrom:
      return import_from(&s->cast<ImportFrom>());
    case StmtKind::Global:
    case StmtKind::Nonlocal:
    case StmtKind::Pass:
      return true;
    case StmtKind::ExprStmt:
      return expr_stmt(s->cast<ExprStmt>().value);
    case StmtKind::Break:
      return break_stmt();
    case StmtKind::Continue:
      return continue_stmt();
  }
  return fail_system("unknown statement kind");
}

// ---------------------------------------------------------------------------
// Functions and classes
// ---------------------------------------------------------------------------

bool Codegen::decorators(Seq<Expr*> decos) { return visit_exprs(decos); }

void Codegen::apply_decorators(Seq<Expr*> decos) {
  // Stack: [deco, func]; CALL 0 with a non-NULL lower slot calls deco(func).
  for (size_t i = decos.size(); i-- > 0;) {
    set_loc(decos[i]->pos);
    emit(Opcode::CALL, 0);
  }
}

bool Codegen::check_debug_args(const Arguments* args) {
  auto check = [&](const Arg* a) { return a == nullptr || !forbidden_name(a->arg, ExprContext::Store); };
  for (const Arg* a : args->posonlyargs) CAPY_CTRY(check(a));
  for (const Arg* a : args->args) CAPY_CTRY(check(a));
  CAPY_CTRY(check(args->vararg));
  for (const Arg* a : args->kwonlyargs) CAPY_CTRY(check(a));
  return check(args->kwarg);
}

bool Codegen::default_arguments(const Arguments* args, uint32_t& flags) {
  if (!args->defaults.empty()) {
    Const folded;
    bool all_const = true;
    TupleConst tuple;
    for (const Expr* d : args->defaults) {
      if (!fold(d, folded)) {
        all_const = false;
        break;
      }
      tuple.items.push_back(std::move(folded));
    }
    if (all_const) {
      load_const(Const{std::move(tuple)});
    } else {
      CAPY_CTRY(visit_exprs(args->defaults));
      emit(Opcode::BUILD_TUPLE, static_cast<uint32_t>(args->defaults.size()));
    }
    flags |= kMakeFunctionDefaults;
  }
  TupleConst keys;
  for (size_t i = 0; i < args->kwonlyargs.size(); ++i) {
    const Expr* d = i < args->kw_defaults.size() ? args->kw_defaults[i] : nullptr;
    if (d == nullptr) continue;
    keys.items.push_back(Const{std::string(mangled(args->kwonlyargs[i]->arg))});
    CAPY_CTRY(visit_expr(d));
  }
  if (!keys.items.empty()) {
    auto n = static_cast<uint32_t>(keys.items.size());
    load_const(Const{std::move(keys)});
    emit(Opcode::BUILD_CONST_KEY_MAP, n);
    flags |= kMakeFunctionKwDefaults;
  }
  return true;
}

bool Codegen::visit_annotation_value(const Expr* annotation) {
  if (future_.annotations) {
    load_const(Const{unparse_expr(annotation)});
    return true;
  }
  if (const Starred* st = annotation->as<Starred>()) {
    // *args: *Ts  ->  [value] = [*Ts]
    CAPY_CTRY(visit_expr(st->value));
    emit(Opcode::UNPACK_SEQUENCE, 1);
    return true;
  }
  return visit_expr(annotation);
}

bool Codegen::visit_annotations(const Arguments* args, const Expr* returns, bool& has_any) {
  if (future_.annotations) {
    // All values are strings: one constant tuple (what CPython's optimizer makes of it).
    TupleConst pairs;
    auto add = [&](std::string_view id, const Expr* annotation) {
      if (annotation == nullptr) return;
      pairs.items.push_back(Const{std::string(mangled(id))});
      pairs.items.push_back(Const{unparse_expr(annotation)});
    };
    for (const Arg* a : args->args) add(a->arg, a->annotation);
    for (const Arg* a : args->posonlyargs) add(a->arg, a->annotation);
    if (args->vararg) add(args->vararg->arg, args->vararg->annotation);
    for (const Arg* a : args->kwonlyargs) add(a->arg, a->annotation);
    if (args->kwarg) add(args->kwarg->arg, args->kwarg->annotation);
    add("return", returns);
    has_any = !pairs.items.empty();
    if (has_any) load_const(Const{std::move(pairs)});
    return true;
  }
  uint32_t len = 0;
  auto one = [&](std::string_view id, const Expr* annotation) {
    if (annotation == nullptr) return true;
    load_const(Const{std::string(mangled(id))});
    CAPY_CTRY(visit_annotation_value(annotation));
    len += 2;
    return true;
  };
  for (const Arg* a : args->args) CAPY_CTRY(one(a->arg, a->annotation));
  for (const Arg* a : args->posonlyargs) CAPY_CTRY(one(a->arg, a->annotation));
  if (args->vararg) CAPY_CTRY(one(args->vararg->arg, args->vararg->annotation));
  for (const Arg* a : args->kwonlyargs) CAPY_CTRY(one(a->arg, a->annotation));
  if (args->kwarg) CAPY_CTRY(one(args->kwarg->arg, args->kwarg->annotation));
  CAPY_CTRY(one("return", returns));
  has_any = len > 0;
  if (has_any) emit(Opcode::BUILD_TUPLE, len);
  return true;
}

bool Codegen::make_closure(const CodeConst& code, uint32_t flags) {
  if (!code) return false;
  if (!code->freevars.empty()) {
    for (const std::string& name : code->freevars) {
      Scope reftype = (u_->scope_type == ScopeType::Class && name == "__class__") ? Scope::Cell
                                                                                   : u_->ste->scope_of(name);
      int64_t arg;
      if (reftype == Scope::Cell) {
        arg = u_->cell_index.find(name);
      } else {
        int64_t f = u_->free_index.find(name);
        arg = f < 0 ? -1 : static_cast<int64_t>(u_->cellvars.size()) + f;
      }
      if (arg < 0) return fail_system("lookup of closure variable '" + name + "' failed in " + u_->name);
      emit(Opcode::LOAD_CLOSURE, static_cast<uint32_t>(arg));
    }
    flags |= kMakeFunctionClosure;
    emit(Opcode::BUILD_TUPLE, static_cast<uint32_t>(code->freevars.size()));
  }
  load_const(Const{code});
  emit(Opcode::MAKE_FUNCTION, flags);
  return true;
}

bool Codegen::function_def(const Stmt* s) {
  const auto& f = static_cast<const FunctionDefBase&>(*s);
  bool is_async = s->kind == StmtKind::AsyncFunctionDef;
  CAPY_CTRY(check_debug_args(f.args));
  CAPY_CTRY(decorators(f.decorator_list));
  int32_t firstlineno = f.decorator_list.empty() ? s->pos.lineno : f.decorator_list[0]->pos.lineno;
  set_loc(s->pos);
  uint32_t flags = 0;
  CAPY_CTRY(default_arguments(f.args, flags));
  bool has_ann = false;
  CAPY_CTRY(visit_annotations(f.args, f.returns, has_ann));
  if (has_ann) flags |= kMakeFunctionAnnotations;
  CAPY_CTRY(enter_scope(f.name, is_async ? ScopeType::AsyncFunction : ScopeType::Function, s, firstlineno));
  size_t start = 0;
  if (!f.body.empty() && is_docstring(f.body[0])) {
    u_->docstring = docstring_of(f.body[0]);
    start = 1;
  }
  u_->argcount = static_cast<uint32_t>(f.args->posonlyargs.size() + f.args->args.size());
  u_->posonlyargcount = static_cast<uint32_t>(f.args->posonlyargs.size());
  u_->kwonlyargcount = static_cast<uint32_t>(f.args->kwonlyargs.size());
  bool ok = true;
  for (size_t i = start; ok && i < f.body.size(); ++i) ok = visit_stmt(f.body[i]);
  CodeConst code = exit_scope(true);
  if (!ok || !code) return false;
  set_loc(s->pos);
  CAPY_CTRY(make_closure(code, flags));
  apply_decorators(f.decorator_list);
  set_loc(s->pos);
  return nameop(f.name, ExprContext::Store);
}

bool Codegen::class_def(const ClassDef* s) {
  CAPY_CTRY(decorators(s->decorator_list));
  int32_t firstlineno = s->decorator_list.empty() ? s->pos.lineno : s->decorator_list[0]->pos.lineno;
  CAPY_CTRY(enter_scope(s->name, ScopeType::Class, s, firstlineno));
  u_->private_name = s->name;
  set_loc(s->pos);
  bool ok = nameop("__name__", ExprContext::Load) && nameop("__module__", ExprContext::Store);
  if (ok) {
    load_const(Const{u_->qualname});
    ok = nameop("__qualname__", ExprContext::Store) && body(s->body, false);
  }
  if (ok) {
    unset_loc();
    if (u_->ste->needs_class_closure) {
      // Return the __class__ cell (stored as __classcell__ so type.__new__ can fill it).
      int64_t i = u_->cell_index.find("__class__");
      if (i < 0) return fail_system("no __class__ cell");
      emit(Opcode::LOAD_CLOSURE, static_cast<uint32_t>(i));
      emit(Opcode::COPY, 1);
      ok = nameop("__classcell__", ExprContext::Store);
    } else {
      load_none();
    }
    emit(Opcode::RETURN_VALUE);
  }
  CodeConst code = exit_scope(false);
  if (!ok || !code) return false;
  set_loc(s->pos);
  emit(Opcode::PUSH_NULL);
  emit(Opcode::LOAD_BUILD_CLASS);
  CAPY_CTRY(make_closure(code, 0));
  load_const(Const{std::string(s->name)});
  CAPY_CTRY(call_helper(2, s->bases, s->keywords));
  apply_decorators(s->decorator_list);
  set_loc(s->pos);
  return nameop(s->name, ExprContext::Store);
}

// ---------------------------------------------------------------------------
// Simple statements
// ---------------------------------------------------------------------------

bool Codegen::return_stmt(const Return* s) {
  if (u_->ste->type != BlockType::Function) return fail("'return' outside function");
  if (s->value != nullptr && u_->ste->coroutine && u_->ste->generator)
    return fail("'return' with value in async generator");
  Const folded;
  bool is_const = s->value != nullptr && fold(s->value, folded);
  bool preserve_tos = s->value != nullptr && !is_const;
  if (preserve_tos) CAPY_CTRY(visit_expr(s->value));
  // Like CPython, a constant return value on the statement's line gives the
  // location (of the unwinding code and of errors found while unwinding).
  if (is_const && s->value->pos.lineno == s->pos.lineno) set_loc(s->value->pos);
  else set_loc(s->pos);
  int32_t saved = u_->cur_handler;
  unwind_origin_ = u_->loc;
  CAPY_CTRY(unwind_fblock_stack(preserve_tos, nullptr));
  if (s->value == nullptr) load_none();
  else if (!preserve_tos) load_const(std::move(folded));
  emit(Opcode::RETURN_VALUE);
  u_->cur_handler = saved;
  return true;
}

bool Codegen::break_stmt() {
  std::optional<FBlock> loop;
  int32_t saved = u_->cur_handler;
  unwind_origin_ = u_->loc;
  CAPY_CTRY(unwind_fblock_stack(false, &loop));
  if (!loop) {
    u_->loc = unwind_origin_;
    return fail("'break' outside loop");
  }
  CAPY_CTRY(unwind_fblock(*loop, false));
  emit_jump(Opcode::JUMP, loop->exit);
  u_->cur_handler = saved;
  return true;
}

bool Codegen::continue_stmt() {
  std::optional<FBlock> loop;
  int32_t saved = u_->cur_handler;
  unwind_origin_ = u_->loc;
  CAPY_CTRY(unwind_fblock_stack(false, &loop));
  if (!loop) {
    u_->loc = unwind_origin_;
    return fail("'continue' not properly in loop");
  }
  emit_jump(Opcode::JUMP, loop->block);
  u_->cur_handler = saved;
  return true;
}

bool Codegen::expr_stmt(const Expr* value) {
  if (interactive_ && nest_level_ <= 1) {
    CAPY_CTRY(visit_expr(value));
    emit(Opcode::PRINT_EXPR);
    return true;
  }
  if (is_const_expr(value)) return true;  // constant statements (docstrings, ...) do nothing
  CAPY_CTRY(visit_expr(value));
  unset_loc();
  emit(Opcode::POP_TOP);
  return true;
}

bool Codegen::assign(const Assign* s) {
  // a, b = b, a  ->  evaluate the values, then SWAP instead of BUILD_TUPLE + UNPACK_SEQUENCE.
  if (s->targets.size() == 1) {
    const Expr* t = s->targets[0];
    Seq<Expr*> telts;
    if (const Tuple* tt = t->as<Tuple>()) telts = tt->elts;
    else if (const List* tl = t->as<List>()) telts = tl->elts;
    const Tuple* vt = s->value->as<Tuple>();
    auto no_star = [](Seq<Expr*> elts) {
      return std::none_of(elts.begin(), elts.end(), [](const Expr* e) { return e->kind == ExprKind::Starred; });
    };
    if (vt != nullptr && (telts.size() == 2 || telts.size() == 3) && vt->elts.size() == telts.size() &&
        no_star(telts) && no_star(vt->elts) && !is_const_expr(s->value)) {
      CAPY_CTRY(visit_exprs(vt->elts));
      set_loc(t->pos);
      emit(Opcode::SWAP, static_cast<uint32_t>(telts.size()));
      for (const Expr* e : telts) CAPY_CTRY(visit_expr(e));
      return true;
    }
  }
  CAPY_CTRY(visit_expr(s->value));
  for (size_t i = 0; i < s->targets.size(); ++i) {
    if (i + 1 < s->targets.size()) emit(Opcode::COPY, 1);
    CAPY_CTRY(visit_expr(s->targets[i]));
  }
  return true;
}

static NbOp inplace_op(Operator op) {
  int base = 0;
  switch (op) {
    case Operator::Add: base = static_cast<int>(NbOp::Add); break;
    case Operator::Sub: base = static_cast<int>(NbOp::Subtract); break;
    case Operator::Mult: base = static_cast<int>(NbOp::Multiply); break;
    case Operator::MatMult: base = static_cast<int>(NbOp::MatrixMultiply); break;
    case Operator::Div: base = static_cast<int>(NbOp::TrueDivide); break;
    case Operator::Mod: base = static_cast<int>(NbOp::Remainder); break;
    case Operator::Pow: base = static_cast<int>(NbOp::Power); break;
    case Operator::LShift: base = static_cast<int>(NbOp::Lshift); break;
    case Operator::RShift: base = static_cast<int>(NbOp::Rshift); break;
    case Operator::BitOr: base = static_cast<int>(NbOp::Or); break;
    case Operator::BitXor: base = static_cast<int>(NbOp::Xor); break;
    case Operator::BitAnd: base = static_cast<int>(NbOp::And); break;
    case Operator::FloorDiv: base = static_cast<int>(NbOp::FloorDivide); break;
  }
  return static_cast<NbOp>(base + kNbInplaceOffset);
}

bool Codegen::aug_assign(const AugAssign* s) {
  const Expr* e = s->target;
  switch (e->kind) {
    case ExprKind::Attribute: {
      const auto& a = e->cast<Attribute>();
      CAPY_CTRY(visit_expr(a.value));
      emit(Opcode::COPY, 1);
      set_loc(e->pos);
      emit_name(Opcode::LOAD_ATTR, a.attr);
      break;
    }
    case ExprKind::Subscript: {
      const auto& sub = e->cast<Subscript>();
      CAPY_CTRY(visit_expr(sub.value));
      CAPY_CTRY(visit_expr(sub.slice));
      emit(Opcode::COPY, 2);
      emit(Opcode::COPY, 2);
      emit(Opcode::BINARY_SUBSCR);
      break;
    }
    case ExprKind::Name:
      CAPY_CTRY(nameop(e->cast<Name>().id, ExprContext::Load));
      break;
    default:
      return fail_system("invalid node type for augmented assignment");
  }
  CAPY_CTRY(visit_expr(s->value));
  set_loc(s->pos);
  emit(Opcode::BINARY_OP, static_cast<uint32_t>(inplace_op(s->op)));
  set_loc(e->pos);
  switch (e->kind) {
    case ExprKind::Attribute:
      emit(Opcode::SWAP, 2);
      emit_name(Opcode::STORE_ATTR, e->cast<Attribute>().attr);
      return true;
    case ExprKind::Subscript:
      emit(Opcode::SWAP, 3);
      emit(Opcode::SWAP, 2);
      emit(Opcode::STORE_SUBSCR);
      return true;
    default:
      return nameop(e->cast<Name>().id, ExprContext::Store);
  }
}

bool Codegen::check_ann_expr(const Expr* e) {
  CAPY_CTRY(visit_expr(e));
  emit(Opcode::POP_TOP);
  return true;
}

bool Codegen::ann_assign(const AnnAssign* s) {
  const Expr* targ = s->target;
  if (s->value) {
    CAPY_CTRY(visit_expr(s->value));
    CAPY_CTRY(visit_expr(targ));
  }
  bool module_or_class = u_->scope_type == ScopeType::Module || u_->scope_type == ScopeType::Class;
  switch (targ->kind) {
    case ExprKind::Name: {
      const auto& n = targ->cast<Name>();
      if (forbidden_name(n.id, ExprContext::Store)) return false;
      if (s->simple && module_or_class) {
        set_loc(s->pos);
        CAPY_CTRY(visit_annotation_value(s->annotation));
        emit_name(Opcode::LOAD_NAME, "__annotations__");
        load_const(Const{std::string(mangled(n.id))});
        emit(Opcode::STORE_SUBSCR);
      }
      break;
    }
    case ExprKind::Attribute: {
      const auto& a = targ->cast<Attribute>();
      if (forbidden_name(a.attr, ExprContext::Store)) return false;
      if (!s->value) CAPY_CTRY(check_ann_expr(a.value));
      break;
    }
    case ExprKind::Subscript: {
      const auto& sub = targ->cast<Subscript>();
      if (!s->value) {
        CAPY_CTRY(check_ann_expr(sub.value));
        // check_ann_subscr: evaluate the slice parts for their side effects.
        const Expr* sl = sub.slice;
        auto check_slice = [&](const Expr* x) -> bool {
          if (const Slice* sl2 = x->as<Slice>()) {
            if (sl2->lower) CAPY_CTRY(check_ann_expr(sl2->lower));
            if (sl2->upper) CAPY_CTRY(check_ann_expr(sl2->upper));
            if (sl2->step) CAPY_CTRY(check_ann_expr(sl2->step));
            return true;
          }
          return check_ann_expr(x);
        };
        if (const Tuple* t = sl->as<Tuple>()) {
          for (const Expr* x : t->elts) CAPY_CTRY(check_slice(x));
        } else {
          CAPY_CTRY(check_slice(sl));
        }
      }
      break;
    }
    default:
      return fail_system("invalid node type for annotated assignment");
  }
  // Annotations of complex targets are evaluated (not stored) in modules and classes.
  if (!s->simple && !future_.annotations && module_or_class) CAPY_CTRY(check_ann_expr(s->annotation));
  return true;
}

bool Codegen::raise_stmt(const Raise* s) {
  uint32_t n = 0;
  if (s->exc) {
    CAPY_CTRY(visit_expr(s->exc));
    ++n;
    if (s->cause) {
      CAPY_CTRY(visit_expr(s->cause));
      ++n;
    }
  }
  set_loc(s->pos);
  emit(Opcode::RAISE_VARARGS, n);
  return true;
}

bool Codegen::assert_stmt(const Assert* s) {
  if (const Tuple* t = s->test->as<Tuple>(); t != nullptr && !t->elts.empty())
    warn("assertion is always true, perhaps remove parentheses?");
  uint32_t end = new_label();
  CAPY_CTRY(jump_if(s->test, end, true));
  set_loc(s->pos);
  emit(Opcode::LOAD_ASSERTION_ERROR);
  if (s->msg) {
    CAPY_CTRY(visit_expr(s->msg));
    emit(Opcode::CALL, 0);
  }
  set_loc(s->pos);
  emit(Opcode::RAISE_VARARGS, 1);
  bind(end);
  return true;
}

// ---------------------------------------------------------------------------
// Imports
// ---------------------------------------------------------------------------

bool Codegen::import_as(std::string_view name, std::string_view asname) {
  size_t dot = name.find('.');
  if (dot == std::string_view::npos) return nameop(asname, ExprContext::Store);
  // import a.b.c as d: walk the attributes with IMPORT_FROM.
  while (true) {
    size_t pos = dot + 1;
    dot = name.find('.', pos);
    std::string_view attr = name.substr(pos, dot == std::string_view::npos ? std::string_view::npos : dot - pos);
    emit(Opcode::IMPORT_FROM, add_name(st_.arena().copy_string(attr)));
    if (dot == std::string_view::npos) break;
    emit(Opcode::SWAP, 2);
    emit(Opcode::POP_TOP);
  }
  CAPY_CTRY(nameop(asname, ExprContext::Store));
  emit(Opcode::POP_TOP);
  return true;
}

bool Codegen::import_stmt(const Import* s) {
  for (const Alias* a : s->names) {
    set_loc(s->pos);
    load_const(Const{int64_t{0}});
    load_none();
    emit_name(Opcode::IMPORT_NAME, a->name);
    if (!a->asname.empty()) {
      CAPY_CTRY(import_as(a->name, a->asname));
    } else {
      std::string_view name = a->name;
      size_t dot = name.find('.');
      if (dot != std::string_view::npos) name = st_.arena().copy_string(name.substr(0, dot));
      CAPY_CTRY(nameop(name, ExprContext::Store));
    }
  }
  return true;
}

bool Codegen::import_from(const ImportFrom* s) {
  load_const(Const{int64_t{s->level}});
  TupleConst names;
  for (const Alias* a : s->names) names.items.push_back(Const{a->name});
  if (s->pos.lineno > future_.last_lineno && s->module == "__future__")
    return fail("from __future__ imports must occur at the beginning of the file");
  load_const(Const{std::move(names)});
  emit_name(Opcode::IMPORT_NAME, s->module);
  for (size_t i = 0; i < s->names.size(); ++i) {
    const Alias* a = s->names[i];
    if (i == 0 && a->name == "*") {
      emit(Opcode::IMPORT_STAR);
      return true;
    }
    emit_name(Opcode::IMPORT_FROM, a->name);
    CAPY_CTRY(nameop(a->asname.empty() ? a->name : a->asname, ExprContext::Store));
  }
  emit(Opcode::POP_TOP);
  return true;
}

// ---------------------------------------------------------------------------
// Control flow
// ---------------------------------------------------------------------------

bool Codegen::if_stmt(const If* s) {
  uint32_t end = new_label();
  const If* cur = s;
  // elif chains are handled iteratively (no recursion per elif).
  while (true) {
    set_loc(cur->pos);
    bool has_else = !cur->orelse.empty();
    uint32_t next = has_else ? new_label() : end;
    CAPY_CTRY(jump_if(cur->test, next, false));
    CAPY_CTRY(visit_stmts(cur->body));
    if (!has_else) break;
    unset_loc();
    emit_jump(Opcode::JUMP, end);
    bind(next);
    if (cur->orelse.size() == 1 && cur->orelse[0]->kind == StmtKind::If) {
      cur = &cur->orelse[0]->cast<If>();
      CAPY_CTRY(check_code_size());
      continue;
    }
    CAPY_CTRY(visit_stmts(cur->orelse));
    break;
  }
  bind(end);
  return true;
}

bool Codegen::for_stmt(const For* s) {
  uint32_t start = new_label(), cleanup = new_label(), end = new_label();
  CAPY_CTRY(push_fblock(FBlock{FBlockType::ForLoop, start, end}));
  CAPY_CTRY(visit_expr(s->iter));
  set_loc(s->pos);
  emit(Opcode::GET_ITER);
  bind(start);
  emit_jump(Opcode::FOR_ITER, cleanup);
  CAPY_CTRY(visit_expr(s->target));
  CAPY_CTRY(visit_stmts(s->body));
  set_loc(s->pos);
  emit_jump(Opcode::JUMP, start);
  bind(cleanup);
  pop_fblock();
  CAPY_CTRY(visit_stmts(s->orelse));
  bind(end);
  return true;
}

bool Codegen::async_for_stmt(const AsyncFor* s) {
  if (u_->scope_type != ScopeType::AsyncFunction) return fail("'async for' outside async function");
  uint32_t start = new_label(), except = new_label(), end = new_label();
  CAPY_CTRY(visit_expr(s->iter));
  set_loc(s->pos);
  emit(Opcode::GET_AITER);
  bind(start);
  CAPY_CTRY(push_fblock(FBlock{FBlockType::ForLoop, start, end}));
  // SETUP_FINALLY guards the __anext__ call: StopAsyncIteration ends the loop.
  setup(Opcode::SETUP_FINALLY, except);
  emit(Opcode::GET_ANEXT);
  load_none();
  add_yield_from(true);
  pop_block();
  CAPY_CTRY(visit_expr(s->target));
  CAPY_CTRY(visit_stmts(s->body));
  set_loc(s->pos);
  emit_jump(Opcode::JUMP, start);
  pop_fblock();
  bind(except);
  set_loc(s->iter->pos);
  emit(Opcode::END_ASYNC_FOR);
  CAPY_CTRY(visit_stmts(s->orelse));
  bind(end);
  return true;
}

bool Codegen::while_stmt(const While* s) {
  uint32_t loop = new_label(), anchor = new_label(), end = new_label();
  bind(loop);
  CAPY_CTRY(push_fblock(FBlock{FBlockType::WhileLoop, loop, end}));
  CAPY_CTRY(jump_if(s->test, anchor, false));
  CAPY_CTRY(visit_stmts(s->body));
  set_loc(s->pos);
  emit_jump(Opcode::JUMP, loop);
  pop_fblock();
  bind(anchor);
  CAPY_CTRY(visit_stmts(s->orelse));
  bind(end);
  return true;
}

// ---------------------------------------------------------------------------
// try / except / finally
// ---------------------------------------------------------------------------

bool Codegen::try_stmt(const Try* s) {
  if (!s->finalbody.empty()) return try_finally(s);
  return try_except(s);
}

bool Codegen::try_star(const TryStar* s) {
  if (!s->finalbody.empty()) return try_finally(s);
  return try_star_except(s);
}

bool Codegen::try_finally(const TryBase* s) {
  uint32_t end = new_label(), exit = new_label(), cleanup = new_label();
  // `try` block
  setup(Opcode::SETUP_FINALLY, end);
  FBlock fb{FBlockType::FinallyTry};
  fb.finalbody = s->finalbody;
  CAPY_CTRY(push_fblock(fb));
  if (!s->handlers.empty()) {
    if (s->kind == StmtKind::TryStar) CAPY_CTRY(try_star_except(s));
    else CAPY_CTRY(try_except(s));
  } else {
    CAPY_CTRY(visit_stmts(s->body));
  }
  unset_loc();
  pop_block();
  pop_fblock();
  CAPY_CTRY(visit_stmts(s->finalbody));
  unset_loc();
  emit_jump(Opcode::JUMP, exit);
  // `finally` block (exceptional path)
  bind(end);
  unset_loc();
  setup(Opcode::SETUP_CLEANUP, cleanup);
  emit(Opcode::PUSH_EXC_INFO);
  CAPY_CTRY(push_fblock(FBlock{FBlockType::FinallyEnd}));
  CAPY_CTRY(visit_stmts(s->finalbody));
  pop_fblock();
  unset_loc();
  emit(Opcode::RERAISE, 0);
  bind(cleanup);
  pop_except_and_reraise();
  bind(exit);
  return true;
}

bool Codegen::try_except(const TryBase* s) {
  uint32_t except = new_label(), end = new_label(), cleanup = new_label();
  setup(Opcode::SETUP_FINALLY, except);
  CAPY_CTRY(push_fblock(FBlock{FBlockType::TryExcept}));
  CAPY_CTRY(visit_stmts(s->body));
  pop_fblock();
  unset_loc();
  pop_block();
  CAPY_CTRY(visit_stmts(s->orelse));
  unset_loc();
  emit_jump(Opcode::JUMP, end);
  bind(except);
  unset_loc();
  setup(Opcode::SETUP_CLEANUP, cleanup);
  emit(Opcode::PUSH_EXC_INFO);
  CAPY_CTRY(push_fblock(FBlock{FBlockType::ExceptionHandler}));
  size_t n = s->handlers.size();
  for (size_t i = 0; i < n; ++i) {
    const ExceptHandler* h = s->handlers[i];
    set_loc(h->pos);
    if (h->type == nullptr && i + 1 < n) return fail("default 'except:' must be last");
    uint32_t next = new_label();
    if (h->type) {
      CAPY_CTRY(visit_expr(h->type));
      set_loc(h->pos);
      emit(Opcode::CHECK_EXC_MATCH);
      emit_jump(Opcode::POP_JUMP_IF_FALSE, next);
    }
    if (!h->name.empty()) {
      uint32_t cleanup_end = new_label();
      CAPY_CTRY(nameop(h->name, ExprContext::Store));
      // try: body finally: name = None; del name
      setup(Opcode::SETUP_CLEANUP, cleanup_end);
      FBlock fb{FBlockType::HandlerCleanup};
      fb.name = h->name;
      fb.has_name = true;
      CAPY_CTRY(push_fblock(fb));
      CAPY_CTRY(visit_stmts(h->body));
      pop_fblock();
      unset_loc();
      pop_block();
      pop_block();
      emit(Opcode::POP_EXCEPT);
      load_none();
      CAPY_CTRY(nameop(h->name, ExprContext::Store));
      CAPY_CTRY(nameop(h->name, ExprContext::Del));
      emit_jump(Opcode::JUMP, end);
      bind(cleanup_end);
      unset_loc();
      load_none();
      CAPY_CTRY(nameop(h->name, ExprContext::Store));
      CAPY_CTRY(nameop(h->name, ExprContext::Del));
      emit(Opcode::RERAISE, 1);
    } else {
      emit(Opcode::POP_TOP);  // exc_value
      CAPY_CTRY(push_fblock(FBlock{FBlockType::HandlerCleanup}));
      CAPY_CTRY(visit_stmts(h->body));
      pop_fblock();
      unset_loc();
      pop_block();
      emit(Opcode::POP_EXCEPT);
      emit_jump(Opcode::JUMP, end);
    }
    bind(next);
  }
  unset_loc();
  pop_fblock();
  emit(Opcode::RERAISE, 0);
  bind(cleanup);
  pop_except_and_reraise();
  bind(end);
  return true;
}

// except*: see the stack diagram above compiler_try_star_except in CPython 3.11.
bool Codegen::try_star_except(const TryBase* s) {
  uint32_t except = new_label(), orelse = new_label(), end = new_label(), cleanup = new_label(),
           reraise_star = new_label();
  setup(Opcode::SETUP_FINALLY, except);
  CAPY_CTRY(push_fblock(FBlock{FBlockType::TryExcept}));
  CAPY_CTRY(visit_stmts(s->body));
  pop_fblock();
  unset_loc();
  pop_block();
  emit_jump(Opcode::JUMP, orelse);
  size_t n = s->handlers.size();
  bind(except);
  unset_loc();
  setup(Opcode::SETUP_CLEANUP, cleanup);
  emit(Opcode::PUSH_EXC_INFO);
  CAPY_CTRY(push_fblock(FBlock{FBlockType::ExceptionGroupHandler}));
  for (size_t i = 0; i < n; ++i) {
    const ExceptHandler* h = s->handlers[i];
    set_loc(h->pos);
    uint32_t except_l = new_label(), except_with_error = new_label(), no_match = new_label();
    if (i == 0) {
      // [exc] -> [orig, [], exc]
      emit(Opcode::COPY, 1);
      emit(Opcode::BUILD_LIST, 0);
      emit(Opcode::SWAP, 2);
    }
    if (h->type) {
      CAPY_CTRY(visit_expr(h->type));
      set_loc(h->pos);
      emit(Opcode::CHECK_EG_MATCH);
      emit(Opcode::COPY, 1);
      emit_jump(Opcode::POP_JUMP_IF_NONE, no_match);
    }
    uint32_t cleanup_end = new_label();
    bool has_name = !h->name.empty();
    if (has_name) CAPY_CTRY(nameop(h->name, ExprContext::Store));
    else emit(Opcode::POP_TOP);  // match
    setup(Opcode::SETUP_CLEANUP, cleanup_end);
    FBlock fb{FBlockType::HandlerCleanup};
    fb.name = h->name;
    fb.has_name = has_name;
    CAPY_CTRY(push_fblock(fb));
    CAPY_CTRY(visit_stmts(h->body));
    pop_fblock();
    pop_block();
    if (has_name) {
      load_none();
      CAPY_CTRY(nameop(h->name, ExprContext::Store));
      CAPY_CTRY(nameop(h->name, ExprContext::Del));
    }
    emit_jump(Opcode::JUMP, except_l);
    bind(cleanup_end);
    unset_loc();
    if (has_name) {
      load_none();
      CAPY_CTRY(nameop(h->name, ExprContext::Store));
      CAPY_CTRY(nameop(h->name, ExprContext::Del));
    }
    emit(Opcode::LIST_APPEND, 3);  // exc raised in the except* body joins the result list
    emit(Opcode::POP_TOP);         // lasti
    emit_jump(Opcode::JUMP, except_with_error);
    bind(except_l);
    emit(Opcode::NOP);
    emit_jump(Opcode::JUMP, except_with_error);
    bind(no_match);
    emit(Opcode::POP_TOP);  // match (None)
    bind(except_with_error);
    if (i + 1 == n) {
      // Add the unhandled rest (or None) to the list.
      emit(Opcode::LIST_APPEND, 1);
      emit_jump(Opcode::JUMP, reraise_star);
    }
  }
  unset_loc();
  pop_fblock();
  uint32_t reraise = new_label();
  bind(reraise_star);
  emit(Opcode::PREP_RERAISE_STAR);
  emit(Opcode::COPY, 1);
  emit_jump(Opcode::POP_JUMP_IF_NOT_NONE, reraise);
  // Nothing to re-raise.
  emit(Opcode::POP_TOP);
  pop_block();
  emit(Opcode::POP_EXCEPT);
  emit_jump(Opcode::JUMP, end);
  bind(reraise);
  pop_block();
  emit(Opcode::SWAP, 2);
  emit(Opcode::POP_EXCEPT);
  emit(Opcode::RERAISE, 0);
  bind(cleanup);
  pop_except_and_reraise();
  bind(orelse);
  CAPY_CTRY(visit_stmts(s->orelse));
  bind(end);
  return true;
}

// ---------------------------------------------------------------------------
// with / async with
// ---------------------------------------------------------------------------

bool Codegen::with_except_finish(uint32_t cleanup) {
  unset_loc();
  uint32_t exit = new_label();
  emit_jump(Opcode::POP_JUMP_IF_TRUE, exit);
  emit(Opcode::RERAISE, 2);
  bind(cleanup);
  pop_except_and_reraise();
  bind(exit);
  emit(Opcode::POP_TOP);  // exc_value
  pop_block();
  emit(Opcode::POP_EXCEPT);
  emit(Opcode::POP_TOP);
  emit(Opcode::POP_TOP);
  return true;
}

bool Codegen::with_stmt(const WithBase* s, size_t pos, bool is_async) {
  if (pos >= s->items.size()) return fail_system("with statement without items");
  const WithItem* item = s->items[pos];
  uint32_t final = new_label(), exit = new_label(), cleanup = new_label();
  CAPY_CTRY(visit_expr(item->context_expr));
  set_loc(s->pos);
  if (is_async) {
    emit(Opcode::BEFORE_ASYNC_WITH);
    emit(Opcode::GET_AWAITABLE, 1);
    load_none();
    add_yield_from(true);
  } else {
    emit(Opcode::BEFORE_WITH);
  }
  setup(Opcode::SETUP_WITH, final);
  FBlock fb{is_async ? FBlockType::AsyncWith : FBlockType::With};
  fb.stmt = s;
  CAPY_CTRY(push_fblock(fb));
  if (item->optional_vars) {
    CAPY_CTRY(visit_expr(item->optional_vars));
  } else {
    emit(Opcode::POP_TOP);  // discard the __enter__ result
  }
  ++pos;
  if (pos == s->items.size()) CAPY_CTRY(visit_stmts(s->body));
  else CAPY_CTRY(with_stmt(s, pos, is_async));
  unset_loc();
  pop_block();
  pop_fblock();
  // Normal exit: __exit__(None, None, None).
  set_loc(s->pos);
  call_exit_with_nones();
  if (is_async) {
    emit(Opcode::GET_AWAITABLE, 2);
    load_none();
    add_yield_from(true);
  }
  emit(Opcode::POP_TOP);
  emit_jump(Opcode::JUMP, exit);
  // Exceptional exit: __exit__(type, value, tb); re-raise unless it returns true.
  bind(final);
  setup(Opcode::SETUP_CLEANUP, cleanup);
  emit(Opcode::PUSH_EXC_INFO);
  emit(Opcode::WITH_EXCEPT_START);
  if (is_async) {
    emit(Opcode::GET_AWAITABLE, 2);
    load_none();
    add_yield_from(true);
  }
  CAPY_CTRY(with_except_finish(cleanup));
  bind(exit);
  return true;
}

}  // namespace capy::compiler
