#!/usr/bin/env bash
# Installs everything needed to build and test capy on Debian 12 (run as root).
# Idempotent: when every package is already installed it touches nothing and
# needs no network, so running it again is fast and works offline.
set -euo pipefail

PACKAGES=(
  build-essential cmake ninja-build g++ clang pkg-config ccache
  libgmp-dev libutf8proc-dev libpcre2-dev zlib1g-dev libssl-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  python3   # the test and benchmark runners in tools/ and bench/
  libclang-rt-14-dev          # libFuzzer and the sanitizer runtimes for clang (fuzz/)
  python3-dev pybind11-dev python3-pytest python3-pip python3-venv  # the CPython module (python/)
  python3-mypy                # its type stubs are checked against the module (python/tests/test_stubs.py)
)

missing=()
for pkg in "${PACKAGES[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null || true)
  if [[ "$status" != "installed" ]]; then
    missing+=("$pkg")
  fi
done

if [[ ${#missing[@]} -eq 0 ]]; then
  echo "setup: all ${#PACKAGES[@]} packages already installed"
  exit 0
fi

if [[ $(id -u) -ne 0 ]]; then
  SUDO=sudo
else
  SUDO=
fi

echo "setup: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
echo "setup: done"
