"""W3C Web Annotation: expanded and compacted offline by pyld (our own context), imported back."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from storage.annotation_import import web_annotation_import
from storage.annotation_import.documents import AnnotationImportError
from storage.exporting import web_annotation
from storage.importing import ParsedArticle
from storage.service import ProjectService

from .helpers import TEXT_EN, TEXT_UK, Sample, claim_facts, entity_facts, span

OA = "http://www.w3.org/ns/oa#"
RDF_VALUE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#value"
OPTIONS = {"documentLoader": web_annotation.context_document_loader}


def export(sample: Sample, path: Path) -> dict[str, Any]:
    web_annotation.write(sample.service.export_bundle(), path)
    document: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return document


def items(document: dict[str, Any]) -> list[dict[str, Any]]:
    return list(document["first"]["items"])


def test_the_context_is_our_own_and_served_offline() -> None:
    terms = json.loads(web_annotation.context_text())["@context"]
    assert terms["target"] == {"@id": "oa:hasTarget", "@type": "@id"}
    assert terms["oa"] == OA and terms["id"] == "@id" and terms["type"] == "@type"
    served = web_annotation.context_document_loader(web_annotation.ANNO_CONTEXT)
    assert served["document"] == {"@context": terms}
    with pytest.raises(ValueError, match="offline"):
        web_annotation.context_document_loader("https://example.org/other.jsonld")


def test_every_key_the_export_writes_is_mapped(sample: Sample, tmp_path: Path) -> None:
    """A key the context does not map would vanish silently on expansion."""
    terms = json.loads(web_annotation.context_text())["@context"]
    document = export(sample, tmp_path / "out.jsonld")
    keys: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            keys.update(node)
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(document)
    unmapped = {k for k in keys - {"@context"}
                if k not in terms and k.partition(":")[0] not in terms}
    assert not unmapped


def test_expanded_graph_has_annotations_selectors_and_bodies(sample: Sample,
                                                             tmp_path: Path) -> None:
    jsonld = pytest.importorskip("pyld.jsonld")  # a test dependency
    document = export(sample, tmp_path / "out.jsonld")
    assert document["@context"] == "http://www.w3.org/ns/anno.jsonld"
    expanded = jsonld.expand(document, OPTIONS)
    page = expanded[0]["http://www.w3.org/ns/activitystreams#first"][0]
    annotations = page["http://www.w3.org/ns/activitystreams#items"][0]["@list"]
    assert all(a["@type"] == [f"{OA}Annotation"] for a in annotations)
    claim = next(a for a in annotations if a["@id"] == f"urn:uuid:{_uid(sample, 'drones')}")
    target = claim[f"{OA}hasTarget"][0]
    assert target[f"{OA}hasSource"][0]["@id"] == f"urn:uuid:{_article_uid(sample, sample.en)}"
    selectors = {s["@type"][0]: s for s in target[f"{OA}hasSelector"]}
    quote = selectors[f"{OA}TextQuoteSelector"]
    position = selectors[f"{OA}TextPositionSelector"]
    start, end = span(TEXT_EN, "40 drones were shot down overnight")
    assert quote[f"{OA}exact"][0]["@value"] == TEXT_EN[start:end]
    assert len(quote[f"{OA}prefix"][0]["@value"]) == 32
    assert position[f"{OA}start"][0]["@value"] == start
    assert position[f"{OA}end"][0]["@value"] == end
    purposes = {(b[f"{OA}hasPurpose"][0]["@id"], b[RDF_VALUE][0]["@value"])
                for b in claim[f"{OA}hasBody"]}
    assert {(f"{OA}tagging", "Figure"), (f"{OA}tagging", "Statement"),
            (f"{OA}describing", "Volodymyr Zelensky"),
            (f"{OA}commenting", "Check with\nthe ministry\tand \\ others")} <= purposes
    links = [a for a in annotations if a.get(f"{OA}motivatedBy") == [{"@id": f"{OA}linking"}]]
    assert len(links) == 3
    assert {b.get("@type", [""])[0] for link in links for b in link[f"{OA}hasBody"]} == \
        {"http://schema.org/Event", f"{OA}TextualBody"}


def test_compaction_round_trips(sample: Sample, tmp_path: Path) -> None:
    jsonld = pytest.importorskip("pyld.jsonld")
    document = export(sample, tmp_path / "out.jsonld")
    compacted = jsonld.compact(jsonld.expand(document, OPTIONS),
                               web_annotation.ANNO_CONTEXT, OPTIONS)
    nquads = {"algorithm": "URDNA2015", "format": "application/n-quads", **OPTIONS}
    assert jsonld.normalize(compacted, nquads) == jsonld.normalize(document, nquads)
    assert compacted["type"] == "AnnotationCollection"
    first = compacted["first"]["items"][0]
    assert first["type"] == "Annotation" and first["target"]["type"] == "SpecificResource"


def test_import_finds_articles_by_quote_in_another_project(
    sample: Sample, fresh: ProjectService, tmp_path: Path
) -> None:
    export(sample, tmp_path / "out.jsonld")
    fresh.add_articles([_parsed(TEXT_UK, "uk"), _parsed(TEXT_EN, "en")])  # other uids
    result = web_annotation_import.read(fresh, tmp_path / "out.jsonld")
    assert result.counts["claims"] == 4 and result.counts["new articles"] == 0
    ids = {fresh.get_article(a.id).text: a.id for a in fresh.list_articles()}
    assert claim_facts(fresh, ids[TEXT_EN]) == claim_facts(sample.service, sample.en)
    assert claim_facts(fresh, ids[TEXT_UK]) == claim_facts(sample.service, sample.uk)
    assert entity_facts(fresh, ids[TEXT_EN], ("open",)) == entity_facts(sample.service, sample.en)
    [claim] = fresh.list_claims(ids[TEXT_UK])
    assert fresh.claim_history(claim.id)[0].detail["summary"] == \
        "imported from web-annotation out.jsonld"


def test_positions_that_are_off_fall_back_to_the_quote(
    sample: Sample, fresh: ProjectService, tmp_path: Path
) -> None:
    document = export(sample, tmp_path / "out.jsonld")
    fresh.add_articles([_parsed(TEXT_EN, "en")])
    edited = copy.deepcopy(document)
    claims = [a for a in items(edited) if a["motivation"] == "classifying"
              and a["body"][0]["value"] == "claim" and "40 drones" in _exact(a)]
    position = claims[0]["target"]["selector"][1]
    position["start"] += 7
    position["end"] += 7
    lost = next(a for a in items(edited) if _exact(a).startswith("the figure rose"))
    lost["target"]["selector"][0]["exact"] = "a sentence that is nowhere"
    (tmp_path / "edited.jsonld").write_text(json.dumps(edited), encoding="utf-8")
    result = web_annotation_import.read(fresh, tmp_path / "edited.jsonld")
    quotes = {c.quote for c in fresh.list_claims(fresh.list_articles()[0].id)}
    assert "40 drones were shot down overnight" in quotes
    assert not any(q.startswith("the figure rose") for q in quotes)
    assert any("“a sentence that is nowhere” is not in the article's text" in n or
               "its quote is in none" in n for n in result.notes)


def test_annotations_from_other_tools(fresh: ProjectService, tmp_path: Path) -> None:
    fresh.add_articles([_parsed(TEXT_EN, "en")])
    foreign = [{
        "@context": "http://www.w3.org/ns/anno.jsonld", "id": "https://hyp.example/a/1",
        "type": "Annotation", "motivation": "commenting", "bodyValue": "Source?",
        "target": {"source": "https://elsewhere.example/page", "selector": {
            "type": "TextQuoteSelector", "exact": "Analysts doubt the numbers",
            "prefix": "\n\n", "suffix": "."}},
    }, {
        "type": "Annotation", "motivation": "tagging",
        "body": [{"type": "TextualBody", "value": "Framing"}],
        "target": {"source": "https://elsewhere.example/page",
                   "selector": [{"type": "TextPositionSelector", "start": 0, "end": 4}]},
    }]
    (tmp_path / "foreign.jsonld").write_text(json.dumps(foreign), encoding="utf-8")
    result = web_annotation_import.read(fresh, tmp_path / "foreign.jsonld")
    [claim] = fresh.list_claims(fresh.list_articles()[0].id)
    assert claim.quote == "Analysts doubt the numbers" and claim.note == "Source?"
    assert any("annotation 2" in note for note in result.notes)  # no quote, unknown source


def test_not_json_is_refused_with_its_line(fresh: ProjectService, tmp_path: Path) -> None:
    (tmp_path / "bad.jsonld").write_text('{\n "type": "Annotation",\n oops\n}', encoding="utf-8")
    with pytest.raises(AnnotationImportError, match=r"bad\.jsonld, line 3: not JSON"):
        web_annotation_import.read(fresh, tmp_path / "bad.jsonld")


def _exact(annotation: dict[str, Any]) -> str:
    target = annotation.get("target")
    if not isinstance(target, dict):
        return ""
    return str(target["selector"][0].get("exact", ""))


def _uid(sample: Sample, name: str) -> str:
    return sample.service.get_claim(sample.claims[name]).uid


def _article_uid(sample: Sample, article_id: int) -> str:
    return sample.service.get_article(article_id).summary.uid


def _parsed(text: str, origin: str) -> ParsedArticle:
    return ParsedArticle(text=text, title=origin, outlet=None, author=None, url=None,
                         language=None, published=None, origin=origin, format="txt")


def test_a_sentence_shared_by_two_articles_goes_where_its_context_fits(
    fresh: ProjectService, tmp_path: Path
) -> None:
    shared = "Officials said 40 drones were downed."
    original, rewrite = f"Monday. {shared} More later.", f"Rewritten: {shared} Unverified."
    fresh.add_articles([_parsed(original, "original"), _parsed(rewrite, "rewrite")])
    start = rewrite.index(shared)
    annotation = {"type": "Annotation", "target": {"source": "urn:uuid:unknown", "selector": [
        {"type": "TextQuoteSelector", "exact": shared, "prefix": "Rewritten: ",
         "suffix": " Unverified."},
        {"type": "TextPositionSelector", "start": start, "end": start + len(shared)}]}}
    (tmp_path / "one.jsonld").write_text(json.dumps(annotation), encoding="utf-8")
    web_annotation_import.read(fresh, tmp_path / "one.jsonld")
    counts = {fresh.get_article(a.id).text: len(fresh.list_claims(a.id))
              for a in fresh.list_articles()}
    assert counts == {original: 0, rewrite: 1}
