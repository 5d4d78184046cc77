// set and frozenset: CPython's setobject.c (open addressing with runs of
// linear probes, then perturbed probing; resize at 60% fill), so that the
// iteration order of sets matches CPython's.
//
// Entries: key null = unused (hash 0), key `dummy` = deleted (hash -1).
// A set that never held anything points at a shared, read-only empty table;
// every writer allocates a real table first (ensure_table). The pop finger
// lives in the object header's aux_ field.
#include "objects/set.h"

#include <cstring>
#include <string>

#include "objects/dict.h"
#include "objects/exception.h"
#include "objects/int.h"
#include "objects/iterators.h"
#include "objects/list.h"
#include "objects/native.h"
#include "objects/ops.h"
#include "objects/str.h"
#include "objects/tuple.h"

namespace capy {

namespace {

constexpr uint32_t kMinSize = 8;
constexpr uint32_t kLinearProbes = 9;
constexpr int kPerturbShift = 5;

SetEntry g_empty_table[kMinSize];  // never written

inline Value dummy() { return Value::from_bits(Value::kSpecialTag | 0xD0D0); }  // never guest-visible
inline bool is_active(const SetEntry& e) { return !e.key.is_null() && !e.key.is(dummy()); }

inline bool anyset(Isolate& I, Value v) {
  if (!v.is_object()) return false;
  Type* t = v.as_object()->type_;
  if (t == I.rt.set_type || t == I.rt.frozenset_type) return true;
  return is_subtype(t, I.rt.set_type) || is_subtype(t, I.rt.frozenset_type);
}
inline bool anyset_exact(Isolate& I, Value v) {
  if (!v.is_object()) return false;
  Type* t = v.as_object()->type_;
  return t == I.rt.set_type || t == I.rt.frozenset_type;
}
inline bool is_set(Isolate& I, Value v) {
  return v.is_object() && is_subtype(v.as_object()->type_, I.rt.set_type);
}
inline bool is_frozen_type(Isolate& I, Type* t) { return is_subtype(t, I.rt.frozenset_type); }

SetEntry* alloc_table(Isolate& I, size_t size) {
  if (size > (size_t(1) << 40)) {
    raise_memory(I);
    return nullptr;
  }
  auto* t = static_cast<SetEntry*>(I.heap.alloc_raw(size * sizeof(SetEntry)));
  if (!t) {
    raise_memory(I);
    return nullptr;
  }
  for (size_t i = 0; i < size; ++i) {
    t[i].hash = 0;
    t[i].key = Value::null();
  }
  return t;
}

void free_table(Isolate& I, SetEntry* t, uint32_t mask) {
  if (t && t != g_empty_table) I.heap.free_raw(t, (size_t(mask) + 1) * sizeof(SetEntry));
}

int ensure_table(Isolate& I, Set* s) {
  if (s->table != g_empty_table) return 0;
  SetEntry* t = alloc_table(I, kMinSize);
  if (!t) return -1;
  s->table = t;
  s->mask = kMinSize - 1;
  return 0;
}

Set* alloc_set(Isolate& I, Type* type) {
  size_t size = type->basicsize < sizeof(Set) ? sizeof(Set) : type->basicsize;
  Object* o = I.heap.alloc_object(type, size);
  if (!o) {
    raise_memory(I);
    return nullptr;
  }
  auto* s = static_cast<Set*>(o);
  s->table = g_empty_table;
  s->mask = kMinSize - 1;
  s->fill = 0;
  s->used = 0;
  s->hash = -1;
  s->aux_ = 0;
  return s;
}

// --- probing -------------------------------------------------------------------------

// The entry for key (active) or the unused entry ending the probe; nullptr on error.
SetEntry* set_lookkey(Isolate& I, Set* so, Value key, int64_t hash) {
restart:
  SetEntry* table = so->table;
  size_t mask = so->mask;
  size_t perturb = static_cast<size_t>(hash);
  size_t i = static_cast<size_t>(hash) & mask;
  bool key_str = key.is_object() && key.as_object()->type_ == I.rt.str_type;
  for (;;) {
    SetEntry* entry = &table[i];
    uint32_t probes = (i + kLinearProbes <= mask) ? kLinearProbes : 0;
    do {
      if (entry->hash == 0 && entry->key.is_null()) return entry;
      if (entry->hash == hash) {
        Value startkey = entry->key;
        if (startkey.is(key)) return entry;
        if (key_str && startkey.is_object() && startkey.as_object()->type_ == I.rt.str_type) {
          if (str_eq(startkey.as<Str>(), key.as<Str>())) return entry;
        } else if (!(startkey.is_small_int() && key.is_small_int())) {
          int cmp = eq(I, startkey, key);
          if (cmp < 0) return nullptr;
          if (table != so->table || entry->key.is(startkey) == false) goto restart;
          if (cmp > 0) return entry;
          mask = so->mask;
        }
      }
      entry++;
    } while (probes--);
    perturb >>= kPerturbShift;
    i = (i * 5 + 1 + perturb) & mask;
  }
}

int set_table_resize(Isolate& I, Set* so, size_t minused);

int set_add_entry(Isolate& I, Set* so, Value key, int64_t hash) {
restart:
  // Again after a restart: an __eq__ that cleared the set left it on the
  // shared empty table, which must never be written.
  if (ensure_table(I, so) < 0) return -1;
  size_t mask = so->mask;
  size_t i = static_cast<size_t>(hash) & mask;
  SetEntry* freeslot = nullptr;
  size_t perturb = static_cast<size_t>(hash);
  bool key_str = key.is_object() && key.as_object()->type_ == I.rt.str_type;
  SetEntry* entry;
  for (;;) {
    entry = &so->table[i];
    uint32_t probes = (i + kLinearProbes <= mask) ? kLinearProbes : 0;
    do {
      if (entry->hash == 0 && entry->key.is_null()) goto found_unused_or_dummy;
      if (entry->hash == hash) {
        Value startkey = entry->key;
        if (startkey.is(key)) return 0;
        if (key_str && startkey.is_object() && startkey.as_object()->type_ == I.rt.str_type) {
          if (str_eq(startkey.as<Str>(), key.as<Str>())) return 0;
        } else if (!(startkey.is_small_int() && key.is_small_int())) {
          SetEntry* table = so->table;
          int cmp = eq(I, startkey, key);
          if (cmp > 0) return 0;
          if (cmp < 0) return -1;
          if (table != so->table || !entry->key.is(startkey)) goto restart;
          mask = so->mask;
        }
      } else if (entry->hash == -1 && entry->key.is(dummy())) {
        freeslot = entry;
      }
      entry++;
    } while (probes--);
    perturb >>= kPerturbShift;
    i = (i * 5 + 1 + perturb) & mask;
  }
found_unused_or_dummy:
  so->version++;
  if (freeslot) {
    so->used++;
    freeslot->key = key;
    freeslot->hash = hash;
    return 0;
  }
  so->fill++;
  so->used++;
  entry->key = key;
  entry->hash = hash;
  if (size_t(so->fill) * 5 < mask * 3) return 0;
  return set_table_resize(I, so, so->used > 50000 ? size_t(so->used) * 2 : size_t(so->used) * 4);
}

void set_insert_clean(SetEntry* table, size_t mask, Value key, int64_t hash) {
  size_t perturb = static_cast<size_t>(hash);
  size_t i = static_cast<size_t>(hash) & mask;
  SetEntry* entry;
  for (;;) {
    entry = &table[i];
    if (entry->key.is_null()) goto found_null;
    if (i + kLinearProbes <= mask) {
      for (uint32_t j = 0; j < kLinearProbes; j++) {
        entry++;
        if (entry->key.is_null()) goto found_null;
      }
    }
    perturb >>= kPerturbShift;
    i = (i * 5 + 1 + perturb) & mask;
  }
found_null:
  entry->key = key;
  entry->hash = hash;
}

int set_table_resize(Isolate& I, Set* so, size_t minused) {
  size_t newsize = kMinSize;
  while (newsize <= minused) {
    newsize <<= 1;
    if (newsize > (size_t(1) << 40)) {
      raise_memory(I);
      return -1;
    }
  }
  SetEntry* oldtable = so->table;
  size_t oldmask = so->mask;
  if (newsize == kMinSize && oldmask + 1 == kMinSize && so->fill == so->used) return 0;
  SetEntry* newtable = alloc_table(I, newsize);
  if (!newtable) return -1;
  size_t newmask = newsize - 1;
  if (oldtable != g_empty_table) {
    if (so->fill == so->used) {
      for (SetEntry* e = oldtable; e <= oldtable + oldmask; e++)
        if (!e->key.is_null()) set_insert_clean(newtable, newmask, e->key, e->hash);
    } else {
      so->fill = so->used;
      for (SetEntry* e = oldtable; e <= oldtable + oldmask; e++)
        if (is_active(*e)) set_insert_clean(newtable, newmask, e->key, e->hash);
    }
  }
  so->table = newtable;
  so->mask = static_cast<uint32_t>(newmask);
  free_table(I, oldtable, static_cast<uint32_t>(oldmask));
  so->version++;
  return 0;
}

int set_contains_entry(Isolate& I, Set* so, Value key, int64_t hash) {
  SetEntry* e = set_lookkey(I, so, key, hash);
  if (!e) return -1;
  return e->key.is_null() ? 0 : 1;
}

// 1 found and removed, 0 absent, -1 error.
int set_discard_entry(Isolate& I, Set* so, Value key, int64_t hash) {
  SetEntry* e = set_lookkey(I, so, key, hash);
  if (!e) return -1;
  if (e->key.is_null()) return 0;
  e->key = dummy();
  e->hash = -1;
  so->used--;
  so->version++;
  return 1;
}

int set_add_key(Isolate& I, Set* so, Value key) {
  int64_t h = fast_hash(I, key);
  if (h == -1) return -1;
  return set_add_entry(I, so, key, h);
}

void set_clear_internal(Isolate& I, Set* so) {
  free_table(I, so->table, so->mask);
  so->table = g_empty_table;
  so->mask = kMinSize - 1;
  so->fill = 0;
  so->used = 0;
  so->hash = -1;
  so->version++;
}

bool set_next_entry(Set* so, uint32_t* pos, SetEntry** out) {
  size_t i = *pos;
  size_t mask = so->mask;
  SetEntry* table = so->table;
  while (i <= mask && !is_active(table[i])) i++;
  *pos = static_cast<uint32_t>(i + 1);
  if (i > mask) return false;
  *out = &table[i];
  return true;
}

uint64_t shuffle_bits(uint64_t h) { return ((h ^ 89869747ull) ^ (h << 16)) * 3644798167ull; }

int64_t frozenset_hash_impl(Set* so) {
  uint64_t hash = 0;
  for (size_t i = 0; i <= so->mask; ++i) {
    const SetEntry& e = so->table[i];
    if (is_active(e)) hash ^= shuffle_bits(static_cast<uint64_t>(e.hash));
  }
  hash ^= (uint64_t(so->used) + 1) * 1927868237ull;
  hash ^= (hash >> 11) ^ (hash >> 25);
  hash = hash * 69069u + 907133923ull;
  if (hash == static_cast<uint64_t>(-1)) hash = 590923713ull;
  return static_cast<int64_t>(hash);
}

int set_merge(Isolate& I, Set* so, Set* other) {
  if (other == so || other->used == 0) return 0;
  if ((size_t(so->fill) + other->used) * 5 >= size_t(so->mask) * 3) {
    if (set_table_resize(I, so, (size_t(so->used) + other->used) * 2) != 0) return -1;
  }
  if (ensure_table(I, so) < 0) return -1;
  SetEntry* so_entry = so->table;
  SetEntry* other_entry = other->table;
  if (so->fill == 0 && so->mask == other->mask && other->fill == other->used) {
    for (size_t i = 0; i <= other->mask; i++, so_entry++, other_entry++) {
      if (!other_entry->key.is_null()) {
        so_entry->key = other_entry->key;
        so_entry->hash = other_entry->hash;
      }
    }
    so->fill = other->fill;
    so->used = other->used;
    so->version++;
    return 0;
  }
  if (so->fill == 0) {
    SetEntry* newtable = so->table;
    size_t newmask = so->mask;
    so->fill = other->used;
    so->used = other->used;
    for (size_t i = 0; i <= other->mask; i++, other_entry++) {
      if (is_active(*other_entry)) set_insert_clean(newtable, newmask, other_entry->key, other_entry->hash);
    }
    so->version++;
    return 0;
  }
  for (size_t i = 0; i <= other->mask; i++) {
    SetEntry e = other->table[i];
    if (is_active(e) && set_add_entry(I, so, e.key, e.hash) < 0) return -1;
  }
  return 0;
}

int set_update_dict(Isolate& I, Set* so, Dict* other) {
  size_t dictsize = other->count;
  if ((size_t(so->fill) + dictsize) * 5 >= size_t(so->mask) * 3) {
    if (set_table_resize(I, so, (size_t(so->used) + dictsize) * 2) != 0) return -1;
  }
  for (uint32_t i = 0; i < other->entries_used; ++i) {
    DictEntry e = other->entries[i];
    if (e.key.is_null()) continue;
    if (set_add_entry(I, so, e.key, e.hash) < 0) return -1;
  }
  return 0;
}

int set_update_internal(Isolate& I, Set* so, Value other) {
  if (anyset(I, other)) return set_merge(I, so, other.as<Set>());
  if (other.is_object() && other.as_object()->type_ == I.rt.dict_type)
    return set_update_dict(I, so, other.as<Dict>());
  Value it = get_iter(I, other);
  if (it.is_error()) return -1;
  NextFn next = type_of(I, it)->next;
  for (;;) {
    Value key = next(I, it);
    if (key.is_null()) return 0;
    if (key.is_error()) {
      if (pending_matches(I, I.rt.exc_StopIteration)) {
        I.pending = nullptr;
        return 0;
      }
      return -1;
    }
    if (set_add_key(I, so, key) < 0) return -1;
  }
}

Set* make_new_set(Isolate& I, Type* type, Value iterable) {
  Set* so = alloc_set(I, type);
  if (!so) return nullptr;
  if (!iterable.is_null() && set_update_internal(I, so, iterable) < 0) return nullptr;
  return so;
}

Type* basetype_of(Isolate& I, Type* type) {
  if (type == I.rt.set_type || type == I.rt.frozenset_type) return type;
  return is_subtype(type, I.rt.set_type) ? I.rt.set_type : I.rt.frozenset_type;
}

Set* make_new_set_basetype(Isolate& I, Type* type, Value iterable) {
  return make_new_set(I, basetype_of(I, type), iterable);
}

Set* set_copy(Isolate& I, Set* so) {
  Set* r = make_new_set_basetype(I, so->type_, Value::null());
  if (!r) return nullptr;
  if (set_merge(I, r, so) < 0) return nullptr;
  return r;
}

void set_swap_bodies(Isolate& I, Set* a, Set* b) {
  std::swap(a->table, b->table);
  std::swap(a->mask, b->mask);
  std::swap(a->fill, b->fill);
  std::swap(a->used, b->used);
  if (is_frozen_type(I, a->type_) && is_frozen_type(I, b->type_)) {
    std::swap(a->hash, b->hash);
  } else {
    a->hash = -1;
    b->hash = -1;
  }
  a->version++;
  b->version++;
}

// --- set algebra -----------------------------------------------------------------------

Set* set_intersection(Isolate& I, Set* so, Value other) {
  if (other.is_object() && other.as_object() == so) return set_copy(I, so);
  Set* result = make_new_set_basetype(I, so->type_, Value::null());
  if (!result) return nullptr;
  if (anyset(I, other)) {
    Set* o = other.as<Set>();
    Set* s = so;
    if (o->used > s->used) std::swap(s, o);
    uint32_t pos = 0;
    SetEntry* entry;
    while (set_next_entry(o, &pos, &entry)) {
      Value key = entry->key;
      int64_t hash = entry->hash;
      int rv = set_contains_entry(I, s, key, hash);
      if (rv < 0) return nullptr;
      if (rv && set_add_entry(I, result, key, hash) < 0) return nullptr;
    }
    return result;
  }
  Value it = get_iter(I, other);
  if (it.is_error()) return nullptr;
  for (;;) {
    Value key = iter_next(I, it);
    if (key.is_error()) return nullptr;
    if (key.is_null()) break;
    int64_t hash = fast_hash(I, key);
    if (hash == -1) return nullptr;
    int rv = set_contains_entry(I, so, key, hash);
    if (rv < 0) return nullptr;
    if (rv) {
      if (set_add_entry(I, result, key, hash) < 0) return nullptr;
      if (result->used >= so->used) break;
    }
  }
  return result;
}

int set_difference_update_internal(Isolate& I, Set* so, Value other) {
  if (other.is_object() && other.as_object() == so) {
    set_clear_internal(I, so);
    return 0;
  }
  if (anyset(I, other)) {
    Set* o = other.as<Set>();
    if ((o->used >> 3) > so->used) {
      o = set_intersection(I, so, other);
      if (!o) return -1;
    }
    uint32_t pos = 0;
    SetEntry* entry;
    while (set_next_entry(o, &pos, &entry)) {
      Value key = entry->key;
      if (set_discard_entry(I, so, key, entry->hash) < 0) return -1;
    }
  } else {
    Value it = get_iter(I, other);
    if (it.is_error()) return -1;
    for (;;) {
      Value key = iter_next(I, it);
      if (key.is_error()) return -1;
      if (key.is_null()) break;
      int64_t h = fast_hash(I, key);
      if (h == -1) return -1;
      if (set_discard_entry(I, so, key, h) < 0) return -1;
    }
  }
  if (size_t(so->fill - so->used) <= size_t(so->mask) / 4) return 0;
  return set_table_resize(I, so, so->used > 50000 ? size_t(so->used) * 2 : size_t(so->used) * 4);
}

Set* set_copy_and_difference(Isolate& I, Set* so, Value other) {
  Set* result = set_copy(I, so);
  if (!result) return nullptr;
  if (set_difference_update_internal(I, result, other) < 0) return nullptr;
  return result;
}

Set* set_difference(Isolate& I, Set* so, Value other) {
  int64_t other_size;
  bool is_dict = other.is_object() && other.as_object()->type_ == I.rt.dict_type;
  if (anyset(I, other)) other_size = other.as<Set>()->used;
  else if (is_dict) other_size = other.as<Dict>()->count;
  else return set_copy_and_difference(I, so, other);
  if ((int64_t(so->used) >> 2) > other_size) return set_copy_and_difference(I, so, other);
  Set* result = make_new_set_basetype(I, so->type_, Value::null());
  if (!result) return nullptr;
  uint32_t pos = 0;
  SetEntry* entry;
  while (set_next_entry(so, &pos, &entry)) {
    Value key = entry->key;
    int64_t hash = entry->hash;
    int rv;
    if (is_dict) {
      Value v;
      rv = dict_lookup_hashed(I, other.as<Dict>(), key, hash, &v);
    } else {
      rv = set_contains_entry(I, other.as<Set>(), key, hash);
    }
    if (rv < 0) return nullptr;
    if (!rv && set_add_entry(I, result, key, hash) < 0) return nullptr;
  }
  return result;
}

int set_symmetric_difference_update_set(Isolate& I, Set* so, Set* other) {
  uint32_t pos = 0;
  SetEntry* entry;
  while (set_next_entry(other, &pos, &entry)) {
    Value key = entry->key;
    int64_t hash = entry->hash;
    int rv = set_discard_entry(I, so, key, hash);
    if (rv < 0) return -1;
    if (rv == 0 && set_add_entry(I, so, key, hash) < 0) return -1;
  }
  return 0;
}

int set_symmetric_difference_update(Isolate& I, Set* so, Value other) {
  if (other.is_object() && other.as_object() == so) {
    set_clear_internal(I, so);
    return 0;
  }
  if (other.is_object() && other.as_object()->type_ == I.rt.dict_type) {
    Dict* d = other.as<Dict>();
    for (uint32_t i = 0; i < d->entries_used; ++i) {
      DictEntry e = d->entries[i];
      if (e.key.is_null()) continue;
      int rv = set_discard_entry(I, so, e.key, e.hash);
      if (rv < 0) return -1;
      if (rv == 0 && set_add_entry(I, so, e.key, e.hash) < 0) return -1;
    }
    return 0;
  }
  Set* otherset;
  if (anyset(I, other)) {
    otherset = other.as<Set>();
  } else {
    otherset = make_new_set_basetype(I, so->type_, other);
    if (!otherset) return -1;
  }
  return set_symmetric_difference_update_set(I, so, otherset);
}

Set* set_symmetric_difference(Isolate& I, Set* so, Value other) {
  Set* otherset = make_new_set_basetype(I, so->type_, other);
  if (!otherset) return nullptr;
  if (set_symmetric_difference_update(I, otherset, Value::object(so)) < 0) return nullptr;
  return otherset;
}

// 1, 0 or -1.
int set_issubset(Isolate& I, Set* so, Value other) {
  if (!anyset(I, other)) {
    Set* tmp = make_new_set(I, I.rt.set_type, other);
    if (!tmp) return -1;
    return set_issubset(I, so, Value::object(tmp));
  }
  Set* o = other.as<Set>();
  if (so->used > o->used) return 0;
  uint32_t pos = 0;
  SetEntry* entry;
  while (set_next_entry(so, &pos, &entry)) {
    Value key = entry->key;
    int rv = set_contains_entry(I, o, key, entry->hash);
    if (rv <= 0) return rv;
  }
  return 1;
}

int set_issuperset(Isolate& I, Set* so, Value other) {
  if (!anyset(I, other)) {
    Set* tmp = make_new_set(I, I.rt.set_type, other);
    if (!tmp) return -1;
    other = Value::object(tmp);
  }
  return set_issubset(I, other.as<Set>(), Value::object(so));
}

// --- slots -------------------------------------------------------------------------------

const char* qual(Isolate& I, Value self, const char* meth) {
  thread_local std::string buf;
  buf = is_set(I, self) ? "set." : "frozenset.";
  buf += meth;
  return buf.c_str();
}

Value set_new_slot(Isolate& I, Type* type, const Value*, size_t, Tuple*) {
  Set* s = alloc_set(I, type);
  return s ? Value::object(s) : Value::error();
}

int set_init_slot(Isolate& I, Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (arg_no_kw(I, "set", kwnames) < 0) return -1;
  if (arg_count(I, type_name(I, self), nargs, 0, 1) < 0) return -1;
  Set* s = self.as<Set>();
  if (s->fill) set_clear_internal(I, s);
  s->hash = -1;
  if (nargs == 0) return 0;
  return set_update_internal(I, s, args[0]);
}

Value frozenset_new_slot(Isolate& I, Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  if ((type == I.rt.frozenset_type || type->init == I.rt.frozenset_type->init) &&
      arg_no_kw(I, "frozenset", kwnames) < 0)
    return Value::error();
  if (arg_count(I, type_name(type), nargs, 0, 1) < 0) return Value::error();
  Value iterable = nargs ? args[0] : Value::null();
  if (type == I.rt.frozenset_type && !iterable.is_null() && iterable.is_object() &&
      iterable.as_object()->type_ == I.rt.frozenset_type)
    return iterable;
  Set* s = make_new_set(I, type, iterable);
  return s ? Value::object(s) : Value::error();
}

void set_trace(Object* o, Tracer& t) {
  auto* s = static_cast<Set*>(o);
  if (!s->table || s->table == g_empty_table) return;
  // One strided range over every slot's key (empty and deleted slots hold
  // immediates, which the tracer skips): a huge set costs the collector's
  // mark stack one entry.
  static_assert(sizeof(SetEntry) % sizeof(Value) == 0);
  t.visit_strided(&s->table[0].key, size_t(s->mask) + 1, sizeof(SetEntry) / sizeof(Value));
}

void set_finalize(Isolate& I, Object* o) {
  auto* s = static_cast<Set*>(o);
  free_table(I, s->table, s->mask);
  s->table = g_empty_table;
  s->mask = kMinSize - 1;
  s->fill = s->used = 0;
}

Value set_repr(Isolate& I, Value self) {
  Set* so = self.as<Set>();
  const char* tn = type_name(I, self);
  int rc = repr_enter(I, so);
  if (rc < 0) return Value::error();
  if (rc > 0) return str_value(I, std::string(tn) + "(...)");
  if (so->used == 0) {
    repr_leave(I, so);
    return str_value(I, std::string(tn) + "()");
  }
  List* keys = list_new(I, 0, so->used);
  if (!keys) {
    repr_leave(I, so);
    return Value::error();
  }
  uint32_t pos = 0;
  SetEntry* e;
  while (set_next_entry(so, &pos, &e)) list_append(I, keys, e->key);
  std::string out;
  bool exact = so->type_ == I.rt.set_type;
  if (!exact) {
    out += tn;
    out += "(";
  }
  out += "{";
  for (size_t i = 0; i < keys->size; ++i) {
    if (i) out += ", ";
    if (repr_append(I, keys->items[i], out) < 0) {
      repr_leave(I, so);
      return Value::error();
    }
  }
  out += "}";
  if (!exact) out += ")";
  repr_leave(I, so);
  return str_value(I, out);
}

int64_t set_len(Isolate&, Value self) { return self.as<Set>()->used; }

// `key in s`, where an unhashable set key is looked up as a frozenset.
int set_contains_slot(Isolate& I, Value self, Value key) {
  Set* so = self.as<Set>();
  int64_t h = fast_hash(I, key);
  if (h == -1) {
    if (!is_set(I, key) || !pending_matches(I, I.rt.exc_TypeError)) return -1;
    I.pending = nullptr;
    h = frozenset_hash_impl(key.as<Set>());
  }
  return set_contains_entry(I, so, key, h);
}

int64_t set_hash_unhashable(Isolate& I, Value self) {
  raisef(I, I.rt.exc_TypeError, "unhashable type: '%s'", type_name(I, self));
  return -1;
}

int64_t frozenset_hash(Isolate&, Value self) {
  Set* so = self.as<Set>();
  if (so->hash != -1) return so->hash;
  so->hash = frozenset_hash_impl(so);
  return so->hash;
}

Value set_richcompare(Isolate& I, Value a, Value b, CompareOp op) {
  if (!anyset(I, b) || !anyset(I, a)) return Value::not_implemented();
  Set* v = a.as<Set>();
  Set* w = b.as<Set>();
  int r;
  switch (op) {
    case CompareOp::Eq:
    case CompareOp::Ne:
      if (v->used != w->used) {
        r = 0;
      } else if (v->hash != -1 && w->hash != -1 && v->hash != w->hash) {
        r = 0;
      } else {
        r = set_issubset(I, v, b);
      }
      if (r < 0) return Value::error();
      return Value::boolean((r != 0) == (op == CompareOp::Eq));
    case CompareOp::Le:
      r = set_issubset(I, v, b);
      break;
    case CompareOp::Ge:
      r = set_issuperset(I, v, b);
      break;
    case CompareOp::Lt:
      r = v->used >= w->used ? 0 : set_issubset(I, v, b);
      break;
    case CompareOp::Gt:
      r = v->used <= w->used ? 0 : set_issuperset(I, v, b);
      break;
    default:
      return Value::not_implemented();
  }
  if (r < 0) return Value::error();
  return Value::boolean(r != 0);
}

Value set_iter(Isolate& I, Value self) {
  Set* so = self.as<Set>();
  Object* o = I.heap.alloc_object(I.rt.set_iterator_type, sizeof(SetIter));
  if (!o) return raise_memory(I);
  auto* it = static_cast<SetIter*>(o);
  it->set = so;
  it->used = so->used;
  it->pos = 0;
  it->len = so->used;
  return Value::object(it);
}

Value wrap(Set* s) { return s ? Value::object(s) : Value::error(); }

Value set_or(Isolate& I, Value a, Value b) {
  if (!anyset(I, a) || !anyset(I, b)) return Value::not_implemented();
  Set* result = set_copy(I, a.as<Set>());
  if (!result) return Value::error();
  if (a.is(b)) return Value::object(result);
  if (set_update_internal(I, result, b) < 0) return Value::error();
  return Value::object(result);
}

Value set_and(Isolate& I, Value a, Value b) {
  if (!anyset(I, a) || !anyset(I, b)) return Value::not_implemented();
  return wrap(set_intersection(I, a.as<Set>(), b));
}

Value set_sub(Isolate& I, Value a, Value b) {
  if (!anyset(I, a) || !anyset(I, b)) return Value::not_implemented();
  return wrap(set_difference(I, a.as<Set>(), b));
}

Value set_xor(Isolate& I, Value a, Value b) {
  if (!anyset(I, a) || !anyset(I, b)) return Value::not_implemented();
  return wrap(set_symmetric_difference(I, a.as<Set>(), b));
}

Value set_ior(Isolate& I, Value a, Value b) {
  if (!anyset(I, b)) return Value::not_implemented();
  if (set_update_internal(I, a.as<Set>(), b) < 0) return Value::error();
  return a;
}

Value set_iand(Isolate& I, Value a, Value b) {
  if (!anyset(I, b)) return Value::not_implemented();
  Set* tmp = set_intersection(I, a.as<Set>(), b);
  if (!tmp) return Value::error();
  set_swap_bodies(I, a.as<Set>(), tmp);
  return a;
}

Value set_isub(Isolate& I, Value a, Value b) {
  if (!anyset(I, b)) return Value::not_implemented();
  if (set_difference_update_internal(I, a.as<Set>(), b) < 0) return Value::error();
  return a;
}

Value set_ixor(Isolate& I, Value a, Value b) {
  if (!anyset(I, b)) return Value::not_implemented();
  if (set_symmetric_difference_update(I, a.as<Set>(), b) < 0) return Value::error();
  return a;
}

// --- set_iterator -----------------------------------------------------------------------

Value setiter_next(Isolate& I, Value self) {
  auto* si = self.as<SetIter>();
  Set* so = si->set;
  if (!so) return Value::null();
  if (si->used != so->used) {
    si->used = UINT32_MAX;
    return raise(I, I.rt.exc_RuntimeError, "Set changed size during iteration");
  }
  int64_t i = si->pos;
  int64_t mask = so->mask;
  SetEntry* table = so->table;
  while (i <= mask && !is_active(table[i])) i++;
  si->pos = i + 1;
  if (i > mask) {
    si->set = nullptr;
    return Value::null();
  }
  si->len--;
  return table[i].key;
}

Value setiter_length_hint(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (arg_none(I, "set_iterator.__length_hint__", nargs - 1, kw) < 0) return Value::error();
  auto* si = args[0].as<SetIter>();
  int64_t n = 0;
  if (si->set && si->used == si->set->used) n = si->len;
  return int_from_i64(I, n);
}

void setiter_trace(Object* o, Tracer& t) { t.visit(static_cast<SetIter*>(o)->set); }

Value self_iter(Isolate&, Value self) { return self; }

Value no_new(Isolate& I, Type* type, const Value*, size_t, Tuple*) {
  return raisef(I, I.rt.exc_TypeError, "cannot create '%s' instances", type_name(type));
}

// --- methods -----------------------------------------------------------------------------

Value m_add(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (arg_one(I, "set.add", nargs - 1, kw) < 0) return Value::error();
  if (set_add_key(I, args[0].as<Set>(), args[1]) < 0) return Value::error();
  return Value::none();
}

// Hash of a key for remove/discard, converting an unhashable set to its frozenset hash.
bool key_hash_for_discard(Isolate& I, Value key, int64_t* h) {
  *h = fast_hash(I, key);
  if (*h != -1) return true;
  if (!is_set(I, key) || !pending_matches(I, I.rt.exc_TypeError)) return false;
  I.pending = nullptr;
  *h = frozenset_hash_impl(key.as<Set>());
  return true;
}

Value m_remove(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (arg_one(I, "set.remove", nargs - 1, kw) < 0) return Value::error();
  int64_t h;
  if (!key_hash_for_discard(I, args[1], &h)) return Value::error();
  int rv = set_discard_entry(I, args[0].as<Set>(), args[1], h);
  if (rv < 0) return Value::error();
  if (rv == 0) return raise_key_error(I, args[1]);
  return Value::none();
}

Value m_discard(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (arg_one(I, "set.discard", nargs - 1, kw) < 0) return Value::error();
  int64_t h;
  if (!key_hash_for_discard(I, args[1], &h)) return Value::error();
  if (set_discard_entry(I, args[0].as<Set>(), args[1], h) < 0) return Value::error();
  return Value::none();
}

Value m_pop(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (arg_none(I, "set.pop", nargs - 1, kw) < 0) return Value::error();
  Set* so = args[0].as<Set>();
  if (so->used == 0) return raise(I, I.rt.exc_KeyError, "pop from an empty set");
  SetEntry* entry = so->table + (so->aux_ & so->mask);
  SetEntry* limit = so->table + so->mask;
  while (!is_active(*entry)) {
    entry++;
    if (entry > limit) entry = so->table;
  }
  Value key = entry->key;
  entry->key = dummy();
  entry->hash = -1;
  so->used--;
  so->version++;
  so->aux_ = static_cast<uint32_t>(entry - so->table + 1);
  return key;
}

Value m_clear(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (arg_none(I, "set.clear", nargs - 1, kw) < 0) return Value::error();
  set_clear_internal(I, args[0].as<Set>());
  return Value::none();
}

Value m_copy(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (arg_none(I, qual(I, args[0], "copy"), nargs - 1, kw) < 0) return Value::error();
  Set* so = args[0].as<Set>();
  if (so->type_ == I.rt.frozenset_type) return args[0];
  return wrap(set_copy(I, so));
}

Value m_update(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (arg_no_kw(I, "set.update", kw) < 0) return Value::error();
  for (size_t i = 1; i < nargs; ++i)
    if (set_update_internal(I, args[0].as<Set>(), args[i]) < 0) return Value::error();
  return Value::none();
}

Value m_union(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (arg_no_kw(I, qual(I, args[0], "union"), kw) < 0) return Value::error();
  Set* so = args[0].as<Set>();
  Set* result = set_copy(I, so);
  if (!result) return Value::error();
  for (size_t i = 1; i < nargs; ++i) {
    if (args[i].is(args[0])) continue;
    if (set_update_internal(I, result, args[i]) < 0) return Value::error();
  }
  return Value::object(result);
}

Value m_intersection(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (arg_no_kw(I, qual(I, args[0], "intersection"), kw) < 0) return Value::error();
  Set* so = args[0].as<Set>();
  if (nargs == 1) return wrap(set_copy(I, so));
  Set* result = so;
  for (size_t i = 1; i < nargs; ++i) {
    result = set_intersection(I, result, args[i]);
    if (!result) return Value::error();
  }
  return Value::object(result);
}

Value m_intersection_update(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (arg_no_kw(I, "set.intersection_update", kw) < 0) return Value::error();
  Set* so = args[0].as<Set>();
  Set* tmp;
  if (nargs == 1) {
    tmp = set_copy(I, so);
  } else {
    tmp = so;
    for (size_t i = 1; i < nargs; ++i) {
      tmp = set_intersection(I, tmp, args[i]);
      if (!tmp) return Value::error();
    }
  }
  if (!tmp) return Value::error();
  if (tmp != so) set_swap_bodies(I, so, tmp);
  return Value::none();
}

Value m_difference(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (arg_no_kw(I, qual(I, args[0], "difference"), kw) < 0) return Value::error();
  Set* so = args[0].as<Set>();
  if (nargs == 1) return wrap(set_copy(I, so));
  Set* result = set_difference(I, so, args[1]);
  if (!result) return Value::error();
  for (size_t i = 2; i < nargs; ++i)
    if (set_difference_update_internal(I, result, args[i]) < 0) return Value::error();
  return Value::object(result);
}

Value m_difference_update(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (arg_no_kw(I, "set.difference_update", kw) < 0) return Value::error();
  for (size_t i = 1; i < nargs; ++i)
    if (set_difference_update_internal(I, args[0].as<Set>(), args[i]) < 0) return Value::error();
  return Value::none();
}

Value m_symmetric_difference(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (arg_one(I, qual(I, args[0], "symmetric_difference"), nargs - 1, kw) < 0) return Value::error();
  return wrap(set_symmetric_difference(I, args[0].as<Set>(), args[1]));
}

Value m_symmetric_difference_update(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (arg_one(I, "set.symmetric_difference_update", nargs - 1, kw) < 0) return Value::error();
  if (set_symmetric_difference_update(I, args[0].as<Set>(), args[1]) < 0) return Value::error();
  return Value::none();
}

Value m_issubset(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (arg_one(I, qual(I, args[0], "issubset"), nargs - 1, kw) < 0) return Value::error();
  int r = set_issubset(I, args[0].as<Set>(), args[1]);
  return r < 0 ? Value::error() : Value::boolean(r != 0);
}

Value m_issuperset(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (arg_one(I, qual(I, args[0], "issuperset"), nargs - 1, kw) < 0) return Value::error();
  int r = set_issuperset(I, args[0].as<Set>(), args[1]);
  return r < 0 ? Value::error() : Value::boolean(r != 0);
}

Value m_isdisjoint(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (arg_one(I, qual(I, args[0], "isdisjoint"), nargs - 1, kw) < 0) return Value::error();
  Set* so = args[0].as<Set>();
  Value other = args[1];
  if (other.is(args[0])) return Value::boolean(so->used == 0);
  if (anyset_exact(I, other)) {
    Set* o = other.as<Set>();
    Set* s = so;
    if (o->used > s->used) std::swap(s, o);
    uint32_t pos = 0;
    SetEntry* entry;
    while (set_next_entry(o, &pos, &entry)) {
      Value key = entry->key;
      int rv = set_contains_entry(I, s, key, entry->hash);
      if (rv < 0) return Value::error();
      if (rv) return Value::false_();
    }
    return Value::true_();
  }
  Value it = get_iter(I, other);
  if (it.is_error()) return it;
  for (;;) {
    Value key = iter_next(I, it);
    if (key.is_error()) return key;
    if (key.is_null()) return Value::true_();
    int64_t h = fast_hash(I, key);
    if (h == -1) return Value::error();
    int rv = set_contains_entry(I, so, key, h);
    if (rv < 0) return Value::error();
    if (rv) return Value::false_();
  }
}

Value m_sizeof(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (arg_none(I, qual(I, args[0], "__sizeof__"), nargs - 1, kw) < 0) return Value::error();
  Set* so = args[0].as<Set>();
  size_t n = 200;
  if (so->table != g_empty_table && so->mask + 1 > kMinSize) n += (size_t(so->mask) + 1) * 16;
  return int_from_i64(I, static_cast<int64_t>(n));
}

}  // namespace

// --- public API ------------------------------------------------------------------------------

Set* set_new(Isolate& I, bool frozen) { return alloc_set(I, frozen ? I.rt.frozenset_type : I.rt.set_type); }

int set_add(Isolate& I, Set* s, Value key) { return set_add_key(I, s, key); }

int set_contains(Isolate& I, Set* s, Value key) {
  int64_t h = fast_hash(I, key);
  if (h == -1) return -1;
  return set_contains_entry(I, s, key, h);
}

int set_discard(Isolate& I, Set* s, Value key) {
  int64_t h = fast_hash(I, key);
  if (h == -1) return -1;
  return set_discard_entry(I, s, key, h);
}

int set_update(Isolate& I, Set* s, Value iterable) { return set_update_internal(I, s, iterable); }

bool set_next(Set* s, uint32_t* pos, Value* key) {
  SetEntry* e;
  if (!set_next_entry(s, pos, &e)) return false;
  *key = e->key;
  return true;
}

bool set_next_hashed(Set* s, uint32_t* pos, Value* key, int64_t* hash) {
  SetEntry* e;
  if (!set_next_entry(s, pos, &e)) return false;
  *key = e->key;
  *hash = e->hash;
  return true;
}

int set_add_hashed(Isolate& I, Set* s, Value key, int64_t hash) { return set_add_entry(I, s, key, hash); }

Set* set_new_from(Isolate& I, Value iterable) { return make_new_set(I, I.rt.set_type, iterable); }

int set_difference_update_value(Isolate& I, Set* s, Value other) {
  return set_difference_update_internal(I, s, other);
}

int set_symmetric_difference_update_value(Isolate& I, Set* s, Value other) {
  return set_symmetric_difference_update(I, s, other);
}

Value set_intersection_value(Isolate& I, Set* s, Value other) { return wrap(set_intersection(I, s, other)); }

void init_set_types(Runtime& rt) {
  Type* types[2] = {rt.set_type, rt.frozenset_type};
  for (Type* t : types) {
    t->basicsize = sizeof(Set);
    t->flags |= kTypeBaseType;
    t->repr = set_repr;
    t->richcompare = set_richcompare;
    t->len = set_len;
    t->contains = set_contains_slot;
    t->iter = set_iter;
    t->nb[int(NbOp::Or)] = set_or;
    t->nb[int(NbOp::And)] = set_and;
    t->nb[int(NbOp::Sub)] = set_sub;
    t->nb[int(NbOp::Xor)] = set_xor;
    t->trace = set_trace;
    t->finalize = set_finalize;
  }
  Type* s = rt.set_type;
  s->hash = set_hash_unhashable;
  s->nb_inplace[int(NbOp::Or)] = set_ior;
  s->nb_inplace[int(NbOp::And)] = set_iand;
  s->nb_inplace[int(NbOp::Sub)] = set_isub;
  s->nb_inplace[int(NbOp::Xor)] = set_ixor;
  s->new_ = set_new_slot;
  s->init = set_init_slot;
  add_attr(rt, s, "__hash__", Value::none());
  add_methods(rt, s, {
      {"add", m_add},
      {"clear", m_clear},
      {"copy", m_copy},
      {"discard", m_discard},
      {"difference", m_difference},
      {"difference_update", m_difference_update},
      {"intersection", m_intersection},
      {"intersection_update", m_intersection_update},
      {"isdisjoint", m_isdisjoint},
      {"issubset", m_issubset},
      {"issuperset", m_issuperset},
      {"pop", m_pop},
      {"remove", m_remove},
      {"symmetric_difference", m_symmetric_difference},
      {"symmetric_difference_update", m_symmetric_difference_update},
      {"union", m_union},
      {"update", m_update},
      {"__sizeof__", m_sizeof},
      {"__class_getitem__", class_getitem_self, kMethodClass},
  });
  Type* f = rt.frozenset_type;
  f->hash = frozenset_hash;
  f->new_ = frozenset_new_slot;
  add_methods(rt, f, {
      {"copy", m_copy},
      {"difference", m_difference},
      {"intersection", m_intersection},
      {"isdisjoint", m_isdisjoint},
      {"issubset", m_issubset},
      {"issuperset", m_issuperset},
      {"symmetric_difference", m_symmetric_difference},
      {"union", m_union},
      {"__sizeof__", m_sizeof},
      {"__class_getitem__", class_getitem_self, kMethodClass},
  });
  Type* it = rt.set_iterator_type;
  it->basicsize = sizeof(SetIter);
  it->iter = self_iter;
  it->next = setiter_next;
  it->trace = setiter_trace;
  it->new_ = no_new;
  add_methods(rt, it, {{"__length_hint__", setiter_length_hint}});
}

}  // namespace capy
