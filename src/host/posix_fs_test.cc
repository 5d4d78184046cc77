// Unit tests of PosixFileSystem: every way out of a grant is refused, with
// openat2 and with the component walk, and a read-only grant refuses every
// change.
#include "host/posix_fs.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <cerrno>
#include <cstdlib>
#include <fstream>
#include <set>
#include <string>

namespace capy {
namespace {

// A workspace: WS/outside.txt, WS/box/{data.txt, sub/inner.txt, link -> WS/outside.txt,
// updir -> .., inlink -> sub/inner.txt, fifo}, WS/box-sibling.txt.
class Workspace {
 public:
  Workspace() {
    char tmpl[] = "/tmp/capy-posixfs-XXXXXX";
    char* d = mkdtemp(tmpl);
    EXPECT_NE(d, nullptr);
    char* real = realpath(d, nullptr);
    ws = real;
    free(real);
    box = ws + "/box";
    mkdir(box.c_str(), 0755);
    mkdir((box + "/sub").c_str(), 0755);
    write(ws + "/outside.txt", "outside\n");
    write(ws + "/box-sibling.txt", "sibling\n");
    write(box + "/data.txt", "hello from the box\n");
    write(box + "/sub/inner.txt", "inner\n");
    EXPECT_EQ(symlink((ws + "/outside.txt").c_str(), (box + "/link").c_str()), 0);
    EXPECT_EQ(symlink("..", (box + "/updir").c_str()), 0);
    EXPECT_EQ(symlink("sub/inner.txt", (box + "/inlink").c_str()), 0);
    EXPECT_EQ(mkfifo((box + "/fifo").c_str(), 0644), 0);
  }
  ~Workspace() {
    std::string cmd = "rm -rf '" + ws + "'";
    EXPECT_EQ(system(cmd.c_str()), 0);
  }
  static void write(const std::string& path, const std::string& text) { std::ofstream(path) << text; }
  static std::string read(const std::string& path) {
    std::ifstream f(path);
    return std::string(std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>());
  }
  std::string ws, box;
};

std::string read_all(FileHandle* h) {
  std::string out;
  char buf[256];
  for (;;) {
    int64_t n = h->read(buf, sizeof buf);
    if (n <= 0) break;
    out.append(buf, static_cast<size_t>(n));
  }
  return out;
}

int open_read(FileSystem& fs, const std::string& path, std::string* text = nullptr) {
  std::unique_ptr<FileHandle> h;
  OpenRequest how;
  how.read = true;
  int r = fs.open(path, how, &h);
  if (r == 0 && text) *text = read_all(h.get());
  return r;
}

int open_write(FileSystem& fs, const std::string& path, bool append = false) {
  std::unique_ptr<FileHandle> h;
  OpenRequest how;
  how.write = true;
  how.create = true;
  how.append = append;
  how.truncate = !append;
  int r = fs.open(path, how, &h);
  if (r == 0) {
    int64_t n = h->write("x", 1);
    if (n != 1) return -EIO;
  }
  return r;
}

class PosixFs : public ::testing::TestWithParam<bool> {
 protected:
  std::unique_ptr<PosixFileSystem> make(bool writable, std::string cwd = "") {
    PosixFileSystem::Options o;
    o.cwd = cwd.empty() ? w.ws : cwd;
    o.force_walk = GetParam();
    auto fs = std::make_unique<PosixFileSystem>(std::vector<PosixFileSystem::Grant>{{w.box, writable}}, o);
    EXPECT_EQ(fs->uses_openat2(), !GetParam());
    return fs;
  }
  Workspace w;
};

TEST_P(PosixFs, ReadsInsideTheGrant) {
  auto fs = make(false);
  std::string text;
  EXPECT_EQ(open_read(*fs, w.box + "/data.txt", &text), 0);
  EXPECT_EQ(text, "hello from the box\n");
  EXPECT_EQ(open_read(*fs, "box/data.txt", &text), 0);  // relative to cwd
  EXPECT_EQ(open_read(*fs, "box/./sub/../data.txt"), 0);
  EXPECT_EQ(open_read(*fs, "box/../box/data.txt"), 0);  // ".." over canonical components
  EXPECT_EQ(open_read(*fs, w.box + "//sub///inner.txt", &text), 0);
  EXPECT_EQ(text, "inner\n");
  EXPECT_EQ(open_read(*fs, "box/inlink", &text), 0);  // a relative symlink that stays inside
  EXPECT_EQ(text, "inner\n");
  EXPECT_EQ(open_read(*fs, "box/nope.txt"), -ENOENT);
  EXPECT_EQ(open_read(*fs, "box/sub"), -EISDIR);
  EXPECT_EQ(open_read(*fs, "box/data.txt/"), -ENOTDIR);
  EXPECT_EQ(open_read(*fs, "box/fifo"), -EPERM);  // never blocks on a FIFO
  EXPECT_EQ(open_read(*fs, ""), -ENOENT);
  EXPECT_EQ(open_read(*fs, std::string("box/data.txt\0x", 14)), -EINVAL);
}

TEST_P(PosixFs, NothingLeavesTheGrant) {
  auto fs = make(true);
  const std::string escapes[] = {
      w.ws + "/outside.txt",
      "outside.txt",
      "box/../outside.txt",
      w.box + "/../outside.txt",
      w.box + "/./../outside.txt",
      w.box + "/sub/../../outside.txt",
      w.box + "/missing/../../outside.txt",
      "box/link",
      "box/updir/outside.txt",
      "box/updir/box/data.txt",
      w.box + "-sibling.txt",
      "/proc/self/cwd/outside.txt",
      "/proc/self/root" + w.ws + "/outside.txt",
      "/etc/passwd",
      "/",
      w.ws,
  };
  for (const std::string& p : escapes) {
    std::string text;
    int r = open_read(*fs, p, &text);
    EXPECT_NE(r, 0) << p;
    EXPECT_EQ(text.find("outside"), std::string::npos) << p;
    EXPECT_NE(open_write(*fs, p), 0) << p;
    FileStat st;
    EXPECT_NE(fs->stat(p, true, &st), 0) << p;
  }
  EXPECT_EQ(open_read(*fs, "box/link"), -EACCES);
  EXPECT_EQ(open_read(*fs, "box/updir/outside.txt"), -EACCES);
  EXPECT_EQ(open_read(*fs, w.box + "-sibling.txt"), -EACCES);
  // ".." after a component that is not a directory fails inside the grant.
  EXPECT_EQ(open_read(*fs, w.box + "/data.txt/../../outside.txt"), -ENOTDIR);
  EXPECT_EQ(fs->unlink("box/link"), 0);  // the link itself is inside: it may go
  EXPECT_EQ(fs->unlink("box/updir/outside.txt"), -EACCES);
  EXPECT_EQ(fs->remove_dir(w.box), -EACCES);
  EXPECT_EQ(fs->rename("outside.txt", "box/stolen.txt"), -EACCES);
  EXPECT_EQ(fs->rename("box/data.txt", "box/updir/escaped.txt"), -EACCES);
  EXPECT_EQ(fs->rename("box/data.txt", "outside.txt"), -EACCES);
  EXPECT_EQ(fs->make_dir("box/updir/newdir", 0755), -EACCES);
  EXPECT_EQ(fs->set_times("box/updir/outside.txt", nullptr, nullptr, true), -EACCES);
  EXPECT_EQ(fs->chmod("box/updir/outside.txt", 0600, true), -EACCES);
  std::unique_ptr<DirStream> d;
  EXPECT_EQ(fs->open_dir("box/updir", &d), -EACCES);
  EXPECT_EQ(fs->open_dir(w.ws, &d), -EACCES);
  EXPECT_EQ(Workspace::read(w.ws + "/outside.txt"), "outside\n");
  struct stat st;
  EXPECT_NE(::stat((w.ws + "/escaped.txt").c_str(), &st), 0);
  EXPECT_NE(::stat((w.ws + "/newdir").c_str(), &st), 0);
}

TEST_P(PosixFs, ReadOnlyGrantRefusesEveryChange) {
  auto fs = make(false);
  EXPECT_EQ(open_write(*fs, "box/data.txt"), -EACCES);
  EXPECT_EQ(open_write(*fs, "box/data.txt", true), -EACCES);
  EXPECT_EQ(open_write(*fs, "box/new.txt"), -EACCES);
  std::unique_ptr<FileHandle> h;
  OpenRequest how;
  how.read = true;
  how.truncate = true;
  EXPECT_EQ(fs->open("box/data.txt", how, &h), -EACCES);
  EXPECT_EQ(fs->make_dir("box/d", 0755), -EACCES);
  EXPECT_EQ(fs->remove_dir("box/sub"), -EACCES);
  EXPECT_EQ(fs->unlink("box/data.txt"), -EACCES);
  EXPECT_EQ(fs->rename("box/data.txt", "box/moved.txt"), -EACCES);
  EXPECT_EQ(fs->set_times("box/data.txt", nullptr, nullptr, true), -EACCES);
  EXPECT_EQ(fs->chmod("box/data.txt", 0600, true), -EACCES);
  EXPECT_EQ(fs->access("box/data.txt", 2), -EACCES);
  EXPECT_EQ(fs->access("box/data.txt", 4), 0);
  EXPECT_EQ(Workspace::read(w.box + "/data.txt"), "hello from the box\n");
}

TEST_P(PosixFs, WritableGrant) {
  auto fs = make(true);
  EXPECT_EQ(open_write(*fs, "box/new.txt"), 0);
  EXPECT_EQ(open_write(*fs, "box/new.txt", true), 0);
  EXPECT_EQ(Workspace::read(w.box + "/new.txt"), "xx");
  std::unique_ptr<FileHandle> h;
  OpenRequest excl;
  excl.write = excl.create = excl.exclusive = true;
  EXPECT_EQ(fs->open("box/new.txt", excl, &h), -EEXIST);
  EXPECT_EQ(fs->open("box/sub", excl, &h), -EEXIST);
  EXPECT_EQ(fs->make_dir("box/d", 0755), 0);
  EXPECT_EQ(fs->make_dir("box/d", 0755), -EEXIST);
  EXPECT_EQ(fs->make_dir("box/nope/d", 0755), -ENOENT);
  EXPECT_EQ(fs->rename("box/new.txt", "box/d/moved.txt"), 0);
  EXPECT_EQ(Workspace::read(w.box + "/d/moved.txt"), "xx");
  EXPECT_EQ(fs->remove_dir("box/d"), -ENOTEMPTY);
  EXPECT_EQ(fs->unlink("box/d/moved.txt/"), -ENOTDIR);
  EXPECT_EQ(fs->unlink("box/d/moved.txt"), 0);
  EXPECT_EQ(fs->unlink("box/d"), -EISDIR);
  EXPECT_EQ(fs->remove_dir("box/d"), 0);
  EXPECT_EQ(fs->remove_dir("box/sub/.."), -ENOTEMPTY);
  EXPECT_EQ(fs->unlink("box/.."), -EACCES);  // ".." over the grant's root: its parent, outside
  FileStat st;
  int64_t t = 1000000000LL * 1000000000LL;  // 2001-09-09, in nanoseconds
  EXPECT_EQ(fs->set_times("box/data.txt", &t, &t, true), 0);
  EXPECT_EQ(fs->stat("box/data.txt", true, &st), 0);
  EXPECT_EQ(st.mtime_ns, t);
  EXPECT_EQ(fs->chmod("box/data.txt", 04755, true), 0);
  EXPECT_EQ(fs->stat("box/data.txt", true, &st), 0);
  EXPECT_EQ(st.mode & 07777, 0755u);  // permission bits only, never set-user-ID
  EXPECT_EQ(fs->stat("box/link", false, &st), 0);
  EXPECT_TRUE(S_ISLNK(st.mode));
  std::string target;
  EXPECT_EQ(fs->read_link("box/link", &target), 0);
  EXPECT_EQ(target, w.ws + "/outside.txt");
  EXPECT_EQ(fs->read_link("box/data.txt", &target), -EINVAL);
}

TEST_P(PosixFs, ListsDirectories) {
  auto fs = make(false);
  std::unique_ptr<DirStream> d;
  ASSERT_EQ(fs->open_dir("box", &d), 0);
  std::set<std::string> names;
  DirEntryInfo e;
  int r;
  while ((r = d->next(&e)) == 1) {
    names.insert(e.name);
    if (e.name == "sub") {
      EXPECT_EQ(e.kind, EntryKind::Directory);
    } else if (e.name == "link") {
      EXPECT_EQ(e.kind, EntryKind::Symlink);
    } else if (e.name == "data.txt") {
      EXPECT_EQ(e.kind, EntryKind::File);
    }
  }
  EXPECT_EQ(r, 0);
  EXPECT_EQ(names, (std::set<std::string>{"data.txt", "sub", "link", "updir", "inlink", "fifo"}));
  EXPECT_EQ(fs->open_dir("box/data.txt", &d), -ENOTDIR);
}

TEST_P(PosixFs, WorkingDirectoryInsideTheGrant) {
  auto fs = make(false, w.box + "/sub");
  std::string text;
  EXPECT_EQ(open_read(*fs, "inner.txt", &text), 0);
  EXPECT_EQ(open_read(*fs, "../data.txt", &text), 0);
  EXPECT_EQ(text, "hello from the box\n");
  EXPECT_EQ(open_read(*fs, "../../outside.txt"), -EACCES);
  std::string cwd;
  EXPECT_EQ(fs->getcwd(&cwd), 0);
  EXPECT_EQ(cwd, w.box + "/sub");
}

TEST_P(PosixFs, NestedGrants) {
  PosixFileSystem::Options o;
  o.cwd = w.ws;
  o.force_walk = GetParam();
  PosixFileSystem fs({{w.box, false}, {w.box + "/sub", true}}, o);
  EXPECT_EQ(open_write(fs, "box/sub/new.txt"), 0);
  EXPECT_EQ(open_write(fs, "box/new.txt"), -EACCES);
  EXPECT_EQ(open_read(fs, "box/sub/../data.txt"), 0);
  EXPECT_EQ(fs.rename("box/sub/new.txt", "box/moved.txt"), -EACCES);
}

TEST_P(PosixFs, NoMagicLinks) {
  // Even a grant of /proc/self gives no way through its magic links.
  char* self = realpath("/proc/self", nullptr);
  ASSERT_NE(self, nullptr);
  std::string proc = self;
  free(self);
  PosixFileSystem::Options o;
  o.cwd = w.ws;
  o.force_walk = GetParam();
  PosixFileSystem fs({{proc, false}}, o);
  std::string text;
  EXPECT_NE(open_read(fs, proc + "/root" + w.ws + "/outside.txt", &text), 0);
  EXPECT_NE(open_read(fs, proc + "/cwd/outside.txt", &text), 0);
  EXPECT_EQ(text, "");
  EXPECT_EQ(open_read(fs, proc + "/comm", &text), 0);  // a plain file of the grant
}

TEST_P(PosixFs, OpenFilesAreCounted) {
  PosixFileSystem::Options o;
  o.cwd = w.ws;
  o.force_walk = GetParam();
  o.max_open = 3;
  PosixFileSystem fs({{w.box, false}}, o);
  OpenRequest how;
  how.read = true;
  std::unique_ptr<FileHandle> a, b, c, d;
  EXPECT_EQ(fs.open("box/data.txt", how, &a), 0);
  EXPECT_EQ(fs.open("box/data.txt", how, &b), 0);
  EXPECT_EQ(fs.open("box/data.txt", how, &c), 0);
  EXPECT_EQ(fs.open("box/data.txt", how, &d), -EMFILE);
  EXPECT_EQ(fs.open_count(), 3);
  b.reset();
  EXPECT_EQ(fs.open("box/data.txt", how, &d), 0);
}

INSTANTIATE_TEST_SUITE_P(Resolution, PosixFs, ::testing::Values(false, true),
                         [](const ::testing::TestParamInfo<bool>& i) { return i.param ? "Walk" : "Openat2"; });

}  // namespace
}  // namespace capy
