#!/usr/bin/env bash
# Builds TokenTally and runs the whole test suite (CTest). Installs missing
# Debian packages first. Usage: scripts/test.sh [extra ctest args]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
cmake --preset default >/dev/null
cmake --build build -j "$(nproc)"
ctest --test-dir build --output-on-failure -j 2 "$@"
# Then the same tests under ASan + UBSan and 20 s per fuzz target
# (tests/fuzz/ci.sh); TOKENTALLY_SANITIZERS=0 skips that stage.
[ "${TOKENTALLY_SANITIZERS:-1}" = 0 ] || tests/fuzz/ci.sh
