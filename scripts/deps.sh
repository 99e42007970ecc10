#!/usr/bin/env bash
# Installs the Debian 12 packages TokenTally needs, skipping the ones already
# there. Used by quickstart.sh, test.sh and CI. Every package is here for a
# build step, a test or the quick start (the comment says which); what those
# packages depend on comes with them and is not listed.
#
#   scripts/deps.sh                 build + run + test (README's quick start, CI)
#   scripts/deps.sh --build-only    only what building the binaries and packages needs
#   scripts/deps.sh --bench         also the benchmark tools (README "Benchmarks")
set -euo pipefail

with_tests=1
with_bench=0
for arg in "$@"; do
  case "$arg" in
    --build-only) with_tests=0 ;;
    --bench) with_bench=1 ;;
    *) echo "usage: scripts/deps.sh [--build-only] [--bench]" >&2; exit 2 ;;
  esac
done

PACKAGES=(
  # Compiler, CMake with the Ninja generator of CMakePresets.json; pkg-config
  # finds cpp-httplib (cmake/Findhttplib.cmake).
  build-essential cmake ninja-build pkg-config
  # Qt: Core/Gui/Widgets/Network, Charts, Svg; qt6-tools-dev has the
  # LinguistTools CMake package (lupdate/lrelease build the .qm files).
  qt6-base-dev qt6-charts-dev qt6-svg-dev qt6-tools-dev
  # Qt6Charts' CMake package requires Qt6OpenGL, which qt6-charts-dev does not pull in.
  libqt6opengl6-dev
  # Qt's own catalogues (qtbase_*.qm), loaded next to ours when the language changes.
  qt6-translations-l10n
  # Secrets in the OS keychain (sync).
  qtkeychain-qt6-dev
  # Server HTTP, SQLite stores, Ed25519/SHA-256, the parsers' JSON.
  libcpp-httplib-dev libsqlite3-dev libssl-dev libsimdjson-dev
  # The server's PostgreSQL backend (libpq) and its page templates (Mustache).
  libpq-dev libkainjow-mustache-dev
  # CPack's DEB generator: dpkg-shlibdeps computes Depends and needs `file`.
  file
)
TEST_PACKAGES=(
  # The fake-HOME generator and its oracle (tests/fixtures).
  python3
  # UI tests: a real X server, a tray host, xwininfo, `import` for screenshots,
  # xdotool to click and type (tests/ui/test_sync.cpp).
  xvfb trayer x11-utils imagemagick xdotool
  # A real Secret Service for the sync tests (tests/support/testkeyring.cpp):
  # dbus-daemon and dbus-send, gnome-keyring-daemon, secret-tool. dbus-x11
  # satisfies gnome-keyring's session-bus dependency without pulling in systemd.
  dbus dbus-x11 gnome-keyring libsecret-tools
  # Web tests: headless Chromium; DejaVu is the badges' text font, WenQuanYi
  # the CJK font of the Chinese and Japanese UI.
  chromium fonts-dejavu-core fonts-wqy-microhei
  # Server tests on PostgreSQL (initdb and pg_ctl in a temp dir), promtool
  # checking /metrics (Debian prometheus).
  postgresql prometheus
  # Packaging tests: AppStream and desktop-entry validators, groff for the man pages.
  appstream desktop-file-utils groff-base
  # The sanitizer and fuzz stage (tests/fuzz/ci.sh): clang with libFuzzer and the
  # sanitizer runtimes, llvm-symbolizer for readable reports.
  clang libclang-rt-14-dev llvm
)
BENCH_PACKAGES=(
  # tests/bench/server/run-bench.sh drives the server with wrk.
  wrk
)

wanted=("${PACKAGES[@]}")
[ "$with_tests" -eq 1 ] && wanted+=("${TEST_PACKAGES[@]}")
[ "$with_bench" -eq 1 ] && wanted+=("${BENCH_PACKAGES[@]}")

missing=()
for p in "${wanted[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "$with_tests" -eq 1 ]; then
  # Web tests (playwright-core); Node.js may come from Debian or elsewhere.
  command -v node >/dev/null 2>&1 || missing+=(nodejs)
  command -v npm >/dev/null 2>&1 || missing+=(npm)
fi

if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  echo "Installing: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
