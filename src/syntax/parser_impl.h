// Internal declaration of the recursive-descent parser shared by parser*.cc and literals.cc (not a public header).
//
// The parser is hand written and follows CPython 3.11's PEG grammar
// (Grammar/python.gram) rule by rule; where the grammar backtracks, the
// parser either decides with a few tokens of lookahead or speculates
// (save position, try, restore). The "invalid_*" rules of the grammar, which
// CPython runs in a second pass to produce precise messages, are folded into
// the single pass at the points where the valid rules fail.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "syntax/ast.h"
#include "syntax/lexer.h"
#include "syntax/parser.h"
#include "syntax/source.h"

namespace capy::syntax::detail {

/// Sort of assignment target being validated (CPython TARGETS_TYPE).
enum class TargetsType : uint8_t { Star, Del, For };

class Parser;

/// Temporary list used while a sequence is being parsed: a small vector with
/// inline room for 8 pointers, so that short lists never touch the heap.
template <class T>
class TempList {
 public:
  TempList() = default;
  TempList(const TempList&) = delete;
  TempList& operator=(const TempList&) = delete;
  void push(T* item) {
    if (n_ < kInline) {
      inline_[n_++] = item;
      return;
    }
    if (n_ == kInline) heap_.assign(inline_, inline_ + kInline);
    heap_.push_back(item);
    ++n_;
  }
  std::size_t size() const { return n_; }
  bool empty() const { return n_ == 0; }
  void clear() {
    n_ = 0;
    heap_.clear();
  }
  T* operator[](std::size_t i) const { return n_ <= kInline ? inline_[i] : heap_[i]; }
  T* back() const { return (*this)[n_ - 1]; }
  /// Copies the elements into the arena.
  Seq<T*> finish(Arena& arena) const {
    if (n_ == 0) return {};
    return arena.copy_array(n_ <= kInline ? inline_ : heap_.data(), n_);
  }

 private:
  static constexpr std::size_t kInline = 8;
  T* inline_[kInline];
  std::vector<T*> heap_;
  std::size_t n_ = 0;
};

class Parser {
 public:
  Parser(const Source& source, Arena& arena, const ParseOptions& options, Parser* parent = nullptr);

  /// Parses a whole input in `mode`. Returns nullptr on error (see error()).
  Mod* parse(Mode mode);
  /// f-string mode: parses "(expr)" text (CPython Py_fstring_input).
  Expr* parse_fstring_expr();

  bool failed() const { return has_error_; }
  const SyntaxErrorInfo& error() const { return error_; }
  bool error_is_lexer() const { return error_from_lexer_; }

  // f-string sub-parsers: positions of the sub-source are mapped onto the
  // enclosing file (CPython p->starting_lineno/starting_col_offset).
  int line_offset_ = 0;           // added to every line number
  int first_line_col_offset_ = 0; // added to columns on the first line
  bool fstring_mode_ = false;     // error messages get the "f-string: " prefix

 private:
  friend class StringParser;
  friend struct DepthGuard;

  // ---- tokens (parser.cc)
  // Tokens are returned by value: fetching may grow the token vector.
  Token tok(std::size_t i) {
    if (!second_pass_ && i >= first_pass_fill_) first_pass_fill_ = i + 1;
    if (i < tokens_.size()) return tokens_[i];
    return fetch(i);
  }
  Token fetch(std::size_t i);
  Token cur() { return tok(pos_); }
  TokenKind kind(std::size_t ahead = 0) {
    std::size_t i = pos_ + ahead;
    if (!second_pass_ && i >= first_pass_fill_) first_pass_fill_ = i + 1;
    if (i < tokens_.size()) return tokens_[i].kind;
    return fetch(i).kind;
  }
  bool at(TokenKind k) { return kind() == k; }
  bool accept(TokenKind k) {
    if (kind() != k) return false;
    ++pos_;
    return true;
  }
  bool at_soft_keyword(std::string_view word, std::size_t ahead = 0);
  Token prev() const { return tokens_[pos_ - 1]; }
  std::string_view text(const Token& t) const { return src_.text().substr(t.start, t.end - t.start); }
  Identifier identifier(const Token& t) const;
  /// Mapped line/column of a token (f-string offsets applied).
  Pos token_pos(const Token& t) const;
  /// Position from the token at index `start` to the last non-whitespace
  /// token consumed so far (CPython's EXTRA).
  Pos extent(std::size_t start);
  Pos span(const Pos& a, const Pos& b) const { return Pos{a.lineno, a.col_offset, b.end_lineno, b.end_col_offset}; }

  // ---- node construction
  template <class T>
  T* node(const Pos& pos) {
    T* n = arena_.make<T>();
    if (n == nullptr) {
      out_of_memory();
      n = &scratch_node<T>();
    }
    n->pos = pos;
    return n;
  }
  template <class T>
  T* plain() {
    T* n = arena_.make<T>();
    if (n == nullptr) {
      out_of_memory();
      n = &scratch_node<T>();
    }
    return n;
  }
  template <class T>
  T& scratch_node() {
    // Storage handed out after an allocation failure so callers need not
    // check; the parse fails anyway. Per-parser, never shared.
    static_assert(sizeof(T) <= sizeof(oom_storage_));
    return *new (oom_storage_) T();
  }
  void out_of_memory();
  template <class T>
  TempList<T> list() {
    return TempList<T>();
  }

  // ---- errors (parser.cc)
  /// CPython RAISE_ERROR_KNOWN_LOCATION: 0-based byte columns; end_col -1
  /// means "none" (reported as 0).
  std::nullptr_t raise_at(ErrorKind kind, int lineno, int col, int end_lineno, int end_col, std::string msg);
  /// _PyPegen_raise_error_known_location: 1-based byte columns.
  std::nullptr_t raise_at_1based(ErrorKind kind, int lineno, int col, int end_lineno, int end_col, std::string msg);
  std::nullptr_t raise_node(const Pos& p, std::string msg) {
    return raise_at(ErrorKind::SyntaxError, p.lineno, p.col_offset, p.end_lineno, p.end_col_offset, std::move(msg));
  }
  std::nullptr_t raise_range(const Pos& a, const Pos& b, std::string msg) {
    return raise_at(ErrorKind::SyntaxError, a.lineno, a.col_offset, b.end_lineno, b.end_col_offset, std::move(msg));
  }
  std::nullptr_t raise_token(const Token& t, std::string msg) { return raise_node(token_pos(t), std::move(msg)); }
  /// CPython RAISE_SYNTAX_ERROR_STARTING_FROM: ends at the lexer's position.
  std::nullptr_t raise_starting_from(const Pos& a, std::string msg);
  /// CPython RAISE_SYNTAX_ERROR / RAISE_INDENTATION_ERROR: at the last token fetched.
  std::nullptr_t raise_last(ErrorKind kind, std::string msg);
  std::nullptr_t raise_last(std::string msg) { return raise_last(ErrorKind::SyntaxError, std::move(msg)); }
  /// Generic "invalid syntax" at the furthest token fetched.
  std::nullptr_t fail();
  /// Token-expectation: consume `k` or fail with "invalid syntax".
  bool expect(TokenKind k);
  /// CPython &&'x' (forced token): consume or raise "expected 'x'" at the current token.
  bool expect_forced(TokenKind k, const char* text);
  /// After a parser error, the rest of the file is tokenized: a tokenizer
  /// error found there replaces it (CPython _PyPegen_tokenize_full_source_to_check_for_errors).
  void check_rest_of_source();
  void set_lexer_error();

  // ---- depth limits
  bool enter();   // false (with error set) if too deep
  void leave() { --depth_; }

  // ---- statements (parser_stmt.cc)
  Seq<Stmt*> parse_statements_until_dedent();
  bool parse_statement(TempList<Stmt>& out);
  bool parse_simple_stmts(TempList<Stmt>& out);
  Stmt* parse_simple_stmt();
  Stmt* parse_compound_stmt();
  Stmt* parse_expression_statement();
  Stmt* parse_assignment_rest(std::size_t start, Expr* first, std::size_t first_last_elt);
  Stmt* parse_annotated(std::size_t start, Expr* target, bool parenthesized_name);
  std::nullptr_t assignment_target_error(std::size_t start, Expr* first, std::size_t first_end);
  Seq<Stmt*> parse_block(const char* what, int lineno);
  Stmt* parse_if(bool is_elif);
  Stmt* parse_while();
  Stmt* parse_for(std::size_t start, bool is_async);
  Stmt* parse_with(std::size_t start, bool is_async);
  bool parse_with_items_parenthesized(TempList<WithItem>& items);
  WithItem* parse_with_item();
  Stmt* parse_try();
  ExceptHandler* parse_except(bool star, int try_lineno);
  Stmt* parse_funcdef(std::size_t start, Seq<Expr*> decorators, bool is_async);
  Stmt* parse_classdef(Seq<Expr*> decorators);
  Stmt* parse_decorated();
  Arguments* parse_parameters(bool lambda);
  Arg* parse_param(bool lambda, bool star_annotation);
  Stmt* parse_import();
  Stmt* parse_from_import();
  Alias* parse_dotted_as_name();
  bool parse_dotted_name(std::string* out);
  Stmt* parse_global_or_nonlocal(bool global);
  Stmt* parse_del();
  Stmt* parse_return();
  Stmt* parse_raise();
  Stmt* parse_assert();
  Stmt* try_parse_match();
  MatchCase* parse_case_block();
  Seq<Stmt*> parse_else_block();

  // ---- patterns (parser_pattern.cc)
  Pattern* parse_patterns();
  Pattern* parse_pattern();
  Pattern* parse_or_pattern();
  Pattern* parse_closed_pattern();
  Pattern* parse_maybe_star_pattern();
  Pattern* parse_mapping_pattern();
  Pattern* parse_class_pattern(std::size_t start, Expr* cls);
  Expr* parse_signed_number(bool* ok);
  Expr* parse_literal_number_pattern_value();
  Expr* parse_name_or_attr();
  bool is_capture_target_here();

  // ---- expressions (parser_expr.cc)
 public:
  Expr* parse_expression();
 private:
  Expr* parse_named_expression();
  Expr* parse_star_named_expression();
  Expr* parse_star_expression();
  Expr* parse_star_expressions();
  Expr* parse_yield_expr();
  Expr* parse_annotated_rhs();
  Expr* parse_disjunction();
  Expr* parse_conjunction();
  Expr* parse_inversion();
  Expr* parse_comparison();
  Expr* parse_bitwise_or();
  Expr* parse_binary(int min_prec);
  Expr* parse_factor();
  Expr* parse_power();
  Expr* parse_await_primary();
  Expr* parse_primary(bool for_target);
  Expr* parse_atom();
  Expr* parse_paren_atom();
  Expr* parse_list_atom();
  Expr* parse_brace_atom();
  Expr* parse_lambda();
  Expr* parse_call(std::size_t start, Expr* func);
  bool parse_arguments(TempList<Expr>& args, TempList<Keyword>& keywords, bool allow_genexp);
  Expr* parse_slices();
  Expr* parse_slice();
  Expr* parse_strings();
  Expr* parse_number(const Token& t);
  Seq<Comprehension*> parse_for_if_clauses();
  Expr* parse_star_targets();
  Expr* finish_genexp(std::size_t start, Expr* elt);
  bool starts_expression(TokenKind k) const;
  bool is_soft_keyword_token(const Token& t) const;
  void check_expression_followed_by_expression(std::size_t start, Expr* a);
  bool invalid_named_expression_eq(std::size_t start, Expr* e);
  Expr* parse_dict_rest(std::size_t start, Expr* first_key, Expr* first_value);
  Expr* parse_set_rest(std::size_t start, Expr* first);
  Expr* make_constant(const Pos& pos, ConstantValue::Kind k);
  std::nullptr_t check_comprehension_target_parens(std::size_t first_start, Expr* first, Expr* last, const Token* comma);
  template <class F>
  auto speculate(F&& f) -> decltype(f());
  /// Like speculate, for CPython's second-pass "invalid_*" checks: tokens
  /// fetched meanwhile do not move the location of a generic "invalid syntax".
  template <class F>
  auto check_invalid(F&& f) -> decltype(f()) {
    bool saved = second_pass_;
    second_pass_ = true;
    auto r = speculate(f);
    second_pass_ = saved;
    return r;
  }
  /// check_invalid that also discards specific errors (only tokenizer
  /// errors stand).
  template <class F>
  auto check_invalid_quiet(F&& f) -> decltype(f()) {
    ++quiet_;
    auto r = check_invalid(f);
    --quiet_;
    return r;
  }
  /// Peeks ahead for an invalid_* check (see check_invalid).
  TokenKind peek_invalid(std::size_t ahead) {
    bool saved = second_pass_;
    second_pass_ = true;
    TokenKind k = kind(ahead);
    second_pass_ = saved;
    return k;
  }

  // ---- targets (parser_expr.cc)
  bool set_context(Expr* e, ExprContext ctx);
  Expr* invalid_target(Expr* e, TargetsType type);
  std::nullptr_t raise_invalid_target(TargetsType type, Expr* e);
  static const char* expr_name(const Expr* e);

  // ---- duplicate arguments (parser.cc)
  void note_arguments(const Arguments* args);

  const Source& src_;
  Arena& arena_;
  ParseOptions options_;
  Parser* parent_;
  Lexer lexer_;
  std::vector<Token> tokens_;
  std::size_t pos_ = 0;

  bool has_error_ = false;
  bool error_from_lexer_ = false;
  bool error_generic_ = false;  // the error is a plain "invalid syntax" from fail()
  bool skip_rest_check_ = false;  // "unexpected indent": no check_rest_of_source()
  SyntaxErrorInfo error_;
  bool lexer_failed_ = false;

  int depth_ = 0;
  const char* stack_limit_ = nullptr;  // see support/stack_limit.h

  // `in` is not a comparison operator while parsing for-loop targets.
  bool no_in_ = false;
  // Set while parsing CPython's "*_without_invalid" rules speculatively.
  bool no_invalid_ = false;
  // Set during invalid_* checks; first_pass_fill_ counts the tokens fetched
  // otherwise (CPython reports a generic error at the last token of its
  // first pass).
  bool second_pass_ = false;
  int quiet_ = 0;
  // The invalid_expression / invalid_legacy_expression parses of what follows
  // an expression: result and end, by start and flags (see
  // check_expression_followed_by_expression).
  std::unordered_map<uint64_t, std::pair<Expr*, std::size_t>> checked_after_;
  // Set while literals are processed: their errors are CPython "action"
  // errors, raised even where invalid_* rules are disabled.
  bool in_action_ = false;
  bool error_action_ = false;  // the error was raised while in_action_
  std::size_t first_pass_fill_ = 0;
  // Token index where the last element of the most recent star_expressions began.
  std::size_t last_elt_start_ = 0;
  // Depth of brackets in f-string sub-parsers is not tracked; unused otherwise.
  // Token index of a NEWLINE right after `match subject` (for "expected ':'").
  std::size_t match_colon_candidate_ = 0;
  bool have_dup_error_ = false;
  SyntaxErrorInfo dup_error_;

  alignas(16) unsigned char oom_storage_[256];
};

template <class T>
bool is_empty_result(const T& r) {
  if constexpr (requires { r.empty(); }) {
    return r.empty();
  } else {
    return !r;
  }
}

/// Runs `f` speculatively (an alternative of the grammar): if it fails with
/// a generic "invalid syntax" the error is cleared and the position
/// restored; specific errors (from invalid_* checks) and tokenizer errors
/// stand, as in CPython. Inside check_invalid every parser error is cleared.
/// Returns f's result (nullptr/false/empty on failure).
template <class F>
auto Parser::speculate(F&& f) -> decltype(f()) {
  std::size_t save = pos_;
  bool saved_no_invalid = no_invalid_;
  auto r = f();
  no_invalid_ = saved_no_invalid;
  if (has_error_ && !error_from_lexer_ && !error_action_ && (error_generic_ || quiet_ > 0)) {
    has_error_ = false;
    pos_ = save;
    return decltype(f()){};
  }
  if (is_empty_result(r)) pos_ = save;
  return r;
}

/// Temporarily disables or enables the "`in` is not an operator" rule.
struct NoInScope {
  NoInScope(bool& flag, bool value) : flag_(flag), saved_(flag) { flag = value; }
  ~NoInScope() { flag_ = saved_; }
  bool& flag_;
  bool saved_;
};

/// RAII depth counter: `DepthGuard g(p); if (!g) return nullptr;`.
struct DepthGuard {
  explicit DepthGuard(Parser& p) : p_(p), ok_(p.enter()) {}
  ~DepthGuard() {
    if (ok_) p_.leave();
  }
  explicit operator bool() const { return ok_; }
  Parser& p_;
  bool ok_;
};

}  // namespace capy::syntax::detail
