// Small builtin types: range, slice, module, and the singletons' types.
#pragma once

#include "objects/object.h"

namespace capy {

struct Dict;
struct Str;

/// range with int64 bounds when they fit; big bounds use the Value fields.
struct Range : Object {
  Value start, stop, step, length;  // all ints
};

struct Slice : Object {
  Value start, stop, step;  // None when omitted
};

struct Module : Object {
  Dict* dict;
  Str* name;
};

/// Computes slice indices for a sequence of `length` (slice.indices()).
/// Returns false on error (TypeError/ValueError raised).
bool slice_indices(Isolate& I, Slice* s, int64_t length, int64_t* start, int64_t* stop,
                   int64_t* step, int64_t* slicelength);
Value slice_new(Isolate& I, Value start, Value stop, Value step);
Value range_new(Isolate& I, int64_t start, int64_t stop, int64_t step);
Module* module_new(Isolate& I, Str* name);
void init_misc_types(Runtime& rt);

}  // namespace capy
