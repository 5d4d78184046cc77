// Public entry points of the Python 3.11 parser: source text -> AST (see ast.h) or a SyntaxError.
//
// Pipeline position: Source --Lexer--> tokens --Parser--> AST --compiler--> bytecode.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "support/arena.h"
#include "syntax/ast.h"
#include "syntax/lexer.h"
#include "syntax/source.h"

namespace capy::syntax {

/// What kind of input is parsed (the `mode` argument of Python's compile()).
enum class Mode : uint8_t {
  Exec,    ///< a module: produces Module
  Eval,    ///< a single expression: produces Expression
  Single,  ///< one interactive statement: produces Interactive
};

/// Tuning knobs; the defaults match CPython 3.11.
struct ParseOptions {
  /// Maximum nesting depth of the tree (statements, expressions, patterns)
  /// before failing with ErrorKind::RecursionError ("maximum recursion depth
  /// exceeded during compilation"). CPython's compiler allows
  /// recursion_limit (1000) * COMPILER_STACK_FRAME_SCALE (3) levels; using
  /// the same bound means code CPython accepts is accepted, and later passes
  /// (compiler, dump) can rely on the depth of any tree being at most this.
  int max_depth = 3000;
  /// Native stack the parser may use, in bytes. Independently of max_depth,
  /// the parser fails with ErrorKind::RecursionError rather than use more
  /// stack than this, and (on Linux/glibc, where the thread's stack bounds
  /// are known) rather than come within 128 KiB of the end of the thread's
  /// stack. So deeply nested input never overflows the host's stack, even
  /// with the large frames of debug or sanitizer builds.
  std::size_t max_stack_bytes = 4u << 20;
  /// Report "duplicate argument 'x' in function definition" (CPython's
  /// symtable does it; capy's parser does it after an otherwise successful
  /// parse, so ordering relative to real syntax errors matches CPython).
  bool check_duplicate_arguments = true;
  /// Longest decimal integer literal, in digits (CPython's
  /// sys.get_int_max_str_digits(), default 4300); longer literals are a
  /// SyntaxError like in CPython. 0 disables the check. Hosts should pass
  /// their Limits::max_int_digits here.
  int max_int_digits = 4300;
};

/// Result of parse(): the root node, or the error.
struct ParseResult {
  /// The root: Module, Expression or Interactive by Mode; nullptr on error.
  /// Owned by the Arena passed to parse().
  Mod* mod = nullptr;
  /// Valid when mod == nullptr.
  SyntaxErrorInfo error;
  bool ok() const noexcept { return mod != nullptr; }
};

/// Parses `source` (raw bytes of a Python file or string; BOM, coding
/// cookie and "\r\n" are handled) into an AST allocated in `arena`.
/// Never throws and never overflows the native stack, whatever the input;
/// all failures are reported in ParseResult::error with CPython 3.11's
/// exception type, message and location.
ParseResult parse(std::string_view source, std::string_view filename, Mode mode, Arena& arena,
                  const ParseOptions& options = {});

}  // namespace capy::syntax
