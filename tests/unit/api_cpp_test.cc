// The C++ embedding API (include/capy/capy.hpp), through its public headers only.
#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "capy/capy.hpp"

namespace {

capy::Runtime& runtime() {
  static capy::Runtime* rt = new capy::Runtime();
  return *rt;
}

// Output captured from the guest.
struct Captured {
  std::string out, err;
  capy::OutputFn fn() {
    return [this](capy::Stream s, std::string_view b) { (s == capy::Stream::Stderr ? err : out) += b; };
  }
};

capy::Value run_ok(capy::Isolate& iso, const std::string& src) {
  capy::Result r = iso.run(src);
  EXPECT_TRUE(r.ok()) << src << "\n" << r.type_name << ": " << r.message << "\n" << r.traceback;
  return r.value;
}

capy::Value big(const char* text) { return *capy::Value::parse_int(text); }

}  // namespace

namespace capy::api {
// Readable values in gtest's failure messages.
void PrintTo(const Value& v, std::ostream* os) { *os << v.repr(); }
}  // namespace capy::api

namespace {

// --- values ------------------------------------------------------------------------------

TEST(ApiValue, ScalarsAndRepr) {
  EXPECT_EQ(capy::Value().repr(), "None");
  EXPECT_EQ(capy::Value(true).repr(), "True");
  EXPECT_EQ(capy::Value(-42).repr(), "-42");
  EXPECT_EQ(capy::Value(1.5).repr(), "1.5");
  EXPECT_EQ(capy::Value(1e16).repr(), "1e+16");
  EXPECT_EQ(capy::Value("it's").repr(), "\"it's\"");
  EXPECT_EQ(capy::Value::bytes(std::string("a\0'", 3)).repr(), "b\"a\\x00'\"");
  EXPECT_EQ(capy::Value::tuple({1}).repr(), "(1,)");
  EXPECT_EQ(capy::Value::set({}).repr(), "set()");
  EXPECT_EQ(capy::Value::frozenset({1}).repr(), "frozenset({1})");
  EXPECT_EQ(capy::Value::dict({{"a", capy::Value::list({1, 2.5, capy::Value()})}}).repr(), "{'a': [1, 2.5, None]}");
  EXPECT_EQ(capy::Value(uint64_t{18446744073709551615u}).repr(), "18446744073709551615");
}

TEST(ApiValue, BigIntegers) {
  auto v = capy::Value::parse_int("-123456789012345678901234567890");
  ASSERT_TRUE(v);
  EXPECT_EQ(v->kind(), capy::ValueKind::Int);
  EXPECT_FALSE(v->to_int64());
  EXPECT_TRUE(v->int_negative());
  EXPECT_EQ(v->int_string(), "-123456789012345678901234567890");
  EXPECT_EQ(v->int_string(16), "-18ee90ff6c373e0ee4e3f0ad2");
  EXPECT_EQ(capy::Value::int_from_bytes(v->int_magnitude(), true), *v);
  EXPECT_EQ(*capy::Value::parse_int("0x_ff", 0), capy::Value(255));
  EXPECT_EQ(*capy::Value::parse_int(" 1_000 "), capy::Value(1000));
  EXPECT_FALSE(capy::Value::parse_int("1__0"));
  EXPECT_FALSE(capy::Value::parse_int("12a"));
  EXPECT_FALSE(capy::Value::parse_int(""));
  // Values that fit int64 are normalised to the inline form.
  EXPECT_EQ(capy::Value::int_from_bytes(std::string("\x05", 1), false).to_int64(), 5);
}

TEST(ApiValue, Equality) {
  EXPECT_EQ(capy::Value::set({1, 2, 3}), capy::Value::set({3, 1, 2}));
  EXPECT_NE(capy::Value::set({1, 2}), capy::Value::frozenset({1, 2}));
  EXPECT_EQ(capy::Value::dict({{"a", 1}, {"b", 2}}), capy::Value::dict({{"b", 2}, {"a", 1}}));
  EXPECT_NE(capy::Value::dict({{"a", 1}}), capy::Value::dict({{"a", 2}}));
  EXPECT_NE(capy::Value::list({1, 2}), capy::Value::list({2, 1}));
  EXPECT_NE(capy::Value(1), capy::Value(1.0));
  EXPECT_NE(capy::Value(1), capy::Value(true));
  const capy::Value d = capy::Value::dict({{"k", "v"}});
  ASSERT_NE(d.get("k"), nullptr);
  EXPECT_EQ(*d.get("k"), capy::Value("v"));
  EXPECT_EQ(d.get("missing"), nullptr);
}

// --- conversions through an isolate ------------------------------------------------------

TEST(ApiConvert, HostToGuestToHost) {
  capy::Isolate iso(runtime());
  capy::Value nested = capy::Value::dict({
      {"none", capy::Value()},
      {"flags", capy::Value::list({true, false})},
      {"big", big("-340282366920938463463374607431768211456")},
      {"small", -7},
      {"pi", 3.25},
      {"text", "h\xc3\xa9llo \xe2\x9c\x93"},
      {"raw", capy::Value::bytes(std::string("\x00\xff", 2))},
      {"tuple", capy::Value::tuple({1, capy::Value::tuple({2})})},
      {"set", capy::Value::set({1, 2})},
      {"frozen", capy::Value::frozenset({"a"})},
      {capy::Value(5), "int key"},
      {capy::Value::tuple({1, 2}), "tuple key"},
  });
  ASSERT_TRUE(iso.set_global("x", nested).ok());
  EXPECT_EQ(run_ok(iso, "x"), nested);
  EXPECT_EQ(run_ok(iso, "[type(v).__name__ for v in x.values()]"),
            capy::Value::list({"NoneType", "list", "int", "int", "float", "str", "bytes", "tuple", "set",
                               "frozenset", "str", "str"}));
  EXPECT_EQ(run_ok(iso, "x['big'] == -2**128 and len(x['text']) == 7 and x[(1, 2)]"), capy::Value("tuple key"));
}

TEST(ApiConvert, GuestToHost) {
  capy::Isolate iso(runtime());
  capy::Value v = run_ok(iso, "[None, True, 2**100, -3, 0.5, 'é', b'\\x00', (1,), {'a': {1}}, frozenset(), bytearray(b'xy')]");
  EXPECT_EQ(v, capy::Value::list({capy::Value(), true, big("1267650600228229401496703205376"), -3, 0.5, "\xc3\xa9",
                                  capy::Value::bytes(std::string("\0", 1)), capy::Value::tuple({1}),
                                  capy::Value::dict({{"a", capy::Value::set({1})}}), capy::Value::frozenset({}),
                                  capy::Value::bytes("xy")}));
  // Subclasses of builtin types convert as their base type.
  v = run_ok(iso,
             "import collections\n"
             "class I(int): pass\n"
             "P = collections.namedtuple('P', 'x y')\n"
             "[I(5), P(1, 2), collections.OrderedDict(a=1), True]");
  EXPECT_EQ(v, capy::Value::list({5, capy::Value::tuple({1, 2}), capy::Value::dict({{"a", 1}}), true}));
}

TEST(ApiConvert, CyclesAndDepthAreCleanErrors) {
  capy::Isolate iso(runtime());
  capy::Result r = iso.run("a = [1]\na.append(a)\na");
  EXPECT_EQ(r.status, capy::Status::Exception);
  EXPECT_EQ(r.type_name, "TypeError");
  EXPECT_NE(r.message.find("contains itself"), std::string::npos) << r.message;
  r = iso.run("d = {}\nd['self'] = [d]\nd");
  EXPECT_EQ(r.type_name, "TypeError");
  r = iso.run("x = []\nfor i in range(5000): x = [x]\nx");
  EXPECT_EQ(r.type_name, "TypeError");
  EXPECT_NE(r.message.find("deeply nested"), std::string::npos) << r.message;
  // Shared (not cyclic) structure converts.
  EXPECT_EQ(run_ok(iso, "s = [1]\n[s, s]"), capy::Value::list({capy::Value::list({1}), capy::Value::list({1})}));
  // A deep host value is refused on the way in, too.
  capy::Value deep = capy::Value::list({});
  for (int i = 0; i < 5000; ++i) deep = capy::Value::list({deep});
  r = iso.set_global("deep", deep);
  EXPECT_EQ(r.status, capy::Status::Exception);
  EXPECT_EQ(r.type_name, "TypeError");
  // An unhashable key and bad UTF-8 are guest errors, not crashes.
  r = iso.set_global("bad", capy::Value::dict({{capy::Value::list({}), 1}}));
  EXPECT_EQ(r.type_name, "TypeError");
  r = iso.set_global("bad", capy::Value(std::string("\xff")));
  EXPECT_EQ(r.type_name, "ValueError");
  r = iso.set_global("bad", capy::Value(std::string("\xc0\x80")));  // overlong NUL
  EXPECT_EQ(r.type_name, "ValueError");
  // Every str the guest hands out comes back in, lone surrogates included.
  capy::Value odd = run_ok(iso, "'\\ud800x\\udfff'");
  ASSERT_TRUE(iso.set_global("odd", odd).ok());
  EXPECT_EQ(run_ok(iso, "odd == '\\ud800x\\udfff' and len(odd)"), capy::Value(3));
  // The isolate is still fine.
  EXPECT_EQ(run_ok(iso, "len(a)"), capy::Value(2));
}

TEST(ApiConvert, GuestObjectsStayInTheirIsolate) {
  capy::Isolate iso(runtime());
  capy::Value f = run_ok(iso, "def scale(a, b=1): return a * b\nscale");
  ASSERT_EQ(f.kind(), capy::ValueKind::GuestObject);
  EXPECT_EQ(f.guest_type_name(), "function");
  EXPECT_TRUE(f.guest_alive());
  capy::Result r = iso.call_value(f, {3}, {{"b", 4}});
  ASSERT_TRUE(r.ok()) << r.message;
  EXPECT_EQ(r.value, capy::Value(12));
  r = iso.repr(f);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.value.as_str().substr(0, 20), "<function scale at 0");
  // Passed back in, it is the same object.
  ASSERT_TRUE(iso.set_global("g", f).ok());
  EXPECT_EQ(run_ok(iso, "g is scale"), capy::Value(true));
  EXPECT_EQ(run_ok(iso, "scale"), f);
  // Another isolate refuses it.
  capy::Isolate other(runtime());
  r = other.call_value(f);
  EXPECT_EQ(r.status, capy::Status::Exception);
  EXPECT_EQ(r.type_name, "TypeError");
  r = other.set_global("f", capy::Value::list({f}));
  EXPECT_EQ(r.type_name, "TypeError");
  // The reference keeps the object alive across collections.
  run_ok(iso, "del scale, g");
  iso.collect_garbage();
  r = iso.call_value(f, {5});
  EXPECT_EQ(r.value, capy::Value(5));
}

TEST(ApiConvert, GuestObjectOutlivesIsolate) {
  capy::Value f;
  {
    capy::Isolate iso(runtime());
    f = run_ok(iso, "object()");
    EXPECT_TRUE(f.guest_alive());
  }
  EXPECT_FALSE(f.guest_alive());
  EXPECT_EQ(f.guest_type_name(), "object");
  EXPECT_EQ(f.repr(), "<guest object object>");
}

TEST(ApiConvert, ManyGuestReferencesAreRecycled) {
  capy::Isolate iso(runtime());
  for (int i = 0; i < 2000; ++i) {
    capy::Value v = run_ok(iso, "[object() for _ in range(10)]");
    ASSERT_EQ(v.size(), 10u);
  }
  iso.collect_garbage();
  // 20000 references were made; their slots were reused and the objects freed.
  EXPECT_LT(iso.heap_bytes(), size_t{4} << 20);
}

TEST(ApiConvert, DroppedReferencesAreReleasedDuringTheRun) {
  capy::IsolateOptions opts;
  opts.limits.max_heap_bytes = size_t{16} << 20;
  capy::Isolate iso(runtime(), opts);
  int64_t seen = 0;
  iso.define_function("take", [&](capy::Call& c) {
    if (c.arg(0).kind() == capy::ValueKind::GuestObject) ++seen;
    return capy::Value();  // the reference is dropped here
  });
  // 5000 closures holding 10 kB each: 50 MB if the host's dropped references
  // kept them alive until the end of the run.
  capy::Result r = iso.run("for i in range(5000):\n    take(lambda d=bytes(10000): d)\n");
  EXPECT_TRUE(r.ok()) << r.type_name << r.message;
  EXPECT_EQ(seen, 5000);
}

// --- running -----------------------------------------------------------------------------------

TEST(ApiRun, LastExpressionAndPersistentGlobals) {
  capy::Isolate iso(runtime());
  EXPECT_EQ(run_ok(iso, "x = 20"), capy::Value());
  EXPECT_EQ(run_ok(iso, "x += 1\nx * 2"), capy::Value(42));
  EXPECT_EQ(run_ok(iso, "def f(n):\n    return n + x\n"), capy::Value());
  capy::Result r = iso.call("f", {1});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.value, capy::Value(22));
  r = iso.get_global("x");
  EXPECT_EQ(r.value, capy::Value(21));
  r = iso.get_global("nope");
  EXPECT_EQ(r.status, capy::Status::Error);
  r = iso.call("nope");
  EXPECT_EQ(r.status, capy::Status::Error);
  EXPECT_EQ(run_ok(iso, "__name__"), capy::Value("__main__"));
  EXPECT_EQ(run_ok(iso, "'a docstring-looking value'"), capy::Value("a docstring-looking value"));
  EXPECT_EQ(run_ok(iso, "if x:\n    y = 1\n"), capy::Value());
  EXPECT_EQ(run_ok(iso, "y"), capy::Value(1));
  EXPECT_EQ(run_ok(iso, "import json\njson.dumps({'a': [1, 2]})"), capy::Value("{\"a\": [1, 2]}"));
  // Builtins can be called by name too.
  r = iso.call("len", {"four"});
  EXPECT_EQ(r.value, capy::Value(4));
}

TEST(ApiRun, GuestExceptionsWithTraceback) {
  capy::Isolate iso(runtime());
  capy::RunOptions opts;
  opts.filename = "job.py";
  capy::Result r = iso.run("def f(d):\n    return d['missing']\n\nx = 1\nf({})\n", opts);
  ASSERT_EQ(r.status, capy::Status::Exception);
  EXPECT_EQ(r.type_name, "KeyError");
  EXPECT_EQ(r.message, "'missing'");
  // (Whether position carets follow a source line is the traceback
  // formatter's business: compare the lines that are always there.)
  std::string tb;
  for (size_t pos = 0; pos < r.traceback.size();) {
    size_t nl = r.traceback.find('\n', pos);
    std::string line = r.traceback.substr(pos, nl - pos);
    if (line.find_first_not_of(" ~^") != std::string::npos) tb += line + "\n";
    pos = nl == std::string::npos ? r.traceback.size() : nl + 1;
  }
  EXPECT_EQ(tb,
            "Traceback (most recent call last):\n"
            "  File \"job.py\", line 5, in <module>\n"
            "    f({})\n"
            "  File \"job.py\", line 2, in f\n"
            "    return d['missing']\n"
            "KeyError: 'missing'\n");
  // The statements before the failing expression ran.
  EXPECT_EQ(run_ok(iso, "x"), capy::Value(1));

  r = iso.run("class Oops(Exception): pass\nraise Oops('custom')");
  EXPECT_EQ(r.type_name, "Oops");
  EXPECT_EQ(r.message, "custom");
  r = iso.run("import json\njson.loads('{')");
  EXPECT_EQ(r.type_name, "json.decoder.JSONDecodeError");
  r = iso.run("x = (1,\n");
  EXPECT_EQ(r.type_name, "SyntaxError");
  EXPECT_NE(r.traceback.find("SyntaxError"), std::string::npos);
  r = iso.run("1/0");
  EXPECT_EQ(r.type_name, "ZeroDivisionError");
  EXPECT_EQ(r.message, "division by zero");
  r = iso.run("import sys\nsys.exit(3)");
  EXPECT_EQ(r.type_name, "SystemExit");
  EXPECT_EQ(r.message, "3");
  r = iso.run("class Bad(Exception):\n    def __str__(self): raise ValueError\nraise Bad()");
  EXPECT_EQ(r.type_name, "Bad");
  EXPECT_EQ(r.message, "<exception str() failed>");
}

TEST(ApiRun, Output) {
  Captured cap;
  capy::IsolateOptions opts;
  opts.output = cap.fn();
  capy::Isolate iso(runtime(), opts);
  run_ok(iso, "import sys\nprint('hello', 42)\nprint('warn', file=sys.stderr)\nsys.stdout.write('x')");
  EXPECT_EQ(cap.out, "hello 42\nx");
  EXPECT_EQ(cap.err, "warn\n");
  // A traceback is returned, not printed.
  iso.run("raise ValueError('quiet')");
  EXPECT_EQ(cap.err, "warn\n");
}

// --- limits ------------------------------------------------------------------------------------

capy::Result run_limited(const capy::Limits& limits, const std::string& src, Captured* cap = nullptr) {
  capy::IsolateOptions opts;
  opts.limits = limits;
  Captured local;
  opts.output = (cap ? cap : &local)->fn();
  capy::Isolate iso(runtime(), opts);
  capy::Result r = iso.run(src);
  // Whatever happened, the isolate can run again.
  capy::Result again = iso.run("6 * 7");
  EXPECT_TRUE(again.ok()) << again.message;
  EXPECT_EQ(again.value, capy::Value(42));
  return r;
}

TEST(ApiLimits, DefaultsAreFinite) {
  capy::Limits d;
  EXPECT_EQ(d.max_heap_bytes, size_t{64} << 20);
  EXPECT_EQ(d.max_time_seconds, 10.0);
  EXPECT_EQ(d.max_output_bytes, size_t{4} << 20);
  EXPECT_EQ(d.max_source_bytes, size_t{10} << 20);
  EXPECT_EQ(d.max_call_depth, 1000u);
}

TEST(ApiLimits, Steps) {
  capy::Limits l;
  l.max_steps = 10000;
  capy::Result r = run_limited(l, "while True:\n    pass\n");
  EXPECT_EQ(r.status, capy::Status::Limit);
  EXPECT_EQ(r.limit, capy::Limit::Steps);
  EXPECT_STREQ(capy::limit_name(r.limit), "steps");
  // Budgets are per run: a run under the budget passes after one that hit it.
  EXPECT_TRUE(run_limited(l, "sum(range(100))").ok());
}

TEST(ApiLimits, Time) {
  capy::Limits l;
  l.max_time_seconds = 0.2;
  auto start = std::chrono::steady_clock::now();
  capy::Result r = run_limited(l, "while True:\n    pass\n");
  double took = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_EQ(r.limit, capy::Limit::Time);
  EXPECT_EQ(r.message, "time limit exceeded");
  EXPECT_LT(took, 5.0);
  r = run_limited(l, "import time\ntime.sleep(30)");
  EXPECT_EQ(r.limit, capy::Limit::Time);
}

TEST(ApiLimits, PerRunOverrides) {
  capy::IsolateOptions opts;
  opts.limits.max_time_seconds = 0;
  opts.limits.max_steps = 0;
  capy::Isolate iso(runtime(), opts);
  capy::RunOptions quick;
  quick.max_steps = 5000;
  capy::Result r = iso.run("while True: pass", quick);
  EXPECT_EQ(r.limit, capy::Limit::Steps);
  quick = {};
  quick.max_time_seconds = 0.1;
  r = iso.run("while True: pass", quick);
  EXPECT_EQ(r.limit, capy::Limit::Time);
  // The isolate's own limits apply again to the next run.
  EXPECT_EQ(run_ok(iso, "sum(range(100000))"), capy::Value(int64_t{4999950000}));
  EXPECT_EQ(iso.limits().max_steps, 0u);
}

TEST(ApiLimits, MemoryAndOutputAndSource) {
  capy::Limits l;
  l.max_heap_bytes = size_t{16} << 20;
  // One allocation too large: MemoryError, which the guest may handle.
  capy::Result r = run_limited(l, "try:\n    x = 'a' * (10**9)\nexcept MemoryError:\n    ok = 'recovered'\nok");
  ASSERT_TRUE(r.ok()) << r.message;
  EXPECT_EQ(r.value, capy::Value("recovered"));
  r = run_limited(l, "x = []\nwhile True:\n    x.append('y' * 1000)\n");
  EXPECT_TRUE((r.status == capy::Status::Limit && r.limit == capy::Limit::Memory) || r.type_name == "MemoryError")
      << r.message;

  capy::Limits o;
  o.max_output_bytes = 100;
  Captured cap;
  r = run_limited(o, "while True:\n    print('spam')\n", &cap);
  EXPECT_EQ(r.limit, capy::Limit::Output);
  EXPECT_LE(cap.out.size(), 100u);

  capy::Limits s;
  s.max_source_bytes = 10;
  r = run_limited(s, "x = 1 + 2 + 3 + 4");
  EXPECT_EQ(r.limit, capy::Limit::Source);
}

TEST(ApiLimits, DepthIsRecursionError) {
  capy::Limits l;
  l.max_call_depth = 50;
  capy::Result r = run_limited(l, "def f(n): return f(n + 1)\nf(0)");
  EXPECT_EQ(r.type_name, "RecursionError");
}

TEST(ApiLimits, TerminateFromAnotherThread) {
  capy::Isolate iso(runtime());
  std::thread killer([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    iso.terminate();
  });
  capy::Result r = iso.run("while True:\n    pass\n");
  killer.join();
  EXPECT_EQ(r.status, capy::Status::Limit);
  EXPECT_EQ(r.limit, capy::Limit::Terminated);
  // The request was consumed: the isolate runs again.
  EXPECT_EQ(run_ok(iso, "1 + 1"), capy::Value(2));
  // A request made before a run ends that run.
  iso.terminate();
  r = iso.run("while True:\n    pass\n");
  EXPECT_EQ(r.limit, capy::Limit::Terminated);
  EXPECT_EQ(run_ok(iso, "2 + 2"), capy::Value(4));
  // Terminate also cuts a sleep short.
  std::thread killer2([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    iso.terminate();
  });
  auto start = std::chrono::steady_clock::now();
  r = iso.run("import time\ntime.sleep(60)");
  killer2.join();
  EXPECT_EQ(r.limit, capy::Limit::Terminated);
  EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), 5.0);
}

// --- host functions ---------------------------------------------------------------------------------

TEST(ApiHost, FunctionsAsBuiltins) {
  capy::Isolate iso(runtime());
  std::vector<std::string> seen;
  ASSERT_TRUE(iso.define_function("add", [](capy::Call& c) -> capy::Value {
                   if (!c.expect_args(2, 2)) return {};
                   return *c.arg(0).to_int64() + *c.arg(1).to_int64();
                 }).ok());
  ASSERT_TRUE(iso.define_function("record", [&](capy::Call& c) {
                   std::string s = c.arg(0).repr();
                   if (const capy::Value* k = c.kwarg("tag")) s += "/" + k->repr();
                   seen.push_back(s);
                   return capy::Value(static_cast<int64_t>(seen.size()));
                 }).ok());
  EXPECT_EQ(run_ok(iso, "add(2, 3)"), capy::Value(5));
  EXPECT_EQ(run_ok(iso, "record([1, {'a': (2,)}], tag='t')"), capy::Value(1));
  EXPECT_EQ(seen.at(0), "[1, {'a': (2,)}]/'t'");
  // Visible from every module of the isolate, and named.
  EXPECT_EQ(run_ok(iso, "import builtins\nbuiltins.add is add and add.__name__"), capy::Value("add"));
  EXPECT_EQ(run_ok(iso, "repr(add)"), capy::Value("<host function add>"));
  capy::Result r = iso.run("add(1)");
  EXPECT_EQ(r.type_name, "TypeError");
  EXPECT_EQ(r.message, "add() takes 2 positional arguments but 1 was given");
  // The guest cannot reach the C++ callable or anything behind it.
  r = iso.run("add.__self__");
  EXPECT_EQ(r.type_name, "AttributeError");
  r = iso.run("add.__dict__");
  EXPECT_EQ(r.type_name, "AttributeError");
  r = iso.run("type(add)()");
  EXPECT_EQ(r.type_name, "TypeError");
  r = iso.run("class X(type(add)): pass");
  EXPECT_EQ(r.type_name, "TypeError");
  r = iso.run("type(add).__call__ = None");
  EXPECT_EQ(r.type_name, "TypeError");
}

TEST(ApiHost, ErrorsBecomeGuestExceptions) {
  capy::Isolate iso(runtime());
  iso.define_function("lookup", [](capy::Call& c) -> capy::Value {
    throw capy::HostError("KeyError", "no such key: " + std::string(c.arg(0).as_str()));
  });
  iso.define_function("fails", [](capy::Call&) -> capy::Value { throw std::runtime_error("disk on fire"); });
  iso.define_function("refuses", [](capy::Call& c) { return c.raise("PermissionError", "not for you"); });
  iso.define_function("odd", [](capy::Call& c) { return c.raise("NotAnException", "odd"); });
  iso.define_function("exits", [](capy::Call& c) { return c.raise("SystemExit", "bye"); });
  iso.define_function("throws_int", [](capy::Call&) -> capy::Value { throw 42; });
  capy::Value v = run_ok(iso,
                         "out = []\n"
                         "for f in (lambda: lookup('k'), fails, refuses, odd, exits, throws_int):\n"
                         "    try:\n"
                         "        f()\n"
                         "    except Exception as e:\n"
                         "        out.append((type(e).__name__, str(e)))\n"
                         "out");
  EXPECT_EQ(v, capy::Value::list({
                   capy::Value::tuple({"KeyError", "'no such key: k'"}),
                   capy::Value::tuple({"RuntimeError", "disk on fire"}),
                   capy::Value::tuple({"PermissionError", "not for you"}),
                   capy::Value::tuple({"RuntimeError", "odd"}),
                   capy::Value::tuple({"RuntimeError", "bye"}),
                   capy::Value::tuple({"RuntimeError", "host function throws_int() failed"}),
               }));
  // Uncaught, it is reported with a traceback through the calling line.
  capy::Result r = iso.run("lookup('z')");
  EXPECT_EQ(r.type_name, "KeyError");
  EXPECT_NE(r.traceback.find("line 1, in <module>"), std::string::npos) << r.traceback;
  // Arguments that cannot be converted are the guest's TypeError.
  r = iso.run("a = []\na.append(a)\nlookup(a)");
  EXPECT_EQ(r.type_name, "TypeError");
  // A return value that cannot be converted is too.
  iso.define_function("bad_return", [](capy::Call&) { return capy::Value(std::string("\xff\xfe")); });
  r = iso.run("bad_return()");
  EXPECT_EQ(r.type_name, "ValueError");
}

TEST(ApiHost, CallbacksIntoTheGuest) {
  capy::Isolate iso(runtime());
  // A host function that receives a guest function and calls it back.
  iso.define_function("apply_twice", [](capy::Call& c) -> capy::Value {
    capy::Result a = c.isolate().call_value(c.arg(0), {c.arg(1)});
    if (!a.ok()) return c.raise(a.type_name, a.message);
    capy::Result b = c.isolate().call_value(c.arg(0), {a.value});
    if (!b.ok()) return c.raise(b.type_name, b.message);
    return b.value;
  });
  EXPECT_EQ(run_ok(iso, "apply_twice(lambda n: n * 10, 3)"), capy::Value(300));
  capy::Result r = iso.run("apply_twice(lambda n: 1 / 0, 3)");
  EXPECT_EQ(r.type_name, "ZeroDivisionError");
  // A limit inside the callback ends the whole run.
  capy::IsolateOptions opts;
  opts.limits.max_steps = 5000;
  capy::Isolate small(runtime(), opts);
  small.define_function("call", [](capy::Call& c) -> capy::Value {
    capy::Result a = c.isolate().call_value(c.arg(0));
    return a.ok() ? a.value : capy::Value("swallowed");
  });
  r = small.run("def spin():\n    while True: pass\ncall(spin)\nprint('not reached')");
  EXPECT_EQ(r.status, capy::Status::Limit);
  EXPECT_EQ(r.limit, capy::Limit::Steps);
}

TEST(ApiHost, HostModules) {
  capy::Isolate iso(runtime());
  int calls = 0;
  capy::HostModule mod("tools");
  mod.function("square", [&](capy::Call& c) {
       ++calls;
       return capy::Value(*c.arg(0).to_int64() * *c.arg(0).to_int64());
     })
      .value("VERSION", "1.2")
      .value("LIMITS", capy::Value::dict({{"max", 10}}));
  ASSERT_TRUE(iso.define_module(mod).ok());
  EXPECT_EQ(iso.define_module(capy::HostModule("tools")).status, capy::Status::Error);
  EXPECT_EQ(run_ok(iso, "import tools\n(tools.VERSION, tools.square(7), tools.LIMITS['max'])"),
            capy::Value::tuple({"1.2", 49, 10}));
  EXPECT_EQ(run_ok(iso, "from tools import square\nsquare(3)"), capy::Value(9));
  EXPECT_EQ(calls, 2);
  // Re-importing after deleting it from sys.modules makes a fresh module.
  EXPECT_EQ(run_ok(iso, "import sys\ndel sys.modules['tools']\nimport tools as t2\nt2 is not tools and t2.square(2)"),
            capy::Value(4));
  // Dotted host modules under a host package.
  iso.define_module(capy::HostModule("app"));
  iso.define_module(capy::HostModule("app.io").value("NAME", "io"));
  EXPECT_EQ(run_ok(iso, "import app.io\napp.io.NAME"), capy::Value("io"));
  capy::Result r = iso.run("import tools2");
  EXPECT_EQ(r.type_name, "ModuleNotFoundError");
  // Modules are per isolate.
  capy::Isolate other(runtime());
  r = other.run("import tools");
  EXPECT_EQ(r.type_name, "ModuleNotFoundError");
}

struct Counter {
  int64_t total = 0;
  ~Counter() { ++destroyed; }
  static inline std::atomic<int> destroyed{0};
};

std::shared_ptr<const capy::HostClass> counter_class() {
  auto cls = std::make_shared<capy::HostClass>("Counter");
  cls->method("add", [](capy::Call& c) {
        c.self<Counter>()->total += c.arg(0).to_int64().value_or(1);
        return capy::Value();
      })
      .method("get", [](capy::Call& c) { return capy::Value(c.self<Counter>()->total); })
      .method("__len__", [](capy::Call&) { return capy::Value(99); });
  return cls;
}

TEST(ApiHost, OpaqueHostObjects) {
  auto cls = counter_class();
  auto counter = std::make_shared<Counter>();
  int destroyed_before = Counter::destroyed.load();
  {
    capy::Isolate iso(runtime());
    ASSERT_TRUE(iso.set_global("c", capy::Value::host_object(counter, cls)).ok());
    EXPECT_EQ(run_ok(iso, "c.add(5)\nc.add()\nc.get()"), capy::Value(6));
    EXPECT_EQ(counter->total, 6);
    EXPECT_EQ(run_ok(iso, "repr(c)"), capy::Value("<host Counter object>"));
    EXPECT_EQ(run_ok(iso, "type(c).__name__"), capy::Value("Counter"));
    // Only the declared methods: no attributes, no special methods, no state.
    for (const char* attack : {"c.total", "c.x = 1", "c.__dict__", "len(c)", "c.__len__()", "type(c)()",
                               "object.__new__(type(c))", "type(c).add = 1", "class D(type(c)): pass",
                               "import copy\ncopy.copy(c)"}) {
      capy::Result r = iso.run(attack);
      EXPECT_EQ(r.status, capy::Status::Exception) << attack << " -> " << r.value.repr();
    }
    // Back on the host side it is the same object.
    capy::Value back = run_ok(iso, "c");
    EXPECT_EQ(back.kind(), capy::ValueKind::HostObject);
    EXPECT_EQ(back.host_object_as<Counter>(*cls), counter);
    EXPECT_EQ(back.host_object_as<Counter>(*counter_class()), nullptr);
    // The same host object converted twice is the same guest object.
    iso.set_global("c2", capy::Value::host_object(counter, cls));
    EXPECT_EQ(run_ok(iso, "c is c2"), capy::Value(true));
    // Host functions receive it as the host object.
    iso.define_function("total_of", [cls](capy::Call& c) {
      auto p = c.arg(0).host_object_as<Counter>(*cls);
      return p ? capy::Value(p->total) : c.raise("TypeError", "not a Counter");
    });
    EXPECT_EQ(run_ok(iso, "total_of(c)"), capy::Value(6));
    EXPECT_EQ(iso.run("total_of(1)").message, "not a Counter");
    // A method taken off the object stays bound to it.
    EXPECT_EQ(run_ok(iso, "m = c.add\nm(10)\nc.get()"), capy::Value(16));
  }
  // The isolate let go of it; the host still owns it.
  EXPECT_EQ(Counter::destroyed.load(), destroyed_before);
  EXPECT_EQ(counter.use_count(), 1);
  // A host object owned only by the guest is destroyed when collected.
  {
    capy::Isolate iso(runtime());
    iso.set_global("tmp", capy::Value::host_object(std::make_shared<Counter>(), cls));
    run_ok(iso, "tmp.add(1)\ndel tmp");
    iso.collect_garbage();
    EXPECT_EQ(Counter::destroyed.load(), destroyed_before + 1);
  }
}

// --- grants -----------------------------------------------------------------------------------------

std::string make_temp_dir() {
  char tmpl[] = "/tmp/capy_api_test_XXXXXX";
  char* d = mkdtemp(tmpl);
  return d ? d : "";
}

TEST(ApiGrants, Directories) {
  std::string dir = make_temp_dir();
  ASSERT_FALSE(dir.empty());
  {
    std::ofstream(dir + "/data.txt") << "hello from the host\n";
  }
  capy::Isolate none(runtime());
  capy::Result r = none.run("open('/etc/passwd')");
  EXPECT_EQ(r.status, capy::Status::Exception);

  capy::Isolate ro(runtime());
  ASSERT_TRUE(ro.grant_directory(dir, capy::Access::Read).ok());
  r = ro.run("open('data.txt').read()");
  ASSERT_TRUE(r.ok()) << r.type_name << ": " << r.message;
  EXPECT_EQ(r.value, capy::Value("hello from the host\n"));
  r = ro.run("open('" + dir + "/data.txt').read()");
  EXPECT_EQ(r.value, capy::Value("hello from the host\n"));
  r = ro.run("open('new.txt', 'w')");
  EXPECT_EQ(r.type_name, "PermissionError");
  r = ro.run("open('../../etc/passwd').read()");
  EXPECT_EQ(r.status, capy::Status::Exception);

  capy::IsolateOptions opts;
  opts.grants.directories.push_back({dir, capy::Access::ReadWrite});
  capy::Isolate rw(runtime(), opts);
  ASSERT_TRUE(rw.startup_error().empty());
  r = rw.run("with open('out.txt', 'w') as f:\n    f.write('written')\nopen('out.txt').read()");
  ASSERT_TRUE(r.ok()) << r.type_name << ": " << r.message;
  EXPECT_EQ(r.value, capy::Value("written"));
  std::ifstream in(dir + "/out.txt");
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_EQ(text, "written");

  EXPECT_EQ(rw.grant_directory(dir + "/does-not-exist").status, capy::Status::Error);
  capy::IsolateOptions bad;
  bad.grants.directories.push_back({dir + "/does-not-exist", capy::Access::Read});
  capy::Isolate broken(runtime(), bad);
  EXPECT_FALSE(broken.startup_error().empty());
  EXPECT_EQ(broken.run("1").status, capy::Status::Error);

  std::remove((dir + "/out.txt").c_str());
  std::remove((dir + "/data.txt").c_str());
  rmdir(dir.c_str());
}

TEST(ApiGrants, EnvironmentAndModuleRoots) {
  std::string dir = make_temp_dir();
  ASSERT_FALSE(dir.empty());
  {
    std::ofstream(dir + "/helper.py") << "GREETING = 'from a module root'\ndef twice(x):\n    return 2 * x\n";
  }
  capy::IsolateOptions opts;
  opts.grants.env.push_back({"APP_MODE", "test"});
  capy::Isolate iso(runtime(), opts);
  ASSERT_TRUE(iso.grant_env("LANG", "C").ok());
  EXPECT_EQ(iso.grant_env("BAD=NAME", "x").status, capy::Status::Error);
  EXPECT_EQ(run_ok(iso, "import os\nsorted(os.environ.items())"),
            capy::Value::list({capy::Value::tuple({"APP_MODE", "test"}), capy::Value::tuple({"LANG", "C"})}));
  capy::Result r = iso.run("import helper");
  EXPECT_EQ(r.type_name, "ModuleNotFoundError");
  ASSERT_TRUE(iso.grant_module_root(dir).ok());
  EXPECT_EQ(run_ok(iso, "import helper\n(helper.GREETING, helper.twice(21))"),
            capy::Value::tuple({"from a module root", 42}));
  // A module root is for import only: open() does not exist without a directory grant.
  r = iso.run("open('" + dir + "/helper.py')");
  EXPECT_EQ(r.type_name, "NameError");
  std::remove((dir + "/helper.py").c_str());
  rmdir(dir.c_str());
}

TEST(ApiGrants, ClockAndEntropyCanBeDenied) {
  capy::IsolateOptions opts;
  opts.clock = false;
  opts.entropy = false;
  capy::Isolate iso(runtime(), opts);
  capy::Result r = iso.run("import time\ntime.time()");
  EXPECT_EQ(r.status, capy::Status::Exception);
  // Without entropy, unseeded random is reproducible.
  capy::Value a = run_ok(iso, "import random\nrandom.seed()\nrandom.random()");
  capy::Isolate iso2(runtime(), opts);
  capy::Value b = run_ok(iso2, "import random\nrandom.seed()\nrandom.random()");
  EXPECT_EQ(a, b);
  capy::Isolate normal(runtime());
  EXPECT_EQ(run_ok(normal, "import time\ntime.time() > 1.6e9"), capy::Value(true));
}

}  // namespace
