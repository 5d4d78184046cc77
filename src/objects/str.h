// str: immutable Unicode text stored as UTF-8 with its code-point count.
// Indexing is O(1) for ASCII strings; non-ASCII strings map code-point
// indices to byte offsets by scanning (see docs/internals/objects.md).
#pragma once

#include <string>
#include <string_view>

#include "objects/object.h"

namespace capy {

/// Layout: header (aux_ = byte length), then the fields below, then the
/// UTF-8 bytes and a terminating NUL (not counted).
struct Str : Object {
  int64_t hash;       // -1 until computed (immortal strings: always computed)
  uint32_t length;    // code points
  uint8_t ascii;      // 1 when every byte < 0x80
  uint8_t interned;
  char data[];        // flexible: aux_ bytes + NUL

  size_t size() const { return aux_; }  // bytes
  std::string_view view() const { return {data, aux_}; }
};

/// New str from UTF-8 known to be valid. nullptr (MemoryError set) on failure.
Str* str_new(Isolate& I, std::string_view utf8);
/// New str from UTF-8 known to be valid with known code point count and asciiness.
Str* str_new_known(Isolate& I, std::string_view utf8, uint32_t length, bool ascii);
/// Uninitialised str of `bytes` bytes; fill data then call str_finish.
Str* str_alloc(Isolate& I, size_t bytes);
void str_finish(Str* s);  // computes length/ascii from data
Value str_value(Isolate& I, std::string_view utf8);  // Value or error
/// Single code point string (cached for < 256).
Value str_from_codepoint(Isolate& I, uint32_t cp);
int64_t str_hash(Str* s);
bool str_eq(const Str* a, const Str* b);
/// Byte offset of code point index i (0 <= i <= length).
size_t str_byte_offset(const Str* s, size_t cp_index);
/// Code point at index i (0 <= i < length).
uint32_t str_char_at(const Str* s, size_t cp_index);
Value str_concat(Isolate& I, Str* a, Str* b);
/// Python repr of a str (quotes and escapes as CPython).
std::string str_repr_text(std::string_view utf8);
/// Decodes one UTF-8 code point at p (valid input), advancing p.
uint32_t utf8_decode(const char*& p);
/// Appends cp as UTF-8.
void utf8_append(std::string& out, uint32_t cp);
/// Validates UTF-8 (strict, like CPython's decoder). Returns the byte offset
/// of the first error, or std::string_view::npos when valid.
size_t utf8_validate(std::string_view bytes);
size_t utf8_count(std::string_view valid);

/// Initialises str's type object (methods, slots). Runtime start-up only.
void init_str_type(Runtime& rt);

}  // namespace capy
