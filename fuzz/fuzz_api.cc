// Fuzz target: random values through the embedding API (include/capy).
//
// The input is not source text but a script of API operations, decoded with
// libFuzzer's FuzzedDataProvider: build host Values of every kind (ints of
// any size, floats including NaN and infinities, str with invalid UTF-8,
// bytes, nested lists, tuples, dicts, sets, host objects, guest objects of
// this isolate, of another isolate and of a destroyed one), bind them as
// globals, run small guest programs over them, call guest functions and
// guest objects with them, let the guest call host functions that return
// random values, raise, throw or call back into the isolate, and convert
// the results back. Every operation must end in a Result (Ok, Exception,
// Limit or Error) — never a crash, a sanitizer report, a leak or an escaping
// C++ exception — and these properties must hold:
//   * a value that converts into a guest and back unchanged converts the
//     same way again (the conversion is idempotent), and a value with no
//     dict, set or NaN comes back equal to itself;
//   * a str with invalid UTF-8 is refused, never accepted;
//   * a guest object of another isolate, or of a destroyed one, is refused;
//   * after terminate(), the next run ends with Limit::Terminated.
// One operation does the same through the C API (include/capy/capy.h):
// values built with the C constructors (NULL items, negative lengths, bad
// bases), their accessors, runs, globals and a C host function.
#include <fuzzer/FuzzedDataProvider.h>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "capy/capy.h"
#include "capy/capy.hpp"

namespace {

using capy::api::Call;
using capy::api::HostClass;
using capy::api::HostError;
using capy::api::HostModule;
using capy::api::Isolate;
using capy::api::IsolateOptions;
using capy::api::Kwargs;
using capy::api::Limit;
using capy::api::Result;
using capy::api::Runtime;
using capy::api::Status;
using capy::api::Value;
using capy::api::ValueKind;

[[noreturn]] void fail(const char* what, const std::string& detail = "") {
  fprintf(stderr, "fuzz_api: property broken: %s %s\n", what, detail.c_str());
  abort();
}

Runtime& runtime() {
  static Runtime* rt = new Runtime();
  return *rt;
}

// The state of a host object of class Box: one value the guest can read and replace.
struct Box {
  Value held;
};

// Guest programs run over the globals x and y (and the host function h,
// the host class Box, the guest function f and the host module hostmod).
const char* const kPrograms[] = {
    "x",
    "repr(x)",
    "str(x)",
    "hash(x)",
    "x == y",
    "x < y",
    "sorted(x)",
    "len(x)",
    "list(x)",
    "[x, y, x]",
    "{x: y}",
    "{x, y}",
    "(x, (y, x))",
    "import json\njson.dumps(x)",
    "import json\njson.loads(x)",
    "import copy\ncopy.deepcopy(x)",
    "x.get()",
    "x.put(y)\nx.get()",
    "x.fail()",
    "h(x, y)",
    "h(*x)",
    "h(**x)",
    "h(x, key=y)",
    "f(x)",
    "f(x, y, z=x)",
    "lambda *a, **k: (a, k)",
    "class K:\n  def __eq__(s, o): return True\n  def __hash__(s): return 0\nK()",
    "x(y)",
    "x(*y)",
    "type(x).__name__",
    "x + y",
    "x * 3",
    "-x",
    "x[y]",
    "x[0]",
    "isinstance(x, type(y))",
    "dir(x)",
    "x.__class__",
    "getattr(x, y)",
    "setattr(x, 'attr', y)",
    "[x] * 10",
    "{**x}",
    "[h(a) for a in x]",
    "try:\n  h(x)\nexcept BaseException as e:\n  r = (type(e).__name__, str(e))\nr",
    "import hostmod\nhostmod.fn(x)",
    "import hostmod\nhostmod.value",
    "x.put(x)\nx",
    "g = [x]\ng.append(g)\ng",
    "d = {}\nd['self'] = d\nd",
    "del x",
    "int(x)",
    "float(x)",
    "bytes(x)",
    "str(x).encode()",
    "f",
    "h",
    "Box",
    "x is y",
    "id(x) == id(y)",
    "frozenset([x])",
    "print(x, y)",
    "globals()['x']",
    "raise ValueError(x)",
    "def w():\n  yield x\nw()",
    "async def c():\n  return x\nc()",
};

const char* const kErrorNames[] = {"ValueError", "KeyError", "TypeError", "RuntimeError", "SystemExit",
                                   "KeyboardInterrupt", "GeneratorExit", "StopIteration", "MemoryError",
                                   "RecursionError", "BaseException", "NoSuchError", "", "OSError"};

// --- the C API ---------------------------------------------------------------

capy_runtime* c_runtime() {
  static capy_runtime* rt = capy_runtime_new();
  return rt;
}

// Counts the host objects the C side made and freed: every one must be
// freed by the end of the input (when its isolate and values are gone).
int g_c_objects_alive = 0;

void c_free_object(void* o) {
  --g_c_objects_alive;
  delete static_cast<int*>(o);
}

struct CApi {
  FuzzedDataProvider& p;
  capy_isolate* iso = nullptr;
  capy_host_class* cls = nullptr;
  std::vector<capy_value*> owned;

  explicit CApi(FuzzedDataProvider& provider) : p(provider) {}
  CApi(const CApi&) = delete;
  CApi& operator=(const CApi&) = delete;

  ~CApi() {
    for (capy_value* v : owned) capy_value_free(v);
    capy_isolate_free(iso);
    capy_host_class_free(cls);
  }

  capy_value* own(capy_value* v) {
    if (v) owned.push_back(v);
    return v;
  }

  capy_value* make(int depth = 0) {
    int kind = p.ConsumeIntegralInRange(0, depth >= 3 ? 8 : 13);
    switch (kind) {
      case 0: return own(capy_none());
      case 1: return own(capy_bool(p.ConsumeIntegral<int>()));
      case 2: return own(capy_int(p.ConsumeIntegral<int64_t>()));
      case 3: return own(capy_float(p.ConsumeFloatingPoint<double>()));
      case 4: {
        std::string t = p.ConsumeRandomLengthString(40);
        return own(capy_int_from_string(t.c_str(), p.ConsumeIntegralInRange(-2, 40)));
      }
      case 5: {
        std::string t = p.ConsumeRandomLengthString(24);
        return own(p.ConsumeBool() ? capy_str(t.c_str(), -1) : capy_str(t.data(), static_cast<ptrdiff_t>(t.size())));
      }
      case 6: {
        std::string t = p.ConsumeRandomLengthString(24);
        return own(capy_bytes(t.data(), t.size()));
      }
      case 7: return own(capy_int_from_string(nullptr, 10));
      case 8: {
        if (!cls) return own(capy_none());
        g_c_objects_alive++;
        return own(capy_host_object(cls, new int(p.ConsumeIntegral<int>())));
      }
      default: break;
    }
    size_t n = p.ConsumeIntegralInRange<size_t>(0, 4);
    std::vector<const capy_value*> items, values;
    for (size_t i = 0; i < n; ++i) {
      items.push_back(p.ConsumeIntegralInRange(0, 9) == 0 ? nullptr : make(depth + 1));
      values.push_back(make(depth + 1));
    }
    const capy_value* const* arr = p.ConsumeIntegralInRange(0, 15) == 0 ? nullptr : items.data();
    switch (kind) {
      case 9: return own(capy_list(arr, n));
      case 10: return own(capy_tuple(arr, n));
      case 11: return own(capy_set(arr, n));
      case 12: return own(capy_frozenset(arr, n));
      default: return own(capy_dict(arr, values.data(), n));
    }
  }

  void inspect(const capy_value* v) {
    if (char* r = capy_value_repr(v)) capy_free(r);
    (void)capy_value_kind(v);
    (void)capy_value_bool(v);
    int64_t i;
    (void)capy_value_to_int64(v, &i);
    if (char* d = capy_value_int_string(v)) capy_free(d);
    (void)capy_value_float(v);
    size_t len;
    (void)capy_value_str(v, p.ConsumeBool() ? &len : nullptr);
    size_t n = capy_value_len(v);
    size_t k = p.ConsumeIntegralInRange<size_t>(0, n + 1);
    (void)capy_value_item(v, k);
    (void)capy_value_dict_key(v, k);
    (void)capy_value_dict_value(v, k);
    (void)capy_value_dict_get(v, p.ConsumeRandomLengthString(6).c_str());
    capy_value* c = capy_value_copy(v);
    if (c && v && capy_value_kind(v) != CAPY_KIND_FLOAT && !capy_value_equal(v, c) && !has_nan(v))
      fail("C API: a copy differs from its original");
    capy_value_free(c);
  }

  static bool has_nan(const capy_value* v) {
    if (capy_value_kind(v) == CAPY_KIND_FLOAT) return std::isnan(capy_value_float(v));
    for (size_t i = 0; i < capy_value_len(v); ++i) {
      if (const capy_value* x = capy_value_item(v, i); x && has_nan(x)) return true;
      if (const capy_value* x = capy_value_dict_key(v, i); x && has_nan(x)) return true;
      if (const capy_value* x = capy_value_dict_value(v, i); x && has_nan(x)) return true;
    }
    return false;
  }

  void check(capy_result* r) {
    if (!r) fail("C API: a NULL result");
    switch (capy_result_status(r)) {
      case CAPY_OK: inspect(capy_result_value(r)); break;
      case CAPY_EXCEPTION:
        if (!*capy_result_type_name(r) || !*capy_result_traceback(r)) fail("C API: an exception without a report");
        break;
      case CAPY_LIMIT:
        if (capy_result_limit(r) == CAPY_LIMIT_NONE) fail("C API: a limit result without a limit");
        (void)capy_limit_name(capy_result_limit(r));
        break;
      default:
        (void)capy_result_message(r);
        break;
    }
    capy_result_free(r);
  }

  static capy_value* host_fn(capy_call* call, void* user_data) {
    auto* self = static_cast<CApi*>(user_data);
    FuzzedDataProvider& p = self->p;
    for (size_t i = 0; i <= capy_call_nargs(call); ++i) (void)capy_call_arg(call, i);
    for (size_t i = 0; i <= capy_call_nkwargs(call); ++i) {
      (void)capy_call_kwarg_name(call, i);
      (void)capy_call_kwarg_value(call, i);
    }
    (void)capy_call_self(call);
    switch (p.ConsumeIntegralInRange(0, 4)) {
      case 0: return nullptr;  // NULL without raising: RuntimeError
      case 1: return capy_raise(call, p.ConsumeRandomLengthString(12).c_str(), p.ConsumeRandomLengthString(12).c_str());
      case 2: return capy_value_copy(capy_call_arg(call, 0));
      case 3: {
        capy_value* v = self->make();
        return v ? capy_value_copy(v) : nullptr;
      }
      default: return capy_none();
    }
  }

  void run() {
    capy_limits limits;
    capy_limits_default(&limits);
    limits.max_heap_bytes = size_t{16} << 20;
    limits.max_steps = 50000;
    limits.max_time_seconds = 2;
    limits.max_call_depth = 100;
    limits.max_output_bytes = 16 << 10;
    iso = capy_isolate_new(c_runtime(), p.ConsumeBool() ? &limits : nullptr);
    if (!iso) fail("C API: capy_isolate_new failed", capy_last_error());
    capy_isolate_set_output(iso, [](void*, int, const char*, size_t) {}, nullptr);
    capy_isolate_set_clock(iso, 0);
    capy_isolate_set_entropy(iso, 0);
    cls = capy_host_class_new("CBox", c_free_object);
    capy_host_class_add_method(cls, "m", host_fn, this, nullptr);
    capy_define_function(iso, "cf", host_fn, this, nullptr);
    capy_module* m = capy_module_new("cmod");
    capy_module_add_function(m, "fn", host_fn, this, nullptr);
    capy_module_add_value(m, "v", make());
    capy_define_module(iso, m);
    capy_module_free(m);
    if (p.ConsumeBool()) {
      capy_isolate_terminate(iso);
      capy_result* r = capy_run(iso, "1", -1, nullptr);
      if (!r || capy_result_status(r) != CAPY_LIMIT || capy_result_limit(r) != CAPY_LIMIT_TERMINATED)
        fail("C API: a run after capy_isolate_terminate was not ended");
      capy_result_free(r);
    }
    for (int op = 0; op < 12 && p.remaining_bytes(); ++op) {
      switch (p.ConsumeIntegralInRange(0, 5)) {
        case 0: inspect(make()); break;
        case 1: {
          std::string name = p.ConsumeBool() ? "x" : p.ConsumeRandomLengthString(4);
          (void)capy_set_global(iso, name.c_str(), make());
          check(capy_get_global(iso, name.c_str()));
          break;
        }
        case 2: {
          const char* prog = kPrograms[p.ConsumeIntegralInRange<size_t>(0, std::size(kPrograms) - 1)];
          (void)capy_isolate_heap_bytes(iso);
          check(capy_run(iso, prog, p.ConsumeBool() ? -1 : static_cast<ptrdiff_t>(std::strlen(prog)), "<c>"));
          break;
        }
        case 3: {
          std::vector<const capy_value*> args;
          for (size_t n = p.ConsumeIntegralInRange<size_t>(0, 3); n > 0; --n) args.push_back(make());
          check(capy_invoke(iso, p.ConsumeBool() ? "cf" : "x", args.data(), args.size()));
          break;
        }
        case 4: {
          capy_result* g = capy_get_global(iso, "x");
          if (g && capy_result_status(g) == CAPY_OK) {
            const capy_value* a[] = {make()};
            check(capy_invoke_value(iso, capy_result_value(g), a, 1));
          }
          capy_result_free(g);
          break;
        }
        default: capy_isolate_collect(iso); break;
      }
    }
  }
};

struct Fuzz {
  FuzzedDataProvider& p;
  std::shared_ptr<const HostClass> box_class;
  std::vector<Value> pool;  // values seen so far, including guest objects
  // Every Box made for this input. A box may come to hold a value that
  // refers to itself (x.put(x)); such a cycle of host references is the
  // host's to break, which run() does at the end.
  std::vector<std::shared_ptr<Box>> boxes;
  int host_calls = 0;

  Value new_box(Value held = Value()) {
    auto box = std::make_shared<Box>();
    box->held = std::move(held);
    boxes.push_back(box);
    return Value::host_object(box, box_class);
  }

  explicit Fuzz(FuzzedDataProvider& provider) : p(provider) {}

  std::string text(size_t max) { return p.ConsumeRandomLengthString(max); }

  std::string utf8(size_t max) {
    // Mostly valid UTF-8 (ASCII, a few multi-byte characters, a lone
    // surrogate's WTF-8 form now and then); sometimes the raw bytes.
    if (p.ConsumeIntegralInRange(0, 7) == 0) return text(max);
    std::string s;
    size_t n = p.ConsumeIntegralInRange<size_t>(0, max);
    static const char* const kPieces[] = {"a", "Z", "0", " ", "\n", "'", "\"", "\\", "\xc3\xa9", "\xe2\x82\xac",
                                          "\xf0\x9f\x98\x80", "\xed\xa0\x80", "x", "__", "\x7f", "\t"};
    for (size_t i = 0; i < n && p.remaining_bytes(); ++i) s += kPieces[p.ConsumeIntegralInRange<size_t>(0, 15)];
    return s;
  }

  Value scalar() {
    switch (p.ConsumeIntegralInRange(0, 11)) {
      case 0: return Value();
      case 1: return Value(p.ConsumeBool());
      case 2: return Value(p.ConsumeIntegral<int64_t>());
      case 3: return Value::from_uint64(p.ConsumeIntegral<uint64_t>());
      case 4: {
        std::string digits = text(80);
        int base = p.ConsumeIntegralInRange(-1, 37);
        std::optional<Value> v = Value::parse_int(digits, base);
        return v ? *v : Value(static_cast<int64_t>(base));
      }
      case 5: return Value::int_from_bytes(text(64), p.ConsumeBool());
      case 6: return Value(p.ConsumeFloatingPoint<double>());
      case 7: {
        uint64_t bits = p.ConsumeIntegral<uint64_t>();
        double d;
        std::memcpy(&d, &bits, sizeof d);  // NaNs with payloads, infinities, subnormals
        return Value(d);
      }
      case 8: return Value(utf8(24));
      case 9: return Value::bytes(text(24));
      case 10: return new_box();
      default:
        if (!pool.empty()) return pool[p.ConsumeIntegralInRange<size_t>(0, pool.size() - 1)];
        return Value(utf8(8));
    }
  }

  Value value(int depth = 0) {
    int kind = p.ConsumeIntegralInRange(0, depth >= 4 ? 0 : 6);
    if (kind == 0) return scalar();
    size_t n = p.ConsumeIntegralInRange<size_t>(0, 5);
    if (kind == 5) {
      std::vector<std::pair<Value, Value>> es;
      for (size_t i = 0; i < n && p.remaining_bytes(); ++i) {
        Value k = value(depth + 1);
        es.emplace_back(std::move(k), value(depth + 1));
      }
      return Value::dict(std::move(es));
    }
    std::vector<Value> xs;
    for (size_t i = 0; i < n && p.remaining_bytes(); ++i) xs.push_back(value(depth + 1));
    switch (kind) {
      case 1: return Value::list(std::move(xs));
      case 2: return Value::tuple(std::move(xs));
      case 3: return Value::set(std::move(xs));
      case 4: return Value::frozenset(std::move(xs));
      default: {
        // A box holding a container.
        return new_box(Value::list(std::move(xs)));
      }
    }
  }

  // Exercises the host-side accessors of v (no isolate involved).
  void inspect(const Value& v) {
    std::string r = v.repr();
    if (r.empty()) fail("empty repr");
    Value copy = v;
    if (!has_nan(v) && !(copy == v)) fail("a copy differs from its original", r);
    (void)capy::api::kind_name(v.kind());
    (void)v.size();
    (void)v[p.ConsumeIntegralInRange<size_t>(0, 6)];
    (void)v.get(utf8(4));
    (void)v.as_double();
    (void)v.as_str();
    (void)v.to_int64();
    if (v.is_int()) {
      int base = p.ConsumeIntegralInRange(2, 36);
      std::string s = v.int_string(base);
      std::optional<Value> back = Value::parse_int(s, base);
      if (!back || !(*back == v)) fail("int_string/parse_int round trip", s);
      Value again = Value::int_from_bytes(v.int_magnitude(), v.int_negative());
      if (!(again == v)) fail("int_magnitude/int_from_bytes round trip", s);
    }
    if (v.kind() == ValueKind::GuestObject) {
      (void)v.guest_type_name();
      (void)v.guest_alive();
    }
    for (const Value& x : v.items()) inspect(x);
    for (const auto& [k, x] : v.entries()) {
      inspect(k);
      inspect(x);
    }
  }

  static bool has_nan(const Value& v) {
    if (v.is_float()) return std::isnan(v.as_double());
    for (const Value& x : v.items())
      if (has_nan(x)) return true;
    for (const auto& [k, x] : v.entries())
      if (has_nan(k) || has_nan(x)) return true;
    return false;
  }

  // No dict or set (whose keys the guest may merge, 1 and True), no NaN,
  // no host object (whose held value may change), only valid str: such a
  // value must come back from a guest equal to itself.
  static bool plain(const Value& v) {
    switch (v.kind()) {
      case ValueKind::Float: return !std::isnan(v.as_double());
      case ValueKind::Str: return valid_utf8(v.as_str());
      case ValueKind::Dict:
      case ValueKind::Set:
      case ValueKind::FrozenSet:
      case ValueKind::HostObject:
      case ValueKind::GuestObject: return false;
      case ValueKind::List:
      case ValueKind::Tuple:
        for (const Value& x : v.items())
          if (!plain(x)) return false;
        return true;
      default: return true;
    }
  }

  static bool has_invalid_str(const Value& v) {
    if (v.is_str()) return !valid_utf8(v.as_str());
    for (const Value& x : v.items())
      if (has_invalid_str(x)) return true;
    for (const auto& [k, x] : v.entries())
      if (has_invalid_str(k) || has_invalid_str(x)) return true;
    if (v.kind() == ValueKind::HostObject) return false;
    return false;
  }

  // Strict UTF-8 as capy's str accepts it from a host: well-formed
  // sequences; the encoded surrogates (ED A0..BF xx) are accepted only if
  // the API says so, so they are not counted as invalid here.
  static bool valid_utf8(std::string_view s) {
    size_t i = 0;
    while (i < s.size()) {
      unsigned char c = static_cast<unsigned char>(s[i]);
      size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
      if (n == 0 || i + n > s.size()) return false;
      for (size_t k = 1; k < n; ++k)
        if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
      uint32_t cp = n == 1 ? c : c & (0x7F >> n);
      for (size_t k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
      if ((n == 2 && cp < 0x80) || (n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
        return false;
      i += n;
    }
    return true;
  }

  void keep(const Result& r) {
    check_result(r);
    if (r.ok() && pool.size() < 16) pool.push_back(r.value);
  }

  static void check_result(const Result& r) {
    switch (r.status) {
      case Status::Ok: break;
      case Status::Exception:
        if (r.type_name.empty()) fail("an exception result without a type name");
        if (r.traceback.empty()) fail("an exception result without a traceback");
        break;
      case Status::Limit:
        if (r.limit == Limit::None) fail("a limit result without a limit");
        break;
      case Status::Error:
        if (r.message.empty()) fail("an error result without a message");
        break;
      default: fail("a result with an unknown status");
    }
  }

  // The host function h: what it does is read from the input.
  Value host_function(Call& call) {
    if (++host_calls > 200) return Value();
    switch (p.ConsumeIntegralInRange(0, 10)) {
      case 0: return value();
      case 1: return call.arg(0);
      case 2: throw HostError(kErrorNames[p.ConsumeIntegralInRange<size_t>(0, 13)], utf8(16));
      case 3: throw std::runtime_error(text(16));
      case 4: return call.raise(kErrorNames[p.ConsumeIntegralInRange<size_t>(0, 13)], utf8(16));
      case 5: {
        size_t lo = p.ConsumeIntegralInRange<size_t>(0, 3);
        if (!call.expect_args(lo, lo + p.ConsumeIntegralInRange<size_t>(0, 2))) return Value();
        return Value(static_cast<int64_t>(call.nargs()));
      }
      case 6: {
        Result r = call.isolate().call_value(call.arg(0), {call.arg(1)});
        check_result(r);
        return r.ok() ? r.value : Value(r.message);
      }
      case 7: {
        Result r = call.isolate().run(kPrograms[p.ConsumeIntegralInRange<size_t>(0, std::size(kPrograms) - 1)]);
        check_result(r);
        return r.ok() ? r.value : Value(r.message);
      }
      case 8: {
        Result r = call.isolate().set_global("y", value());
        check_result(r);
        return Value(r.ok());
      }
      case 9: {
        const Value* k = call.kwarg("key");
        return k ? *k : Value::tuple({Value(static_cast<int64_t>(call.nargs())),
                                      Value(static_cast<int64_t>(call.kwargs().size()))});
      }
      default: return new_box(call.arg(p.ConsumeIntegralInRange<size_t>(0, 2)));
    }
  }

  std::shared_ptr<const HostClass> make_box_class() {
    auto cls = std::make_shared<HostClass>("Box");
    cls->method("get", [](Call& c) { return c.self<Box>()->held; });
    cls->method("put", [](Call& c) {
      c.self<Box>()->held = c.arg(0);
      return Value();
    });
    cls->method("fail", [this](Call& c) -> Value {
      throw HostError(kErrorNames[p.ConsumeIntegralInRange<size_t>(0, 13)], "box failed");
    });
    return cls;
  }

  // Round trip through a guest global: see the properties at the top.
  void round_trip(Isolate& iso, const Value& v) {
    Result set1 = iso.set_global("rt", v);
    check_result(set1);
    if (set1.ok() && has_invalid_str(v)) fail("a str with invalid UTF-8 entered a guest", v.repr());
    if (!set1.ok()) return;
    Result r1 = iso.get_global("rt");
    check_result(r1);
    if (!r1.ok()) return;
    if (plain(v) && !(r1.value == v)) fail("a plain value changed in a round trip", v.repr() + " -> " + r1.value.repr());
    Result set2 = iso.set_global("rt", r1.value);
    check_result(set2);
    if (!set2.ok()) return;
    Result r2 = iso.get_global("rt");
    check_result(r2);
    if (r2.ok() && !has_nan(r1.value) && !(r2.value == r1.value))
      fail("a second round trip changed the value", r1.value.repr() + " -> " + r2.value.repr());
  }

  void run() {
    box_class = make_box_class();
    IsolateOptions options;
    options.limits.max_heap_bytes = size_t{16} << 20;
    options.limits.max_steps = 50000;
    options.limits.max_time_seconds = 2;
    options.limits.max_call_depth = 100;
    options.limits.max_output_bytes = 16 << 10;
    options.limits.max_source_bytes = 64 << 10;
    options.output = [](capy::api::Stream, std::string_view) {};
    options.clock = false;
    options.entropy = false;
    auto iso = std::make_unique<Isolate>(runtime(), options);
    if (!iso->startup_error().empty()) fail("startup error", iso->startup_error());
    check_result(iso->define_function("h", [this](Call& c) { return host_function(c); }));
    HostModule mod("hostmod");
    mod.function("fn", [this](Call& c) { return host_function(c); });
    mod.value("value", value());
    check_result(iso->define_module(std::move(mod)));
    check_result(iso->set_global("Box", new_box()));
    check_result(iso->run("def f(*a, **k):\n  return (a, k)\n", {"<prelude>"}));
    std::unique_ptr<Isolate> other;

    for (int op = 0; op < 24 && p.remaining_bytes(); ++op) {
      switch (p.ConsumeIntegralInRange(0, 14)) {
        case 0:
          check_result(iso->set_global(p.ConsumeBool() ? "x" : "y", value()));
          break;
        case 1:
          keep(iso->run(kPrograms[p.ConsumeIntegralInRange<size_t>(0, std::size(kPrograms) - 1)]));
          break;
        case 2:
          keep(iso->run(utf8(64), {utf8(8)}));
          break;
        case 3: {
          std::vector<Value> args;
          for (size_t n = p.ConsumeIntegralInRange<size_t>(0, 3); n > 0; --n) args.push_back(value());
          Kwargs kw;
          if (p.ConsumeBool()) kw.emplace_back(utf8(6), value());
          keep(iso->call(p.ConsumeBool() ? "f" : utf8(4), std::move(args), std::move(kw)));
          break;
        }
        case 4: {
          Value callee = value();
          std::vector<Value> args;
          for (size_t n = p.ConsumeIntegralInRange<size_t>(0, 3); n > 0; --n) args.push_back(value());
          keep(iso->call_value(callee, std::move(args)));
          break;
        }
        case 5:
          keep(iso->repr(value()));
          break;
        case 6:
          keep(iso->get_global(p.ConsumeBool() ? "x" : utf8(4)));
          break;
        case 7:
          inspect(value());
          break;
        case 8:
          round_trip(*iso, value());
          break;
        case 9:
          iso->collect_garbage();
          (void)iso->heap_bytes();
          break;
        case 10: {
          // terminate(): the next run ends with Limit::Terminated, the one after runs.
          iso->terminate();
          Result r = iso->run("x = 1");
          check_result(r);
          if (r.status != Status::Limit || r.limit != Limit::Terminated) fail("a run after terminate() was not ended");
          check_result(iso->run("1"));
          break;
        }
        case 11: {
          // Values of this isolate passed to another one are refused.
          if (!other) other = std::make_unique<Isolate>(runtime(), options);
          for (const Value& v : pool) {
            Result r = other->set_global("z", v);
            check_result(r);
            if (v.kind() == ValueKind::GuestObject && r.ok()) fail("another isolate accepted a guest object");
          }
          break;
        }
        case 12: {
          // Destroy the isolate while values still refer into it, then use them.
          iso = std::make_unique<Isolate>(runtime(), options);
          for (const Value& v : pool) {
            inspect(v);
            if (v.kind() == ValueKind::GuestObject && v.guest_alive()) fail("a guest object outlived its isolate");
            Result r = iso->call_value(v, {});
            check_result(r);
            if (v.kind() == ValueKind::GuestObject && r.ok()) fail("a dead guest object was called");
          }
          check_result(iso->define_function("h", [this](Call& c) { return host_function(c); }));
          break;
        }
        case 13:
          check_result(iso->grant_module(utf8(8)));
          break;
        default: {
          CApi c(p);
          c.run();
          break;
        }
      }
    }
    pool.clear();
    for (auto& box : boxes) box->held = Value();
    boxes.clear();
  }
};

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  (void)runtime();
  (void)c_runtime();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  FuzzedDataProvider provider(data, size);
  {
    Fuzz fuzz(provider);
    fuzz.run();
  }
  if (g_c_objects_alive != 0) fail("C API: host objects were not freed");
  return 0;
}
