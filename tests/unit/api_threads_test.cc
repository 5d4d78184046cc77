// Many isolates of one runtime running at the same time on different
// threads, with no global lock. Built on its own as capy_api_thread_tests
// for the ThreadSanitizer run (scripts/tsan.sh), and part of capy_unit_tests.
#include <gtest/gtest.h>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "capy/capy.hpp"

namespace {

// Real work touching most of the object model and several native modules:
// classes with inheritance and properties, generators, closures, dicts and
// sets, json, re, exceptions with tracebacks, big integers, sorting, string
// formatting, memoryview iteration, coroutines.
const char kWork[] = R"PY(
import json, re, collections, functools, itertools, math

class Shape:
    def __init__(self, name): self.name = name
    def area(self): raise NotImplementedError
    def __repr__(self): return f'{type(self).__name__}({self.name!r})'

class Rect(Shape):
    def __init__(self, w, h):
        super().__init__('rect')
        self.w, self.h = w, h
    def area(self): return self.w * self.h
    @property
    def square(self): return self.w == self.h

def gen(n):
    for i in range(n):
        if i % 3 == 0:
            yield i
    return 'done'

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b

async def coro(x):
    return x * 2

def run_coro(c):
    try:
        c.send(None)
    except StopIteration as e:
        return e.value

def work(seed):
    out = {}
    shapes = [Rect(i % 7 + 1, (i * seed) % 5 + 1) for i in range(200)]
    out['area'] = sum(s.area() for s in shapes)
    out['squares'] = sum(1 for s in shapes if s.square)
    out['gen'] = sum(gen(300 + seed))
    out['fib'] = list(itertools.islice(fib(), 60))[-1]
    counts = collections.Counter(str(i * seed)[-1] for i in range(1000))
    out['counter'] = sorted(counts.items())[:3]
    d = {f'k{i}': i * i for i in range(500)}
    out['dict'] = sum(d[k] for k in d if k.endswith('7'))
    text = json.dumps({'seed': seed, 'items': [1, 2.5, None, 'x' * seed]}, sort_keys=True)
    out['json'] = json.loads(text)['items'][3]
    out['re'] = re.findall(r'(\d+)-(\w+)', ' '.join(f'{i}-w{i * seed}' for i in range(20)))[-1]
    out['sub'] = re.sub(r'[aeiou]', '_', 'the quick brown fox ' * 3)
    errors = 0
    for i in range(100):
        try:
            if i % 2:
                raise KeyError(i)
            {}[i]
        except KeyError as e:
            errors += e.args[0] % 5
    out['errors'] = errors
    try:
        Shape('x').area()
    except NotImplementedError as e:
        out['nie'] = type(e).__name__
    out['big'] = str(math.factorial(50 + seed))[-12:]
    out['sorted'] = sorted(range(300), key=lambda v: (v * seed) % 101)[:5]
    out['reduce'] = functools.reduce(lambda a, b: a ^ b, range(10000 + seed))
    out['fmt'] = '{:>8.3f}|{:x}|{!r}'.format(math.pi * seed, 255 * seed, Rect(1, 1))
    out['mv'] = sum(memoryview(bytes(range(seed, seed + 50))))
    out['coro'] = run_coro(coro(seed))
    out['sets'] = len({i * seed % 97 for i in range(1000)} & set(range(0, 97, 2)))
    return out

result = work(SEED)
)PY";

// The standard library on threads: each module's first import in an
// isolate runs its initialisation, then every function below runs.
const char kLibraries[] = R"PY(
import datetime, decimal, fractions, statistics, random, textwrap, dataclasses, enum, typing
import hashlib, zlib, struct, array, unicodedata, weakref, copy, heapq, bisect, string, operator
import base64, binascii, difflib, pprint, collections, itertools, functools, json, re, math, cmath

@dataclasses.dataclass(order=True)
class Item:
    name: str
    qty: int = 0

class Color(enum.Enum):
    RED = 1
    GREEN = 2

def libs(seed):
    out = []
    d = datetime.date(2020, 1, 1) + datetime.timedelta(days=seed * 37)
    out.append(d.isoformat())
    out.append(str(datetime.datetime(2021, 5, 4, 3, 2, 1) - datetime.datetime(2020, 1, 1)))
    decimal.getcontext().prec = 30
    out.append(str(decimal.Decimal(1) / decimal.Decimal(7 + seed)))
    out.append(str(fractions.Fraction(seed, 12) + fractions.Fraction(1, 3)))
    out.append(statistics.median([seed, 3, 9, 1, 7]))
    out.append(round(statistics.stdev([1.5, 2.5, seed, 4.0]), 6))
    r = random.Random(seed)
    out.append([r.randint(0, 100) for _ in range(5)])
    out.append(textwrap.fill('lorem ipsum dolor sit amet ' * 3, width=20 + seed).count('\n'))
    out.append(repr(sorted([Item('b', seed), Item('a', 2)])))
    out.append(Color(1 + seed % 2).name)
    out.append(typing.get_type_hints(Item)['qty'].__name__)
    out.append(hashlib.sha256(str(seed).encode()).hexdigest()[:16])
    out.append(hashlib.md5(b'x' * seed).hexdigest()[:8])
    out.append(len(zlib.compress(b'abc' * (100 + seed))))
    out.append(zlib.crc32(b'capy' * seed))
    out.append(struct.unpack('<iHd', struct.pack('<iHd', -seed, seed, seed / 3)))
    out.append(sum(array.array('d', [seed, 1.5, 2.5])))
    out.append(unicodedata.name(chr(0x41 + seed)))
    out.append(unicodedata.normalize('NFKD', '\u00e9\ufb01')[:2])
    class Node: pass
    n = Node()
    w = weakref.ref(n)
    out.append(w() is n)
    out.append(copy.deepcopy({'a': [1, {'b': (seed,)}]}))
    h = [5, 1, seed, 3]
    heapq.heapify(h)
    out.append(heapq.nsmallest(2, h))
    out.append(bisect.bisect([1, 3, 5, 7], seed))
    out.append(string.Template('$x-$y').substitute(x=seed, y='z'))
    out.append(operator.itemgetter(1, 0)('ab'))
    out.append(base64.b64encode(bytes(range(seed))).decode())
    out.append(binascii.hexlify(b'\x01\xff').decode())
    out.append(list(difflib.unified_diff(['a\n', 'b\n'], ['a\n', 'c\n'], lineterm=''))[-1])
    out.append(pprint.pformat({'k': list(range(seed))}, width=30).count('\n'))
    out.append(cmath.sqrt(-seed).imag)
    out.append(re.compile(r'(?P<w>\w+)@(?P<d>\w+)\.com').match(f'user{seed}@host.com').groupdict())
    return out

)PY";

// libs(3) as CPython 3.11 prints it.
const char kLibrariesSeed3[] = R"TXT(['2020-04-21', '489 days, 3:02:01', '0.1', '7/12', 3, 1.040833, [30, 75, 69, 16, 47], 3, "[Item(name='a', qty=2), Item(name='b', qty=3)]", 'GREEN', 'int', '4e07408562bedb8b', 'f561aaf6', 15, 4113557403, (-3, 3, 1.0), 7.0, 'LATIN CAPITAL LETTER D', 'é', True, {'a': [1, {'b': (3,)}]}, [1, 3], 2, '3-z', ('b', 'a'), 'AAEC', '01ff', '+c\n', 0, 1.7320508075688772, {'w': 'user3', 'd': 'host'}])TXT";

// The threads test checks results, not speed: under ThreadSanitizer on a
// busy machine a run may take far longer than the default 10 s.
capy::IsolateOptions untimed() {
  capy::IsolateOptions opts;
  opts.limits.max_time_seconds = 0;
  return opts;
}

// The same program's expected results, computed once on the main thread.
capy::Value expected_for(capy::Runtime& rt, int seed) {
  capy::Isolate iso(rt, untimed());
  iso.set_global("SEED", seed);
  capy::Result r = iso.run(std::string(kWork) + "result\n");
  EXPECT_TRUE(r.ok()) << r.traceback << r.message;
  return r.value;
}

TEST(ApiThreads, IsolatesRunInParallel) {
  capy::Runtime rt;
  constexpr int kThreads = 8;
  constexpr int kRounds = 3;
  std::vector<capy::Value> expected;
  for (int t = 0; t < kThreads; ++t) expected.push_back(expected_for(rt, t + 1));
  ASSERT_EQ(expected[0].kind(), capy::ValueKind::Dict);
  ASSERT_NE(expected[0].get("fib"), nullptr);
  EXPECT_EQ(*expected[0].get("fib"), capy::Value(int64_t{956722026041}));
  EXPECT_EQ(*expected[2].get("coro"), capy::Value(6));

  std::atomic<int> failures{0};
  std::atomic<int> ready{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      // Start together so that the runs overlap.
      ready.fetch_add(1);
      while (ready.load() < kThreads) std::this_thread::yield();
      for (int round = 0; round < kRounds; ++round) {
        std::string out;
        capy::IsolateOptions opts = untimed();
        opts.output = [&out](capy::Stream, std::string_view b) { out += b; };
        capy::Isolate iso(rt, opts);
        iso.define_function("tag", [t](capy::Call& c) { return capy::Value(std::to_string(t) + ":" + std::string(c.arg(0).as_str())); });
        iso.set_global("SEED", t + 1);
        capy::Result r = iso.run(kWork);
        if (!r.ok()) {
          ADD_FAILURE() << "thread " << t << ": " << r.traceback << r.message;
          failures.fetch_add(1);
          continue;
        }
        r = iso.get_global("result");
        if (!(r.value == expected[t])) {
          ADD_FAILURE() << "thread " << t << " round " << round << ": " << r.value.repr() << "\n!=\n"
                        << expected[t].repr();
          failures.fetch_add(1);
        }
        r = iso.run("print(tag('x'))\nraise ValueError(tag('boom'))");
        if (r.status != capy::Status::Exception || r.message != std::to_string(t) + ":boom" ||
            out != std::to_string(t) + ":x\n") {
          ADD_FAILURE() << "thread " << t << ": " << r.message << " / " << out;
          failures.fetch_add(1);
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(failures.load(), 0);
}

TEST(ApiThreads, StandardLibraryInParallel) {
  capy::Runtime rt;
  constexpr int kThreads = 8;
  std::vector<capy::Value> expected;
  for (int t = 0; t < kThreads; ++t) {
    capy::Isolate iso(rt, untimed());
    capy::Result r = iso.run(std::string(kLibraries) + "libs(" + std::to_string(t + 1) + ")\n");
    ASSERT_TRUE(r.ok()) << r.traceback << r.message;
    expected.push_back(r.value);
  }
  EXPECT_EQ(expected[2].repr(), kLibrariesSeed3);
  std::atomic<int> failures{0};
  std::atomic<int> ready{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      ready.fetch_add(1);
      while (ready.load() < kThreads) std::this_thread::yield();
      for (int round = 0; round < 2; ++round) {
        capy::Isolate iso(rt, untimed());
        capy::Result r = iso.run(std::string(kLibraries) + "libs(" + std::to_string(t + 1) + ")\n");
        if (!r.ok() || !(r.value == expected[t])) {
          ADD_FAILURE() << "thread " << t << ": " << r.traceback << r.message << r.value.repr();
          failures.fetch_add(1);
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(failures.load(), 0);
}

TEST(ApiThreads, TerminateOneOfManyRunningIsolates) {
  capy::Runtime rt;
  constexpr int kThreads = 4;
  std::vector<std::unique_ptr<capy::Isolate>> isolates;
  for (int t = 0; t < kThreads; ++t) isolates.push_back(std::make_unique<capy::Isolate>(rt, untimed()));
  std::vector<capy::Result> results(kThreads);
  std::atomic<int> started{0};
  for (auto& iso : isolates) iso->define_function("started", [&](capy::Call&) {
    started.fetch_add(1);
    return capy::Value();
  });
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      // Thread 0 loops until terminated; the others finish real work.
      results[t] = isolates[t]->run(t == 0 ? "started()\nwhile True:\n    pass\n"
                                           : "started()\nsum(i * i for i in range(200000))");
    });
  }
  while (started.load() < kThreads) std::this_thread::yield();
  isolates[0]->terminate();
  for (auto& th : threads) th.join();
  EXPECT_EQ(results[0].limit, capy::Limit::Terminated);
  for (int t = 1; t < kThreads; ++t) {
    ASSERT_TRUE(results[t].ok()) << results[t].message;
    EXPECT_EQ(results[t].value, capy::Value(int64_t{2666646666700000}));
  }
}

TEST(ApiThreads, AnIsolateInUseRefusesOtherThreads) {
  capy::Runtime rt;
  capy::Isolate iso(rt, untimed());
  std::atomic<bool> started{false};
  iso.define_function("started", [&](capy::Call&) {
    started.store(true);
    return capy::Value();
  });
  capy::Result looping;
  std::thread runner([&] { looping = iso.run("started()\nwhile True:\n    pass\n"); });
  while (!started.load()) std::this_thread::yield();
  // Every entry from this thread is refused while the runner runs.
  capy::Result r = iso.run("1 + 1");
  EXPECT_EQ(r.status, capy::Status::Error);
  EXPECT_EQ(r.message, "the isolate is running on another thread");
  EXPECT_EQ(iso.set_global("x", 1).status, capy::Status::Error);
  EXPECT_EQ(iso.grant_env("A", "b").status, capy::Status::Error);
  iso.collect_garbage();  // refused quietly
  iso.terminate();
  runner.join();
  EXPECT_EQ(looping.limit, capy::Limit::Terminated);
  // Once it is idle, any thread may use it.
  std::thread other([&] { r = iso.run("6 * 7"); });
  other.join();
  EXPECT_EQ(r.value, capy::Value(42));
}

TEST(ApiThreads, RuntimesAndIsolatesCreatedConcurrently) {
  std::vector<std::thread> threads;
  std::atomic<int> ok{0};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      capy::Runtime rt;  // each thread its own runtime
      for (int i = 0; i < 5; ++i) {
        capy::Isolate iso(rt, untimed());
        capy::Result r = iso.run("[x * " + std::to_string(t) + " for x in range(3)]");
        if (r.ok() && r.value == capy::Value::list({0, t, 2 * t})) ok.fetch_add(1);
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(ok.load(), 20);
}

}  // namespace
