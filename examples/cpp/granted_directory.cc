// A granted directory: the guest reads files beneath a read-only grant and
// writes beneath a read-write one; everything else on the machine is out
// of its reach.
//
//   granted_directory WORKDIR     (WORKDIR: an empty scratch directory)
#include <capy/capy.hpp>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/stat.h>

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: %s WORKDIR\n", argv[0]);
    return 2;
  }
  std::string work = argv[1];
  std::string data = work + "/data", out = work + "/out";
  mkdir(data.c_str(), 0755);
  mkdir(out.c_str(), 0755);
  std::ofstream(data + "/sales.csv") << "region,amount\nnorth,120\nsouth,80\nnorth,30\n";

  capy::Runtime runtime;
  capy::IsolateOptions options;
  options.grants.directories.push_back({data, capy::Access::Read});
  options.grants.directories.push_back({out, capy::Access::ReadWrite});
  capy::Isolate isolate(runtime, options);
  if (!isolate.startup_error().empty()) {
    std::fprintf(stderr, "%s\n", isolate.startup_error().c_str());
    return 1;
  }
  isolate.set_global("DATA", data);
  isolate.set_global("OUT", out);

  capy::Result r = isolate.run(R"PY(
totals = {}
with open(DATA + '/sales.csv') as f:
    next(f)
    for line in f:
        region, amount = line.strip().split(',')
        totals[region] = totals.get(region, 0) + int(amount)
with open(OUT + '/summary.txt', 'w') as f:
    for region in sorted(totals):
        f.write(f'{region}: {totals[region]}\n')
print('summary written')

def attempt(what, action):
    try:
        action()
        print(what, '-> allowed')
    except OSError as e:
        print(what, '->', type(e).__name__)

attempt('write beneath the read-only grant', lambda: open(DATA + '/new.txt', 'w'))
attempt('read /etc/passwd', lambda: open('/etc/passwd').read())
attempt('climb out with ..', lambda: open(DATA + '/../../../etc/passwd').read())
attempt('read the summary back', lambda: open(OUT + '/summary.txt').read())
totals
)PY");
  if (!r.ok()) {
    std::fprintf(stderr, "%s%s\n", r.traceback.c_str(), r.message.c_str());
    return 1;
  }
  std::printf("result: %s\n", r.value.repr().c_str());
  std::ifstream in(out + "/summary.txt");
  std::stringstream text;
  text << in.rdbuf();
  std::printf("host reads out/summary.txt:\n%s", text.str().c_str());
  return 0;
}
