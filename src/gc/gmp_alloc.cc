// GMP memory functions charged to the running isolate's heap (gmp_alloc.h).
#include "gc/gmp_alloc.h"

#include <gmp.h>

#include <cstdint>
#include <cstdlib>
#include <mutex>

#include "gc/heap.h"

namespace capy {

namespace {

constexpr uint64_t kMagic = 0x63617079'474d5021ull;  // "capyGMP!"

// 32 bytes, so that the block after it keeps malloc's 16-byte alignment.
struct alignas(16) Header {
  uint64_t magic;
  size_t size;
  Heap* heap;
  uint64_t pad;
};
static_assert(sizeof(Header) == 32);

// The running isolate's heap on this thread (constant-initialised).
thread_local Heap* t_gmp_heap = nullptr;

inline Header* header_of(void* p) { return reinterpret_cast<Header*>(static_cast<char*>(p) - sizeof(Header)); }

void* gmp_alloc(size_t n) {
  auto* h = static_cast<Header*>(std::malloc(sizeof(Header) + n));
  if (!h) std::abort();  // GMP cannot recover from a failed allocation
  h->magic = kMagic;
  h->size = n;
  h->heap = t_gmp_heap;
  h->pad = 0;
  if (h->heap) h->heap->charge_force(Heap::large_footprint(n + sizeof(Header)));
  return h + 1;
}

void gmp_free(void* p, size_t) {
  if (!p) return;
  Header* h = header_of(p);
  if (h->magic != kMagic) std::abort();  // not a block of ours: memory is corrupt
  if (h->heap) h->heap->credit(Heap::large_footprint(h->size + sizeof(Header)));
  h->magic = 0;
  std::free(h);
}

void* gmp_realloc(void* p, size_t old_size, size_t n) {
  (void)old_size;
  if (!p) return gmp_alloc(n);
  Header* h = header_of(p);
  if (h->magic != kMagic) std::abort();
  Heap* heap = h->heap;
  size_t before = Heap::large_footprint(h->size + sizeof(Header));
  auto* q = static_cast<Header*>(std::realloc(h, sizeof(Header) + n));
  if (!q) std::abort();
  q->size = n;
  if (heap) {
    heap->credit(before);
    heap->charge_force(Heap::large_footprint(n + sizeof(Header)));
  }
  return q + 1;
}

}  // namespace

void install_gmp_allocator() {
  static std::once_flag once;
  std::call_once(once, [] {
    mp_set_memory_functions(gmp_alloc, gmp_realloc, gmp_free);
  });
}

Heap* set_gmp_heap(Heap* heap) {
  Heap* prev = t_gmp_heap;
  t_gmp_heap = heap;
  return prev;
}

}  // namespace capy
