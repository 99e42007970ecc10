#!/usr/bin/env bash
# Installs the Debian 12 packages TokenTally needs to build, run and test,
# skipping the ones already there. Used by quickstart.sh, test.sh and CI.
set -euo pipefail

PACKAGES=(
  build-essential cmake ninja-build pkg-config python3 git
  qt6-base-dev qt6-base-dev-tools qt6-charts-dev qt6-svg-dev libqt6opengl6-dev libxkbcommon-dev
  qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools linguist-qt6 qt6-translations-l10n
  qt6-qpa-plugins qt6-image-formats-plugins libqt6svg6 libgl-dev libvulkan-dev
  qtkeychain-qt6-dev libcpp-httplib-dev libsqlite3-dev sqlite3 libssl-dev libsimdjson-dev
  libbenchmark-dev
  libpq-dev postgresql libkainjow-mustache-dev prometheus
  xvfb xauth x11-utils trayer imagemagick xdotool dbus dbus-x11 gnome-keyring libsecret-tools
  chromium fonts-dejavu-core fonts-wqy-microhei wrk
)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# Node.js may come from Debian or elsewhere; only install it when absent.
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)

if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  echo "Installing: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
