"""Pre-annotating a project: stored with provenance, idempotent, cancellable."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from annotators.preannotate import Preannotator
from storage.annotation_job import AnnotationProgress, preannotate
from storage.seed_corpus import add_seed_corpus
from storage.service import ProjectService


def test_seeds_are_pre_annotated_against_their_anchor(project: ProjectService) -> None:
    original, rewrite = add_seed_corpus(project)
    steps: list[AnnotationProgress] = []
    report = preannotate(project, Preannotator(), progress=steps.append)
    assert report.articles_done == report.articles_total == 2
    assert report.pipelines == ("en_core_web_sm 3.8.0",)
    assert steps[-1].articles_done == 2

    # The rewrite has no publication date of its own; its reference date anchors it.
    timexes = {s.text: s.attributes for s in project.list_suggestions(rewrite, kinds=["timex"])}
    assert timexes["last year"]["value"] == "2024"
    claims = project.list_suggestions(original, kinds=["claim"])
    (accept,) = [c for c in claims if c.text.startswith("According to Cho Tae-yul")]
    assert accept.attributes["claimant"] == "Cho Tae-yul"
    assert (accept.pipeline, accept.pipeline_version, accept.component) == (
        "en_core_web_sm",
        "3.8.0",
        "claimline_claims",
    )


def test_running_again_keeps_decisions_and_adds_nothing(project: ProjectService) -> None:
    add_seed_corpus(project)
    first = preannotate(project, Preannotator())
    before = {s.id: s for a in project.article_ids() for s in project.list_suggestions(a)}
    some = list(before)[:5]
    project.set_suggestion_status(some[:3], "rejected")
    project.set_suggestion_status(some[3:], "accepted")
    again = preannotate(project, Preannotator())
    after = {s.id: s for a in project.article_ids() for s in project.list_suggestions(a)}
    assert again.added == 0 and again.withdrawn == 0
    assert again.refreshed == first.added - 5
    assert set(after) == set(before)
    assert [after[i].status for i in some] == ["rejected"] * 3 + ["accepted"] * 2


def test_cancel_stops_between_articles(project: ProjectService, make_parsed) -> None:
    project.add_articles(
        [
            make_parsed(f"Report {i}: the dam at Harrow opened on {i} May 2024.")
            for i in range(1, 30)
        ]
    )
    report = preannotate(project, Preannotator(), should_cancel=lambda: True)
    assert report.cancelled
    assert report.articles_done == 1
    assert sum(p.total for p in project.review_progress().values()) > 0


def test_a_missing_pipeline_is_reported(project: ProjectService, make_parsed) -> None:
    project.add_articles(
        [make_parsed("The harbour reopened on 3 March 2025.", published=dt.date(2025, 3, 4))]
    )
    report = preannotate(project, Preannotator("no_such_pipeline"))
    assert report.pipelines == ("rule-based-en 1",)
    assert report.notices and "no_such_pipeline" in report.notices[0]


def test_annotate_command(tmp_path: Path) -> None:
    import subprocess
    import sys

    project_path = tmp_path / "p.claimline"
    with ProjectService.create(project_path) as project:
        add_seed_corpus(project)
    command = Path(sys.executable).parent / "claimline"
    result = subprocess.run(
        [command, "annotate", project_path],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("2 articles pre-annotated:")
    again = subprocess.run(
        [command, "annotate", project_path, "--articles", "1"],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert again.returncode == 0, again.stderr
    assert "1 article pre-annotated: 0 new suggestions" in again.stdout
    settings = subprocess.run(
        [command, "settings", project_path, "annotation.claim_threshold", "0.9"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert settings.returncode == 0
    strict = subprocess.run(
        [command, "annotate", project_path],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert "withdrawn" in strict.stdout and " 0 withdrawn" not in strict.stdout


def test_a_failure_to_store_stops_the_run_with_its_reason(
    project: ProjectService, make_parsed
) -> None:
    """An annotator that proposes a span outside the text (a bug) must not pass unnoticed."""
    import pytest

    from annotators.pipelines import load_pipeline
    from annotators.preannotate import AnnotatedText
    from annotators.suggestion import Suggestion

    project.add_articles([make_parsed(f"Short report number {i}.") for i in range(40)])
    info = load_pipeline(None, "en").info

    class Broken:
        def annotate_many(self, items):  # type: ignore[no-untyped-def]
            for key, _item in items:
                bad = Suggestion("entity", 0, 10_000, "x", "GPE", "ner")
                yield AnnotatedText(key, [bad], info)

    with pytest.raises(ValueError, match="outside the text"):
        preannotate(project, Broken())
    assert project.review_progress() == {}
