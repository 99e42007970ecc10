#!/usr/bin/env python3
"""Checks the checked-in Qt Linguist files (the test translations_check).

Fails when a .ts file
  - has an entry that is unfinished, vanished or obsolete (someone must translate or drop it),
  - has a finished entry with an empty translation, or one whose placeholders (%1..%99, %n)
    differ from its source text (a translation that would lose or invent a number),
  - is out of date with the sources: lupdate, run over a temporary copy with the options
    update_translations uses, would change it.

Usage: check_translations.py --lupdate PATH --sources @LISTFILE --options "-a;-b"
                             --ts FILE... [--plurals FILE...]
Files given with --plurals are updated with -pluralonly (English: plural forms only).
"""
import argparse
import difflib
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

PLACEHOLDER = re.compile(r"%(n|\d{1,2})")


def placeholders(text):
    return sorted(set(PLACEHOLDER.findall(text or "")))


def check_entries(path):
    problems = []
    root = ET.parse(path).getroot()
    for context in root.iter("context"):
        name = context.findtext("name")
        for msg in context.iter("message"):
            source = msg.findtext("source") or ""
            where = f"{path.name}: {name}: {source!r}"
            tr = msg.find("translation")
            kind = tr.get("type") if tr is not None else "missing"
            if kind in ("unfinished", "vanished", "obsolete", "missing"):
                problems.append(f"{where} is {kind}")
                continue
            forms = [f.text or "" for f in tr.iter("numerusform")] if msg.get("numerus") == "yes" \
                else [tr.text or ""]
            if not forms or any(not f.strip() for f in forms):
                problems.append(f"{where} is marked finished but has an empty translation")
                continue
            want = placeholders(source)
            for form in forms:
                got = placeholders(form)
                # A plural form may leave %n out where the language says "one" in words.
                if msg.get("numerus") == "yes" and "n" not in got:
                    got = sorted(set(got) | {"n"})
                if got != want:
                    problems.append(f"{where}: translation {form!r} has placeholders {got}, "
                                    f"the source {want}")
    return problems


def check_up_to_date(path, lupdate, sources, options, plurals_only):
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / path.name
        shutil.copyfile(path, copy)
        cmd = [lupdate, sources, "-ts", str(copy)] + options
        if plurals_only:
            cmd.append("-pluralonly")
        run = subprocess.run(cmd, capture_output=True, text=True)
        if run.returncode != 0:
            return [f"{path.name}: lupdate failed ({run.returncode}): {run.stderr}{run.stdout}"]
        before = path.read_text(encoding="utf-8").splitlines(keepends=True)
        after = copy.read_text(encoding="utf-8").splitlines(keepends=True)
        if before == after:
            return []
        diff = "".join(difflib.unified_diff(before, after, str(path), "after lupdate"))
        return [f"{path.name} is out of date with the sources: build the target "
                f"update_translations and translate what it adds.\n{diff}"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--lupdate", required=True)
    parser.add_argument("--sources", required=True, help="@FILE: lupdate's list of sources")
    parser.add_argument("--options", default="", help="lupdate options, ';'-separated")
    parser.add_argument("--ts", nargs="+", default=[])
    parser.add_argument("--plurals", nargs="*", default=[])
    args = parser.parse_args()
    options = [o for o in args.options.split(";") if o]

    problems = []
    files = [(Path(p), False) for p in args.ts] + [(Path(p), True) for p in args.plurals]
    for path, plurals_only in files:
        problems += check_entries(path)
        problems += check_up_to_date(path, args.lupdate, args.sources, options, plurals_only)
    for p in problems:
        print(p, file=sys.stderr)
    print(f"checked {len(files)} files: {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
