// Number formatting: CPython's PyOS_double_to_string, the format-spec
// mini-language for int/float/complex (__format__, format(), f-strings) and
// the numeric conversions of printf-style '%' formatting.
//
// Everything here follows CPython 3.11 (Python/pystrtod.c,
// Python/formatter_unicode.c, Objects/unicodeobject.c) output for output,
// error message for error message. The C locale is assumed for 'n'.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "objects/object.h"

namespace capy {

// --- PyOS_double_to_string ------------------------------------------------------------

/// Flags of double_to_string (CPython's Py_DTSF_*).
enum DtsfFlags : unsigned {
  kDtsfSign = 1,       // always add the sign ('+' for non-negatives)
  kDtsfAddDot0 = 2,    // "1.0" rather than "1" for integral values (repr)
  kDtsfAlt = 4,        // '#' alternate form: keep the decimal point / trailing zeros
  kDtsfNoNegZero = 8,  // 'z': a result that rounds to -0 prints as 0
};

/// Appends d formatted as CPython's PyOS_double_to_string(d, code, precision, flags):
/// code is one of 'e' 'E' 'f' 'F' 'g' 'G' 'r' (repr; precision ignored).
/// Infinities and NaNs give "inf"/"nan" ("INF"/"NAN" for upper-case codes).
/// `precision` must be reasonable (callers check memory for huge precisions).
void double_to_string(std::string& out, double d, char code, int precision, unsigned flags);

/// CPython's float repr: double_to_string(d, 'r', 0, kDtsfAddDot0). Declared in float.h too.
std::string float_repr(double d);

// --- the format-spec mini-language (format(x, spec), f"{x:spec}") -----------------------

/// format(v, spec) for an int-like value v (int, bool, int subclass instance):
/// returns a str Value or error. An empty spec gives str(v).
Value format_int(Isolate& I, Value v, std::string_view spec);
/// format(d, spec) for a float; `self` (may be null) is used for str(self) with an
/// empty spec and for the type name in error messages (default 'float').
Value format_float(Isolate& I, double d, std::string_view spec, Value self = Value::null());
/// format(c, spec) for a complex number.
Value format_complex(Isolate& I, double real, double imag, std::string_view spec,
                     Value self = Value::null());

// --- printf-style formatting ('%d' % x) ----------------------------------------------------
//
// The str engineer's '%' operator parses the conversion spec, converts the
// argument (int(x) for %d/%i/%u, __index__ for %x/%X/%o, float(x) for
// %e/%f/%g…) and calls these for the text. Width, precision, flags and sign
// handling are applied here exactly as CPython's unicode_format_arg_output does.

struct PrintfSpec {
  bool ljust = false;   // '-'
  bool plus = false;    // '+'
  bool blank = false;   // ' '
  bool alt = false;     // '#'
  bool zero = false;    // '0'
  int64_t width = -1;   // -1: none
  int64_t prec = -1;    // -1: none
};

/// Appends `intval` (an int-like Value) formatted for conversion `conv`, one of
/// 'd' 'i' 'u' 'o' 'x' 'X', with width/flags/precision applied.
/// Returns false with an exception pending (digit limit ValueError, MemoryError).
bool printf_format_int(Isolate& I, Value intval, char conv, const PrintfSpec& spec, std::string& out);
/// Appends `d` formatted for conversion 'e' 'E' 'f' 'F' 'g' 'G' (default precision 6),
/// with width/flags applied. Returns false with MemoryError pending for absurd sizes.
bool printf_format_float(Isolate& I, double d, char conv, const PrintfSpec& spec, std::string& out);
/// Applies width/'-'/'0'/sign flags to an already converted piece of text (for
/// %s %r %a %c pass numeric=false: plain left/right space padding).
/// `text` is UTF-8; widths count code points.
void printf_pad(std::string_view text, bool numeric, char conv, const PrintfSpec& spec,
                std::string& out);

// --- helpers shared by int.cc, float.cc and complex.cc ------------------------------------

/// Decimal text of an int-like value, honouring the isolate's max_int_digits limit
/// (ValueError "Exceeds the limit (4300 digits) for integer string conversion; …").
bool int_decimal_text(Isolate& I, Value v, std::string& out);
/// a ** b for floats with CPython's float_pow rules and errors (also used by int ** negative int).
Value float_pow_doubles(Isolate& I, double a, double b);
/// divmod(a, b) for two ints (a tuple), NotImplemented when either is not an int.
Value int_divmod(Isolate& I, Value a, Value b);
/// divmod(a, b) for int/float operands (float semantics), NotImplemented otherwise.
Value float_divmod(Isolate& I, Value a, Value b);
/// pow for complex operands (CPython's complex_pow without modulus): a ** b.
Value complex_pow_values(Isolate& I, double ar, double ai, double br, double bi);
/// int(d) for a double: OverflowError for infinities, ValueError for NaN.
Value int_from_double(Isolate& I, double d);
/// PyOS_string_to_double's prefix parser (no leading whitespace skipped):
/// parses the longest float literal (incl. inf/infinity/nan) at s; returns
/// the end of it, or s when there is none.
const char* parse_double_prefix(const char* s, const char* e, double* out);
/// The text of a str with Unicode digits/spaces mapped to ASCII, as CPython's
/// _PyUnicode_TransformDecimalAndSpaceToASCII (stops with '?' at other non-ASCII).
std::string number_text_ascii(std::string_view utf8);
/// complex.__repr__ text: "(1+2j)", "1j", "(-0-1j)", "(nan+infj)".
std::string complex_repr_text(double real, double imag);

}  // namespace capy
