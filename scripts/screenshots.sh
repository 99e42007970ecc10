#!/usr/bin/env bash
# Takes the screenshots that the AppStream metainfo lists (docs/screenshots/):
# the real tokentally binary under Xvfb with a tray host, on a generated home
# whose 90 days end today, light and dark, and a day picked in the heatmap.
# Needs what scripts/deps.sh installs (xvfb, trayer, x11-utils, imagemagick,
# python3).
#   scripts/screenshots.sh [BUILD_DIR] [OUT_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
out=${2:-docs/screenshots}
app=$build/app/tokentally
[ -x "$app" ] || { echo "no $app: build first" >&2; exit 1; }
mkdir -p "$out"
work=$(mktemp -d)
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

python3 tests/fixtures/generate_home.py --out "$work/g" --days 90 \
    --start "$(date -u -d "-89 days" +%F)" --target-bytes 30000000 >/dev/null
home=$work/g/home

# -displayfd: Xvfb picks a free display and writes its number.
Xvfb -displayfd 3 -screen 0 1400x900x24 -nolisten tcp 3>"$work/display" >/dev/null 2>&1 &
pids+=($!)
for _ in $(seq 50); do [ -s "$work/display" ] && break; sleep 0.2; done
[ -s "$work/display" ] || { echo "Xvfb did not start" >&2; exit 1; }
export DISPLAY=:$(head -n1 "$work/display")
trayer --edge top --align right --widthtype request --height 22 >/dev/null 2>&1 &
pids+=($!)
sleep 1

# One line to the app's single-instance socket, one line back.
ask() {
    python3 - "$1" "$2" <<'PY'
import socket, sys, tempfile, os
s = socket.socket(socket.AF_UNIX)
s.settimeout(3)
s.connect(os.path.join(tempfile.gettempdir(), sys.argv[1]))
s.sendall(sys.argv[2].encode() + b"\n")
print(s.makefile().readline().strip())
PY
}

shoot() { # NAME THEME [REQUEST]
    local id=tokentally-shots-$1-$$
    mkdir -p "$work/$1/config" "$work/$1/runtime"
    chmod 700 "$work/$1/runtime"
    HOME=$home XDG_CONFIG_HOME=$work/$1/config XDG_DATA_HOME=$home/.local/share \
        XDG_RUNTIME_DIR=$work/$1/runtime TOKENTALLY_INSTANCE_ID=$id TOKENTALLY_THEME=$2 \
        QT_QPA_PLATFORM=xcb LANG=en_US.UTF-8 \
        "$app" --db "$work/$1/usage.db" --show-dashboard >/dev/null 2>&1 &
    local pid=$!
    pids+=("$pid")
    for _ in $(seq 100); do
        status=$(ask "$id" status 2>/dev/null || true)
        if python3 -c 'import json,sys; s=json.loads(sys.argv[1]); sys.exit(0 if s.get("generation",0)>=1 and s.get("indexingPercent",0)<0 else 1)' "$status" 2>/dev/null; then
            break
        fi
        sleep 0.2
    done
    [ -z "${3:-}" ] || ask "$id" "$3" >/dev/null
    sleep 1.5
    local window
    window=$(xwininfo -root -tree | awk '/"TokenTally": \("tokentally"/ && / 1200x800\+/ {print $1; exit}')
    [ -n "$window" ] || { echo "no 1200x800 dashboard window" >&2; xwininfo -root -tree | grep TokenTally >&2; exit 1; }
    import -window "$window" "$out/$1.png"
    echo "$out/$1.png"
    ask "$id" quit >/dev/null 2>&1 || kill "$pid"
    wait "$pid" 2>/dev/null || true
}

shoot dashboard-light light
shoot dashboard-dark dark
# The busiest day of the last two weeks, as a click on the heatmap picks it.
busiest=$(python3 - "$work/g/expected.json" <<'PY'
import json, sys, datetime
rows = json.load(open(sys.argv[1]))["rows"]
since = (datetime.date.today() - datetime.timedelta(days=14)).isoformat()
days = {}
for r in rows:
    if r["date"] >= since:
        days[r["date"]] = days.get(r["date"], 0) + r["totalTokens"]
print(max(days, key=days.get))
PY
)
shoot dashboard-day light "filter-day $busiest"
