// Value: the compact, tagged 64-bit word that every Python value is carried in.
//
// Encoding (NaN boxing). A Value is either an IEEE double stored as is, or a
// quiet NaN whose top 16 bits select a kind:
//   0xFFFC'pppp'pppp'pppp  pointer to a heap Object (48-bit address)
//   0xFFFD'iiii'iiii'iiii  small int, 48-bit two's complement (kSmallIntMin..Max)
//   0xFFFE'0000'0000'000k  special: None, False, True, NotImplemented, Ellipsis,
//                           and the internal markers Null (an empty slot) and
//                           Error (an exception is pending on the isolate)
// Any other bit pattern is a double. Real NaNs are canonicalised to
// 0x7FF8'0000'0000'0000 on boxing so that they never alias a tagged kind.
// So ints that fit 48 bits, floats, None and booleans never allocate.
#pragma once

#include <bit>
#include <cmath>
#include <cstdint>
#include <cstring>

namespace capy {

struct Object;
struct Type;

class Value {
 public:
  static constexpr uint64_t kTagMask = 0xFFFF'0000'0000'0000ull;
  static constexpr uint64_t kPayloadMask = 0x0000'FFFF'FFFF'FFFFull;
  static constexpr uint64_t kPtrTag = 0xFFFC'0000'0000'0000ull;
  static constexpr uint64_t kIntTag = 0xFFFD'0000'0000'0000ull;
  static constexpr uint64_t kSpecialTag = 0xFFFE'0000'0000'0000ull;
  static constexpr uint64_t kCanonicalNaN = 0x7FF8'0000'0000'0000ull;

  static constexpr int64_t kSmallIntMax = (int64_t(1) << 47) - 1;
  static constexpr int64_t kSmallIntMin = -(int64_t(1) << 47);

  enum Special : uint64_t {
    kNull = 0,  // empty slot (unbound local, missing dict entry); never guest-visible
    kNone = 1,
    kFalse = 2,
    kTrue = 3,
    kNotImplemented = 4,
    kEllipsis = 5,
    kError = 6,  // "an exception is pending on the isolate"
  };

  constexpr Value() : bits_(kSpecialTag | kNull) {}

  // --- construction -------------------------------------------------------
  static constexpr Value from_bits(uint64_t b) { Value v; v.bits_ = b; return v; }
  static Value object(const Object* o) {
    return from_bits(kPtrTag | reinterpret_cast<uint64_t>(o));
  }
  /// Only for values known to fit (see fits_small_int); use int_from_i64 otherwise.
  static constexpr Value small_int(int64_t i) {
    return from_bits(kIntTag | (static_cast<uint64_t>(i) & kPayloadMask));
  }
  static constexpr bool fits_small_int(int64_t i) { return i >= kSmallIntMin && i <= kSmallIntMax; }
  static Value from_double(double d) {
    if (d != d) return from_bits(kCanonicalNaN);
    return from_bits(std::bit_cast<uint64_t>(d));
  }
  static constexpr Value none() { return from_bits(kSpecialTag | kNone); }
  static constexpr Value null() { return from_bits(kSpecialTag | kNull); }
  static constexpr Value error() { return from_bits(kSpecialTag | kError); }
  static constexpr Value boolean(bool b) { return from_bits(kSpecialTag | (b ? kTrue : kFalse)); }
  static constexpr Value true_() { return from_bits(kSpecialTag | kTrue); }
  static constexpr Value false_() { return from_bits(kSpecialTag | kFalse); }
  static constexpr Value not_implemented() { return from_bits(kSpecialTag | kNotImplemented); }
  static constexpr Value ellipsis() { return from_bits(kSpecialTag | kEllipsis); }

  // --- classification -----------------------------------------------------
  constexpr bool is_object() const { return (bits_ & kTagMask) == kPtrTag; }
  constexpr bool is_small_int() const { return (bits_ & kTagMask) == kIntTag; }
  constexpr bool is_special() const { return (bits_ & kTagMask) == kSpecialTag; }
  constexpr bool is_double() const { return (bits_ & kTagMask) < kPtrTag; }
  constexpr bool is_none() const { return bits_ == (kSpecialTag | kNone); }
  constexpr bool is_null() const { return bits_ == (kSpecialTag | kNull); }
  constexpr bool is_error() const { return bits_ == (kSpecialTag | kError); }
  constexpr bool is_bool() const { return bits_ == (kSpecialTag | kTrue) || bits_ == (kSpecialTag | kFalse); }
  constexpr bool is_true() const { return bits_ == (kSpecialTag | kTrue); }
  constexpr bool is_false() const { return bits_ == (kSpecialTag | kFalse); }
  constexpr bool is_not_implemented() const { return bits_ == (kSpecialTag | kNotImplemented); }
  constexpr bool is_ellipsis() const { return bits_ == (kSpecialTag | kEllipsis); }

  // --- access -------------------------------------------------------------
  Object* as_object() const { return reinterpret_cast<Object*>(bits_ & kPayloadMask); }
  template <class T> T* as() const { return static_cast<T*>(as_object()); }
  constexpr int64_t as_small_int() const {
    return static_cast<int64_t>(bits_ << 16) >> 16;  // sign-extend 48 bits
  }
  double as_double() const { return std::bit_cast<double>(bits_); }
  constexpr bool as_bool() const { return bits_ == (kSpecialTag | kTrue); }
  constexpr uint64_t bits() const { return bits_; }

  /// Identity: Python's `is`.
  constexpr bool is(Value o) const { return bits_ == o.bits_; }
  constexpr bool operator==(const Value&) const = delete;  // use is() or eq()

 private:
  uint64_t bits_;
};

static_assert(sizeof(Value) == 8);

}  // namespace capy
