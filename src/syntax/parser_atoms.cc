// Atoms of the expression grammar: names, literals, displays, comprehensions, lambda.
#include <string>

#include "syntax/parser_impl.h"

namespace capy::syntax::detail {

// ---------------------------------------------------------------------------
// Atoms.
// ---------------------------------------------------------------------------

Expr* Parser::parse_atom() {
  Token t = cur();
  switch (t.kind) {
    case TokenKind::Name: {
      ++pos_;
      Name* n = node<Name>(token_pos(t));
      n->id = identifier(t);
      return n;
    }
    case TokenKind::KwTrue:
    case TokenKind::KwFalse: {
      ++pos_;
      Constant* c = node<Constant>(token_pos(t));
      c->value.kind = ConstantValue::Kind::Bool;
      c->value.bool_value = t.kind == TokenKind::KwTrue;
      return c;
    }
    case TokenKind::KwNone:
      ++pos_;
      return make_constant(token_pos(t), ConstantValue::Kind::None);
    case TokenKind::Ellipsis:
      ++pos_;
      return make_constant(token_pos(t), ConstantValue::Kind::Ellipsis);
    case TokenKind::String:
      return parse_strings();
    case TokenKind::Number:
      ++pos_;
      return parse_number(t);
    case TokenKind::LPar:
      return parse_paren_atom();
    case TokenKind::LSqb:
      return parse_list_atom();
    case TokenKind::LBrace:
      return parse_brace_atom();
    default:
      return fail();
  }
}

// '(' ... ')': tuple, group, generator expression.
Expr* Parser::parse_paren_atom() {
  DepthGuard guard(*this);
  if (!guard) return nullptr;
  std::size_t start = pos_;
  ++pos_;
  NoInScope in_scope(no_in_, false);
  if (accept(TokenKind::RPar)) {
    Tuple* t = node<Tuple>(extent(start));
    return t;
  }
  if (at(TokenKind::KwYield)) {
    Expr* y = parse_yield_expr();
    if (y == nullptr || !expect(TokenKind::RPar)) return nullptr;
    return y;
  }
  if (at(TokenKind::DoubleStar)) {
    // invalid_group: '(' a='**' expression ')'
    Token ds = cur();
    ++pos_;
    Expr* e = check_invalid([&]() -> Expr* { return parse_expression(); });
    if (e != nullptr && at(TokenKind::RPar)) return raise_token(ds, "cannot use double starred expression here");
    return fail();
  }
  std::size_t first_start = pos_;
  Expr* first = parse_star_named_expression();
  if (first == nullptr) return nullptr;
  if (at(TokenKind::KwFor) || at(TokenKind::KwAsync)) {
    if (first->is<Starred>()) {
      // invalid_comprehension: '(' a=starred_expression for_if_clauses
      return raise_node(first->pos, "iterable unpacking cannot be used in comprehension");
    }
    if (first->is<NamedExpr>() && tok(first_start).kind == TokenKind::LPar) {
      // parenthesised walrus is fine
    }
    return finish_genexp(start, first);
  }
  if (accept(TokenKind::RPar)) {
    if (first->is<Starred>()) return raise_node(first->pos, "cannot use starred expression here");
    return first;
  }
  if (!at(TokenKind::Comma)) {
    if (at(TokenKind::Equal) && !first->is<Starred>() && invalid_named_expression_eq(first_start, first)) return nullptr;
    return fail();
  }
  auto elts = list<Expr>();
  elts.push(first);
  while (accept(TokenKind::Comma)) {
    if (at(TokenKind::RPar)) break;
    Expr* e = parse_star_named_expression();
    if (e == nullptr) return nullptr;
    elts.push(e);
  }
  if (!expect(TokenKind::RPar)) return nullptr;
  Tuple* t = node<Tuple>(extent(start));
  t->elts = elts.finish(arena_);
  return t;
}

Expr* Parser::finish_genexp(std::size_t start, Expr* elt) {
  Seq<Comprehension*> gens = parse_for_if_clauses();
  if (gens.empty()) return nullptr;
  if (!expect(TokenKind::RPar)) return nullptr;
  GeneratorExp* g = node<GeneratorExp>(extent(start));
  g->elt = elt;
  g->generators = gens;
  return g;
}

// invalid_comprehension:
//   ('[' | '{') a=star_named_expression ',' b=star_named_expressions for_if_clauses
//   ('[' | '{') a=star_named_expression b=',' for_if_clauses
std::nullptr_t Parser::check_comprehension_target_parens(std::size_t first_start, Expr* first, Expr* last,
                                                         const Token* comma) {
  (void)first_start;
  if (no_invalid_) return fail();
  std::size_t save = pos_;
  Seq<Comprehension*> gens = check_invalid([&]() -> Seq<Comprehension*> { return parse_for_if_clauses(); });
  pos_ = save;
  if (!gens.empty()) {
    if (comma != nullptr) {
      return raise_range(first->pos, token_pos(*comma), "did you forget parentheses around the comprehension target?");
    }
    return raise_range(first->pos, last->pos, "did you forget parentheses around the comprehension target?");
  }
  return fail();
}

// '[' ... ']': list display or list comprehension.
Expr* Parser::parse_list_atom() {
  DepthGuard guard(*this);
  if (!guard) return nullptr;
  std::size_t start = pos_;
  ++pos_;
  NoInScope in_scope(no_in_, false);
  if (accept(TokenKind::RSqb)) return node<List>(extent(start));
  std::size_t first_start = pos_;
  Expr* first = parse_star_named_expression();
  if (first == nullptr) return nullptr;
  if (at(TokenKind::KwFor) || at(TokenKind::KwAsync)) {
    if (first->is<Starred>()) return raise_node(first->pos, "iterable unpacking cannot be used in comprehension");
    Seq<Comprehension*> gens = parse_for_if_clauses();
    if (gens.empty() || !expect(TokenKind::RSqb)) return nullptr;
    ListComp* c = node<ListComp>(extent(start));
    c->elt = first;
    c->generators = gens;
    return c;
  }
  auto elts = list<Expr>();
  elts.push(first);
  Token last_comma{};
  bool trailing_comma = false;
  while (at(TokenKind::Comma)) {
    last_comma = cur();
    ++pos_;
    trailing_comma = true;
    if (at(TokenKind::RSqb) || at(TokenKind::KwFor) || at(TokenKind::KwAsync)) break;
    Expr* e = parse_star_named_expression();
    if (e == nullptr) return nullptr;
    elts.push(e);
    trailing_comma = false;
  }
  if (at(TokenKind::KwFor) || at(TokenKind::KwAsync)) {
    if (elts.size() == 1 && trailing_comma) return check_comprehension_target_parens(first_start, first, first, &last_comma);
    if (elts.size() > 1) return check_comprehension_target_parens(first_start, first, elts.back(), nullptr);
  }
  if (!expect(TokenKind::RSqb)) return nullptr;
  List* l = node<List>(extent(start));
  l->elts = elts.finish(arena_);
  return l;
}

// '{' ... '}': dict, set, dict/set comprehension.
Expr* Parser::parse_brace_atom() {
  DepthGuard guard(*this);
  if (!guard) return nullptr;
  std::size_t start = pos_;
  ++pos_;
  NoInScope in_scope(no_in_, false);
  if (accept(TokenKind::RBrace)) return node<Dict>(extent(start));
  if (at(TokenKind::DoubleStar)) {
    Token ds = cur();
    ++pos_;
    Expr* v = parse_bitwise_or();
    if (v == nullptr) return nullptr;
    if (at(TokenKind::KwFor) || at(TokenKind::KwAsync)) {
      // invalid_dict_comprehension: '{' a='**' bitwise_or for_if_clauses '}'
      std::size_t save = pos_;
      Seq<Comprehension*> gens = check_invalid([&]() -> Seq<Comprehension*> { return parse_for_if_clauses(); });
      bool close = !gens.empty() && at(TokenKind::RBrace);
      pos_ = save;
      if (close) return raise_token(ds, "dict unpacking cannot be used in dict comprehension");
      return fail();
    }
    return parse_dict_rest(start, nullptr, v);
  }
  std::size_t first_start = pos_;
  if (at(TokenKind::Star)) {
    Expr* first = parse_star_named_expression();
    if (first == nullptr) return nullptr;
    if (at(TokenKind::KwFor) || at(TokenKind::KwAsync)) {
      return raise_node(first->pos, "iterable unpacking cannot be used in comprehension");
    }
    return parse_set_rest(start, first);
  }
  Expr* first = parse_named_expression();
  if (first == nullptr) return nullptr;
  if (at(TokenKind::Colon) && !(first->is<NamedExpr>() && tok(first_start).kind != TokenKind::LPar)) {
    Token colon = cur();
    ++pos_;
    if (at(TokenKind::RBrace) || at(TokenKind::Comma)) {
      return raise_token(colon, "expression expected after dictionary key and ':'");
    }
    if (at(TokenKind::Star)) {
      Token star = cur();
      ++pos_;
      Expr* bad = check_invalid([&]() -> Expr* { return parse_bitwise_or(); });
      if (bad != nullptr) return raise_starting_from(token_pos(star), "cannot use a starred expression in a dictionary value");
      return fail();
    }
    Expr* value = parse_expression();
    if (value == nullptr) return nullptr;
    if (at(TokenKind::KwFor) || at(TokenKind::KwAsync)) {
      Seq<Comprehension*> gens = parse_for_if_clauses();
      if (gens.empty() || !expect(TokenKind::RBrace)) return nullptr;
      DictComp* c = node<DictComp>(extent(start));
      c->key = first;
      c->value = value;
      c->generators = gens;
      return c;
    }
    return parse_dict_rest(start, first, value);
  }
  if (at(TokenKind::KwFor) || at(TokenKind::KwAsync)) {
    Seq<Comprehension*> gens = parse_for_if_clauses();
    if (gens.empty() || !expect(TokenKind::RBrace)) return nullptr;
    SetComp* c = node<SetComp>(extent(start));
    c->elt = first;
    c->generators = gens;
    return c;
  }
  return parse_set_rest(start, first);
}

// The rest of a dict display after the first item (key may be nullptr for **v).
Expr* Parser::parse_dict_rest(std::size_t start, Expr* first_key, Expr* first_value) {
  auto keys = list<Expr>();
  auto values = list<Expr>();
  keys.push(first_key);
  values.push(first_value);
  while (accept(TokenKind::Comma)) {
    if (at(TokenKind::RBrace)) break;
    if (accept(TokenKind::DoubleStar)) {
      Expr* v = parse_bitwise_or();
      if (v == nullptr) return nullptr;
      keys.push(nullptr);
      values.push(v);
      continue;
    }
    Expr* k = parse_expression();
    if (k == nullptr) return nullptr;
    if (!at(TokenKind::Colon)) {
      // invalid_kvpair: a=expression !(':')
      if (no_invalid_) return fail();
      return raise_at(ErrorKind::SyntaxError, k->pos.lineno, k->pos.end_col_offset - 1, k->pos.end_lineno, -1,
                      "':' expected after dictionary key");
    }
    Token colon = cur();
    ++pos_;
    if (at(TokenKind::RBrace) || at(TokenKind::Comma)) {
      return raise_token(colon, "expression expected after dictionary key and ':'");
    }
    if (at(TokenKind::Star)) {
      Token star = cur();
      ++pos_;
      Expr* bad = check_invalid([&]() -> Expr* { return parse_bitwise_or(); });
      if (bad != nullptr) return raise_starting_from(token_pos(star), "cannot use a starred expression in a dictionary value");
      return fail();
    }
    Expr* v = parse_expression();
    if (v == nullptr) return nullptr;
    keys.push(k);
    values.push(v);
  }
  if (!expect(TokenKind::RBrace)) return nullptr;
  Dict* d = node<Dict>(extent(start));
  d->keys = keys.finish(arena_);
  d->values = values.finish(arena_);
  return d;
}

// The rest of a set display after the first element.
Expr* Parser::parse_set_rest(std::size_t start, Expr* first) {
  auto elts = list<Expr>();
  elts.push(first);
  Token last_comma{};
  bool trailing_comma = false;
  while (at(TokenKind::Comma)) {
    last_comma = cur();
    ++pos_;
    trailing_comma = true;
    if (at(TokenKind::RBrace) || at(TokenKind::KwFor) || at(TokenKind::KwAsync)) break;
    Expr* e = parse_star_named_expression();
    if (e == nullptr) return nullptr;
    elts.push(e);
    trailing_comma = false;
  }
  if (at(TokenKind::KwFor) || at(TokenKind::KwAsync)) {
    if (elts.size() == 1 && trailing_comma) return check_comprehension_target_parens(start + 1, first, first, &last_comma);
    if (elts.size() > 1) return check_comprehension_target_parens(start + 1, first, elts.back(), nullptr);
  }
  if (!expect(TokenKind::RBrace)) return nullptr;
  Set* s = node<Set>(extent(start));
  s->elts = elts.finish(arena_);
  return s;
}

// ---------------------------------------------------------------------------
// Comprehensions and lambda.
// ---------------------------------------------------------------------------

// for_if_clauses: (['async'] 'for' star_targets 'in' ~ disjunction ('if' disjunction)*)+
Seq<Comprehension*> Parser::parse_for_if_clauses() {
  auto gens = list<Comprehension>();
  while (at(TokenKind::KwFor) || (at(TokenKind::KwAsync) && kind(1) == TokenKind::KwFor)) {
    int is_async = 0;
    if (accept(TokenKind::KwAsync)) is_async = 1;
    ++pos_;  // 'for'
    Expr* target = parse_star_targets();
    if (target == nullptr) return {};
    if (!expect(TokenKind::KwIn)) return {};
    Expr* iter = parse_disjunction();
    if (iter == nullptr) return {};
    auto ifs = list<Expr>();
    while (accept(TokenKind::KwIf)) {
      Expr* cond = parse_disjunction();
      if (cond == nullptr) return {};
      ifs.push(cond);
    }
    Comprehension* c = plain<Comprehension>();
    c->target = target;
    c->iter = iter;
    c->ifs = ifs.finish(arena_);
    c->is_async = is_async;
    gens.push(c);
  }
  if (gens.empty()) {
    fail();
    return {};
  }
  return gens.finish(arena_);
}

// star_targets (for loops and comprehensions): parsed as star_expressions in
// which `in` is not an operator, then checked and turned into Store context;
// must be followed by 'in'. On failure, CPython's invalid_for_target:
// 'for' a=star_expressions → "cannot assign to ..." for the bad part.
Expr* Parser::parse_star_targets() {
  std::size_t start = pos_;
  Expr* e = speculate([&]() -> Expr* {
    NoInScope in_scope(no_in_, true);
    no_invalid_ = true;
    Expr* t = parse_star_expressions();
    if (t == nullptr || !at(TokenKind::KwIn) || !set_context(t, ExprContext::Store)) return nullptr;
    return t;
  });
  if (e != nullptr || has_error_) return e;
  pos_ = start;
  bool saved = second_pass_;
  second_pass_ = true;
  Expr* a = parse_star_expressions();
  second_pass_ = saved;
  if (a == nullptr) return nullptr;
  if (Expr* bad = invalid_target(a, TargetsType::For)) {
    return raise_node(bad->pos, std::string("cannot assign to ") + expr_name(bad));
  }
  return fail();
}

// lambdef: 'lambda' [lambda_params] ':' expression
Expr* Parser::parse_lambda() {
  std::size_t start = pos_;
  ++pos_;  // 'lambda'
  Arguments* args = parse_parameters(true);
  if (args == nullptr) return nullptr;
  if (!expect(TokenKind::Colon)) return nullptr;
  Expr* body = parse_expression();
  if (body == nullptr) return nullptr;
  Lambda* l = node<Lambda>(extent(start));
  l->args = args;
  l->body = body;
  return l;
}

}  // namespace capy::syntax::detail
