#!/bin/sh
# Server benchmark (not a test): seeds USERS x DAYS (default 10,000 x 365),
# then runs wrk for DURATION seconds each against /healthz, the month board,
# a profile, a badge and a badge with If-None-Match, and finally measures
# signed ingest (bench_server_ingest).
#
#   tests/bench/server/run-bench.sh BUILD_DIR [--database sqlite|postgres]
#       [--processes N] [DURATION] [USERS] [DAYS]
#
# --database postgres starts a throwaway cluster (tokentally-test-pgcluster,
# with fsync on, as in production) and fills it from the seeded SQLite file
# with `tokentally-server migrate`. --processes N starts N servers on the same
# database; wrk and the ingest clients then split their connections evenly
# over them and the numbers are summed (p99: the worst of them).
# KEEP_DB=PATH reuses (or creates and keeps) the seeded SQLite file.
set -eu
BUILD=${1:?usage: run-bench.sh BUILD_DIR [--database sqlite|postgres] [--processes N] [DURATION] [USERS] [DAYS]}
shift
BACKEND=sqlite
PROCESSES=1
set -- "$@" ""
POSITIONAL=""
while [ $# -gt 1 ]; do
    case $1 in
        --database) BACKEND=$2; shift 2 ;;
        --processes) PROCESSES=$2; shift 2 ;;
        *) POSITIONAL="$POSITIONAL $1"; shift ;;
    esac
done
set -- $POSITIONAL
DURATION=${1:-30}
USERS=${2:-10000}
DAYS=${3:-365}
case $BACKEND in sqlite|postgres) ;; *) echo "--database sqlite|postgres"; exit 1 ;; esac
SERVER=$BUILD/server/tokentally-server
SEED=$BUILD/tests/server/tokentally-server-seed
INGEST=$BUILD/tests/bench/server/bench_server_ingest
CLUSTER=$BUILD/tests/server/tokentally-test-pgcluster
for f in "$SERVER" "$SEED" "$INGEST" "$CLUSTER"; do
    [ -x "$f" ] || { echo "missing $f (build tokentally-server tokentally-server-seed bench_server_ingest tokentally-test-pgcluster)"; exit 1; }
done
command -v wrk >/dev/null || { echo "wrk missing (apt-get install wrk)"; exit 1; }

WORK=$(mktemp -d)
PIDS=
cleanup() {
    for pid in $PIDS; do kill -TERM "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; done
    [ -n "${CLUSTER_PID:-}" ] && { exec 9>&-; wait "$CLUSTER_PID" 2>/dev/null; }
    rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

DB=${KEEP_DB:-$WORK/server.db}
if [ ! -s "$DB" ]; then
    echo "seeding $USERS users x $DAYS days..."
    start=$(date +%s)
    "$SEED" --db "$DB" --users "$USERS" --days "$DAYS" 2>/dev/null
    echo "seeded in $(( $(date +%s) - start )) s, $(du -h "$DB" | cut -f1) on disk"
fi

if [ "$BACKEND" = postgres ]; then
    mkfifo "$WORK/cluster-in"
    TOKENTALLY_PG_DURABLE=1 "$CLUSTER" 1 < "$WORK/cluster-in" > "$WORK/cluster-out" &
    CLUSTER_PID=$!
    exec 9>"$WORK/cluster-in"
    i=0
    while [ ! -s "$WORK/cluster-out" ] && [ $i -lt 600 ]; do sleep 0.1; i=$((i + 1)); done
    URI=$(head -n1 "$WORK/cluster-out")
    [ -n "$URI" ] || { echo "no PostgreSQL cluster"; exit 1; }
    start=$(date +%s)
    "$SERVER" migrate --from "sqlite:$DB" --to "$URI"
    echo "migrated in $(( $(date +%s) - start )) s"
    DBARGS="--database $URI"
else
    DBARGS="--db $DB"
fi

PORTS=
n=0
while [ $n -lt "$PROCESSES" ]; do
    # shellcheck disable=SC2086
    "$SERVER" --listen 127.0.0.1:0 $DBARGS --port-file "$WORK/port$n" --quiet \
        --rate-limit-ip 0 --rate-limit-token 0 --register-limit 0 &
    PIDS="$PIDS $!"
    i=0
    while [ ! -s "$WORK/port$n" ] && [ $i -lt 600 ]; do sleep 0.1; i=$((i + 1)); done
    PORTS="$PORTS $(cat "$WORK/port$n")"
    n=$((n + 1))
done
echo "backend $BACKEND, $PROCESSES process(es) on ports$PORTS"

# Warm the caches once, as any running server would be.
for port in $PORTS; do
    for path in "/api/v1/leaderboard?period=month" /u/user00042 /badge/user00042.svg /healthz; do
        curl -s -o /dev/null -w "warm-up :$port$path: %{http_code} in %{time_total}s\n" "http://127.0.0.1:$port$path"
    done
done
FIRST=$(echo $PORTS | cut -d' ' -f1)
ETAG=$(curl -s -D - -o /dev/null "http://127.0.0.1:$FIRST/badge/user00042.svg" | tr -d '\r' | awk -F': ' 'tolower($1)=="etag"{print $2}')

CONNECTIONS=$((16 / PROCESSES))
THREADS=$((2 / PROCESSES)); [ $THREADS -lt 1 ] && THREADS=1
run() {
    name=$1; path=$2; shift 2
    k=0
    JOBS=
    for port in $PORTS; do
        wrk -t$THREADS -c$CONNECTIONS -d"${DURATION}s" --latency "$@" "http://127.0.0.1:$port$path" > "$WORK/wrk$k" &
        JOBS="$JOBS $!"
        k=$((k + 1))
    done
    for job in $JOBS; do wait "$job"; done
    rps=$(cat "$WORK"/wrk* | awk '/Requests\/sec/{s += $2} END {printf "%.0f", s}')
    p99=$(cat "$WORK"/wrk* | awk '$1=="99%"{v=$2; u=1; if (v ~ /us$/) u=0.001; if (v ~ /s$/ && v !~ /ms$/ && v !~ /us$/) u=1000; sub(/[a-z]+$/, "", v); v=v*u; if (v > m) m=v} END {printf "%.2fms", m}')
    non2xx=$(cat "$WORK"/wrk* | awk '/Non-2xx/{s += $NF} END {print s + 0}')
    rm -f "$WORK"/wrk*
    printf '%-28s %10s req/s   p99 %10s   non-2xx/3xx %s\n' "$name" "$rps" "$p99" "$non2xx"
}
run "/healthz" /healthz
run "leaderboard period=month" "/api/v1/leaderboard?period=month"
run "/u/user00042" /u/user00042
run "badge" /badge/user00042.svg
run "badge If-None-Match (304)" /badge/user00042.svg -H "If-None-Match: $ETAG"
k=0
JOBS=
for port in $PORTS; do
    "$INGEST" "$port" $((4 / PROCESSES)) "$DURATION" > "$WORK/ingest$k" &
    JOBS="$JOBS $!"
    k=$((k + 1))
done
for job in $JOBS; do wait "$job" || true; done
cat "$WORK"/ingest*
awk '/submissions\/s/{for (i = 1; i <= NF; i++) if ($(i+1) == "submissions/s") s += $i} END {printf "ingest total: %.0f submissions/s\n", s}' "$WORK"/ingest*
