// Pattern grammar of the match statement (PEP 634; python.gram "Match statement" rules).
#include <string>

#include "syntax/parser_impl.h"

namespace capy::syntax::detail {

// pattern_capture_target: !"_" NAME !('.' | '(' | '=')
bool Parser::is_capture_target_here() {
  if (!at(TokenKind::Name) || at_soft_keyword("_")) return false;
  TokenKind k = kind(1);
  return k != TokenKind::Dot && k != TokenKind::LPar && k != TokenKind::Equal;
}

// patterns: open_sequence_pattern | pattern
Pattern* Parser::parse_patterns() {
  std::size_t start = pos_;
  Pattern* first = parse_maybe_star_pattern();
  if (first == nullptr) return nullptr;
  if (!at(TokenKind::Comma)) {
    if (first->is<MatchStar>()) return fail();
    return first;
  }
  auto patterns = list<Pattern>();
  patterns.push(first);
  while (accept(TokenKind::Comma)) {
    if (at(TokenKind::Colon) || at(TokenKind::KwIf)) break;
    Pattern* p = parse_maybe_star_pattern();
    if (p == nullptr) return nullptr;
    patterns.push(p);
  }
  MatchSequence* s = node<MatchSequence>(extent(start));
  s->patterns = patterns.finish(arena_);
  return s;
}

// maybe_star_pattern: star_pattern | pattern
Pattern* Parser::parse_maybe_star_pattern() {
  if (at(TokenKind::Star)) {
    std::size_t start = pos_;
    ++pos_;
    if (!at(TokenKind::Name)) return fail();
    Token n = cur();
    ++pos_;
    MatchStar* s = node<MatchStar>(extent(start));
    if (text(n) != "_") s->name = identifier(n);
    return s;
  }
  return parse_pattern();
}

// pattern: as_pattern | or_pattern
Pattern* Parser::parse_pattern() {
  DepthGuard guard(*this);
  if (!guard) return nullptr;
  std::size_t start = pos_;
  Pattern* p = parse_or_pattern();
  if (p == nullptr) return nullptr;
  if (!at(TokenKind::KwAs)) return p;
  ++pos_;
  if (at_soft_keyword("_")) return raise_token(cur(), "cannot use '_' as a target");
  if (is_capture_target_here()) {
    Token n = cur();
    ++pos_;
    MatchAs* a = node<MatchAs>(extent(start));
    a->pattern = p;
    a->name = identifier(n);
    return a;
  }
  if (!at(TokenKind::Name)) {
    // invalid_as_pattern: or_pattern 'as' !NAME a=expression
    Expr* e = check_invalid([&]() -> Expr* { return parse_expression(); });
    if (e != nullptr) return raise_node(e->pos, "invalid pattern target");
  }
  return fail();
}

// or_pattern: '|'.closed_pattern+
Pattern* Parser::parse_or_pattern() {
  std::size_t start = pos_;
  Pattern* first = parse_closed_pattern();
  if (first == nullptr || !at(TokenKind::VBar)) return first;
  auto patterns = list<Pattern>();
  patterns.push(first);
  while (accept(TokenKind::VBar)) {
    Pattern* p = parse_closed_pattern();
    if (p == nullptr) return nullptr;
    patterns.push(p);
  }
  MatchOr* o = node<MatchOr>(extent(start));
  o->patterns = patterns.finish(arena_);
  return o;
}

// signed_number: NUMBER | '-' NUMBER
Expr* Parser::parse_signed_number(bool* ok) {
  std::size_t start = pos_;
  *ok = false;
  if (at(TokenKind::Minus)) {
    ++pos_;
    if (!at(TokenKind::Number)) return fail();
    Token n = cur();
    ++pos_;
    Expr* v = parse_number(n);
    if (v == nullptr) return nullptr;
    UnaryOp* u = node<UnaryOp>(extent(start));
    u->op = UnaryOperator::USub;
    u->operand = v;
    *ok = true;
    return u;
  }
  if (!at(TokenKind::Number)) return fail();
  Token n = cur();
  ++pos_;
  Expr* v = parse_number(n);
  *ok = v != nullptr;
  return v;
}

namespace {

bool is_imaginary(const Expr* e) {
  const Constant* c = e->as<Constant>();
  return c != nullptr && c->value.kind == ConstantValue::Kind::Complex;
}

}  // namespace

// literal numbers: signed_number !('+' | '-') | complex_number
Expr* Parser::parse_literal_number_pattern_value() {
  std::size_t start = pos_;
  bool ok;
  Expr* real = parse_signed_number(&ok);
  if (!ok) return nullptr;
  if (!at(TokenKind::Plus) && !at(TokenKind::Minus)) return real;
  // complex_number: signed_real_number ('+' | '-') imaginary_number
  Operator op = at(TokenKind::Plus) ? Operator::Add : Operator::Sub;
  ++pos_;
  if (!at(TokenKind::Number)) return fail();
  Token n = cur();
  ++pos_;
  Expr* imag = parse_number(n);
  if (imag == nullptr) return nullptr;
  const Expr* real_value = real->is<UnaryOp>() ? real->cast<UnaryOp>().operand : real;
  if (is_imaginary(real_value)) return raise_node(real_value->pos, "real number required in complex literal");
  if (!is_imaginary(imag)) return raise_node(imag->pos, "imaginary number required in complex literal");
  BinOp* b = node<BinOp>(extent(start));
  b->left = real;
  b->op = op;
  b->right = imag;
  return b;
}

// name_or_attr: NAME ('.' NAME)*
Expr* Parser::parse_name_or_attr() {
  std::size_t start = pos_;
  if (!at(TokenKind::Name)) return fail();
  Token n = cur();
  ++pos_;
  Name* name = node<Name>(token_pos(n));
  name->id = identifier(n);
  Expr* e = name;
  while (at(TokenKind::Dot)) {
    ++pos_;
    if (!at(TokenKind::Name)) return fail();
    Token a = cur();
    ++pos_;
    Attribute* attr = node<Attribute>(extent(start));
    attr->value = e;
    attr->attr = identifier(a);
    e = attr;
  }
  return e;
}

// closed_pattern: literal | capture | wildcard | value | group | sequence | mapping | class
Pattern* Parser::parse_closed_pattern() {
  DepthGuard guard(*this);
  if (!guard) return nullptr;
  std::size_t start = pos_;
  Token t = cur();
  switch (t.kind) {
    case TokenKind::Number:
    case TokenKind::Minus: {
      Expr* v = parse_literal_number_pattern_value();
      if (v == nullptr) return nullptr;
      MatchValue* m = node<MatchValue>(extent(start));
      m->value = v;
      return m;
    }
    case TokenKind::String: {
      Expr* v = parse_strings();
      if (v == nullptr) return nullptr;
      MatchValue* m = node<MatchValue>(extent(start));
      m->value = v;
      return m;
    }
    case TokenKind::KwNone:
    case TokenKind::KwTrue:
    case TokenKind::KwFalse: {
      ++pos_;
      MatchSingleton* m = node<MatchSingleton>(token_pos(t));
      if (t.kind == TokenKind::KwNone) {
        m->value.kind = ConstantValue::Kind::None;
      } else {
        m->value.kind = ConstantValue::Kind::Bool;
        m->value.bool_value = t.kind == TokenKind::KwTrue;
      }
      return m;
    }
    case TokenKind::Name: {
      if (is_capture_target_here()) {
        ++pos_;
        MatchAs* m = node<MatchAs>(token_pos(t));
        m->name = identifier(t);
        return m;
      }
      if (text(t) == "_") {
        // wildcard_pattern: "_" (commits, whatever follows)
        ++pos_;
        return node<MatchAs>(token_pos(t));
      }
      Expr* e = parse_name_or_attr();
      if (e == nullptr) return nullptr;
      if (at(TokenKind::LPar)) return parse_class_pattern(start, e);
      if (e->is<Attribute>() && !at(TokenKind::Equal)) {
        MatchValue* m = node<MatchValue>(extent(start));
        m->value = e;
        return m;
      }
      return fail();
    }
    case TokenKind::LPar: {
      ++pos_;
      if (accept(TokenKind::RPar)) return node<MatchSequence>(extent(start));
      Pattern* first = parse_maybe_star_pattern();
      if (first == nullptr) return nullptr;
      if (accept(TokenKind::RPar)) {
        if (first->is<MatchStar>()) return fail();
        return first;  // group_pattern
      }
      if (!at(TokenKind::Comma)) return fail();
      auto patterns = list<Pattern>();
      patterns.push(first);
      while (accept(TokenKind::Comma)) {
        if (at(TokenKind::RPar)) break;
        Pattern* p = parse_maybe_star_pattern();
        if (p == nullptr) return nullptr;
        patterns.push(p);
      }
      if (!expect(TokenKind::RPar)) return nullptr;
      MatchSequence* s = node<MatchSequence>(extent(start));
      s->patterns = patterns.finish(arena_);
      return s;
    }
    case TokenKind::LSqb: {
      ++pos_;
      auto patterns = list<Pattern>();
      while (!at(TokenKind::RSqb)) {
        Pattern* p = parse_maybe_star_pattern();
        if (p == nullptr) return nullptr;
        patterns.push(p);
        if (!accept(TokenKind::Comma)) break;
      }
      if (!expect(TokenKind::RSqb)) return nullptr;
      MatchSequence* s = node<MatchSequence>(extent(start));
      s->patterns = patterns.finish(arena_);
      return s;
    }
    case TokenKind::LBrace:
      return parse_mapping_pattern();
    default:
      return fail();
  }
}

// mapping_pattern: '{' [items_pattern] [',' double_star_pattern] ','? '}'
Pattern* Parser::parse_mapping_pattern() {
  std::size_t start = pos_;
  ++pos_;  // '{'
  auto keys = list<Expr>();
  auto patterns = list<Pattern>();
  Identifier rest;
  while (!at(TokenKind::RBrace)) {
    if (at(TokenKind::DoubleStar)) {
      ++pos_;
      if (!is_capture_target_here()) return fail();
      rest = identifier(cur());
      ++pos_;
      accept(TokenKind::Comma);
      break;
    }
    // key: literal_expr | attr
    Expr* key;
    std::size_t key_start = pos_;
    Token t = cur();
    if (t.kind == TokenKind::Number || t.kind == TokenKind::Minus) {
      key = parse_literal_number_pattern_value();
    } else if (t.kind == TokenKind::String) {
      key = parse_strings();
    } else if (t.kind == TokenKind::KwNone) {
      ++pos_;
      key = make_constant(token_pos(t), ConstantValue::Kind::None);
    } else if (t.kind == TokenKind::KwTrue || t.kind == TokenKind::KwFalse) {
      ++pos_;
      Constant* c = node<Constant>(token_pos(t));
      c->value.kind = ConstantValue::Kind::Bool;
      c->value.bool_value = t.kind == TokenKind::KwTrue;
      key = c;
    } else if (t.kind == TokenKind::Name) {
      key = parse_name_or_attr();
      if (key != nullptr && !key->is<Attribute>()) return fail();
    } else {
      return fail();
    }
    (void)key_start;
    if (key == nullptr) return nullptr;
    if (!expect(TokenKind::Colon)) return nullptr;
    Pattern* p = parse_pattern();
    if (p == nullptr) return nullptr;
    keys.push(key);
    patterns.push(p);
    if (!accept(TokenKind::Comma)) break;
  }
  if (!expect(TokenKind::RBrace)) return nullptr;
  MatchMapping* m = node<MatchMapping>(extent(start));
  m->keys = keys.finish(arena_);
  m->patterns = patterns.finish(arena_);
  m->rest = std::move(rest);
  return m;
}

// class_pattern: name_or_attr '(' [positional_patterns] [keyword_patterns] ','? ')'
Pattern* Parser::parse_class_pattern(std::size_t start, Expr* cls) {
  ++pos_;  // '('
  auto patterns = list<Pattern>();
  auto kwd_patterns = list<Pattern>();
  std::vector<Identifier> kwd_attrs;
  Pattern* first_bad = nullptr;
  Pattern* last_bad = nullptr;
  while (!at(TokenKind::RPar)) {
    if (at(TokenKind::Name) && kind(1) == TokenKind::Equal) {
      if (first_bad != nullptr) break;
      Token n = cur();
      pos_ += 2;
      Pattern* p = parse_pattern();
      if (p == nullptr) return nullptr;
      kwd_attrs.push_back(identifier(n));
      kwd_patterns.push(p);
    } else {
      Pattern* p = parse_pattern();
      if (p == nullptr) return nullptr;
      if (!kwd_attrs.empty()) {
        if (first_bad == nullptr) first_bad = p;
        last_bad = p;
      } else {
        patterns.push(p);
      }
    }
    if (!accept(TokenKind::Comma)) break;
  }
  if (first_bad != nullptr) {
    return raise_range(first_bad->pos, last_bad->pos, "positional patterns follow keyword patterns");
  }
  if (!expect(TokenKind::RPar)) return nullptr;
  MatchClass* m = node<MatchClass>(extent(start));
  m->cls = cls;
  m->patterns = patterns.finish(arena_);
  Seq<Identifier> attrs = arena_.make_array<Identifier>(kwd_attrs.size());
  for (std::size_t i = 0; i < attrs.size(); ++i) attrs[i] = std::move(kwd_attrs[i]);
  m->kwd_attrs = attrs;
  m->kwd_patterns = kwd_patterns.finish(arena_);
  return m;
}

}  // namespace capy::syntax::detail
