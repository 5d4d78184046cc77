// Parser tests: golden comparison with CPython 3.11's ast.dump over tests/syntax/, plus focused cases.
#include "syntax/parser.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace capy::syntax {
namespace {

namespace fs = std::filesystem;

fs::path syntax_dir() {
#ifdef CAPY_SOURCE_DIR
  fs::path p = fs::path(CAPY_SOURCE_DIR) / "tests" / "syntax";
  if (fs::exists(p)) return p;
#endif
  std::error_code ec;
  fs::path dir = fs::current_path(ec);
  for (int i = 0; i < 8 && !dir.empty(); ++i) {
    if (fs::exists(dir / "tests" / "syntax" / "assign.py")) return dir / "tests" / "syntax";
    if (dir == dir.parent_path()) break;
    dir = dir.parent_path();
  }
  return {};
}

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string strip_newline(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.pop_back();
  return s;
}

std::string error_golden(const SyntaxErrorInfo& e) {
  return e.summary() + "\n" + std::to_string(e.lineno) + ":" + std::to_string(e.offset) + "\n";
}

// Every tests/syntax/NAME.py parses to exactly CPython's ast.dump (NAME.ast,
// and with positions NAME.astpos); every fail_NAME.py fails exactly like
// CPython (NAME.err: exception type, message, line and column).
TEST(ParserGolden, MatchesCPython) {
  fs::path dir = syntax_dir();
  if (dir.empty()) GTEST_SKIP() << "tests/syntax not found";
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() == ".py") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  ASSERT_GE(files.size(), 40u);
  int checked = 0;
  for (const fs::path& file : files) {
    SCOPED_TRACE(file.filename().string());
    std::string source = read_file(file);
    support::Arena arena;
    ParseResult r = parse(source, file.filename().string(), Mode::Exec, arena);
    std::string stem = file.stem().string();
    if (stem.rfind("fail_", 0) == 0) {
      fs::path err = file;
      err.replace_extension(".err");
      ASSERT_TRUE(fs::exists(err)) << "missing " << err;
      ASSERT_FALSE(r.ok()) << "expected a syntax error";
      EXPECT_EQ(error_golden(r.error), read_file(err));
    } else {
      fs::path ast = file;
      ast.replace_extension(".ast");
      ASSERT_TRUE(fs::exists(ast)) << "missing " << ast;
      ASSERT_TRUE(r.ok()) << r.error.summary() << " at " << r.error.lineno << ":" << r.error.offset;
      EXPECT_EQ(dump(r.mod), strip_newline(read_file(ast)));
      fs::path astpos = file;
      astpos.replace_extension(".astpos");
      if (fs::exists(astpos)) {
        EXPECT_EQ(dump(r.mod, DumpOptions{true}), strip_newline(read_file(astpos)));
      }
    }
    ++checked;
  }
  EXPECT_EQ(checked, static_cast<int>(files.size()));
}

std::string parse_dump(std::string_view src, Mode mode = Mode::Exec) {
  support::Arena arena;
  ParseResult r = parse(src, "<test>", mode, arena);
  if (!r.ok()) return "ERROR " + r.error.summary();
  return dump(r.mod);
}

SyntaxErrorInfo parse_error(std::string_view src, Mode mode = Mode::Exec) {
  support::Arena arena;
  ParseResult r = parse(src, "<test>", mode, arena);
  EXPECT_FALSE(r.ok()) << src;
  return r.error;
}

TEST(ParserModes, Eval) {
  EXPECT_EQ(parse_dump("1 + 2", Mode::Eval),
            "Expression(body=BinOp(left=Constant(value=1), op=Add(), right=Constant(value=2)))");
  EXPECT_EQ(parse_dump("a, b\n\n", Mode::Eval),
            "Expression(body=Tuple(elts=[Name(id='a', ctx=Load()), Name(id='b', ctx=Load())], ctx=Load()))");
  EXPECT_EQ(parse_error("x = 1", Mode::Eval).msg, "invalid syntax");
  EXPECT_EQ(parse_error(" 1", Mode::Eval).kind, ErrorKind::IndentationError);
}

TEST(ParserModes, Single) {
  EXPECT_EQ(parse_dump("x = 1\n", Mode::Single),
            "Interactive(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=1))])");
  EXPECT_EQ(parse_dump("x = 1; y = 2", Mode::Single),
            "Interactive(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=1)), "
            "Assign(targets=[Name(id='y', ctx=Store())], value=Constant(value=2))])");
  EXPECT_EQ(parse_dump("if x:\n  pass\n", Mode::Single),
            "Interactive(body=[If(test=Name(id='x', ctx=Load()), body=[Pass()], orelse=[])])");
  EXPECT_EQ(parse_error("x = 1\ny = 2\n", Mode::Single).msg,
            "multiple statements found while compiling a single statement");
}

TEST(ParserErrors, TokenizerErrorsWinOverLaterParserErrors) {
  // CPython tokenizes the rest of the file after a parser error.
  SyntaxErrorInfo e = parse_error("x = 1 2\ny = 'abc\n");
  EXPECT_EQ(e.msg, "unterminated string literal (detected at line 2)");
  EXPECT_EQ(e.lineno, 2);
  e = parse_error("f(a,\nb c\n");
  EXPECT_EQ(e.msg, "'(' was never closed");
  EXPECT_EQ(e.lineno, 1);
}

TEST(ParserErrors, Locations) {
  SyntaxErrorInfo e = parse_error("x = \"\xc3\xa9\xc3\xa9\" + (1 2)\n");
  EXPECT_EQ(e.msg, "invalid syntax. Perhaps you forgot a comma?");
  // Offsets count characters, not bytes, like CPython running a file.
  EXPECT_EQ(e.offset, 13);
  EXPECT_EQ(e.end_offset, 16);
  EXPECT_EQ(e.text, "x = \"\xc3\xa9\xc3\xa9\" + (1 2)");
}

TEST(ParserErrors, SourceProblems) {
  EXPECT_EQ(parse_error(std::string("x = 1\0\n", 7)).msg, "source code cannot contain null bytes");
  EXPECT_NE(parse_error("x = '\xff'\n").msg.find("Non-UTF-8 code starting with '\\xff'"), std::string::npos);
  EXPECT_EQ(parse_dump("# -*- coding: latin-1 -*-\nx = '\xe9'\n"),
            "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value='\xc3\xa9'))], "
            "type_ignores=[])");
  EXPECT_EQ(parse_error("# coding: klingon\n").msg, "encoding problem: klingon");
  EXPECT_EQ(parse_dump("\xef\xbb\xbfx = 1\r\ny = 2\r"),
            "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=1)), "
            "Assign(targets=[Name(id='y', ctx=Store())], value=Constant(value=2))], type_ignores=[])");
}

TEST(ParserErrors, IntDigitsLimit) {
  std::string big = "x = " + std::string(4301, '7') + "\n";
  EXPECT_NE(parse_error(big).msg.find("Exceeds the limit (4300 digits)"), std::string::npos);
  support::Arena arena;
  ParseOptions opts;
  opts.max_int_digits = 0;
  EXPECT_TRUE(parse(big, "<test>", Mode::Exec, arena, opts).ok());
  EXPECT_TRUE(parse("x = 0x" + std::string(5000, 'f'), "<test>", Mode::Exec, arena).ok());
}

TEST(ParserAst, ConstantValues) {
  support::Arena arena;
  ParseResult r = parse("12345678901234567890123\n0x10\n7\n1.5\n2j\n'\\ud800'\n", "<test>", Mode::Exec, arena);
  ASSERT_TRUE(r.ok());
  auto& body = r.mod->cast<Module>().body;
  ASSERT_EQ(body.size(), 6u);
  auto value = [&](std::size_t i) -> const ConstantValue& {
    return body[i]->cast<ExprStmt>().value->cast<Constant>().value;
  };
  EXPECT_EQ(value(0).kind, ConstantValue::Kind::Int);
  EXPECT_FALSE(value(0).int_fits);
  EXPECT_EQ(value(0).str, "12345678901234567890123");
  EXPECT_TRUE(value(1).int_fits);
  EXPECT_EQ(value(1).int_value, 16);
  EXPECT_EQ(value(1).str, "16");
  EXPECT_EQ(value(2).int_value, 7);
  EXPECT_EQ(value(3).kind, ConstantValue::Kind::Float);
  EXPECT_DOUBLE_EQ(value(3).float_value, 1.5);
  EXPECT_EQ(value(4).kind, ConstantValue::Kind::Complex);
  EXPECT_DOUBLE_EQ(value(4).float_value, 2.0);
  EXPECT_EQ(value(5).str, "\xed\xa0\x80");  // lone surrogate as WTF-8
}

TEST(ParserAst, PositionsAreUtf8ByteOffsets) {
  support::Arena arena;
  ParseResult r = parse("\xc3\xa9 = \xe6\x97\xa5\n", "<test>", Mode::Exec, arena);
  ASSERT_TRUE(r.ok());
  const Assign& a = r.mod->cast<Module>().body[0]->cast<Assign>();
  EXPECT_EQ(a.targets[0]->pos.col_offset, 0);
  EXPECT_EQ(a.targets[0]->pos.end_col_offset, 2);
  EXPECT_EQ(a.value->pos.col_offset, 5);
  EXPECT_EQ(a.value->pos.end_col_offset, 8);
}

TEST(ParserAst, IdentifiersAreNfkcNormalised) {
  EXPECT_EQ(parse_dump("\xef\xac\x81 = \xe2\x84\x8c\n"),  // "ﬁ = ℌ"
            "Module(body=[Assign(targets=[Name(id='fi', ctx=Store())], value=Name(id='H', ctx=Load()))], "
            "type_ignores=[])");
}

// Deep nesting must end in an error, never in a crash.
TEST(ParserLimits, DeepNestingIsAnErrorNotACrash) {
  struct Case {
    std::string src;
    ErrorKind kind;
  };
  const int n = 100000;
  std::vector<Case> cases = {
      {"x = " + std::string(n, '(') + std::string(n, ')'), ErrorKind::SyntaxError},
      {"x = " + std::string(n, '['), ErrorKind::SyntaxError},
      {"x = " + std::string(n, '-') + "1", ErrorKind::RecursionError},
      {"x = " + std::string(n, '~') + "1", ErrorKind::RecursionError},
  };
  std::string nots, pows, lambdas, ifexps, attrs, calls, adds;
  for (int i = 0; i < n; ++i) {
    nots += "not ";
    pows += "2**-";
    lambdas += "lambda:";
    ifexps += "a if b else ";
    attrs += ".a";
    calls += "()";
    adds += "1+";
  }
  cases.push_back({"x = " + nots + "x", ErrorKind::RecursionError});
  cases.push_back({"x = " + pows + "2", ErrorKind::RecursionError});
  cases.push_back({"x = " + lambdas + "1", ErrorKind::RecursionError});
  cases.push_back({"x = " + ifexps + "c", ErrorKind::RecursionError});
  cases.push_back({"x = a" + attrs, ErrorKind::RecursionError});
  cases.push_back({"x = a" + calls, ErrorKind::RecursionError});
  cases.push_back({"x = " + adds + "1", ErrorKind::RecursionError});
  for (const Case& c : cases) {
    SCOPED_TRACE(c.src.substr(0, 20));
    SyntaxErrorInfo e = parse_error(c.src);
    EXPECT_EQ(e.kind, c.kind) << e.summary();
  }
  // Just below CPython's limit still parses (python3 file.py accepts 2998).
  EXPECT_EQ(parse_dump(std::string(2998, '-') + "1").rfind("Module(", 0), 0u);
  EXPECT_EQ(parse_error(std::string(2999, '-') + "1").kind, ErrorKind::RecursionError);
}

TEST(ParserLimits, TinyStackBudgetIsRespected) {
  support::Arena arena;
  ParseOptions opts;
  opts.max_stack_bytes = 32 * 1024;
  ParseResult r = parse("x = " + std::string(150, '(') + std::string(150, ')'), "<test>", Mode::Exec, arena, opts);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error.kind, ErrorKind::RecursionError);
}

}  // namespace
}  // namespace capy::syntax
