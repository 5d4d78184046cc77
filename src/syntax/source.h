// Source text prepared for the lexer (decoded, validated, newline-normalised) and syntax-error records.
//
// Pipeline position: raw bytes --Source::prepare--> Source --Lexer--> tokens.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace capy::syntax {

/// Which Python exception a front-end error maps to.
enum class ErrorKind : uint8_t {
  SyntaxError,
  IndentationError,  ///< subclass of SyntaxError
  TabError,          ///< subclass of IndentationError
  /// Nesting too deep to handle (CPython: "maximum recursion depth exceeded
  /// during compilation"); the caller should raise RecursionError.
  RecursionError,
  /// The arena could not allocate; the caller should raise MemoryError.
  MemoryError,
};

/// Python class name of an ErrorKind ("SyntaxError", "TabError", ...).
std::string_view error_kind_name(ErrorKind kind) noexcept;

/// A located front-end error, with the fields of CPython's SyntaxError.
///
/// Columns are 1-based *character* (code point) offsets, exactly as CPython's
/// SyntaxError.offset / end_offset, including CPython's quirks (an offset of
/// 0 or -1 means "unknown"). `text` is the offending source line without its
/// trailing newline (CPython sometimes keeps the newline; capy never does).
struct SyntaxErrorInfo {
  ErrorKind kind = ErrorKind::SyntaxError;
  std::string msg;
  std::string filename;
  int lineno = 0;
  int offset = 0;
  int end_lineno = 0;
  int end_offset = 0;
  std::string text;

  /// "SyntaxError: msg" — the last line of a CPython traceback for this error.
  std::string summary() const;
};

/// Immutable, prepared source text. Owns a copy of the text in which:
///  * a UTF-8 BOM is removed and a PEP 263 coding cookie is honoured
///    (utf-8, latin-1/iso-8859-1 and ascii; other encodings are rejected);
///  * the text is valid UTF-8 (validated once, so later stages need not check);
///  * "\r\n" and lone "\r" are turned into "\n", and a final "\n" is added
///    when missing (as CPython's tokenizer does);
///  * a NUL terminator follows the text (the lexer relies on it as sentinel).
class Source {
 public:
  Source() = default;

  /// Prepares `raw`. On failure returns false and fills `*error` (for
  /// example "source code cannot contain null bytes"). `filename` is only
  /// recorded for error messages.
  [[nodiscard]] bool prepare(std::string_view raw, std::string_view filename, SyntaxErrorInfo* error);

  /// The prepared text; `data()[size()]` is '\0'.
  std::string_view text() const noexcept { return text_; }
  const char* data() const noexcept { return text_.c_str(); }
  uint32_t size() const noexcept { return static_cast<uint32_t>(text_.size()); }
  std::string_view filename() const noexcept { return filename_; }

  /// Number of lines (each ends with '\n'); 0 for empty text.
  int line_count() const noexcept { return static_cast<int>(line_starts_.size()); }
  /// Byte offset of the first character of 1-based line `lineno`; for
  /// lineno past the end returns size().
  uint32_t line_start(int lineno) const noexcept;
  /// Line `lineno` without its '\n' (empty when out of range).
  std::string_view line(int lineno) const noexcept;
  /// Line `lineno` including its '\n' (empty when out of range).
  std::string_view line_with_newline(int lineno) const noexcept;
  /// 1-based line containing byte offset `pos`.
  int line_of(uint32_t pos) const noexcept;

  /// Converts a byte count from the start of line `lineno` into a character
  /// count, with CPython's _PyPegen_byte_offset_to_character_offset rules (a
  /// partially covered multi-byte character counts as one; clamps at the end
  /// of the line).
  int byte_to_char_col(int lineno, int byte_col) const noexcept;

  /// True if prepare() had to add the final '\n'.
  bool added_final_newline() const noexcept { return added_final_newline_; }

 private:
  bool added_final_newline_ = false;
  std::string text_;
  std::string filename_;
  std::vector<uint32_t> line_starts_;
};

}  // namespace capy::syntax
