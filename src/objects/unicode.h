// Unicode character properties, case mappings and the text codecs used by
// str, bytes and bytearray.
//
// The predicates and case mappings follow CPython 3.11 exactly (Unicode
// 14.0.0): their tables (unicode_tables.inc) are generated from CPython's own
// str methods by unicode_gen.py, which includes the full SpecialCasing
// mappings ('ß'.upper() == 'SS', 'ﬁ'.upper() == 'FI', 'İ'.lower() == 'i̇') and
// CPython's derived properties (Lowercase/Uppercase with their Other_*
// members, Cased, Case_Ignorable, XID_Start/XID_Continue). utf8proc (an older
// Unicode version, simple case mappings only) is used for the general
// category only.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "objects/value.h"

namespace capy {

class Isolate;
struct Str;

namespace uni {

// --- properties (CPython's Py_UNICODE_IS*) ----------------------------------
bool is_alpha(uint32_t cp);      // str.isalpha: categories Lu Ll Lt Lm Lo
bool is_decimal(uint32_t cp);    // Nd
bool is_digit(uint32_t cp);      // Numeric_Type Digit or Decimal
bool is_numeric(uint32_t cp);    // Numeric_Type Digit, Decimal or Numeric
bool is_alnum(uint32_t cp);
bool is_lower(uint32_t cp);      // derived Lowercase
bool is_upper(uint32_t cp);      // derived Uppercase
bool is_title(uint32_t cp);      // Lt
bool is_cased(uint32_t cp);
bool is_case_ignorable(uint32_t cp);
bool is_printable(uint32_t cp);  // not Cc Cf Cs Co Cn Zl Zp Zs, except ' '
bool is_space(uint32_t cp);      // str.isspace / str.split() whitespace
bool is_linebreak(uint32_t cp);  // str.splitlines boundaries
bool is_xid_start(uint32_t cp);  // identifier start (XID_Start or '_')
bool is_xid_continue(uint32_t cp);
/// Decimal digit value (0..9) of any Nd character, or -1.
int decimal_value(uint32_t cp);
/// Two-letter general category ("Lu", "Cn"…) via utf8proc.
const char* category(uint32_t cp);

// --- full case mappings: write 1..3 code points to out, return the count ----
int to_lower_full(uint32_t cp, uint32_t out[3]);  // without the final-sigma rule
int to_upper_full(uint32_t cp, uint32_t out[3]);
int to_title_full(uint32_t cp, uint32_t out[3]);
int to_fold_full(uint32_t cp, uint32_t out[3]);
/// Simple (1:1) mappings: the first code point of the full mapping.
uint32_t to_lower(uint32_t cp);
uint32_t to_upper(uint32_t cp);

inline bool ascii_space(unsigned char c) {
  return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x1f);
}

}  // namespace uni

// --- codecs ---------------------------------------------------------------------
// Supported encodings (with CPython's aliases and normalisation: case,
// '-'/'_'/' '): utf-8 (utf8, u8, cp65001), ascii (us-ascii, 646), latin-1
// (latin1, iso-8859-1, iso8859-1, l1, 8859, cp819), utf-16, utf-16-le,
// utf-16-be, utf-32, utf-32-le, utf-32-be, unicode-escape,
// raw-unicode-escape. Error handlers: strict, ignore, replace,
// backslashreplace, surrogateescape (decode only), xmlcharrefreplace and
// namereplace (encode; names from support/unicode_names.h). Errors raise UnicodeDecodeError /
// UnicodeEncodeError with CPython's messages (and the encoding, object,
// start, end and reason attributes); an unknown encoding raises
// LookupError("unknown encoding: x").

/// bytes -> str. Returns a str Value or error.
Value codec_decode(Isolate& I, std::string_view data, std::string_view encoding,
                   std::string_view errors);
/// str (UTF-8 text of a Str) -> bytes. Returns a bytes Value or error.
Value codec_encode(Isolate& I, Str* s, std::string_view encoding, std::string_view errors);
/// Normalises an encoding name for lookup; returns a canonical name
/// ("utf-8", "ascii", "latin-1", "utf-16"…) or "" when unknown.
std::string_view codec_canonical(std::string_view encoding);

}  // namespace capy
