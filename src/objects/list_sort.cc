// list.sort: CPython 3.11's TimSort (count_run, binary insertion sort,
// powersort merge policy, galloping merges) over keys with parallel values.
//
// While sorting, the list is emptied (guest code run by comparisons sees an
// empty list; any change is detected and reported as "list modified during
// sort"). Every buffer holding values is owned by a temporary list object so
// that the collector traces it, whatever runs in a comparison.
#include <cstring>

#include "objects/int.h"
#include "objects/iterators.h"
#include "objects/list.h"
#include "objects/ops.h"
#include "objects/str.h"
#include "objects/tuple.h"

namespace capy {

namespace {

constexpr int kMaxMergePending = 85;
constexpr int kMinGallop = 7;

enum class KeyKind : uint8_t { Generic, SmallInt, ExactInt, Float, Str, Tuple };

struct SortSlice {
  Value* keys;
  Value* values;  // nullptr when sorting the items themselves
};

struct Run {
  SortSlice base;
  int64_t len;
  int power;
};

struct MergeState {
  Isolate* I;
  KeyKind kind;
  KeyKind tuple_elem_kind;
  int min_gallop;
  Value* basekeys;
  int64_t listlen;
  int n;
  Run pending[kMaxMergePending];
  // Temporary area (traced through `temp`).
  List* temp;
  SortSlice a;
  int64_t alloced;
};

inline int str_lt(const Str* a, const Str* b) {
  size_t na = a->size(), nb = b->size();
  int c = std::memcmp(a->data, b->data, na < nb ? na : nb);
  if (c != 0) return c < 0;
  return na < nb;
}

int kind_lt(MergeState* ms, KeyKind kind, Value a, Value b) {
  switch (kind) {
    case KeyKind::SmallInt: return a.as_small_int() < b.as_small_int();
    case KeyKind::ExactInt: return int_compare(a, b) < 0;
    case KeyKind::Float: return a.as_double() < b.as_double();
    case KeyKind::Str: return str_lt(a.as<Str>(), b.as<Str>());
    case KeyKind::Tuple: {
      Tuple* v = a.as<Tuple>();
      Tuple* w = b.as<Tuple>();
      size_t vlen = v->size(), wlen = w->size();
      size_t i = 0;
      for (; i < vlen && i < wlen; ++i) {
        int k = fast_eq(*ms->I, v->items[i], w->items[i]);
        if (k < 0) return -1;
        if (!k) break;
      }
      if (i >= vlen || i >= wlen) return vlen < wlen;
      if (i == 0) return kind_lt(ms, ms->tuple_elem_kind, v->items[0], w->items[0]);
      return rich_compare_bool(*ms->I, v->items[i], w->items[i], CompareOp::Lt);
    }
    case KeyKind::Generic: break;
  }
  return rich_compare_bool(*ms->I, a, b, CompareOp::Lt);
}

inline int islt(MergeState* ms, Value a, Value b) { return kind_lt(ms, ms->kind, a, b); }

#define IFLT(X, Y)                 \
  if ((k = islt(ms, X, Y)) < 0) {  \
    return -1;                     \
  }                                \
  if (k)

KeyKind classify(Isolate& I, Value v) {
  if (v.is_small_int()) return KeyKind::SmallInt;
  if (v.is_double()) return KeyKind::Float;
  if (v.is_object()) {
    Type* t = v.as_object()->type_;
    if (t == I.rt.str_type) return KeyKind::Str;
    if (t == I.rt.int_type) return KeyKind::ExactInt;
    if (t == I.rt.tuple_type) return KeyKind::Tuple;
  }
  return KeyKind::Generic;
}

// Picks the comparison for a homogeneous set of keys.
KeyKind classify_all(Isolate& I, const Value* keys, int64_t n) {
  if (n == 0) return KeyKind::Generic;
  KeyKind k = classify(I, keys[0]);
  for (int64_t i = 1; i < n && k != KeyKind::Generic; ++i) {
    KeyKind c = classify(I, keys[i]);
    if (c == k) continue;
    if ((c == KeyKind::SmallInt && k == KeyKind::ExactInt) || (c == KeyKind::ExactInt && k == KeyKind::SmallInt))
      k = KeyKind::ExactInt;
    else
      k = KeyKind::Generic;
  }
  return k;
}

KeyKind classify_tuple_elems(Isolate& I, const Value* keys, int64_t n) {
  KeyKind k = KeyKind::Generic;
  for (int64_t i = 0; i < n; ++i) {
    Tuple* t = keys[i].as<Tuple>();
    if (t->size() == 0) return KeyKind::Generic;
    KeyKind c = classify(I, t->items[0]);
    if (c == KeyKind::Tuple) return KeyKind::Generic;
    if (i == 0) {
      k = c;
      continue;
    }
    if (c == k) continue;
    if ((c == KeyKind::SmallInt && k == KeyKind::ExactInt) || (c == KeyKind::ExactInt && k == KeyKind::SmallInt))
      k = KeyKind::ExactInt;
    else
      return KeyKind::Generic;
    if (k == KeyKind::Generic) return k;
  }
  return k;
}

void reverse_values(Value* lo, Value* hi) {
  --hi;
  while (lo < hi) {
    Value t = *lo;
    *lo++ = *hi;
    *hi-- = t;
  }
}

void reverse_slice(SortSlice* s, int64_t n) {
  reverse_values(s->keys, s->keys + n);
  if (s->values) reverse_values(s->values, s->values + n);
}

inline void ss_copy(SortSlice* dst, int64_t i, SortSlice* src, int64_t j) {
  dst->keys[i] = src->keys[j];
  if (dst->values) dst->values[i] = src->values[j];
}
inline void ss_copy_incr(SortSlice* dst, SortSlice* src) {
  *dst->keys++ = *src->keys++;
  if (dst->values) *dst->values++ = *src->values++;
}
inline void ss_copy_decr(SortSlice* dst, SortSlice* src) {
  *dst->keys-- = *src->keys--;
  if (dst->values) *dst->values-- = *src->values--;
}
inline void ss_memcpy(SortSlice* d, int64_t di, SortSlice* s, int64_t si, int64_t n) {
  std::memcpy(&d->keys[di], &s->keys[si], sizeof(Value) * n);
  if (s->values) std::memcpy(&d->values[di], &s->values[si], sizeof(Value) * n);
}
inline void ss_memmove(SortSlice* d, int64_t di, SortSlice* s, int64_t si, int64_t n) {
  std::memmove(&d->keys[di], &s->keys[si], sizeof(Value) * n);
  if (s->values) std::memmove(&d->values[di], &s->values[si], sizeof(Value) * n);
}
inline void ss_advance(SortSlice* s, int64_t n) {
  s->keys += n;
  if (s->values) s->values += n;
}

// Binary insertion sort of lo[0..hi) where lo[0..start) is already sorted.
int binarysort(MergeState* ms, SortSlice lo, Value* hi, Value* start) {
  int k;
  if (lo.keys == start) ++start;
  for (; start < hi; ++start) {
    Value* l = lo.keys;
    Value* r = start;
    Value pivot = *r;
    do {
      Value* p = l + ((r - l) >> 1);
      IFLT(pivot, *p) r = p;
      else l = p + 1;
    } while (l < r);
    for (Value* p = start; p > l; --p) *p = *(p - 1);
    *l = pivot;
    if (lo.values) {
      int64_t offset = lo.values - lo.keys;
      Value* p = start + offset;
      pivot = *p;
      Value* lv = l + offset;
      for (; p > lv; --p) *p = *(p - 1);
      *lv = pivot;
    }
  }
  return 0;
}

int64_t count_run(MergeState* ms, Value* lo, Value* hi, int* descending) {
  int k;
  *descending = 0;
  ++lo;
  if (lo == hi) return 1;
  int64_t n = 2;
  IFLT(*lo, *(lo - 1)) {
    *descending = 1;
    for (lo = lo + 1; lo < hi; ++lo, ++n) {
      IFLT(*lo, *(lo - 1));
      else break;
    }
  } else {
    for (lo = lo + 1; lo < hi; ++lo, ++n) {
      IFLT(*lo, *(lo - 1)) break;
    }
  }
  return n;
}

int64_t gallop_left(MergeState* ms, Value key, Value* a, int64_t n, int64_t hint) {
  int k;
  int64_t ofs, lastofs;
  a += hint;
  lastofs = 0;
  ofs = 1;
  IFLT(*a, key) {
    int64_t maxofs = n - hint;
    while (ofs < maxofs) {
      IFLT(a[ofs], key) {
        lastofs = ofs;
        ofs = (ofs << 1) + 1;
      }
      else break;
    }
    if (ofs > maxofs) ofs = maxofs;
    lastofs += hint;
    ofs += hint;
  } else {
    int64_t maxofs = hint + 1;
    while (ofs < maxofs) {
      IFLT(*(a - ofs), key) break;
      lastofs = ofs;
      ofs = (ofs << 1) + 1;
    }
    if (ofs > maxofs) ofs = maxofs;
    int64_t t = lastofs;
    lastofs = hint - ofs;
    ofs = hint - t;
  }
  a -= hint;
  ++lastofs;
  while (lastofs < ofs) {
    int64_t m = lastofs + ((ofs - lastofs) >> 1);
    IFLT(a[m], key) lastofs = m + 1;
    else ofs = m;
  }
  return ofs;
}

int64_t gallop_right(MergeState* ms, Value key, Value* a, int64_t n, int64_t hint) {
  int k;
  int64_t ofs, lastofs;
  a += hint;
  lastofs = 0;
  ofs = 1;
  IFLT(key, *a) {
    int64_t maxofs = hint + 1;
    while (ofs < maxofs) {
      IFLT(key, *(a - ofs)) {
        lastofs = ofs;
        ofs = (ofs << 1) + 1;
      }
      else break;
    }
    if (ofs > maxofs) ofs = maxofs;
    int64_t t = lastofs;
    lastofs = hint - ofs;
    ofs = hint - t;
  } else {
    int64_t maxofs = n - hint;
    while (ofs < maxofs) {
      IFLT(key, a[ofs]) break;
      lastofs = ofs;
      ofs = (ofs << 1) + 1;
    }
    if (ofs > maxofs) ofs = maxofs;
    lastofs += hint;
    ofs += hint;
  }
  a -= hint;
  ++lastofs;
  while (lastofs < ofs) {
    int64_t m = lastofs + ((ofs - lastofs) >> 1);
    IFLT(key, a[m]) ofs = m;
    else lastofs = m + 1;
  }
  return ofs;
}

#undef IFLT

// Ensures the temp area holds `need` keys (and values). 0 or -1.
int merge_getmem(MergeState* ms, int64_t need, bool with_values) {
  if (need <= ms->alloced) return 0;
  Isolate& I = *ms->I;
  List* t = ms->temp;
  size_t want = static_cast<size_t>(need) * (with_values ? 2 : 1);
  if (list_reserve(I, t, want) < 0) return -1;
  for (size_t i = t->size; i < want; ++i) t->items[i] = Value::none();
  t->size = want;
  ms->a.keys = t->items;
  ms->a.values = with_values ? t->items + need : nullptr;
  ms->alloced = need;
  return 0;
}

int merge_lo(MergeState* ms, SortSlice ssa, int64_t na, SortSlice ssb, int64_t nb) {
  int64_t k;
  SortSlice dest;
  int result = -1;
  int64_t min_gallop;
  if (merge_getmem(ms, na, ssa.values != nullptr) < 0) return -1;
  ss_memcpy(&ms->a, 0, &ssa, 0, na);
  dest = ssa;
  ssa = ms->a;
  ss_copy_incr(&dest, &ssb);
  --nb;
  if (nb == 0) goto Succeed;
  if (na == 1) goto CopyB;
  min_gallop = ms->min_gallop;
  for (;;) {
    int64_t acount = 0, bcount = 0;
    for (;;) {
      k = islt(ms, ssb.keys[0], ssa.keys[0]);
      if (k) {
        if (k < 0) goto Fail;
        ss_copy_incr(&dest, &ssb);
        ++bcount;
        acount = 0;
        --nb;
        if (nb == 0) goto Succeed;
        if (bcount >= min_gallop) break;
      } else {
        ss_copy_incr(&dest, &ssa);
        ++acount;
        bcount = 0;
        --na;
        if (na == 1) goto CopyB;
        if (acount >= min_gallop) break;
      }
    }
    ++min_gallop;
    do {
      min_gallop -= min_gallop > 1;
      ms->min_gallop = static_cast<int>(min_gallop);
      k = gallop_right(ms, ssb.keys[0], ssa.keys, na, 0);
      acount = k;
      if (k) {
        if (k < 0) goto Fail;
        ss_memcpy(&dest, 0, &ssa, 0, k);
        ss_advance(&dest, k);
        ss_advance(&ssa, k);
        na -= k;
        if (na == 1) goto CopyB;
        if (na == 0) goto Succeed;
      }
      ss_copy_incr(&dest, &ssb);
      --nb;
      if (nb == 0) goto Succeed;

      k = gallop_left(ms, ssa.keys[0], ssb.keys, nb, 0);
      bcount = k;
      if (k) {
        if (k < 0) goto Fail;
        ss_memmove(&dest, 0, &ssb, 0, k);
        ss_advance(&dest, k);
        ss_advance(&ssb, k);
        nb -= k;
        if (nb == 0) goto Succeed;
      }
      ss_copy_incr(&dest, &ssa);
      --na;
      if (na == 1) goto CopyB;
    } while (acount >= kMinGallop || bcount >= kMinGallop);
    ++min_gallop;
    ms->min_gallop = static_cast<int>(min_gallop);
  }
Succeed:
  result = 0;
Fail:
  if (na) ss_memcpy(&dest, 0, &ssa, 0, na);
  return result;
CopyB:
  ss_memmove(&dest, 0, &ssb, 0, nb);
  ss_copy(&dest, nb, &ssa, 0);
  return 0;
}

int merge_hi(MergeState* ms, SortSlice ssa, int64_t na, SortSlice ssb, int64_t nb) {
  int64_t k;
  SortSlice dest, basea, baseb;
  int result = -1;
  int64_t min_gallop;
  if (merge_getmem(ms, nb, ssa.values != nullptr) < 0) return -1;
  dest = ssb;
  ss_advance(&dest, nb - 1);
  ss_memcpy(&ms->a, 0, &ssb, 0, nb);
  basea = ssa;
  baseb = ms->a;
  ssb.keys = ms->a.keys + nb - 1;
  if (ssb.values) ssb.values = ms->a.values + nb - 1;
  ss_advance(&ssa, na - 1);
  ss_copy_decr(&dest, &ssa);
  --na;
  if (na == 0) goto Succeed;
  if (nb == 1) goto CopyA;
  min_gallop = ms->min_gallop;
  for (;;) {
    int64_t acount = 0, bcount = 0;
    for (;;) {
      k = islt(ms, ssb.keys[0], ssa.keys[0]);
      if (k) {
        if (k < 0) goto Fail;
        ss_copy_decr(&dest, &ssa);
        ++acount;
        bcount = 0;
        --na;
        if (na == 0) goto Succeed;
        if (acount >= min_gallop) break;
      } else {
        ss_copy_decr(&dest, &ssb);
        ++bcount;
        acount = 0;
        --nb;
        if (nb == 1) goto CopyA;
        if (bcount >= min_gallop) break;
      }
    }
    ++min_gallop;
    do {
      min_gallop -= min_gallop > 1;
      ms->min_gallop = static_cast<int>(min_gallop);
      k = gallop_right(ms, ssb.keys[0], basea.keys, na, na - 1);
      if (k < 0) goto Fail;
      k = na - k;
      acount = k;
      if (k) {
        ss_advance(&dest, -k);
        ss_advance(&ssa, -k);
        ss_memmove(&dest, 1, &ssa, 1, k);
        na -= k;
        if (na == 0) goto Succeed;
      }
      ss_copy_decr(&dest, &ssb);
      --nb;
      if (nb == 1) goto CopyA;

      k = gallop_left(ms, ssa.keys[0], baseb.keys, nb, nb - 1);
      if (k < 0) goto Fail;
      k = nb - k;
      bcount = k;
      if (k) {
        ss_advance(&dest, -k);
        ss_advance(&ssb, -k);
        ss_memcpy(&dest, 1, &ssb, 1, k);
        nb -= k;
        if (nb == 1) goto CopyA;
        if (nb == 0) goto Succeed;
      }
      ss_copy_decr(&dest, &ssa);
      --na;
      if (na == 0) goto Succeed;
    } while (acount >= kMinGallop || bcount >= kMinGallop);
    ++min_gallop;
    ms->min_gallop = static_cast<int>(min_gallop);
  }
Succeed:
  result = 0;
Fail:
  if (nb) ss_memcpy(&dest, -(nb - 1), &baseb, 0, nb);
  return result;
CopyA:
  ss_memmove(&dest, 1 - na, &ssa, 1 - na, na);
  ss_advance(&dest, -na);
  ss_advance(&ssa, -na);
  ss_copy(&dest, 0, &ssb, 0);
  return 0;
}

int merge_at(MergeState* ms, int i) {
  SortSlice ssa = ms->pending[i].base;
  int64_t na = ms->pending[i].len;
  SortSlice ssb = ms->pending[i + 1].base;
  int64_t nb = ms->pending[i + 1].len;
  ms->pending[i].len = na + nb;
  if (i == ms->n - 3) ms->pending[i + 1] = ms->pending[i + 2];
  --ms->n;
  // A merge of long runs is long native work: the time limit and
  // terminate() are polled (sorting with native comparisons never
  // returns to the VM).
  if (!ms->I->poll(uint64_t(na + nb))) return -1;
  int64_t k = gallop_right(ms, *ssb.keys, ssa.keys, na, 0);
  if (k < 0) return -1;
  ss_advance(&ssa, k);
  na -= k;
  if (na == 0) return 0;
  nb = gallop_left(ms, ssa.keys[na - 1], ssb.keys, nb, nb - 1);
  if (nb <= 0) return static_cast<int>(nb);
  if (na <= nb) return merge_lo(ms, ssa, na, ssb, nb);
  return merge_hi(ms, ssa, na, ssb, nb);
}

int powerloop(int64_t s1, int64_t n1, int64_t n2, int64_t n) {
  int result = 0;
  int64_t a = 2 * s1 + n1;
  int64_t b = a + n1 + n2;
  for (;;) {
    ++result;
    if (a >= n) {
      a -= n;
      b -= n;
    } else if (b >= n) {
      break;
    }
    a <<= 1;
    b <<= 1;
  }
  return result;
}

int found_new_run(MergeState* ms, int64_t n2) {
  if (ms->n) {
    Run* p = ms->pending;
    int64_t s1 = p[ms->n - 1].base.keys - ms->basekeys;
    int64_t n1 = p[ms->n - 1].len;
    int power = powerloop(s1, n1, n2, ms->listlen);
    while (ms->n > 1 && p[ms->n - 2].power > power) {
      if (merge_at(ms, ms->n - 2) < 0) return -1;
    }
    p[ms->n - 1].power = power;
  }
  return 0;
}

int merge_force_collapse(MergeState* ms) {
  Run* p = ms->pending;
  while (ms->n > 1) {
    int n = ms->n - 2;
    if (n > 0 && p[n - 1].len < p[n + 1].len) --n;
    if (merge_at(ms, n) < 0) return -1;
  }
  return 0;
}

int64_t compute_minrun(int64_t n) {
  int64_t r = 0;
  while (n >= 64) {
    r |= n & 1;
    n >>= 1;
  }
  return n + r;
}

// Sorts keys[0..n) (and values in parallel). 0 or -1.
int timsort(Isolate& I, Value* keys, Value* values, int64_t n) {
  MergeState ms;
  ms.I = &I;
  ms.kind = classify_all(I, keys, n);
  ms.tuple_elem_kind = ms.kind == KeyKind::Tuple ? classify_tuple_elems(I, keys, n) : KeyKind::Generic;
  ms.min_gallop = kMinGallop;
  ms.basekeys = keys;
  ms.listlen = n;
  ms.n = 0;
  ms.temp = list_new(I, 0);
  if (!ms.temp) return -1;
  ms.a.keys = nullptr;
  ms.a.values = nullptr;
  ms.alloced = 0;
  if (n < 2) return 0;
  SortSlice lo{keys, values};
  int64_t nremaining = n;
  int64_t minrun = compute_minrun(nremaining);
  do {
    int descending;
    int64_t r = count_run(&ms, lo.keys, lo.keys + nremaining, &descending);
    if (r < 0) return -1;
    if (!I.poll(uint64_t(r) * 6)) return -1;
    if (descending) reverse_slice(&lo, r);
    if (r < minrun) {
      int64_t force = nremaining <= minrun ? nremaining : minrun;
      if (binarysort(&ms, lo, lo.keys + force, lo.keys + r) < 0) return -1;
      r = force;
    }
    if (found_new_run(&ms, r) < 0) return -1;
    ms.pending[ms.n].base = lo;
    ms.pending[ms.n].len = r;
    ++ms.n;
    ss_advance(&lo, r);
    nremaining -= r;
  } while (nremaining);
  if (merge_force_collapse(&ms) < 0) return -1;
  // Keep the temp list alive (and traced) until here.
  ms.temp->size = 0;
  return 0;
}

}  // namespace

int list_sort(Isolate& I, List* l, Value key, bool reverse) {
  // Detach the items into a holder list that the collector traces.
  List* hold = list_new(I, 0);
  if (!hold) return -1;
  size_t n = l->size;
  hold->items = l->items;
  hold->size = n;
  hold->capacity = l->capacity;
  l->items = nullptr;
  l->size = 0;
  l->capacity = 0;

  int result = 0;
  List* keys = nullptr;
  Value* values = hold->items;
  if (!key.is_null()) {
    keys = list_new(I, 0, n);
    if (!keys) {
      result = -1;
    } else {
      for (size_t i = 0; i < n; ++i) {
        Value k = call(I, key, &hold->items[i], 1, nullptr);
        if (k.is_error()) {
          result = -1;
          break;
        }
        keys->items[i] = k;
        keys->size = i + 1;
      }
    }
  }
  bool sorted_any = false;
  if (result == 0 && n > 1) {
    sorted_any = true;
    Value* k = keys ? keys->items : values;
    Value* v = keys ? values : nullptr;
    if (reverse) {
      reverse_values(k, k + n);
      if (v) reverse_values(v, v + n);
    }
    result = timsort(I, k, v, static_cast<int64_t>(n));
  }
  if (sorted_any && reverse) reverse_values(values, values + n);

  // Put the items back; anything the guest stored meanwhile is discarded.
  bool modified = l->items != nullptr || l->size != 0;
  Value* junk = l->items;
  size_t junk_cap = l->capacity;
  l->items = hold->items;
  l->size = n;
  l->capacity = hold->capacity;
  hold->items = nullptr;
  hold->size = 0;
  hold->capacity = 0;
  if (junk) I.heap.free_raw(junk, junk_cap * sizeof(Value));
  if (modified && result == 0) {
    raise(I, I.rt.exc_ValueError, "list modified during sort");
    result = -1;
  }
  if (keys) keys->size = 0;
  return result;
}

}  // namespace capy
