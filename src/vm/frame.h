// Frame: the activation record of one Python code execution (a function
// call, a module body, a class body, exec/eval code, or a generator).
//
// Frames never live on the C++ stack. Ordinary frames are bump-allocated in
// the isolate's frame stack (chunks charged to the heap, see interpreter.cc);
// a generator's or coroutine's frame is embedded in the generator object.
// Layout: this header, then `localsplus` (code->nlocalsplus Values: the
// local variables, then cells, then free variables, in the compiler's order),
// then the value stack (code->stacksize Values).
//
// GC invariant: at every point where a collection may happen (any call out
// of the dispatch loop), `sp` is current, and every slot below `sp` and every
// localsplus slot holds a valid Value (null for an unbound local).
#pragma once

#include <cstdint>

#include "objects/object.h"

namespace capy {

struct Code;
struct Function;
struct Dict;
struct Generator;
struct FrameChunk;

enum FrameFlags : uint32_t {
  kFrameEntry = 1u << 0,   // returning from it leaves the C++ loop that runs it
  kFrameOnStack = 1u << 1, // allocated in the frame stack (else in a generator)
};

struct Frame {
  Code* code;
  Function* func;        // nullptr for module, class-body and exec/eval code
  Dict* globals;
  Dict* builtins;
  Dict* locals;          // LOAD_NAME namespace (module/class/exec); nullptr in functions
  Frame* back;           // the caller (nullptr at the bottom / suspended generators)
  const uint32_t* ip;    // next instruction to execute (resume point)
  Value* sp;             // one past the top of the value stack
  Generator* gen;        // the owning generator/coroutine, or nullptr
  FrameChunk* chunk;     // the frame-stack chunk holding it (frame-stack frames)
  uint32_t flags;
  uint32_t alloc_bytes;  // size of this frame (frame-stack frames)
  alignas(8) Value localsplus[];

  Value* stack_base() const;  // defined in interpreter.h (needs Code)
};

}  // namespace capy
