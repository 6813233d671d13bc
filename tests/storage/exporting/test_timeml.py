"""TimeML: well-formed XML whose text is the article's, with TIMEX3 and EVENT in place."""

from __future__ import annotations

import dataclasses
import itertools
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

from storage.exporting.timeml import file_name, write
from storage.importing import ParsedArticle
from storage.service import ProjectService


def _inline(path: Path) -> tuple[ET.Element, str, list[tuple[str, int, int, dict[str, str]]]]:
    """The root, the TEXT's character data, and each inline tag with its offsets."""
    root = ET.parse(path).getroot()
    text_element = root.find("TEXT")
    assert text_element is not None
    pieces, tags = [text_element.text or ""], []
    at = len(pieces[0])
    for child in text_element:
        inner = "".join(child.itertext())
        assert len(child) == 0, "TimeML tags do not nest"
        tags.append((child.tag, at, at + len(inner), dict(child.attrib)))
        pieces += [inner, child.tail or ""]
        at += len(inner) + len(child.tail or "")
    return root, "".join(pieces), tags


def test_every_article_becomes_a_timeml_document(
    project: ProjectService, rich: dict[str, int], tmp_path: Path
) -> None:
    bundle = project.export_bundle()
    result = write(bundle, tmp_path / "tml")
    assert result.items == 4
    assert "1 article without a date: DCT XXXX-XX-XX" in result.notes  # the Arabic one
    for article in bundle.articles:
        root, text, tags = _inline(tmp_path / "tml" / file_name(article))
        assert root.tag == "TimeML"
        assert root.findtext("DOCID") == article.uid
        assert text == article.text
        dct = root.find("DCT/TIMEX3")
        assert dct is not None and dct.get("functionInDocument") == "CREATION_TIME"
        anchor = article.anchor_date
        assert dct.get("value") == (anchor.isoformat() if anchor else "XXXX-XX-XX")
        timexes = {f"t{s.id}": s for s in bundle.suggestions_of(article.id, "timex", ["accepted"])}
        found = [(start, end, attrs) for name, start, end, attrs in tags if name == "TIMEX3"]
        assert len(found) == len(timexes)
        for start, end, attrs in found:
            suggestion = timexes[attrs["tid"]]
            assert (start, end) == (suggestion.start, suggestion.end)
            assert attrs["value"] == suggestion.attributes["value"]
            assert attrs.get("mod") == suggestion.attributes.get("mod")
        spans = sorted((start, end) for _, start, end, _ in tags)
        assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))


def test_claims_linked_to_events_become_events_beside_their_dates(
    project: ProjectService, rich: dict[str, int], tmp_path: Path
) -> None:
    bundle = project.export_bundle([rich["en"]])
    write(bundle, tmp_path)
    root, text, tags = _inline(tmp_path / file_name(bundle.articles[0]))
    events = {attrs["eid"]: text[start:end] for name, start, end, attrs in tags
              if name == "EVENT"}
    # the claim holds "3 March 2024": its EVENT is the longest stretch without it
    assert events[f"e{rich['from_suggestion']}"] == "The Harrow dam opened on"
    assert events[f"e{rich['figure']}"] == (
        "Mayor Olena Petrenko said 3,000 people attended the opening.")
    assert {a.attrib["class"] for a in root.iter("EVENT")} == {"OCCURRENCE"}
    instances = {m.get("eventID"): m for m in root.iter("MAKEINSTANCE")}
    assert instances[f"e{rich['talks']}"].get("polarity") == "NEG"  # a denied claim
    links = {(t.get("eventInstanceID"), t.get("relType")) for t in root.iter("TLINK")}
    assert (f"ei{rich['talks']}", "IS_INCLUDED") in links


def test_overlapping_timexes_keep_the_longer_and_are_counted(
    project: ProjectService, rich: dict[str, int], tmp_path: Path
) -> None:
    bundle = project.export_bundle([rich["en"]])
    timex = bundle.suggestions_of(rich["en"], "timex", ["accepted"])[1]
    inner = dataclasses.replace(timex, id=900, start=timex.start, end=timex.start + 1)
    bundle = dataclasses.replace(bundle, suggestions=(*bundle.suggestions, inner))
    result = write(bundle, tmp_path)
    assert "1 TIMEX3 dropped for overlapping a longer one" in result.notes
    *_, tags = _inline(tmp_path / file_name(bundle.articles[0]))
    assert "t900" not in {attrs.get("tid") for *_, attrs in tags}


def test_markup_in_the_text_is_escaped(
    project: ProjectService, make_parsed: Callable[..., ParsedArticle], tmp_path: Path
) -> None:
    project.add_articles([make_parsed('He said "<b>3 & 4</b>" on Monday.')])
    bundle = project.export_bundle()
    weird = dataclasses.replace(bundle.articles[0], text=bundle.articles[0].text + "\x0b]]>")
    bundle = dataclasses.replace(bundle, articles=(weird,))
    result = write(bundle, tmp_path)
    assert "1 character XML cannot hold replaced by U+FFFD" in result.notes
    _, text, _ = _inline(tmp_path / file_name(weird))
    assert text == 'He said "<b>3 & 4</b>" on Monday.\ufffd]]>'
