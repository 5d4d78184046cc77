// Conversions between host Values and guest values, and the Result of a
// failed operation.
#include <algorithm>
#include <string>
#include <unordered_map>

#include "api/api_internal.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/exception.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/ops.h"
#include "objects/set.h"
#include "objects/str.h"
#include "objects/traceback_format.h"
#include "objects/tuple.h"

namespace capy::api {

namespace {

constexpr int kMaxDepth = 1000;

// UTF-8 as a guest str may hold it: well-formed, no overlong forms, at most
// U+10FFFF, and lone surrogates allowed (encoded like any other code point,
// as the guest's own '\ud800' is), so that every str a guest hands out
// comes back in unchanged.
bool valid_str_bytes(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const auto* end = p + s.size();
  while (p < end) {
    unsigned c = *p;
    if (c < 0x80) {
      ++p;
      continue;
    }
    size_t n;
    uint32_t cp;
    if ((c & 0xE0) == 0xC0) {
      n = 2;
      cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      n = 3;
      cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      n = 4;
      cp = c & 0x07;
    } else {
      return false;
    }
    if (static_cast<size_t>(end - p) < n) return false;
    for (size_t i = 1; i < n; ++i) {
      if ((p[i] & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (p[i] & 0x3F);
    }
    static const uint32_t kMin[5] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < kMin[n] || cp > 0x10FFFF) return false;
    p += n;
  }
  return true;
}

struct ToHost {
  IsolateState& s;
  capy::Isolate& I;
  std::vector<const capy::Object*> open;  // containers being converted (cycle check)
  // Containers already converted: a container reached again (a DAG such as
  // w = [w, w] repeated) gives the same host value, so a conversion costs the
  // size of the guest structure, never the number of paths through it.
  std::unordered_map<const capy::Object*, Value> done;

  bool fail(const char* msg) {
    capy::raise(I, I.rt.exc_TypeError, msg);
    return false;
  }

  bool reuse(const capy::Object* o, Value* out) {
    auto it = done.find(o);
    if (it == done.end()) return false;
    *out = it->second;
    return true;
  }

  bool enter(const capy::Object* o) {
    if (std::find(open.begin(), open.end(), o) != open.end())
      return fail("cannot convert a value that contains itself to a host value");
    if (open.size() >= kMaxDepth) return fail("value too deeply nested to convert to a host value");
    open.push_back(o);
    return true;
  }

  bool items(const capy::Value* begin, size_t n, std::vector<Value>* out) {
    out->reserve(n);
    for (size_t i = 0; i < n; ++i) {
      Value x;
      if (!convert(begin[i], &x)) return false;
      out->push_back(std::move(x));
    }
    return true;
  }

  bool convert(capy::Value v, Value* out) {
    if (v.is_none()) {
      *out = Value();
      return true;
    }
    if (v.is_bool()) {
      *out = Value(v.as_bool());
      return true;
    }
    if (v.is_small_int()) {
      *out = Value(static_cast<int64_t>(v.as_small_int()));
      return true;
    }
    if (v.is_double()) {
      *out = Value(v.as_double());
      return true;
    }
    if (!v.is_object()) {  // NotImplemented, Ellipsis
      *out = s.make_guest_ref(v);
      return true;
    }
    capy::Object* o = v.as_object();
    capy::Type* t = o->type_;
    const capy::Runtime& rt = I.rt;
    if (t->flags & capy::kTypeIntSubclass) {
      capy::Value n = capy::int_unwrap(I, v);
      if (n.is_small_int()) {
        *out = Value(static_cast<int64_t>(n.as_small_int()));
      } else if (n.is_bool()) {
        *out = Value(static_cast<int64_t>(n.as_bool()));
      } else {
        *out = int_value_from_mpz(n.as<capy::BigInt>()->z);
      }
      return true;
    }
    if (t->flags & capy::kTypeFloatSubclass) {
      *out = Value(capy::float_value(v));
      return true;
    }
    if (t->flags & capy::kTypeStrSubclass) {
      *out = Value(v.as<capy::Str>()->view());
      return true;
    }
    if (capy::is_bytes(v) || capy::is_bytearray(v)) {
      *out = Value::bytes(capy::bytes_view(v));
      return true;
    }
    if (t->flags & capy::kTypeTupleSubclass) {
      if (reuse(o, out)) return true;
      if (!enter(o)) return false;
      auto* tup = v.as<capy::Tuple>();
      std::vector<Value> xs;
      if (!items(tup->items, tup->size(), &xs)) return false;
      open.pop_back();
      *out = Value::tuple(std::move(xs));
      done.emplace(o, *out);
      return true;
    }
    if (t->flags & capy::kTypeListSubclass) {
      if (reuse(o, out)) return true;
      if (!enter(o)) return false;
      auto* l = v.as<capy::List>();
      std::vector<Value> xs;
      xs.reserve(l->size);
      // The list cannot change meanwhile: no guest code runs during a conversion.
      for (size_t i = 0; i < l->size; ++i) {
        Value x;
        if (!convert(l->items[i], &x)) return false;
        xs.push_back(std::move(x));
      }
      open.pop_back();
      *out = Value::list(std::move(xs));
      done.emplace(o, *out);
      return true;
    }
    if (t->flags & capy::kTypeDictSubclass) {
      if (reuse(o, out)) return true;
      if (!enter(o)) return false;
      auto* d = v.as<capy::Dict>();
      std::vector<std::pair<Value, Value>> es;
      es.reserve(d->count);
      uint32_t pos = 0;
      capy::Value k, x;
      while (capy::dict_next(d, &pos, &k, &x)) {
        Value hk, hv;
        if (!convert(k, &hk) || !convert(x, &hv)) return false;
        es.emplace_back(std::move(hk), std::move(hv));
      }
      open.pop_back();
      *out = Value::dict(std::move(es));
      done.emplace(o, *out);
      return true;
    }
    bool is_set = capy::is_subtype(t, rt.set_type);
    if (is_set || capy::is_subtype(t, rt.frozenset_type)) {
      if (reuse(o, out)) return true;
      if (!enter(o)) return false;
      auto* st = v.as<capy::Set>();
      std::vector<Value> xs;
      xs.reserve(st->used);
      uint32_t pos = 0;
      capy::Value k;
      while (capy::set_next(st, &pos, &k)) {
        Value x;
        if (!convert(k, &x)) return false;
        xs.push_back(std::move(x));
      }
      open.pop_back();
      *out = is_set ? Value::set(std::move(xs)) : Value::frozenset(std::move(xs));
      done.emplace(o, *out);
      return true;
    }
    if (unwrap_host_object(s, v, out)) return true;
    *out = s.make_guest_ref(v);
    return true;
  }
};

struct ToGuest {
  IsolateState& s;
  capy::Isolate& I;
  int depth = 0;
  // Host containers already converted, by their shared data: a host DAG
  // becomes a guest DAG of the same size. (No collection runs during a
  // conversion: the collector runs only at the VM's safe points.)
  std::unordered_map<const void*, capy::Value> done;

  capy::Value convert(const Value& v) {
    switch (v.kind()) {
      case ValueKind::None: return capy::Value::none();
      case ValueKind::Bool: return capy::Value::boolean(v.as_bool());
      case ValueKind::Int: {
        if (auto i = v.to_int64()) return capy::int_from_i64(I, *i);
        mpz_t z;
        mpz_init(z);
        int_value_to_mpz(v, z);
        capy::Value r = capy::int_from_mpz(I, z);
        mpz_clear(z);
        return r;
      }
      case ValueKind::Float: return capy::Value::from_double(v.as_double());
      case ValueKind::Str: {
        std::string_view text = v.as_str();
        if (!valid_str_bytes(text))
          return capy::raise(I, I.rt.exc_ValueError, "a host str value is not valid UTF-8");
        return capy::str_value(I, text);
      }
      case ValueKind::Bytes: return capy::bytes_value(I, v.as_str());
      default: break;
    }
    const void* key = v.data().get();
    if (key) {
      auto it = done.find(key);
      if (it != done.end()) return it->second;
    }
    if (depth >= kMaxDepth) return capy::raise(I, I.rt.exc_TypeError, "host value too deeply nested to convert");
    ++depth;
    capy::Value r = container(v);
    --depth;
    if (key && !r.is_error() && v.kind() != ValueKind::GuestObject && v.kind() != ValueKind::HostObject) done.emplace(key, r);
    return r;
  }

  capy::Value container(const Value& v) {
    switch (v.kind()) {
      case ValueKind::List: {
        const auto& xs = v.items();
        capy::List* l = capy::list_new(I, 0, xs.size());
        if (!l) return capy::Value::error();
        for (const Value& x : xs) {
          capy::Value g = convert(x);
          if (g.is_error() || capy::list_append(I, l, g) < 0) return capy::Value::error();
        }
        return capy::Value::object(l);
      }
      case ValueKind::Tuple: {
        const auto& xs = v.items();
        capy::Tuple* tup = capy::tuple_new(I, xs.size());
        if (!tup) return capy::Value::error();
        for (size_t i = 0; i < xs.size(); ++i) {
          capy::Value g = convert(xs[i]);
          if (g.is_error()) return g;
          tup->items[i] = g;
        }
        return capy::Value::object(tup);
      }
      case ValueKind::Dict: {
        capy::Dict* d = capy::dict_new(I, v.entries().size());
        if (!d) return capy::Value::error();
        for (const auto& [k, x] : v.entries()) {
          capy::Value gk = convert(k);
          if (gk.is_error()) return gk;
          capy::Value gx = convert(x);
          if (gx.is_error() || capy::dict_set(I, d, gk, gx) < 0) return capy::Value::error();
        }
        return capy::Value::object(d);
      }
      case ValueKind::Set:
      case ValueKind::FrozenSet: {
        capy::Set* st = capy::set_new(I, v.kind() == ValueKind::FrozenSet);
        if (!st) return capy::Value::error();
        for (const Value& x : v.items()) {
          capy::Value g = convert(x);
          if (g.is_error() || capy::set_add(I, st, g) < 0) return capy::Value::error();
        }
        return capy::Value::object(st);
      }
      case ValueKind::HostObject: return wrap_host_object(s, *host_object_data(v));
      case ValueKind::GuestObject: {
        const GuestRefData* g = guest_ref_data(v);
        if (!g || g->table != s.handles)
          return capy::raise(I, I.rt.exc_TypeError, "a guest object of another isolate cannot be passed to this one");
        return I.extra_roots[g->slot];
      }
      default: break;
    }
    return capy::raise(I, I.rt.exc_TypeError, "unknown host value");
  }
};

}  // namespace

bool to_host(IsolateState& s, capy::Value v, Value* out) {
  ToHost c{s, *s.iso, {}};
  return c.convert(v, out);
}

capy::Value to_guest(IsolateState& s, const Value& v) {
  ToGuest c{s, *s.iso};
  return c.convert(v);
}

std::string exception_type_name(capy::Isolate& I, capy::Type* t) {
  // As the traceback's last line: the module prefix unless builtins or __main__.
  std::string name(t->qualname ? t->qualname->view() : t->name->view());
  capy::Value mod = capy::get_attr_opt(I, capy::Value::object(t), I.rt.n___module__);
  if (mod.is_error()) {
    I.pending = nullptr;
    return name;
  }
  if (mod.is_object() && (mod.as_object()->type_->flags & capy::kTypeStrSubclass)) {
    std::string_view m = mod.as<capy::Str>()->view();
    if (m != "builtins" && m != "__main__") return std::string(m) + "." + name;
  }
  return name;
}

Result failure_result(IsolateState& s) {
  capy::Isolate& I = *s.iso;
  if (I.ended != capy::LimitKind::None) {
    I.pending = nullptr;
    return Result::limit_hit(static_cast<Limit>(I.ended));
  }
  capy::BaseExc* e = I.take_pending();
  if (!e) return Result::error("the operation failed without an exception");
  Result r;
  r.status = Status::Exception;
  r.type_name = exception_type_name(I, e->type_);
  if (capy::str_append(I, capy::Value::object(e), r.message) < 0) {
    I.pending = nullptr;
    r.message = "<exception str() failed>";
  }
  r.traceback = capy::format_exception(I, e);
  I.pending = nullptr;
  if (I.ended != capy::LimitKind::None) return Result::limit_hit(static_cast<Limit>(I.ended));
  return r;
}

}  // namespace capy::api
