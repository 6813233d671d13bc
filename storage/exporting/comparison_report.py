"""A comparison of two articles as a report: HTML for reading, CSV and JSON Lines for analysis.

One row per alignment: the passage in A and in B (either may be empty), the
relation, what differs, the aligner's score and reason, and the researcher's
verdict. The HTML version reads as the two texts side by side, with the
differences named and the added and dropped passages marked.
"""

from __future__ import annotations

import csv
import html
import io
import json
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from storage.records import AlignmentRecord, ArticleDetail

FIELDS = ("level", "relation", "status", "a_start", "a_end", "a_text", "b_start", "b_end",
          "b_text", "differences", "score", "reason", "claim_a_id", "claim_b_id", "aligner")
RELATION_COLOURS = {"same": "#e8f1ea", "reworded": "#e7eef8", "conflicting": "#fbe3dc",
                    "partial": "#fbf0d9", "added": "#f3e8f6", "dropped": "#eeeeee"}


def differences_text(record: AlignmentRecord) -> str:
    return "; ".join(f"{d.kind}: {d.note or f'{d.a} → {d.b}'}" for d in record.differences)


def row(record: AlignmentRecord) -> dict[str, Any]:
    return {
        "level": record.level, "relation": record.relation, "status": record.status,
        "a_start": record.a_start, "a_end": record.a_end, "a_text": record.a_text,
        "b_start": record.b_start, "b_end": record.b_end, "b_text": record.b_text,
        "differences": [{"kind": d.kind, "a": d.a, "b": d.b, "note": d.note}
                        for d in record.differences],
        "score": record.score, "reason": record.reason, "claim_a_id": record.claim_a_id,
        "claim_b_id": record.claim_b_id, "aligner": record.aligner,
    }


def summary(records: Sequence[AlignmentRecord]) -> str:
    counts = Counter(r.relation for r in records if r.level == "sentence"
                     and r.status != "rejected")
    parts = [f"{counts[k]} {k}" for k in ("same", "reworded", "partial", "conflicting", "added",
                                          "dropped") if counts[k]]
    return f"{sum(counts.values())} passages: " + ", ".join(parts) if parts else "No passages."


def jsonl(a: ArticleDetail, b: ArticleDetail, records: Sequence[AlignmentRecord]) -> str:
    header = {"article_a": {"id": a.id, "uid": a.summary.uid, "title": a.metadata.title,
                            "outlet": a.metadata.outlet},
              "article_b": {"id": b.id, "uid": b.summary.uid, "title": b.metadata.title,
                            "outlet": b.metadata.outlet},
              "summary": summary(records)}
    lines = [json.dumps({"comparison": header}, ensure_ascii=False)]
    lines += [json.dumps(row(r), ensure_ascii=False) for r in records]
    return "\n".join(lines) + "\n"


def csv_text(records: Sequence[AlignmentRecord]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=FIELDS, lineterminator="\n")
    writer.writeheader()
    for record in records:
        values = row(record)
        values["differences"] = differences_text(record)
        writer.writerow(values)
    return buffer.getvalue()


def html_text(a: ArticleDetail, b: ArticleDetail, records: Sequence[AlignmentRecord]) -> str:
    def source(article: ArticleDetail) -> str:
        meta = article.metadata
        parts = [meta.title or "(untitled)", meta.outlet or "outlet unknown"]
        if meta.published:
            parts.append(meta.published.isoformat())
        return html.escape(" · ".join(parts))

    rows = []
    for record in records:
        if record.level != "sentence":
            continue
        colour = RELATION_COLOURS.get(record.relation, "#ffffff")
        verdict = "" if record.status == "proposed" else f" ({record.status})"
        note = html.escape(differences_text(record) or record.reason)
        rows.append(
            f'<tr style="background:{colour}"><td class="rel">{html.escape(record.relation)}'
            f"{verdict}</td><td>{html.escape(record.a_text)}</td>"
            f"<td>{html.escape(record.b_text)}</td><td class=\"note\">{note}</td></tr>")
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Comparison: {source(a)} / {source(b)}</title>
<style>
body {{ font-family: Georgia, serif; margin: 2em; color: #222; }}
table {{ border-collapse: collapse; width: 100%; }}
td, th {{ border-bottom: 1px solid #ccc; padding: .5em; vertical-align: top; }}
th {{ text-align: left; font-family: sans-serif; }}
td.rel, td.note {{ font-family: sans-serif; font-size: 90%; white-space: nowrap; }}
td.note {{ white-space: normal; color: #555; }}
</style></head><body>
<h1>Comparison</h1>
<p><b>A:</b> {source(a)}<br><b>B:</b> {source(b)}</p>
<p>{html.escape(summary(records))}</p>
<table><tr><th>Relation</th><th>A</th><th>B</th><th>What differs / why</th></tr>
{chr(10).join(rows)}
</table></body></html>
"""


def write_report(path: Path, a: ArticleDetail, b: ArticleDetail,
                 records: Sequence[AlignmentRecord]) -> str:
    """Write the report in the format the file name says (.html, .csv, .jsonl)."""
    suffix = path.suffix.lower()
    if suffix in (".html", ".htm"):
        text = html_text(a, b, records)
    elif suffix == ".csv":
        text = csv_text(records)
    elif suffix in (".jsonl", ".json"):
        text = jsonl(a, b, records)
    else:
        raise ValueError(f"“{path.name}”: a comparison report is .html, .csv or .jsonl.")
    path.write_text(text, encoding="utf-8")
    return suffix.lstrip(".")
