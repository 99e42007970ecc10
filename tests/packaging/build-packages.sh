#!/usr/bin/env bash
# Step 1 of fresh-install-check.sh, inside a brand-new Debian 12 root: installs
# the build dependencies, builds the packages with the "package" workflow
# preset and copies them to OUT_DIR.
#   tests/packaging/build-packages.sh OUT_DIR
set -euo pipefail
out=$(cd "${1:?usage: build-packages.sh OUT_DIR}" && pwd)
cd "$(dirname "$0")/../.."
export DEBIAN_FRONTEND=noninteractive
scripts/deps.sh --build-only
cmake --workflow --preset package
cp build-package/*.deb build-package/*.tar.gz "$out/"
ls -l "$out"
