"""File ▸ Export Dataset: which format, which articles, where to.

The formats are those `storage.exporting.formats` registers (the same names the
`claimline export` command takes). A format written as one file asks for a
file name with its suffix; a format written as a folder of files asks for a
folder. The export itself runs in the background (desktop.background_work).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.object_names import named
from storage.exporting.formats import FORMATS, ExportFormat


@dataclass(frozen=True)
class ExportChoice:
    format: str
    path: Path
    article_ids: tuple[int, ...] | None  # None: the whole project
    include_open: bool


class ExportDialog(QDialog):
    def __init__(self, selected: tuple[int, ...], start_folder: Path, base_name: str = "claimline",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle("Export Dataset")
        self.setMinimumWidth(560)
        self._selected = selected
        self._folder = start_folder
        self._base_name = base_name
        self._path_chosen = False  # once the researcher picks a place, keep it

        self.format = named(QComboBox(), "exportFormat")
        for entry in FORMATS.values():
            self.format.addItem(entry.name, entry.name)
        self.description = named(QLabel(), "exportDescription")
        self.description.setWordWrap(True)
        self.whole = named(QRadioButton("The whole project"), "exportWholeProject")
        self.only_selected = named(QRadioButton(
            f"The {len(selected)} selected article{'s' if len(selected) != 1 else ''}"),
            "exportSelected")
        self.only_selected.setEnabled(bool(selected))
        (self.only_selected if len(selected) > 1 else self.whole).setChecked(True)
        self.include_open = named(QCheckBox(
            "Also export suggestions not yet reviewed (otherwise only accepted ones)"),
            "exportIncludeOpen")
        self.path = named(QLineEdit(), "exportPath")
        browse = named(QPushButton("Choose…"), "exportBrowse")
        browse.clicked.connect(self._browse)
        where = QHBoxLayout()
        where.addWidget(self.path, 1)
        where.addWidget(browse)

        scope = QVBoxLayout()
        scope.addWidget(self.whole)
        scope.addWidget(self.only_selected)
        form = QFormLayout()
        form.addRow("Format:", self.format)
        form.addRow("", self.description)
        form.addRow("Articles:", scope)
        form.addRow("", self.include_open)
        form.addRow("Save to:", where)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = self.buttons.addButton("Export",
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

        self.format.currentIndexChanged.connect(self._on_format)
        self.path.textChanged.connect(self._update_button)
        self.path.textEdited.connect(lambda _text: self._choose_path())
        self._on_format()

    @property
    def entry(self) -> ExportFormat:
        return FORMATS[self.format.currentData()]

    def choice(self) -> ExportChoice:
        return ExportChoice(self.entry.name, Path(self.path.text().strip()),
                            self._selected if self.only_selected.isChecked() else None,
                            self.include_open.isChecked())

    def _on_format(self) -> None:
        entry = self.entry
        kind = "a folder of files" if entry.is_folder else f"one {entry.suffix} file"
        self.description.setText(f"{entry.description}. Written as {kind}.")
        text = self.path.text().strip()
        if self._path_chosen and text:  # keep the place and name, follow the format's shape
            base = Path(text)
            stem = base.with_suffix("") if base.suffix else base
            self.path.setText(str(stem if entry.is_folder else stem.with_suffix(entry.suffix)))
        else:
            name = f"{self._base_name}-{entry.name}{entry.suffix}"
            self.path.setText(str(self._folder / name))
        self._update_button()

    def _choose_path(self) -> None:
        self._path_chosen = True

    def _browse(self) -> None:
        entry = self.entry
        current = self.path.text().strip() or str(self._folder)
        if entry.is_folder:
            chosen = QFileDialog.getExistingDirectory(self, "Export into Folder", current)
        else:
            chosen, _filter = QFileDialog.getSaveFileName(
                self, "Export to File", current, f"{entry.name} (*{entry.suffix})")
            if chosen and not chosen.endswith(entry.suffix):
                chosen += entry.suffix
        if chosen:
            self.path.setText(chosen)
            self._choose_path()

    def _update_button(self) -> None:
        self.export_button.setEnabled(bool(self.path.text().strip()))
