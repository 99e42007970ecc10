#!/usr/bin/env python3
"""Per-day diff of expected.json against ccusage's (and tokentally's) daily JSON.

Usage: compare_daily.py EXPECTED_JSON OUTDIR
OUTDIR holds claude.json, codex.json, opencode.json, gemini.json, qwen.json, amp.json,
droid.json and kimi.json (ccusage <agent> daily --json) and
optionally tokentally.json (tokentally report daily --json --breakdown). Differences from
ccusage are expected (see tests/peers/README.md); differences from tokentally are failures
(exit status 1).
"""

import json
import os
import sys

F = ('input', 'output', 'cacheRead', 'cacheWrite')
# Our agent id -> ccusage's command (and file) name.
PEER_NAMES = (('claude-code', 'claude'), ('codex', 'codex'), ('opencode', 'opencode'),
              ('gemini-cli', 'gemini'), ('qwen-code', 'qwen'), ('amp', 'amp'), ('droid', 'droid'),
              ('kimi-cli', 'kimi'))
AGENTS = tuple(a for a, _ in PEER_NAMES)


def expected_rows(path):
    with open(path, encoding='utf-8') as f:
        exp = json.load(f)
    out = {}
    for r in exp['rows']:
        out[(r['agent'], r['date'], r['model'])] = (
            r['inputTokens'], r['outputTokens'], r['cacheReadTokens'], r['cacheWriteTokens'])
    return out


def ccusage_rows(outdir):
    out = {}
    for agent, name in PEER_NAMES:
        path = os.path.join(outdir, name + '.json')
        if not os.path.exists(path):
            continue
        with open(path, encoding='utf-8') as f:
            data = json.load(f)
        for day in data.get('daily', []):
            if 'modelBreakdowns' in day:
                models = [(m['modelName'], m) for m in day['modelBreakdowns']]
            else:
                models = list(day.get('models', {}).items())
            for model, m in models:
                key = (agent, day['date'], model)
                v = (m.get('inputTokens', 0), m.get('outputTokens', 0),
                     m.get('cacheReadTokens', 0), m.get('cacheCreationTokens', 0))
                old = out.get(key, (0, 0, 0, 0))
                out[key] = tuple(a + b for a, b in zip(old, v))
    return out


def tokentally_rows(outdir):
    path = os.path.join(outdir, 'tokentally.json')
    if not os.path.exists(path):
        return None
    with open(path, encoding='utf-8') as f:
        data = json.load(f)
    return {(r['agent'], r['date'], r['model']): (r['inputTokens'], r['outputTokens'],
                                                  r['cacheReadTokens'], r['cacheWriteTokens'])
            for r in data['rows']}


def by_day(rows, agent):
    out = {}
    for (a, d, _), v in rows.items():
        if a == agent:
            old = out.get(d, (0, 0, 0, 0))
            out[d] = tuple(x + y for x, y in zip(old, v))
    return out


def table(name, exp, got):
    """Prints one agent's per-day comparison; returns the number of differing days."""
    days = sorted(set(exp) | set(got))
    print(f'\n== {name}: expected vs peer, per UTC day (total tokens; field deltas peer-expected)')
    print(f'{"date":10}  {"expected":>13}  {"peer":>13}  {"delta":>11}  '
          f'{"d.input":>9} {"d.output":>9} {"d.cacheRead":>12} {"d.cacheWrite":>12}')
    differing = 0
    te = [0] * 4
    tg = [0] * 4
    for d in days:
        e = exp.get(d, (0, 0, 0, 0))
        g = got.get(d, (0, 0, 0, 0))
        te = [a + b for a, b in zip(te, e)]
        tg = [a + b for a, b in zip(tg, g)]
        delta = [b - a for a, b in zip(e, g)]
        mark = '' if not any(delta) else '  *'
        differing += bool(any(delta))
        print(f'{d:10}  {sum(e):13,}  {sum(g):13,}  {sum(g) - sum(e):+11,}  '
              f'{delta[0]:+9,} {delta[1]:+9,} {delta[2]:+12,} {delta[3]:+12,}{mark}')
    dt = [b - a for a, b in zip(te, tg)]
    print(f'{"TOTAL":10}  {sum(te):13,}  {sum(tg):13,}  {sum(tg) - sum(te):+11,}  '
          f'{dt[0]:+9,} {dt[1]:+9,} {dt[2]:+12,} {dt[3]:+12,}')
    pct = 100.0 * (sum(tg) - sum(te)) / sum(te) if sum(te) else 0.0
    print(f'{len(days) - differing}/{len(days)} days agree; total differs by {pct:+.3f}%')
    return differing


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    exp = expected_rows(sys.argv[1])
    cc = ccusage_rows(sys.argv[2])
    for agent in AGENTS:
        table(f'{agent}: ccusage', by_day(exp, agent), by_day(cc, agent))
    only_exp = sorted(set(m for a, _, m in exp) - set(m for a, _, m in cc))
    only_cc = sorted(set(m for a, _, m in cc) - set(m for a, _, m in exp))
    if only_exp or only_cc:
        print(f'\nmodels only in expected: {only_exp}; only in ccusage: {only_cc}')
    tt = tokentally_rows(sys.argv[2])
    if tt is None:
        return
    bad = 0
    for agent in AGENTS:
        bad += table(f'{agent}: tokentally', by_day(exp, agent), by_day(tt, agent))
    rows_bad = sorted(k for k in set(exp) | set(tt) if exp.get(k) != tt.get(k))
    for k in rows_bad[:20]:
        print('row differs', k, 'expected', exp.get(k), 'tokentally', tt.get(k))
    if bad or rows_bad:
        print(f'\ntokentally disagrees with expected.json on {len(rows_bad)} (agent, day, model) '
              'rows')
        sys.exit(1)
    print('\ntokentally agrees with expected.json on every (agent, day, model) row')


if __name__ == '__main__':
    main()
