// Native stack budget (see stack_limit.h): combines a byte budget with the thread's real stack bounds.
#include "support/stack_limit.h"

#include <cstdint>

#if defined(__linux__) && defined(__GLIBC__)
#include <pthread.h>
#endif

namespace capy::support {

const char* stack_limit_for(std::size_t max_bytes, std::size_t reserve_bytes) noexcept {
  const char* here = current_stack_address();
  auto here_u = reinterpret_cast<std::uintptr_t>(here);
  std::uintptr_t limit = here_u > max_bytes ? here_u - max_bytes : 0;
#if defined(__linux__) && defined(__GLIBC__)
  pthread_attr_t attr;
  if (pthread_getattr_np(pthread_self(), &attr) == 0) {
    void* low = nullptr;
    std::size_t size = 0;
    if (pthread_attr_getstack(&attr, &low, &size) == 0 && low != nullptr) {
      std::uintptr_t floor = reinterpret_cast<std::uintptr_t>(low) + reserve_bytes;
      if (floor > limit) limit = floor;
    }
    pthread_attr_destroy(&attr);
  }
#else
  (void)reserve_bytes;
#endif
  if (limit > here_u) limit = here_u;
  return reinterpret_cast<const char*>(limit);
}

}  // namespace capy::support
