// Heap: accounted allocation of objects and side buffers.
#include "gc/heap.h"

#include <cstdlib>
#include <cstring>

namespace capy {

void Tracer::drain() {
  for (;;) {
    if (stack_.empty()) {
      if (ranges_.empty()) return;
      // The next chunk of the innermost pending range (depth first, so
      // that the stacks stay short).
      Range& r = ranges_.back();
      const Value* v = r.v;
      size_t k = r.n < kRangeChunk ? r.n : kRangeChunk;
      size_t stride = r.stride;
      r.v += k * stride;
      r.n -= k;
      if (r.n == 0) ranges_.pop_back();
      for (size_t i = 0; i < k; ++i) visit(v[i * stride]);
      continue;
    }
    Object* o = stack_.back();
    stack_.pop_back();
    Type* t = o->type_;
    visit(t);
    if (t->trace) t->trace(o, *this);
    if (t->dict_offset != 0) {
      Dict** slot = object_dict_slot(o);
      if (slot) visit(reinterpret_cast<Object*>(*slot));
    }
    if (t->is_heap() || t->nslots) {
      // __slots__ values of every class in the MRO live between the builtin
      // base's layout and the dict; each heap type records its own range.
      for (Type* k = t; k; k = k->base) {
        if (k->nslots) {
          Value* v = reinterpret_cast<Value*>(reinterpret_cast<char*>(o) + k->slots_offset);
          visit_range(v, k->nslots);
        }
      }
    }
  }
}

Heap::~Heap() {
  // Objects are finalized by Isolate/Runtime teardown; here only memory is released.
  for (uintptr_t o : large_) std::free(reinterpret_cast<char*>(o) - kSizePrefix);
  for (void* p : pool_list_) std::free(p);
}

namespace {
struct Prefix {
  size_t size_or_next;  // the object's size while allocated; the free-list link when free
  size_t cls;           // size class + 1, or 0 for malloc'd objects
};
inline Prefix* prefix_of(Object* o) { return reinterpret_cast<Prefix*>(reinterpret_cast<char*>(o) - Heap::kSizePrefix); }
}  // namespace

void* Heap::pool_alloc(size_t cls, size_t slot) {
  if (void* p = free_[cls]) {
    free_[cls] = reinterpret_cast<void*>(static_cast<Prefix*>(p)->size_or_next);
    ++pool_live(p);
    return p;
  }
  if (!bump_[cls] || slot > static_cast<size_t>(bump_end_[cls] - bump_[cls])) {
    // A new pool is charged whole, however few of its slots are used.
    if (kPoolCost > limit_ || bytes_ + kPoolCost > limit_) return nullptr;
    void* pool = std::aligned_alloc(kPoolBytes, kPoolBytes);
    if (!pool) return nullptr;
    bytes_ += kPoolCost;
    // Zeroed, so a never-used slot reads as free (type_ == nullptr) to the
    // conservative scan.
    std::memset(pool, 0, kPoolBytes);
    pool_list_.push_back(pool);
    pools_.insert(reinterpret_cast<uintptr_t>(pool));
    static_cast<size_t*>(pool)[0] = slot;  // the pool header records its slot size
    static_cast<size_t*>(pool)[1] = cls;   // and its class (>= kClasses: side buffers)
    bump_[cls] = static_cast<char*>(pool) + kPoolHeader;
    bump_end_[cls] = static_cast<char*>(pool) + kPoolBytes;
  }
  void* p = bump_[cls];
  bump_[cls] += slot;
  ++pool_live(p);
  return p;
}

Object* Heap::alloc_object(Type* type, size_t size) {
  size_t rounded = (size + 15) & ~size_t(15);
  void* p;
  if (rounded <= kMaxPooled) {
    size_t slot = rounded + kSizePrefix;
    size_t cls = slot / 16 - 2;
    p = pool_alloc(cls, slot);
    if (!p) return nullptr;
    std::memset(p, 0, slot);
    static_cast<Prefix*>(p)->cls = cls + 1;
    allocated_since_gc_ += slot;
  } else {
    size_t cost = large_footprint(size);
    if (size > limit_ || cost > limit_ || bytes_ + cost > limit_) return nullptr;
    p = std::calloc(1, size + kSizePrefix);
    if (!p) return nullptr;
    large_.insert(reinterpret_cast<uintptr_t>(p) + kSizePrefix);
    bytes_ += cost;
    allocated_since_gc_ += cost;
  }
  static_cast<Prefix*>(p)->size_or_next = size;
  Object* o = reinterpret_cast<Object*>(static_cast<char*>(p) + kSizePrefix);
  o->type_ = type;
  o->gc_bits_ = immortal_ ? uint32_t(kGcImmortal) | (uint32_t(count_ + 1) << kGcSerialShift) : 0u;
  o->gc_next_ = objects_;
  objects_ = o;
  ++count_;
  if (type && type->is_heap()) {
    // __slots__ start unset (null); zero bits would read as the float 0.0.
    for (Type* k = type; k; k = k->base) {
      if (!k->nslots) continue;
      Value* v = reinterpret_cast<Value*>(reinterpret_cast<char*>(o) + k->slots_offset);
      for (uint32_t i = 0; i < k->nslots; ++i) v[i] = Value::null();
    }
  }
  return o;
}

bool Heap::is_object_address(uintptr_t w) const {
  uintptr_t base = w & ~(uintptr_t(kPoolBytes) - 1);
  if (pools_.count(base)) {
    size_t slot = reinterpret_cast<const size_t*>(base)[0];
    if (reinterpret_cast<const size_t*>(base)[1] >= kClasses) return false;  // a buffer pool
    uintptr_t first = base + kPoolHeader;
    if (w < first + kSizePrefix) return false;
    if ((w - first) % slot != kSizePrefix) return false;
    if (w + slot - kSizePrefix > base + kPoolBytes) return false;
    return reinterpret_cast<const Object*>(w)->type_ != nullptr;
  }
  return large_.count(w) != 0;
}

// Side buffers carry the same 16-byte prefix as objects (size and class),
// so that freeing never depends on the caller's idea of the size, and small
// ones come from pools of their own (kept apart from object pools so the
// conservative scan never takes a buffer for an object).
void* Heap::alloc_raw(size_t size) {
  size_t rounded = (size + 15) & ~size_t(15);
  Prefix* p;
  if (rounded <= kMaxPooled) {
    size_t slot = rounded + kSizePrefix;
    size_t cls = slot / 16 - 2;
    p = static_cast<Prefix*>(pool_alloc(kClasses + cls, slot));
    if (!p) return nullptr;
    p->cls = kClasses + cls + 1;
    allocated_since_gc_ += slot;
  } else {
    size_t cost = large_footprint(size);
    if (size > limit_ || cost > limit_ || bytes_ + cost > limit_) return nullptr;
    p = static_cast<Prefix*>(std::malloc(size + kSizePrefix));
    if (!p) return nullptr;
    p->cls = 0;
    bytes_ += cost;
    allocated_since_gc_ += cost;
  }
  p->size_or_next = size;
  return reinterpret_cast<char*>(p) + kSizePrefix;
}

void* Heap::realloc_raw(void* ptr, size_t old_size, size_t new_size) {
  (void)old_size;
  if (!ptr) return alloc_raw(new_size);
  Prefix* p = reinterpret_cast<Prefix*>(static_cast<char*>(ptr) - kSizePrefix);
  size_t cur = p->size_or_next;
  if (p->cls) {
    size_t slot = (p->cls - 1 - kClasses + 2) * 16;
    if (new_size + kSizePrefix <= slot) {  // still fits its slot
      p->size_or_next = new_size;
      return ptr;
    }
    void* q = alloc_raw(new_size);
    if (!q) return nullptr;
    std::memcpy(q, ptr, cur < new_size ? cur : new_size);
    free_raw(ptr, cur);
    return q;
  }
  if (new_size + 15 <= kMaxPooled) {
    void* q = alloc_raw(new_size);
    if (!q) return nullptr;
    std::memcpy(q, ptr, new_size);
    free_raw(ptr, cur);
    return q;
  }
  size_t old_cost = large_footprint(cur), new_cost = large_footprint(new_size);
  if (new_cost > old_cost) {
    size_t grow = new_cost - old_cost;
    if (new_size > limit_ || grow > limit_ || bytes_ + grow > limit_) return nullptr;
  }
  Prefix* q = static_cast<Prefix*>(std::realloc(p, new_size + kSizePrefix));
  if (!q) return nullptr;
  q->size_or_next = new_size;
  bytes_ = bytes_ - old_cost + new_cost;
  if (new_cost > old_cost) allocated_since_gc_ += new_cost - old_cost;
  return reinterpret_cast<char*>(q) + kSizePrefix;
}

void Heap::free_raw(void* ptr, size_t) {
  if (!ptr) return;
  Prefix* p = reinterpret_cast<Prefix*>(static_cast<char*>(ptr) - kSizePrefix);
  if (p->cls) {
    size_t c = p->cls - 1;
    --pool_live(p);
    ++empty_pools_hint_;
    p->size_or_next = reinterpret_cast<size_t>(free_[c]);
    free_[c] = p;
  } else {
    credit(large_footprint(p->size_or_next));
    std::free(p);
  }
}

size_t Heap::release_object(Object* o) {
  Prefix* p = prefix_of(o);
  size_t size = p->size_or_next;
  if (p->cls) {
    o->type_ = nullptr;  // marks the slot free for the conservative scan
    --pool_live(p);
    ++empty_pools_hint_;
    p->size_or_next = reinterpret_cast<size_t>(free_[p->cls - 1]);
    free_[p->cls - 1] = p;
    return 0;  // the pool stays charged until it is released
  }
  large_.erase(reinterpret_cast<uintptr_t>(o));
  std::free(p);
  return large_footprint(size);
}

void Heap::release_empty_pools() {
  // Only worth a pass once many slots were freed (a pool holds 200+ slots).
  if (empty_pools_hint_ < 1024 || immortal_) return;
  empty_pools_hint_ = 0;
  std::unordered_set<uintptr_t> dead;
  for (void* pool : pool_list_) {
    size_t* h = static_cast<size_t*>(pool);
    if (h[2] != 0) continue;
    size_t cls = h[1];
    char* b = bump_[cls];
    if (b && reinterpret_cast<uintptr_t>(b - 1) - reinterpret_cast<uintptr_t>(pool) < kPoolBytes) continue;  // still bumping
    dead.insert(reinterpret_cast<uintptr_t>(pool));
  }
  if (dead.empty()) return;
  // Unlink the dead pools' slots from the free lists, then free the pools.
  for (size_t c = 0; c < 2 * kClasses; ++c) {
    void** link = &free_[c];
    while (*link) {
      auto* pf = static_cast<Prefix*>(*link);
      if (dead.count(reinterpret_cast<uintptr_t>(pf) & ~(uintptr_t(kPoolBytes) - 1))) {
        *link = reinterpret_cast<void*>(pf->size_or_next);
      } else {
        link = reinterpret_cast<void**>(&pf->size_or_next);
      }
    }
  }
  size_t kept = 0;
  for (size_t i = 0; i < pool_list_.size(); ++i) {
    void* pool = pool_list_[i];
    if (dead.count(reinterpret_cast<uintptr_t>(pool))) {
      pools_.erase(reinterpret_cast<uintptr_t>(pool));
      std::free(pool);
      credit(kPoolCost);
    } else {
      pool_list_[kept++] = pool;
    }
  }
  pool_list_.resize(kept);
}

bool Heap::charge(size_t n) {
  if (n > limit_ || bytes_ + n > limit_) return false;
  bytes_ += n;
  allocated_since_gc_ += n;
  return true;
}

void Heap::after_collection(size_t live_bytes, size_t live_count) {
  allocated_since_gc_ = 0;
  // Collect again once the heap has grown by twice what is live (min 8 MiB):
  // a collection walks every object, so this keeps its cost proportional to
  // allocation while the heap stays within 3x of the live data. Under a
  // limit, collect before half the remaining room is used, so that garbage
  // does not make an allocation fail (at least every 256 KiB).
  next_gc_ = live_bytes < (4u << 20) ? (8u << 20) : 2 * live_bytes;
  if (limit_ != SIZE_MAX) {
    size_t room = limit_ > live_bytes ? limit_ - live_bytes : 0;
    if (next_gc_ > room / 2) next_gc_ = room / 2;
    if (next_gc_ < (256u << 10)) next_gc_ = 256u << 10;
  }
  (void)live_count;
}

}  // namespace capy
