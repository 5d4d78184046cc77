// capy/capability.h: what an isolate may reach beyond pure computation (C++ API).
//
// An isolate starts with no authority: no files, no environment, no modules
// beyond the default audited set. The host grants abilities explicitly,
// either in IsolateOptions or later with the Isolate::grant_* methods.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "capy/config.h"

namespace capy::api {

/// Where guest output goes: 1 = stdout, 2 = stderr.
enum class Stream : int { Stdout = 1, Stderr = 2 };

/// Receives every write of guest output (print, sys.stdout.write…), on the
/// thread running the isolate. The bytes are UTF-8 text.
using OutputFn = std::function<void(Stream stream, std::string_view bytes)>;

enum class Access : uint8_t {
  Read,       ///< open(..., "r"), os.listdir, os.stat…; every write is refused
  ReadWrite,  ///< also create, write, truncate, rename, delete beneath the directory
};

struct DirectoryGrant {
  std::string path;  ///< an existing directory; made absolute and canonical when granted
  Access access = Access::Read;
};

/// The abilities granted to an isolate.
struct Grants {
  /// open(), os, os.path, shutil and pathlib reach files beneath these
  /// directories only; paths are resolved beneath them by the kernel, so no
  /// "..", absolute path or symbolic link escapes.
  std::vector<DirectoryGrant> directories;
  /// Modules importable beyond the default audited set (see docs/embedding.md).
  std::vector<std::string> modules;
  /// Directories whose Python source files the guest may import (read for
  /// import only, never through open()).
  std::vector<std::string> module_roots;
  /// The guest's os.environ: exactly these variables, in this order.
  std::vector<std::pair<std::string, std::string>> env;
};

}  // namespace capy::api

#ifndef CAPY_API_NO_ALIASES
namespace capy {
using api::Access;
using api::DirectoryGrant;
using api::Grants;
using api::OutputFn;
using api::Stream;
}  // namespace capy
#endif
