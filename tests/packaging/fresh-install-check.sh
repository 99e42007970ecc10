#!/usr/bin/env bash
# Proves that the packages install and work on a machine without any
# development package: builds them in one brand-new Debian 12 root
# (build-packages.sh), then installs them with `apt-get install ./*.deb` into
# another and runs them (install-check.sh). Needs root and the fresh-debian-ci
# tool (FRESH_DEBIAN_CI, or ../shared/tools beside the checkout); takes about
# 15 minutes. Clones the committed HEAD, as CI does. With PACKAGE_DIR (the
# packages of an earlier run), only the install check runs.
#   tests/packaging/fresh-install-check.sh [PROJECT_DIR [PACKAGE_DIR]]
set -euo pipefail
proj=$(cd "${1:-$(dirname "$0")/../..}" && pwd)
tool=${FRESH_DEBIAN_CI:-}
if [ -z "$tool" ]; then
    for candidate in "$proj/../shared/tools/fresh-debian-ci" "$proj/../../shared/tools/fresh-debian-ci"; do
        if [ -x "$candidate" ]; then tool=$candidate; break; fi
    done
fi
[ -n "$tool" ] || { echo "set FRESH_DEBIAN_CI to the fresh-debian-ci tool" >&2; exit 2; }
if [ -n "${2:-}" ]; then
    out=$(cd "$2" && pwd)
else
    out=$(mktemp -d /var/tmp/tokentally-packages.XXXXXX)
    echo "== packages in $out"
    FRESH_MOUNT=$out "$tool" "$proj" -- bash tests/packaging/build-packages.sh /mnt/host
fi
FRESH_MOUNT=$out "$tool" "$proj" -- bash tests/packaging/install-check.sh /mnt/host
