"""The `claimline` command: the GUI, or headless work on a project.

    claimline [PROJECT]                       open the GUI (on PROJECT, the last one, or the demo)
    claimline import PROJECT PATH...          import files and folders (creates PROJECT if missing)
    claimline list PROJECT [--json]           list the articles of a project
    claimline annotate PROJECT [--pipeline NAME] [--processes N]   pre-annotate articles
    claimline suggest [--dct DATE] [--lang CODE] FILE               suggestions as JSON lines
    claimline settings PROJECT [KEY [VALUE]]  show or change project settings
    claimline compare PROJECT A B [--json] [--report PATH]   align two articles
    claimline export PROJECT --format F --out PATH  write a dataset (JSONL, spaCy, brat, …)
    claimline import-annotations PROJECT PATH --format F   read annotations back in

A thin shell over the same storage service and annotators the GUI uses. Exit
codes: 0 done, 1 some input could not be processed, 2 bad usage or a project
that cannot be opened, 130 interrupted.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from claimline import version
from claimline.command_support import EXIT_INTERRUPTED

Handler = Callable[[argparse.Namespace], int]


class _VersionAction(argparse.Action):
    """Like argparse's own, but reads the version only when asked."""

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> None:
        print(f"claimline {version()}")
        parser.exit()


def _gui_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="claimline",
        description="Claimline: an offline workbench for researchers who study the news.",
        epilog="Headless commands: import, list, annotate, suggest, settings, compare, export, "
        "import-annotations. "
        "Run 'claimline COMMAND --help' for details.",
    )
    parser.add_argument(
        "project",
        nargs="?",
        type=Path,
        help="project file to open (default: the last one, or the demo project)",
    )
    parser.add_argument(
        "--version", action=_VersionAction, nargs=0, help="show the version and exit"
    )
    parser.add_argument("--quit-after-shown", action="store_true", help=argparse.SUPPRESS)
    return parser


def _command_parser() -> tuple[argparse.ArgumentParser, dict[str, Handler]]:
    from claimline import (
        annotation_commands,
        article_commands,
        compare_commands,
        exchange_commands,
    )

    parser = argparse.ArgumentParser(prog="claimline")
    commands = parser.add_subparsers(dest="command", required=True)
    handlers: dict[str, Handler] = {}
    for module in (article_commands, annotation_commands, compare_commands, exchange_commands):
        handlers.update(module.register(commands))
    return parser, handlers


SUBCOMMANDS = ("import", "list", "annotate", "suggest", "settings", "compare", "export",
               "import-annotations")


def main(argv: Sequence[str] | None = None) -> None:
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        if args and args[0] in SUBCOMMANDS:
            parser, handlers = _command_parser()
            options = parser.parse_args(args)
            code = handlers[options.command](options)
        else:
            options = _gui_parser().parse_args(args)
            from desktop.app import run_gui

            code = run_gui(options.project, quit_after_shown=options.quit_after_shown)
    except KeyboardInterrupt:
        print("Interrupted.", file=sys.stderr)
        code = EXIT_INTERRUPTED
    raise SystemExit(code)
