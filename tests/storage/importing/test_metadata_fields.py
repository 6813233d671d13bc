from __future__ import annotations

import datetime

from storage.importing.metadata_fields import json_safe, metadata_from_mapping


def test_fields_and_aliases() -> None:
    meta = metadata_from_mapping(
        {
            "Title": "Pier opens",
            "source": "Harbour Herald",
            "author": ["Ana Lima", " Piet  Bos "],
            "url": "https://example.org/pier",
            "lang": "en-GB",
            "pubdate": "2024-06-01T08:00:00+02:00",
            "tags": ["port"],
        }
    )
    assert meta.title == "Pier opens"
    assert meta.outlet == "Harbour Herald"
    assert meta.author == "Ana Lima; Piet Bos"
    assert meta.url == "https://example.org/pier"
    assert meta.language == "en"
    assert meta.published == datetime.date(2024, 6, 1)
    assert meta.extra == {"tags": ["port"]}
    assert meta.notes == []


def test_first_alias_wins_and_the_others_are_kept() -> None:
    meta = metadata_from_mapping({"outlet": "A", "site": "B", "publisher": "C"})
    assert meta.outlet == "A"
    assert meta.extra == {"site": "B", "publisher": "C"}


def test_newsapi_style_source_object() -> None:
    meta = metadata_from_mapping({"source": {"id": "hh", "name": "Harbour Herald"}})
    assert meta.outlet == "Harbour Herald"


def test_unusable_values_are_kept_with_a_note() -> None:
    meta = metadata_from_mapping(
        {"title": 42, "author": {"nick": 1}, "date": "last spring", "language": "English"}
    )
    assert (meta.title, meta.author, meta.published, meta.language) == (None, None, None, None)
    assert meta.extra == {
        "title": 42,
        "author": {"nick": 1},
        "date": "last spring",
        "language": "English",
    }
    assert len(meta.notes) == 4
    assert any('publication date "last spring"' in note for note in meta.notes)


def test_a_later_alias_is_used_when_the_first_is_unusable() -> None:
    meta = metadata_from_mapping({"date": "soon", "publication_date": "2023-12-31"})
    assert meta.published == datetime.date(2023, 12, 31)
    assert meta.extra == {"date": "soon"}


def test_empty_values_are_dropped_silently() -> None:
    meta = metadata_from_mapping({"title": "", "author": [], "url": None})
    assert meta.extra == {}
    assert meta.notes == []


def test_json_safe_replaces_lone_surrogates() -> None:
    assert json_safe({"k\ud800": ["v\udfff", 1, None]}) == {"k?": ["v?", 1, None]}
