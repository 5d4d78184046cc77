#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/) with clang, AddressSanitizer and
# UndefinedBehaviorSanitizer in build-fuzz/, then runs each for a while:
#
#   scripts/fuzz.sh [--seconds N] [--jobs N] [--build-only] [--no-build] [TARGET...]
#
#   TARGET        fuzz_parse fuzz_compile fuzz_exec fuzz_api (default: all)
#   --seconds N   fuzzing time per target (default 20; e.g. 600 for a long run)
#   --jobs N      parallel fuzzing processes per target (default 1)
#   --build-only  configure and build, run nothing
#   --no-build    use the targets already in build-fuzz/
#
# For each target it first replays every committed input of
# fuzz/regressions/TARGET/ twice in one process (so state leaking from one
# isolate into the next is caught too), then fuzzes with the corpus
# build-fuzz/corpus/TARGET/ (kept between runs, never committed), seeded
# from the project's tests by fuzz/make_corpus.py, and the dictionary
# fuzz/python.dict. A finding (crash, sanitizer report, leak, timeout,
# out-of-memory) is kept in build-fuzz/findings/TARGET/ and makes the
# script exit with status 1. See docs/fuzzing.md.
#
# Ends with one line "N passed, N failed": per target, each regression
# input is one test and the fuzzing run is one more.
# Extra libFuzzer flags can be given in CAPY_FUZZ_FLAGS (e.g. "-max_len=4096").
set -uo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.." || exit 1

all_targets=(fuzz_parse fuzz_compile fuzz_exec fuzz_api)
seconds=20
jobs=1
build=1
run=1
targets=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --seconds) seconds=${2:-}; shift 2 ;;
    --seconds=*) seconds=${1#*=}; shift ;;
    --jobs) jobs=${2:-}; shift 2 ;;
    --jobs=*) jobs=${1#*=}; shift ;;
    --build-only) run=0; shift ;;
    --no-build) build=0; shift ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    fuzz_*) targets+=("$1"); shift ;;
    *) echo "usage: scripts/fuzz.sh [--seconds N] [--jobs N] [--build-only] [--no-build] [TARGET...]" >&2; exit 2 ;;
  esac
done
if ! [[ "$seconds" =~ ^[0-9]+$ && "$jobs" =~ ^[1-9][0-9]*$ ]]; then
  echo "fuzz: --seconds and --jobs take positive integers" >&2
  exit 2
fi
if [[ ${#targets[@]} -eq 0 ]]; then
  for t in "${all_targets[@]}"; do
    [[ -f fuzz/$t.cc ]] && targets+=("$t")
  done
fi

dir=build-fuzz
export CCACHE_BASEDIR=${CCACHE_BASEDIR:-$PWD}
export CCACHE_NOHASHDIR=${CCACHE_NOHASHDIR:-1}
# The targets abort on the first report; leaks are findings too.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0:strict_string_checks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

if [[ $build -eq 1 ]]; then
  if ! command -v clang++ >/dev/null 2>&1; then
    echo "fuzz: clang++ not found (scripts/setup.sh installs clang and libclang-rt-14-dev)" >&2
    exit 1
  fi
  launcher=()
  if command -v ccache >/dev/null 2>&1; then
    launcher=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  fi
  echo "fuzz: building ${targets[*]} in $dir/"
  if ! cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=Release \
      -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ "${launcher[@]}" \
      -DCAPY_FUZZ=ON -DCAPY_WERROR=OFF -DCAPY_TESTS=OFF >/dev/null; then
    echo "fuzz: configuring $dir/ failed" >&2
    echo "0 passed, 1 failed"
    exit 1
  fi
  if ! cmake --build "$dir" --parallel "$(nproc 2>/dev/null || echo 2)" --target "${targets[@]}"; then
    echo "fuzz: build failed" >&2
    echo "0 passed, 1 failed"
    exit 1
  fi
fi
[[ $run -eq 1 ]] || exit 0

root=$PWD
artifacts() {  # artifacts DIR: the findings libFuzzer wrote there
  find "$1" -maxdepth 1 -type f \( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' -o -name 'oom-*' \) "${@:2}"
}
total_pass=0
total_fail=0
for t in "${targets[@]}"; do
  bin=$root/$dir/$t
  if [[ ! -x $bin ]]; then
    echo "fuzz: $bin is missing (build it first)" >&2
    total_fail=$((total_fail + 1))
    continue
  fi
  findings=$root/$dir/findings/$t
  corpus=$root/$dir/corpus/$t
  seeds=$root/$dir/seeds
  mkdir -p "$findings" "$corpus"
  python3 fuzz/make_corpus.py "$seeds" >/dev/null

  # 1. Committed regression inputs, each replayed twice in one process.
  regs=()
  if [[ -d fuzz/regressions/$t ]]; then
    while IFS= read -r -d '' f; do regs+=("$f"); done \
      < <(find "fuzz/regressions/$t" -type f ! -name '*.md' -print0 | sort -z)
  fi
  if [[ ${#regs[@]} -gt 0 ]]; then
    log=$findings/regressions.log
    if "$bin" -timeout=60 "${regs[@]}" "${regs[@]}" >"$log" 2>&1; then
      echo "fuzz: $t: ${#regs[@]} regression inputs pass"
      total_pass=$((total_pass + ${#regs[@]}))
    else
      echo "fuzz: $t: a regression input fails again (log: $log)"
      grep -E "^Running:|ERROR|SUMMARY|runtime error" "$log" | tail -n 5
      total_fail=$((total_fail + 1))
      continue
    fi
  fi

  # 2. Fuzzing. libFuzzer writes its per-job logs (fuzz-N.log) to the
  # current directory, so it runs in the findings directory.
  log=$findings/fuzz.log
  flags=(-dict="$root/fuzz/python.dict" -max_total_time="$seconds" -timeout=25 -rss_limit_mb=2048
         -print_final_stats=1 -artifact_prefix="$findings/")
  if [[ $jobs -gt 1 ]]; then
    flags+=(-jobs="$jobs" -workers="$jobs")
  fi
  # fuzz_api reads a script of API operations, not source text: the test
  # programs still serve as seeds (as bytes), cut to a useful length.
  [[ $t == fuzz_api ]] && flags+=(-max_len=4096)
  # shellcheck disable=SC2206
  flags+=(${CAPY_FUZZ_FLAGS:-})
  marker=$findings/.started
  touch "$marker"
  rm -f "$findings"/fuzz-*.log
  echo "fuzz: $t for ${seconds}s"
  (cd "$findings" && "$bin" "${flags[@]}" "$corpus" "$seeds") >"$log" 2>&1
  status=$?
  if [[ $jobs -gt 1 ]]; then
    cat "$findings"/fuzz-*.log >>"$log" 2>/dev/null
  fi
  found=$(artifacts "$findings" -newer "$marker")
  runs=$(grep -E '^stat::number_of_executed_units:' "$log" | awk '{s += $2} END {print s + 0}')
  speed=$(grep -E '^stat::average_exec_per_sec:' "$log" | awk '{s += $2} END {print s + 0}')
  size=$(find "$corpus" -type f | wc -l)
  if [[ $status -eq 0 && -z $found ]]; then
    echo "fuzz: $t: $runs runs, $speed/s, corpus $size inputs, no finding"
    total_pass=$((total_pass + 1))
  else
    echo "fuzz: $t: FINDING (exit status $status; log: $log)"
    grep -E "ERROR|SUMMARY|runtime error|invariant|internal compiler error|Test unit written" "$log" | head -n 8
    [[ -n $found ]] && sed 's/^/  kept: /' <<<"$found"
    total_fail=$((total_fail + 1))
  fi
done

echo "$total_pass passed, $total_fail failed"
[[ $total_fail -eq 0 ]]
