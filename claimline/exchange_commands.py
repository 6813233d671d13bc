"""`claimline export` and `claimline import-annotations`: datasets in and out of a project.

    claimline export PROJECT --format FORMAT --out PATH [--articles ID ...] [--include-open]
    claimline import-annotations PROJECT PATH --format FORMAT

The formats are those of `storage.exporting.formats` (FORMATS for export,
IMPORTERS for import), so a format registered there is a choice here too.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from claimline.command_support import EXIT_OK, EXIT_USAGE, ProgressBar, fail, open_project


def register(commands: Any) -> dict[str, Any]:
    from storage.exporting.formats import FORMATS, IMPORTERS

    listing = "; ".join(f"{f.name}: {f.description}" for f in FORMATS.values())
    export = commands.add_parser(
        "export",
        help="export a project (or some articles) as a dataset",
        description="Write the project's articles with their claims, suggestions, events and "
        f"alignments in one of these formats — {listing}. Formats without a file suffix "
        "write a folder.",
    )
    export.add_argument("project", type=Path)
    export.add_argument("--format", "-f", required=True, choices=sorted(FORMATS))
    export.add_argument("--out", "-o", required=True, type=Path, metavar="PATH",
                        help="the file (or, for folder formats, the folder) to write")
    export.add_argument("--articles", type=int, nargs="+", metavar="ID",
                        help="only these articles (ids as `claimline list` shows them)")
    export.add_argument("--include-open", action="store_true",
                        help="also export suggestions nobody has reviewed yet, where the format "
                        "exports only accepted ones")
    export.add_argument("--quiet", "-q", action="store_true", help="no progress bar")

    importing = commands.add_parser(
        "import-annotations",
        help="import annotations (or a whole Claimline export) into a project",
        description="Read annotations in one of these formats — "
        + "; ".join(f"{f.name}: {f.description}" for f in IMPORTERS.values())
        + ". A claimline-jsonl file can only go into a new project: PROJECT is created when "
        "it does not exist, and must hold no articles when it does.",
    )
    importing.add_argument("project", type=Path)
    importing.add_argument("path", type=Path, metavar="PATH")
    importing.add_argument("--format", "-f", required=True, choices=sorted(IMPORTERS))
    importing.add_argument("--quiet", "-q", action="store_true", help="no progress bar")
    return {"export": export_command, "import-annotations": import_command}


def export_command(options: argparse.Namespace) -> int:
    from storage.exporting.export_job import export_dataset
    from storage.exporting.formats import export_format

    entry = export_format(options.format)
    if problem := entry.destination_problem(options.out):
        return fail(problem)
    try:
        result = _export(options, entry.name, export_dataset)
    except ValueError as error:  # ExchangeFormatError: a place that cannot be written
        return fail(str(error))
    if result is None:  # an unknown article id, already reported
        return EXIT_USAGE
    for note in result.notes:
        print(f"note: {note}", file=sys.stderr)
    print(result.summary_line())
    return EXIT_OK


def _export(options: argparse.Namespace, format_name: str, export_dataset: Any) -> Any:
    with open_project(options.project, writes=False) as project:
        wanted = None
        if options.articles:
            wanted = sorted(set(options.articles))
            known = {a.id for a in project.list_articles()}
            if missing := [i for i in wanted if i not in known]:
                fail(f"no article with id {', '.join(map(str, missing))} in "
                     f"{options.project.name} (see `claimline list`)")
                return None
        with ProgressBar("item", options.quiet) as bar:
            return export_dataset(project, format_name, options.out, wanted,
                                  include_open=options.include_open, progress=bar.show)


def import_command(options: argparse.Namespace) -> int:
    from storage.exporting.formats import import_format
    from storage.project_file import remove_project_file

    entry = import_format(options.format)
    if not options.path.exists():
        return fail(f"{options.path} does not exist")
    created = entry.needs_empty_project and not options.project.exists()
    try:
        with (
            open_project(options.project, create=entry.needs_empty_project) as project,
            ProgressBar("row", options.quiet) as bar,
        ):
            result = entry.load()(project, options.path, bar.show)
    except BaseException as error:
        if created:  # nothing was stored: do not leave an empty project behind
            remove_project_file(options.project)
        if isinstance(error, ValueError):  # ExchangeFormatError, InvalidEdit: for the researcher
            return fail(str(error))
        if isinstance(error, OSError):  # a folder given for a file, unreadable, ...
            return fail(f"cannot read {options.path}: {error.strerror or error}")
        raise
    for note in result.notes:
        print(f"note: {note}", file=sys.stderr)
    print(result.summary_line())
    return EXIT_OK

