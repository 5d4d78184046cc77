// Heap: accounted allocation of objects and side buffers.
#include "gc/heap.h"

#include <cstdlib>
#include <cstring>

namespace capy {

void Tracer::drain() {
  while (!stack_.empty()) {
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
  // Objects are freed by Isolate/Runtime teardown (which runs finalizers);
  // anything left here is released without finalization.
  Object* o = objects_;
  while (o) {
    Object* next = o->gc_next_;
    release_object(o);
    o = next;
  }
}

Object* Heap::alloc_object(Type* type, size_t size) {
  if (size > limit_ || bytes_ + size > limit_) return nullptr;
  // Each object is preceded by a hidden word holding its allocation size,
  // so that the sweep can credit exactly what was charged.
  void* p = std::calloc(1, size + kSizePrefix);
  if (!p) return nullptr;
  *static_cast<size_t*>(p) = size;
  Object* o = reinterpret_cast<Object*>(static_cast<char*>(p) + kSizePrefix);
  o->type_ = type;
  o->gc_bits_ = immortal_ ? uint32_t(kGcImmortal) : 0u;
  o->gc_next_ = objects_;
  objects_ = o;
  bytes_ += size;
  allocated_since_gc_ += size;
  ++count_;
  return o;
}

void* Heap::alloc_raw(size_t size) {
  if (size > limit_ || bytes_ + size > limit_) return nullptr;
  void* p = std::malloc(size ? size : 1);
  if (!p) return nullptr;
  bytes_ += size;
  allocated_since_gc_ += size;
  return p;
}

void* Heap::realloc_raw(void* p, size_t old_size, size_t new_size) {
  if (new_size > old_size) {
    size_t grow = new_size - old_size;
    if (grow > limit_ || bytes_ + grow > limit_) return nullptr;
  }
  void* q = std::realloc(p, new_size ? new_size : 1);
  if (!q) return nullptr;
  bytes_ = bytes_ - old_size + new_size;
  if (new_size > old_size) allocated_since_gc_ += new_size - old_size;
  return q;
}

void Heap::free_raw(void* p, size_t size) {
  if (!p) return;
  std::free(p);
  credit(size);
}

size_t Heap::release_object(Object* o) {
  char* p = reinterpret_cast<char*>(o) - kSizePrefix;
  size_t size = *reinterpret_cast<size_t*>(p);
  std::free(p);
  return size;
}

bool Heap::charge(size_t n) {
  if (n > limit_ || bytes_ + n > limit_) return false;
  bytes_ += n;
  allocated_since_gc_ += n;
  return true;
}

void Heap::after_collection(size_t live_bytes, size_t live_count) {
  allocated_since_gc_ = 0;
  // Collect again once the heap has grown by as much as is live (min 8 MiB),
  // so collection work stays proportional to allocation.
  next_gc_ = live_bytes < (8u << 20) ? (8u << 20) : live_bytes;
  (void)live_count;
}

}  // namespace capy
