"""Progress of background work, shown in the status bar with a Cancel button.

Not a modal dialog: the researcher keeps reading and editing while an import
or an annotation run goes on, and sees its results arrive.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QToolButton, QWidget

from desktop.object_names import named


class TaskProgress(QWidget):
    cancelRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = named(QLabel(), "taskLabel")
        self.bar = named(QProgressBar(), "taskProgressBar")
        self.bar.setMaximumWidth(220)
        self.bar.setTextVisible(True)
        self.cancel = named(QToolButton(), "taskCancel")
        self.cancel.setText("Cancel")
        self.cancel.setToolTip("Stop after the current item; what is done so far is kept.")
        self.cancel.clicked.connect(self._on_cancel)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel)
        self.hide()

    def start(self, text: str) -> None:
        self.label.setText(text)
        self.bar.setRange(0, 0)  # busy until the size of the work is known
        self.cancel.setEnabled(True)
        self.show()

    def advance(self, done: int, total: int, text: str) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)
        self.bar.setFormat(f"{done} / {total}")
        self.label.setText(text)

    def finish(self) -> None:
        self.hide()

    def _on_cancel(self) -> None:
        self.cancel.setEnabled(False)
        self.label.setText("Cancelling…")
        self.cancelRequested.emit()
