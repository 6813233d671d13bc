"""UIMA CAS XMI for INCEpTION: read back by cassis with the same covered texts, and imported."""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import cassis  # type: ignore[import-untyped]
import pytest

from storage.annotation_import import inception_import
from storage.annotation_import.documents import AnnotationImportError
from storage.exporting import uima_xmi
from storage.service import ProjectService

from .helpers import TEXT_EN, TEXT_UK, Sample, claim_facts, entity_facts, span

pytestmark = pytest.mark.filterwarnings("ignore:.*reserved name in Python.*:UserWarning")


def export(sample: Sample, folder: Path) -> Path:
    uima_xmi.write(sample.service.export_bundle(), folder)
    return folder


def load(folder: Path, sample: Sample, article_id: int) -> object:
    uid = sample.service.get_article(article_id).summary.uid
    with (folder / "TypeSystem.xml").open("rb") as source:
        ts = cassis.load_typesystem(source)
    with (folder / f"{uid}.xmi").open("rb") as source:
        return cassis.load_cas_from_xmi(source, typesystem=ts)


def test_cassis_reads_back_the_same_annotations(sample: Sample, tmp_path: Path) -> None:
    folder = export(sample, tmp_path / "xmi")
    for article_id in (sample.en, sample.uk):
        cas = load(folder, sample, article_id)
        service = sample.service
        assert cas.sofa_string == service.get_article(article_id).text  # type: ignore[attr-defined]
        claims = [(c.get_covered_text(), c.claimant, c.labels, c.certainty, c.status, c.note)
                  for c in cas.select(uima_xmi.CLAIM)]  # type: ignore[attr-defined]
        names = {label.id: label.name for label in service.list_labels()}
        expected = [(c.quote, c.claimant, ", ".join(names[i] for i in c.label_ids) or None,
                     c.certainty, c.status, c.note or None)
                    for c in service.list_claims(article_id)]
        assert sorted(claims, key=str) == sorted(expected, key=str)
        entities = sorted((e.get_covered_text(), e.value)
                          for e in cas.select(uima_xmi.NAMED_ENTITY))  # type: ignore[attr-defined]
        assert entities == sorted((s.text, s.label) for s in service.list_suggestions(
            article_id, ("entity",), ("accepted",)))
        timexes = sorted((t.get_covered_text(), t.value, t.type_)
                         for t in cas.select(uima_xmi.TIMEX))  # type: ignore[attr-defined]
        assert timexes == sorted((s.text, s.attributes["value"], "DATE") for s in
                                 service.list_suggestions(article_id, ("timex",), ("accepted",)))
        meta = cas.select(uima_xmi.DOCUMENT_META)[0]  # type: ignore[attr-defined]
        assert meta.documentTitle == service.get_article(article_id).metadata.title


def test_event_links_are_mentions_on_the_claim(sample: Sample, tmp_path: Path) -> None:
    cas = load(export(sample, tmp_path / "xmi"), sample, sample.uk)
    [mention] = cas.select(uima_xmi.EVENT_MENTION)  # type: ignore[attr-defined]
    assert mention.get_covered_text() == "вночі збили 40 дронів 🚀"
    assert (mention.event, mention.relation, mention.date) == \
        ("Drone attack on Kyiv", "disputes", "2025-03-16")
    event_uid = sample.service.get_events([sample.events["attack"]])[0].uid
    assert mention.eventId == f"urn:uuid:{event_uid}"


def test_xmi_offsets_are_utf16_units(sample: Sample, tmp_path: Path) -> None:
    folder = export(sample, tmp_path / "xmi")
    uid = sample.service.get_article(sample.en).summary.uid
    xmi = (folder / f"{uid}.xmi").read_text(encoding="utf-8")
    start, end = span(TEXT_EN, "the figure rose to 45 by early February 2025")
    begin16 = len(TEXT_EN[:start].encode("utf-16-le")) // 2
    end16 = len(TEXT_EN[:end].encode("utf-16-le")) // 2
    assert begin16 == start + 3  # 😀 and 👍🏽 (one and two astral code points) come before it
    assert re.search(rf'<custom:Claim [^>]*begin="{begin16}" end="{end16}"', xmi)


def test_files_are_what_plain_cassis_writes(sample: Sample, tmp_path: Path) -> None:
    # Read back with a freshly loaded type system (none of the writer's shortcuts)
    # and written again by cassis alone, every file comes out byte for byte the
    # same; a second export gives the same bytes too.
    bundle = sample.service.export_bundle()
    first, second = tmp_path / "first", tmp_path / "second"
    uima_xmi.write(bundle, first, include_open=True)
    uima_xmi.write(bundle, second, include_open=True)
    with (first / "TypeSystem.xml").open("rb") as source:
        fresh_ts = cassis.load_typesystem(source)
    files = sorted(first.glob("*.xmi"))
    assert len(files) == 2
    for path in files:
        written = path.read_bytes()
        with path.open("rb") as source:
            cas = cassis.load_cas_from_xmi(source, typesystem=fresh_ts)
        assert cas.to_xmi(pretty_print=True).encode("utf-8") == written
        assert (second / path.name).read_bytes() == written


def test_tokens_and_sentences_respect_annotations(sample: Sample, tmp_path: Path) -> None:
    cas = load(export(sample, tmp_path / "xmi"), sample, sample.en)
    token_starts = {t.begin for t in cas.select(uima_xmi.TOKEN)}  # type: ignore[attr-defined]
    token_ends = {t.end for t in cas.select(uima_xmi.TOKEN)}  # type: ignore[attr-defined]
    for name in (uima_xmi.CLAIM, uima_xmi.NAMED_ENTITY, uima_xmi.TIMEX):
        for annotation in cas.select(name):  # type: ignore[attr-defined]
            assert annotation.begin in token_starts and annotation.end in token_ends
    sentences = [s.get_covered_text() for s in cas.select(uima_xmi.SENTENCE)]  # type: ignore[attr-defined]
    assert sentences[-1] == "Analysts doubt the numbers."
    assert uima_xmi.tokens("ab cd", [(1, 4)]) == [(0, 1), (1, 2), (3, 4), (4, 5)]


def test_round_trip_into_a_fresh_project(sample: Sample, fresh: ProjectService,
                                         tmp_path: Path) -> None:
    result = inception_import.read(fresh, export(sample, tmp_path / "xmi"))
    assert result.counts["new articles"] == 2 and result.counts["claims"] == 4
    ids = {fresh.get_article(a.id).text: a.id for a in fresh.list_articles()}
    assert fresh.get_article(ids[TEXT_UK]).metadata.title == "Дрони над Києвом"
    assert claim_facts(fresh, ids[TEXT_UK]) == claim_facts(sample.service, sample.uk)
    split = [
        (s, e, q, tuple(sorted(n for label in labels for n in label.split(", "))), *rest)
        for s, e, q, labels, *rest in claim_facts(sample.service, sample.en)
    ]  # "Needs, check" comes back as two labels: commas separate labels in XMI
    assert claim_facts(fresh, ids[TEXT_EN]) == split
    assert entity_facts(fresh, ids[TEXT_EN], ("open",)) == entity_facts(sample.service, sample.en)
    suggestion = fresh.list_suggestions(ids[TEXT_EN], ("timex",))[0]
    assert suggestion.pipeline == "import:inception" and suggestion.attributes["value"]


def test_import_from_a_zip_with_nested_zips(sample: Sample, fresh: ProjectService,
                                            tmp_path: Path) -> None:
    folder = export(sample, tmp_path / "xmi")
    uid = sample.service.get_article(sample.uk).summary.uid
    inner = tmp_path / "inner.zip"
    with zipfile.ZipFile(inner, "w") as zipped:
        zipped.write(folder / f"{uid}.xmi", f"{uid}.xmi")
        zipped.write(folder / "TypeSystem.xml", "TypeSystem.xml")
    outer = tmp_path / "export.zip"
    with zipfile.ZipFile(outer, "w") as zipped:
        zipped.write(inner, f"annotation/{uid}/researcher.zip")
    result = inception_import.read(fresh, outer)
    assert result.counts["claims"] == 1
    assert fresh.get_article(fresh.list_articles()[0].id).text == TEXT_UK


def test_zip_entries_outside_the_folder_are_refused(fresh: ProjectService,
                                                    tmp_path: Path) -> None:
    archive = tmp_path / "evil.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("../../escaped.xmi", "<x/>")
    with pytest.raises(AnnotationImportError, match="outside the folder"):
        inception_import.read(fresh, archive)


def test_an_xmi_without_type_system_is_named(sample: Sample, fresh: ProjectService,
                                            tmp_path: Path) -> None:
    folder = export(sample, tmp_path / "xmi")
    (folder / "TypeSystem.xml").unlink()
    with pytest.raises(AnnotationImportError, match=r"no TypeSystem\.xml"):
        inception_import.read(fresh, folder)
    shutil.rmtree(folder)
