// json.decoder: the decoder names of the json module (which implements them).
#include "modules/registry.h"
#include "vm/eval.h"

namespace capy {

int init_json__decoder_module(Isolate& I, Module* m) {
  static const char kSource[] =
      "from json import JSONDecoder, JSONDecodeError\n"
      "from json import _decode\n"
      "__all__ = ['JSONDecoder', 'JSONDecodeError']\n"
      "def scanstring(s, end, strict=True):\n"
      "    if end < 1 or s[end - 1:end] != '\"':\n"
      "        obj, stop = _decode('\"' + s[end:], 0, strict, None, None, None, None, None)\n"
      "        return obj, end + stop - 1\n"
      "    return _decode(s, end - 1, strict, None, None, None, None, None)\n";
  Value r = run_module_source(I, m, "<capy>/json/decoder.py", kSource);
  return r.is_error() ? -1 : 0;
}

}  // namespace capy
