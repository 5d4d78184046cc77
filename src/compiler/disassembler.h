// Disassembler: renders a CodeUnit (and its nested code units) as a `dis`-like
// listing, for golden tests and `capy --dump=bytecode`.
#pragma once

#include <string>

#include "compiler/code_unit.h"

namespace capy::compiler {

/// Returns a listing of `code` in the style of CPython's dis module: one line
/// per instruction (source line when it changes, `>>` on jump targets,
/// instruction index, opname, operand, resolved operand in parentheses),
/// preceded by a header (flags, argument counts, stack size, frame slots) and
/// followed by the exception table; nested code units follow recursively.
/// Deterministic (no addresses), so it can be compared against golden files.
std::string disassemble(const CodeUnit& code);

}  // namespace capy::compiler
