#!/usr/bin/env bash
# Builds the threads test of the embedding API with ThreadSanitizer and runs
# it: several isolates of one runtime on threads at once, which must share
# nothing mutable. Only what the test needs is compiled (the core, the hosts,
# the API and tests/unit/api_threads_test.cc), in build-tsan/.
#
#   scripts/tsan.sh [BUILD_DIR]     (default: build-tsan)
#
# A data race or any other report fails the run. Ends with one line
# "N passed, N failed".
set -uo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.." || exit 1
dir=${1:-build-tsan}
jobs=$(nproc 2>/dev/null || echo 2)

launcher=()
if command -v ccache >/dev/null 2>&1; then
  launcher=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi
export CCACHE_BASEDIR=${CCACHE_BASEDIR:-$PWD}
export CCACHE_NOHASHDIR=${CCACHE_NOHASHDIR:-1}

if ! cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCAPY_TSAN=ON -DCAPY_SHARED=OFF -DCAPY_PYTHON=OFF \
     "${launcher[@]}" >/dev/null ||
   ! cmake --build "$dir" --parallel "$jobs" --target capy_api_thread_tests; then
  echo "tsan: the build failed" >&2
  echo "0 passed, 1 failed"
  exit 1
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# Any report ends the program with status 66; second_deadlock_stack helps reading reports.
export TSAN_OPTIONS=${TSAN_OPTIONS:-halt_on_error=1:exitcode=66:second_deadlock_stack=1}
"$dir/capy_api_thread_tests" --gtest_output="json:$tmp/tsan.json"
status=$?
read -r p f < <(python3 - "$tmp/tsan.json" <<'PY'
import json, sys
try:
    with open(sys.argv[1]) as fh:
        data = json.load(fh)
except (OSError, ValueError):
    print("0 0")
    sys.exit()
tests = data.get("tests", 0) - data.get("disabled", 0)
failed = data.get("failures", 0) + data.get("errors", 0)
print(tests - failed, failed)
PY
)
if [[ $status -ne 0 && $f -eq 0 ]]; then
  echo "tsan: the test program exited with status $status (a ThreadSanitizer report?)" >&2
  f=1
fi
echo "$p passed, $f failed"
[[ $f -eq 0 ]]
