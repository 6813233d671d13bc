"""One QUndoCommand per kind of edit. Every edit a researcher makes goes through here.

Commands hold only plain records (before/after fields, snapshots of deleted
rows), so undo and redo restore the database exactly: the first `redo` makes
the change, `undo` takes it back (keeping what a later redo needs), and every
later `redo` puts back exactly what the first one made (same ids, same times).

The service may refuse an edit (`InvalidEdit`: a clashing label name, a span
outside the text). The first `redo` then leaves nothing behind: the command
marks itself obsolete, so `QUndoStack.push` drops it, and keeps the reason in
`refusal` for the window to show.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtGui import QUndoCommand

from desktop.project_document import ProjectDocument
from storage.bundle import ImportResult
from storage.records import (
    Acceptance,
    AlignmentRecord,
    ArticleMetadata,
    ArticleSnapshot,
    ClaimFields,
    ClaimSnapshot,
    DerivedFromLink,
    DifferenceRecord,
    EventChange,
    ImportedSnapshot,
    ImportReport,
    LabelRecord,
    OriginalChange,
    SuggestionStatusChange,
)
from storage.service import InvalidEdit, ProjectService
from storage.service_base import Rows


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _quote(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return f"“{text[:limit]}…”" if len(text) > limit else f"“{text}”"


class ProjectCommand(QUndoCommand):
    """Base of every edit. Subclasses implement `do` (the first time), `revert` (undo),
    and `do_again` when a later redo must differ from the first (restore, not recreate).

    A step the project no longer allows when it is undone or redone (what it
    changes was deleted meanwhile, in another window say) is dropped from the
    stack, and `ProjectDocument.stepRefused` says why.
    """

    def __init__(self, document: ProjectDocument, text: str) -> None:
        super().__init__(text)
        self._document = document
        self._done = False
        self.refusal: str | None = None

    def do(self) -> None:
        raise NotImplementedError

    def do_again(self) -> None:
        self.do()

    def revert(self) -> None:
        raise NotImplementedError

    def undo(self) -> None:
        self._refusable(self.revert)

    def redo(self) -> None:
        if self._done:
            self._refusable(self.do_again)
            return
        try:
            self.do()
        except InvalidEdit as error:
            self.refusal = str(error)
            self.setObsolete(True)
            return
        self._done = True

    def _refusable(self, step: Callable[[], None]) -> None:
        """An undo or later redo the project refuses: the stack drops the step, the window
        says why."""
        try:
            step()
        except InvalidEdit as error:
            self.setObsolete(True)
            self._document.stepRefused.emit(str(error))


class EditMetadataCommand(ProjectCommand):
    def __init__(self, document: ProjectDocument, article_id: int, before: ArticleMetadata,
                 after: ArticleMetadata) -> None:
        fields = ", ".join(before.changed_fields(after)).replace("_", " ")
        super().__init__(document, f"Edit {fields} of “{after.title or before.title}”")
        self._article_id = article_id
        self._before = before
        self._after = after

    def do(self) -> None:
        self._document.update_metadata(self._article_id, self._after)

    def revert(self) -> None:
        self._document.update_metadata(self._article_id, self._before)


class SetOriginalCommand(ProjectCommand):
    """Records an article as a rewrite of another (replacing any earlier original), or,
    with None, as a rewrite of nothing. Undo and redo put back the exact relation rows.
    """

    def __init__(self, document: ProjectDocument, article_id: int,
                 original_id: int | None) -> None:
        service = document.service
        previous = service.original_of(article_id)
        wanted = [i for i in (article_id, original_id, previous) if i is not None]
        titles = {i: _quote(f"Article {i}") for i in wanted}
        titles.update((a.id, _quote(a.title)) for a in service.article_summaries(wanted) if a.title)
        article = titles[article_id]
        if original_id is not None:
            text = f"Record {article} as a rewrite of {titles[original_id]}"
        elif previous is not None:
            text = f"Record {article} as not a rewrite of {titles[previous]}"
        else:
            text = f"Record {article} as not a rewrite"
        super().__init__(document, text)
        self._article_id = article_id
        self._original_id = original_id
        self.change: OriginalChange | None = None

    def do(self) -> None:
        self.change = self._document.set_original(self._article_id, self._original_id)

    def do_again(self) -> None:
        assert self.change is not None
        self._restore(self.change.after)

    def revert(self) -> None:
        assert self.change is not None
        self._restore(self.change.before)

    def _restore(self, links: tuple[DerivedFromLink, ...]) -> None:
        self._document.restore_original(self._article_id, links)


class DeleteArticlesCommand(ProjectCommand):
    def __init__(self, document: ProjectDocument, ids: tuple[int, ...]) -> None:
        super().__init__(document, f"Delete {_plural(len(ids), 'article')}")
        self._ids = ids
        self._snapshot: ArticleSnapshot | None = None

    def do(self) -> None:
        self._snapshot = self._document.delete_articles(self._ids)

    def revert(self) -> None:
        assert self._snapshot is not None
        self._document.restore_articles(self._snapshot)


class ImportArticlesCommand(ProjectCommand):
    """Records an import that already ran in the background.

    Its articles were stored and shown batch by batch, so the first redo does
    nothing; undo deletes them (keeping a snapshot) and a later redo restores it.
    """

    def __init__(self, document: ProjectDocument, report: ImportReport) -> None:
        super().__init__(document, f"Import {_plural(len(report.imported), 'article')}")
        self._report = report
        self._snapshot: ArticleSnapshot | None = None

    def do(self) -> None:
        pass

    def do_again(self) -> None:
        assert self._snapshot is not None
        self._document.restore_articles(self._snapshot)

    def revert(self) -> None:
        self._snapshot = self._document.delete_articles(self._report.imported_ids)


class ImportAnnotationsCommand(ProjectCommand):
    """Records an import of annotations that already ran in the background.

    Undo deletes exactly what it created (keeping a snapshot); redo puts it back
    with the same ids.
    """

    def __init__(self, document: ProjectDocument, result: ImportResult, source: str) -> None:
        super().__init__(document, f"Import annotations from {source}")
        self._created = result.created
        self._snapshot: ImportedSnapshot | None = None

    def do(self) -> None:
        pass

    def do_again(self) -> None:
        assert self._snapshot is not None
        self._document.restore_imported(self._snapshot)

    def revert(self) -> None:
        self._snapshot = self._document.remove_imported(self._created)


class SetSettingsCommand(ProjectCommand):
    """Changes project settings (a mapping of key to JSON value, None for the default)."""

    def __init__(self, document: ProjectDocument, values: dict[str, Any], text: str) -> None:
        super().__init__(document, text)
        self._after = dict(values)
        self._before = {key: document.service.get_setting(key) for key in values}

    def do(self) -> None:
        self._document.set_settings(self._after)

    def revert(self) -> None:
        self._document.set_settings(self._before)


# ---------------------------------------------------------------- claims
class CreateClaimCommand(ProjectCommand):
    """Marks a span as a claim. Redo after undo restores the very same claim (same id)."""

    def __init__(self, document: ProjectDocument, article_id: int, fields: ClaimFields,
                 quote: str) -> None:
        super().__init__(document, f"Mark claim {_quote(quote)}")
        self._article_id = article_id
        self._fields = fields
        self._snapshot: ClaimSnapshot | None = None
        self.claim_id: int | None = None

    def do(self) -> None:
        self.claim_id = self._document.create_claim(self._article_id, self._fields).id

    def do_again(self) -> None:
        assert self._snapshot is not None
        self._document.restore_claims(self._snapshot)

    def revert(self) -> None:
        assert self.claim_id is not None
        self._snapshot = self._document.delete_claims((self.claim_id,))


class EditClaimCommand(ProjectCommand):
    def __init__(self, document: ProjectDocument, claim_id: int, before: ClaimFields,
                 after: ClaimFields, what: str) -> None:
        super().__init__(document, what)
        self._claim_id = claim_id
        self._before = before
        self._after = after

    def do(self) -> None:
        self._document.update_claim(self._claim_id, self._after)

    def revert(self) -> None:
        self._document.update_claim(self._claim_id, self._before)


class DeleteClaimsCommand(ProjectCommand):
    def __init__(self, document: ProjectDocument, ids: tuple[int, ...]) -> None:
        super().__init__(document, f"Delete {_plural(len(ids), 'claim')}")
        self._ids = ids
        self._snapshot: ClaimSnapshot | None = None

    def do(self) -> None:
        self._snapshot = self._document.delete_claims(self._ids)

    def revert(self) -> None:
        assert self._snapshot is not None
        self._document.restore_claims(self._snapshot)


# ---------------------------------------------------------------- suggestions
class AcceptSuggestionsCommand(ProjectCommand):
    """Accepts suggestions; claim candidates become claims (with any edits made first)."""

    def __init__(self, document: ProjectDocument, ids: tuple[int, ...], what: str,
                 overrides: dict[int, ClaimFields] | None = None) -> None:
        super().__init__(document, what)
        self._ids = ids
        self._overrides = overrides
        self._acceptance: Acceptance | None = None
        self._snapshot: ClaimSnapshot | None = None

    @property
    def created_claims(self) -> tuple[int, ...]:
        return self._acceptance.created_claims if self._acceptance else ()

    def do(self) -> None:
        self._acceptance = self._document.accept_suggestions(self._ids, self._overrides)

    def do_again(self) -> None:  # the same claims, ids and decision times as the first time
        assert self._acceptance is not None and self._snapshot is not None
        self._document.redo_acceptance(self._acceptance, self._snapshot)

    def revert(self) -> None:
        assert self._acceptance is not None
        self._snapshot = self._document.undo_acceptance(self._acceptance)


class SetSuggestionStatusCommand(ProjectCommand):
    """Rejects suggestions (or reopens them)."""

    def __init__(self, document: ProjectDocument, ids: tuple[int, ...], status: str,
                 what: str) -> None:
        super().__init__(document, what)
        self._ids = ids
        self._status = status
        self._change: SuggestionStatusChange | None = None

    def do(self) -> None:
        self._change = self._document.set_suggestion_status(self._ids, self._status)

    def do_again(self) -> None:
        assert self._change is not None
        self._document.redo_suggestion_status(self._change)

    def revert(self) -> None:
        assert self._change is not None
        self._document.restore_suggestion_statuses(self._change)


# ---------------------------------------------------------------- events
class EventEditCommand(ProjectCommand):
    """Any edit of events (create, edit, delete, link, unlink, merge, split).

    `edit` calls one service method; the change it returns holds the events'
    rows before and after, which undo and redo put back exactly.
    """

    def __init__(self, document: ProjectDocument,
                 edit: Callable[[ProjectService], EventChange], what: str) -> None:
        super().__init__(document, what)
        self._edit = edit
        self.change: EventChange | None = None

    def do(self) -> None:
        self.change = self._document.edit_events(self._edit)

    def do_again(self) -> None:
        assert self.change is not None
        self._document.apply_events_state(self.change.after)

    def revert(self) -> None:
        assert self.change is not None
        self._document.apply_events_state(self.change.before)


# ---------------------------------------------------------------- alignments
class AlignmentVerdictCommand(ProjectCommand):
    """Confirms, changes or rejects a proposed alignment."""

    def __init__(self, document: ProjectDocument, alignment_id: int, relation: str, status: str,
                 what: str, differences: Sequence[DifferenceRecord] | None = None) -> None:
        super().__init__(document, what)
        self._args = (alignment_id, relation, status, differences)
        self._before: AlignmentRecord | None = None
        self._after: AlignmentRecord | None = None

    def do(self) -> None:
        self._before, self._after = self._document.decide_alignment(*self._args)

    def do_again(self) -> None:
        assert self._after is not None
        self._document.restore_alignment(self._after)

    def revert(self) -> None:
        assert self._before is not None
        self._document.restore_alignment(self._before)


# ---------------------------------------------------------------- labels
class CreateLabelCommand(ProjectCommand):
    def __init__(self, document: ProjectDocument, name: str, colour: str,
                 shortcut: int | None) -> None:
        super().__init__(document, f"Add label “{name}”")
        self._args = (name, colour, shortcut)
        self._rows: Rows | None = None
        self.label_id: int | None = None

    def do(self) -> None:
        self.label_id = self._document.create_label(*self._args).id

    def do_again(self) -> None:
        assert self._rows is not None
        self._document.restore_label(self._rows)

    def revert(self) -> None:
        assert self.label_id is not None
        self._rows = self._document.delete_label(self.label_id)


class EditLabelCommand(ProjectCommand):
    def __init__(self, document: ProjectDocument, before: LabelRecord,
                 after: LabelRecord) -> None:
        super().__init__(document, f"Edit label “{after.name}”")
        self._before = before
        self._after = after

    def do(self) -> None:
        self._document.update_label(self._after)

    def revert(self) -> None:
        self._document.update_label(self._before)


class DeleteLabelCommand(ProjectCommand):
    def __init__(self, document: ProjectDocument, label: LabelRecord) -> None:
        super().__init__(document, f"Delete label “{label.name}”")
        self._label_id = label.id
        self._rows: Rows | None = None

    def do(self) -> None:
        self._rows = self._document.delete_label(self._label_id)

    def revert(self) -> None:
        assert self._rows is not None
        self._document.restore_label(self._rows)
