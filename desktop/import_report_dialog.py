"""After an import: what came in, what was already there, and what could not be read."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.object_names import named
from storage.records import ImportReport


class ImportReportDialog(QDialog):
    def __init__(self, report: ImportReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importReport")
        self.setWindowTitle("Import finished")
        self.resize(720, 380)

        summary = named(QLabel(report.summary_line()), "importSummary")
        summary.setWordWrap(True)

        self.problems = named(QTreeWidget(), "importProblems")
        self.problems.setHeaderLabels(["File", "What happened"])
        self.problems.setRootIsDecorated(False)
        self.problems.setWordWrap(True)
        header = self.problems.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        for failure in report.failures:
            QTreeWidgetItem(self.problems, [failure.origin, failure.reason])
        for duplicate in report.duplicates:
            title = duplicate.existing_title or f"article {duplicate.existing_id}"
            QTreeWidgetItem(
                self.problems,
                [
                    duplicate.origin,
                    f"Skipped: the same text is already in the project as “{title}”.",
                ],
            )

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)

        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(self.problems, 1)
        layout.addWidget(buttons)
        self.problems.setVisible(self.problems.topLevelItemCount() > 0)
