// Parser core: token buffer, error reporting with CPython's locations, depth limits, entry points.
#include "syntax/parser.h"

#include <algorithm>

#include "support/stack_limit.h"
#include "syntax/parser_impl.h"
#include "syntax/unicode.h"

namespace capy::syntax {
namespace detail {

Parser::Parser(const Source& source, Arena& arena, const ParseOptions& options, Parser* parent)
    : src_(source), arena_(arena), options_(options), parent_(parent), lexer_(source) {
  // About one token per 5 bytes of typical source.
  tokens_.reserve(source.size() / 5 + 16);
  if (parent != nullptr) {
    stack_limit_ = parent->stack_limit_;
    depth_ = parent->depth_;
  } else {
    stack_limit_ = support::stack_limit_for(options.max_stack_bytes);
  }
}

// ---------------------------------------------------------------------------
// Tokens.
// ---------------------------------------------------------------------------

Token Parser::fetch(std::size_t i) {
  while (tokens_.size() <= i) {
    if (lexer_failed_) {
      tokens_.push_back(tokens_.back());
      continue;
    }
    Token t = lexer_.next();
    tokens_.push_back(t);
    if (t.kind == TokenKind::ErrorToken) {
      lexer_failed_ = true;
      set_lexer_error();
    }
  }
  return tokens_[i];
}

void Parser::set_lexer_error() {
  // A tokenizer error is raised as soon as the bad token is fetched and can
  // not be backtracked over.
  error_ = lexer_.error().info;
  error_.filename = std::string(src_.filename());
  if (line_offset_ != 0) {
    error_.lineno += line_offset_;
    error_.end_lineno += line_offset_;
  }
  has_error_ = true;
  error_from_lexer_ = true;
}

bool Parser::at_soft_keyword(std::string_view word, std::size_t ahead) {
  Token t = tok(pos_ + ahead);
  return t.kind == TokenKind::Name && text(t) == word;
}

Identifier Parser::identifier(const Token& t) const {
  std::string_view s = text(t);
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return nfkc(s);
  }
  return Identifier(s);
}

Pos Parser::token_pos(const Token& t) const {
  Pos p;
  bool first_line = t.end_lineno == 1;
  p.lineno = t.lineno + line_offset_;
  p.end_lineno = t.end_lineno + line_offset_;
  p.col_offset = t.col_offset + (first_line ? first_line_col_offset_ : 0);
  p.end_col_offset = t.end_col_offset + (first_line ? first_line_col_offset_ : 0);
  return p;
}

Pos Parser::extent(std::size_t start) {
  Token a = tok(start);
  std::size_t m = pos_;
  Token b = a;
  while (m > 0) {
    b = tokens_[m - 1];
    if (b.kind != TokenKind::EndMarker && b.kind != TokenKind::Newline && b.kind != TokenKind::Indent &&
        b.kind != TokenKind::Dedent) {
      break;
    }
    --m;
  }
  Pos pa = token_pos(a);
  Pos pb = token_pos(b);
  return Pos{pa.lineno, pa.col_offset, pb.end_lineno, pb.end_col_offset};
}

void Parser::out_of_memory() {
  if (has_error_ && error_.kind == ErrorKind::MemoryError) return;
  has_error_ = true;
  error_from_lexer_ = true;  // fatal: never cleared by backtracking
  error_ = SyntaxErrorInfo{};
  error_.kind = ErrorKind::MemoryError;
  error_.filename = std::string(src_.filename());
}

// ---------------------------------------------------------------------------
// Errors.
// ---------------------------------------------------------------------------

std::nullptr_t Parser::raise_at(ErrorKind kind, int lineno, int col, int end_lineno, int end_col, std::string msg) {
  if (has_error_) return nullptr;
  // RAISE_ERROR_KNOWN_LOCATION: 0-based byte columns become 1-based; an
  // end column of -1 ("unknown") becomes 0.
  return raise_at_1based(kind, lineno, col + 1, end_lineno, end_col == -1 ? 0 : end_col + 1, std::move(msg));
}

// _PyPegen_raise_error_known_location: columns are 1-based byte offsets
// that are converted to character offsets using the text of the error line.
std::nullptr_t Parser::raise_at_1based(ErrorKind kind, int lineno, int col, int end_lineno, int end_col,
                                       std::string msg) {
  if (has_error_) return nullptr;
  if (no_invalid_ && !in_action_) {
    // Inside CPython's "*_without_invalid" rules the invalid_* diagnostics
    // do not exist: the alternative just fails.
    has_error_ = true;
    error_from_lexer_ = false;
    error_generic_ = true;
    error_action_ = false;
    error_ = SyntaxErrorInfo{};
    error_.msg = "invalid syntax";
    return nullptr;
  }
  int src_line = lineno - line_offset_;
  if (fstring_mode_) {
    col -= first_line_col_offset_;
    end_col -= first_line_col_offset_;
    msg = "f-string: " + msg;
  }
  has_error_ = true;
  error_from_lexer_ = false;
  error_generic_ = false;
  error_action_ = in_action_;
  skip_rest_check_ = false;
  error_ = SyntaxErrorInfo{};
  error_.kind = kind;
  error_.msg = std::move(msg);
  error_.filename = std::string(src_.filename());
  error_.lineno = lineno;
  error_.end_lineno = end_lineno;
  if (fstring_mode_) {
    // CPython's f-string sub-tokenizer has no encoding: columns stay in bytes.
    error_.offset = col;
    error_.end_offset = end_col;
  } else {
    error_.offset = src_.byte_to_char_col(src_line, col);
    error_.end_offset = end_col > 0 ? src_.byte_to_char_col(src_line, end_col) : end_col;
  }
  error_.text = std::string(src_.line(src_line));
  return nullptr;
}

std::nullptr_t Parser::raise_starting_from(const Pos& a, std::string msg) {
  // CURRENT_POS: the end of what the tokenizer has read.
  Token last = tokens_.empty() ? tok(0) : tokens_.back();
  Pos lp = token_pos(last);
  int end_col = last.col_offset == -1 ? static_cast<int>(last.end - src_.line_start(last.end_lineno)) : lp.end_col_offset;
  if (has_error_) return nullptr;
  return raise_at_1based(ErrorKind::SyntaxError, a.lineno, a.col_offset + 1, lp.end_lineno, end_col, std::move(msg));
}

std::nullptr_t Parser::raise_last(ErrorKind kind, std::string msg) {
  if (has_error_) return nullptr;
  Token t = tokens_.empty() ? tok(0) : tokens_.back();
  Pos p = token_pos(t);
  int col;
  if (t.col_offset == -1) {
    col = static_cast<int>(t.start - src_.line_start(t.lineno));  // the tokenizer's cursor, not +1
  } else {
    col = p.col_offset + 1;
  }
  int end_col = t.end_col_offset != -1 ? p.end_col_offset + 1 : -1;
  return raise_at_1based(kind, p.lineno, col, p.end_lineno, end_col, std::move(msg));
}

std::nullptr_t Parser::fail() {
  if (has_error_) return nullptr;
  if (tokens_.empty()) tok(0);
  std::size_t fill = first_pass_fill_ == 0 ? tokens_.size() : first_pass_fill_;
  Token t = tokens_[fill - 1];
  // CPython reports these without looking at the rest of the file.
  if (t.kind == TokenKind::Indent || t.kind == TokenKind::Dedent) {
    raise_last(ErrorKind::IndentationError, t.kind == TokenKind::Indent ? "unexpected indent" : "unexpected unindent");
    skip_rest_check_ = true;
    return nullptr;
  }
  Pos p = token_pos(t);
  raise_at(ErrorKind::SyntaxError, p.lineno, t.col_offset == -1 ? -1 : p.col_offset, p.end_lineno,
           t.end_col_offset == -1 ? -1 : p.end_col_offset, "invalid syntax");
  error_generic_ = true;
  error_action_ = false;
  return nullptr;
}

bool Parser::expect(TokenKind k) {
  if (accept(k)) return true;
  fail();
  return false;
}

bool Parser::expect_forced(TokenKind k, const char* what) {
  if (accept(k)) return true;
  raise_token(cur(), std::string("expected '") + what + "'");
  return false;
}

void Parser::check_rest_of_source() {
  if (lexer_failed_ || !has_error_ || error_from_lexer_ || skip_rest_check_) return;
  if (error_.kind == ErrorKind::RecursionError || error_.kind == ErrorKind::MemoryError) return;
  int current_err_line = tokens_.empty() ? 0 : tokens_.back().lineno;
  for (;;) {
    Token t = lexer_.next();
    if (t.kind == TokenKind::EndMarker) return;
    if (t.kind != TokenKind::ErrorToken) continue;
    const LexError& le = lexer_.error();
    if (le.direct) {
      has_error_ = false;
      set_lexer_error();
      error_from_lexer_ = false;
      return;
    }
    if (lexer_.level() != 0 && current_err_line > lexer_.open_bracket_lineno()) {
      int ln = lexer_.open_bracket_lineno();
      has_error_ = false;
      raise_at(ErrorKind::SyntaxError, ln + line_offset_, lexer_.open_bracket_col(), ln + line_offset_, -1,
               std::string("'") + lexer_.open_bracket() + "' was never closed");
      if (fstring_mode_) {
        // The prefix and column shift apply only to parser errors; this one
        // comes from the tokenizer in CPython.
        error_.msg = std::string("'") + lexer_.open_bracket() + "' was never closed";
      }
    }
    return;
  }
}

// ---------------------------------------------------------------------------
// Depth limits.
// ---------------------------------------------------------------------------

bool Parser::enter() {
  ++depth_;
  if (depth_ > options_.max_depth || support::current_stack_address() < stack_limit_) {
    --depth_;
    if (!(has_error_ && error_.kind == ErrorKind::RecursionError)) {
      has_error_ = true;
      error_from_lexer_ = true;  // fatal
      error_ = SyntaxErrorInfo{};
      error_.kind = ErrorKind::RecursionError;
      error_.msg = "maximum recursion depth exceeded during compilation";
      error_.filename = std::string(src_.filename());
    }
    return false;
  }
  return true;
}

// ---------------------------------------------------------------------------
// Duplicate parameter names (CPython reports them from the symtable).
// ---------------------------------------------------------------------------

void Parser::note_arguments(const Arguments* args) {
  if (!options_.check_duplicate_arguments || have_dup_error_ || args == nullptr) return;
  const Arg* all[1024];
  std::size_t n = 0;
  auto add = [&](const Arg* a) {
    if (a == nullptr || have_dup_error_) return;
    for (std::size_t i = 0; i < n; ++i) {
      if (all[i]->arg == a->arg) {
        have_dup_error_ = true;
        dup_error_ = SyntaxErrorInfo{};
        dup_error_.kind = ErrorKind::SyntaxError;
        dup_error_.msg = "duplicate argument '" + a->arg + "' in function definition";
        dup_error_.filename = std::string(src_.filename());
        dup_error_.lineno = a->pos.lineno;
        dup_error_.end_lineno = a->pos.end_lineno;
        int line = a->pos.lineno - line_offset_;
        dup_error_.offset = src_.byte_to_char_col(line, a->pos.col_offset + 1);
        dup_error_.end_offset = src_.byte_to_char_col(line, a->pos.end_col_offset + 1);
        return;
      }
    }
    if (n < 1024) all[n++] = a;
  };
  for (const Arg* a : args->posonlyargs) add(a);
  for (const Arg* a : args->args) add(a);
  add(args->vararg);
  for (const Arg* a : args->kwonlyargs) add(a);
  add(args->kwarg);
  // f-string sub-parsers hand the finding up to the outermost parser.
  for (Parser* p = parent_; have_dup_error_ && p != nullptr; p = p->parent_) {
    if (p->have_dup_error_) break;
    p->have_dup_error_ = true;
    p->dup_error_ = dup_error_;
  }
}

// ---------------------------------------------------------------------------
// Entry points.
// ---------------------------------------------------------------------------

Mod* Parser::parse(Mode mode) {
  Mod* result = nullptr;
  switch (mode) {
    case Mode::Exec: {
      auto body = list<Stmt>();
      while (!has_error_ && !at(TokenKind::EndMarker)) {
        if (!parse_statement(body)) break;
      }
      if (!has_error_) {
        Module* m = plain<Module>();
        m->body = body.finish(arena_);
        result = m;
      }
      break;
    }
    case Mode::Eval: {
      std::size_t start = pos_;
      Expr* e = parse_expression();
      if (e != nullptr && at(TokenKind::Comma)) {
        auto elts = list<Expr>();
        elts.push(e);
        while (accept(TokenKind::Comma)) {
          if (at(TokenKind::Newline) || at(TokenKind::EndMarker)) break;
          Expr* x = parse_expression();
          if (x == nullptr) break;
          elts.push(x);
        }
        if (!has_error_) {
          Tuple* t = node<Tuple>(extent(start));
          t->elts = elts.finish(arena_);
          e = t;
        }
      }
      if (e != nullptr && !has_error_) {
        while (accept(TokenKind::Newline)) {
        }
        if (!at(TokenKind::EndMarker)) {
          fail();
        } else {
          Expression* m = plain<Expression>();
          m->body = e;
          result = m;
        }
      } else if (!has_error_) {
        fail();
      }
      break;
    }
    case Mode::Single: {
      auto body = list<Stmt>();
      if (at(TokenKind::Newline)) {
        // A blank line is an empty statement (interactive "pass"); CPython
        // rejects it when compiling a string, as here.
        fail();
      } else if (at(TokenKind::EndMarker)) {
        fail();
      } else {
        std::size_t start = pos_;
        Stmt* compound = parse_compound_stmt();
        if (compound != nullptr) {
          body.push(compound);
          if (!has_error_ && !at(TokenKind::Newline) && !at(TokenKind::EndMarker)) fail();
          // CPython's interactive grammar needs a NEWLINE after a compound
          // statement; without a final newline in the text only a statement
          // ending in an indented block provides one.
          if (!has_error_ && src_.added_final_newline() && tokens_[pos_ - 1].kind != TokenKind::Dedent) {
            int last = src_.line_count();
            raise_at(ErrorKind::SyntaxError, last, -1, last, -1, "invalid syntax");
          }
        } else if (!has_error_ && pos_ == start) {
          parse_simple_stmts(body);
          if (!has_error_) {
            // bad_single_statement(): anything but blanks and comments after
            // the statement. Reported at the NEWLINE that ended it.
            Token nl = tokens_[pos_ - 1];
            std::size_t k = pos_;
            while (tok(k).kind == TokenKind::Newline || tok(k).kind == TokenKind::Dedent) ++k;
            if (tok(k).kind != TokenKind::EndMarker && !lexer_failed_) {
              has_error_ = false;
              raise_token(nl, "multiple statements found while compiling a single statement");
            }
          }
        }
      }
      if (!has_error_) {
        Interactive* m = plain<Interactive>();
        m->body = body.finish(arena_);
        result = m;
      }
      break;
    }
  }
  if (arena_.failed()) out_of_memory();
  if (has_error_) {
    check_rest_of_source();
    return nullptr;
  }
  if (have_dup_error_ && parent_ == nullptr) {
    has_error_ = true;
    error_ = dup_error_;
    return nullptr;
  }
  return result;
}

Expr* Parser::parse_fstring_expr() {
  // fstring: star_expressions (the text is "(" expr ")").
  Expr* e = parse_star_expressions();
  if (e != nullptr && !has_error_) {
    while (accept(TokenKind::Newline)) {
    }
    if (!at(TokenKind::EndMarker)) {
      fail();
      e = nullptr;
    }
  }
  if (has_error_) {
    check_rest_of_source();
    return nullptr;
  }
  return e;
}

}  // namespace detail

ParseResult parse(std::string_view source, std::string_view filename, Mode mode, Arena& arena,
                  const ParseOptions& options) {
  ParseResult result;
  Source src;
  if (!src.prepare(source, filename, &result.error)) return result;
  detail::Parser parser(src, arena, options);
  result.mod = parser.parse(mode);
  if (result.mod == nullptr) {
    result.error = parser.error();
    if (result.error.msg.empty() && result.error.kind == ErrorKind::SyntaxError) result.error.msg = "invalid syntax";
  }
  return result;
}

}  // namespace capy::syntax
