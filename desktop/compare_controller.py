"""Comparing sources from the main window: which two articles, aligning them, their windows.

"Compare with Original" pairs the article being read with the one it is recorded
as derived from; "Compare Two Articles" takes the two selected in the list (or
asks for the second). The aligner runs in the background (spaCy never loads on
the UI thread); the comparison window opens at once and fills in when the
proposals are stored. A pair that was aligned before opens with what is stored,
verdicts included, and can be aligned again from its window.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from desktop.background_work import Comparison
from desktop.compare_window import CompareWindow
from desktop.project_document import ProjectDocument
from storage.records import ArticleSummary

if TYPE_CHECKING:
    from desktop.main_window import MainWindow

REPORT_FILTER = "Web page (*.html);;Spreadsheet table (*.csv);;JSON lines (*.jsonl)"


def article_label(article: ArticleSummary) -> str:
    outlet = article.metadata.outlet or "outlet unknown"
    return f"{article.title or f'Article {article.id}'} — {outlet} (#{article.id})"


def reading_pair(first: ArticleSummary, second: ArticleSummary) -> tuple[int, int]:
    """Which of two articles is A: the original if one derives from the other, else the
    earlier published, else the one imported first."""
    if second.id in first.derived_from:
        return second.id, first.id
    if first.id in second.derived_from:
        return first.id, second.id
    a_date, b_date = first.metadata.published, second.metadata.published
    if a_date and b_date and a_date != b_date:
        return (first.id, second.id) if a_date < b_date else (second.id, first.id)
    return (first.id, second.id) if first.id < second.id else (second.id, first.id)


class CompareController(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._document: ProjectDocument = window.document
        self.windows: dict[tuple[int, int], CompareWindow] = {}
        window.work.comparisonFinished.connect(self._on_compared)
        self._document.projectClosed.connect(self._close_all)

    # ------------------------------------------------------------ choosing the pair
    def compare_with_original(self) -> None:
        window = self._window
        article = window.articles.current_article_id()
        if article is None:
            window.statusBar().showMessage("Choose the article to compare first.", 6000)
            return
        original = self._document.service.original_of(article)
        if original is None:
            QMessageBox.information(
                window, "No original recorded",
                "This article is not recorded as a rewrite of another article in the project. "
                "Select both articles in the list and use Compare ▸ Compare Two Articles.")
            return
        self.open(original, article)

    def compare_two(self) -> None:
        """Compare the two selected articles; with one selected, ask which to compare it with."""
        window = self._window
        if not self._document.is_open:
            return
        service = self._document.service
        selected = window.articles.selected_article_ids()
        everything = {a.id: a for a in service.list_articles()}
        if len(selected) == 1:
            others = [a for a in everything.values() if a.id != selected[0]]
            if not others:
                window.statusBar().showMessage("The project has no other article to compare "
                                               "with.", 6000)
                return
            labels = [article_label(a) for a in others]
            chosen, ok = QInputDialog.getItem(
                window, "Compare Two Articles",
                f"Compare “{everything[selected[0]].title}” with:", labels, 0, False)
            if not ok:
                return
            selected = (selected[0], others[labels.index(chosen)].id)
        if len(selected) != 2:
            window.statusBar().showMessage("Select two articles in the list to compare them.",
                                           6000)
            return
        self.open(*reading_pair(everything[selected[0]], everything[selected[1]]))

    # ------------------------------------------------------------ the windows
    def open(self, article_a: int, article_b: int) -> CompareWindow | None:
        """Show the comparison of A with B, aligning them first if they never were.

        None when they never were and another task is running: an empty window
        would wait for an alignment nothing is going to start.
        """
        key = (article_a, article_b)
        compare = self.windows.get(key)
        if (compare is None and self._window.work.busy
                and not self._document.service.list_alignments(article_a, article_b)):
            self._window.refuse_if_busy()
            return None
        if compare is None:
            compare = CompareWindow(self._document, article_a, article_b)
            compare.realignRequested.connect(lambda: self.align(article_a, article_b))
            compare.reportRequested.connect(lambda: self.save_report(compare))
            compare.destroyed.connect(lambda: self._forget(key, compare))
            self.windows[key] = compare
        compare.show()
        compare.raise_()
        compare.activateWindow()
        if not compare.records:
            self.align(article_a, article_b)
        return compare

    def align(self, article_a: int, article_b: int) -> None:
        if self._window.refuse_if_busy():
            return
        compare = self.windows.get((article_a, article_b))
        if compare is not None:
            compare.statusBar().showMessage("Aligning the two articles…")
        self._window.work.compare(article_a, article_b)

    def _on_compared(self, comparison: Comparison) -> None:
        compare = self.windows.get((comparison.article_a, comparison.article_b))
        stored = comparison.stored
        if stored is None:
            message = "Comparison cancelled; nothing was changed."
        else:
            self._document.announce_alignments(comparison.article_a, comparison.article_b)
            kept = f"; {stored.kept} of your verdicts kept" if stored.kept else ""
            message = f"Aligned: {stored.added} proposals{kept}."
        (compare.statusBar() if compare else self._window.statusBar()).showMessage(message,
                                                                                    10000)

    def save_report(self, compare: CompareWindow) -> None:
        from storage.exporting.comparison_report import write_report

        a, b = compare.articles
        if a is None or b is None:
            return
        path, _filter = QFileDialog.getSaveFileName(compare, "Save Comparison Report",
                                                    "comparison.html", REPORT_FILTER)
        if not path:
            return
        try:
            kind = write_report(Path(path), a, b, compare.records)
        except (OSError, ValueError) as error:
            QMessageBox.warning(compare, "Report not saved", str(error))
            return
        compare.statusBar().showMessage(f"Saved the comparison report ({kind}) to {path}.",
                                        10000)

    def _forget(self, key: tuple[int, int], compare: CompareWindow) -> None:
        # Only if it is still the window for that pair: after a project switch the
        # same article ids may belong to a new window of the next project.
        if self.windows.get(key) is compare:
            del self.windows[key]

    def _close_all(self) -> None:
        for compare in list(self.windows.values()):
            compare.close()
            compare.deleteLater()
        self.windows.clear()
