// Statement grammar of Python 3.11 (python.gram: simple and compound statements, blocks, parameters).
#include <string>

#include "syntax/parser_impl.h"

namespace capy::syntax::detail {

namespace {

bool augmented_operator(TokenKind k, Operator* op) {
  switch (k) {
    case TokenKind::PlusEqual: *op = Operator::Add; return true;
    case TokenKind::MinEqual: *op = Operator::Sub; return true;
    case TokenKind::StarEqual: *op = Operator::Mult; return true;
    case TokenKind::AtEqual: *op = Operator::MatMult; return true;
    case TokenKind::SlashEqual: *op = Operator::Div; return true;
    case TokenKind::PercentEqual: *op = Operator::Mod; return true;
    case TokenKind::AmperEqual: *op = Operator::BitAnd; return true;
    case TokenKind::VBarEqual: *op = Operator::BitOr; return true;
    case TokenKind::CircumflexEqual: *op = Operator::BitXor; return true;
    case TokenKind::LeftShiftEqual: *op = Operator::LShift; return true;
    case TokenKind::RightShiftEqual: *op = Operator::RShift; return true;
    case TokenKind::DoubleStarEqual: *op = Operator::Pow; return true;
    case TokenKind::DoubleSlashEqual: *op = Operator::FloorDiv; return true;
    default: return false;
  }
}

}  // namespace

// ---------------------------------------------------------------------------
// Statement sequences and blocks.
// ---------------------------------------------------------------------------

// statement: compound_stmt | simple_stmts
bool Parser::parse_statement(TempList<Stmt>& out) {
  DepthGuard guard(*this);
  if (!guard) return false;
  std::size_t start = pos_;
  match_colon_candidate_ = 0;
  Stmt* s = parse_compound_stmt();
  if (s != nullptr) {
    out.push(s);
    return true;
  }
  if (has_error_) return false;
  pos_ = start;
  std::size_t candidate = match_colon_candidate_;
  if (parse_simple_stmts(out)) return true;
  if (candidate != 0 && !error_from_lexer_) {
    // invalid_match_stmt: "match" subject_expr NEWLINE
    has_error_ = false;
    Token nl = tokens_[candidate];
    raise_token(nl, "expected ':'");
  }
  return false;
}

// Statements of an indented block, through the closing DEDENT.
Seq<Stmt*> Parser::parse_statements_until_dedent() {
  auto body = list<Stmt>();
  while (!at(TokenKind::Dedent) && !at(TokenKind::EndMarker)) {
    if (!parse_statement(body)) return {};
  }
  if (!expect(TokenKind::Dedent)) return {};
  return body.finish(arena_);
}

// block: NEWLINE INDENT statements DEDENT | simple_stmts | invalid_block
Seq<Stmt*> Parser::parse_block(const char* what, int lineno) {
  if (at(TokenKind::Newline)) {
    ++pos_;
    if (!at(TokenKind::Indent)) {
      raise_last(ErrorKind::IndentationError,
                 std::string("expected an indented block after ") + what + " on line " + std::to_string(lineno));
      return {};
    }
    ++pos_;
    return parse_statements_until_dedent();
  }
  auto body = list<Stmt>();
  if (!parse_simple_stmts(body)) return {};
  return body.finish(arena_);
}

// simple_stmts: simple_stmt !';' NEWLINE | ';'.simple_stmt+ [';'] NEWLINE
bool Parser::parse_simple_stmts(TempList<Stmt>& out) {
  for (;;) {
    Stmt* s = parse_simple_stmt();
    if (s == nullptr) {
      if (!has_error_) fail();
      return false;
    }
    out.push(s);
    if (accept(TokenKind::Semi)) {
      if (at(TokenKind::Newline)) break;
      continue;
    }
    break;
  }
  if (!accept(TokenKind::Newline)) {
    fail();
    return false;
  }
  return true;
}

Stmt* Parser::parse_simple_stmt() {
  Token t = cur();
  switch (t.kind) {
    case TokenKind::KwReturn: return parse_return();
    case TokenKind::KwRaise: return parse_raise();
    case TokenKind::KwPass: ++pos_; return node<Pass>(token_pos(t));
    case TokenKind::KwBreak: ++pos_; return node<Break>(token_pos(t));
    case TokenKind::KwContinue: ++pos_; return node<Continue>(token_pos(t));
    case TokenKind::KwDel: return parse_del();
    case TokenKind::KwAssert: return parse_assert();
    case TokenKind::KwGlobal: return parse_global_or_nonlocal(true);
    case TokenKind::KwNonlocal: return parse_global_or_nonlocal(false);
    case TokenKind::KwImport: return parse_import();
    case TokenKind::KwFrom: return parse_from_import();
    default: return parse_expression_statement();
  }
}

// Dispatches compound statements; returns nullptr without an error when the
// current token does not start one.
Stmt* Parser::parse_compound_stmt() {
  std::size_t start = pos_;
  switch (kind()) {
    case TokenKind::KwDef: return parse_funcdef(start, {}, false);
    case TokenKind::At: return parse_decorated();
    case TokenKind::KwAsync:
      switch (kind(1)) {
        case TokenKind::KwDef: return parse_funcdef(start, {}, true);
        case TokenKind::KwFor: ++pos_; return parse_for(start, true);
        case TokenKind::KwWith: ++pos_; return parse_with(start, true);
        default: ++pos_; return fail();
      }
    case TokenKind::KwIf: return parse_if(false);
    case TokenKind::KwClass: return parse_classdef({});
    case TokenKind::KwWith: return parse_with(start, false);
    case TokenKind::KwFor: return parse_for(start, false);
    case TokenKind::KwTry: return parse_try();
    case TokenKind::KwWhile: return parse_while();
    case TokenKind::Name:
      if (at_soft_keyword("match")) return try_parse_match();
      return nullptr;
    default:
      return nullptr;
  }
}

// ---------------------------------------------------------------------------
// Expression statements and assignments.
// ---------------------------------------------------------------------------

Stmt* Parser::parse_expression_statement() {
  std::size_t start = pos_;
  if (at(TokenKind::KwYield)) {
    Expr* y = parse_yield_expr();
    if (y == nullptr) return nullptr;
    if (at(TokenKind::Equal)) return raise_node(y->pos, "assignment to yield expression not possible");
    ExprStmt* s = node<ExprStmt>(extent(start));
    s->value = y;
    return s;
  }
  Expr* first = parse_star_expressions();
  if (first == nullptr) return nullptr;
  std::size_t last_elt = last_elt_start_;
  Operator op;
  if (at(TokenKind::ColonEqual)) {
    // invalid_assignment -> star_named_expression -> invalid_named_expression:
    // a=expression ':=' expression, for the element right before ':='.
    Expr* elem = first;
    std::size_t elem_start = start;
    if (Tuple* t = first->as<Tuple>(); t != nullptr && !t->elts.empty() && last_elt != start) {
      elem = t->elts.back();
      elem_start = last_elt;
    }
    bool bare_name = tok(elem_start).kind == TokenKind::Name && tok(elem_start + 1).kind == TokenKind::ColonEqual;
    if (bare_name) {
      // assignment_expression: NAME ':=' ~ expression — parsed (so tokenizer
      // errors after ':=' surface), then the statement fails generically.
      std::size_t save = pos_;
      check_invalid([&]() -> Expr* {
        ++pos_;
        return parse_expression();
      });
      pos_ = save;
      if (has_error_) return nullptr;
    } else if (!elem->is<Starred>() &&
               token_pos(tokens_[pos_ - 1]).end_col_offset == elem->pos.end_col_offset) {
      std::size_t save = pos_;
      Expr* rhs = check_invalid([&]() -> Expr* {
        ++pos_;
        return parse_expression();
      });
      pos_ = save;
      if (has_error_) return nullptr;
      if (rhs != nullptr) return raise_node(elem->pos, std::string("cannot use assignment expressions with ") + expr_name(elem));
    }
  }
  if (at(TokenKind::Equal)) return parse_assignment_rest(start, first, last_elt);
  if (at(TokenKind::Colon)) return parse_annotated(start, first, false);
  if (augmented_operator(kind(), &op)) {
    ++pos_;
    Expr* value = parse_annotated_rhs();
    if (value == nullptr) return nullptr;
    if (!(first->is<Name>() || first->is<Attribute>() || first->is<Subscript>())) {
      return raise_node(first->pos,
                        std::string("'") + expr_name(first) + "' is an illegal expression for augmented assignment");
    }
    set_context(first, ExprContext::Store);
    AugAssign* s = node<AugAssign>(extent(start));
    s->target = first;
    s->op = op;
    s->value = value;
    return s;
  }
  ExprStmt* s = node<ExprStmt>(extent(start));
  s->value = first;
  return s;
}

// (star_targets '=')+ (yield_expr | star_expressions) !'='
Stmt* Parser::parse_assignment_rest(std::size_t start, Expr* first, std::size_t first_last_elt) {
  auto targets = list<Expr>();
  std::vector<std::size_t> starts;
  targets.push(first);
  starts.push_back(start);
  std::size_t first_eq = pos_;

  // invalid_assignment, in CPython's order; returns true if it raised. Only
  // needs the targets followed by '=' (not the final value).
  auto check_targets = [&]() -> bool {
    std::size_t n = targets.size();
    std::size_t bad = n;
    for (std::size_t i = 0; i < n; ++i) {
      if (tokens_[starts[i]].kind == TokenKind::KwYield || !set_context(targets[i], ExprContext::Store)) {
        bad = i;
        break;
      }
    }
    if (bad == n) return false;
    // First the named_expression checks on the last element of the first
    // target, which is followed by '='.
    Expr* elem = first;
    if (Tuple* t = first->as<Tuple>(); t != nullptr && first_last_elt != start && !t->elts.empty()) {
      elem = t->elts.back();
    }
    if (!elem->is<Starred>()) {
      Pos ep = elem->pos;
      Pos eqp = token_pos(tokens_[first_eq - 1]);
      if (ep.end_lineno == eqp.end_lineno && ep.end_col_offset == eqp.end_col_offset) {
        std::size_t save = pos_;
        pos_ = first_eq;
        bool raised = invalid_named_expression_eq(elem == first ? start : first_last_elt, elem);
        pos_ = save;
        if (raised) return true;
      }
    }
    if (tokens_[starts[bad]].kind == TokenKind::KwYield) {
      raise_node(targets[bad]->pos, "assignment to yield expression not possible");
    } else {
      raise_invalid_target(TargetsType::Star, targets[bad]);
    }
    return has_error_;
  };

  Expr* value = nullptr;
  for (;;) {
    ++pos_;  // '='
    std::size_t rhs_start = pos_;
    Expr* rhs = speculate([&]() -> Expr* { return parse_annotated_rhs(); });
    if (has_error_) return nullptr;
    if (rhs == nullptr) {
      // The value does not parse: an invalid target before it still wins.
      if (check_targets()) return nullptr;
      pos_ = rhs_start;
      return fail();
    }
    if (at(TokenKind::Equal)) {
      targets.push(rhs);
      starts.push_back(rhs_start);
      continue;
    }
    value = rhs;
    break;
  }
  if (check_targets()) return nullptr;
  if (has_error_) return nullptr;
  Assign* s = node<Assign>(extent(start));
  s->targets = targets.finish(arena_);
  s->value = value;
  return s;
}

// target ':' expression ['=' annotated_rhs]
// Only a name, attribute or subscript (possibly parenthesised) can be
// annotated; anything else is CPython's invalid_assignment, reported only if
// the annotation itself parses.
Stmt* Parser::parse_annotated(std::size_t start, Expr* target, bool) {
  bool valid = target->is<Name>() || target->is<Attribute>() || target->is<Subscript>();
  if (!valid) {
    std::size_t colon = pos_;
    Expr* annotation = check_invalid([&]() -> Expr* {
      ++pos_;
      return parse_expression();
    });
    pos_ = colon;
    if (has_error_) return nullptr;
    if (annotation == nullptr) return fail();
    if (target->is<Tuple>()) return raise_node(target->pos, "only single target (not tuple) can be annotated");
    if (target->is<List>()) return raise_node(target->pos, "only single target (not list) can be annotated");
    return raise_node(target->pos, "illegal target for annotation");
  }
  ++pos_;  // ':'
  Expr* annotation = parse_expression();
  if (annotation == nullptr) return nullptr;
  int simple = target->is<Name>() && tok(start).kind == TokenKind::Name ? 1 : 0;
  set_context(target, ExprContext::Store);
  Expr* value = nullptr;
  if (accept(TokenKind::Equal)) {
    value = parse_annotated_rhs();
    if (value == nullptr) return nullptr;
  }
  AnnAssign* s = node<AnnAssign>(extent(start));
  s->target = target;
  s->annotation = annotation;
  s->value = value;
  s->simple = simple;
  return s;
}

// ---------------------------------------------------------------------------
// Simple statements.
// ---------------------------------------------------------------------------

Stmt* Parser::parse_return() {
  std::size_t start = pos_;
  ++pos_;
  Expr* value = nullptr;
  if (starts_expression(kind()) || at(TokenKind::Star)) {
    value = parse_star_expressions();
    if (value == nullptr) return nullptr;
  }
  Return* s = node<Return>(extent(start));
  s->value = value;
  return s;
}

// raise_stmt: 'raise' expression ['from' expression] | 'raise'
Stmt* Parser::parse_raise() {
  std::size_t start = pos_;
  ++pos_;
  Expr* exc = nullptr;
  Expr* cause = nullptr;
  if (starts_expression(kind())) {
    exc = parse_expression();
    if (exc == nullptr) return nullptr;
    if (accept(TokenKind::KwFrom)) {
      cause = parse_expression();
      if (cause == nullptr) return nullptr;
    }
  }
  Raise* s = node<Raise>(extent(start));
  s->exc = exc;
  s->cause = cause;
  return s;
}

// assert_stmt: 'assert' expression [',' expression]
Stmt* Parser::parse_assert() {
  std::size_t start = pos_;
  ++pos_;
  Expr* test = parse_expression();
  if (test == nullptr) return nullptr;
  Expr* msg = nullptr;
  if (accept(TokenKind::Comma)) {
    msg = parse_expression();
    if (msg == nullptr) return nullptr;
  }
  Assert* s = node<Assert>(extent(start));
  s->test = test;
  s->msg = msg;
  return s;
}

Stmt* Parser::parse_global_or_nonlocal(bool global) {
  std::size_t start = pos_;
  ++pos_;
  std::vector<Identifier> names;
  for (;;) {
    if (!at(TokenKind::Name)) return fail();
    names.push_back(identifier(cur()));
    ++pos_;
    if (!accept(TokenKind::Comma)) break;
  }
  Seq<Identifier> ids = arena_.make_array<Identifier>(names.size());
  for (std::size_t i = 0; i < names.size() && i < ids.size(); ++i) ids[i] = std::move(names[i]);
  if (global) {
    Global* s = node<Global>(extent(start));
    s->names = ids;
    return s;
  }
  Nonlocal* s = node<Nonlocal>(extent(start));
  s->names = ids;
  return s;
}

// del_stmt: 'del' del_targets &(';' | NEWLINE) | invalid_del_stmt
Stmt* Parser::parse_del() {
  std::size_t start = pos_;
  ++pos_;
  auto targets = list<Expr>();
  std::size_t elts_start = pos_;
  for (;;) {
    Expr* e = parse_star_expression();
    if (e == nullptr) return nullptr;
    targets.push(e);
    if (!accept(TokenKind::Comma)) break;
    if (!starts_expression(kind()) && !at(TokenKind::Star)) break;
  }
  bool at_end = at(TokenKind::Semi) || at(TokenKind::Newline);
  for (std::size_t i = 0; i < targets.size(); ++i) {
    if (!set_context(targets[i], ExprContext::Del)) return raise_invalid_target(TargetsType::Del, targets[i]);
  }
  if (!at_end) {
    (void)elts_start;
    return fail();
  }
  Delete* s = node<Delete>(extent(start));
  s->targets = targets.finish(arena_);
  return s;
}

// ---------------------------------------------------------------------------
// Imports.
// ---------------------------------------------------------------------------

bool Parser::parse_dotted_name(std::string* out) {
  if (!at(TokenKind::Name)) {
    fail();
    return false;
  }
  *out = identifier(cur());
  ++pos_;
  while (at(TokenKind::Dot)) {
    ++pos_;
    if (!at(TokenKind::Name)) {
      fail();
      return false;
    }
    *out += '.';
    *out += identifier(cur());
    ++pos_;
  }
  return true;
}

Alias* Parser::parse_dotted_as_name() {
  std::size_t start = pos_;
  std::string name;
  if (!parse_dotted_name(&name)) return nullptr;
  Identifier asname;
  if (accept(TokenKind::KwAs)) {
    if (!at(TokenKind::Name)) return fail();
    asname = identifier(cur());
    ++pos_;
  }
  Alias* a = plain<Alias>();
  a->pos = extent(start);
  a->name = std::move(name);
  a->asname = std::move(asname);
  return a;
}

// import_name: 'import' dotted_as_names
Stmt* Parser::parse_import() {
  std::size_t start = pos_;
  ++pos_;
  auto names = list<Alias>();
  for (;;) {
    Alias* a = parse_dotted_as_name();
    if (a == nullptr) return nullptr;
    names.push(a);
    if (!accept(TokenKind::Comma)) break;
  }
  Import* s = node<Import>(extent(start));
  s->names = names.finish(arena_);
  return s;
}

// import_from: 'from' ('.' | '...')* dotted_name 'import' import_from_targets
//            | 'from' ('.' | '...')+ 'import' import_from_targets
Stmt* Parser::parse_from_import() {
  std::size_t start = pos_;
  ++pos_;
  int level = 0;
  for (;;) {
    if (accept(TokenKind::Dot)) {
      level += 1;
    } else if (accept(TokenKind::Ellipsis)) {
      level += 3;
    } else {
      break;
    }
  }
  std::string module;
  if (at(TokenKind::Name)) {
    if (!parse_dotted_name(&module)) return nullptr;
  } else if (level == 0) {
    return fail();
  }
  if (!expect(TokenKind::KwImport)) return nullptr;
  auto names = list<Alias>();
  auto as_name = [&]() -> Alias* {
    std::size_t s = pos_;
    if (!at(TokenKind::Name)) return fail();
    Identifier name = identifier(cur());
    ++pos_;
    Identifier asname;
    if (accept(TokenKind::KwAs)) {
      if (!at(TokenKind::Name)) return fail();
      asname = identifier(cur());
      ++pos_;
    }
    Alias* a = plain<Alias>();
    a->pos = extent(s);
    a->name = std::move(name);
    a->asname = std::move(asname);
    return a;
  };
  if (accept(TokenKind::LPar)) {
    for (;;) {
      Alias* a = as_name();
      if (a == nullptr) return nullptr;
      names.push(a);
      if (!accept(TokenKind::Comma)) break;
      if (at(TokenKind::RPar)) break;
    }
    if (!expect(TokenKind::RPar)) return nullptr;
  } else if (at(TokenKind::Star)) {
    Token star = cur();
    ++pos_;
    Alias* a = plain<Alias>();
    a->pos = token_pos(star);
    a->name = "*";
    names.push(a);
  } else {
    for (;;) {
      Alias* a = as_name();
      if (a == nullptr) return nullptr;
      names.push(a);
      if (!accept(TokenKind::Comma)) break;
      if (at(TokenKind::Newline)) {
        return raise_last("trailing comma not allowed without surrounding parentheses");
      }
    }
  }
  ImportFrom* s = node<ImportFrom>(extent(start));
  s->module = std::move(module);
  s->names = names.finish(arena_);
  s->level = level;
  return s;
}

// ---------------------------------------------------------------------------
// Compound statements.
// ---------------------------------------------------------------------------

// if_stmt / elif_stmt
Stmt* Parser::parse_if(bool is_elif) {
  std::size_t start = pos_;
  Token kw = cur();
  ++pos_;
  Expr* test = parse_named_expression();
  if (test == nullptr) return nullptr;
  if (at(TokenKind::Newline)) return raise_last("expected ':'");
  if (!expect(TokenKind::Colon)) return nullptr;
  Seq<Stmt*> body = parse_block(is_elif ? "'elif' statement" : "'if' statement", test->pos.lineno);
  if (has_error_) return nullptr;
  Seq<Stmt*> orelse;
  if (at(TokenKind::KwElif)) {
    Stmt* elif = parse_if(true);
    if (elif == nullptr) return nullptr;
    Stmt** one = static_cast<Stmt**>(arena_.allocate(sizeof(Stmt*), alignof(Stmt*)));
    if (one == nullptr) {
      out_of_memory();
      return nullptr;
    }
    one[0] = elif;
    orelse = Seq<Stmt*>(one, 1);
  } else if (at(TokenKind::KwElse)) {
    orelse = parse_else_block();
    if (has_error_) return nullptr;
  }
  (void)kw;
  If* s = node<If>(extent(start));
  s->test = test;
  s->body = body;
  s->orelse = orelse;
  return s;
}

// else_block: 'else' &&':' block
Seq<Stmt*> Parser::parse_else_block() {
  Token kw = cur();
  ++pos_;
  if (!expect_forced(TokenKind::Colon, ":")) return {};
  return parse_block("'else' statement", kw.lineno + line_offset_);
}

Stmt* Parser::parse_while() {
  std::size_t start = pos_;
  Token kw = cur();
  ++pos_;
  Expr* test = parse_named_expression();
  if (test == nullptr) return nullptr;
  if (at(TokenKind::Newline)) return raise_last("expected ':'");
  if (!expect(TokenKind::Colon)) return nullptr;
  Seq<Stmt*> body = parse_block("'while' statement", kw.lineno + line_offset_);
  if (has_error_) return nullptr;
  Seq<Stmt*> orelse;
  if (at(TokenKind::KwElse)) {
    orelse = parse_else_block();
    if (has_error_) return nullptr;
  }
  While* s = node<While>(extent(start));
  s->test = test;
  s->body = body;
  s->orelse = orelse;
  return s;
}

// for_stmt: ['async'] 'for' star_targets 'in' ~ star_expressions ':' block [else_block]
Stmt* Parser::parse_for(std::size_t start, bool is_async) {
  Token kw = cur();
  ++pos_;  // 'for'
  Expr* target = parse_star_targets();
  if (target == nullptr) return nullptr;
  if (!expect(TokenKind::KwIn)) return nullptr;
  Expr* iter = parse_star_expressions();
  if (iter == nullptr) return nullptr;
  if (at(TokenKind::Newline)) return raise_last("expected ':'");
  if (!expect(TokenKind::Colon)) return nullptr;
  Seq<Stmt*> body = parse_block("'for' statement", kw.lineno + line_offset_);
  if (has_error_) return nullptr;
  Seq<Stmt*> orelse;
  if (at(TokenKind::KwElse)) {
    orelse = parse_else_block();
    if (has_error_) return nullptr;
  }
  ForBase* s;
  if (is_async) {
    s = node<AsyncFor>(extent(start));
  } else {
    s = node<For>(extent(start));
  }
  s->target = target;
  s->iter = iter;
  s->body = body;
  s->orelse = orelse;
  return s;
}

// with_item: expression 'as' star_target &(',' | ')' | ':') | invalid_with_item | expression
WithItem* Parser::parse_with_item() {
  Expr* e = parse_expression();
  if (e == nullptr) return nullptr;
  Expr* target = nullptr;
  if (accept(TokenKind::KwAs)) {
    std::size_t target_start = pos_;
    auto follows = [&]() { return at(TokenKind::Comma) || at(TokenKind::RPar) || at(TokenKind::Colon); };
    target = speculate([&]() -> Expr* {
      no_invalid_ = true;
      Expr* t = parse_star_expression();
      if (t == nullptr || !follows() || !set_context(t, ExprContext::Store)) return nullptr;
      return t;
    });
    if (has_error_) return nullptr;
    if (target == nullptr) {
      // invalid_with_item: expression 'as' a=expression &(',' | ')' | ':')
      pos_ = target_start;
      bool saved = second_pass_;
      second_pass_ = true;
      Expr* a = parse_expression();
      second_pass_ = saved;
      if (a == nullptr) return nullptr;
      if (follows()) {
        if (Expr* bad = invalid_target(a, TargetsType::Star)) {
          return raise_node(bad->pos, std::string("cannot assign to ") + expr_name(bad));
        }
      }
      return fail();
    }
  }
  WithItem* w = plain<WithItem>();
  w->context_expr = e;
  w->optional_vars = target;
  return w;
}

// 'with' '(' ','.with_item+ ','? ')' ':'  — the parenthesised form.
bool Parser::parse_with_items_parenthesized(TempList<WithItem>& items) {
  ++pos_;  // '('
  for (;;) {
    WithItem* w = parse_with_item();
    if (w == nullptr) return false;
    items.push(w);
    if (!accept(TokenKind::Comma)) break;
    if (at(TokenKind::RPar)) break;
  }
  if (!accept(TokenKind::RPar)) return false;
  return at(TokenKind::Colon) || at(TokenKind::Newline);
}

Stmt* Parser::parse_with(std::size_t start, bool is_async) {
  Token kw = cur();
  ++pos_;  // 'with'
  auto items = list<WithItem>();
  bool done = false;
  if (at(TokenKind::LPar)) {
    std::size_t save = pos_;
    bool ok = speculate([&]() -> bool { return parse_with_items_parenthesized(items); });
    if (has_error_) return nullptr;
    if (ok) {
      done = true;
    } else {
      pos_ = save;
      items.clear();
    }
  }
  if (!done) {
    for (;;) {
      WithItem* w = parse_with_item();
      if (w == nullptr) return nullptr;
      items.push(w);
      if (!accept(TokenKind::Comma)) break;
    }
  }
  if (at(TokenKind::Newline)) return raise_last("expected ':'");
  if (!expect(TokenKind::Colon)) return nullptr;
  Seq<Stmt*> body = parse_block("'with' statement", kw.lineno + line_offset_);
  if (has_error_) return nullptr;
  WithBase* s;
  if (is_async) {
    s = node<AsyncWith>(extent(start));
  } else {
    s = node<With>(extent(start));
  }
  s->items = items.finish(arena_);
  s->body = body;
  return s;
}

// try_stmt
Stmt* Parser::parse_try() {
  std::size_t start = pos_;
  Token kw = cur();
  ++pos_;
  if (!expect_forced(TokenKind::Colon, ":")) return nullptr;
  Seq<Stmt*> body = parse_block("'try' statement", kw.lineno + line_offset_);
  if (has_error_) return nullptr;
  auto handlers = list<ExceptHandler>();
  bool star_mode = false;
  while (at(TokenKind::KwExcept)) {
    bool star = kind(1) == TokenKind::Star;
    if (handlers.empty()) {
      star_mode = star;
    } else if (star != star_mode) {
      // invalid_try_stmt: cannot mix except and except* (the clause must be complete).
      Token ex = cur();
      Token st = tok(pos_ + 1);
      std::size_t save = pos_;
      bool header_ok = check_invalid([&]() -> bool {
        pos_ += star ? 2 : 1;
        if (!at(TokenKind::Colon)) {
          if (parse_expression() == nullptr) return false;
          if (accept(TokenKind::KwAs) && !accept(TokenKind::Name)) return false;
        } else if (star) {
          return false;
        }
        return at(TokenKind::Colon);
      });
      pos_ = save;
      if (header_ok) {
        if (star) return raise_range(token_pos(ex), token_pos(st), "cannot have both 'except' and 'except*' on the same 'try'");
        return raise_token(ex, "cannot have both 'except' and 'except*' on the same 'try'");
      }
      return fail();
    }
    ExceptHandler* h = parse_except(star, kw.lineno);
    if (h == nullptr) return nullptr;
    handlers.push(h);
  }
  Seq<Stmt*> orelse;
  Seq<Stmt*> finalbody;
  bool has_finally = false;
  if (!handlers.empty() && at(TokenKind::KwElse)) {
    orelse = parse_else_block();
    if (has_error_) return nullptr;
  }
  if (at(TokenKind::KwFinally)) {
    Token fk = cur();
    ++pos_;
    if (!expect_forced(TokenKind::Colon, ":")) return nullptr;
    finalbody = parse_block("'finally' statement", fk.lineno + line_offset_);
    if (has_error_) return nullptr;
    has_finally = true;
  }
  if (handlers.empty() && !has_finally) return raise_last("expected 'except' or 'finally' block");
  TryBase* s;
  if (star_mode) {
    s = node<TryStar>(extent(start));
  } else {
    s = node<Try>(extent(start));
  }
  s->body = body;
  s->handlers = handlers.finish(arena_);
  s->orelse = orelse;
  s->finalbody = finalbody;
  return s;
}

// except_block / except_star_block
ExceptHandler* Parser::parse_except(bool star, int) {
  std::size_t start = pos_;
  Token kw = cur();
  ++pos_;  // 'except'
  if (star) ++pos_;  // '*'
  const char* what = star ? "'except*' statement" : "'except' statement";
  Expr* type = nullptr;
  Identifier name;
  if (at(TokenKind::Colon) || at(TokenKind::Newline)) {
    if (star) return raise_last("expected one or more exception types");
    if (at(TokenKind::Newline)) return raise_last("expected ':'");
  } else {
    type = parse_expression();
    if (type == nullptr) return nullptr;
    if (at(TokenKind::Comma)) {
      // invalid_except_stmt: 'except' '*'? a=expression ',' expressions ['as' NAME ] ':'
      std::size_t save = pos_;
      bool ok = check_invalid([&]() -> bool {
        while (accept(TokenKind::Comma)) {
          if (at(TokenKind::KwAs) || at(TokenKind::Colon)) break;
          if (parse_expression() == nullptr) return false;
        }
        if (accept(TokenKind::KwAs) && !accept(TokenKind::Name)) return false;
        return at(TokenKind::Colon);
      });
      if (ok) return raise_starting_from(type->pos, "multiple exception types must be parenthesized");
      pos_ = save;
      return fail();
    }
    if (accept(TokenKind::KwAs)) {
      if (!at(TokenKind::Name)) return fail();
      name = identifier(cur());
      ++pos_;
    }
    if (at(TokenKind::Newline)) return raise_last("expected ':'");
  }
  if (!expect(TokenKind::Colon)) return nullptr;
  Seq<Stmt*> body = parse_block(what, kw.lineno + line_offset_);
  if (has_error_) return nullptr;
  ExceptHandler* h = plain<ExceptHandler>();
  h->pos = extent(start);
  h->type = type;
  h->name = std::move(name);
  h->body = body;
  return h;
}

// decorators (function_def | class_def)
Stmt* Parser::parse_decorated() {
  auto decorators = list<Expr>();
  while (accept(TokenKind::At)) {
    Expr* e = parse_named_expression();
    if (e == nullptr) return nullptr;
    if (!expect(TokenKind::Newline)) return nullptr;
    decorators.push(e);
  }
  Seq<Expr*> decos = decorators.finish(arena_);
  std::size_t start = pos_;
  if (at(TokenKind::KwDef)) return parse_funcdef(start, decos, false);
  if (at(TokenKind::KwAsync) && kind(1) == TokenKind::KwDef) return parse_funcdef(start, decos, true);
  if (at(TokenKind::KwClass)) return parse_classdef(decos);
  return fail();
}

// function_def_raw: ['async'] 'def' NAME &&'(' [params] ')' ['->' expression] &&':' block
Stmt* Parser::parse_funcdef(std::size_t start, Seq<Expr*> decorators, bool is_async) {
  if (is_async) ++pos_;
  Token kw = cur();
  ++pos_;  // 'def'
  if (!at(TokenKind::Name)) return fail();
  Identifier name = identifier(cur());
  ++pos_;
  if (!expect_forced(TokenKind::LPar, "(")) return nullptr;
  Arguments* args;
  if (at(TokenKind::RPar)) {
    args = plain<Arguments>();
  } else {
    args = parse_parameters(false);
    if (args == nullptr) return nullptr;
  }
  if (!expect(TokenKind::RPar)) return nullptr;
  Expr* returns = nullptr;
  if (at(TokenKind::RArrow)) {
    // ['->' expression] is optional: when it does not parse, CPython
    // backtracks and the forced ':' fails at the '->'.
    returns = speculate([&]() -> Expr* {
      ++pos_;
      return parse_expression();
    });
    if (has_error_) return nullptr;
  }
  if (!expect_forced(TokenKind::Colon, ":")) return nullptr;
  note_arguments(args);
  Seq<Stmt*> body = parse_block("function definition", kw.lineno + line_offset_);
  if (has_error_) return nullptr;
  FunctionDefBase* s;
  if (is_async) {
    s = node<AsyncFunctionDef>(extent(start));
  } else {
    s = node<FunctionDef>(extent(start));
  }
  s->name = std::move(name);
  s->args = args;
  s->body = body;
  s->decorator_list = decorators;
  s->returns = returns;
  return s;
}

// class_def_raw: 'class' NAME ['(' [arguments] ')'] ':' block
Stmt* Parser::parse_classdef(Seq<Expr*> decorators) {
  std::size_t start = pos_;
  Token kw = cur();
  ++pos_;
  if (!at(TokenKind::Name)) return fail();
  Identifier name = identifier(cur());
  ++pos_;
  auto bases = list<Expr>();
  auto keywords = list<Keyword>();
  if (accept(TokenKind::LPar)) {
    if (!accept(TokenKind::RPar)) {
      NoInScope in_scope(no_in_, false);
      if (!parse_arguments(bases, keywords, false)) return nullptr;
    }
  }
  if (at(TokenKind::Newline)) return raise_last("expected ':'");
  if (!expect(TokenKind::Colon)) return nullptr;
  Seq<Stmt*> body = parse_block("class definition", kw.lineno + line_offset_);
  if (has_error_) return nullptr;
  ClassDef* s = node<ClassDef>(extent(start));
  s->name = std::move(name);
  s->bases = bases.finish(arena_);
  s->keywords = keywords.finish(arena_);
  s->body = body;
  s->decorator_list = decorators;
  return s;
}

// ---------------------------------------------------------------------------
// match statement.
// ---------------------------------------------------------------------------

// match_stmt: "match" subject_expr ':' NEWLINE INDENT case_block+ DEDENT
// Returns nullptr without error if this is not a match statement.
Stmt* Parser::try_parse_match() {
  std::size_t start = pos_;
  Token kw = cur();
  ++pos_;
  // subject_expr: star_named_expression ',' star_named_expressions? | named_expression
  Expr* subject = speculate([&]() -> Expr* {
    std::size_t s = pos_;
    Expr* first = parse_star_named_expression();
    if (first == nullptr) return nullptr;
    if (!at(TokenKind::Comma)) {
      if (first->is<Starred>()) return nullptr;
      return first;
    }
    auto elts = list<Expr>();
    elts.push(first);
    while (accept(TokenKind::Comma)) {
      if (!starts_expression(kind()) && !at(TokenKind::Star)) break;
      Expr* e = parse_star_named_expression();
      if (e == nullptr) return nullptr;
      elts.push(e);
    }
    Tuple* t = node<Tuple>(extent(s));
    t->elts = elts.finish(arena_);
    return t;
  });
  if (has_error_) return nullptr;
  if (subject == nullptr) {
    pos_ = start;
    return nullptr;
  }
  if (!at(TokenKind::Colon)) {
    if (at(TokenKind::Newline)) match_colon_candidate_ = pos_;
    pos_ = start;
    return nullptr;
  }
  ++pos_;
  if (!at(TokenKind::Newline)) {
    pos_ = start;
    return nullptr;
  }
  ++pos_;
  if (!at(TokenKind::Indent)) {
    return raise_last(ErrorKind::IndentationError,
                      "expected an indented block after 'match' statement on line " + std::to_string(kw.lineno + line_offset_));
  }
  ++pos_;
  auto cases = list<MatchCase>();
  while (at_soft_keyword("case")) {
    MatchCase* c = parse_case_block();
    if (c == nullptr) return nullptr;
    cases.push(c);
  }
  if (cases.empty()) return fail();
  if (!expect(TokenKind::Dedent)) return nullptr;
  Match* m = node<Match>(extent(start));
  m->subject = subject;
  m->cases = cases.finish(arena_);
  return m;
}

// case_block: "case" patterns guard? ':' block
MatchCase* Parser::parse_case_block() {
  Token kw = cur();
  ++pos_;
  Pattern* pattern = parse_patterns();
  if (pattern == nullptr) return nullptr;
  Expr* guard = nullptr;
  if (accept(TokenKind::KwIf)) {
    guard = parse_named_expression();
    if (guard == nullptr) return nullptr;
  }
  if (at(TokenKind::Newline)) return raise_last("expected ':'");
  if (!expect(TokenKind::Colon)) return nullptr;
  Seq<Stmt*> body = parse_block("'case' statement", kw.lineno + line_offset_);
  if (has_error_) return nullptr;
  MatchCase* c = plain<MatchCase>();
  c->pattern = pattern;
  c->guard = guard;
  c->body = body;
  return c;
}

}  // namespace capy::syntax::detail
