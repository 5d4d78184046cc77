// CodeUnit: the compiler's output, plain C++ data (no Python objects) that the VM
// turns into code objects. One CodeUnit per module, class body, function, lambda
// and comprehension; nested ones are constants of their parent.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace capy::compiler {

struct CodeUnit;

// ---------------------------------------------------------------------------
// Code flags: the same bit values as CPython 3.11 (Include/cpython/code.h).
// ---------------------------------------------------------------------------

inline constexpr uint32_t CO_OPTIMIZED = 0x0001;      ///< locals live in fast slots (functions)
inline constexpr uint32_t CO_NEWLOCALS = 0x0002;      ///< a new locals namespace per call (functions)
inline constexpr uint32_t CO_VARARGS = 0x0004;        ///< has *args
inline constexpr uint32_t CO_VARKEYWORDS = 0x0008;    ///< has **kwargs
inline constexpr uint32_t CO_NESTED = 0x0010;         ///< defined inside a function
inline constexpr uint32_t CO_GENERATOR = 0x0020;      ///< calling it makes a generator
inline constexpr uint32_t CO_NOFREE = 0x0040;         ///< unused (3.11 no longer sets it)
inline constexpr uint32_t CO_COROUTINE = 0x0080;      ///< `async def` without yield
inline constexpr uint32_t CO_ITERABLE_COROUTINE = 0x0100;  ///< never set by the compiler
inline constexpr uint32_t CO_ASYNC_GENERATOR = 0x0200;     ///< `async def` with yield
/// `from __future__ import annotations` was in effect (annotations are strings).
inline constexpr uint32_t CO_FUTURE_ANNOTATIONS = 0x1000000;

/// Kinds of a localsplus slot (bit set; CPython 3.11's CO_FAST_*).
inline constexpr uint8_t kFastLocal = 0x20;  ///< a plain local (parameters first)
inline constexpr uint8_t kFastCell = 0x40;   ///< a cell created by MAKE_CELL (may also be kFastLocal for a parameter)
inline constexpr uint8_t kFastFree = 0x80;   ///< a free variable filled by COPY_FREE_VARS

// ---------------------------------------------------------------------------
// Constants.
// ---------------------------------------------------------------------------

struct Const;

/// `None`.
struct NoneConst {
  bool operator==(const NoneConst&) const = default;
};
/// `...`.
struct EllipsisConst {
  bool operator==(const EllipsisConst&) const = default;
};
/// An int that does not fit int64_t: canonical decimal with an optional leading '-'.
struct BigIntConst {
  std::string decimal;
};
/// A complex number (an imaginary literal folds to real 0.0).
struct ComplexConst {
  double real = 0;
  double imag = 0;
};
/// A bytes object (raw bytes).
struct BytesConst {
  std::string data;
};
/// A tuple (or, with `frozenset` set, a frozenset) of constants.
struct TupleConst {
  std::vector<Const> items;
  bool frozenset = false;
};
/// A nested code unit: the body of a function, class, lambda or comprehension.
using CodeConst = std::shared_ptr<const CodeUnit>;

/// One entry of CodeUnit::consts. A str is `std::string` (UTF-8; lone
/// surrogates as WTF-8, exactly as the AST holds them).
struct Const {
  using Value = std::variant<NoneConst, EllipsisConst, bool, int64_t, BigIntConst, double, ComplexConst,
                             std::string, BytesConst, TupleConst, CodeConst>;
  Value value;

  /// Indices of `value`'s alternatives, for switch statements.
  enum Kind : uint8_t { kNone, kEllipsis, kBool, kInt, kBigInt, kFloat, kComplex, kStr, kBytes, kTuple, kCode };
  Kind kind() const noexcept { return static_cast<Kind>(value.index()); }

  template <class T>
  const T& get() const noexcept { return *std::get_if<T>(&value); }
  template <class T>
  bool is() const noexcept { return std::holds_alternative<T>(value); }
};

/// Python-like repr of a constant ("None", "'a\\n'", "(1, 2.5)", "<code object f>")
/// used by the disassembler.
std::string const_repr(const Const& c);

/// Strict equality for constant de-duplication: same alternative and same
/// value; floats compare by bit pattern (so 0.0 and -0.0 differ, NaN == NaN).
bool const_identical(const Const& a, const Const& b) noexcept;

/// Hash consistent with const_identical.
uint64_t const_hash(const Const& c) noexcept;

// ---------------------------------------------------------------------------
// Positions and the exception table.
// ---------------------------------------------------------------------------

/// Source span of one instruction (CPython's co_positions): 1-based lines,
/// 0-based UTF-8 byte columns, end exclusive. lineno == 0 means "no location"
/// (artificial instruction); tracebacks then use the previous instruction's.
struct Position {
  int32_t lineno = 0;
  int32_t end_lineno = 0;
  int32_t col_offset = 0;
  int32_t end_col_offset = 0;
  bool operator==(const Position&) const = default;
};

/// One exception-table entry (CPython 3.11 semantics, instruction indices
/// instead of byte offsets). If an exception is raised by an instruction at
/// index i with start <= i < end: pop the value stack down to `depth` items,
/// push i (as an int) if `push_lasti`, push the exception, and continue at
/// `target`. Entries do not overlap and are sorted by start; an instruction
/// not covered by any entry propagates the exception to the caller.
struct ExceptionTableEntry {
  uint32_t start = 0;
  uint32_t end = 0;
  uint32_t target = 0;
  uint32_t depth = 0;
  bool push_lasti = false;
  bool operator==(const ExceptionTableEntry&) const = default;
};

// ---------------------------------------------------------------------------
// CodeUnit.
// ---------------------------------------------------------------------------

/// The compiled form of one code block. Immutable once built; shared with
/// std::shared_ptr<const CodeUnit> (safe to read from any thread).
///
/// Frame layout ("localsplus", CPython 3.11): slot i of a frame is
///   i <  varnames.size()                          varnames[i] (parameters first:
///        posonly+positional (argcount), kw-only (kwonlyargcount), *args, **kwargs)
///   i <  varnames.size() + cellvars.size()        cellvars[i - varnames.size()]
///   otherwise                                     freevars[i - varnames.size() - cellvars.size()]
/// `localsplus_kinds[i]` tells each slot's kind. A parameter that is captured by
/// an inner function is NOT repeated in `cellvars`: its varnames slot has
/// kFastLocal|kFastCell and the prologue's MAKE_CELL wraps the argument value.
/// All of LOAD_FAST / LOAD_DEREF / MAKE_CELL / LOAD_CLOSURE operands index localsplus.
struct CodeUnit {
  std::string name;       ///< co_name: "f", "<module>", "<lambda>", "<listcomp>", ...
  std::string qualname;   ///< co_qualname: "C.f", "f.<locals>.g", ...
  std::string filename;   ///< co_filename
  int32_t firstlineno = 1;  ///< line of the def/class (first decorator if any)
  uint32_t argcount = 0;         ///< positional parameters, including positional-only
  uint32_t posonlyargcount = 0;  ///< positional-only parameters
  uint32_t kwonlyargcount = 0;   ///< keyword-only parameters
  uint32_t flags = 0;            ///< CO_* bits
  uint32_t stacksize = 0;        ///< maximum value-stack depth, exact over all paths incl. handlers

  std::vector<uint32_t> code;         ///< instruction words: opcode | operand << 8
  std::vector<Position> positions;    ///< one per word of `code`

  std::vector<Const> consts;              ///< LOAD_CONST / KW_NAMES operands
  std::vector<std::string> names;         ///< global, attribute and import names
  std::vector<std::string> varnames;      ///< plain local slots (parameters first)
  std::vector<std::string> cellvars;      ///< extra cell slots (not parameters), sorted
  std::vector<std::string> freevars;      ///< free-variable slots, sorted; closure order
  std::vector<uint8_t> localsplus_kinds;  ///< per localsplus slot: kFast* bits

  std::vector<ExceptionTableEntry> exception_table;

  /// A function's docstring (what CPython keeps in co_consts[0]); the VM sets
  /// the function's __doc__ from it. Module and class docstrings are stored into
  /// `__doc__` by the body's own code instead, so this is empty for them.
  std::optional<std::string> docstring;

  /// The name of the nearest enclosing class (the `private_name` that
  /// mangles `__spam`), "" outside classes. With `class_body`, this unit is
  /// that class's body. The VM uses both to keep mangled attributes private
  /// to the code compiled inside their class (docs/security.md).
  std::string private_name;
  bool class_body = false;

  /// Total number of frame slots.
  size_t nlocalsplus() const noexcept { return varnames.size() + cellvars.size() + freevars.size(); }
  /// Name of localsplus slot i.
  const std::string& localsplus_name(size_t i) const noexcept {
    if (i < varnames.size()) return varnames[i];
    i -= varnames.size();
    if (i < cellvars.size()) return cellvars[i];
    return freevars[i - cellvars.size()];
  }
};

}  // namespace capy::compiler
