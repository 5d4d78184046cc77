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
#include <unordered_set>
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
  void visit_range(const Value* v, size_t n) { visit_strided(v, n, 1); }
  /// Visits n Values placed `stride` Values apart (the keys or the values
  /// of a dict's entries). A long range is remembered as one entry and
  /// traced in chunks by drain(), so that marking a container of millions
  /// of items takes a few entries of native memory, not millions (the
  /// collector's own memory is not charged to the heap).
  void visit_strided(const Value* v, size_t n, size_t stride) {
    if (n <= kInlineRange) {
      for (size_t i = 0; i < n; ++i) visit(v[i * stride]);
      return;
    }
    ranges_.push_back({v, n, stride});
  }
  /// Drains the mark stack (iteratively: no native recursion on deep graphs).
  void drain();

 private:
  static constexpr size_t kInlineRange = 32;
  static constexpr size_t kRangeChunk = 256;
  struct Range {
    const Value* v;
    size_t n;
    size_t stride;
  };
  std::vector<Object*> stack_;
  std::vector<Range> ranges_;
};

class Heap {
 public:
  /// An immortal heap belongs to the Runtime: its objects are flagged
  /// kGcImmortal, never collected, and freed when the heap is destroyed.
  explicit Heap(bool immortal = false) : immortal_(immortal) {}
  ~Heap();
  Heap(const Heap&) = delete;
  Heap& operator=(const Heap&) = delete;

  // Accounting: bytes_in_use() is the memory the heap really holds from the
  // system allocator: whole 64 KiB pools (however many of their slots are
  // live), large blocks with their prefix and malloc's own overhead, and
  // what was charged for memory allocated elsewhere (GMP limbs, compiled
  // regular expressions, the compiler's working memory). The limit applies
  // to that sum, so it bounds the process's resident memory, not just the
  // objects' sizes.

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
  /// Charges memory that has already been allocated and cannot be refused
  /// (GMP's allocation functions must not fail): the heap may go over its
  /// limit, and the next accounted allocation then fails. Callers check
  /// sizes before such operations (Isolate::can_allocate).
  void charge_force(size_t n) {
    bytes_ += n;
    allocated_since_gc_ += n;
  }
  void credit(size_t n) { bytes_ -= n < bytes_ ? n : bytes_; }
  /// What a malloc'd block of `size` bytes costs (prefix and malloc's overhead).
  static size_t large_footprint(size_t size) {
    size_t n = (size + kSizePrefix + 16 + 15) & ~size_t(15);
    return n >= (size_t{128} << 10) ? (n + 4095) & ~size_t(4095) : n;
  }

  size_t bytes_in_use() const { return bytes_; }
  size_t limit() const { return limit_; }
  void set_limit(size_t bytes) {
    limit_ = bytes;
    if (next_gc_ > bytes / 4) next_gc_ = bytes / 4 > (256u << 10) ? bytes / 4 : (256u << 10);
  }
  bool immortal() const { return immortal_; }
  size_t object_count() const { return count_; }

  /// True when enough has been allocated since the last collection. In
  /// stress mode (CAPY_GC_STRESS) that is every safe point after 4 KiB of
  /// allocation: often enough that a missing root is found by the script
  /// tests, rarely enough that deep recursion (whose every frame is a safe
  /// point and whose native stack is scanned each time) stays tractable.
  bool wants_collection() const {
    return stress_ ? allocated_since_gc_ >= kStressBytes : allocated_since_gc_ > next_gc_;
  }
  static constexpr size_t kStressBytes = 4096;
  void set_stress(bool on) { stress_ = on; }

  // Used by the collector (gc/collector.cc).
  Object* all_objects() const { return objects_; }
  void set_all_objects(Object* o) { objects_ = o; }
  void after_collection(size_t live_bytes, size_t live_count);
  /// Returns pools with no live slot to the system (after a sweep).
  void release_empty_pools();
  /// Frees an object's memory (no finalization) and credits its size.
  void free_object(Object* o) { credit(release_object(o)); --count_; }
  /// Is `w` the address of an object allocated on this heap (live or not yet
  /// swept)? Used for the conservative scan of the native stack.
  bool is_object_address(uintptr_t w) const;

  // Every object is preceded by a 16-byte prefix: its requested size and its
  // size class (0: allocated with malloc). Objects up to kMaxPooled bytes
  // live in 64 KiB pools, one free list per 16-byte size class, so that
  // allocation and sweeping rarely reach malloc.
  static constexpr size_t kSizePrefix = 16;
  static constexpr size_t kPoolBytes = 64 * 1024;
  static constexpr size_t kPoolHeader = 64;  // slot size, class, live slots
  /// What a pool costs in resident memory: glibc's aligned_alloc touches
  /// about two more pages around each aligned 64 KiB block.
  static constexpr size_t kPoolCost = kPoolBytes + 8 * 1024;
  static constexpr size_t kMaxPooled = 256;
  static constexpr size_t kClasses = (kMaxPooled + kSizePrefix) / 16 - 1;

 private:
  size_t release_object(Object* o);
  void* pool_alloc(size_t cls, size_t slot);
  static size_t& pool_live(void* slot_addr) {
    uintptr_t base = reinterpret_cast<uintptr_t>(slot_addr) & ~(uintptr_t(kPoolBytes) - 1);
    return reinterpret_cast<size_t*>(base)[2];
  }
  bool immortal_;
  // Classes [0, kClasses) hold objects, [kClasses, 2*kClasses) side buffers.
  void* free_[2 * kClasses] = {};   // free slots (prefix addresses), linked through the prefix
  char* bump_[2 * kClasses] = {};   // next never-used slot of the class's newest pool
  char* bump_end_[2 * kClasses] = {};
  std::vector<void*> pool_list_;
  std::unordered_set<uintptr_t> pools_;   // pool base addresses
  std::unordered_set<uintptr_t> large_;   // malloc'd objects (object addresses)
  bool stress_ = false;
  Object* objects_ = nullptr;
  size_t bytes_ = 0;
  size_t count_ = 0;
  size_t limit_ = SIZE_MAX;
  size_t allocated_since_gc_ = 0;
  size_t next_gc_ = 8u << 20;
  size_t empty_pools_hint_ = 0;   // slots freed since the last release pass
};

}  // namespace capy
