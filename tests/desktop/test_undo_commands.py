"""Every undo command restores the project file exactly: push, check, undo, check, redo, check.

"Exactly" is checked on the whole database (every table but the append-only
change history), read by a separate connection.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import closing
from pathlib import Path

import pytest
from PySide6.QtGui import QUndoCommand

from desktop import undo_commands as commands
from desktop.project_document import ProjectDocument
from storage.importing import ParsedArticle
from storage.records import ClaimFields, EventFields, FuzzyDateFields, ImportReport, Provenance
from storage.service import ProjectService

TEXT = "Officials said on Monday that 3,000 people had fled 🌊 the flooded valley."


def database(path: Path) -> dict[str, list[tuple[object, ...]]]:
    with closing(sqlite3.connect(path)) as connection:
        tables = [r[0] for r in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND instr(name, '_fts') = 0 AND name NOT IN ('changes', 'alembic_version')")]
        return {t: sorted(connection.execute(f"SELECT * FROM {t}").fetchall()) for t in tables}


@dataclasses.dataclass(frozen=True)
class Candidate:
    kind: str = "claim"
    start: int = 0
    end: int = len(TEXT)
    label: str = "claim"
    component: str = "claimline_claims"
    rule: str = "claims.parse.v1"
    score: float = 0.8
    attributes: dict[str, object] = dataclasses.field(
        default_factory=lambda: {"claimant": "Officials", "certainty": "asserted"})


@pytest.fixture
def document(project: ProjectService, qapp: object) -> Iterator[ProjectDocument]:
    doc = ProjectDocument()
    (article,), _ = project.add_articles([ParsedArticle(
        text=TEXT, title="Valley", outlet="Wire", author=None, url=None, language="en",
        published=dt.date(2025, 3, 17), origin="test", format="txt", cleanup=(), extra={})])
    project.store_suggestions({article.id: [Candidate(), Candidate(kind="timex", start=18,
                                                                   end=24, label="DATE",
                                                                   component="claimline_timex",
                                                                   attributes={})]},
                              Provenance("en_core_web_sm", "3.8.0"),
                              {"claimline_claims", "claimline_timex"})
    claim = project.create_claim(article.id, ClaimFields(0, 14, claimant="Officials"))
    project.create_event(EventFields("Valley flood", FuzzyDateFields(
        "Monday", "DATE", "2025-03-17", None, "2025-03-17", dt.date(2025, 3, 17),
        dt.date(2025, 3, 17), dt.date(2025, 3, 17)), tags=("flood",)), [(claim.id, "reports")])
    project.create_event(EventFields("Evacuation", tags=("flood", "people")))
    doc.set_service(project)
    yield doc
    doc.undo_stack.clear()


def article_id(document: ProjectDocument) -> int:
    return document.service.list_articles()[0].id


def first_claim(document: ProjectDocument) -> int:
    return document.service.list_claims(article_id(document))[0].id


def suggestion(document: ProjectDocument, kind: str) -> int:
    return next(s.id for s in document.service.list_suggestions(article_id(document))
                if s.kind == kind)


def event(document: ProjectDocument, title: str) -> int:
    return next(e.id for e in document.service.list_events() if e.title == title)


def make_command(name: str, document: ProjectDocument) -> QUndoCommand:
    service = document.service
    figure = service.list_labels()[0]
    factories: dict[str, Callable[[], QUndoCommand]] = {
        "create claim": lambda: commands.CreateClaimCommand(
            document, article_id(document), ClaimFields(30, 51, label_ids=(figure.id,)),
            "3,000 people had fled"),
        "edit claim": lambda: commands.EditClaimCommand(
            document, first_claim(document),
            ClaimFields.of(service.get_claim(first_claim(document))),
            ClaimFields(0, 24, claimant="The officials", certainty="hedged", status="flagged",
                        note="verify", label_ids=(figure.id,)), "Edit claim"),
        "delete claims": lambda: commands.DeleteClaimsCommand(document, (first_claim(document),)),
        "accept candidate": lambda: commands.AcceptSuggestionsCommand(
            document, (suggestion(document, "claim"),), "Accept"),
        "accept with edits": lambda: commands.AcceptSuggestionsCommand(
            document, (suggestion(document, "claim"),), "Accept edited",
            {suggestion(document, "claim"): ClaimFields(52, 72, claimant="Wire")}),
        "accept date": lambda: commands.AcceptSuggestionsCommand(
            document, (suggestion(document, "timex"),), "Accept date"),
        "reject": lambda: commands.SetSuggestionStatusCommand(
            document, (suggestion(document, "claim"), suggestion(document, "timex")), "rejected",
            "Reject"),
        "edit metadata": lambda: commands.EditMetadataCommand(
            document, article_id(document), service.list_articles()[0].metadata,
            dataclasses.replace(service.list_articles()[0].metadata, outlet="Other Wire",
                                published=None)),
        "delete article": lambda: commands.DeleteArticlesCommand(document, (article_id(document),)),
        "create label": lambda: commands.CreateLabelCommand(document, "Casualties", "#aa0000", 7),
        "edit label": lambda: commands.EditLabelCommand(
            document, figure, dataclasses.replace(figure, name="Numbers", color="#123456",
                                                  shortcut=9)),
        "delete label": lambda: commands.DeleteLabelCommand(document, figure),
        "create event": lambda: commands.EventEditCommand(
            document, lambda service: service.create_event(
                EventFields("People flee", tags=("people",)),
                [(first_claim(document), "gives_figure")]), "New event"),
        "edit event": lambda: commands.EventEditCommand(
            document, lambda service: service.update_event(
                event(document, "Valley flood"), EventFields("Flood in the valley")),
            "Edit event"),
        "link claim": lambda: commands.EventEditCommand(
            document, lambda service: service.link_claims(
                event(document, "Evacuation"), [first_claim(document)], "disputes"), "Link"),
        "merge events": lambda: commands.EventEditCommand(
            document, lambda service: service.merge_events(
                event(document, "Valley flood"), [event(document, "Evacuation")]), "Merge"),
        "delete event": lambda: commands.EventEditCommand(
            document, lambda service: service.delete_events([event(document, "Valley flood")]),
            "Delete event"),
        "settings": lambda: commands.SetSettingsCommand(
            document, {"annotation.pipeline": "en_core_web_trf"}, "Settings"),
    }
    return factories[name]()


COMMANDS = ["create claim", "edit claim", "delete claims", "accept candidate",
            "accept with edits", "accept date", "reject", "edit metadata", "delete article",
            "create label", "edit label", "delete label", "create event", "edit event",
            "link claim", "merge events", "delete event", "settings"]


@pytest.mark.parametrize("name", COMMANDS)
def test_push_undo_redo_restore_the_database_exactly(document: ProjectDocument,
                                                     name: str) -> None:
    path = document.service.path
    before = database(path)
    document.undo_stack.push(make_command(name, document))
    after = database(path)
    assert after != before, "the command changed nothing"
    document.undo_stack.undo()
    assert database(path) == before
    document.undo_stack.redo()
    assert database(path) == after
    document.undo_stack.undo()
    assert database(path) == before


def test_accepting_a_candidate_creates_a_claim_with_its_claimant(
    document: ProjectDocument,
) -> None:
    command = make_command("accept candidate", document)
    document.undo_stack.push(command)
    assert isinstance(command, commands.AcceptSuggestionsCommand)
    (created,) = command.created_claims
    claim = document.service.get_claim(created)
    assert (claim.claimant, claim.certainty, claim.quote) == ("Officials", "asserted", TEXT)


def test_an_import_is_one_undo_step(document: ProjectDocument) -> None:
    path = document.service.path
    before = database(path)
    added, _ = document.service.add_articles([ParsedArticle(
        text="A second report.", title="Second", outlet=None, author=None, url=None,
        language="en", published=None, origin="x", format="txt", cleanup=(), extra={})])
    after = database(path)
    document.undo_stack.push(commands.ImportArticlesCommand(
        document, ImportReport(imported=tuple(added))))
    assert database(path) == after, "the first redo only records an import already done"
    document.undo_stack.undo()
    assert database(path) == before
    document.undo_stack.redo()
    assert database(path) == after
