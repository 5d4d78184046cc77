// Module source beneath a module root (see module_source.h).
#include "host/module_source.h"

#include <fcntl.h>
#include <linux/openat2.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace capy {

namespace {

struct Fd {
  int fd = -1;
  ~Fd() {
    if (fd >= 0) ::close(fd);
  }
};

bool valid_relative(std::string_view rel) {
  if (rel.empty() || rel.front() == '/' || rel.back() == '/') return false;
  size_t start = 0;
  for (;;) {
    size_t slash = rel.find('/', start);
    std::string_view part = rel.substr(start, slash == std::string_view::npos ? std::string_view::npos : slash - start);
    if (part.empty() || part == "." || part == ".." || part.find('\0') != std::string_view::npos) return false;
    if (slash == std::string_view::npos) return true;
    start = slash + 1;
  }
}

// openat2 beneath `dirfd`; -ENOSYS when the kernel lacks it.
int open_beneath(int dirfd, const std::string& rel, int flags, int* out) {
  struct open_how how;
  memset(&how, 0, sizeof how);
  how.flags = static_cast<uint64_t>(flags | O_CLOEXEC);
  how.resolve = RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS;
  for (int tries = 0; tries < 16; ++tries) {
    long r = ::syscall(SYS_openat2, dirfd, rel.c_str(), &how, sizeof how);
    if (r >= 0) {
      *out = static_cast<int>(r);
      return 0;
    }
    int e = errno;
    if (e == EINTR || e == EAGAIN) continue;
    if (e == EXDEV) return -EACCES;  // the path leaves the root
    return -e;
  }
  return -EAGAIN;
}

// Without openat2: one component at a time, no symbolic link followed at
// all (stricter than openat2, never looser).
int open_walk(int rootfd, const std::string& rel, int flags, int* out) {
  Fd dir;
  int cur = rootfd;
  size_t start = 0;
  for (;;) {
    size_t slash = rel.find('/', start);
    if (slash == std::string::npos) break;
    std::string part = rel.substr(start, slash - start);
    int fd = ::openat(cur, part.c_str(), O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) return errno == ELOOP ? -ENOTDIR : -errno;
    if (dir.fd >= 0) ::close(dir.fd);
    dir.fd = fd;
    cur = fd;
    start = slash + 1;
  }
  std::string last = rel.substr(start);
  int fd = ::openat(cur, last.c_str(), flags | O_CLOEXEC);
  if (fd < 0) return -errno;
  *out = fd;
  return 0;
}

}  // namespace

int read_module_file(const std::string& root, std::string_view relative, size_t max_bytes, std::string* out) {
  if (!valid_relative(relative) || root.empty() || root.find('\0') != std::string::npos) return -EINVAL;
  Fd rootfd;
  rootfd.fd = ::open(root.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC);
  if (rootfd.fd < 0) return -errno;
  std::string rel(relative);
  Fd file;
  if (rel.size() < 3 || rel.compare(rel.size() - 3, 3, ".py") != 0) {
    // Not a source file: is it a directory (a namespace package portion)?
    int r = open_beneath(rootfd.fd, rel, O_PATH | O_DIRECTORY, &file.fd);
    if (r == -ENOSYS) r = open_walk(rootfd.fd, rel, O_PATH | O_DIRECTORY | O_NOFOLLOW, &file.fd);
    if (r == 0) return -EISDIR;
    return r == -ENOTDIR || r == -ELOOP ? -ENOENT : r;
  }
  // O_NONBLOCK: a FIFO named like a module must not block the import.
  const int flags = O_RDONLY | O_NOFOLLOW | O_NONBLOCK;
  int r = open_beneath(rootfd.fd, rel, flags, &file.fd);
  if (r == -ENOSYS) r = open_walk(rootfd.fd, rel, flags, &file.fd);
  if (r < 0) return r;
  struct stat st;
  if (::fstat(file.fd, &st) < 0) return -errno;
  if (S_ISDIR(st.st_mode)) return -EISDIR;
  if (!S_ISREG(st.st_mode)) return -ENOENT;  // not a module file
  if (static_cast<uint64_t>(st.st_size) > max_bytes) return -EFBIG;
  out->clear();
  char buf[65536];
  for (;;) {
    ssize_t n = ::read(file.fd, buf, sizeof buf);
    if (n < 0) {
      if (errno == EINTR) continue;
      return -errno;
    }
    if (n == 0) break;
    if (out->size() + static_cast<size_t>(n) > max_bytes) return -EFBIG;  // grew while reading
    out->append(buf, static_cast<size_t>(n));
  }
  return 0;
}

int read_module_source_beneath(const std::vector<std::string>& roots, std::string_view root,
                               std::string_view relative, size_t max_bytes, std::string* out) {
  for (const std::string& r : roots)
    if (r == root) return read_module_file(r, relative, max_bytes, out);
  return -EACCES;
}

}  // namespace capy
