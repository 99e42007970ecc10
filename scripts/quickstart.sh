#!/usr/bin/env bash
# Sets up everything on a fresh Debian 12 machine and runs TokenTally: installs
# missing packages, builds, starts a local leaderboard server (SQLite, on
# 127.0.0.1:8787) and the tray app pointed at it. Quit the app to stop both.
# Without a display it stops after the report.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
cmake --preset default >/dev/null
cmake --build build -j "$(nproc)"

PORT="${TOKENTALLY_SERVER_PORT:-8787}"
build/server/tokentally-server --listen "127.0.0.1:${PORT}" &
SERVER_PID=$!
trap 'kill "$SERVER_PID" 2>/dev/null || true' EXIT
echo "Leaderboard: http://127.0.0.1:${PORT}/"
build/app/tokentally scan
build/app/tokentally report daily --since "$(date -d '-6 days' +%F)"
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  # A server or a CI root: the tray app needs a desktop session.
  echo "No display: the tray app needs a desktop session (run this script there)."
  echo "Everything else works here: build/app/tokentally --help"
  exit 0
fi
# The app's default server URL is http://127.0.0.1:8787 (Settings to change it).
build/app/tokentally "$@"
