// Builtin iterator types (list_iterator, tuple_iterator, range_iterator, the
// __getitem__ sequence iterator, callable_iterator, enumerate, zip, map,
// filter, reversed) and small helpers shared by the container
// implementations (tuple, list, dict, set, range).
#pragma once

#include <cstdint>

#include "objects/object.h"
#include "objects/str.h"
#include "vm/isolate.h"

namespace capy {

struct List;
struct Tuple;
struct Dict;

// --- iterator objects ---------------------------------------------------------

/// list_iterator / list_reverseiterator. `list` is nullptr once exhausted.
struct ListIter : Object {
  List* list;
  int64_t index;
};

/// tuple_iterator. `tuple` is nullptr once exhausted.
struct TupleIter : Object {
  Tuple* tuple;
  int64_t index;
};

/// range_iterator. int64 fast path, or Values when the bounds are big.
struct RangeIter : Object {
  int64_t next;
  int64_t step;
  int64_t remaining;
  bool big;
  Value big_next, big_step, big_remaining;  // ints; only when big
};

/// The iterator of objects that only have __getitem__ (type "iterator").
/// Layout shared with ops.cc's get_iter: two Values right after the header.
struct SeqIter : Object {
  Value seq;     // null once exhausted
  Value index;   // a small int
};

/// iter(callable, sentinel).
struct CallableIter : Object {
  Value callable;   // null once exhausted
  Value sentinel;
};

struct Enumerate : Object {
  Value it;
  int64_t index;     // used while big_index is null
  Value big_index;   // an int once the counter left the int64 range (or start was big)
};

struct Zip : Object {
  Tuple* its;
  bool strict;
};

struct MapObj : Object {
  Value func;
  Tuple* its;
};

struct FilterObj : Object {
  Value func;
  Value it;
};

struct Reversed : Object {
  Value seq;       // null once exhausted
  int64_t index;
};

/// dict_keys / dict_values / dict_items.
struct DictView : Object {
  Dict* dict;
};

/// dict_keyiterator / dict_valueiterator / dict_itemiterator (also reversed).
struct DictIter : Object {
  Dict* dict;       // nullptr once exhausted
  uint32_t used;    // dict size when the iterator was created
  bool reversed;
  int64_t pos;      // next entry index (reversed: the index to look at next)
  int64_t len;      // items left
};

/// set_iterator.
struct SetIter : Object {
  struct Set* set;  // nullptr once exhausted
  uint32_t used;
  int64_t pos;
  int64_t len;
};

Value dict_iter_new(Isolate& I, Dict* d, Type* iter_type, bool reversed);
Value dict_view_new(Isolate& I, Dict* d, Type* view_type);
/// Sets up the view and iterator types; called by init_dict_type.
void init_dict_view_types(Runtime& rt);
/// dict.update(other) argument semantics (mapping with keys(), or pairs).
int dict_update_arg(Isolate& I, Dict* d, Value other);
/// Merges a mapping `b` into d (override: replace existing keys). 0 or -1.
int dict_merge(Isolate& I, Dict* d, Value b, bool override);
/// Looks a key up with a known hash: 1 found (*value set), 0 absent, -1 error.
int dict_lookup_hashed(Isolate& I, Dict* d, Value key, int64_t hash, Value* value);
int dict_set_hashed(Isolate& I, Dict* d, Value key, int64_t hash, Value value);
/// The key iterator slot of dict (to detect subclasses overriding __iter__).
Value dict_iter_slot(Isolate& I, Value self);

/// Set helpers used by the dict views.
struct Set;
Set* set_new_from(Isolate& I, Value iterable);  // set(iterable); nullptr on error
int set_difference_update_value(Isolate& I, Set* s, Value other);
int set_symmetric_difference_update_value(Isolate& I, Set* s, Value other);
/// set.intersection(other) as a new set.
Value set_intersection_value(Isolate& I, Set* s, Value other);
/// Adds with a known hash.
int set_add_hashed(Isolate& I, Set* s, Value key, int64_t hash);
bool set_next_hashed(Set* s, uint32_t* pos, Value* key, int64_t* hash);

/// Constructors used by the containers and by the lead's iter()/get_iter.
Value list_iter_new(Isolate& I, List* l);
Value list_reviter_new(Isolate& I, List* l);
Value tuple_iter_new(Isolate& I, Tuple* t);
/// The sequence-protocol iterator over an object with __getitem__.
Value seq_iter_new(Isolate& I, Value seq);
/// iter(callable, sentinel).
Value callable_iter_new(Isolate& I, Value callable, Value sentinel);
/// Iterator over the arithmetic progression start, start+step, ... (len items).
Value range_iter_new_i64(Isolate& I, int64_t start, int64_t step, int64_t len);
Value range_iter_new_big(Isolate& I, Value start, Value step, Value len);

/// Sets up every iterator type above (called by the Runtime, see type_init.h).
void init_iterator_types(Runtime& rt);

// --- helpers shared by the container implementations ---------------------------

/// Py_ReprEnter: returns 1 if `o` is already being repr'd on this thread
/// (the caller prints "..."), 0 after registering it, -1 on error.
int repr_enter(Isolate& I, Object* o);
void repr_leave(Isolate& I, Object* o);

/// Native recursion guard (Py_EnterRecursiveCall): false with RecursionError
/// "maximum recursion depth exceeded<where>" pending when too deep.
bool recursion_enter(Isolate& I, const char* where);
inline void recursion_leave(Isolate& I) { --I.call_depth; }

/// Raises KeyError(key) (the key is wrapped in a tuple, so tuple keys stay whole).
Value raise_key_error(Isolate& I, Value key);

/// hash() with inline fast paths for exact str and small ints.
inline int64_t fast_hash(Isolate& I, Value v);
/// a == b with fast paths for identical values, exact strs and small ints.
inline int fast_eq(Isolate& I, Value a, Value b);

/// Sequence subscript conversion: 1 with *out set when key is an integer
/// (IndexError "cannot fit 'int' into an index-sized integer" for huge ones),
/// 0 when key is not an integer (nor has __index__), -1 on error.
int seq_index_of(Isolate& I, Value key, int64_t* out);

/// _PyEval_SliceIndex: converts a slice bound via __index__, clamping huge ints
/// to the int64 range. With allow_none, None leaves *out unchanged. TypeError
/// "slice indices must be integers or None or have an __index__ method"
/// (without "or None" when !allow_none). Returns false on error.
bool slice_index_clamped(Isolate& I, Value v, int64_t* out, bool allow_none);

/// The two halves of slice_indices (PySlice_Unpack / PySlice_AdjustIndices):
/// unpack may run Python code (__index__), adjust never does, so containers
/// adjust against their length read after unpacking.
bool slice_unpack(Isolate& I, Value slice, int64_t* start, int64_t* stop, int64_t* step);
int64_t slice_adjust(int64_t length, int64_t* start, int64_t* stop, int64_t step);

/// Argument-count checks with CPython's messages (`n` excludes self):
/// "list.clear() takes no arguments (1 given)",
/// "list.append() takes exactly one argument (0 given)",
/// "pop expected at most 1 argument, got 2",
/// and "list.pop() takes no keyword arguments". Return 0 or -1.
int arg_none(Isolate& I, const char* qualname, size_t n, Tuple* kwnames);
int arg_one(Isolate& I, const char* qualname, size_t n, Tuple* kwnames);
int arg_range(Isolate& I, const char* qualname, const char* name, size_t n, size_t min, size_t max,
              Tuple* kwnames);
/// "name expected at most N arguments, got M" without the keyword check.
int arg_count(Isolate& I, const char* name, size_t n, size_t min, size_t max);
/// "name() takes no keyword arguments" if kwnames is non-empty.
int arg_no_kw(Isolate& I, const char* name, Tuple* kwnames);

/// __class_getitem__ stand-in (classmethod): C[x] returns C itself until a
/// types.GenericAlias exists, so that annotations like list[int] evaluate.
Value class_getitem_self(Isolate& I, const Value* args, size_t nargs, Tuple* kwnames);

/// Allocates an instance of `type` (basicsize bytes, or for varsize types
/// basicsize + n items and room for the instance dict of subclasses).
Object* alloc_instance(Isolate& I, Type* type, size_t nitems = 0);

}  // namespace capy

// --- inline definitions ------------------------------------------------------------
#include "objects/ops.h"

namespace capy {

inline int64_t fast_hash(Isolate& I, Value v) {
  if (v.is_small_int()) {
    int64_t h = v.as_small_int();
    return h == -1 ? -2 : h;
  }
  if (v.is_object()) {
    Object* o = v.as_object();
    if (o->type_ == I.rt.str_type) {
      Str* s = static_cast<Str*>(o);
      return s->hash != -1 ? s->hash : str_hash(s);
    }
  }
  return hash(I, v);
}

inline int fast_eq(Isolate& I, Value a, Value b) {
  if (a.is(b)) return 1;
  if (a.is_small_int() && b.is_small_int()) return 0;
  if (a.is_object() && b.is_object()) {
    Object* x = a.as_object();
    Object* y = b.as_object();
    if (x->type_ == I.rt.str_type && y->type_ == I.rt.str_type)
      return str_eq(static_cast<Str*>(x), static_cast<Str*>(y)) ? 1 : 0;
  }
  return eq(I, a, b);
}

}  // namespace capy
