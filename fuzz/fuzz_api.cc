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
      switch (p.ConsumeIntegralInRange(0, 13)) {
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
        default:
          check_result(iso->grant_module(utf8(8)));
          break;
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
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  FuzzedDataProvider provider(data, size);
  Fuzz fuzz(provider);
  fuzz.run();
  return 0;
}
