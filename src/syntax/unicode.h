// Unicode helpers for the front end: UTF-8 decoding/encoding, PEP 3131 identifier classes, NFKC.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace capy::syntax {

/// Decodes one code point from valid UTF-8 at *p and advances *p.
/// (Source text is validated once by Source::prepare, so no checks here.)
inline uint32_t utf8_decode(const char** p) noexcept {
  const auto* s = reinterpret_cast<const unsigned char*>(*p);
  uint32_t c = s[0];
  if (c < 0x80) {
    *p += 1;
    return c;
  }
  if (c < 0xE0) {
    *p += 2;
    return ((c & 0x1F) << 6) | (s[1] & 0x3F);
  }
  if (c < 0xF0) {
    *p += 3;
    return ((c & 0x0F) << 12) | ((s[1] & 0x3F) << 6) | (s[2] & 0x3F);
  }
  *p += 4;
  return ((c & 0x07) << 18) | ((s[1] & 0x3F) << 12) | ((s[2] & 0x3F) << 6) | (s[3] & 0x3F);
}

/// Appends code point `cp` as UTF-8. Surrogates (U+D800..U+DFFF) are encoded
/// like any other 3-byte code point ("WTF-8"), so every Python str survives.
void utf8_append(std::string& out, uint32_t cp);

/// PEP 3131 identifier classes (XID_Start / XID_Continue).
bool is_xid_start(uint32_t cp) noexcept;
bool is_xid_continue(uint32_t cp) noexcept;

/// Python's str.isprintable() for one code point.
bool is_printable(uint32_t cp) noexcept;

/// NFKC normalisation of valid UTF-8 text (identifiers, PEP 3131).
std::string nfkc(std::string_view s);

}  // namespace capy::syntax
