"""Name resolution: surnames and pronouns to the full names met earlier."""

from __future__ import annotations

from typing import Any

from annotators.claims.doc_index import DocIndex


def test_surname_resolution(nlp: Any) -> None:
    doc = nlp("The head of Defense Intelligence of Ukraine, Kyrylo Budanov, spoke on Monday. "
              "Budanov said more.")
    index = DocIndex(doc)
    assert index.resolve_person("Budanov", len(doc.text)) == "Kyrylo Budanov"
    assert index.resolve_person("Budanov", 0) == "Budanov"  # nothing earlier
    assert index.resolve_person("Kyrylo Budanov", len(doc.text)) == "Kyrylo Budanov"


def test_unlabelled_full_names_help_when_ner_misses(nlp: Any) -> None:
    doc = nlp("Defence Minister Rustem Umerov visited the plant. Umerov said it had reopened.")
    assert DocIndex(doc).resolve_person("Umerov", len(doc.text)) == "Rustem Umerov"


def test_lowercase_words_block_resolution(nlp: Any) -> None:
    doc = nlp("The Bank of England raised rates. England won the match.")
    assert DocIndex(doc).resolve_person("England", len(doc.text)) == "England"


def test_entities_in_a_token_range(nlp: Any) -> None:
    doc = nlp("Berlin and Paris signed the deal on Monday.")
    index = DocIndex(doc)
    assert [e.text for e in index.entities_in(0, 3)] == ["Berlin", "Paris"]
    assert [e.text for e in index.entities_in(1, len(doc))] == ["Paris", "Monday"]


def test_blank_docs_have_no_entities(blank_uk: Any) -> None:
    index = DocIndex(blank_uk("Буданов заявив."))
    assert index.entities == [] and index.person_before(100) is None
