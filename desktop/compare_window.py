"""The comparison window: do these two sources say the same thing?

Article A and article B side by side (`CompareView`), a summary of what their
alignments say, and below them the table of every pair with the researcher's
verdicts (`AlignmentReviewPanel`). The window does not run the aligner: it asks
for a run (`realignRequested`) or a saved report (`reportRequested`), the main
window does the work in the background, and the window refreshes when the
document announces new alignments for this pair (`alignmentsChanged(a, b)`), or
when told to (`refresh`). A verdict made here, or undone anywhere, refreshes it
the same way, keeping the selected pair.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QSplitter, QVBoxLayout, QWidget

from desktop.alignment_relations import Range, reading_order, summarise
from desktop.alignment_review_panel import AlignmentReviewPanel
from desktop.compare_view import CompareView
from desktop.object_names import named
from desktop.project_document import ProjectDocument
from storage.records import AlignmentRecord, ArticleDetail, ArticlesChanged, ClaimsChanged

STATUS_SECONDS = 6000


class CompareWindow(QMainWindow):
    """Compares article `article_a` (say an original) with `article_b` (say its rewrite).

    Emits `realignRequested` when the researcher asks for the pair to be aligned
    again, and `reportRequested` when they ask to save a report of it.
    """

    realignRequested = Signal()
    reportRequested = Signal()

    def __init__(self, document: ProjectDocument, article_a: int, article_b: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("compareWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        self.document = document
        self.article_ids = (article_a, article_b)
        self.articles: tuple[ArticleDetail | None, ArticleDetail | None] = (None, None)
        self._records: list[AlignmentRecord] = []

        self.view = CompareView()
        self.review = AlignmentReviewPanel(document)
        self.summary = named(QLabel(), "compareSummary")
        summary_font = self.summary.font()
        summary_font.setBold(True)
        self.summary.setFont(summary_font)
        self.view.bar.insertWidget(0, self.summary)
        self.splitter = named(QSplitter(Qt.Orientation.Vertical), "compareSplitter")
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(self.review)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 4)
        layout.setSpacing(4)
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)

        self._build_menus()

        self.view.pairSelected.connect(self.review.select_alignment)
        self.review.currentChanged.connect(self.view.select_pair)
        hint = named(QLabel("J / K: next / previous pair   ·   C: confirm   ·   X: reject   ·   "
                            "Ctrl+Z: undo"), "compareKeys")
        hint.setEnabled(False)  # drawn quietly
        self.statusBar().addPermanentWidget(hint)
        self.review.refused.connect(lambda why: self.statusBar().showMessage(why, STATUS_SECONDS))
        document.alignmentsChanged.connect(self._on_alignments_changed)
        document.articlesChanged.connect(self._on_articles_changed)
        document.claimsChanged.connect(self._on_claims_changed)
        document.projectClosed.connect(self.close)

        self.resize(1440, 940)
        self.splitter.setSizes([580, 360])
        self._load_articles()
        self.refresh()

    def _build_menus(self) -> None:
        def action(name: str, text: str, slot: object, shortcut: QKeySequence | None = None,
                   tip: str = "") -> QAction:
            made = named(QAction(text, self), name)
            made.triggered.connect(slot)
            if shortcut is not None:
                made.setShortcut(shortcut)
            made.setStatusTip(tip)
            return made

        self.action_realign = action(
            "realignComparison", "&Align Again", self.realignRequested.emit,
            tip="Run the aligner on the two articles again; your verdicts are kept")
        self.action_report = action(
            "saveComparisonReport", "Save &Report…", self.reportRequested.emit,
            QKeySequence(QKeySequence.StandardKey.Save),
            "Save the comparison as a web page or a table")
        close = action("closeComparison", "&Close", self.close,
                       QKeySequence(QKeySequence.StandardKey.Close))
        undo = named(self.document.undo_stack.createUndoAction(self, "&Undo"), "compareUndo")
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = named(self.document.undo_stack.createRedoAction(self, "&Redo"), "compareRedo")
        redo.setShortcut(QKeySequence.StandardKey.Redo)
        bar = self.menuBar()
        comparison = named(bar.addMenu("&Comparison"), "menuComparison")
        comparison.addActions([self.action_realign, self.action_report])
        comparison.addSeparator()
        comparison.addAction(close)
        named(bar.addMenu("&Edit"), "menuCompareEdit").addActions([undo, redo])
        review = named(bar.addMenu("&Review"), "menuReview")
        panel = self.review
        review.addActions([panel.next_action, panel.previous_action])
        review.addSeparator()
        review.addActions([panel.confirm_action, panel.reject_action])

    # ------------------------------------------------------------ content
    @property
    def records(self) -> tuple[AlignmentRecord, ...]:
        return tuple(self._records)

    def _load_articles(self) -> None:
        service = self.document.service
        a, b = (service.get_article(i) for i in self.article_ids)
        self.articles = (a, b)
        self.view.set_articles(a, b)
        self.setWindowTitle(
            f"Compare: {a.metadata.title or '(untitled)'} ↔ {b.metadata.title or '(untitled)'}")

    def refresh(self) -> None:
        """Read the pair's alignments again; the selected pair stays selected."""
        if not self.document.is_open:
            return
        service = self.document.service
        self._records = reading_order(service.list_alignments(*self.article_ids))
        claim_ranges: dict[int, Range] = {}
        claim_quotes: dict[int, str] = {}
        if any(r.level == "claim" for r in self._records):
            for article_id in dict.fromkeys(self.article_ids):
                for claim in service.list_claims(article_id):
                    claim_ranges[claim.id] = (claim.start, claim.end)
                    claim_quotes[claim.id] = claim.quote
        self.view.set_alignments(self._records, claim_ranges)
        self.review.set_alignments(self._records, claim_quotes)
        self.summary.setText(summarise(self._records))
        self.action_report.setEnabled(bool(self._records))

    def select_pair(self, alignment_id: int | None) -> None:
        """Select one alignment in the readers and the table."""
        self.review.select_alignment(alignment_id)
        self.view.select_pair(alignment_id)

    # ------------------------------------------------------------ the document
    def _on_alignments_changed(self, article_a: int, article_b: int) -> None:
        if (article_a, article_b) == self.article_ids:
            self.refresh()

    def _on_articles_changed(self, change: ArticlesChanged) -> None:
        if set(change.removed) & set(self.article_ids):
            self.close()
        elif set(change.updated) & set(self.article_ids):
            selected = self.view.selected_pair
            self._load_articles()
            self.refresh()
            self.select_pair(selected)

    def _on_claims_changed(self, change: ClaimsChanged) -> None:
        if set(change.article_ids) & set(self.article_ids) and any(
                r.level == "claim" for r in self._records):
            self.refresh()
