#!/usr/bin/env python3
"""Writes the seed corpora of tests/fuzz (small files, checked in).

Seeds come from a home made by tests/fixtures/generate_home.py (long text
values shortened, a few lines per seed, including the generator's malformed
and hostile lines) and from hand-written requests, bodies and command lines.
Run it again after the generator or a format changes:

    tests/fuzz/make_corpus.py            # rewrites tests/fuzz/corpus/*
"""
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
CORPUS = os.path.join(HERE, "corpus")
MAX_SEEDS = 40
MAX_BYTES = 4096


def shorten(value):
    """Long strings (prompts, tool output) become short ones; structure stays."""
    if isinstance(value, str):
        return value if len(value) <= 48 else value[:24] + "…" + value[-8:]
    if isinstance(value, list):
        return [shorten(v) for v in value[:4]]
    if isinstance(value, dict):
        return {k: shorten(v) for k, v in value.items()}
    return value


def short_line(line):
    try:
        return json.dumps(shorten(json.loads(line)), ensure_ascii=False, separators=(",", ":"))
    except ValueError:
        return line[:300]  # a malformed line stays malformed


def write(target, name, data):
    d = os.path.join(CORPUS, target)
    os.makedirs(d, exist_ok=True)
    if isinstance(data, str):
        data = data.encode()
    with open(os.path.join(d, name), "wb") as f:
        f.write(data[:MAX_BYTES])


def jsonl_seeds(target, files, lines_per_seed, keep):
    n = 0
    for path in sorted(files):
        with open(path, encoding="utf-8", errors="replace") as f:
            lines = [short_line(l.rstrip("\n")) for l in f if keep(l)]
        for i in range(0, len(lines), lines_per_seed):
            if n >= MAX_SEEDS:
                return
            chunk = "\n".join(lines[i:i + lines_per_seed]) + "\n"
            write(target, "gen-%02d.jsonl" % n, chunk)
            n += 1


def main():
    if os.path.isdir(CORPUS):
        shutil.rmtree(CORPUS)
    work = tempfile.mkdtemp()
    try:
        subprocess.run([sys.executable, os.path.join(ROOT, "tests/fixtures/generate_home.py"),
                        "--out", os.path.join(work, "g"), "--seed", "5", "--days", "3",
                        "--start", "2026-01-05"], check=True, stdout=subprocess.DEVNULL)
        home = os.path.join(work, "g", "home")
        claude, codex, opencode = [], [], []
        for dirpath, _, names in os.walk(home):
            for n in names:
                p = os.path.join(dirpath, n)
                if "/claude/projects/" in p and n.endswith(".jsonl"):
                    claude.append(p)
                elif "/.codex/" in p and n.endswith(".jsonl"):
                    codex.append(p)
                elif "/opencode/storage/message/" in p:
                    opencode.append(p)
        # Usage lines and their neighbours; every kind of line appears somewhere.
        jsonl_seeds("claude", claude[:12], 3, lambda l: True)
        jsonl_seeds("codex", codex[:12], 6,
                    lambda l: any(k in l for k in ("token_count", "turn_context", "session_meta"))
                    or len(l) < 400)
        for i, p in enumerate(sorted(opencode)[:16]):
            with open(p, encoding="utf-8") as f:
                write("opencode", "msg-%02d.json" % i,
                      json.dumps(shorten(json.load(f)), indent=2))
        db = os.path.join(home, ".local/share/opencode/opencode.db")
        if os.path.exists(db):
            rows = sqlite3.connect(db).execute(
                "SELECT id, session_id, data FROM message LIMIT 6").fetchall()
            text = "\n--\n".join("%s\t%s\t%s" % (r[0], r[1], json.dumps(shorten(json.loads(r[2])),
                                                 separators=(",", ":"))) for r in rows)
            write("opencode", "db-rows", "DB\n" + text)
            write("opencode", "db-blob", "DB\n" + text.replace("\t{", "\t!{", 1))
    finally:
        shutil.rmtree(work)

    # Codex resume states (0xFF, state, 0x00, then the file).
    for i, state in enumerate(["v1\n1\n16020\n15360\n410\n256\n16430\ngpt-5.2-codex\nsess-1\n0\n2\n0\n0\n",
                               "v1\n0\n0\n0\n0\n0\n0\nunknown\n\n1\n1\n1767621731\n1\n"]):
        line = ('{"timestamp":"2026-01-05T14:02:31.870Z","type":"event_msg","payload":{"type":'
                '"token_count","info":{"total_token_usage":{"input_tokens":20000,'
                '"cached_input_tokens":16000,"output_tokens":500,"reasoning_output_tokens":300,'
                '"total_tokens":20500},"last_token_usage":{"input_tokens":3980,'
                '"cached_input_tokens":640,"output_tokens":90,"reasoning_output_tokens":44,'
                '"total_tokens":4070}}}}\n')
        write("codex", "state-%d" % i, b"\xff" + state.encode() + b"\x00" + line.encode())

    # Submission bodies (DESIGN.md §4), valid and near-valid.
    bucket = {"hour": "2026-11-20T14:00:00Z", "agent": "claude-code", "model": "claude-sonnet-4-5",
              "input": 1200, "cacheWrite": 3000, "cacheRead": 250000, "output": 5400,
              "reasoning": 0, "messages": 18, "sessions": 2}
    body = {"schema": 1, "deviceId": "d-0123456789abcdef0123456789abcdef", "seq": 42,
            "prevHash": "0" * 64, "client": {"name": "tokentally", "version": "0.1.0", "os": "linux"},
            "buckets": [bucket, dict(bucket, agent="codex", model="gpt-5.2-codex", reasoning=900)]}
    compact = lambda o: json.dumps(o, separators=(",", ":"))
    write("wire", "valid", compact(body))
    write("wire", "empty-buckets", compact(dict(body, buckets=[])))
    write("wire", "unknown-field", compact(dict(body, path="/home/x")))
    write("wire", "fraction", compact(dict(body, buckets=[dict(bucket, input=1.5)])))
    write("wire", "negative", compact(dict(body, buckets=[dict(bucket, output=-1)])))
    write("wire", "big", compact(dict(body, buckets=[dict(bucket, cacheRead=2 ** 53)])))
    write("wire", "bad-hour", compact(dict(body, buckets=[dict(bucket, hour="2026-11-20T14:30:00Z")])))
    write("wire", "free-text", compact(dict(body, buckets=[dict(bucket, model="my secret project")])))
    write("wire", "reasoning", compact(dict(body, buckets=[dict(bucket, reasoning=9999)])))

    # Price files: ours (a slice of the bundled snapshot) and LiteLLM's map.
    with open(os.path.join(ROOT, "resources/prices/model-prices.json"), encoding="utf-8") as f:
        bundled = json.load(f)
    keys = [k for k in bundled["models"] if "claude" in k or "gpt-5" in k][:10]
    write("prices", "compact", compact({"version": "fuzz", "models": {k: bundled["models"][k]
                                                                       for k in keys}}))
    write("prices", "litellm", compact({
        "sample_spec": {"mode": "chat"},
        "claude-sonnet-4-5": {"input_cost_per_token": 3e-06, "output_cost_per_token": 1.5e-05,
                              "cache_read_input_token_cost": 3e-07,
                              "input_cost_per_token_above_200k_tokens": 6e-06, "mode": "chat"},
        "text-embedding-3": {"input_cost_per_token": 1e-07, "mode": "embedding"}}))
    write("prices", "overlay", compact({"version": "x", "models": {"a": {"in": 1, "out": 2}},
                                        "overlay": {"b": {"in": 0, "out": 0, "cw1h": 5}}}))
    for i, name in enumerate(["claude-sonnet-4-5-20250929", "anthropic/claude-3.5-sonnet:beta",
                              "us.anthropic.claude-opus-4-1-v1:0", "openrouter/openai/gpt-5",
                              "claude-opus-45@20251101", "gpt-5-2025-08-07", "  gemini-2.5-pro "]):
        write("prices", "name-%d" % i, name)

    # Command lines (NUL-separated).
    for i, args in enumerate([["report", "daily", "--json"], ["report", "session", "--csv"],
                              ["report", "weekly", "--since", "2026-01-01", "--until", "2026-01-31",
                               "--timezone", "+09:00", "--breakdown"],
                              ["report", "model", "--agent", "codex", "--timezone", "Europe/Berlin"],
                              ["scan", "--json", "--threads", "2", "--data-dir", "codex=extra"],
                              ["--db", "other.db", "status", "--json"], ["outbox", "--show", "1"],
                              ["submit", "--dry-run", "--no-scan"], ["visibility", "public"],
                              ["login", "--server", "http:__127.0.0.1:1", "--username", "alice"],
                              ["--help"], ["report", "--help"], ["delete-server-data", "--yes"],
                              ["--version"], ["frobnicate"]]):
        write("cli", "args-%02d" % i, "\0".join(args))

    # HTTP requests: structured (flags byte, "METHOD TARGET", headers, body) and raw.
    reqs = [
        (0, "GET /healthz", "", ""), (0, "GET /api/v1/leaderboard?period=month&metric=cost", "", ""),
        (0, "GET /api/v1/leaderboard?period=custom&from=2026-01-01&to=2026-01-31&tz=%2B09:00", "", ""),
        (0, "GET /api/v1/users/fuzzer?tz=America%2FLos_Angeles", "", ""),
        (0, "GET /badge/tokens/fuzzer.svg?style=branded&period=month", "", ""),
        (0, "GET /badge/fuzzer.json", "If-None-Match: \"x\"", ""), (0, "GET /u/fuzzer", "", ""),
        (0, "GET /", "", ""), (0, "GET /api/v1/stats", "", ""), (0, "GET /metrics", "", ""),
        (0, "POST /api/v1/register", "Content-Type: application/json", '{"username":"alice"}'),
        (1, "GET /api/v1/me", "", ""), (1, "PATCH /api/v1/me", "", '{"visibility":"unlisted"}'),
        (1, "GET /api/v1/devices/fuzz-device-0001/checksums?from=2026-01-01", "", ""),
        (1, "POST /api/v1/devices", "", '{"deviceId":"second-device","publicKey":"' +
         "A" * 43 + '=","label":"laptop"}'),
        (7, "POST /api/v1/submissions", "", compact(dict(body, buckets=[
            dict(bucket, hour="2026-01-05T10:00:00Z")]))),
        (3, "POST /api/v1/submissions", "", compact(body)),
        (1, "DELETE /api/v1/me", "", ""),
    ]
    for i, (flags, head, headers, b) in enumerate(reqs):
        write("http", "req-%02d" % i, bytes([flags]) + (head + "\n" + headers + "\n\n" + b).encode())
    write("http", "raw-get", b"RGET /api/v1/leaderboard?period=week HTTP/1.1\r\nHost: localhost\r\n\r\n")
    write("http", "raw-chunked", b"RPOST /api/v1/register HTTP/1.1\r\nHost: 127.0.0.1\r\n"
          b"Transfer-Encoding: chunked\r\n\r\n14\r\n{\"username\":\"bobby\"}\r\n0\r\n\r\n")
    write("http", "raw-badhost", b"RGET / HTTP/1.1\r\nHost: evil.example\r\n\r\n")
    sizes = {t: len(os.listdir(os.path.join(CORPUS, t))) for t in sorted(os.listdir(CORPUS))}
    print("seeds:", sizes)


if __name__ == "__main__":
    main()
