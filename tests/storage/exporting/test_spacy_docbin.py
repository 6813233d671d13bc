"""spaCy DocBin: the spans survive the trip, and `spacy train` accepts the file."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import spacy
from spacy.tokens import DocBin

from storage.exporting.spacy_docbin import write
from storage.importing import ParsedArticle
from storage.service import ProjectService


def _docs(path: Path) -> list[spacy.tokens.Doc]:
    return list(DocBin().from_disk(path).get_docs(spacy.blank("xx").vocab))


def test_spans_come_back_with_their_texts_and_offsets(
    project: ProjectService, rich: dict[str, int], tmp_path: Path
) -> None:
    bundle = project.export_bundle()
    path = tmp_path / "corpus.spacy"
    result = write(bundle, path)
    assert result.items == 4
    # "The Harrow dam" (FAC) and "Harrow dam" (ORG) overlap: the longer one stays
    assert "1 overlapping entity dropped (kept the longer span)" in result.notes
    assert any("“ko”" in note for note in result.notes)  # no MeCab here: tokenised as xx
    docs = {doc.user_data["claimline.uid"]: doc for doc in _docs(path)}
    for article in bundle.articles:
        doc = docs[article.uid]
        assert doc.text == article.text
        assert doc.user_data["claimline.title"] == article.title
        assert doc.user_data["claimline.article_id"] == article.id
        claims = bundle.claims_of(article.id)
        spans = list(doc.spans["claims"])
        assert len(spans) == len(claims)
        for span, claim in zip(spans, claims, strict=True):
            assert span.start_char <= claim.start < claim.end <= span.end_char
            if article.language != "ko":  # Korean claims may end inside a token
                assert (span.start_char, span.end_char, span.text) == (
                    claim.start, claim.end, claim.quote)
        timexes = bundle.suggestions_of(article.id, "timex", ["accepted"])
        assert [s.text for s in doc.spans["timex"]] == [
            article.text[t.start:t.end] for t in timexes]
        assert [d["value"] for d in doc.user_data["claimline.timex"]] == [
            t.attributes["value"] for t in timexes]

    english = docs[bundle.article_by_id[rich["en"]].uid]
    assert [(e.text, e.label_) for e in english.ents] == [
        ("The Harrow dam", "FAC"), ("Olena Petrenko", "PERSON")]
    labels = {s.text: s.label_ for s in english.spans["claims"]}
    assert labels["Mayor Olena Petrenko said 3,000 people attended the opening."] == "Figure"
    assert labels["Talks on the second dam failed in early February 2025"] == "Statement"
    assert {s.label_ for s in english.spans["timex"]} == {"DATE"}
    data = english.user_data["claimline.claims"]
    assert list(data[1]["labels"]) == ["Figure", "Casualties"]
    assert list(data[1]["event_ids"]) == [rich["opening"]]
    assert english.user_data["claimline.timex"][1]["mod"] == "START"


def test_open_suggestions_only_when_asked(
    project: ProjectService, rich: dict[str, int], tmp_path: Path
) -> None:
    bundle = project.export_bundle([rich["en"]])
    write(bundle, tmp_path / "accepted.spacy")
    write(bundle, tmp_path / "all.spacy", include_open=True)
    (accepted,), (everything,) = _docs(tmp_path / "accepted.spacy"), _docs(tmp_path / "all.spacy")
    assert "the ministry" not in {e.text for e in accepted.ents}
    assert "the ministry" in {e.text for e in everything.ents}
    assert "3,000" not in {e.text for e in everything.ents}  # rejected stays out


def test_spans_inside_tokens_are_expanded_and_blank_ones_reported(
    project: ProjectService, make_parsed: Callable[..., ParsedArticle], tmp_path: Path
) -> None:
    from storage.records import ClaimFields

    (article,), _ = project.add_articles([make_parsed("Prices rose   sharply in Kyiv.")])
    project.create_claim(article.id, ClaimFields(2, 9))  # "ices ro": expands to "Prices rose"
    bundle = project.export_bundle()
    blank = dataclasses.replace(bundle.claims[0], id=99, start=11, end=13)  # only spaces
    bundle = dataclasses.replace(bundle, claims=(*bundle.claims, blank))
    result = write(bundle, tmp_path / "x.spacy")
    assert "1 span could not be aligned to tokens (left out)" in result.notes
    (doc,) = _docs(tmp_path / "x.spacy")
    assert [s.text for s in doc.spans["claims"]] == ["Prices rose"]


@pytest.mark.slow
def test_the_file_is_spacy_train_input(
    project: ProjectService, rich: dict[str, int], tmp_path: Path
) -> None:
    corpus = tmp_path / "corpus.spacy"
    write(project.export_bundle([rich["en"], rich["uk"]]), corpus, include_open=True)
    config = tmp_path / "config.cfg"
    made = subprocess.run(
        [sys.executable, "-m", "spacy", "init", "config", str(config), "--lang", "en",
         "--pipeline", "ner", "--optimize", "efficiency"],
        capture_output=True, text=True, timeout=300, check=False,
    )
    assert made.returncode == 0, made.stdout + made.stderr
    result = subprocess.run(
        [sys.executable, "-m", "spacy", "train", str(config), "--output", str(tmp_path / "out"),
         "--paths.train", str(corpus), "--paths.dev", str(corpus),
         "--training.max_steps", "2"],
        capture_output=True, text=True, timeout=300, check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert (tmp_path / "out" / "model-last").is_dir()
