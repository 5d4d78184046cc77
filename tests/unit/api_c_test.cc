// The C API (include/capy/capy.h), used as a C program would use it.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstring>
#include <string>
#include <thread>

#include "capy/capy.h"

namespace {

struct Rt {
  capy_runtime* rt = capy_runtime_new();
  ~Rt() { capy_runtime_free(rt); }
};

capy_runtime* runtime() {
  static Rt* r = new Rt();
  return r->rt;
}

std::string repr_of(const capy_value* v) {
  char* s = capy_value_repr(v);
  std::string out = s ? s : "<null>";
  capy_free(s);
  return out;
}

// Runs src and returns the repr of its value ("!Type: message" on an
// exception, "!limit:name" on a limit).
std::string eval(capy_isolate* iso, const char* src) {
  capy_result* r = capy_run(iso, src, -1, "<test>");
  std::string out;
  switch (capy_result_status(r)) {
    case CAPY_OK: out = repr_of(capy_result_value(r)); break;
    case CAPY_EXCEPTION: out = std::string("!") + capy_result_type_name(r) + ": " + capy_result_message(r); break;
    case CAPY_LIMIT: out = std::string("!limit:") + capy_limit_name(capy_result_limit(r)); break;
    case CAPY_ERROR: out = std::string("!error:") + capy_result_message(r); break;
  }
  capy_result_free(r);
  return out;
}

TEST(ApiC, RunAndValues) {
  capy_isolate* iso = capy_isolate_new(runtime(), nullptr);
  ASSERT_NE(iso, nullptr);
  capy_result* r = capy_run(iso, "x = 2 ** 70\n[x, -1, 2.5, 'hé', b'\\x00', (None, True), {'k': {1}}]", -1, nullptr);
  ASSERT_EQ(capy_result_status(r), CAPY_OK);
  const capy_value* v = capy_result_value(r);
  ASSERT_EQ(capy_value_kind(v), CAPY_KIND_LIST);
  ASSERT_EQ(capy_value_len(v), 7u);
  const capy_value* big = capy_value_item(v, 0);
  EXPECT_EQ(capy_value_kind(big), CAPY_KIND_INT);
  int64_t n = 0;
  EXPECT_EQ(capy_value_to_int64(big, &n), -1);
  char* text = capy_value_int_string(big);
  EXPECT_STREQ(text, "1180591620717411303424");
  capy_free(text);
  EXPECT_EQ(capy_value_to_int64(capy_value_item(v, 1), &n), 0);
  EXPECT_EQ(n, -1);
  EXPECT_EQ(capy_value_float(capy_value_item(v, 2)), 2.5);
  size_t len = 0;
  EXPECT_STREQ(capy_value_str(capy_value_item(v, 3), &len), "h\xc3\xa9");
  EXPECT_EQ(len, 3u);
  const char* raw = capy_value_str(capy_value_item(v, 4), &len);
  EXPECT_EQ(len, 1u);
  EXPECT_EQ(raw[0], '\0');
  EXPECT_EQ(capy_value_kind(capy_value_item(v, 5)), CAPY_KIND_TUPLE);
  EXPECT_EQ(capy_value_bool(capy_value_item(capy_value_item(v, 5), 1)), 1);
  const capy_value* d = capy_value_item(v, 6);
  EXPECT_EQ(capy_value_kind(capy_value_dict_get(d, "k")), CAPY_KIND_SET);
  EXPECT_EQ(capy_value_dict_get(d, "nope"), nullptr);
  EXPECT_EQ(repr_of(capy_value_dict_key(d, 0)), "'k'");
  EXPECT_EQ(capy_value_item(v, 99), nullptr);
  // Values outlive their result.
  capy_value* keep = capy_value_copy(v);
  capy_result_free(r);
  EXPECT_EQ(repr_of(keep), "[1180591620717411303424, -1, 2.5, 'hé', b'\\x00', (None, True), {'k': {1}}]");
  capy_value_free(keep);
  // Persistent globals.
  EXPECT_EQ(eval(iso, "x.bit_length()"), "71");
  capy_isolate_free(iso);
}

TEST(ApiC, BuildValuesAndGlobals) {
  capy_isolate* iso = capy_isolate_new(runtime(), nullptr);
  capy_value* items[3] = {capy_int(7), capy_str("seven", -1), capy_int_from_string("-0x1_0000_0000_0000_0000", 0)};
  ASSERT_NE(items[2], nullptr);
  capy_value* list = capy_list(items, 3);
  capy_value* key = capy_str("nums", -1);
  capy_value* dict = capy_dict(&key, &list, 1);
  ASSERT_EQ(capy_set_global(iso, "data", dict), 0);
  EXPECT_EQ(eval(iso, "data['nums'][2] == -2**64 and type(data['nums'][1]).__name__"), "'str'");
  capy_result* g = capy_get_global(iso, "data");
  ASSERT_EQ(capy_result_status(g), CAPY_OK);
  EXPECT_EQ(capy_value_equal(capy_result_value(g), dict), 1);
  capy_result_free(g);
  g = capy_get_global(iso, "missing");
  EXPECT_EQ(capy_result_status(g), CAPY_ERROR);
  capy_result_free(g);
  for (capy_value* x : items) capy_value_free(x);
  capy_value_free(list);
  capy_value_free(key);
  capy_value_free(dict);
  EXPECT_EQ(capy_int_from_string("12x", 10), nullptr);
  EXPECT_NE(std::string(capy_last_error()).find("not an integer"), std::string::npos);
  // Call a guest function.
  EXPECT_EQ(eval(iso, "def mul(a, b): return a * b"), "None");
  capy_value* args[2] = {capy_int(6), capy_int(7)};
  capy_result* r = capy_invoke(iso, "mul", args, 2);
  ASSERT_EQ(capy_result_status(r), CAPY_OK);
  EXPECT_EQ(repr_of(capy_result_value(r)), "42");
  capy_result_free(r);
  // And a guest object received from a run.
  r = capy_run(iso, "lambda s: s.upper()", -1, nullptr);
  capy_value* fn = capy_value_copy(capy_result_value(r));
  capy_result_free(r);
  EXPECT_EQ(capy_value_kind(fn), CAPY_KIND_GUEST_OBJECT);
  capy_value* s = capy_str("shout", -1);
  r = capy_invoke_value(iso, fn, &s, 1);
  EXPECT_EQ(repr_of(capy_result_value(r)), "'SHOUT'");
  capy_result_free(r);
  capy_value_free(s);
  capy_value_free(fn);
  for (capy_value* a : args) capy_value_free(a);
  capy_isolate_free(iso);
}

TEST(ApiC, ExceptionsAndLimits) {
  capy_limits limits;
  capy_limits_default(&limits);
  EXPECT_EQ(limits.max_heap_bytes, size_t{64} << 20);
  EXPECT_EQ(limits.max_time_seconds, 10.0);
  limits.max_steps = 20000;
  capy_isolate* iso = capy_isolate_new(runtime(), &limits);
  capy_result* r = capy_run(iso, "def f():\n    raise ValueError('bad value')\nf()", -1, "job.py");
  ASSERT_EQ(capy_result_status(r), CAPY_EXCEPTION);
  EXPECT_STREQ(capy_result_type_name(r), "ValueError");
  EXPECT_STREQ(capy_result_message(r), "bad value");
  std::string tb = capy_result_traceback(r);
  EXPECT_NE(tb.find("File \"job.py\", line 2, in f"), std::string::npos) << tb;
  EXPECT_NE(tb.find("ValueError: bad value"), std::string::npos) << tb;
  capy_result_free(r);
  EXPECT_EQ(eval(iso, "while True: pass"), "!limit:steps");
  EXPECT_EQ(eval(iso, "'still usable'"), "'still usable'");
  capy_isolate_free(iso);
}

TEST(ApiC, TerminateFromAnotherThread) {
  capy_isolate* iso = capy_isolate_new(runtime(), nullptr);
  std::thread t([iso] {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    capy_isolate_terminate(iso);
  });
  EXPECT_EQ(eval(iso, "while True: pass"), "!limit:terminated");
  t.join();
  capy_isolate_free(iso);
}

struct Log {
  std::string out, err;
};

void capture(void* user, int stream, const char* bytes, size_t len) {
  auto* log = static_cast<Log*>(user);
  (stream == 2 ? log->err : log->out) += std::string(bytes, len);
}

capy_value* c_add(capy_call* call, void* user) {
  ++*static_cast<int*>(user);
  int64_t a, b;
  if (capy_call_nargs(call) != 2 || capy_value_to_int64(capy_call_arg(call, 0), &a) != 0 ||
      capy_value_to_int64(capy_call_arg(call, 1), &b) != 0)
    return capy_raise(call, "TypeError", "add() takes two ints");
  return capy_int(a + b);
}

capy_value* c_greet(capy_call* call, void*) {
  const char* name = "world";
  for (size_t i = 0; i < capy_call_nkwargs(call); ++i)
    if (std::strcmp(capy_call_kwarg_name(call, i), "name") == 0) name = capy_value_str(capy_call_kwarg_value(call, i), nullptr);
  return capy_str((std::string("hello ") + name).c_str(), -1);
}

capy_value* c_null(capy_call*, void*) { return nullptr; }

std::atomic<int> freed{0};
void count_free(void*) { freed.fetch_add(1); }

TEST(ApiC, HostFunctionsAndModules) {
  capy_isolate* iso = capy_isolate_new(runtime(), nullptr);
  Log log;
  capy_isolate_set_output(iso, capture, &log);
  int calls = 0;
  int before = freed.load();
  ASSERT_EQ(capy_define_function(iso, "add", c_add, &calls, count_free), 0);
  ASSERT_EQ(capy_define_function(iso, "null", c_null, nullptr, nullptr), 0);
  EXPECT_EQ(eval(iso, "print(add(2, 3))"), "None");
  EXPECT_EQ(log.out, "5\n");
  EXPECT_EQ(calls, 1);
  EXPECT_EQ(eval(iso, "add('a', 1)"), "!TypeError: add() takes two ints");
  EXPECT_EQ(eval(iso, "null()"), "!RuntimeError: host function null() returned NULL without raising");
  EXPECT_EQ(eval(iso, "import sys\nprint('e', file=sys.stderr)"), "None");
  EXPECT_EQ(log.out, "5\n");
  EXPECT_EQ(log.err, "e\n");

  capy_module* m = capy_module_new("greeter");
  capy_module_add_function(m, "greet", c_greet, nullptr, nullptr);
  capy_value* v = capy_float(0.5);
  capy_module_add_value(m, "RATIO", v);
  capy_value_free(v);
  ASSERT_EQ(capy_define_module(iso, m), 0);
  capy_module_free(m);
  EXPECT_EQ(eval(iso, "import greeter\n(greeter.greet(name='capy'), greeter.greet(), greeter.RATIO)"),
            "('hello capy', 'hello world', 0.5)");
  capy_isolate_free(iso);
  EXPECT_EQ(freed.load(), before + 1);  // add's user data
}

struct Account {
  int64_t balance;
};

capy_value* c_deposit(capy_call* call, void*) {
  auto* a = static_cast<Account*>(capy_call_self(call));
  int64_t n = 0;
  if (capy_value_to_int64(capy_call_arg(call, 0), &n) != 0 || n <= 0)
    return capy_raise(call, "ValueError", "deposit must be a positive int");
  a->balance += n;
  return capy_int(a->balance);
}

void free_account(void* p) {
  delete static_cast<Account*>(p);
  freed.fetch_add(100);
}

TEST(ApiC, HostObjects) {
  capy_host_class* cls = capy_host_class_new("Account", free_account);
  capy_host_class_add_method(cls, "deposit", c_deposit, nullptr, nullptr);
  auto* acct = new Account{10};
  capy_value* obj = capy_host_object(cls, acct);
  EXPECT_EQ(capy_value_host_object(obj, cls), acct);
  int before = freed.load();
  {
    capy_isolate* iso = capy_isolate_new(runtime(), nullptr);
    capy_set_global(iso, "acct", obj);
    EXPECT_EQ(eval(iso, "acct.deposit(5)\nacct.deposit(7)"), "22");
    EXPECT_EQ(acct->balance, 22);
    EXPECT_EQ(eval(iso, "acct.deposit(-1)"), "!ValueError: deposit must be a positive int");
    EXPECT_EQ(eval(iso, "acct.balance"), "!AttributeError: 'Account' object has no attribute 'balance'");
    capy_result* r = capy_run(iso, "acct", -1, nullptr);
    EXPECT_EQ(capy_value_host_object(capy_result_value(r), cls), acct);
    capy_result_free(r);
    capy_isolate_free(iso);
  }
  capy_host_class_free(cls);
  EXPECT_EQ(freed.load(), before);  // the value still owns the account
  capy_value_free(obj);
  EXPECT_EQ(freed.load(), before + 100);
}

TEST(ApiC, Grants) {
  capy_isolate* iso = capy_isolate_new(runtime(), nullptr);
  EXPECT_EQ(capy_grant_directory(iso, "/nonexistent/capy/dir", 0), -1);
  EXPECT_NE(std::string(capy_last_error()), "");
  EXPECT_EQ(capy_grant_directory(iso, "/tmp", 0), 0);
  EXPECT_EQ(capy_grant_env(iso, "BAD=NAME", "x"), -1);
  EXPECT_EQ(capy_grant_env(iso, "GREETING", "hi"), 0);
  EXPECT_EQ(capy_grant_module(iso, "json"), 0);
  capy_isolate_set_clock(iso, 0);
  EXPECT_EQ(eval(iso, "import time\ntime.time()").substr(0, 9), "!OSError:");
  capy_isolate_free(iso);
}

}  // namespace
