// Weak references: the registry the collector clears (see weak.h).
#include "gc/weak.h"

#include <string>

#include "gc/heap.h"
#include "objects/exception.h"
#include "objects/ops.h"
#include "objects/traceback_format.h"
#include "vm/isolate.h"

namespace capy {

namespace {
inline bool survives(const Object* o) { return o->gc_bits_ & (kGcMarked | kGcImmortal); }
}  // namespace

const std::vector<WeakRef*>* WeakRegistry::find(const Object* o) const {
  auto it = by_referent_.find(o);
  return it == by_referent_.end() ? nullptr : &it->second;
}

bool WeakRegistry::insert(Heap& heap, WeakRef* w, size_t pos) {
  if (!heap.charge(kEntryBytes)) return false;
  std::vector<WeakRef*>& list = by_referent_[w->referent];
  if (pos > list.size()) pos = list.size();
  list.insert(list.begin() + static_cast<std::ptrdiff_t>(pos), w);
  all_.push_back(w);
  return true;
}

void WeakRegistry::after_mark(Heap& heap) {
  size_t keep = 0;
  for (size_t i = 0; i < all_.size(); ++i) {
    WeakRef* w = all_[i];
    Object* r = w->referent;
    if (!r) continue;  // cleared earlier in this pass, with the rest of its referent's list
    if (!survives(r)) {
      // The referent is garbage: clear every reference to it, in list order
      // (the order in which CPython calls their callbacks). Only references
      // that survive this collection have their callbacks called.
      auto it = by_referent_.find(r);
      if (it != by_referent_.end()) {
        for (WeakRef* x : it->second) {
          x->referent = nullptr;
          if (survives(x) && !x->callback.is_null() && !x->callback.is_none())
            pending_.emplace_back(x, x->callback);
          x->callback = Value::null();
        }
        by_referent_.erase(it);
      }
      w->referent = nullptr;
      continue;
    }
    if (!survives(w)) {
      // The reference itself is garbage; its referent lives on.
      auto it = by_referent_.find(r);
      if (it != by_referent_.end()) {
        std::vector<WeakRef*>& list = it->second;
        for (size_t k = 0; k < list.size(); ++k) {
          if (list[k] == w) {
            list.erase(list.begin() + static_cast<std::ptrdiff_t>(k));
            break;
          }
        }
        if (list.empty()) by_referent_.erase(it);
      }
      continue;
    }
    all_[keep++] = w;
  }
  heap.credit((all_.size() - keep) * kEntryBytes);
  all_.resize(keep);
}

void WeakRegistry::trace(Tracer& t) const {
  for (const auto& [w, cb] : pending_) {
    t.visit(w);
    t.visit(cb);
  }
}

bool WeakRegistry::pop_pending(WeakRef** w, Value* callback) {
  if (pending_.empty()) return false;
  *w = pending_.front().first;
  *callback = pending_.front().second;
  pending_.pop_front();
  return true;
}

void write_unraisable(Isolate& I, const char* what, Value obj) {
  BaseExc* exc = I.take_pending();
  if (!exc || I.ended != LimitKind::None) return;
  std::string text = what;
  if (!obj.is_null()) {
    text += ": ";
    if (repr_append(I, obj, text) < 0) {
      I.pending = nullptr;
      if (I.ended != LimitKind::None) return;
      text += "<object repr() failed>";
    }
  }
  text += '\n';
  format_exception_to(I, exc, text);
  I.pending = nullptr;
  if (I.ended != LimitKind::None) return;
  if (!host_write(I, 2, text)) I.pending = nullptr;
}

bool run_weak_callbacks(Isolate& I) {
  WeakRegistry& reg = I.weak;
  if (reg.running) return I.ended == LimitKind::None;
  reg.running = true;
  WeakRef* w;
  Value cb;
  while (I.ended == LimitKind::None && reg.pop_pending(&w, &cb)) {
    // w and cb stay on this frame (the native stack is scanned) while the
    // callback runs.
    Value arg = Value::object(w);
    Value r = call(I, cb, &arg, 1);
    if (r.is_error()) write_unraisable(I, "Exception ignored in", cb);
  }
  reg.running = false;
  return I.ended == LimitKind::None;
}

}  // namespace capy
