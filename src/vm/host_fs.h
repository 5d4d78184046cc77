// The file-system door: the interface through which open(), io, os, shutil
// and pathlib reach files. The core never touches the file system itself; a
// host that wants to give an isolate files returns a FileSystem from
// Host::files(), and that object alone decides what a guest path names and
// whether the guest may use it (src/host/posix_fs.h confines every access to
// the isolate's directory grants). See docs/files.md.
//
// Paths are the guest's bytes (str paths arrive encoded as UTF-8 with
// surrogateescape), absolute or relative to getcwd(). Every call returns 0
// (or a non-negative count) on success and -errno on failure; the core turns
// the errno into the matching OSError subclass with CPython's message.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace capy {

/// What stat() reports (the fields of POSIX struct stat).
struct FileStat {
  uint32_t mode = 0;
  uint64_t ino = 0;
  uint64_t dev = 0;
  uint64_t nlink = 0;
  uint32_t uid = 0;
  uint32_t gid = 0;
  int64_t size = 0;
  int64_t atime_ns = 0;  // nanoseconds since the epoch
  int64_t mtime_ns = 0;
  int64_t ctime_ns = 0;
  int64_t blksize = 0;
  int64_t blocks = 0;
  uint64_t rdev = 0;
};

/// The type of a directory entry as the directory itself reports it.
enum class EntryKind : uint8_t { Unknown, File, Directory, Symlink, Other };

struct DirEntryInfo {
  std::string name;
  EntryKind kind = EntryKind::Unknown;
  uint64_t ino = 0;
};

/// How to open a file (the flags of open(2) that a guest can ask for).
struct OpenRequest {
  bool read = false;
  bool write = false;
  bool append = false;
  bool create = false;     // O_CREAT
  bool exclusive = false;  // O_EXCL (with create)
  bool truncate = false;   // O_TRUNC
  uint32_t mode = 0666;    // permission bits of a created file (before the umask)
};

/// An open file. Deleting it closes it.
class FileHandle {
 public:
  virtual ~FileHandle() = default;
  /// Reads up to n bytes; returns the count (0 at the end) or -errno.
  virtual int64_t read(void* buf, size_t n) = 0;
  /// Writes up to n bytes; returns the count or -errno.
  virtual int64_t write(const void* buf, size_t n) = 0;
  /// whence: 0 (set), 1 (current), 2 (end). Returns the new offset or -errno.
  virtual int64_t seek(int64_t offset, int whence) = 0;
  virtual int truncate(int64_t size) = 0;
  virtual int stat(FileStat* out) = 0;
};

/// An open directory listing, read one entry at a time ("." and ".." are
/// never reported). Deleting it closes it.
class DirStream {
 public:
  virtual ~DirStream() = default;
  /// 1 and *out filled, 0 at the end, or -errno.
  virtual int next(DirEntryInfo* out) = 0;
};

/// The door itself. Implementations must be safe to call from the thread
/// running the isolate while other isolates use other doors.
class FileSystem {
 public:
  virtual ~FileSystem() = default;
  /// The directory relative paths start from (absolute), as os.getcwd().
  virtual int getcwd(std::string* out) = 0;
  virtual int open(std::string_view path, const OpenRequest& how, std::unique_ptr<FileHandle>* out) = 0;
  virtual int stat(std::string_view path, bool follow_symlinks, FileStat* out) = 0;
  virtual int open_dir(std::string_view path, std::unique_ptr<DirStream>* out) = 0;
  /// access(2): mode is a combination of 4 (read), 2 (write), 1 (execute), or 0 (exists).
  virtual int access(std::string_view path, int mode) = 0;
  virtual int make_dir(std::string_view path, uint32_t mode) = 0;
  virtual int remove_dir(std::string_view path) = 0;
  virtual int unlink(std::string_view path) = 0;
  /// rename(2): replaces an existing target (os.rename and os.replace on POSIX).
  virtual int rename(std::string_view from, std::string_view to) = 0;
  virtual int read_link(std::string_view path, std::string* out) = 0;
  /// Sets access and modification times; nullptr times mean "now".
  virtual int set_times(std::string_view path, const int64_t* atime_ns, const int64_t* mtime_ns,
                        bool follow_symlinks) = 0;
  /// Sets the permission bits (mode & 0777).
  virtual int chmod(std::string_view path, uint32_t mode, bool follow_symlinks) = 0;
};

}  // namespace capy
