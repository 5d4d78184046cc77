// float and complex.
#pragma once

#include <string>

#include "objects/object.h"

namespace capy {

struct Complex : Object {
  double real, imag;
};

/// Shortest round-trip repr, as CPython's float.__repr__ ("1.0", "1e+16", "inf", "nan").
std::string float_repr(double d);
int64_t float_hash(double d);
/// Parses float(text) (whitespace, underscores, inf/nan, hex not accepted);
/// raises ValueError "could not convert string to float: 'x'".
Value float_from_string(Isolate& I, std::string_view text);
bool is_float(Isolate& I, Value v);  // float or subclass
double float_value(Value v);         // for exact floats and float subclass instances
Value complex_new(Isolate& I, double real, double imag);
void init_float_type(Runtime& rt);
void init_complex_type(Runtime& rt);

}  // namespace capy

namespace capy {
/// Instance of a subclass of float.
struct BoxedFloat : Object {
  double value;
  Dict* dict;
};
}  // namespace capy
