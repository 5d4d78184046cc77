// Runtime: the process-wide, immutable-after-start part of capy: builtin
// types, builtin functions, interned names. Shared read-only by all isolates.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "gc/heap.h"
#include "objects/object.h"

namespace capy {

struct BuiltinFunction;
struct Dict;
struct Str;

class Runtime {
 public:
  /// Builds every builtin type, function and name. Thread-safe to use from
  /// any number of isolates once constructed.
  Runtime();
  ~Runtime();
  Runtime(const Runtime&) = delete;
  Runtime& operator=(const Runtime&) = delete;

#define CAPY_TYPE(field, name) Type* field = nullptr;
#include "objects/builtin_types.def"
#undef CAPY_TYPE
#define CAPY_EXC(name, base) Type* exc_##name = nullptr;
#include "objects/exceptions.def"
#undef CAPY_EXC
#define CAPY_NAME(field, text) Str* n_##field = nullptr;
#include "objects/interned_names.def"
#undef CAPY_NAME

  /// Entries of the builtins module (functions, types, constants); each
  /// isolate copies it into its own builtins dict.
  Dict* builtins = nullptr;
  /// Single-character strings for code points 0..255 (immortal).
  Str* latin1_chars[256] = {};
  /// Immortal empty tuple.
  Tuple* empty_tuple = nullptr;
  /// Operator dunders by NbOp: {"__add__", "__radd__", "__iadd__"}…, and the
  /// rich comparisons by CompareOp ("__lt__"…).
  Str* n_nb[kNbCount][3] = {};
  Str* n_cmp[6] = {};
  /// Builtin types that are not named in builtins (made by their files'
  /// initialisers): coroutine.__await__()'s wrapper, memoryview's iterator.
  Type* coro_wrapper_type = nullptr;
  Type* memory_iterator_type = nullptr;

  /// Interned immortal string for `text`, or nullptr if not interned.
  Str* find_interned(std::string_view text) const;

  Heap& heap() { return heap_; }
  /// The isolate used while building the runtime; afterwards unused.
  Isolate& bootstrap() { return *bootstrap_; }

  // Registration during start-up only (not thread-safe; not used afterwards).
  Str* intern_immortal(std::string_view text);
  void finish_init() { frozen_ = true; }
  bool frozen() const { return frozen_; }

 private:
  Heap heap_{true};
  std::unique_ptr<Isolate> bootstrap_;
  std::unordered_map<std::string_view, Str*> interned_;
  bool frozen_ = false;
};

/// The type of any value. Inline: this is on every hot path.
inline Type* type_of(const Runtime& rt, Value v) {
  if (v.is_object()) return v.as_object()->type_;
  if (v.is_small_int()) return rt.int_type;
  if (v.is_double()) return rt.float_type;
  switch (v.bits() & 0xF) {
    case Value::kNone: return rt.none_type;
    case Value::kTrue:
    case Value::kFalse: return rt.bool_type;
    case Value::kNotImplemented: return rt.notimplemented_type;
    case Value::kEllipsis: return rt.ellipsis_type;
    default: return rt.none_type;  // Null/Error never reach guest code
  }
}

}  // namespace capy
