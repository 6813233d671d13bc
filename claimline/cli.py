"""The `claimline` command: the GUI, or headless work on a project.

    claimline [PROJECT]                 open the GUI (on PROJECT, the last project, or the demo)
    claimline import PROJECT PATH...    import files and folders (creates PROJECT if missing)
    claimline list PROJECT [--json]     list the articles of a project

A thin shell over the same storage service the GUI uses. Exit codes: 0 done,
1 some input could not be imported, 2 bad usage or a project that cannot be
opened, 130 interrupted.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from claimline import version

if TYPE_CHECKING:
    from storage.service import ProjectService

EXIT_OK, EXIT_PARTIAL, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130
SUBCOMMANDS = ("import", "list")


class _VersionAction(argparse.Action):
    """Like argparse's own, but reads the version only when asked."""

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> None:
        print(f"claimline {version()}")
        parser.exit()


def _gui_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="claimline",
        description="Claimline: an offline workbench for researchers who study the news.",
        epilog="Headless commands: claimline import PROJECT PATH...; claimline list PROJECT. "
        "Run 'claimline COMMAND --help' for details.",
    )
    parser.add_argument(
        "project",
        nargs="?",
        type=Path,
        help="project file to open (default: the last one, or the demo project)",
    )
    parser.add_argument("--version", action=_VersionAction, nargs=0,
                        help="show the version and exit")
    parser.add_argument("--quit-after-shown", action="store_true", help=argparse.SUPPRESS)
    return parser


def _command_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="claimline")
    commands = parser.add_subparsers(dest="command", required=True)
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
    return parser


def main(argv: Sequence[str] | None = None) -> None:
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        if args and args[0] in SUBCOMMANDS:
            options = _command_parser().parse_args(args)
            code = {"import": _import, "list": _list}[options.command](options)
        else:
            options = _gui_parser().parse_args(args)
            from desktop.app import run_gui

            code = run_gui(options.project, quit_after_shown=options.quit_after_shown)
    except KeyboardInterrupt:
        print("Interrupted.", file=sys.stderr)
        code = EXIT_INTERRUPTED
    raise SystemExit(code)


def _error(message: str) -> int:
    print(f"claimline: {message}", file=sys.stderr)
    return EXIT_USAGE


def _open(path: Path, *, create: bool = False) -> ProjectService:
    from storage.project_file import ProjectFileError
    from storage.service import ProjectService

    if create and not path.exists():
        print(f"Creating a new project: {path}", file=sys.stderr)
        return ProjectService.create(path)
    try:
        service = ProjectService.open(path)
    except ProjectFileError as error:
        raise SystemExit(_error(str(error))) from None
    if service.backup_made:
        print(
            f"Upgraded {path.name}; the old file was kept as {service.backup_made}", file=sys.stderr
        )
    return service


def _import(options: argparse.Namespace) -> int:
    from tqdm import tqdm

    from storage.import_job import import_paths
    from storage.records import ImportProgress

    with _open(options.project, create=True) as project:
        bar = tqdm(
            total=0,
            unit="file",
            disable=True if options.quiet else None,
            file=sys.stderr,
            dynamic_ncols=True,
        )

        def progress(step: ImportProgress) -> None:
            bar.total = step.files_total
            bar.n = step.files_done
            bar.set_postfix_str(Path(step.current).name[-40:] if step.current else "")
            bar.refresh()

        try:
            report = import_paths(project, options.paths, progress=progress)
        finally:
            bar.close()
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


def _list(options: argparse.Namespace) -> int:
    with _open(options.project) as project:
        articles = project.list_articles()
    if options.json:
        for a in articles:
            meta = a.metadata
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
