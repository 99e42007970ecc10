#!/usr/bin/env bash
# The package stage of CI (.ci/run, after scripts/test.sh): builds the .deb
# packages from the tested build tree with cpack, installs them with
# `apt-get install ./*.deb`, runs them as installed (install-check.sh: --version,
# a report on a generated home, the tray under Xvfb, the server's unit and
# /healthz, desktop entry, AppStream and systemd checks) and purges them.
# Root only, and only on a throwaway machine (CI=true): it installs packages
# into the system. The stricter proof that no -dev package is needed is
# fresh-install-check.sh (two brand-new roots).
#   tests/packaging/ci-install-check.sh BUILD_DIR
set -euo pipefail
build=$(cd "${1:?usage: ci-install-check.sh BUILD_DIR}" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
if [ "$(id -u)" != 0 ] || [ "${CI:-}" != true ]; then
    echo "ci-install-check.sh: runs as root with CI=true only (it installs into the system)" >&2
    exit 2
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
cpack --config "$build/CPackConfig.cmake" -B "$out" -G DEB >"$out/cpack.log" 2>&1 \
    || { cat "$out/cpack.log"; exit 1; }
ls -l "$out"/*.deb
ALLOW_DEV_PACKAGES=1 bash "$here/install-check.sh" "$out"
