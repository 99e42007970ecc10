#!/usr/bin/env bash
# Runs every test function of a Qt Test program alone, each in its own process
# (initTestCase, the one function, cleanupTestCase), JOBS at a time, and fails
# when any of them fails: proof that no function depends on another's leftovers.
#   tests/run-functions-alone.sh JOBS PROGRAM
set -u
jobs=$1
program=$2
functions=$("$program" -functions) || { echo "cannot list the functions of $program"; exit 1; }
logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT
run_one() {
    local program=$1 name=$2 logs=$3 start ms
    start=${EPOCHREALTIME/./}
    if "$program" "$name" >"$logs/$name.log" 2>&1; then
        ms=$(((${EPOCHREALTIME/./} - start) / 1000))
        printf 'PASS alone: %s (%d ms)\n' "$name" "$ms"
    else
        printf 'FAIL alone: %s\n' "$name"
        cat "$logs/$name.log"
        return 1
    fi
}
export -f run_one
printf '%s\n' $functions | sed 's/()$//' |
    xargs -P "$jobs" -I{} bash -c 'run_one "$0" "$1" "$2"' "$program" {} "$logs"
status=$?
[ $status -eq 0 ] || echo "some functions of $(basename "$program") fail when run alone"
exit $status
