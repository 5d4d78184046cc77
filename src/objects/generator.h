// Generators and coroutines (PEP 255, 342, 380, 479, 492).
//
// A generator object owns its frame: the frame is embedded in the object
// (after the fixed fields) and is resumed by linking it on top of the
// isolate's frame chain and running a nested dispatch loop on it until it
// yields, returns or raises. Frames are never exposed to guests (no
// gi_frame / cr_frame).
#pragma once

#include <cstdint>

#include "objects/object.h"
#include "vm/frame.h"

namespace capy {

struct Code;
struct Function;
struct BaseExc;

enum class GenState : uint8_t {
  Created,    // not started yet
  Suspended,  // stopped at a yield
  Running,    // executing (gi_running)
  Done,       // returned or raised; the frame is dead
};

struct Generator : Object {
  Code* code;
  Str* name;
  Str* qualname;
  BaseExc* exc_state;   // the exception this generator is handling (its own sys.exc_info)
  BaseExc* saved_handled;  // the resumer's I.handled while running
  uint64_t serial;      // for the repr's pseudo address
  GenState state;
  uint8_t is_coroutine;
  uint8_t yielded;      // set by the loop: the last run stopped at a yield
  uint8_t awaited_wrapper;  // unused padding
  uint32_t frame_bytes;
  alignas(8) unsigned char frame_storage[];  // a Frame and its slots

  Frame* frame() { return reinterpret_cast<Frame*>(frame_storage); }
};

/// Result of resuming a generator.
enum class GenResult : uint8_t { Yield, Return, Error };

/// Creates a generator/coroutine whose frame is ready to run `fn` with
/// localsplus copied from `src` (the already-bound arguments).
/// Returns the generator, or nullptr (exception pending).
Generator* generator_new(Isolate& I, Function* fn, const Value* localsplus, uint32_t nlocalsplus);

/// Resumes `g` by sending `v` (or throwing, when `v` is null and an
/// exception is pending: the pending exception is raised at the resume point).
/// *out receives the yielded or returned value. Does not raise StopIteration
/// on return: that is the caller's choice.
GenResult gen_resume(Isolate& I, Generator* g, Value v, Value* out);

/// gen.send(v) / next(gen) / gen.throw(...) with the full protocol (yield from
/// delegation, StopIteration on return). send returns the yielded value or
/// error; a return raises StopIteration(value).
Value gen_send(Isolate& I, Generator* g, Value v);
/// Like gen_send but reports exhaustion as Value::null() (no StopIteration
/// created) when the generator returns None... or *ret gets the return value:
/// returns GenResult.
GenResult gen_send_ex(Isolate& I, Generator* g, Value v, Value* out);
/// Throws exc (an instance) into the generator. `close_on_generator_exit`
/// as CPython's _gen_throw. Returns a yielded value or error.
Value gen_throw_exc(Isolate& I, Generator* g, Value exc);
/// gen.close(): 0 or -1.
int gen_close(Isolate& I, Generator* g);

/// The object a generator/coroutine is delegating to (yield from / await), or null.
Value gen_yieldfrom(Generator* g);

bool is_generator(Isolate& I, Value v);
bool is_coroutine(Isolate& I, Value v);

/// GET_AWAITABLE: the iterator for `await v`, or error.
Value get_awaitable(Isolate& I, Value v, int where);

/// Extracts the value of a pending StopIteration (clearing it): returns the
/// value (None when absent). Only call when pending_matches(StopIteration).
Value fetch_stop_iteration_value(Isolate& I);

void init_generator_types(Runtime& rt);

}  // namespace capy
