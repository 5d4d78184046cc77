// Parameter lists of def and lambda, with CPython 3.11's invalid_parameters diagnostics.
#include <string>
#include <vector>

#include "syntax/parser_impl.h"

namespace capy::syntax::detail {

// ---------------------------------------------------------------------------
// Parameters (def and lambda).
// ---------------------------------------------------------------------------

// param: NAME annotation?   (annotation ':' expression, or for *args ':' star_expression)
Arg* Parser::parse_param(bool lambda, bool star_annotation) {
  std::size_t start = pos_;
  if (!at(TokenKind::Name)) return fail();
  Token n = cur();
  ++pos_;
  Expr* annotation = nullptr;
  if (!lambda && accept(TokenKind::Colon)) {
    annotation = star_annotation ? parse_star_expression() : parse_expression();
    if (annotation == nullptr) return nullptr;
  }
  Arg* a = plain<Arg>();
  a->pos = extent(start);
  a->arg = identifier(n);
  a->annotation = annotation;
  return a;
}

// params / lambda_params, including the invalid_parameters diagnostics.
Arguments* Parser::parse_parameters(bool lambda) {
  const TokenKind close = lambda ? TokenKind::Colon : TokenKind::RPar;
  auto posonly = list<Arg>();
  auto args = list<Arg>();
  auto defaults = list<Expr>();
  auto kwonly = list<Arg>();
  std::vector<Expr*> kw_defaults;
  Arg* vararg = nullptr;
  Arg* kwarg = nullptr;
  bool saw_slash = false;
  bool saw_star = false;
  bool saw_default = false;
  // Phase tracking for "non-default argument follows default argument":
  // 0 leading no-defaults, 1 defaults run, 2 '/' right after the run, 3 other.
  int phase = 0;
  bool all_plain = true;  // only no-default positional params so far
  while (!at(close)) {
    Token t = cur();
    if (t.kind == TokenKind::Slash) {
      if (posonly.empty() && args.empty() && !saw_star) {
        if (peek_invalid(1) == TokenKind::Comma) return raise_token(t, "at least one argument must precede /");
        return fail();
      }
      if (saw_slash) return raise_token(t, "/ may appear only once");
      if (saw_star || kwarg != nullptr) return raise_token(t, "/ must be ahead of *");
      ++pos_;
      for (std::size_t i = 0; i < args.size(); ++i) posonly.push(args[i]);
      args.clear();
      saw_slash = true;
      phase = phase == 1 ? 2 : 3;
      all_plain = false;
      if (at(TokenKind::Star) && !lambda) return raise_token(cur(), "expected comma between / and *");
    } else if (t.kind == TokenKind::Star) {
      if (saw_star) return raise_token(t, "* argument may appear only once");
      if (kwarg != nullptr) return raise_token(t, "arguments cannot follow var-keyword argument");
      ++pos_;
      saw_star = true;
      all_plain = false;
      phase = 3;
      if (at(TokenKind::Comma) || at(close)) {
        bool named_follow = false;
        if (at(TokenKind::Comma)) {
          TokenKind k1 = kind(1);
          named_follow = k1 == TokenKind::Name;
          if (k1 == TokenKind::Star) {
            named_follow = true;  // reported as "* argument may appear only once" below
          }
        }
        if (!named_follow) {
          if (lambda) {
            if (at(TokenKind::Comma)) tok(pos_ + 1);  // CPython looks at the token after ','
            return raise_last("named arguments must follow bare *");
          }
          return raise_token(t, "named arguments must follow bare *");
        }
      } else {
        vararg = parse_param(lambda, true);
        if (vararg == nullptr) return nullptr;
        if (at(TokenKind::Equal)) return raise_token(cur(), "var-positional argument cannot have default value");
      }
    } else if (t.kind == TokenKind::DoubleStar) {
      if (kwarg != nullptr) return raise_token(t, "arguments cannot follow var-keyword argument");
      ++pos_;
      kwarg = parse_param(lambda, false);
      if (kwarg == nullptr) return nullptr;
      all_plain = false;
      if (at(TokenKind::Equal)) return raise_token(cur(), "var-keyword argument cannot have default value");
      if (at(TokenKind::Comma)) {
        TokenKind k1 = kind(1);
        if (k1 == TokenKind::Name) {
          ++pos_;
          std::size_t save = pos_;
          Arg* extra = check_invalid([&]() -> Arg* { return parse_param(lambda, false); });
          pos_ = save;
          if (extra != nullptr) return raise_node(extra->pos, "arguments cannot follow var-keyword argument");
          return fail();
        }
        if (k1 == TokenKind::Star || k1 == TokenKind::DoubleStar || k1 == TokenKind::Slash) {
          ++pos_;
          return raise_token(cur(), "arguments cannot follow var-keyword argument");
        }
      }
    } else if (t.kind == TokenKind::Name) {
      if (kwarg != nullptr) return fail();
      Arg* a = parse_param(lambda, false);
      if (a == nullptr) return nullptr;
      Expr* def = nullptr;
      if (accept(TokenKind::Equal)) {
        def = parse_expression();
        if (def == nullptr) return nullptr;
      }
      if (saw_star) {
        kwonly.push(a);
        kw_defaults.push_back(def);
      } else if (def != nullptr) {
        defaults.push(def);
        args.push(a);
        saw_default = true;
        phase = (phase == 0 || phase == 1) ? 1 : 3;
        all_plain = false;
      } else {
        if (saw_default) {
          if (phase == 1 || phase == 2) return raise_node(a->pos, "non-default argument follows default argument");
          // Not an error CPython names: fail at the next token.
          cur();
          return fail();
        }
        args.push(a);
      }
    } else if (t.kind == TokenKind::LPar && all_plain) {
      // invalid_parameters: param_no_default* a='(' param_no_default+ ','? b=')'
      std::size_t save = pos_;
      Token close_tok{};
      bool ok = check_invalid([&]() -> bool {
        ++pos_;
        bool any = false;
        while (at(TokenKind::Name)) {
          ++pos_;
          if (!lambda && accept(TokenKind::Colon)) {
            if (parse_expression() == nullptr) return false;
          }
          any = true;
          if (!accept(TokenKind::Comma)) break;
        }
        if (!any || !at(TokenKind::RPar)) return false;
        close_tok = cur();
        return true;
      });
      pos_ = save;
      if (ok) {
        return raise_range(token_pos(t), token_pos(close_tok),
                           lambda ? "Lambda expression parameters cannot be parenthesized"
                                  : "Function parameters cannot be parenthesized");
      }
      return fail();
    } else {
      return fail();
    }
    if (accept(TokenKind::Comma)) continue;
    if (!at(close)) return fail();
  }
  Arguments* result = plain<Arguments>();
  result->posonlyargs = posonly.finish(arena_);
  result->args = args.finish(arena_);
  result->defaults = defaults.finish(arena_);
  result->kwonlyargs = kwonly.finish(arena_);
  result->kw_defaults = arena_.copy_array(kw_defaults.data(), kw_defaults.size());
  result->vararg = vararg;
  result->kwarg = kwarg;
  if (lambda) note_arguments(result);
  return result;
}

}  // namespace capy::syntax::detail
