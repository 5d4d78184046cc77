// Fuzz target: the compiler (src/compiler), from source text to bytecode.
//
// The input is the raw bytes of a source file. It is parsed in each mode of
// compile() (exec, eval, single); every tree the parser accepts is compiled
// as the VM's compile_source() does, and the result is disassembled (which
// walks every instruction, constant and nested code unit). The compiler
// must turn any tree the parser builds into either bytecode or a
// SyntaxError/RecursionError/MemoryError: a crash, a sanitizer report, an
// escaping exception or an internal error (a malformed tree or a compiler
// bug, which the VM would raise as SystemError) is a finding.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "compiler/compiler.h"
#include "compiler/disassembler.h"
#include "support/arena.h"
#include "syntax/parser.h"

namespace {

using namespace capy;

void compile_in(std::string_view src, syntax::Mode mode) {
  support::Arena arena;
  syntax::ParseResult pr = syntax::parse(src, "<fuzz>", mode, arena);
  if (!pr.ok()) return;
  compiler::Options options;
  options.source = src;
  compiler::CompileResult cr = compiler::compile(pr.mod, "<fuzz>", mode, options);
  if (cr.internal_error) {
    fprintf(stderr, "fuzz_compile: internal compiler error: %s\n", cr.error.msg.c_str());
    abort();
  }
  if (cr.ok()) {
    std::string listing = compiler::disassemble(*cr.code);
    if (listing.empty()) {
      fprintf(stderr, "fuzz_compile: empty disassembly\n");
      abort();
    }
  } else if (cr.error.msg.empty()) {
    fprintf(stderr, "fuzz_compile: compile error without a message\n");
    abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view src(reinterpret_cast<const char*>(data), size);
  compile_in(src, syntax::Mode::Exec);
  compile_in(src, syntax::Mode::Eval);
  compile_in(src, syntax::Mode::Single);
  return 0;
}
