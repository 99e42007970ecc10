#!/usr/bin/env bash
# Compares a generated fake HOME's expected.json with ccusage (and optionally tokentally), per
# UTC day and agent. Not run by CI: it installs ccusage from the npm registry.
#   tests/peers/ccusage_compare.sh [FIXTURE_DIR]
#   TOKENTALLY=/path/to/tokentally tests/peers/ccusage_compare.sh [FIXTURE_DIR]
# FIXTURE_DIR is an output of tests/fixtures/generate_home.py; one is generated when omitted.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
FIXTURES=$HERE/../fixtures
VERSION=20.0.24
CCUSAGE=$HERE/node_modules/.bin/ccusage

if [ ! -x "$CCUSAGE" ] || ! grep -q "\"version\": \"$VERSION\"" \
        "$HERE/node_modules/ccusage/package.json" 2>/dev/null; then
    echo "installing ccusage@$VERSION into $HERE/node_modules" >&2
    npm install --no-save --no-audit --no-fund --prefix "$HERE" \
        "ccusage@$VERSION" "@ccusage/ccusage-linux-x64@$VERSION" >&2
fi
# npm can unpack the native binary without its execute bit (seen on a fresh machine); the
# benchmarks run it directly.
NATIVE=$HERE/node_modules/@ccusage/ccusage-linux-x64/bin/ccusage
[ ! -f "$NATIVE" ] || [ -x "$NATIVE" ] || chmod +x "$NATIVE"

DIR=${1:-}
if [ -z "$DIR" ]; then
    DIR=$(mktemp -d)/fixture
    python3 "$FIXTURES/generate_home.py" --out "$DIR"
    echo "generated $DIR" >&2
fi
OUT=$(mktemp -d)

# A clean environment: no CLAUDE_CONFIG_DIR, CODEX_HOME or XDG_* from the caller, so every
# tool reads the fake HOME's default locations only.
run() { env -i PATH="$PATH" HOME="$DIR/home" TZ=UTC LANG=C.UTF-8 NO_COLOR=1 "$@"; }

run "$CCUSAGE" claude daily --json --offline --timezone UTC --breakdown > "$OUT/claude.json"
run "$CCUSAGE" codex daily --json --offline --timezone UTC > "$OUT/codex.json"
run "$CCUSAGE" opencode daily --json --offline --timezone UTC > "$OUT/opencode.json"
# The agents of issue 11, which ccusage 20 reads too.
for peer in gemini qwen amp droid kimi; do
    run "$CCUSAGE" "$peer" daily --json --offline --timezone UTC > "$OUT/$peer.json"
done

if [ -n "${TOKENTALLY:-}" ]; then
    run "$TOKENTALLY" scan --db "$OUT/tokentally.db" >&2
    run "$TOKENTALLY" report daily --json --breakdown --timezone UTC --db "$OUT/tokentally.db" \
        > "$OUT/tokentally.json"
fi

python3 "$HERE/compare_daily.py" "$DIR/expected.json" "$OUT"
