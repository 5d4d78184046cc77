// Source for import from a module root: the POSIX implementation of
// Host::read_module_source (src/vm/isolate.h) that the command line and the
// embedding API use. The file is opened beneath the root by the kernel
// (openat2 with RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS; where openat2 is
// missing, one component at a time with O_NOFOLLOW), so no "..", absolute
// path, symlink or /proc trick leaves the root; the module file itself must
// be a regular file, not a symbolic link (O_NOFOLLOW), and is only read.
// A module root gives import access only: open() does not see it.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace capy {

/// Reads the regular file `relative` ('/'-separated components, none empty,
/// "." or "..") beneath the directory `root`, at most `max_bytes` of it.
/// 0 with *out filled; -EISDIR for a directory; -EFBIG when the file is
/// larger than max_bytes; -ELOOP when it is a symbolic link; -ENOENT,
/// -ENOTDIR or another -errno otherwise.
int read_module_file(const std::string& root, std::string_view relative, size_t max_bytes, std::string* out);

/// Host::read_module_source for a host whose isolate has `roots` as its
/// module roots: refuses (-EACCES) a root that is not one of them, then
/// read_module_file.
int read_module_source_beneath(const std::vector<std::string>& roots, std::string_view root,
                               std::string_view relative, size_t max_bytes, std::string* out);

}  // namespace capy
