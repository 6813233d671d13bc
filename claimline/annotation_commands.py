"""`claimline annotate`, `claimline suggest` and `claimline settings`."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

from claimline.command_support import EXIT_OK, EXIT_PARTIAL, ProgressBar, fail, open_project


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{value}” is not a date like 2025-03-17") from None


def _threshold(value: str) -> float:
    number = float(value)
    if not 0.0 <= number <= 1.0:
        raise argparse.ArgumentTypeError("the threshold is a score between 0 and 1")
    return number


def register(commands: Any) -> dict[str, Any]:
    annotate = commands.add_parser(
        "annotate",
        help="pre-annotate the articles of a project",
        description="Propose entities, normalised temporal expressions and claim candidates "
        "for every article (or those named). Re-running refreshes open suggestions and never "
        "touches accepted or rejected ones.",
    )
    annotate.add_argument("project", type=Path)
    annotate.add_argument(
        "--pipeline",
        help="spaCy pipeline by name or path (default: the project's setting, else en_core_web_sm)",
    )
    annotate.add_argument(
        "--processes",
        type=int,
        default=1,
        metavar="N",
        help="worker processes for parsing (default 1)",
    )
    annotate.add_argument(
        "--threshold",
        type=_threshold,
        help="lowest claim score to propose (default: the project's setting)",
    )
    annotate.add_argument(
        "--articles",
        type=int,
        nargs="+",
        metavar="ID",
        help="only these articles (ids as `claimline list` shows them)",
    )
    annotate.add_argument("--quiet", "-q", action="store_true", help="no progress bar")

    suggest = commands.add_parser(
        "suggest",
        help="print suggestions for a text file as JSON lines (no project needed)",
        description="One JSON object per suggestion: kind (entity, timex, claim), start and end "
        "(character offsets into the file's text as read), text and label; for a timex also "
        "type, value, mod, edtf, earliest and latest; for a claim also claimant, score and "
        "reasons.",
    )
    suggest.add_argument("file", type=Path, help="a text file, or - for standard input")
    suggest.add_argument(
        "--dct",
        type=_date,
        metavar="YYYY-MM-DD",
        help="document creation (publication) date anchoring relative dates",
    )
    suggest.add_argument("--lang", default="en", metavar="CODE", help="language (default en)")
    suggest.add_argument("--pipeline", help="spaCy pipeline by name or path")
    suggest.add_argument("--threshold", type=_threshold, help="lowest claim score to propose")

    settings = commands.add_parser("settings", help="show or change a project's settings")
    settings.add_argument("project", type=Path)
    settings.add_argument("key", nargs="?")
    settings.add_argument(
        "value", nargs="?", help="a JSON value or a plain string; 'null' removes the setting"
    )
    return {"annotate": annotate_command, "suggest": suggest_command, "settings": settings_command}


def annotate_command(options: argparse.Namespace) -> int:
    from annotators.preannotate import Preannotator
    from storage import project_settings
    from storage.annotation_job import AnnotationProgress, preannotate

    with open_project(options.project) as project:
        pipeline = options.pipeline or project.get_setting(project_settings.PIPELINE)
        threshold = options.threshold
        if threshold is None:
            threshold = project.get_setting(project_settings.CLAIM_THRESHOLD)
        annotator = Preannotator(pipeline, claim_threshold=threshold, processes=options.processes)
        with ProgressBar("article", options.quiet) as bar:

            def progress(step: AnnotationProgress) -> None:
                bar.show(step.articles_done, step.articles_total)

            report = preannotate(project, annotator, options.articles, progress=progress)
    for notice in report.notices:
        print(f"warning: {notice}", file=sys.stderr)
    print(f"Pipelines: {', '.join(report.pipelines) or 'none'}", file=sys.stderr)
    print(report.summary_line())
    if options.articles and report.articles_done < len(set(options.articles)):
        print("warning: some article ids are not in the project", file=sys.stderr)
        return EXIT_PARTIAL
    return EXIT_OK


def suggest_command(options: argparse.Namespace) -> int:
    from annotators.preannotate import Preannotator
    from storage.importing.decoding import NotText, decode_bytes

    name = "standard input" if str(options.file) == "-" else str(options.file)
    try:
        raw = sys.stdin.buffer.read() if name == "standard input" else options.file.read_bytes()
        text = decode_bytes(raw)
    except OSError as error:
        print(f"claimline: {name} cannot be read: {error.strerror}", file=sys.stderr)
        return EXIT_PARTIAL
    except NotText as error:
        print(f"claimline: {name}: {error.reason}", file=sys.stderr)
        return EXIT_PARTIAL
    annotator = Preannotator(options.pipeline, claim_threshold=options.threshold)
    info = annotator.pipeline(options.lang).info
    if info.notice:
        print(f"warning: {info.notice}", file=sys.stderr)
    for suggestion in annotator.annotate_text(text, options.lang, options.dct):
        print(json.dumps(suggestion.as_json(), ensure_ascii=False))
    return EXIT_OK


def settings_command(options: argparse.Namespace) -> int:
    from storage import project_settings

    with open_project(options.project, writes=options.value is not None) as project:
        if options.key is None:
            current = project.info().settings
            for key, meaning in project_settings.KNOWN.items():
                value = json.dumps(current[key]) if key in current else "(default)"
                print(f"{key} = {value}    # {meaning}")
            for key, value in current.items():
                if key not in project_settings.KNOWN:
                    print(f"{key} = {json.dumps(value)}")
            return EXIT_OK
        if options.value is None:
            print(json.dumps(project.get_setting(options.key)))
            return EXIT_OK
        try:
            value = json.loads(options.value)
        except json.JSONDecodeError:
            value = options.value
        if (
            options.key == project_settings.CLAIM_THRESHOLD
            and value is not None
            and not (isinstance(value, int | float) and 0 <= value <= 1)
        ):
            return fail("the claim threshold is a number between 0 and 1")
        project.set_setting(options.key, value)
    return EXIT_OK
