// json.encoder: the encoder names of the json module (which implements them).
#include "modules/registry.h"
#include "vm/eval.h"

namespace capy {

int init_json__encoder_module(Isolate& I, Module* m) {
  static const char kSource[] =
      "from json import JSONEncoder\n"
      "from json import _make_iterencode\n"
      "from json import _encode_basestring as encode_basestring\n"
      "from json import _encode_basestring_ascii as encode_basestring_ascii\n"
      "INFINITY = float('inf')\n"
      "py_encode_basestring = encode_basestring\n"
      "py_encode_basestring_ascii = encode_basestring_ascii\n"
      "c_encode_basestring = encode_basestring\n"
      "c_encode_basestring_ascii = encode_basestring_ascii\n";
  Value r = run_module_source(I, m, "<capy>/json/encoder.py", kSource);
  return r.is_error() ? -1 : 0;
}

}  // namespace capy
