// tuple: immutable sequence; items stored inline after the header.
#pragma once

#include "objects/object.h"

namespace capy {

/// Layout: header (aux_ = item count), then the items.
struct Tuple : Object {
  Value items[];
  size_t size() const { return aux_; }
  Value* begin() { return items; }
  Value* end() { return items + aux_; }
};

/// New tuple of n items, all None. nullptr (MemoryError set) on failure.
Tuple* tuple_new(Isolate& I, size_t n);
Tuple* tuple_from(Isolate& I, const Value* items, size_t n);
Value tuple_value(Isolate& I, const Value* items, size_t n);  // Value or error
Value tuple_pack(Isolate& I, std::initializer_list<Value> items);
void init_tuple_type(Runtime& rt);

}  // namespace capy
