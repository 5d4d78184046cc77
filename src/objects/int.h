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
/// int_to_string_base after checking that the text and its copies fit in
/// memory (MemoryError) and in the time left; false on error.
bool int_text_in_base(Isolate& I, Value v, int base, std::string& out);
/// Guards one GMP operation on big numbers, before it starts (GMP cannot
/// fail or be interrupted once running): `result_bytes` must fit in the
/// heap's room together with GMP's temporaries (MemoryError otherwise), and
/// `work` (units of n·log2(n) limb operations, see int_mul_work) must be able
/// to finish before the time limit at the speed measured on this thread
/// (the run ends with LimitKind::Time otherwise). Construct it, test ok(),
/// then run the operation; a large operation is timed to refine the speed.
class IntWork {
 public:
  IntWork(Isolate& I, double result_bytes, double work);
  ~IntWork();
  IntWork(const IntWork&) = delete;
  IntWork& operator=(const IntWork&) = delete;
  bool ok() const { return ok_; }

 private:
  Isolate& I_;
  double work_;
  double start_ = -1;
  bool ok_;
};
/// The checks of IntWork without timing the operation; false on error.
bool int_affordable(Isolate& I, double result_bytes, double work);
/// Work of multiplying two numbers of `limbs` limbs together (n·log2 n).
double int_mul_work(double limbs);
/// Work of a conversion between an int of `limbs` limbs and decimal text.
double int_decimal_work(double limbs);
/// Limbs of an int (0 for small ints).
size_t int_limbs(Value v);

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
