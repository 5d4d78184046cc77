// Bump-pointer arena: many small objects allocated fast, all freed together.
//
// Used by the front end (syntax/) for AST nodes; usable by any pass that builds
// short-lived graphs. Objects with non-trivial destructors are registered and
// destroyed (in reverse order) when the arena is destroyed or reset.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <new>
#include <span>
#include <string_view>
#include <type_traits>
#include <utility>

namespace capy::support {

/// A bump allocator. Not thread-safe: one arena belongs to one thread at a time.
///
/// Ownership: every object created by `make`/`make_array` is owned by the arena
/// and lives until `reset()` or destruction; never `delete` such an object.
/// Allocation failure (malloc returning null) makes the allocating call return
/// nullptr and sets `failed()`; nothing throws.
class Arena {
 public:
  /// `chunk_bytes` is the size of each block requested from malloc (larger
  /// requests get a block of their own).
  explicit Arena(std::size_t chunk_bytes = 64 * 1024) noexcept;
  ~Arena();
  Arena(const Arena&) = delete;
  Arena& operator=(const Arena&) = delete;

  /// Raw, uninitialised storage of `size` bytes aligned to `align` (a power of
  /// two no larger than alignof(std::max_align_t)). Returns nullptr only if the
  /// system allocator fails.
  void* allocate(std::size_t size, std::size_t align) noexcept {
    std::uintptr_t p = (reinterpret_cast<std::uintptr_t>(cur_) + (align - 1)) & ~(std::uintptr_t)(align - 1);
    if (cur_ != nullptr && p + size <= reinterpret_cast<std::uintptr_t>(end_)) {
      cur_ = reinterpret_cast<char*>(p + size);
      bytes_used_ += size;
      return reinterpret_cast<void*>(p);
    }
    return allocate_slow(size, align);
  }

  /// Constructs a T in the arena. If T is not trivially destructible its
  /// destructor runs when the arena is reset or destroyed.
  template <class T, class... Args>
  T* make(Args&&... args) {
    void* mem = allocate(sizeof(T), alignof(T));
    if (mem == nullptr) return nullptr;
    T* obj = new (mem) T(std::forward<Args>(args)...);
    if constexpr (!std::is_trivially_destructible_v<T>) {
      register_dtor(obj, [](void* p) { static_cast<T*>(p)->~T(); });
    }
    return obj;
  }

  /// Default-constructs `n` Ts in a new arena array (each destroyed with the
  /// arena if T has a non-trivial destructor). Empty span when n == 0 or on
  /// allocation failure.
  template <class T>
  std::span<T> make_array(std::size_t n) {
    if (n == 0) return {};
    T* mem = static_cast<T*>(allocate(sizeof(T) * n, alignof(T)));
    if (mem == nullptr) return {};
    for (std::size_t i = 0; i < n; ++i) {
      new (mem + i) T();
      if constexpr (!std::is_trivially_destructible_v<T>) {
        register_dtor(mem + i, [](void* p) { static_cast<T*>(p)->~T(); });
      }
    }
    return {mem, n};
  }

  /// Copies `n` elements from `src` into a new arena array and returns a span
  /// over it (empty span when n == 0). T must be trivially copyable (use it
  /// for arrays of pointers and small PODs).
  template <class T>
  std::span<T> copy_array(const T* src, std::size_t n) noexcept {
    static_assert(std::is_trivially_copyable_v<T>);
    if (n == 0) return {};
    T* mem = static_cast<T*>(allocate(sizeof(T) * n, alignof(T)));
    if (mem == nullptr) return {};
    std::memcpy(static_cast<void*>(mem), src, sizeof(T) * n);
    return {mem, n};
  }

  /// Copies a string into the arena (NUL-terminated) and returns a view of it.
  std::string_view copy_string(std::string_view s) noexcept;

  /// Frees everything; runs registered destructors in reverse order.
  void reset() noexcept;

  /// Bytes handed out so far (excluding per-block slack and bookkeeping).
  std::size_t bytes_used() const noexcept { return bytes_used_; }

  /// True if an allocation has ever failed since construction/reset.
  bool failed() const noexcept { return failed_; }

 private:
  struct Block {
    Block* next;
    std::size_t size;
  };
  struct Dtor {
    Dtor* next;
    void (*fn)(void*);
    void* obj;
  };

  void* allocate_slow(std::size_t size, std::size_t align) noexcept;
  void register_dtor(void* obj, void (*fn)(void*)) noexcept;

  std::size_t chunk_bytes_;
  char* cur_ = nullptr;
  char* end_ = nullptr;
  Block* blocks_ = nullptr;
  Dtor* dtors_ = nullptr;
  std::size_t bytes_used_ = 0;
  bool failed_ = false;
};

}  // namespace capy::support
