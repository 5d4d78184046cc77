#!/usr/bin/env bash
# Builds the capy module for CPython (python/) and runs its tests.
#
#   scripts/python.sh build [--sanitize]            build the module (target capy_python)
#   scripts/python.sh test [--sanitize] [PYTEST...] build it, run python/tests with pytest, then
#                                                   (without --sanitize) the install-check
#   scripts/python.sh attacks [DIR [ATTACK ARGS]]   the founders' corpus (default ../shared/security)
#                                                   judged by its own runner (DIR/../tools/attack),
#                                                   through the module (python/tools/capy_engine.py)
#   scripts/python.sh install-check                 `pip install ./python` into a fresh venv,
#                                                   offline, then import the module from it
#
# Build directories: build-python/ (Release) and build-python-asan/
# (RelWithDebInfo, AddressSanitizer + UndefinedBehaviorSanitizer; the tests
# then run with libasan preloaded into the interpreter).
#
# The interpreter, for the build and the tests alike: $CAPY_PYTHON, else
# /usr/bin/python3 (Debian's, which has python3-pytest), else python3.
# `test` ends with one line "N passed, N failed": the pytest tests (skipped
# ones count as failed: a test that cannot run has not passed) and the
# install-check as one more.
set -uo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.." || exit 1

if [[ -n "${CAPY_PYTHON:-}" ]]; then
  py=$CAPY_PYTHON
elif [[ -x /usr/bin/python3 ]]; then
  py=/usr/bin/python3
else
  py=$(command -v python3)
fi

jobs=$(nproc 2>/dev/null || echo 2)
export CCACHE_BASEDIR=${CCACHE_BASEDIR:-$PWD}
export CCACHE_NOHASHDIR=${CCACHE_NOHASHDIR:-1}

sanitize=0
dir=build-python

build() {
  local args=(-DCAPY_PYTHON=ON -DCAPY_PYTHON_REQUIRED=ON -DCAPY_TESTS=OFF "-DPython3_EXECUTABLE=$py")
  if [[ $sanitize -eq 1 ]]; then
    args+=(-DCMAKE_BUILD_TYPE=RelWithDebInfo -DCAPY_SANITIZE=ON)
  else
    args+=(-DCMAKE_BUILD_TYPE=Release)
  fi
  if command -v ccache >/dev/null 2>&1; then
    args+=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  fi
  echo "python: building the module for $py in $dir/"
  cmake -S . -B "$dir" -G Ninja "${args[@]}" >/dev/null &&
    cmake --build "$dir" --parallel "$jobs" --target capy_python
}

run_tests() {
  local junit
  junit=$(mktemp --suffix=.xml)
  local env=(PYTHONPATH="$PWD/$dir/python" PYTHONDONTWRITEBYTECODE=1)
  if [[ $sanitize -eq 1 ]]; then
    # The interpreter is not instrumented: libasan must come first. CPython
    # does not free everything at exit, so leak detection is off.
    env+=(LD_PRELOAD="$(gcc -print-file-name=libasan.so)"
          ASAN_OPTIONS="detect_leaks=0:abort_on_error=1:exitcode=86"
          UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:exitcode=86")
  fi
  # A hung test must not hang CI: the whole suite gets CAPY_PYTHON_TIMEOUT seconds.
  env "${env[@]}" timeout "${CAPY_PYTHON_TIMEOUT:-1200}" \
    "$py" -m pytest -p no:cacheprovider -q -rfEs --junitxml="$junit" python/tests "$@"
  local status=$?
  counts=$("$py" - "$junit" "$status" <<'PY'
import sys
import xml.etree.ElementTree as ET
path, status = sys.argv[1], int(sys.argv[2])
try:
    root = ET.parse(path).getroot()
    suites = [root] if root.tag == "testsuite" else list(root.iter("testsuite"))
    total = sum(int(s.get("tests", 0)) for s in suites)
    bad = sum(int(s.get("failures", 0)) + int(s.get("errors", 0)) + int(s.get("skipped", 0))
              for s in suites)
except (OSError, ET.ParseError):
    total, bad = 0, 0
if status != 0 and bad == 0:
    bad = 1  # crashed, timed out or failed to start without a report
print(f"{total - bad if total >= bad else 0} {bad}")
PY
)
  rm -f "$junit"
  read -r passed failed <<<"$counts"
  return $status
}

# `pip install ./python` into a fresh virtual environment, with no package
# index (PIP_NO_INDEX), building in $dir (configured again for the venv's
# interpreter, which has the same headers), then a run through the
# installed module from outside the source tree.
install_check() {
  local venv
  venv=$(mktemp -d)
  "$py" -m venv "$venv" &&
    PIP_NO_INDEX=1 PIP_DISABLE_PIP_VERSION_CHECK=1 CAPY_BUILD_DIR="$PWD/$dir" \
      "$venv/bin/pip" install --quiet ./python &&
    (cd "$venv" && "$venv/bin/python" -c 'import capy; assert capy.run("6 * 7") == 42; print("capy", capy.__version__, "installed in", capy.__file__)')
  local status=$?
  rm -rf "$venv"
  # The build directory goes back to the interpreter the tests use (its
  # cache still names the venv's, now gone).
  cmake -S . -B "$dir" "-DPython3_EXECUTABLE=$py" >/dev/null || status=1
  return $status
}

cmd=${1:-test}
shift || true
if [[ "${1:-}" == "--sanitize" ]]; then
  sanitize=1
  dir=build-python-asan
  shift
fi

case "$cmd" in
  build)
    build ;;
  test)
    if ! build; then
      echo "python: the module did not build" >&2
      echo "0 passed, 1 failed"
      exit 1
    fi
    passed=0
    failed=0
    run_tests "$@"
    status=$?
    if [[ $sanitize -eq 0 ]]; then
      echo "python: pip install ./python (offline) into a fresh venv"
      if install_check; then
        passed=$((passed + 1))
      else
        echo "python: pip install ./python failed" >&2
        failed=$((failed + 1))
        status=1
      fi
    fi
    echo "$passed passed, $failed failed"
    exit $status ;;
  attacks)
    corpus=${1:-../shared/security}
    shift || true
    tool=$(dirname "$corpus")/tools/attack
    if [[ ! -d "$corpus" || ! -x "$tool" ]]; then
      echo "python: no attack corpus at $corpus (or no runner at $tool)" >&2
      exit 2
    fi
    build || exit 1
    PYTHONPATH="$PWD/$dir/python" "$tool" --engine "$py $PWD/python/tools/capy_engine.py" \
      --pass-env PYTHONPATH --jobs "$jobs" "$@" "$corpus" ;;
  install-check)
    install_check ;;
  -h|--help)
    awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0" ;;
  *)
    echo "usage: scripts/python.sh build|test|attacks|install-check [--sanitize] [ARGS...]" >&2
    exit 2 ;;
esac
