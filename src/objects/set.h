// set and frozenset: open-addressing hash sets.
#pragma once

#include "objects/object.h"

namespace capy {

struct SetEntry {
  int64_t hash;
  Value key;   // null: empty; the special `dummy` marker (see set.cc): deleted
};

struct Set : Object {
  SetEntry* table;
  uint32_t mask;     // table size - 1 (power of two)
  uint32_t fill;     // used + dummies
  uint32_t used;     // live keys
  int64_t hash;      // frozenset hash cache (-1: not computed)
  uint32_t version;
};

Set* set_new(Isolate& I, bool frozen);
int set_add(Isolate& I, Set* s, Value key);          // 0 or -1
int set_contains(Isolate& I, Set* s, Value key);     // 1, 0, -1
int set_discard(Isolate& I, Set* s, Value key);      // 1 removed, 0 absent, -1
int set_update(Isolate& I, Set* s, Value iterable);  // 0 or -1
bool set_next(Set* s, uint32_t* pos, Value* key);
void init_set_types(Runtime& rt);

}  // namespace capy
