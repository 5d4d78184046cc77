// int: arbitrary precision integers. Values that fit 48 bits are unboxed
// small ints (see value.h); larger ones are BigInt objects backed by GMP.
// bool is a subtype whose two values are the specials True and False.
#pragma once

#include <gmp.h>

#include <string>

#include "objects/object.h"

namespace capy {

/// A heap integer outside the small-int range (always normalised: a BigInt
/// never holds a value that fits a small int).
struct BigInt : Object {
  mpz_t z;
};

/// True for int and bool values and instances of int subclasses.
bool is_int(Isolate& I, Value v);
/// Exact int (small or BigInt, not bool, not a subclass instance).
bool is_exact_int(Value v);
Value int_from_i64(Isolate& I, int64_t v);
Value int_from_u64(Isolate& I, uint64_t v);
/// Takes the value of z (copies it); normalises to a small int when it fits.
Value int_from_mpz(Isolate& I, const mpz_t z);
/// Converts; false (no exception set) if it does not fit.
bool int_to_i64(Value v, int64_t* out);
/// Loads any int-like Value (small, BigInt, bool, int subclass) into z (initialised by caller).
void int_to_mpz(Value v, mpz_t z);
/// Parses like int(text, base); raises ValueError with CPython's message.
Value int_from_string(Isolate& I, std::string_view text, int base);
/// Decimal text (honouring the isolate's max_int_digits limit: ValueError).
Value int_to_decimal(Isolate& I, Value v);
std::string int_to_string_base(Value v, int base);  // no prefix, '-' for negatives
/// -1/0/1 comparisons of two int-like Values.
int int_compare(Value a, Value b);
double int_to_double(Isolate& I, Value v, bool* overflow);
int64_t int_hash(Value v);
void init_int_type(Runtime& rt);
void init_bool_type(Runtime& rt);

}  // namespace capy

namespace capy {
/// Instance of a subclass of int: the value plus a __dict__ (dict_offset).
struct BoxedInt : Object {
  Value value;   // small int or BigInt
  Dict* dict;
};
/// The int value of any int-like (unwraps bool to 0/1 and BoxedInt).
Value int_unwrap(Isolate& I, Value v);
}  // namespace capy
