// Native stack budget (see stack_limit.h): combines a byte budget with the thread's real stack bounds.
#include "support/stack_limit.h"

#include <cstdint>

#if defined(__linux__) && defined(__GLIBC__)
#include <pthread.h>
#include <sys/resource.h>
#include <unistd.h>

// glibc: the top of the main thread's stack (a public, documented symbol).
extern "C" void* __libc_stack_end;
#endif

namespace capy::support {

const char* stack_limit_for(std::size_t max_bytes, std::size_t reserve_bytes) noexcept {
  const char* here = current_stack_address();
  auto here_u = reinterpret_cast<std::uintptr_t>(here);
  std::uintptr_t limit = here_u > max_bytes ? here_u - max_bytes : 0;
#if defined(__linux__) && defined(__GLIBC__)
  if (gettid() == getpid()) {
    // Main thread: pthread_getattr_np would parse /proc/self/maps; the
    // rlimit below the stack top gives the same bound cheaply.
    struct rlimit rl;
    std::uintptr_t top = reinterpret_cast<std::uintptr_t>(__libc_stack_end);
    if (top != 0 && getrlimit(RLIMIT_STACK, &rl) == 0) {
      std::uintptr_t size = rl.rlim_cur == RLIM_INFINITY ? (8u << 20) : static_cast<std::uintptr_t>(rl.rlim_cur);
      if (size < top) {
        std::uintptr_t floor = top - size + reserve_bytes;
        if (floor > limit) limit = floor;
      }
      if (limit > here_u) limit = here_u;
      return reinterpret_cast<const char*>(limit);
    }
  }
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

namespace {

const char* compute_thread_stack_floor() noexcept {
  std::uintptr_t here = reinterpret_cast<std::uintptr_t>(current_stack_address());
  std::uintptr_t low = 0, size = 0;
#if defined(__linux__) && defined(__GLIBC__)
  if (gettid() == getpid()) {
    // Main thread: the stack may grow down to its rlimit below the top.
    struct rlimit rl;
    std::uintptr_t top = reinterpret_cast<std::uintptr_t>(__libc_stack_end);
    if (top != 0 && getrlimit(RLIMIT_STACK, &rl) == 0) {
      size = rl.rlim_cur == RLIM_INFINITY ? (std::uintptr_t{8} << 20) : static_cast<std::uintptr_t>(rl.rlim_cur);
      if (size > (std::uintptr_t{1} << 30)) size = std::uintptr_t{1} << 30;
      if (size < top) low = top - size;
    }
  } else {
    pthread_attr_t attr;
    if (pthread_getattr_np(pthread_self(), &attr) == 0) {
      void* addr = nullptr;
      std::size_t sz = 0;
      if (pthread_attr_getstack(&attr, &addr, &sz) == 0 && addr != nullptr) {
        low = reinterpret_cast<std::uintptr_t>(addr);
        size = sz;
      }
      pthread_attr_destroy(&attr);
    }
  }
#endif
  if (low == 0 || size == 0 || here <= low) {
    std::uintptr_t fallback = std::uintptr_t{1} << 20;
    return reinterpret_cast<const char*>(here > fallback ? here - fallback : 0);
  }
  std::uintptr_t margin = size / 8;
  if (margin < (std::uintptr_t{256} << 10)) margin = std::uintptr_t{256} << 10;
  if (margin > size / 2) margin = size / 2;
  return reinterpret_cast<const char*>(low + margin);
}

}  // namespace

const char* thread_stack_floor() noexcept {
  const char*& floor = thread_stack_floor_slot();
  if (floor == nullptr) floor = compute_thread_stack_floor();
  return floor;
}

}  // namespace capy::support
