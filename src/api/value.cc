// capy::api::Value: host-side values (construction, inspection, repr,
// equality), Result, Call and the small free functions of the public API.
#include <gmp.h>

#include <charconv>
#include <cmath>
#include <cstring>
#include <functional>
#include <unordered_map>

#include "api/api_internal.h"
#include "gc/gmp_alloc.h"
#include "objects/float.h"
#include "objects/str.h"

namespace capy::api {

namespace {

// GMP's memory functions are the core's (installed when the first Runtime
// starts): a number made with another allocator must never be freed by
// them, so host-side arithmetic installs them first too.
void ensure_gmp() { capy::install_gmp_allocator(); }

const std::vector<Value>& empty_items() {
  static const std::vector<Value> v;
  return v;
}
const std::vector<std::pair<Value, Value>>& empty_entries() {
  static const std::vector<std::pair<Value, Value>> v;
  return v;
}
const std::shared_ptr<void>& null_pointer() {
  static const std::shared_ptr<void> p;
  return p;
}
const Value& none_value() {
  static const Value v;
  return v;
}

// mpz <-> magnitude bytes (least significant first).
void mpz_from_magnitude(mpz_t z, std::string_view mag, bool negative) {
  mpz_import(z, mag.size(), -1, 1, 0, 0, mag.data());
  if (negative) mpz_neg(z, z);
}

}  // namespace

Value int_value_from_mpz(const mpz_t z) {
  if (mpz_fits_slong_p(z)) return Value(static_cast<int64_t>(mpz_get_si(z)));
  auto d = std::make_shared<BigIntData>();
  size_t count = 0;
  size_t bytes = (mpz_sizeinbase(z, 2) + 7) / 8;
  d->magnitude.resize(bytes);
  mpz_export(d->magnitude.data(), &count, -1, 1, 0, 0, z);
  d->magnitude.resize(count);
  d->negative = mpz_sgn(z) < 0;
  return Value(ValueKind::Int, std::move(d));
}

namespace {

std::string bytes_repr(std::string_view b) {
  bool has_single = b.find('\'') != std::string_view::npos;
  bool has_double = b.find('"') != std::string_view::npos;
  char quote = has_single && !has_double ? '"' : '\'';
  std::string out = "b";
  out += quote;
  static const char kHex[] = "0123456789abcdef";
  for (unsigned char c : b) {
    if (c == static_cast<unsigned char>(quote) || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c < 0x20 || c >= 0x7f) {
      out += "\\x";
      out += kHex[c >> 4];
      out += kHex[c & 15];
    } else {
      out += static_cast<char>(c);
    }
  }
  out += quote;
  return out;
}

// A Str value is not checked when it is made (only when it enters a
// guest), so its repr replaces each byte that does not begin a well-formed
// UTF-8 sequence with U+FFFD; lone surrogates, which guest strs may hold,
// are kept (repr shows them as \udXXX).
std::string printable_utf8(std::string_view s) {
  std::string out;
  const auto* u = reinterpret_cast<const unsigned char*>(s.data());
  size_t i = 0;
  while (i < s.size()) {
    size_t bad = capy::utf8_validate(s.substr(i));
    if (bad == std::string_view::npos) {
      out.append(s.substr(i));
      break;
    }
    out.append(s.substr(i, bad));
    i += bad;
    if (i + 2 < s.size() && u[i] == 0xED && (u[i + 1] & 0xE0) == 0xA0 && (u[i + 2] & 0xC0) == 0x80) {
      out.append(s.substr(i, 3));
      i += 3;
    } else {
      out += "\xEF\xBF\xBD";
      i += 1;
    }
  }
  return out;
}

void repr_to(const Value& v, std::string& out, int depth) {
  if (depth > 1000) {
    out += "...";
    return;
  }
  switch (v.kind()) {
    case ValueKind::None: out += "None"; return;
    case ValueKind::Bool: out += v.as_bool() ? "True" : "False"; return;
    case ValueKind::Int: out += v.int_string(); return;
    case ValueKind::Float: out += capy::float_repr(v.as_double()); return;
    case ValueKind::Str: out += capy::str_repr_text(printable_utf8(v.as_str())); return;
    case ValueKind::Bytes: out += bytes_repr(v.as_str()); return;
    case ValueKind::List:
    case ValueKind::Tuple:
    case ValueKind::Set:
    case ValueKind::FrozenSet: {
      const auto& items = v.items();
      if (v.kind() == ValueKind::Set && items.empty()) {
        out += "set()";
        return;
      }
      if (v.kind() == ValueKind::FrozenSet) {
        out += "frozenset(";
        if (items.empty()) {
          out += ")";
          return;
        }
      }
      const char* open = v.kind() == ValueKind::List ? "[" : v.kind() == ValueKind::Tuple ? "(" : "{";
      const char* close = v.kind() == ValueKind::List ? "]" : v.kind() == ValueKind::Tuple ? ")" : "}";
      out += open;
      for (size_t i = 0; i < items.size(); ++i) {
        if (i) out += ", ";
        repr_to(items[i], out, depth + 1);
      }
      if (v.kind() == ValueKind::Tuple && items.size() == 1) out += ",";
      out += close;
      if (v.kind() == ValueKind::FrozenSet) out += ")";
      return;
    }
    case ValueKind::Dict: {
      out += "{";
      bool first = true;
      for (const auto& [k, val] : v.entries()) {
        if (!first) out += ", ";
        first = false;
        repr_to(k, out, depth + 1);
        out += ": ";
        repr_to(val, out, depth + 1);
      }
      out += "}";
      return;
    }
    case ValueKind::HostObject: {
      const HostClass* c = v.host_class();
      out += "<host ";
      out += c ? c->name() : "?";
      out += " object>";
      return;
    }
    case ValueKind::GuestObject:
      out += "<guest ";
      out += v.guest_type_name();
      out += " object>";
      return;
  }
}

// A hash consistent with operator== (used to compare sets and dicts).
size_t structural_hash(const Value& v) {
  std::hash<std::string_view> hs;
  size_t h = static_cast<size_t>(v.kind()) * 0x9E3779B97F4A7C15ull;
  switch (v.kind()) {
    case ValueKind::None: return h;
    case ValueKind::Bool: return h ^ (v.as_bool() ? 1 : 0);
    case ValueKind::Int: {
      if (auto i = v.to_int64()) return h ^ std::hash<int64_t>()(*i);
      return h ^ hs(v.int_magnitude()) ^ (v.int_negative() ? 7 : 0);
    }
    case ValueKind::Float: {
      double d = v.as_double();
      if (d == 0) d = 0;  // -0.0 == 0.0
      return h ^ std::hash<double>()(d);
    }
    case ValueKind::Str:
    case ValueKind::Bytes: return h ^ hs(v.as_str());
    case ValueKind::List:
    case ValueKind::Tuple:
      for (const Value& x : v.items()) h = h * 31 + structural_hash(x);
      return h;
    case ValueKind::Set:
    case ValueKind::FrozenSet: {
      size_t acc = 0;
      for (const Value& x : v.items()) acc += structural_hash(x);
      return h ^ acc;
    }
    case ValueKind::Dict: {
      size_t acc = 0;
      for (const auto& [k, x] : v.entries()) acc += structural_hash(k) * 3 + structural_hash(x);
      return h ^ acc;
    }
    case ValueKind::HostObject: return h ^ std::hash<const void*>()(v.host_pointer().get());
    case ValueKind::GuestObject: {
      const GuestRefData* g = guest_ref_data(v);
      return h ^ std::hash<uint64_t>()(g ? g->identity : 0);
    }
  }
  return h;
}

// Order-insensitive comparison of two equally long lists of items.
template <class T, class Key, class Same>
bool same_multiset(const std::vector<T>& a, const std::vector<T>& b, Key key, Same same) {
  std::unordered_multimap<size_t, size_t> index;
  index.reserve(b.size());
  for (size_t i = 0; i < b.size(); ++i) index.emplace(structural_hash(key(b[i])), i);
  std::vector<bool> used(b.size(), false);
  for (const T& x : a) {
    auto [lo, hi] = index.equal_range(structural_hash(key(x)));
    bool found = false;
    for (auto it = lo; it != hi; ++it) {
      if (!used[it->second] && same(x, b[it->second])) {
        used[it->second] = true;
        found = true;
        break;
      }
    }
    if (!found) return false;
  }
  return true;
}

}  // namespace

const HostObjectData* host_object_data(const Value& v) {
  if (v.kind() != ValueKind::HostObject) return nullptr;
  return static_cast<const HostObjectData*>(v.data().get());
}

const GuestRefData* guest_ref_data(const Value& v) {
  if (v.kind() != ValueKind::GuestObject) return nullptr;
  return static_cast<const GuestRefData*>(v.data().get());
}

void int_value_to_mpz(const Value& v, mpz_t z) {
  if (auto i = v.to_int64()) {
    mpz_set_si(z, static_cast<long>(*i));
    return;
  }
  std::string mag = v.int_magnitude();
  mpz_from_magnitude(z, mag, v.int_negative());
}

GuestRefData::~GuestRefData() {
  if (!table) return;
  std::lock_guard<std::mutex> lock(table->mu);
  if (table->alive) {
    table->released.push_back(slot);
    table->any_released.store(true, std::memory_order_release);
  }
}

const char* kind_name(ValueKind kind) {
  switch (kind) {
    case ValueKind::None: return "NoneType";
    case ValueKind::Bool: return "bool";
    case ValueKind::Int: return "int";
    case ValueKind::Float: return "float";
    case ValueKind::Str: return "str";
    case ValueKind::Bytes: return "bytes";
    case ValueKind::List: return "list";
    case ValueKind::Tuple: return "tuple";
    case ValueKind::Dict: return "dict";
    case ValueKind::Set: return "set";
    case ValueKind::FrozenSet: return "frozenset";
    case ValueKind::HostObject: return "host object";
    case ValueKind::GuestObject: return "guest object";
  }
  return "?";
}

// --- Value ------------------------------------------------------------------------

Value::Value(const char* utf8) : Value(std::string(utf8 ? utf8 : "")) {}
Value::Value(std::string_view utf8) : Value(std::string(utf8)) {}
Value::Value(const std::string& utf8) : Value(std::string(utf8)) {}
Value::Value(std::string&& utf8) : kind_(ValueKind::Str), i_(0), data_(std::make_shared<TextData>(std::move(utf8))) {}

Value Value::from_uint64(uint64_t u) {
  if (u <= static_cast<uint64_t>(INT64_MAX)) return Value(static_cast<int64_t>(u));
  auto d = std::make_shared<BigIntData>();
  while (u) {
    d->magnitude.push_back(static_cast<char>(u & 0xFF));
    u >>= 8;
  }
  return Value(ValueKind::Int, std::move(d));
}

std::optional<Value> Value::parse_int(std::string_view text, int base) {
  if (base != 0 && (base < 2 || base > 36)) return std::nullopt;
  auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; };
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  bool negative = false;
  if (!text.empty() && (text[0] == '+' || text[0] == '-')) {
    negative = text[0] == '-';
    text.remove_prefix(1);
  }
  auto prefix_base = [&](char c) -> int {
    c = static_cast<char>(c | 0x20);
    return c == 'x' ? 16 : c == 'o' ? 8 : c == 'b' ? 2 : 0;
  };
  if (text.size() >= 2 && text[0] == '0') {
    int pb = prefix_base(text[1]);
    if (pb && (base == 0 || base == pb)) {
      base = pb;
      text.remove_prefix(2);
      if (!text.empty() && text[0] == '_') text.remove_prefix(1);  // 0x_ff
    }
  }
  if (base == 0) base = 10;
  std::string digits;
  digits.reserve(text.size());
  bool last_underscore = true;  // no leading underscore
  for (char c : text) {
    if (c == '_') {
      if (last_underscore) return std::nullopt;
      last_underscore = true;
      continue;
    }
    int d = c >= '0' && c <= '9' ? c - '0' : (c | 0x20) >= 'a' && (c | 0x20) <= 'z' ? (c | 0x20) - 'a' + 10 : 99;
    if (d >= base) return std::nullopt;
    digits += c;
    last_underscore = false;
  }
  if (digits.empty() || last_underscore) return std::nullopt;
  ensure_gmp();
  mpz_t z;
  mpz_init(z);
  if (mpz_set_str(z, digits.c_str(), base) != 0) {
    mpz_clear(z);
    return std::nullopt;
  }
  if (negative) mpz_neg(z, z);
  Value r = int_value_from_mpz(z);
  mpz_clear(z);
  return r;
}

Value Value::int_from_bytes(std::string_view magnitude_le, bool negative) {
  ensure_gmp();
  mpz_t z;
  mpz_init(z);
  mpz_from_magnitude(z, magnitude_le, negative);
  Value r = int_value_from_mpz(z);
  mpz_clear(z);
  return r;
}

Value Value::bytes(std::string_view data) {
  return Value(ValueKind::Bytes, std::make_shared<TextData>(std::string(data)));
}
Value Value::list(std::vector<Value> items) {
  return Value(ValueKind::List, std::make_shared<ItemsData>(std::move(items)));
}
Value Value::tuple(std::vector<Value> items) {
  return Value(ValueKind::Tuple, std::make_shared<ItemsData>(std::move(items)));
}
Value Value::dict(std::vector<std::pair<Value, Value>> entries) {
  return Value(ValueKind::Dict, std::make_shared<EntriesData>(std::move(entries)));
}
Value Value::set(std::vector<Value> items) {
  return Value(ValueKind::Set, std::make_shared<ItemsData>(std::move(items)));
}
Value Value::frozenset(std::vector<Value> items) {
  return Value(ValueKind::FrozenSet, std::make_shared<ItemsData>(std::move(items)));
}
Value Value::host_object(std::shared_ptr<void> object, std::shared_ptr<const HostClass> cls) {
  if (!object || !cls) return Value();
  auto d = std::make_shared<HostObjectData>();
  d->object = std::move(object);
  d->cls = std::move(cls);
  return Value(ValueKind::HostObject, std::move(d));
}

bool Value::is_sequence_like() const noexcept {
  return kind_ == ValueKind::List || kind_ == ValueKind::Tuple || kind_ == ValueKind::Set ||
         kind_ == ValueKind::FrozenSet;
}

std::optional<int64_t> Value::to_int64() const noexcept {
  if (kind_ != ValueKind::Int) return std::nullopt;
  if (!data_) return i_;
  return std::nullopt;  // big ints are normalised: they never fit
}

std::string Value::int_string(int base) const {
  if (kind_ != ValueKind::Int || base < 2 || base > 36) return "";
  if (!data_) {
    char buf[80];
    auto r = std::to_chars(buf, buf + sizeof buf, i_, base);
    return std::string(buf, r.ptr);
  }
  const auto* d = static_cast<const BigIntData*>(data_.get());
  ensure_gmp();
  mpz_t z;
  mpz_init(z);
  mpz_from_magnitude(z, d->magnitude, d->negative);
  std::string out(mpz_sizeinbase(z, base) + 2, '\0');
  mpz_get_str(out.data(), base, z);
  out.resize(std::strlen(out.c_str()));
  mpz_clear(z);
  return out;
}

std::string Value::int_magnitude() const {
  if (kind_ != ValueKind::Int) return "";
  if (data_) return static_cast<const BigIntData*>(data_.get())->magnitude;
  uint64_t u = i_ < 0 ? 0 - static_cast<uint64_t>(i_) : static_cast<uint64_t>(i_);
  std::string m;
  while (u) {
    m.push_back(static_cast<char>(u & 0xFF));
    u >>= 8;
  }
  return m;
}

bool Value::int_negative() const noexcept {
  if (kind_ != ValueKind::Int) return false;
  if (data_) return static_cast<const BigIntData*>(data_.get())->negative;
  return i_ < 0;
}

double Value::as_double() const noexcept {
  if (kind_ == ValueKind::Float) return f_;
  if (kind_ == ValueKind::Int) {
    if (!data_) return static_cast<double>(i_);
    const auto* d = static_cast<const BigIntData*>(data_.get());
    ensure_gmp();
    mpz_t z;
    mpz_init(z);
    mpz_from_magnitude(z, d->magnitude, d->negative);
    double r = mpz_get_d(z);  // truncates; huge values overflow to inf below
    if (mpz_sizeinbase(z, 2) > 1024) r = d->negative ? -HUGE_VAL : HUGE_VAL;
    mpz_clear(z);
    return r;
  }
  return 0.0;
}

std::string_view Value::as_str() const noexcept {
  if (kind_ != ValueKind::Str && kind_ != ValueKind::Bytes) return {};
  return static_cast<const TextData*>(data_.get())->text;
}

const std::vector<Value>& Value::items() const noexcept {
  if (!is_sequence_like()) return empty_items();
  return static_cast<const ItemsData*>(data_.get())->items;
}

const std::vector<std::pair<Value, Value>>& Value::entries() const noexcept {
  if (kind_ != ValueKind::Dict) return empty_entries();
  return static_cast<const EntriesData*>(data_.get())->entries;
}

size_t Value::size() const noexcept {
  if (kind_ == ValueKind::Dict) return entries().size();
  return items().size();
}

const Value& Value::operator[](size_t i) const noexcept {
  const auto& v = items();
  return i < v.size() ? v[i] : none_value();
}

const Value* Value::get(std::string_view key) const noexcept {
  for (const auto& [k, v] : entries())
    if (k.kind() == ValueKind::Str && k.as_str() == key) return &v;
  return nullptr;
}

const std::shared_ptr<void>& Value::host_pointer() const noexcept {
  const HostObjectData* d = host_object_data(*this);
  return d ? d->object : null_pointer();
}

const HostClass* Value::host_class() const noexcept {
  const HostObjectData* d = host_object_data(*this);
  return d ? d->cls.get() : nullptr;
}

std::string Value::guest_type_name() const {
  const GuestRefData* g = guest_ref_data(*this);
  return g ? g->type_name : "";
}

bool Value::guest_alive() const noexcept {
  const GuestRefData* g = guest_ref_data(*this);
  if (!g || !g->table) return false;
  std::lock_guard<std::mutex> lock(g->table->mu);
  return g->table->alive;
}

std::string Value::repr() const {
  std::string out;
  repr_to(*this, out, 0);
  return out;
}

bool Value::operator==(const Value& o) const {
  if (kind_ != o.kind_) return false;
  switch (kind_) {
    case ValueKind::None: return true;
    case ValueKind::Bool: return b_ == o.b_;
    case ValueKind::Int:
      if (!data_ || !o.data_) return !data_ && !o.data_ && i_ == o.i_;
      return int_negative() == o.int_negative() && int_magnitude() == o.int_magnitude();
    case ValueKind::Float: return f_ == o.f_;
    case ValueKind::Str:
    case ValueKind::Bytes: return as_str() == o.as_str();
    case ValueKind::List:
    case ValueKind::Tuple: {
      const auto& a = items();
      const auto& b = o.items();
      if (a.size() != b.size()) return false;
      for (size_t i = 0; i < a.size(); ++i)
        if (!(a[i] == b[i])) return false;
      return true;
    }
    case ValueKind::Set:
    case ValueKind::FrozenSet: {
      const auto& a = items();
      const auto& b = o.items();
      if (a.size() != b.size()) return false;
      return same_multiset(
          a, b, [](const Value& x) -> const Value& { return x; }, [](const Value& x, const Value& y) { return x == y; });
    }
    case ValueKind::Dict: {
      const auto& a = entries();
      const auto& b = o.entries();
      if (a.size() != b.size()) return false;
      using E = std::pair<Value, Value>;
      return same_multiset(
          a, b, [](const E& e) -> const Value& { return e.first; },
          [](const E& x, const E& y) { return x.first == y.first && x.second == y.second; });
    }
    case ValueKind::HostObject: return host_pointer() == o.host_pointer() && host_class() == o.host_class();
    case ValueKind::GuestObject: {
      const GuestRefData* a = guest_ref_data(*this);
      const GuestRefData* b = guest_ref_data(o);
      return a && b && a->table == b->table && a->identity == b->identity;
    }
  }
  return false;
}

// --- Result, limits, version ---------------------------------------------------------------

const char* limit_name(Limit limit) {
  switch (limit) {
    case Limit::None: return "";
    case Limit::Memory: return "memory";
    case Limit::Steps: return "steps";
    case Limit::Time: return "time";
    case Limit::Depth: return "depth";
    case Limit::Output: return "output";
    case Limit::Terminated: return "terminated";
    case Limit::Source: return "source";
  }
  return "";
}

Result Result::success(Value v) {
  Result r;
  r.value = std::move(v);
  return r;
}

Result Result::error(std::string message) {
  Result r;
  r.status = Status::Error;
  r.message = std::move(message);
  return r;
}

Result Result::limit_hit(Limit which) {
  Result r;
  r.status = Status::Limit;
  r.limit = which;
  r.message = capy::limit_message(static_cast<capy::LimitKind>(which));
  return r;
}

const char* version() { return CAPY_VERSION_STRING; }

// --- Call ----------------------------------------------------------------------------------------

const Value& Call::arg(size_t i) const noexcept { return i < args_.size() ? args_[i] : none_value(); }

const Value* Call::kwarg(std::string_view name) const noexcept {
  for (const auto& [k, v] : kwargs_)
    if (k == name) return &v;
  return nullptr;
}

Value Call::raise(std::string type_name, std::string message) {
  raised_ = true;
  raised_type_ = std::move(type_name);
  raised_message_ = std::move(message);
  return Value();
}

bool Call::expect_args(size_t min, size_t max) {
  size_t n = args_.size();
  if (n >= min && n <= max && kwargs_.empty()) return true;
  std::string msg;
  if (!kwargs_.empty()) {
    msg = name_ + "() takes no keyword arguments";
  } else if (min == max) {
    msg = name_ + "() takes " + std::to_string(min) + " positional argument" + (min == 1 ? "" : "s") + " but " +
          std::to_string(n) + (n == 1 ? " was" : " were") + " given";
  } else if (n < min) {
    msg = name_ + "() takes at least " + std::to_string(min) + " positional argument" + (min == 1 ? "" : "s") +
          " (" + std::to_string(n) + " given)";
  } else {
    msg = name_ + "() takes at most " + std::to_string(max) + " positional argument" + (max == 1 ? "" : "s") +
          " (" + std::to_string(n) + " given)";
  }
  raise("TypeError", std::move(msg));
  return false;
}

}  // namespace capy::api
