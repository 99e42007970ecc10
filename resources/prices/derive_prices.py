#!/usr/bin/env python3
"""Derive TokenTally's bundled price table from LiteLLM's price file.

Usage:
    derive_prices.py LITELLM_JSON [--out model-prices.json]
                     [--commit SHA] [--date YYYY-MM-DD]

Reads BerriAI/litellm's model_prices_and_context_window.json and writes the
compact table that is compiled into tokentally_core (see docs/pricing.md).
Python 3 standard library only; the output is deterministic for a given input.
"""

import argparse
import hashlib
import json
import os
import sys

DEFAULT_COMMIT = "4c1b15d6854c9ccad7e4348ed6f45edc45f8039d"
DEFAULT_DATE = "2026-03-03"

# LiteLLM field -> compact field. Everything else in an entry (context sizes,
# capability flags, image/audio/priority/flex/batch rates) is dropped: token
# usage of coding agents is billed through these nine rates only.
FIELDS = [
    ("input_cost_per_token", "in"),
    ("output_cost_per_token", "out"),
    ("cache_creation_input_token_cost", "cw"),
    ("cache_read_input_token_cost", "cr"),
    ("cache_creation_input_token_cost_above_1hr", "cw1h"),
    ("input_cost_per_token_above_200k_tokens", "in200k"),
    ("output_cost_per_token_above_200k_tokens", "out200k"),
    ("cache_creation_input_token_cost_above_200k_tokens", "cw200k"),
    ("cache_read_input_token_cost_above_200k_tokens", "cr200k"),
    ("cache_creation_input_token_cost_above_1hr_above_200k_tokens", "cw1h200k"),
]

KEPT_MODES = {None, "chat", "responses"}

# Well-known names that the snapshot lacks although it prices the very same
# model under another key. Each alias copies the rates of its sibling; nothing
# here is typed in by hand. (alias, sibling, why)
OVERLAY = [
    ("claude-sonnet-4", "claude-sonnet-4-20250514",
     "Anthropic alias of the only Claude Sonnet 4 snapshot"),
    ("claude-sonnet-4-0", "claude-sonnet-4-20250514",
     "Anthropic alias of the only Claude Sonnet 4 snapshot"),
    ("claude-opus-4", "claude-opus-4-20250514",
     "Anthropic alias of the only Claude Opus 4 snapshot"),
    ("claude-opus-4-0", "claude-opus-4-20250514",
     "Anthropic alias of the only Claude Opus 4 snapshot"),
    ("claude-3-7-sonnet", "claude-3-7-sonnet-latest",
     "undated form of claude-3-7-sonnet-latest"),
    ("claude-3-5-sonnet", "claude-3-5-sonnet-latest",
     "undated form of claude-3-5-sonnet-latest (both 3.5 Sonnet snapshots cost the same)"),
    ("gpt-5-codex-mini", "gpt-5-mini",
     "the snapshot prices every gpt-5.x-codex like its base model "
     "(gpt-5-codex = gpt-5, gpt-5.1-codex = gpt-5.1, gpt-5.2-codex = gpt-5.2)"),
]


def compact(entry):
    out = {}
    for long_name, short_name in FIELDS:
        value = entry.get(long_name)
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            continue
        if value < 0:
            raise ValueError(f"negative rate {long_name}={value}")
        out[short_name] = float(value)
    return out


def is_useful(key, entry):
    if key == "sample_spec" or not isinstance(entry, dict):
        return False
    if entry.get("mode") not in KEPT_MODES:
        return False
    for field in ("input_cost_per_token", "output_cost_per_token"):
        value = entry.get(field)
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return False
    return True


def number(value):
    # repr() gives the shortest text that round-trips, e.g. 3e-06, 1.5e-05.
    text = repr(float(value))
    if text.endswith(".0"):
        text = text[:-2]
    return text


def entry_text(entry):
    parts = []
    for key, value in entry.items():
        if isinstance(value, float):
            parts.append(f"{json.dumps(key)}:{number(value)}")
        else:
            parts.append(f"{json.dumps(key)}:{json.dumps(value)}")
    return "{" + ",".join(parts) + "}"


def derive(raw, commit, date):
    data = json.loads(raw)
    if not isinstance(data, dict):
        raise ValueError("top level is not an object")
    models = {}
    for key, entry in data.items():
        if is_useful(key, entry):
            models[key] = compact(entry)
    overlay = {}
    for alias, sibling, why in OVERLAY:
        if alias in data:
            continue  # the snapshot has it: never shadow real data
        if sibling not in models:
            # A newer LiteLLM file may have renamed the sibling: say so, derive the rest.
            print(f"derive_prices: overlay {alias} skipped: {sibling} not in input",
                  file=sys.stderr)
            continue
        entry = dict(models[sibling])
        entry["derived"] = f"same as {sibling}: {why}"
        overlay[alias] = entry
    return {
        "source": {
            "name": "LiteLLM model_prices_and_context_window.json",
            "repository": "BerriAI/litellm",
            "commit": commit,
            "date": date,
            "sha256": hashlib.sha256(raw).hexdigest(),
            "entries": len(data),
        },
        "version": f"litellm-{commit[:8]}",
        "models": models,
        "overlay": overlay,
    }


def write(table, path):
    # One model per line: compact, yet a price change shows as a one-line diff.
    lines = ["{", f'"source":{json.dumps(table["source"], separators=(",", ":"))},',
             f'"version":{json.dumps(table["version"])},']
    for section in ("models", "overlay"):
        entries = table[section]
        lines.append(f'"{section}":{{')
        keys = sorted(entries)
        for i, key in enumerate(keys):
            comma = "," if i + 1 < len(keys) else ""
            lines.append(f"{json.dumps(key)}:{entry_text(entries[key])}{comma}")
        lines.append("}," if section == "models" else "}")
    lines.append("}")
    text = "\n".join(lines) + "\n"
    json.loads(text)  # never write something we could not read back
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    os.replace(tmp, path)
    return len(text.encode("utf-8"))


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("litellm_json")
    parser.add_argument("--out", default=os.path.join(here, "model-prices.json"))
    parser.add_argument("--commit", default=DEFAULT_COMMIT,
                        help="BerriAI/litellm commit the file was taken from")
    parser.add_argument("--date", default=DEFAULT_DATE, help="date of that commit")
    args = parser.parse_args()
    with open(args.litellm_json, "rb") as f:
        raw = f.read()
    try:
        table = derive(raw, args.commit, args.date)
    except (ValueError, json.JSONDecodeError) as e:
        print(f"derive_prices: {args.litellm_json}: {e}", file=sys.stderr)
        return 1
    size = write(table, args.out)
    print(f"{args.out}: {len(table['models'])} models, {len(table['overlay'])} overlay "
          f"entries, {size} bytes, version {table['version']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
