// Tokenizer for Python 3.11 source: a faithful port of the state machine in CPython's Parser/tokenizer.c.
//
// Pipeline position: Source --Lexer--> Token stream --Parser--> AST.
// The lexer works on demand (one token per next() call) over the prepared,
// NUL-terminated Source text and never allocates per character.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "syntax/source.h"

namespace capy::syntax {

/// Kinds of token, generated from token.def.
enum class TokenKind : uint8_t {
#define CAPY_TOKEN(kind, name) kind,
#define CAPY_OP(kind, text) kind,
#define CAPY_KEYWORD(kind, text) kind,
#include "syntax/token.def"
};

/// "NAME", "NUMBER", ... for token classes; the operator text ("(", "**=")
/// for operators; the keyword itself ("if") for keywords.
std::string_view token_kind_text(TokenKind kind) noexcept;

/// True for the keyword kinds (KwFalse ... KwYield).
bool is_keyword(TokenKind kind) noexcept;

/// The keyword kind for `word`, or TokenKind::Name if it is not a hard keyword.
TokenKind keyword_kind(std::string_view word) noexcept;

/// One token. Positions follow CPython's parser tokens: 1-based lines,
/// 0-based UTF-8 byte columns. A multi-line STRING starts at its first line.
///
/// INDENT, DEDENT, ENDMARKER and ERRORTOKEN carry no position in CPython
/// (col_offset == -1); for them `start` == `end` is the byte offset of the
/// lexer's cursor when the token was produced, which CPython uses to locate
/// errors reported at such tokens.
struct Token {
  TokenKind kind = TokenKind::EndMarker;
  uint16_t level = 0;  ///< bracket nesting depth after this token
  uint32_t start = 0;  ///< byte offset of the first character in Source::text()
  uint32_t end = 0;    ///< byte offset one past the last character
  int32_t lineno = 0;
  int32_t col_offset = -1;
  int32_t end_lineno = 0;
  int32_t end_col_offset = -1;

  bool is(TokenKind k) const noexcept { return kind == k; }
};

/// Options for the lexer.
struct LexerOptions {
  /// Also produce COMMENT tokens and NL tokens (newlines that do not end a
  /// logical line), like Python's `tokenize` module. The parser never sets it.
  bool emit_trivia = false;
};

/// An error detected by the lexer.
struct LexError {
  SyntaxErrorInfo info;
  /// True when CPython raises the error directly from the tokenizer
  /// (syntaxerror()): such an error also replaces a parser error found
  /// earlier in the file. False for status-code errors (E_TABSPACE,
  /// E_DEDENT, E_TOODEEP, E_LINECONT, E_EOF), which only count when the
  /// parser actually consumes the error token.
  bool direct = false;
  /// E_EOF inside brackets: the parser reports "'(' was never closed".
  bool eof_in_brackets = false;
};

/// The tokenizer. Holds a reference to the Source, which must outlive it.
/// Not thread-safe; cheap to construct.
class Lexer {
 public:
  explicit Lexer(const Source& source, LexerOptions options = {}) noexcept;

  /// Produces the next token. After an ERRORTOKEN, `error()` describes the
  /// problem and every later call returns ERRORTOKEN again. After ENDMARKER,
  /// later calls return ENDMARKER.
  Token next();

  /// Valid after next() returned ERRORTOKEN.
  const LexError& error() const noexcept { return error_; }

  /// Current bracket nesting depth and the innermost open bracket.
  int level() const noexcept { return level_; }
  char open_bracket() const noexcept { return level_ > 0 ? paren_stack_[level_ - 1] : '\0'; }
  int open_bracket_lineno() const noexcept { return level_ > 0 ? paren_lineno_[level_ - 1] : 0; }
  int open_bracket_col() const noexcept { return level_ > 0 ? paren_col_[level_ - 1] : 0; }

  /// The lexer's current line number (CPython tok->lineno).
  int lineno() const noexcept { return lineno_; }

  /// Maximum bracket nesting (CPython MAXLEVEL): "too many nested parentheses".
  static constexpr int kMaxLevel = 200;
  /// Maximum indentation depth (CPython MAXINDENT): "too many levels of indentation".
  static constexpr int kMaxIndent = 100;
  /// Column width of a tab for indentation (CPython tabsize); the alternate
  /// width used to detect inconsistent tabs/spaces is 1.
  static constexpr int kTabSize = 8;

 private:
  static constexpr int kEof = -1;

  int nextc() noexcept;
  void backup(int c) noexcept;
  bool advance_line() noexcept;
  Token make(TokenKind kind, const char* start, const char* end) const noexcept;
  Token make_nopos(TokenKind kind) const noexcept;
  Token error_token() const noexcept;

  // Error helpers mirroring tokenizer.c: `syntax_error` is syntaxerror()
  // (direct), `status_error` sets one of the E_* status codes.
  Token syntax_error(std::string msg);
  Token syntax_error_range(std::string msg, int col_offset, int end_col_offset);
  Token status_error(ErrorKind kind, std::string msg, int lineno, int offset, int end_offset);
  Token indent_error();

  bool lookahead(const char* test) noexcept;
  bool verify_end_of_number(int c, const char* kind);
  int decimal_tail();
  int continuation_line();
  bool verify_identifier(const char* start);
  Token lex_number(int c, bool after_dot);
  Token lex_string(int quote);
  Token get();

  const Source& src_;
  LexerOptions options_;
  const char* buf_;       // start of text
  const char* end_;       // end of text (points at the NUL)
  const char* cur_;       // next character
  const char* line_start_;
  const char* line_end_;  // one past the '\n' of the current line
  const char* tok_start_ = nullptr;
  int lineno_ = 0;
  bool atbol_ = true;
  bool done_ = false;     // ENDMARKER or error produced
  bool eof_ = false;      // E_EOF reached
  bool blankline_ = false;
  bool cont_line_ = false;
  int pendin_ = 0;
  int indent_ = 0;
  int indstack_[kMaxIndent] = {0};
  int altindstack_[kMaxIndent] = {0};
  int level_ = 0;
  char paren_stack_[kMaxLevel] = {0};
  int paren_lineno_[kMaxLevel] = {0};
  int paren_col_[kMaxLevel] = {0};
  // For multi-line strings: line of the opening quote and its line start.
  int first_lineno_ = 0;
  const char* multi_line_start_ = nullptr;
  bool pending_comment_nl_ = false;
  LexError error_;
  TokenKind done_kind_ = TokenKind::EndMarker;
};

/// Tokenizes `source` and lists the tokens, one per line, in the format of
/// `python -m tokenize` (without -e):
///   `1,0-1,5:            NAME           'print'`
/// i.e. "LINE,COL-ENDLINE,ENDCOL:" padded to 20 columns, the token class
/// padded to 15 (operators print as OP, keywords as NAME), then the repr of
/// the token text. COMMENT and NL tokens are included. INDENT/DEDENT/
/// ENDMARKER print with empty text at the lexer position. On a lexer error the
/// last line is the error summary ("SyntaxError: ..."). Columns are bytes.
std::string dump_tokens(std::string_view source, std::string_view filename = "<string>");

}  // namespace capy::syntax
