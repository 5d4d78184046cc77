// The Unicode character-name database (\N{...}, unicodedata.name/lookup,
// the 'namereplace' error handler) and the unicodedata property tables
// (Unicode 14.0.0, exactly CPython 3.11's), generated from CPython by
// tools/gen_unicode_names.py into unicode_names.inc. All tables are
// constant; every function is thread-safe and allocation-free except for
// the std::string it fills.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace capy {

/// The character's name (CPython's unicodedata.name), including the
/// algorithmic ones (CJK UNIFIED IDEOGRAPH-4E00, HANGUL SYLLABLE GA). Returns
/// false for code points without a name (controls, unassigned, surrogates,
/// private use).
bool unicode_name_of(uint32_t cp, std::string* out);

/// Name -> code point as CPython's \N{...} escape: case-insensitive for
/// stored names and aliases ("LINE FEED", "BYTE ORDER MARK", "lf"), exact
/// case for "CJK UNIFIED IDEOGRAPH-XXXX" and "HANGUL SYLLABLE X".
bool unicode_lookup(std::string_view name, uint32_t* cp);

/// unicodedata.lookup: like unicode_lookup, plus the named sequences
/// ("LATIN CAPITAL LETTER A WITH MACRON AND GRAVE"). Writes the code points
/// to out and returns their number (1..4), or 0 when the name is unknown.
int unicode_lookup_sequence(std::string_view name, uint32_t out[4]);

/// The longest name unicode_lookup can match (CPython's NAME_MAXLEN).
constexpr size_t kUnicodeNameMaxLen = 256;

namespace ucd {

/// unicodedata properties of a code point (Unicode 14.0.0).
const char* category(uint32_t cp);          // "Lu", "Cn"…
const char* bidirectional(uint32_t cp);     // "L", "AN", "" for unassigned…
int combining(uint32_t cp);                 // canonical combining class
const char* east_asian_width(uint32_t cp);  // "N", "Na", "W", "F", "H", "A"
bool mirrored(uint32_t cp);
/// The decomposition mapping as unicodedata.decomposition gives it
/// ("<compat> 0020 0301"); empty when none.
std::string_view decomposition(uint32_t cp);
/// Numeric value (unicodedata.numeric); false when the character has none.
bool numeric(uint32_t cp, double* out);
/// Decimal / digit values, or -1.
int decimal(uint32_t cp);
int digit(uint32_t cp);

}  // namespace ucd

}  // namespace capy
