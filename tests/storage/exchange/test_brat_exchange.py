"""brat standoff: written files read back by pybrat and by our strict parser, then imported."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest

from storage.annotation_import import brat_import
from storage.annotation_import.brat_standoff import parse_ann, visual_labels
from storage.annotation_import.documents import AnnotationImportError
from storage.exporting import brat
from storage.service import ProjectService

from .helpers import TEXT_EN, Sample, claim_facts, entity_facts, span


def export(sample: Sample, folder: Path, **options: bool) -> Path:
    brat.write(sample.service.export_bundle(), folder, **options)
    return folder


def stem(service: ProjectService, article_id: int) -> str:
    """The name brat lists the article under: title words and uid, or the uid alone."""
    summary = service.get_article(article_id).summary
    if summary.title == "Drones over Kyiv":
        return f"Drones-over-Kyiv-{summary.uid[:8]}"
    assert summary.title == "Дрони над Києвом", "no ASCII words to name it by"
    return summary.uid


def test_every_text_bound_is_the_text_at_its_offsets(sample: Sample, tmp_path: Path) -> None:
    folder = export(sample, tmp_path / "brat")
    for ann in folder.glob("*.ann"):
        text = ann.with_suffix(".txt").read_bytes().decode("utf-8")
        assert text == sample.service.get_article(
            sample.en if ann.stem == stem(sample.service, sample.en) else sample.uk).text
        for line in ann.read_text(encoding="utf-8").splitlines():
            if line.startswith("T"):
                _ident, head, quoted = line.split("\t")
                offsets = head.split(" ", 1)[1]
                pieces = [tuple(map(int, p.split())) for p in offsets.split(";")]
                assert " ".join(text[s:e] for s, e in pieces) == quoted
                assert all("\n" not in text[s:e] for s, e in pieces)


def test_pybrat_reads_the_export(sample: Sample, tmp_path: Path) -> None:
    pybrat_parser = pytest.importorskip("pybrat.parser")  # a test dependency
    folder = export(sample, tmp_path / "brat")
    examples = {e.id: e for e in pybrat_parser.BratParser(error="raise").parse(folder)}
    english = examples[stem(sample.service, sample.en)]
    assert english.text == TEXT_EN
    by_mention = {e.mention: e for e in english.entities}
    assert by_mention["Volodymyr Zelensky"].type == "PERSON"
    across = next(e for e in english.entities if e.mention.startswith("shot down overnight."))
    assert across.type == "Claim" and len(across.spans) == 2
    for entity in english.entities:
        assert " ".join(TEXT_EN[s.start:s.end] for s in entity.spans) == entity.mention
    claimants = {(r.arg1.mention, r.arg2.mention) for r in english.relations}
    assert claimants == {
        ("Volodymyr Zelensky", "40 drones were shot down overnight"),
        ("Ministry of Defence", "the figure rose to 45 by early February 2025"),
    }
    ukrainian = examples[stem(sample.service, sample.uk)]
    claim = next(e for e in ukrainian.entities if e.type == "Claim")
    assert claim.mention == "вночі збили 40 дронів 🚀"
    assert {e.type for e in english.entities} == {"Claim", "Timex", "GPE", "PERSON", "ORG"}


def test_configuration_declares_what_is_used(sample: Sample, tmp_path: Path) -> None:
    folder = export(sample, tmp_path / "brat")
    conf = (folder / "annotation.conf").read_text(encoding="utf-8")
    for line in ("Claim", "Timex", "PERSON", "Claimant\tArg1:GPE|ORG|PERSON, Arg2:Claim",
                 "Certainty\tArg:Claim, Value:asserted|hedged|denied",
                 "Label_Needs_check\tArg:Claim",
                 "TimexValue\tArg:Timex, Value:2025-02|2025-03-17"):
        assert line in conf.splitlines()
    labels = visual_labels((folder / "visual.conf").read_text(encoding="utf-8"))
    assert labels["Label_Needs_check"] == "Needs, check"
    assert "# label “Figure” has the colour #c0392b in Claimline" in \
        (folder / "visual.conf").read_text(encoding="utf-8")


def test_open_suggestions_only_on_request(sample: Sample, tmp_path: Path) -> None:
    plain = (export(sample, tmp_path / "a") / f"{stem(sample.service, sample.en)}.ann")
    opened = (export(sample, tmp_path / "b", include_open=True)
              / f"{stem(sample.service, sample.en)}.ann")
    start, end = span(TEXT_EN, "40")
    assert f"CARDINAL {start} {end}\t40" not in plain.read_text(encoding="utf-8")
    assert f"CARDINAL {start} {end}\t40" in opened.read_text(encoding="utf-8")
    assert "Analysts" not in opened.read_text(encoding="utf-8")  # rejected


def test_round_trip_into_a_fresh_project(sample: Sample, fresh: ProjectService,
                                         tmp_path: Path) -> None:
    written: list[tuple[int, int]] = []
    folder = tmp_path / "brat"
    brat.write(sample.service.export_bundle(), folder, lambda *step: written.append(step))
    read: list[tuple[int, int]] = []
    result = brat_import.read(fresh, folder, lambda *step: read.append(step))
    assert written == [(0, 2), (1, 2), (2, 2)] and read == [(0, 2), (1, 2), (2, 2)]
    assert result.counts["new articles"] == 2 and result.counts["claims"] == 4
    by_text = {fresh.get_article(a.id).text: a.id for a in fresh.list_articles()}
    for original in (sample.en, sample.uk):
        copy = by_text[sample.service.get_article(original).text]
        assert claim_facts(fresh, copy) == claim_facts(sample.service, original)
        assert entity_facts(fresh, copy, ("open",)) == entity_facts(sample.service, original)
        metadata = fresh.get_article(copy).summary.metadata
        assert metadata == sample.service.get_article(original).summary.metadata, \
            "title, outlet, URL, language and date come back from claimline-articles.json"
    suggestion = fresh.list_suggestions(by_text[TEXT_EN], ("entity",))[0]
    assert (suggestion.pipeline, suggestion.pipeline_version, suggestion.rule) == \
        ("import:brat", "", f"{stem(sample.service, sample.en)}.ann")
    claim = fresh.list_claims(by_text[TEXT_EN])[0]
    history = fresh.claim_history(claim.id)
    assert history[0].actor == "import:brat"
    file_name = f"{stem(sample.service, sample.en)}.ann"
    assert history[0].detail["summary"] == f"imported from brat {file_name}"
    assert any("not in this project" in note for note in result.notes)  # events stay behind


def test_import_restores_event_links_and_is_idempotent(sample: Sample, tmp_path: Path) -> None:
    service = sample.service
    before = claim_facts(service, sample.en)
    folder = export(sample, tmp_path / "brat")
    service.delete_claims(list(sample.claims.values()))
    result = brat_import.read(service, folder)
    assert result.counts["new articles"] == 0 and result.counts["event links"] == 3
    assert claim_facts(service, sample.en) == before
    relations = {(e.title, service.get_claim(c.claim.id).quote, c.relation)
                 for e in service.list_events() for c in service.event_claims(e.id)}
    assert ("Drone attack on Kyiv", "вночі збили 40 дронів 🚀", "disputes") in relations
    again = brat_import.read(service, folder)
    assert again.counts["claims"] == 0 and again.counts["entities"] == 0
    assert claim_facts(service, sample.en) == before


def test_one_pair_and_a_text_the_project_normalises(fresh: ProjectService,
                                                    tmp_path: Path) -> None:
    text = "Line one says 40 drones.  \r\nThe Київ line 😀 claims 45."
    (tmp_path / "doc.txt").write_bytes(text.encode("utf-8"))
    start, end = span(text, "Київ line 😀 claims 45")
    (tmp_path / "doc.ann").write_text(
        f"T1\tClaim {start} {end}\tКиїв line 😀 claims 45\nA1\tStatus T1 reviewed\n"
        f"#1\tAnnotatorNotes T1\tClaimant: Анна\n", encoding="utf-8")
    result = brat_import.read(fresh, tmp_path / "doc.ann")
    assert result.counts["claims"] == 1
    [claim] = fresh.list_claims(fresh.list_articles()[0].id)
    assert claim.quote == "Київ line 😀 claims 45" and claim.claimant == "Анна"
    assert claim.status == "reviewed"


@pytest.mark.parametrize(
    ("ann", "message"),
    [
        ("T1\tClaim 0 4\tLine\nT2\tClaim 0 999\tx\n", "doc.ann, line 2: offsets 0–999"),
        ("T1\tClaim 0 4\tLinx\n", "doc.ann, line 1: the line says “Linx” but the text"),
        ("T1\tClaim 0 4\tLine\nR1\tClaimant Arg1:T9 Arg2:T1\n", "doc.ann, line 2: refers to T9"),
        ("T1\tClaim 0 4\tLine\nA1\tStatus T7 open\n", "doc.ann, line 2: refers to T7"),
        ("T1\tClaim 0 4\tLine\nQ1\twhat\n", "doc.ann, line 2: “Q1” is not a brat annotation id"),
        ("T1\tClaim 0 4\tLine\nT1\tClaim 5 8\tone\n", "doc.ann, line 2: the id T1 is used twice"),
        ("T1\tClaim four 4\tLine\n", "doc.ann, line 1: expected"),
    ],
)
def test_malformed_input_is_refused_by_file_and_line(
    fresh: ProjectService, tmp_path: Path, ann: str, message: str
) -> None:
    (tmp_path / "doc.txt").write_text("Line one", encoding="utf-8")
    (tmp_path / "doc.ann").write_text(ann, encoding="utf-8")
    with pytest.raises(AnnotationImportError, match=message):
        brat_import.read(fresh, tmp_path)
    assert fresh.list_articles() == []  # nothing stored


def test_missing_text_file_is_named(fresh: ProjectService, tmp_path: Path) -> None:
    (tmp_path / "lonely.ann").write_text("", encoding="utf-8")
    with pytest.raises(AnnotationImportError, match=r"lonely\.ann: has no \.txt file"):
        brat_import.read(fresh, tmp_path)


def test_parser_keeps_discontinuous_spans_and_foreign_lines(tmp_path: Path) -> None:
    text = "Alpha beta\ngamma delta"
    ann = ("T1\tClaim 6 10;11 16\tbeta gamma\nT2\tPerson 0 5\tAlpha\n"
           "E1\tSay:T2 Theme:T1\nN1\tReference T2 Wikidata:Q1\tAlpha\n*\tEquiv T1 T2\n"
           "#1\tAnnotatorNotes T1\tplain note\n")
    parsed = parse_ann(ann, text, "x.ann")
    assert parsed.text_bounds["T1"].fragments == ((6, 10), (11, 16))
    assert parsed.events[0].trigger == "T2" and parsed.normalizations[0].reference == "Wikidata:Q1"
    assert parsed.equivalences == [("T1", "T2")]
    shutil.rmtree(tmp_path, ignore_errors=True)


def test_articles_sharing_a_title_get_files_of_their_own(sample: Sample) -> None:
    article = next(a for a in sample.service.export_bundle().articles
                   if a.title == "Drones over Kyiv")
    twin = dataclasses.replace(article, uid=article.uid[:8] + "-another-uid")
    taken: set[str] = set()
    names = [brat.document_name(article, taken), brat.document_name(twin, taken)]
    assert names[0] == f"Drones-over-Kyiv-{article.uid[:8]}"
    assert names[1] == f"Drones-over-Kyiv-{twin.uid}", "the same start of uid: the whole uid"


def test_without_the_metadata_file_a_new_article_is_named_by_its_file(
        sample: Sample, fresh: ProjectService, tmp_path: Path) -> None:
    folder = export(sample, tmp_path / "brat")
    (folder / brat.METADATA_FILE).unlink()  # a collection annotated and shared without it
    brat_import.read(fresh, folder)
    titles = {a.metadata.title for a in fresh.list_articles()}
    assert titles == {stem(sample.service, sample.en), stem(sample.service, sample.uk)}


def test_a_broken_metadata_file_is_named(sample: Sample, fresh: ProjectService,
                                         tmp_path: Path) -> None:
    folder = export(sample, tmp_path / "brat")
    (folder / brat.METADATA_FILE).write_text('{"x.txt": ', encoding="utf-8")
    with pytest.raises(AnnotationImportError, match=r"claimline-articles\.json, line 1: not JSON"):
        brat_import.read(fresh, folder)
    assert fresh.list_articles() == []
