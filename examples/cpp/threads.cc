// Several isolates of one runtime running at the same time on threads:
// each has its own heap, globals and limits; nothing is shared or locked.
#include <capy/capy.hpp>

#include <cstdio>
#include <string>
#include <thread>
#include <vector>

int main() {
  capy::Runtime runtime;
  const char* program = R"PY(
import json
def collatz(n):
    steps = 0
    while n != 1:
        n = 3 * n + 1 if n % 2 else n // 2
        steps += 1
    return steps
best = max(range(1, LIMIT), key=collatz)
json.dumps({'worker': WORKER, 'best': best, 'steps': collatz(best)})
)PY";
  constexpr int kWorkers = 4;
  std::vector<std::string> results(kWorkers);
  std::vector<std::thread> threads;
  for (int w = 0; w < kWorkers; ++w) {
    threads.emplace_back([&, w] {
      capy::Isolate isolate(runtime);
      isolate.set_global("WORKER", w);
      isolate.set_global("LIMIT", 10000 * (w + 1));
      capy::Result r = isolate.run(program);
      results[w] = r.ok() ? std::string(r.value.as_str()) : r.type_name + ": " + r.message;
    });
  }
  for (auto& t : threads) t.join();
  for (const std::string& line : results) std::printf("%s\n", line.c_str());
  return 0;
}
