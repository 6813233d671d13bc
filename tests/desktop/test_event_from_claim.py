"""New Event from Claim dates the event the way the article's dates read now.

An article pre-annotated before it had a publication date keeps its relative
dates ("early February") unresolved. Once the researcher gives the article its
date, an event made from a claim holding such a date reads it against that date,
exactly as if the words had been typed into the dialog.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from annotators.suggestion import Suggestion
from annotators.temporal import find_timexes
from desktop.event_dialog import EventDialog
from desktop.main_window import MainWindow
from storage.records import Provenance

QUOTE = "As of early February, North Korean troops had lost about 4,000 soldiers"
PUBLISHED = dt.date(2025, 3, 17)


def set_published(window: MainWindow, article_id: int, published: dt.date | None) -> None:
    """Change the publication date the way the details panel does (one undoable edit)."""
    before = window.document.service.get_article(article_id).metadata
    window._edit_metadata(article_id, before,
                          dataclasses.replace(before, published=published, reference_date=None))
    assert window.document.service.get_article(article_id).metadata.anchor_date == published


def pre_annotate_dates(window: MainWindow, article_id: int) -> None:
    """Store the article's date suggestions as pre-annotation does: read against its anchor now."""
    service = window.document.service
    article = service.get_article(article_id)
    found = find_timexes(article.text, article.metadata.anchor_date)
    service.store_suggestions({article_id: [Suggestion(
        kind="timex", start=t.start, end=t.end, text=t.text, label=t.date.timex_type,
        component="claimline_timex", rule=t.rule, score=t.confidence, attributes={
            "type": t.date.timex_type, "value": t.date.value, "mod": t.date.mod,
            "edtf": t.date.edtf,
            "earliest": t.date.earliest.isoformat() if t.date.earliest else None,
            "latest": t.date.latest.isoformat() if t.date.latest else None,
            "anchor": t.date.anchor.isoformat() if t.date.anchor else None,
            "needs_anchor": t.date.needs_anchor,
        }) for t in found]}, Provenance("test", "1"), {"claimline_timex"})


def mark(window: MainWindow, words: str) -> int:
    text = window.reader.article.text if window.reader.article else ""
    start = text.index(words)
    window.reader.select_span(start, start + len(words))
    window.action_mark_claim.trigger()
    claim = window.annotation.selected_claim
    assert claim is not None
    return claim.id


def article_with(window: MainWindow, words: str) -> int:
    service = window.document.service
    return next(a.id for a in service.list_articles() if words in service.get_article(a.id).text)


@dataclasses.dataclass
class Seen:
    text: str = ""
    reading: str = ""
    valid: bool = False
    can_accept: bool = False


def answer_with_ok(monkeypatch: pytest.MonkeyPatch, title: str) -> Seen:
    """The next event dialog is looked at, given a title and accepted."""
    seen = Seen()

    def exec_(dialog: EventDialog) -> int:
        edit = dialog.date_edit
        seen.text, seen.reading, seen.valid = edit.text(), edit.reading_text(), edit.is_valid()
        dialog.title_edit.setText(title)
        seen.can_accept = dialog.can_accept()
        return EventDialog.DialogCode.Accepted if seen.can_accept else \
            EventDialog.DialogCode.Rejected

    monkeypatch.setattr(EventDialog, "exec", exec_)
    return seen


def test_a_date_found_before_the_article_had_one_is_read_against_it_now(
        window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    article_id = article_with(window, QUOTE)
    window.articles.select_article(article_id)
    set_published(window, article_id, None)
    pre_annotate_dates(window, article_id)  # "early February" stays unresolved: no anchor
    set_published(window, article_id, PUBLISHED)
    claim = mark(window, QUOTE)
    (timex,) = window.document.service.claim_timexes(claim)
    assert timex.text == "early February" and timex.attributes["needs_anchor"]

    seen = answer_with_ok(monkeypatch, "North Korean losses")
    window.action_event_from_claim.trigger()

    assert seen.text == "early February"
    assert seen.valid and seen.can_accept, seen.reading
    assert seen.reading.startswith("early February 2025 · TIMEX3 2025-02 START")
    assert seen.reading.endswith("read against the publication date, 17 March 2025")
    (event,) = window.document.service.list_events()
    date = event.fields.date
    assert (event.title, event.claim_ids) == ("North Korean losses", (claim,))
    assert (date.value, date.mod, date.earliest, date.latest, date.anchor) == (
        "2025-02", "START", dt.date(2025, 2, 1), dt.date(2025, 2, 10), PUBLISHED)


def test_the_claims_own_article_anchors_its_date(window: MainWindow,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """A claim dropped on the timeline while another article is open: its article's date counts."""
    article_id = article_with(window, QUOTE)
    window.articles.select_article(article_id)
    set_published(window, article_id, None)
    pre_annotate_dates(window, article_id)
    set_published(window, article_id, dt.date(2024, 3, 17))
    claim = mark(window, QUOTE)
    other = next(a.id for a in window.document.service.list_articles() if a.id != article_id)
    window.articles.select_article(other)
    set_published(window, other, PUBLISHED)

    seen = answer_with_ok(monkeypatch, "North Korean losses")
    window.timeline_panel.view.claimsDropped.emit(-1, [claim])

    assert seen.valid, seen.reading
    (event,) = window.document.service.list_events()
    assert (event.fields.date.earliest, event.fields.date.latest) == (
        dt.date(2024, 2, 1), dt.date(2024, 2, 10))


def test_without_an_anchor_the_explanation_stays(window: MainWindow,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    article_id = article_with(window, QUOTE)
    window.articles.select_article(article_id)
    set_published(window, article_id, None)
    pre_annotate_dates(window, article_id)
    mark(window, QUOTE)

    seen = answer_with_ok(monkeypatch, "North Korean losses")
    window.action_event_from_claim.trigger()

    assert seen.text == "early February" and not seen.valid and not seen.can_accept
    assert seen.reading == ("'early February' is relative, and there is no publication date "
                            "to read it against. Type the full date, with its year.")
    assert window.document.service.list_events() == []


def test_an_undated_claim_article_does_not_borrow_the_open_articles_date(
        window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    article_id = article_with(window, QUOTE)
    window.articles.select_article(article_id)
    set_published(window, article_id, None)
    pre_annotate_dates(window, article_id)
    claim = mark(window, QUOTE)
    other = next(a.id for a in window.document.service.list_articles() if a.id != article_id)
    window.articles.select_article(other)
    set_published(window, other, PUBLISHED)

    seen = answer_with_ok(monkeypatch, "North Korean losses")
    window.timeline_panel.view.claimsDropped.emit(-1, [claim])

    assert not seen.valid and "no publication date" in seen.reading
    assert window.document.service.list_events() == []
