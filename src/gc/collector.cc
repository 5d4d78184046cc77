// The collector: mark from the isolate's roots and the native stack, then sweep.
#include <csetjmp>
#include <cstring>
#include <cstdint>
#include <cstdlib>
#include <unordered_set>
#include <vector>

#include "gc/heap.h"
#include "vm/isolate.h"

#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/asan_interface.h>
#define CAPY_ASAN 1
#else
#define CAPY_ASAN 0
#endif

namespace capy {

namespace {

// Collects every word of the native stack between the current stack pointer
// and the isolate's recorded stack base, except those in [skip_lo, skip_hi).
// Registers are spilled first with setjmp so that pointers held only in
// callee-saved registers are seen.
__attribute__((noinline, no_sanitize_address)) void scan_native_stack(
    void* base, uintptr_t skip_lo, uintptr_t skip_hi, std::vector<uintptr_t>& words) {
  jmp_buf regs;
  setjmp(regs);
  volatile char here = 0;
  uintptr_t lo = reinterpret_cast<uintptr_t>(&here);
  uintptr_t hi = reinterpret_cast<uintptr_t>(base);
  if (hi <= lo) return;
  lo &= ~uintptr_t(7);
  for (uintptr_t p = lo; p + sizeof(uintptr_t) <= hi; p += sizeof(uintptr_t)) {
    if (p >= skip_lo && p < skip_hi) {
      p = ((skip_hi + 7) & ~uintptr_t(7)) - sizeof(uintptr_t);  // resume at the first word past the range
      continue;
    }
#if CAPY_ASAN
    // Redzones between locals never hold a live value, only what earlier
    // frames left there.
    if (__asan_address_is_poisoned(reinterpret_cast<void*>(p))) continue;
#endif
    uintptr_t w = *reinterpret_cast<volatile uintptr_t*>(p);
    if ((w & Value::kTagMask) == Value::kPtrTag) w &= Value::kPayloadMask;
    if (w && (w & 15) == 0) words.push_back(w);
  }
  const unsigned char* r = reinterpret_cast<const unsigned char*>(&regs);
  for (size_t off = 0; off + sizeof(uintptr_t) <= sizeof(regs); off += sizeof(uintptr_t)) {
    uintptr_t w;
    std::memcpy(&w, r + off, sizeof w);
    if ((w & Value::kTagMask) == Value::kPtrTag) w &= Value::kPayloadMask;
    if (w && (w & 15) == 0) words.push_back(w);
  }
}

}  // namespace

void Isolate::collect() {
  if (heap.immortal()) return;
  Tracer tracer;
  trace_roots(tracer);
  if (stack_base) {
    std::vector<uintptr_t> words;
    words.reserve(4096);
    // A host may keep the Isolate itself on the stack. Its fields are
    // precise roots (trace_roots) or bookkeeping that must not keep anything
    // alive (the heap's list of objects starts at the newest one), so its
    // own memory is not scanned.
    uintptr_t self = reinterpret_cast<uintptr_t>(this);
    scan_native_stack(stack_base, self, self + sizeof(Isolate), words);
    for (uintptr_t w : words)
      if (heap.is_object_address(w)) tracer.visit(reinterpret_cast<Object*>(w));
  }
  tracer.drain();
  // Weak references to unmarked objects are cleared now; their callbacks
  // wait for the next safe point (run_weak_callbacks).
  weak.after_mark(heap);

  // Sweep, in two passes: finalize every dead object while all types are
  // still alive, then free them. The dead are chained through their own
  // gc_next_ (no side table: the collector needs no memory proportional to
  // the heap, which would not be charged to it).
  Object* dead = nullptr;
  Object* live = nullptr;
  size_t live_bytes = 0, live_count = 0;
  (void)live_bytes;
  for (Object* o = heap.all_objects(); o;) {
    Object* next = o->gc_next_;
    if (o->gc_bits_ & kGcMarked) {
      o->gc_bits_ &= ~kGcMarked;
      o->gc_next_ = live;
      live = o;
      ++live_count;
    } else {
      o->gc_next_ = dead;
      dead = o;
    }
    o = next;
  }
  // The survivors are now oldest-first; order carries no meaning.
  heap.set_all_objects(live);
  for (Object* o = dead; o; o = o->gc_next_) {
    Type* t = o->type_;
    if (t->finalize && !(o->gc_bits_ & kGcFinalized)) {
      o->gc_bits_ |= kGcFinalized;
      t->finalize(*this, o);
    }
  }
  for (Object* o = dead, *next; o; o = next) {
    next = o->gc_next_;
    if (!ids.empty() && ids.erase(o)) heap.credit(kIdEntryBytes);
    heap.free_object(o);
  }
  heap.release_empty_pools();
  live_bytes = heap.bytes_in_use();
  heap.after_collection(live_bytes, live_count);
}

}  // namespace capy
