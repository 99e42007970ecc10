#!/usr/bin/env bash
# The sanitizer and fuzz stage of scripts/test.sh (and so of CI):
#  1. builds the asan preset (clang; ASan + UBSan; the fuzz targets too),
#  2. runs the unit, integration, server and fuzz-replay tests under it
#     (ctest --preset asan), and fails on any sanitizer report, also from the
#     child processes the tests start,
#  3. runs every fuzz_* target for FUZZ_SECONDS (default 20) from its
#     checked-in corpus; a crash fails the stage and leaves its input in
#     build-asan/fuzz-artifacts.
# Usage: tests/fuzz/ci.sh   (FUZZ_SECONDS=N to change the fuzz time,
#        FUZZ_SEED=N for another path than CI's seed 1)
set -euo pipefail
cd "$(dirname "$0")/../.."
FUZZ_SECONDS=${FUZZ_SECONDS:-20}
FUZZ_SEED=${FUZZ_SEED:-1}
BUILD=build-asan
stage_start=$(date +%s)

if command -v ccache >/dev/null 2>&1 && [ -z "${CMAKE_CXX_COMPILER_LAUNCHER:-}" ]; then
    export CMAKE_CXX_COMPILER_LAUNCHER=ccache
fi
cmake --preset asan >/dev/null
cmake --build "$BUILD" -j "$(nproc)"
build_end=$(date +%s)

rm -rf "$BUILD/sanitizer-logs"
mkdir -p "$BUILD/sanitizer-logs"
ctest_rc=0
ctest --preset asan || ctest_rc=$?
reports=$(find "$BUILD/sanitizer-logs" -type f | head -20)
if [ -n "$reports" ]; then
    echo "sanitizer reports:"
    for f in $reports; do echo "== $f"; head -60 "$f"; done
    exit 1
fi
[ "$ctest_rc" -eq 0 ] || exit "$ctest_rc"
tests_end=$(date +%s)

# Fuzzing: new inputs go to a scratch corpus, never into the source tree.
export ASAN_OPTIONS=detect_leaks=0:abort_on_error=1
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:suppressions=$PWD/tests/fuzz/ubsan.supp"
artifacts="$PWD/$BUILD/fuzz-artifacts"
rm -rf "$artifacts"
mkdir -p "$artifacts"
failed=0
for fuzzer in "$BUILD"/tests/fuzz/fuzz_*; do
    # Only the executables (AUTOMOC leaves fuzz_*_autogen folders beside them).
    [ -f "$fuzzer" ] && [ -x "$fuzzer" ] || continue
    name=${fuzzer##*/fuzz_}
    scratch=$(mktemp -d)
    dict=()
    [ -f "tests/fuzz/dict/$name.dict" ] && dict=(-dict="tests/fuzz/dict/$name.dict")
    # A fixed seed: CI walks the same path a local run with FUZZ_SEED walks
    # first, so what CI would find, a longer local run finds before landing.
    if "$fuzzer" -seed="$FUZZ_SEED" -max_total_time="$FUZZ_SECONDS" -timeout=25 -rss_limit_mb=4096 \
        -print_final_stats=1 -artifact_prefix="$artifacts/$name-" "${dict[@]}" \
        "$scratch" "tests/fuzz/corpus/$name" >"$artifacts/$name.log" 2>&1; then
        runs=$(awk '/stat::number_of_executed_units/{print $NF}' "$artifacts/$name.log")
        speed=$(awk '/stat::average_exec_per_sec/{print $NF}' "$artifacts/$name.log")
        echo "fuzz_$name: ${runs:-?} runs in ${FUZZ_SECONDS} s (${speed:-?}/s), clean"
    else
        echo "fuzz_$name: FAILED"
        grep -E "ERROR|FUZZ_CHECK|runtime error|SUMMARY|Test unit written" "$artifacts/$name.log" | head -20
        # The input itself, so that a failure on a CI machine can be replayed
        # from its log alone: base64 -d > input; build-asan/tests/fuzz/fuzz_NAME input
        for crash in "$artifacts/$name"-*; do
            [ -f "$crash" ] && [ "${crash##*.}" != log ] || continue
            echo "input ${crash##*/} ($(stat -c %s "$crash") bytes), base64:"
            head -c 4096 "$crash" | base64 -w 0
            echo
        done
        failed=1
    fi
    rm -rf "$scratch"
done
end=$(date +%s)
echo "sanitizer stage: build $((build_end - stage_start)) s, tests $((tests_end - build_end)) s, fuzzing $((end - tests_end)) s"
exit $failed
