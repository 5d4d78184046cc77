// Native stack budget: how deep a recursive pass may go on the current thread without overflowing.
#pragma once

#include <cstddef>

namespace capy::support {

/// Address below which a recursive pass that started at the caller's frame
/// must not go, for a budget of at most `max_bytes` of native stack; the
/// result also keeps `reserve_bytes` free above the real end of the
/// thread's stack (when that can be determined: Linux/glibc). Compare it
/// with `current_stack_address()` at each recursion step.
///
/// Querying the thread's stack bounds may be slow (glibc reads
/// /proc/self/maps for the main thread), so call this once per pass, not
/// per step. Thread-safe; stores nothing.
const char* stack_limit_for(std::size_t max_bytes, std::size_t reserve_bytes = 128 * 1024) noexcept;

/// The current frame's address; stacks grow downwards on every platform
/// capy supports.
inline const char* current_stack_address() noexcept {
  return static_cast<const char*>(__builtin_frame_address(0));
}

/// Lowest address the running thread's stack may reach while keeping a
/// safety margin free below it (an eighth of the stack, at least 256 KiB and
/// at most half of it) for the native code that runs between two checks.
/// Computed from the thread's own stack bounds on first use in each thread
/// and cached per thread, so it is right on every thread an isolate runs on.
/// Unknown bounds (non-glibc platforms) give a floor 1 MiB below the first
/// caller's frame.
const char* thread_stack_floor() noexcept;

/// The calling thread's cached floor (nullptr until thread_stack_floor()
/// first runs on it); constant-initialised, so reading it costs no guard.
inline const char*& thread_stack_floor_slot() noexcept {
  static thread_local const char* floor = nullptr;
  return floor;
}

/// True when the running thread's stack is close to its end: a recursive
/// native pass must stop (RecursionError) instead of going deeper.
inline bool stack_exhausted() noexcept {
  const char* floor = thread_stack_floor_slot();
  if (__builtin_expect(floor == nullptr, 0)) floor = thread_stack_floor();
  return current_stack_address() < floor;
}

}  // namespace capy::support
