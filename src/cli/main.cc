// capy: the command-line host. Parses the command line into Limits and
// grants, reads the program, runs it in one isolate, and maps the outcome to
// the exit status of the contract (0 ok, 1 uncaught exception, 2 usage, 3 limit).
#include <sys/random.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "builtins/open.h"
#include "compiler/compiler.h"
#include "compiler/disassembler.h"
#include "host/module_source.h"
#include "host/posix_fs.h"
#include "modules/atexit.h"
#include "modules/registry.h"
#include "objects/dict.h"
#include "objects/exception.h"
#include "objects/int.h"
#include "objects/ops.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "syntax/lexer.h"
#include "syntax/parser.h"
#include "vm/eval.h"
#include "vm/isolate.h"
#include "vm/runtime.h"

namespace {

using capy::Isolate;
using capy::Value;

const char kUsage[] =
    "usage: capy [OPTIONS] FILE [ARGS...]\n"
    "       capy [OPTIONS] -c CODE [ARGS...]\n"
    "       capy [OPTIONS]            (read the program from stdin)\n"
    "options:\n"
    "  --allow-read=DIR      grant read access beneath DIR (repeatable)\n"
    "  --allow-write=DIR     grant read and write access beneath DIR (repeatable)\n"
    "  --allow-import=MOD    allow importing MOD beyond the default set (repeatable)\n"
    "  --allow-env=NAME      expose the environment variable NAME (repeatable)\n"
    "  --max-memory=SIZE     heap limit, e.g. 64M\n"
    "  --max-time=SECONDS    wall-clock limit\n"
    "  --max-steps=N         bytecode step budget\n"
    "  --max-output=SIZE     limit on bytes written to stdout and stderr\n"
    "  --max-depth=N         call depth limit\n"
    "  --dump=tokens|ast|bytecode   print a compiler stage instead of running\n"
    "  -h, --help            show this help\n";

// The command line's host: output goes to the process's stdout/stderr.
class CliHost : public capy::Host {
 public:
  bool write(int stream, std::string_view bytes) override {
    FILE* f = stream == 2 ? stderr : stdout;
    if (stream == 2) fflush(stdout);
    return fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size() || bytes.empty();
  }
  void flush(int stream) override { fflush(stream == 2 ? stderr : stdout); }
  double time_now() override {
    using namespace std::chrono;
    return duration<double>(system_clock::now().time_since_epoch()).count();
  }
  double monotonic() override {
    using namespace std::chrono;
    return duration<double>(steady_clock::now().time_since_epoch()).count();
  }
  void sleep(capy::Isolate&, double seconds) override {
    std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
  }
  bool entropy(void* buf, size_t n) override {
    auto* p = static_cast<unsigned char*>(buf);
    while (n > 0) {
      ssize_t got = getrandom(p, n, 0);
      if (got < 0) {
        if (errno == EINTR) continue;
        return false;
      }
      p += got;
      n -= static_cast<size_t>(got);
    }
    return true;
  }
  // The file-system door over the directory grants (none: no files at all).
  void grant_files(const capy::Grants& grants) {
    std::vector<capy::PosixFileSystem::Grant> dirs;
    for (const auto& d : grants.directories) dirs.push_back({d.path, d.writable});
    if (!dirs.empty()) files_ = std::make_unique<capy::PosixFileSystem>(dirs);
  }
  capy::FileSystem* files() override { return files_.get(); }
  // Import's door: source files beneath the isolate's module roots only.
  int read_module_source(capy::Isolate& I, std::string_view root, std::string_view relative, size_t max_bytes,
                         std::string* source) override {
    return capy::read_module_source_beneath(I.grants.module_roots, root, relative, max_bytes, source);
  }

 private:
  std::unique_ptr<capy::PosixFileSystem> files_;
};

int usage_error(const std::string& msg) {
  fprintf(stderr, "capy: %s\n%s", msg.c_str(), kUsage);
  return 2;
}

bool parse_size(const std::string& s, size_t* out) {
  if (s.empty()) return false;
  char* end = nullptr;
  errno = 0;
  double v = strtod(s.c_str(), &end);
  if (errno || end == s.c_str() || v < 0) return false;
  std::string suffix(end);
  double mul = 1;
  if (suffix == "" || suffix == "B") mul = 1;
  else if (suffix == "K" || suffix == "k" || suffix == "KB") mul = 1024;
  else if (suffix == "M" || suffix == "m" || suffix == "MB") mul = 1024.0 * 1024;
  else if (suffix == "G" || suffix == "g" || suffix == "GB") mul = 1024.0 * 1024 * 1024;
  else return false;
  *out = static_cast<size_t>(v * mul);
  return true;
}

bool read_all(FILE* f, std::string* out) {
  char buf[65536];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, f)) > 0) out->append(buf, n);
  return !ferror(f);
}

const char* limit_name(capy::LimitKind k) { return capy::limit_message(k); }

// Exit status for an uncaught SystemExit (Python's handling of sys.exit).
int system_exit_status(Isolate& I, capy::BaseExc* e) {
  Value code = Value::none();
  if (e->args && e->args->size() == 1) code = e->args->items[0];
  else if (e->args && e->args->size() > 1) code = Value::object(e->args);
  if (code.is_none()) return 0;
  int64_t n;
  if (capy::is_int(I, code) && capy::int_to_i64(capy::int_unwrap(I, code), &n)) return static_cast<int>(n & 0xFF);
  std::string text;
  if (capy::str_append(I, code, text) < 0) I.pending = nullptr;
  text += "\n";
  I.host->write(2, text);
  return 1;
}

// Adds a directory grant, made absolute and canonical (symlinks in the
// granted path itself are resolved once, here, by the host; everything the
// guest names beneath it is resolved by the kernel under RESOLVE_BENEATH).
// A later grant of the same directory can only widen it (read -> write).
bool add_directory(capy::Grants* g, const char* path, bool writable) {
  if (!*path) return false;
  char* real = realpath(path, nullptr);
  if (!real) return false;
  std::string p = real;
  free(real);
  for (auto& d : g->directories) {
    if (d.path == p) { d.writable = d.writable || writable; return true; }
  }
  g->directories.push_back({p, writable});
  return true;
}

// Does `name` (dotted) name one of capy's modules, or a module or package
// beneath one of the module roots?
bool module_grant_valid(const std::string& name, const std::vector<std::string>& roots) {
  std::string top = name.substr(0, name.find('.'));
  if (top.empty()) return false;
  if (capy::is_capy_module(name) || capy::is_capy_module(top)) return true;
  std::string ignored;
  for (const std::string& root : roots) {
    int r = capy::read_module_file(root, top + ".py", 0, &ignored);
    if (r == 0 || r == -EFBIG) return true;
    if (capy::read_module_file(root, top, 0, &ignored) == -EISDIR) return true;
  }
  return false;
}

int run(int argc, char** argv) {
  capy::Limits limits = capy::Limits::command_line();
  capy::Grants grants;
  std::string code, filename, dump;
  bool have_code = false;
  std::vector<std::string> args;
  int i = 1;
  for (; i < argc; ++i) {
    std::string a = argv[i];
    auto val = [&](const char* prefix) -> const char* {
      size_t n = strlen(prefix);
      return a.compare(0, n, prefix) == 0 ? argv[i] + n : nullptr;
    };
    if (a == "-h" || a == "--help") { fputs(kUsage, stdout); return 0; }
    if (a == "-c") {
      if (i + 1 >= argc) return usage_error("-c needs an argument");
      code = argv[++i];
      have_code = true;
      filename = "<string>";
      ++i;
      break;
    }
    if (const char* v = val("--max-memory=")) {
      if (!parse_size(v, &limits.max_heap_bytes)) return usage_error("bad --max-memory value");
    } else if (const char* v = val("--max-output=")) {
      if (!parse_size(v, &limits.max_output_bytes)) return usage_error("bad --max-output value");
    } else if (const char* v = val("--max-time=")) {
      char* end;
      limits.max_time_seconds = strtod(v, &end);
      if (*end || limits.max_time_seconds <= 0) return usage_error("bad --max-time value");
    } else if (const char* v = val("--max-steps=")) {
      char* end;
      limits.max_steps = strtoull(v, &end, 10);
      if (*end || !*v) return usage_error("bad --max-steps value");
    } else if (const char* v = val("--max-depth=")) {
      char* end;
      unsigned long d = strtoul(v, &end, 10);
      if (*end || !*v || d == 0 || d > 100000) return usage_error("bad --max-depth value");
      limits.max_call_depth = static_cast<uint32_t>(d);
    } else if (const char* v = val("--dump=")) {
      dump = v;
      if (dump != "tokens" && dump != "ast" && dump != "bytecode") return usage_error("bad --dump value");
    } else if (const char* v = val("--allow-read=")) {
      if (!add_directory(&grants, v, false)) return usage_error("bad --allow-read directory: " + std::string(v));
    } else if (const char* v = val("--allow-write=")) {
      if (!add_directory(&grants, v, true)) return usage_error("bad --allow-write directory: " + std::string(v));
    } else if (const char* v = val("--allow-import=")) {
      if (!*v) return usage_error("bad --allow-import value");
      grants.modules.emplace_back(v);
    } else if (const char* v = val("--allow-env=")) {
      if (!*v || strchr(v, '=')) return usage_error("bad --allow-env value");
      if (const char* e = getenv(v)) grants.env.emplace_back(v, e);
    } else if (a == "-") {
      ++i;
      break;
    } else if (a.size() > 1 && a[0] == '-') {
      return usage_error("unknown option " + a);
    } else {
      break;
    }
  }
  if (!have_code) {
    if (i < argc && std::string(argv[i]) != "-") {
      filename = argv[i++];
      FILE* f = fopen(filename.c_str(), "rb");
      if (!f) {
        fprintf(stderr, "capy: can't open file '%s': [Errno %d] %s\n", filename.c_str(), errno, strerror(errno));
        return 2;
      }
      bool ok = read_all(f, &code);
      fclose(f);
      if (!ok) {
        fprintf(stderr, "capy: can't read file '%s'\n", filename.c_str());
        return 2;
      }
    } else {
      filename = "<stdin>";
      if (!read_all(stdin, &code)) {
        fprintf(stderr, "capy: can't read standard input\n");
        return 2;
      }
    }
  }
  for (; i < argc; ++i) args.push_back(argv[i]);
  // The script's own directory is a module root (import only, never open()).
  if (!have_code && filename != "<stdin>") {
    if (char* real = realpath(filename.c_str(), nullptr)) {
      std::string dir = real;
      free(real);
      dir.resize(dir.rfind('/') == 0 ? 1 : dir.rfind('/'));
      grants.module_roots.push_back(dir);
    }
  }
  // A module grant names a module that capy has or that a module root
  // provides: it cannot create one, so no grant unlocks a module that
  // reaches the machine (docs/security.md, "Imports").
  for (const std::string& m : grants.modules) {
    if (!module_grant_valid(m, grants.module_roots)) {
      return usage_error("bad --allow-import value: capy has no module '" + m +
                         "' (modules that reach the machine, such as subprocess or socket, do not exist in capy)");
    }
  }

  if (!dump.empty()) {
    capy::syntax::Arena arena;
    if (dump == "tokens") {
      fputs(capy::syntax::dump_tokens(code, filename).c_str(), stdout);
      return 0;
    }
    auto pr = capy::syntax::parse(code, filename, capy::syntax::Mode::Exec, arena);
    if (!pr.ok()) {
      fprintf(stderr, "%s: %s (line %d)\n", "SyntaxError", pr.error.msg.c_str(), pr.error.lineno);
      return 1;
    }
    if (dump == "ast") {
      printf("%s\n", capy::syntax::dump(pr.mod).c_str());
      return 0;
    }
    auto cr = capy::compiler::compile(pr.mod, filename, capy::compiler::Mode::Exec, {});
    if (!cr.ok()) {
      fprintf(stderr, "SyntaxError: %s\n", cr.error.msg.c_str());
      return 1;
    }
    fputs(capy::compiler::disassemble(*cr.code).c_str(), stdout);
    return 0;
  }

  CliHost host;
  capy::Runtime runtime;
  Isolate I(runtime, &host, limits);
  I.grants = std::move(grants);
  host.grant_files(I.grants);
  if (capy::install_open(I) < 0) {
    fprintf(stderr, "capy: cannot set up open()\n");
    return 1;
  }
  I.stack_base = __builtin_frame_address(0);  // every frame of the run lies below
  I.argv = args;
  I.argv.insert(I.argv.begin(), have_code ? "-c" : filename);
  // Like CPython 3.11, tracebacks name the main script by its absolute path.
  std::string shown = filename;
  if (!have_code && filename != "<stdin>" && !filename.empty() && filename[0] != '/') {
    char cwd[4096];
    if (getcwd(cwd, sizeof cwd)) shown = std::string(cwd) + "/" + filename;
  }
  Value r = capy::run_main(I, shown, code);
  fflush(stdout);
  int status = [&]() -> int {
    if (!r.is_error()) return 0;
    if (I.ended != capy::LimitKind::None) {
      fprintf(stderr, "capy: %s\n", limit_name(I.ended));
      return 3;
    }
    capy::BaseExc* e = I.take_pending();
    if (!e) return 1;
    // Reporting runs guest code too (__str__, __repr__), still under the
    // run's limits: a limit reached there is reported as any other.
    auto limit_hit = [&]() {
      fprintf(stderr, "capy: %s\n", limit_name(I.ended));
      return 3;
    };
    if (capy::is_subtype(e->type_, runtime.exc_SystemExit)) {
      int st = system_exit_status(I, e);
      return I.ended != capy::LimitKind::None ? limit_hit() : st;
    }
    std::string text = capy::format_exception(I, e);
    if (I.ended != capy::LimitKind::None) return limit_hit();
    if (I.pending) { I.pending = nullptr; text += "\n(error while formatting the traceback)\n"; }
    fwrite(text.data(), 1, text.size(), stderr);
    return 1;
  }();
  // As at CPython's exit: the atexit functions (weakref.finalize among
  // them) run after the report of the main program's outcome.
  if (I.ended == capy::LimitKind::None && !capy::run_atexit(I)) {
    fflush(stdout);
    fprintf(stderr, "capy: %s\n", limit_name(I.ended));
    return 3;
  }
  fflush(stdout);
  return status;
}

}  // namespace

int main(int argc, char** argv) { return run(argc, argv); }
