#!/usr/bin/env python3
"""Compares `tokentally report daily --breakdown --json --timezone UTC` with the
fixture generator's expected.json (tests/fixtures): every row and the totals,
number by number. Exit 1 on any difference.

    compare-report.py EXPECTED_JSON REPORT_JSON
"""
import json
import sys

FIELDS = ["inputTokens", "outputTokens", "cacheReadTokens", "cacheWriteTokens",
          "reasoningTokens", "totalTokens", "messages", "sessions"]


def key(row):
    return (row["date"], row["agent"], row["model"])


def main():
    expected = json.load(open(sys.argv[1]))
    report = json.load(open(sys.argv[2]))
    want = {key(r): r for r in expected["rows"]}
    got = {key(r): r for r in report["rows"]}
    problems = []
    for k in sorted(set(want) | set(got)):
        if k not in got:
            problems.append(f"missing row {k}")
        elif k not in want:
            problems.append(f"unexpected row {k}")
        else:
            for f in FIELDS:
                if want[k][f] != got[k][f]:
                    problems.append(f"{k} {f}: expected {want[k][f]}, got {got[k][f]}")
    for f in FIELDS:
        if expected["totals"][f] != report["totals"][f]:
            problems.append(f"totals {f}: expected {expected['totals'][f]}, got {report['totals'][f]}")
    if problems:
        print("\n".join(problems))
        return 1
    print(f"report matches expected.json: {len(want)} rows, "
          f"{expected['totals']['totalTokens']} tokens, {expected['totals']['messages']} messages")
    return 0


if __name__ == "__main__":
    sys.exit(main())
