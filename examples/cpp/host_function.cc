// Host functions, a host module and an opaque host object: the guest calls
// C++ code, and C++ errors become Python exceptions.
#include <capy/capy.hpp>

#include <cstdio>
#include <map>
#include <memory>
#include <string>

// State the guest may use only through the methods declared below.
struct Inventory {
  std::map<std::string, int64_t> stock{{"apple", 3}, {"pear", 0}};
};

int main() {
  capy::Runtime runtime;
  capy::Isolate isolate(runtime);

  // A builtin function: price("apple") -> 0.5
  isolate.define_function("price", [](capy::Call& call) -> capy::Value {
    if (!call.expect_args(1, 1)) return {};
    std::string item(call.arg(0).as_str());
    if (item == "apple") return 0.5;
    if (item == "pear") return 0.75;
    throw capy::HostError("KeyError", item);  // the guest sees KeyError('kiwi')
  });

  // A module the guest imports.
  capy::HostModule shop("shop");
  shop.value("CURRENCY", "EUR")
      .function("total", [](capy::Call& call) {
        double sum = 0;
        for (const capy::Value& v : call.arg(0).items()) sum += v.as_double();
        return capy::Value(sum);
      });
  isolate.define_module(shop);

  // An opaque host object with two methods.
  auto inventory = std::make_shared<Inventory>();
  auto cls = std::make_shared<capy::HostClass>("Inventory");
  cls->method("count", [](capy::Call& call) {
       auto* inv = call.self<Inventory>();
       auto it = inv->stock.find(std::string(call.arg(0).as_str()));
       return capy::Value(it == inv->stock.end() ? 0 : it->second);
     })
      .method("take", [](capy::Call& call) -> capy::Value {
        auto* inv = call.self<Inventory>();
        int64_t& n = inv->stock[std::string(call.arg(0).as_str())];
        if (n == 0) return call.raise("ValueError", "out of stock");
        return --n;
      });
  isolate.set_global("inventory", capy::Value::host_object(inventory, cls));

  capy::Result r = isolate.run(R"PY(
import shop
basket = ['apple', 'apple', 'pear']
prices = [price(item) for item in basket]
print('total:', shop.total(prices), shop.CURRENCY)
for item in ('apple', 'pear'):
    try:
        print(item, 'left after taking one:', inventory.take(item))
    except ValueError as e:
        print(item, 'error:', e)
try:
    price('kiwi')
except KeyError as e:
    print('no price for', e)
try:
    inventory.stock
except AttributeError as e:
    print('private:', e)
{'apples': inventory.count('apple'), 'basket': tuple(basket)}
)PY");
  if (!r.ok()) {
    std::fprintf(stderr, "%s", r.traceback.c_str());
    return 1;
  }
  std::printf("result: %s\n", r.value.repr().c_str());
  std::printf("host sees %lld apples\n", static_cast<long long>(inventory->stock["apple"]));
  return 0;
}
