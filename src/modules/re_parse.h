// The re module's pattern translator: parses Python's regular-expression
// syntax (with CPython 3.11's rules and error messages) and emits an
// equivalent PCRE2 pattern, plus the group table. Also parses replacement
// templates (re.sub's "\1 \g<name>" strings).
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace capy::re {

/// Python's re flag bits (re.RegexFlag values).
enum Flag : int64_t {
  kTemplate = 1,
  kIgnoreCase = 2,
  kLocale = 4,
  kMultiline = 8,
  kDotAll = 16,
  kUnicode = 32,
  kVerbose = 64,
  kDebug = 128,
  kAscii = 256,
};

constexpr uint64_t kMaxRepeat = 4294967295ull;  // sre's MAXREPEAT

/// Why a translation failed: the exception to raise.
struct ParseError {
  enum Kind { Re, ReNoPos, Value, Overflow, Recursion, Index } kind = Re;
  std::string msg;   // UTF-8 (already ASCII-escaped for bytes patterns)
  int64_t pos = 0;
};

struct Translation {
  std::string pcre;        // the PCRE2 pattern (UTF-8 for str patterns, raw bytes for bytes)
  uint32_t options = 0;    // PCRE2 compile options
  uint32_t extra = 0;      // PCRE2 extra compile options
  int64_t flags = 0;       // the pattern's final Python flags
  uint32_t groups = 0;     // capturing groups (not counting group 0)
  /// Named groups in definition order: (UTF-8 name, group number).
  std::vector<std::pair<std::string, uint32_t>> names;
  /// parent[g]: the capturing group that directly encloses group g (0 = none).
  std::vector<uint32_t> parent;
  /// The pattern is a plain literal (no special syntax, no IGNORECASE): its text.
  bool literal = false;
  std::string literal_text;
};

/// Translates a pattern given as code points (latin-1 bytes for bytes
/// patterns). `max_depth` bounds the nesting of groups (RecursionError).
/// Returns false with `err` filled.
bool translate(const uint32_t* cps, size_t n, bool is_bytes, int64_t flags, uint32_t max_depth,
               Translation& out, ParseError& err);

/// A parsed replacement template: literal chunks and group references.
struct TemplateItem {
  int64_t group;         // -1: literal
  std::string text;      // the literal's encoded text (UTF-8, or raw bytes)
};

/// Parses a replacement template (code points; latin-1 for bytes). Group
/// names resolve through `names`; `groups` is the pattern's group count.
/// Errors: re.error (pos in the template), IndexError for unknown names.
bool parse_template(const uint32_t* cps, size_t n, bool is_bytes, uint32_t groups,
                    const std::vector<std::pair<std::string, uint32_t>>& names,
                    std::vector<TemplateItem>& out, ParseError& err);

/// Appends code point cp to out (UTF-8 for text, one byte for bytes).
void append_cp(std::string& out, uint32_t cp, bool is_bytes);

}  // namespace capy::re
