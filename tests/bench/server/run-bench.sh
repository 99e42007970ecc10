#!/bin/sh
# Server benchmark (not a test): seeds 10,000 users x 365 days, then runs wrk
# for DURATION seconds each against the board, a profile, a badge, a badge
# with If-None-Match and /healthz, and finally measures signed ingest.
#
#   tests/bench/server/run-bench.sh BUILD_DIR [DURATION] [USERS] [DAYS]
set -eu
BUILD=${1:?usage: run-bench.sh BUILD_DIR [DURATION] [USERS] [DAYS]}
DURATION=${2:-30}
USERS=${3:-10000}
DAYS=${4:-365}
SERVER=$BUILD/server/tokentally-server
SEED=$BUILD/tests/server/tokentally-server-seed
INGEST=$BUILD/tests/bench/server/bench_server_ingest
for f in "$SERVER" "$SEED" "$INGEST"; do
    [ -x "$f" ] || { echo "missing $f (build tokentally-server tokentally-server-seed bench_server_ingest)"; exit 1; }
done
command -v wrk >/dev/null || { echo "wrk missing (apt-get install wrk)"; exit 1; }

WORK=$(mktemp -d)
PID=
cleanup() {
    [ -n "$PID" ] && kill -TERM "$PID" 2>/dev/null && wait "$PID" 2>/dev/null
    rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

# KEEP_DB=PATH reuses (or creates and keeps) a seeded database between runs.
DB=${KEEP_DB:-$WORK/server.db}
if [ ! -s "$DB" ]; then
    echo "seeding $USERS users x $DAYS days..."
    start=$(date +%s)
    "$SEED" --db "$DB" --users "$USERS" --days "$DAYS" 2>/dev/null
    echo "seeded in $(( $(date +%s) - start )) s, $(du -h "$DB" | cut -f1) on disk"
fi

"$SERVER" --listen 127.0.0.1:0 --db "$DB" --port-file "$WORK/port" --quiet \
    --rate-limit-ip 0 --rate-limit-token 0 --register-limit 0 &
PID=$!
i=0
while [ ! -s "$WORK/port" ] && [ $i -lt 300 ]; do sleep 0.1; i=$((i + 1)); done
PORT=$(cat "$WORK/port")
BASE=http://127.0.0.1:$PORT

# Warm the caches once, as any running server would be.
for path in "/api/v1/leaderboard?period=month" /u/user00042 /badge/user00042.svg /healthz; do
    curl -s -o /dev/null -w "warm-up $path: %{http_code} in %{time_total}s\n" "$BASE$path"
done
ETAG=$(curl -s -D - -o /dev/null "$BASE/badge/user00042.svg" | tr -d '\r' | awk -F': ' 'tolower($1)=="etag"{print $2}')

run() {
    name=$1; shift
    out=$(wrk -t2 -c16 -d"${DURATION}s" --latency "$@")
    rps=$(echo "$out" | awk '/Requests\/sec/{print $2}')
    p99=$(echo "$out" | awk '$1=="99%"{print $2}')
    non2xx=$(echo "$out" | awk '/Non-2xx/{print $NF}')
    printf '%-28s %10s req/s   p99 %8s   non-2xx/3xx %s\n' "$name" "$rps" "$p99" "${non2xx:-0}"
}
run "/healthz" "$BASE/healthz"
run "leaderboard period=month" "$BASE/api/v1/leaderboard?period=month"
run "/u/user00042" "$BASE/u/user00042"
run "badge" "$BASE/badge/user00042.svg"
run "badge If-None-Match (304)" -H "If-None-Match: $ETAG" "$BASE/badge/user00042.svg"
"$INGEST" "$PORT" 4 "$DURATION"
