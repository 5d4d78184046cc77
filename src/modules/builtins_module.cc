// builtins: the isolate's own builtins namespace as a module. Its dict *is*
// the isolate's builtins dict, so `builtins.print = f` changes what every
// module of this isolate (and no other isolate) sees.
#include "modules/registry.h"
#include "objects/dict.h"
#include "objects/str.h"
#include "vm/isolate.h"

namespace capy {

int init_builtins_module(Isolate& I, Module* m) {
  Dict* own = m->dict;
  m->dict = I.builtins;
  // Keep the module's identity entries (__name__, __doc__…) from the fresh dict.
  uint32_t pos = 0;
  Value k, v;
  while (dict_next(own, &pos, &k, &v)) {
    Value cur = dict_get(I, I.builtins, k);
    if (cur.is_error()) return -1;
    if (cur.is_null() && dict_set(I, I.builtins, k, v) < 0) return -1;
  }
  return 0;
}

}  // namespace capy
