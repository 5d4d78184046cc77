#!/usr/bin/env bash
# Installs dependencies, builds capy (release) and runs examples/demo.py with it.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/setup.sh
bash scripts/build.sh release capy

echo
echo "\$ build/capy examples/demo.py"
build/capy examples/demo.py
