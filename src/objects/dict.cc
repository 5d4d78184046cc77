// dict: CPython's compact ordered hash table. An index table of int32 slots
// (open addressing with CPython's perturbation probe) points into a dense,
// insertion-ordered entry array. Deletions leave holes that are squeezed out
// when the table is resized (at 2/3 load).
//
// Invariant: the entry buffer always has usable(index_size) slots;
// `entries_cap` is the number of entries that may be used before the next
// resize (popitem lowers it, like CPython's dk_usable, so that the index
// always keeps empty slots).
#include "objects/dict.h"

#include <cstring>
#include <string>

#include "objects/exception.h"
#include "objects/int.h"
#include "objects/iterators.h"
#include "objects/list.h"
#include "objects/native.h"
#include "objects/ops.h"
#include "objects/set.h"
#include "objects/str.h"
#include "objects/tuple.h"

namespace capy {

namespace {

constexpr uint32_t kMinSize = 8;
constexpr int32_t kEmpty = -1;
constexpr int32_t kDummy = -2;
constexpr int64_t kNotFound = -1;
constexpr int64_t kError = -3;
constexpr uint32_t kMaxIndexSize = uint32_t(1) << 30;

inline uint32_t usable_for(uint32_t size) { return (size << 1) / 3; }

// Smallest power of two >= minsize (at least kMinSize); 0 if too big.
uint32_t size_for(size_t minsize) {
  uint32_t s = kMinSize;
  while (s < minsize) {
    if (s >= kMaxIndexSize) return 0;
    s <<= 1;
  }
  return s;
}

void free_tables(Isolate& I, Dict* d) {
  if (d->index) I.heap.free_raw(d->index, size_t(d->index_size) * sizeof(int32_t));
  if (d->entries) I.heap.free_raw(d->entries, size_t(usable_for(d->index_size)) * sizeof(DictEntry));
  d->index = nullptr;
  d->entries = nullptr;
  d->index_size = 0;
  d->entries_used = 0;
  d->entries_cap = 0;
}

inline void index_insert(int32_t* index, uint32_t size, int64_t hash, int32_t ix) {
  size_t mask = size - 1;
  size_t perturb = static_cast<size_t>(hash);
  size_t i = perturb & mask;
  while (index[i] != kEmpty) {
    perturb >>= 5;
    i = (i * 5 + perturb + 1) & mask;
  }
  index[i] = ix;
}

// Rebuilds the tables with room for minsize index slots, dropping holes.
int dict_resize(Isolate& I, Dict* d, size_t minsize) {
  if (minsize < size_t(d->count) + 1) minsize = size_t(d->count) + 1;
  uint32_t newsize = size_for(minsize);
  while (newsize && usable_for(newsize) <= d->count) newsize = newsize >= kMaxIndexSize ? 0 : newsize << 1;
  if (!newsize) {
    raise_memory(I);
    return -1;
  }
  uint32_t newcap = usable_for(newsize);
  auto* nidx = static_cast<int32_t*>(I.heap.alloc_raw(size_t(newsize) * sizeof(int32_t)));
  if (!nidx) {
    raise_memory(I);
    return -1;
  }
  auto* nent = static_cast<DictEntry*>(I.heap.alloc_raw(size_t(newcap) * sizeof(DictEntry)));
  if (!nent) {
    I.heap.free_raw(nidx, size_t(newsize) * sizeof(int32_t));
    raise_memory(I);
    return -1;
  }
  std::memset(nidx, 0xFF, size_t(newsize) * sizeof(int32_t));
  uint32_t j = 0;
  if (d->entries) {
    if (d->count == d->entries_used) {
      std::memcpy(nent, d->entries, size_t(d->entries_used) * sizeof(DictEntry));
      j = d->entries_used;
    } else {
      for (uint32_t i = 0; i < d->entries_used; ++i)
        if (!d->entries[i].key.is_null()) nent[j++] = d->entries[i];
    }
  }
  for (uint32_t k = 0; k < j; ++k) index_insert(nidx, newsize, nent[k].hash, static_cast<int32_t>(k));
  free_tables(I, d);
  d->index = nidx;
  d->entries = nent;
  d->index_size = newsize;
  d->entries_used = j;
  d->entries_cap = newcap;
  return 0;
}

inline bool is_exact_str(Isolate& I, Value v) {
  return v.is_object() && v.as_object()->type_ == I.rt.str_type;
}

// Finds key: its entry index, kNotFound, or kError.
int64_t lookup(Isolate& I, Dict* d, Value key, int64_t hash) {
restart:
  if (d->count == 0) return kNotFound;
  int32_t* index = d->index;
  DictEntry* entries = d->entries;
  uint32_t size = d->index_size;
  size_t mask = size - 1;
  size_t perturb = static_cast<size_t>(hash);
  size_t i = perturb & mask;
  for (;;) {
    int32_t ix = index[i];
    if (ix == kEmpty) return kNotFound;
    if (ix >= 0) {
      DictEntry* e = &entries[ix];
      if (e->key.is(key)) return ix;
      if (e->hash == hash) {
        Value sk = e->key;
        if (is_exact_str(I, key) && is_exact_str(I, sk)) {
          if (str_eq(sk.as<Str>(), key.as<Str>())) return ix;
        } else if (!(sk.is_small_int() && key.is_small_int())) {
          int c = eq(I, sk, key);
          if (c < 0) return kError;
          if (d->index != index || d->entries != entries || d->index_size != size ||
              static_cast<uint32_t>(ix) >= d->entries_used || !d->entries[ix].key.is(sk))
            goto restart;
          if (c) return ix;
        }
      }
    }
    perturb >>= 5;
    i = (i * 5 + perturb + 1) & mask;
  }
}

// The index slot holding entry ix.
size_t slot_of(Dict* d, int64_t hash, int64_t ix) {
  size_t mask = d->index_size - 1;
  size_t perturb = static_cast<size_t>(hash);
  size_t i = perturb & mask;
  while (d->index[i] != ix) {
    perturb >>= 5;
    i = (i * 5 + perturb + 1) & mask;
  }
  return i;
}

// Appends a key known to be absent. 0 or -1.
int insert_new(Isolate& I, Dict* d, Value key, int64_t hash, Value value) {
  if (d->entries_used >= d->entries_cap) {
    if (dict_resize(I, d, size_t(d->count) * 3) < 0) return -1;
  }
  size_t mask = d->index_size - 1;
  size_t perturb = static_cast<size_t>(hash);
  size_t i = perturb & mask;
  while (d->index[i] >= 0) {
    perturb >>= 5;
    i = (i * 5 + perturb + 1) & mask;
  }
  uint32_t ix = d->entries_used++;
  d->index[i] = static_cast<int32_t>(ix);
  d->entries[ix].hash = hash;
  d->entries[ix].key = key;
  d->entries[ix].value = value;
  d->count++;
  d->version++;
  return 0;
}

void delete_entry(Dict* d, int64_t ix) {
  DictEntry* e = &d->entries[ix];
  d->index[slot_of(d, e->hash, ix)] = kDummy;
  e->key = Value::null();
  e->value = Value::null();
  d->count--;
  d->version++;
}

Dict* alloc_dict(Isolate& I, Type* type) {
  size_t size = type->basicsize < sizeof(Dict) ? sizeof(Dict) : type->basicsize;
  Object* o = I.heap.alloc_object(type, size);
  if (!o) {
    raise_memory(I);
    return nullptr;
  }
  return static_cast<Dict*>(o);
}

inline int64_t str_key_hash(Str* s) { return s->hash != -1 ? s->hash : str_hash(s); }

}  // namespace

// --- public API ---------------------------------------------------------------------

Dict* dict_new(Isolate& I, size_t expected) {
  Dict* d = alloc_dict(I, I.rt.dict_type);
  if (!d) return nullptr;
  if (expected > 0 && dict_resize(I, d, (expected * 3 + 1) / 2) < 0) return nullptr;
  return d;
}

int dict_lookup_hashed(Isolate& I, Dict* d, Value key, int64_t hash, Value* value) {
  int64_t ix = lookup(I, d, key, hash);
  if (ix == kError) return -1;
  if (ix < 0) return 0;
  *value = d->entries[ix].value;
  return 1;
}

Value dict_get(Isolate& I, Dict* d, Value key) {
  int64_t h = fast_hash(I, key);
  if (h == -1) return Value::error();
  int64_t ix = lookup(I, d, key, h);
  if (ix == kError) return Value::error();
  if (ix < 0) return Value::null();
  return d->entries[ix].value;
}

Value dict_get_str(Dict* d, Str* key) {
  if (d->count == 0) return Value::null();
  int64_t h = str_key_hash(key);
  Value kv = Value::object(key);
  size_t mask = d->index_size - 1;
  size_t perturb = static_cast<size_t>(h);
  size_t i = perturb & mask;
  const int32_t* index = d->index;
  const DictEntry* entries = d->entries;
  for (;;) {
    int32_t ix = index[i];
    if (ix == kEmpty) return Value::null();
    if (ix >= 0) {
      const DictEntry& e = entries[ix];
      if (e.key.is(kv)) return e.value;
      if (e.hash == h && e.key.is_object()) {
        Object* o = e.key.as_object();
        if (o->type_ == key->type_ || (o->type_->flags & kTypeStrSubclass)) {
          Str* s = static_cast<Str*>(o);
          if (s->aux_ == key->aux_ && std::memcmp(s->data, key->data, key->aux_) == 0) return e.value;
        }
      }
    }
    perturb >>= 5;
    i = (i * 5 + perturb + 1) & mask;
  }
}

Value dict_get_cstr(Isolate& I, Dict* d, std::string_view key) {
  if (Str* s = I.rt.find_interned(key)) return dict_get_str(d, s);
  Str* s = str_new(I, key);
  if (!s) return Value::error();
  return dict_get_str(d, s);
}

int dict_set_hashed(Isolate& I, Dict* d, Value key, int64_t hash, Value value) {
  int64_t ix = lookup(I, d, key, hash);
  if (ix == kError) return -1;
  if (ix >= 0) {
    d->entries[ix].value = value;
    d->version++;
    return 0;
  }
  return insert_new(I, d, key, hash, value);
}

int dict_set(Isolate& I, Dict* d, Value key, Value value) {
  int64_t h = fast_hash(I, key);
  if (h == -1) return -1;
  return dict_set_hashed(I, d, key, h, value);
}

int dict_set_str(Isolate& I, Dict* d, Str* key, Value value) {
  return dict_set_hashed(I, d, Value::object(key), str_key_hash(key), value);
}

int dict_del(Isolate& I, Dict* d, Value key) {
  int64_t h = fast_hash(I, key);
  if (h == -1) return -1;
  int64_t ix = lookup(I, d, key, h);
  if (ix == kError) return -1;
  if (ix < 0) return 0;
  delete_entry(d, ix);
  return 1;
}

bool dict_next(Dict* d, uint32_t* pos, Value* key, Value* value) {
  uint32_t i = *pos;
  while (i < d->entries_used) {
    DictEntry& e = d->entries[i++];
    if (!e.key.is_null()) {
      *pos = i;
      if (key) *key = e.key;
      if (value) *value = e.value;
      return true;
    }
  }
  *pos = i;
  return false;
}

Dict* dict_copy(Isolate& I, Dict* d) {
  Dict* r = alloc_dict(I, I.rt.dict_type);
  if (!r) return nullptr;
  if (d->count == 0) return r;
  if (size_t(d->count) * 3 >= size_t(d->entries_used) * 2) {
    // Clone the tables as they are (holes included).
    uint32_t size = d->index_size;
    uint32_t cap = usable_for(size);
    auto* idx = static_cast<int32_t*>(I.heap.alloc_raw(size_t(size) * sizeof(int32_t)));
    if (!idx) {
      raise_memory(I);
      return nullptr;
    }
    auto* ent = static_cast<DictEntry*>(I.heap.alloc_raw(size_t(cap) * sizeof(DictEntry)));
    if (!ent) {
      I.heap.free_raw(idx, size_t(size) * sizeof(int32_t));
      raise_memory(I);
      return nullptr;
    }
    std::memcpy(idx, d->index, size_t(size) * sizeof(int32_t));
    std::memcpy(ent, d->entries, size_t(d->entries_used) * sizeof(DictEntry));
    r->index = idx;
    r->entries = ent;
    r->index_size = size;
    r->entries_used = d->entries_used;
    r->entries_cap = d->entries_cap;
    r->count = d->count;
    return r;
  }
  if (dict_resize(I, r, (size_t(d->count) * 3 + 1) / 2) < 0) return nullptr;
  for (uint32_t i = 0; i < d->entries_used; ++i) {
    DictEntry& e = d->entries[i];
    if (e.key.is_null()) continue;
    if (insert_new(I, r, e.key, e.hash, e.value) < 0) return nullptr;
  }
  return r;
}

int dict_merge_from(Isolate& I, Dict* d, Dict* other) {
  if (other == d || other->count == 0) return 0;
  if (d->count == 0 && size_t(other->count) * 3 >= size_t(other->entries_used) * 2) {
    Dict* c = dict_copy(I, other);
    if (!c) return -1;
    free_tables(I, d);
    d->index = c->index;
    d->entries = c->entries;
    d->index_size = c->index_size;
    d->entries_used = c->entries_used;
    d->entries_cap = c->entries_cap;
    d->count = c->count;
    d->version++;
    c->index = nullptr;
    c->entries = nullptr;
    c->index_size = 0;
    c->entries_used = c->entries_cap = c->count = 0;
    return 0;
  }
  // Do one resize up front when it is clear the result needs it.
  if (size_t(d->entries_used) + other->count > d->entries_cap) {
    if (dict_resize(I, d, (size_t(d->count + other->count) * 3 + 1) / 2) < 0) return -1;
  }
  uint32_t n = other->entries_used;
  uint32_t expected = other->count;
  for (uint32_t i = 0; i < n && i < other->entries_used; ++i) {
    DictEntry e = other->entries[i];
    if (e.key.is_null()) continue;
    if (dict_set_hashed(I, d, e.key, e.hash, e.value) < 0) return -1;
    if (other->count != expected) {
      raise(I, I.rt.exc_RuntimeError, "dict mutated during update");
      return -1;
    }
  }
  return 0;
}

void dict_clear(Isolate& I, Dict* d) {
  free_tables(I, d);
  d->count = 0;
  d->version++;
}

Value dict_iter_slot(Isolate& I, Value self) {
  return dict_iter_new(I, self.as<Dict>(), I.rt.dict_keyiterator_type, false);
}

int dict_merge(Isolate& I, Dict* d, Value b, bool override) {
  Type* bt = type_of(I, b);
  if ((bt == I.rt.dict_type || (bt->flags & kTypeDictSubclass)) && bt->iter == dict_iter_slot) {
    Dict* other = b.as<Dict>();
    if (override) return dict_merge_from(I, d, other);
    if (other == d || other->count == 0) return 0;
    uint32_t expected = other->count;
    for (uint32_t i = 0; i < other->entries_used; ++i) {
      DictEntry e = other->entries[i];
      if (e.key.is_null()) continue;
      Value cur;
      int found = dict_lookup_hashed(I, d, e.key, e.hash, &cur);
      if (found < 0) return -1;
      if (!found && insert_new(I, d, e.key, e.hash, e.value) < 0) return -1;
      if (other->count != expected) {
        raise(I, I.rt.exc_RuntimeError, "dict mutated during update");
        return -1;
      }
    }
    return 0;
  }
  // A generic mapping: for key in b.keys(): d[key] = b[key].
  Value keys = call_method(I, b, I.rt.n_keys, {});
  if (keys.is_error()) return -1;
  Value it = get_iter(I, keys);
  if (it.is_error()) return -1;
  for (;;) {
    Value k = iter_next(I, it);
    if (k.is_error()) return -1;
    if (k.is_null()) break;
    if (!override) {
      int64_t h = fast_hash(I, k);
      if (h == -1) return -1;
      Value cur;
      int found = dict_lookup_hashed(I, d, k, h, &cur);
      if (found < 0) return -1;
      if (found) continue;
    }
    Value v = get_item(I, b, k);
    if (v.is_error()) return -1;
    if (dict_set(I, d, k, v) < 0) return -1;
  }
  return 0;
}

namespace {

int merge_from_seq2(Isolate& I, Dict* d, Value seq) {
  Value it = get_iter(I, seq);
  if (it.is_error()) return -1;
  for (int64_t i = 0;; ++i) {
    Value item = iter_next(I, it);
    if (item.is_error()) return -1;
    if (item.is_null()) return 0;
    Value k, v;
    size_t n;
    Type* t = type_of(I, item);
    if (t == I.rt.tuple_type) {
      Tuple* tp = item.as<Tuple>();
      n = tp->size();
      if (n == 2) {
        k = tp->items[0];
        v = tp->items[1];
      }
    } else if (t == I.rt.list_type) {
      List* l = item.as<List>();
      n = l->size;
      if (n == 2) {
        k = l->items[0];
        v = l->items[1];
      }
    } else {
      List* l = nullptr;
      if (t->iter || t->getitem) {
        l = list_new(I, 0);
        if (!l) return -1;
        if (list_extend(I, l, item) < 0) {
          if (!pending_matches(I, I.rt.exc_TypeError)) return -1;
          I.pending = nullptr;
          l = nullptr;
        }
      }
      if (!l) {
        raisef(I, I.rt.exc_TypeError, "cannot convert dictionary update sequence element #%lld to a sequence",
               static_cast<long long>(i));
        return -1;
      }
      n = l->size;
      if (n == 2) {
        k = l->items[0];
        v = l->items[1];
      }
    }
    if (n != 2) {
      raisef(I, I.rt.exc_ValueError, "dictionary update sequence element #%lld has length %zu; 2 is required",
             static_cast<long long>(i), n);
      return -1;
    }
    if (dict_set(I, d, k, v) < 0) return -1;
  }
}

}  // namespace

int dict_update_arg(Isolate& I, Dict* d, Value other) {
  Type* t = type_of(I, other);
  if (t == I.rt.dict_type) return dict_merge_from(I, d, other.as<Dict>());
  Value keys = get_attr_opt(I, other, I.rt.n_keys);
  if (keys.is_error()) return -1;
  if (!keys.is_null()) return dict_merge(I, d, other, true);
  return merge_from_seq2(I, d, other);
}

int dict_update(Isolate& I, Dict* d, Value other) { return dict_update_arg(I, d, other); }

namespace {

// --- slots ---------------------------------------------------------------------------

bool is_dict(Isolate& I, Value v) {
  if (!v.is_object()) return false;
  Type* t = v.as_object()->type_;
  return t == I.rt.dict_type || (t->flags & kTypeDictSubclass);
}

Value dict_new_slot(Isolate& I, Type* type, const Value*, size_t, Tuple*) {
  Dict* d = alloc_dict(I, type);
  return d ? Value::object(d) : Value::error();
}

int update_common(Isolate& I, Dict* d, const char* name, const Value* args, size_t nargs, Tuple* kwnames) {
  if (arg_count(I, name, nargs, 0, 1) < 0) return -1;
  if (nargs == 1 && dict_update_arg(I, d, args[0]) < 0) return -1;
  size_t nkw = kwnames ? kwnames->size() : 0;
  for (size_t k = 0; k < nkw; ++k)
    if (dict_set(I, d, kwnames->items[k], args[nargs + k]) < 0) return -1;
  return 0;
}

int dict_init_slot(Isolate& I, Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  return update_common(I, self.as<Dict>(), "dict", args, nargs, kwnames);
}

void dict_trace(Object* o, Tracer& t) {
  auto* d = static_cast<Dict*>(o);
  if (!d->entries || d->entries_used == 0) return;
  // As two strided ranges, so a huge dict costs the collector's mark stack
  // two entries (deleted entries hold null keys and values).
  static_assert(sizeof(DictEntry) % sizeof(Value) == 0);
  constexpr size_t kStride = sizeof(DictEntry) / sizeof(Value);
  t.visit_strided(&d->entries[0].key, d->entries_used, kStride);
  t.visit_strided(&d->entries[0].value, d->entries_used, kStride);
}

void dict_finalize(Isolate& I, Object* o) { free_tables(I, static_cast<Dict*>(o)); }

Value dict_repr(Isolate& I, Value self) {
  Dict* d = self.as<Dict>();
  if (d->count == 0) return str_value(I, "{}");
  int rc = repr_enter(I, d);
  if (rc != 0) return rc > 0 ? str_value(I, "{...}") : Value::error();
  std::string out = "{";
  bool first = true;
  for (uint32_t i = 0; i < d->entries_used; ++i) {
    Value k = d->entries[i].key;
    Value v = d->entries[i].value;
    if (k.is_null()) continue;
    if (!first) out += ", ";
    first = false;
    if (repr_append(I, k, out) < 0) {
      repr_leave(I, d);
      return Value::error();
    }
    out += ": ";
    if (repr_append(I, v, out) < 0) {
      repr_leave(I, d);
      return Value::error();
    }
  }
  repr_leave(I, d);
  out += '}';
  return str_value(I, out);
}

// 1 equal, 0 not, -1 error (CPython's dict_equal).
int dict_equal(Isolate& I, Dict* a, Dict* b) {
  if (a->count != b->count) return 0;
  for (uint32_t i = 0; i < a->entries_used; ++i) {
    DictEntry e = a->entries[i];
    if (e.key.is_null()) continue;
    Value bv;
    int found = dict_lookup_hashed(I, b, e.key, e.hash, &bv);
    if (found <= 0) return found;
    int c = fast_eq(I, e.value, bv);
    if (c <= 0) return c;
  }
  return 1;
}

Value dict_richcompare(Isolate& I, Value a, Value b, CompareOp op) {
  if (!is_dict(I, a) || !is_dict(I, b) || (op != CompareOp::Eq && op != CompareOp::Ne))
    return Value::not_implemented();
  int r = dict_equal(I, a.as<Dict>(), b.as<Dict>());
  if (r < 0) return Value::error();
  return Value::boolean((r == 1) == (op == CompareOp::Eq));
}

int64_t dict_len(Isolate&, Value self) { return self.as<Dict>()->count; }

Value dict_getitem(Isolate& I, Value self, Value key) {
  Dict* d = self.as<Dict>();
  Value v = dict_get(I, d, key);
  if (!v.is_null()) return v;
  if (d->type_ != I.rt.dict_type) {
    Value missing = lookup_special(I, self, I.rt.n___missing__);
    if (missing.is_error()) return missing;
    if (!missing.is_null()) return call(I, missing, &key, 1, nullptr);
  }
  return raise_key_error(I, key);
}

int dict_setitem(Isolate& I, Value self, Value key, Value value) {
  Dict* d = self.as<Dict>();
  if (!value.is_null()) return dict_set(I, d, key, value);
  int r = dict_del(I, d, key);
  if (r < 0) return -1;
  if (r == 0) {
    raise_key_error(I, key);
    return -1;
  }
  return 0;
}

int dict_contains(Isolate& I, Value self, Value key) {
  Value v = dict_get(I, self.as<Dict>(), key);
  if (v.is_error()) return -1;
  return v.is_null() ? 0 : 1;
}

Value dict_or(Isolate& I, Value a, Value b) {
  if (!is_dict(I, a) || !is_dict(I, b)) return Value::not_implemented();
  Dict* r = dict_copy(I, a.as<Dict>());
  if (!r) return Value::error();
  if (dict_update_arg(I, r, b) < 0) return Value::error();
  return Value::object(r);
}

Value dict_ior(Isolate& I, Value a, Value b) {
  if (dict_update_arg(I, a.as<Dict>(), b) < 0) return Value::error();
  return a;
}

int64_t unhashable(Isolate& I, Value self) {
  raisef(I, I.rt.exc_TypeError, "unhashable type: '%s'", type_name(I, self));
  return -1;
}

// --- methods -----------------------------------------------------------------------------

Value m_keys(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (arg_none(I, "dict.keys", nargs - 1, kw) < 0) return Value::error();
  return dict_view_new(I, args[0].as<Dict>(), I.rt.dict_keys_type);
}

Value m_values(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (arg_none(I, "dict.values", nargs - 1, kw) < 0) return Value::error();
  return dict_view_new(I, args[0].as<Dict>(), I.rt.dict_values_type);
}

Value m_items(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (arg_none(I, "dict.items", nargs - 1, kw) < 0) return Value::error();
  return dict_view_new(I, args[0].as<Dict>(), I.rt.dict_items_type);
}

Value m_get(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (arg_range(I, "dict.get", "get", nargs - 1, 1, 2, kw) < 0) return Value::error();
  Value v = dict_get(I, args[0].as<Dict>(), args[1]);
  if (v.is_null()) return nargs > 2 ? args[2] : Value::none();
  return v;
}

Value m_setdefault(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (arg_range(I, "dict.setdefault", "setdefault", nargs - 1, 1, 2, kw) < 0) return Value::error();
  Dict* d = args[0].as<Dict>();
  Value key = args[1];
  Value dflt = nargs > 2 ? args[2] : Value::none();
  int64_t h = fast_hash(I, key);
  if (h == -1) return Value::error();
  int64_t ix = lookup(I, d, key, h);
  if (ix == kError) return Value::error();
  if (ix >= 0) return d->entries[ix].value;
  if (insert_new(I, d, key, h, dflt) < 0) return Value::error();
  return dflt;
}

Value m_pop(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (arg_range(I, "dict.pop", "pop", nargs - 1, 1, 2, kw) < 0) return Value::error();
  Dict* d = args[0].as<Dict>();
  Value key = args[1];
  if (d->count == 0) {
    if (nargs > 2) return args[2];
    return raise_key_error(I, key);
  }
  int64_t h = fast_hash(I, key);
  if (h == -1) return Value::error();
  int64_t ix = lookup(I, d, key, h);
  if (ix == kError) return Value::error();
  if (ix < 0) {
    if (nargs > 2) return args[2];
    return raise_key_error(I, key);
  }
  Value v = d->entries[ix].value;
  delete_entry(d, ix);
  return v;
}

Value m_popitem(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (arg_none(I, "dict.popitem", nargs - 1, kw) < 0) return Value::error();
  Dict* d = args[0].as<Dict>();
  if (d->count == 0) return raise(I, I.rt.exc_KeyError, "popitem(): dictionary is empty");
  int64_t i = static_cast<int64_t>(d->entries_used) - 1;
  while (i >= 0 && d->entries[i].key.is_null()) --i;
  DictEntry e = d->entries[i];
  Value pair[2] = {e.key, e.value};
  Value t = tuple_value(I, pair, 2);
  if (t.is_error()) return t;
  delete_entry(d, i);
  // Drop the trailing holes; the freed entries are not reusable before the
  // next resize (the index keeps dummies for them).
  uint32_t old = d->entries_used;
  d->entries_used = static_cast<uint32_t>(i);
  d->entries_cap -= old - d->entries_used;
  return t;
}

Value m_update(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (update_common(I, args[0].as<Dict>(), "update", args + 1, nargs - 1, kw) < 0) return Value::error();
  return Value::none();
}

Value m_clear(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (arg_none(I, "dict.clear", nargs - 1, kw) < 0) return Value::error();
  dict_clear(I, args[0].as<Dict>());
  return Value::none();
}

Value m_copy(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (arg_none(I, "dict.copy", nargs - 1, kw) < 0) return Value::error();
  Dict* r = dict_copy(I, args[0].as<Dict>());
  return r ? Value::object(r) : Value::error();
}

Value m_fromkeys(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (arg_range(I, "dict.fromkeys", "fromkeys", nargs - 1, 1, 2, kw) < 0) return Value::error();
  Value cls = args[0];
  Value iterable = args[1];
  Value value = nargs > 2 ? args[2] : Value::none();
  Value dv = call(I, cls, nullptr, 0, nullptr);
  if (dv.is_error()) return dv;
  if (dv.is_object() && dv.as_object()->type_ == I.rt.dict_type) {
    Dict* d = dv.as<Dict>();
    Type* it = type_of(I, iterable);
    if (it == I.rt.dict_type) {
      Dict* src = iterable.as<Dict>();
      for (uint32_t i = 0; i < src->entries_used; ++i) {
        DictEntry e = src->entries[i];
        if (e.key.is_null()) continue;
        if (dict_set_hashed(I, d, e.key, e.hash, value) < 0) return Value::error();
      }
      return dv;
    }
    if (it == I.rt.set_type || it == I.rt.frozenset_type) {
      Set* s = iterable.as<Set>();
      uint32_t pos = 0;
      Value k;
      int64_t h;
      while (set_next_hashed(s, &pos, &k, &h))
        if (dict_set_hashed(I, d, k, h, value) < 0) return Value::error();
      return dv;
    }
  }
  Value iter = get_iter(I, iterable);
  if (iter.is_error()) return iter;
  bool exact = dv.is_object() && dv.as_object()->type_ == I.rt.dict_type;
  for (;;) {
    Value k = iter_next(I, iter);
    if (k.is_error()) return k;
    if (k.is_null()) break;
    int r = exact ? dict_set(I, dv.as<Dict>(), k, value) : set_item(I, dv, k, value);
    if (r < 0) return Value::error();
  }
  return dv;
}

Value m_reversed(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (arg_none(I, "dict.__reversed__", nargs - 1, kw) < 0) return Value::error();
  return dict_iter_new(I, args[0].as<Dict>(), I.rt.dict_keyiterator_type, true);
}

Value m_sizeof(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (arg_none(I, "dict.__sizeof__", nargs - 1, kw) < 0) return Value::error();
  Dict* d = args[0].as<Dict>();
  size_t n = 48;
  if (d->index_size) n += 32 + size_t(d->index_size) * 4 + size_t(usable_for(d->index_size)) * 24;
  return int_from_i64(I, static_cast<int64_t>(n));
}

}  // namespace

void init_dict_type(Runtime& rt) {
  Type* t = rt.dict_type;
  t->basicsize = sizeof(Dict);
  t->flags |= kTypeBaseType | kTypeDictSubclass;
  t->repr = dict_repr;
  t->hash = unhashable;
  t->richcompare = dict_richcompare;
  t->len = dict_len;
  t->getitem = dict_getitem;
  t->setitem = dict_setitem;
  t->contains = dict_contains;
  t->iter = dict_iter_slot;
  t->nb[int(NbOp::Or)] = dict_or;
  t->nb_inplace[int(NbOp::Or)] = dict_ior;
  t->new_ = dict_new_slot;
  t->init = dict_init_slot;
  t->trace = dict_trace;
  t->finalize = dict_finalize;
  add_attr(rt, t, "__hash__", Value::none());
  add_methods(rt, t, {
      {"keys", m_keys},
      {"values", m_values},
      {"items", m_items},
      {"get", m_get},
      {"setdefault", m_setdefault},
      {"pop", m_pop},
      {"popitem", m_popitem},
      {"update", m_update},
      {"clear", m_clear},
      {"copy", m_copy},
      {"fromkeys", m_fromkeys, kMethodClass},
      {"__reversed__", m_reversed},
      {"__sizeof__", m_sizeof},
      {"__class_getitem__", class_getitem_self, kMethodClass},
  });
  init_dict_view_types(rt);
}

}  // namespace capy
