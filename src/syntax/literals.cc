// Literals: numbers, string/bytes escape decoding, implicit concatenation and 3.11-style f-strings.
//
// Mirrors CPython 3.11's Parser/string_parser.c: an f-string is one STRING
// token whose replacement fields are scanned here and whose expressions are
// parsed by a sub-parser over the text "(expr)", with positions mapped back
// onto the file.
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "support/unicode_names.h"
#include "syntax/parser_impl.h"
#include "syntax/unicode.h"

namespace capy::syntax::detail {

namespace {

struct ActionScope {
  explicit ActionScope(bool& flag) : flag_(flag), saved_(flag) { flag = true; }
  ~ActionScope() { flag_ = saved_; }
  bool& flag_;
  bool saved_;
};

}  // namespace

// ---------------------------------------------------------------------------
// Numbers.
// ---------------------------------------------------------------------------

namespace {

// Converts digits of `text` in `base` into a canonical decimal string.
std::string to_decimal(std::string_view digits, int base) {
  // Little-endian limbs of 10^9.
  std::vector<uint32_t> limbs;
  limbs.push_back(0);
  for (char ch : digits) {
    int d;
    if (ch >= '0' && ch <= '9') {
      d = ch - '0';
    } else if (ch >= 'a' && ch <= 'f') {
      d = ch - 'a' + 10;
    } else {
      d = ch - 'A' + 10;
    }
    uint64_t carry = static_cast<uint64_t>(d);
    for (uint32_t& limb : limbs) {
      uint64_t v = static_cast<uint64_t>(limb) * static_cast<uint64_t>(base) + carry;
      limb = static_cast<uint32_t>(v % 1000000000u);
      carry = v / 1000000000u;
    }
    while (carry != 0) {
      limbs.push_back(static_cast<uint32_t>(carry % 1000000000u));
      carry /= 1000000000u;
    }
  }
  std::string out = std::to_string(limbs.back());
  char buf[16];
  for (std::size_t i = limbs.size() - 1; i-- > 0;) {
    std::snprintf(buf, sizeof buf, "%09u", limbs[i]);
    out += buf;
  }
  return out;
}

// Decimal float text (no underscores) to double, correctly rounded;
// overflow gives inf and underflow 0.0, like Python's float().
double parse_double(const std::string& s) {
  double d = 0;
  auto r = std::from_chars(s.data(), s.data() + s.size(), d);
  if (r.ec == std::errc::result_out_of_range) {
    std::size_t e = s.find_first_of("eE");
    bool negative_exponent = e != std::string::npos && e + 1 < s.size() && s[e + 1] == '-';
    d = negative_exponent ? 0.0 : HUGE_VAL;
  }
  return d;
}

}  // namespace

Expr* Parser::parse_number(const Token& t) {
  ActionScope action(in_action_);
  std::string_view raw = text(t);
  std::string s;
  s.reserve(raw.size());
  for (char c : raw) {
    if (c != '_') s += c;
  }
  Constant* c = node<Constant>(token_pos(t));
  ConstantValue& v = c->value;
  char last = s.back();
  bool is_radix = s.size() > 1 && s[0] == '0' &&
                  (s[1] == 'x' || s[1] == 'X' || s[1] == 'o' || s[1] == 'O' || s[1] == 'b' || s[1] == 'B');
  if (last == 'j' || last == 'J') {
    v.kind = ConstantValue::Kind::Complex;
    s.pop_back();
    v.float_value = parse_double(s);
    return c;
  }
  if (!is_radix && s.find_first_of(".eE") != std::string::npos) {
    v.kind = ConstantValue::Kind::Float;
    v.float_value = parse_double(s);
    return c;
  }
  v.kind = ConstantValue::Kind::Int;
  if (is_radix) {
    int base = (s[1] == 'x' || s[1] == 'X') ? 16 : (s[1] == 'o' || s[1] == 'O') ? 8 : 2;
    v.str = to_decimal(std::string_view(s).substr(2), base);
  } else {
    std::size_t i = 0;
    while (i + 1 < s.size() && s[i] == '0') ++i;
    v.str = s.substr(i);
    if (options_.max_int_digits > 0 && v.str.size() > static_cast<std::size_t>(options_.max_int_digits)) {
      Pos p = token_pos(t);
      return raise_at(ErrorKind::SyntaxError, p.lineno, -1, p.end_lineno, -1,
                      "Exceeds the limit (" + std::to_string(options_.max_int_digits) +
                          " digits) for integer string conversion: value has " + std::to_string(v.str.size()) +
                          " digits; use sys.set_int_max_str_digits() to increase the limit - Consider hexadecimal "
                          "for huge integer literals to avoid decimal conversion limits.");
    }
  }
  if (v.str.size() <= 19) {
    unsigned long long u = 0;
    auto r = std::from_chars(v.str.data(), v.str.data() + v.str.size(), u);
    if (r.ec == std::errc() && u <= 9223372036854775807ull) {
      v.int_fits = true;
      v.int_value = static_cast<int64_t>(u);
    }
  }
  return c;
}

// ---------------------------------------------------------------------------
// Escape decoding.
// ---------------------------------------------------------------------------

namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Error text of a UnicodeDecodeError from the 'unicodeescape' codec.
std::string unicode_escape_error(std::size_t start, std::size_t end, const char* reason, unsigned char byte) {
  char buf[160];
  if (end == start + 1) {
    std::snprintf(buf, sizeof buf, "(unicode error) 'unicodeescape' codec can't decode byte 0x%02x in position %zu: %s",
                  byte, start, reason);
  } else {
    std::snprintf(buf, sizeof buf, "(unicode error) 'unicodeescape' codec can't decode bytes in position %zu-%zu: %s",
                  start, end - 1, reason);
  }
  return buf;
}

// Decodes Python string escapes in UTF-8 text [s, e) (CPython
// decode_unicode_with_escapes). Invalid escapes are kept verbatim (CPython
// only warns). Positions in error messages count every non-ASCII character
// as 10 bytes, like CPython's intermediate "\UXXXXXXXX" buffer.
bool decode_string_escapes(const char* s, const char* e, std::string* out, std::string* error) {
  std::size_t tpos = 0;  // position in CPython's transformed buffer
  while (s < e) {
    unsigned char c = static_cast<unsigned char>(*s);
    if (c != '\\') {
      if (c < 0x80) {
        *out += static_cast<char>(c);
        ++s;
        ++tpos;
      } else {
        const char* start = s;
        utf8_decode(&s);
        out->append(start, s);
        tpos += 10;
      }
      continue;
    }
    std::size_t start_t = tpos;
    ++s;
    ++tpos;
    if (s >= e) {  // trailing backslash: CPython turns it into a literal one
      *out += '\\';
      break;
    }
    unsigned char d = static_cast<unsigned char>(*s);
    if (d >= 0x80) {  // backslash + non-ASCII: invalid escape, kept
      *out += '\\';
      continue;
    }
    ++s;
    ++tpos;
    switch (d) {
      case '\n': break;
      case '\\': *out += '\\'; break;
      case '\'': *out += '\''; break;
      case '"': *out += '"'; break;
      case 'b': *out += '\b'; break;
      case 'f': *out += '\f'; break;
      case 't': *out += '\t'; break;
      case 'n': *out += '\n'; break;
      case 'r': *out += '\r'; break;
      case 'v': *out += '\v'; break;
      case 'a': *out += '\a'; break;
      case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
        uint32_t v = d - '0';
        for (int i = 0; i < 2 && s < e && *s >= '0' && *s <= '7'; ++i) {
          v = v * 8 + static_cast<uint32_t>(*s - '0');
          ++s;
          ++tpos;
        }
        utf8_append(*out, v);
        break;
      }
      case 'x':
      case 'u':
      case 'U': {
        int count = d == 'x' ? 2 : d == 'u' ? 4 : 8;
        const char* message = d == 'x' ? "truncated \\xXX escape"
                              : d == 'u' ? "truncated \\uXXXX escape"
                                         : "truncated \\UXXXXXXXX escape";
        uint32_t v = 0;
        for (int i = 0; i < count; ++i) {
          int h = s < e ? hex_value(*s) : -1;
          if (h < 0) {
            *error = unicode_escape_error(start_t, tpos, message, '\\');
            return false;
          }
          v = v * 16 + static_cast<uint32_t>(h);
          ++s;
          ++tpos;
        }
        if (v > 0x10FFFF) {
          *error = unicode_escape_error(start_t, tpos, "illegal Unicode character", '\\');
          return false;
        }
        utf8_append(*out, v);
        break;
      }
      case 'N': {
        // Positions follow CPython's decoder: the error ends at the closing
        // brace (unknown name: just after it) or at the end of the text.
        auto tlen = [](const char* a, const char* b) {
          std::size_t n = 0;
          for (; a < b; ++a) {
            unsigned char u = static_cast<unsigned char>(*a);
            if (u < 0x80) {
              ++n;
            } else if ((u & 0xC0) != 0x80) {
              n += 10;
            }
          }
          return n;
        };
        const char* message = "malformed \\N character escape";
        if (s < e && *s == '{') {
          const char* name_start = s + 1;
          const char* q = name_start;
          while (q < e && *q != '}') ++q;
          if (q >= e) {
            *error = unicode_escape_error(start_t, tpos + tlen(s, e), message, '\\');
            return false;
          }
          if (q > name_start) {
            uint32_t cp;
            if (unicode_lookup(std::string_view(name_start, static_cast<std::size_t>(q - name_start)), &cp)) {
              tpos += tlen(s, q + 1);
              s = q + 1;
              utf8_append(*out, cp);
              break;
            }
            *error = unicode_escape_error(start_t, tpos + tlen(s, q + 1), "unknown Unicode character name", '\\');
            return false;
          }
          *error = unicode_escape_error(start_t, tpos + tlen(s, q), message, '\\');
          return false;
        }
        *error = unicode_escape_error(start_t, tpos, message, '\\');
        return false;
      }
      default:
        // Invalid escape: kept as is (DeprecationWarning in CPython).
        *out += '\\';
        *out += static_cast<char>(d);
        break;
    }
  }
  return true;
}

// Decodes bytes escapes (CPython _PyBytes_DecodeEscape).
bool decode_bytes_escapes(const char* s, const char* e, std::string* out, std::string* error) {
  const char* begin = s;
  while (s < e) {
    if (*s != '\\') {
      *out += *s++;
      continue;
    }
    const char* bs = s;
    ++s;
    if (s >= e) {
      *out += '\\';
      break;
    }
    char d = *s++;
    switch (d) {
      case '\n': break;
      case '\\': *out += '\\'; break;
      case '\'': *out += '\''; break;
      case '"': *out += '"'; break;
      case 'b': *out += '\b'; break;
      case 'f': *out += '\f'; break;
      case 't': *out += '\t'; break;
      case 'n': *out += '\n'; break;
      case 'r': *out += '\r'; break;
      case 'v': *out += '\v'; break;
      case 'a': *out += '\a'; break;
      case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
        int v = d - '0';
        for (int i = 0; i < 2 && s < e && *s >= '0' && *s <= '7'; ++i) v = v * 8 + (*s++ - '0');
        *out += static_cast<char>(v & 0xFF);
        break;
      }
      case 'x': {
        int h1 = s < e ? hex_value(s[0]) : -1;
        int h2 = s + 1 < e ? hex_value(s[1]) : -1;
        if (h1 < 0 || h2 < 0) {
          *error = "(value error) invalid \\x escape at position " + std::to_string(bs - begin);
          return false;
        }
        *out += static_cast<char>(h1 * 16 + h2);
        s += 2;
        break;
      }
      default:
        *out += '\\';
        *out += d;
        break;
    }
  }
  return true;
}

}  // namespace

// ---------------------------------------------------------------------------
// String concatenation and f-strings (string_parser.c).
// ---------------------------------------------------------------------------

class StringParser {
 public:
  StringParser(Parser& p, std::size_t first, std::size_t last)
      : p_(p), first_(p.tokens_[first]), last_(p.tokens_[last]), first_index_(first), last_index_(last) {}

  Expr* run();

 private:
  struct Literal {
    bool bytes = false;
    bool raw = false;
    bool fmode = false;
    const char* s = nullptr;  // contents without prefix/quotes
    const char* e = nullptr;
  };

  Literal split(const Token& t) const;
  bool concat_fstring(const char** str, const char* end, bool raw, int recurse_lvl, const Token& t,
                      TempList<Expr>& list, std::string& last_str, bool& have_last);
  int find_literal(const char** str, const char* end, bool raw, int recurse_lvl, std::string* literal, bool* have);
  bool find_expr(const char** str, const char* end, bool raw, int recurse_lvl, std::string* expr_text,
                 bool* have_expr_text, Expr** expression, const Token& t);
  Expr* compile_expr(const char* expr_start, const char* expr_end, const Token& t);
  Expr* fstring_parse(const char** str, const char* end, bool raw, int recurse_lvl, const Token& t);
  Expr* make_str(std::string value, const Token& first, const Token& last);
  Pos range(const Token& a, const Token& b) const {
    Pos pa = p_.token_pos(a);
    Pos pb = p_.token_pos(b);
    return Pos{pa.lineno, pa.col_offset, pb.end_lineno, pb.end_col_offset};
  }
  bool decode(const char* s, const char* e, bool raw, std::string* out) {
    if (raw) {
      out->append(s, e);
      return true;
    }
    std::string err;
    if (!decode_string_escapes(s, e, out, &err)) {
      p_.raise_last(err);
      return false;
    }
    return true;
  }

  Parser& p_;
  Token first_;
  Token last_;
  std::size_t first_index_;
  std::size_t last_index_;
  bool fmode_ = false;
};

StringParser::Literal StringParser::split(const Token& t) const {
  Literal lit;
  std::string_view text = p_.text(t);
  std::size_t i = 0;
  while (i < text.size() && text[i] != '\'' && text[i] != '"') {
    char c = text[i];
    if (c == 'b' || c == 'B') lit.bytes = true;
    if (c == 'r' || c == 'R') lit.raw = true;
    if (c == 'f' || c == 'F') lit.fmode = true;
    ++i;
  }
  char quote = text[i];
  std::size_t n = text.size();
  const char* base = text.data();
  if (n - i >= 6 && text[i + 1] == quote && text[i + 2] == quote) {
    lit.s = base + i + 3;
    lit.e = base + n - 3;
  } else {
    lit.s = base + i + 1;
    lit.e = base + n - 1;
  }
  return lit;
}

Expr* StringParser::make_str(std::string value, const Token& first, const Token& last) {
  Constant* c = p_.node<Constant>(range(first, last));
  c->value.kind = ConstantValue::Kind::Str;
  c->value.str = std::move(value);
  c->kind_u = p_.text(first)[0] == 'u';
  return c;
}

Expr* StringParser::run() {
  bool bytesmode = false;
  std::string bytes;
  std::string last_str;
  bool have_last = false;
  auto values = p_.list<Expr>();
  for (std::size_t i = first_index_; i <= last_index_; ++i) {
    Token t = p_.tokens_[i];
    Literal lit = split(t);
    if (lit.bytes) {
      for (const char* q = lit.s; q < lit.e; ++q) {
        if (static_cast<unsigned char>(*q) >= 0x80) {
          p_.raise_token(t, "bytes can only contain ASCII literal characters");
          return nullptr;
        }
      }
    }
    if (i != first_index_ && bytesmode != lit.bytes) {
      p_.raise_last("cannot mix bytes and nonbytes literals");
      return nullptr;
    }
    bytesmode = lit.bytes;
    if (lit.fmode) {
      fmode_ = true;
      const char* s = lit.s;
      if (!concat_fstring(&s, lit.e, lit.raw, 0, t, values, last_str, have_last)) return nullptr;
    } else if (lit.bytes) {
      if (lit.raw) {
        bytes.append(lit.s, lit.e);
      } else {
        std::string err;
        if (!decode_bytes_escapes(lit.s, lit.e, &bytes, &err)) {
          p_.raise_last(err);
          return nullptr;
        }
      }
    } else {
      std::string piece;
      if (!decode(lit.s, lit.e, lit.raw, &piece)) return nullptr;
      if (!piece.empty()) {
        last_str += piece;
        have_last = true;
      }
    }
  }
  if (bytesmode) {
    Constant* c = p_.node<Constant>(range(first_, last_));
    c->value.kind = ConstantValue::Kind::Bytes;
    c->value.str = std::move(bytes);
    return c;
  }
  if (!fmode_) return make_str(std::move(last_str), first_, last_);
  if (have_last) values.push(make_str(std::move(last_str), first_, last_));
  JoinedStr* j = p_.node<JoinedStr>(range(first_, last_));
  j->values = values.finish(p_.arena_);
  return j;
}

// _PyPegen_FstringParser_ConcatFstring
bool StringParser::concat_fstring(const char** str, const char* end, bool raw, int recurse_lvl, const Token& t,
                                  TempList<Expr>& list, std::string& last_str, bool& have_last) {
  for (;;) {
    std::string literal;
    bool have_literal = false;
    std::string expr_text;
    bool have_expr_text = false;
    Expr* expression = nullptr;
    int result = find_literal(str, end, raw, recurse_lvl, &literal, &have_literal);
    if (result < 0) return false;
    if (result == 0 && !(*str >= end || **str == '}')) {
      if (!find_expr(str, end, raw, recurse_lvl, &expr_text, &have_expr_text, &expression, t)) return false;
    }
    if (have_literal && !literal.empty()) {
      last_str += literal;
      have_last = true;
    }
    if (have_expr_text && !expr_text.empty()) {
      last_str += expr_text;
      have_last = true;
    }
    if (result == 1) continue;
    if (expression == nullptr) break;
    if (have_last) {
      list.push(make_str(std::move(last_str), first_, last_));
      last_str.clear();
      have_last = false;
    }
    list.push(expression);
  }
  if (recurse_lvl == 0 && *str < end - 1) {
    p_.raise_last("f-string: unexpected end of string");
    return false;
  }
  if (recurse_lvl != 0 && (*str >= end || **str != '}')) {
    p_.raise_last("f-string: expecting '}'");
    return false;
  }
  return true;
}

// fstring_find_literal: returns -1 on error, 0 at an expression/end, 1 after a doubled brace.
int StringParser::find_literal(const char** str, const char* end, bool raw, int recurse_lvl, std::string* literal,
                               bool* have) {
  const char* s = *str;
  const char* literal_start = s;
  int result = 0;
  while (s < end) {
    char ch = *s++;
    if (!raw && ch == '\\' && s < end) {
      ch = *s++;
      if (ch == 'N') {
        if (s < end && *s++ == '{') {
          while (s < end && *s++ != '}') {
          }
          continue;
        }
        break;
      }
    }
    if (ch == '{' || ch == '}') {
      if (recurse_lvl == 0) {
        if (s < end && *s == ch) {
          *str = s + 1;
          result = 1;
          goto done;
        }
        if (ch == '}') {
          *str = s - 1;
          p_.raise_last("f-string: single '}' is not allowed");
          return -1;
        }
      }
      --s;
      break;
    }
  }
  *str = s;
done:
  if (literal_start != s) {
    *have = true;
    if (!decode(literal_start, s, raw, literal)) return -1;
  }
  return result;
}

// fstring_find_expr: parses one replacement field starting at '{'.
bool StringParser::find_expr(const char** str, const char* end, bool raw, int recurse_lvl, std::string* expr_text,
                             bool* have_expr_text, Expr** expression, const Token& t) {
  char quote_char = 0;
  int string_type = 0;
  int nested_depth = 0;
  char parenstack[200];
  Expr* format_spec = nullptr;
  int conversion = -1;
  const char* expr_start;
  const char* expr_end;
  Expr* simple_expression;

  if (recurse_lvl >= 2) {
    p_.raise_last("f-string: expressions nested too deeply");
    return false;
  }
  *str += 1;  // '{'
  expr_start = *str;
  for (; *str < end; (*str)++) {
    char ch = **str;
    if (ch == '\\') {
      p_.raise_last("f-string expression part cannot include a backslash");
      return false;
    }
    if (quote_char) {
      if (ch == quote_char) {
        if (string_type == 3) {
          if (*str + 2 < end && *(*str + 1) == ch && *(*str + 2) == ch) {
            *str += 2;
            string_type = 0;
            quote_char = 0;
            continue;
          }
        } else {
          quote_char = 0;
          string_type = 0;
          continue;
        }
      }
    } else if (ch == '\'' || ch == '"') {
      if (*str + 2 < end && *(*str + 1) == ch && *(*str + 2) == ch) {
        string_type = 3;
        *str += 2;
      } else {
        string_type = 1;
      }
      quote_char = ch;
    } else if (ch == '[' || ch == '{' || ch == '(') {
      if (nested_depth >= 200) {
        p_.raise_last("f-string: too many nested parenthesis");
        return false;
      }
      parenstack[nested_depth++] = ch;
    } else if (ch == '#') {
      p_.raise_last("f-string expression part cannot include '#'");
      return false;
    } else if (nested_depth == 0 && (ch == '!' || ch == ':' || ch == '}' || ch == '=' || ch == '>' || ch == '<')) {
      if (*str + 1 < end) {
        char next = *(*str + 1);
        if ((ch == '!' && next == '=') || (ch == '=' && next == '=') || (ch == '<' && next == '=') ||
            (ch == '>' && next == '=')) {
          *str += 1;
          continue;
        }
        if (ch == '>' || ch == '<') continue;
      }
      break;
    } else if (ch == ']' || ch == '}' || ch == ')') {
      if (nested_depth == 0) {
        p_.raise_last(std::string("f-string: unmatched '") + ch + "'");
        return false;
      }
      --nested_depth;
      char opening = parenstack[nested_depth];
      if (!((opening == '(' && ch == ')') || (opening == '[' && ch == ']') || (opening == '{' && ch == '}'))) {
        p_.raise_last(std::string("f-string: closing parenthesis '") + ch + "' does not match opening parenthesis '" +
                      opening + "'");
        return false;
      }
    }
  }
  expr_end = *str;
  if (quote_char) {
    p_.raise_last("f-string: unterminated string");
    return false;
  }
  if (nested_depth) {
    p_.raise_last(std::string("f-string: unmatched '") + parenstack[nested_depth - 1] + "'");
    return false;
  }
  if (*str >= end) goto unexpected_end_of_string;

  simple_expression = compile_expr(expr_start, expr_end, t);
  if (simple_expression == nullptr) return false;

  if (**str == '=') {
    *str += 1;
    while (*str < end && (**str == ' ' || **str == '\t' || **str == '\n' || **str == '\r' || **str == '\f' ||
                          **str == '\v')) {
      *str += 1;
    }
    expr_text->assign(expr_start, *str);
    *have_expr_text = true;
  }
  if (*str < end && **str == '!') {
    *str += 1;
    if (*str >= end) goto unexpected_end_of_string;
    conversion = static_cast<unsigned char>(**str);
    *str += 1;
    if (!(conversion == 's' || conversion == 'r' || conversion == 'a')) {
      p_.raise_last("f-string: invalid conversion character: expected 's', 'r', or 'a'");
      return false;
    }
  }
  if (*str >= end) goto unexpected_end_of_string;
  if (**str == ':') {
    *str += 1;
    if (*str >= end) goto unexpected_end_of_string;
    format_spec = fstring_parse(str, end, raw, recurse_lvl + 1, t);
    if (format_spec == nullptr) return false;
  }
  if (*str >= end || **str != '}') goto unexpected_end_of_string;
  *str += 1;
  if (*have_expr_text && format_spec == nullptr && conversion == -1) conversion = 'r';
  {
    FormattedValue* fv = p_.node<FormattedValue>(range(first_, last_));
    fv->value = simple_expression;
    fv->conversion = conversion;
    fv->format_spec = format_spec;
    *expression = fv;
  }
  return true;

unexpected_end_of_string:
  p_.raise_last("f-string: expecting '}'");
  return false;
}

// fstring_parse: a nested format spec, as a JoinedStr positioned at token t.
Expr* StringParser::fstring_parse(const char** str, const char* end, bool raw, int recurse_lvl, const Token& t) {
  auto values = p_.list<Expr>();
  std::string last_str;
  bool have_last = false;
  if (!concat_fstring(str, end, raw, recurse_lvl, t, values, last_str, have_last)) return nullptr;
  if (have_last) {
    Constant* c = p_.node<Constant>(range(t, t));
    c->value.kind = ConstantValue::Kind::Str;
    c->value.str = std::move(last_str);
    c->kind_u = p_.text(t)[0] == 'u';
    values.push(c);
  }
  JoinedStr* j = p_.node<JoinedStr>(range(t, t));
  j->values = values.finish(p_.arena_);
  return j;
}

// fstring_compile_expr: parses "(expr)" with a sub-parser whose positions are
// shifted onto the f-string token (fstring_find_expr_location).
Expr* StringParser::compile_expr(const char* expr_start, const char* expr_end, const Token& t) {
  const char* q = expr_start;
  for (; q != expr_end; ++q) {
    char c = *q;
    if (!(c == ' ' || c == '\t' || c == '\n' || c == '\f')) break;
  }
  if (q == expr_end) {
    if (*expr_end == '!' || *expr_end == ':' || *expr_end == '=') {
      p_.raise_last(std::string("f-string: expression required before '") + *expr_end + "'");
      return nullptr;
    }
    p_.raise_last("f-string: empty expression not allowed");
    return nullptr;
  }
  std::string braced;
  braced.reserve(static_cast<std::size_t>(expr_end - expr_start) + 2);
  braced += '{';
  braced.append(expr_start, expr_end);
  braced += '}';

  // fstring_find_expr_location (3.11): the column of the '{' within its
  // line, and the number of newlines before it inside the token.
  int lines = 0;
  int cols = 0;
  std::string_view parent = p_.text(t);
  const char* brace = expr_start - 1;
  {
    bool newline_after_brace = true;
    for (const char* k = brace + 1; k < parent.data() + parent.size() && *k != '}' && *k != '\n'; ++k) {
      if (*k != ' ' && *k != '\t' && *k != '\f') {
        newline_after_brace = false;
        break;
      }
    }
    if (!newline_after_brace) {
      const char* k = brace;
      while (k > parent.data() && *k != '\n') --k;
      cols += static_cast<int>(brace - k);
      if (*k == '\n') cols -= 1;
    }
    for (const char* k = parent.data(); k < brace; ++k) {
      if (*k == '\n') ++lines;
    }
  }
  braced.front() = '(';
  braced.back() = ')';

  Source sub_source;
  SyntaxErrorInfo prep_error;
  if (!sub_source.prepare(braced, p_.src_.filename(), &prep_error)) {
    p_.raise_last(prep_error.msg);
    return nullptr;
  }
  Parser sub(sub_source, p_.arena_, p_.options_, &p_);
  Pos tp = p_.token_pos(t);
  sub.line_offset_ = tp.lineno + lines - 1;
  sub.first_line_col_offset_ = lines != 0 ? cols : tp.col_offset + cols;
  sub.fstring_mode_ = true;
  Expr* e = sub.parse_fstring_expr();
  if (e == nullptr) {
    if (!p_.has_error_) {
      // An error inside an f-string expression is an "action" error of the
      // enclosing parser: it is never backtracked over.
      p_.has_error_ = true;
      p_.error_ = sub.error();
      ErrorKind k = p_.error_.kind;
      p_.error_from_lexer_ = k == ErrorKind::RecursionError || k == ErrorKind::MemoryError;
      p_.error_generic_ = false;
      p_.error_action_ = true;
      p_.skip_rest_check_ = false;
    }
    return nullptr;
  }
  return e;
}

// strings: STRING+
Expr* Parser::parse_strings() {
  std::size_t first = pos_;
  while (at(TokenKind::String)) ++pos_;
  ActionScope action(in_action_);
  StringParser sp(*this, first, pos_ - 1);
  return sp.run();
}

}  // namespace capy::syntax::detail
