// bytes (immutable, inline storage) and bytearray (mutable, side buffer).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "objects/object.h"

namespace capy {

class Runtime;

/// Layout: header (aux_ = length in bytes), the cached hash, then the bytes
/// and a terminating NUL (not counted).
struct Bytes : Object {
  int64_t hash;   // -1 until computed
  char data[];

  size_t size() const { return aux_; }
  std::string_view view() const { return {data, aux_}; }
};

/// A mutable byte buffer; `data` is an accounted side buffer (heap raw).
struct ByteArray : Object {
  char* data;
  size_t size;
  size_t capacity;

  std::string_view view() const { return {data, size}; }
};

/// New bytes object with a copy of `data`. nullptr (MemoryError set) on failure.
Bytes* bytes_new(Isolate& I, std::string_view data);
/// Uninitialised (zeroed) bytes of length n; fill data before publishing.
Bytes* bytes_alloc(Isolate& I, size_t n);
/// bytes Value of a copy of data, or error.
Value bytes_value(Isolate& I, std::string_view data);
/// The contents of a bytes or bytearray Value (or a subclass instance).
std::string_view bytes_view(Value v);
bool is_bytes(Value v);       // bytes or subclass instance
bool is_bytearray(Value v);   // bytearray or subclass instance
int64_t bytes_hash(Bytes* b);
/// New bytearray holding a copy of data. nullptr on MemoryError.
ByteArray* bytearray_new(Isolate& I, std::string_view data);
/// Ensures capacity >= n. 0 or -1 (MemoryError).
int bytearray_reserve(Isolate& I, ByteArray* b, size_t n);
int bytearray_append(Isolate& I, ByteArray* b, std::string_view data);

/// The bytes of any bytes-like object (bytes, bytearray, memoryview):
/// returns 1 and sets *out (for memoryview via a tobytes() copy kept alive in
/// *keep), 0 when v is not bytes-like (no exception), -1 on error.
int bytes_like(Isolate& I, Value v, std::string_view* out, Value* keep);

/// Initialises bytes, bytearray and their iterators (and, because the type
/// dicts do not exist yet when init_str_type runs, str's methods: see
/// init_str_methods in str_impl.h).
void init_bytes_types(Runtime& rt);

}  // namespace capy
