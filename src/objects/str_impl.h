// Internal helpers shared by the str implementation files (str.cc,
// str_methods.cc, str_format.cc) and bytes.cc / bytearray.cc. Not a public
// interface: other subsystems use str.h and bytes.h.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "objects/object.h"
#include "objects/str.h"
#include "vm/isolate.h"
#include "vm/runtime.h"

namespace capy {

struct Bytes;
struct ByteArray;

inline bool is_str_value(Value v) {
  return v.is_object() && (v.as_object()->type_->flags & kTypeStrSubclass);
}
inline Str* as_str(Value v) { return v.as<Str>(); }
/// The type name as Argument Clinic's _PyArg_BadArgument prints it ("None" for None).
const char* arg_type_name(Isolate& I, Value v);

/// A str Value for UTF-8 text, using the shared immortal strings for "" and
/// single Latin-1 characters. Error on MemoryError.
Value str_from_utf8(Isolate& I, std::string_view utf8);
Value str_from_utf8_known(Isolate& I, std::string_view utf8, size_t length, bool ascii);
/// New instance of `type` (str or a subclass) holding utf8.
Value str_new_of_type(Isolate& I, Type* type, std::string_view utf8);
/// The substring of s from code point index a to b (0 <= a <= b <= length).
Value str_substring(Isolate& I, Str* s, size_t a, size_t b);
/// Return s itself if its type is exactly str, else a copy as an exact str.
Value str_exact(Isolate& I, Str* s);

/// 64-bit wyhash of data with capy's fixed seed, never -1.
int64_t hash_bytes(const void* data, size_t n);

/// True when a result of `bytes` bytes cannot be built: over capy's 4 GiB
/// object size or over the isolate's remaining heap budget. Checked before
/// building large results in native buffers (which the heap does not see):
/// the buffer and the object copied from it exist together, so both must
/// fit in the room left.
inline bool too_big(Isolate& I, uint64_t bytes) {
  if (bytes > UINT32_MAX - 64) return true;
  size_t limit = I.heap.limit(), used = I.heap.bytes_in_use();
  return limit != SIZE_MAX && 2 * bytes > (limit > used ? limit - used : 0);
}

/// Allocation size of an instance of a varsize type with n items.
size_t varsize_alloc_size(Type* type, size_t nitems);

/// The count of `seq * count`: TypeError "can't multiply sequence by non-int
/// of type 'float'" / OverflowError for huge counts. false on error.
bool seq_repeat_count(Isolate& I, Value count, int64_t* out);
/// Reads optional start/end arguments like CPython's slice-style parameters
/// (None or an index). Returns false on error.
bool parse_optional_index(Isolate& I, Value v, int64_t* out);
/// Adjusts [start, end) to a sequence of length len as CPython's ADJUST_INDICES.
inline void adjust_indices(int64_t& start, int64_t& end, int64_t len) {
  if (end > len) end = len;
  else if (end < 0) { end += len; if (end < 0) end = 0; }
  if (start < 0) { start += len; if (start < 0) start = 0; }
}

// --- formatting (str_format.cc) ------------------------------------------------
/// str % args
Value str_printf(Isolate& I, Str* fmt, Value args);
/// bytes % args (bytearray: result is a bytearray when as_bytearray).
Value bytes_printf(Isolate& I, std::string_view fmt, Value args, bool as_bytearray);
/// str.format(*args, **kwargs): args/kwargs as passed to the native method
/// (self excluded).
Value str_format_method(Isolate& I, Str* fmt, const Value* args, size_t nargs, Tuple* kwnames);
Value str_format_map(Isolate& I, Str* fmt, Value mapping);
/// str.__format__(spec)
Value str_format_spec(Isolate& I, Str* s, Str* spec);

// --- methods (str_methods.cc) ---------------------------------------------------
/// Adds str's methods to its type dict. Runs from init_bytes_types, because
/// type dicts do not exist yet when init_str_type runs.
void init_str_methods(Runtime& rt);
/// Helpers for bytes/bytearray: the type name used in messages.
const char* bytes_type_name(Value v);

}  // namespace capy

// --- bytes / bytearray internals (bytes.cc, bytearray.cc) ------------------------
namespace capy {

/// b'...' repr text of data (CPython's quote choice and escapes).
void bytes_repr_append(std::string_view data, std::string& out, bool bytearray_style = false);
/// A new bytes (as_bytearray false) or bytearray holding data.
Value make_bytes_like(Isolate& I, bool as_bytearray, std::string_view data);
/// index(v) as a byte: ValueError "byte must be in range(0, 256)". false on error.
bool byte_value(Isolate& I, Value v, uint8_t* out);
/// New bytes_iterator over a bytes or bytearray value.
Value bytes_iter_new(Isolate& I, Value seq);
/// Rich comparison of two byte strings.
Value bytes_compare_views(std::string_view a, std::string_view b, CompareOp op);
/// Adds the methods shared by bytes and bytearray to `type`.
void add_shared_bytes_methods(Runtime& rt, Type* type);
/// Collects the bytes of an iterable of ints (list/tuple fast) into out.
/// `what` names the type in "cannot convert 'float' object to bytes".
bool bytes_from_iterable(Isolate& I, Value v, std::string& out, const char* range_msg);
/// `item in self` for bytes/bytearray self (int or bytes-like item). 1, 0, -1.
int bytes_contains_value(Isolate& I, Value self, Value item);
/// bytearray type setup (bytearray.cc).
void init_bytearray_type(Runtime& rt);
bool is_bytearray_type(Type* t);

}  // namespace capy
