// Fuzz target: the tokenizer and the parser (src/syntax).
//
// The input is the raw bytes of a source file. Each input is tokenized the
// way `capy --dump=tokens` does (with comments and NL tokens) and parsed in
// all three modes of compile(); every tree that parses is printed with
// ast.dump's attributes. The front end promises never to throw, crash or
// overflow the native stack, whatever the bytes: any sanitizer report,
// uncaught exception or broken invariant below is a finding.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "support/arena.h"
#include "syntax/ast.h"
#include "syntax/lexer.h"
#include "syntax/parser.h"

namespace {

using namespace capy::syntax;

void check(bool ok, const char* what) {
  if (!ok) {
    fprintf(stderr, "fuzz_parse: invariant broken: %s\n", what);
    abort();
  }
}

void parse_in(std::string_view src, Mode mode) {
  capy::support::Arena arena;
  ParseResult r = parse(src, "<fuzz>", mode, arena);
  if (r.ok()) {
    std::string plain = dump(r.mod);
    check(!plain.empty(), "ast dump is empty");
    DumpOptions with_positions;
    with_positions.include_attributes = true;
    (void)dump(r.mod, with_positions);
  } else {
    check(!r.error.msg.empty(), "syntax error without a message");
    check(!r.error.summary().empty(), "syntax error without a summary");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view src(reinterpret_cast<const char*>(data), size);
  (void)dump_tokens(src, "<fuzz>");
  parse_in(src, Mode::Exec);
  parse_in(src, Mode::Eval);
  parse_in(src, Mode::Single);
  return 0;
}
