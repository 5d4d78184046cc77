// Unicode helpers for the front end (see unicode.h); character data comes from utf8proc.
#include "syntax/unicode.h"

#include <utf8proc.h>

#include <cstdlib>

namespace capy::syntax {

void utf8_append(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

namespace {

// Unicode's Other_ID_Start: kept for backwards compatibility.
bool other_id_start(uint32_t cp) {
  return cp == 0x1885 || cp == 0x1886 || cp == 0x2118 || cp == 0x212E || cp == 0x309B || cp == 0x309C;
}

// Unicode's Other_ID_Continue.
bool other_id_continue(uint32_t cp) {
  return cp == 0x00B7 || cp == 0x0387 || (cp >= 0x1369 && cp <= 0x1371) || cp == 0x19DA;
}

// Pattern_Syntax characters that have a letter category (excluded from ID_Start).
bool pattern_syntax_letter(uint32_t cp) { return cp == 0x2E2F; }

// Characters in ID_Start/ID_Continue whose NFKC form is not an identifier
// (DerivedCoreProperties: XID_* = ID_* minus these).
bool xid_start_excluded(uint32_t cp) {
  switch (cp) {
    case 0x037A: case 0x0E33: case 0x0EB3: case 0x309B: case 0x309C:
    case 0xFDFA: case 0xFDFB: case 0xFE70: case 0xFE72: case 0xFE74:
    case 0xFE76: case 0xFE78: case 0xFE7A: case 0xFE7C: case 0xFE7E:
    case 0xFF9E: case 0xFF9F:
      return true;
    default:
      return cp >= 0xFC5E && cp <= 0xFC63;
  }
}

bool xid_continue_excluded(uint32_t cp) {
  switch (cp) {
    case 0x037A: case 0x309B: case 0x309C: case 0xFDFA: case 0xFDFB:
    case 0xFE70: case 0xFE72: case 0xFE74: case 0xFE76: case 0xFE78:
    case 0xFE7A: case 0xFE7C: case 0xFE7E:
      return true;
    default:
      return cp >= 0xFC5E && cp <= 0xFC63;
  }
}

bool id_start(uint32_t cp) {
  switch (utf8proc_category(static_cast<utf8proc_int32_t>(cp))) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_NL:
      return !pattern_syntax_letter(cp);
    default:
      return other_id_start(cp);
  }
}

}  // namespace

bool is_xid_start(uint32_t cp) noexcept {
  if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
  if (cp > 0x10FFFF) return false;
  return id_start(cp) && !xid_start_excluded(cp);
}

bool is_xid_continue(uint32_t cp) noexcept {
  if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9') || cp == '_';
  if (cp > 0x10FFFF) return false;
  if (xid_continue_excluded(cp)) return false;
  if (id_start(cp) || other_id_continue(cp)) return true;
  switch (utf8proc_category(static_cast<utf8proc_int32_t>(cp))) {
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_PC:
      return true;
    default:
      return false;
  }
}

bool is_printable(uint32_t cp) noexcept {
  if (cp == ' ') return true;
  if (cp > 0x10FFFF) return false;
  switch (utf8proc_category(static_cast<utf8proc_int32_t>(cp))) {
    case UTF8PROC_CATEGORY_CC:
    case UTF8PROC_CATEGORY_CF:
    case UTF8PROC_CATEGORY_CS:
    case UTF8PROC_CATEGORY_CO:
    case UTF8PROC_CATEGORY_CN:
    case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP:
    case UTF8PROC_CATEGORY_ZS:
      return false;
    default:
      return true;
  }
}

std::string nfkc(std::string_view s) {
  utf8proc_uint8_t* out = nullptr;
  utf8proc_ssize_t n =
      utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(s.data()), static_cast<utf8proc_ssize_t>(s.size()), &out,
                   static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT));
  if (n < 0 || out == nullptr) {
    std::free(out);
    return std::string(s);
  }
  std::string result(reinterpret_cast<const char*>(out), static_cast<size_t>(n));
  std::free(out);
  return result;
}

}  // namespace capy::syntax
