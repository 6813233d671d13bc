"""`claimline compare`: align two articles and print (or save) what agrees and what not."""

from __future__ import annotations

import argparse
import sys
import textwrap
from pathlib import Path
from typing import Any

from claimline.command_support import EXIT_OK, fail, open_project


def register(commands: Any) -> dict[str, Any]:
    compare = commands.add_parser(
        "compare", help="align two articles: same, reworded, conflicting, added, dropped",
        description="Align article A (say, the original) with article B (say, its rewrite), "
        "store the proposals in the project (a researcher's verdicts are kept), and print every "
        "passage with its relation and what differs. Article ids are those `claimline list` "
        "shows.",
    )
    compare.add_argument("project", type=Path)
    compare.add_argument("article_a", type=int, metavar="ARTICLE_A")
    compare.add_argument("article_b", type=int, metavar="ARTICLE_B")
    compare.add_argument("--json", action="store_true",
                         help="one JSON object per passage (after a header line)")
    compare.add_argument("--report", type=Path, metavar="PATH",
                         help="also write a report: .html to read, .csv or .jsonl to analyse")
    compare.add_argument("--no-align", action="store_true",
                         help="print what is stored without running the aligner again")
    return {"compare": compare_command}


def compare_command(options: argparse.Namespace) -> int:
    from storage.exporting.comparison_report import (
        differences_text,
        jsonl,
        summary,
        write_report,
    )
    from storage.service import ArticleNotFound

    with open_project(options.project, writes=not options.no_align) as project:
        try:
            a = project.get_article(options.article_a)
            b = project.get_article(options.article_b)
        except ArticleNotFound as error:
            return fail(str(error))
        if not options.no_align:
            from annotators.alignment import align_texts, aligner_label
            from storage.compare_job import compare_articles

            stored = compare_articles(project, a.id, b.id, align_texts, aligner_label())
            assert stored is not None  # never cancelled here
            print(f"aligned: {stored.added} proposals ({stored.kept} already decided)",
                  file=sys.stderr)
        records = project.list_alignments(a.id, b.id)
    if options.report is not None:
        try:
            kind = write_report(options.report, a, b, records)
        except ValueError as error:
            return fail(str(error))
        print(f"report written ({kind}): {options.report}", file=sys.stderr)
    if options.json:
        sys.stdout.write(jsonl(a, b, records))
        return EXIT_OK
    print(f"A: {a.metadata.title}  ({a.metadata.outlet or 'outlet unknown'})")
    print(f"B: {b.metadata.title}  ({b.metadata.outlet or 'outlet unknown'})")
    print(summary(records))
    for record in records:
        if record.level != "sentence":
            continue
        verdict = "" if record.status == "proposed" else f" [{record.status}]"
        print(f"\n{record.relation.upper()}{verdict}")
        for side, text in (("A", record.a_text), ("B", record.b_text)):
            if text:
                print(textwrap.fill(" ".join(text.split()), width=100,
                                    initial_indent=f"  {side}: ", subsequent_indent="     "))
        if record.differences:
            print(f"  differs in: {differences_text(record)}")
    claims = [r for r in records if r.level == "claim"]
    if claims:
        print(f"\n{len(claims)} claim-level alignments (use --json to see them)")
    return EXIT_OK
