// GMP's memory functions, charged to the heap of the isolate that the
// calling thread is running (see IsolateScope in vm/isolate.h).
//
// mp_set_memory_functions is process-wide, so capy installs its functions
// once, when the first Runtime starts. Every block carries a header naming
// the heap it was charged to (or none: allocations made outside any
// isolate), so it is credited to that heap when freed, on whatever thread.
// A host that uses GMP itself must create no GMP number before the first
// Runtime starts and must not install other memory functions afterwards
// (docs/limits.md).
//
// GMP cannot report an allocation failure (it aborts), so these functions
// never refuse: they charge the heap even beyond its limit
// (Heap::charge_force). Code that calls GMP checks first that the result
// and GMP's temporaries fit (Isolate::can_allocate).
#pragma once

namespace capy {

class Heap;

/// Installs the functions (once per process; thread-safe).
void install_gmp_allocator();

/// The heap GMP allocations on this thread are charged to; returns the
/// previous one. nullptr: not charged.
Heap* set_gmp_heap(Heap* heap);

}  // namespace capy
