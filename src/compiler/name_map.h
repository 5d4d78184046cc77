// NameMap: a small open-addressing hash map from string_view to uint32_t, used for
// symbol tables and constant/name pools (no per-insert allocation, unlike std::map).
#pragma once

#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

namespace capy::compiler {

/// Hash of a name (FNV-1a, 32 bits).
inline uint32_t name_hash(std::string_view s) noexcept {
  uint32_t h = 2166136261u;
  for (unsigned char c : s) h = (h ^ c) * 16777619u;
  return h;
}

/// Maps names to small integers. Keys are views: the caller keeps the
/// characters alive (AST identifiers or arena copies) for the map's lifetime.
class NameMap {
 public:
  /// Index stored for `key`, or -1.
  int64_t find(std::string_view key) const noexcept {
    if (slots_.empty()) return -1;
    uint32_t h = name_hash(key);
    size_t mask = slots_.size() - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
      const Slot& s = slots_[i];
      if (s.key.data() == nullptr) return -1;
      if (s.hash == h && s.key == key) return s.value;
    }
  }
  bool contains(std::string_view key) const noexcept { return find(key) >= 0; }

  /// Inserts key -> value unless present. Returns the stored value and whether
  /// it was inserted.
  std::pair<uint32_t, bool> insert(std::string_view key, uint32_t value) {
    if ((count_ + 1) * 4 > slots_.size() * 3) grow();
    uint32_t h = name_hash(key);
    size_t mask = slots_.size() - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
      Slot& s = slots_[i];
      if (s.key.data() == nullptr) {
        s.key = key.data() ? key : std::string_view("", 0);
        s.hash = h;
        s.value = value;
        ++count_;
        return {value, true};
      }
      if (s.hash == h && s.key == key) return {s.value, false};
    }
  }

  /// Overwrites or inserts.
  void set(std::string_view key, uint32_t value) {
    auto [v, inserted] = insert(key, value);
    if (!inserted) {
      uint32_t h = name_hash(key);
      size_t mask = slots_.size() - 1;
      for (size_t i = h & mask;; i = (i + 1) & mask) {
        Slot& s = slots_[i];
        if (s.hash == h && s.key == key) {
          s.value = value;
          return;
        }
      }
    }
    (void)v;
  }

  /// Removes `key` if present (backward-shift deletion keeps probing valid).
  bool erase(std::string_view key) noexcept {
    if (slots_.empty()) return false;
    uint32_t h = name_hash(key);
    size_t mask = slots_.size() - 1;
    size_t i = h & mask;
    for (;; i = (i + 1) & mask) {
      if (slots_[i].key.data() == nullptr) return false;
      if (slots_[i].hash == h && slots_[i].key == key) break;
    }
    size_t hole = i;
    for (size_t j = (hole + 1) & mask; slots_[j].key.data() != nullptr; j = (j + 1) & mask) {
      size_t home = slots_[j].hash & mask;
      // Move j into the hole if its home position is not in (hole, j].
      bool in_range = hole <= j ? (home > hole && home <= j) : (home > hole || home <= j);
      if (!in_range) {
        slots_[hole] = slots_[j];
        hole = j;
      }
    }
    slots_[hole] = Slot{};
    --count_;
    return true;
  }

  size_t size() const noexcept { return count_; }
  void clear() noexcept {
    slots_.clear();
    count_ = 0;
  }

  /// Calls f(key, value) for every entry (unspecified order).
  template <class F>
  void for_each(F&& f) const {
    for (const Slot& s : slots_)
      if (s.key.data() != nullptr) f(s.key, s.value);
  }

 private:
  struct Slot {
    std::string_view key{nullptr, 0};
    uint32_t hash = 0;
    uint32_t value = 0;
  };
  void grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 8 : old.size() * 2, Slot{});
    size_t mask = slots_.size() - 1;
    for (const Slot& s : old) {
      if (s.key.data() == nullptr) continue;
      size_t i = s.hash & mask;
      while (slots_[i].key.data() != nullptr) i = (i + 1) & mask;
      slots_[i] = s;
    }
  }
  std::vector<Slot> slots_;
  size_t count_ = 0;
};

}  // namespace capy::compiler
