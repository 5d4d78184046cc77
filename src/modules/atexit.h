// atexit's side for hosts: running the registered exit functions when the
// main program has ended (src/modules/atexit_module.cc).
#pragma once

namespace capy {

class Isolate;

/// Calls the functions registered with atexit.register (and the exit hook
/// of weakref.finalize), last registered first, then forgets them. An
/// exception in one is reported on stderr ("Exception ignored in atexit
/// callback: ...") and the others still run. Nothing runs once a limit has
/// ended the run; returns false when one ends it during the calls.
bool run_atexit(Isolate& I);

}  // namespace capy
