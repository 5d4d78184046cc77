// PosixFileSystem: guest paths resolved beneath the directory grants by the
// kernel (see posix_fs.h and docs/files.md).
#include "host/posix_fs.h"

#include <dirent.h>
#include <fcntl.h>
#include <linux/openat2.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstring>
#include <deque>

namespace capy {

namespace {

// Internal result: the path leaves its grant (reported to the guest as EACCES).
constexpr int kEscape = -100000;
// Symbolic links expanded in one walk (the kernel's own limit).
constexpr int kMaxLinks = 40;
constexpr uint64_t kResolve = RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS;
#ifndef SYS_fchmodat2
#define SYS_fchmodat2 452
#endif

std::vector<std::string> split(std::string_view p) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < p.size()) {
    size_t j = p.find('/', i);
    if (j == std::string_view::npos) j = p.size();
    if (j > i) out.emplace_back(p.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

std::string join(const std::vector<std::string>& parts, size_t from, size_t to) {
  std::string s;
  for (size_t i = from; i < to; ++i) {
    if (!s.empty()) s += '/';
    s += parts[i];
  }
  return s;
}

int64_t ns_of(const struct timespec& ts) {
  return static_cast<int64_t>(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

FileStat to_stat(const struct stat& st) {
  FileStat f;
  f.mode = st.st_mode;
  f.ino = st.st_ino;
  f.dev = st.st_dev;
  f.nlink = st.st_nlink;
  f.uid = st.st_uid;
  f.gid = st.st_gid;
  f.size = st.st_size;
  f.atime_ns = ns_of(st.st_atim);
  f.mtime_ns = ns_of(st.st_mtim);
  f.ctime_ns = ns_of(st.st_ctim);
  f.blksize = st.st_blksize;
  f.blocks = st.st_blocks;
  f.rdev = st.st_rdev;
  return f;
}

int errno_result() { return errno ? -errno : -EIO; }

// Closes a descriptor on scope exit.
struct Fd {
  int fd = -1;
  Fd() = default;
  explicit Fd(int f) : fd(f) {}
  ~Fd() {
    if (fd >= 0) ::close(fd);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int release() {
    int f = fd;
    fd = -1;
    return f;
  }
};

bool is_dot(const std::string& c) { return c == "." || c == ".."; }

}  // namespace

struct PosixFileSystem::Root {
  int fd = -1;
  std::vector<std::string> parts;
  bool writable = false;
};

struct PosixFileSystem::Target {
  const Root* root = nullptr;
  std::vector<std::string> comps;  // beneath the root; empty: the root itself
  bool trailing = false;           // the path ended with '/'

  std::string rest() const {
    std::string r = comps.empty() ? std::string(".") : join(comps, 0, comps.size());
    if (trailing && !comps.empty()) r += '/';
    return r;
  }
};

// --- open files and listings ----------------------------------------------------------------

class PosixFile final : public FileHandle {
 public:
  PosixFile(int fd, std::shared_ptr<std::atomic<int>> count) : fd_(fd), count_(std::move(count)) {}
  ~PosixFile() override {
    ::close(fd_);
    count_->fetch_sub(1);
  }
  int64_t read(void* buf, size_t n) override {
    for (;;) {
      ssize_t r = ::read(fd_, buf, n);
      if (r >= 0) return r;
      if (errno != EINTR) return errno_result();
    }
  }
  int64_t write(const void* buf, size_t n) override {
    for (;;) {
      ssize_t r = ::write(fd_, buf, n);
      if (r >= 0) return r;
      if (errno != EINTR) return errno_result();
    }
  }
  int64_t seek(int64_t offset, int whence) override {
    int w = whence == 0 ? SEEK_SET : whence == 1 ? SEEK_CUR : whence == 2 ? SEEK_END : -1;
    if (w < 0) return -EINVAL;
    off_t r = ::lseek(fd_, offset, w);
    return r < 0 ? errno_result() : r;
  }
  int truncate(int64_t size) override {
    if (size < 0) return -EINVAL;
    for (;;) {
      if (::ftruncate(fd_, size) == 0) return 0;
      if (errno != EINTR) return errno_result();
    }
  }
  int stat(FileStat* out) override {
    struct stat st;
    if (::fstat(fd_, &st) < 0) return errno_result();
    *out = to_stat(st);
    return 0;
  }

 private:
  int fd_;
  std::shared_ptr<std::atomic<int>> count_;
};

class PosixDir final : public DirStream {
 public:
  PosixDir(DIR* d, std::shared_ptr<std::atomic<int>> count) : dir_(d), count_(std::move(count)) {}
  ~PosixDir() override {
    ::closedir(dir_);
    count_->fetch_sub(1);
  }
  int next(DirEntryInfo* out) override {
    for (;;) {
      errno = 0;
      struct dirent* e = ::readdir(dir_);
      if (!e) return errno ? -errno : 0;
      if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) continue;
      out->name = e->d_name;
      out->ino = e->d_ino;
      switch (e->d_type) {
        case DT_REG: out->kind = EntryKind::File; break;
        case DT_DIR: out->kind = EntryKind::Directory; break;
        case DT_LNK: out->kind = EntryKind::Symlink; break;
        case DT_UNKNOWN: out->kind = EntryKind::Unknown; break;
        default: out->kind = EntryKind::Other; break;
      }
      return 1;
    }
  }

 private:
  DIR* dir_;
  std::shared_ptr<std::atomic<int>> count_;
};

// --- construction -----------------------------------------------------------------------------

PosixFileSystem::PosixFileSystem(const std::vector<Grant>& grants, const Options& options)
    : count_(std::make_shared<std::atomic<int>>(0)), max_open_(options.max_open) {
  cwd_ = options.cwd;
  if (cwd_.empty()) {
    char buf[PATH_MAX];
    if (::getcwd(buf, sizeof buf)) cwd_ = buf;
  }
  cwd_parts_ = split(cwd_);
  for (const Grant& g : grants) {
    if (g.path.empty() || g.path[0] != '/') continue;
    int fd = ::open(g.path.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) continue;  // a grant that cannot be opened gives nothing
    // The same directory granted twice: keep the wider right.
    bool merged = false;
    for (Root& r : roots_) {
      if (r.parts == split(g.path)) {
        r.writable = r.writable || g.writable;
        merged = true;
      }
    }
    if (merged) {
      ::close(fd);
      continue;
    }
    roots_.push_back({fd, split(g.path), g.writable});
  }
  // Longest (innermost) grants first: a path is resolved in the closest one.
  std::stable_sort(roots_.begin(), roots_.end(),
                   [](const Root& a, const Root& b) { return a.parts.size() > b.parts.size(); });
  if (options.force_walk) openat2_ = false;
}

PosixFileSystem::~PosixFileSystem() {
  for (Root& r : roots_) ::close(r.fd);
}

int PosixFileSystem::getcwd(std::string* out) {
  if (cwd_.empty()) return -ENOENT;
  *out = cwd_;
  return 0;
}

// --- locating a path --------------------------------------------------------------------------

// The absolute path is built from the components of cwd and the guest path;
// "." is dropped and ".." is applied lexically only where the components
// before it are known to be real directories without symlinks (an ancestor
// of the working directory or of a grant, all canonical), so the path keeps
// the meaning the kernel gives it. Everything else, ".." included, is left
// for the kernel to resolve beneath the grant.
int PosixFileSystem::locate(std::string_view path, bool need_write, std::vector<Target>* out) const {
  out->clear();
  if (path.empty()) return -ENOENT;
  if (path.find('\0') != std::string_view::npos) return -EINVAL;
  if (path.size() >= PATH_MAX) return -ENAMETOOLONG;
  std::vector<std::string> stack;
  if (path[0] != '/') stack = cwd_parts_;
  std::vector<std::string> comps = split(path);
  bool trailing = path.back() == '/';
  auto canonical = [&](const std::vector<std::string>& s) {
    auto prefix_of = [&](const std::vector<std::string>& full) {
      return s.size() <= full.size() && std::equal(s.begin(), s.end(), full.begin());
    };
    if (prefix_of(cwd_parts_)) return true;
    for (const Root& r : roots_)
      if (prefix_of(r.parts)) return true;
    return false;
  };
  for (size_t i = 0; i < comps.size(); ++i) {
    const std::string& c = comps[i];
    bool last = i + 1 == comps.size();
    if (c == ".") {
      if (last) stack.push_back(c);
      continue;
    }
    if (c == ".." && canonical(stack)) {
      if (!stack.empty()) stack.pop_back();
      continue;
    }
    stack.push_back(c);
  }
  if (!stack.empty() && is_dot(stack.back())) trailing = false;
  for (const Root& r : roots_) {
    if (stack.size() < r.parts.size() || !std::equal(r.parts.begin(), r.parts.end(), stack.begin())) continue;
    if (need_write && !r.writable) continue;
    Target t;
    t.root = &r;
    t.comps.assign(stack.begin() + static_cast<ptrdiff_t>(r.parts.size()), stack.end());
    t.trailing = trailing;
    out->push_back(std::move(t));
  }
  return out->empty() ? -EACCES : 0;
}

// --- resolving beneath a grant ------------------------------------------------------------------

int PosixFileSystem::resolve(const Root& root, const std::string& rest, int flags, unsigned mode, int* fd) {
  flags |= O_CLOEXEC;
  if (openat2_.load(std::memory_order_relaxed)) {
    struct open_how how;
    memset(&how, 0, sizeof how);
    how.flags = static_cast<uint64_t>(flags);
    how.mode = (flags & O_CREAT) ? mode : 0;
    how.resolve = kResolve;
    for (int tries = 0; tries < 16; ++tries) {
      long r = ::syscall(SYS_openat2, root.fd, rest.c_str(), &how, sizeof how);
      if (r >= 0) {
        *fd = static_cast<int>(r);
        return 0;
      }
      int e = errno;
      if (e == EINTR || e == EAGAIN) continue;  // EAGAIN: a concurrent rename under RESOLVE_BENEATH
      if (e == ENOSYS) {
        openat2_ = false;
        return resolve_walk(root, rest, flags, mode, fd);
      }
      if (e == EXDEV) return kEscape;
      return -e;
    }
    return -EAGAIN;
  }
  return resolve_walk(root, rest, flags, mode, fd);
}

// The equivalent of openat2(RESOLVE_BENEATH) for kernels without it: one
// component at a time, never letting the kernel follow a symlink; a link's
// text is spliced into the remaining components (an absolute one, or a ".."
// above the root, leaves the grant).
int PosixFileSystem::resolve_walk(const Root& root, const std::string& rest, int flags, unsigned mode, int* out) {
  std::deque<std::string> todo;
  for (auto& c : split(rest)) todo.push_back(c);
  if (!rest.empty() && rest.back() == '/') todo.push_back(".");  // a trailing slash: a directory
  if (todo.empty()) todo.push_back(".");
  std::vector<int> dirs;
  struct Closer {
    std::vector<int>& d;
    ~Closer() {
      for (int f : d) ::close(f);
    }
  } closer{dirs};
  int first = ::fcntl(root.fd, F_DUPFD_CLOEXEC, 0);
  if (first < 0) return errno_result();
  dirs.push_back(first);
  int links = 0;
  // 1: `name` in `dir` was a symlink and its target is now in todo; 0: not a symlink.
  auto expand = [&](int dir, const std::string& name) -> int {
    char buf[PATH_MAX];
    ssize_t n = ::readlinkat(dir, name.c_str(), buf, sizeof buf);
    if (n < 0) return errno == EINVAL ? 0 : errno_result();
    if (++links > kMaxLinks) return -ELOOP;
    if (n == 0) return -ENOENT;
    if (static_cast<size_t>(n) >= sizeof buf) return -ENAMETOOLONG;
    std::string target(buf, static_cast<size_t>(n));
    if (target[0] == '/') return kEscape;
    std::vector<std::string> parts = split(target);
    if (target.back() == '/') parts.push_back(".");
    for (auto it = parts.rbegin(); it != parts.rend(); ++it) todo.push_front(*it);
    if (todo.empty()) todo.push_back(".");
    return 1;
  };
  while (!todo.empty()) {
    std::string c = std::move(todo.front());
    todo.pop_front();
    bool last = todo.empty();
    if (c == "..") {
      if (dirs.size() == 1) return kEscape;
      ::close(dirs.back());
      dirs.pop_back();
      if (!last) continue;
      c = ".";
    }
    if (c == "." && !last) continue;
    int cur = dirs.back();
    if (!last) {
      int fd = ::openat(cur, c.c_str(), O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
      if (fd >= 0) {
        dirs.push_back(fd);
        continue;
      }
      int e = errno;
      if (e == ENOTDIR || e == ELOOP) {
        int r = expand(cur, c);
        if (r == 1) continue;
        if (r < 0) return r;
      }
      return -e;
    }
    int fd = ::openat(cur, c.c_str(), flags | O_NOFOLLOW | O_CLOEXEC, mode);
    if (fd < 0) {
      int e = errno;
      if (c != "." && (e == ELOOP || e == ENOTDIR)) {
        int r = expand(cur, c);
        if (r == 1) continue;
        if (r < 0) return r;
      }
      return -e;
    }
    if (flags & O_PATH) {
      // O_PATH | O_NOFOLLOW opens a final symlink itself: follow it by hand.
      struct stat st;
      if (::fstat(fd, &st) == 0 && S_ISLNK(st.st_mode)) {
        ::close(fd);
        int r = expand(cur, c);
        if (r == 1) continue;
        return r < 0 ? r : -ELOOP;
      }
    }
    *out = fd;
    return 0;
  }
  return -ENOENT;
}

// Opens the directory holding the target's last component (O_PATH). Fails
// with EACCES for the grant's root itself (its parent is outside).
int PosixFileSystem::open_parent(const Target& t, int* fd, std::string* last) {
  if (t.comps.empty()) return -EACCES;
  *last = t.comps.back();
  std::string parent = t.comps.size() == 1 ? std::string(".") : join(t.comps, 0, t.comps.size() - 1);
  return resolve(*t.root, parent, O_PATH | O_DIRECTORY, 0, fd);
}

namespace {

// Runs op on each candidate grant until one does not report an escape.
template <class Targets, class Op>
int each_target(int located, const Targets& targets, Op op) {
  if (located < 0) return located;
  int r = kEscape;
  for (const auto& t : targets) {
    r = op(t);
    if (r != kEscape) return r;
  }
  return -EACCES;
}

}  // namespace

// --- the door's operations ----------------------------------------------------------------------

int PosixFileSystem::open(std::string_view path, const OpenRequest& how, std::unique_ptr<FileHandle>* out) {
  bool writes = how.write || how.append || how.create || how.truncate;
  std::vector<Target> targets;
  int located = locate(path, writes, &targets);
  if (located == 0 && count_->load() >= max_open_) return -EMFILE;
  int flags = O_NONBLOCK | O_NOCTTY;
  if (how.write || how.append) flags |= how.read ? O_RDWR : O_WRONLY;
  else flags |= O_RDONLY;
  if (how.append) flags |= O_APPEND;
  if (how.create) flags |= O_CREAT;
  if (how.create && how.exclusive) flags |= O_EXCL;
  if (how.truncate) flags |= O_TRUNC;
  return each_target(located, targets, [&](const Target& t) {
    int fd;
    int r = resolve(*t.root, t.rest(), flags, how.mode & 0777, &fd);
    if (r < 0) return r;
    Fd guard(fd);
    struct stat st;
    if (::fstat(fd, &st) < 0) return errno_result();
    // Only regular files: a directory is IsADirectoryError as in CPython;
    // FIFOs, sockets and devices (which could block or act on open) are refused.
    if (S_ISDIR(st.st_mode)) return -EISDIR;
    if (!S_ISREG(st.st_mode)) return -EPERM;
    int fl = ::fcntl(fd, F_GETFL);
    if (fl < 0 || ::fcntl(fd, F_SETFL, fl & ~O_NONBLOCK) < 0) return errno_result();
    count_->fetch_add(1);
    out->reset(new PosixFile(guard.release(), count_));
    return 0;
  });
}

int PosixFileSystem::stat(std::string_view path, bool follow_symlinks, FileStat* out) {
  std::vector<Target> targets;
  int located = locate(path, false, &targets);
  return each_target(located, targets, [&](const Target& t) {
    struct stat st;
    if (follow_symlinks || t.trailing || t.comps.empty() || is_dot(t.comps.back())) {
      int fd;
      int r = resolve(*t.root, t.rest(), O_PATH, 0, &fd);
      if (r < 0) return r;
      Fd guard(fd);
      if (::fstat(fd, &st) < 0) return errno_result();
    } else {
      int pfd;
      std::string last;
      int r = open_parent(t, &pfd, &last);
      if (r < 0) return r;
      Fd guard(pfd);
      if (::fstatat(pfd, last.c_str(), &st, AT_SYMLINK_NOFOLLOW) < 0) return errno_result();
    }
    *out = to_stat(st);
    return 0;
  });
}

int PosixFileSystem::open_dir(std::string_view path, std::unique_ptr<DirStream>* out) {
  std::vector<Target> targets;
  int located = locate(path, false, &targets);
  if (located == 0 && count_->load() >= max_open_) return -EMFILE;
  return each_target(located, targets, [&](const Target& t) {
    int fd;
    int r = resolve(*t.root, t.rest(), O_RDONLY | O_DIRECTORY | O_NONBLOCK, 0, &fd);
    if (r < 0) return r;
    DIR* d = ::fdopendir(fd);
    if (!d) {
      int e = errno_result();
      ::close(fd);
      return e;
    }
    count_->fetch_add(1);
    out->reset(new PosixDir(d, count_));
    return 0;
  });
}

int PosixFileSystem::access(std::string_view path, int mode) {
  std::vector<Target> targets;
  int located = locate(path, (mode & 2) != 0, &targets);
  return each_target(located, targets, [&](const Target& t) {
    int fd;
    int r = resolve(*t.root, t.rest(), O_PATH, 0, &fd);
    if (r < 0) return r;
    Fd guard(fd);
    if ((mode & 7) == 0) return 0;
    if (::syscall(SYS_faccessat2, fd, "", mode & 7, AT_EMPTY_PATH) == 0) return 0;
    if (errno != ENOSYS && errno != EINVAL) return errno_result();
    // No faccessat2: judge from the permission bits.
    struct stat st;
    if (::fstat(fd, &st) < 0) return errno_result();
    uid_t uid = ::geteuid();
    unsigned bits;
    if (uid == 0) bits = (st.st_mode & 0111) ? 7 : 6;
    else if (st.st_uid == uid) bits = (st.st_mode >> 6) & 7;
    else if (st.st_gid == ::getegid()) bits = (st.st_mode >> 3) & 7;
    else bits = st.st_mode & 7;
    return (bits & static_cast<unsigned>(mode & 7)) == static_cast<unsigned>(mode & 7) ? 0 : -EACCES;
  });
}

int PosixFileSystem::make_dir(std::string_view path, uint32_t mode) {
  std::vector<Target> targets;
  int located = locate(path, true, &targets);
  return each_target(located, targets, [&](const Target& t) {
    if (t.comps.empty() || is_dot(t.comps.back())) return -EEXIST;
    int pfd;
    std::string last;
    int r = open_parent(t, &pfd, &last);
    if (r < 0) return r;
    Fd guard(pfd);
    return ::mkdirat(pfd, last.c_str(), mode & 0777) < 0 ? errno_result() : 0;
  });
}

int PosixFileSystem::remove_dir(std::string_view path) {
  std::vector<Target> targets;
  int located = locate(path, true, &targets);
  return each_target(located, targets, [&](const Target& t) {
    if (t.comps.empty()) return -EACCES;
    if (t.comps.back() == ".") return -EINVAL;
    if (t.comps.back() == "..") return -ENOTEMPTY;
    int pfd;
    std::string last;
    int r = open_parent(t, &pfd, &last);
    if (r < 0) return r;
    Fd guard(pfd);
    return ::unlinkat(pfd, last.c_str(), AT_REMOVEDIR) < 0 ? errno_result() : 0;
  });
}

int PosixFileSystem::unlink(std::string_view path) {
  std::vector<Target> targets;
  int located = locate(path, true, &targets);
  return each_target(located, targets, [&](const Target& t) {
    if (t.comps.empty()) return -EACCES;
    if (is_dot(t.comps.back())) return -EISDIR;
    int pfd;
    std::string last;
    int r = open_parent(t, &pfd, &last);
    if (r < 0) return r;
    Fd guard(pfd);
    if (t.trailing) {
      // "name/" never names a file to unlink.
      struct stat st;
      if (::fstatat(pfd, last.c_str(), &st, AT_SYMLINK_NOFOLLOW) < 0) return errno_result();
      return S_ISDIR(st.st_mode) ? -EISDIR : -ENOTDIR;
    }
    return ::unlinkat(pfd, last.c_str(), 0) < 0 ? errno_result() : 0;
  });
}

int PosixFileSystem::rename(std::string_view from, std::string_view to) {
  std::vector<Target> src, dst;
  int located = locate(from, true, &src);
  if (located < 0) return located;
  located = locate(to, true, &dst);
  if (located < 0) return located;
  for (const Target& s : src) {
    if (s.comps.empty()) return -EACCES;
    if (is_dot(s.comps.back())) return -EBUSY;
    int spfd;
    std::string slast;
    int r = open_parent(s, &spfd, &slast);
    if (r == kEscape) continue;
    if (r < 0) return r;
    Fd sguard(spfd);
    if (s.trailing) {
      struct stat st;
      if (::fstatat(spfd, slast.c_str(), &st, AT_SYMLINK_NOFOLLOW) < 0) return errno_result();
      if (!S_ISDIR(st.st_mode)) return -ENOTDIR;
    }
    for (const Target& d : dst) {
      if (d.comps.empty()) return -EACCES;
      if (is_dot(d.comps.back())) return -EBUSY;
      int dpfd;
      std::string dlast;
      r = open_parent(d, &dpfd, &dlast);
      if (r == kEscape) continue;
      if (r < 0) return r;
      Fd dguard(dpfd);
      return ::renameat(spfd, slast.c_str(), dpfd, dlast.c_str()) < 0 ? errno_result() : 0;
    }
    return -EACCES;
  }
  return -EACCES;
}

int PosixFileSystem::read_link(std::string_view path, std::string* out) {
  std::vector<Target> targets;
  int located = locate(path, false, &targets);
  return each_target(located, targets, [&](const Target& t) {
    if (t.trailing || t.comps.empty() || is_dot(t.comps.back())) {
      // Not a symlink's own name: report whether the path exists beneath the grant.
      int fd;
      int r = resolve(*t.root, t.rest(), O_PATH, 0, &fd);
      if (r < 0) return r;
      ::close(fd);
      return -EINVAL;
    }
    int pfd;
    std::string last;
    int r = open_parent(t, &pfd, &last);
    if (r < 0) return r;
    Fd guard(pfd);
    char buf[PATH_MAX];
    ssize_t n = ::readlinkat(pfd, last.c_str(), buf, sizeof buf);
    if (n < 0) return errno_result();
    out->assign(buf, static_cast<size_t>(n));
    return 0;
  });
}

int PosixFileSystem::set_times(std::string_view path, const int64_t* atime_ns, const int64_t* mtime_ns,
                               bool follow_symlinks) {
  struct timespec ts[2];
  const int64_t* in[2] = {atime_ns, mtime_ns};
  for (int i = 0; i < 2; ++i) {
    if (in[i]) {
      int64_t v = *in[i];
      int64_t sec = v / 1000000000, nsec = v % 1000000000;
      if (nsec < 0) {
        nsec += 1000000000;
        --sec;
      }
      ts[i].tv_sec = sec;
      ts[i].tv_nsec = nsec;
    } else {
      ts[i].tv_sec = 0;
      ts[i].tv_nsec = UTIME_NOW;
    }
  }
  std::vector<Target> targets;
  int located = locate(path, true, &targets);
  return each_target(located, targets, [&](const Target& t) {
    if (follow_symlinks || t.trailing || t.comps.empty() || is_dot(t.comps.back())) {
      int fd;
      int r = resolve(*t.root, t.rest(), O_PATH, 0, &fd);
      if (r < 0) return r;
      Fd guard(fd);
      if (::utimensat(fd, "", ts, AT_EMPTY_PATH) == 0) return 0;
      if (errno != EINVAL) return errno_result();
      // Kernels without AT_EMPTY_PATH for utimensat: reopen for reading.
      int rfd;
      r = resolve(*t.root, t.rest(), O_RDONLY | O_NONBLOCK | O_NOCTTY, 0, &rfd);
      if (r < 0) return r;
      Fd rguard(rfd);
      return ::futimens(rfd, ts) < 0 ? errno_result() : 0;
    }
    int pfd;
    std::string last;
    int r = open_parent(t, &pfd, &last);
    if (r < 0) return r;
    Fd guard(pfd);
    return ::utimensat(pfd, last.c_str(), ts, AT_SYMLINK_NOFOLLOW) < 0 ? errno_result() : 0;
  });
}

int PosixFileSystem::chmod(std::string_view path, uint32_t mode, bool follow_symlinks) {
  std::vector<Target> targets;
  int located = locate(path, true, &targets);
  return each_target(located, targets, [&](const Target& t) {
    if (!follow_symlinks && !t.comps.empty() && !is_dot(t.comps.back()) && !t.trailing) {
      // Linux cannot change a symlink's own mode.
      int pfd;
      std::string last;
      int r = open_parent(t, &pfd, &last);
      if (r < 0) return r;
      Fd pguard(pfd);
      struct stat lst;
      if (::fstatat(pfd, last.c_str(), &lst, AT_SYMLINK_NOFOLLOW) < 0) return errno_result();
      if (S_ISLNK(lst.st_mode)) return -EOPNOTSUPP;
    }
    int fd;
    int r = resolve(*t.root, t.rest(), O_PATH, 0, &fd);
    if (r < 0) return r;
    Fd guard(fd);
    // Permission bits only: never set-user-ID, set-group-ID or sticky.
    if (::syscall(SYS_fchmodat2, fd, "", mode & 0777, AT_EMPTY_PATH) == 0) return 0;
    if (errno != ENOSYS && errno != EINVAL && errno != EOPNOTSUPP) return errno_result();
    int rfd;
    r = resolve(*t.root, t.rest(), O_RDONLY | O_NONBLOCK | O_NOCTTY, 0, &rfd);
    if (r < 0) return r;
    Fd rguard(rfd);
    return ::fchmod(rfd, mode & 0777) < 0 ? errno_result() : 0;
  });
}

}  // namespace capy
