#!/usr/bin/env bash
# Builds the embedding examples (examples/) against an INSTALLED capy and
# runs them:
#
#   1. installs the build's libraries, headers, CMake package and pkg-config
#      files into a temporary prefix (cmake --install --component capy);
#   2. checks that every public header compiles on its own (capy.h as C99
#      with -Wall -Wextra -Werror -pedantic);
#   3. builds examples/ with CMake (find_package(capy)) and some examples
#      again by hand with pkg-config (capy.pc, and capy-static.pc for the
#      static archive);
#   4. runs each program and compares its output with examples/expected/
#      (the scratch directory a program is given reads as WORKDIR).
#
#   scripts/examples.sh [BUILD_DIR]    (default: build; made when missing)
#
# Ends with one line "N passed, N failed"; exits non-zero if anything failed.
set -uo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.." || exit 1
root=$PWD
build=${1:-build}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
prefix=$tmp/prefix

pass=0
fail=0
ok() { echo "PASS $1"; pass=$((pass + 1)); }
bad() { echo "FAIL $1${2:+: $2}"; fail=$((fail + 1)); }
finish() {
  echo
  echo "$pass passed, $fail failed"
  [[ $fail -eq 0 ]] && exit 0
  exit 1
}

jobs=$(nproc 2>/dev/null || echo 2)
launcher=()
if command -v ccache >/dev/null 2>&1; then
  launcher=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi

# --- 1. install ---------------------------------------------------------------------
if [[ ! -f $build/CMakeCache.txt ]]; then
  bash scripts/build.sh release capy_shared capy_static capy || { bad "build" "scripts/build.sh failed"; finish; }
fi
if ! cmake --build "$build" --parallel "$jobs" --target capy_shared capy_static capy; then
  bad "build" "libcapy did not build"
  finish
fi
if cmake --install "$build" --prefix "$prefix" --component capy >"$tmp/install.log" 2>&1; then
  ok "install"
else
  cat "$tmp/install.log"
  bad "install"
  finish
fi
pcdir=$(dirname "$(find "$prefix" -name capy.pc | head -n 1)")
libdir=$(dirname "$pcdir")
for f in include/capy/capy.h include/capy/capy.hpp "$(basename "$libdir")/cmake/capy/capyConfig.cmake" bin/capy; do
  if [[ -e $prefix/$f ]]; then ok "installed $f"; else bad "installed $f" "missing"; fi
done
if [[ -e $prefix/include/capy/api_internal.h ]] || find "$prefix/include" -name '*.h' | xargs grep -l '"vm/' >/dev/null 2>&1; then
  bad "public headers only" "an internal header was installed or is included"
else
  ok "public headers only"
fi

# --- 2. headers on their own ---------------------------------------------------------
for h in "$prefix"/include/capy/*.h "$prefix"/include/capy/*.hpp; do
  name=$(basename "$h")
  printf '#include <capy/%s>\n#include <capy/%s>\n' "$name" "$name" >"$tmp/h.cc"
  if c++ -std=c++20 -Wall -Wextra -Werror -fsyntax-only -I"$prefix/include" "$tmp/h.cc" 2>"$tmp/h.err"; then
    ok "header $name (C++20)"
  else
    cat "$tmp/h.err"
    bad "header $name (C++20)"
  fi
done
printf '#include <capy/capy.h>\nint main(void) { return capy_version()[0] == 0; }\n' >"$tmp/h.c"
if cc -std=c99 -Wall -Wextra -Werror -pedantic -fsyntax-only -I"$prefix/include" "$tmp/h.c" 2>"$tmp/h.err"; then
  ok "header capy.h (C99, -pedantic)"
else
  cat "$tmp/h.err"
  bad "header capy.h (C99, -pedantic)"
fi

# --- 3. build -----------------------------------------------------------------------------
ex=$tmp/examples
if cmake -S examples -B "$ex" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_PREFIX_PATH="$prefix" \
     -DCMAKE_C_FLAGS="-Wall -Wextra -Werror" -DCMAKE_CXX_FLAGS="-Wall -Wextra -Werror" "${launcher[@]}" \
     >"$tmp/cmake.log" 2>&1 && cmake --build "$ex" --parallel "$jobs" >>"$tmp/cmake.log" 2>&1; then
  ok "cmake build of examples/ (find_package(capy))"
else
  cat "$tmp/cmake.log"
  bad "cmake build of examples/ (find_package(capy))"
fi

export PKG_CONFIG_PATH=$pcdir${PKG_CONFIG_PATH:+:$PKG_CONFIG_PATH}
pc=$tmp/pkgconfig
mkdir -p "$pc"
pkg_build() {  # pkg_build NAME COMPILER PACKAGE SOURCE FLAGS...
  local name=$1 compiler=$2 package=$3 src=$4
  shift 4
  # shellcheck disable=SC2046
  if $compiler "$@" $(pkg-config --cflags "$package") "$src" -o "$pc/$name" $(pkg-config --libs "$package") \
       -Wl,-rpath,"$libdir" -pthread 2>"$tmp/pc.err"; then
    ok "pkg-config build of $name ($package)"
  else
    cat "$tmp/pc.err"
    bad "pkg-config build of $name ($package)"
  fi
}
pkg_build c_embed cc capy examples/c/embed.c -std=c99 -Wall -Wextra -Werror -pedantic
pkg_build c_threads cc capy-static examples/c/threads.c -std=c99 -Wall -Wextra -Werror -pedantic
pkg_build host_function c++ capy examples/cpp/host_function.cc -std=c++20 -Wall -Wextra -Werror

# --- 4. run ----------------------------------------------------------------------------------
run_example() {  # run_example LABEL BINARY EXPECTED [workdir]
  local label=$1 bin=$2 expected=$3 needs_dir=${4:-}
  if [[ ! -x $bin ]]; then
    bad "$label" "not built"
    return
  fi
  local args=() work=""
  if [[ -n $needs_dir ]]; then
    work=$(mktemp -d "$tmp/work.XXXXXX")
    args=("$work")
  fi
  local out=$tmp/out.txt
  if ! (cd "$tmp" && timeout 120 "$bin" "${args[@]}") >"$out" 2>"$tmp/err.txt"; then
    cat "$out" "$tmp/err.txt"
    bad "$label" "exit status $?"
    return
  fi
  if [[ -n $work ]]; then
    sed -i "s|$work|WORKDIR|g" "$out"
  fi
  if diff -u "$root/examples/expected/$expected.out" "$out" >"$tmp/diff.txt"; then
    ok "$label"
  else
    cat "$tmp/diff.txt"
    bad "$label" "output differs from examples/expected/$expected.out"
  fi
}

run_example "host_function (C++)" "$ex/host_function" host_function
run_example "granted_directory (C++)" "$ex/granted_directory" granted_directory dir
run_example "limits (C++)" "$ex/limits" limits
run_example "threads (C++)" "$ex/threads" threads
run_example "c_embed (C)" "$ex/c_embed" c_embed dir
run_example "c_threads (C)" "$ex/c_threads" c_threads
run_example "c_embed (C, static archive)" "$ex/c_embed_static" c_embed dir
run_example "c_embed (C, pkg-config)" "$pc/c_embed" c_embed dir
run_example "c_threads (C, pkg-config, static)" "$pc/c_threads" c_threads
run_example "host_function (C++, pkg-config)" "$pc/host_function" host_function

finish
