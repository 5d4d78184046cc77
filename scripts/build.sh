#!/usr/bin/env bash
# Configures and builds capy with CMake + Ninja (+ ccache), on all cores.
#
#   scripts/build.sh [release|sanitize|gcstress] [TARGET...]
#
#   release   build/          CMAKE_BUILD_TYPE=Release          (default)
#   sanitize  build-asan/     CMAKE_BUILD_TYPE=RelWithDebInfo, -DCAPY_SANITIZE=ON
#   gcstress  build-gcstress/ CMAKE_BUILD_TYPE=Release, -DCAPY_GC_STRESS=ON
#
# With no TARGET every target is built (the capy executable and, when
# CAPY_TESTS is on and unit tests exist, capy_unit_tests).
# Extra CMake arguments can be given in the CAPY_CMAKE_ARGS environment variable.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

mode=${1:-release}
shift || true

case "$mode" in
  release)  dir=build;          args=(-DCMAKE_BUILD_TYPE=Release) ;;
  sanitize) dir=build-asan;     args=(-DCMAKE_BUILD_TYPE=RelWithDebInfo -DCAPY_SANITIZE=ON) ;;
  gcstress) dir=build-gcstress; args=(-DCMAKE_BUILD_TYPE=Release -DCAPY_GC_STRESS=ON) ;;
  -h|--help)
    awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"
    exit 0 ;;
  *)
    echo "usage: scripts/build.sh [release|sanitize|gcstress] [TARGET...]" >&2
    exit 2 ;;
esac

jobs=$(nproc 2>/dev/null || echo 2)

# Let ccache share results between clones of the repository in different
# folders (paths are rewritten relative to the source tree).
export CCACHE_BASEDIR=${CCACHE_BASEDIR:-$PWD}
export CCACHE_NOHASHDIR=${CCACHE_NOHASHDIR:-1}

launcher=()
if command -v ccache >/dev/null 2>&1; then
  launcher=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi

# shellcheck disable=SC2206
extra=(${CAPY_CMAKE_ARGS:-})

echo "build: $mode -> $dir/ ($jobs jobs)"
cmake -S . -B "$dir" -G Ninja "${args[@]}" "${launcher[@]}" "${extra[@]}"
if [[ $# -gt 0 ]]; then
  cmake --build "$dir" --parallel "$jobs" --target "$@"
else
  cmake --build "$dir" --parallel "$jobs"
fi
