#!/usr/bin/env bash
# Installs dependencies, builds capy and runs every test suite:
#
#   1. unit tests        build/capy_unit_tests (GoogleTest)
#   2. script tests      tools/run_tests.py against build/capy
#   3. sanitizer         the same script tests against build-asan/capy
#                        (AddressSanitizer + UndefinedBehaviorSanitizer)
#   4. GC stress         the same script tests against build-gcstress/capy
#                        (the collector runs on every allocation)
#   symbols              tools/check_symbols.py: the core library calls no
#                        operating-system function (files, network,
#                        processes, environment...) outside the Host interface
#   5. fuzz              each libFuzzer target of fuzz/ (build-fuzz/, clang,
#                        ASan + UBSan): its regression inputs, then
#                        CAPY_FUZZ_SECONDS (default 20) of fuzzing
#   python               python/tests (pytest, Debian's /usr/bin/python3)
#                        against the capy module for CPython, built in
#                        build-python/ by scripts/python.sh
#   examples             scripts/examples.sh: installs build/ into a temporary
#                        prefix, builds examples/ against the installed
#                        package (CMake and pkg-config) and runs them
#   6. threads (TSan)    scripts/tsan.sh: the embedding API's threads test
#                        built with ThreadSanitizer (build-tsan/)
#
#   scripts/test.sh [--no-sanitize] [--no-gcstress] [--no-fuzz] [--no-tsan]
#
# Ends with one line "N passed, N failed" that adds up all suites; exits
# non-zero when anything failed or did not build.
set -uo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.." || exit 1

run_sanitize=1
run_gcstress=1
run_fuzz=1
run_tsan=1
for arg in "$@"; do
  case "$arg" in
    --no-sanitize) run_sanitize=0 ;;
    --no-gcstress) run_gcstress=0 ;;
    --no-fuzz) run_fuzz=0 ;;
    --no-tsan) run_tsan=0 ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    *) echo "usage: scripts/test.sh [--no-sanitize] [--no-gcstress] [--no-fuzz] [--no-tsan]" >&2; exit 2 ;;
  esac
done

jobs=$(nproc 2>/dev/null || echo 2)
# Slower builds get a longer per-test timeout.
timeout_release=${CAPY_TEST_TIMEOUT:-30}
timeout_slow=${CAPY_TEST_TIMEOUT_SLOW:-180}

# Sanitizer reports end the run with a status no test expects (not 0 or 1).
export ASAN_OPTIONS=${ASAN_OPTIONS:-exitcode=86:detect_leaks=1:abort_on_error=0:strict_string_checks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-exitcode=86:print_stacktrace=1:halt_on_error=1}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

total_pass=0
total_fail=0
summary=()

record() {  # record NAME PASSED FAILED
  total_pass=$((total_pass + $2))
  total_fail=$((total_fail + $3))
  summary+=("$(printf '  %-28s %6d passed %6d failed' "$1" "$2" "$3")")
}

finish() {
  echo
  echo "== summary"
  printf '%s\n' "${summary[@]}"
  echo "$total_pass passed, $total_fail failed"
  if [[ $total_fail -ne 0 ]]; then
    exit 1
  fi
  exit 0
}

section() {
  echo
  echo "== $*"
}

# Runs tools/run_tests.py (or the RUNNER given) with ENGINE and records its closing line.
script_suite() {  # script_suite NAME ENGINE TIMEOUT [RUNNER]
  local name=$1 engine=$2 timeout=$3 runner=${4:-tools/run_tests.py} log="$tmp/$1.log"
  python3 "$runner" --engine "$engine" --jobs "$jobs" --timeout "$timeout" \
    --verbose 2>&1 | tee "$log"
  local line
  line=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$log" | tail -n 1 || true)
  if [[ -z "$line" ]]; then
    echo "test: $name: the runner printed no result line" >&2
    record "$name" 0 1
    return
  fi
  local p f
  p=$(sed -E 's/^([0-9]+) passed.*/\1/' <<<"$line")
  f=$(sed -E 's/.* ([0-9]+) failed$/\1/' <<<"$line")
  record "$name" "$p" "$f"
}

section "setup"
if ! bash scripts/setup.sh; then
  echo "test: setup failed" >&2
  record "setup" 0 1
  finish
fi

section "build (release)"
if ! bash scripts/build.sh release; then
  echo "test: release build failed" >&2
  record "build release" 0 1
  finish
fi

section "unit tests (build/capy_unit_tests)"
if [[ -x build/capy_unit_tests ]]; then
  json="$tmp/unit.json"
  build/capy_unit_tests --gtest_output="json:$json" </dev/null
  status=$?
  counts=$(python3 - "$json" <<'PY'
import json, sys
try:
    with open(sys.argv[1]) as f:
        data = json.load(f)
except (OSError, ValueError):
    print("0 0")
    sys.exit()
tests = data.get("tests", 0) - data.get("disabled", 0)
failed = data.get("failures", 0) + data.get("errors", 0)
print(tests - failed, failed)
PY
)
  read -r p f <<<"$counts"
  if [[ $status -ne 0 && $f -eq 0 ]]; then
    f=1  # crashed or failed without a report
  fi
  record "unit" "$p" "$f"
else
  echo "no unit tests were built (no *_test.cc yet)"
  record "unit" 0 0
fi

section "script tests (build/capy)"
script_suite "script" build/capy "$timeout_release"

section "host tests: grants, denials, limits (build/capy)"
script_suite "host" build/capy "$timeout_release" tools/run_host_tests.py

section "symbol check: the core calls no OS function (build/libcapy_core.a)"
python3 tools/check_symbols.py build/libcapy_core.a 2>&1 | tee "$tmp/symbols.log"
line=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$tmp/symbols.log" | tail -n 1 || true)
if [[ -z "$line" ]]; then
  echo "test: symbols: tools/check_symbols.py printed no result line" >&2
  record "symbols" 0 1
else
  record "symbols" "$(sed -E 's/^([0-9]+) passed.*/\1/' <<<"$line")" "$(sed -E 's/.* ([0-9]+) failed$/\1/' <<<"$line")"
fi

# Runs a script that ends with "N passed, N failed" and records that line.
line_suite() {  # line_suite NAME SCRIPT [ARGS...]
  local name=$1 log="$tmp/suite.log"
  shift
  bash "$@" 2>&1 | tee "$log"
  local line
  line=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$log" | tail -n 1 || true)
  if [[ -z "$line" ]]; then
    echo "test: $name: $1 printed no result line" >&2
    record "$name" 0 1
  else
    record "$name" "$(sed -E 's/^([0-9]+) passed.*/\1/' <<<"$line")" "$(sed -E 's/.* ([0-9]+) failed$/\1/' <<<"$line")"
  fi
}

section "embedding examples (scripts/examples.sh: build/ installed, examples/ built against it)"
line_suite "examples" scripts/examples.sh build

section "CPython module (build-python/, pytest python/tests)"
line_suite "python module" scripts/python.sh test

if [[ $run_sanitize -eq 1 ]]; then
  section "build (sanitize: ASan + UBSan)"
  if bash scripts/build.sh sanitize capy; then
    section "script tests (build-asan/capy)"
    script_suite "script (sanitize)" build-asan/capy "$timeout_slow"
    section "host tests (build-asan/capy)"
    script_suite "host (sanitize)" build-asan/capy "$timeout_slow" tools/run_host_tests.py
  else
    echo "test: sanitizer build failed" >&2
    record "build sanitize" 0 1
  fi
fi

if [[ $run_gcstress -eq 1 ]]; then
  section "build (gcstress)"
  if bash scripts/build.sh gcstress capy; then
    section "script tests (build-gcstress/capy)"
    script_suite "script (gcstress)" build-gcstress/capy "$timeout_slow"
  else
    echo "test: GC stress build failed" >&2
    record "build gcstress" 0 1
  fi
fi

if [[ $run_fuzz -eq 1 ]]; then
  section "build (fuzz: clang, libFuzzer, ASan + UBSan)"
  if bash scripts/fuzz.sh --build-only; then
    for src in fuzz/fuzz_*.cc; do
      t=$(basename "$src" .cc)
      section "fuzz ($t, ${CAPY_FUZZ_SECONDS:-20} s)"
      log="$tmp/$t.log"
      bash scripts/fuzz.sh --no-build --seconds "${CAPY_FUZZ_SECONDS:-20}" "$t" 2>&1 | tee "$log"
      line=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$log" | tail -n 1 || true)
      if [[ -z "$line" ]]; then
        record "fuzz $t" 0 1
      else
        record "fuzz $t" "$(sed -E 's/^([0-9]+) passed.*/\1/' <<<"$line")" "$(sed -E 's/.* ([0-9]+) failed$/\1/' <<<"$line")"
      fi
    done
  else
    echo "test: fuzz build failed" >&2
    record "build fuzz" 0 1
  fi
fi

if [[ $run_tsan -eq 1 ]]; then
  section "threads under ThreadSanitizer (scripts/tsan.sh: build-tsan/capy_api_thread_tests)"
  line_suite "threads (tsan)" scripts/tsan.sh build-tsan
fi

finish
