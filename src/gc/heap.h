// Heap: the per-isolate allocator and tracing collector; every byte a guest
// causes to be allocated is charged here (see docs/internals/gc.md).
//
// Objects are allocated zero-filled and linked into an intrusive list. The
// collector is mark-sweep, non-moving. Heap objects are traced precisely
// through each type's `trace` slot; the roots are the isolate's precise roots
// (frames, module table, pending exception…) plus a conservative scan of the
// native stack of the thread running the isolate, so native code may hold raw
// Object pointers in C++ locals across any call without registering them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "objects/object.h"

namespace capy {

/// Marks reachable objects; passed to every type's trace slot.
class Tracer {
 public:
  void visit(Value v) {
    if (v.is_object()) visit(v.as_object());
  }
  void visit(const Object* o) {
    if (o == nullptr || (o->gc_bits_ & (kGcMarked | kGcImmortal))) return;
    const_cast<Object*>(o)->gc_bits_ |= kGcMarked;
    stack_.push_back(const_cast<Object*>(o));
  }
  void visit_range(const Value* v, size_t n) {
    for (size_t i = 0; i < n; ++i) visit(v[i]);
  }
  /// Drains the mark stack (iteratively: no native recursion on deep graphs).
  void drain();

 private:
  std::vector<Object*> stack_;
};

class Heap {
 public:
  /// An immortal heap belongs to the Runtime: its objects are flagged
  /// kGcImmortal, never collected, and freed when the heap is destroyed.
  explicit Heap(bool immortal = false) : immortal_(immortal) {}
  ~Heap();
  Heap(const Heap&) = delete;
  Heap& operator=(const Heap&) = delete;

  /// Allocates a zeroed object of `size` bytes with its header filled.
  /// Returns nullptr when the memory limit forbids it (the caller raises).
  Object* alloc_object(Type* type, size_t size);
  /// Accounted side buffers (list items, dict tables…). nullptr when over the limit.
  void* alloc_raw(size_t size);
  void* realloc_raw(void* p, size_t old_size, size_t new_size);
  void free_raw(void* p, size_t size);
  /// Charge/credit bytes allocated elsewhere (e.g. GMP limbs). charge returns
  /// false when over the limit (nothing charged).
  bool charge(size_t n);
  void credit(size_t n) { bytes_ -= n < bytes_ ? n : bytes_; }

  size_t bytes_in_use() const { return bytes_; }
  size_t limit() const { return limit_; }
  void set_limit(size_t bytes) { limit_ = bytes; }
  bool immortal() const { return immortal_; }
  size_t object_count() const { return count_; }

  /// True when enough has been allocated since the last collection.
  bool wants_collection() const { return stress_ ? allocated_since_gc_ > 0 : allocated_since_gc_ > next_gc_; }
  void set_stress(bool on) { stress_ = on; }

  // Used by the collector (gc/collector.cc).
  Object* all_objects() const { return objects_; }
  void set_all_objects(Object* o) { objects_ = o; }
  void after_collection(size_t live_bytes, size_t live_count);
  /// Frees an object's memory (no finalization) and credits its size.
  void free_object(Object* o) { credit(release_object(o)); --count_; }
  static constexpr size_t kSizePrefix = 16;  // keeps objects 16-byte aligned

 private:
  static size_t release_object(Object* o);
  bool immortal_;
  bool stress_ = false;
  Object* objects_ = nullptr;
  size_t bytes_ = 0;
  size_t count_ = 0;
  size_t limit_ = SIZE_MAX;
  size_t allocated_since_gc_ = 0;
  size_t next_gc_ = 8u << 20;
};

}  // namespace capy
