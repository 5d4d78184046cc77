// capy/value.h: values that cross between the host and a guest (C++ API).
//
// A capy::Value is a host-side value: an immutable tree that owns its data
// and belongs to no isolate, so it can be copied freely, kept after a run
// and shared between threads. Guest values are converted into Values when
// they leave an isolate (a run's result, a host function's arguments) and
// converted back into fresh guest objects when they enter one:
//
//   guest                         Value kind
//   None                          None
//   bool                          Bool
//   int (any size)                Int      (int64 inline, larger ones exact)
//   float                         Float
//   str                           Str      (UTF-8)
//   bytes, bytearray              Bytes
//   list / tuple                  List / Tuple
//   dict                          Dict     (insertion order kept)
//   set / frozenset               Set / FrozenSet
//   a host object                 HostObject (the same C++ object)
//   anything else                 GuestObject (a reference into its isolate)
//
// Instances of subclasses of these builtin types convert as their base type.
// A guest container that contains itself cannot be converted (the
// conversion fails with TypeError); neither can nesting deeper than 1000
// levels.
//
// A GuestObject value refers to an object that stays inside its isolate (a
// function, a class instance…): the host cannot look inside it, but can
// pass it back to the same isolate (Isolate::call_value, or as an argument).
// It keeps the guest object alive until the last copy of the Value is
// destroyed or the isolate is destroyed.
#pragma once

#include <concepts>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "capy/config.h"

namespace capy::api {

class HostClass;
struct ValueData;

enum class ValueKind : uint8_t {
  None,
  Bool,
  Int,
  Float,
  Str,
  Bytes,
  List,
  Tuple,
  Dict,
  Set,
  FrozenSet,
  HostObject,
  GuestObject,
};

/// The kind's name as Python spells the type ("NoneType", "int", "str"…;
/// "host object" and "guest object" for the last two).
CAPY_API const char* kind_name(ValueKind kind);

class CAPY_API Value {
 public:
  /// None.
  Value() noexcept : kind_(ValueKind::None), i_(0) {}
  Value(std::nullptr_t) noexcept : Value() {}
  Value(bool b) noexcept : kind_(ValueKind::Bool), b_(b) {}
  template <std::integral T>
    requires(!std::same_as<T, bool>)
  Value(T i) {
    if constexpr (std::is_signed_v<T> || sizeof(T) < sizeof(int64_t)) {
      kind_ = ValueKind::Int;
      i_ = static_cast<int64_t>(i);
    } else {
      *this = from_uint64(static_cast<uint64_t>(i));
    }
  }
  Value(double d) noexcept : kind_(ValueKind::Float), f_(d) {}
  Value(float d) noexcept : kind_(ValueKind::Float), f_(d) {}
  /// A str (UTF-8). Invalid UTF-8 is refused when the value enters a guest.
  Value(const char* utf8);
  Value(std::string_view utf8);
  Value(const std::string& utf8);
  Value(std::string&& utf8);

  // --- construction by kind ----------------------------------------------------
  static Value none() { return Value(); }
  static Value boolean(bool b) { return Value(b); }
  static Value integer(int64_t i) { return Value(i); }
  static Value from_uint64(uint64_t u);
  /// An int of any size from its text (optional sign, digits, underscores
  /// between digits, base 2..36 or 0 for a Python literal prefix);
  /// std::nullopt when the text is not an integer.
  static std::optional<Value> parse_int(std::string_view text, int base = 10);
  /// An int of any size from its magnitude (bytes, least significant first)
  /// and sign.
  static Value int_from_bytes(std::string_view magnitude_le, bool negative);
  static Value floating(double d) { return Value(d); }
  static Value str(std::string_view utf8) { return Value(utf8); }
  static Value bytes(std::string_view data);
  static Value list(std::vector<Value> items);
  static Value tuple(std::vector<Value> items);
  static Value dict(std::vector<std::pair<Value, Value>> entries);
  static Value set(std::vector<Value> items);
  static Value frozenset(std::vector<Value> items);
  /// An opaque host object: the guest sees an instance of `cls` whose state
  /// it cannot reach and whose only abilities are cls's methods. The
  /// object is kept alive as long as this Value or its guest wrapper lives.
  static Value host_object(std::shared_ptr<void> object, std::shared_ptr<const HostClass> cls);

  // --- inspection ----------------------------------------------------------------
  ValueKind kind() const noexcept { return kind_; }
  bool is_none() const noexcept { return kind_ == ValueKind::None; }
  bool is_bool() const noexcept { return kind_ == ValueKind::Bool; }
  bool is_int() const noexcept { return kind_ == ValueKind::Int; }
  bool is_float() const noexcept { return kind_ == ValueKind::Float; }
  bool is_str() const noexcept { return kind_ == ValueKind::Str; }
  bool is_bytes() const noexcept { return kind_ == ValueKind::Bytes; }
  /// List, Tuple, Set or FrozenSet (items() is valid).
  bool is_sequence_like() const noexcept;

  /// Bool: its value; other kinds: false.
  bool as_bool() const noexcept { return kind_ == ValueKind::Bool && b_; }
  /// Int that fits 64 bits: its value; otherwise std::nullopt.
  std::optional<int64_t> to_int64() const noexcept;
  /// Int: its digits in `base` (2..36), with a leading '-' when negative;
  /// other kinds: "".
  std::string int_string(int base = 10) const;
  /// Int: its magnitude, least significant byte first ("" for 0), and sign.
  std::string int_magnitude() const;
  bool int_negative() const noexcept;
  /// Float: its value; Int: the nearest double; other kinds: 0.0.
  double as_double() const noexcept;
  /// Str: the UTF-8 text; Bytes: the bytes; other kinds: "". The view stays
  /// valid as long as this Value (or a copy of it) lives.
  std::string_view as_str() const noexcept;
  /// List, Tuple, Set, FrozenSet: the items (empty for other kinds).
  const std::vector<Value>& items() const noexcept;
  /// Dict: the entries in insertion order (empty for other kinds).
  const std::vector<std::pair<Value, Value>>& entries() const noexcept;
  /// Number of items or entries (0 for scalars).
  size_t size() const noexcept;
  /// items()[i] (None when out of range or not a sequence).
  const Value& operator[](size_t i) const noexcept;
  /// Dict: the value of the first entry whose key is the str `key`, or nullptr.
  const Value* get(std::string_view key) const noexcept;

  /// HostObject: the object and its class (nullptr for other kinds).
  const std::shared_ptr<void>& host_pointer() const noexcept;
  const HostClass* host_class() const noexcept;
  /// HostObject of class `cls`: the object as T; nullptr for any other value.
  template <class T>
  std::shared_ptr<T> host_object_as(const HostClass& cls) const {
    if (host_class() != &cls) return nullptr;
    return std::static_pointer_cast<T>(host_pointer());
  }

  /// GuestObject: the guest type's name (e.g. "function", "Point").
  std::string guest_type_name() const;
  /// GuestObject: is it still alive (its isolate not destroyed)?
  bool guest_alive() const noexcept;

  /// Python-style repr: None, True, 12, 1.5, 'text', b'\x00', [1, (2,)],
  /// {'a': {1, 2}}, frozenset({1}), <host Name object>, <guest function object>.
  std::string repr() const;

  /// Structural equality of kind and contents (dict and set order is
  /// ignored; floats compare with ==, so NaN != NaN). HostObject values are
  /// equal when they wrap the same object; GuestObject values when they
  /// refer to the same guest object.
  bool operator==(const Value& other) const;

  /// Implementation data (strings, containers, big ints, references).
  const std::shared_ptr<const ValueData>& data() const noexcept { return data_; }
  explicit Value(ValueKind kind, std::shared_ptr<const ValueData> data) noexcept
      : kind_(kind), i_(0), data_(std::move(data)) {}

 private:
  ValueKind kind_;
  union {
    bool b_;
    int64_t i_;
    double f_;
  };
  std::shared_ptr<const ValueData> data_;  // null for None/Bool/Float/small Int
};

/// Keyword arguments of a call, in order.
using Kwargs = std::vector<std::pair<std::string, Value>>;

}  // namespace capy::api

#ifndef CAPY_API_NO_ALIASES
namespace capy {
using api::Kwargs;
using api::Value;
using api::ValueKind;
}  // namespace capy
#endif
