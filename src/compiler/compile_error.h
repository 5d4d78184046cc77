// CompileError: what the compiler reports instead of a CodeUnit (a SyntaxError
// with CPython's message and location, or a RecursionError for too-deep input).
#pragma once

#include <cstdint>
#include <string>

#include "syntax/ast.h"

namespace capy::compiler {

/// The Python exception type the caller should raise for a CompileError.
enum class CompileErrorKind : uint8_t {
  SyntaxError,     ///< SyntaxError(message) at `pos`
  RecursionError,  ///< RecursionError("maximum recursion depth exceeded during compilation")
  SystemError,     ///< malformed AST or internal inconsistency (a bug); SystemError(message)
};

/// A compile-time error. `pos` uses the AST's conventions (1-based lines,
/// 0-based UTF-8 byte columns, end exclusive); CPython's SyntaxError.offset
/// is `pos.col_offset + 1` and end_offset `pos.end_col_offset + 1`. The
/// source line text is left to the caller (it has the source).
struct CompileError {
  CompileErrorKind kind = CompileErrorKind::SyntaxError;
  std::string message;
  std::string filename;
  syntax::Pos pos;
};

}  // namespace capy::compiler
