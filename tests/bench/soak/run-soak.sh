#!/bin/sh
# Soak run (a benchmark, not a test): tokentally-server on a seeded database
# under wrk (a mix of boards, profiles and badges: mix.lua) plus signed ingest
# from simulated devices (soak_ingest), for MINUTES. Prints wrk's req/s, p99
# and errors, the ingest counts, the server's own count of 5xx answers
# (/metrics), and its RSS every 10 s, with the spread after warm-up (target:
# 0 errors, 0 5xx, RSS flat within 10 %).
#
#   tests/bench/soak/run-soak.sh BUILD_DIR [MINUTES] [DEVICES] [USERS] [DAYS]
#   (env: THREADS server threads, default 64; WARMUP seconds, default 60;
#   KEEP_DB=PATH reuses a seeded database)
set -eu
BUILD=${1:?usage: run-soak.sh BUILD_DIR [MINUTES] [DEVICES] [USERS] [DAYS]}
MINUTES=${2:-10}
DEVICES=${3:-50}
USERS=${4:-1000}
DAYS=${5:-365}
WARMUP=${WARMUP:-60}
THREADS=${THREADS:-64}
HERE=$(cd "$(dirname "$0")" && pwd)
SERVER=$BUILD/server/tokentally-server
SEED=$BUILD/tests/server/tokentally-server-seed
INGEST=$BUILD/tests/bench/soak/soak_ingest
for f in "$SERVER" "$SEED" "$INGEST"; do
    [ -x "$f" ] || { echo "missing $f (build tokentally-server tokentally-server-seed soak_ingest)"; exit 1; }
done
command -v wrk >/dev/null || { echo "wrk missing (apt-get install wrk)"; exit 1; }
command -v curl >/dev/null || { echo "curl missing (apt-get install curl)"; exit 1; }

WORK=$(mktemp -d)
PID=
cleanup() {
    [ -n "$PID" ] && kill -TERM "$PID" 2>/dev/null && wait "$PID" 2>/dev/null
    rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

DB=${KEEP_DB:-$WORK/server.db}
if [ ! -s "$DB" ]; then
    echo "seeding $USERS users x $DAYS days..."
    "$SEED" --db "$DB" --users "$USERS" --days "$DAYS" 2>/dev/null
fi
# One worker per connection (cpp-httplib keeps one per keep-alive client):
# wrk's connections plus the ingest senders, with room to spare (THREADS).
"$SERVER" --listen 127.0.0.1:0 --db "$DB" --port-file "$WORK/port" --quiet --threads "$THREADS" \
    --rate-limit-ip 0 --rate-limit-token 0 --register-limit 0 2>"$WORK/server.log" &
PID=$!
i=0
while [ ! -s "$WORK/port" ] && [ $i -lt 600 ]; do sleep 0.1; i=$((i + 1)); done
PORT=$(cat "$WORK/port")
BASE=http://127.0.0.1:$PORT
SECONDS_TOTAL=$((MINUTES * 60))
echo "server pid $PID on $BASE ($THREADS threads); $MINUTES min of wrk (2 threads, 16 connections) + $DEVICES devices"

# RSS every 10 s, from the start, and how much of it is SQLite's heap (its
# page caches fill up to their configured size as the database is touched).
# Times are read from the clock: a slow /metrics answer must not stretch the
# sampling past the load.
(
    start=$(date +%s)
    next=0
    while kill -0 "$PID" 2>/dev/null && [ $next -le "$SECONDS_TOTAL" ]; do
        while [ $(($(date +%s) - start)) -lt $next ]; do sleep 1; done
        rss=$(awk '/^VmRSS/{print $2}' /proc/"$PID"/status)
        heap=$(curl -s --max-time 3 "$BASE/metrics" | awk '/^tokentally_sqlite_heap_bytes/{printf "%d", $2 / 1024}')
        printf '%s %s %s\n' "$next" "$rss" "${heap:-?}"
        next=$((next + 10))
    done
) >"$WORK/rss" &
SAMPLER=$!

"$INGEST" "$PORT" "$DEVICES" "$SECONDS_TOTAL" 2000 >"$WORK/ingest" 2>&1 &
INGEST_PID=$!
SOAK_USERS=$USERS wrk -t2 -c16 -d"${SECONDS_TOTAL}s" --timeout 10s --latency \
    -s "$HERE/mix.lua" "$BASE" >"$WORK/wrk" 2>&1 || true
ingest_rc=0
wait "$INGEST_PID" || ingest_rc=$?
wait "$SAMPLER" 2>/dev/null || true

echo "--- wrk"
grep -E "^wrk:|Requests/sec|Non-2xx|Socket errors" "$WORK/wrk" || cat "$WORK/wrk"
echo "--- ingest (exit $ingest_rc)"
cat "$WORK/ingest"
echo "--- server"
curl -s "$BASE/metrics" >"$WORK/metrics"
awk -F'"' '/^tokentally_http_requests_total/ { split($0, v, " "); n = v[length(v)];
        total += n; if ($4 >= 500) fivexx += n; else if ($4 >= 400) fourxx += n }
     END { printf "answered %d requests: %d 4xx, %d 5xx\n", total, fourxx, fivexx }' "$WORK/metrics"
grep '^tokentally_http_requests_total' "$WORK/metrics" | grep -v 'status="[23]' | sed 's/^/  /' || true
kill -0 "$PID" 2>/dev/null && echo "still running" || echo "SERVER DIED"
grep -v "^$" "$WORK/server.log" | head -5
echo "--- RSS (kB) every 10 s"
awk '{ printf "%s%ss %s", (NR > 1 ? ", " : ""), $1, $2 } END { print "" }' "$WORK/rss"
echo "--- of which SQLite heap (kB)"
awk '{ printf "%s%ss %s", (NR > 1 ? ", " : ""), $1, $3 } END { print "" }' "$WORK/rss"
awk -v w="$WARMUP" '$1 >= w { if (min == "" || $2 < min) min = $2; if ($2 > max) max = $2 }
     END { if (min) printf "after %d s warm-up: min %d kB, max %d kB, spread %.1f %%\n", w, min, max, 100 * (max - min) / min }' "$WORK/rss"
awk -v w="$WARMUP" '$1 >= w && $3 != "?" { r = $2 - $3; if (min == "" || r < min) min = r; if (r > max) max = r }
     END { if (min) printf "RSS less SQLite heap after %d s: min %d kB, max %d kB, spread %.1f %%\n", w, min, max, 100 * (max - min) / min }' "$WORK/rss"
