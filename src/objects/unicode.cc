// Unicode properties, case mappings (tables generated from CPython 3.11 by
// unicode_gen.py) and the text codecs shared by str, bytes and bytearray.
#include "objects/unicode.h"

#include <utf8proc.h>

#include <cstdio>
#include <cstring>
#include <vector>

#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/exception.h"
#include "objects/int.h"
#include "objects/ops.h"
#include "objects/str.h"
#include "objects/str_impl.h"
#include "objects/tuple.h"
#include "support/unicode_names.h"
#include "vm/isolate.h"

namespace capy {
namespace uni {
namespace {

struct CaseRun {
  uint32_t start;
  uint16_t count;
  uint8_t stride;
  int32_t delta;
};
struct CaseMulti {
  uint32_t cp;
  uint32_t out[3];
};

#include "objects/unicode_tables.inc"

template <size_t N>
inline bool in_ranges(const uint32_t (&r)[N], uint32_t cp) {
  // r holds half-open [start, end) pairs in increasing order.
  size_t lo = 0, hi = N / 2;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (cp < r[2 * mid]) hi = mid;
    else if (cp >= r[2 * mid + 1]) lo = mid + 1;
    else return true;
  }
  return false;
}

template <size_t NR, size_t NM>
inline int map_full(const CaseRun (&runs)[NR], const CaseMulti (&multi)[NM], uint32_t cp,
                    uint32_t out[3]) {
  // Multi-character mappings first (a small table).
  size_t lo = 0, hi = NM;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (multi[mid].cp < cp) lo = mid + 1;
    else hi = mid;
  }
  if (lo < NM && multi[lo].cp == cp) {
    int n = 0;
    for (int k = 0; k < 3 && multi[lo].out[k]; ++k) out[n++] = multi[lo].out[k];
    return n;
  }
  // The run with the greatest start <= cp.
  lo = 0;
  hi = NR;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (runs[mid].start <= cp) lo = mid + 1;
    else hi = mid;
  }
  if (lo > 0) {
    const CaseRun& r = runs[lo - 1];
    uint32_t off = cp - r.start;
    if (off % r.stride == 0 && off / r.stride < r.count) {
      out[0] = static_cast<uint32_t>(static_cast<int32_t>(cp) + r.delta);
      return 1;
    }
  }
  out[0] = cp;
  return 1;
}

}  // namespace

bool is_alpha(uint32_t cp) { return cp < 256 ? kLatin1Flags[cp] & kFlagAlpha : in_ranges(kAlphaRanges, cp); }
bool is_decimal(uint32_t cp) { return cp < 256 ? kLatin1Flags[cp] & kFlagDecimal : in_ranges(kDecimalRanges, cp); }
bool is_digit(uint32_t cp) { return cp < 256 ? kLatin1Flags[cp] & kFlagDigit : in_ranges(kDigitRanges, cp); }
bool is_numeric(uint32_t cp) { return cp < 256 ? kLatin1Flags[cp] & kFlagNumeric : in_ranges(kNumericRanges, cp); }
bool is_alnum(uint32_t cp) {
  if (cp < 256) return kLatin1Flags[cp] & (kFlagAlpha | kFlagDecimal | kFlagDigit | kFlagNumeric);
  return is_alpha(cp) || is_decimal(cp) || is_digit(cp) || is_numeric(cp);
}
bool is_lower(uint32_t cp) { return cp < 256 ? kLatin1Flags[cp] & kFlagLower : in_ranges(kLowerRanges, cp); }
bool is_upper(uint32_t cp) { return cp < 256 ? kLatin1Flags[cp] & kFlagUpper : in_ranges(kUpperRanges, cp); }
bool is_title(uint32_t cp) { return cp < 256 ? kLatin1Flags[cp] & kFlagTitle : in_ranges(kTitleRanges, cp); }
bool is_cased(uint32_t cp) { return cp < 256 ? kLatin1Flags[cp] & kFlagCased : in_ranges(kCasedRanges, cp); }
bool is_case_ignorable(uint32_t cp) {
  return cp < 256 ? kLatin1Flags[cp] & kFlagCaseIgnorable : in_ranges(kCaseIgnorableRanges, cp);
}
bool is_printable(uint32_t cp) {
  return cp < 256 ? kLatin1Flags[cp] & kFlagPrintable : in_ranges(kPrintableRanges, cp);
}
bool is_space(uint32_t cp) { return cp < 256 ? kLatin1Flags[cp] & kFlagSpace : in_ranges(kSpaceRanges, cp); }
bool is_linebreak(uint32_t cp) {
  return (cp >= 0x0a && cp <= 0x0d) || (cp >= 0x1c && cp <= 0x1e) || cp == 0x85 || cp == 0x2028 ||
         cp == 0x2029;
}
bool is_xid_start(uint32_t cp) {
  return cp < 256 ? kLatin1Flags[cp] & kFlagXidStart : in_ranges(kXidStartRanges, cp);
}
bool is_xid_continue(uint32_t cp) {
  return cp < 256 ? kLatin1Flags[cp] & kFlagXidContinue : in_ranges(kXidContinueRanges, cp);
}

int decimal_value(uint32_t cp) {
  if (cp >= '0' && cp <= '9') return static_cast<int>(cp - '0');
  if (cp < 0x660) return -1;
  constexpr size_t n = sizeof(kDecimalZeros) / sizeof(kDecimalZeros[0]);
  size_t lo = 0, hi = n;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (kDecimalZeros[mid] <= cp) lo = mid + 1;
    else hi = mid;
  }
  if (lo == 0) return -1;
  uint32_t z = kDecimalZeros[lo - 1];
  return cp - z < 10 ? static_cast<int>(cp - z) : -1;
}

const char* category(uint32_t cp) {
  if (cp > 0x10FFFF) return "Cn";
  return utf8proc_category_string(static_cast<utf8proc_int32_t>(cp));
}

int to_lower_full(uint32_t cp, uint32_t out[3]) {
  if (cp < 128) {
    out[0] = (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
    return 1;
  }
  return map_full(kLowerRuns, kLowerMulti, cp, out);
}
int to_upper_full(uint32_t cp, uint32_t out[3]) {
  if (cp < 128) {
    out[0] = (cp >= 'a' && cp <= 'z') ? cp - 32 : cp;
    return 1;
  }
  return map_full(kUpperRuns, kUpperMulti, cp, out);
}
int to_title_full(uint32_t cp, uint32_t out[3]) {
  if (cp < 128) {
    out[0] = (cp >= 'a' && cp <= 'z') ? cp - 32 : cp;
    return 1;
  }
  return map_full(kTitleRuns, kTitleMulti, cp, out);
}
int to_fold_full(uint32_t cp, uint32_t out[3]) {
  if (cp < 128) {
    out[0] = (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
    return 1;
  }
  return map_full(kFoldRuns, kFoldMulti, cp, out);
}
uint32_t to_lower(uint32_t cp) {
  uint32_t o[3];
  to_lower_full(cp, o);
  return o[0];
}
uint32_t to_upper(uint32_t cp) {
  uint32_t o[3];
  to_upper_full(cp, o);
  return o[0];
}

}  // namespace uni

// ============================================================================
// Codecs
// ============================================================================

namespace {

enum class Codec : uint8_t {
  Unknown, Utf8, Ascii, Latin1, Utf16, Utf16LE, Utf16BE, Utf32, Utf32LE, Utf32BE,
  UnicodeEscape, RawUnicodeEscape, Cp1252,
};

// cp1252 (Windows Latin 1): bytes 0x80..0x9F; 0xFFFF marks an undefined byte.
// The rest of the range maps like Latin-1. Generated from CPython's codec.
constexpr uint16_t kCp1252High[32] = {0x20AC, 0xFFFF, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFF, 0x017D, 0xFFFF, 0xFFFF, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFF, 0x017E, 0x0178};

uint32_t cp1252_decode(unsigned char c) {
  if (c < 0x80 || c >= 0xA0) return c;
  return kCp1252High[c - 0x80];
}

int cp1252_encode(uint32_t cp) {
  if (cp < 0x80 || (cp >= 0xA0 && cp < 0x100)) return static_cast<int>(cp);
  for (int i = 0; i < 32; ++i)
    if (kCp1252High[i] == cp && cp != 0xFFFF) return 0x80 + i;
  return -1;
}

enum class ErrMode : uint8_t {
  Strict, Ignore, Replace, BackslashReplace, SurrogateEscape, SurrogatePass, XmlCharRef,
  NameReplace, Unknown,
};

Codec lookup_codec(std::string_view enc) {
  // Fast paths for the spellings used almost always.
  if (enc == "utf-8" || enc == "utf8" || enc == "UTF-8") return Codec::Utf8;
  if (enc == "ascii") return Codec::Ascii;
  if (enc == "latin-1" || enc == "latin1") return Codec::Latin1;
  if (enc == "cp1252" || enc == "windows-1252" || enc == "windows_1252" || enc == "CP1252") return Codec::Cp1252;
  // CPython's normalize_encoding: lower case; runs of non-alphanumerics
  // (except '.') become a single '_'; leading/trailing ones are dropped.
  char buf[64];
  size_t n = 0;
  bool punct = false;
  for (char c : enc) {
    unsigned char u = static_cast<unsigned char>(c);
    if ((u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || u == '.') {
      if (punct && n > 0) {
        if (n >= sizeof buf) return Codec::Unknown;
        buf[n++] = '_';
      }
      punct = false;
      if (n >= sizeof buf) return Codec::Unknown;
      buf[n++] = static_cast<char>(u >= 'A' && u <= 'Z' ? u + 32 : u);
    } else {
      if (u >= 0x80) return Codec::Unknown;
      punct = true;
    }
  }
  std::string_view k(buf, n);
  struct Alias { const char* name; Codec c; };
  static const Alias aliases[] = {
      {"utf_8", Codec::Utf8}, {"utf8", Codec::Utf8}, {"u8", Codec::Utf8}, {"utf", Codec::Utf8},
      {"cp65001", Codec::Utf8}, {"utf8_ucs2", Codec::Utf8}, {"utf8_ucs4", Codec::Utf8},
      {"ascii", Codec::Ascii}, {"us_ascii", Codec::Ascii}, {"646", Codec::Ascii},
      {"us", Codec::Ascii}, {"ansi_x3.4_1968", Codec::Ascii}, {"ansi_x3_4_1968", Codec::Ascii},
      {"ansi_x3.4_1986", Codec::Ascii}, {"cp367", Codec::Ascii}, {"csascii", Codec::Ascii},
      {"ibm367", Codec::Ascii}, {"iso646_us", Codec::Ascii}, {"iso_646.irv_1991", Codec::Ascii},
      {"iso_ir_6", Codec::Ascii},
      {"cp1252", Codec::Cp1252}, {"windows_1252", Codec::Cp1252}, {"latin_1", Codec::Latin1}, {"latin1", Codec::Latin1}, {"latin", Codec::Latin1},
      {"l1", Codec::Latin1}, {"iso_8859_1", Codec::Latin1}, {"iso8859_1", Codec::Latin1},
      {"8859", Codec::Latin1}, {"cp819", Codec::Latin1}, {"iso_ir_100", Codec::Latin1},
      {"csisolatin1", Codec::Latin1}, {"ibm819", Codec::Latin1}, {"iso_8859_1_1987", Codec::Latin1},
      {"utf_16", Codec::Utf16}, {"utf16", Codec::Utf16}, {"u16", Codec::Utf16},
      {"utf_16_le", Codec::Utf16LE}, {"utf_16le", Codec::Utf16LE},
      {"unicodelittleunmarked", Codec::Utf16LE},
      {"utf_16_be", Codec::Utf16BE}, {"utf_16be", Codec::Utf16BE},
      {"unicodebigunmarked", Codec::Utf16BE},
      {"utf_32", Codec::Utf32}, {"utf32", Codec::Utf32}, {"u32", Codec::Utf32},
      {"utf_32_le", Codec::Utf32LE}, {"utf_32le", Codec::Utf32LE},
      {"utf_32_be", Codec::Utf32BE}, {"utf_32be", Codec::Utf32BE},
      {"unicode_escape", Codec::UnicodeEscape},
      {"raw_unicode_escape", Codec::RawUnicodeEscape},
  };
  for (const Alias& a : aliases)
    if (k == a.name) return a.c;
  return Codec::Unknown;
}

const char* codec_name(Codec c) {
  switch (c) {
    case Codec::Utf8: return "utf-8";
    case Codec::Ascii: return "ascii";
    case Codec::Latin1: return "latin-1";
    case Codec::Utf16: return "utf-16";
    case Codec::Utf16LE: return "utf-16-le";
    case Codec::Utf16BE: return "utf-16-be";
    case Codec::Utf32: return "utf-32";
    case Codec::Utf32LE: return "utf-32-le";
    case Codec::Utf32BE: return "utf-32-be";
    case Codec::UnicodeEscape: return "unicodeescape";
    case Codec::RawUnicodeEscape: return "rawunicodeescape";
    case Codec::Cp1252: return "charmap";
    default: return "";
  }
}

ErrMode lookup_errors(std::string_view e) {
  if (e.empty() || e == "strict") return ErrMode::Strict;
  if (e == "ignore") return ErrMode::Ignore;
  if (e == "replace") return ErrMode::Replace;
  if (e == "backslashreplace") return ErrMode::BackslashReplace;
  if (e == "surrogateescape") return ErrMode::SurrogateEscape;
  if (e == "surrogatepass") return ErrMode::SurrogatePass;
  if (e == "xmlcharrefreplace") return ErrMode::XmlCharRef;
  if (e == "namereplace") return ErrMode::NameReplace;
  return ErrMode::Unknown;
}

Value raise_unknown_handler(Isolate& I, std::string_view errors) {
  return raisef(I, I.rt.exc_LookupError, "unknown error handler name '%.*s'",
                static_cast<int>(errors.size()), errors.data());
}

/// Raises a UnicodeDecodeError/UnicodeEncodeError; args are CPython's
/// (encoding, object, start, end, reason), from which the exception's str()
/// builds the message ("'utf-8' codec can't decode byte 0xff in position 0: …").
Value raise_unicode_error(Isolate& I, Type* type, const char* encoding, Value object,
                          int64_t start, int64_t end, const char* reason) {
  Value enc = str_value(I, encoding);
  if (enc.is_error()) return enc;
  Value rsn = str_value(I, reason);
  if (rsn.is_error()) return rsn;
  Value items[5] = {enc, object, int_from_i64(I, start), int_from_i64(I, end), rsn};
  if (items[2].is_error() || items[3].is_error()) return Value::error();
  Tuple* args = tuple_from(I, items, 5);
  if (!args) return Value::error();
  BaseExc* e = exception_new(I, type, args);
  if (!e) return Value::error();
  I.pending = e;
  return Value::error();
}

Value raise_decode_error(Isolate& I, Codec c, std::string_view data, size_t start, size_t end,
                         const char* reason) {
  Value obj = bytes_value(I, data);
  if (obj.is_error()) return obj;
  return raise_unicode_error(I, I.rt.exc_UnicodeDecodeError, codec_name(c), obj,
                             static_cast<int64_t>(start), static_cast<int64_t>(end), reason);
}

// --- decoding -----------------------------------------------------------------

struct Decoder {
  Isolate& I;
  Codec codec;
  std::string_view data;
  std::string_view errors;
  ErrMode mode;
  std::string out;

  /// Handles the error for data[start, end): appends the replacement or
  /// raises. Returns false when an exception is pending.
  bool error(size_t start, size_t end, const char* reason) {
    switch (mode) {
      case ErrMode::Strict:
      case ErrMode::SurrogatePass:
      case ErrMode::XmlCharRef:
      case ErrMode::NameReplace:
        raise_decode_error(I, codec, data, start, end, reason);
        return false;
      case ErrMode::Unknown:
        raise_unknown_handler(I, errors);
        return false;
      case ErrMode::Ignore:
        return true;
      case ErrMode::Replace:
        out += "\xEF\xBF\xBD";
        return true;
      case ErrMode::BackslashReplace:
        for (size_t i = start; i < end; ++i) {
          char b[8];
          snprintf(b, sizeof b, "\\x%02x", static_cast<unsigned char>(data[i]));
          out += b;
        }
        return true;
      case ErrMode::SurrogateEscape:
        for (size_t i = start; i < end; ++i) {
          unsigned char c = static_cast<unsigned char>(data[i]);
          if (c < 128) {
            raise_decode_error(I, codec, data, start, end, reason);
            return false;
          }
          utf8_append(out, 0xDC00 + c);
        }
        return true;
    }
    return true;
  }
};

inline bool is_cont(unsigned char c) { return (c & 0xC0) == 0x80; }

Value decode_utf8(Decoder& d) {
  std::string_view s = d.data;
  size_t n = s.size();
  const unsigned char* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t i = 0;
  d.out.reserve(n);
  while (i < n) {
    // Copy the longest valid stretch at once.
    size_t good = utf8_validate(s.substr(i));
    if (good == std::string_view::npos) {
      d.out.append(s.data() + i, n - i);
      break;
    }
    d.out.append(s.data() + i, good);
    i += good;
    unsigned char c = p[i];
    size_t need;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c < 0xC2 || c > 0xF4) {
      if (!d.error(i, i + 1, "invalid start byte")) return Value::error();
      ++i;
      continue;
    } else if (c < 0xE0) {
      need = 1;
    } else if (c < 0xF0) {
      need = 2;
      if (c == 0xE0) lo = 0xA0;
      if (c == 0xED) {
        if (d.mode == ErrMode::SurrogatePass && i + 2 < n && p[i + 1] >= 0xA0 && p[i + 1] <= 0xBF &&
            is_cont(p[i + 2])) {
          d.out.append(s.data() + i, 3);
          i += 3;
          continue;
        }
        hi = 0x9F;
      }
    } else {
      need = 3;
      if (c == 0xF0) lo = 0x90;
      if (c == 0xF4) hi = 0x8F;
    }
    size_t k = 1;
    bool bad = false;
    for (; k <= need; ++k) {
      if (i + k >= n) break;
      unsigned char b = p[i + k];
      bool ok = k == 1 ? (b >= lo && b <= hi) : is_cont(b);
      if (!ok) {
        bad = true;
        break;
      }
    }
    if (bad) {
      if (!d.error(i, i + k, "invalid continuation byte")) return Value::error();
      i += k;
    } else {
      // Truncated at the end of the data.
      if (!d.error(i, n, "unexpected end of data")) return Value::error();
      i = n;
    }
  }
  return str_value(d.I, d.out);
}

Value decode_ascii_latin1(Decoder& d, bool ascii) {
  std::string_view s = d.data;
  d.out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 128) {
      d.out.push_back(static_cast<char>(c));
    } else if (!ascii) {
      utf8_append(d.out, c);
    } else if (!d.error(i, i + 1, "ordinal not in range(128)")) {
      return Value::error();
    }
  }
  return str_value(d.I, d.out);
}

Value decode_cp1252(Decoder& d) {
  std::string_view s = d.data;
  d.out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    uint32_t cp = cp1252_decode(static_cast<unsigned char>(s[i]));
    if (cp != 0xFFFF) {
      utf8_append(d.out, cp);
    } else if (!d.error(i, i + 1, "character maps to <undefined>")) {
      return Value::error();
    }
  }
  return str_value(d.I, d.out);
}

Value decode_utf16(Decoder& d, int order /* -1 LE, 1 BE, 0 detect */) {
  std::string_view s = d.data;
  const unsigned char* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t n = s.size(), i = 0;
  if (order == 0) {
    order = -1;
    if (n >= 2) {
      if (p[0] == 0xFF && p[1] == 0xFE) { order = -1; i = 2; }
      else if (p[0] == 0xFE && p[1] == 0xFF) { order = 1; i = 2; }
    }
  }
  d.codec = order < 0 ? Codec::Utf16LE : Codec::Utf16BE;
  auto unit = [&](size_t at) -> uint32_t {
    return order < 0 ? (p[at] | (p[at + 1] << 8)) : ((p[at] << 8) | p[at + 1]);
  };
  while (i < n) {
    if (i + 1 >= n) {
      if (!d.error(i, n, "truncated data")) return Value::error();
      break;
    }
    uint32_t u = unit(i);
    if (u < 0xD800 || u > 0xDFFF) {
      utf8_append(d.out, u);
      i += 2;
      continue;
    }
    if (u >= 0xDC00) {
      if (d.mode == ErrMode::SurrogatePass) { utf8_append(d.out, u); i += 2; continue; }
      if (!d.error(i, i + 2, "illegal encoding")) return Value::error();
      i += 2;
      continue;
    }
    if (i + 3 >= n) {
      if (d.mode == ErrMode::SurrogatePass && i + 3 > n - 1) { utf8_append(d.out, u); i += 2; continue; }
      if (!d.error(i, n, "unexpected end of data")) return Value::error();
      break;
    }
    uint32_t u2 = unit(i + 2);
    if (u2 < 0xDC00 || u2 > 0xDFFF) {
      if (d.mode == ErrMode::SurrogatePass) { utf8_append(d.out, u); i += 2; continue; }
      if (!d.error(i, i + 2, "illegal UTF-16 surrogate")) return Value::error();
      i += 2;
      continue;
    }
    utf8_append(d.out, 0x10000 + ((u - 0xD800) << 10) + (u2 - 0xDC00));
    i += 4;
  }
  return str_value(d.I, d.out);
}

Value decode_utf32(Decoder& d, int order) {
  std::string_view s = d.data;
  const unsigned char* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t n = s.size(), i = 0;
  if (order == 0) {
    order = -1;
    if (n >= 4) {
      if (p[0] == 0xFF && p[1] == 0xFE && p[2] == 0 && p[3] == 0) { order = -1; i = 4; }
      else if (p[0] == 0 && p[1] == 0 && p[2] == 0xFE && p[3] == 0xFF) { order = 1; i = 4; }
    }
  }
  d.codec = order < 0 ? Codec::Utf32LE : Codec::Utf32BE;
  while (i < n) {
    if (i + 3 >= n) {
      if (!d.error(i, n, "truncated data")) return Value::error();
      break;
    }
    uint32_t u = order < 0 ? (p[i] | (p[i + 1] << 8) | (p[i + 2] << 16) | (uint32_t(p[i + 3]) << 24))
                           : ((uint32_t(p[i]) << 24) | (p[i + 1] << 16) | (p[i + 2] << 8) | p[i + 3]);
    if (u > 0x10FFFF) {
      if (!d.error(i, i + 4, "code point not in range(0x110000)")) return Value::error();
    } else if (u >= 0xD800 && u <= 0xDFFF && d.mode != ErrMode::SurrogatePass) {
      if (!d.error(i, i + 4, "code point in surrogate code point range(0xd800, 0xe000)"))
        return Value::error();
    } else {
      utf8_append(d.out, u);
    }
    i += 4;
  }
  return str_value(d.I, d.out);
}

int hexval(unsigned char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

Value decode_unicode_escape(Decoder& d, bool raw) {
  std::string_view s = d.data;
  const unsigned char* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t n = s.size(), i = 0;
  d.out.reserve(n);
  while (i < n) {
    unsigned char c = p[i];
    if (c != '\\') {
      if (c < 128) d.out.push_back(static_cast<char>(c));
      else utf8_append(d.out, c);
      ++i;
      continue;
    }
    size_t start = i++;
    if (i >= n) {
      if (raw) {
        d.out.push_back('\\');
        break;
      }
      if (!d.error(start, n, "\\ at end of string")) return Value::error();
      break;
    }
    c = p[i];
    int count = 0;
    const char* msg = nullptr;
    if (raw) {
      if (c == 'u') { count = 4; msg = "truncated \\uXXXX escape"; }
      else if (c == 'U') { count = 8; msg = "truncated \\UXXXXXXXX escape"; }
      else {
        // A backslash and the following byte are both kept (so "\\\\u" is no escape).
        d.out.push_back('\\');
        if (c < 128) d.out.push_back(static_cast<char>(c));
        else utf8_append(d.out, c);
        ++i;
        continue;
      }
    } else {
      switch (c) {
        case '\n': ++i; continue;
        case '\\': d.out.push_back('\\'); ++i; continue;
        case '\'': d.out.push_back('\''); ++i; continue;
        case '"': d.out.push_back('"'); ++i; continue;
        case 'b': d.out.push_back('\b'); ++i; continue;
        case 'f': d.out.push_back('\f'); ++i; continue;
        case 't': d.out.push_back('\t'); ++i; continue;
        case 'n': d.out.push_back('\n'); ++i; continue;
        case 'r': d.out.push_back('\r'); ++i; continue;
        case 'v': d.out.push_back('\v'); ++i; continue;
        case 'a': d.out.push_back('\a'); ++i; continue;
        case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
          uint32_t v = c - '0';
          ++i;
          for (int k = 0; k < 2 && i < n && p[i] >= '0' && p[i] <= '7'; ++k) v = v * 8 + (p[i++] - '0');
          utf8_append(d.out, v);
          continue;
        }
        case 'x': count = 2; msg = "truncated \\xXX escape"; break;
        case 'u': count = 4; msg = "truncated \\uXXXX escape"; break;
        case 'U': count = 8; msg = "truncated \\UXXXXXXXX escape"; break;
        case 'N': {
          size_t j = i + 1, stop = j;  // stop: end of the error range, as CPython
          if (j < n && p[j] == '{') {
            size_t k = j + 1;
            while (k < n && p[k] != '}') ++k;
            stop = k;
            if (k < n && k > j + 1) {
              uint32_t ch;
              if (unicode_lookup(std::string_view(reinterpret_cast<const char*>(p) + j + 1, k - j - 1), &ch)) {
                utf8_append(d.out, ch);
                i = k + 1;
                continue;
              }
              if (!d.error(start, k + 1, "unknown Unicode character name")) return Value::error();
              i = k + 1;
              continue;
            }
          }
          if (!d.error(start, stop, "malformed \\N character escape")) return Value::error();
          i = stop;
          continue;
        }
        default:
          // Unknown escapes are kept as they are.
          d.out.push_back('\\');
          continue;
      }
    }
    ++i;  // past the escape letter
    uint32_t v = 0;
    int k = 0;
    for (; k < count; ++k) {
      if (i >= n) break;
      int h = hexval(p[i]);
      if (h < 0) break;
      v = v * 16 + static_cast<uint32_t>(h);
      ++i;
    }
    if (k < count) {
      if (!d.error(start, i, msg)) return Value::error();
      continue;
    }
    if (v > 0x10FFFF) {
      if (!d.error(start, i, raw ? "\\Uxxxxxxxx out of range" : "illegal Unicode character"))
        return Value::error();
      continue;
    }
    utf8_append(d.out, v);
  }
  return str_value(d.I, d.out);
}

// --- encoding -----------------------------------------------------------------

struct Encoder {
  Isolate& I;
  Codec codec;
  Str* src;
  std::string_view errors;
  ErrMode mode;
  std::string out;
  int order = -1;  // utf-16/32 byte order

  bool encodable(uint32_t cp) const {
    switch (codec) {
      case Codec::Ascii: return cp < 128;
      case Codec::Latin1: return cp < 256;
      case Codec::Cp1252: return cp1252_encode(cp) >= 0;
      case Codec::UnicodeEscape:
      case Codec::RawUnicodeEscape: return true;
      default: return cp < 0xD800 || cp > 0xDFFF;
    }
  }
  void put16(uint32_t u) {
    if (order < 0) { out.push_back(char(u & 0xFF)); out.push_back(char(u >> 8)); }
    else { out.push_back(char(u >> 8)); out.push_back(char(u & 0xFF)); }
  }
  void put32(uint32_t u) {
    if (order < 0) {
      for (int k = 0; k < 4; ++k) out.push_back(char((u >> (8 * k)) & 0xFF));
    } else {
      for (int k = 3; k >= 0; --k) out.push_back(char((u >> (8 * k)) & 0xFF));
    }
  }
  void hex_escape(uint32_t cp) {
    char b[16];
    if (cp < 0x100) snprintf(b, sizeof b, "\\x%02x", cp);
    else if (cp < 0x10000) snprintf(b, sizeof b, "\\u%04x", cp);
    else snprintf(b, sizeof b, "\\U%08x", cp);
    out += b;
  }
  /// Appends an encodable code point (or a surrogate for surrogatepass).
  void put(uint32_t cp) {
    switch (codec) {
      case Codec::Utf8: utf8_append(out, cp); break;
      case Codec::Ascii:
      case Codec::Latin1: out.push_back(static_cast<char>(cp)); break;
      case Codec::Cp1252: out.push_back(static_cast<char>(cp1252_encode(cp))); break;
      case Codec::Utf16:
      case Codec::Utf16LE:
      case Codec::Utf16BE:
        if (cp >= 0x10000) {
          cp -= 0x10000;
          put16(0xD800 + (cp >> 10));
          put16(0xDC00 + (cp & 0x3FF));
        } else {
          put16(cp);
        }
        break;
      case Codec::Utf32:
      case Codec::Utf32LE:
      case Codec::Utf32BE: put32(cp); break;
      case Codec::UnicodeEscape:
        if (cp >= 0x100) hex_escape(cp);
        else if (cp == '\\') out += "\\\\";
        else if (cp == '\t') out += "\\t";
        else if (cp == '\n') out += "\\n";
        else if (cp == '\r') out += "\\r";
        else if (cp < 0x20 || cp >= 0x7f) hex_escape(cp);
        else out.push_back(static_cast<char>(cp));
        break;
      case Codec::RawUnicodeEscape:
        if (cp >= 0x100) hex_escape(cp);
        else out.push_back(static_cast<char>(cp));
        break;
      default: break;
    }
  }
  void put_ascii(const char* s) {
    for (; *s; ++s) put(static_cast<unsigned char>(*s));
  }

  const char* reason() const {
    switch (codec) {
      case Codec::Ascii: return "ordinal not in range(128)";
      case Codec::Latin1: return "ordinal not in range(256)";
      case Codec::Cp1252: return "character maps to <undefined>";
      default: return "surrogates not allowed";
    }
  }

  Value raise_error(const std::vector<uint32_t>&, size_t start, size_t end) {
    return raise_unicode_error(I, I.rt.exc_UnicodeEncodeError, codec_name(codec), Value::object(src),
                               static_cast<int64_t>(start), static_cast<int64_t>(end), reason());
  }

  /// Handles an unencodable run [start, end) of code points. false: raised.
  bool error(const std::vector<uint32_t>& run, size_t start, size_t end) {
    switch (mode) {
      case ErrMode::Strict:
        raise_error(run, start, end);
        return false;
      case ErrMode::Unknown:
        raise_unknown_handler(I, errors);
        return false;
      case ErrMode::Ignore: return true;
      case ErrMode::Replace:
        for (size_t k = 0; k < run.size(); ++k) put('?');
        return true;
      case ErrMode::BackslashReplace:
      case ErrMode::NameReplace:
        for (uint32_t cp : run) {
          if (mode == ErrMode::NameReplace) {
            std::string name = "\\N{";
            if (unicode_name_of(cp, &name)) {
              name.push_back('}');
              put_ascii(name.c_str());
              continue;
            }
          }
          char b[16];
          if (cp < 0x100) snprintf(b, sizeof b, "\\x%02x", cp);
          else if (cp < 0x10000) snprintf(b, sizeof b, "\\u%04x", cp);
          else snprintf(b, sizeof b, "\\U%08x", cp);
          put_ascii(b);
        }
        return true;
      case ErrMode::XmlCharRef:
        for (uint32_t cp : run) {
          char b[24];
          snprintf(b, sizeof b, "&#%u;", cp);
          put_ascii(b);
        }
        return true;
      case ErrMode::SurrogateEscape:
        for (uint32_t cp : run) {
          if (cp < 0xDC80 || cp > 0xDCFF || codec == Codec::Utf16 || codec == Codec::Utf16LE ||
              codec == Codec::Utf16BE || codec == Codec::Utf32 || codec == Codec::Utf32LE ||
              codec == Codec::Utf32BE) {
            raise_error(run, start, end);
            return false;
          }
        }
        for (uint32_t cp : run) out.push_back(static_cast<char>(cp - 0xDC00));
        return true;
      case ErrMode::SurrogatePass:
        for (uint32_t cp : run) {
          if (cp < 0xD800 || cp > 0xDFFF || codec == Codec::Ascii || codec == Codec::Latin1) {
            raise_error(run, start, end);
            return false;
          }
        }
        for (uint32_t cp : run) {
          if (codec == Codec::Utf8) utf8_append(out, cp);
          else if (codec == Codec::Utf32 || codec == Codec::Utf32LE || codec == Codec::Utf32BE) put32(cp);
          else put16(cp);
        }
        return true;
    }
    return true;
  }

  Value run() {
    std::string_view s = src->view();
    out.reserve(s.size() + 4);
    if (codec == Codec::Utf16) {
      order = -1;
      put16(0xFEFF);
    } else if (codec == Codec::Utf16BE || codec == Codec::Utf32BE) {
      order = 1;
    } else if (codec == Codec::Utf32) {
      order = -1;
      put32(0xFEFF);
    }
    const char* p = s.data();
    const char* e = p + s.size();
    size_t idx = 0;
    std::vector<uint32_t> bad;
    while (p < e) {
      uint32_t cp = utf8_decode(p);
      if (encodable(cp)) {
        put(cp);
        ++idx;
        continue;
      }
      bad.clear();
      bad.push_back(cp);
      size_t start = idx++;
      while (p < e) {
        const char* q = p;
        uint32_t c2 = utf8_decode(q);
        if (encodable(c2)) break;
        bad.push_back(c2);
        p = q;
        ++idx;
      }
      if (!error(bad, start, idx)) return Value::error();
    }
    return bytes_value(I, out);
  }
};

bool has_surrogates(std::string_view s) {
  // Surrogates are stored as the 3-byte sequences ED A0..BF xx.
  const char* p = s.data();
  const char* e = p + s.size();
  while (true) {
    const void* f = memchr(p, 0xED, static_cast<size_t>(e - p));
    if (!f) return false;
    const unsigned char* q = static_cast<const unsigned char*>(f);
    if (q + 1 < reinterpret_cast<const unsigned char*>(e) && q[1] >= 0xA0) return true;
    p = reinterpret_cast<const char*>(q) + 1;
  }
}

}  // namespace

std::string_view codec_canonical(std::string_view encoding) {
  Codec c = lookup_codec(encoding);
  return c == Codec::Unknown ? std::string_view() : std::string_view(codec_name(c));
}

Value codec_decode(Isolate& I, std::string_view data, std::string_view encoding,
                   std::string_view errors) {
  Codec c = lookup_codec(encoding);
  if (c == Codec::Unknown)
    return raisef(I, I.rt.exc_LookupError, "unknown encoding: %.*s", static_cast<int>(encoding.size()),
                  encoding.data());
  if (c == Codec::Utf8 && utf8_validate(data) == std::string_view::npos) return str_value(I, data);
  if (c == Codec::Ascii) {
    bool ascii = true;
    for (char ch : data)
      if (static_cast<unsigned char>(ch) >= 128) { ascii = false; break; }
    if (ascii) return str_value(I, data);
  }
  // The text is built in a native buffer, then copied into the str: with
  // strict errors it has at most three UTF-8 bytes per input byte (Latin-1
  // and cp1252 bytes above 0x7F, UTF-16 units), no more than the input
  // otherwise; replacement handlers can write four per byte.
  {
    bool strict = errors.empty() || errors == "strict";
    uint64_t factor = !strict ? 4 : (c == Codec::Utf8 || c == Codec::Ascii || c == Codec::Utf32 ||
                                     c == Codec::Utf32LE || c == Codec::Utf32BE)
                                        ? 1
                                        : 3;
    uint64_t bound = uint64_t(data.size()) * factor;
    if (strict && c == Codec::Latin1) {  // exactly: two UTF-8 bytes per byte above 0x7F
      bound = data.size();
      for (char ch : data) bound += static_cast<unsigned char>(ch) >> 7;
    }
    if (too_big(I, bound + 16)) return raise_memory(I);
  }
  Decoder d{I, c, data, errors, lookup_errors(errors), {}};
  switch (c) {
    case Codec::Utf8: return decode_utf8(d);
    case Codec::Ascii: return decode_ascii_latin1(d, true);
    case Codec::Latin1: return decode_ascii_latin1(d, false);
    case Codec::Cp1252: return decode_cp1252(d);
    case Codec::Utf16: return decode_utf16(d, 0);
    case Codec::Utf16LE: return decode_utf16(d, -1);
    case Codec::Utf16BE: return decode_utf16(d, 1);
    case Codec::Utf32: return decode_utf32(d, 0);
    case Codec::Utf32LE: return decode_utf32(d, -1);
    case Codec::Utf32BE: return decode_utf32(d, 1);
    case Codec::UnicodeEscape: return decode_unicode_escape(d, false);
    case Codec::RawUnicodeEscape: return decode_unicode_escape(d, true);
    default: break;
  }
  return Value::error();
}

Value codec_encode(Isolate& I, Str* s, std::string_view encoding, std::string_view errors) {
  Codec c = lookup_codec(encoding);
  if (c == Codec::Unknown)
    return raisef(I, I.rt.exc_LookupError, "unknown encoding: %.*s", static_cast<int>(encoding.size()),
                  encoding.data());
  std::string_view v = s->view();
  if ((c == Codec::Utf8 && (s->ascii || !has_surrogates(v))) ||
      ((c == Codec::Ascii || c == Codec::Latin1) && s->ascii))
    return bytes_value(I, v);
  // Built in a native buffer, then copied into the bytes: UTF-32 takes four
  // bytes per code point, UTF-16 at most four, the escape codecs and the
  // replacing error handlers up to ten ("\\U0010ffff", "&#1114111;").
  {
    bool strict = errors.empty() || errors == "strict";
    uint64_t n = s->length;
    uint64_t bound = c == Codec::UnicodeEscape || c == Codec::RawUnicodeEscape || !strict ? 10 * n
                     : c == Codec::Utf8                                                    ? uint64_t(v.size())
                                                                                           : 4 * n;
    if (too_big(I, bound + 16)) return raise_memory(I);
  }
  Encoder e{I, c, s, errors, lookup_errors(errors), {}};
  return e.run();
}

}  // namespace capy
