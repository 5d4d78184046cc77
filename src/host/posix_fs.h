// PosixFileSystem: the file-system door over an isolate's directory grants,
// for Linux. Every guest path is located in one granted directory (a
// whole-component prefix of the absolute path) and the rest of it is
// resolved by the kernel beneath that directory's descriptor with openat2
// and RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS, so no `..`, absolute path,
// symlink or /proc trick leaves the grant. Kernels without openat2 get an
// equivalent walk, one component at a time (O_NOFOLLOW | O_DIRECTORY, with
// symlinks inside the grant expanded by hand and `..` refused at the root).
// Operations on a name (mkdir, unlink, rename, lstat…) open the parent
// beneath the grant and act on the last component with the *at() calls.
// A read-only grant refuses every write, create, truncate, rename and
// delete with EACCES. See docs/files.md.
#pragma once

#include <atomic>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "vm/host_fs.h"

namespace capy {

class PosixFileSystem : public FileSystem {
 public:
  struct Grant {
    std::string path;  // absolute and canonical
    bool writable = false;
  };
  struct Options {
    /// The working directory relative guest paths start from (absolute and
    /// canonical); empty: the process's working directory at construction.
    std::string cwd;
    /// Resolve with the component walk even when the kernel has openat2.
    bool force_walk = false;
    /// Files and directory listings open at the same time.
    int max_open = 256;
  };

  PosixFileSystem(const std::vector<Grant>& grants, const Options& options);
  explicit PosixFileSystem(const std::vector<Grant>& grants) : PosixFileSystem(grants, Options()) {}
  ~PosixFileSystem() override;
  PosixFileSystem(const PosixFileSystem&) = delete;
  PosixFileSystem& operator=(const PosixFileSystem&) = delete;

  int getcwd(std::string* out) override;
  int open(std::string_view path, const OpenRequest& how, std::unique_ptr<FileHandle>* out) override;
  int stat(std::string_view path, bool follow_symlinks, FileStat* out) override;
  int open_dir(std::string_view path, std::unique_ptr<DirStream>* out) override;
  int access(std::string_view path, int mode) override;
  int make_dir(std::string_view path, uint32_t mode) override;
  int remove_dir(std::string_view path) override;
  int unlink(std::string_view path) override;
  int rename(std::string_view from, std::string_view to) override;
  int read_link(std::string_view path, std::string* out) override;
  int set_times(std::string_view path, const int64_t* atime_ns, const int64_t* mtime_ns,
                bool follow_symlinks) override;
  int chmod(std::string_view path, uint32_t mode, bool follow_symlinks) override;

  /// True when paths are resolved with openat2 (false: the component walk).
  bool uses_openat2() const { return openat2_.load(std::memory_order_relaxed); }
  /// Files and listings currently open through this door.
  int open_count() const { return count_->load(std::memory_order_relaxed); }

  struct Root;  // one usable grant: its descriptor and path components

 private:
  struct Target;
  // Candidate grants for a path, longest first; -errno when none applies.
  int locate(std::string_view path, bool need_write, std::vector<Target>* out) const;
  int resolve(const Root& root, const std::string& rest, int flags, unsigned mode, int* fd);
  int resolve_walk(const Root& root, const std::string& rest, int flags, unsigned mode, int* fd);
  int open_parent(const Target& t, int* fd, std::string* last);

  std::vector<Root> roots_;
  std::vector<std::string> cwd_parts_;
  std::string cwd_;
  std::atomic<bool> openat2_{true};
  // Shared with the open handles, which may outlive the door.
  std::shared_ptr<std::atomic<int>> count_;
  int max_open_;
};

}  // namespace capy
