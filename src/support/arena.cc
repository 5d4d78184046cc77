// Bump-pointer arena implementation (see arena.h).
#include "support/arena.h"

#include <cstdlib>

namespace capy::support {

Arena::Arena(std::size_t chunk_bytes) noexcept : chunk_bytes_(chunk_bytes < 1024 ? 1024 : chunk_bytes) {}

Arena::~Arena() { reset(); }

void* Arena::allocate_slow(std::size_t size, std::size_t align) noexcept {
  std::size_t need = size + align + sizeof(Block);
  std::size_t block_size = need > chunk_bytes_ ? need : chunk_bytes_;
  auto* block = static_cast<Block*>(std::malloc(block_size));
  if (block == nullptr) {
    failed_ = true;
    return nullptr;
  }
  block->next = blocks_;
  block->size = block_size;
  blocks_ = block;
  char* base = reinterpret_cast<char*>(block) + sizeof(Block);
  char* end = reinterpret_cast<char*>(block) + block_size;
  std::uintptr_t p = (reinterpret_cast<std::uintptr_t>(base) + (align - 1)) & ~(std::uintptr_t)(align - 1);
  char* result = reinterpret_cast<char*>(p);
  // Keep bumping in the newer block only if it has more room than the old one
  // (an oversized single allocation should not waste the current block).
  if (cur_ == nullptr || static_cast<std::size_t>(end - (result + size)) > static_cast<std::size_t>(end_ - cur_)) {
    cur_ = result + size;
    end_ = end;
  }
  bytes_used_ += size;
  return result;
}

void Arena::register_dtor(void* obj, void (*fn)(void*)) noexcept {
  auto* d = static_cast<Dtor*>(allocate(sizeof(Dtor), alignof(Dtor)));
  if (d == nullptr) return;  // failed_ is set; the object leaks its heap parts
  d->next = dtors_;
  d->fn = fn;
  d->obj = obj;
  dtors_ = d;
}

std::string_view Arena::copy_string(std::string_view s) noexcept {
  char* mem = static_cast<char*>(allocate(s.size() + 1, 1));
  if (mem == nullptr) return {};
  std::memcpy(mem, s.data(), s.size());
  mem[s.size()] = '\0';
  return {mem, s.size()};
}

void Arena::reset() noexcept {
  for (Dtor* d = dtors_; d != nullptr; d = d->next) d->fn(d->obj);
  dtors_ = nullptr;
  Block* b = blocks_;
  while (b != nullptr) {
    Block* next = b->next;
    std::free(b);
    b = next;
  }
  blocks_ = nullptr;
  cur_ = end_ = nullptr;
  bytes_used_ = 0;
  failed_ = false;
}

}  // namespace capy::support
