// dict: insertion-ordered hash table (CPython's compact layout: an index
// table of int32 slots pointing into a dense entry array).
#pragma once

#include <cstdint>

#include "objects/object.h"

namespace capy {

struct DictEntry {
  int64_t hash;
  Value key;    // null for deleted entries
  Value value;
};

struct Dict : Object {
  DictEntry* entries;   // dense, insertion order, with holes for deletions
  int32_t* index;       // open addressing table: -1 empty, -2 dummy, else entry index
  uint32_t index_size;  // power of two
  uint32_t entries_used;   // entries[0..entries_used) used (incl. holes)
  uint32_t entries_cap;
  uint32_t count;          // live items
  uint32_t version;        // bumped on every mutation (iteration checks)
};

Dict* dict_new(Isolate& I, size_t expected = 0);
/// Value or Value::null() if absent; error if hashing/comparing raised.
Value dict_get(Isolate& I, Dict* d, Value key);
/// Fast path for str keys (interned or not); never raises.
Value dict_get_str(Dict* d, Str* key);
Value dict_get_cstr(Isolate& I, Dict* d, std::string_view key);
int dict_set(Isolate& I, Dict* d, Value key, Value value);  // 0 or -1
int dict_set_str(Isolate& I, Dict* d, Str* key, Value value);
/// 1 deleted, 0 absent, -1 error.
int dict_del(Isolate& I, Dict* d, Value key);
/// Iterates live entries: pos starts at 0; returns false at the end.
bool dict_next(Dict* d, uint32_t* pos, Value* key, Value* value);
Dict* dict_copy(Isolate& I, Dict* d);
int dict_update(Isolate& I, Dict* d, Value other);  // dict.update(other) semantics
int dict_merge_from(Isolate& I, Dict* d, Dict* other);
void dict_clear(Isolate& I, Dict* d);
void init_dict_type(Runtime& rt);

}  // namespace capy
