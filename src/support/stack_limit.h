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

}  // namespace capy::support
