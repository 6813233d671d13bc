"""The annotation workspace of the article being read: reader, claim inspector, suggestions.

It keeps the three in step with the project (highlights, the selected claim,
review state) and turns what the researcher does in them into undoable
commands. Refusals from the service come back as `refused(message)`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QInputDialog, QWidget

from desktop.claim_drag import project_key
from desktop.claim_inspector import ClaimInspector
from desktop.highlight_layers import (
    CANDIDATE,
    CLAIM,
    TIMEX,
    HighlightSpan,
    entity_layer,
    timex_tooltip,
)
from desktop.project_document import ProjectDocument
from desktop.reader_view import ArticleReader
from desktop.suggestions_panel import SuggestionsPanel
from desktop.undo_commands import (
    AcceptSuggestionsCommand,
    CreateClaimCommand,
    DeleteClaimsCommand,
    EditClaimCommand,
    ProjectCommand,
    SetSuggestionStatusCommand,
)
from storage.records import (
    ClaimFields,
    ClaimRecord,
    ClaimsChanged,
    LabelRecord,
    SuggestionRecord,
    SuggestionsChanged,
)

_WORD = re.compile(r"\w+")


def claim_spans(
    claims: Sequence[ClaimRecord], labels: Sequence[LabelRecord]
) -> list[HighlightSpan]:
    names = {label.id: label.name for label in labels}
    spans = []
    for claim in claims:
        parts = [f"Claim by {claim.claimant}" if claim.claimant else "Claim (no claimant)"]
        if claim.label_ids:
            parts.append(", ".join(names.get(i, "?") for i in claim.label_ids))
        parts.append(claim.status)
        spans.append(HighlightSpan(claim.start, claim.end, CLAIM, claim.id, " · ".join(parts)))
    return spans


def suggestion_spans(suggestions: Sequence[SuggestionRecord]) -> list[HighlightSpan]:
    """Open claim candidates, and every date and entity not rejected."""
    spans = []
    for s in suggestions:
        if s.kind == "claim":
            if s.status == "open":
                claimant = s.attributes.get("claimant")
                tip = f"Candidate ({s.score:.2f})" if s.score is not None else "Candidate"
                spans.append(HighlightSpan(s.start, s.end, CANDIDATE, s.id,
                                           f"{tip}{' · by ' + claimant if claimant else ''}"))
        elif s.status != "rejected":
            if s.kind == "timex":
                a = s.attributes
                tip = timex_tooltip(str(a.get("value", "")), a.get("mod"), a.get("earliest"),
                                    a.get("latest"))
                spans.append(HighlightSpan(s.start, s.end, TIMEX, s.id, tip))
            else:
                spans.append(HighlightSpan(s.start, s.end, entity_layer(s.label), s.id,
                                           s.label))
    return spans


def _layer_of(suggestion: SuggestionRecord) -> str:
    if suggestion.kind == "claim":
        return CANDIDATE
    return TIMEX if suggestion.kind == "timex" else entity_layer(suggestion.label)


def moved_edge(text: str, fields: ClaimFields, edge: str, step: int) -> ClaimFields | None:
    """The claim with one edge moved by one word (None if it cannot move that way)."""
    words = [(m.start(), m.end()) for m in _WORD.finditer(text)]
    start, end = fields.start, fields.end
    if edge == "start":
        starts = [s for s, _e in words]
        options = [s for s in starts if s < start] if step < 0 else \
            [s for s in starts if start < s < end]
        if not options:
            return None
        start = options[-1] if step < 0 else options[0]
    else:
        ends = [e for _s, e in words]
        options = [e for e in ends if start < e < end] if step < 0 else \
            [e for e in ends if e > end]
        if not options:
            return None
        end = options[-1] if step < 0 else options[0]
    return ClaimFields(start, end, fields.claimant, fields.certainty, fields.status,
                       fields.note, fields.label_ids)


class AnnotationController(QObject):
    refused = Signal(str)
    claimSelected = Signal(int)  # -1 for none

    def __init__(self, document: ProjectDocument, reader: ArticleReader,
                 inspector: ClaimInspector, suggestions: SuggestionsPanel,
                 parent: QWidget) -> None:
        super().__init__(parent)
        self._document = document
        self._reader = reader
        self._inspector = inspector
        self._suggestions = suggestions
        self._parent_widget = parent
        self.article_id: int | None = None
        self._claims: list[ClaimRecord] = []
        self._suggestions_by_id: dict[int, SuggestionRecord] = {}
        self._claimant_choices: list[str] | None = None
        self._selected: int | None = None
        # Claims dragged from the reader or the claim panel say which project they are of.
        reader.text.claims_project = inspector.claims_project = lambda: project_key(document.path)

        document.claimsChanged.connect(self._on_claims_changed)
        document.suggestionsChanged.connect(self._on_suggestions_changed)
        document.labelsChanged.connect(self._on_labels_changed)
        reader.spanClicked.connect(self._on_span_clicked)
        inspector.claimEdited.connect(self._on_claim_edited)
        inspector.deleteRequested.connect(lambda claim_id: self._delete((claim_id,)))
        suggestions.acceptRequested.connect(self.accept)
        suggestions.rejectRequested.connect(
            lambda ids: self.push(SetSuggestionStatusCommand(
                document, tuple(ids), "rejected", f"Reject {len(ids)} suggestion(s)")))
        suggestions.reopenRequested.connect(
            lambda ids: self.push(SetSuggestionStatusCommand(
                document, tuple(ids), "open", "Reopen suggestion")))
        suggestions.editAcceptRequested.connect(self.edit_then_accept)

    # ------------------------------------------------------------ showing
    def show_article(self, article_id: int | None) -> None:
        self.article_id = article_id
        self._selected = None
        self._claimant_choices = None
        if article_id is None or not self._document.is_open:
            self._claims = []
            self._suggestions_by_id = {}
            self._reader.set_spans([])
            self._suggestions.show_suggestions(None)
            self._inspector.show_claim(None)
            return
        service = self._document.service
        self._inspector.set_labels(service.list_labels())
        self._claims = service.list_claims(article_id)
        suggestions = service.list_suggestions(article_id)
        self._suggestions_by_id = {s.id: s for s in suggestions}
        self._reader.set_spans([*claim_spans(self._claims, service.list_labels()),
                                *suggestion_spans(suggestions)])
        self._reader.set_selected_claim(None)
        self._suggestions.show_suggestions(suggestions)
        self._inspector.show_claim(None)

    def refresh_claim_events(self) -> None:
        """Events changed: the claim panel lists the selected claim's events afresh."""
        if self._selected is not None:
            self.select_claim(self._selected)

    @property
    def selected_claim(self) -> ClaimRecord | None:
        return next((c for c in self._claims if c.id == self._selected), None)

    def select_claim(self, claim_id: int | None) -> None:
        claim = next((c for c in self._claims if c.id == claim_id), None)
        self._selected = claim.id if claim else None
        self._reader.set_selected_claim(self._selected)
        if claim is None:
            self._inspector.show_claim(None)
        else:
            service = self._document.service
            if self._claimant_choices is None:  # found once per article, then kept
                self._claimant_choices = service.claimant_choices(claim.article_id)
            self._inspector.show_claim(claim, self._claimant_choices,
                                       service.claim_history(claim.id),
                                       service.claim_events(claim.id))
        self.claimSelected.emit(self._selected if self._selected is not None else -1)

    # ------------------------------------------------------------ edits
    def push(self, command: ProjectCommand) -> bool:
        self._document.undo_stack.push(command)
        if command.refusal:
            self.refused.emit(command.refusal)
        return command.refusal is None

    def mark_claim(self, snap_to_words: bool = True) -> None:
        """Make the text selected in the reader a claim, and select it."""
        selected = self._reader.selected_range(snap_to_words)
        article = self._reader.article
        if selected is None or article is None or self.article_id is None:
            self.refused.emit("Select the words of the claim in the text first.")
            return
        start, end = selected
        command = CreateClaimCommand(self._document, self.article_id, ClaimFields(start, end),
                                     article.text[start:end])
        if self.push(command) and command.claim_id is not None:
            self.select_claim(command.claim_id)

    def delete_selected_claim(self) -> None:
        if self._selected is not None:
            self._delete((self._selected,))

    def _delete(self, ids: tuple[int, ...]) -> None:
        self.push(DeleteClaimsCommand(self._document, ids))

    def adjust_selected_claim(self, edge: str, step: int) -> None:
        """Move one edge of the selected claim by a word (step -1: left, +1: right)."""
        claim, article = self.selected_claim, self._reader.article
        if claim is None or article is None:
            return
        before = ClaimFields.of(claim)
        after = moved_edge(article.text, before, edge, step)
        if after is not None:
            self.push(EditClaimCommand(self._document, claim.id, before, after,
                                       f"Move claim {edge}"))

    def toggle_label(self, shortcut: int) -> None:
        claim = self.selected_claim
        label = next((lab for lab in self._document.service.list_labels()
                      if lab.shortcut == shortcut), None)
        if claim is None or label is None:
            return
        before = ClaimFields.of(claim)
        ids = tuple(i for i in before.label_ids if i != label.id)
        if len(ids) == len(before.label_ids):
            ids = (*before.label_ids, label.id)
        after = ClaimFields(before.start, before.end, before.claimant, before.certainty,
                            before.status, before.note, ids)
        self.push(EditClaimCommand(self._document, claim.id, before, after,
                                   f"Toggle label “{label.name}”"))

    def accept(self, ids: Sequence[int]) -> None:
        what = "Accept suggestion" if len(ids) == 1 else f"Accept {len(ids)} suggestions"
        self.push(AcceptSuggestionsCommand(self._document, tuple(ids), what))

    def edit_then_accept(self, suggestion_id: int) -> None:
        """Accept a claim candidate with the reader's selection as its span (if any) and a
        claimant the researcher confirms or corrects."""
        suggestion = next((s for s in self._document.service.list_suggestions(
            self.article_id or -1) if s.id == suggestion_id), None)
        if suggestion is None:
            return
        selected = self._reader.selected_range()
        start, end = selected if selected else (suggestion.start, suggestion.end)
        claimant, ok = QInputDialog.getText(
            self._parent_widget, "Accept claim", "Claimant:",
            text=str(suggestion.attributes.get("claimant") or ""))
        if not ok:
            return
        certainty = suggestion.attributes.get("certainty")
        fields = ClaimFields(start, end, claimant.strip() or None,
                             certainty if certainty in ("asserted", "hedged", "denied") else None)
        self.push(AcceptSuggestionsCommand(self._document, (suggestion_id,),
                                           "Accept edited claim", {suggestion_id: fields}))

    # ------------------------------------------------------------ reacting
    def _on_claims_changed(self, change: ClaimsChanged) -> None:
        if self.article_id is None or self.article_id not in change.article_ids:
            return
        self._claimant_choices = None  # a claimant may have been typed
        service = self._document.service
        self._claims = service.list_claims(self.article_id)
        self._reader.update_spans(CLAIM, claim_spans(self._claims, service.list_labels()))
        if change.added and self._selected is None:
            self._selected = change.added[-1]
        self.select_claim(self._selected)

    def _on_suggestions_changed(self, change: SuggestionsChanged) -> None:
        if self.article_id is None or self.article_id not in change.article_ids:
            return
        service = self._document.service
        if change.suggestion_ids is None:  # a pre-annotation run: everything may be new
            suggestions = service.list_suggestions(self.article_id)
            self._suggestions_by_id = {s.id: s for s in suggestions}
            self._suggestions.show_suggestions(suggestions)
            layers = {CANDIDATE, TIMEX, *(entity_layer(s.label) for s in suggestions
                                          if s.kind == "entity")}
            self._claimant_choices = None
        else:  # review decisions: only these suggestions, only their layers
            fresh = [s for s in service.get_suggestions(change.suggestion_ids)
                     if s.article_id == self.article_id]
            self._suggestions_by_id.update((s.id, s) for s in fresh)
            self._suggestions.update_suggestions(fresh)
            layers = {_layer_of(s) for s in fresh}
            if any(s.kind == "entity" for s in fresh):
                self._claimant_choices = None
        spans = suggestion_spans([s for s in self._suggestions_by_id.values()
                                  if _layer_of(s) in layers])
        for layer in layers:
            self._reader.update_spans(layer, [s for s in spans if s.layer == layer])

    def _on_labels_changed(self) -> None:
        if self.article_id is None:
            return
        labels = self._document.service.list_labels()
        self._inspector.set_labels(labels)
        self._claims = self._document.service.list_claims(self.article_id)
        self._reader.update_spans(CLAIM, claim_spans(self._claims, labels))
        self.select_claim(self._selected)

    def _on_span_clicked(self, layer: str, key: int) -> None:
        if layer == CLAIM:
            self.select_claim(key)
        else:
            self._suggestions.select_suggestion(key)

    def _on_claim_edited(self, claim_id: int, before: ClaimFields, after: ClaimFields,
                         what: str) -> None:
        self.push(EditClaimCommand(self._document, claim_id, before, after, what))
