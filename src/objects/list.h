// list: mutable sequence with an accounted, growable item buffer.
#pragma once

#include "objects/object.h"

namespace capy {

struct List : Object {
  Value* items;
  size_t size;
  size_t capacity;
};

List* list_new(Isolate& I, size_t size = 0, size_t capacity = 0);  // items None-filled
Value list_value(Isolate& I, const Value* items, size_t n);
int list_append(Isolate& I, List* l, Value v);                     // 0 or -1
int list_reserve(Isolate& I, List* l, size_t capacity);
/// Appends every item of an iterable. 0 or -1.
int list_extend(Isolate& I, List* l, Value iterable);
/// Sorts in place like list.sort (stable; key may be null; reverse). 0 or -1.
int list_sort(Isolate& I, List* l, Value key, bool reverse);
void init_list_type(Runtime& rt);

}  // namespace capy
