// ApiHost: the Host of every isolate made through the embedding API.
// Output goes to the embedder's callback or the process's stdout/stderr;
// clocks are the system's; entropy comes from getrandom(); files go through
// the POSIX door over the isolate's directory grants; host modules are the
// ones the embedder defined.
#include <sys/random.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <thread>

#include "api/api_internal.h"
#include "host/module_source.h"
#include "host/posix_fs.h"
#include "modules/registry.h"
#include "objects/dict.h"
#include "objects/list.h"
#include "objects/misc.h"
#include "objects/str.h"

namespace capy::api {

ApiHost::~ApiHost() = default;

bool ApiHost::write(int stream, std::string_view bytes) {
  if (output) {
    // The embedder's callback must not unwind through the VM.
    try {
      output(stream == 2 ? Stream::Stderr : Stream::Stdout, bytes);
    } catch (...) {
      return false;
    }
    return true;
  }
  FILE* f = stream == 2 ? stderr : stdout;
  if (stream == 2) fflush(stdout);
  return bytes.empty() || fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size();
}

void ApiHost::flush(int stream) {
  if (!output) fflush(stream == 2 ? stderr : stdout);
}

double ApiHost::time_now() {
  if (!clock) return -1.0;
  using namespace std::chrono;
  return duration<double>(system_clock::now().time_since_epoch()).count();
}

double ApiHost::monotonic() {
  if (!clock) return -1.0;
  using namespace std::chrono;
  return duration<double>(steady_clock::now().time_since_epoch()).count();
}

bool ApiHost::entropy(void* buf, size_t n) {
  if (!entropy_enabled) return false;
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

void ApiHost::sleep(capy::Isolate&, double seconds) {
  // time.sleep calls this in slices of at most 50 ms and checks terminate()
  // and the time limit between them.
  if (seconds > 0) std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
}

capy::FileSystem* ApiHost::files() {
  if (!files_built_) {
    files_built_ = true;
    const auto& dirs = state->iso->grants.directories;
    if (!dirs.empty()) {
      std::vector<capy::PosixFileSystem::Grant> grants;
      for (const auto& d : dirs) grants.push_back({d.path, d.writable});
      capy::PosixFileSystem::Options options;
      // Relative paths start in the first granted directory.
      options.cwd = dirs.front().path;
      files_ = std::make_unique<capy::PosixFileSystem>(grants, options);
    }
  }
  return files_.get();
}

void ApiHost::reset_files() {
  files_.reset();
  files_built_ = false;
}

int ApiHost::read_module_source(capy::Isolate& I, std::string_view root, std::string_view relative,
                                size_t max_bytes, std::string* source) {
  return capy::read_module_source_beneath(I.grants.module_roots, root, relative, max_bytes, source);
}

bool ApiHost::has_module(std::string_view name) { return state->modules.find(name) != state->modules.end(); }

int ApiHost::init_module(capy::Isolate& I, std::string_view name, capy::Module* m) {
  auto it = state->modules.find(name);
  if (it == state->modules.end()) return -1;
  ModuleEntry& e = it->second;
  // A host module with host submodules ("app" of "app.io") is a package.
  std::string prefix = std::string(name) + ".";
  auto next = std::next(it);
  if (next != state->modules.end() && next->first.compare(0, prefix.size(), prefix) == 0) {
    capy::List* path = capy::list_new(I, 0);
    if (!path || capy::dict_set_str(I, m->dict, I.rt.n___path__, capy::Value::object(path)) < 0) return -1;
  }
  for (uint32_t index : e.functions) {
    capy::Value f = make_host_function(*state, index, capy::Value::null());
    if (f.is_error()) return -1;
    if (capy::module_add_value(I, m, state->functions[index]->name.c_str(), f) < 0) return -1;
  }
  for (const auto& [vname, v] : e.def.values()) {
    capy::Value g = to_guest(*state, v);
    if (g.is_error()) return -1;
    if (capy::module_add_value(I, m, vname.c_str(), g) < 0) return -1;
  }
  return 0;
}

}  // namespace capy::api
