// Code generation for expressions: operators, calls, displays, comprehensions,
// lambdas, f-strings and conditional jumps (CPython 3.11 compile.c, compiler_visit_expr).
#include <cmath>
#include <limits>

#include "compiler/codegen.h"

namespace capy::compiler {

using namespace syntax;

namespace {

// CPython's STACK_USE_GUIDELINE: displays and calls with more items than this
// are built incrementally so the value stack stays small.
constexpr size_t kStackUseGuideline = 30;

NbOp binary_op(Operator op) {
  switch (op) {
    case Operator::Add: return NbOp::Add;
    case Operator::Sub: return NbOp::Subtract;
    case Operator::Mult: return NbOp::Multiply;
    case Operator::MatMult: return NbOp::MatrixMultiply;
    case Operator::Div: return NbOp::TrueDivide;
    case Operator::Mod: return NbOp::Remainder;
    case Operator::Pow: return NbOp::Power;
    case Operator::LShift: return NbOp::Lshift;
    case Operator::RShift: return NbOp::Rshift;
    case Operator::BitOr: return NbOp::Or;
    case Operator::BitXor: return NbOp::Xor;
    case Operator::BitAnd: return NbOp::And;
    case Operator::FloorDiv: return NbOp::FloorDivide;
  }
  return NbOp::Add;
}

bool all_foldable(const Codegen& cg, Seq<Expr*> elts, TupleConst& out) {
  out.items.reserve(elts.size());
  for (const Expr* x : elts) {
    Const c;
    if (x == nullptr || !cg.fold(x, c)) return false;
    out.items.push_back(std::move(c));
  }
  return true;
}

}  // namespace

bool Codegen::visit_exprs(Seq<Expr*> exprs) {
  for (const Expr* e : exprs) CAPY_CTRY(visit_expr(e));
  return true;
}

// Loads `e` as a constant if it folds to one. Kept out of line so that the
// recursive visitor's frames stay small (deep nesting costs native stack).
[[gnu::noinline]] static bool load_if_folded(Codegen& cg, const Expr* e) {
  Const c;
  if (!cg.fold(e, c)) return false;
  cg.load_const(std::move(c));
  return true;
}

// Shape invariants of the AST that the code generator indexes by (the parser
// guarantees them; a violation is reported as SystemError, never a crash).
[[gnu::noinline]] static bool well_formed(const Expr* e) {
  switch (e->kind) {
    case ExprKind::BoolOp: return !e->cast<BoolOp>().values.empty();
    case ExprKind::Compare: {
      const auto& c = e->cast<Compare>();
      return !c.ops.empty() && c.ops.size() == c.comparators.size();
    }
    case ExprKind::Dict: return e->cast<Dict>().keys.size() == e->cast<Dict>().values.size();
    case ExprKind::ListComp: case ExprKind::SetComp: case ExprKind::GeneratorExp:
      return !static_cast<const EltComprehensionBase&>(*e).generators.empty();
    case ExprKind::DictComp: return !e->cast<DictComp>().generators.empty();
    case ExprKind::Lambda: return e->cast<Lambda>().args != nullptr;
    default: return true;
  }
}

bool Codegen::visit_expr(const Expr* e) {
  DepthGuard guard(depth_);
  if (!depth_ok()) return too_deep();
  if (!well_formed(e)) return fail_system("malformed AST node");
  Position saved = u_->loc;
  set_loc(e->pos);
  bool ok;
  switch (e->kind) {
    case ExprKind::BinOp:
    case ExprKind::UnaryOp:
      ok = load_if_folded(*this, e) || visit_expr_inner(e);
      break;
    case ExprKind::Tuple:
      ok = (e->cast<Tuple>().ctx == ExprContext::Load && load_if_folded(*this, e)) || visit_expr_inner(e);
      break;
    default:
      ok = visit_expr_inner(e);
  }
  u_->loc = saved;
  return ok;
}

// Visits an iterable of a for loop / comprehension / `in` test: a list display
// becomes a tuple, and constant lists/sets become tuple/frozenset constants.
static bool visit_iter(Codegen& cg, const Expr* e) {
  if (const List* l = e->as<List>()) {
    for (const Expr* x : l->elts)
      if (x->kind == ExprKind::Starred) return cg.visit_expr(e);
    TupleConst t;
    if (all_foldable(cg, l->elts, t)) {
      cg.load_const(Const{std::move(t)});
      return true;
    }
    Position saved = cg.u_->loc;
    cg.set_loc(e->pos);
    bool ok = cg.starunpack_helper(l->elts, 0, Opcode::BUILD_LIST, Opcode::LIST_APPEND, Opcode::LIST_EXTEND, true);
    cg.u_->loc = saved;
    return ok;
  }
  if (const Set* s = e->as<Set>()) {
    TupleConst t;
    if (all_foldable(cg, s->elts, t)) {
      t.frozenset = true;
      cg.load_const(Const{std::move(t)});
      return true;
    }
  }
  return cg.visit_expr(e);
}

// Leaf cases of visit_expr_inner, out of line to keep its frame small.
[[gnu::noinline]] static void load_constant_node(Codegen& cg, const Expr* e) {
  cg.load_const(const_from_ast(e->cast<Constant>().value));
}

[[gnu::noinline]] static bool name_node(Codegen& cg, const Expr* e) {
  const auto& n = e->cast<Name>();
  if (n.ctx == ExprContext::Load && n.id == "__debug__") {
    cg.load_const(Const{true});
    return true;
  }
  return cg.nameop(n.id, n.ctx);
}

bool Codegen::visit_expr_inner(const Expr* e) {
  switch (e->kind) {
    case ExprKind::NamedExpr: {
      const auto& n = e->cast<NamedExpr>();
      CAPY_CTRY(visit_expr(n.value));
      emit(Opcode::COPY, 1);
      return visit_expr(n.target);
    }
    case ExprKind::BoolOp:
      return boolop(&e->cast<BoolOp>());
    case ExprKind::BinOp:
      return binop_chain(&e->cast<BinOp>());
    case ExprKind::UnaryOp: {
      const auto& u = e->cast<UnaryOp>();
      CAPY_CTRY(visit_expr(u.operand));
      switch (u.op) {
        case UnaryOperator::Invert: emit(Opcode::UNARY_INVERT); break;
        case UnaryOperator::Not: emit(Opcode::UNARY_NOT); break;
        case UnaryOperator::UAdd: emit(Opcode::UNARY_POSITIVE); break;
        case UnaryOperator::USub: emit(Opcode::UNARY_NEGATIVE); break;
      }
      return true;
    }
    case ExprKind::Lambda:
      return lambda(&e->cast<Lambda>());
    case ExprKind::IfExp: {
      const auto& i = e->cast<IfExp>();
      uint32_t end = new_label(), next = new_label();
      CAPY_CTRY(jump_if(i.test, next, false));
      CAPY_CTRY(visit_expr(i.body));
      emit_jump(Opcode::JUMP, end);
      bind(next);
      CAPY_CTRY(visit_expr(i.orelse));
      bind(end);
      return true;
    }
    case ExprKind::Dict:
      return dict(&e->cast<Dict>());
    case ExprKind::Set:
      return starunpack_helper(e->cast<Set>().elts, 0, Opcode::BUILD_SET, Opcode::SET_ADD, Opcode::SET_UPDATE, false);
    case ExprKind::GeneratorExp: {
      const auto& g = e->cast<GeneratorExp>();
      return comprehension(e, ScopeType::Comprehension, "<genexpr>", g.generators, g.elt, nullptr);
    }
    case ExprKind::ListComp: {
      const auto& g = e->cast<ListComp>();
      return comprehension(e, ScopeType::Comprehension, "<listcomp>", g.generators, g.elt, nullptr);
    }
    case ExprKind::SetComp: {
      const auto& g = e->cast<SetComp>();
      return comprehension(e, ScopeType::Comprehension, "<setcomp>", g.generators, g.elt, nullptr);
    }
    case ExprKind::DictComp: {
      const auto& g = e->cast<DictComp>();
      return comprehension(e, ScopeType::Comprehension, "<dictcomp>", g.generators, g.key, g.value);
    }
    case ExprKind::Yield: {
      if (u_->ste->type != BlockType::Function) return fail("'yield' outside function");
      const auto& y = e->cast<Yield>();
      if (y.value) CAPY_CTRY(visit_expr(y.value));
      else load_none();
      emit_yield();
      return true;
    }
    case ExprKind::YieldFrom: {
      if (u_->ste->type != BlockType::Function) return fail("'yield' outside function");
      if (u_->scope_type == ScopeType::AsyncFunction) return fail("'yield from' inside async function");
      CAPY_CTRY(visit_expr(e->cast<YieldFrom>().value));
      emit(Opcode::GET_YIELD_FROM_ITER);
      load_none();
      add_yield_from(false);
      return true;
    }
    case ExprKind::Await: {
      if (u_->ste->type != BlockType::Function) return fail("'await' outside function");
      if (u_->scope_type != ScopeType::AsyncFunction && u_->scope_type != ScopeType::Comprehension)
        return fail("'await' outside async function");
      CAPY_CTRY(visit_expr(e->cast<Await>().value));
      emit(Opcode::GET_AWAITABLE, 0);
      load_none();
      add_yield_from(true);
      return true;
    }
    case ExprKind::Compare:
      return compare(&e->cast<Compare>());
    case ExprKind::Call:
      return call(&e->cast<Call>());
    case ExprKind::FormattedValue:
      return formatted_value(&e->cast<FormattedValue>());
    case ExprKind::JoinedStr:
      return joined_str(&e->cast<JoinedStr>());
    case ExprKind::Constant:
      load_constant_node(*this, e);
      return true;
    case ExprKind::Attribute: {
      const auto& a = e->cast<Attribute>();
      CAPY_CTRY(visit_expr(a.value));
      switch (a.ctx) {
        case ExprContext::Load: emit_name(Opcode::LOAD_ATTR, a.attr); break;
        case ExprContext::Store:
          if (forbidden_name(a.attr, a.ctx)) return false;
          emit_name(Opcode::STORE_ATTR, a.attr);
          break;
        case ExprContext::Del: emit_name(Opcode::DELETE_ATTR, a.attr); break;
      }
      return true;
    }
    case ExprKind::Subscript: {
      const auto& s = e->cast<Subscript>();
      CAPY_CTRY(visit_expr(s.value));
      CAPY_CTRY(visit_expr(s.slice));
      switch (s.ctx) {
        case ExprContext::Load: emit(Opcode::BINARY_SUBSCR); break;
        case ExprContext::Store: emit(Opcode::STORE_SUBSCR); break;
        case ExprContext::Del: emit(Opcode::DELETE_SUBSCR); break;
      }
      return true;
    }
    case ExprKind::Starred:
      if (e->cast<Starred>().ctx == ExprContext::Store)
        return fail("starred assignment target must be in a list or tuple");
      return fail("can't use starred expression here");
    case ExprKind::Slice:
      return slice(&e->cast<Slice>());
    case ExprKind::Name:
      return name_node(*this, e);
    case ExprKind::List: {
      const auto& l = e->cast<List>();
      switch (l.ctx) {
        case ExprContext::Store: return assignment_helper(l.elts);
        case ExprContext::Load:
          return starunpack_helper(l.elts, 0, Opcode::BUILD_LIST, Opcode::LIST_APPEND, Opcode::LIST_EXTEND, false);
        case ExprContext::Del: return visit_exprs(l.elts);
      }
      return true;
    }
    case ExprKind::Tuple: {
      const auto& t = e->cast<Tuple>();
      switch (t.ctx) {
        case ExprContext::Store: return assignment_helper(t.elts);
        case ExprContext::Load:
          return starunpack_helper(t.elts, 0, Opcode::BUILD_LIST, Opcode::LIST_APPEND, Opcode::LIST_EXTEND, true);
        case ExprContext::Del: return visit_exprs(t.elts);
      }
      return true;
    }
  }
  return fail_system("unknown expression kind");
}

// ---------------------------------------------------------------------------
// Operators
// ---------------------------------------------------------------------------

bool Codegen::binop_chain(const BinOp* e) {
  // Left-nested chains (a + b + c ...) are flattened so their length does not
  // consume native stack.
  std::vector<const BinOp*> spine;
  const Expr* cur = e;
  while (cur->kind == ExprKind::BinOp) {
    spine.push_back(&cur->cast<BinOp>());
    cur = cur->cast<BinOp>().left;
    Const folded;
    if (cur->kind == ExprKind::BinOp && spine.size() < 64 && fold(cur, folded)) break;  // e.g. (2 * 3.14) * r
  }
  CAPY_CTRY(visit_expr(cur));
  for (size_t i = spine.size(); i-- > 0;) {
    CAPY_CTRY(visit_expr(spine[i]->right));
    set_loc(spine[i]->pos);
    emit(Opcode::BINARY_OP, static_cast<uint32_t>(binary_op(spine[i]->op)));
    if ((i & 1023) == 0) CAPY_CTRY(check_code_size());
  }
  return true;
}

bool Codegen::boolop(const BoolOp* e) {
  Opcode jump = e->op == BoolOperator::And ? Opcode::JUMP_IF_FALSE_OR_POP : Opcode::JUMP_IF_TRUE_OR_POP;
  uint32_t end = new_label();
  size_t n = e->values.size();
  for (size_t i = 0; i + 1 < n; ++i) {
    CAPY_CTRY(visit_expr(e->values[i]));
    emit_jump(jump, end);
  }
  CAPY_CTRY(visit_expr(e->values[n - 1]));
  bind(end);
  return true;
}

void Codegen::compare_op(CmpOperator op) {
  switch (op) {
    case CmpOperator::Eq: emit(Opcode::COMPARE_OP, static_cast<uint32_t>(CompareOp::Eq)); break;
    case CmpOperator::NotEq: emit(Opcode::COMPARE_OP, static_cast<uint32_t>(CompareOp::Ne)); break;
    case CmpOperator::Lt: emit(Opcode::COMPARE_OP, static_cast<uint32_t>(CompareOp::Lt)); break;
    case CmpOperator::LtE: emit(Opcode::COMPARE_OP, static_cast<uint32_t>(CompareOp::Le)); break;
    case CmpOperator::Gt: emit(Opcode::COMPARE_OP, static_cast<uint32_t>(CompareOp::Gt)); break;
    case CmpOperator::GtE: emit(Opcode::COMPARE_OP, static_cast<uint32_t>(CompareOp::Ge)); break;
    case CmpOperator::Is: emit(Opcode::IS_OP, 0); break;
    case CmpOperator::IsNot: emit(Opcode::IS_OP, 1); break;
    case CmpOperator::In: emit(Opcode::CONTAINS_OP, 0); break;
    case CmpOperator::NotIn: emit(Opcode::CONTAINS_OP, 1); break;
  }
}

bool Codegen::check_compare(const Compare* e) {
  check_compare_warnings(e);
  return true;
}

// CPython's check_is_arg: a constant other than None/True/False/... compared with `is`.
static bool is_literal_for_is(const Codegen& cg, const Expr* e) {
  if (e->kind != ExprKind::Constant && e->kind != ExprKind::UnaryOp && e->kind != ExprKind::Tuple &&
      e->kind != ExprKind::BinOp)
    return false;
  Const c;
  if (!cg.fold(e, c)) return false;
  return !(c.kind() == Const::kNone || c.kind() == Const::kBool || c.kind() == Const::kEllipsis);
}

void Codegen::check_compare_warnings(const Compare* e) {
  bool left_literal = is_literal_for_is(*this, e->left);
  for (size_t i = 0; i < e->ops.size(); ++i) {
    bool right_literal = is_literal_for_is(*this, e->comparators[i]);
    CmpOperator op = e->ops[i];
    if ((op == CmpOperator::Is || op == CmpOperator::IsNot) && (left_literal || right_literal)) {
      warn(op == CmpOperator::Is ? "\"is\" with a literal. Did you mean \"==\"?"
                                 : "\"is not\" with a literal. Did you mean \"!=\"?");
      return;
    }
    left_literal = right_literal;
  }
}

void Codegen::check_caller(const Expr* func) {
  const char* type = nullptr;
  switch (func->kind) {
    case ExprKind::Constant: {
      switch (func->cast<Constant>().value.kind) {
        case ConstantValue::Kind::None: type = "NoneType"; break;
        case ConstantValue::Kind::Bool: type = "bool"; break;
        case ConstantValue::Kind::Ellipsis: type = "ellipsis"; break;
        case ConstantValue::Kind::Int: type = "int"; break;
        case ConstantValue::Kind::Float: type = "float"; break;
        case ConstantValue::Kind::Complex: type = "complex"; break;
        case ConstantValue::Kind::Str: type = "str"; break;
        case ConstantValue::Kind::Bytes: type = "bytes"; break;
      }
      break;
    }
    case ExprKind::Tuple: type = "tuple"; break;
    case ExprKind::List: case ExprKind::ListComp: type = "list"; break;
    case ExprKind::Dict: case ExprKind::DictComp: type = "dict"; break;
    case ExprKind::Set: case ExprKind::SetComp: type = "set"; break;
    case ExprKind::GeneratorExp: type = "generator"; break;
    case ExprKind::JoinedStr: case ExprKind::FormattedValue: type = "str"; break;
    default: return;
  }
  Position saved = u_->loc;
  set_loc(func->pos);
  warn(std::string("'") + type + "' object is not callable; perhaps you missed a comma?");
  u_->loc = saved;
}

// Visits comparator i of a Compare (the last `in` operand may be folded).
static bool visit_comparator(Codegen& cg, const Compare* e, size_t i) {
  CmpOperator op = e->ops[i];
  if (i + 1 == e->comparators.size() && (op == CmpOperator::In || op == CmpOperator::NotIn))
    return visit_iter(cg, e->comparators[i]);
  return cg.visit_expr(e->comparators[i]);
}

bool Codegen::compare(const Compare* e) {
  CAPY_CTRY(check_compare(e));
  CAPY_CTRY(visit_expr(e->left));
  size_t n = e->ops.size() - 1;
  if (n == 0) {
    CAPY_CTRY(visit_comparator(*this, e, 0));
    set_loc(e->pos);
    compare_op(e->ops[0]);
    return true;
  }
  uint32_t cleanup = new_label();
  for (size_t i = 0; i < n; ++i) {
    CAPY_CTRY(visit_expr(e->comparators[i]));
    set_loc(e->pos);
    emit(Opcode::SWAP, 2);
    emit(Opcode::COPY, 2);
    compare_op(e->ops[i]);
    emit_jump(Opcode::JUMP_IF_FALSE_OR_POP, cleanup);
  }
  CAPY_CTRY(visit_comparator(*this, e, n));
  set_loc(e->pos);
  compare_op(e->ops[n]);
  uint32_t end = new_label();
  emit_jump(Opcode::JUMP, end);
  bind(cleanup);
  emit(Opcode::SWAP, 2);
  emit(Opcode::POP_TOP);
  bind(end);
  return true;
}

// Truthiness of `e` if it folds to a constant, else -1 (out of line, see load_if_folded).
[[gnu::noinline]] static int folded_truth(const Codegen& cg, const Expr* e) {
  Const c;
  return cg.fold(e, c) ? const_truth(c) : -1;
}

bool Codegen::jump_if(const Expr* e, uint32_t next, bool cond) {
  DepthGuard guard(depth_);
  if (!depth_ok()) return too_deep();
  int truth = folded_truth(*this, e);
  if (truth >= 0) {
    if ((truth == 1) == cond) emit_jump(Opcode::JUMP, next);
    return true;
  }
  switch (e->kind) {
    case ExprKind::UnaryOp:
      if (e->cast<UnaryOp>().op == UnaryOperator::Not) return jump_if(e->cast<UnaryOp>().operand, next, !cond);
      break;
    case ExprKind::BoolOp: {
      const auto& b = e->cast<BoolOp>();
      size_t n = b.values.size() - 1;
      bool cond2 = b.op == BoolOperator::Or;
      uint32_t next2 = next;
      if (cond2 != cond) next2 = new_label();
      for (size_t i = 0; i < n; ++i) CAPY_CTRY(jump_if(b.values[i], next2, cond2));
      CAPY_CTRY(jump_if(b.values[n], next, cond));
      if (next2 != next) bind(next2);
      return true;
    }
    case ExprKind::IfExp: {
      const auto& i = e->cast<IfExp>();
      uint32_t end = new_label(), next2 = new_label();
      CAPY_CTRY(jump_if(i.test, next2, false));
      CAPY_CTRY(jump_if(i.body, next, cond));
      emit_jump(Opcode::JUMP, end);
      bind(next2);
      CAPY_CTRY(jump_if(i.orelse, next, cond));
      bind(end);
      return true;
    }
    case ExprKind::Compare: {
      const auto& cmp = e->cast<Compare>();
      size_t n = cmp.ops.size() - 1;
      if (n == 0) {
        // `x is None` / `x is not None` jump directly on the value.
        CmpOperator op = cmp.ops[0];
        const Constant* rhs = cmp.comparators[0]->as<Constant>();
        if ((op == CmpOperator::Is || op == CmpOperator::IsNot) && rhs != nullptr &&
            rhs->value.kind == ConstantValue::Kind::None) {
          CAPY_CTRY(visit_expr(cmp.left));
          Position saved = u_->loc;
          set_loc(e->pos);
          bool jump_on_none = (op == CmpOperator::Is) == cond;
          emit_jump(jump_on_none ? Opcode::POP_JUMP_IF_NONE : Opcode::POP_JUMP_IF_NOT_NONE, next);
          u_->loc = saved;
          return true;
        }
        break;
      }
      CAPY_CTRY(check_compare(&cmp));
      Position saved = u_->loc;
      set_loc(e->pos);
      uint32_t cleanup = new_label();
      CAPY_CTRY(visit_expr(cmp.left));
      for (size_t i = 0; i < n; ++i) {
        CAPY_CTRY(visit_expr(cmp.comparators[i]));
        set_loc(e->pos);
        emit(Opcode::SWAP, 2);
        emit(Opcode::COPY, 2);
        compare_op(cmp.ops[i]);
        emit_jump(Opcode::POP_JUMP_IF_FALSE, cleanup);
      }
      CAPY_CTRY(visit_comparator(*this, &cmp, n));
      set_loc(e->pos);
      compare_op(cmp.ops[n]);
      emit_jump(cond ? Opcode::POP_JUMP_IF_TRUE : Opcode::POP_JUMP_IF_FALSE, next);
      uint32_t end = new_label();
      emit_jump(Opcode::JUMP, end);
      bind(cleanup);
      emit(Opcode::POP_TOP);
      if (!cond) emit_jump(Opcode::JUMP, next);
      bind(end);
      u_->loc = saved;
      return true;
    }
    default:
      break;
  }
  CAPY_CTRY(visit_expr(e));
  Position saved = u_->loc;
  set_loc(e->pos);
  emit_jump(cond ? Opcode::POP_JUMP_IF_TRUE : Opcode::POP_JUMP_IF_FALSE, next);
  u_->loc = saved;
  return true;
}

// ---------------------------------------------------------------------------
// Displays, unpacking
// ---------------------------------------------------------------------------

bool Codegen::starunpack_helper(Seq<Expr*> elts, uint32_t pushed, Opcode build, Opcode add, Opcode extend,
                                bool tuple) {
  size_t n = elts.size();
  if (n > 2) {
    TupleConst folded;
    if (all_foldable(*this, elts, folded)) {
      if (tuple && pushed == 0) {
        load_const(Const{std::move(folded)});
      } else {
        if (add == Opcode::SET_ADD) folded.frozenset = true;
        emit(build, pushed);
        load_const(Const{std::move(folded)});
        emit(extend, 1);
        if (tuple) emit(Opcode::LIST_TO_TUPLE);
      }
      return true;
    }
  }
  bool big = n + pushed > kStackUseGuideline;
  bool seen_star = false;
  for (const Expr* x : elts)
    if (x->kind == ExprKind::Starred) seen_star = true;
  if (!seen_star && !big) {
    CAPY_CTRY(visit_exprs(elts));
    emit(tuple ? Opcode::BUILD_TUPLE : build, static_cast<uint32_t>(n + pushed));
    return true;
  }
  bool sequence_built = false;
  if (big) {
    emit(build, pushed);
    sequence_built = true;
  }
  for (size_t i = 0; i < n; ++i) {
    const Expr* x = elts[i];
    if (x->kind == ExprKind::Starred) {
      if (!sequence_built) {
        emit(build, static_cast<uint32_t>(i + pushed));
        sequence_built = true;
      }
      CAPY_CTRY(visit_expr(x->cast<Starred>().value));
      emit(extend, 1);
    } else {
      CAPY_CTRY(visit_expr(x));
      if (sequence_built) emit(add, 1);
    }
  }
  if (tuple) emit(Opcode::LIST_TO_TUPLE);
  return true;
}

bool Codegen::unpack_helper(Seq<Expr*> elts) {
  size_t n = elts.size();
  bool seen_star = false;
  for (size_t i = 0; i < n; ++i) {
    if (elts[i]->kind != ExprKind::Starred) continue;
    if (seen_star) return fail("multiple starred expressions in assignment");
    // UNPACK_EX packs the counts as before | after << 8 (CPython's limits).
    if (i >= (1u << 8) || n - i - 1 >= (INT32_MAX >> 8)) return fail("too many expressions in star-unpacking assignment");
    emit(Opcode::UNPACK_EX, static_cast<uint32_t>(i + ((n - i - 1) << 8)));
    seen_star = true;
  }
  if (!seen_star) emit(Opcode::UNPACK_SEQUENCE, static_cast<uint32_t>(n));
  return true;
}

bool Codegen::assignment_helper(Seq<Expr*> elts) {
  CAPY_CTRY(unpack_helper(elts));
  for (const Expr* x : elts) CAPY_CTRY(visit_expr(x->kind == ExprKind::Starred ? x->cast<Starred>().value : x));
  return true;
}

bool Codegen::subdict(const Dict* e, size_t begin, size_t end) {
  size_t n = end - begin;
  bool big = n * 2 > kStackUseGuideline;
  if (n > 1 && !big) {
    TupleConst keys;
    bool all_const = true;
    for (size_t i = begin; i < end && all_const; ++i) {
      const Constant* c = e->keys[i]->as<Constant>();
      if (c == nullptr) all_const = false;
      else keys.items.push_back(const_from_ast(c->value));
    }
    if (all_const) {
      for (size_t i = begin; i < end; ++i) CAPY_CTRY(visit_expr(e->values[i]));
      load_const(Const{std::move(keys)});
      emit(Opcode::BUILD_CONST_KEY_MAP, static_cast<uint32_t>(n));
      return true;
    }
  }
  if (big) emit(Opcode::BUILD_MAP, 0);
  for (size_t i = begin; i < end; ++i) {
    CAPY_CTRY(visit_expr(e->keys[i]));
    CAPY_CTRY(visit_expr(e->values[i]));
    if (big) emit(Opcode::MAP_ADD, 1);
  }
  if (!big) emit(Opcode::BUILD_MAP, static_cast<uint32_t>(n));
  return true;
}

bool Codegen::dict(const Dict* e) {
  size_t n = e->values.size();
  bool have_dict = false;
  size_t elements = 0;
  for (size_t i = 0; i < n; ++i) {
    bool is_unpacking = e->keys[i] == nullptr;
    if (is_unpacking) {
      if (elements) {
        CAPY_CTRY(subdict(e, i - elements, i));
        if (have_dict) emit(Opcode::DICT_UPDATE, 1);
        have_dict = true;
        elements = 0;
      }
      if (!have_dict) {
        emit(Opcode::BUILD_MAP, 0);
        have_dict = true;
      }
      CAPY_CTRY(visit_expr(e->values[i]));
      emit(Opcode::DICT_UPDATE, 1);
    } else if (elements * 2 > kStackUseGuideline) {
      CAPY_CTRY(subdict(e, i - elements, i + 1));
      if (have_dict) emit(Opcode::DICT_UPDATE, 1);
      have_dict = true;
      elements = 0;
    } else {
      ++elements;
    }
  }
  if (elements) {
    CAPY_CTRY(subdict(e, n - elements, n));
    if (have_dict) emit(Opcode::DICT_UPDATE, 1);
    have_dict = true;
  }
  if (!have_dict) emit(Opcode::BUILD_MAP, 0);
  return true;
}

bool Codegen::slice(const Slice* e) {
  uint32_t n = 2;
  if (e->lower) CAPY_CTRY(visit_expr(e->lower));
  else load_none();
  if (e->upper) CAPY_CTRY(visit_expr(e->upper));
  else load_none();
  if (e->step) {
    n = 3;
    CAPY_CTRY(visit_expr(e->step));
  }
  emit(Opcode::BUILD_SLICE, n);
  return true;
}

// ---------------------------------------------------------------------------
// Calls
// ---------------------------------------------------------------------------

bool Codegen::validate_keywords(Seq<Keyword*> keywords) {
  NameMap seen;
  for (const Keyword* k : keywords) {
    if (k->arg.empty()) continue;
    if (forbidden_name(k->arg, ExprContext::Store)) return false;
    if (!seen.insert(k->arg, 0).second) {
      set_loc(k->pos);
      return fail("keyword argument repeated: " + k->arg);
    }
  }
  return true;
}

bool Codegen::call_simple_kw_helper(Seq<Keyword*> keywords) {
  TupleConst names;
  names.items.reserve(keywords.size());
  for (const Keyword* k : keywords) names.items.push_back(Const{k->arg});
  emit(Opcode::KW_NAMES, add_const(Const{std::move(names)}));
  return true;
}

bool Codegen::subkwargs(Seq<Keyword*> keywords, size_t begin, size_t end) {
  size_t n = end - begin;
  bool big = n * 2 > kStackUseGuideline;
  if (n > 1 && !big) {
    TupleConst keys;
    for (size_t i = begin; i < end; ++i) CAPY_CTRY(visit_expr(keywords[i]->value));
    for (size_t i = begin; i < end; ++i) keys.items.push_back(Const{keywords[i]->arg});
    load_const(Const{std::move(keys)});
    emit(Opcode::BUILD_CONST_KEY_MAP, static_cast<uint32_t>(n));
    return true;
  }
  if (big) emit(Opcode::BUILD_MAP, 0);
  for (size_t i = begin; i < end; ++i) {
    load_const(Const{keywords[i]->arg});
    CAPY_CTRY(visit_expr(keywords[i]->value));
    if (big) emit(Opcode::MAP_ADD, 1);
  }
  if (!big) emit(Opcode::BUILD_MAP, static_cast<uint32_t>(n));
  return true;
}

bool Codegen::call_helper(uint32_t n, Seq<Expr*> args, Seq<Keyword*> keywords) {
  CAPY_CTRY(validate_keywords(keywords));
  size_t nelts = args.size(), nkwelts = keywords.size();
  bool ex_call = nelts + nkwelts * 2 > kStackUseGuideline;
  for (const Expr* a : args)
    if (a->kind == ExprKind::Starred) ex_call = true;
  for (const Keyword* k : keywords)
    if (k->arg.empty()) ex_call = true;
  if (!ex_call) {
    CAPY_CTRY(visit_exprs(args));
    if (nkwelts) {
      for (const Keyword* k : keywords) CAPY_CTRY(visit_expr(k->value));
      CAPY_CTRY(call_simple_kw_helper(keywords));
    }
    emit(Opcode::CALL, static_cast<uint32_t>(n + nelts + nkwelts));
    return true;
  }
  // Positional arguments as one tuple.
  if (n == 0 && nelts == 1 && args[0]->kind == ExprKind::Starred) {
    CAPY_CTRY(visit_expr(args[0]->cast<Starred>().value));
  } else {
    CAPY_CTRY(starunpack_helper(args, n, Opcode::BUILD_LIST, Opcode::LIST_APPEND, Opcode::LIST_EXTEND, true));
  }
  // Keyword arguments as one dict.
  if (nkwelts) {
    bool have_dict = false;
    size_t nseen = 0;
    for (size_t i = 0; i < nkwelts; ++i) {
      const Keyword* k = keywords[i];
      if (k->arg.empty()) {
        if (nseen) {
          CAPY_CTRY(subkwargs(keywords, i - nseen, i));
          if (have_dict) emit(Opcode::DICT_MERGE, 1);
          have_dict = true;
          nseen = 0;
        }
        if (!have_dict) {
          emit(Opcode::BUILD_MAP, 0);
          have_dict = true;
        }
        CAPY_CTRY(visit_expr(k->value));
        emit(Opcode::DICT_MERGE, 1);
      } else {
        ++nseen;
      }
    }
    if (nseen) {
      CAPY_CTRY(subkwargs(keywords, nkwelts - nseen, nkwelts));
      if (have_dict) emit(Opcode::DICT_MERGE, 1);
    }
  }
  emit(Opcode::CALL_FUNCTION_EX, nkwelts > 0 ? 1 : 0);
  return true;
}

bool Codegen::call(const Call* e) {
  // Method calls obj.m(args) use LOAD_METHOD when there is no * / ** argument.
  if (const Attribute* meth = e->func->as<Attribute>(); meth != nullptr && meth->ctx == ExprContext::Load) {
    size_t argsl = e->args.size(), kwdsl = e->keywords.size();
    bool ok = argsl + kwdsl + (kwdsl != 0) < kStackUseGuideline;
    for (const Expr* a : e->args)
      if (a->kind == ExprKind::Starred) ok = false;
    for (const Keyword* k : e->keywords)
      if (k->arg.empty()) ok = false;
    if (ok) {
      CAPY_CTRY(validate_keywords(e->keywords));
      CAPY_CTRY(visit_expr(meth->value));
      set_loc(meth->pos);
      emit_name(Opcode::LOAD_METHOD, meth->attr);
      CAPY_CTRY(visit_exprs(e->args));
      if (kwdsl) {
        for (const Keyword* k : e->keywords) CAPY_CTRY(visit_expr(k->value));
        CAPY_CTRY(call_simple_kw_helper(e->keywords));
      }
      set_loc(e->pos);
      emit(Opcode::CALL, static_cast<uint32_t>(argsl + kwdsl));
      return true;
    }
  }
  check_caller(e->func);
  set_loc(e->func->pos);
  emit(Opcode::PUSH_NULL);
  set_loc(e->pos);
  CAPY_CTRY(visit_expr(e->func));
  return call_helper(0, e->args, e->keywords);
}

// ---------------------------------------------------------------------------
// f-strings
// ---------------------------------------------------------------------------

bool Codegen::joined_str(const JoinedStr* e) {
  size_t n = e->values.size();
  if (n > kStackUseGuideline) {
    load_const(Const{std::string()});
    emit_name(Opcode::LOAD_METHOD, "join");
    emit(Opcode::BUILD_LIST, 0);
    for (const Expr* v : e->values) {
      CAPY_CTRY(visit_expr(v));
      emit(Opcode::LIST_APPEND, 1);
    }
    emit(Opcode::CALL, 1);
    return true;
  }
  if (n == 0) {
    load_const(Const{std::string()});
    return true;
  }
  CAPY_CTRY(visit_exprs(e->values));
  if (n != 1) emit(Opcode::BUILD_STRING, static_cast<uint32_t>(n));
  return true;
}

bool Codegen::formatted_value(const FormattedValue* e) {
  CAPY_CTRY(visit_expr(e->value));
  uint32_t oparg;
  switch (e->conversion) {
    case 's': oparg = kFormatConvStr; break;
    case 'r': oparg = kFormatConvRepr; break;
    case 'a': oparg = kFormatConvAscii; break;
    case -1: oparg = kFormatConvNone; break;
    default: return fail_system("unrecognized conversion character");
  }
  if (e->format_spec) {
    CAPY_CTRY(visit_expr(e->format_spec));
    oparg |= kFormatHaveSpec;
  }
  emit(Opcode::FORMAT_VALUE, oparg);
  return true;
}

// ---------------------------------------------------------------------------
// Lambdas and comprehensions
// ---------------------------------------------------------------------------

bool Codegen::lambda(const Lambda* e) {
  CAPY_CTRY(check_debug_args(e->args));
  uint32_t flags = 0;
  CAPY_CTRY(default_arguments(e->args, flags));
  CAPY_CTRY(enter_scope("<lambda>", ScopeType::Lambda, e, e->pos.lineno));
  u_->argcount = static_cast<uint32_t>(e->args->posonlyargs.size() + e->args->args.size());
  u_->posonlyargcount = static_cast<uint32_t>(e->args->posonlyargs.size());
  u_->kwonlyargcount = static_cast<uint32_t>(e->args->kwonlyargs.size());
  set_loc(e->pos);
  bool ok = visit_expr(e->body);
  bool is_generator = u_->ste->generator;
  if (ok) {
    emit(Opcode::RETURN_VALUE);  // a generator lambda returns its value too (StopIteration.value)
  }
  CodeConst code = exit_scope(is_generator);
  if (!ok || !code) return false;
  return make_closure(code, flags);
}

bool Codegen::comprehension(const Expr* e, ScopeType, std::string_view name, Seq<Comprehension*> generators,
                            const Expr* elt, const Expr* val) {
  const Comprehension* outermost = generators[0];
  ScopeType outer_scope = u_->scope_type;
  CAPY_CTRY(enter_scope(std::string(name), ScopeType::Comprehension, e, e->pos.lineno));
  u_->argcount = 1;  // the implicit ".0" parameter: the outermost iterator
  set_loc(e->pos);
  bool is_async_generator = u_->ste->coroutine;
  ExprKind type = e->kind;
  bool ok = true;
  if (is_async_generator && type != ExprKind::GeneratorExp && outer_scope != ScopeType::AsyncFunction &&
      outer_scope != ScopeType::Comprehension) {
    ok = fail("asynchronous comprehension outside of an asynchronous function");
  }
  if (ok && type != ExprKind::GeneratorExp) {
    emit(type == ExprKind::ListComp ? Opcode::BUILD_LIST : type == ExprKind::SetComp ? Opcode::BUILD_SET : Opcode::BUILD_MAP, 0);
  }
  if (ok) ok = comprehension_generator(generators, 0, 0, elt, val, type);
  if (ok && type != ExprKind::GeneratorExp) emit(Opcode::RETURN_VALUE);
  CodeConst code = exit_scope(type == ExprKind::GeneratorExp);
  if (!ok || !code) return false;
  CAPY_CTRY(make_closure(code, 0));
  CAPY_CTRY(visit_iter(*this, outermost->iter));
  set_loc(e->pos);
  emit(outermost->is_async ? Opcode::GET_AITER : Opcode::GET_ITER);
  emit(Opcode::CALL, 0);  // [func, iter] -> func(iter)
  if (is_async_generator && type != ExprKind::GeneratorExp) {
    emit(Opcode::GET_AWAITABLE, 0);
    load_none();
    add_yield_from(true);
  }
  return true;
}

bool Codegen::comprehension_generator(Seq<Comprehension*> generators, size_t gen_index, int depth,
                                      const Expr* elt, const Expr* val, ExprKind type) {
  if (generators[gen_index]->is_async)
    return async_comprehension_generator(generators, gen_index, depth, elt, val, type);
  return sync_comprehension_generator(generators, gen_index, depth, elt, val, type);
}

static void comprehension_element(Codegen& cg, ExprKind type, int depth, const Expr* elt, const Expr* val,
                                  bool& ok) {
  switch (type) {
    case ExprKind::GeneratorExp:
      ok = cg.visit_expr(elt);
      if (!ok) return;
      cg.emit_yield();
      cg.emit(Opcode::POP_TOP);
      return;
    case ExprKind::ListComp:
      ok = cg.visit_expr(elt);
      if (ok) cg.emit(Opcode::LIST_APPEND, static_cast<uint32_t>(depth + 1));
      return;
    case ExprKind::SetComp:
      ok = cg.visit_expr(elt);
      if (ok) cg.emit(Opcode::SET_ADD, static_cast<uint32_t>(depth + 1));
      return;
    default:  // dict: the key is evaluated before the value
      ok = cg.visit_expr(elt) && cg.visit_expr(val);
      if (ok) cg.emit(Opcode::MAP_ADD, static_cast<uint32_t>(depth + 1));
      return;
  }
}

bool Codegen::sync_comprehension_generator(Seq<Comprehension*> generators, size_t gen_index, int depth,
                                           const Expr* elt, const Expr* val, ExprKind type) {
  DepthGuard guard(depth_);
  if (!depth_ok()) return too_deep();
  uint32_t start = new_label(), if_cleanup = new_label(), anchor = new_label();
  bool has_start = true;
  const Comprehension* gen = generators[gen_index];
  if (gen_index == 0) {
    emit(Opcode::LOAD_FAST, 0);  // the implicit ".0" parameter
  } else {
    // Fast path for the temporary-variable idiom `for y in [f(x)]`.
    Seq<Expr*> elts;
    if (const List* l = gen->iter->as<List>()) elts = l->elts;
    else if (const Tuple* t = gen->iter->as<Tuple>()) elts = t->elts;
    if (elts.size() == 1 && elts[0]->kind != ExprKind::Starred) {
      CAPY_CTRY(visit_expr(elts[0]));
      has_start = false;
    } else {
      CAPY_CTRY(visit_iter(*this, gen->iter));
      emit(Opcode::GET_ITER);
    }
  }
  if (has_start) {
    ++depth;
    bind(start);
    emit_jump(Opcode::FOR_ITER, anchor);
  }
  CAPY_CTRY(visit_expr(gen->target));
  for (const Expr* cond : gen->ifs) CAPY_CTRY(jump_if(cond, if_cleanup, false));
  if (++gen_index < generators.size()) {
    CAPY_CTRY(comprehension_generator(generators, gen_index, depth, elt, val, type));
  } else {
    bool ok = true;
    comprehension_element(*this, type, depth, elt, val, ok);
    CAPY_CTRY(ok);
  }
  bind(if_cleanup);
  if (has_start) {
    emit_jump(Opcode::JUMP, start);
    bind(anchor);
  }
  return true;
}

bool Codegen::async_comprehension_generator(Seq<Comprehension*> generators, size_t gen_index, int depth,
                                            const Expr* elt, const Expr* val, ExprKind type) {
  DepthGuard guard(depth_);
  if (!depth_ok()) return too_deep();
  uint32_t start = new_label(), except = new_label(), if_cleanup = new_label();
  const Comprehension* gen = generators[gen_index];
  if (gen_index == 0) {
    emit(Opcode::LOAD_FAST, 0);
  } else {
    CAPY_CTRY(visit_iter(*this, gen->iter));
    emit(Opcode::GET_AITER);
  }
  bind(start);
  CAPY_CTRY(push_fblock(FBlock{FBlockType::AsyncComprehensionGenerator, start}));
  setup(Opcode::SETUP_FINALLY, except);
  emit(Opcode::GET_ANEXT);
  load_none();
  add_yield_from(true);
  pop_block();
  CAPY_CTRY(visit_expr(gen->target));
  for (const Expr* cond : gen->ifs) CAPY_CTRY(jump_if(cond, if_cleanup, false));
  ++depth;
  if (++gen_index < generators.size()) {
    CAPY_CTRY(comprehension_generator(generators, gen_index, depth, elt, val, type));
  } else {
    bool ok = true;
    comprehension_element(*this, type, depth, elt, val, ok);
    CAPY_CTRY(ok);
  }
  bind(if_cleanup);
  emit_jump(Opcode::JUMP, start);
  pop_fblock();
  bind(except);
  emit(Opcode::END_ASYNC_FOR);
  return true;
}

}  // namespace capy::compiler
