// capy/capy.hpp: the C++ embedding API of capy, in one include.
//
//   #include <capy/capy.hpp>
//
//   capy::Runtime runtime;                       // once per process
//   capy::Isolate isolate(runtime);              // one per guest world
//   isolate.define_function("double", [](capy::Call& c) -> capy::Value {
//     auto n = c.arg(0).to_int64();
//     if (!n) throw capy::HostError("TypeError", "double() needs an int");
//     return *n * 2;
//   });
//   capy::Result r = isolate.run("double(21)");
//   if (r.ok()) printf("%s\n", r.value.repr().c_str());   // 42
//
// Types live in namespace capy::api and are also named in namespace capy
// (capy::Isolate is capy::api::Isolate). See docs/embedding.md.
#pragma once

#include "capy/capability.h"
#include "capy/config.h"
#include "capy/isolate.h"
#include "capy/limits.h"
#include "capy/native.h"
#include "capy/result.h"
#include "capy/runtime.h"
#include "capy/value.h"
