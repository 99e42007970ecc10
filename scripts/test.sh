#!/usr/bin/env bash
# Builds TokenTally and runs the whole test suite (CTest). Installs missing
# Debian packages first. Usage: scripts/test.sh [extra ctest args]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
cmake --preset default >/dev/null
cmake --build build -j "$(nproc)"
ctest --test-dir build --output-on-failure -j 2 "$@"
