"""The timeline in the window: events from the project on the view, edits back as commands.

Events are shown in lanes (by outlet, article or tag), filtered by tag, outlet,
linked/unlinked and words. Dragging an event (or its ends) re-dates it with a
fuzzy date that says what it became; every change is one undoable edit.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QPoint
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMenu

from annotators.temporal import DatePhraseError, FuzzyDate, parse_date_phrase
from desktop.claim_drag import project_key
from desktop.event_dialog import EventDialog, EventDraft
from desktop.event_panel import EventPanel, date_reading
from desktop.project_document import ProjectDocument
from desktop.timeline_items import TimelineItem
from desktop.timeline_panel import TimelinePanel
from desktop.undo_commands import AcceptSuggestionsCommand, EventEditCommand
from storage.records import (
    ArticleSummary,
    EventFields,
    EventRecord,
    EventsChanged,
    FuzzyDateFields,
    SuggestionRecord,
)
from storage.service import InvalidEdit

if TYPE_CHECKING:
    from desktop.main_window import MainWindow

NO_SOURCE, UNTAGGED = "No source", "Untagged"


# ---------------------------------------------------------------- dates
def to_fields(date: FuzzyDate | None) -> FuzzyDateFields:
    if date is None:
        return FuzzyDateFields()
    return FuzzyDateFields(date.phrase, date.timex_type, date.value, date.mod, date.edtf,
                           date.earliest, date.latest, date.anchor)


def to_fuzzy(fields: FuzzyDateFields) -> FuzzyDate | None:
    if not (fields.value or fields.phrase):
        return None
    return FuzzyDate(fields.phrase or fields.value or "", fields.timex_type or "DATE",
                     fields.value or "", fields.mod, fields.edtf, fields.earliest, fields.latest,
                     fields.anchor, False)


def timex_date(suggestion: SuggestionRecord) -> FuzzyDate:
    """The fuzzy date a temporal-expression suggestion proposed."""
    a = suggestion.attributes

    def day(value: Any) -> dt.date | None:
        return dt.date.fromisoformat(value) if value else None

    return FuzzyDate(suggestion.text, str(a.get("type") or "DATE"), str(a.get("value") or ""),
                     a.get("mod"), a.get("edtf"), day(a.get("earliest")), day(a.get("latest")),
                     day(a.get("anchor")), bool(a.get("needs_anchor")))


# ---------------------------------------------------------------- items
def lanes_of(event: EventRecord, mode: str, sources: dict[int, tuple[str, str]]
             ) -> tuple[str, ...]:
    """The lanes an event shows in: one per outlet (or article) of its claims, or per tag.

    `sources` maps an article id to (its outlet lane, its article lane).
    """
    if mode == "tag":
        return event.fields.tags or (UNTAGGED,)
    column = 1 if mode == "article" else 0
    lanes = tuple(dict.fromkeys(sources[a][column] for a in event.article_ids if a in sources))
    return lanes or (NO_SOURCE,)


def article_lanes(articles: Sequence[ArticleSummary]) -> dict[int, tuple[str, str]]:
    """Outlet and article lane names; an article without an outlet is its own source."""
    lanes = {}
    for article in articles:
        title = article.title or f"Article {article.id}"
        short = title if len(title) <= 40 else title[:38] + "…"
        lanes[article.id] = (article.metadata.outlet or f"{short} (outlet unknown)", short)
    return lanes


def timeline_item(event: EventRecord, lanes: tuple[str, ...], conflict: bool = False
                  ) -> TimelineItem | None:
    date = event.fields.date
    earliest, latest = date.earliest or date.latest, date.latest or date.earliest
    if earliest is None or latest is None:
        return None
    start = dt.datetime.combine(earliest, dt.time())
    end = dt.datetime.combine(latest, dt.time(23, 59, 59))
    value = date.value or ""
    if "T" in value and ":" in value:  # a clock time: an instant, not a day
        with contextlib.suppress(ValueError):
            start = end = dt.datetime.fromisoformat(value[:16])
    vague = bool(date.mod) or "X" in value or "~" in (date.edtf or "") or "?" in (
        date.edtf or "")
    return TimelineItem(key=event.id, title=event.title, start=start, end=end, vague=vague,
                        lanes=lanes, tags=event.fields.tags, claims=len(event.claim_ids),
                        conflict=conflict, date_text=date_reading(event))


def matches(event: EventRecord, tag: str | None, outlet: str | None, link: str,
            words: str) -> bool:
    fields = event.fields
    if tag and tag not in fields.tags:
        return False
    if outlet and outlet not in event.outlets:
        return False
    if (link == "linked" and not event.claim_ids) or (link == "unlinked" and event.claim_ids):
        return False
    if words:
        haystack = " ".join([fields.title, fields.description, fields.place or "",
                             *fields.participants, *fields.tags]).casefold()
        return all(word in haystack for word in words.casefold().split())
    return True


class TimelineController(QObject):
    def __init__(self, window: MainWindow, panel: TimelinePanel, event_panel: EventPanel) -> None:
        super().__init__(window)
        self._window = window
        self._document: ProjectDocument = window.document
        self.panel = panel
        self.view = panel.view
        self.event_panel = event_panel
        self._events: dict[int, EventRecord] = {}
        self._conflicts: set[int] = set()  # events whose linked claims disagree
        self._selected_keys: list[int] = []

        document = self._document
        document.projectOpened.connect(self.refresh)
        document.projectClosed.connect(self.refresh)
        document.eventsChanged.connect(self._on_events_changed)
        document.claimsChanged.connect(lambda _change: self._refresh_keep_selection())
        document.articlesChanged.connect(lambda _change: self._refresh_keep_selection())
        document.alignmentsChanged.connect(lambda _a, _b: self._refresh_keep_selection())
        panel.filtersChanged.connect(self._show_items)
        panel.newEventRequested.connect(lambda: self.new_event())
        panel.undatedActivated.connect(self.edit_event)
        panel.today.clicked.connect(lambda: self.view.jump_to(dt.datetime.now()))
        panel.export_menu.addAction("Image (PNG)…").triggered.connect(self.export_png)
        panel.export_menu.addAction("Drawing (SVG)…").triggered.connect(self.export_svg)
        panel.export_menu.addAction("TimelineJS (JSON)…").triggered.connect(
            self.export_timelinejs)
        self.view.selectionChanged.connect(self._on_selection)
        self.view.editRequested.connect(self.edit_event)
        self.view.moveRequested.connect(self._redate)
        self.view.boundsRequested.connect(self._redate)
        self.view.claims_project = lambda: project_key(document.path)
        self.view.claimsDropped.connect(self._claims_dropped)
        self.view.otherProjectDropped.connect(self._other_project_dropped)
        self.view.contextMenuRequested.connect(self._context_menu)
        event_panel.editRequested.connect(self.edit_event)
        event_panel.deleteRequested.connect(lambda key: self.delete_events((key,)))
        event_panel.unlinkRequested.connect(self._unlink)
        event_panel.relationRequested.connect(
            lambda key, claim, relation: self._push(
                lambda s: s.link_claims(key, [claim], relation), "Change how a claim relates"))
        event_panel.claimActivated.connect(window.jump_to)
        window.annotation.claimSelected.connect(self._on_claim_selected)

    # ------------------------------------------------------------ showing
    def refresh(self) -> None:
        document = self._document
        self._events = {e.id: e for e in document.service.list_events()} if document.is_open \
            else {}
        self._conflicts = document.service.event_conflicts() if document.is_open else set()
        self._show_items()
        self._show_selected()

    def _refresh_keep_selection(self) -> None:
        if self._document.is_open:
            self.refresh()

    def _show_items(self) -> None:
        panel = self.panel
        events = list(self._events.values())
        sources = article_lanes(self._document.service.list_articles()) \
            if self._document.is_open else {}
        tags = sorted({t for e in events for t in e.fields.tags})
        outlets = sorted({o for e in events for o in e.outlets})
        panel.set_choices(tags, outlets)
        tag, outlet = panel.chosen(panel.tag), panel.chosen(panel.outlet)
        shown = [e for e in events
                 if matches(e, tag, outlet, panel.link_filter, panel.words.text())]
        items, undated = [], []
        for event in shown:
            item = timeline_item(event, lanes_of(event, panel.lane_mode, sources),
                                 event.id in self._conflicts)
            if item is None:
                undated.append((event.id, event.title))
            else:
                items.append(item)
        lanes = sorted({lane for item in items for lane in item.lanes},
                       key=lambda lane: (lane in (NO_SOURCE, UNTAGGED), lane.casefold()))
        self.view.set_items(items, lanes)
        panel.set_undated(undated)
        panel.count.setText(f"{len(shown)} of {len(events)} events" if len(shown) != len(events)
                            else f"{len(events)} events")

    def _on_events_changed(self, change: EventsChanged) -> None:
        fresh = {e.id: e for e in self._document.service.get_events(change.event_ids)}
        for key in change.event_ids:
            if key in fresh:
                self._events[key] = fresh[key]
            else:
                self._events.pop(key, None)
        self._conflicts -= set(change.event_ids)
        self._conflicts |= self._document.service.event_conflicts(change.event_ids)
        self._show_items()
        self._show_selected()
        self._window.annotation.refresh_claim_events()

    def _selected(self) -> EventRecord | None:
        key = self.event_panel.current_event.id if self.event_panel.current_event else None
        return self._events.get(key) if key is not None else None

    def _show_selected(self, key: int | None = None) -> None:
        event = self._events.get(key) if key is not None else self._selected()
        claims = self._document.service.event_claims(event.id) if event else []
        self.event_panel.show_event(event, claims)

    def _on_selection(self, keys: Sequence[int]) -> None:
        self._selected_keys = list(keys)
        self._show_selected(keys[0] if keys else None)
        self._window.events_dock.raise_()
        # The event's claims in the article being read stand out in the text.
        event = self._events.get(keys[0]) if keys else None
        article = self._window.annotation.article_id
        if event is not None and article is not None:
            own = [c for c in self._document.service.list_claims(article)
                   if c.id in event.claim_ids]
            if own:
                self._window.reader.set_selected_claim(own[0].id)

    def _on_claim_selected(self, claim_id: int) -> None:
        """The events of the claim selected elsewhere stand out on the timeline."""
        self.view.set_highlighted([e.id for e in self._events.values()
                                   if claim_id in e.claim_ids])

    def select_event(self, key: int) -> None:
        self._selected_keys = [key]
        self.view.set_selected([key])
        self._show_selected(key)

    # ------------------------------------------------------------ editing
    def _push(self, edit: Any, what: str) -> EventEditCommand:
        command = EventEditCommand(self._document, edit, what)
        self._document.undo_stack.push(command)
        if command.refusal:
            self._window.statusBar().showMessage(command.refusal, 8000)
        return command

    def _dialog(self, draft: EventDraft | None, title: str,
                anchor: dt.date | None = None) -> EventDraft | None:
        service = self._document.service
        article = self._window.annotation.article_id
        names = service.claimant_choices(article) if article is not None else []
        dialog = EventDialog(self._window, draft=draft, anchor=anchor, names=names,
                             places=names, tags=service.event_tags(), title=title)
        return dialog.draft() if dialog.exec() == EventDialog.DialogCode.Accepted else None

    def _anchor(self) -> dt.date | None:
        article = self._window.reader.article
        return article.metadata.anchor_date if article else None

    def new_event(self, claim_ids: Sequence[int] = (), draft: EventDraft | None = None) -> None:
        self._new_event(claim_ids, draft, self._anchor())

    def _new_event(self, claim_ids: Sequence[int], draft: EventDraft | None,
                   anchor: dt.date | None) -> None:
        """A new event linked to `claim_ids`, its relative dates read against `anchor`."""
        chosen = self._dialog(draft, "New event", anchor)
        if chosen is None:
            return
        command = self._push(lambda s: s.create_event(_fields(chosen),
                                                      [(c, "reports") for c in claim_ids]),
                             f"New event “{chosen.title}”")
        if command.change is not None:
            self.select_event(command.change.changed.event_ids[-1])

    def new_event_from_claim(self, claim_id: int) -> None:
        """An event for a claim: its title from the quote, its date from the claim's dates.

        The date is read against the claim's article as it is dated now (a date found
        before the article had a publication date is read in the dialog).
        """
        service = self._document.service
        try:
            claim = service.get_claim(claim_id)
        except InvalidEdit:  # ClaimNotFound: deleted meanwhile
            self._say(f"Claim {claim_id} is no longer in this project; no event was created.")
            return
        timexes = service.claim_timexes(claim_id)
        quote = " ".join(claim.quote.split())
        draft = EventDraft(title=quote if len(quote) <= 90 else quote[:88] + "…",
                           date=timex_date(timexes[0]) if timexes else None,
                           description="", place=None, participants=(), tags=())
        anchor = service.get_article(claim.article_id).metadata.anchor_date
        self._new_event((claim_id,), draft, anchor)

    def new_event_from_date(self, suggestion: SuggestionRecord) -> None:
        """An event dated by a date suggestion, which is accepted with it (one undo step)."""
        draft = EventDraft(title="", date=timex_date(suggestion), description="", place=None,
                           participants=(), tags=())
        chosen = self._dialog(draft, "New event from a date", self._anchor())
        if chosen is None:
            return
        stack = self._document.undo_stack
        stack.beginMacro(f"New event “{chosen.title}” from a date")
        stack.push(AcceptSuggestionsCommand(self._document, (suggestion.id,), "Accept date"))
        command = self._push(lambda s: s.create_event(_fields(chosen)), "New event")
        stack.endMacro()
        if command.change is not None:
            self.select_event(command.change.changed.event_ids[-1])

    def edit_event(self, key: int) -> None:
        event = self._events.get(key)
        if event is None:
            return
        fields = event.fields
        draft = EventDraft(fields.title, to_fuzzy(fields.date), fields.description, fields.place,
                           fields.participants, fields.tags)
        chosen = self._dialog(draft, "Edit event", fields.date.anchor or self._anchor())
        if chosen is not None:
            self._push(lambda s: s.update_event(key, _fields(chosen)),
                       f"Edit event “{chosen.title}”")

    def delete_events(self, keys: Sequence[int]) -> None:
        if keys:
            self._push(lambda s: s.delete_events(list(keys)),
                       f"Delete {len(keys)} event{'s' if len(keys) != 1 else ''}")

    def link_claims(self, key: int, claim_ids: Sequence[int], relation: str = "reports") -> None:
        """Link the claims not yet linked to event `key` (as `relation`); those already linked
        keep how they relate to it: linking again does not make "disputes" into "reports"
        (the Event panel changes a relation)."""
        events = self._document.service.get_events([key])
        if not events:
            self._say("That event is no longer on the timeline; nothing was linked.")
            return
        event = events[0]
        already = [c for c in claim_ids if c in event.claim_ids]
        new = [c for c in claim_ids if c not in event.claim_ids]
        if new:
            command = self._push(lambda s: s.link_claims(key, new, relation),
                                 f"Link claim to “{event.title}”")
            if command.refusal is not None:
                return
        if already:
            one = len(already) == 1
            kept = (f"{'That claim is' if one else 'Those claims are'} already linked to "
                    f"“{event.title}”; {'its' if one else 'their'} relation is unchanged.")
            if new:
                kept = (f"Linked {len(new)} claim{'s' * (len(new) != 1)} to “{event.title}”; "
                        f"{len(already)} {'was' if one else 'were'} already linked and "
                        f"{'keeps its' if one else 'keep their'} relation.")
            self._say(kept)

    def _unlink(self, key: int, claim_ids: Sequence[int]) -> None:
        self._push(lambda s: s.unlink_claims(key, list(claim_ids)), "Unlink claim")

    def merge_selected(self) -> None:
        keys = self._selected_keys
        if len(keys) >= 2:
            self._push(lambda s: s.merge_events(keys[0], keys[1:]),
                       f"Merge {len(keys)} events")

    def split_event(self, key: int) -> None:
        """Move the claims selected in the event panel to a new event."""
        claim_ids = self.event_panel.selected_claim_ids()
        event = self._events.get(key)
        if event is None or not claim_ids:
            self._window.statusBar().showMessage(
                "Select the claims to move in the Event panel first.", 6000)
            return
        draft = EventDraft(f"{event.title} (part)", to_fuzzy(event.fields.date), "",
                           event.fields.place, event.fields.participants, event.fields.tags)
        chosen = self._dialog(draft, "Split event", event.fields.date.anchor)
        if chosen is not None:
            self._push(lambda s: s.split_event(key, list(claim_ids), _fields(chosen)),
                       f"Split “{event.title}”")

    def _redate(self, key: int, start: dt.datetime, end: dt.datetime) -> None:
        from annotators.temporal import fuzzy_date_for_bounds

        event = self._events.get(key)
        if event is None:
            return
        was = to_fuzzy(event.fields.date)
        date = fuzzy_date_for_bounds(start.date(), end.date(), was=was)
        fields = EventFields(event.title, to_fields(date), event.fields.description,
                             event.fields.place, event.fields.participants, event.fields.tags)
        command = self._push(lambda s: s.update_event(key, fields),
                             f"Move “{event.title}” to {date.phrase}")
        if command.refusal is None:
            self._window.statusBar().showMessage(
                f"“{event.title}” is now dated {date.phrase} ({date.value}"
                f"{' ' + date.mod if date.mod else ''}).", 10000)

    def _say(self, sentence: str) -> None:
        self._window.statusBar().showMessage(sentence, 8000)

    def _claims_dropped(self, key: int, claim_ids: list[int]) -> None:
        """Claims of this project dropped on event `key` link to it; on empty space (-1),
        they start a new event. Claims no longer in the project are refused."""
        if not claim_ids or not self._document.is_open:
            return
        service = self._document.service
        missing = []
        for claim_id in claim_ids:
            try:
                service.get_claim(claim_id)
            except InvalidEdit:  # ClaimNotFound: deleted meanwhile
                missing.append(claim_id)
        if missing:
            which = ", ".join(str(i) for i in missing)
            self._say(f"Claim{'s' * (len(missing) != 1)} {which} "
                      f"{'is' if len(missing) == 1 else 'are'} no longer in this project "
                      f"(deleted meanwhile?); nothing was {'linked' if key >= 0 else 'created'}.")
            return
        if key >= 0:
            self.link_claims(key, claim_ids)
        elif len(claim_ids) == 1:
            self.new_event_from_claim(claim_ids[0])
        else:
            self.new_event(claim_ids)

    def _other_project_dropped(self, project: str | None) -> None:
        """Claims dragged from another project's window: their ids mean other claims here."""
        name = "unknown" if project is None else Path(project).name
        own = self._document.path
        if project is not None and own is not None and Path(project).name == own.name:
            name = project  # two projects of one name: say which
        self._say(f"Those claims belong to another project ({name}); "
                  "copy them by exporting and importing.")

    def _context_menu(self, key: int, position: QPoint) -> None:
        self.context_menu(key).exec(position)

    def context_menu(self, key: int) -> QMenu:
        menu = QMenu(self._window)
        claim = self._window.annotation.selected_claim
        if key >= 0:
            menu.addAction("Edit Event…").triggered.connect(lambda: self.edit_event(key))
            if claim is not None:
                menu.addAction("Link the Selected Claim").triggered.connect(
                    lambda: self.link_claims(key, [claim.id]))
            menu.addAction("Split Off the Selected Claims…").triggered.connect(
                lambda: self.split_event(key))
            menu.addAction("Merge Selected Events").triggered.connect(self.merge_selected)
            menu.addSeparator()
            menu.addAction("Delete Event").triggered.connect(lambda: self.delete_events((key,)))
        else:
            menu.addAction("New Event…").triggered.connect(lambda: self.new_event())
            if claim is not None:
                menu.addAction("New Event from the Selected Claim…").triggered.connect(
                    lambda: self.new_event_from_claim(claim.id))
        return menu

    def go_to_date(self) -> None:
        phrase, ok = QInputDialog.getText(self._window, "Go to date", "Date (e.g. March 2025):")
        if not ok or not phrase.strip():
            return
        try:
            date = parse_date_phrase(phrase, self._anchor())
        except DatePhraseError as error:
            self._window.statusBar().showMessage(str(error), 8000)
            return
        if date.earliest and date.latest:
            self.view.zoom_to(dt.datetime.combine(date.earliest, dt.time()),
                              dt.datetime.combine(date.latest, dt.time(23, 59)))

    # ------------------------------------------------------------ export
    def _save_name(self, title: str, suffix: str, kinds: str) -> Path | None:
        start = self._document.path.parent if self._document.path else Path.home()
        name, _ = QFileDialog.getSaveFileName(self._window, title, str(start / f"timeline{suffix}"),
                                              kinds)
        if not name:
            return None
        path = Path(name)
        return path if path.suffix else path.with_suffix(suffix)

    def export_png(self) -> None:
        from desktop.timeline_export import export_png

        if (path := self._save_name("Export Timeline Image", ".png", "PNG (*.png)")) is not None:
            export_png(self.view, path)
            self._window.statusBar().showMessage(f"Saved the timeline as {path}", 8000)

    def export_svg(self) -> None:
        from desktop.timeline_export import export_svg

        if (path := self._save_name("Export Timeline Drawing", ".svg", "SVG (*.svg)")) is not None:
            export_svg(self.view, path)
            self._window.statusBar().showMessage(f"Saved the timeline as {path}", 8000)

    def export_timelinejs(self) -> None:
        import json

        from storage.exporting.timelinejs import timeline_json

        path = self._save_name("Export TimelineJS", ".json", "TimelineJS JSON (*.json)")
        if path is None:
            return
        service = self._document.service
        events = list(self._events.values())
        title = self._document.path.stem if self._document.path else "Timeline"
        document, undated = timeline_json(events, {e.id: service.event_claims(e.id)
                                                   for e in events}, title)
        path.write_text(json.dumps(document, ensure_ascii=False, indent=1), encoding="utf-8")
        note = f" ({undated} undated events left out)" if undated else ""
        self._window.statusBar().showMessage(f"Saved {path}{note}", 10000)


def _fields(draft: EventDraft) -> EventFields:
    return EventFields(draft.title, to_fields(draft.date), draft.description, draft.place,
                       draft.participants, draft.tags)
