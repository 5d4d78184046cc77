// Lexer tests: token kinds and positions, indentation, literals, and CPython's tokenizer errors.
#include "syntax/lexer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace capy::syntax {
namespace {

struct Lexed {
  std::vector<Token> tokens;
  std::vector<std::string> texts;
  LexError error;
  bool failed = false;
};

Lexed lex(std::string_view src, bool trivia = false) {
  Lexed out;
  Source source;
  SyntaxErrorInfo err;
  EXPECT_TRUE(source.prepare(src, "<test>", &err)) << err.msg;
  Lexer lexer(source, LexerOptions{trivia});
  for (int guard = 0; guard < 1000000; ++guard) {
    Token t = lexer.next();
    out.tokens.push_back(t);
    out.texts.emplace_back(source.text().substr(t.start, t.end - t.start));
    if (t.kind == TokenKind::ErrorToken) {
      out.failed = true;
      out.error = lexer.error();
      break;
    }
    if (t.kind == TokenKind::EndMarker) break;
  }
  return out;
}

std::vector<TokenKind> kinds(const Lexed& l) {
  std::vector<TokenKind> k;
  for (const Token& t : l.tokens) k.push_back(t.kind);
  return k;
}

using K = TokenKind;

TEST(Lexer, SimpleStatement) {
  Lexed l = lex("x = foo(1, 'a')\n");
  EXPECT_EQ(kinds(l), (std::vector<K>{K::Name, K::Equal, K::Name, K::LPar, K::Number, K::Comma, K::String, K::RPar,
                                      K::Newline, K::EndMarker}));
  EXPECT_EQ(l.texts[6], "'a'");
  EXPECT_EQ(l.tokens[2].col_offset, 4);
  EXPECT_EQ(l.tokens[2].end_col_offset, 7);
  EXPECT_EQ(l.tokens[3].level, 1);
  EXPECT_EQ(l.tokens[7].level, 0);
}

TEST(Lexer, KeywordsAndSoftKeywords) {
  Lexed l = lex("if not x is None: match case _ async await\n");
  EXPECT_EQ(kinds(l), (std::vector<K>{K::KwIf, K::KwNot, K::Name, K::KwIs, K::KwNone, K::Colon, K::Name, K::Name,
                                      K::Name, K::KwAsync, K::KwAwait, K::Newline, K::EndMarker}));
  EXPECT_EQ(keyword_kind("yield"), K::KwYield);
  EXPECT_EQ(keyword_kind("match"), K::Name);
}

TEST(Lexer, Operators) {
  Lexed l = lex("a **= b //= c >>= d <<= e -> f := g ... h != i <> j @= k\n");
  std::vector<K> expect = {K::Name, K::DoubleStarEqual, K::Name, K::DoubleSlashEqual, K::Name, K::RightShiftEqual,
                           K::Name, K::LeftShiftEqual,  K::Name, K::RArrow,           K::Name, K::ColonEqual,
                           K::Name, K::Ellipsis,        K::Name, K::NotEqual,         K::Name, K::NotEqual,
                           K::Name, K::AtEqual,         K::Name, K::Newline,          K::EndMarker};
  EXPECT_EQ(kinds(l), expect);
  EXPECT_EQ(lex("$ ? !\n").tokens[0].kind, K::OtherOp);
}

TEST(Lexer, IndentDedent) {
  Lexed l = lex("if a:\n    b\n    if c:\n        d\ne\n");
  EXPECT_EQ(kinds(l), (std::vector<K>{K::KwIf, K::Name, K::Colon, K::Newline, K::Indent, K::Name, K::Newline,
                                      K::KwIf, K::Name, K::Colon, K::Newline, K::Indent, K::Name, K::Newline,
                                      K::Dedent, K::Dedent, K::Name, K::Newline, K::EndMarker}));
  // INDENT/DEDENT carry no column (CPython's -1).
  EXPECT_EQ(l.tokens[4].col_offset, -1);
}

TEST(Lexer, BlankLinesCommentsAndJoining) {
  Lexed l = lex("x = (1,\n  2)  # c\n\n   # only comment\ny = 1 + \\\n  2\n");
  EXPECT_EQ(kinds(l), (std::vector<K>{K::Name, K::Equal, K::LPar, K::Number, K::Comma, K::Number, K::RPar,
                                      K::Newline, K::Name, K::Equal, K::Number, K::Plus, K::Number, K::Newline,
                                      K::EndMarker}));
  Lexed t = lex("x = 1  # c\n\n", true);
  EXPECT_EQ(kinds(t), (std::vector<K>{K::Name, K::Equal, K::Number, K::Comment, K::Newline, K::Nl, K::EndMarker}));
  EXPECT_EQ(t.texts[3], "# c");
}

TEST(Lexer, Numbers) {
  for (const char* n : {"0", "123", "1_000", "0x_Ff", "0o17", "0B101", "3.14", "10.", ".5", "1e10", "1E-5", "1_0.0_1e+1_0",
                        "3j", "1.5J", "00", "0_0", "0.0"}) {
    SCOPED_TRACE(n);
    Lexed l = lex(std::string(n) + "\n");
    ASSERT_FALSE(l.failed) << l.error.info.msg;
    EXPECT_EQ(l.tokens[0].kind, K::Number);
    EXPECT_EQ(l.texts[0], n);
  }
  // "1if x else y" is accepted (CPython only warns).
  EXPECT_FALSE(lex("1if x else 2\n").failed);
}

TEST(Lexer, NumberErrors) {
  struct Case {
    const char* src;
    const char* msg;
    int offset;
  };
  for (const Case& c : {Case{"x = 1_a\n", "invalid decimal literal", 6}, Case{"x = 1__0\n", "invalid decimal literal", 6},
                        Case{"x = 0x\n", "invalid hexadecimal literal", 6},
                        Case{"x = 0o8\n", "invalid digit '8' in octal literal", 7},
                        Case{"x = 0b12\n", "invalid digit '2' in binary literal", 8},
                        Case{"x = 1e\n", "invalid decimal literal", 5},
                        Case{"x = 0777\n",
                             "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal "
                             "integers",
                             5}}) {
    SCOPED_TRACE(c.src);
    Lexed l = lex(c.src);
    ASSERT_TRUE(l.failed);
    EXPECT_EQ(l.error.info.msg, c.msg);
    EXPECT_EQ(l.error.info.offset, c.offset);
    EXPECT_TRUE(l.error.direct);
  }
}

TEST(Lexer, StringPrefixesAndTripleQuotes) {
  for (const char* s : {"'a'", "\"a\"", "r'a'", "R'a'", "b'a'", "Br'a'", "rB'a'", "f'a'", "Rf'a'", "fR'a'", "u'a'",
                        "U'a'", "'''a\nb'''", "\"\"\"a\"\"\"", "'a\\'b'", "'a\\\nb'", "''", "''''''"}) {
    SCOPED_TRACE(s);
    Lexed l = lex(std::string(s) + "\n");
    ASSERT_FALSE(l.failed) << l.error.info.msg;
    EXPECT_EQ(l.tokens[0].kind, K::String);
    EXPECT_EQ(l.texts[0], s);
  }
  // "ub" and "bu" are not prefixes: NAME then STRING.
  EXPECT_EQ(kinds(lex("ub'a'\n"))[0], K::Name);
  Lexed multi = lex("x = '''a\nb'''\n");
  EXPECT_EQ(multi.tokens[2].lineno, 1);
  EXPECT_EQ(multi.tokens[2].col_offset, 4);
  EXPECT_EQ(multi.tokens[2].end_lineno, 2);
  EXPECT_EQ(multi.tokens[2].end_col_offset, 4);
}

TEST(Lexer, StringErrors) {
  Lexed l = lex("x = 'abc\n");
  ASSERT_TRUE(l.failed);
  EXPECT_EQ(l.error.info.msg, "unterminated string literal (detected at line 1)");
  EXPECT_EQ(l.error.info.offset, 5);
  l = lex("x = '''abc\n\ny\n");
  ASSERT_TRUE(l.failed);
  EXPECT_EQ(l.error.info.msg, "unterminated triple-quoted string literal (detected at line 3)");
  EXPECT_EQ(l.error.info.lineno, 1);
}

TEST(Lexer, IndentationErrors) {
  Lexed l = lex("if x:\n\ta\n        b\n");
  ASSERT_TRUE(l.failed);
  EXPECT_EQ(l.error.info.kind, ErrorKind::TabError);
  EXPECT_EQ(l.error.info.msg, "inconsistent use of tabs and spaces in indentation");
  EXPECT_FALSE(l.error.direct);
  l = lex("if x:\n    a\n  b\n");
  ASSERT_TRUE(l.failed);
  EXPECT_EQ(l.error.info.kind, ErrorKind::IndentationError);
  EXPECT_EQ(l.error.info.msg, "unindent does not match any outer indentation level");
  EXPECT_EQ(l.error.info.lineno, 3);
  // Tabs align to multiples of 8 when used consistently.
  EXPECT_FALSE(lex("if x:\n\ta\n\tb\n").failed);
  std::string deep;
  for (int i = 0; i < 101; ++i) deep += std::string(static_cast<size_t>(i), ' ') + "if x:\n";
  l = lex(deep);
  ASSERT_TRUE(l.failed);
  EXPECT_EQ(l.error.info.msg, "too many levels of indentation");
}

TEST(Lexer, BracketErrors) {
  Lexed l = lex("x = 1)\n");
  ASSERT_TRUE(l.failed);
  EXPECT_EQ(l.error.info.msg, "unmatched ')'");
  l = lex("x = (]\n");
  EXPECT_EQ(l.error.info.msg, "closing parenthesis ']' does not match opening parenthesis '('");
  l = lex("x = (\n]\n");
  EXPECT_EQ(l.error.info.msg, "closing parenthesis ']' does not match opening parenthesis '(' on line 1");
  l = lex("x = (1,\n");
  ASSERT_TRUE(l.failed);
  EXPECT_EQ(l.error.info.msg, "'(' was never closed");
  EXPECT_TRUE(l.error.eof_in_brackets);
}

TEST(Lexer, HundredThousandOpenBracketsFailCleanly) {
  for (char open : {'(', '[', '{'}) {
    Lexed l = lex("x = " + std::string(100000, open) + "\n");
    ASSERT_TRUE(l.failed);
    EXPECT_EQ(l.error.info.msg, "too many nested parentheses");
    EXPECT_EQ(l.error.info.offset, 205);
  }
}

TEST(Lexer, Identifiers) {
  Lexed l = lex("\xc3\xa9t\xc3\xa9 = \xe6\x97\xa5\xe6\x9c\xac\n");
  ASSERT_FALSE(l.failed);
  EXPECT_EQ(l.tokens[0].kind, K::Name);
  EXPECT_EQ(l.tokens[0].end_col_offset, 5);  // byte offsets
  l = lex("x\xe2\x82\xac = 1\n");            // x€
  ASSERT_TRUE(l.failed);
  EXPECT_EQ(l.error.info.msg, "invalid character '\xe2\x82\xac' (U+20AC)");
  EXPECT_EQ(l.error.info.offset, 2);
  l = lex("a\xc2\xa0" "b\n");  // no-break space
  ASSERT_TRUE(l.failed);
  EXPECT_EQ(l.error.info.msg, "invalid non-printable character U+00A0");
  l = lex("x = \x01\n");
  EXPECT_EQ(l.error.info.msg, "invalid non-printable character U+0001");
}

TEST(Lexer, LineContinuationErrors) {
  Lexed l = lex("x = 1 \\ 2\n");
  ASSERT_TRUE(l.failed);
  EXPECT_EQ(l.error.info.msg, "unexpected character after line continuation character");
  EXPECT_EQ(l.error.info.offset, 8);
  l = lex("x = 1 + \\\n");
  ASSERT_TRUE(l.failed);
  EXPECT_EQ(l.error.info.msg, "unexpected EOF while parsing");
}

TEST(Lexer, DumpTokensFormat) {
  std::string d = dump_tokens("print(1)\n");
  EXPECT_EQ(d,
            "1,0-1,5:            NAME           'print'\n"
            "1,5-1,6:            OP             '('\n"
            "1,6-1,7:            NUMBER         '1'\n"
            "1,7-1,8:            OP             ')'\n"
            "1,8-1,8:            NEWLINE        ''\n"
            "1,9-1,9:            ENDMARKER      ''\n");
  EXPECT_EQ(dump_tokens("x = 'a\n").substr(dump_tokens("x = 'a\n").rfind("Syntax")),
            "SyntaxError: unterminated string literal (detected at line 1)\n");
}

}  // namespace
}  // namespace capy::syntax
