"""File ▸ Import Annotations: annotations made in another tool, read into this project.

The formats are the importers `storage.exporting.formats` registers that add
to an open project (brat, W3C Web Annotation, INCEpTION XMI); a Claimline JSON
Lines dataset becomes a project of its own (File ▸ New Project from Dataset).
Formats that read a folder of files offer a folder as well as a file.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.object_names import named
from storage.exporting.formats import IMPORTERS


class ImportAnnotationsDialog(QDialog):
    def __init__(self, start_folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importAnnotationsDialog")
        self.setWindowTitle("Import Annotations")
        self.setMinimumWidth(560)
        self._folder = start_folder

        self.format = named(QComboBox(), "importFormat")
        for entry in IMPORTERS.values():
            if not entry.needs_empty_project:
                self.format.addItem(entry.name, entry.name)
        self.description = named(QLabel(), "importDescription")
        self.description.setWordWrap(True)
        self.path = named(QLineEdit(), "importPath")
        pick_file = named(QPushButton("File…"), "importChooseFile")
        pick_file.clicked.connect(self._choose_file)
        self.pick_folder = named(QPushButton("Folder…"), "importChooseFolder")
        self.pick_folder.clicked.connect(self._choose_folder)
        where = QHBoxLayout()
        where.addWidget(self.path, 1)
        where.addWidget(pick_file)
        where.addWidget(self.pick_folder)
        undo = QLabel("Edit ▸ Undo removes everything an import added.")
        undo.setEnabled(False)

        form = QFormLayout()
        form.addRow("Format:", self.format)
        form.addRow("", self.description)
        form.addRow("Read from:", where)
        form.addRow("", undo)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton("Import",
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

        self.format.currentIndexChanged.connect(self._on_format)
        self.path.textChanged.connect(self._update_button)
        self._on_format()

    def choice(self) -> tuple[str, Path]:
        return str(self.format.currentData()), Path(self.path.text().strip())

    def _on_format(self) -> None:
        entry = IMPORTERS[self.format.currentData()]
        self.description.setText(entry.description[0].upper() + entry.description[1:] + ".")
        self.pick_folder.setVisible(entry.reads_folders)
        self.path.setPlaceholderText("A file, or a folder of files" if entry.reads_folders
                                     else "A file")
        self._update_button()

    def _choose_file(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(self, "Import Annotations from File",
                                                      self._start())
        if chosen:
            self.path.setText(chosen)

    def _choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, "Import Annotations from Folder",
                                                  self._start())
        if chosen:
            self.path.setText(chosen)

    def _start(self) -> str:
        return self.path.text().strip() or str(self._folder)

    def _update_button(self) -> None:
        text = self.path.text().strip()
        chosen = Path(text)
        folders = IMPORTERS[self.format.currentData()].reads_folders
        self.import_button.setEnabled(bool(text) and (chosen.is_file()
                                                      or (folders and chosen.is_dir())))
