// memoryview, and capy's small internal buffer protocol: the contiguous
// memory that an object exports through its type's `buffer` slot (bytes,
// bytearray, array.array, BytesIO.getbuffer()'s buffer) to memoryview,
// struct and array (CPython's Py_buffer, reduced to what those need).
//
// Exports: every live (unreleased) memoryview on a mutable exporter counts
// as one export of it (BufferInfo::exports); while any exists the exporter
// refuses to change size (BufferError). A memoryview that is dropped without
// release() gives its export back when the collector finalizes it;
// buffer_check_resize runs a collection before refusing a resize, so that
// views that are already garbage never block one.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "objects/object.h"

namespace capy {

class Runtime;

/// The memory an object exports. `data` stays valid until the exporter is
/// resized (which the exports counter forbids while a view exists).
struct BufferInfo {
  char* data = nullptr;
  size_t len = 0;             // bytes
  uint32_t itemsize = 1;
  char format = 'B';          // native struct format character of the items
  bool readonly = true;
  uint32_t* exports = nullptr;  // the exporter's export counter; nullptr: immutable (bytes)
};

/// The buffer v exports through its type's `buffer` slot: bytes,
/// bytearray, array.array, the buffer behind BytesIO.getbuffer()… (not
/// memoryview itself; see buffer_bytes for "any bytes-like object"). false
/// when v exports none.
bool buffer_of_exporter(Value v, BufferInfo* out);

/// The contents of any bytes-like object (bytes, bytearray, array.array,
/// memoryview) as one contiguous byte string: 1 with *out set (pointing into
/// the object, or into *scratch for non-contiguous views), 0 when v is not
/// bytes-like (no exception), -1 on error (released memoryview).
int buffer_bytes(Isolate& I, Value v, std::string_view* out, std::string* scratch);

/// Called by an exporter before a change of its size: 0 when no view
/// exists (after a collection, if needed), else -1 with BufferError(msg).
int buffer_check_resize(Isolate& I, uint32_t* exports, const char* msg);
/// bytearray's check ("Existing exports of data: object cannot be re-sized").
/// The bytearray's export count lives in its header's aux_ field (unused by
/// bytearray otherwise).
int bytearray_check_resize(Isolate& I, Object* bytearray);

// --- native item formats (struct's '@' mode), shared with array and struct ---------

/// Size of a native single-character format ("cbB?hHiIlLqQnNfdP" and 'e'),
/// or 0 when not one.
uint32_t native_format_size(char fmt);
/// The item at p as a Python value (int, float, bool or 1-byte bytes).
Value unpack_native_item(Isolate& I, char fmt, const char* p);

/// The memoryview object (at most kMaxViewDims dimensions).
constexpr int kMaxViewDims = 8;
struct MemoryView : Object {
  Value obj;           // the exporter (bytes, bytearray, array), never a memoryview
  int64_t offset;      // byte offset of the first item in the exporter's buffer
  int64_t nbytes;      // product(shape) * itemsize
  int64_t extent;      // the view touches bytes [offset + lo, offset + extent) of the exporter
  int64_t lo;          // (lo <= 0 for negative strides)
  int64_t hash;        // -1 until computed
  int64_t shape[kMaxViewDims];
  int64_t strides[kMaxViewDims];
  uint32_t itemsize;
  uint8_t ndim;
  char format;
  uint8_t readonly;
  uint8_t released;
  uint8_t counted;     // holds one export of obj
};

/// Sets up memoryview's type object (and its iterator type). Runtime start-up.
void init_memoryview_type(Runtime& rt);

}  // namespace capy
