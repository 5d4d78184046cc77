// Tokenizer for Python 3.11 (see lexer.h); structure and error behaviour follow CPython's tok_get().
#include "syntax/lexer.h"

#include <cstdio>
#include <cstring>

#include "syntax/unicode.h"

namespace capy::syntax {

// ---------------------------------------------------------------------------
// Token kind tables.
// ---------------------------------------------------------------------------

std::string_view token_kind_text(TokenKind kind) noexcept {
  switch (kind) {
#define CAPY_TOKEN(k, name) \
  case TokenKind::k:        \
    return name;
#define CAPY_OP(k, text) \
  case TokenKind::k:     \
    return text;
#define CAPY_KEYWORD(k, text) \
  case TokenKind::k:          \
    return text;
#include "syntax/token.def"
  }
  return "?";
}

bool is_keyword(TokenKind kind) noexcept { return kind >= TokenKind::KwFalse && kind <= TokenKind::KwYield; }

TokenKind keyword_kind(std::string_view w) noexcept {
  // Dispatch on length and first letter; every keyword is 2..8 ASCII letters.
  if (w.size() < 2 || w.size() > 8) return TokenKind::Name;
#define CAPY_KW(text, kind) \
  if (w == text) return TokenKind::kind;
  switch (w[0]) {
    case 'F': CAPY_KW("False", KwFalse) break;
    case 'N': CAPY_KW("None", KwNone) break;
    case 'T': CAPY_KW("True", KwTrue) break;
    case 'a':
      CAPY_KW("and", KwAnd) CAPY_KW("as", KwAs) CAPY_KW("assert", KwAssert) CAPY_KW("async", KwAsync)
      CAPY_KW("await", KwAwait) break;
    case 'b': CAPY_KW("break", KwBreak) break;
    case 'c': CAPY_KW("class", KwClass) CAPY_KW("continue", KwContinue) break;
    case 'd': CAPY_KW("def", KwDef) CAPY_KW("del", KwDel) break;
    case 'e': CAPY_KW("elif", KwElif) CAPY_KW("else", KwElse) CAPY_KW("except", KwExcept) break;
    case 'f': CAPY_KW("finally", KwFinally) CAPY_KW("for", KwFor) CAPY_KW("from", KwFrom) break;
    case 'g': CAPY_KW("global", KwGlobal) break;
    case 'i': CAPY_KW("if", KwIf) CAPY_KW("import", KwImport) CAPY_KW("in", KwIn) CAPY_KW("is", KwIs) break;
    case 'l': CAPY_KW("lambda", KwLambda) break;
    case 'n': CAPY_KW("nonlocal", KwNonlocal) CAPY_KW("not", KwNot) break;
    case 'o': CAPY_KW("or", KwOr) break;
    case 'p': CAPY_KW("pass", KwPass) break;
    case 'r': CAPY_KW("raise", KwRaise) CAPY_KW("return", KwReturn) break;
    case 't': CAPY_KW("try", KwTry) break;
    case 'w': CAPY_KW("while", KwWhile) CAPY_KW("with", KwWith) break;
    case 'y': CAPY_KW("yield", KwYield) break;
    default: break;
  }
#undef CAPY_KW
  return TokenKind::Name;
}

namespace {

constexpr bool is_digit(int c) { return c >= '0' && c <= '9'; }
constexpr bool is_xdigit(int c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
constexpr bool is_potential_identifier_start(int c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 128;
}
constexpr bool is_potential_identifier_char(int c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c >= 128;
}

// PyToken_TwoChars.
TokenKind two_chars(int c1, int c2) {
  switch (c1) {
    case '!': if (c2 == '=') return TokenKind::NotEqual; break;
    case '%': if (c2 == '=') return TokenKind::PercentEqual; break;
    case '&': if (c2 == '=') return TokenKind::AmperEqual; break;
    case '*':
      if (c2 == '*') return TokenKind::DoubleStar;
      if (c2 == '=') return TokenKind::StarEqual;
      break;
    case '+': if (c2 == '=') return TokenKind::PlusEqual; break;
    case '-':
      if (c2 == '=') return TokenKind::MinEqual;
      if (c2 == '>') return TokenKind::RArrow;
      break;
    case '/':
      if (c2 == '/') return TokenKind::DoubleSlash;
      if (c2 == '=') return TokenKind::SlashEqual;
      break;
    case ':': if (c2 == '=') return TokenKind::ColonEqual; break;
    case '<':
      if (c2 == '<') return TokenKind::LeftShift;
      if (c2 == '=') return TokenKind::LessEqual;
      if (c2 == '>') return TokenKind::NotEqual;  // "<>": rejected by the parser (PEP 401)
      break;
    case '=': if (c2 == '=') return TokenKind::EqEqual; break;
    case '>':
      if (c2 == '=') return TokenKind::GreaterEqual;
      if (c2 == '>') return TokenKind::RightShift;
      break;
    case '@': if (c2 == '=') return TokenKind::AtEqual; break;
    case '^': if (c2 == '=') return TokenKind::CircumflexEqual; break;
    case '|': if (c2 == '=') return TokenKind::VBarEqual; break;
    default: break;
  }
  return TokenKind::OtherOp;
}

// PyToken_ThreeChars.
TokenKind three_chars(int c1, int c2, int c3) {
  if (c3 != '=' && !(c1 == '.' && c2 == '.' && c3 == '.')) return TokenKind::OtherOp;
  if (c1 == '*' && c2 == '*') return TokenKind::DoubleStarEqual;
  if (c1 == '.' && c2 == '.') return TokenKind::Ellipsis;
  if (c1 == '/' && c2 == '/') return TokenKind::DoubleSlashEqual;
  if (c1 == '<' && c2 == '<') return TokenKind::LeftShiftEqual;
  if (c1 == '>' && c2 == '>') return TokenKind::RightShiftEqual;
  return TokenKind::OtherOp;
}

// PyToken_OneChar.
TokenKind one_char(int c) {
  switch (c) {
    case '%': return TokenKind::Percent;
    case '&': return TokenKind::Amper;
    case '(': return TokenKind::LPar;
    case ')': return TokenKind::RPar;
    case '*': return TokenKind::Star;
    case '+': return TokenKind::Plus;
    case ',': return TokenKind::Comma;
    case '-': return TokenKind::Minus;
    case '.': return TokenKind::Dot;
    case '/': return TokenKind::Slash;
    case ':': return TokenKind::Colon;
    case ';': return TokenKind::Semi;
    case '<': return TokenKind::Less;
    case '=': return TokenKind::Equal;
    case '>': return TokenKind::Greater;
    case '@': return TokenKind::At;
    case '[': return TokenKind::LSqb;
    case ']': return TokenKind::RSqb;
    case '^': return TokenKind::Circumflex;
    case '{': return TokenKind::LBrace;
    case '|': return TokenKind::VBar;
    case '}': return TokenKind::RBrace;
    case '~': return TokenKind::Tilde;
    default: return TokenKind::OtherOp;
  }
}

// Number of code points in [s, e) (UTF-8 is valid: count non-continuation bytes).
int count_chars(const char* s, const char* e) {
  int n = 0;
  for (; s < e; ++s) {
    if ((static_cast<unsigned char>(*s) & 0xC0) != 0x80) ++n;
  }
  return n;
}

std::string hex4(uint32_t cp) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04X", cp);
  return buf;
}

}  // namespace

// ---------------------------------------------------------------------------
// Character input.
// ---------------------------------------------------------------------------

Lexer::Lexer(const Source& source, LexerOptions options) noexcept
    : src_(source),
      options_(options),
      buf_(source.data()),
      end_(source.data() + source.size()),
      cur_(source.data()),
      line_start_(source.data()),
      line_end_(source.data()) {}

bool Lexer::advance_line() noexcept {
  if (cur_ >= end_) {
    eof_ = true;
    return false;
  }
  ++lineno_;
  line_start_ = cur_;
  const void* nl = std::memchr(cur_, '\n', static_cast<size_t>(end_ - cur_));
  line_end_ = nl ? static_cast<const char*>(nl) + 1 : end_;
  return true;
}

inline int Lexer::nextc() noexcept {
  if (cur_ == line_end_ && !advance_line()) return kEof;
  return static_cast<unsigned char>(*cur_++);
}

inline void Lexer::backup(int c) noexcept {
  if (c != kEof) --cur_;
}

// ---------------------------------------------------------------------------
// Token construction and errors.
// ---------------------------------------------------------------------------

Token Lexer::make(TokenKind kind, const char* start, const char* end) const noexcept {
  Token t;
  t.kind = kind;
  t.level = static_cast<uint16_t>(level_);
  t.start = static_cast<uint32_t>(start - buf_);
  t.end = static_cast<uint32_t>(end - buf_);
  bool is_string = kind == TokenKind::String;
  const char* ls = is_string ? multi_line_start_ : line_start_;
  t.lineno = is_string ? first_lineno_ : lineno_;
  t.col_offset = start >= ls ? static_cast<int32_t>(start - ls) : -1;
  t.end_lineno = lineno_;
  t.end_col_offset = end >= line_start_ ? static_cast<int32_t>(end - line_start_) : -1;
  return t;
}

Token Lexer::make_nopos(TokenKind kind) const noexcept {
  Token t;
  t.kind = kind;
  t.level = static_cast<uint16_t>(level_);
  t.start = t.end = static_cast<uint32_t>(cur_ - buf_);
  t.lineno = t.end_lineno = lineno_;
  t.col_offset = t.end_col_offset = -1;
  return t;
}

Token Lexer::error_token() const noexcept { return make_nopos(TokenKind::ErrorToken); }

Token Lexer::syntax_error_range(std::string msg, int col_offset, int end_col_offset) {
  // tokenizer.c _syntaxerror_range(): the column defaults to the number of
  // characters between the line start and the cursor.
  if (col_offset == -1) col_offset = count_chars(line_start_, cur_);
  if (end_col_offset == -1) end_col_offset = col_offset;
  error_.info.kind = ErrorKind::SyntaxError;
  error_.info.msg = std::move(msg);
  error_.info.filename = std::string(src_.filename());
  error_.info.lineno = lineno_;
  error_.info.offset = col_offset;
  error_.info.end_lineno = lineno_;
  error_.info.end_offset = end_col_offset;
  const char* nl = static_cast<const char*>(std::memchr(line_start_, '\n', static_cast<size_t>(end_ - line_start_)));
  error_.info.text.assign(line_start_, nl ? nl : end_);
  error_.direct = true;
  error_.eof_in_brackets = false;
  done_ = true;
  done_kind_ = TokenKind::ErrorToken;
  return error_token();
}

Token Lexer::syntax_error(std::string msg) { return syntax_error_range(std::move(msg), -1, -1); }

Token Lexer::status_error(ErrorKind kind, std::string msg, int lineno, int offset, int end_offset) {
  error_.info.kind = kind;
  error_.info.msg = std::move(msg);
  error_.info.filename = std::string(src_.filename());
  error_.info.lineno = lineno;
  error_.info.offset = offset;
  error_.info.end_lineno = lineno;
  error_.info.end_offset = end_offset;
  error_.info.text = std::string(src_.line(lineno));
  error_.direct = false;
  error_.eof_in_brackets = false;
  done_ = true;
  done_kind_ = TokenKind::ErrorToken;
  return error_token();
}

// E_TABSPACE: the parser reports it at column 0 of the current line.
Token Lexer::indent_error() {
  cur_ = line_end_;
  return status_error(ErrorKind::TabError, "inconsistent use of tabs and spaces in indentation", lineno_, 1, 0);
}

// ---------------------------------------------------------------------------
// Helpers ported from tokenizer.c.
// ---------------------------------------------------------------------------

bool Lexer::lookahead(const char* test) noexcept {
  const char* s = test;
  bool res = false;
  for (;;) {
    int c = nextc();
    if (*s == 0) {
      res = !is_potential_identifier_char(c);
    } else if (c == static_cast<unsigned char>(*s)) {
      ++s;
      continue;
    }
    backup(c);
    while (s != test) {
      --s;
      backup(*s);
    }
    return res;
  }
}

// Returns false (after recording an error) if the number is directly
// followed by an identifier character. A number followed by one of the
// keywords and/else/for/if/in/is/not/or is accepted (CPython only warns).
bool Lexer::verify_end_of_number(int c, const char* kind) {
  bool r = false;
  if (c == 'a') {
    r = lookahead("nd");
  } else if (c == 'e') {
    r = lookahead("lse");
  } else if (c == 'f') {
    r = lookahead("or");
  } else if (c == 'i') {
    int c2 = nextc();
    if (c2 == 'f' || c2 == 'n' || c2 == 's') r = true;
    backup(c2);
  } else if (c == 'o') {
    r = lookahead("r");
  } else if (c == 'n') {
    r = lookahead("ot");
  }
  if (r) return true;  // DeprecationWarning in CPython; capy emits no warnings
  // A non-ASCII character after a number is not an error here (CPython
  // 3.11 tokenizes "1é" as NUMBER NAME and then fails in the parser).
  if (c < 128 && is_potential_identifier_char(c)) {
    backup(c);
    syntax_error(std::string("invalid ") + kind + " literal");
    return false;
  }
  return true;
}

// Returns the first character after the digits, or 0 after an error.
int Lexer::decimal_tail() {
  int c;
  for (;;) {
    do {
      c = nextc();
    } while (is_digit(c));
    if (c != '_') break;
    c = nextc();
    if (!is_digit(c)) {
      backup(c);
      syntax_error("invalid decimal literal");
      return 0;
    }
  }
  return c;
}

// After a backslash: the next character must be a newline. Returns the first
// character of the next line (pushed back), or -1 after an error.
int Lexer::continuation_line() {
  int c = nextc();
  if (c != '\n') {
    // E_LINECONT: reported at the character after the backslash.
    int col = static_cast<int>(cur_ - line_start_);
    int lineno = lineno_;
    status_error(ErrorKind::SyntaxError, "unexpected character after line continuation character", lineno,
                 src_.byte_to_char_col(lineno, col), 0);
    return -1;
  }
  c = nextc();
  if (c == kEof) {
    cur_ = end_;
    if (level_ > 0) {
      int ln = paren_lineno_[level_ - 1];
      status_error(ErrorKind::SyntaxError, std::string("'") + paren_stack_[level_ - 1] + "' was never closed", ln,
                   src_.byte_to_char_col(ln, paren_col_[level_ - 1] + 1), 0);
      error_.eof_in_brackets = true;
    } else {
      int col = static_cast<int>(cur_ - line_start_);
      status_error(ErrorKind::SyntaxError, "unexpected EOF while parsing", lineno_, src_.byte_to_char_col(lineno_, col),
                   -1);
    }
    return -1;
  }
  backup(c);
  return c;
}

// Checks a NAME containing non-ASCII characters: XID_Start/XID_Continue
// (PEP 3131), reporting the first bad character like CPython.
bool Lexer::verify_identifier(const char* start) {
  const char* p = start;
  bool first = true;
  while (p < cur_) {
    const char* char_start = p;
    uint32_t cp = utf8_decode(&p);
    bool ok = first ? (cp == '_' || is_xid_start(cp)) : is_xid_continue(cp);
    first = false;
    if (!ok) {
      cur_ = p;  // just after the offending character
      if (is_printable(cp)) {
        std::string ch(char_start, p);
        syntax_error("invalid character '" + ch + "' (U+" + hex4(cp) + ")");
      } else {
        syntax_error("invalid non-printable character U+" + hex4(cp));
      }
      return false;
    }
  }
  return true;
}

// ---------------------------------------------------------------------------
// The tokenizer proper (tok_get).
// ---------------------------------------------------------------------------

Token Lexer::next() {
  if (done_) {
    Token t = make_nopos(done_kind_);
    return t;
  }
  return get();
}

Token Lexer::get() {
  int c = 0;
  bool nonascii = false;

  if (pending_comment_nl_) {
    pending_comment_nl_ = false;
    goto again;
  }

nextline:
  tok_start_ = nullptr;
  blankline_ = false;

  // Indentation at the beginning of a line.
  if (atbol_) {
    int col = 0;
    int altcol = 0;
    int cont_line_col = 0;
    atbol_ = false;
    for (;;) {
      c = nextc();
      if (c == ' ') {
        ++col;
        ++altcol;
      } else if (c == '\t') {
        col = (col / kTabSize + 1) * kTabSize;
        altcol = altcol + 1;
      } else if (c == '\f') {
        col = altcol = 0;
      } else if (c == '\\') {
        // The first backslash found determines the indentation of what follows.
        cont_line_col = cont_line_col ? cont_line_col : col;
        if ((c = continuation_line()) == -1) return error_token();
      } else {
        break;
      }
    }
    backup(c);
    if (c == '#' || c == '\n') blankline_ = true;  // comment-only or blank line
    if (!blankline_ && level_ == 0) {
      col = cont_line_col ? cont_line_col : col;
      altcol = cont_line_col ? cont_line_col : altcol;
      if (col == indstack_[indent_]) {
        if (altcol != altindstack_[indent_]) return indent_error();
      } else if (col > indstack_[indent_]) {
        if (indent_ + 1 >= kMaxIndent) {
          cur_ = line_end_;
          return status_error(ErrorKind::IndentationError, "too many levels of indentation", lineno_, 1, 0);
        }
        if (altcol <= altindstack_[indent_]) return indent_error();
        ++pendin_;
        indstack_[++indent_] = col;
        altindstack_[indent_] = altcol;
      } else {
        while (indent_ > 0 && col < indstack_[indent_]) {
          --pendin_;
          --indent_;
        }
        if (col != indstack_[indent_]) {
          // E_DEDENT: the parser reports it at the end of the line.
          cur_ = line_end_;
          int lineno = lineno_;
          return status_error(ErrorKind::IndentationError, "unindent does not match any outer indentation level",
                              lineno, src_.byte_to_char_col(lineno, static_cast<int>(cur_ - line_start_)), -1);
        }
        if (altcol != altindstack_[indent_]) return indent_error();
      }
    }
  }

  tok_start_ = cur_;
  if (pendin_ != 0) {
    if (pendin_ < 0) {
      ++pendin_;
      return make_nopos(TokenKind::Dedent);
    }
    --pendin_;
    return make_nopos(TokenKind::Indent);
  }

again:
  tok_start_ = nullptr;
  do {
    c = nextc();
  } while (c == ' ' || c == '\t' || c == '\f');
  tok_start_ = c == kEof ? cur_ : cur_ - 1;

  if (c == '#') {
    while (c != kEof && c != '\n') c = nextc();
    if (options_.emit_trivia) {
      backup(c);
      pending_comment_nl_ = true;
      return make(TokenKind::Comment, tok_start_, cur_);
    }
  }

  if (c == kEof) {
    if (level_ > 0) {
      int ln = paren_lineno_[level_ - 1];
      status_error(ErrorKind::SyntaxError, std::string("'") + paren_stack_[level_ - 1] + "' was never closed", ln,
                   src_.byte_to_char_col(ln, paren_col_[level_ - 1] + 1), 0);
      error_.eof_in_brackets = true;
      return error_token();
    }
    done_ = true;
    done_kind_ = TokenKind::EndMarker;
    return make_nopos(TokenKind::EndMarker);
  }

  // Identifier, keyword, or string prefix.
  if (is_potential_identifier_start(c)) {
    bool saw_b = false, saw_r = false, saw_u = false, saw_f = false;
    for (;;) {
      if (!(saw_b || saw_u || saw_f) && (c == 'b' || c == 'B')) {
        saw_b = true;
      } else if (!(saw_b || saw_u || saw_r || saw_f) && (c == 'u' || c == 'U')) {
        saw_u = true;
      } else if (!(saw_r || saw_u) && (c == 'r' || c == 'R')) {
        saw_r = true;
      } else if (!(saw_f || saw_b || saw_u) && (c == 'f' || c == 'F')) {
        saw_f = true;
      } else {
        break;
      }
      c = nextc();
      if (c == '"' || c == '\'') goto letter_quote;
    }
    while (is_potential_identifier_char(c)) {
      if (c >= 128) nonascii = true;
      c = nextc();
    }
    backup(c);
    if (nonascii && !verify_identifier(tok_start_)) return error_token();
    Token t = make(TokenKind::Name, tok_start_, cur_);
    if (!nonascii) t.kind = keyword_kind(std::string_view(tok_start_, static_cast<size_t>(cur_ - tok_start_)));
    return t;
  }

  // Newline.
  if (c == '\n') {
    atbol_ = true;
    if (blankline_ || level_ > 0) {
      if (options_.emit_trivia) return make(TokenKind::Nl, tok_start_, cur_);
      goto nextline;
    }
    cont_line_ = false;
    return make(TokenKind::Newline, tok_start_, cur_ - 1);
  }

  // Period, ellipsis, or a number starting with a period.
  if (c == '.') {
    c = nextc();
    if (is_digit(c)) return lex_number(c, true);
    if (c == '.') {
      c = nextc();
      if (c == '.') return make(TokenKind::Ellipsis, tok_start_, cur_);
      backup(c);
      backup('.');
    } else {
      backup(c);
    }
    return make(TokenKind::Dot, tok_start_, cur_);
  }

  if (is_digit(c)) return lex_number(c, false);

letter_quote:
  if (c == '\'' || c == '"') return lex_string(c);

  // Line continuation.
  if (c == '\\') {
    if ((c = continuation_line()) == -1) return error_token();
    cont_line_ = true;
    goto again;
  }

  // Two- and three-character operators.
  {
    int c2 = nextc();
    TokenKind k2 = two_chars(c, c2);
    if (k2 != TokenKind::OtherOp) {
      int c3 = nextc();
      TokenKind k3 = three_chars(c, c2, c3);
      if (k3 != TokenKind::OtherOp) {
        k2 = k3;
      } else {
        backup(c3);
      }
      return make(k2, tok_start_, cur_);
    }
    backup(c2);
  }

  // Bracket nesting.
  switch (c) {
    case '(':
    case '[':
    case '{':
      if (level_ >= kMaxLevel) return syntax_error("too many nested parentheses");
      paren_stack_[level_] = static_cast<char>(c);
      paren_lineno_[level_] = lineno_;
      paren_col_[level_] = static_cast<int>(tok_start_ - line_start_);
      ++level_;
      break;
    case ')':
    case ']':
    case '}': {
      if (level_ == 0) return syntax_error(std::string("unmatched '") + static_cast<char>(c) + "'");
      --level_;
      int opening = paren_stack_[level_];
      if (!((opening == '(' && c == ')') || (opening == '[' && c == ']') || (opening == '{' && c == '}'))) {
        std::string msg = std::string("closing parenthesis '") + static_cast<char>(c) +
                          "' does not match opening parenthesis '" + static_cast<char>(opening) + "'";
        if (paren_lineno_[level_] != lineno_) msg += " on line " + std::to_string(paren_lineno_[level_]);
        return syntax_error(std::move(msg));
      }
      break;
    }
    default:
      break;
  }

  if (c < 0x20 || c == 0x7F) return syntax_error("invalid non-printable character U+" + hex4(static_cast<uint32_t>(c)));

  return make(one_char(c), tok_start_, cur_);
}

// Numbers: integer (decimal/hex/octal/binary), float, imaginary; `c` is the
// first digit (or the first digit after a leading '.').
Token Lexer::lex_number(int c, bool after_dot) {
  int e = 0;
  if (after_dot) goto fraction;
  if (c == '0') {
    c = nextc();
    if (c == 'x' || c == 'X') {
      c = nextc();
      do {
        if (c == '_') c = nextc();
        if (!is_xdigit(c)) {
          backup(c);
          return syntax_error("invalid hexadecimal literal");
        }
        do {
          c = nextc();
        } while (is_xdigit(c));
      } while (c == '_');
      if (!verify_end_of_number(c, "hexadecimal")) return error_token();
    } else if (c == 'o' || c == 'O') {
      c = nextc();
      do {
        if (c == '_') c = nextc();
        if (c < '0' || c >= '8') {
          if (is_digit(c)) return syntax_error(std::string("invalid digit '") + static_cast<char>(c) + "' in octal literal");
          backup(c);
          return syntax_error("invalid octal literal");
        }
        do {
          c = nextc();
        } while ('0' <= c && c < '8');
      } while (c == '_');
      if (is_digit(c)) return syntax_error(std::string("invalid digit '") + static_cast<char>(c) + "' in octal literal");
      if (!verify_end_of_number(c, "octal")) return error_token();
    } else if (c == 'b' || c == 'B') {
      c = nextc();
      do {
        if (c == '_') c = nextc();
        if (c != '0' && c != '1') {
          if (is_digit(c)) {
            return syntax_error(std::string("invalid digit '") + static_cast<char>(c) + "' in binary literal");
          }
          backup(c);
          return syntax_error("invalid binary literal");
        }
        do {
          c = nextc();
        } while (c == '0' || c == '1');
      } while (c == '_');
      if (is_digit(c)) return syntax_error(std::string("invalid digit '") + static_cast<char>(c) + "' in binary literal");
      if (!verify_end_of_number(c, "binary")) return error_token();
    } else {
      bool nonzero = false;
      // Maybe an old-style octal; in any case '0' is a valid literal.
      for (;;) {
        if (c == '_') {
          c = nextc();
          if (!is_digit(c)) {
            backup(c);
            return syntax_error("invalid decimal literal");
          }
        }
        if (c != '0') break;
        c = nextc();
      }
      const char* zeros_end = cur_;
      if (is_digit(c)) {
        nonzero = true;
        c = decimal_tail();
        if (c == 0) return error_token();
      }
      if (c == '.') {
        c = nextc();
        goto fraction;
      }
      if (c == 'e' || c == 'E') goto exponent;
      if (c == 'j' || c == 'J') goto imaginary;
      if (nonzero) {
        backup(c);
        return syntax_error_range(
            "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
            static_cast<int>(tok_start_ + 1 - line_start_), static_cast<int>(zeros_end - line_start_));
      }
      if (!verify_end_of_number(c, "decimal")) return error_token();
    }
  } else {
    c = decimal_tail();
    if (c == 0) return error_token();
    if (c == '.') {
      c = nextc();
    fraction:
      if (is_digit(c)) {
        c = decimal_tail();
        if (c == 0) return error_token();
      }
    }
    if (c == 'e' || c == 'E') {
    exponent:
      e = c;
      c = nextc();
      if (c == '+' || c == '-') {
        c = nextc();
        if (!is_digit(c)) {
          backup(c);
          return syntax_error("invalid decimal literal");
        }
      } else if (!is_digit(c)) {
        backup(c);
        if (!verify_end_of_number(e, "decimal")) return error_token();
        backup(e);
        return make(TokenKind::Number, tok_start_, cur_);
      }
      c = decimal_tail();
      if (c == 0) return error_token();
    }
    if (c == 'j' || c == 'J') {
    imaginary:
      c = nextc();
      if (!verify_end_of_number(c, "imaginary")) return error_token();
    } else if (!verify_end_of_number(c, "decimal")) {
      return error_token();
    }
  }
  backup(c);
  return make(TokenKind::Number, tok_start_, cur_);
}

// String literal (any prefix already consumed); `quote` was just read.
Token Lexer::lex_string(int quote) {
  int quote_size = 1;
  int end_quote_size = 0;
  first_lineno_ = lineno_;
  multi_line_start_ = line_start_;
  int c = nextc();
  if (c == quote) {
    c = nextc();
    if (c == quote) {
      quote_size = 3;
    } else {
      end_quote_size = 1;  // empty string
    }
  }
  if (c != quote) backup(c);
  while (end_quote_size != quote_size) {
    c = nextc();
    if (c == kEof || (quote_size == 1 && c == '\n')) {
      // Report from the opening quote, mentioning where the end was detected.
      int detected = lineno_;
      cur_ = tok_start_ + 1;
      line_start_ = multi_line_start_;
      lineno_ = first_lineno_;
      if (quote_size == 3) {
        return syntax_error("unterminated triple-quoted string literal (detected at line " + std::to_string(detected) +
                            ")");
      }
      return syntax_error("unterminated string literal (detected at line " + std::to_string(detected) + ")");
    }
    if (c == quote) {
      ++end_quote_size;
    } else {
      end_quote_size = 0;
      if (c == '\\') nextc();  // skip the escaped character
    }
  }
  return make(TokenKind::String, tok_start_, cur_);
}

// ---------------------------------------------------------------------------
// Token dump.
// ---------------------------------------------------------------------------

namespace {

std::string repr_text(std::string_view s) {
  // Python repr() of a str (enough for token text: quotes chosen like repr).
  bool has_sq = s.find('\'') != std::string_view::npos;
  bool has_dq = s.find('"') != std::string_view::npos;
  char q = (has_sq && !has_dq) ? '"' : '\'';
  std::string out(1, q);
  for (char ch : s) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (ch == q || ch == '\\') {
      out += '\\';
      out += ch;
    } else if (ch == '\n') {
      out += "\\n";
    } else if (ch == '\t') {
      out += "\\t";
    } else if (ch == '\r') {
      out += "\\r";
    } else if (c < 0x20 || c == 0x7F) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", c);
      out += buf;
    } else {
      out += ch;
    }
  }
  out += q;
  return out;
}

}  // namespace

std::string dump_tokens(std::string_view source, std::string_view filename) {
  Source src;
  SyntaxErrorInfo err;
  std::string out;
  if (!src.prepare(source, filename, &err)) return err.summary() + "\n";
  Lexer lexer(src, LexerOptions{true});
  for (;;) {
    Token t = lexer.next();
    if (t.kind == TokenKind::ErrorToken) {
      out += lexer.error().info.summary();
      out += '\n';
      break;
    }
    std::string_view cls;
    if (t.kind >= TokenKind::LPar && t.kind <= TokenKind::ColonEqual) {
      cls = "OP";
    } else if (is_keyword(t.kind)) {
      cls = "NAME";
    } else {
      cls = token_kind_text(t.kind);
    }
    int col = t.col_offset;
    int end_col = t.end_col_offset;
    if (col < 0) col = static_cast<int>(t.start - src.line_start(t.lineno));
    if (end_col < 0) end_col = static_cast<int>(t.end - src.line_start(t.end_lineno));
    std::string pos = std::to_string(t.lineno) + "," + std::to_string(col) + "-" + std::to_string(t.end_lineno) + "," +
                      std::to_string(end_col) + ":";
    pos.resize(pos.size() < 20 ? 20 : pos.size() + 1, ' ');
    std::string k(cls);
    k.resize(k.size() < 15 ? 15 : k.size() + 1, ' ');
    out += pos;
    out += k;
    out += repr_text(src.text().substr(t.start, t.end - t.start));
    out += '\n';
    if (t.kind == TokenKind::EndMarker) break;
  }
  return out;
}

}  // namespace capy::syntax
