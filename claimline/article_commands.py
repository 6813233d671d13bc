"""`claimline import` and `claimline list`."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from claimline.command_support import EXIT_OK, EXIT_PARTIAL, ProgressBar, open_project


def register(commands: Any) -> dict[str, Any]:
    importing = commands.add_parser(
        "import",
        help="import article files and folders into a project",
        description="Import .txt, .md, .html, .json and .jsonl files; folders are searched "
        "recursively. The project is created if it does not exist.",
    )
    importing.add_argument("project", type=Path)
    importing.add_argument("paths", type=Path, nargs="+", metavar="PATH")
    importing.add_argument(
        "--quiet", "-q", action="store_true", help="no progress bar and no list of problems"
    )
    listing = commands.add_parser("list", help="list the articles of a project")
    listing.add_argument("project", type=Path)
    listing.add_argument("--json", action="store_true", help="one JSON object per line")
    return {"import": import_command, "list": list_command}


def import_command(options: argparse.Namespace) -> int:
    from storage.import_job import import_paths
    from storage.records import ImportProgress

    with (
        open_project(options.project, create=True) as project,
        ProgressBar("file", options.quiet) as bar,
    ):

        def progress(step: ImportProgress) -> None:
            name = Path(step.current).name[-40:] if step.current else ""
            bar.show(step.files_done, step.files_total, name)

        report = import_paths(project, options.paths, progress=progress)
    if not options.quiet:
        for failure in report.failures:
            print(f"skipped {failure.origin}: {failure.reason}", file=sys.stderr)
        for duplicate in report.duplicates:
            print(
                f"already in the project: {duplicate.origin} (as “{duplicate.existing_title}”)",
                file=sys.stderr,
            )
    print(report.summary_line())
    return EXIT_PARTIAL if report.failures else EXIT_OK


def list_command(options: argparse.Namespace) -> int:
    with open_project(options.project, writes=False) as project:
        articles = project.list_articles()
        progress = project.review_progress()
    if options.json:
        for a in articles:
            meta = a.metadata
            review = progress.get(a.id)
            print(
                json.dumps(
                    {
                        "id": a.id,
                        "uid": a.uid,
                        "title": meta.title,
                        "outlet": meta.outlet,
                        "author": meta.author,
                        "url": meta.url,
                        "language": meta.language,
                        "published": meta.published.isoformat() if meta.published else None,
                        "reference_date": meta.reference_date.isoformat()
                        if meta.reference_date
                        else None,
                        "words": a.word_count,
                        "characters": a.char_count,
                        "origin": a.origin,
                        "derived_from": list(a.derived_from),
                        "suggestions": review.total if review else 0,
                        "reviewed": review.reviewed if review else 0,
                    },
                    ensure_ascii=False,
                )
            )
        return EXIT_OK
    print(f"{'ID':>4}  {'PUBLISHED':<10}  {'LANG':<4}  {'WORDS':>6}  {'OUTLET':<18}  TITLE")
    for a in articles:
        meta = a.metadata
        published = meta.published.isoformat() if meta.published else "?"
        outlet = (meta.outlet or "")[:18]
        print(
            f"{a.id:>4}  {published:<10}  {meta.language or '?':<4}  {a.word_count:>6}  "
            f"{outlet:<18}  {meta.title or '(untitled)'}"
        )
    print(f"{len(articles)} article{'s' if len(articles) != 1 else ''}", file=sys.stderr)
    return EXIT_OK
