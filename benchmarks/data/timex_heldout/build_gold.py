#!/usr/bin/env python3
"""Build text/, gold.jsonl and docs.jsonl from the annotated sources in annotated/.

Each ``annotated/<doc>.ann`` starts with a line ``DCT: <ISO date or date-time>``,
then a blank line, then the story with every TIMEX3 written inline as

    [[phrase|TYPE|VALUE]]   or   [[phrase|TYPE|VALUE|MOD]]

The script removes the markup, records character offsets into the plain text,
and refuses to write anything if a check fails:

* ``text[start:end] == phrase`` for every annotation;
* TYPE is DATE, TIME, DURATION or SET, MOD a TIMEX3 mod;
* VALUE has a TIMEX3 form that fits the TYPE;
* a DATE/TIME whose phrase names a weekday has a value on that weekday;
* "last/this/next week" values are ISO weeks one off/equal to the DCT's;
* every story has 150 to 400 words.

    python3 build_gold.py          # rebuild
    python3 build_gold.py --stats  # also print counts by type
    python3 build_gold.py fresh    # rebuild the second, blind set in fresh/
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from datetime import date, datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
MARK = re.compile(r"\[\[([^\[\]|]+)\|([A-Z]+)\|([^\[\]|]+)(?:\|([A-Z_]+))?\]\]")
TYPES = {"DATE", "TIME", "DURATION", "SET"}
MODS = {"BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER", "LESS_THAN", "MORE_THAN",
        "EQUAL_OR_LESS", "EQUAL_OR_MORE", "START", "MID", "END", "APPROX"}
DAY = r"(?:\d{4}|XXXX)-(?:\d{2}|XX)-(?:\d{2}|XX)"
DATE_VALUE = re.compile(
    rf"^(?:{DAY}|\d{{4}}-\d{{2}}|\d{{4}}|\d{{3}}X|\d{{2}}XX|\d{{4}}-(?:Q[1-4]|H[12]|SP|SU|FA|WI)"
    r"|\d{4}-W\d{2}(?:-WE)?|PRESENT_REF|PAST_REF|FUTURE_REF)$")
TIME_VALUE = re.compile(rf"^{DAY}T(?:\d{{2}}:\d{{2}}(?::\d{{2}})?|MO|AF|EV|NI|DT)$")
DURATION_VALUE = re.compile(
    r"^P(?:(?:\d+|X)(?:Y|M|W|D|DE|E|Q))*(?:T(?:(?:\d+|X)(?:H|M|S))+)?$")
SET_VALUE = re.compile(
    r"^(?:P(?:\d+|X)(?:Y|M|W|D|DE|Q)|PT(?:\d+|X)(?:H|M|S)|XXXX-WXX-\d(?:T(?:MO|AF|EV|NI))?"
    r"|XXXX-XX-XXT(?:MO|AF|EV|NI)|XXXX-(?:SP|SU|FA|WI)|XXXX-\d{2}|XXXX-WXX-WE)$")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def parse_dct(text: str) -> date:
    try:
        return datetime.fromisoformat(text).date()
    except ValueError:
        return date.fromisoformat(text[:10])


def check_value(doc: str, phrase: str, kind: str, value: str, mod: str | None,
                dct: date) -> list[str]:
    problems = []
    form = {"DATE": DATE_VALUE, "TIME": TIME_VALUE, "DURATION": DURATION_VALUE,
            "SET": SET_VALUE}[kind]
    if not form.match(value):
        problems.append(f"{doc}: {phrase!r}: value {value!r} is not a {kind} value")
    if mod is not None and mod not in MODS:
        problems.append(f"{doc}: {phrase!r}: unknown mod {mod}")
    low = phrase.lower()
    named = [i + 1 for i, w in enumerate(WEEKDAYS) if re.search(rf"\b{w}\b", low)]
    if named and kind in ("DATE", "TIME") and re.match(r"\d{4}-\d{2}-\d{2}", value):
        day = date.fromisoformat(value[:10])
        if day.isoweekday() != named[0]:
            problems.append(f"{doc}: {phrase!r}: {value} is a {day:%A}")
    if named and kind == "SET" and not value.endswith(str(named[0])):
        problems.append(f"{doc}: {phrase!r}: set value {value} is not weekday {named[0]}")
    m = re.fullmatch(r"(last|this|next) week", low)
    if m:
        shift = {"last": -1, "this": 0, "next": 1}[m[1]]
        year, week, _ = (dct + timedelta(weeks=shift)).isocalendar()
        if value != f"{year}-W{week:02d}":
            problems.append(f"{doc}: {phrase!r}: expected {year}-W{week:02d}, got {value}")
    return problems


def build(folder: Path, stats: bool) -> int:
    docs, gold, problems = [], [], []
    texts: dict[str, str] = {}
    for path in sorted((folder / "annotated").glob("*.ann")):
        doc = path.stem
        raw = path.read_text(encoding="utf-8")
        header, _, body = raw.partition("\n\n")
        if not header.startswith("DCT: "):
            problems.append(f"{doc}: first line must be 'DCT: ...'")
            continue
        dct_text = header[5:].strip()
        dct = parse_dct(dct_text)
        body = body.strip("\n") + "\n"
        out: list[str] = []
        pos = 0
        length = 0
        spans = []
        for n, m in enumerate(MARK.finditer(body), 1):
            before = body[pos:m.start()]
            out.append(before)
            length += len(before)
            phrase, kind, value, mod = m.group(1), m.group(2), m.group(3), m.group(4)
            if kind not in TYPES:
                problems.append(f"{doc}: {phrase!r}: unknown type {kind}")
            else:
                problems.extend(check_value(doc, phrase, kind, value, mod, dct))
            spans.append((length, length + len(phrase), phrase, kind, value, mod, n))
            out.append(phrase)
            length += len(phrase)
            pos = m.end()
        out.append(body[pos:])
        text = "".join(out)
        if "[[" in text or "]]" in text:
            problems.append(f"{doc}: unparsed markup left: "
                            f"{text[text.find('[['):text.find('[[') + 60]!r}")
        words = len(text.split())
        if not 150 <= words <= 400:
            problems.append(f"{doc}: {words} words (want 150-400)")
        for start, end, phrase, kind, value, mod, n in spans:
            if text[start:end] != phrase:
                problems.append(f"{doc}: offset check failed for {phrase!r}")
            gold.append({"doc": doc, "dct": dct_text, "tid": f"t{n}", "text": phrase,
                         "type": kind, "value": value, "mod": mod, "start": start,
                         "end": end})
        texts[doc] = text
        docs.append({"doc": doc, "dct": dct_text, "text_file": f"text/{doc}.txt"})
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 1
    (folder / "text").mkdir(exist_ok=True)
    for doc, text in texts.items():
        (folder / "text" / f"{doc}.txt").write_text(text, encoding="utf-8")
    with (folder / "docs.jsonl").open("w", encoding="utf-8") as handle:
        for row in docs:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    with (folder / "gold.jsonl").open("w", encoding="utf-8") as handle:
        for row in gold:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    # read back what was written and check every offset once more
    for row in gold:
        text = (folder / "text" / f"{row['doc']}.txt").read_text(encoding="utf-8")
        assert text[row["start"]:row["end"]] == row["text"], row
    words = sum(len(t.split()) for t in texts.values())
    print(f"{len(docs)} documents, {words} words, {len(gold)} TIMEX3 annotations")
    if stats:
        print("by type:", dict(Counter(r["type"] for r in gold)))
        print("with mod:", dict(Counter(r["mod"] for r in gold if r["mod"])))
        print("DCT years:", sorted({r["dct"][:4] for r in docs}))
        for doc, text in texts.items():
            print(f"  {doc:24s} {len(text.split()):4d} words "
                  f"{sum(1 for r in gold if r['doc'] == doc):3d} timexes")
    return 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", nargs="?", default=".",
                        help="set folder, relative to this script (default: this one)")
    parser.add_argument("--stats", action="store_true")
    args = parser.parse_args()
    sys.exit(build((HERE / args.folder).resolve(), args.stats))
