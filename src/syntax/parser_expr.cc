// Expression grammar of Python 3.11 (python.gram: expressions, atoms, calls, comprehensions, targets).
#include <cstring>

#include "syntax/parser_impl.h"

namespace capy::syntax::detail {

namespace {

bool binary_operator(TokenKind k, Operator* op, int* prec) {
  switch (k) {
    case TokenKind::VBar: *op = Operator::BitOr; *prec = 1; return true;
    case TokenKind::Circumflex: *op = Operator::BitXor; *prec = 2; return true;
    case TokenKind::Amper: *op = Operator::BitAnd; *prec = 3; return true;
    case TokenKind::LeftShift: *op = Operator::LShift; *prec = 4; return true;
    case TokenKind::RightShift: *op = Operator::RShift; *prec = 4; return true;
    case TokenKind::Plus: *op = Operator::Add; *prec = 5; return true;
    case TokenKind::Minus: *op = Operator::Sub; *prec = 5; return true;
    case TokenKind::Star: *op = Operator::Mult; *prec = 6; return true;
    case TokenKind::Slash: *op = Operator::Div; *prec = 6; return true;
    case TokenKind::DoubleSlash: *op = Operator::FloorDiv; *prec = 6; return true;
    case TokenKind::Percent: *op = Operator::Mod; *prec = 6; return true;
    case TokenKind::At: *op = Operator::MatMult; *prec = 6; return true;
    default: return false;
  }
}

}  // namespace

// ---------------------------------------------------------------------------
// Helpers.
// ---------------------------------------------------------------------------

bool Parser::starts_expression(TokenKind k) const {
  switch (k) {
    case TokenKind::Name:
    case TokenKind::Number:
    case TokenKind::String:
    case TokenKind::LPar:
    case TokenKind::LSqb:
    case TokenKind::LBrace:
    case TokenKind::Minus:
    case TokenKind::Plus:
    case TokenKind::Tilde:
    case TokenKind::KwNot:
    case TokenKind::KwLambda:
    case TokenKind::KwAwait:
    case TokenKind::KwNone:
    case TokenKind::KwTrue:
    case TokenKind::KwFalse:
    case TokenKind::Ellipsis:
      return true;
    default:
      return false;
  }
}

// CPython's SOFT_KEYWORD lookahead (_PyPegen_soft_keyword_token) compares
// with strncmp(keyword, name, len(name)), so any prefix of a soft keyword
// ("m", "ca", "_", ...) counts; replicated for identical diagnostics.
bool Parser::is_soft_keyword_token(const Token& t) const {
  if (t.kind != TokenKind::Name) return false;
  std::string_view s = text(t);
  for (std::string_view kw : {std::string_view("_"), std::string_view("case"), std::string_view("match")}) {
    if (!s.empty() && s.size() <= kw.size() && kw.compare(0, s.size(), s) == 0) return true;
  }
  return false;
}

Expr* Parser::make_constant(const Pos& pos, ConstantValue::Kind k) {
  Constant* c = node<Constant>(pos);
  c->value.kind = k;
  return c;
}

const char* Parser::expr_name(const Expr* e) {
  switch (e->kind) {
    case ExprKind::Attribute: return "attribute";
    case ExprKind::Subscript: return "subscript";
    case ExprKind::Starred: return "starred";
    case ExprKind::Name: return "name";
    case ExprKind::List: return "list";
    case ExprKind::Tuple: return "tuple";
    case ExprKind::Lambda: return "lambda";
    case ExprKind::Call: return "function call";
    case ExprKind::BoolOp:
    case ExprKind::BinOp:
    case ExprKind::UnaryOp: return "expression";
    case ExprKind::GeneratorExp: return "generator expression";
    case ExprKind::Yield:
    case ExprKind::YieldFrom: return "yield expression";
    case ExprKind::Await: return "await expression";
    case ExprKind::ListComp: return "list comprehension";
    case ExprKind::SetComp: return "set comprehension";
    case ExprKind::DictComp: return "dict comprehension";
    case ExprKind::Dict: return "dict literal";
    case ExprKind::Set: return "set display";
    case ExprKind::JoinedStr:
    case ExprKind::FormattedValue: return "f-string expression";
    case ExprKind::Constant: {
      const ConstantValue& v = e->cast<Constant>().value;
      if (v.kind == ConstantValue::Kind::None) return "None";
      if (v.kind == ConstantValue::Kind::Bool) return v.bool_value ? "True" : "False";
      if (v.kind == ConstantValue::Kind::Ellipsis) return "ellipsis";
      return "literal";
    }
    case ExprKind::Compare: return "comparison";
    case ExprKind::IfExp: return "conditional expression";
    case ExprKind::NamedExpr: return "named expression";
    default: return "expression";
  }
}

// ---------------------------------------------------------------------------
// expression and friends.
// ---------------------------------------------------------------------------

// expression:
//     | invalid_expression | invalid_legacy_expression
//     | disjunction 'if' disjunction 'else' expression
//     | disjunction
//     | lambdef
Expr* Parser::parse_expression() {
  DepthGuard guard(*this);
  if (!guard) return nullptr;
  if (at(TokenKind::KwLambda)) return parse_lambda();
  std::size_t start = pos_;
  Expr* a = parse_disjunction();
  if (a == nullptr) return nullptr;
  if (at(TokenKind::KwIf)) {
    std::size_t after_a = pos_;
    Expr* b = speculate([&]() -> Expr* {
      ++pos_;
      return parse_disjunction();
    });
    if (has_error_) return nullptr;
    if (b == nullptr) return a;  // the ternary does not match; the caller fails at 'if'
    if (!at(TokenKind::KwElse)) {
      if (!at(TokenKind::Colon) && !no_invalid_) {
        return raise_range(a->pos, b->pos, "expected 'else' after 'if' expression");
      }
      pos_ = after_a;
      return a;
    }
    std::size_t else_pos = pos_;
    Expr* c = speculate([&]() -> Expr* {
      ++pos_;
      return parse_expression();
    });
    if (has_error_) return nullptr;
    if (c == nullptr) {
      (void)else_pos;
      pos_ = after_a;
      return a;
    }
    IfExp* e = node<IfExp>(extent(start));
    e->test = b;
    e->body = a;
    e->orelse = c;
    return e;
  }
  if (!no_invalid_ && starts_expression(kind())) check_expression_followed_by_expression(start, a);
  if (has_error_) return nullptr;
  return a;
}

// invalid_expression (missing comma) and invalid_legacy_expression (print x):
// an expression directly followed by something that parses as another one.
void Parser::check_expression_followed_by_expression(std::size_t start, Expr* a) {
  Token first = tok(start);
  bool single_name = a->is<Name>() && pos_ == start + 1;
  bool legacy = single_name && (a->cast<Name>().id == "print" || a->cast<Name>().id == "exec");
  bool name_string = first.kind == TokenKind::Name && tok(start + 1).kind == TokenKind::String;
  // invalid_expression: !(NAME STRING | SOFT_KEYWORD) a=disjunction b=expression_without_invalid
  bool comma_checked = !name_string && !is_soft_keyword_token(first) && !legacy;
  // The parses of what follows `a` below depend only on where they start and
  // on the flags in the key, so each is done once per position (CPython
  // memoises them too): names nested in brackets (a[b[c[...) would
  // otherwise multiply the work at every level.
  std::size_t save = pos_;
  uint64_t key = (uint64_t{save} << 4) | (uint64_t{no_in_} << 3) | (uint64_t{quiet_ > 0} << 2);
  if (comma_checked) {
    Expr* b;
    std::size_t b_end;
    if (auto seen = checked_after_.find(key); seen != checked_after_.end()) {
      b = seen->second.first;
      b_end = seen->second.second;
    } else {
      b = check_invalid([&]() -> Expr* {
        no_invalid_ = true;
        return parse_expression();
      });
      b_end = pos_;
      if (!has_error_) checked_after_.emplace(key, std::make_pair(b, b_end));
    }
    pos_ = save;
    if (b != nullptr && b_end > 0 && tokens_[b_end - 1].level != 0) {
      raise_range(a->pos, b->pos, "invalid syntax. Perhaps you forgot a comma?");
      return;
    }
  }
  // invalid_legacy_expression: a=NAME !'(' b=star_expressions. CPython
  // parses b for any name (errors found inside b stand), then checks for
  // print/exec.
  if (single_name && !at(TokenKind::LPar)) {
    // Errors inside b stand, unless the comma check above already parsed
    // these tokens (CPython then reuses memoised results made without the
    // invalid_* rules, so no new diagnostics appear).
    uint64_t legacy_key = key | 2 | uint64_t{comma_checked};
    Expr* b;
    if (auto seen = checked_after_.find(legacy_key); seen != checked_after_.end()) {
      b = seen->second.first;
    } else {
      b = !comma_checked ? check_invalid([&]() -> Expr* { return parse_star_expressions(); })
                         : check_invalid_quiet([&]() -> Expr* { return parse_star_expressions(); });
      if (!has_error_) checked_after_.emplace(legacy_key, std::make_pair(b, pos_));
    }
    pos_ = save;
    if (has_error_) return;
    if (b != nullptr && legacy) {
      const std::string& id = a->cast<Name>().id;
      raise_range(a->pos, b->pos, "Missing parentheses in call to '" + id + "'. Did you mean " + id + "(...)?");
    }
  }
}

// invalid_named_expression, the '=' alternatives (e is followed by '='):
//   a=NAME '=' b=bitwise_or !('='|':=')
//   !(list|tuple|genexp|'True'|'None'|'False') a=bitwise_or b='=' bitwise_or !('='|':=')
// Returns true if an error was raised.
bool Parser::invalid_named_expression_eq(std::size_t start, Expr* e) {
  if (no_invalid_ || has_error_) return false;
  std::size_t eq = pos_;
  if (!at(TokenKind::Equal)) return false;
  Token first = tok(start);
  auto rhs_is_bitwise_or = [&]() -> Expr* {
    pos_ = eq + 1;
    Expr* b = check_invalid([&]() -> Expr* {
      no_invalid_ = true;
      return parse_bitwise_or();
    });
    bool ok = b != nullptr && !at(TokenKind::Equal) && !at(TokenKind::ColonEqual);
    pos_ = eq;
    return ok ? b : nullptr;
  };
  if (first.kind == TokenKind::Name && eq == start + 1) {
    if (Expr* b = rhs_is_bitwise_or()) {
      raise_range(token_pos(first), b->pos, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
      return true;
    }
    return false;
  }
  // The left side must parse as a bitwise_or ending right at '='.
  if (first.kind == TokenKind::KwTrue || first.kind == TokenKind::KwFalse || first.kind == TokenKind::KwNone) return false;
  if (first.kind == TokenKind::LPar || first.kind == TokenKind::LSqb) {
    // A list, tuple or generator expression display at the start excludes the rule.
    pos_ = start;
    Expr* atom = check_invalid([&]() -> Expr* {
      no_invalid_ = true;
      return parse_atom();
    });
    pos_ = eq;
    if (atom != nullptr && (atom->is<Tuple>() || atom->is<GeneratorExp>() || atom->is<List>())) {
      // Only a real tuple/genexp display counts (not a parenthesised one inside).
      Token open = tok(start);
      Pos ap = atom->pos;
      if (ap.lineno == token_pos(open).lineno && ap.col_offset == token_pos(open).col_offset) return false;
    }
  }
  pos_ = start;
  Expr* a = check_invalid([&]() -> Expr* {
    no_invalid_ = true;
    return parse_bitwise_or();
  });
  bool a_ok = a != nullptr && pos_ == eq;
  pos_ = eq;
  if (!a_ok) return false;
  if (rhs_is_bitwise_or() == nullptr) return false;
  raise_node(a->pos, std::string("cannot assign to ") + expr_name(a) + " here. Maybe you meant '==' instead of '='?");
  return true;
}

// named_expression: assignment_expression | invalid_named_expression | expression !':='
Expr* Parser::parse_named_expression() {
  std::size_t start = pos_;
  if (at(TokenKind::Name) && kind(1) == TokenKind::ColonEqual) {
    Token n = cur();
    pos_ += 2;
    Expr* value = parse_expression();
    if (value == nullptr) return nullptr;
    Name* target = node<Name>(token_pos(n));
    target->id = identifier(n);
    target->ctx = ExprContext::Store;
    NamedExpr* e = node<NamedExpr>(extent(start));
    e->target = target;
    e->value = value;
    return e;
  }
  Expr* e = parse_expression();
  if (e == nullptr) return nullptr;
  if (at(TokenKind::ColonEqual)) {
    if (no_invalid_) return fail();
    // invalid_named_expression: a=expression ':=' expression
    std::size_t save = pos_;
    ++pos_;
    Expr* rhs = check_invalid([&]() -> Expr* {
      no_invalid_ = true;
      return parse_expression();
    });
    pos_ = save;
    if (rhs != nullptr) return raise_node(e->pos, std::string("cannot use assignment expressions with ") + expr_name(e));
    return e;
  }
  if (at(TokenKind::Equal) && invalid_named_expression_eq(start, e)) return nullptr;
  return e;
}

// star_named_expression: '*' bitwise_or | named_expression
Expr* Parser::parse_star_named_expression() {
  if (at(TokenKind::Star)) {
    std::size_t start = pos_;
    ++pos_;
    Expr* v = parse_bitwise_or();
    if (v == nullptr) return nullptr;
    Starred* s = node<Starred>(extent(start));
    s->value = v;
    return s;
  }
  return parse_named_expression();
}

// star_expression: '*' bitwise_or | expression
Expr* Parser::parse_star_expression() {
  if (at(TokenKind::Star)) {
    std::size_t start = pos_;
    ++pos_;
    Expr* v = parse_bitwise_or();
    if (v == nullptr) return nullptr;
    Starred* s = node<Starred>(extent(start));
    s->value = v;
    return s;
  }
  return parse_expression();
}

// star_expressions: star_expression (',' star_expression)* [',']
Expr* Parser::parse_star_expressions() {
  std::size_t start = pos_;
  Expr* a = parse_star_expression();
  if (a == nullptr) return nullptr;
  if (!at(TokenKind::Comma)) {
    last_elt_start_ = start;
    return a;
  }
  auto elts = list<Expr>();
  elts.push(a);
  std::size_t elt_start = start;
  while (accept(TokenKind::Comma)) {
    if (!starts_expression(kind()) && !at(TokenKind::Star)) break;
    std::size_t s = pos_;
    Expr* e = parse_star_expression();
    if (e == nullptr) return nullptr;
    elts.push(e);
    elt_start = s;
  }
  last_elt_start_ = elt_start;
  Tuple* t = node<Tuple>(extent(start));
  t->elts = elts.finish(arena_);
  return t;
}

// yield_expr: 'yield' 'from' expression | 'yield' [star_expressions]
Expr* Parser::parse_yield_expr() {
  std::size_t start = pos_;
  ++pos_;  // 'yield'
  if (accept(TokenKind::KwFrom)) {
    Expr* v = parse_expression();
    if (v == nullptr) return nullptr;
    YieldFrom* y = node<YieldFrom>(extent(start));
    y->value = v;
    return y;
  }
  Expr* v = nullptr;
  if (starts_expression(kind()) || at(TokenKind::Star)) {
    v = parse_star_expressions();
    if (v == nullptr) return nullptr;
  }
  Yield* y = node<Yield>(extent(start));
  y->value = v;
  return y;
}

// annotated_rhs: yield_expr | star_expressions
Expr* Parser::parse_annotated_rhs() {
  if (at(TokenKind::KwYield)) return parse_yield_expr();
  return parse_star_expressions();
}

// disjunction: conjunction ('or' conjunction)+ | conjunction
Expr* Parser::parse_disjunction() {
  std::size_t start = pos_;
  Expr* a = parse_conjunction();
  if (a == nullptr || !at(TokenKind::KwOr)) return a;
  auto values = list<Expr>();
  values.push(a);
  // PEG repetition: stops after the last 'or' operand that parses.
  while (at(TokenKind::KwOr)) {
    Expr* b = speculate([&]() -> Expr* {
      ++pos_;
      return parse_conjunction();
    });
    if (has_error_) return nullptr;
    if (b == nullptr) break;
    values.push(b);
  }
  if (values.size() == 1) return a;
  BoolOp* e = node<BoolOp>(extent(start));
  e->op = BoolOperator::Or;
  e->values = values.finish(arena_);
  return e;
}

// conjunction: inversion ('and' inversion)+ | inversion
Expr* Parser::parse_conjunction() {
  std::size_t start = pos_;
  Expr* a = parse_inversion();
  if (a == nullptr || !at(TokenKind::KwAnd)) return a;
  auto values = list<Expr>();
  values.push(a);
  while (at(TokenKind::KwAnd)) {
    Expr* b = speculate([&]() -> Expr* {
      ++pos_;
      return parse_inversion();
    });
    if (has_error_) return nullptr;
    if (b == nullptr) break;
    values.push(b);
  }
  if (values.size() == 1) return a;
  BoolOp* e = node<BoolOp>(extent(start));
  e->op = BoolOperator::And;
  e->values = values.finish(arena_);
  return e;
}

// inversion: 'not' inversion | comparison   (iterative over the 'not's)
Expr* Parser::parse_inversion() {
  std::size_t start = pos_;
  int n = 0;
  while (at(TokenKind::KwNot)) {
    if (!enter()) {
      depth_ -= n;
      return nullptr;
    }
    ++n;
    ++pos_;
  }
  Expr* e = parse_comparison();
  if (e != nullptr) {
    for (int i = n; i-- > 0;) {
      UnaryOp* u = node<UnaryOp>(extent(start + static_cast<std::size_t>(i)));
      u->op = UnaryOperator::Not;
      u->operand = e;
      e = u;
    }
  }
  depth_ -= n;
  return e;
}

// comparison: bitwise_or compare_op_bitwise_or_pair+ | bitwise_or
Expr* Parser::parse_comparison() {
  std::size_t start = pos_;
  Expr* a = parse_bitwise_or();
  if (a == nullptr) return nullptr;
  std::vector<CmpOperator> ops;
  auto comparators = list<Expr>();
  for (;;) {
    CmpOperator op;
    Token t = cur();
    switch (t.kind) {
      case TokenKind::EqEqual: op = CmpOperator::Eq; break;
      case TokenKind::NotEqual:
        if (text(t) == "<>") goto done;  // PEP 401: only with barry_as_FLUFL
        op = CmpOperator::NotEq;
        break;
      case TokenKind::Less: op = CmpOperator::Lt; break;
      case TokenKind::LessEqual: op = CmpOperator::LtE; break;
      case TokenKind::Greater: op = CmpOperator::Gt; break;
      case TokenKind::GreaterEqual: op = CmpOperator::GtE; break;
      case TokenKind::KwIn:
        if (no_in_) goto done;
        op = CmpOperator::In;
        break;
      case TokenKind::KwNot:
        if (no_in_ || kind(1) != TokenKind::KwIn) goto done;
        op = CmpOperator::NotIn;
        ++pos_;
        break;
      case TokenKind::KwIs:
        op = CmpOperator::Is;
        if (kind(1) == TokenKind::KwNot) {
          op = CmpOperator::IsNot;
          ++pos_;
        }
        break;
      default:
        goto done;
    }
    // The operator (one or two tokens) and its operand, or nothing (PEG).
    std::size_t op_end = pos_ + 1;
    Expr* b = speculate([&]() -> Expr* {
      pos_ = op_end;
      return parse_bitwise_or();
    });
    if (has_error_) return nullptr;
    if (b == nullptr) {
      pos_ = t.kind == TokenKind::KwNot || (t.kind == TokenKind::KwIs && op == CmpOperator::IsNot) ? op_end - 2 : op_end - 1;
      break;
    }
    ops.push_back(op);
    comparators.push(b);
  }
done:
  if (ops.empty()) return a;
  Compare* c = node<Compare>(extent(start));
  c->left = a;
  c->ops = arena_.copy_array(ops.data(), ops.size());
  c->comparators = comparators.finish(arena_);
  return c;
}

Expr* Parser::parse_bitwise_or() { return parse_binary(1); }

// bitwise_or ... term: left-associative binary operators by precedence climbing.
Expr* Parser::parse_binary(int min_prec) {
  std::size_t start = pos_;
  Expr* left = parse_factor();
  if (left == nullptr) return nullptr;
  int extra = 0;
  for (;;) {
    Operator op;
    int prec;
    if (!binary_operator(kind(), &op, &prec) || prec < min_prec) break;
    Expr* right = speculate([&]() -> Expr* {
      ++pos_;
      return prec < 6 ? parse_binary(prec + 1) : parse_factor();
    });
    if (right == nullptr && !has_error_) break;  // PEG: keep the shorter operand
    if (right == nullptr || !enter()) {
      depth_ -= extra;
      return nullptr;
    }
    ++extra;
    BinOp* b = node<BinOp>(extent(start));
    b->left = left;
    b->op = op;
    b->right = right;
    left = b;
  }
  depth_ -= extra;
  return left;
}

// factor: '+' factor | '-' factor | '~' factor | power   (iterative)
Expr* Parser::parse_factor() {
  std::size_t start = pos_;
  int n = 0;
  while (at(TokenKind::Plus) || at(TokenKind::Minus) || at(TokenKind::Tilde)) {
    if (!enter()) {
      depth_ -= n;
      return nullptr;
    }
    ++n;
    ++pos_;
  }
  Expr* e = parse_power();
  if (e != nullptr) {
    for (int i = n; i-- > 0;) {
      std::size_t idx = start + static_cast<std::size_t>(i);
      UnaryOp* u = node<UnaryOp>(extent(idx));
      TokenKind k = tokens_[idx].kind;
      u->op = k == TokenKind::Plus ? UnaryOperator::UAdd : k == TokenKind::Minus ? UnaryOperator::USub : UnaryOperator::Invert;
      u->operand = e;
      e = u;
    }
  }
  depth_ -= n;
  return e;
}

// power: await_primary '**' factor | await_primary
Expr* Parser::parse_power() {
  std::size_t start = pos_;
  Expr* a = parse_await_primary();
  if (a == nullptr || !at(TokenKind::DoubleStar)) return a;
  DepthGuard guard(*this);
  if (!guard) return nullptr;
  Expr* b = speculate([&]() -> Expr* {
    ++pos_;
    return parse_factor();
  });
  if (has_error_) return nullptr;
  if (b == nullptr) return a;
  BinOp* e = node<BinOp>(extent(start));
  e->left = a;
  e->op = Operator::Pow;
  e->right = b;
  return e;
}

// await_primary: 'await' primary | primary
Expr* Parser::parse_await_primary() {
  if (at(TokenKind::KwAwait)) {
    std::size_t start = pos_;
    ++pos_;
    Expr* v = parse_primary(false);
    if (v == nullptr) return nullptr;
    Await* a = node<Await>(extent(start));
    a->value = v;
    return a;
  }
  return parse_primary(false);
}

// primary: primary '.' NAME | primary genexp | primary '(' [arguments] ')'
//        | primary '[' slices ']' | atom
Expr* Parser::parse_primary(bool for_target) {
  std::size_t start = pos_;
  Expr* e = parse_atom();
  if (e == nullptr) return nullptr;
  int extra = 0;
  for (;;) {
    TokenKind k = kind();
    if (k != TokenKind::Dot && k != TokenKind::LPar && k != TokenKind::LSqb) break;
    if (!enter()) {
      depth_ -= extra;
      return nullptr;
    }
    ++extra;
    // primary is left-recursive in the PEG grammar: a trailer that does not
    // parse leaves the shorter primary (the caller then fails at the same
    // furthest token, or, inside a speculation, keeps the shorter result).
    std::size_t before = pos_;
    Expr* longer = speculate([&]() -> Expr* {
      if (k == TokenKind::Dot) {
        ++pos_;
        if (!at(TokenKind::Name)) return fail();
        Token n = cur();
        ++pos_;
        Attribute* a = node<Attribute>(extent(start));
        a->value = e;
        a->attr = identifier(n);
        return a;
      }
      if (k == TokenKind::LPar) return parse_call(start, e);
      ++pos_;
      Expr* slice;
      {
        NoInScope in_scope(no_in_, false);
        slice = parse_slices();
      }
      if (slice == nullptr || !expect(TokenKind::RSqb)) return nullptr;
      Subscript* s = node<Subscript>(extent(start));
      s->value = e;
      s->slice = slice;
      return s;
    });
    if (has_error_) {
      depth_ -= extra;
      return nullptr;
    }
    if (longer == nullptr) {
      pos_ = before;
      break;
    }
    e = longer;
  }
  depth_ -= extra;
  (void)for_target;
  return e;
}

// '(' arguments ')' after a primary, including the sole-genexp form.
Expr* Parser::parse_call(std::size_t start, Expr* func) {
  ++pos_;  // '('
  NoInScope in_scope(no_in_, false);
  auto args = list<Expr>();
  auto keywords = list<Keyword>();
  if (!accept(TokenKind::RPar)) {
    if (!parse_arguments(args, keywords, true)) return nullptr;
  }
  Call* c = node<Call>(extent(start));
  c->func = func;
  c->args = args.finish(arena_);
  c->keywords = keywords.finish(arena_);
  return c;
}

// Call arguments (and class bases) up to and including ')':
//   args: ','.(starred_expression | (assignment_expression | expression !':=') !'=')+ [',' kwargs] | kwargs
// plus the invalid_arguments / invalid_kwarg diagnostics. The opening
// parenthesis has been consumed. Class bases (allow_genexp false) do not
// accept a bare generator expression.
bool Parser::parse_arguments(TempList<Expr>& args, TempList<Keyword>& keywords, bool allow_genexp) {
  const TokenKind close = TokenKind::RPar;
  std::size_t open_index = pos_ - 1;
  bool seen_keyword = false;       // NAME '=' expression
  bool seen_double_star = false;   // '**' expression
  const char* pending_error = nullptr;
  for (;;) {
    std::size_t item = pos_;
    Token t = cur();
    if (t.kind == TokenKind::Star) {
      ++pos_;
      Expr* v = parse_expression();
      if (v == nullptr) return false;
      if (seen_double_star) {
        raise_token(t, "iterable argument unpacking follows keyword argument unpacking");
        return false;
      }
      Starred* s = node<Starred>(extent(item));
      s->value = v;
      if (at(TokenKind::Equal)) return fail() != nullptr;  // f(*a=1)
      args.push(s);
    } else if (t.kind == TokenKind::DoubleStar) {
      ++pos_;
      Expr* v = parse_expression();
      if (v == nullptr) return false;
      Keyword* k = node<Keyword>(extent(item));
      k->value = v;
      keywords.push(k);
      seen_double_star = true;
    } else if (t.kind == TokenKind::Name && kind(1) == TokenKind::Equal) {
      pos_ += 2;
      Token eq = tokens_[item + 1];
      Expr* v = parse_expression();
      if (v == nullptr) return false;
      if (at(TokenKind::KwFor) || at(TokenKind::KwAsync)) {
        return raise_range(token_pos(t), token_pos(eq), "invalid syntax. Maybe you meant '==' or ':=' instead of '='?") !=
               nullptr;
      }
      Keyword* k = node<Keyword>(extent(item));
      k->arg = identifier(t);
      k->value = v;
      keywords.push(k);
      seen_keyword = true;
    } else if ((t.kind == TokenKind::KwTrue || t.kind == TokenKind::KwFalse || t.kind == TokenKind::KwNone) &&
               kind(1) == TokenKind::Equal) {
      raise_range(token_pos(t), token_pos(tok(item + 1)), std::string("cannot assign to ") + std::string(text(t)));
      return false;
    } else {
      Expr* e;
      if (t.kind == TokenKind::Name && kind(1) == TokenKind::ColonEqual) {
        e = parse_named_expression();
      } else {
        e = parse_expression();
        if (e != nullptr && at(TokenKind::ColonEqual)) return fail() != nullptr;
      }
      if (e == nullptr) return false;
      if (at(TokenKind::Equal)) {
        Token eq = cur();
        raise_range(e->pos, token_pos(eq), "expression cannot contain assignment, perhaps you meant \"==\"?");
        return false;
      }
      if (at(TokenKind::KwFor) || at(TokenKind::KwAsync)) {
        if (!allow_genexp) return fail() != nullptr;
        Seq<Comprehension*> gens = parse_for_if_clauses();
        if (gens.empty()) return false;
        bool first = args.empty() && keywords.empty();
        bool sole = first && at(close);
        // invalid_arguments: a bare generator needs parentheses unless it is
        // the only argument; as the first argument this is only reported
        // when a ',' follows it.
        if (first && !sole && !at(TokenKind::Comma)) return fail() != nullptr;
        if (!sole) {
          const Comprehension* last = gens.back();
          const Expr* last_item = last->ifs.empty() ? last->iter : last->ifs.back();
          raise_range(e->pos, last_item->pos, "Generator expression must be parenthesized");
          return false;
        }
        ++pos_;  // ')'
        GeneratorExp* g = node<GeneratorExp>(extent(open_index));
        g->elt = e;
        g->generators = gens;
        args.push(g);
        return true;
      }
      if (pending_error == nullptr && (seen_keyword || seen_double_star)) {
        pending_error = seen_double_star ? "positional argument follows keyword argument unpacking"
                                         : "positional argument follows keyword argument";
      }
      args.push(e);
    }
    if (accept(TokenKind::Comma)) {
      if (at(close)) break;
      continue;
    }
    break;
  }
  if (!at(close)) return fail() != nullptr;
  ++pos_;
  if (pending_error != nullptr) {
    raise_last(pending_error);
    return false;
  }
  return true;
}

// slices: slice !',' | ','.(slice | starred_expression)+ [',']
Expr* Parser::parse_slices() {
  std::size_t start = pos_;
  auto one = [&]() -> Expr* {
    if (at(TokenKind::Star)) {
      std::size_t s = pos_;
      ++pos_;
      Expr* v = parse_expression();
      if (v == nullptr) return nullptr;
      Starred* st = node<Starred>(extent(s));
      st->value = v;
      return st;
    }
    return parse_slice();
  };
  Expr* first = one();
  if (first == nullptr) return nullptr;
  if (!at(TokenKind::Comma) && !first->is<Starred>()) return first;
  auto elts = list<Expr>();
  elts.push(first);
  while (accept(TokenKind::Comma)) {
    if (at(TokenKind::RSqb)) break;
    Expr* e = one();
    if (e == nullptr) return nullptr;
    elts.push(e);
  }
  Tuple* t = node<Tuple>(extent(start));
  t->elts = elts.finish(arena_);
  return t;
}

// slice: [expression] ':' [expression] [':' [expression]] | named_expression
Expr* Parser::parse_slice() {
  std::size_t start = pos_;
  Expr* lower = nullptr;
  if (!at(TokenKind::Colon)) {
    lower = parse_named_expression();
    if (lower == nullptr) return nullptr;
    if (!at(TokenKind::Colon)) return lower;
    if (lower->is<NamedExpr>() && tok(start + 1).kind == TokenKind::ColonEqual) return fail();
  }
  ++pos_;  // ':'
  Expr* upper = nullptr;
  Expr* step = nullptr;
  auto ends = [&]() { return at(TokenKind::Colon) || at(TokenKind::RSqb) || at(TokenKind::Comma); };
  if (!ends()) {
    upper = parse_expression();
    if (upper == nullptr) return nullptr;
  }
  if (accept(TokenKind::Colon)) {
    if (!at(TokenKind::RSqb) && !at(TokenKind::Comma)) {
      step = parse_expression();
      if (step == nullptr) return nullptr;
    }
  }
  Slice* s = node<Slice>(extent(start));
  s->lower = lower;
  s->upper = upper;
  s->step = step;
  return s;
}

// ---------------------------------------------------------------------------
// Targets.
// ---------------------------------------------------------------------------

bool Parser::set_context(Expr* e, ExprContext ctx) {
  switch (e->kind) {
    case ExprKind::Name:
      e->cast<Name>().ctx = ctx;
      return true;
    case ExprKind::Attribute:
      e->cast<Attribute>().ctx = ctx;
      return true;
    case ExprKind::Subscript:
      e->cast<Subscript>().ctx = ctx;
      return true;
    case ExprKind::Starred:
      if (ctx == ExprContext::Del) return false;
      e->cast<Starred>().ctx = ctx;
      return set_context(e->cast<Starred>().value, ctx);
    case ExprKind::List: {
      List& l = e->cast<List>();
      l.ctx = ctx;
      for (Expr* x : l.elts) {
        if (!set_context(x, ctx)) return false;
      }
      return true;
    }
    case ExprKind::Tuple: {
      Tuple& t = e->cast<Tuple>();
      t.ctx = ctx;
      for (Expr* x : t.elts) {
        if (!set_context(x, ctx)) return false;
      }
      return true;
    }
    default:
      return false;
  }
}

// _PyPegen_get_invalid_target
Expr* Parser::invalid_target(Expr* e, TargetsType type) {
  if (e == nullptr) return nullptr;
  switch (e->kind) {
    case ExprKind::List:
      for (Expr* x : e->cast<List>().elts) {
        if (Expr* bad = invalid_target(x, type)) return bad;
      }
      return nullptr;
    case ExprKind::Tuple:
      for (Expr* x : e->cast<Tuple>().elts) {
        if (Expr* bad = invalid_target(x, type)) return bad;
      }
      return nullptr;
    case ExprKind::Starred:
      if (type == TargetsType::Del) return e;
      return invalid_target(e->cast<Starred>().value, type);
    case ExprKind::Compare:
      if (type == TargetsType::For) {
        const Compare& c = e->cast<Compare>();
        if (c.ops[0] == CmpOperator::In) return invalid_target(c.left, type);
        return nullptr;
      }
      return e;
    case ExprKind::Name:
    case ExprKind::Subscript:
    case ExprKind::Attribute:
      return nullptr;
    default:
      return e;
  }
}

std::nullptr_t Parser::raise_invalid_target(TargetsType type, Expr* e) {
  Expr* bad = invalid_target(e, type);
  if (bad != nullptr) {
    const char* fmt = type == TargetsType::Del ? "cannot delete " : "cannot assign to ";
    return raise_node(bad->pos, std::string(fmt) + expr_name(bad));
  }
  return fail();
}

}  // namespace capy::syntax::detail
